"""Read queries behind the API and the pages: parameterised SQL over the store's stable contract.

Only the ``documents`` and ``events`` tables (with ``record`` = ``Event.to_dict()``) are assumed.
User input always travels as a bound parameter; the only SQL assembled in Python comes from the
constants and whitelists below.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

import duckdb
import pycountry
from pydantic import BaseModel, Field

from eventlens.render import actor_label

Modality = Literal["asserted", "negated", "hypothetical", "future"]
Interval = Literal["day", "week", "month", "year"]
Order = Literal[
    "date",
    "-date",
    "confidence",
    "-confidence",
    "type",
    "-type",
    "intensity",
    "-intensity",
    "mentions",
    "-mentions",
]

ACTOR_STRUCT = (
    '[{"text": "VARCHAR", "name": "VARCHAR", "code": "VARCHAR", "sector": "VARCHAR", '
    '"kb_id": "VARCHAR", "country": "VARCHAR"}]'
)
# An actor's key: its Wikidata id, else CODE-SECTOR, else its lower-cased name (see actor_key).
ACTOR_KEY = (
    "lambda x: coalesce(x.kb_id, x.code || coalesce('-' || x.sector, ''), "
    "lower(coalesce(x.name, x.text)))"
)


def key_of(expr: str) -> str:
    """SQL for the key of one actor struct (``expr``)."""
    return f"list_transform([{expr}], {ACTOR_KEY})[1]"


ACTORS = f"from_json(record->'$.actor', '{ACTOR_STRUCT}')"
RECIPIENTS = f"from_json(record->'$.recipient', '{ACTOR_STRUCT}')"
ACTOR_KEYS = (
    f"list_concat(list_transform({ACTORS}, {ACTOR_KEY}), list_transform({RECIPIENTS}, {ACTOR_KEY}))"
)
ACTOR_WORDS = (
    "lower(array_to_string(flatten(["
    + ", ".join(
        f"json_extract_string(record, '$.{side}[*].{field}')"
        for side in ("actor", "recipient")
        for field in ("text", "name", "code")
    )
    + "]), ' | '))"
)
ACTOR_CODES = (
    "flatten(["
    + ", ".join(
        f"json_extract_string(record, '$.{side}[*].{field}')"
        for side in ("actor", "recipient")
        for field in ("code", "country")
    )
    + "])"
)
PLACE_WORDS = (
    "lower(concat_ws(' | ', record->>'$.location.name', record->>'$.location.text', "
    "record->>'$.location.admin1', record->>'$.location.admin2'))"
)
MENTIONS = "coalesce(TRY_CAST(record->>'$.mentions' AS INTEGER), 1)"
ORDER_COLUMNS = {
    "date": "date",
    "confidence": "confidence",
    "type": "event_type",
    "intensity": "intensity",
    "mentions": MENTIONS,
}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


class EventFilters(BaseModel):
    """The event filters shared by the CLI, the API and the event table."""

    country: str | None = Field(
        None, max_length=64, description="country of the place or of an actor (ML, MLI or Mali)"
    )
    actor: str | None = Field(
        None, max_length=200, description="words in an actor's text/name/code"
    )
    actor_id: str | None = Field(None, max_length=200, description="exact actor key (actor pages)")
    type: str | None = Field(None, max_length=40, description="PLOVER event type, e.g. ASSAULT")
    mode: str | None = Field(None, max_length=40, description="PLOVER mode, e.g. withdraw")
    since: date | None = Field(None, description="first event date (inclusive)")
    until: date | None = Field(None, description="last event date (inclusive)")
    place: str | None = Field(None, max_length=200, description="words in the place name")
    modality: Modality | None = None
    min_confidence: float | None = Field(None, ge=0, le=1)
    q: str | None = Field(None, max_length=200, description="words in the source sentence")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if self.country:
            codes = country_codes(self.country)
            add(
                f"(list_contains(?::VARCHAR[], upper(record->>'$.location.country_code')) "
                f"OR list_has_any({ACTOR_CODES}, ?::VARCHAR[]))",
                codes,
                codes,
            )
        if self.actor:
            add(f"contains({ACTOR_WORDS}, lower(?))", self.actor)
        if self.actor_id:
            add(f"list_contains({ACTOR_KEYS}, ?)", self.actor_id)
        if self.type:
            add("event_type = upper(?)", self.type)
        if self.mode:
            add("mode = lower(?)", self.mode)
        if self.since:
            add("date >= ?", self.since)
        if self.until:
            add("date <= ?", self.until)
        if self.place:
            add(f"contains({PLACE_WORDS}, lower(?))", self.place)
        if self.modality:
            add("modality = ?", self.modality)
        if self.min_confidence is not None:
            add("confidence >= ?", self.min_confidence)
        if self.q:
            add("contains(lower(record->>'$.sentence'), lower(?))", self.q)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def country_codes(value: str) -> list[str]:
    """Alpha-2 and alpha-3 codes of a country given by code or name ("Mali" → ML, MLI)."""
    try:
        country = pycountry.countries.lookup(value.strip())
    except LookupError:
        return [value.strip().upper()]
    return [country.alpha_2, country.alpha_3]


def actor_key(actor: dict[str, Any]) -> str:
    """The key an actor is grouped under (same rule as ``ACTOR_KEY`` in SQL)."""
    if actor.get("kb_id"):
        return actor["kb_id"]
    if actor.get("code"):
        return actor["code"] + (f"-{actor['sector']}" if actor.get("sector") else "")
    return (actor.get("name") or actor["text"]).lower()


def list_events(
    con: duckdb.DuckDBPyConnection,
    filters: EventFilters,
    limit: int = 50,
    offset: int = 0,
    order: Order = "-date",
) -> tuple[int, list[dict[str, Any]]]:
    """The total number of matching events and one page of their records."""
    where, params = filters.where()
    (total,) = con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()
    column = ORDER_COLUMNS[order.lstrip("-")]
    direction = "DESC" if order.startswith("-") else "ASC"
    rows = con.execute(
        f"SELECT record FROM events {where} "
        f"ORDER BY {column} {direction} NULLS LAST, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [json.loads(record) for (record,) in rows]


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event record, or None."""
    row = con.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchone()
    return json.loads(row[0]) if row else None


def event_sources(con: duckdb.DuckDBPyConnection, record: dict[str, Any]) -> list[dict[str, Any]]:
    """The sentences the event was read from, each with its document's metadata."""
    document = get_document(con, record["doc_id"], with_text=False) or {"id": record["doc_id"]}
    return [{"sentence": record["sentence"], "span": record["span"], "document": document}]


def get_document(
    con: duckdb.DuckDBPyConnection, doc_id: str, with_text: bool = True
) -> dict[str, Any] | None:
    """A document's metadata (and text), or None."""
    columns = ["id", "title", "url", "source", "pub_date", "lang"] + (["text"] if with_text else [])
    row = con.execute(
        f"SELECT {', '.join(columns)} FROM documents WHERE id = ?", [doc_id]
    ).fetchone()
    return dict(zip(columns, row, strict=True)) if row else None


def document_events(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict[str, Any]]:
    """All events of a document, in text order."""
    rows = con.execute("SELECT record FROM events WHERE doc_id = ?", [doc_id]).fetchall()
    records = [json.loads(record) for (record,) in rows]
    return sorted(records, key=lambda r: (r["span"][0], (r.get("trigger_span") or [0])[0]))


def timeline(
    con: duckdb.DuckDBPyConnection,
    filters: EventFilters,
    interval: Interval = "month",
    by: Literal["quad", "type"] = "quad",
) -> list[dict[str, Any]]:
    """Event counts per period, split by quad class or event type."""
    where, params = filters.where()
    key = "CAST(quad_code AS VARCHAR)" if by == "quad" else "event_type"
    condition = f"{where} AND date IS NOT NULL" if where else "WHERE date IS NOT NULL"
    rows = con.execute(
        f"SELECT CAST(date_trunc('{interval}', date) AS DATE) AS period, {key} AS key, "
        f"count(*) FROM events {condition} GROUP BY ALL ORDER BY period, key",
        params,
    ).fetchall()
    return [{"period": period, "key": key or "none", "count": count} for period, key, count in rows]


def dyads(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int = 50
) -> list[dict[str, Any]]:
    """The commonest actor → recipient pairs, with counts and mean intensity."""
    where, params = filters.where()
    rows = con.execute(
        f"""
        WITH ev AS (SELECT intensity, {ACTORS} AS a, {RECIPIENTS} AS r FROM events {where}),
        sides AS (SELECT intensity, unnest(a) AS s, r FROM ev),
        pairs AS (SELECT intensity, s, unnest(r) AS t FROM sides),
        keyed AS (SELECT intensity, s, t, {key_of("s")} AS sk, {key_of("t")} AS tk FROM pairs)
        SELECT sk, tk, any_value(s), any_value(t), count(*), avg(intensity)
        FROM keyed WHERE sk <> tk
        GROUP BY sk, tk ORDER BY count(*) DESC, sk, tk LIMIT ?
        """,
        [*params, limit],
    ).fetchall()
    return [
        {
            "source": actor_ref(source),
            "target": actor_ref(target),
            "count": count,
            "mean_intensity": None if mean is None else round(mean, 2),
        }
        for _, _, source, target, count, mean in rows
    ]


def actor_ref(actor: dict[str, Any]) -> dict[str, str]:
    """An actor's key and display label."""
    return {"id": actor_key(actor), "label": actor_label([actor])}


def places(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int = 2000
) -> list[dict[str, Any]]:
    """Geocoded places with their event and mention counts (the map's dots)."""
    where, params = filters.where()
    rows = con.execute(
        f"""
        WITH located AS (
            SELECT record->>'$.location.name' AS name,
                   record->>'$.location.country_code' AS country_code,
                   TRY_CAST(record->>'$.location.lat' AS DOUBLE) AS lat,
                   TRY_CAST(record->>'$.location.lon' AS DOUBLE) AS lon,
                   {MENTIONS} AS mentions
            FROM events {where}
        )
        SELECT name, country_code, lat, lon, count(*), sum(mentions) FROM located
        WHERE lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY ALL ORDER BY sum(mentions) DESC, name LIMIT ?
        """,
        [*params, limit],
    ).fetchall()
    keys = ("name", "country_code", "lat", "lon", "events", "mentions")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def actor_profile(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    """An actor: how it is written, how often it acts or is acted on, and its partners."""
    rows = con.execute(
        f"""
        WITH ev AS (
            SELECT {ACTORS} AS a, {RECIPIENTS} AS r FROM events
            WHERE list_contains({ACTOR_KEYS}, ?)
        ),
        roles AS (
            SELECT 'actor' AS role, unnest(a) AS me, r AS others FROM ev
            UNION ALL SELECT 'recipient', unnest(r) AS me, a FROM ev
        ),
        mine AS (SELECT * FROM roles WHERE {key_of("me")} = ?),
        partners AS (SELECT role, me, unnest(others) AS other FROM mine)
        SELECT 'self', role, me, count(*) FROM mine GROUP BY ALL
        UNION ALL
        SELECT 'partner', role, other, count(*) FROM partners
        WHERE {key_of("other")} <> ? GROUP BY ALL
        """,
        [key, key, key],
    ).fetchall()
    if not rows:
        return None
    return _profile(key, rows)


def _profile(key: str, rows: list[tuple[str, str, dict[str, Any], int]]) -> dict[str, Any]:
    """Fold the (kind, role, actor, count) rows of ``actor_profile`` into one record."""
    selves = sorted((r for r in rows if r[0] == "self"), key=lambda r: -r[3])
    variants: dict[str, int] = {}
    for _kind, _role, actor, count in selves:
        variants[actor["text"]] = variants.get(actor["text"], 0) + count
    partners: dict[tuple[str, str], dict[str, Any]] = {}
    for kind, role, other, count in rows:
        if kind == "partner":
            ref = actor_ref(other)
            entry = partners.setdefault((ref["id"], role), {**ref, "role": role, "count": 0})
            entry["count"] += count
    return {
        "id": key,
        "label": actor_label([selves[0][2]]),
        "as_actor": sum(r[3] for r in selves if r[1] == "actor"),
        "as_recipient": sum(r[3] for r in selves if r[1] == "recipient"),
        "variants": [{"text": t, "count": c} for t, c in sorted(variants.items(), key=_by_count)],
        "partners": sorted(partners.values(), key=lambda p: (-p["count"], p["label"]))[:50],
    }


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Headline figures of the store: counts and date range."""
    events, asserted, first, last = con.execute(
        "SELECT count(*), count(*) FILTER (modality = 'asserted'), min(date), max(date) FROM events"
    ).fetchone()
    (documents,) = con.execute("SELECT count(*) FROM documents").fetchone()
    return {
        "events": events,
        "asserted": asserted,
        "documents": documents,
        "first_date": first,
        "last_date": last,
    }


def event_types(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The event types present in the store (for the filter form)."""
    rows = con.execute("SELECT DISTINCT event_type FROM events ORDER BY 1").fetchall()
    return [t for (t,) in rows if t]
