"""The embedded DuckDB event store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from eventlens import CODER_VERSION
from eventlens.record import Document, Event

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR, source VARCHAR, url VARCHAR,
    title VARCHAR, pub_date DATE, lang VARCHAR, text VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, event_type VARCHAR, mode VARCHAR,
    quad_code INTEGER, intensity DOUBLE, date DATE, modality VARCHAR,
    confidence DOUBLE, coder_version VARCHAR, record JSON
);
"""


class EventStore:
    """Documents and their events in one DuckDB file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path)
        self.con.execute(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, document: Document, events: list[Event]) -> None:
        """Store a document and replace its events (coding twice never duplicates)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM events WHERE doc_id = ?", [document.id])
            self.con.execute("DELETE FROM documents WHERE id = ?", [document.id])
            self.con.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    document.id,
                    document.content_hash,
                    document.source,
                    document.url,
                    document.title,
                    document.pub_date,
                    document.lang,
                    document.text,
                ],
            )
            rows = [_event_row(e) for e in events]
            if rows:
                self.con.executemany(
                    "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def events(self, all_modalities: bool = False) -> Iterator[dict[str, Any]]:
        """Stored event records, in date order."""
        where = "" if all_modalities else "WHERE modality = 'asserted'"
        query = f"SELECT record FROM events {where} ORDER BY date NULLS LAST, id"
        for (record,) in self.con.execute(query).fetchall():
            yield json.loads(record)


def _event_row(event: Event) -> list[Any]:
    record = event.to_dict()
    return [
        record["id"],
        event.doc_id,
        event.event_type,
        event.mode,
        event.quad_code,
        event.intensity,
        event.date.date,
        event.modality,
        event.confidence,
        CODER_VERSION,
        json.dumps(record, ensure_ascii=False),
    ]
