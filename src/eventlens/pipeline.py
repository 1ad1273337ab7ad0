"""The pipeline: documents in, (document, events) out, streamed through spaCy.

With the trigger pre-filter (the default) only the sentences that could hold an
event, and the sentence before each of them, get the full parse; the other
sentences are tokenized only. Offsets stay those of the original text.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from eventlens.coding.coder import EventCoder
from eventlens.nlp import load_model, merge_windows
from eventlens.prefilter import TriggerForms, select_windows
from eventlens.record import Document, Event

# The pipeline a forked worker process codes with (inherited from its parent at fork).
_FORKED: Pipeline | None = None


class Pipeline:
    """Parses documents in batches and codes their events; one model load per process.

    ``prefilter``: parse only candidate sentences (with ``context`` = (before, after)
    sentences around each); ``n_process`` > 1 codes batches in forked worker processes.
    """

    def __init__(
        self,
        lang: str = "en",
        coder: EventCoder | None = None,
        batch_size: int = 32,
        prefilter: bool = True,
        context: tuple[int, int] = (1, 1),
        n_process: int = 1,
    ):
        self.lang = lang
        self.nlp = load_model(lang)
        self.coder = coder or EventCoder(lang=lang)
        self.batch_size = batch_size
        self.forms = TriggerForms(self.nlp, self.coder.lexicon) if prefilter else None
        self.context = context
        self.n_process = n_process

    def code(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Yield each document with its events, in input order."""
        if self.n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._code_forked(documents)
        else:
            yield from self._code_here(documents)

    def _code_here(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        for document, doc in self.parse(documents):
            yield document, self.coder.code(document, doc)

    def parse(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Doc]]:
        """Yield each document with its (fully or selectively) parsed spaCy doc."""
        if self.forms is None:
            pairs = ((d.text, d) for d in documents)
            for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
                yield document, doc
            return
        for batch in _chunks(documents, self.batch_size):
            yield from zip(batch, self._parse_selected(batch), strict=True)

    def _parse_selected(self, batch: list[Document]) -> Iterator[Doc]:
        docs = [self.nlp.make_doc(d.text) for d in batch]
        plans = [select_windows(doc, self.forms, self.context) for doc in docs]
        pieces = [
            doc[a:b].as_doc()
            for doc, (_, ranges) in zip(docs, plans, strict=True)
            for a, b in ranges
        ]
        parsed = self.nlp.pipe(pieces, batch_size=self.batch_size)
        for doc, (sentences, ranges) in zip(docs, plans, strict=True):
            windows = list(islice(parsed, len(ranges)))
            yield merge_windows(doc, (s.start for s in sentences), ranges, windows)

    def _code_forked(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        global _FORKED
        _FORKED = self
        context = multiprocessing.get_context("fork")
        with context.Pool(self.n_process) as pool:
            batches = _chunks(documents, self.batch_size)
            for group in _chunks(batches, self.n_process * 4):
                for batch, events in zip(group, pool.map(_code_batch, group), strict=True):
                    yield from zip(batch, events, strict=True)
        _FORKED = None


def _code_batch(batch: list[Document]) -> list[list[Event]]:
    """Worker side of :meth:`Pipeline._code_forked`."""
    assert _FORKED is not None, "worker started without a pipeline"
    return [events for _, events in _FORKED._code_here(batch)]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
