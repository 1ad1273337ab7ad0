"""With the real coder: coding the same article twice leaves the same events; recode works."""

from __future__ import annotations

import json

import pytest

from eventlens.cli import main
from eventlens.store.db import EventStore

pytestmark = pytest.mark.model

ARTICLE = """Soldiers arrested the interim president and the prime minister on Monday.
Thousands of people protested in the capital on Tuesday against the arrests.
Regional leaders imposed sanctions on the junta a week later."""


def stored(db) -> list[tuple]:
    """Every event and mention row, records included."""
    with EventStore(db) as store:
        return [
            store.con.execute(f"SELECT id, record FROM {table} ORDER BY id").fetchall()
            for table in ("events", "mentions")
        ]


def test_coding_twice_then_recoding_keeps_the_same_events(tmp_path, capsys):
    article = tmp_path / "coup.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    argv = ["code", "--db", db, "--pub-date", "2021-05-26", "--format", "jsonl", "--all-modalities"]
    assert main([*argv, str(article)]) == 0
    first = stored(db)
    assert first[1], "the coder found no events in the test article"
    assert main([*argv, str(article), str(copy)]) == 0
    assert "same text as stored" in capsys.readouterr().err
    assert stored(db) == first
    with EventStore(db) as store:
        store.con.execute("UPDATE documents SET coder_fingerprint = 'older coder'")
    assert main(["recode", "--db", db]) == 0
    assert "1 documents re-coded" in capsys.readouterr().err
    assert stored(db) == first
    records = [json.loads(record) for _, record in first[1]]
    assert {r["doc_id"] for r in records} == {"coup"}
