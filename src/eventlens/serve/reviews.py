"""Analysts' reviews of coded events, kept beside the machine's output, and their gold export.

A review never changes the ``events`` table: each verdict is a new row in ``reviews`` holding a
snapshot of the machine record it judged, so re-coding a document keeps its reviews. The latest
review of an event is its current verdict; ``export_reviews`` writes those as a gold set.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

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
    """The current (latest) review of each reviewed event, with its machine snapshot."""
    yield from _reviews(
        con,
        "QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY created_at DESC, id DESC) = 1 "
        "ORDER BY doc_id, event_id",
        [],
        with_machine=True,
    )


def _reviews(
    con: duckdb.DuckDBPyConnection, tail: str, params: list[Any], with_machine: bool = False
) -> Iterator[dict[str, Any]]:
    for row in con.execute(f"SELECT {', '.join(COLUMNS)} FROM reviews {tail}", params).fetchall():
        review = dict(zip(COLUMNS, row, strict=True))
        review["correction"] = json.loads(review["correction"]) if review["correction"] else None
        review["machine"] = json.loads(review["machine"])
        yield review if with_machine else _public(review)


def _public(review: dict[str, Any]) -> dict[str, Any]:
    """A review as the API shows it (without the machine snapshot)."""
    return {k: v for k, v in review.items() if k != "machine"}


def gold_record(review: dict[str, Any]) -> dict[str, Any]:
    """One line of the gold set: the machine's event with the analyst's verdict applied.

    The shape follows the PLOVER gold-standard records (``text``, ``event``, ``mode``,
    ``eventText``, ``source``/``target`` lists of {actorText, code, sector}); ``event`` is null
    when the analyst judged the event wrong (the sentence does not report it).
    """
    machine = review["machine"]
    truth = {key: machine.get(key) for key in CORRECTABLE}
    truth.update(review["correction"] or {})
    wrong = review["verdict"] == "wrong"
    return {
        "id": f"review-{review['event_id']}",
        "event_id": review["event_id"],
        "doc_id": review["doc_id"],
        "text": machine["sentence"],
        "verdict": review["verdict"],
        "event": None if wrong else truth["event_type"],
        "mode": None if wrong else truth["mode"],
        "eventText": machine["trigger"],
        "source": [] if wrong else [_gold_actor(a) for a in truth["actor"] or []],
        "target": [] if wrong else [_gold_actor(a) for a in truth["recipient"] or []],
        "date": None if wrong else truth["date"],
        "eventLoc": None if wrong else truth["location"],
        "modality": machine["modality"],
        "machine": {key: machine.get(key) for key in CORRECTABLE},
        "note": review["note"],
        "reviewer": review["reviewer"],
        "reviewed_at": review["created_at"].isoformat(timespec="seconds"),
    }


def _gold_actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "actorText": actor.get("text"),
        "code": actor.get("code"),
        "sector": actor.get("sector"),
    }


def export_reviews(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """Write the current review of every reviewed event as gold JSONL; return the line count."""
    ensure_reviews_table(con)
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for review in latest_reviews(con):
            out.write(json.dumps(gold_record(review), ensure_ascii=False) + "\n")
            count += 1
    return count
