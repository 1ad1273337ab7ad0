"""The event coder: parsed document in, PLOVER event records out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from eventlens.coding.crosswalk import acled_for_event
from eventlens.coding.frames import Frame, frame_for
from eventlens.coding.lexicon import Cue, Lexicon, TriggerEntry, load_lexicon
from eventlens.coding.modality import Reading, cues, past_tense, read_modality
from eventlens.coding.reference import reports_event
from eventlens.coding.triggers import TriggerMatch, find_triggers
from eventlens.data_files import load_yaml
from eventlens.record import Actor, DateInfo, Document, Event, Modality
from eventlens.resolve.actors import ActorResolver
from eventlens.resolve.context import DocumentContext
from eventlens.resolve.places import PlaceResolver
from eventlens.resolve.time import TimeResolver

HISTORICAL_AFTER = timedelta(days=365)
RECAST_MARK = ">"  # in a rule name: "verb:meet>AGREE", an intention recast
# PLOVER manual: these types require a recipient.
REQUIRES_RECIPIENT = ("COOPERATE", "AID", "SANCTION")
# Dependents that are separate clauses: their words say nothing about this trigger's mode.
# (A complement clause is part of the trigger's phrase: "asked France *to revise* the accord".)
CLAUSE_LABELS = ("advcl", "relcl", "conj", "parataxis", "csubj", "acl")
# Dependency links that embed a trigger below the main event of its sentence.
EMBEDDING_LABELS = (
    "advcl",
    "relcl",
    "acl",
    "xcomp",
    "ccomp",
    "csubj",
    "pcomp",
    "pobj",
    "parataxis",
)
VAGUE_ACTORS = ("you", "we", "it", "they", "one", "someone", "everyone", "this", "that")


@dataclass
class _Coded:
    """A trigger with its merged frame and modality, before resolution."""

    match: TriggerMatch
    frame: Frame
    reading: Reading
    event_type: str
    mode: str | None
    context: list[str]
    rule: str


class EventCoder:
    """Codes the events of one parsed document with the lexicon and the resolvers."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        actors: ActorResolver | None = None,
        times: TimeResolver | None = None,
        places: PlaceResolver | None = None,
        lang: str = "en",
    ) -> None:
        self.lang = lang
        self.lexicon = lexicon or load_lexicon(lang)
        self.actors = actors or ActorResolver()
        self.times = times or TimeResolver()
        self.places = places or PlaceResolver()
        self.ontology = load_yaml("plover.yaml")
        self.intent_types = load_yaml("lexicons", lang, "modality.yaml").get("intent_types", {})
        assault_cues = self.lexicon.mode_cues.get("ASSAULT", ())
        self.weapon_words = {word for cue in assault_cues for word in cue.words}
        # "a roadside bomb exploded": the device is the instrument, not the actor
        self.instruments = {
            w for cue in assault_cues if cue.value == "explosives" for w in cue.words
        }

    def code(self, document: Document, doc: Doc) -> list[Event]:
        """All event mentions of a document, in text order."""
        context = DocumentContext(document=document, doc=doc)
        events: list[Event] = []
        for sentence in doc.sents:
            matches = find_triggers(sentence, self.lexicon)
            triggers = {t.i for m in matches for t in (m.token, *(a.token for a in m.absorbed))}
            coded = [self._code_match(m, triggers) for m in matches]
            coded = [c for c in coded if self._reports_event(c)]
            _share_recipients(coded)
            events.extend(self._event(item, sentence, context) for item in coded)
        return events

    def _code_match(self, match: TriggerMatch, triggers: set[int]) -> _Coded:
        """Frame, modality, type, mode and context of one trigger (with what it absorbed)."""
        entry = match.entry
        frame = _merged_frame(match, self.lexicon)
        frame.actors = [s for s in frame.actors if s.root.lemma_.lower() not in self.instruments]
        if not frame.actors:  # "the military coup", "the military coup ousted ..."
            nouns = (m for m in (match, *match.absorbed) if m.entry.pos == "noun")
            found = (self._modifier_actors(m.token, m.entry) for m in nouns)
            frame.actors = next((actors for actors in found if actors), [])
        reading = read_modality(match.token, self.lang)
        scope = _scope_text(match)
        mode = entry.mode or next((m.entry.mode for m in match.absorbed if m.entry.mode), None)
        mode = mode or _first_cue(self.lexicon.mode_cues.get(entry.type, ()), scope)
        contexts = [*entry.context, *(c for m in match.absorbed for c in m.entry.context)]
        contexts += [cue.value for cue in self.lexicon.context_cues if _mentions(scope, cue)]
        coded = _Coded(match, frame, reading, entry.type, mode, _unique(contexts), entry.rule)
        self._recast_intention(coded, triggers)
        return coded

    def _modifier_actors(self, noun: Token, entry: TriggerEntry) -> list[Span]:
        """ "military coup", "jihadist attack": a modifier naming an actor (not a weapon, nor
        the modifier the entry asks for: "*general* strike", "*military* exercises")."""
        skip = self.weapon_words | set(entry.modifiers)
        compounds = [c for c in noun.lefts if c.dep_ == "compound"]  # "military coup d'état"
        for child in [*noun.lefts, *(t for c in compounds for t in c.lefts)]:
            if child.dep_ not in ("amod", "compound", "nmod") or child.lower_ in skip:
                continue
            actor = self.actors.resolve_text(child.text)
            if actor.sector or actor.code:
                return [noun.doc[child.i : child.i + 1]]
        return []

    def _reports_event(self, coded: _Coded) -> bool:
        """Verbs always do; an event noun only when it is more than a back-reference."""
        match = coded.match
        if match.entry.pos != "noun":
            return True
        occurrence = cues(self.lang)["occurrence_verbs"]
        return reports_event(match.token, match.entry, coded.frame.actors, self.lexicon, occurrence)

    def _recast_intention(self, coded: _Coded, triggers: set[int]) -> None:
        """PLOVER: a promised cooperative act is AGREE (a promised retreat CONCEDE), asserted.

        Not when the intention is itself a coded event ("agreed to withdraw" is one AGREE
        event; the withdrawal stays a future RETREAT).
        """
        reading = coded.reading
        target = self.intent_types.get(coded.event_type)
        if target is None or reading.modality != "future" or not reading.intent:
            return
        if reading.cue_index in triggers:
            return
        coded.rule = f"{coded.rule}{RECAST_MARK}{target}"
        coded.event_type, coded.mode = target, None
        coded.reading = Reading("asserted", reading.cue, inherited=reading.inherited)

    def _event(self, coded: _Coded, sentence: Span, context: DocumentContext) -> Event:
        token = coded.match.token
        spec = self.ontology["types"][coded.event_type]
        when = self.times.resolve(sentence, token, context)
        modality = _dated_modality(coded.reading.modality, when, coded)
        if when.basis != "publication" and modality == "asserted":
            context.last_date = when  # only facts anchor "a week later" in what follows
        event = Event(
            doc_id=context.document.id,
            event_type=coded.event_type,
            mode=coded.mode,
            context=coded.context,
            quad_code=spec["quad"],
            intensity=spec["modes"].get(coded.mode, spec["intensity"]),
            sentence=sentence.text,
            span=(sentence.start_char, sentence.end_char),
            trigger=token.text,
            trigger_span=(token.idx, token.idx + len(token.text)),
            rule=coded.rule,
            actor=[self.actors.resolve(s, context) for s in coded.frame.actors],
            recipient=[self.actors.resolve(s, context) for s in coded.frame.recipients],
            date=when,
            location=self.places.resolve(sentence, token, context),
            modality=modality,
            lang=self.lang,
        )
        event.historical = _is_historical(when, context)
        event.acled_event_type, event.acled_sub_event_type = acled_for_event(event)
        event.confidence = confidence(coded, event, self.lexicon.reporting_verbs)
        return event


def _dated_modality(modality: Modality, when: DateInfo, coded: _Coded) -> Modality:
    """An asserted event dated after publication is future; not an intention recast as
    AGREE/CONCEDE, which is stated now ("will meet next week": an AGREE today), nor an event
    the text puts in the past ("imposed sanctions a week later")."""
    token = coded.match.token
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    settled = RECAST_MARK in coded.rule or past_tense(verb)
    return "future" if modality == "asserted" and when.future and not settled else modality


def _merged_frame(match: TriggerMatch, lexicon: Lexicon) -> Frame:
    """The trigger's frame, completed by the frames of the same-type triggers it absorbed."""
    frame = frame_for(match.token, match.entry, lexicon)
    own = {match.token.i, *(m.token.i for m in match.absorbed)}
    frame.actors = [s for s in frame.actors if s.root.i not in own]
    for part in match.absorbed:
        extra = frame_for(part.token, part.entry, lexicon)
        if not frame.actors:
            frame.actors = [s for s in extra.actors if s.root.i not in own]
        if not frame.recipients:
            frame.recipients = [s for s in extra.recipients if s.root.i not in own]
    return frame


def _share_recipients(coded: list[_Coded]) -> None:
    """ "imposed sanctions and closed its borders with Mali": coordinated verbs of one type
    and one subject share a recipient that only one of them states."""
    for item in coded:
        if item.frame.recipients:
            continue
        for other in coded:
            linked = _coordinated(item.match.token, other.match.token)
            if linked and other.frame.recipients and other.event_type == item.event_type:
                item.frame.recipients = list(other.frame.recipients)
                break


def _coordinated(a: Token, b: Token) -> bool:
    """Verbs coordinated without a subject of their own ("imposed ... and closed")."""
    first, second = (a, b) if a.i < b.i else (b, a)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in second.children)
    return second.dep_ == "conj" and second.head.i == first.i and not own_subject


def _scope_text(match: TriggerMatch) -> str:
    """Lemmas and words of the trigger's own phrase and arguments, for mode/context cues."""
    tokens: list[Token] = []
    for part in (match, *match.absorbed):
        tokens.extend(_local_tokens(part.token))
    if match.token.pos_ in ("NOUN", "PROPN") and match.token.dep_ == "dobj":
        tokens.extend(_local_tokens(match.token.head))
    words = sorted(set(tokens), key=lambda t: t.i)
    lemmas = " ".join(t.lemma_.lower() for t in words)
    lowers = " ".join(t.lower_ for t in words)
    return f" {lemmas} | {lowers} "


def _local_tokens(token: Token) -> list[Token]:
    """The token's subtree without the subtrees of its clausal dependents."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in CLAUSE_LABELS and child.pos_ in ("VERB", "AUX"):
            continue
        tokens.extend(child.subtree)
    return tokens


def _mentions(scope: str, cue: Cue) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", scope) for w in cue.words)


def _first_cue(cues: tuple[Cue, ...], scope: str) -> str | None:
    return next((cue.value for cue in cues if _mentions(scope, cue)), None)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _is_historical(when: DateInfo, context: DocumentContext) -> bool:
    pub = context.document.pub_date
    end = when.end or when.date
    return bool(pub and end and pub - end > HISTORICAL_AFTER)


def confidence(coded: _Coded, event: Event, reporting_verbs: tuple[str, ...] = ()) -> float:
    """How likely the record is right as coded, and how central it is to its sentence (0-1).

    The lexicon entry's prior, scaled by the frame (a specific, resolved actor; a recipient
    where the type needs one), by how deeply the trigger is embedded (the main event of a
    sentence outranks one in a subordinate clause or a prepositional phrase), by agreeing
    triggers folded into it, by a part of speech that disagrees with the entry, by a
    modality that is only inherited, and by an explicit date.
    """
    match, token = coded.match, coded.match.token
    score = match.entry.confidence
    if not event.actor:
        score *= 0.75
    elif not _specific(event.actor):
        score *= 0.85
    elif any(a.code or a.sector for a in event.actor):
        score *= 1.05
    if event.recipient:
        score *= 1.05
    elif event.event_type in REQUIRES_RECIPIENT:
        score *= 0.85
    score *= max(0.7, 0.93 ** _embedding(token, reporting_verbs))
    if match.absorbed:
        score *= 1.05
    if _pos_disagrees(token, match.entry.pos):
        score *= 0.85
    if coded.reading.inherited:
        score *= 0.95
    if event.date.basis in ("explicit", "relative"):
        score *= 1.02
    return round(max(0.05, min(0.99, score)), 3)


def _embedding(token: Token, reporting_verbs: tuple[str, ...]) -> int:
    """Clauses and prepositional phrases between the trigger and its sentence's root; the
    content of a reporting verb ("officials said ...") counts as a main clause."""
    depth = 0
    while token.head.i != token.i:
        dep, head = token.dep_, token.head
        reported = dep == "ccomp" and head.lemma_.lower() in reporting_verbs
        if dep in EMBEDDING_LABELS and not reported:
            depth += 1
        token = head
    return depth


def _specific(actors: list[Actor]) -> bool:
    return any(a.text.lower() not in VAGUE_ACTORS for a in actors)


def _pos_disagrees(token: Token, pos: str) -> bool:
    tag = token.tag_
    return not tag.startswith("VB") if pos == "verb" else not tag.startswith("NN")
