"""Queries over stored events, shared by the CLI and the JSON API.

Open a source with :func:`connect` (a store file, or a directory of Parquet event files),
then call the query functions with an :class:`EventFilter`. Every function returns plain
dicts and lists (JSON-ready apart from dates, which are ISO strings), and every SQL value is
a bound parameter.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pycountry

from eventlens.store.migrations import SCHEMA_VERSION, StoreVersionError, schema_version
from eventlens.store.schema import EVENT_COLUMNS, KEY_SEP, split_actor_key

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
INTERVALS = ("day", "week", "month", "year")
ORDERS = {
    "date": "date ASC NULLS LAST, id",
    "-date": "date DESC NULLS LAST, id",
    "confidence": "confidence ASC, id",
    "-confidence": "confidence DESC, id",
    "mentions": "mentions ASC, id",
    "-mentions": "mentions DESC, date DESC NULLS LAST, id",
    "intensity": "intensity ASC NULLS LAST, id",
    "-intensity": "intensity DESC NULLS LAST, id",
}


class SourceError(RuntimeError):
    """An event source cannot be opened; the message says why and what to do."""


@dataclass
class EventFilter:
    """Conditions on events; ``None`` means no condition.

    ``country``: ISO alpha-2/alpha-3 code or name, matching where the event happened or any
    actor's country. ``actor``: a name, code or written text (case-insensitive substring),
    actor or recipient. ``place``: substring of the place, admin1 or admin2 name.
    ``modality`` defaults to asserted events only; ``"all"`` or ``None`` lifts it.
    """

    country: str | None = None
    actor: str | None = None
    event_type: str | None = None
    mode: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    modality: str | None = "asserted"
    min_confidence: float | None = None
    quad_code: int | None = None
    doc_id: str | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if self.country:
            add("list_contains(countries, ?)", country_code(self.country))
        if self.actor:
            add("actor_search LIKE ? ESCAPE '\\'", f"%{_escape_like(self.actor.lower())}%")
        if self.event_type:
            add("event_type = ?", self.event_type.upper())
        if self.mode:
            add("mode = ?", self.mode)
        if self.since:
            add("date >= ?", self.since)
        if self.until:
            add("date <= ?", self.until)
        if self.place:
            pattern = f"%{_escape_like(self.place.lower())}%"
            add(
                "(lower(location_name) LIKE ? ESCAPE '\\' OR lower(admin1) LIKE ? ESCAPE '\\' "
                "OR lower(admin2) LIKE ? ESCAPE '\\')",
                pattern,
                pattern,
                pattern,
            )
        if self.modality and self.modality != "all":
            add("modality = ?", self.modality)
        if self.min_confidence is not None:
            add("confidence >= ?", self.min_confidence)
        if self.quad_code is not None:
            add("quad_code = ?", self.quad_code)
        if self.doc_id:
            add("id IN (SELECT event_id FROM mentions WHERE doc_id = ?)", self.doc_id)
        if self.text:
            add("lower(sentence) LIKE ? ESCAPE '\\'", f"%{_escape_like(self.text.lower())}%")
        return (" AND ".join(clauses) or "TRUE"), params

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> EventFilter:
        """A filter from a mapping (e.g. query parameters); unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@cache
def country_code(value: str) -> str:
    """ISO alpha-3 of a country code or name ("ML", "MLI", "Mali"); the input when unknown."""
    try:
        return pycountry.countries.lookup(value.strip()).alpha_3
    except LookupError:
        return value.strip().upper()


# --- sources ---------------------------------------------------------------------------------


def connect(db: str | Path | None = None, parquet: str | Path | None = None):
    """A read-only connection whose ``events``, ``mentions`` and ``documents`` answer queries.

    ``db``: a store file (upgraded first if it was written by an older eventlens).
    ``parquet``: a Parquet file, a directory of them (hive year=/month= partitions welcome),
    or a glob; every row is one event.
    """
    if parquet is not None:
        return _connect_parquet(str(parquet))
    if db is None:
        raise SourceError("give a store (--db PATH) or a Parquet directory (--parquet DIR)")
    path = Path(db)
    if not path.is_file():
        raise SourceError(f"{path}: no such store (code documents into it with eventlens code)")
    con = _open_read_only(path)
    version = schema_version(con)
    if version < SCHEMA_VERSION:
        con.close()
        _upgrade(path, version)
        con = _open_read_only(path)
    elif version > SCHEMA_VERSION:
        con.close()
        raise StoreVersionError(
            f"{path}: store schema v{version} is newer than this eventlens "
            f"(v{SCHEMA_VERSION}); upgrade eventlens to read it"
        )
    return con


def _open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        raise SourceError(f"{path}: cannot open the store: {error}") from error


def _upgrade(path: Path, version: int) -> None:
    from eventlens.store.db import EventStore

    try:
        EventStore(path).close()
    except duckdb.Error as error:
        raise SourceError(
            f"{path}: store schema v{version} needs an upgrade to v{SCHEMA_VERSION}, which "
            f"failed ({error}); close other programs using it and run: "
            f"eventlens dedup --db {path}"
        ) from error


def _connect_parquet(location: str) -> duckdb.DuckDBPyConnection:
    path = Path(location)
    pattern = str(path / "**" / "*.parquet") if path.is_dir() else location
    con = duckdb.connect()
    try:
        available = {
            row[0]
            for row in con.execute(
                "DESCRIBE SELECT * FROM read_parquet(?, hive_partitioning = true, "
                "union_by_name = true)",
                [pattern],
            ).fetchall()
        }
    except duckdb.Error as error:
        raise SourceError(f"{location}: no readable Parquet event files ({error})") from error
    missing = [name for name in ("id", "record") if name not in available]
    if missing:
        raise SourceError(f"{location}: Parquet files lack the event columns {missing}")
    columns = ", ".join(
        f"CAST({name} AS {kind}) AS {name}" if name in available else f"NULL::{kind} AS {name}"
        for name, kind in EVENT_COLUMNS
    )
    con.execute(
        f"""CREATE VIEW events AS SELECT {columns} FROM read_parquet(
            '{_quote(pattern)}', hive_partitioning = true, union_by_name = true)"""
    )
    con.execute("CREATE VIEW mentions AS SELECT *, id AS event_id FROM events")
    con.execute(
        """CREATE VIEW documents AS SELECT DISTINCT doc_id AS id, NULL::VARCHAR AS content_hash,
        NULL::VARCHAR AS source, NULL::VARCHAR AS url, NULL::VARCHAR AS title,
        NULL::DATE AS pub_date, NULL::VARCHAR AS lang, NULL::VARCHAR AS text FROM events"""
    )
    return con


def _quote(text: str) -> str:
    return text.replace("'", "''")


# --- event lists -----------------------------------------------------------------------------


def query_events(
    con: duckdb.DuckDBPyConnection,
    filters: EventFilter | None = None,
    limit: int | None = 100,
    offset: int = 0,
    order: str = "date",
) -> list[dict[str, Any]]:
    """Event records (``Event.to_dict()``, ``mentions`` = merged mentions) matching filters."""
    return list(iter_events(con, filters, order=order, limit=limit, offset=offset))


def iter_events(
    con: duckdb.DuckDBPyConnection,
    filters: EventFilter | None = None,
    order: str = "date",
    limit: int | None = None,
    offset: int = 0,
    chunk_size: int = 10_000,
) -> Iterator[dict[str, Any]]:
    """Stream event records, fetching ``chunk_size`` rows at a time."""
    where, params = (filters or EventFilter()).where()
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; one of {', '.join(ORDERS)}")
    paging = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    query = f"SELECT record FROM events WHERE {where} ORDER BY {ORDERS[order]}{paging}"
    for batch in stream(con, query, params, chunk_size):
        for record in batch.column(0).to_pylist():
            yield json.loads(record)


def stream(
    con: duckdb.DuckDBPyConnection, query: str, params: list[Any], chunk_size: int = 10_000
) -> Iterator[pa.RecordBatch]:
    """Arrow batches of a query's result, fetched as they are consumed (bounded memory)."""
    cursor = con.cursor()
    try:
        yield from cursor.sql(query, params=params).to_arrow_reader(chunk_size)
    finally:
        cursor.close()


def count_events(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None) -> int:
    where, params = (filters or EventFilter()).where()
    return con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()[0][0]


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event record with ``sources``: every mention merged into it and its document."""
    rows = con.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchall()
    if not rows:
        return None
    record = json.loads(rows[0][0])
    record["sources"] = _dicts(
        con.execute(
            """SELECT m.id AS mention_id, m.doc_id, m.sentence, [m.span_start, m.span_end] AS span,
                m.trigger, m.date, m.date_precision, d.title, d.url, d.source, d.pub_date
            FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id
            WHERE m.event_id = ? ORDER BY d.pub_date NULLS LAST, m.doc_id, m.span_start""",
            [event_id],
        )
    )
    return record


def get_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """A document with its text and every event mention coded from it (``event_id`` added)."""
    rows = _dicts(
        con.execute(
            "SELECT id, title, url, source, pub_date, lang, content_hash, text "
            "FROM documents WHERE id = ?",
            [doc_id],
        )
    )
    if not rows:
        return None
    document = rows[0]
    mentions = con.execute(
        "SELECT record, event_id FROM mentions WHERE doc_id = ? ORDER BY span_start, id",
        [doc_id],
    ).fetchall()
    document["events"] = [{**json.loads(r), "event_id": e} for r, e in mentions]
    return document


# --- aggregations ----------------------------------------------------------------------------


def timeline(
    con: duckdb.DuckDBPyConnection,
    filters: EventFilter | None = None,
    interval: str = "month",
    by: str | None = "type",
) -> list[dict[str, Any]]:
    """Event counts per period (day|week|month|year), split by type, quad class or nothing.

    Rows: ``{"period": ISO date of the period start, "key": type or quad name or "all",
    "events": n, "mentions": n}``, ordered by period then key.
    """
    if interval not in INTERVALS:
        raise ValueError(f"unknown interval {interval!r}; one of {', '.join(INTERVALS)}")
    keys = {"type": "event_type", "quad": "CAST(quad_code AS VARCHAR)", None: "'all'"}
    if by not in keys:
        raise ValueError(f"unknown split {by!r}; one of type, quad or none")
    where, params = (filters or EventFilter()).where()
    rows = _dicts(
        con.execute(
            f"""SELECT date_trunc('{interval}', date)::DATE AS period, {keys[by]} AS key,
                count(*) AS events, sum(mentions)::BIGINT AS mentions
            FROM events WHERE {where} AND date IS NOT NULL
            GROUP BY ALL ORDER BY period, key""",
            params,
        )
    )
    if by == "quad":
        for row in rows:
            row["key"] = QUAD_NAMES.get(int(row["key"]), row["key"]) if row["key"] else "none"
    return rows


def dyads(
    con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Most frequent actor → recipient pairs, with event counts and mean intensity."""
    where, params = (filters or EventFilter()).where()
    rows = con.execute(
        f"""SELECT a, r, count(*) AS events, sum(mentions)::BIGINT AS mentions,
            round(avg(intensity), 2) AS mean_intensity
        FROM (SELECT unnest(actor_keys) AS a, recipient_keys, mentions, intensity
              FROM events WHERE {where}), unnest(recipient_keys) AS u(r)
        GROUP BY a, r ORDER BY events DESC, mentions DESC, a, r LIMIT ?""",
        [*params, limit],
    ).fetchall()
    return [
        {
            **_prefixed_key("actor", a),
            **_prefixed_key("recipient", r),
            "events": events,
            "mentions": mentions,
            "mean_intensity": intensity,
        }
        for a, r, events, mentions, intensity in rows
    ]


def _prefixed_key(role: str, key: str) -> dict[str, str | None]:
    fields = split_actor_key(key)
    return {
        role: fields["name"],
        f"{role}_code": fields["code"] or fields["country"],
        f"{role}_sector": fields["sector"],
    }


def top_actors(
    con: duckdb.DuckDBPyConnection,
    filters: EventFilter | None = None,
    limit: int = 20,
    role: str | None = None,
    unresolved_only: bool = False,
) -> list[dict[str, Any]]:
    """Most active actors (as actor, recipient or both): events, roles and mean intensity.

    ``unresolved_only`` keeps actors with neither code nor country (names to add to the
    actor lists); ``role`` is "actor", "recipient" or None for both. ``events`` counts an
    actor once per side it takes in an event.
    """
    if role not in (None, "actor", "recipient"):
        raise ValueError(f"unknown role {role!r}; actor, recipient or None")
    where, params = (filters or EventFilter()).where()
    sides = [side for side in ("actor", "recipient") if role in (None, side)]
    unnested = " UNION ALL ".join(
        f"SELECT unnest({side}_keys) AS k, {int(side == 'actor')} AS a, "
        f"{int(side == 'recipient')} AS r, intensity FROM events WHERE {where}"
        for side in sides
    )
    unresolved = f"WHERE k LIKE '%{KEY_SEP}{KEY_SEP}{KEY_SEP}%'" if unresolved_only else ""
    rows = con.execute(
        f"""SELECT k, sum(a)::BIGINT AS as_actor, sum(r)::BIGINT AS as_recipient,
            round(avg(intensity), 2) AS mean_intensity
        FROM ({unnested}) {unresolved}
        GROUP BY k ORDER BY count(*) DESC, k LIMIT ?""",
        [*params * len(sides), limit],
    ).fetchall()
    return [
        {
            **split_actor_key(k),
            "events": a + r,
            "as_actor": a,
            "as_recipient": r,
            "mean_intensity": i,
        }
        for k, a, r, i in rows
    ]


def places(
    con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Located events grouped by place, for a map: name, country, lat/lon, counts."""
    where, params = (filters or EventFilter()).where()
    return _dicts(
        con.execute(
            f"""SELECT location_name AS name, location_country AS country_code, admin1,
                round(avg(lat), 5) AS lat, round(avg(lon), 5) AS lon, count(*) AS events,
                sum(mentions)::BIGINT AS mentions, min(date) AS first, max(date) AS last
            FROM events WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL
            GROUP BY location_name, location_country, admin1
            ORDER BY events DESC, name LIMIT ?""",
            [*params, limit],
        )
    )


def country_month(
    con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None
) -> list[dict[str, Any]]:
    """Events and mentions per event country and month (material conflict split out)."""
    where, params = (filters or EventFilter()).where()
    return _dicts(
        con.execute(
            f"""SELECT country, date_trunc('month', date)::DATE AS month, count(*) AS events,
                count(*) FILTER (WHERE quad_code = 4) AS material_conflict,
                sum(mentions)::BIGINT AS mentions, sum(coalesce(fatalities, 0))::BIGINT
                AS fatalities
            FROM events WHERE {where} AND date IS NOT NULL
            GROUP BY ALL ORDER BY country NULLS LAST, month""",
            params,
        )
    )


def summary(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None) -> dict[str, Any]:
    """Totals for a dashboard header: events, mentions, date range, and the documents
    with a mention matching the filters."""
    where, params = (filters or EventFilter()).where()
    return _dicts(
        con.execute(
            f"""SELECT count(*) AS events, coalesce(sum(mentions), 0)::BIGINT AS mentions,
                (SELECT count(DISTINCT doc_id) FROM mentions WHERE {where}) AS documents,
                min(date) AS first, max(date) AS last
            FROM events WHERE {where}""",
            params * 2,
        )
    )[0]


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [
        {n: v.isoformat() if isinstance(v, date) else v for n, v in zip(names, row, strict=True)}
        for row in cursor.fetchall()
    ]
