"""The store: idempotent ingest, replacement, dedup on save, migrations, bulk import."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from eventlens.store.db import EventStore, IngestReport
from eventlens.store.migrations import SCHEMA_VERSION, V1_SCHEMA, StoreVersionError
from eventlens.store.queries import connect, count_events, get_event


def counts(store: EventStore) -> tuple[int, int, int]:
    return tuple(
        store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        for table in ("documents", "mentions", "events")
    )


class FakePipeline:
    """Stands in for the spaCy pipeline: codes each document into prepared events."""

    coded: list[str] = []

    def __init__(self, events_by_doc):
        self.events_by_doc = events_by_doc

    def code(self, documents):
        for document in documents:
            FakePipeline.coded.append(document.id)
            yield document, self.events_by_doc[document.id]


def test_saving_twice_leaves_the_same_events(store, make_event, make_document):
    doc = make_document("a")
    events = [make_event("a"), make_event("a", event_type="PROTEST", offset=80, recipient=())]
    store.save(doc, events)
    first = sorted(store.events(), key=lambda r: r["id"])
    store.save(doc, events)
    assert sorted(store.events(), key=lambda r: r["id"]) == first
    assert counts(store) == (1, 2, 2)


def test_recoding_a_document_replaces_its_events(store, make_event, make_document):
    doc = make_document("a")
    store.save(doc, [make_event("a"), make_event("a", offset=200, day=date(2021, 5, 1))])
    store.save(doc, [make_event("a", event_type="PROTEST", recipient=())])
    assert [r["event_type"] for r in store.events()] == ["PROTEST"]
    assert counts(store) == (1, 1, 1)


def test_reports_of_one_event_become_one_event_with_its_sources(store, make_event, make_document):
    store.save_batch(
        [
            (make_document("a"), [make_event("a")]),
            (make_document("b"), [make_event("b", actor=("militants",), day=date(2021, 3, 8))]),
            (make_document("c"), [make_event("c", recipient=("niger-army",), place="niamey")]),
        ]
    )
    assert counts(store) == (3, 3, 2)
    merged = [r for r in store.events() if r["mentions"] == 2]
    assert len(merged) == 1
    con = store.con
    row = con.execute("SELECT mentions, articles FROM events WHERE mentions = 2").fetchall()
    assert row == [(2, 2)]
    store.close()
    reader = connect(store.path)
    event = get_event(reader, merged[0]["id"])
    assert sorted(s["doc_id"] for s in event["sources"]) == ["a", "b"]


def test_replacing_a_source_document_splits_its_event(store, make_event, make_document):
    store.save_batch(
        [(make_document("a"), [make_event("a")]), (make_document("b"), [make_event("b")])]
    )
    assert counts(store)[2] == 1
    store.save(make_document("b"), [make_event("b", day=date(2021, 6, 1))])
    assert counts(store) == (2, 2, 2)
    assert all(r["mentions"] == 1 for r in store.events())


def test_failed_batch_rolls_back_completely(store, make_event, make_document):
    store.save(make_document("a"), [make_event("a")])

    def batch():
        yield make_document("a"), [make_event("a", event_type="PROTEST")]
        yield make_document("b"), [make_event("b")]
        raise RuntimeError("coder crashed")

    with pytest.raises(RuntimeError):
        store.save_batch(batch())
    assert counts(store) == (1, 1, 1)
    assert [r["event_type"] for r in store.events()] == ["ASSAULT"]


def test_ingest_skips_current_documents_and_duplicate_texts(store, make_event, make_document):
    events = {"a": [make_event("a")], "b": [make_event("b")], "copy": [make_event("copy")]}
    FakePipeline.coded = []
    list(store.ingest([make_document("a"), make_document("b")], lambda: FakePipeline(events)))
    report = IngestReport()
    documents = [make_document("a"), make_document("copy", text="Article b.")]
    records = list(store.ingest(documents, lambda: FakePipeline(events), report))
    assert FakePipeline.coded == ["a", "b"]  # nothing coded the second time
    assert report.reused == 1
    assert [(d.id, original) for d, original in report.duplicates] == [("copy", "b")]
    assert [r["doc_id"] for r in records] == ["a"]


def test_changed_text_is_coded_again(store, make_event, make_document):
    events = {"a": [make_event("a")]}
    FakePipeline.coded = []
    list(store.ingest([make_document("a")], lambda: FakePipeline(events)))
    list(
        store.ingest([make_document("a", text="Corrected article.")], lambda: FakePipeline(events))
    )
    assert FakePipeline.coded == ["a", "a"]


def test_outdated_documents_are_listed_for_recoding(store, make_event, make_document):
    store.save(make_document("a"), [make_event("a")])
    assert list(store.documents()) == []
    store.con.execute("UPDATE documents SET coder_fingerprint = 'old'")
    assert [d.id for d in store.documents()] == ["a"]
    assert [d.text for d in store.documents()] == ["Article a."]


def test_entities_catalogue(store, make_event, make_document):
    store.save(make_document("a"), [make_event("a", actor=("jnim", "militants"))])
    entities = store.con.execute(
        "SELECT name, sector FROM entities ORDER BY sector, name"
    ).fetchall()
    assert ("JNIM", "REB") in entities and ("Mali", "MIL") in entities
    links = store.con.execute(
        "SELECT role, position, text FROM mention_entities ORDER BY role, position"
    ).fetchall()
    assert links == [
        ("actor", 1, "JNIM militants"),
        ("actor", 2, "militants"),
        ("recipient", 1, "Malian soldiers"),
    ]


def test_import_jsonl_records(store, make_event, tmp_path):
    path = tmp_path / "events.jsonl"
    records = [
        make_event("x"),
        make_event("y", day=date(2021, 3, 8)),
        make_event("z", event_type="PROTEST"),
    ]
    path.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in records), encoding="utf-8")
    source = f"SELECT json AS record, '0.0.1' AS coder_version FROM read_json_objects('{path}')"
    assert store.import_records(source) == 3
    assert store.import_records(source) == 3  # again: replaced, not duplicated
    assert counts(store) == (3, 3, 2)


def test_v1_store_is_upgraded_on_opening(tmp_path, make_event):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(V1_SCHEMA)
    record = make_event("a").to_dict()
    con.execute(
        "INSERT INTO documents VALUES ('a', 'h', NULL, NULL, 't', '2021-03-08', 'en', 'text')"
    )
    con.execute(
        "INSERT INTO events VALUES (?, 'a', 'ASSAULT', NULL, 4, -9, '2021-03-07', 'asserted', 0.8, '0.0.9', ?)",
        [record["id"], json.dumps(record)],
    )
    con.close()
    reader = connect(path)  # read-only opening upgrades first
    assert (
        reader.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] == SCHEMA_VERSION
    )
    assert count_events(reader) == 1
    reader.close()
    with EventStore(path) as store:
        assert [d.id for d in store.documents()] == ["a"]  # coded by an older coder
        assert store.con.execute("SELECT coder_version FROM mentions").fetchall() == [("0.0.9",)]


def test_newer_store_is_refused_clearly(tmp_path):
    path = tmp_path / "new.duckdb"
    EventStore(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version (version) VALUES (99)")
    con.close()
    with pytest.raises(StoreVersionError, match="newer than this eventlens"):
        EventStore(path)
