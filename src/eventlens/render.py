"""Print event records: one JSON object per line, or a readable rich table."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table

PIPE_WIDTH = 140  # tables written to a file or pipe are not squeezed to 80 columns


def console() -> Console:
    """A rich console: the terminal's width, or a wide fixed width when piped."""
    return Console(width=None if sys.stdout.isatty() else PIPE_WIDTH)


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str] | None = None) -> int:
    """Write one JSON object per line (to stdout by default); returns how many."""
    out = out or sys.stdout
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def actor_label(actors: list[dict[str, Any]]) -> str:
    """Short label of an actor list: "MLI MIL (the junta); FRA GOV (France)"; an actor the
    text implies without naming it shows its name: "NER CVL (Protesters, implied)"."""
    labels = []
    for actor in actors:
        code = " ".join(
            x for x in (actor.get("code") or actor.get("country"), actor.get("sector")) if x
        )
        said = actor["text"] or actor.get("name") or ""
        said += ", implied" if actor.get("implied") else ""
        labels.append(f"{code} ({said})" if code else said)
    return "; ".join(labels)


def print_table(records: Iterable[dict[str, Any]], title: str = "Events") -> int:
    table = Table(title=title, show_lines=False, expand=True)
    for column, style in (
        ("date", "cyan"),
        ("type", "bold"),
        ("actor", "green"),
        ("recipient", "magenta"),
        ("where", "yellow"),
        ("modality", ""),
        ("trigger", "dim"),
    ):
        table.add_column(column, style=style, overflow="fold")
    count = 0
    for r in sorted(records, key=lambda r: (r.get("date") or "9999", r.get("span") or [0])):
        where = (r.get("location") or {}).get("name") or ""
        kind = r["event_type"] + (f"/{r['mode']}" if r.get("mode") else "")
        date = (r.get("date") or "?") + (f" ({r['date_precision']})" if r.get("date") else "")
        table.add_row(
            date,
            kind,
            actor_label(r["actor"]),
            actor_label(r["recipient"]),
            where,
            r["modality"],
            r["trigger"],
        )
        count += 1
    console().print(table)
    return count
