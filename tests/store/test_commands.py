"""The query, export, import and dedup commands, end to end through the CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from eventlens.cli import main
from eventlens.commands.timeline import period_range, sparkline
from eventlens.store.db import EventStore


@pytest.fixture
def db(store_path, make_event, make_document) -> str:
    with EventStore(store_path) as store:
        store.save_batch(
            [
                (
                    make_document("a"),
                    [
                        make_event("a"),
                        make_event(
                            "a",
                            event_type="PROTEST",
                            actor=("protesters",),
                            recipient=(),
                            day=date(2021, 5, 2),
                            offset=80,
                        ),
                    ],
                ),
                (make_document("b"), [make_event("b", day=date(2021, 3, 8))]),
            ]
        )
    return str(store_path)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_events_formats_and_filters(db, capsys):
    code, out, _ = run(capsys, "events", "--db", db, "--format", "jsonl", "--type", "ASSAULT")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 1 and records[0]["mentions"] == 2
    code, out, _ = run(capsys, "events", "--db", db, "--format", "csv", "--since", "2021-04-01")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["event_type"] for r in rows] == ["PROTEST"]
    code, out, _ = run(capsys, "events", "--db", db)
    assert code == 0 and "ASSAULT" in out and "PROTEST" in out


def test_timeline_prints_sparklines(db, capsys):
    code, out, _ = run(capsys, "timeline", "--db", db, "--interval", "month")
    assert code == 0 and "ASSAULT" in out and "█" in out
    code, out, _ = run(capsys, "timeline", "--db", db, "--by", "quad", "--format", "jsonl")
    assert [json.loads(line)["key"] for line in out.splitlines()] == ["material conflict"] * 2


def test_sparkline_and_periods():
    assert sparkline([0, 1, 4, 8]) == " ▁▄█"
    assert len(sparkline(list(range(200)), width=50)) == 50
    assert period_range(date(2021, 11, 1), date(2022, 2, 1), "month")[-2:] == [
        date(2022, 1, 1),
        date(2022, 2, 1),
    ]


def test_dyads_command(db, capsys):
    code, out, _ = run(capsys, "dyads", "--db", db, "--format", "jsonl")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert (row["actor"], row["recipient_code"], row["events"], row["mentions"]) == (
        "JNIM",
        "MLI",
        1,
        2,
    )


def test_export_then_import_round_trip(db, capsys, tmp_path):
    out_path = tmp_path / "events.parquet"
    code, _, err = run(capsys, "export", "--db", db, "--format", "parquet", "--out", str(out_path))
    assert code == 0 and "2 events written" in err
    code, out, _ = run(capsys, "events", "--parquet", str(out_path), "--format", "jsonl")
    assert len(out.splitlines()) == 2
    copy = tmp_path / "copy.duckdb"
    code, _, err = run(capsys, "import", "--db", str(copy), str(out_path))
    assert code == 0 and "2 event mentions loaded" in err
    code, out, _ = run(capsys, "export", "--db", str(copy), "--format", "acled-csv", "--out", "-")
    assert out.splitlines()[0].startswith("event_id_cnty,event_date")


def test_dedup_command_with_threshold(db, capsys):
    code, _, err = run(capsys, "dedup", "--db", db, "--threshold", "0.99")
    assert code == 0 and "3 mentions → 3 events" in err
    code, _, err = run(capsys, "dedup", "--db", db)
    assert "3 mentions → 2 events" in err


def test_recode_with_nothing_outdated_needs_no_model(db, capsys):
    code, _, err = run(capsys, "recode", "--db", db)
    assert code == 0 and "every document is coded by the current coder" in err


def test_missing_store_is_one_clear_line(tmp_path, capsys):
    code, _, err = run(capsys, "dyads", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and err.count("\n") == 1 and "no such store" in err
