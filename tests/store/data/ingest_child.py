"""Child process for the kill -9 test: ingests synthetic documents into a store.

usage: ingest_child.py STORE pause|resume N_DOCS
pause:  commits two batches, then stops half-way through a third batch's transaction
        (prints MID-BATCH and sleeps, waiting to be killed).
resume: ingests all N_DOCS documents, skipping those already stored; prints CODED <n>.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta

from eventlens.record import Actor, DateInfo, Document, Event, Location
from eventlens.store.db import EventStore

BATCH = 10


def document(i: int) -> Document:
    return Document(
        id=f"doc{i:04d}", text=f"Synthetic article number {i}.", pub_date=date(2021, 1, 1)
    )


def events(doc: Document) -> list[Event]:
    i = int(doc.id[3:])
    day = date(2021, 1, 1) + timedelta(days=i % 20)
    when = DateInfo(date=day, start=day, end=day, precision="day", basis="explicit")
    return [
        Event(
            doc_id=doc.id,
            event_type=kind,
            sentence=f"Sentence {k} of {doc.id}.",
            span=(k * 40, k * 40 + 30),
            trigger="attacked",
            rule="test",
            quad_code=4,
            intensity=-9.0,
            date=when,
            actor=[Actor(text="militants", sector="REB")],
            recipient=[Actor(text="Malian soldiers", name="Mali", code="MLI", sector="MIL")],
            location=Location(text="Gao", name="Gao", country_code="ML", lat=16.27, lon=-0.04),
        )
        for k, kind in enumerate(("ASSAULT", "PROTEST"))
    ]


class Pipeline:
    coded = 0

    def code(self, documents):
        for doc in documents:
            Pipeline.coded += 1
            yield doc, events(doc)


def paused_batch(start: int):
    for i in range(start, start + BATCH):
        if i == start + BATCH // 2:
            print("MID-BATCH", flush=True)
            time.sleep(60)
        doc = document(i)
        yield doc, events(doc)


def main() -> None:
    path, mode, n_docs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with EventStore(path) as store:
        if mode == "pause":
            for start in (0, BATCH):
                store.save_batch(
                    (document(i), events(document(i))) for i in range(start, start + BATCH)
                )
            store.save_batch(paused_batch(2 * BATCH))
        else:
            list(
                store.ingest((document(i) for i in range(n_docs)), Pipeline, batch_documents=BATCH)
            )
            print(f"CODED {Pipeline.coded}", flush=True)


if __name__ == "__main__":
    main()
