"""``eventlens events``: list stored events, filtered; shared source and filter options."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date

import duckdb

from eventlens.commands.code import DEFAULT_DB
from eventlens.render import print_table, write_jsonl
from eventlens.store.export import write_csv
from eventlens.store.migrations import StoreVersionError
from eventlens.store.queries import (
    ORDERS,
    EventFilter,
    SourceError,
    connect,
    count_events,
    iter_events,
)

MODALITIES = ("asserted", "negated", "hypothetical", "future", "all")
TABLE_LIMIT = 500


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("events", help="list stored events, filtered")
    add_source_options(parser)
    add_filter_options(parser)
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    parser.add_argument("--order", choices=sorted(ORDERS), default="date")
    parser.add_argument(
        "--limit", type=int, help=f"at most this many events (table default {TABLE_LIMIT})"
    )
    parser.set_defaults(run=with_source(run))


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """--db / --parquet: where the events are read from."""
    parser.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default {DEFAULT_DB})")
    parser.add_argument(
        "--parquet", metavar="DIR", help="read Parquet event files (e.g. spark-code output)"
    )


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The event filters every query command shares."""
    group = parser.add_argument_group("filters")
    group.add_argument("--country", help="ISO code or name: where, or an actor's country")
    group.add_argument("--actor", help="actor or recipient: name, code or text (substring)")
    group.add_argument("--type", dest="event_type", help="PLOVER event type, e.g. ASSAULT")
    group.add_argument("--mode", help="PLOVER mode, e.g. arrest")
    group.add_argument("--since", type=date.fromisoformat, help="from this date (ISO)")
    group.add_argument("--until", type=date.fromisoformat, help="up to this date (ISO)")
    group.add_argument("--place", help="place, admin1 or admin2 name (substring)")
    group.add_argument("--modality", choices=MODALITIES, default="asserted")
    group.add_argument("--all-modalities", action="store_true", help="same as --modality all")
    group.add_argument("--min-confidence", type=float, help="confidence at least this (0-1)")


def filters_from_args(args: argparse.Namespace) -> EventFilter:
    return EventFilter(
        country=args.country,
        actor=args.actor,
        event_type=args.event_type,
        mode=args.mode,
        since=args.since,
        until=args.until,
        place=args.place,
        modality="all" if args.all_modalities else args.modality,
        min_confidence=args.min_confidence,
    )


def with_source(
    body: Callable[[duckdb.DuckDBPyConnection, argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """Wrap a command: open its event source, report problems in one line, close it."""

    def run(args: argparse.Namespace) -> int:
        try:
            con = connect(db=None if args.parquet else args.db, parquet=args.parquet)
        except (SourceError, StoreVersionError) as error:
            print(f"eventlens: {error}", file=sys.stderr)
            return 2
        try:
            return body(con, args)
        except (ValueError, duckdb.Error) as error:
            print(f"eventlens: {error}", file=sys.stderr)
            return 2
        finally:
            con.close()

    return run


def run(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    filters = filters_from_args(args)
    if args.format == "csv":
        write_csv(con, sys.stdout, filters, limit=args.limit)
        return 0
    limit = args.limit if args.limit or args.format != "table" else TABLE_LIMIT
    records = iter_events(con, filters, order=args.order, limit=limit)
    if args.format == "jsonl":
        write_jsonl(records, sys.stdout)
        return 0
    shown = print_table(records)
    total = count_events(con, filters)
    if shown < total:
        print(f"{shown} of {total} events shown; --limit N or --format jsonl for more")
    return 0
