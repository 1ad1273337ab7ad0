"""Resolve an actor phrase to a canonical actor: country, sector, organisation, person.

Rules, in order (docs/actors.md):

1. Pronouns ("it", "they", "its leaders") take the nearest compatible earlier actor.
2. Knowledge-base names, longest first ("UN Security Council" before "UN"), chosen by the
   event date and the document's main country; the named actor beats a demonym or capital,
   a demonym or capital gives a state's code ("Malian soldiers" -> MLI MIL; "Paris" -> FRA
   GOV), and the sector word nearest the head gives the sector.
3. A possessor without a name ("the country's president") is resolved on its own.
4. Unknown proper names keep their text, with the sector their words suggest.
5. Definite descriptions ("the group", "the country") and sector nouns ("the junta", "the
   militants", "the ministers") refer back to the nearest compatible earlier actor, else
   take the document's main country.

Each document is read once (:class:`DocumentMemory`): every noun phrase is resolved in text
order, so coreference sees actors that are not arguments of any event.
"""

from __future__ import annotations

import bisect
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.tokens import Doc, Span

from eventlens.record import Actor
from eventlens.resolve.actor_kb import Entry, KnowledgeBase, load_kb, singular_forms
from eventlens.resolve.actor_phrase import Phrase, Reading, read
from eventlens.resolve.context import DocumentContext

ACTORS_ENV = "EVENTLENS_ACTORS"
PRONOUN_WINDOW = 2  # sentences back
DESCRIPTION_WINDOW = 5
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "across", "outside", "around"})
# "the attackers" (UAF) may be the rebels just named, "the militants" (REB) a militia
KINDRED_SECTORS = {"REB": ("REB", "UAF"), "UAF": ("UAF", "REB")}
FOCUS_KINDS = frozenset({"state", "place", "person"})
WHOLE_ACTOR_KINDS = frozenset({"armed_group", "company", "force", "organisation", "agency"})


@dataclass
class Mention:
    """An actor met in the document, with what coreference needs to know about it."""

    actor: Actor
    kind: str  # a knowledge-base kind, or "collective" for an unnamed group
    plural: bool
    sentence: int


@dataclass
class DocumentMemory:
    """The actors of one document in text order, and the country it is most about."""

    doc: Doc
    sentence_starts: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    focus: str | None = None
    sentence_countries: dict[int, set[str]] = field(default_factory=dict)

    def sentence_of(self, char: int) -> int:
        return bisect.bisect_right(self.sentence_starts, char) - 1

    def country_near(self, char: int | None) -> str | None:
        """The document's main country, else the only country named in the sentence at
        ``char`` (a demonym counts: "Judge Rivera charged Chilean officials")."""
        if self.focus or char is None:
            return self.focus
        countries = self.sentence_countries.get(self.sentence_of(char), set())
        return next(iter(countries)) if len(countries) == 1 else None

    def add(self, mention: Mention) -> None:
        """Remember a mention; a later resolution of the same phrase replaces the earlier."""
        key = (mention.actor.start, mention.actor.end)
        self.mentions = [m for m in self.mentions if (m.actor.start, m.actor.end) != key]
        starts = [m.actor.start or 0 for m in self.mentions]
        self.mentions.insert(bisect.bisect_right(starts, key[0] or 0), mention)

    def conjunct_of(self, span: Span) -> Actor | None:
        """The resolved first member of the coordination ``span`` belongs to, if any."""
        if span.root.dep_ != "conj":
            return None
        first = span.root.head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        return next(
            (
                m.actor
                for m in self.mentions
                if (m.actor.start or 0) <= first.idx < (m.actor.end or 0)
            ),
            None,
        )

    def antecedent(
        self,
        before: int,
        window: int,
        kinds: frozenset[str] | None = None,
        number: str = "any",
        sector: str | None = None,
    ) -> Mention | None:
        """The nearest earlier resolved mention that fits, within ``window`` sentences."""
        sentence = self.sentence_of(before)
        for mention in reversed(self.mentions):
            actor = mention.actor
            if (actor.end or 0) > before:
                continue
            if sentence - mention.sentence > window:
                return None
            if _fits(mention, kinds, number, sector):
                return mention
        return None


def _fits(mention: Mention, kinds: frozenset[str] | None, number: str, sector: str | None) -> bool:
    actor = mention.actor
    if not (actor.code or actor.country):
        return False
    if kinds is not None and mention.kind not in kinds:
        return False
    if number != "any" and mention.plural != (number == "plural"):
        return False
    return sector is None or actor.sector in KINDRED_SECTORS.get(sector, (sector,))


class ActorResolver:
    """Map actor spans to :class:`Actor` records with the knowledge base.

    ``extra_files`` are the user's actor files (YAML or TSV, same fields as the package's);
    by default, the files listed in $EVENTLENS_ACTORS (separated by ``os.pathsep``).
    """

    def __init__(self, extra_files: Sequence[str | Path] | None = None) -> None:
        if extra_files is None:
            extra_files = [p for p in os.environ.get(ACTORS_ENV, "").split(os.pathsep) if p]
        self.kb: KnowledgeBase = load_kb(tuple(Path(p) for p in extra_files))
        self.states: dict[str, Entry] = {
            e.code: e for e in self.kb.entries if e.kind == "state" and e.code
        }
        self._memory: DocumentMemory | None = None

    def resolve(self, span: Span, context: DocumentContext, when: date | None = None) -> Actor:
        """The actor of ``span``; ``when`` is the event's date (default: publication date)."""
        if not len(span):
            return Actor(text=span.text, start=span.start_char, end=span.end_char)
        memory = self._memory_for(context.doc, context.document.pub_date)
        when = when or context.document.pub_date
        phrase = Phrase.from_span(span)
        actor, kind = self._resolve(phrase, memory, when, memory.conjunct_of(span))
        memory.add(Mention(actor, kind, phrase.plural, memory.sentence_of(span.start_char)))
        context.remember_actor(actor)
        return actor

    def resolve_text(self, text: str, when: date | None = None) -> Actor:
        """The actor named by a plain string (no parse, no document context)."""
        actor, _ = self._resolve(Phrase.from_text(text), None, when)
        return actor

    def _memory_for(self, doc: Doc, when: date | None) -> DocumentMemory:
        """Read the document once (cached for it): the names in every sentence, then every
        parsed noun phrase in text order, each resolved with what came before it."""
        if self._memory is not None and self._memory.doc is doc:
            return self._memory
        sentences = list(doc.sents)
        memory = DocumentMemory(doc, sentence_starts=[s.start_char for s in sentences])
        named = [m for i, s in enumerate(sentences) for m in self._named_mentions(s, i, when)]
        memory.focus = _focus(named)
        for mention in named:
            if mention.actor.country:
                memory.sentence_countries.setdefault(mention.sentence, set()).add(
                    mention.actor.country
                )
            if mention.kind not in ("demonym", "place"):
                memory.add(mention)
        for chunk in doc.noun_chunks if doc.has_annotation("DEP") else ():
            phrase = Phrase.from_span(chunk)
            actor, kind = self._resolve(phrase, memory, when, memory.conjunct_of(chunk))
            if (actor.code or actor.country) and not (
                kind == "state" and phrase.before in LOCATIVE
            ):
                memory.add(Mention(actor, kind, phrase.plural, memory.sentence_of(phrase.start)))
        self._memory = memory
        return memory

    def _named_mentions(self, sentence: Span, index: int, when: date | None) -> list[Mention]:
        """Knowledge-base names in a sentence's text (parsed or not). Demonyms and places
        ("in Accra") count for the document's country but are no antecedents."""
        phrase = Phrase.from_text(sentence.text, sentence.start_char)
        mentions = []
        for match in read(phrase, self.kb, when, None).matches:
            start, end = phrase.offsets[match.start][0], phrase.offsets[match.end - 1][1]
            facts = match.facts
            actor = Actor(
                text=sentence.text[start:end],
                name=match.name,
                code=facts.code,
                sector=facts.sector,
                kb_id=match.entry.kb_id,
                country=facts.country,
                start=phrase.start + start,
                end=phrase.start + end,
            )
            kind = match.entry.kind
            if match.alias.how == "demonym":
                kind = "demonym"
            elif match.start and phrase.folded[match.start - 1] in LOCATIVE:
                kind = "place"
            mentions.append(Mention(actor, kind, False, index))
        return mentions

    def _resolve(
        self,
        phrase: Phrase,
        memory: DocumentMemory | None,
        when: date | None,
        conjunct: Actor | None = None,
    ) -> tuple[Actor, str]:
        """Resolve a phrase; ``conjunct`` is the resolved first member of its coordination."""
        actor = Actor(text=phrase.text, start=phrase.start, end=phrase.start + len(phrase.text))
        if not phrase.folded:
            return actor, "collective"
        focus = memory.focus if memory else None
        reading = read(phrase, self.kb, when, focus)
        pronoun = self.kb.pronouns.get(phrase.folded[0])
        if pronoun and memory and not reading.principal:
            return self._pronoun(actor, reading, memory, pronoun)
        if reading.principal:
            return self._named(actor, reading)
        possessor = phrase.possessor_end()
        if possessor and reading.sector and memory:
            return self._possessed(actor, reading, memory, when, possessor)
        if reading.proper_name:
            return self._unknown_name(actor, reading, memory)
        return self._description(actor, reading, memory, conjunct)

    def _named(self, actor: Actor, reading: Reading) -> tuple[Actor, str]:
        """A knowledge-base name is in the phrase."""
        match, phrase = reading.principal, reading.phrase
        entry, facts = match.entry, match.facts
        actor.name, actor.code, actor.country, actor.kb_id = (
            match.name,
            facts.code,
            facts.country,
            entry.kb_id,
        )
        if entry.kind != "state":
            actor.sector = facts.sector or reading.sector
            return actor, entry.kind
        actor.sector = reading.sector or _state_sector(match.alias.how)
        if reading.sector:  # "Malian soldiers" are not the state Q912
            actor.kb_id = None
        if reading.proper_name:  # "Malian colonel Alou Diarra": an unknown person of Mali
            actor.name, actor.kb_id = reading.proper_name, None
        if reading.sector is None and match.end - match.start == len(phrase.folded):
            return actor, "state"
        return actor, _unnamed_kind(reading)

    def _unknown_name(
        self, actor: Actor, reading: Reading, memory: DocumentMemory | None
    ) -> tuple[Actor, str]:
        """An unknown proper name keeps its text; with a title ("President Obiang") it is a
        person of the document's (or sentence's) country; a personal name with no title is
        a civilian of that country."""
        sector = reading.sector or ("CVL" if reading.phrase.person_entity else None)
        country = memory.country_near(actor.start) if memory else None
        if reading.person_noun and sector and country:
            self._set_country(actor, country)
        actor.name, actor.sector = reading.proper_name, sector
        return actor, "person" if reading.person_noun else "organisation"

    def _pronoun(
        self, actor: Actor, reading: Reading, memory: DocumentMemory, pronoun: tuple
    ) -> tuple[Actor, str]:
        """'it', 'they' -> the antecedent; 'its leaders' -> its country with the sector."""
        kinds, number = pronoun
        found = memory.antecedent(actor.start or 0, PRONOUN_WINDOW, kinds, number)
        if found is None:
            return actor, "collective"
        if len(reading.phrase.folded) == 1:
            _copy(actor, found.actor)
            return actor, found.kind
        if reading.sector and reading.sector_at_head:
            self._set_country(actor, found.actor)
            actor.sector = reading.sector
            return actor, _unnamed_kind(reading)
        return actor, "collective"

    def _possessed(
        self, actor: Actor, reading: Reading, memory: DocumentMemory, when: date | None, end: int
    ) -> tuple[Actor, str]:
        """'the country's president': the possessor resolved on its own gives the country."""
        phrase = reading.phrase
        owner_text = phrase.slice(0, end - 1)
        owner, _ = self._resolve(Phrase.from_text(owner_text, phrase.start), memory, when)
        self._set_country(actor, owner)
        actor.sector = reading.sector
        return actor, _unnamed_kind(reading)

    def _description(
        self,
        actor: Actor,
        reading: Reading,
        memory: DocumentMemory | None,
        conjunct: Actor | None = None,
    ) -> tuple[Actor, str]:
        """'the group', 'the junta', 'protesters': an earlier actor, else the main country."""
        phrase = reading.phrase
        head = phrase.folded[phrase.head]
        kinds = next(
            (self.kb.descriptions[f] for f in singular_forms(head) if f in self.kb.descriptions),
            None,
        )
        if kinds is None and reading.sector is None:
            return actor, "collective"
        if memory and phrase.definite:
            found = memory.antecedent(
                actor.start or 0,
                DESCRIPTION_WINDOW,
                kinds,
                sector=None if kinds else reading.sector,
            )
            if found and (kinds or found.kind in WHOLE_ACTOR_KINDS or _same_person(found, reading)):
                _copy(actor, found.actor)
                return actor, found.kind
            if found:
                self._set_country(actor, found.actor)
                actor.sector = reading.sector
                return actor, _unnamed_kind(reading)
        if conjunct is not None and conjunct.country and reading.sector:
            self._set_country(actor, conjunct)  # "Canadian police, military and civilian staff"
        elif (
            memory
            and memory.focus
            and not reading.foreign
            and (reading.sector or "state" in (kinds or ()))
        ):
            self._set_country(actor, memory.focus)
        actor.sector = reading.sector
        return actor, "state" if kinds and "state" in kinds else _unnamed_kind(reading)

    def _set_country(self, actor: Actor, source: Actor | str) -> None:
        """Take the country (and code) of ``source``, an actor or a state code."""
        if isinstance(source, str):
            actor.code = actor.country = source
        else:
            actor.code, actor.country = source.code, source.country
        state = self.states.get(actor.country or "")
        actor.name = state.name if state else getattr(source, "name", None)


def _focus(named: Iterable[Mention]) -> str | None:
    """The country the document is most about: a state's name, capital or a person counts
    1, a demonym or an armed group's country 1/2 ("a Swiss hostage" alone is no focus)."""
    weights: Counter[str] = Counter()
    for mention in named:
        if mention.actor.country:
            full = mention.kind in FOCUS_KINDS
            weights[mention.actor.country] += 2 if full else 1
    common = weights.most_common(1)
    return common[0][0] if common and common[0][1] >= 2 else None


def _copy(actor: Actor, source: Actor) -> None:
    actor.name, actor.code, actor.sector = source.name, source.code, source.sector
    actor.kb_id, actor.country = source.kb_id, source.country


def _same_person(found: Mention, reading: Reading) -> bool:
    return found.kind == "person" and reading.person_noun and not reading.phrase.plural


def _state_sector(how: str) -> str | None:
    """A capital stands for the government; 'France' or 'Malians' have no sector."""
    return "GOV" if how == "capital" else None


def _unnamed_kind(reading: Reading) -> str:
    return "person" if reading.person_noun and not reading.phrase.plural else "collective"
