"""ACLED actor names mapped to eventlens actors (country, sector, names) and compared.

The mapping is data: ``data/crosswalks/acled_actors.tsv`` holds ordered regular-expression
rules (see its header). An ACLED name maps to one :class:`GoldActor` per alternative
("X and/or Y" gives two); a coded actor matches when it names the group, or when its sector
is one of the gold sectors and its country does not contradict the gold country.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycountry

from eventlens.coding.crosswalk import CrosswalkError, expand_sectors
from eventlens.data_files import data_path, read_tsv
from eventlens.record import Actor

PLACEHOLDERS = {
    "{country}": r"(?:the )?(?P<country>[A-Z][^()]*[a-z])",
    "{years}": r"(?:\s*\(\d{4}-\d{0,4}\))?",
}
ALTERNATIVES = " and/or "


@dataclass(frozen=True)
class GoldActor:
    """One ACLED actor as eventlens would code it."""

    acled_name: str
    codes: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    aliases: tuple[str, ...] = ()  # normalised


@dataclass(frozen=True)
class ActorMatch:
    """Whether coded actors match a gold actor, leniently and strictly (see ``_match``)."""

    lenient: bool
    strict: bool


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    code: str
    sectors: frozenset[str]
    aliases: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@cache
def _rules() -> tuple[_Rule, ...]:
    path = data_path("crosswalks", "acled_actors.tsv")
    rules = []
    for number, row in enumerate(read_tsv(path), start=1):
        where = f"{path.name} row {number}"
        pattern = row.get("pattern") or ""
        for name, regex in PLACEHOLDERS.items():
            pattern = pattern.replace(name, regex)
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise CrosswalkError(f"{where}: bad pattern ({exc})") from exc
        sectors = row.get("sectors") or ""
        rules.append(
            _Rule(
                pattern=compiled,
                code=row.get("code") or "",
                sectors=expand_sectors(sectors, where) if sectors else frozenset(),
                aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a),
            )
        )
    return tuple(rules)


@cache
def _country_code(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name.strip()).alpha_3
    except LookupError:
        return None


@cache
def map_acled_actor(name: str) -> tuple[GoldActor, ...]:
    """The gold actor(s) an ACLED actor name stands for; () when it is empty."""
    return tuple(
        actor
        for part in name.split(ALTERNATIVES)
        if part.strip() and (actor := _map_one(part.strip())) is not None
    )


def _map_one(name: str) -> GoldActor | None:
    for rule in _rules():
        found = rule.pattern.fullmatch(name)
        if found:
            groups = {k: v for k, v in found.groupdict().items() if v}
            return GoldActor(
                acled_name=name,
                codes=_codes(rule.code, groups),
                sectors=rule.sectors,
                aliases=tuple(
                    normalise(_fill(a, groups)) for a in rule.aliases if _fill(a, groups)
                ),
            )
    return None


def _fill(template: str, groups: dict[str, str]) -> str:
    def value(found: re.Match[str]) -> str:
        return groups.get(found.group(1), "")

    return re.sub(r"\{(\w+)\}", value, template).strip()


def _codes(template: str, groups: dict[str, str]) -> frozenset[str]:
    if template == "{country}":
        code = _country_code(groups.get("country", ""))
        return frozenset([code]) if code else frozenset()
    return frozenset(c for c in template.split("|") if c)


def match_actors(coded: Iterable[Actor], gold: tuple[GoldActor, ...]) -> ActorMatch:
    """Does any coded actor match any gold alternative?"""
    coded = list(coded)
    results = [_match(actor, g) for actor in coded for g in gold]
    return ActorMatch(
        lenient=any(r.lenient for r in results), strict=any(r.strict for r in results)
    )


def _match(actor: Actor, gold: GoldActor) -> ActorMatch:
    """Lenient: names the group, or right sector and no other country. Strict: names a named
    group; for an unnamed one (civilians, army of X), right sector and the right country."""
    if _names(actor, gold):
        return ActorMatch(True, True)
    if actor.sector not in gold.sectors:
        return ActorMatch(False, False)
    country = actor.country or actor.code
    lenient = not gold.codes or country is None or country in gold.codes
    strict = not gold.aliases and (not gold.codes or country in gold.codes)
    return ActorMatch(lenient, strict)


def _names(actor: Actor, gold: GoldActor) -> bool:
    said = f" {normalise(' '.join(filter(None, (actor.name, actor.text))))} "
    return any(f" {alias} " in said for alias in gold.aliases)
