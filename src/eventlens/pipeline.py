"""The pipeline: documents in, (document, events) out, streamed through spaCy.

With the trigger pre-filter (the default) only the sentences that could hold an
event, with the sentence before and after each, get the full parse; the other
sentences are tokenized only. Offsets and ``doc.text`` stay those of the original
text. Large inputs are coded in forked worker processes, one per core.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from spacy.tokens import Doc

from eventlens.coding.coder import EventCoder
from eventlens.nlp import load_model, merge_windows
from eventlens.prefilter import TriggerForms, select_windows
from eventlens.record import Document, Event

# Automatic worker processes: only for inputs this large (a fork and a first batch per
# worker cost about a second), and no more than this many (each holds a model copy).
AUTO_MIN_DOCUMENTS = 200
AUTO_MAX_PROCESSES = 4
# The pipeline a forked worker process codes with (inherited from its parent at fork).
_FORKED: Pipeline | None = None


class Pipeline:
    """Parses documents in batches and codes their events; one model load per process.

    ``prefilter``: parse only candidate sentences (with ``context`` = (before, after)
    sentences around each). ``n_process`` > 1 codes batches in forked worker processes;
    None (the default) forks one per core (at most ``AUTO_MAX_PROCESSES``) when the input
    holds at least ``AUTO_MIN_DOCUMENTS`` documents, and codes in this process otherwise.
    """

    def __init__(
        self,
        lang: str = "en",
        coder: EventCoder | None = None,
        batch_size: int = 32,
        prefilter: bool = True,
        context: tuple[int, int] = (1, 1),
        n_process: int | None = None,
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
        documents = iter(documents)
        processes = self.n_process
        if processes is None:
            head = list(islice(documents, AUTO_MIN_DOCUMENTS))
            processes = available_cores() if len(head) == AUTO_MIN_DOCUMENTS else 1
            documents = chain(head, documents)
        if processes > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._code_forked(documents, processes)
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

    def _code_forked(
        self, documents: Iterable[Document], processes: int
    ) -> Iterator[tuple[Document, list[Event]]]:
        global _FORKED
        _FORKED = self
        try:
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                batches = _chunks(documents, self.batch_size)
                for group in _chunks(batches, processes * 4):
                    for batch, events in zip(group, pool.map(_code_batch, group), strict=True):
                        yield from zip(batch, events, strict=True)
        finally:
            _FORKED = None


def available_cores() -> int:
    """Cores this process may run on, at most ``AUTO_MAX_PROCESSES``."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, AUTO_MAX_PROCESSES))


def _code_batch(batch: list[Document]) -> list[list[Event]]:
    """Worker side of :meth:`Pipeline._code_forked`."""
    assert _FORKED is not None, "worker started without a pipeline"
    return [events for _, events in _FORKED._code_here(batch)]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
