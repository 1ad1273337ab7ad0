"""``eventlens timeline``: event counts per day/week/month/year, with terminal sparklines."""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import defaultdict
from datetime import date, timedelta

import duckdb
from rich.table import Table

from eventlens.commands.events import (
    add_filter_options,
    add_source_options,
    filters_from_args,
    with_source,
)
from eventlens.render import console, write_jsonl
from eventlens.store.queries import INTERVALS, timeline

BARS = "▁▂▃▄▅▆▇█"
MAX_WIDTH = 60


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("timeline", help="event counts over time, with sparklines")
    add_source_options(parser)
    add_filter_options(parser)
    parser.add_argument("--interval", choices=INTERVALS, default="month")
    parser.add_argument("--by", choices=("type", "quad", "none"), default="type")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    parser.set_defaults(run=with_source(run))


def run(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    rows = timeline(
        con, filters_from_args(args), args.interval, None if args.by == "none" else args.by
    )
    if args.format == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, ["period", "key", "events", "mentions"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        print_sparklines(rows, args.interval)
    return 0


def print_sparklines(rows: list[dict], interval: str) -> None:
    """One line per key: a sparkline over every period from the first to the last."""
    if not rows:
        print("no dated events match")
        return
    periods = period_range(
        date.fromisoformat(rows[0]["period"]), date.fromisoformat(rows[-1]["period"]), interval
    )
    series: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        series[row["key"]][row["period"]] = row["events"]
    first, last = periods[0].isoformat(), periods[-1].isoformat()
    table = Table(title=f"Events per {interval}, {first} to {last}", expand=False)
    for column, style in (("", "bold"), ("trend", "cyan"), ("total", ""), ("peak", "dim")):
        table.add_column(column, style=style, no_wrap=True)
    ordered = sorted(series.items(), key=lambda item: -sum(item[1].values()))
    for key, counts in ordered:
        values = [counts.get(p.isoformat(), 0) for p in periods]
        peak = max(range(len(values)), key=values.__getitem__)
        table.add_row(key, sparkline(values), str(sum(values)), f"{values[peak]} ({periods[peak]})")
    console().print(table)


def sparkline(values: list[int], width: int = MAX_WIDTH) -> str:
    """Unicode bars for counts; longer series are summed into ``width`` bins."""
    if len(values) > width:
        size = -(-len(values) // width)
        values = [sum(values[i : i + size]) for i in range(0, len(values), size)]
    top = max(values) or 1
    return "".join(" " if v == 0 else BARS[math.ceil(v / top * len(BARS)) - 1] for v in values)


def period_range(first: date, last: date, interval: str) -> list[date]:
    """Every period start from ``first`` to ``last`` (both period starts)."""
    periods = []
    current = first
    while current <= last:
        periods.append(current)
        current = _next(current, interval)
    return periods


def _next(start: date, interval: str) -> date:
    if interval == "day":
        return start + timedelta(days=1)
    if interval == "week":
        return start + timedelta(weeks=1)
    if interval == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)
