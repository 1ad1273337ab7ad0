"""The trigger lexicon: data/lexicons/<lang>/triggers.yaml, validated on load."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from eventlens.data_files import load_yaml


class LexiconError(ValueError):
    """A lexicon entry is malformed; the message names the file and entry."""


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: when its conditions hold, a token triggers an event."""

    lemma: str
    pos: str  # "verb" or "noun"
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    particle: str | None = None
    objects: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    confidence: float = 0.7

    @property
    def rule(self) -> str:
        extra = self.particle or "|".join(self.objects) or "|".join(self.modifiers)
        return f"{self.pos}:{self.lemma}" + (f"+{extra}" if extra else "")


@dataclass
class Lexicon:
    """Trigger entries indexed by (part of speech, lemma)."""

    entries: dict[tuple[str, str], list[TriggerEntry]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def lookup(self, pos: str, lemma: str) -> list[TriggerEntry]:
        return self.entries.get((pos, lemma.lower()), [])


SECTIONS = {"verbs": "verb", "nouns": "noun"}
LIST_FIELDS = ("context", "objects", "preps", "modifiers")


@cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """Load and validate the trigger lexicon of a language (once per process)."""
    spec = load_yaml("lexicons", lang, "triggers.yaml")
    ontology = load_yaml("plover.yaml")
    lexicon = Lexicon()
    for section, pos in SECTIONS.items():
        for number, raw in enumerate(spec.get(section) or [], start=1):
            entry = _entry(raw, pos, ontology, f"triggers.yaml {section}[{number}]")
            lexicon.entries[(pos, entry.lemma)].append(entry)
    return lexicon


def _entry(raw: dict, pos: str, ontology: dict, where: str) -> TriggerEntry:
    if not isinstance(raw, dict) or "lemma" not in raw or "type" not in raw:
        raise LexiconError(f"{where}: needs at least 'lemma' and 'type'")
    event_type = raw["type"]
    if event_type not in ontology["types"]:
        raise LexiconError(f"{where}: unknown PLOVER type {event_type!r}")
    mode = raw.get("mode")
    if mode is not None and mode not in ontology["types"][event_type]["modes"]:
        raise LexiconError(f"{where}: {event_type} has no mode {mode!r}")
    for context in raw.get("context") or []:
        if context not in ontology["contexts"]:
            raise LexiconError(f"{where}: unknown PLOVER context {context!r}")
    unknown = set(raw) - {"lemma", "type", "mode", "particle", "confidence", *LIST_FIELDS}
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    lists = {name: tuple(str(v).lower() for v in raw.get(name) or ()) for name in LIST_FIELDS}
    return TriggerEntry(
        lemma=str(raw["lemma"]).lower(),
        pos=pos,
        type=event_type,
        mode=mode,
        particle=raw.get("particle"),
        confidence=float(raw.get("confidence", 0.7)),
        **lists,
    )
