"""``eventlens events``: list the events in a store."""

from __future__ import annotations

import argparse

from eventlens.commands.code import DEFAULT_DB
from eventlens.render import print_table, write_jsonl
from eventlens.store.db import EventStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("events", help="list stored events")
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--format", choices=("table", "jsonl"), default="table")
    parser.add_argument("--all-modalities", action="store_true")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with EventStore(args.db) as store:
        records = store.events(all_modalities=args.all_modalities)
        if args.format == "jsonl":
            write_jsonl(records)
        else:
            print_table(records)
    return 0
