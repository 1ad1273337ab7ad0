"""The actor knowledge base: data/actors/*.yaml (and users' files), validated and indexed.

Entries are states, organisations, forces, armed groups, companies and people. Each has a
canonical name, a code (ISO alpha-3 or a PLOVER actor code), an optional sector, country and
Wikidata id, aliases, and dated roles (a person's offices; a group that changed sides). The
index maps every alias, demonym and capital, accent- and case-folded and split into words,
to its entries. Sector words and the coreference vocabulary live beside them. Errors name
the file and the entry. ``load_kb`` builds the whole thing once per process.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from eventlens.coding.crosswalk import ACLED_TYPES
from eventlens.data_files import data_path, load_yaml
from eventlens.record import Event

ACTOR_DIR = data_path("actors")
ENTRY_FILES = ("countries.yaml", "organisations.yaml", "groups.yaml", "people.yaml")
KINDS = ("state", "organisation", "force", "agency", "armed_group", "company", "person", "region")
PLOVER_CODES = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS")
DEFAULT_KIND = {"countries": "state", "people": "person"}
LIST_FIELDS = ("aliases", "fr", "demonyms", "demonyms_fr", "capitals")
FIELDS = {
    "name", "kind", "code", "sector", "country", "kb_id", "roles", "when_focus",
    "not_before", "not_after", *LIST_FIELDS,
}  # fmt: skip
ROLE_FIELDS = {"from", "to", "sector", "code", "country", "office"}
WORD = re.compile(r"\w+")
ARTICLE = re.compile(r"^(the|The)\s+")
DESCRIPTION_KEYS = frozenset(
    {
        *("descriptions", "pronouns", "person_nouns", "role_nouns", "property"),
        *("collective_actions", "implied_actors"),
    }
)
IMPLIED_FIELDS = frozenset(
    {"acled", "types", "name", "sector", "side", "unless_recipients", "if_recipients", "actors"}
)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


class ActorDataError(ValueError):
    """An actor data file is malformed; the message names the file and the entry."""


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-folded text: 'Goïta' and 'GOITA' both give 'goita'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[tuple[str, int, int]]:
    """Folded words of ``text`` with their character offsets in ``text``."""
    return [(fold(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]


@lru_cache(maxsize=1 << 16)
def singular_forms(word: str) -> tuple[str, ...]:
    """The word and its possible singulars (folded): 'militias' -> 'militia'."""
    forms = [word]
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("ren"):  # children
        forms.append(word[:-3])
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        forms.append(word[:-1])
    return tuple(forms)


@dataclass(frozen=True)
class ImpliedActor:
    """An actor (or recipient) that an event implies when no words name it ("protests were
    held": the protesters), for events of some ACLED types (and, where given, PLOVER types)."""

    rule: str
    name: str
    sector: str
    acled: frozenset[str]
    types: frozenset[str] = frozenset()
    side: str = "actor"  # or "recipient"
    unless_recipients: frozenset[str] = frozenset()  # sectors: "4 militants killed" is no UAG
    if_recipients: frozenset[str] = frozenset()  # only when all recipients have these sectors
    actors: frozenset[str] = frozenset()  # a recipient for acts of these sectors only

    def fits(self, event: Event) -> bool:
        """Whether the event lacks this side and is of the types and sides the rule names."""
        if event.acled_event_type not in self.acled or (
            self.types and event.event_type not in self.types
        ):
            return False
        if self.side == "recipient":
            stated = {a.sector for a in event.actor}
            return not event.recipient and (
                not self.actors or bool(stated) and stated <= self.actors
            )
        victims = {r.sector for r in event.recipient}
        excluded = bool(victims) and victims <= self.unless_recipients
        required = not self.if_recipients or bool(victims) and victims <= self.if_recipients
        return not event.actor and not excluded and required


@dataclass(frozen=True)
class Role:
    """A dated office or status that overrides an entry's sector, code or country."""

    start: date | None = None
    end: date | None = None
    sector: str | None = None
    code: str | None = None
    country: str | None = None
    office: str | None = None

    def holds(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def distance(self, when: date) -> int:
        """Days between ``when`` and this role's period (0 inside it)."""
        if self.start and when < self.start:
            return (self.start - when).days
        if self.end and when > self.end:
            return (when - self.end).days
        return 0


@dataclass(frozen=True)
class Facts:
    """What an entry is at one date."""

    code: str | None
    country: str | None
    sector: str | None
    office: str | None = None


@dataclass(frozen=True)
class Entry:
    """One actor of the knowledge base."""

    name: str
    kind: str
    code: str | None = None
    sector: str | None = None
    country: str | None = None
    kb_id: str | None = None
    roles: tuple[Role, ...] = ()
    when_focus: tuple[tuple[str, Facts, str], ...] = ()  # (focus code, facts, name)
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    source: str = ""

    def role_at(self, when: date | None) -> Role | None:
        """The role held at ``when`` (the latest role when the date is unknown)."""
        if not self.roles:
            return None
        if when is None:
            return self.roles[-1] if self.roles[-1].end is None else None
        return next((r for r in reversed(self.roles) if r.holds(when)), None)

    def facts(self, when: date | None) -> Facts:
        """Code, country and sector at ``when``: a person out of office is ELI (former
        official) unless the entry gives what the person is otherwise (e.g. MIL)."""
        role = self.role_at(when)
        country = (role and role.country) or self.country
        code = (role and role.code) or self.code or country
        sector = (role and role.sector) or self.sector
        if role is None and self.kind == "person" and not self.sector and self._left_office(when):
            sector = "ELI"
        return Facts(code, country, sector, role.office if role else None)

    def distance(self, when: date | None) -> int:
        """Days from ``when`` to the nearest role (0 when one holds or nothing is dated)."""
        if when is None or not self.roles:
            return 0
        return min(r.distance(when) for r in self.roles)

    def _left_office(self, when: date | None) -> bool:
        return when is not None and any(r.end and r.end < when for r in self.roles)


@dataclass(frozen=True)
class Alias:
    """One way of writing an entry: ``how`` is name, alias, demonym or capital."""

    entry: Entry
    how: str
    text: str  # as written in the data, for the case rule

    def case_fits(self, written: str) -> bool:
        """Single-word aliases keep their case: 'Platform' is not 'platform', 'US' not 'us'."""
        if " " in self.text.strip() or not self.text[:1].isupper():
            return True
        letters = [c for c in self.text if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return all(c.isupper() for c in written if c.isalpha())
        return written[:1].isupper()


@dataclass
class KnowledgeBase:
    """Indexed actors, sector words and coreference vocabulary."""

    entries: list[Entry] = field(default_factory=list)
    aliases: dict[tuple[str, ...], list[Alias]] = field(default_factory=lambda: defaultdict(list))
    sectors: dict[tuple[str, ...], str] = field(default_factory=dict)
    sector_from: dict[str, int] = field(default_factory=dict)  # longest sector key by first word
    descriptions: dict[str, frozenset[str]] = field(default_factory=dict)
    pronouns: dict[str, tuple[frozenset[str], str]] = field(default_factory=dict)
    person_nouns: frozenset[tuple[str, ...]] = frozenset()
    role_nouns: frozenset[tuple[str, ...]] = frozenset()
    property_nouns: frozenset[tuple[str, ...]] = frozenset()
    collective_actions: dict[tuple[str, ...], str] = field(default_factory=dict)
    implied_actors: tuple[ImpliedActor, ...] = ()
    name_words: dict[int, frozenset[str]] = field(default_factory=dict)  # by id(entry)
    longest_from: dict[str, int] = field(default_factory=dict)  # longest name by first word

    def add(self, entry: Entry, raw: dict[str, Any], first: bool = False) -> None:
        """Index an entry; ``first`` puts it before the entries already known for the same
        names (a user's file overrides the package's)."""
        self.entries.append(entry)
        names = [entry.name, *raw.get("aliases", []), *raw.get("fr", [])]
        self.name_words[id(entry)] = frozenset(w for n in names for w, _, _ in words(str(n)))
        self._index(entry, "name", [entry.name], first)
        self._index(entry, "alias", names[1:], first)
        if entry.kind == "state":  # "Malis government", "Burkina Fasos army" (rule 52)
            english = [entry.name, *raw.get("aliases", [])]
            bare = [f"{n}s" for n in english if not n.endswith("s")]
            self._index(entry, "possessive", bare, first)
        self._index(entry, "capital", raw.get("capitals", []), first)
        self._index(entry, "demonym", english_demonyms(raw.get("demonyms", [])), first)
        self._index(entry, "demonym", french_demonyms(raw.get("demonyms_fr", [])), first)

    def _index(self, entry: Entry, how: str, texts: list[str], first: bool) -> None:
        for text in texts:
            key = tuple(w for w, _, _ in words(_without_article(text)))
            known = self.aliases[key]
            alias = Alias(entry, how, _without_article(text))
            same = next((i for i, a in enumerate(known) if a.entry is entry), None)
            if key and same is None:
                known.insert(0 if first else len(known), alias)
                self.longest_from[key[0]] = max(self.longest_from.get(key[0], 1), len(key))
            elif key and how == "alias" and not text[:1].isupper():  # matches in any case
                known[same] = Alias(entry, known[same].how, alias.text)

    def action_sector(self, predicate: list[str]) -> str | None:
        """The sector that the first collective action in ``predicate`` suggests."""
        for start in range(len(predicate)):
            for key, sector in self.collective_actions.items():
                if tuple(predicate[start : start + len(key)]) == key:
                    return sector
        return None

    def implied(self, event: Event) -> list[ImpliedActor]:
        """The first implied actor and the first implied recipient that fit the event."""
        sides: dict[str, ImpliedActor] = {}
        for implied in self.implied_actors:
            if implied.side not in sides and implied.fits(event):
                sides[implied.side] = implied
        return list(sides.values())

    def sector_of(self, key: tuple[str, ...]) -> str | None:
        """Sector of a word sequence, trying the singulars of its last word."""
        for last in singular_forms(key[-1]):
            found = self.sectors.get((*key[:-1], last))
            if found:
                return found
        return None


def _without_article(text: str) -> str:
    return ARTICLE.sub("", text.strip())


def english_demonyms(demonyms: list[str]) -> list[str]:
    """Demonyms with their plurals: Malian -> Malians, Frenchman -> Frenchmen."""
    forms = []
    for demonym in demonyms:
        forms.append(demonym)
        if demonym.endswith("man"):
            forms.append(demonym[:-3] + "men")
        elif not demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
            forms.append(demonym + "s")
    return forms


def french_demonyms(demonyms: list[str]) -> list[str]:
    """French masculine singular with feminine and plural forms: malien -> malienne(s)."""
    forms = []
    for base in demonyms:
        if base.endswith(("e", "è", "é")):
            feminine = base
        elif base.endswith("ien"):
            feminine = base + "ne"
        else:
            feminine = base + "e"
        plural = base if base.endswith(("s", "x")) else base + "s"
        forms.extend(dict.fromkeys([base, feminine, plural, feminine + "s"]))
    return forms


# --- loading and validation ---------------------------------------------------------------


def known_codes() -> frozenset[str]:
    return frozenset([c.alpha_3 for c in pycountry.countries] + list(PLOVER_CODES))


@cache
def known_sectors() -> frozenset[str]:
    return frozenset(load_yaml("plover.yaml")["sectors"])


def read_entries(path: Path) -> list[dict[str, Any]]:
    """Raw entries of a YAML (list of mappings) or TSV (one row per entry or role) file."""
    if path.suffix.lower() in (".tsv", ".tab"):
        return _tsv_entries(path)
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=yaml.CBaseLoader)  # plain strings: dates checked here
    except yaml.YAMLError as exc:
        raise ActorDataError(f"{path}: not valid YAML: {exc}") from exc
    except OSError as exc:
        raise ActorDataError(f"{path}: cannot read: {exc.strerror}") from exc
    if not isinstance(data, list):
        raise ActorDataError(f"{path}: expected a list of entries (- name: ...)")
    return data


def _tsv_entries(path: Path) -> list[dict[str, Any]]:
    """TSV columns: name, kind, code, sector, country, aliases (joined by |), kb_id, and
    optionally from, to, office; rows with the same name are one entry with several roles."""
    merged: dict[str, dict[str, Any]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if line.strip() and not line.startswith("#"))
            rows = list(csv.DictReader(lines, delimiter="\t"))
    except OSError as exc:
        raise ActorDataError(f"{path}: cannot read: {exc.strerror}") from exc
    for row in rows:
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        entry = merged.setdefault(row.get("name", ""), {})
        for key in ("name", "kind", "code", "sector", "country", "kb_id"):
            if row.get(key) and key not in entry:
                entry[key] = row[key]
        if row.get("aliases"):
            entry.setdefault("aliases", []).extend(a.strip() for a in row["aliases"].split("|"))
        role = {k: row[k] for k in ("from", "to", "office") if row.get(k)}
        if role:
            entry.setdefault("roles", []).append({**role, "sector": row.get("sector") or None})
    return list(merged.values())


def parse_entry(raw: Any, where: str, default_kind: str | None, codes: frozenset[str]) -> Entry:
    """Validate one raw entry; raise ActorDataError naming ``where`` on the first problem."""
    if not isinstance(raw, dict):
        raise ActorDataError(f"{where}: an entry must be a mapping (name: ..., code: ...)")
    name = raw.get("name")
    label = name or raw.get("code")
    where = f"{where} ({label})" if label else where
    if unknown := set(raw) - FIELDS:
        raise ActorDataError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(name, str) or not name.strip():
        raise ActorDataError(f"{where}: 'name' is required")
    kind = raw.get("kind", default_kind)
    if kind not in KINDS:
        raise ActorDataError(f"{where}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    for key in LIST_FIELDS + ("not_before", "not_after"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ActorDataError(f"{where}: '{key}' must be a list of names")
    kb_id = raw.get("kb_id")
    if kb_id is not None and not re.fullmatch(r"Q\d+", str(kb_id)):
        raise ActorDataError(f"{where}: kb_id must be a Wikidata id like Q912, not {kb_id!r}")
    facts = _facts(raw, where, codes)
    if kind in ("state", "person", "armed_group", "force", "company", "agency") and not (
        facts.code or facts.country or raw.get("roles")
    ):
        raise ActorDataError(f"{where}: a {kind} needs a code or a country")
    return Entry(
        name=name.strip(),
        kind=kind,
        code=facts.code,
        sector=facts.sector,
        country=facts.country or (facts.code if kind == "state" else None),
        kb_id=kb_id,
        roles=tuple(
            _role(r, f"{where} role {i + 1}", codes) for i, r in enumerate(_roles(raw, where))
        ),
        when_focus=_when_focus(raw, where, codes),
        not_before=frozenset(fold(w) for w in raw.get("not_before", [])),
        not_after=frozenset(fold(w) for w in raw.get("not_after", [])),
        source=where,
    )


def _facts(raw: dict[str, Any], where: str, codes: frozenset[str]) -> Facts:
    code, country, sector = raw.get("code"), raw.get("country"), raw.get("sector")
    if code is not None and code not in codes:
        raise ActorDataError(
            f"{where}: unknown code {code!r} (ISO alpha-3 or {', '.join(PLOVER_CODES)})"
        )
    if country is not None and country not in codes:
        raise ActorDataError(f"{where}: unknown country {country!r} (ISO alpha-3)")
    if sector is not None and sector not in known_sectors():
        raise ActorDataError(f"{where}: unknown sector {sector!r} (see data/plover.yaml)")
    return Facts(code, country, sector, raw.get("office"))


def _roles(raw: dict[str, Any], where: str) -> list[dict[str, Any]]:
    roles = raw.get("roles", [])
    if not isinstance(roles, list):
        raise ActorDataError(f"{where}: 'roles' must be a list of {{from, to, sector, ...}}")
    return roles


def _role(raw: Any, where: str, codes: frozenset[str]) -> Role:
    if not isinstance(raw, dict):
        raise ActorDataError(f"{where}: a role must be a mapping {{from, to, sector, ...}}")
    if unknown := set(raw) - ROLE_FIELDS:
        raise ActorDataError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    start, end = _date(raw.get("from"), where, "from"), _date(raw.get("to"), where, "to")
    if start and end and end < start:
        raise ActorDataError(f"{where}: 'to' {end} is before 'from' {start}")
    facts = _facts(raw, where, codes)
    return Role(start, end, facts.sector, facts.code, facts.country, raw.get("office"))


def _date(value: Any, where: str, key: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ActorDataError(f"{where}: '{key}' must be an ISO date, not {value!r}") from None


def _when_focus(raw: dict[str, Any], where: str, codes: frozenset[str]) -> tuple:
    table = raw.get("when_focus", {})
    if not isinstance(table, dict):
        raise ActorDataError(f"{where}: 'when_focus' maps a country code to {{name, code, ...}}")
    found = []
    for focus, spec in table.items():
        if focus not in codes or not isinstance(spec, dict) or not spec.get("name"):
            raise ActorDataError(f"{where}: when_focus {focus!r} needs a known code and a name")
        found.append((focus, _facts(spec, f"{where} when_focus {focus}", codes), spec["name"]))
    return tuple(found)


def check_file(path: Path) -> list[str]:
    """Every problem of one actor file (entries, sector words or coreference vocabulary)."""
    try:
        if path.name == "sectors.yaml":
            _sector_table(path)
        elif path.name == "descriptions.yaml":
            _description_tables(path)
        else:
            return _entry_problems(path)
    except ActorDataError as exc:
        return [str(exc)]
    return []


def _entry_problems(path: Path) -> list[str]:
    codes = known_codes()
    problems, seen = [], {}
    default = DEFAULT_KIND.get(path.stem)
    for number, raw in enumerate(read_entries(path), start=1):
        try:
            entry = parse_entry(raw, f"{path}: entry {number}", default, codes)
        except ActorDataError as exc:
            problems.append(str(exc))
            continue
        key = (fold(entry.name), entry.kind)
        if key in seen:
            problems.append(f"{entry.source}: duplicate of entry {seen[key]}")
        seen.setdefault(key, number)
    return problems


def _sector_table(path: Path) -> dict[tuple[str, ...], str]:
    with path.open(encoding="utf-8") as handle:
        table = yaml.load(handle, Loader=yaml.CSafeLoader)
    if not isinstance(table, dict):
        raise ActorDataError(f"{path}: expected SECTOR: [words] mappings")
    found: dict[tuple[str, ...], str] = {}
    for sector, phrases in table.items():
        if sector not in known_sectors():
            raise ActorDataError(f"{path}: {sector}: unknown sector (see data/plover.yaml)")
        if not isinstance(phrases, list):
            raise ActorDataError(f"{path}: {sector}: expected a list of words")
        for phrase in phrases:
            key = tuple(w for w, _, _ in words(str(phrase)))
            if key in found and found[key] != sector:
                raise ActorDataError(f"{path}: {sector}: {phrase!r} is already {found[key]}")
            found[key] = sector
    return found


def _description_tables(
    path: Path,
) -> tuple[dict, dict, frozenset, frozenset, frozenset, dict, tuple[ImpliedActor, ...]]:
    with path.open(encoding="utf-8") as handle:
        table = yaml.load(handle, Loader=yaml.CSafeLoader)
    if not isinstance(table, dict) or set(table) != DESCRIPTION_KEYS:
        raise ActorDataError(f"{path}: expected {', '.join(sorted(DESCRIPTION_KEYS))}")
    descriptions = {
        fold(noun): _kinds(spec, f"{path}: descriptions: {noun}")
        for noun, spec in table["descriptions"].items()
    }
    pronouns = {
        fold(word): (_kinds(spec, f"{path}: pronouns: {word}"), spec.get("number", "any"))
        for word, spec in table["pronouns"].items()
    }
    nouns = [_noun_keys(table, key, path) for key in ("person_nouns", "role_nouns", "property")]
    actions = _action_sectors(table["collective_actions"], path)
    return descriptions, pronouns, *nouns, actions, _implied_actors(table["implied_actors"], path)


def _implied_actors(table: Any, path: Path) -> tuple[ImpliedActor, ...]:
    """RULE: {acled: [ACLED types], name, sector, ...} mappings (descriptions.yaml), in order."""
    if not isinstance(table, dict):
        raise ActorDataError(f"{path}: implied_actors: expected RULE: {{...}} mappings")
    return tuple(
        _implied_actor(rule, spec, f"{path}: implied_actors: {rule}")
        for rule, spec in table.items()
    )


def _implied_actor(rule: Any, spec: Any, where: str) -> ImpliedActor:
    """One implied-actor rule, validated; errors name the file and the rule."""
    if not isinstance(spec, dict) or not set(spec) <= IMPLIED_FIELDS:
        raise ActorDataError(f"{where}: expected fields {', '.join(sorted(IMPLIED_FIELDS))}")
    acled = spec.get("acled")
    if not isinstance(acled, list) or not acled or not set(acled) <= set(ACLED_TYPES):
        raise ActorDataError(f"{where}: 'acled' must list ACLED event types")
    lists = {"types": set(load_yaml("plover.yaml")["types"])}
    lists |= {key: known_sectors() for key in ("unless_recipients", "if_recipients", "actors")}
    for key, allowed in lists.items():
        if not isinstance(spec.get(key, []), list) or not set(spec.get(key, [])) <= allowed:
            raise ActorDataError(f"{where}: '{key}' must list known codes")
    if spec.get("sector") not in known_sectors() or not spec.get("name"):
        raise ActorDataError(f"{where}: needs a 'name' and a known 'sector'")
    if spec.get("side", "actor") not in ("actor", "recipient"):
        raise ActorDataError(f"{where}: 'side' must be actor or recipient")
    return ImpliedActor(
        rule=str(rule),
        name=spec["name"],
        sector=spec["sector"],
        acled=frozenset(acled),
        side=spec.get("side", "actor"),
        **{key: frozenset(spec.get(key, [])) for key in lists},
    )


def _action_sectors(table: Any, path: Path) -> dict[tuple[str, ...], str]:
    """SECTOR: [words] of collective actions ("strike" -> LAB) as folded word tuples."""
    where = f"{path}: collective_actions"
    if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
        raise ActorDataError(f"{where}: expected SECTOR: [words] mappings")
    unknown = set(table) - known_sectors()
    if unknown:
        raise ActorDataError(f"{where}: {', '.join(sorted(unknown))}: unknown sector")
    return {
        tuple(w for w, _, _ in words(str(word))): sector
        for sector, found in table.items()
        for word in found
    }


def _noun_keys(table: dict, key: str, path: Path) -> frozenset[tuple[str, ...]]:
    """A list of nouns as folded word tuples ("defence minister" -> ("defence", "minister"))."""
    nouns = table[key]
    if not isinstance(nouns, list):
        raise ActorDataError(f"{path}: {key}: expected a list of nouns")
    return frozenset(tuple(w for w, _, _ in words(str(n))) for n in nouns)


def _kinds(spec: Any, where: str) -> frozenset[str]:
    kinds = spec.get("kinds") if isinstance(spec, dict) else None
    allowed = (*KINDS, "collective")
    if not isinstance(kinds, list) or not set(kinds) <= set(allowed):
        raise ActorDataError(f"{where}: 'kinds' must list some of {', '.join(allowed)}")
    if spec.get("number", "any") not in ("singular", "plural", "any"):
        raise ActorDataError(f"{where}: 'number' must be singular, plural or any")
    return frozenset(kinds)


def actor_files(extra: tuple[Path, ...] = ()) -> list[Path]:
    """The package's entry files, then the user's (later files add entries)."""
    return [ACTOR_DIR / name for name in ENTRY_FILES] + list(extra)


@cache
def load_kb(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The knowledge base of the package's files plus ``extra`` user files (once per process).

    Raises ActorDataError with the file and entry of the first problem found.
    """
    kb = KnowledgeBase()
    kb.sectors = _sector_table(ACTOR_DIR / "sectors.yaml")
    for key in filter(None, kb.sectors):
        kb.sector_from[key[0]] = max(kb.sector_from.get(key[0], 1), len(key))
    (
        kb.descriptions,
        kb.pronouns,
        kb.person_nouns,
        kb.role_nouns,
        kb.property_nouns,
        kb.collective_actions,
        kb.implied_actors,
    ) = _description_tables(ACTOR_DIR / "descriptions.yaml")
    codes = known_codes()
    for path in actor_files(extra):
        default = DEFAULT_KIND.get(path.stem)
        for number, raw in enumerate(read_entries(path), start=1):
            entry = parse_entry(raw, f"{path}: entry {number}", default, codes)
            kb.add(entry, raw, first=path in extra)
    return kb
