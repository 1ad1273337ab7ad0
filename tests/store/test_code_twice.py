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
    with EventStore(db) as store:
        return store.con.execute(
            "SELECT id, event_type, mentions FROM events ORDER BY id"
        ).fetchall()


def test_coding_twice_then_recoding_keeps_the_same_events(tmp_path, capsys):
    article = tmp_path / "coup.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    argv = ["code", "--db", db, "--pub-date", "2021-05-26", "--format", "jsonl", "--all-modalities"]
    assert main([*argv, str(article)]) == 0
    first_output = capsys.readouterr().out
    first = stored(db)
    assert first, "the coder found no events in the test article"
    assert main([*argv, str(article), str(copy)]) == 0
    captured = capsys.readouterr()
    assert captured.out == first_output  # reused from the store, same records
    assert "same text as stored" in captured.err
    assert stored(db) == first
    with EventStore(db) as store:
        store.con.execute("UPDATE documents SET coder_fingerprint = 'older coder'")
    assert main(["recode", "--db", db]) == 0
    assert "1 documents re-coded" in capsys.readouterr().err
    assert stored(db) == first
    records = [json.loads(line) for line in first_output.splitlines()]
    assert {r["id"] for r in records} >= {row[0] for row in first}
