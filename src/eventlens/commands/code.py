"""``eventlens code``: read documents, code their events, print and store them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from functools import partial

from eventlens.coding.coder import EventCoder
from eventlens.coding.learned import LearnedTyper, ModelError
from eventlens.commands.train import add_typer_options, typer_from_args
from eventlens.ingest.readers import InputProblem, read_inputs
from eventlens.pipeline import Pipeline
from eventlens.render import print_table, write_jsonl
from eventlens.resolve.actor_kb import ActorDataError
from eventlens.resolve.actors import ActorResolver
from eventlens.store.db import EventStore, IngestReport

DEFAULT_DB = "eventlens.duckdb"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("code", help="code events from .txt/.html/.jsonl files")
    parser.add_argument("paths", nargs="+", help="files, directories, or - for stdin")
    parser.add_argument("--pub-date", type=date.fromisoformat, help="publication date (ISO)")
    parser.add_argument("--format", choices=("table", "jsonl"), default="table")
    parser.add_argument(
        "--all-modalities",
        action="store_true",
        help="also show negated, hypothetical and future events",
    )
    parser.add_argument(
        "--actors",
        action="append",
        default=[],
        metavar="FILE",
        help="your own actor file (YAML or TSV, see docs/actors.md); repeatable",
    )
    add_typer_options(parser)
    add_store_options(parser)
    parser.set_defaults(run=run)


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default {DEFAULT_DB})")
    parser.add_argument("--no-db", action="store_true", help="code without storing")


def run(args: argparse.Namespace) -> int:
    try:
        make_pipeline = pipeline_factory(args.actors, typer_from_args(args))
    except (ActorDataError, ModelError) as error:
        print(f"eventlens: {error}", file=sys.stderr)
        return 2
    db = None if args.no_db else args.db
    skipped, records = code_paths(args.paths, args.pub_date, db, make_pipeline)
    shown = [r for r in records if args.all_modalities or r["modality"] == "asserted"]
    if args.format == "jsonl":
        write_jsonl(shown)
    else:
        print_table(shown)
    return 1 if skipped else 0


def pipeline_factory(
    actor_files: list[str], typer: LearnedTyper | None = None
) -> Callable[[], Pipeline]:
    """A Pipeline maker whose coder also knows the user's actor files (loaded now, so that
    a bad file is reported before any document is read) and types sentences without lexicon
    events with ``typer`` (then every sentence is parsed: no pre-filter)."""
    if not actor_files and typer is None:
        return Pipeline
    coder = EventCoder(actors=ActorResolver(actor_files or None), typer=typer)
    return partial(Pipeline, coder=coder, prefilter=typer is None)


def code_paths(
    paths: list[str],
    pub_date: date | None,
    db: str | None,
    make_pipeline: Callable[[], Pipeline] = Pipeline,
) -> tuple[int, list[dict]]:
    """Code every document under ``paths``; report problems on stderr; store if ``db``.

    Returns the number of skipped inputs and the event records.
    """
    problems = 0
    documents = []
    for item in read_inputs(paths, pub_date):
        if isinstance(item, InputProblem):
            print(item, file=sys.stderr)
            problems += 1
        else:
            documents.append(item)
    if not db:
        pipeline = make_pipeline()
        return problems, [e.to_dict() for _, events in pipeline.code(documents) for e in events]
    report = IngestReport()
    with EventStore(db) as store:
        records = list(store.ingest(documents, make_pipeline, report))
    for document, original in report.duplicates:
        print(
            f"{document.source or document.id}: same text as stored {original}; skipped",
            file=sys.stderr,
        )
    return problems, records
