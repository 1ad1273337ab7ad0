"""``eventlens dedup``: re-cluster a store's mentions into real-world events; evaluate it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventlens.commands.code import DEFAULT_DB
from eventlens.store.db import EventStore
from eventlens.store.dedup import DedupConfig


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dedup",
        help="merge mentions of the same real-world event (re-run after changing the config); "
        "also upgrades an older store",
    )
    parser.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default {DEFAULT_DB})")
    parser.add_argument("--config", type=Path, help="dedup config YAML (default: packaged)")
    parser.add_argument("--threshold", type=float, help="merge score threshold (0-1)")
    parser.add_argument(
        "--eval",
        type=Path,
        metavar="PAIRS",
        help="instead: measure merge precision/recall on a YAML file of article pairs",
    )
    parser.add_argument("--json", action="store_true", help="with --eval: print a JSON report")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = DedupConfig.load(args.config, threshold=args.threshold)
    if args.eval:
        from eventlens.store.dedup_eval import evaluate, format_report

        report = evaluate(args.eval, config)
        print(json.dumps(report, indent=2) if args.json else format_report(report))
        return 0
    with EventStore(args.db, dedup=config) as store:
        events = store.dedup()
        mentions = store.con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]
    print(f"{args.db}: {mentions} mentions → {events} events", file=sys.stderr)
    return 0
