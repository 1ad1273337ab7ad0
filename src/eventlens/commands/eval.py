"""``eventlens eval``: score the coder against human-coded gold sets."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eventlens.coding.learned import ModelError
from eventlens.commands.code import pipeline_factory
from eventlens.commands.train import add_typer_options, typer_from_args
from eventlens.evaluation.report import print_report, print_summary
from eventlens.evaluation.runner import ALL_FORMATS, EvaluationUnavailable, evaluate

#: File-name patterns of the sets ``--all DIR`` looks for, and their formats.
SET_PATTERNS = {
    "acled*.csv": "acled-csv",
    "cameo*.jsonl": "cameo-jsonl",
    "plover*.json": "plover-gsr",
    "event_location*.jsonl": "event-location",
    "reviews*.jsonl": "reviews",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score the coder on a gold set (ACLED, CAMEO, PLOVER GSR, reviews)"
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("path", nargs="?", type=Path, help="the gold-set file")
    source.add_argument(
        "--all", type=Path, metavar="DIR", help="every known set present in DIR (missing skipped)"
    )
    parser.add_argument("--format", choices=ALL_FORMATS, help="format of PATH")
    parser.add_argument(
        "--limit", type=int, help="a deterministic sample of N items per set, stratified by label"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the full report here")
    add_typer_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.path is not None and args.format is None:
        print("eventlens eval: --format is required with a PATH", file=sys.stderr)
        return 2
    sets = _sets_in(args.all) if args.all else {args.path.name: (args.format, args.path)}
    if not sets:
        print(f"eventlens eval: no known gold set in {args.all}", file=sys.stderr)
        return 1
    try:
        pipeline = pipeline_factory([], typer_from_args(args))()
    except ModelError as exc:
        print(f"eventlens eval: {exc}", file=sys.stderr)
        return 2
    reports: dict[str, dict[str, Any]] = {}
    failures = 0
    for name, (fmt, path) in sets.items():
        try:
            reports[name] = evaluate(fmt, path, args.limit, pipeline)
        except (OSError, EvaluationUnavailable) as exc:
            print(f"eventlens eval: {path}: skipped ({exc})", file=sys.stderr)
            failures += 1
            continue
        print_report(reports[name])
    if len(reports) > 1:
        print_summary(reports)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = reports if args.all else next(iter(reports.values()), {})
        args.json.write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")
    return 1 if failures and not args.all else 0


def _sets_in(directory: Path) -> dict[str, tuple[str, Path]]:
    """Known gold sets present in ``directory``, by file name."""
    found = {}
    for pattern, fmt in SET_PATTERNS.items():
        for path in sorted(directory.glob(pattern)):
            found[path.name] = (fmt, path)
    return found
