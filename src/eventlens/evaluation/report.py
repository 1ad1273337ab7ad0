"""Headline figures, targets, and rich tables of evaluation reports."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.table import Table

#: Targets of the project issues (accuracy, actors, time, places), per format and figure.
TARGETS: dict[str, dict[str, float]] = {
    "acled-csv": {
        "event_type accuracy": 0.90,
        "sub_event_type weighted F1": 0.80,
        "actor1": 0.85,
        "actor2": 0.75,
        "date_exact": 0.97,
    },
    "cameo-jsonl": {"pentacode macro F1": 0.85, "source_target span F1": 0.70},
    "plover-gsr": {"event_type accuracy": 0.80, "source": 0.75},
    "event-location": {"places accuracy": 0.80},
}
#: Places figures (evaluation/places.py) with a target on the ACLED notes.
TARGETS["acled-csv"]["places share_within_25km"] = 0.90
SHOWN_PROBLEMS = 3
SHOWN_CLASSES = 30
PIPED_WIDTH = 120


def headline(report: dict[str, Any]) -> list[tuple[str, float, int | None]]:
    """(figure, value, n) of a report: accuracy and F1 per task, match rates, span F1."""
    rows: list[tuple[str, float, int | None]] = []
    for task, result in report.get("classification", {}).items():
        rows.append((f"{task} accuracy", result["accuracy"], result["n"]))
        rows.append((f"{task} macro F1", result["macro_f1"], result["n"]))
        rows.append((f"{task} weighted F1", result["weighted_f1"], result["n"]))
    for task, result in report.get("matches", {}).items():
        rows.append((task, result["accuracy"], result["n"]))
    for task, result in report.get("spans", {}).items():
        rows.append((f"{task} span F1", result["f1"], None))
    rows.extend(_flat_numbers("places", report.get("places") or {}))
    return rows


def _flat_numbers(prefix: str, values: dict[str, Any]) -> list[tuple[str, float, int | None]]:
    """Numeric figures of a nested report section (the places engineer's dict)."""
    rows: list[tuple[str, float, int | None]] = []
    for key, value in values.items():
        if isinstance(value, bool):
            continue
        if isinstance(value, float):
            rows.append((f"{prefix} {key}", value, None))
        elif isinstance(value, dict):
            rows.extend(_flat_numbers(f"{prefix} {key}", value))
    return rows


def print_report(report: dict[str, Any], console: Console | None = None) -> None:
    """Figures, per-class tables and commonest confusions of one report."""
    console = console or _console()
    title = f"{report['format']}: {report['path']}"
    if "n_items" in report:
        title += f" ({report['n_items']} of {report['n_available']} items, {report['seconds']} s)"
    console.print(_figures_table(report, title))
    for task, result in report.get("classification", {}).items():
        console.print(_class_table(task, result))
        if result["confusions"]:
            console.print(_confusion_table(task, result["confusions"]))
    problems = report.get("problems", [])
    for problem in problems[:SHOWN_PROBLEMS]:
        console.print(f"skipped {problem}", highlight=False)
    if len(problems) > SHOWN_PROBLEMS:
        console.print(f"... and {len(problems) - SHOWN_PROBLEMS} more skipped (see --json)")


def _console() -> Console:
    """A console; piped output (make eval, logs) gets 120 columns rather than 80."""
    return Console(width=None if sys.stdout.isatty() else PIPED_WIDTH)


def _figures_table(report: dict[str, Any], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("figure", "value", "n", "target"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    targets = TARGETS.get(report["format"], {})
    for name, value, n in headline(report):
        table.add_row(
            name, f"{value:.3f}", "" if n is None else str(n), _target(targets, name, value)
        )
    return table


def _target(targets: dict[str, float], name: str, value: float) -> str:
    if name not in targets:
        return ""
    mark = "[green]met[/green]" if value >= targets[name] else "[red]not met[/red]"
    return f"≥ {targets[name]:.2f} {mark}"


def _class_table(task: str, result: dict[str, Any]) -> Table:
    table = Table(title=f"{task}: per class", title_justify="left")
    for column in ("class", "precision", "recall", "F1", "support", "predicted"):
        table.add_column(column, justify="left" if column == "class" else "right")
    for label, c in list(result["per_class"].items())[:SHOWN_CLASSES]:
        table.add_row(
            label,
            f"{c['precision']:.3f}",
            f"{c['recall']:.3f}",
            f"{c['f1']:.3f}",
            str(c["support"]),
            str(c["predicted"]),
        )
    return table


def _confusion_table(task: str, confusions: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{task}: commonest confusions", title_justify="left")
    for column in ("gold", "predicted", "count"):
        table.add_column(column, justify="right" if column == "count" else "left")
    for c in confusions:
        table.add_row(c["gold"], c["predicted"], str(c["count"]))
    return table


def print_summary(reports: dict[str, dict[str, Any]], console: Console | None = None) -> None:
    """One table of every set's headline figures that has a target, plus the target."""
    console = console or _console()
    table = Table(title="eventlens eval: summary", title_justify="left")
    for column in ("set", "figure", "value", "n", "target"):
        table.add_column(column, justify="left" if column in ("set", "figure") else "right")
    for name, report in reports.items():
        targets = TARGETS.get(report["format"], {})
        for figure, value, n in headline(report):
            if figure in targets:
                table.add_row(
                    name,
                    figure,
                    f"{value:.3f}",
                    "" if n is None else str(n),
                    _target(targets, figure, value),
                )
    console.print(table)
