"""``eventlens train``: fit an event-type classifier on your own labelled sentences.

Input: JSONL, one object a line with ``text`` and ``event_type`` (a PLOVER type or "NONE"),
or the review gold set of ``eventlens export --reviews`` (lines whose ``verdict`` is
``wrong`` are not examples and are left out). The model is used by ``eventlens code --model``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from eventlens.coding.learned import (
    DEFAULT_MIN_PROB,
    EMBEDDING_MODEL,
    NO_EVENT,
    LearnedTyper,
    cross_validate,
    fit,
)
from eventlens.data_files import load_yaml
from eventlens.embeddings import sentence_encoder

USED_VERDICTS = ("correct", "corrected")
REVIEW_VERDICTS = (*USED_VERDICTS, "wrong")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "train", help="fit an event-type classifier on labelled sentences (JSONL)"
    )
    parser.add_argument("--data", type=Path, required=True, help="labelled sentences (JSONL)")
    parser.add_argument("--out", type=Path, required=True, help="model file to write (.npz)")
    parser.add_argument(
        "--min-prob",
        type=float,
        default=DEFAULT_MIN_PROB,
        help=f"probability under which the model answers no event (default {DEFAULT_MIN_PROB})",
    )
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    parser.set_defaults(run=run)


def add_typer_options(parser: argparse.ArgumentParser) -> None:
    """``--model`` / ``--similarity-fallback``: type sentences the lexicon misses."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--model", type=Path, metavar="MODEL", help="a model from `eventlens train` (.npz)"
    )
    group.add_argument(
        "--similarity-fallback",
        action="store_true",
        help="type sentences without lexicon events by similarity to PLOVER definitions",
    )


def typer_from_args(args: argparse.Namespace) -> LearnedTyper | None:
    """The typer the options ask for (ModelError for an unusable model file)."""
    if args.model:
        return LearnedTyper.from_model(args.model)
    return LearnedTyper.similarity() if args.similarity_fallback else None


def run(args: argparse.Namespace) -> int:
    try:
        texts, labels, bad = read_labelled(args.data)
    except OSError as exc:
        print(f"eventlens train: {args.data}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if len(set(labels)) < 2:
        print(f"eventlens train: {args.data}: needs at least two labels", file=sys.stderr)
        return 2
    vectors = sentence_encoder().encode(texts)
    scores = cross_validate(vectors, labels, folds=max(2, min(args.folds, len(labels))))
    model = fit(vectors, labels)
    model.meta = {
        "training_size": len(labels),
        "label_counts": dict(sorted(Counter(labels).items())),
        "trained": date.today().isoformat(),
        "data": args.data.name,
        "embedding_model": EMBEDDING_MODEL,
        "min_prob": args.min_prob,
        "cross_validation": scores,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(
        f"{len(labels)} sentences, {len(model.labels)} labels; {scores['folds']}-fold held-out "
        f"accuracy {scores['accuracy']:.3f}, macro F1 {scores['macro_f1']:.3f}; "
        f"saved {args.out}"
    )
    return 1 if bad else 0


def read_labelled(path: Path) -> tuple[list[str], list[str], int]:
    """Texts and labels of the usable lines; each bad line is reported on stderr.

    Returns (texts, labels, number of bad lines).
    """
    known = {*load_yaml("plover.yaml")["types"], NO_EVENT}
    texts, labels, bad = [], [], 0
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                example = _example(raw, known)
            except ValueError as exc:
                print(f"{path}:{number}: {exc}; skipped", file=sys.stderr)
                bad += 1
                continue
            if example is not None:
                texts.append(example[0])
                labels.append(example[1])
    return texts, labels, bad


def _example(raw: str, known: set[str]) -> tuple[str, str] | None:
    """(text, label) of one line; None for a review marked wrong; ValueError if bad."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"bad JSON ({exc.msg})") from exc
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    text, label = record.get("text"), record.get("event_type")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text'")
    if "verdict" in record and record["verdict"] not in REVIEW_VERDICTS:
        raise ValueError(f"'verdict' must be one of {', '.join(REVIEW_VERDICTS)}")
    if record.get("verdict") == "wrong":
        return None
    if not isinstance(label, str) or label.upper() not in known:
        raise ValueError(f"'event_type' {label!r} is not a PLOVER type or {NO_EVENT}")
    return text, label.upper()
