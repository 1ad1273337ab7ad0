"""``eventlens export`` (events to JSONL/CSV/Parquet/ACLED/GDELT) and ``eventlens import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from eventlens.commands.code import DEFAULT_DB
from eventlens.commands.events import (
    add_filter_options,
    add_source_options,
    filters_from_args,
    with_source,
)
from eventlens.serve.reviews import export_reviews
from eventlens.store.db import EventStore
from eventlens.store.export import FORMATS, export
from eventlens.store.migrations import StoreVersionError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write events as JSONL, CSV, Parquet, ACLED CSV or GDELT 2.0 table"
    )
    add_source_options(parser)
    add_filter_options(parser)
    parser.add_argument("--format", choices=FORMATS)
    parser.add_argument(
        "--reviews",
        action="store_true",
        help="write the analysts' reviews as a gold set (JSONL that eventlens eval reads)",
    )
    parser.add_argument(
        "--out",
        required=True,
        help="output file, - for stdout; Parquet: a .parquet file, "
        "or a directory partitioned by year/month",
    )
    parser.add_argument(
        "--no-header", action="store_true", help="gdelt-csv without header (like GDELT files)"
    )
    parser.set_defaults(run=with_source(run))

    loader = subparsers.add_parser(
        "import", help="load event records (JSONL or Parquet event files) into a store"
    )
    loader.add_argument("paths", nargs="+", help=".jsonl record files or Parquet files/dirs")
    loader.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default {DEFAULT_DB})")
    loader.set_defaults(run=run_import)


def run(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    if args.reviews:
        count = export_reviews(con, args.out)
        print(f"{count} reviewed events written to {args.out} (gold JSONL)", file=sys.stderr)
        return 0
    if args.format is None:
        print("eventlens: give --format (or --reviews)", file=sys.stderr)
        return 2
    if args.format == "parquet" and args.out == "-":
        print("eventlens: Parquet cannot go to stdout; give --out PATH", file=sys.stderr)
        return 2
    count = export(con, args.format, args.out, filters_from_args(args), header=not args.no_header)
    if args.out != "-":
        print(f"{count} events written to {args.out} ({args.format})", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    try:
        with EventStore(args.db) as store:
            for path in map(Path, args.paths):
                count = store.import_records(record_source(path))
                print(f"{path}: {count} event mentions loaded", file=sys.stderr)
    except (duckdb.Error, StoreVersionError, ValueError) as error:
        print(f"eventlens: {error}", file=sys.stderr)
        return 1
    return 0


def record_source(path: Path) -> str:
    """SQL relation with ``record`` and ``coder_version`` columns for a file or directory."""
    quoted = str(path).replace("'", "''")
    if path.suffix == ".jsonl" or path.suffix == ".json":
        return (
            f"SELECT json AS record, NULL::VARCHAR AS coder_version "
            f"FROM read_json_objects('{quoted}', format = 'newline_delimited')"
        )
    pattern = f"{quoted}/**/*.parquet" if path.is_dir() else quoted
    return f"SELECT record, coder_version FROM read_parquet('{pattern}', union_by_name = true)"
