"""Versioned schema migrations: every store is brought to ``SCHEMA_VERSION`` on opening.

Version 1 is the first store (documents + one ``events`` row per coded mention, no version
table). Version 2 keeps every v1 column and adds: document bookkeeping, ``mentions`` (one row
per coded mention, linked to its real-world event), ``events`` (one row per real-world event
after cross-document deduplication), ``entities`` and ``mention_entities``. Each step runs in
one transaction and records itself in ``schema_version``.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from eventlens.store.entities import link_entities
from eventlens.store.schema import COLUMN_NAMES, columns_ddl, flatten_sql

V1_SCHEMA = """
CREATE TABLE documents (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR, source VARCHAR, url VARCHAR,
    title VARCHAR, pub_date DATE, lang VARCHAR, text VARCHAR
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, event_type VARCHAR, mode VARCHAR,
    quad_code INTEGER, intensity DOUBLE, date DATE, modality VARCHAR,
    confidence DOUBLE, coder_version VARCHAR, record JSON
);
"""

V2_TABLES = f"""
CREATE TABLE mentions (
    {columns_ddl("event_id VARCHAR")}
);
CREATE TABLE events (
    {columns_ddl()}
);
CREATE TABLE entities (
    id VARCHAR PRIMARY KEY, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR,
    kb_id VARCHAR
);
CREATE TABLE mention_entities (
    mention_id VARCHAR, role VARCHAR, position INTEGER, entity_id VARCHAR, text VARCHAR
);
"""


class StoreVersionError(RuntimeError):
    """The store was written by a newer eventlens, or needs an upgrade it cannot get here."""


def _to_v1(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(V1_SCHEMA)


def _to_v2(con: duckdb.DuckDBPyConnection) -> None:
    added = ("coder_version VARCHAR", "coder_fingerprint VARCHAR", "coded_at TIMESTAMP")
    for column in (*added, "n_events INTEGER"):
        con.execute(f"ALTER TABLE documents ADD COLUMN {column}")
    con.execute("ALTER TABLE events RENAME TO events_v1")
    con.execute(V2_TABLES)
    con.execute(f"INSERT INTO mentions ({', '.join(COLUMN_NAMES)}) {flatten_sql('events_v1')}")
    link_entities(con, "SELECT id FROM mentions")
    con.execute(
        """UPDATE documents SET n_events = counts.n, coder_version = counts.version
        FROM (SELECT doc_id, count(*) AS n, max(coder_version) AS version
              FROM events_v1 GROUP BY doc_id) AS counts
        WHERE documents.id = counts.doc_id"""
    )
    con.execute("DROP TABLE events_v1")


MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [_to_v1, _to_v2]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version of an open store: 0 empty, 1 the unversioned first store, else recorded."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "schema_version" in tables:
        return con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] or 0
    return 1 if "events" in tables else 0


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> list[int]:
    """Bring the store to ``SCHEMA_VERSION``; returns the versions applied (maybe none)."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise StoreVersionError(
            f"{path}: store schema v{current} is newer than this eventlens (v{SCHEMA_VERSION}); "
            "upgrade eventlens to read it"
        )
    applied = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            MIGRATIONS[version - 1](con)
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)"
            )
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
