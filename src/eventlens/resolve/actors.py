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
6. Once the coder has its events: what an event implies when the text names no actor or
   recipient ("protests were held": the protesters), civilian victims, and the forces facing
   a crowd (``imply``, ``face_crowds``).

Each document is read once (:class:`DocumentMemory`): every noun phrase is resolved in text
order, so coreference sees actors that are not arguments of any event.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
from spacy.tokens import Doc, Span, Token

from eventlens.record import Actor, Event
from eventlens.resolve.actor_kb import Entry, KnowledgeBase, fold, load_kb, singular_forms
from eventlens.resolve.actor_phrase import Phrase, Reading, read
from eventlens.resolve.context import DocumentContext

ACTORS_ENV = "EVENTLENS_ACTORS"
PRONOUN_WINDOW = 2  # sentences back
DESCRIPTION_WINDOW = 5
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "across", "outside", "around"})
CLAUSE_START = re.compile(r",|\s(?:who|whom|whose|which|that)\b")
OBJECT_PRONOUNS = frozenset({"them", "him", "her"})
NUMBERS = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "dozen"),
        *("dozens", "hundred", "hundreds", "thousand", "thousands", "scores"),
    }
)
QUANTIFIERS = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("some", "many", "most", "several", "all", "each", "none", "few", "dozens"),
        *("hundreds", "thousands", "scores", "tens", "dozen", "hundred", "thousand", "others"),
        *("group", "band", "handful", "number", "couple", "batch", "gang", "squad"),
    }
)
# "near Mali", "the border with Mali", "the Mali border": the event is not in that country
ELSEWHERE_BEFORE = frozenset({"near", "toward", "towards", "bordering", "beyond", "from"})
BORDER = frozenset({"border", "borders", "frontier", "frontiers"})
ROUTES = frozenset({"road", "route", "way", "axis", "heading", "headed", "bound"})
# rule 72: "the Algiers accord", "the Doha peace talks": where a pact was made, not the story
PACT_WORDS = frozenset(
    {"accord", "accords", "agreement", "agreements", "deal", "pact", "treaty", "process", "talks"}
)
# "the attackers" (UAF) may be the rebels just named, "the militants" (REB) a militia
KINDRED_SECTORS = {"REB": ("REB", "UAF"), "UAF": ("UAF", "REB")}
FOCUS_KINDS = frozenset({"state", "place", "person"})
BORDERLESS_KINDS = frozenset({"armed_group", "elsewhere", "nationality"})
PLACE_KINDS = frozenset({"state", "region"})
ATTRIBUTION_WINDOW = 12  # tokens after a phrase that may say whose it is
ATTRIBUTION_CUES = frozenset(
    {
        *("believed", "thought", "suspected", "assumed", "presumed", "alleged", "allegedly"),
        *("reportedly", "affiliated", "linked", "belonging", "loyal", "claimed", "identified"),
        *("composed", "comprising", "consisting", "made"),  # "a group made up of MNLA members"
        *("associated", "allied", "tied", "connected"),
    }
)
GROUPS = frozenset({"armed_group", "force"})
NONSTATE = frozenset({"REB", "UAF", "CRM"})
# unknown names of these sectors belong to the document's country ("the Ministry of Mines")
DOMESTIC_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP"})
VIOLENT_TYPES = frozenset({"ASSAULT"})  # their unnamed victims are civilians (rule 27)
PROPERTY_ACTS = frozenset({"Looting/property destruction"})  # the goods of civilians
CROWD_TYPES = frozenset({"PROTEST"})  # their actors with no sector are protesters (rule 28)
CROWD_EVENTS = ("Protests", "Riots")  # ACLED types whose actor2 is the forces facing the crowd
FORCE_TYPES = ("ASSAULT", "COERCE")  # "fired tear gas", "dispersed", "arrested"
STATE_FORCES = frozenset({"MIL", "COP"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
MOVEMENT_WORDS = frozenset({"movement", "movements", "front", "coalition", "collective"})
PRIVATE_SECTORS = frozenset({"BUS", "REF", "REL"})  # "Chinese firms", "Malian refugees"
CROWD_EPISODE = 2  # sentences: the coder's episode
WHOLE_ACTOR_KINDS = frozenset({"armed_group", "company", "force", "organisation", "agency"})
# rule 40: who fights is armed; the sides of these ACLED types that can be no civilians
ARMED_SIDES = {
    "Battles": ("actor", "recipient"),
    "Violence against civilians": ("actor",),
    "Explosions/Remote violence": ("actor",),
}
COMMUNITY_SECTORS = frozenset({"CVL", "AGR", "LAB"})  # villagers, herders, gold miners
CIVILIAN_WORDS = frozenset({"civilian", "civilians", "unarmed"})  # no militia (rules 40, 70)
CASUALTY_HEADS = frozenset(
    {
        *("people", "person", "persons", "individual", "individuals", "civilian", "civilians"),
        *("one", "another", "other", "others", "hostage", "hostages", "victim", "victims"),
        *("body", "bodies", "corpse", "corpses", "dead", "killed", "wounded", "injured"),
        *("livestock", "cattle", "animals"),
    }
)
# a crowd that turns violent is a riot, not a militia (ACLED's rioters)
CROWD_HEADS = frozenset(
    {
        *("protester", "protesters", "protestors", "demonstrators", "rioters", "mob", "crowd"),
        *("citizen", "citizens", "women", "students", "pupils"),
    }
)
PHRASE_TAIL = re.compile(r"\s(?:of|from|in|at|near|who|whom|which|that)\s|,|\(")


@dataclass
class Mention:
    """An actor met in the document, with what coreference needs to know about it."""

    actor: Actor
    kind: str  # a knowledge-base kind, or "collective" for an unnamed group
    plural: bool
    sentence: int
    subject: bool = False  # the subject of its clause: pronouns prefer it
    acting: bool = False  # subject of an active clause or agent ("police *intervened*")


@dataclass
class DocumentMemory:
    """The actors of one document in text order, and the country it is most about."""

    doc: Doc
    sentence_starts: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    focus: str | None = None
    sentence_countries: dict[int, set[str]] = field(default_factory=dict)
    phrases: dict[tuple[int, int], Phrase] = field(default_factory=dict)  # by token span
    from_focus: set[tuple[int | None, int | None]] = field(default_factory=set)  # char spans

    def phrase(self, span: Span) -> Phrase:
        """The phrase of ``span`` (built once per span of the document)."""
        if span.doc is not self.doc:
            return Phrase.from_span(span)
        key = (span.start, span.end)
        if key not in self.phrases:
            self.phrases[key] = Phrase.from_span(span)
        return self.phrases[key]

    def sentence_of(self, char: int) -> int:
        return bisect.bisect_right(self.sentence_starts, char) - 1

    def country_near(self, char: int | None) -> str | None:
        """The document's main country, else the only country named in the sentence at
        ``char`` (a demonym counts: "Judge Rivera charged Chilean officials")."""
        if self.focus or char is None:
            return self.focus
        countries = self.sentence_countries.get(self.sentence_of(char), set())
        return next(iter(countries)) if len(countries) == 1 else None

    def inherit_focus(self, actor: Actor, source: Actor) -> None:
        """``actor`` refers to ``source``: if that took the main country, so does ``actor``."""
        if (source.start, source.end) in self.from_focus:
            self.from_focus.add((actor.start, actor.end))

    def mention_at(self, start: int | None, end: int | None) -> Mention | None:
        """The mention of the phrase at these character offsets, if it was read."""
        found = (m for m in self.mentions if (m.actor.start, m.actor.end) == (start, end))
        return next(found, None)

    def add(self, mention: Mention) -> None:
        """Remember a mention; a later resolution of the same phrase replaces the earlier."""
        key = (mention.actor.start, mention.actor.end)
        self.mentions = [m for m in self.mentions if (m.actor.start, m.actor.end) != key]
        starts = [m.actor.start or 0 for m in self.mentions]
        self.mentions.insert(bisect.bisect_right(starts, key[0] or 0), mention)

    def conjunct_of(self, span: Span) -> Actor | None:
        """The resolved first member of the coordination ``span`` belongs to, if any; a
        modifier split from its noun (rule 70: "military" of "police, military and civilian
        personnel") belongs to the noun's."""
        root = span.root
        if root.dep_ in ("amod", "compound") and root.head.i >= span.end:
            root = root.head
        if root.dep_ != "conj":
            return None
        first = root.head
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

    def same_description(self, before: int, head: str) -> Mention | None:
        """The nearest earlier resolved mention with the same head noun, anywhere before:
        "the junta" is the junta named before, not the foreign forces of the last sentence."""
        heads = set(singular_forms(head))
        for mention in reversed(self.mentions):
            actor = mention.actor
            if (actor.end or 0) > before or not (actor.code or actor.country):
                continue
            words = fold(actor.text).split()
            if words and heads & set(singular_forms(words[-1])):
                return mention
        return None

    def antecedent(
        self,
        before: int,
        window: int,
        kinds: frozenset[str] | None = None,
        number: str = "any",
        sector: str | None = None,
        coded: bool = True,
        subject: bool = True,
    ) -> Mention | None:
        """The nearest earlier resolved mention that fits, within ``window`` sentences; in the
        sentence of the nearest, a subject is preferred ("Gunmen raided a village. They ..."),
        or a non-subject when ``subject`` is false ("arrested traders and shot them").
        ``coded``: only mentions with a country, a code or a name; else a sector is enough."""
        sentence = self.sentence_of(before)
        near: list[Mention] = []
        for mention in reversed(self.mentions):
            if (mention.actor.end or 0) > before:
                continue
            if not near and _unknown_subject(mention, sentence, number):
                return None  # "partners who refused ... until they left": not someone known
            if not _fits(mention, kinds, number, sector, coded):
                continue
            if not subject and mention.subject and mention.sentence == sentence:
                continue  # "police arrested traders and shot them": not the police
            if sentence - mention.sentence > window or (
                near and mention.sentence != near[0].sentence
            ):
                break
            near.append(mention)
        if not near:
            return None
        return min(
            near, key=lambda m: (m.subject != subject, not (m.actor.code or m.actor.country))
        )


def _relative_clause_agent(chunk: Span) -> bool:
    """Whether the noun phrase is the agent of its relative clause ("partners *who refused*")."""
    return any(
        child.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in child.children)
        for child in chunk.root.children
    )


def _unknown_subject(mention: Mention, sentence: int, number: str) -> bool:
    """An unidentified group that is a subject in the pronoun's own sentence, of its number:
    the nearest antecedent, though nothing is known about it."""
    return (
        mention.sentence == sentence
        and mention.subject
        and (number == "any" or mention.plural == (number == "plural"))
        and not _identified(mention.actor)
    )


def _identified(actor: Actor) -> bool:
    return bool(actor.code or actor.country or actor.sector or actor.name)


def _fits(
    mention: Mention, kinds: frozenset[str] | None, number: str, sector: str | None, coded: bool
) -> bool:
    actor = mention.actor
    if not (actor.code or actor.country or (actor.sector and (actor.name or not coded))):
        return False
    if kinds is not None and mention.kind not in kinds:
        return False
    wrong_number = number != "any" and mention.plural != (number == "plural")
    if wrong_number and mention.kind not in WHOLE_ACTOR_KINDS:  # "FARS rebels said it ..."
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
        phrase = memory.phrase(span)
        actor, kind = self._resolve_span(span, phrase, memory, when)
        memory.add(_mention(actor, kind, phrase, span, memory))
        context.remember_actor(actor)
        return actor

    def imply(self, event: Event, context: DocumentContext) -> None:
        """Rule 26: an event that names no actor (or recipient), of a type that says who it is
        ("protests were held", "a riot broke out", "an IED exploded", "police fired tear gas"
        in a protest), gets the one it implies (``implied_actors`` in descriptions.yaml), with
        no text, in the country of the event's place, else of the document. Rules 27 and 28
        first give a sector to unnamed victims and to a protest's unknown actors, rule 40
        makes the communities that fight militias, and rule 41 gives unnamed actors the
        country of the event's place rather than the document's."""
        memory = self._memory_for(context.doc, context.document.pub_date)
        fighters = _fighting_communities(event, memory)  # armed after rule 26 has chosen
        _civilian_victims(event)
        _protesting_crowd(event)
        self._place_over_focus(event, memory)
        self._imply_missing(event, context)
        for community in fighters:
            community.sector = "UAF"

    def _imply_missing(self, event: Event, context: DocumentContext) -> None:
        """Rule 26 proper: the actor or recipient that the event's type implies."""
        for implied in self.kb.implied(event):
            actor = Actor(text="", name=implied.name, sector=implied.sector)
            group = self._named_group(event, context) if implied.sector in NONSTATE else None
            if group is not None:  # "five killed in an attack attributed to Boko Haram"
                _copy(actor, group)
            elif country := self._event_country(event, context):
                actor.code = actor.country = country
            actor.implied = f"implied:{implied.rule}"
            if implied.side == "recipient":
                event.recipient = [actor]
            else:
                event.actor = [actor]

    def face_crowds(self, events: list[Event], context: DocumentContext) -> None:
        """Rule 30: in a protest or riot (ACLED's reading) the crowd and the state forces
        acting on it are each other's recipient when the text gives none, as ACLED names them
        actor1 and actor2: "Rioters burned tyres. Police fired tear gas."; the forces may be
        only the subject of a sentence of the episode ("Police intervened")."""
        memory = self._memory_for(context.doc, context.document.pub_date)
        crowd = [(memory.sentence_of(e.span[0]), e) for e in events]
        crowd = [(n, e) for n, e in crowd if e.acled_event_type in CROWD_EVENTS]
        for number, event in crowd:
            if any(not r.implied for r in event.recipient) or not event.actor:
                continue  # the text names the recipient
            forces = _state_forces(event.actor)
            others = [
                other.actor
                for other_number, other in crowd
                if other is not event
                and other.actor
                and abs(other_number - number) <= CROWD_EPISODE
                and (other.event_type in FORCE_TYPES and _state_forces(other.actor)) != forces
            ]
            if not forces and event.event_type == "PROTEST":
                others += [[m.actor] for m in self._acting_forces(memory, number)]
            if others and (forces or event.event_type == "PROTEST"):
                event.recipient = list(others[0])

    def _acting_forces(self, memory: DocumentMemory, number: int) -> list[Mention]:
        """State forces that are the subject of a clause in the episode of sentence
        ``number`` ("Police intervened", "security forces responded")."""
        return [
            m
            for m in memory.mentions
            if abs(m.sentence - number) <= CROWD_EPISODE and m.acting and _state_forces([m.actor])
        ]

    def _place_over_focus(self, event: Event, memory: DocumentMemory) -> None:
        """Rule 41: an unnamed actor that took the document's main country ("protesters",
        "police") is of the country of the event's place when the place says another
        ("Police dispersed the march" in Niamey, in a note that names France more)."""
        place = event.location
        if place is None or place.precision == "country" or not place.country_code:
            return  # a bare country name ("cocaine moved to Egypt") is weaker than the focus
        found = pycountry.countries.get(alpha_2=place.country_code)
        if found is None:
            return
        for actor in (*event.actor, *event.recipient):
            if (actor.start, actor.end) in memory.from_focus and actor.country != found.alpha_3:
                self._set_country(actor, found.alpha_3)

    def _named_group(self, event: Event, context: DocumentContext) -> Actor | None:
        """The one armed group the event's sentence names, if it is not a recipient ("an
        attack *involving Boko Haram*", "at the hands of the MNLA", "*MUJAO* fired shells")."""
        memory = self._memory_for(context.doc, context.document.pub_date)
        sentence = memory.sentence_of(event.span[0])
        victims = {r.name for r in event.recipient}
        groups = {
            m.actor.name: m.actor
            for m in memory.mentions
            if m.kind == "armed_group"
            and m.actor.sector in NONSTATE
            and memory.sentence_of(m.actor.start or 0) == sentence
        }
        if len(groups) != 1 or victims & set(groups):
            return None
        return next(iter(groups.values()))

    def _event_country(self, event: Event, context: DocumentContext) -> str | None:
        """The country of the event's place, else the document's main country."""
        place = event.location.country_code if event.location else None
        found = pycountry.countries.get(alpha_2=place) if place else None
        memory = self._memory_for(context.doc, context.document.pub_date)
        return found.alpha_3 if found else memory.focus

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
            if mention.kind == "elsewhere":
                continue
            if mention.actor.country:
                memory.sentence_countries.setdefault(mention.sentence, set()).add(
                    mention.actor.country
                )
            if mention.kind not in ("demonym", "nationality", "place"):
                memory.add(mention)
        for chunk in doc.noun_chunks if doc.has_annotation("DEP") else ():
            phrase = memory.phrase(chunk)
            actor, kind = self._resolve_span(chunk, phrase, memory, when)
            known = (actor.code or actor.country or actor.sector) and not (
                kind == "state" and phrase.before in LOCATIVE
            )
            if known or _relative_clause_agent(chunk):  # an unknown agent blocks pronouns
                memory.add(_mention(actor, kind, phrase, chunk, memory))
        self._memory = memory
        return memory

    def _resolve_span(
        self, span: Span, phrase: Phrase, memory: DocumentMemory, when: date | None
    ) -> tuple[Actor, str]:
        """A parsed phrase: a relative pronoun ("the group, which ...") is the noun its
        clause modifies; anything else is read on its own with what came before."""
        clause = _relative_clause(span)
        if clause is not None:
            actor = Actor(text=span.text, start=span.start_char, end=span.end_char)
            noun = clause.head
            found = next(
                (
                    m
                    for m in memory.mentions
                    if (m.actor.start or 0) <= noun.idx < (m.actor.end or 0)
                ),
                None,
            )
            if found is None:
                return actor, "collective"
            _copy(actor, found.actor)
            return actor, found.kind
        actor, kind = self._resolve(phrase, memory, when, memory.conjunct_of(span))
        group = self._attributed_group(span, when) if _unattributed(actor) else None
        if group is not None:  # "gunmen believed to be with AQIM", "militants (assumed JNIM)"
            _copy(actor, group)
            return actor, "armed_group"
        return actor, kind

    def _attributed_group(self, span: Span, when: date | None) -> Actor | None:
        """The armed group that words right after ``span`` attribute it to: "(suspected
        JNIM)", "believed to be members of ISGS", "affiliated with AQIM"."""
        after = span.doc[span.end : min(span.sent.end, span.end + ATTRIBUTION_WINDOW)]
        cue = [t for t in after[:3] if not t.is_punct][:1]
        if not cue or fold(cue[0].text) not in ATTRIBUTION_CUES:
            return None
        window = Phrase.from_text(after.text, after.start_char)
        groups = [m for m in read(window, self.kb, when, None).matches if m.entry.kind in GROUPS]
        if not groups:
            return None
        match = groups[0]
        return Actor(
            text=span.text,
            name=match.name,
            code=match.facts.code,
            sector=match.facts.sector,
            kb_id=match.entry.kb_id,
            country=match.facts.country,
        )

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
            adjective = match.alias.how == "demonym" or (
                kind == "state" and match.alias.how != "capital"
            )  # "Malian soldiers", "U.S. special forces"
            modifier = adjective and self._modifier_kind(phrase.folded[match.end : match.end + 2])
            pact = match.alias.how == "capital" and _names_pact(phrase.folded, match.end)
            if pact or _elsewhere(phrase.folded, match.start, match.end):
                kind = "elsewhere"
            elif modifier:
                kind = modifier
            elif match.alias.how == "demonym":
                kind = "demonym"
            elif _located(phrase.folded, match.start, kind):
                kind = "place"
            mentions.append(Mention(actor, kind, False, index))
        return mentions

    def _modifier_kind(self, following: list[str]) -> str | None:
        """Rule 44: a demonym or state name before a sector word is a modifier. Before a
        word of one private person or thing ("a Spanish priest", "an Italian nun"), or of
        companies, refugees and clergy ("Chinese firms", "Malian refugees") it tells a
        nationality, not where the story is ("nationality": no weight for the main
        country); before other sector words ("U.S. special forces", "Serbian workers") it
        weighs as a demonym ("demonym"); None when no sector word follows."""
        keys = [tuple(following[:n]) for n in (2, 1) if len(following) >= n]
        key, sector = next(((k, s) for k in keys if (s := self.kb.sector_of(k))), ((), None))
        if sector is None:
            return None
        one = not key[-1].endswith("s")  # "a Spanish priest", not "workers"
        private = sector in PRIVATE_SECTORS or (one and sector not in STATE_SECTORS)
        return "nationality" if private else "demonym"

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
        part = _partitive_rest(phrase)
        if part is not None:  # "two of the gunmen" are gunmen
            whole, kind = self._resolve(
                Phrase.from_text(_clause_cut(phrase.text[part:]), phrase.start + part),
                memory,
                when,
            )
            _copy(actor, whole)
            actor.sector = whole.sector or self.kb.sector_of((phrase.folded[phrase.head],))
            if memory:
                memory.inherit_focus(actor, whole)
            return actor, kind
        focus = memory.focus if memory else None
        reading = read(phrase, self.kb, when, focus)
        pronoun = self.kb.pronouns.get(phrase.folded[0])
        if pronoun and memory and not reading.principal:
            return self._pronoun(actor, reading, memory, pronoun)
        if reading.principal:
            return self._named(actor, reading, memory, conjunct)
        possessor = phrase.possessor_end()
        if possessor and reading.sector and memory:
            return self._possessed(actor, reading, memory, when, possessor)
        if reading.proper_name:
            return self._unknown_name(actor, reading, memory)
        return self._description(actor, reading, memory, conjunct)

    def _named(
        self,
        actor: Actor,
        reading: Reading,
        memory: DocumentMemory | None = None,
        conjunct: Actor | None = None,
    ) -> tuple[Actor, str]:
        """A knowledge-base name is in the phrase."""
        match, phrase = reading.principal, reading.phrase
        entry, facts = match.entry, match.facts
        actor.name, actor.code, actor.country, actor.kb_id = (
            match.name,
            facts.code,
            facts.country,
            entry.kb_id,
        )
        if match.alias.how == "demonym" and match.start <= phrase.head < match.end:
            return self._people(actor, reading, memory, conjunct)  # "Malians", "3 Europeans"
        if entry.kind != "state":
            thing = reading.thing and reading.sector_at_head and reading.sector == "CVL"
            actor.sector = facts.sector or (None if thing else reading.sector)
            officer = reading.person_noun and reading.proper_name and not phrase.plural
            return actor, "person" if officer else entry.kind  # "UN chief Kofi Annan": "he"
        actor.sector = reading.sector or _state_sector(match.alias.how)
        if reading.sector:  # "Malian soldiers" are not the state Q912
            actor.kb_id = None
        if reading.proper_name:  # "Malian colonel Alou Diarra": an unknown person of Mali
            actor.name, actor.kb_id = reading.proper_name, None
        if reading.sector is None and match.end - match.start == len(phrase.folded):
            return actor, "state"
        return actor, _unnamed_kind(reading)

    def _people(
        self,
        actor: Actor,
        reading: Reading,
        memory: DocumentMemory | None,
        conjunct: Actor | None = None,
    ) -> tuple[Actor, str]:
        """A demonym as the head ("Malians", "25 Burkinabe") names people: civilians when
        several, unless coordinated with a state ("the French and other Europeans" withdrew).
        Their country is the one they live in where the phrase says so ("Bosnian Serbs", "the
        Albanians of Serbia", "ethnic Albanians" in a sentence about Serbia), else the
        demonym's."""
        phrase, head = reading.phrase, reading.principal
        states = [m for m in reading.matches if m.entry.kind == "state"]
        home = next((m for m in states if m.start > phrase.head and m.alias.how != "demonym"), None)
        home = home or next((m for m in states if m.end <= head.start), head)
        country = home.facts.country
        if home is head and "ethnic" in phrase.folded and memory:
            country = _other_country(memory, phrase.start, country) or country
        several = phrase.plural or any(w.isdigit() for w in phrase.folded)
        self._set_country(actor, country or home.facts.code or "")
        actor.kb_id = None if several else home.entry.kb_id
        people = several and not _names_a_state(conjunct)  # "the French and other Europeans"
        actor.sector = reading.sector or ("CVL" if people else None)
        return actor, "collective" if several else "state"

    def _unknown_name(
        self, actor: Actor, reading: Reading, memory: DocumentMemory | None
    ) -> tuple[Actor, str]:
        """An unknown proper name keeps its text; with a title ("President Obiang") it is a
        person of the document's (or sentence's) country, and so is a state body or party
        ("the Ministry of Mines"); a personal name with no title is a civilian; with no
        sector word, what its clause does may give one ("SYNATEL began a strike": LAB)."""
        sector = reading.sector or ("CVL" if reading.phrase.person_entity else None)
        sector = sector or self.kb.action_sector(reading.phrase.predicate)
        country = memory.country_near(actor.start) if memory else None
        domestic = reading.person_noun or sector in DOMESTIC_BODIES
        if domestic and sector and country and not reading.foreign:
            self._set_country(actor, country)  # "the Ministry of Mines", "President Obiang"
            if memory and country == memory.focus:
                memory.from_focus.add((actor.start, actor.end))
        actor.name, actor.sector = reading.proper_name, sector
        return actor, "person" if reading.person_noun else "organisation"

    def _pronoun(
        self, actor: Actor, reading: Reading, memory: DocumentMemory, pronoun: tuple
    ) -> tuple[Actor, str]:
        """'it', 'they' -> the antecedent; 'its leaders' -> its country with the sector."""
        kinds, number = pronoun
        subject = reading.phrase.folded[0] not in OBJECT_PRONOUNS
        found = memory.antecedent(
            actor.start or 0, PRONOUN_WINDOW, kinds, number, coded=False, subject=subject
        )
        if found is None:
            if reading.sector and reading.sector_at_head:  # "his gunmen"
                actor.sector = reading.sector
            return actor, "collective"
        memory.inherit_focus(actor, found.actor)
        if len(reading.phrase.folded) == 1:
            _copy(actor, found.actor)
            return actor, found.kind
        if reading.thing and not _agent_of(found, reading.phrase):
            _copy(actor, found.actor)  # "their vehicle", "its base": the owner's
            actor.sector = found.actor.sector if reading.sector in (None, "CVL") else reading.sector
            return actor, "thing"
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
        owner, kind = self._resolve(Phrase.from_text(owner_text, phrase.start), memory, when)
        self._set_country(actor, owner)
        role = reading.role_noun or (
            end < len(phrase.folded) and (phrase.folded[end],) in self.kb.role_nouns
        )
        member = role and kind != "state" and owner.sector
        actor.sector = owner.sector if member else reading.sector  # "the party's leader": PTY
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
            actor.sector = self.kb.action_sector(phrase.predicate)  # "a committee marched"
            return actor, "collective"
        if memory and phrase.definite:
            found = memory.same_description(actor.start or 0, head) or memory.antecedent(
                actor.start or 0,
                DESCRIPTION_WINDOW,
                kinds,
                sector=None if kinds else reading.sector,
            )
            if found:
                memory.inherit_focus(actor, found.actor)
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
            memory.from_focus.add((actor.start, actor.end))
        actor.sector = reading.sector or self.kb.action_sector(phrase.predicate)
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
    1, a demonym or an organisation's country 1/2 ("a Swiss hostage" alone is no focus);
    armed groups cross borders ("Boko Haram attacked Diffa") and do not count, nor does the
    nationality of a private person or thing ("a Spanish priest", rule 44)."""
    weights: Counter[str] = Counter()
    for mention in named:
        if mention.actor.country and mention.kind not in BORDERLESS_KINDS:
            full = mention.kind in FOCUS_KINDS
            weights[mention.actor.country] += 2 if full else 1
    common = weights.most_common(1)
    return common[0][0] if common and common[0][1] >= 2 else None


def _mention(
    actor: Actor, kind: str, phrase: Phrase, span: Span, memory: DocumentMemory
) -> Mention:
    subject = span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ != "relcl"
    if not _identified(actor):
        subject = subject or _relative_clause_agent(span)  # unknown "partners who refused"
    sentence = memory.sentence_of(span.start_char)
    agent = span.root.dep_ == "pobj" and span.root.head.dep_ == "agent"  # "dispersed *by* X"
    doing = span.root.dep_ == "nsubj" and span.root.head.pos_ == "VERB"  # not "X is popular"
    acting = (subject and doing) or agent
    return Mention(actor, kind, phrase.plural, sentence, subject, acting)


def _civilian_victims(event: Event) -> None:
    """Rule 27: the victims of violence or looting with no sector word and no country ("a
    young couple", "medical supplies", a name the knowledge base does not know: "the Orange
    kiosk") are civilians, as ACLED codes them."""
    if event.event_type in VIOLENT_TYPES or event.acled_sub_event_type in PROPERTY_ACTS:
        for victim in event.recipient:
            if not (victim.sector or victim.code or victim.kb_id):
                victim.sector = "CVL"


def _protesting_crowd(event: Event) -> None:
    """Rule 28: the actors of a protest with no sector and no country ("a group of
    taxpayers", "SYNACIT") are protesters; of a strike, workers. So is an unknown
    "movement" that marches peacefully (rule 53: "the ODJ movement staged a march")."""
    if event.event_type in CROWD_TYPES:
        for crowd in event.actor:
            if not (crowd.sector or crowd.code) or _marching_movement(crowd, event):
                crowd.sector = "LAB" if event.mode == "strike" else "CVL"


def _marching_movement(actor: Actor, event: Event) -> bool:
    """An actor the knowledge base does not know, read as rebels only for a word such as
    "movement" or "front", whose act ACLED reads as a peaceful protest."""
    unknown = actor.sector == "REB" and not actor.kb_id and bool(actor.text)
    movement = bool(set(fold(actor.text).split()) & MOVEMENT_WORDS)
    return unknown and movement and event.acled_event_type == "Protests"


def _fighting_communities(event: Event, memory: DocumentMemory) -> list[Actor]:
    """Rule 40: who fights is armed. A side of a battle, or the author of an attack on
    civilians or of a bombing, that is a group of non-state people ("Fulani herders", "the
    villagers", "youths of Koumbara", "the Moba") is a militia (UAF), as ACLED codes communal
    militias; things, casualty counts ("three people") and civilians stay as they are. Read
    before rule 27 gives victims with no sector word their civilian sector."""
    state = any(a.sector in STATE_SECTORS for a in event.actor)
    return [
        actor
        for side in ARMED_SIDES.get(event.acled_event_type or "", ())
        for actor in getattr(event, side)
        if _community_sector(actor) and _community(actor, memory, side, state)
    ]


def _community_sector(actor: Actor) -> bool:
    """A community's sector, or an unknown name with none ("Kanuri tribesmen")."""
    unknown_name = actor.sector is None and actor.name is not None and not actor.code
    return actor.sector in COMMUNITY_SECTORS or unknown_name


def _community(actor: Actor, memory: DocumentMemory, side: str, state: bool) -> bool:
    """A stated group of people or their village, not a thing, a casualty count, a crowd or
    a named person; a recipient not one person ("the villagers", not "a farmer" shot), nor
    a counted group that ``state`` forces killed ("soldiers killed three herders")."""
    mention = memory.mention_at(actor.start, actor.end)
    if not actor.text or actor.kb_id or (mention and mention.kind == "thing"):
        return False
    one_person = mention is not None and mention.kind == "person"
    if one_person and (actor.name or side == "recipient"):
        return False  # "Moussa Diallo", "a farmer" shot in a clash: a victim, not a militia
    head = fold(PHRASE_TAIL.split(f" {actor.text} ", maxsplit=1)[0]).split()
    counted = any(w.isdigit() or w in NUMBERS for w in head)
    if side == "recipient" and counted and state:
        return False  # "soldiers shot four armed herders during the raid": victims
    if CIVILIAN_WORDS & set(head):
        return False  # "civilian personnel" (rule 70) say they are no fighters
    return bool(head) and not (head[-1] in CASUALTY_HEADS | CROWD_HEADS or head[-1].isdigit())


def _state_forces(actors: list[Actor]) -> bool:
    return all(a.sector in STATE_FORCES for a in actors)


def _relative_clause(span: Span) -> Token | None:
    """The relative clause whose pronoun ``span`` is ("a group which they say will ...")."""
    if len(span) != 1 or span.root.tag_ not in ("WDT", "WP"):
        return None
    return next((t for t in span.root.ancestors if t.dep_ == "relcl"), None)


def _other_country(memory: DocumentMemory, char: int, own: str | None) -> str | None:
    """The one country of the sentence at ``char`` other than ``own``, else the document's
    main country if it is another ("ethnic Turks" in a sentence about Sweden)."""
    named = memory.sentence_countries.get(memory.sentence_of(char), set()) - {own}
    if len(named) == 1:
        return next(iter(named))
    return memory.focus if memory.focus != own else None


def _partitive_rest(phrase: Phrase) -> int | None:
    """Offset in the phrase's text of the whole in "two of the gunmen", "some of them"."""
    words_ = phrase.folded
    head = phrase.head
    quantity = words_[head].isdigit() or words_[head] in QUANTIFIERS
    if quantity and head + 2 < len(words_) and words_[head + 1] == "of":
        return phrase.offsets[head + 2][0]
    return None


def _clause_cut(text: str) -> str:
    """The noun phrase at the start of ``text``, without an apposition or relative clause
    ("refugees, whom the authorities blame" -> "refugees")."""
    return CLAUSE_START.split(text, maxsplit=1)[0]


def _located(folded: list[str], start: int, kind: str) -> bool:
    """A state or region after "in", "at", "near"... is a place ("in Mali"); an armed group
    or organisation is not ("in a Boko Haram attack", rule 50)."""
    return kind in PLACE_KINDS and bool(start) and folded[start - 1] in LOCATIVE


def _names_pact(folded: list[str], end: int) -> bool:
    """Rule 72: a capital naming a pact ("the Algiers (peace) accord", "the Doha talks")."""
    return bool(PACT_WORDS & set(folded[end : end + 2]))


def _elsewhere(folded: list[str], start: int, end: int) -> bool:
    """A country named as a neighbour or a destination: "near Niger", "the border with
    Mali", "the Mali border", "the Mali-Niger border", "the road to Niger"."""
    before = folded[max(0, start - 2) : start]
    return bool(
        (before and before[-1] in ELSEWHERE_BEFORE)
        or (len(before) == 2 and before[0] in BORDER and before[1] == "with")
        or (len(before) == 2 and before[0] in ROUTES and before[1] == "to")
        or BORDER & set(folded[end : end + 2])
    )


def _unattributed(actor: Actor) -> bool:
    """An unnamed armed actor, or one with no sector ("gunmen", "unknown men")."""
    return actor.name is None and actor.sector in (None, *NONSTATE)


def _copy(actor: Actor, source: Actor) -> None:
    actor.name, actor.code, actor.sector = source.name, source.code, source.sector
    actor.kb_id, actor.country = source.kb_id, source.country


def _agent_of(found: Mention, phrase: Phrase) -> bool:
    """Is ``found`` the subject of the verb ``phrase`` is the object of? ("gunmen burned
    their houses": the houses are not the gunmen's)."""
    start, end = found.actor.start or 0, found.actor.end or 0
    return phrase.agent is not None and start <= phrase.agent < end


def _same_person(found: Mention, reading: Reading) -> bool:
    return found.kind == "person" and reading.person_noun and not reading.phrase.plural


def _state_sector(how: str) -> str | None:
    """A capital stands for the government; 'France' or 'Malians' have no sector."""
    return "GOV" if how == "capital" else None


def _unnamed_kind(reading: Reading) -> str:
    if reading.thing:
        return "thing"  # "the police station" is no antecedent of "they"
    return "person" if reading.person_noun and not reading.phrase.plural else "collective"


def _names_a_state(actor: Actor | None) -> bool:
    """Whether a resolved actor is a state as such: a code and no sector ("the French")."""
    return actor is not None and actor.code is not None and actor.sector is None
