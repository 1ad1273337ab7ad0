"""``eventlens recode``: re-code stored documents after the coder changed."""

from __future__ import annotations

import argparse
import sys

from eventlens.commands.code import DEFAULT_DB
from eventlens.pipeline import Pipeline
from eventlens.store.db import BATCH_DOCUMENTS, EventStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recode", help="re-code stored documents with the current coder (after an upgrade)"
    )
    parser.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default {DEFAULT_DB})")
    parser.add_argument(
        "--all", action="store_true", help="every document, not only those coded by another coder"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with EventStore(args.db) as store:
        documents = list(store.documents(outdated_only=not args.all))
        if not documents:
            print(f"{args.db}: every document is coded by the current coder", file=sys.stderr)
            return 0
        batch, coded, events = [], 0, 0
        for document, found in Pipeline().code(documents):
            batch.append((document, found))
            events += len(found)
            if len(batch) >= BATCH_DOCUMENTS:
                coded += store.save_batch(batch)
                batch = []
        coded += store.save_batch(batch) if batch else 0
    print(f"{args.db}: {coded} documents re-coded, {events} event mentions", file=sys.stderr)
    return 0
