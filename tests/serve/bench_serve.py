"""Time the dashboard's queries on a synthetic store (not collected by pytest).

    .venv/bin/python tests/serve/bench_serve.py [N_EVENTS]   # default 100000

Events are variations of records built here (random dates, places, actors), bulk-inserted.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from eventlens.serve.app import create_app
from eventlens.store.db import EventStore

TYPES = {"ASSAULT": (4, -9), "PROTEST": (4, -5), "ACCUSE": (3, -3), "CONSULT": (1, 2.5)}
ACTORS = [
    ("MLI", "MIL"),
    ("MLI", "GOV"),
    ("FRA", "GOV"),
    ("BFA", "CVL"),
    ("NER", "MIL"),
    ("IGO", "WAF"),
]
PLACES = [("Gao", "ML", 16.27, -0.04), ("Bamako", "ML", 12.65, -8.0), ("Niamey", "NE", 13.51, 2.11)]
QUERIES = [
    "/api/events",
    "/api/events?q=convoy",
    "/api/events?country=ML&type=ASSAULT",
    "/api/events?actor=soldiers&order=-confidence",
    "/api/timeline?modality=asserted",
    "/api/timeline?interval=week&actor_id=MLI-MIL",
    "/api/dyads?modality=asserted",
    "/api/places?modality=asserted",
    "/api/actors/MLI-MIL",
    "/",
    "/events?type=ASSAULT",
]


def record(number: int, rng: random.Random) -> dict:
    kind = rng.choice(list(TYPES))
    source, target = rng.sample(ACTORS, 2)
    name, country, lat, lon = rng.choice(PLACES)
    sentence = f"Soldiers attacked a convoy near {name} in report {number}."
    return {
        "id": f"{number:016x}",
        "doc_id": f"doc-{number // 10}",
        "event_type": kind,
        "mode": None,
        "quad_code": TYPES[kind][0],
        "intensity": TYPES[kind][1],
        "date": (date(2015, 1, 1) + timedelta(days=rng.randrange(3000))).isoformat(),
        "modality": "asserted" if rng.random() < 0.85 else "negated",
        "confidence": round(rng.random(), 3),
        "actor": [{"text": "Soldiers", "code": source[0], "sector": source[1]}],
        "recipient": [{"text": "a convoy", "code": target[0], "sector": target[1]}],
        "location": {"text": name, "name": name, "country_code": country, "lat": lat, "lon": lon},
        "sentence": sentence,
        "span": [0, len(sentence)],
        "trigger": "attacked",
        "mentions": rng.randint(1, 5),
    }


def fill(path: Path, count: int) -> float:
    """Bulk-load ``count`` synthetic events with the store's importer; seconds taken."""
    rng = random.Random(7)
    records = pa.table(
        {
            "record": [json.dumps(record(n, rng)) for n in range(count)],
            "coder_version": ["bench"] * count,
        }
    )
    staged = path.with_suffix(".parquet")
    pq.write_table(records, staged)
    started = time.perf_counter()
    with EventStore(path) as store:
        store.import_records(f"SELECT record, coder_version FROM read_parquet('{staged}')")
    return time.perf_counter() - started


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        seconds = fill(path, count)
        with TestClient(create_app(path, "bench")) as client:
            figures = client.get("/api/summary").json()
            print(f"{count} mentions loaded in {seconds:.1f} s: {figures['events']} events")
            for query in QUERIES:
                times = []
                for _ in range(3):
                    started = time.perf_counter()
                    assert client.get(query).status_code == 200, query
                    times.append(time.perf_counter() - started)
                print(f"{statistics.median(times) * 1000:8.0f} ms  {query}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
