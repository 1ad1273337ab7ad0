"""Crosswalks from PLOVER events to other codebooks (ACLED, CAMEO), kept as data files.

``data/crosswalks/plover_acled.tsv`` maps a PLOVER type and mode, refined by the event's
contexts, the sectors of its actors and recipients, words of its sentence and words of its
episode (the sentences around it, which ACLED reads as one event), to ACLED's
event_type / sub_event_type; ``plover_cameo.tsv`` maps type and mode to a CAMEO code and
pentaclass. Both are validated on load; docs/crosswalks.md explains them and their losses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from eventlens.data_files import data_path, load_yaml, read_tsv

if TYPE_CHECKING:
    from eventlens.record import Actor, Event

ANY = "*"
UNRESOLVED = "?"  # an actor whose sector is not known
NOBODY = "-"  # no actor at all
STATE_SECTOR = "GOV"  # the sector of a state or organisation named alone

#: ACLED's event types and their sub-event types (ACLED codebook).
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


#: Sub-event types of acts that ACLED codes only when the episode reports no violence.
SIDE_ACTS = frozenset(
    {"Looting/property destruction", "Arrests", "Non-violent transfer of territory", "Agreement"}
)
#: Event types whose violence an episode's side acts take (ACLED: the gravest act).
EPISODE_VIOLENCE = frozenset(
    {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests"}
)
VIOLENT_TYPES = frozenset({"ASSAULT", "PROTEST"})
#: A leading label before a colon ("Property destruction: On May 2, ..."): a heading of the
#: note, not part of its first sentence.
HEADING = re.compile(r"\s*([A-Z][A-Za-z/-]*(?: [A-Za-z/-]+){0,4})\s*:\s")
PROPERTY_MODES = frozenset({"destroy"})  # damage to things: no violence a side act takes


class CrosswalkError(ValueError):
    """A crosswalk row is malformed; the message names the file and row."""


@dataclass(frozen=True)
class EventFacts:
    """What the ACLED crosswalk looks at in an event."""

    event_type: str
    mode: str | None = None
    context: frozenset[str] = frozenset()
    actor_sectors: frozenset[str] = frozenset()  # "?" stands for an unresolved actor
    recipient_sectors: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    episode_words: frozenset[str] = frozenset()  # includes ``words``
    heading: str = ""  # the lower-case leading label of the sentence or episode, if any


@dataclass(frozen=True)
class AcledRule:
    """One row of plover_acled.tsv: conditions on an event, and its ACLED types."""

    plover_type: str
    mode: str
    context: str
    actor: frozenset[str] | None  # None: any; "-" in it: nobody; "?" in it: an unresolved actor
    recipient: frozenset[str] | None
    words: tuple[str, ...]  # empty: any
    episode_words: tuple[str, ...]  # empty: any
    episode_without: tuple[str, ...]  # none of these in the episode
    heading: tuple[str, ...]  # empty: any; else one of these leading labels
    event_type: str | None
    sub_event_type: str | None

    def matches(self, facts: EventFacts) -> bool:
        return (
            self.plover_type in (ANY, facts.event_type)
            and self.mode in (ANY, facts.mode or "")
            and (self.context == ANY or self.context in facts.context)
            and _actors_hold(self.actor, facts.actor_sectors)
            and _sectors_hold(self.recipient, facts.recipient_sectors)
            and (not self.words or any(_word_in(w, facts.words) for w in self.words))
            and (
                not self.episode_words
                or any(_word_in(w, facts.episode_words) for w in self.episode_words)
            )
            and not any(_word_in(w, facts.episode_words) for w in self.episode_without)
            and (not self.heading or facts.heading in self.heading)
        )


@dataclass(frozen=True)
class CameoCode:
    """A representative CAMEO code for a PLOVER event, its root and its pentaclass."""

    code: str
    root: str
    pentaclass: int


def to_acled(event_type: str, mode: str | None, **conditions: Any) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) for a PLOVER event, or (None, None); ``conditions``
    are those of :func:`acled_rule` (sectors, sentence, episode)."""
    return _pair(acled_rule(event_type, mode, **conditions))


def acled_rule(
    event_type: str,
    mode: str | None,
    *,
    context: Iterable[str] = (),
    actor_sectors: Iterable[str | None] = (),
    recipient_sectors: Iterable[str | None] = (),
    sentence: str = "",
    episode: str = "",
) -> AcledRule | None:
    """The first row of plover_acled.tsv that holds for a PLOVER event, or None."""
    words = frozenset(sentence_words(sentence))
    facts = EventFacts(
        event_type=event_type,
        mode=mode,
        context=frozenset(context),
        actor_sectors=frozenset(s or UNRESOLVED for s in actor_sectors),
        recipient_sectors=frozenset(s or UNRESOLVED for s in recipient_sectors),
        words=words,
        episode_words=words | frozenset(sentence_words(episode)),
        heading=heading_of(sentence) or heading_of(episode),
    )
    return next((rule for rule in acled_rules() if rule.matches(facts)), None)


def heading_of(text: str) -> str:
    """The lower-case leading label of a text ("Arrests: 20 women were ..."), or ""."""
    found = HEADING.match(text)
    return found.group(1).lower() if found else ""


def _pair(rule: AcledRule | None) -> tuple[str | None, str | None]:
    return (rule.event_type, rule.sub_event_type) if rule else (None, None)


def acled_for_event(
    event: Event, episode: str = "", neighbours: Sequence[Event] = ()
) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) of a coded event, using its actors, its sentence
    and its episode: the ``episode`` text around it and the events reported there
    (``neighbours``), whose recipients stand in when the event names none ("opened fire
    and wounded a civilian"). A side act (looting, arrests, a withdrawal, a release) of an
    episode that also reports violence takes the type of that violence: ACLED codes the
    episode's violence ("attacked a checkpoint and seized three motorbikes" is a clash),
    unless a heading row chose it: the note's own label ("Arrests: ...") stands."""
    rule = _own_rule(event, episode, neighbours)
    pair = _pair(rule)
    if pair[1] not in SIDE_ACTS or (rule and rule.heading):
        return pair
    violent = (
        (other.confidence, _pair(_own_rule(other, episode, neighbours)))
        for other in neighbours
        if other.modality == "asserted"
        and other.event_type in VIOLENT_TYPES
        and other.mode not in PROPERTY_MODES
    )
    found = [(c, p) for c, p in violent if p[0] in EPISODE_VIOLENCE]
    if not found:
        return pair
    adopted = max(found, key=lambda pair_found: pair_found[0])[1]
    if pair[1] == "Arrests" and adopted[1] == "Peaceful protest":  # protesters arrested
        return "Protests", "Protest with intervention"
    return adopted


def _own_rule(event: Event, episode: str, neighbours: Sequence[Event]) -> AcledRule | None:
    """The ACLED row of one event read with its episode's words and recipients."""
    own = {_identity(a) for a in event.actor}
    around = [
        a.sector
        for other in neighbours
        if other.event_type == event.event_type and other.modality == "asserted"
        for a in other.recipient
        if a.sector and _identity(a) not in own  # its own actor is no party it attacks
    ]
    recipients = [a.sector for a in event.recipient if a.sector]
    armed = sector_groups()["ARMED"]
    if not recipients:
        recipients = around or [a.sector for a in event.recipient]
    elif not armed & set(recipients):  # "killed three villagers and a militiaman"
        recipients += [s for s in around if s in armed]
    return acled_rule(
        event.event_type,
        event.mode,
        context=event.context,
        actor_sectors=(_acting_sector(a) for a in event.actor),
        recipient_sectors=recipients,
        sentence=event.sentence,
        episode=episode,
    )


def _identity(actor: Actor) -> str:
    """What tells two mentions of one actor apart from others: its resolved name or text."""
    return (actor.name or actor.text).lower()


def _acting_sector(actor: Actor) -> str | None:
    """The actor's sector; a state or organisation named without one ("Mali abstained",
    "ECOWAS imposed") acts through its government, so it is no unresolved actor."""
    return actor.sector or (STATE_SECTOR if actor.code else None)


def to_cameo(event_type: str, mode: str | None, rule: str = "") -> CameoCode | None:
    """The CAMEO code, root and pentaclass of a PLOVER type and mode, or None. The event's
    ``rule`` tells rows that need one apart ("demanded" is CAMEO 10, "urged" 02)."""
    for row in cameo_rows():
        if row.plover_type != event_type or row.plover_mode not in (ANY, mode or ""):
            continue
        if row.rule is None or row.rule.search(rule):
            return row.code
    return None


def sentence_words(text: str) -> list[str]:
    """Lower-case words of a sentence, as the ``words`` condition sees them."""
    return re.findall(r"[a-z0-9]+", text.lower())


def _word_in(pattern: str, words: frozenset[str]) -> bool:
    if pattern.endswith(ANY):
        stem = pattern[:-1]
        return any(w.startswith(stem) for w in words)
    return pattern in words


def _actors_hold(condition: frozenset[str] | None, sectors: frozenset[str]) -> bool:
    """Like :func:`_sectors_hold`, but armed actors lead: a condition that names no armed
    sector fails when one of the actors is armed ("farmers and militiamen shot a herder"
    is no crowd's violence)."""
    armed = sector_groups()["ARMED"]
    if condition and not condition & armed and sectors & armed:
        return False
    return _sectors_hold(condition, sectors)


def _sectors_hold(condition: frozenset[str] | None, sectors: frozenset[str]) -> bool:
    if condition is None:
        return True
    if not sectors:
        return NOBODY in condition
    return bool(condition & sectors)


@cache
def sector_groups() -> dict[str, frozenset[str]]:
    """Named sector groups (ARMED, UNARMED...) from sector_groups.tsv."""
    path = data_path("crosswalks", "sector_groups.tsv")
    known = set(load_yaml("plover.yaml")["sectors"])
    groups = {}
    for number, row in enumerate(read_tsv(path), start=1):
        sectors = frozenset(row["sectors"].split("|"))
        if unknown := sectors - known:
            raise CrosswalkError(f"{path.name} row {number}: unknown sector(s) {sorted(unknown)}")
        groups[row["group"]] = sectors
    return groups


@cache
def acled_rules() -> tuple[AcledRule, ...]:
    """The validated rows of plover_acled.tsv, in order."""
    path = data_path("crosswalks", "plover_acled.tsv")
    return tuple(
        parse_acled_rule(row, f"{path.name} row {number}")
        for number, row in enumerate(read_tsv(path), start=1)
    )


def parse_acled_rule(row: dict[str, str], where: str) -> AcledRule:
    heading = _word_condition(row.get("heading"))
    if row.get("plover_type") != ANY:
        _check_plover(row.get("plover_type"), row.get("plover_mode"), where)
    elif not heading or row.get("plover_mode") != ANY:
        raise CrosswalkError(f"{where}: plover_type * needs plover_mode * and a heading")
    context = row.get("context") or ANY
    if context != ANY and context not in load_yaml("plover.yaml")["contexts"]:
        raise CrosswalkError(f"{where}: unknown PLOVER context {context!r}")
    event_type = row.get("acled_event_type") or None
    sub_event_type = row.get("acled_sub_event_type") or None
    if event_type and sub_event_type not in ACLED_TYPES.get(event_type, ()):
        raise CrosswalkError(f"{where}: {sub_event_type!r} is not an ACLED {event_type!r} type")
    return AcledRule(
        plover_type=row["plover_type"],
        mode=row["plover_mode"],
        context=context,
        actor=_sector_condition(row.get("actor") or ANY, where),
        recipient=_sector_condition(row.get("recipient") or ANY, where),
        words=_word_condition(row.get("words")),
        episode_words=_word_condition(row.get("episode_words")),
        episode_without=_word_condition(row.get("episode_without")),
        heading=heading,
        event_type=event_type,
        sub_event_type=sub_event_type,
    )


def _word_condition(cell: str | None) -> tuple[str, ...]:
    """The words of a ``words`` cell; empty for ``*`` (any) or a missing column."""
    cell = cell or ANY
    return () if cell == ANY else tuple(cell.lower().split("|"))


def _sector_condition(cell: str, where: str) -> frozenset[str] | None:
    """None for ``*``; else the sectors named, with ``-`` (nobody) and ``?`` (unresolved)
    kept as markers: ``UNARMED|?|-`` holds for unarmed, unknown or missing actors."""
    if cell == ANY:
        return None
    names = cell.split("|")
    markers = frozenset(n for n in names if n in (NOBODY, UNRESOLVED))
    rest = "|".join(n for n in names if n not in markers)
    return markers | (expand_sectors(rest, where) if rest else frozenset())


def expand_sectors(cell: str, where: str) -> frozenset[str]:
    """Sectors named by a cell such as ``ARMED`` or ``MIL|COP`` (groups expanded)."""
    groups = sector_groups()
    known = set(load_yaml("plover.yaml")["sectors"])
    sectors: set[str] = set()
    for name in cell.split("|"):
        if name in groups:
            sectors |= groups[name]
        elif name in known:
            sectors.add(name)
        else:
            raise CrosswalkError(f"{where}: unknown sector or sector group {name!r}")
    return frozenset(sectors)


def _check_plover(event_type: str | None, mode: str | None, where: str) -> None:
    types = load_yaml("plover.yaml")["types"]
    if event_type not in types:
        raise CrosswalkError(f"{where}: unknown PLOVER type {event_type!r}")
    if mode != ANY and mode not in types[event_type]["modes"]:
        raise CrosswalkError(f"{where}: {event_type} has no mode {mode!r}")


@dataclass(frozen=True)
class CameoRow:
    """One row of plover_cameo.tsv: PLOVER type, mode and optional rule pattern -> CAMEO."""

    plover_type: str
    plover_mode: str
    rule: re.Pattern[str] | None
    code: CameoCode


@cache
def cameo_rows() -> tuple[CameoRow, ...]:
    """The validated rows of plover_cameo.tsv."""
    path = data_path("crosswalks", "plover_cameo.tsv")
    rows = []
    for number, row in enumerate(read_tsv(path), start=1):
        where = f"{path.name} row {number}"
        _check_plover(row.get("plover_type"), row.get("plover_mode"), where)
        code, root = row.get("cameo_code", ""), row.get("cameo_root", "")
        penta = row.get("pentaclass", "")
        if not (code.isdigit() and code.startswith(root) and penta and penta in "01234"):
            raise CrosswalkError(f"{where}: bad CAMEO code/root/pentaclass {code!r} {root!r}")
        cameo = CameoCode(code, root, int(penta))
        rule = _rule_pattern(row.get("rule") or ANY, where)
        rows.append(CameoRow(row["plover_type"], row["plover_mode"], rule, cameo))
    return tuple(rows)


def _rule_pattern(text: str, where: str) -> re.Pattern[str] | None:
    """None for ``*`` (any rule), else the compiled regular expression."""
    if text == ANY:
        return None
    try:
        return re.compile(text)
    except re.error as error:
        raise CrosswalkError(f"{where}: bad rule pattern {text!r}: {error}") from None
