"""The event coder: parsed document in, PLOVER event records out."""

from __future__ import annotations

from datetime import timedelta

from spacy.tokens import Doc, Span

from eventlens.coding.crosswalk import to_acled
from eventlens.coding.frames import frame_for
from eventlens.coding.lexicon import Lexicon, load_lexicon
from eventlens.coding.modality import modality_of
from eventlens.coding.triggers import TriggerMatch, find_triggers
from eventlens.data_files import load_yaml
from eventlens.record import DateInfo, Document, Event
from eventlens.resolve.actors import ActorResolver
from eventlens.resolve.context import DocumentContext
from eventlens.resolve.places import PlaceResolver
from eventlens.resolve.time import TimeResolver

HISTORICAL_AFTER = timedelta(days=365)


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

    def code(self, document: Document, doc: Doc) -> list[Event]:
        """All event mentions of a document, in text order."""
        context = DocumentContext(document=document, doc=doc)
        events: list[Event] = []
        for sentence in doc.sents:
            for match in find_triggers(sentence, self.lexicon):
                events.append(self._event(match, sentence, context))
        return events

    def _event(self, match: TriggerMatch, sentence: Span, context: DocumentContext) -> Event:
        entry, token = match.entry, match.token
        frame = frame_for(token)
        spec = self.ontology["types"][entry.type]
        when = self.times.resolve(sentence, token, context)
        if when.basis != "publication":
            context.last_date = when
        event = Event(
            doc_id=context.document.id,
            event_type=entry.type,
            mode=entry.mode,
            context=list(entry.context),
            quad_code=spec["quad"],
            intensity=spec["modes"].get(entry.mode, spec["intensity"]),
            sentence=sentence.text,
            span=(sentence.start_char, sentence.end_char),
            trigger=token.text,
            trigger_span=(token.idx, token.idx + len(token.text)),
            rule=entry.rule,
            actor=[self.actors.resolve(s, context) for s in frame.actors],
            recipient=[self.actors.resolve(s, context) for s in frame.recipients],
            date=when,
            location=self.places.resolve(sentence, token, context),
            modality="future" if when.future else modality_of(token, self.lang),
            lang=self.lang,
        )
        event.historical = _is_historical(when, context)
        event.acled_event_type, event.acled_sub_event_type = to_acled(entry.type, entry.mode)
        event.confidence = _confidence(entry.confidence, event)
        return event


def _is_historical(when: DateInfo, context: DocumentContext) -> bool:
    pub = context.document.pub_date
    end = when.end or when.date
    return bool(pub and end and pub - end > HISTORICAL_AFTER)


def _confidence(prior: float, event: Event) -> float:
    """Entry prior, raised when the frame is complete, lowered when it is empty."""
    score = prior
    score += 0.1 if event.actor else -0.2
    if event.recipient:
        score += 0.05
    if event.date.basis != "publication":
        score += 0.05
    return max(0.05, min(0.99, score))
