"""The event row: one column set shared by the DuckDB store, Parquet files and Spark.

``EVENT_COLUMNS`` lists the columns of an event row, in order, with their DuckDB types;
``event_row(event)`` (or ``record_row(record)`` for an ``Event.to_dict()`` record) builds one.
The store's ``events`` and ``mentions`` tables, the Parquet files that ``eventlens
spark-code`` writes and every query read this one set, so a Parquet directory and a store
answer the same queries. ``record`` always holds the full published record as JSON.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

import pyarrow as pa
import pycountry

from eventlens import CODER_VERSION
from eventlens.record import Event

ACTOR_FIELDS = ("text", "name", "code", "sector", "country", "kb_id")
KEY_SEP = "\x1f"
_KEY_FIELDS = ("code", "country", "sector")
_SEARCHED = ("name", "text", "code", "kb_id")
ACTOR_TYPE = "STRUCT(" + ", ".join(f"{f} VARCHAR" for f in ACTOR_FIELDS) + ")[]"

EVENT_COLUMNS: list[tuple[str, str]] = [
    # the stable contract (issue 2): these columns never change meaning
    ("id", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("event_type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("quad_code", "INTEGER"),
    ("intensity", "DOUBLE"),
    ("date", "DATE"),
    ("modality", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("coder_version", "VARCHAR"),
    ("record", "JSON"),
    # flat copies of record fields, for fast filtering and aggregation
    ("date_start", "DATE"),
    ("date_end", "DATE"),
    ("date_precision", "VARCHAR"),
    ("date_basis", "VARCHAR"),
    ("year", "INTEGER"),
    ("month", "INTEGER"),
    ("context", "VARCHAR[]"),
    ("actors", ACTOR_TYPE),
    ("recipients", ACTOR_TYPE),
    ("country", "VARCHAR"),  # ISO alpha-3 where it happened: place, else recipient, else actor
    ("countries", "VARCHAR[]"),  # every ISO alpha-3 involved: place, actors, recipients
    ("actor_keys", "VARCHAR[]"),  # distinct actor_key() of the actors, sorted
    ("recipient_keys", "VARCHAR[]"),
    ("actor_search", "VARCHAR"),  # lower-case names, texts and codes of all participants
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),  # ISO alpha-2, as in record.location.country_code
    ("admin1", "VARCHAR"),
    ("admin2", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("geonameid", "BIGINT"),
    ("geo_precision", "VARCHAR"),
    ("historical", "BOOLEAN"),
    ("sentence", "VARCHAR"),
    ("span_start", "INTEGER"),
    ("span_end", "INTEGER"),
    ("trigger", "VARCHAR"),
    ("rule", "VARCHAR"),
    ("lang", "VARCHAR"),
    ("acled_event_type", "VARCHAR"),
    ("acled_sub_event_type", "VARCHAR"),
    ("fatalities", "INTEGER"),
    ("mentions", "INTEGER"),  # mentions merged into this event (1 for a single mention)
    ("articles", "INTEGER"),  # distinct documents among those mentions
]
COLUMN_NAMES = [name for name, _ in EVENT_COLUMNS]

_ACTOR_STRUCTURE = [{field: "VARCHAR" for field in ACTOR_FIELDS}]
_RECORD_STRUCTURE = {
    **{f: "VARCHAR" for f in ("id", "doc_id", "event_type", "mode", "modality", "date_precision")},
    **{f: "VARCHAR" for f in ("date_basis", "sentence", "trigger", "rule", "lang")},
    **{f: "VARCHAR" for f in ("acled_event_type", "acled_sub_event_type")},
    **{f: "DATE" for f in ("date", "date_start", "date_end")},
    **{f: "INTEGER" for f in ("quad_code", "fatalities", "mentions")},
    "intensity": "DOUBLE",
    "confidence": "DOUBLE",
    "historical": "BOOLEAN",
    "context": ["VARCHAR"],
    "span": ["INTEGER"],
    "actor": _ACTOR_STRUCTURE,
    "recipient": _ACTOR_STRUCTURE,
    "location": {
        **{f: "VARCHAR" for f in ("name", "country_code", "admin1", "admin2", "precision")},
        **{"lat": "DOUBLE", "lon": "DOUBLE", "geonameid": "BIGINT"},
    },
}


def event_row(event: Event, coder_version: str = CODER_VERSION) -> dict[str, Any]:
    """The row of one coded event (what the store and the Spark job write)."""
    return record_row(event.to_dict(), coder_version)


def record_row(record: dict[str, Any], coder_version: str = CODER_VERSION) -> dict[str, Any]:
    """The row of one published record (``Event.to_dict()``)."""
    location = record.get("location") or {}
    actors = [_actor(a) for a in record.get("actor") or []]
    recipients = [_actor(a) for a in record.get("recipient") or []]
    place_country = _alpha2_to_alpha3().get(location.get("country_code"))
    when = _day(record.get("date"))
    span = record.get("span") or [None, None]
    return {
        "id": record["id"],
        "doc_id": record["doc_id"],
        "event_type": record["event_type"],
        "mode": record.get("mode"),
        "quad_code": record.get("quad_code"),
        "intensity": record.get("intensity"),
        "date": when,
        "modality": record.get("modality", "asserted"),
        "confidence": record.get("confidence"),
        "coder_version": coder_version,
        "record": json.dumps(record, ensure_ascii=False),
        "date_start": _day(record.get("date_start")) or when,
        "date_end": _day(record.get("date_end")) or when,
        "date_precision": record.get("date_precision") or "unknown",
        "date_basis": record.get("date_basis"),
        "year": when.year if when else None,
        "month": when.month if when else None,
        "context": list(record.get("context") or []),
        "actors": actors,
        "recipients": recipients,
        "country": place_country or _first_country(recipients) or _first_country(actors),
        "countries": _countries(place_country, actors + recipients),
        "actor_keys": sorted({actor_key(a) for a in actors}),
        "recipient_keys": sorted({actor_key(a) for a in recipients}),
        "actor_search": KEY_SEP.join(
            (a[f] or "").lower() for a in actors + recipients for f in _SEARCHED
        ),
        "location_name": location.get("name"),
        "location_country": location.get("country_code"),
        "admin1": location.get("admin1"),
        "admin2": location.get("admin2"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "geonameid": location.get("geonameid"),
        "geo_precision": location.get("precision") if location else None,
        "historical": bool(record.get("historical")),
        "sentence": record.get("sentence"),
        "span_start": span[0],
        "span_end": span[1],
        "trigger": record.get("trigger"),
        "rule": record.get("rule"),
        "lang": record.get("lang"),
        "acled_event_type": record.get("acled_event_type"),
        "acled_sub_event_type": record.get("acled_sub_event_type"),
        "fatalities": record.get("fatalities"),
        "mentions": record.get("mentions") or 1,
        "articles": 1,
    }


def actor_key(actor: dict[str, Any]) -> str:
    """An actor's grouping key: name (else text), code, country, sector, joined by KEY_SEP."""
    label = actor.get("name") or actor.get("text") or ""
    return KEY_SEP.join([label, *(actor.get(f) or "" for f in _KEY_FIELDS)])


def split_actor_key(key: str) -> dict[str, str | None]:
    """The fields of an :func:`actor_key` (empty ones as None)."""
    return dict(zip(("name", *_KEY_FIELDS), (v or None for v in key.split(KEY_SEP)), strict=True))


def actor_country(actor: dict[str, Any]) -> str | None:
    """The ISO alpha-3 country of an actor: its own country, or its code when that is a state."""
    code = actor.get("code")
    return actor.get("country") or (code if code in _state_codes() else None)


def flatten_sql(source: str) -> str:
    """A SELECT giving event rows (``EVENT_COLUMNS`` order) from ``source``.

    ``source`` is a table or subquery with columns ``record`` (JSON text of
    ``Event.to_dict()``) and ``coder_version``. It computes in DuckDB what
    :func:`record_row` computes in Python, for bulk loads that never build Python objects.
    """
    structure = json.dumps(_RECORD_STRUCTURE)
    country = (
        f"(lambda a: coalesce(a.country, CASE WHEN a.code IN {_sql_list(_state_codes())} "
        "THEN a.code END))"
    )
    place = f"({_sql_map(_alpha2_to_alpha3())})[r.location.country_code]"
    in_list = "list_filter(list_transform({side}, " + country + "), lambda x: x IS NOT NULL)[1]"
    key = (
        "concat_ws(chr(31), coalesce(a.name, a.text, ''), "
        + ", ".join(f"coalesce(a.{f}, '')" for f in _KEY_FIELDS)
        + ")"
    )
    keys = "list_sort(list_distinct(list_transform(coalesce({side}, []), lambda a: " + key + ")))"
    searched = ", ".join(f"lower(coalesce(a.{f}, ''))" for f in _SEARCHED)
    search = (
        "array_to_string(list_transform(list_concat(coalesce(r.actor, []), "
        f"coalesce(r.recipient, [])), lambda a: concat_ws(chr(31), {searched})), chr(31))"
    )
    return f"""
SELECT r.id, r.doc_id, r.event_type, r.mode, r.quad_code, r.intensity, r.date,
    coalesce(r.modality, 'asserted'), r.confidence, coder_version, record,
    coalesce(r.date_start, r.date), coalesce(r.date_end, r.date),
    coalesce(r.date_precision, 'unknown'), r.date_basis, year(r.date), month(r.date),
    coalesce(r.context, []), coalesce(r.actor, []), coalesce(r.recipient, []),
    coalesce({place}, {in_list.format(side="r.recipient")}, {in_list.format(side="r.actor")}),
    list_sort(list_distinct(list_concat([{place}],
        list_transform(coalesce(r.actor, []), {country}),
        list_transform(coalesce(r.recipient, []), {country})))),
    {keys.format(side="r.actor")}, {keys.format(side="r.recipient")}, {search},
    r.location.name, r.location.country_code, r.location.admin1, r.location.admin2,
    r.location.lat, r.location.lon, r.location.geonameid, r.location.precision,
    coalesce(r.historical, false), r.sentence, r.span[1], r.span[2], r.trigger, r.rule,
    r.lang, r.acled_event_type, r.acled_sub_event_type, r.fatalities,
    CASE WHEN r.mentions > 0 THEN r.mentions ELSE 1 END, 1
FROM (SELECT json_transform(record, '{structure}') AS r, record, coder_version FROM {source})
"""


def arrow_schema() -> pa.Schema:
    """The Arrow schema of an event row (for Parquet writers such as the Spark job)."""
    actor = pa.list_(pa.struct([(f, pa.string()) for f in ACTOR_FIELDS]))
    arrow_types = {
        "VARCHAR": pa.string(),
        "JSON": pa.string(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "DATE": pa.date32(),
        "BOOLEAN": pa.bool_(),
        "VARCHAR[]": pa.list_(pa.string()),
        ACTOR_TYPE: actor,
    }
    return pa.schema([(name, arrow_types[kind]) for name, kind in EVENT_COLUMNS])


def columns_ddl(extra: str = "") -> str:
    """Column definitions of an event table (``extra`` adds table-specific columns)."""
    columns = [f"{name} {kind}" for name, kind in EVENT_COLUMNS]
    columns[0] += " PRIMARY KEY"
    return ",\n    ".join(columns + ([extra] if extra else []))


@cache
def _state_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


@cache
def _alpha2_to_alpha3() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _sql_list(values: frozenset[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


def _sql_map(mapping: dict[str, str]) -> str:
    return "MAP {" + ", ".join(f"'{k}': '{v}'" for k, v in sorted(mapping.items())) + "}"


def _actor(actor: dict[str, Any]) -> dict[str, str | None]:
    return {field: _text(actor.get(field)) for field in ACTOR_FIELDS}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _first_country(actors: list[dict[str, Any]]) -> str | None:
    return next((c for c in map(actor_country, actors) if c), None)


def _countries(place_country: str | None, actors: list[dict[str, Any]]) -> list[str]:
    found = [place_country] + [actor_country(a) for a in actors]
    return sorted({c for c in found if c})
