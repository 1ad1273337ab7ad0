"""``eventlens actors``: check actor files; list the most active and the unresolved actors.

eventlens actors check [FILE...]        validate the package's actor files and FILEs
eventlens actors top --db PATH          most active actors, with counts (the default)
eventlens actors unknown --db PATH      most frequent actors without a code: names to add
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb
from rich.table import Table

from eventlens.commands.events import (
    add_filter_options,
    add_source_options,
    filters_from_args,
    with_source,
)
from eventlens.data_files import data_path
from eventlens.render import console, write_jsonl
from eventlens.resolve.actor_kb import actor_files, check_file
from eventlens.store.queries import top_actors

COLUMNS = ("name", "code", "country", "sector", "events", "as_actor", "as_recipient")
COLUMNS += ("mean_intensity",)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "actors",
        help="check actor files; most active or unresolved actors in a store",
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", nargs="?", choices=("top", "unknown", "check"), default="top")
    parser.add_argument("files", nargs="*", metavar="FILE", help="check: extra actor files")
    add_source_options(parser)
    add_filter_options(parser)
    parser.add_argument("--role", choices=("actor", "recipient"), help="count only this role")
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "check":
        return check(args.files)
    if args.files:
        print(f"eventlens actors {args.action}: takes no FILE arguments", file=sys.stderr)
        return 2
    return with_source(list_actors)(args)


def check(extra: Sequence[str]) -> int:
    """Validate the package's actor files and ``extra``; 1 when anything is wrong."""
    paths = [data_path("actors", "sectors.yaml"), data_path("actors", "descriptions.yaml")]
    paths += actor_files(tuple(Path(p) for p in extra))
    problems = [problem for path in paths for problem in check_file(path)]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(paths)} actor files checked: {len(problems) or 'no'} problem(s)")
    return 1 if problems else 0


def list_actors(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    unresolved = args.action == "unknown"
    rows = top_actors(con, filters_from_args(args), args.limit, args.role, unresolved)
    if args.format == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        title = "Unresolved actors (add them to an actor file)" if unresolved else "Top actors"
        print_actors(rows, title)
    return 0


def print_actors(rows: list[dict], title: str) -> None:
    table = Table(title=title)
    for column in COLUMNS:
        table.add_column(column, justify="right" if column in ("events", "as_actor") else "left")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row[c]) for c in COLUMNS))
    console().print(table)
