"""The event coder: parsed document in, PLOVER event records out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from eventlens.coding.crosswalk import to_acled
from eventlens.coding.frames import Frame, frame_for
from eventlens.coding.lexicon import Cue, Lexicon, load_lexicon
from eventlens.coding.modality import Reading, read_modality
from eventlens.coding.triggers import TriggerMatch, find_triggers
from eventlens.data_files import load_yaml
from eventlens.record import Actor, DateInfo, Document, Event
from eventlens.resolve.actors import ActorResolver
from eventlens.resolve.context import DocumentContext
from eventlens.resolve.places import PlaceResolver
from eventlens.resolve.time import TimeResolver

HISTORICAL_AFTER = timedelta(days=365)
# PLOVER manual: these types require a recipient.
REQUIRES_RECIPIENT = ("COOPERATE", "AID", "SANCTION")
# Dependents that are separate clauses: their words say nothing about this trigger's mode.
CLAUSE_LABELS = ("ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj", "acl")
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

    def code(self, document: Document, doc: Doc) -> list[Event]:
        """All event mentions of a document, in text order."""
        context = DocumentContext(document=document, doc=doc)
        events: list[Event] = []
        for sentence in doc.sents:
            matches = find_triggers(sentence, self.lexicon)
            triggers = {t.i for m in matches for t in (m.token, *(a.token for a in m.absorbed))}
            coded = [self._code_match(m, triggers) for m in matches]
            _share_recipients(coded, self.ontology)
            events.extend(self._event(item, sentence, context) for item in coded)
        return events

    def _code_match(self, match: TriggerMatch, triggers: set[int]) -> _Coded:
        """Frame, modality, type, mode and context of one trigger (with what it absorbed)."""
        entry = match.entry
        frame = _merged_frame(match, self.lexicon)
        reading = read_modality(match.token, self.lang)
        scope = _scope_text(match)
        mode = entry.mode or next((m.entry.mode for m in match.absorbed if m.entry.mode), None)
        mode = mode or _first_cue(self.lexicon.mode_cues.get(entry.type, ()), scope)
        contexts = [*entry.context, *(c for m in match.absorbed for c in m.entry.context)]
        contexts += [cue.value for cue in self.lexicon.context_cues if _mentions(scope, cue)]
        coded = _Coded(match, frame, reading, entry.type, mode, _unique(contexts), entry.rule)
        self._recast_intention(coded, triggers)
        return coded

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
        coded.rule = f"{coded.rule}>{target}"
        coded.event_type, coded.mode = target, None
        coded.reading = Reading("asserted", reading.cue, inherited=reading.inherited)

    def _event(self, coded: _Coded, sentence: Span, context: DocumentContext) -> Event:
        token = coded.match.token
        spec = self.ontology["types"][coded.event_type]
        when = self.times.resolve(sentence, token, context)
        if when.basis != "publication":
            context.last_date = when
        modality = coded.reading.modality
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
            modality="future" if modality == "asserted" and when.future else modality,
            lang=self.lang,
        )
        event.historical = _is_historical(when, context)
        event.acled_event_type, event.acled_sub_event_type = to_acled(event.event_type, event.mode)
        event.confidence = confidence(coded, event)
        return event


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


def _share_recipients(coded: list[_Coded], ontology: dict) -> None:
    """ "imposed sanctions and closed its borders with Mali": coordinated verbs of one quad
    share a recipient that only the last one states."""
    quads = {id(c): ontology["types"][c.event_type]["quad"] for c in coded}
    for item in coded:
        if item.frame.recipients:
            continue
        for other in coded:
            linked = _coordinated(item.match.token, other.match.token)
            if linked and other.frame.recipients and quads[id(other)] == quads[id(item)]:
                item.frame.recipients = list(other.frame.recipients)
                break


def _coordinated(a: Token, b: Token) -> bool:
    return a is not b and ((a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a))


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


def confidence(coded: _Coded, event: Event) -> float:
    """How likely the record is right as coded (0-1).

    Starts from the lexicon entry's prior; rises with a complete frame, resolved entities, a
    main-clause trigger, agreeing triggers and an explicit date; falls when the frame is empty
    or vague, the part of speech disagrees with the entry, or the modality is only inferred.
    """
    match, token = coded.match, coded.match.token
    score = match.entry.confidence
    score += 0.1 if _specific(event.actor) else -0.15
    if event.recipient:
        score += 0.05
    elif event.event_type in REQUIRES_RECIPIENT:
        score -= 0.1
    if any(a.code or a.sector for a in (*event.actor, *event.recipient)):
        score += 0.05
    if token.dep_ == "ROOT" or (token.head.dep_ == "ROOT" and token.dep_ in ("dobj", "nsubj")):
        score += 0.05
    if match.absorbed:
        score += 0.05
    if _pos_disagrees(token, match.entry.pos):
        score -= 0.1
    if event.date.basis in ("explicit", "relative"):
        score += 0.03
    if coded.reading.inherited:
        score -= 0.05
    return round(max(0.05, min(0.99, score)), 3)


def _specific(actors: list[Actor]) -> bool:
    return any(a.text.lower() not in VAGUE_ACTORS for a in actors)


def _pos_disagrees(token: Token, pos: str) -> bool:
    tag = token.tag_
    return not tag.startswith("VB") if pos == "verb" else not tag.startswith("NN")
