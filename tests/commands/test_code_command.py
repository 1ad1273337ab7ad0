"""``eventlens code`` end to end: inputs, outputs, storage and exit status."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventlens.cli import main

ARTICLE = (
    "Soldiers arrested three opposition leaders in the capital on Monday, their party said. "
    "Rebels could attack the capital next week if the leaders are not freed."
)


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_good_inputs_exit_zero_and_print_asserted_events(tmp_path: Path, capsys) -> None:
    path = tmp_path / "arrests.txt"
    path.write_text(ARTICLE)
    status = main(["code", "--no-db", "--format", "jsonl", "--pub-date", "2024-02-07", str(path)])
    events = _jsonl(capsys.readouterr().out)
    assert status == 0
    assert [e["event_type"] for e in events] == ["COERCE"]
    assert all(e["modality"] == "asserted" and e["doc_id"] == "arrests" for e in events)


def test_all_modalities_shows_the_supposed_events_too(tmp_path: Path, capsys) -> None:
    path = tmp_path / "arrests.txt"
    path.write_text(ARTICLE)
    main(["code", "--no-db", "--format", "jsonl", "--all-modalities", str(path)])
    modalities = {e["modality"] for e in _jsonl(capsys.readouterr().out)}
    assert "asserted" in modalities and "hypothetical" in modalities


def test_bad_inputs_are_named_and_the_rest_is_coded(tmp_path: Path, capsys) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (tmp_path / "empty.html").write_text("")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "w1", "text": ARTICLE, "date": "2024-02-07"}) + "\n" + "{broken\n"
    )
    status = main(["code", "--no-db", "--format", "jsonl", str(tmp_path)])
    captured = capsys.readouterr()
    assert status == 1
    assert {e["doc_id"] for e in _jsonl(captured.out)} == {"good", "w1"}
    errors = captured.err.strip().splitlines()
    assert len(errors) == 3
    assert any("binary.txt" in line for line in errors)
    assert any("empty.html" in line for line in errors)
    assert any(f"{feed}:2" in line for line in errors)


def test_stdin_and_store_without_duplicates(tmp_path: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "events.duckdb"
    for _ in range(2):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
        assert main(["code", "--db", str(db), "--format", "jsonl", "-"]) == 0
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    stored = _jsonl(capsys.readouterr().out)
    assert len(stored) == 1 and stored[0]["event_type"] == "COERCE"


@pytest.mark.parametrize("args", [["code"], ["code", "--pub-date", "yesterday", "x.txt"]])
def test_usage_errors_exit_two(args: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
