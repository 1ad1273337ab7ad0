"""Analysts' reviews of coded events, kept beside the machine's output, and their gold export.

A review never changes the ``events`` table: each verdict is a new row in ``reviews`` holding a
snapshot of the machine record it judged, so re-coding a document keeps its reviews. The latest
review of an event is its current verdict; ``export_reviews`` writes those as a gold set.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Literal

import duckdb

Verdict = Literal["correct", "wrong", "corrected"]
CORRECTABLE = ("event_type", "mode", "actor", "recipient", "date", "location")

SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL, doc_id VARCHAR, verdict VARCHAR NOT NULL,
    correction JSON, machine JSON NOT NULL, note VARCHAR, reviewer VARCHAR,
    created_at TIMESTAMP NOT NULL
);
"""
COLUMNS = (
    "id",
    "event_id",
    "doc_id",
    "verdict",
    "correction",
    "machine",
    "note",
    "reviewer",
    "created_at",
)


def ensure_reviews_table(con: duckdb.DuckDBPyConnection) -> None:
    """Create the ``reviews`` table if the store has none."""
    con.execute(SCHEMA)


def add_review(
    con: duckdb.DuckDBPyConnection,
    record: dict[str, Any],
    verdict: Verdict,
    correction: dict[str, Any] | None = None,
    note: str | None = None,
    reviewer: str | None = None,
) -> dict[str, Any]:
    """Store one verdict on the event ``record`` and return the stored review."""
    review = {
        "id": uuid.uuid4().hex,
        "event_id": record["id"],
        "doc_id": record["doc_id"],
        "verdict": verdict,
        "correction": correction or None,
        "machine": record,
        "note": note,
        "reviewer": reviewer,
        "created_at": datetime.now(UTC).replace(tzinfo=None),
    }
    con.execute(
        f"INSERT INTO reviews ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
        [
            json.dumps(review[c], ensure_ascii=False)
            if c in ("correction", "machine")
            else review[c]
            for c in COLUMNS
        ],
    )
    return _public(review)


def event_reviews(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """Every review of one event, newest first."""
    return list(_reviews(con, "WHERE event_id = ? ORDER BY created_at DESC, id", [event_id]))


def latest_reviews(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """The current (latest) review of each reviewed event, with its machine snapshot and the
    publication date of its document."""
    rows = con.execute(
        f"""SELECT {", ".join(f"r.{c}" for c in COLUMNS)}, d.pub_date
        FROM reviews r LEFT JOIN documents d ON d.id = r.doc_id
        QUALIFY row_number() OVER (
            PARTITION BY r.event_id ORDER BY r.created_at DESC, r.id DESC) = 1
        ORDER BY r.doc_id, r.event_id"""
    ).fetchall()
    for row in rows:
        yield {**_review(row[:-1]), "pub_date": row[-1]}


def _reviews(
    con: duckdb.DuckDBPyConnection, tail: str, params: list[Any]
) -> Iterator[dict[str, Any]]:
    for row in con.execute(f"SELECT {', '.join(COLUMNS)} FROM reviews {tail}", params).fetchall():
        yield _public(_review(row))


def _review(row: tuple[Any, ...]) -> dict[str, Any]:
    """A review row as a dict, its JSON columns parsed."""
    review = dict(zip(COLUMNS, row, strict=True))
    review["correction"] = json.loads(review["correction"]) if review["correction"] else None
    review["machine"] = json.loads(review["machine"])
    return review


def _public(review: dict[str, Any]) -> dict[str, Any]:
    """A review as the API shows it (without the machine snapshot)."""
    return {k: v for k, v in review.items() if k != "machine"}


def gold_record(review: dict[str, Any]) -> dict[str, Any]:
    """One line of the gold set (the ``reviews`` format of ``eventlens eval``).

    ``event_type``, ``mode``, ``actor``, ``recipient``, ``date`` and ``location`` are the truth:
    the machine's values with the analyst's corrections applied. For a ``wrong`` verdict they
    are the machine's values, i.e. what the sentence does not report. ``machine`` keeps what
    the coder said.
    """
    machine = review["machine"]
    truth = {key: machine.get(key) for key in CORRECTABLE}
    truth.update(review["correction"] or {})
    return {
        "id": f"review-{review['event_id']}",
        "text": machine["sentence"],
        "pub_date": _iso(review.get("pub_date")),
        "verdict": review["verdict"],
        **{key: truth[key] for key in CORRECTABLE},
        "trigger": machine["trigger"],
        "modality": machine["modality"],
        "event_id": review["event_id"],
        "doc_id": review["doc_id"],
        "machine": {key: machine.get(key) for key in CORRECTABLE},
        "note": review["note"],
        "reviewer": review["reviewer"],
        "reviewed_at": review["created_at"].isoformat(timespec="seconds"),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export_reviews(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """Write the current review of every reviewed event as gold JSONL (``-``: stdout).

    Works on a read-only connection; a store nobody reviewed gives an empty file.
    Returns the number of lines written.
    """
    if str(path) == "-":
        return write_gold(con, sys.stdout)
    with Path(path).open("w", encoding="utf-8") as out:
        return write_gold(con, out)


def write_gold(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    """Write the gold lines to an open text stream; return their number."""
    if not has_reviews_table(con):
        return 0
    count = 0
    for review in latest_reviews(con):
        out.write(json.dumps(gold_record(review), ensure_ascii=False) + "\n")
        count += 1
    return count


def has_reviews_table(con: duckdb.DuckDBPyConnection) -> bool:
    [(count,)] = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'reviews'"
    ).fetchall()
    return count > 0
