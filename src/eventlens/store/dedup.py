"""Cross-document deduplication: event mentions of one real-world event become one event.

Two mentions may merge only when they have the same type and modality, compatible modes,
dates within the windows their precision allows, compatible actors and recipients (never
different dyads) and compatible places. Among compatible mentions a score in [0, 1] (actor,
recipient, date and place agreement, weighted) must reach the configured threshold
(``data/store/dedup.yaml``). Clustering is greedy in date order: a mention joins the
best-scoring open cluster whose every member it is compatible with.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from eventlens.data_files import data_path
from eventlens.store.schema import actor_country

FIELD_SEP, ACTOR_SEP = "\x1f", "\x1e"
_STOPWORDS = frozenset({"the", "a", "an", "of", "and", "s"})
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "unknown": 5}


class DedupConfigError(ValueError):
    """The deduplication config is malformed; the message names the file and key."""


@dataclass(frozen=True)
class DedupConfig:
    """Thresholds and windows of deduplication (``data/store/dedup.yaml``)."""

    threshold: float
    window_days: dict[str, int]
    place_km: float
    unknown: float
    weak_actor: float
    weights: dict[str, float]
    symmetric_types: frozenset[str] = frozenset()
    sector_families: dict[str, str] = field(default_factory=dict)  # sector -> family name

    @classmethod
    def load(cls, path: Path | None = None, threshold: float | None = None) -> DedupConfig:
        """Read a config file (the packaged one by default); ``threshold`` overrides its own."""
        path = path or data_path("store", "dedup.yaml")
        with path.open(encoding="utf-8") as handle:
            raw = yaml.safe_load(handle) or {}
        try:
            config = cls(
                threshold=float(raw["threshold"]),
                window_days={k: int(v) for k, v in raw["window_days"].items()},
                place_km=float(raw["place_km"]),
                unknown=float(raw["unknown"]),
                weak_actor=float(raw["weak_actor"]),
                weights={k: float(raw["weights"][k]) for k in _WEIGHTS},
                symmetric_types=frozenset(raw.get("symmetric_types") or ()),
                sector_families={
                    sector: "|".join(family)
                    for family in raw.get("sector_families") or ()
                    for sector in family
                },
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DedupConfigError(f"{path}: missing or invalid key {error}") from error
        missing = set(_PRECISION_RANK) - {"unknown"} - set(config.window_days)
        if missing or "publication" not in config.window_days:
            raise DedupConfigError(f"{path}: window_days lacks {sorted(missing) or 'publication'}")
        return config if threshold is None else replace(config, threshold=threshold)

    @property
    def max_window(self) -> int:
        return max(self.window_days.values())

    @property
    def total_weight(self) -> float:
        return sum(self.weights.values())


_WEIGHTS = ("actor", "recipient", "date", "place")


@dataclass(frozen=True, slots=True)
class Party:
    """What identifies one actor: country, sector, organisation-name words, knowledge-base id."""

    country: str | None
    sector: str | None
    org: frozenset[str] | None
    kb_id: str | None

    @property
    def keys(self) -> tuple[str, ...]:
        found = [f"c:{self.country}"] if self.country else []
        found += [f"o:{w}" for w in self.org or ()]
        found += [f"k:{self.kb_id}"] if self.kb_id else []
        return tuple(found) or ((f"s:{self.sector}",) if self.sector else ())


@dataclass(frozen=True, slots=True)
class Place:
    """Where a mention happened, as far as deduplication cares."""

    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str | None

    @property
    def coarse(self) -> bool:
        return self.precision in ("country", "admin1")


@dataclass(slots=True)
class Mention:
    """One stored event mention, reduced to what deduplication compares."""

    id: str
    doc_id: str
    event_type: str
    mode: str | None
    modality: str
    start: int | None  # date ordinals
    end: int | None
    slack: int
    exact_day: bool
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    place: Place | None
    rank: tuple = ()
    event_id: str | None = None  # the event it belonged to before this clustering
    keys: tuple[str, ...] = field(default=())


def side_key(actors: Iterable[dict[str, Any]]) -> str:
    """Compact text form of an actor list (the SQL in :mod:`eventlens.store.db` builds the same)."""
    return ACTOR_SEP.join(
        FIELD_SEP.join(actor.get(f) or "" for f in ("code", "country", "sector", "name", "text"))
        + FIELD_SEP
        + (actor.get("kb_id") or "")
        for actor in actors
    )


@lru_cache(maxsize=65536)
def parse_side(key: str) -> tuple[Party, ...]:
    """The parties of a :func:`side_key` text."""
    if not key:
        return ()
    return tuple(_party(*part.split(FIELD_SEP)) for part in key.split(ACTOR_SEP))


@lru_cache(maxsize=65536)
def _side_keys(key: str) -> frozenset[str]:
    return frozenset(k for party in parse_side(key) for k in party.keys)


def _party(code: str, country: str, sector: str, name: str, _text: str, kb_id: str) -> Party:
    nation = actor_country({"code": code or None, "country": country or None})
    words = _words(name)  # the text as written ("their convoy") identifies nobody
    if nation and words in _country_names(nation):
        words = frozenset()
    return Party(nation, sector or None, words or None, kb_id or None)


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower())) - _STOPWORDS


@cache
def _country_names(alpha_3: str) -> frozenset[frozenset[str]]:
    country = pycountry.countries.get(alpha_3=alpha_3)
    names = [getattr(country, a, None) for a in ("name", "common_name", "official_name")]
    return frozenset(_words(n) for n in names if n)


def mention_from_row(row: Sequence[Any], config: DedupConfig) -> Mention:
    """A mention from a row of :data:`MENTION_SQL_COLUMNS`."""
    (mention_id, doc_id, event_type, mode, modality, start, end, precision, basis) = row[:9]
    (actor_key, recipient_key, place, confidence, n_parties, event_id) = row[9:]
    actors, recipients = parse_side(actor_key or ""), parse_side(recipient_key or "")
    precision = precision or "unknown"
    by_publication = basis == "publication"
    located = place is not None and place[0] is not None
    mention = Mention(
        id=mention_id,
        doc_id=doc_id,
        event_type=event_type,
        mode=mode,
        modality=modality,
        start=start.toordinal() if start else None,
        end=(end or start).toordinal() if start else None,
        slack=config.window_days.get("publication" if by_publication else precision, 0),
        exact_day=precision == "day" and not by_publication,
        actors=actors,
        recipients=recipients,
        place=Place(*place) if located else None,
        rank=(
            -sum(map(_identified, actors + recipients)),
            -n_parties,
            not located,
            _PRECISION_RANK.get(precision, 5) + (1 if by_publication else 0),
            -(confidence or 0),
            mention_id,
        ),
        event_id=event_id,
    )
    keys = _side_keys(actor_key or "") | _side_keys(recipient_key or "")
    if mention.place:
        keys |= {f"p:{mention.place.country or mention.place.name}"}
    mention.keys = tuple(keys)
    return mention


#: The SELECT list :func:`mention_from_row` reads (from ``mentions``).
MENTION_SQL_COLUMNS = """id, doc_id, event_type, mode, modality, date_start, date_end,
    date_precision, date_basis, {actors}, {recipients},
    CASE WHEN location_name IS NULL THEN NULL ELSE
        (lower(location_name), location_country, lower(admin1), lat, lon, geonameid,
         geo_precision) END,
    confidence, len(actors) + len(recipients), event_id"""


def side_key_sql(column: str) -> str:
    """SQL building :func:`side_key` of an actor-list column."""
    fields = ", ".join(
        f"coalesce(x.{f}, '')" for f in ("code", "country", "sector", "name", "text", "kb_id")
    )
    return (
        f"array_to_string(list_transform({column}, lambda x: "
        f"concat_ws(chr(31), {fields})), chr(30))"
    )


def mention_sql_columns() -> str:
    return MENTION_SQL_COLUMNS.format(
        actors=side_key_sql("actors"), recipients=side_key_sql("recipients")
    )


def mention_from_record(record: dict[str, Any], config: DedupConfig) -> Mention:
    """A mention from a published record (``Event.to_dict()``), for tests and evaluation."""
    location = record.get("location")
    place = None
    if location:
        place = (
            (location.get("name") or "").lower(),
            location.get("country_code"),
            (location.get("admin1") or "").lower() or None,
            location.get("lat"),
            location.get("lon"),
            location.get("geonameid"),
            location.get("precision"),
        )
    start = _day(record.get("date_start") or record.get("date"))
    row = (
        record["id"],
        record["doc_id"],
        record["event_type"],
        record.get("mode"),
        record.get("modality", "asserted"),
        start,
        _day(record.get("date_end")) or start,
        record.get("date_precision"),
        record.get("date_basis"),
        side_key(record.get("actor") or []),
        side_key(record.get("recipient") or []),
        place,
        record.get("confidence"),
        len(record.get("actor") or []) + len(record.get("recipient") or []),
        None,
    )
    return mention_from_row(row, config)


def _day(value: str | date | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


# --- comparing two mentions ------------------------------------------------------------------


def party_match(a: Party, b: Party, config: DedupConfig) -> float | None:
    """How well two actors agree: 1 same entity, ``weak_actor`` same sector only, None
    different. Sectors of one family (``sector_families``) count as the same sector."""
    families = config.sector_families
    sectors = (families.get(a.sector, a.sector), families.get(b.sector, b.sector))
    for x, y in ((a.country, b.country), sectors, (a.kb_id, b.kb_id)):
        if x and y and x != y:
            return None
    if a.org and b.org and not (a.org <= b.org or b.org <= a.org):
        return None
    strong = (a.country and a.country == b.country) or (a.org and b.org) or (a.kb_id and b.kb_id)
    if strong:
        return 1.0
    if _identified(a) and _identified(b):
        return None  # both known, nothing in common: "ECOWAS" is not "the Malian government"
    return config.weak_actor


def _identified(party: Party) -> bool:
    return bool(party.country or party.org or party.kb_id)


def side_match(a: tuple[Party, ...], b: tuple[Party, ...], config: DedupConfig) -> float | None:
    """Agreement of two actor lists; one must contain the other (same dyad), else None."""
    if not a or not b:
        return config.unknown
    small, large = sorted((a, b), key=len)
    scores = []
    for party in small:
        found = [s for other in large if (s := party_match(party, other, config))]
        if not found:
            return None
        scores.append(max(found))
    score = sum(scores) / len(scores)
    return score if len(a) == len(b) else 0.85 * score


def place_match(a: Place | None, b: Place | None, config: DedupConfig) -> float | None:
    """Agreement of two places: same or contained, near, unknown; None when different."""
    if a is None or b is None:
        return config.unknown
    if (a.geonameid and a.geonameid == b.geonameid) or (
        a.name == b.name and a.country == b.country
    ):
        return 1.0
    if a.country and b.country and a.country != b.country:
        return None
    if a.coarse or b.coarse:
        coarse, fine = (a, b) if a.coarse else (b, a)
        if coarse.precision == "country":
            return 0.75
        return 0.75 if coarse.name in (fine.admin1, fine.name) else None
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return 0.9 if _km(a, b) <= config.place_km else None
    return None


def date_match(a: Mention, b: Mention) -> float | None:
    """Agreement of two dates: 1 same day, 0.8 overlapping ranges, 0.5 within the windows."""
    if a.start is None or b.start is None:
        return None
    if a.start - a.slack > b.end + b.slack or b.start - b.slack > a.end + a.slack:
        return None
    if a.exact_day and b.exact_day and a.start == b.start:
        return 1.0
    return 0.8 if a.start <= b.end and b.start <= a.end else 0.5


def score(a: Mention, b: Mention, config: DedupConfig) -> float | None:
    """Similarity of two mentions in [0, 1], or None when they must never merge."""
    if a.event_type != b.event_type or a.modality != b.modality:
        return None
    if a.mode and b.mode and a.mode != b.mode:
        return None
    when = date_match(a, b)
    where = None if when is None else place_match(a.place, b.place, config)
    if where is None:
        return None
    if a.event_type in config.symmetric_types:
        actor = recipient = side_match(a.actors + a.recipients, b.actors + b.recipients, config)
    else:
        actor = side_match(a.actors, b.actors, config)
        recipient = None if actor is None else side_match(a.recipients, b.recipients, config)
    if actor is None or recipient is None:
        return None
    w = config.weights
    total = w["actor"] * actor + w["recipient"] * recipient + w["date"] * when + w["place"] * where
    return total / config.total_weight


def _km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


# --- clustering ------------------------------------------------------------------------------


@dataclass(eq=False)
class Cluster:
    members: list[Mention]
    reach: int  # last date ordinal any future mention can still overlap every member at


def cluster(mentions: Iterable[Mention], config: DedupConfig) -> list[list[Mention]]:
    """Group mentions into real-world events (each group: its representative first)."""
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    singles: list[list[Mention]] = []
    for mention in mentions:
        if mention.start is None:
            singles.append([mention])
        else:
            groups[(mention.event_type, mention.modality)].append(mention)
    clusters = singles
    for group in groups.values():
        clusters.extend(_cluster_group(sorted(group, key=lambda m: (m.start, m.id)), config))
    return [_representative_first(c) for c in clusters]


def _cluster_group(mentions: list[Mention], config: DedupConfig) -> list[list[Mention]]:
    """Greedy clustering of mentions of one type and modality, sorted by start date."""
    done: list[list[Mention]] = []
    open_clusters: list[Cluster] = []
    by_key: dict[str, list[Cluster]] = defaultdict(list)
    keyless_can_merge = _best_keyless_score(config) >= config.threshold
    prune_at = 256
    for mention in mentions:
        horizon = mention.start - config.max_window
        if len(open_clusters) >= prune_at:
            done.extend(c.members for c in open_clusters if c.reach < horizon)
            open_clusters = [c for c in open_clusters if c.reach >= horizon]
            by_key = _index(open_clusters)
            prune_at = 2 * len(open_clusters) + 256
        if mention.keys:
            candidates = {id(c): c for k in mention.keys for c in by_key.get(k, ())}.values()
        else:
            candidates = open_clusters if keyless_can_merge else ()
        best, best_score = None, config.threshold
        for candidate in candidates:
            if candidate.reach < horizon:
                continue
            value = _cluster_score(mention, candidate, config)
            if value is not None and value >= best_score:
                best, best_score = candidate, value
        if best is None:
            best = Cluster([], mention.end + mention.slack)
            open_clusters.append(best)
        best.members.append(mention)
        best.reach = min(best.reach, mention.end + mention.slack)
        for key in mention.keys:
            if best not in by_key[key]:
                by_key[key].append(best)
    return done + [c.members for c in open_clusters]


def _cluster_score(mention: Mention, candidate: Cluster, config: DedupConfig) -> float | None:
    """Best score against a member, or None when any member is incompatible."""
    best = 0.0
    for member in candidate.members:
        value = score(mention, member, config)
        if value is None:
            return None
        best = max(best, value)
    return best


def _index(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    index: dict[str, list[Cluster]] = defaultdict(list)
    for candidate in clusters:
        for key in {k for m in candidate.members for k in m.keys}:
            index[key].append(candidate)
    return index


def _best_keyless_score(config: DedupConfig) -> float:
    """Highest score a mention without actors and place can reach."""
    w = config.weights
    best = config.unknown * (w["actor"] + w["recipient"] + w["place"]) + w["date"]
    return best / sum(w.values())


def _representative_first(members: list[Mention]) -> list[Mention]:
    """Order a cluster: the mention that speaks for it first (a former event id is kept)."""
    return sorted(members, key=lambda m: (m.event_id != m.id, m.rank))
