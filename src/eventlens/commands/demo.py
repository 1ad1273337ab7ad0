"""``eventlens demo``: code the bundled example articles into a fresh store."""

from __future__ import annotations

import argparse
from pathlib import Path

from eventlens.commands.code import code_paths
from eventlens.render import print_table

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="code the bundled examples into a fresh store")
    parser.add_argument("--db", default="eventlens-demo.duckdb")
    parser.add_argument("--examples", default=str(EXAMPLES), help="folder of example articles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    Path(args.db).unlink(missing_ok=True)
    skipped, records = code_paths([args.examples], None, args.db)
    print_table([r for r in records if r["modality"] == "asserted"], title="Demo timeline")
    print(f"{len(records)} events from {args.examples} stored in {args.db}")
    return 1 if skipped else 0
