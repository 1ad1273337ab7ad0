"""Run the pipeline over a gold set and score it: the engine behind ``eventlens eval``."""

from __future__ import annotations

import importlib
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventlens.evaluation.loaders import (
    GoldItem,
    Loaded,
    LoadProblem,
    load_acled_csv,
    load_cameo_jsonl,
    load_plover_gsr,
    load_reviews,
    stratified_sample,
)
from eventlens.evaluation.metrics import Tally
from eventlens.evaluation.scoring import SCORERS, top_event
from eventlens.nlp import load_model
from eventlens.pipeline import Pipeline
from eventlens.record import Document

PLACES_MODULE = "eventlens.evaluation.places"
TOP_WORDS = 25


@dataclass(frozen=True)
class GoldFormat:
    """How to read a gold set and which label stratifies a sample of it."""

    load: Callable[[Path], Loaded]
    stratum: Callable[[GoldItem], Any]


FORMATS: dict[str, GoldFormat] = {
    "acled-csv": GoldFormat(load_acled_csv, lambda i: i.labels["sub_event_type"]),
    "cameo-jsonl": GoldFormat(load_cameo_jsonl, lambda i: i.labels["pentaclass"]),
    "plover-gsr": GoldFormat(load_plover_gsr, lambda i: i.labels["event_type"]),
    "reviews": GoldFormat(load_reviews, lambda i: i.labels["verdict"]),
}
PLACES_FORMAT = "event-location"
ALL_FORMATS = (*FORMATS, PLACES_FORMAT)


class EvaluationUnavailable(RuntimeError):
    """The evaluation asked for needs a module that is not installed yet."""


def evaluate(
    fmt: str, path: Path, limit: int | None = None, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """Score the coder on the gold set at ``path``; returns the JSON-ready report."""
    started = time.perf_counter()
    if fmt == PLACES_FORMAT:
        report = {"places": _places("evaluate_event_locations", path)}
        return _finish(report, fmt, path, started)
    gold_format = FORMATS[fmt]
    items: list[GoldItem] = []
    problems: list[str] = []
    for loaded in gold_format.load(path):
        if isinstance(loaded, LoadProblem):
            problems.append(str(loaded))
        else:
            items.append(loaded)
    total = len(items)
    items = stratified_sample(items, limit, gold_format.stratum)
    report = _score(fmt, items, pipeline or Pipeline())
    report.update(n_items=len(items), n_available=total, problems=problems)
    if fmt == "acled-csv" and _places_module() is not None:
        report["places"] = _places("evaluate_acled_places", path, limit=limit)
    return _finish(report, fmt, path, started)


def _finish(report: dict, fmt: str, path: Path, started: float) -> dict[str, Any]:
    report.update(format=fmt, path=str(path), seconds=round(time.perf_counter() - started, 1))
    return report


def _score(fmt: str, items: list[GoldItem], pipeline: Pipeline) -> dict[str, Any]:
    """Code every item in one stream; tally outcomes and what the misses look like."""
    scorer = SCORERS[fmt]
    tally = Tally()
    missed: list[str] = []
    rules_when_wrong: Counter[str] = Counter()
    documents = (Document(id=i.id, text=i.text, pub_date=i.pub_date) for i in items)
    for item, (_, events) in zip(items, pipeline.code(documents), strict=True):
        top = top_event(events)
        before = len(_type_pairs(tally))
        scorer(item, top, events, tally)
        pairs = _type_pairs(tally)
        if top is None:
            missed.append(item.text)
        elif len(pairs) > before and pairs[-1][0] != pairs[-1][1]:
            rules_when_wrong[top.rule] += 1
    summary = tally.summary()
    summary["analysis"] = {
        "no_event": len(missed),
        "verbs_in_texts_without_event": missed_verbs(missed),
        "rules_of_wrong_types": dict(rules_when_wrong.most_common(TOP_WORDS)),
    }
    return summary


def _type_pairs(tally: Tally) -> list[tuple[str, str]]:
    """(gold, predicted) pairs of the first classification task: the event type."""
    return next(iter(tally.classes.values()), [])


def missed_verbs(texts: list[str], lang: str = "en") -> dict[str, int]:
    """Commonest verb lemmas in texts the coder found no event in: candidate triggers."""
    nlp = load_model(lang)
    counts: Counter[str] = Counter()
    for doc in nlp.pipe(texts, disable=["parser", "ner"]):
        counts.update(t.lemma_.lower() for t in doc if t.pos_ == "VERB")
    return dict(counts.most_common(TOP_WORDS))


def _places_module() -> Any:
    try:
        return importlib.import_module(PLACES_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != PLACES_MODULE:
            raise
        return None


def _places(function: str, path: Path, **options: Any) -> dict[str, Any]:
    module = _places_module()
    if module is None or not hasattr(module, function):
        raise EvaluationUnavailable(f"{PLACES_MODULE}.{function} is not available yet")
    return getattr(module, function)(path, **options)
