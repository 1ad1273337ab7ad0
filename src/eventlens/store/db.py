"""The embedded DuckDB event store: idempotent, transactional, deduplicated ingest.

A batch of documents is written in one transaction: each document replaces what was stored
under its id, its event mentions are inserted, and the real-world events near them are
re-clustered (:mod:`eventlens.store.dedup`). A process killed mid-batch leaves the store as
it was before the batch; documents already stored with the same text and the same coder are
skipped on a rerun, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

import eventlens
from eventlens import CODER_VERSION
from eventlens.record import Document, Event
from eventlens.store.dedup import (
    DedupConfig,
    Mention,
    cluster,
    mention_from_row,
    mention_sql_columns,
)
from eventlens.store.entities import link_entities
from eventlens.store.migrations import migrate
from eventlens.store.schema import COLUMN_NAMES, flatten_sql

if TYPE_CHECKING:
    from eventlens.pipeline import Pipeline

BATCH_DOCUMENTS = 50


@cache
def coder_fingerprint() -> str:
    """Hash of the coder version and every source and data file of the package.

    Stored with each document: a document is re-coded when its text or the coder changed,
    even when a developer edited a lexicon without bumping ``CODER_VERSION``.
    """
    root = Path(eventlens.__file__).parent
    digest = hashlib.sha256(CODER_VERSION.encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class IngestReport:
    """What an ingest did: documents coded, reused from the store, or duplicates of others."""

    coded: int = 0
    reused: int = 0
    duplicates: list[tuple[Document, str]] = field(default_factory=list)


class EventStore:
    """Documents, their event mentions and the deduplicated events, in one DuckDB file."""

    def __init__(self, path: str | Path, dedup: DedupConfig | None = None) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path)
        self.dedup_config = dedup or DedupConfig.load()
        migrate(self.con, self.path)
        if self._pending():
            self._in_transaction(self.refresh_events)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def save(self, document: Document, events: list[Event]) -> None:
        """Store one document and replace its events (coding twice never duplicates)."""
        self.save_batch([(document, events)])

    def save_batch(self, batch: Iterable[tuple[Document, list[Event]]]) -> int:
        """Store documents and their events in one transaction; returns the documents saved."""
        return self._in_transaction(lambda: self._write(batch))

    def ingest(
        self,
        documents: Iterable[Document],
        pipeline: Callable[[], Pipeline],
        report: IngestReport | None = None,
        batch_documents: int = BATCH_DOCUMENTS,
    ) -> Iterator[dict[str, Any]]:
        """Code and store documents, skipping those already stored; yields event records.

        A document stored with the same text and coder is not coded again (its stored
        records are yielded); one whose text is stored under another id is skipped and
        listed in ``report.duplicates``. ``pipeline`` is called only if something needs coding.
        """
        report = report if report is not None else IngestReport()
        pending: list[Document] = []
        seen: dict[str, str] = {}
        for document in documents:
            duplicate = seen.get(document.content_hash) or self.duplicate_of(document)
            seen.setdefault(document.content_hash, document.id)
            if duplicate and duplicate != document.id:
                report.duplicates.append((document, duplicate))
            elif self.is_current(document):
                report.reused += 1
                yield from self.stored_records(document.id)
            else:
                pending.append(document)
        if not pending:
            return
        batch: list[tuple[Document, list[Event]]] = []
        for document, events in pipeline().code(pending):
            batch.append((document, events))
            report.coded += 1
            yield from (event.to_dict() for event in events)
            if len(batch) >= batch_documents:
                self.save_batch(batch)
                batch = []
        if batch:
            self.save_batch(batch)

    def import_records(self, source_sql: str, dedup: bool = True) -> int:
        """Bulk-load event records without Python objects; returns the mentions loaded.

        ``source_sql`` is a relation with ``record`` (JSON text of ``Event.to_dict()``) and
        ``coder_version`` columns, e.g. ``read_json(...)``. Documents they name are created
        (without text) when absent; events of those documents are replaced. With
        ``dedup=False`` the new mentions wait for :meth:`dedup` (or the next opening).
        """

        def load() -> int:
            self.con.execute(f"CREATE TEMP TABLE staged AS {flatten_sql(f'({source_sql})')}")
            self.con.execute("ALTER TABLE staged ADD COLUMN event_id VARCHAR")
            self._forget_documents("SELECT DISTINCT doc_id FROM staged")
            self.con.execute(
                """INSERT OR IGNORE INTO documents (id, coder_version, coded_at)
                SELECT DISTINCT doc_id, coder_version, current_timestamp FROM staged"""
            )
            self.con.execute(
                """UPDATE documents SET n_events = s.n FROM
                (SELECT doc_id, count(*) AS n FROM staged GROUP BY doc_id) s
                WHERE documents.id = s.doc_id"""
            )
            self.con.execute("INSERT INTO mentions SELECT * FROM staged")
            count = self.con.execute("SELECT count(*) FROM staged").fetchall()[0][0]
            link_entities(self.con, "SELECT id FROM staged")
            self.con.execute("DROP TABLE staged")
            if dedup:
                self.refresh_events()
            return count

        return self._in_transaction(load)

    def dedup(self, config: DedupConfig | None = None) -> int:
        """Re-cluster every mention (e.g. after changing the threshold); returns events."""
        if config:
            self.dedup_config = config

        def run() -> int:
            self.con.execute("UPDATE mentions SET event_id = NULL")
            self.con.execute("DELETE FROM events")
            self.refresh_events()
            return self.con.execute("SELECT count(*) FROM events").fetchall()[0][0]

        return self._in_transaction(run)

    def refresh_events(self) -> int:
        """Cluster new mentions with the events near them (call inside a transaction).

        Returns the number of events (re)built. Clusters one event type at a time, so
        memory stays bounded by the largest type, then writes all clusters at once.
        """
        types = self.con.execute(
            "SELECT DISTINCT event_type FROM mentions WHERE event_id IS NULL ORDER BY 1"
        ).fetchall()
        former: set[str] = set()
        assigned: dict[str, list] = {"mention_id": [], "event_id": [], "n": [], "articles": []}
        for (event_type,) in types:
            mentions = self._mentions_near_pending(event_type)
            former.update(m.event_id for m in mentions if m.event_id)
            for group in cluster(mentions, self.dedup_config):
                articles = len({m.doc_id for m in group})
                for mention in group:
                    assigned["mention_id"].append(mention.id)
                    assigned["event_id"].append(group[0].id)
                    assigned["n"].append(len(group))
                    assigned["articles"].append(articles)
        self.con.register("former_events", pa.table({"id": sorted(former)}))
        self.con.register("assigned", pa.table(assigned))
        try:
            self._write_clusters()
        finally:
            self.con.unregister("former_events")
            self.con.unregister("assigned")
        return len(set(assigned["event_id"]))

    def _mentions_near_pending(self, event_type: str) -> list[Mention]:
        """Pending mentions of a type, with every mention of the events near them in time."""
        slack = 2 * self.dedup_config.max_window
        rows = self.con.execute(
            f"""WITH pending AS (
                SELECT date_start, date_end FROM mentions
                WHERE event_type = $type AND event_id IS NULL AND date_start IS NOT NULL),
            touched AS (
                SELECT DISTINCT m.event_id FROM mentions m JOIN pending p
                ON m.event_type = $type AND m.event_id IS NOT NULL
                AND m.date_start <= p.date_end + {slack} AND m.date_end >= p.date_start - {slack})
            SELECT {mention_sql_columns()} FROM mentions WHERE event_type = $type
            AND (event_id IS NULL OR event_id IN (SELECT event_id FROM touched))""",
            {"type": event_type},
        ).fetchall()
        return [mention_from_row(row, self.dedup_config) for row in rows]

    def _write_clusters(self) -> None:
        self.con.execute("DELETE FROM events WHERE id IN (SELECT id FROM former_events)")
        self.con.execute(
            """UPDATE mentions SET event_id = a.event_id FROM assigned a
            WHERE mentions.id = a.mention_id"""
        )
        picked = {
            "mentions": "a.n",
            "articles": "a.articles",
            "record": "CASE WHEN a.n = 1 THEN m.record "
            "ELSE json_merge_patch(m.record, json_object('mentions', a.n)) END",
        }
        columns = ", ".join(picked.get(c, f"m.{c}") for c in COLUMN_NAMES)
        self.con.execute(
            f"""INSERT INTO events SELECT {columns} FROM mentions m
            JOIN assigned a ON m.id = a.mention_id AND a.mention_id = a.event_id"""
        )

    def _write(self, batch: Iterable[tuple[Document, list[Event]]]) -> int:
        records: dict[str, str] = {}
        documents = 0
        for document, events in batch:
            self._forget_documents("SELECT ?::VARCHAR", [document.id])
            self._insert_document(document, len(events))
            for event in events:
                records.setdefault(event.id, json.dumps(event.to_dict(), ensure_ascii=False))
            documents += 1
        staged = pa.table(
            {"record": list(records.values()), "coder_version": [CODER_VERSION] * len(records)}
        )
        self.con.register("staged_records", staged)
        try:
            self.con.execute(
                f"INSERT INTO mentions ({', '.join(COLUMN_NAMES)}) {flatten_sql('staged_records')}"
            )
        finally:
            self.con.unregister("staged_records")
        link_entities(self.con, "SELECT unnest(?::VARCHAR[])", [list(records)])
        self.refresh_events()
        return documents

    def _insert_document(self, document: Document, n_events: int) -> None:
        self.con.execute(
            """INSERT OR REPLACE INTO documents (id, content_hash, source, url, title, pub_date,
                lang, text, coder_version, coder_fingerprint, coded_at, n_events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                document.id,
                document.content_hash,
                document.source,
                document.url,
                document.title,
                document.pub_date,
                document.lang,
                document.text,
                CODER_VERSION,
                coder_fingerprint(),
                datetime.now(UTC).replace(tzinfo=None),
                n_events,
            ],
        )

    def _forget_documents(self, doc_ids_sql: str, params: list[Any] | None = None) -> None:
        """Delete the mentions of documents; their events' other mentions get re-clustered."""
        params = params or []
        self.con.execute(
            f"""CREATE OR REPLACE TEMP TABLE forgotten AS
            SELECT id, event_id FROM mentions WHERE doc_id IN ({doc_ids_sql})""",
            params,
        )
        self.con.execute(
            """UPDATE mentions SET event_id = NULL
            WHERE event_id IN (SELECT event_id FROM forgotten)"""
        )
        self.con.execute("DELETE FROM events WHERE id IN (SELECT event_id FROM forgotten)")
        self.con.execute(
            "DELETE FROM mention_entities WHERE mention_id IN (SELECT id FROM forgotten)"
        )
        self.con.execute("DELETE FROM mentions WHERE id IN (SELECT id FROM forgotten)")
        self.con.execute("DROP TABLE forgotten")

    def _pending(self) -> bool:
        query = "SELECT count(*) FROM mentions WHERE event_id IS NULL"
        return bool(self.con.execute(query).fetchall()[0][0])

    def _in_transaction(self, work: Callable[[], Any]) -> Any:
        self.con.execute("BEGIN TRANSACTION")
        try:
            result = work()
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return result

    # --- reading ---------------------------------------------------------------------------

    def is_current(self, document: Document) -> bool:
        """Stored with the same text by the same coder (nothing to redo)."""
        row = self.con.execute(
            "SELECT content_hash, coder_fingerprint FROM documents WHERE id = ?", [document.id]
        ).fetchall()
        return row == [(document.content_hash, coder_fingerprint())]

    def duplicate_of(self, document: Document) -> str | None:
        """Id of another stored document with exactly the same text, if any."""
        row = self.con.execute(
            "SELECT id FROM documents WHERE content_hash = ? AND id <> ? ORDER BY id LIMIT 1",
            [document.content_hash, document.id],
        ).fetchall()
        return row[0][0] if row else None

    def stored_records(self, doc_id: str) -> list[dict[str, Any]]:
        """The event records coded from one document, in text order."""
        rows = self.con.execute(
            "SELECT record FROM mentions WHERE doc_id = ? ORDER BY span_start, id", [doc_id]
        ).fetchall()
        return [json.loads(record) for (record,) in rows]

    def documents(self, outdated_only: bool = True) -> Iterator[Document]:
        """Stored documents with text (only those coded by another coder, by default)."""
        where = "text IS NOT NULL"
        params: list[Any] = []
        if outdated_only:
            where += " AND coder_fingerprint IS DISTINCT FROM ?"
            params.append(coder_fingerprint())
        cursor = self.con.execute(
            f"""SELECT id, text, pub_date, title, url, lang, source FROM documents
            WHERE {where} ORDER BY id""",
            params,
        )
        for row in cursor.fetchall():
            yield Document(*row)

    def events(self, all_modalities: bool = False) -> Iterator[dict[str, Any]]:
        """Stored (deduplicated) event records, in date order."""
        where = "" if all_modalities else "WHERE modality = 'asserted'"
        query = f"SELECT record FROM events {where} ORDER BY date NULLS LAST, id"
        for (record,) in self.con.execute(query).fetchall():
            yield json.loads(record)
