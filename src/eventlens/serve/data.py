"""Read queries behind the API and the pages: a thin layer over ``eventlens.store.queries``.

The store's queries do the filtering, paging, event sources, documents, timelines and
places; this module adds what only the dashboard needs (actor keys for links, dyads and actor
profiles keyed by them) and adapts shapes to the API models. User input always travels as a
bound parameter; the only SQL written here comes from the constants below.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

import duckdb
from pydantic import BaseModel, Field

from eventlens.render import actor_label
from eventlens.store import queries
from eventlens.store.queries import QUAD_NAMES

Modality = Literal["asserted", "negated", "hypothetical", "future"]
Interval = Literal["day", "week", "month", "year"]
Order = Literal[
    "date", "-date", "confidence", "-confidence", "intensity", "-intensity", "mentions", "-mentions"
]

# An actor's key: its Wikidata id, else CODE-SECTOR, else its lower-cased name (see actor_key).
ACTOR_KEY = (
    "lambda x: coalesce(x.kb_id, x.code || coalesce('-' || x.sector, ''), "
    "lower(coalesce(x.name, x.text)))"
)
ACTOR_KEYS = (
    f"list_concat(list_transform(actors, {ACTOR_KEY}), list_transform(recipients, {ACTOR_KEY}))"
)


def key_of(expr: str) -> str:
    """SQL for the key of one actor struct (``expr``)."""
    return f"list_transform([{expr}], {ACTOR_KEY})[1]"


class EventFilters(BaseModel):
    """The event filters of the API and the event table (those of ``eventlens events``)."""

    country: str | None = Field(
        None, max_length=64, description="country of the place or of an actor (ML, MLI or Mali)"
    )
    actor: str | None = Field(None, max_length=200, description="words of an actor's name or code")
    actor_id: str | None = Field(None, max_length=200, description="exact actor key (actor pages)")
    type: str | None = Field(None, max_length=40, description="PLOVER event type, e.g. ASSAULT")
    mode: str | None = Field(None, max_length=40, description="PLOVER mode, e.g. withdraw")
    since: date | None = Field(None, description="first event date (inclusive)")
    until: date | None = Field(None, description="last event date (inclusive)")
    place: str | None = Field(None, max_length=200, description="words of the place name")
    modality: Modality | None = Field(None, description="default: every modality")
    min_confidence: float | None = Field(None, ge=0, le=1)
    q: str | None = Field(None, max_length=200, description="words in the source sentence")

    def store_filter(self) -> queries.EventFilter:
        """The same conditions as the store's filter (without ``actor_id``)."""
        return queries.EventFilter(
            country=self.country,
            actor=self.actor,
            event_type=self.type,
            mode=self.mode,
            since=self.since,
            until=self.until,
            place=self.place,
            modality=self.modality or "all",
            min_confidence=self.min_confidence,
            text=self.q,
        )

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition (no WHERE keyword) and its parameters."""
        where, params = self.store_filter().where()
        if self.actor_id:
            return f"{where} AND list_contains({ACTOR_KEYS}, ?)", [*params, self.actor_id]
        return where, params


def actor_key(actor: dict[str, Any]) -> str:
    """The key an actor is grouped under (same rule as ``ACTOR_KEY`` in SQL)."""
    if actor.get("kb_id"):
        return actor["kb_id"]
    if actor.get("code"):
        return actor["code"] + (f"-{actor['sector']}" if actor.get("sector") else "")
    return (actor.get("name") or actor["text"]).lower()


def actor_ref(actor: dict[str, Any]) -> dict[str, str]:
    """An actor's key and display label."""
    return {"id": actor_key(actor), "label": actor_label([actor])}


def list_events(
    con: duckdb.DuckDBPyConnection,
    filters: EventFilters,
    limit: int = 50,
    offset: int = 0,
    order: Order = "-date",
) -> tuple[int, list[dict[str, Any]]]:
    """The total number of matching events and one page of their records."""
    if not filters.actor_id:
        store_filter = filters.store_filter()
        total = queries.count_events(con, store_filter)
        return total, queries.query_events(con, store_filter, limit, offset, order)
    where, params = filters.where()
    [(total,)] = con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()
    rows = con.execute(
        f"SELECT record FROM events WHERE {where} ORDER BY {queries.ORDERS[order]} "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [json.loads(record) for (record,) in rows]


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event record with ``sources``: each merged mention's sentence and document."""
    record = queries.get_event(con, event_id)
    if record is None:
        return None
    record["sources"] = [
        {
            "sentence": s["sentence"],
            "span": s["span"],
            "document": {
                "id": s["doc_id"],
                **{k: s[k] for k in ("title", "url", "source", "pub_date")},
            },
        }
        for s in record["sources"]
    ]
    return record


def get_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """A document with its text and the event mentions coded from it (each with event_id)."""
    return queries.get_document(con, doc_id)


def timeline(
    con: duckdb.DuckDBPyConnection,
    filters: EventFilters,
    interval: Interval = "month",
    by: Literal["quad", "type"] = "quad",
) -> list[dict[str, Any]]:
    """Events and mentions per period, split by quad class or event type."""
    if not filters.actor_id:
        return queries.timeline(con, filters.store_filter(), interval, by)
    where, params = filters.where()
    key = "CAST(quad_code AS VARCHAR)" if by == "quad" else "event_type"
    rows = con.execute(
        f"SELECT CAST(date_trunc('{interval}', date) AS DATE), {key}, count(*), "
        f"sum(mentions)::BIGINT FROM events WHERE {where} AND date IS NOT NULL "
        "GROUP BY ALL ORDER BY 1, 2",
        params,
    ).fetchall()
    return [
        {"period": p, "key": _key_name(k, by), "events": n, "mentions": m} for p, k, n, m in rows
    ]


def _key_name(key: str | None, by: str) -> str:
    if by == "quad":
        return QUAD_NAMES.get(int(key), key) if key else "none"
    return key or "none"


def dyads(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int = 50
) -> list[dict[str, Any]]:
    """The commonest actor → recipient pairs (by actor key), with counts and mean intensity."""
    where, params = filters.where()
    rows = con.execute(
        f"""
        WITH pairs AS (
            SELECT e.id, e.intensity, e.mentions, a, r, {key_of("a")} AS ak, {key_of("r")} AS rk
            FROM (SELECT id, intensity, mentions, actors, recipients FROM events WHERE {where}) e,
                 unnest(e.actors) AS ua(a), unnest(e.recipients) AS ur(r)
        )
        SELECT ak, rk, any_value(a), any_value(r), count(DISTINCT id), sum(mentions)::BIGINT,
               avg(intensity)
        FROM pairs WHERE ak <> rk
        GROUP BY ak, rk ORDER BY count(DISTINCT id) DESC, ak, rk LIMIT ?
        """,
        [*params, limit],
    ).fetchall()
    return [
        {
            "source": actor_ref(source),
            "target": actor_ref(target),
            "events": events,
            "mentions": mentions,
            "mean_intensity": None if mean is None else round(mean, 2),
        }
        for _, _, source, target, events, mentions, mean in rows
    ]


def places(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int = 2000
) -> list[dict[str, Any]]:
    """Geocoded places with their event and mention counts (the map's dots)."""
    return queries.places(con, filters.store_filter(), limit)


def actor_profile(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    """An actor: how it is written, how often it acts or is acted on, and its partners."""
    rows = con.execute(
        f"""
        WITH ev AS (
            SELECT actors AS a, recipients AS r FROM events WHERE list_contains({ACTOR_KEYS}, ?)
        ),
        roles AS (
            SELECT 'actor' AS role, unnest(a) AS me, r AS others FROM ev
            UNION ALL SELECT 'recipient', unnest(r) AS me, a FROM ev
        ),
        mine AS (SELECT * FROM roles WHERE {key_of("me")} = ?),
        partners AS (SELECT role, unnest(others) AS other FROM mine)
        SELECT 'self', role, me, count(*) FROM mine GROUP BY ALL
        UNION ALL
        SELECT 'partner', role, other, count(*) FROM partners
        WHERE {key_of("other")} <> ? GROUP BY ALL
        """,
        [key, key, key],
    ).fetchall()
    return _profile(key, rows) if rows else None


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
    """Headline figures of the store: events (and how many asserted), documents, dates."""
    totals = queries.summary(con, queries.EventFilter(modality="all"))
    return {**totals, "asserted": queries.count_events(con, queries.EventFilter())}


def event_types(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The event types present in the store (for the filter form)."""
    rows = con.execute("SELECT DISTINCT event_type FROM events ORDER BY 1").fetchall()
    return [t for (t,) in rows if t]
