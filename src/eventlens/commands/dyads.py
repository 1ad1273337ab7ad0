"""``eventlens dyads``: the most frequent actor → recipient pairs."""

from __future__ import annotations

import argparse
import csv
import sys

import duckdb
from rich.table import Table

from eventlens.commands.events import (
    add_filter_options,
    add_source_options,
    filters_from_args,
    with_source,
)
from eventlens.render import console, write_jsonl
from eventlens.store.queries import dyads

COLUMNS = ("actor", "actor_code", "actor_sector", "recipient", "recipient_code")
COLUMNS += ("recipient_sector", "events", "mentions", "mean_intensity")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("dyads", help="top actor → recipient pairs")
    add_source_options(parser)
    add_filter_options(parser)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    parser.set_defaults(run=with_source(run))


def run(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    rows = dyads(con, filters_from_args(args), limit=args.limit)
    if args.format == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    else:
        print_dyads(rows)
    return 0


def print_dyads(rows: list[dict]) -> None:
    table = Table(title="Top dyads")
    for column, justify in (("actor", "left"), ("recipient", "left"), ("events", "right")):
        table.add_column(column, justify=justify)
    table.add_column("mentions", justify="right")
    table.add_column("mean intensity", justify="right")
    for row in rows:
        table.add_row(
            _label(row["actor"], row["actor_code"], row["actor_sector"]),
            _label(row["recipient"], row["recipient_code"], row["recipient_sector"]),
            str(row["events"]),
            str(row["mentions"]),
            f"{row['mean_intensity']:+.2f}" if row["mean_intensity"] is not None else "",
        )
    console().print(table)


def _label(name: str | None, code: str | None, sector: str | None) -> str:
    tag = " ".join(x for x in (code, sector) if x)
    return f"{name} ({tag})" if tag else (name or "")
