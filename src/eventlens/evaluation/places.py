"""How well events are placed: span choice on event-location gold, distance on ACLED notes.

``evaluate_event_locations``: for each sentence of ``event_location_gold.jsonl``, the place
resolver is asked where the marked verb happened; right = no place when the gold has none, else
a span overlapping a gold span. Some gold spans are token indices (spaCy tokens, end inclusive)
rather than character offsets; they are read as such when the character reading does not give
the gold text back.

``evaluate_acled_places``: each ACLED note with geo_precision 1-2 is coded as a document; the
place of its first placed sentence (trigger: the sentence root, or the verb it reports:
"residents said [gunmen attacked X]") is compared with ACLED's
latitude/longitude; by default the resolver is told the event's country (``country_hint``).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
from spacy.tokens import Doc, Span

from eventlens.evaluation.loaders import stratified_sample
from eventlens.nlp import load_model
from eventlens.record import Document, Location
from eventlens.resolve.context import DocumentContext
from eventlens.resolve.gazetteer import distance_km, name_key
from eventlens.resolve.places import PlaceResolver

WITHIN_KM = 25.0
ACLED_PRECISIONS = ("1", "2")
PRECISIONS = ("place", "admin2", "admin1", "country")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}, line {line_no}: not JSON ({exc.msg})") from exc
    return rows


class MisalignedGold(ValueError):
    """A gold span given as token indices that do not fall on a name with spaCy's tokens."""


def gold_spans(record: dict[str, Any], doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the gold places; [] = no place.

    A span whose ``text`` is not the text at its character offsets, or that cuts a token, is
    read as token indices (end inclusive). The annotators' tokenizer split some words
    differently ("U.S.-led", "16-year-old"), so a token reading that starts or ends on a word
    that cannot begin or end a name ("while", "outskirts of") raises ``MisalignedGold``.
    """
    spans = []
    text = record["text"]
    for loc in record.get("locations", []):
        start, end, gold = loc["start"], loc["end"], loc.get("text", "")
        if gold.strip() and text[start:end] == gold and doc.char_span(start, end) is not None:
            spans.append((start, end))
            continue
        tokens = [t for t in doc[start : end + 1] if not t.is_space] if start <= end else []
        if not tokens or not all(map(_name_edge, (tokens[0], tokens[-1]))):
            raise MisalignedGold(f"{record.get('id')}: gold span {start}-{end} is not a name")
        spans.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
    return spans


def _name_edge(token: Any) -> bool:
    """Whether a token can begin or end a place name ("Gulf of Aden", "Route 58", "moroni")."""
    return token.text[:1].isupper() or token.pos_ == "PROPN" or token.like_num


def _overlaps(location: Location, spans: list[tuple[int, int]]) -> bool:
    return any(location.start < end and start < location.end for start, end in spans)


def _exact(location: Location, spans: list[tuple[int, int]]) -> bool:
    return (location.start, location.end) in spans


def _trigger_sentence(doc: Doc, char: int) -> tuple[Span, Any] | None:
    for token in doc:
        if token.idx <= char < token.idx + len(token.text):
            return token.sent, token
    return None


def evaluate_event_locations(path: str | Path) -> dict[str, Any]:
    """Share of verbs whose chosen place span is right (including 'no place')."""
    path = Path(path)
    records = [r for r in _read_jsonl(path) if r.get("verb")]
    nlp = load_model("en")
    tally: Counter[str] = Counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        found = _trigger_sentence(doc, record["verb"][0]["start"])
        if found is None:
            tally["no_trigger"] += 1
            continue
        sentence, trigger = found
        try:
            spans = gold_spans(record, doc)
        except MisalignedGold:
            tally["misaligned_gold"] += 1
            continue
        context = DocumentContext(document=Document(id=record["id"], text=record["text"]), doc=doc)
        location = PlaceResolver().resolve(sentence, trigger, context)
        kind = "with_place" if spans else "no_place"
        tally[kind] += 1
        if (location is None and not spans) or (location and _overlaps(location, spans)):
            tally["right"] += 1
            tally[f"right_{kind}"] += 1
        if location and spans and _exact(location, spans):
            tally["exact"] += 1
    total = tally["with_place"] + tally["no_place"]
    return {
        "file": str(path),
        "verbs": total,
        "right": tally["right"],
        "accuracy": round(tally["right"] / total, 4) if total else None,
        "with_place": tally["with_place"],
        "right_with_place": tally["right_with_place"],
        "exact_span_with_place": tally["exact"],
        "no_place": tally["no_place"],
        "right_no_place": tally["right_no_place"],
        "skipped_no_trigger": tally["no_trigger"],
        "skipped_misaligned_gold": tally["misaligned_gold"],
    }


@dataclass(frozen=True)
class _AcledRow:
    """A note row with the ``id`` the sampler orders by."""

    id: str
    row: dict[str, str]


def _acled_rows(path: Path, limit: int | None) -> list[dict[str, str]]:
    """Rows with geo_precision 1-2; with ``limit``, a deterministic sample stratified by
    country (the file is sorted by country, so its first rows would be one country only)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            _AcledRow(r.get("event_id_cnty") or str(n), r)
            for n, r in enumerate(csv.DictReader(handle))
            if r.get("geo_precision") in ACLED_PRECISIONS
        ]
    sample = stratified_sample(rows, limit, key=lambda item: item.row.get("country", ""))
    return [item.row for item in sample]


def _place_of_note(
    doc: Doc, row: dict[str, str], resolver: PlaceResolver, country_hint: bool
) -> Location | None:
    document = Document(id=row.get("event_id_cnty", ""), text=doc.text)
    context = DocumentContext(document=document, doc=doc)
    country = pycountry.countries.get(name=row.get("country", ""))
    if country_hint and country:
        context.countries[country.alpha_3] += 1  # as a feed's metadata would tell
    for sentence in doc.sents:
        location = resolver.resolve(sentence, _reported_event(sentence.root), context)
        if location is not None:
            return location
    return None


def _reported_event(root: Any) -> Any:
    """The verb a note reports: "residents said [gunmen attacked X]" -> attacked."""
    while True:
        reported = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if not reported:
            return root
        root = reported[0]


def evaluate_acled_places(
    path: str | Path, limit: int | None = None, country_hint: bool = True
) -> dict[str, Any]:
    """Share of ACLED events (geo_precision 1-2) placed within 25 km of ACLED's point.

    ``country_hint``: tell the resolver the event's country (ACLED's ``country`` column), as a
    feed's metadata or the rest of an article would; the notes themselves rarely name it.
    """
    path = Path(path)
    rows = _acled_rows(path, limit)
    resolver = PlaceResolver()
    tally: Counter[str] = Counter()
    notes = (r.get("notes") or "" for r in rows)
    for row, doc in zip(rows, load_model("en").pipe(notes, batch_size=64), strict=True):
        country = row.get("country", "")
        tally["events"] += 1
        tally[f"events:{country}"] += 1
        if name_key(row.get("location", "")) in name_key(doc.text):
            tally["location_named"] += 1
        location = _place_of_note(doc, row, resolver, country_hint)
        if location is None or location.lat is None:
            continue
        tally["placed"] += 1
        tally[f"placed:{location.precision}"] += 1
        if not resolver.gazetteer.lookup(location.text):
            tally["placed_unknown_name"] += 1  # a name the gazetteer lacks, at its container
        try:
            target = float(row["latitude"]), float(row["longitude"])
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{path}: event {row.get('event_id_cnty')}: bad coordinates") from exc
        if distance_km(location.lat, location.lon, *target) <= WITHIN_KM:
            tally["within"] += 1
            tally[f"within:{country}"] += 1
            tally[f"within:{location.precision}"] += 1
    return {**_acled_summary(path, tally), "country_hint": country_hint}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _acled_summary(path: Path, tally: Counter[str]) -> dict[str, Any]:
    events = tally["events"]
    countries = sorted(k.split(":", 1)[1] for k in tally if k.startswith("events:"))
    return {
        "file": str(path),
        "events": events,
        "placed": tally["placed"],
        "within_25km": tally["within"],
        "share_within_25km": _share(tally["within"], events),
        "share_of_placed_within_25km": _share(tally["within"], tally["placed"]),
        "notes_naming_acled_location": _share(tally["location_named"], events),
        "by_country": {c: _share(tally[f"within:{c}"], tally[f"events:{c}"]) for c in countries},
        "placed_unknown_name": tally["placed_unknown_name"],
        "by_precision": {
            kind: {"placed": tally[f"placed:{kind}"], "within_25km": tally[f"within:{kind}"]}
            for kind in PRECISIONS
        },
    }
