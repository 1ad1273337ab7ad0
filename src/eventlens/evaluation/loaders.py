"""Gold-set loaders: one per format, each yielding :class:`GoldItem` or :class:`LoadProblem`.

Formats (docs/accuracy.md describes them): ``acled-csv`` (ACLED events with their notes),
``cameo-jsonl`` (CAMEO-annotated sentences with source/target spans), ``plover-gsr`` (PLOVER
gold-standard records, a JSON array), ``reviews`` (analysts' verdicts exported as JSONL).
A bad record never stops a run: it becomes a one-line problem naming file and line.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ACLED_COLUMNS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "notes")
#: Older PLOVER names in the gold-standard records, and today's.
PLOVER_RENAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
#: CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "ROM": "ROU", "UK": "GBR"}
REVIEW_VERDICTS = ("correct", "corrected", "wrong")


@dataclass
class GoldItem:
    """One text with its human coding."""

    id: str
    text: str
    pub_date: date | None
    labels: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadProblem:
    """A record that could not be read."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


Loaded = Iterator[GoldItem | LoadProblem]


#: ACLED's crowd-size annotation of demonstration notes ("...in Bamako.[size=hundreds]").
ACLED_SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*")


def load_acled_csv(path: Path) -> Loaded:
    """ACLED events; the note is the text, the event date stands in for the publication date."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ACLED_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            yield LoadProblem(path, 1, f"missing column(s) {', '.join(missing)}")
            return
        for line, row in enumerate(reader, start=2):
            try:
                yield _acled_item(row)
            except (ValueError, KeyError) as exc:
                yield LoadProblem(path, line, str(exc))


def _acled_item(row: dict[str, str]) -> GoldItem:
    text = ACLED_SIZE_TAG.sub(" ", row.get("notes") or "").strip()
    if not text:
        raise ValueError("empty notes")
    when = date.fromisoformat(row["event_date"])
    labels = {
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "actor1": row.get("actor1") or "",
        "actor2": row.get("actor2") or "",
        "event_date": when,
        "time_precision": int(row.get("time_precision") or 0),
    }
    return GoldItem(id=row["event_id_cnty"], text=text, pub_date=when, labels=labels)


def load_cameo_jsonl(path: Path) -> Loaded:
    """CAMEO sentences: pentaclass (null: unknown) and source/target/reciprocal spans."""
    for line, record in _json_lines(path):
        if isinstance(record, LoadProblem):
            yield record
            continue
        text = record.get("text")
        penta = record.get("pentaclass")
        if not isinstance(text, str) or not text.strip():
            yield LoadProblem(path, line, "no 'text'")
        elif penta is not None and penta not in (0, 1, 2, 3, 4):
            yield LoadProblem(path, line, f"'pentaclass' {penta!r} is not 0-4 or null")
        else:
            labels = {k: _strings(record.get(k)) for k in ("source", "target", "reciprocal")}
            labels["pentaclass"] = penta
            yield GoldItem(id=f"{path.stem}:{line}", text=text, pub_date=None, labels=labels)


def load_plover_gsr(path: Path) -> Loaded:
    """PLOVER gold-standard records (a JSON array); documentation records are skipped."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield LoadProblem(path, 1, f"not a JSON array ({exc})")
        return
    if not isinstance(records, list):
        yield LoadProblem(path, 1, "not a JSON array")
        return
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict) or record.get("event") == "DOCUMENT":
            continue
        text, event = record.get("text"), record.get("event")
        if not isinstance(text, str) or not isinstance(event, str):
            yield LoadProblem(path, number, "record needs 'text' and 'event'")
            continue
        labels = {
            "event_type": PLOVER_RENAMES.get(event, event),
            "source": _plover_actors(record.get("source")),
            "target": _plover_actors(record.get("target")),
        }
        yield GoldItem(id=str(record.get("id", number)), text=text, pub_date=None, labels=labels)


def _plover_actors(value: Any) -> list[tuple[str, str | None]]:
    """(country code, sector) of each gold actor; CAMEO codes turned into ISO ones."""
    actors = []
    for actor in value if isinstance(value, list) else []:
        if isinstance(actor, dict) and actor.get("code"):
            code = str(actor["code"]).upper()
            sector = str(actor.get("sector") or "")[:3].upper()
            sector = {"CIV": "CVL", "***": ""}.get(sector, sector)
            actors.append((CAMEO_COUNTRIES.get(code, code), sector or None))
    return actors


def load_reviews(path: Path) -> Loaded:
    """Analysts' reviews (JSONL; the fields are described in docs/accuracy.md)."""
    for line, record in _json_lines(path):
        if isinstance(record, LoadProblem):
            yield record
            continue
        try:
            yield _review_item(record, f"{path.stem}:{line}")
        except (ValueError, TypeError) as exc:
            yield LoadProblem(path, line, str(exc))


def _review_item(record: dict, fallback_id: str) -> GoldItem:
    verdict = record.get("verdict")
    if verdict not in REVIEW_VERDICTS:
        raise ValueError(f"'verdict' must be one of {', '.join(REVIEW_VERDICTS)}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text'")
    if not isinstance(record.get("event_type"), str):
        raise ValueError("no 'event_type'")
    labels = {
        "verdict": verdict,
        "event_type": record["event_type"],
        "mode": record.get("mode"),
        "actor": _review_actors(record.get("actor")),
        "recipient": _review_actors(record.get("recipient")),
        "date": _iso_date(record.get("date"), "date"),
    }
    return GoldItem(
        id=str(record.get("id") or fallback_id),
        text=text,
        pub_date=_iso_date(record.get("pub_date"), "pub_date"),
        labels=labels,
    )


def _review_actors(value: Any) -> list[tuple[str | None, str | None]]:
    """(code, sector) of each reviewed actor: an object or a list of objects."""
    items = value if isinstance(value, list) else [value] if value else []
    actors = []
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("'actor'/'recipient' must be objects with 'code' and 'sector'")
        actors.append((item.get("code") or item.get("country"), item.get("sector")))
    return actors


def _iso_date(value: Any, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ValueError(f"'{name}' is not an ISO date: {value!r}") from exc


def _json_lines(path: Path) -> Iterator[tuple[int, dict | LoadProblem]]:
    with path.open(encoding="utf-8") as handle:
        for line, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                yield line, LoadProblem(path, line, f"bad JSON ({exc.msg})")
                continue
            if isinstance(record, dict):
                yield line, record
            else:
                yield line, LoadProblem(path, line, "not a JSON object")


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def stratified_sample(items: list[GoldItem], limit: int | None, key: Callable) -> list[GoldItem]:
    """A deterministic sample of ``limit`` items, each stratum (``key``) in proportion.

    Within a stratum items are taken in the order of a hash of their id, so the same file
    and limit always give the same sample; the sample keeps the input order.
    """
    if limit is None or limit >= len(items):
        return items
    strata: dict[Any, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        strata[key(item)].append(index)
    shares = {k: limit * len(v) / len(items) for k, v in strata.items()}
    quota = {k: int(s) for k, s in shares.items()}
    for k in sorted(shares, key=lambda k: quota[k] - shares[k])[: limit - sum(quota.values())]:
        quota[k] += 1
    chosen = [
        index
        for k, indices in strata.items()
        for index in sorted(indices, key=lambda i: _digest(items[i].id))[: quota[k]]
    ]
    return [items[i] for i in sorted(chosen)]


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
