"""A fallback typer for sentences the lexicon misses: nearest PLOVER description.

Each PLOVER type has a few short descriptions (``data/fallback/plover_definitions.yaml``);
a sentence gets the type whose description embedding (all-MiniLM-L6-v2, see
:mod:`eventlens.embeddings`) is most similar to its own, with that cosine similarity as score.
The caller decides the threshold under which the answer is "no event". It is not wired into
the coder: docs/accuracy.md gives its measured effect.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eventlens.data_files import load_yaml
from eventlens.embeddings import SentenceEncoder, sentence_encoder

DEFINITIONS = ("fallback", "plover_definitions.yaml")


class FallbackError(ValueError):
    """The definitions file is malformed; the message names the file and entry."""


class SimilarityTyper:
    """Types sentences by similarity to short PLOVER type descriptions."""

    def __init__(
        self,
        encoder: SentenceEncoder | None = None,
        definitions: dict[str, list[str]] | None = None,
    ) -> None:
        self.encoder = encoder or sentence_encoder()
        definitions = definitions if definitions is not None else load_yaml(*DEFINITIONS)
        self.types, texts = _flatten(definitions)
        self.vectors = self.encoder.encode(texts)

    def type(self, sentence: str) -> tuple[str, float]:
        """(PLOVER type, cosine similarity) of the nearest description."""
        return self.type_many([sentence])[0]

    def type_many(self, sentences: Sequence[str]) -> list[tuple[str, float]]:
        """:meth:`type` for many sentences, embedded in batches."""
        if not sentences:
            return []
        scores = self.encoder.encode(sentences) @ self.vectors.T
        best = np.argmax(scores, axis=1)
        return [(self.types[j], float(scores[i, j])) for i, j in enumerate(best)]


def _flatten(definitions: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """One (type, description) row per description, validated against the ontology."""
    known = load_yaml("plover.yaml")["types"]
    types, texts = [], []
    for event_type, lines in (definitions or {}).items():
        if event_type not in known:
            raise FallbackError(f"{DEFINITIONS[-1]}: unknown PLOVER type {event_type!r}")
        if not isinstance(lines, list) or not all(isinstance(x, str) and x for x in lines):
            raise FallbackError(f"{DEFINITIONS[-1]} {event_type}: needs a list of sentences")
        types.extend([event_type] * len(lines))
        texts.extend(lines)
    if not texts:
        raise FallbackError(f"{DEFINITIONS[-1]}: no descriptions")
    return types, texts
