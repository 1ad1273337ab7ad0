"""The pipeline: documents in, (document, events) out, streamed through spaCy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventlens.coding.coder import EventCoder
from eventlens.nlp import load_model
from eventlens.record import Document, Event


class Pipeline:
    """Parses documents in batches and codes their events; one model load per process."""

    def __init__(self, lang: str = "en", coder: EventCoder | None = None, batch_size: int = 32):
        self.lang = lang
        self.nlp = load_model(lang)
        self.coder = coder or EventCoder(lang=lang)
        self.batch_size = batch_size

    def code(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Yield each document with its events, in input order."""
        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield document, self.coder.code(document, doc)
