"""Evaluation metrics: classification reports, match rates and token-overlap span F1."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

NONE_LABEL = "(none)"  # the coder produced no event where the gold set has one


def prf(tp: float, predicted: float, gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def classification_report(pairs: Iterable[tuple[str, str]], top_confusions: int = 10) -> dict:
    """Accuracy, per-class precision/recall/F1, macro and weighted F1, commonest confusions.

    ``pairs`` are (gold, predicted) labels. Macro and weighted averages run over the gold
    classes (a label only ever predicted, such as "(none)", counts against precision only).
    """
    pairs = list(pairs)
    gold_counts = Counter(g for g, _ in pairs)
    predicted_counts = Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    per_class = {}
    for label in sorted(gold_counts, key=lambda x: (-gold_counts[x], x)):
        precision, recall, f1 = prf(hits[label], predicted_counts[label], gold_counts[label])
        per_class[label] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": gold_counts[label],
            "predicted": predicted_counts[label],
        }
    total = len(pairs)
    confusions = Counter((g, p) for g, p in pairs if g != p).most_common(top_confusions)
    return {
        "n": total,
        "accuracy": sum(hits.values()) / total if total else 0.0,
        "macro_f1": _mean(c["f1"] for c in per_class.values()),
        "weighted_f1": (
            sum(c["f1"] * c["support"] for c in per_class.values()) / total if total else 0.0
        ),
        "per_class": per_class,
        "confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusions],
    }


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of a span, as token-overlap F1 counts them."""
    return re.findall(r"\w+", text.lower())


def token_overlap(predicted: Iterable[str], gold: Iterable[str]) -> tuple[int, int, int]:
    """(overlap, predicted tokens, gold tokens) of two bags of spans (multiset overlap)."""
    pred = Counter(t for span in predicted for t in tokens(span))
    true = Counter(t for span in gold for t in tokens(span))
    return sum((pred & true).values()), sum(pred.values()), sum(true.values())


def exact_overlap(predicted: Iterable[str], gold: Iterable[str]) -> tuple[int, int, int]:
    """(spans found exactly, predicted spans, gold spans), spans compared token for token."""
    pred = Counter(" ".join(tokens(s)) for s in predicted if tokens(s))
    true = Counter(" ".join(tokens(s)) for s in gold if tokens(s))
    return sum((pred & true).values()), sum(pred.values()), sum(true.values())


@dataclass
class Tally:
    """Accumulates the outcomes of one evaluation run, task by task."""

    classes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    matches: dict[str, list[bool]] = field(default_factory=dict)
    spans: dict[str, list[int]] = field(default_factory=dict)

    def add_class(self, task: str, gold: str, predicted: str | None) -> None:
        self.classes.setdefault(task, []).append((gold, predicted or NONE_LABEL))

    def add_match(self, task: str, hit: bool) -> None:
        self.matches.setdefault(task, []).append(bool(hit))

    def add_span(self, task: str, counts: tuple[int, int, int]) -> None:
        total = self.spans.setdefault(task, [0, 0, 0])
        for i, value in enumerate(counts):
            total[i] += value

    def summary(self) -> dict[str, Any]:
        """The JSON-ready figures of every task."""
        spans = {}
        for task, (overlap, predicted, gold) in self.spans.items():
            precision, recall, f1 = prf(overlap, predicted, gold)
            spans[task] = {"precision": precision, "recall": recall, "f1": f1, "gold": gold}
        return {
            "classification": {t: classification_report(p) for t, p in self.classes.items()},
            "matches": {
                t: {"accuracy": sum(h) / len(h) if h else 0.0, "n": len(h)}
                for t, h in self.matches.items()
            },
            "spans": spans,
        }
