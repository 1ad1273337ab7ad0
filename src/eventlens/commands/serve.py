"""``eventlens serve``: the JSON API and dashboard over a store, on this machine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventlens.commands.code import DEFAULT_DB
from eventlens.serve.security import DEFAULT_MAX_BODY, load_or_create_token


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="dashboard and JSON API over a store")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default {DEFAULT_DB})")
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--max-body", type=int, default=DEFAULT_MAX_BODY, help="largest request body in bytes"
    )
    parser.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow cross-origin requests from ORIGIN (repeatable; default: none)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from eventlens.serve.app import create_app

    if not Path(args.db).is_file():
        print(
            f"eventlens: no store at {args.db} (create one with eventlens code or demo)",
            file=sys.stderr,
        )
        return 2
    token, origin = load_or_create_token(args.db)
    app = create_app(args.db, token, max_body=args.max_body, cors_origins=args.cors_origin)
    url = f"http://{args.host}:{args.port}"
    print(f"eventlens: serving {args.db} at {url}/  (API docs: {url}/docs)")
    print(f"eventlens: write token ({origin}): {token}")
    print(f"eventlens: open {url}/#token={token} to review events from this browser")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
