"""`eventlens spark-code` in Spark local mode on a small corpus (Spark start-up is the cost)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventlens.cli import main
from eventlens.record import Document

pytestmark = [pytest.mark.slow, pytest.mark.model]

ARTICLES = {
    "a1": (
        "2023-03-06",
        "Police arrested two opposition leaders in the capital on Monday. "
        "The arrests followed a week of protests against the new constitution.",
    ),
    "a2": (
        "2023-04-11",
        "Rebels attacked an army base near the border, killing four soldiers. "
        "The government warned the rebels that it would respond.",
    ),
    "a3": ("2022-12-30", "The two ministers met in Accra to discuss trade. Prices rose again."),
    "a4": ("2023-04-20", "Nothing of note happened in the market town this week."),
}
BAD_LINES = [
    {"id": "no-text", "date": "2023-01-01"},
    {"id": "bad-date", "text": "Troops withdrew from the town.", "date": "last Tuesday"},
    {"text": "Protesters rallied outside parliament.", "date": "2023-01-02"},
]


@pytest.fixture(scope="module", autouse=True)
def spark():
    """One local Spark session (and its Python workers) for both jobs; the CLI reuses it."""
    from eventlens.spark.job import start_spark

    session = start_spark("local[2]")
    yield session
    session.stop()


def write_corpus(path: Path) -> None:
    lines = [json.dumps({"id": k, "date": d, "text": t}) for k, (d, t) in ARTICLES.items()]
    lines += [json.dumps(item) for item in BAD_LINES] + ["{not json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_spark_code_writes_partitioned_events_that_duckdb_reads(tmp_path, pipeline, capsys):
    corpus, output = tmp_path / "corpus.jsonl", tmp_path / "events"
    write_corpus(corpus)

    status = main(
        ["spark-code", "--input", str(corpus), "--output", str(output), "--partitions", "1"]
    )

    assert status == 1  # rows were skipped
    err = capsys.readouterr().err
    assert "4 documents coded" in err and "4 rows skipped" in err
    for reason in ("missing text", "date is not an ISO date", "missing id", "malformed JSON line"):
        assert f"skipped 1: {reason}" in err
    summary = json.loads((output / "_summary.json").read_text())
    assert summary["documents"] == 4 and summary["skipped"] == 4

    rows = duckdb.sql(
        f"SELECT id, doc_id, event_type, year, month, date FROM read_parquet('{output}/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    documents = [
        Document(id=k, text=t, pub_date=date.fromisoformat(d)) for k, (d, t) in ARTICLES.items()
    ]
    expected = {e.id: e for _, events in pipeline.code(documents) for e in events}
    assert expected, "the corpus must yield events"
    assert {r[0] for r in rows} == set(expected)
    for event_id, doc_id, event_type, year, month, day in rows:
        event = expected[event_id]
        assert (doc_id, event_type) == (event.doc_id, event.event_type)
        assert (year, month, day) == (event.date.date.year, event.date.date.month, event.date.date)
    assert {p.name for p in output.iterdir() if p.is_dir()} >= {"year=2023"}

    capsys.readouterr()
    assert main(["events", "--parquet", str(output), "--all-modalities", "--format", "jsonl"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert {record["id"] for record in listed} == set(expected)


def test_spark_code_reads_parquet_input(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "in"
    source.mkdir()
    table = pa.table(
        {"id": ["p1"], "text": ["Police arrested two men in the capital."], "date": ["2023-05-02"]}
    )
    pq.write_table(table, source / "part.parquet")
    output = tmp_path / "events"

    assert (
        main(["spark-code", "--input", str(source), "--output", str(output), "--partitions", "1"])
        == 0
    )

    [(doc_id, year, month)] = duckdb.sql(
        f"SELECT DISTINCT doc_id, year, month FROM read_parquet('{output}/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    assert (doc_id, year, month) == ("p1", 2023, 5)
