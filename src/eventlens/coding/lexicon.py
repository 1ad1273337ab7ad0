"""The trigger lexicon of a language, validated on load.

``data/lexicons/<lang>/triggers.yaml`` holds the shared sections (light verbs, mode and
context cues, recipient prepositions, reporting verbs); ``triggers/*.yaml`` next to it hold
the entries, one file per PLOVER type or small group of types. Every file may use every
section; they are merged. An entry says which word triggers which PLOVER event, under which
conditions (particle, object, governing verb, preposition, modifier), and how its arguments
map to actor and recipient. Errors name the file and the entry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from eventlens.data_files import data_path, load_yaml


class LexiconError(ValueError):
    """A lexicon entry is malformed; the message names the file and entry."""


ROLES = ("actor", "recipient")
OBJECT_ROLES = ("recipient", "theme")


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: when its conditions hold, a token triggers an event."""

    lemma: str
    pos: str  # "verb" or "noun"
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    particle: str | None = None
    objects: tuple[str, ...] = ()  # verb: direct object lemma; noun: "of" complement lemma
    not_objects: tuple[str, ...] = ()
    object_types: tuple[str, ...] = ()  # entity label of the object instead ("left *Mali*")
    verbs: tuple[str, ...] = ()  # noun: it must be the object of one of these ("opened fire")
    modifiers: tuple[str, ...] = ()  # noun: amod/compound lemma ("military coup")
    not_modifiers: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()  # any of these prepositions, labels or words as child
    forbids: tuple[str, ...] = ()  # none of these prepositions or dependency labels
    modals: tuple[str, ...] = ()  # verb: a clausal complement with one ("said Y *must* go")
    subjects: tuple[str, ...] = ()  # verb: the subject's lemma or entity label ("militant", "org")
    not_subjects: tuple[str, ...] = ()  # verb: none of these ("*floods* destroyed crops")
    recipients: tuple[str, ...] = ()  # prepositions introducing the recipient (else defaults)
    object: str | None = None  # role of the direct object (default: theme when objects)
    of: str = "recipient"  # noun: role of the "of" complement
    poss: str = "actor"  # noun: role of a possessive when there is no "of" complement
    inverse: bool = False  # subject is the recipient and the recipient phrase the actor
    confidence: float = 0.6

    @property
    def rule(self) -> str:
        """The entry's name in event records: ``verb:impose+sanction|embargo|tariff|…``."""
        condition = (
            (self.particle,) if self.particle else None,
            self.objects or self.object_types,
            self.verbs,
            self.modifiers,
            self.needs,
            self.modals,
        )
        words = next((c for c in condition if c), ())
        extra = "|".join(words[:3]) + ("|…" if len(words) > 3 else "")
        return f"{self.pos}:{self.lemma}" + (f"+{extra}" if extra else "")

    @property
    def specificity(self) -> int:
        """How many positive conditions the entry has: more specific entries are tried first."""
        conditions = (self.particle, self.objects, self.object_types, self.verbs, self.modifiers)
        return sum(1 for c in (*conditions, self.needs, self.modals, self.subjects) if c)

    @property
    def object_is_recipient(self) -> bool:
        """Whether the direct object is the recipient: by default unless the entry constrains
        it ("imposed *sanctions*" is a theme; "shelled *the town*" a recipient)."""
        return self.object == "recipient" or (self.object is None and not self.objects)


@dataclass(frozen=True)
class Cue:
    """A mode or context signalled by words among a trigger's arguments."""

    value: str
    words: tuple[str, ...]


@dataclass
class Lexicon:
    """Trigger entries indexed by (part of speech, lemma), with light verbs and cues."""

    entries: dict[tuple[str, str], list[TriggerEntry]] = field(
        default_factory=lambda: defaultdict(list)
    )
    light_verbs: dict[str, str] = field(default_factory=dict)  # lemma -> role of its subject
    mode_cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict)  # type -> cues
    context_cues: tuple[Cue, ...] = ()
    recipient_preps: tuple[str, ...] = ()  # default prepositions introducing a recipient
    reporting_verbs: tuple[str, ...] = ()  # "said", "reported": their content is not theirs

    def lookup(self, pos: str, lemma: str) -> list[TriggerEntry]:
        return self.entries.get((pos, lemma.lower()), [])

    def __len__(self) -> int:
        return sum(len(group) for group in self.entries.values())

    def add(self, *entries: TriggerEntry) -> None:
        """Index entries; per word, more specific entries first, else in file order."""
        for entry in entries:
            group = self.entries[(entry.pos, entry.lemma)]
            group.append(entry)
            group.sort(key=lambda e: -e.specificity)

    def merge(self, other: Lexicon, source: str) -> None:
        """Add the entries and sections of another file (``source`` names it in errors)."""
        for group in other.entries.values():
            self.add(*group)
        for lemma, role in other.light_verbs.items():
            if self.light_verbs.get(lemma, role) != role:
                raise LexiconError(f"{source} light_verbs: {lemma!r} has another role elsewhere")
            self.light_verbs[lemma] = role
        for event_type, cues in other.mode_cues.items():
            self.mode_cues[event_type] = (*self.mode_cues.get(event_type, ()), *cues)
        self.context_cues += other.context_cues
        self.recipient_preps = _union(self.recipient_preps, other.recipient_preps)
        self.reporting_verbs = _union(self.reporting_verbs, other.reporting_verbs)


SECTIONS = {"verbs": "verb", "nouns": "noun"}
LIST_FIELDS = (
    "context",
    "objects",
    "not_objects",
    "verbs",
    "modifiers",
    "not_modifiers",
    "needs",
    "forbids",
    "modals",
    "recipients",
    "subjects",
    "not_subjects",
)
CHOICE_FIELDS = {"object": OBJECT_ROLES, "of": ROLES, "poss": ROLES}
SCALAR_FIELDS = {"lemma", "type", "mode", "particle", "confidence", "inverse", *CHOICE_FIELDS}
ENTITY_FIELDS = ("object_types",)
# PLACE: a GPE, LOC or FAC entity, or a proper name the gazetteer knows (coding/triggers.py)
ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW", "PLACE")
TOP_LEVEL = {
    "verbs",
    "nouns",
    "light_verbs",
    "mode_cues",
    "context_cues",
    "recipient_preps",
    "reporting_verbs",
}
BOOLEAN_HINT = " (YAML reads on/off/yes/no as booleans: quote them, e.g. 'on')"
MAIN_FILE = "triggers.yaml"
ENTRY_FOLDER = "triggers"


@cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """Load and validate the trigger lexicon of a language (once per process)."""
    return read_lexicon_files(data_path("lexicons", lang, MAIN_FILE))


def read_lexicon_files(main: Path) -> Lexicon:
    """Merge ``main`` with every ``*.yaml`` in the ``triggers/`` folder beside it."""
    lexicon = read_lexicon(main)
    folder = main.parent / ENTRY_FOLDER
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        name = f"{folder.name}/{path.name}"
        lexicon.merge(read_lexicon(path, name), name)
    return lexicon


def read_lexicon(path: Path, name: str | None = None) -> Lexicon:
    """Read and validate one lexicon file; :class:`LexiconError` names file and entry."""
    name = name or path.name
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{name}: not valid YAML: {exc}") from exc
    return build_lexicon(spec, name)


def build_lexicon(spec: Any, source: str) -> Lexicon:
    """Build a lexicon from parsed YAML; ``source`` names the file in error messages."""
    if not isinstance(spec, dict):
        raise LexiconError(f"{source}: expected a mapping of sections such as 'verbs', 'nouns'")
    unknown = set(spec) - TOP_LEVEL
    if unknown:
        raise LexiconError(f"{source}: unknown section(s) {sorted(unknown)}")
    ontology = load_yaml("plover.yaml")
    lexicon = Lexicon(
        light_verbs=_light_verbs(spec.get("light_verbs") or {}, source),
        mode_cues=_mode_cues(spec.get("mode_cues") or {}, ontology, source),
        context_cues=_context_cues(spec.get("context_cues") or {}, ontology, source),
        recipient_preps=tuple(_words(spec.get("recipient_preps"), f"{source} recipient_preps")),
        reporting_verbs=tuple(_words(spec.get("reporting_verbs"), f"{source} reporting_verbs")),
    )
    for section, pos in SECTIONS.items():
        for number, raw in enumerate(spec.get(section) or [], start=1):
            lexicon.add(_entry(raw, pos, ontology, f"{source} {section}[{number}]"))
    return lexicon


def _entry(raw: Any, pos: str, ontology: dict, where: str) -> TriggerEntry:
    if not isinstance(raw, dict) or "lemma" not in raw or "type" not in raw:
        raise LexiconError(f"{where}: needs at least 'lemma' and 'type', got {raw!r}")
    where = f"{where} (lemma {raw['lemma']!r})"
    unknown = set(raw) - SCALAR_FIELDS - set(LIST_FIELDS) - set(ENTITY_FIELDS)
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    event_type, mode = raw["type"], raw.get("mode")
    _check_type_mode(event_type, mode, ontology, where)
    lists = {name: tuple(_words(raw.get(name), f"{where} {name}")) for name in LIST_FIELDS}
    for context in lists["context"]:
        _check_context(context, ontology, where)
    _check_conditions(raw, pos, lists, where)
    confidence = raw.get("confidence", 0.6)
    if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
        raise LexiconError(f"{where}: confidence must be a number in (0, 1]")
    particle = raw.get("particle")
    return TriggerEntry(
        lemma=str(raw["lemma"]).lower(),
        pos=pos,
        type=event_type,
        mode=mode,
        particle=str(particle).lower() if particle else None,
        object=raw.get("object"),
        of=raw.get("of", "recipient"),
        poss=raw.get("poss", "actor"),
        inverse=bool(raw.get("inverse", False)),
        confidence=float(confidence),
        object_types=tuple(str(t).upper() for t in raw.get("object_types") or ()),
        **lists,
    )


def _check_conditions(raw: dict, pos: str, lists: dict[str, tuple[str, ...]], where: str) -> None:
    """Field values that are well-formed one by one but do not make sense together."""
    for name, allowed in CHOICE_FIELDS.items():
        if raw.get(name, allowed[0]) not in allowed:
            raise LexiconError(f"{where}: {name} must be one of {list(allowed)}")
    types = raw.get("object_types") or []
    if not isinstance(types, list) or any(str(t).upper() not in ENTITY_LABELS for t in types):
        raise LexiconError(f"{where}: object_types must be a list of {list(ENTITY_LABELS)}")
    if types and lists["objects"]:
        raise LexiconError(f"{where}: give either objects or object_types, not both")
    if lists["verbs"] and pos != "noun":
        raise LexiconError(f"{where}: only noun entries take 'verbs' (governing verbs)")
    if (lists["subjects"] or lists["not_subjects"]) and pos != "verb":
        raise LexiconError(f"{where}: only verb entries take 'subjects' and 'not_subjects'")
    if raw.get("particle") is not None and not isinstance(raw["particle"], str):
        raise LexiconError(f"{where}: particle must be a word{BOOLEAN_HINT}")


def _check_type_mode(event_type: Any, mode: Any, ontology: dict, where: str) -> None:
    if event_type not in ontology["types"]:
        raise LexiconError(f"{where}: unknown PLOVER type {event_type!r}")
    if mode is not None and mode not in ontology["types"][event_type]["modes"]:
        raise LexiconError(f"{where}: {event_type} has no mode {mode!r}")


def _check_context(context: str, ontology: dict, where: str) -> None:
    if context not in ontology["contexts"]:
        raise LexiconError(f"{where}: unknown PLOVER context {context!r}")


def _words(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise LexiconError(f"{where}: expected a list of words, got {value!r}")
    if any(isinstance(v, bool) for v in value):
        raise LexiconError(f"{where}: {value!r} holds a boolean{BOOLEAN_HINT}")
    return [str(v).lower() for v in value]


def _light_verbs(raw: Any, source: str) -> dict[str, str]:
    if not isinstance(raw, dict) or any(role not in ROLES for role in raw.values()):
        raise LexiconError(f"{source} light_verbs: expected 'lemma: actor|recipient' pairs")
    return {str(lemma).lower(): role for lemma, role in raw.items()}


def _mode_cues(raw: Any, ontology: dict, source: str) -> dict[str, tuple[Cue, ...]]:
    if not isinstance(raw, dict):
        raise LexiconError(f"{source} mode_cues: expected 'TYPE: [{{mode, words}}, ...]'")
    cues: dict[str, tuple[Cue, ...]] = {}
    for event_type, items in raw.items():
        where = f"{source} mode_cues {event_type}"
        found = []
        for number, item in enumerate(items or [], start=1):
            if not isinstance(item, dict) or set(item) != {"mode", "words"}:
                raise LexiconError(f"{where}[{number}]: expected {{mode, words}}, got {item!r}")
            _check_type_mode(event_type, item["mode"], ontology, f"{where}[{number}]")
            found.append(Cue(item["mode"], tuple(_words(item["words"], f"{where}[{number}]"))))
        cues[event_type] = tuple(found)
    return cues


def _context_cues(raw: Any, ontology: dict, source: str) -> tuple[Cue, ...]:
    if not isinstance(raw, dict):
        raise LexiconError(f"{source} context_cues: expected 'context: [words]' pairs")
    cues = []
    for context, words in raw.items():
        where = f"{source} context_cues {context}"
        _check_context(context, ontology, where)
        cues.append(Cue(context, tuple(_words(words, where))))
    return tuple(cues)


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))
