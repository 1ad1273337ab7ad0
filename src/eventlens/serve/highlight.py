"""Marked-up text for the event and document pages (a displaCy-like view).

Text is cut into plain and marked segments; the templates escape every segment, so no text
from an article ever reaches the page as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Label → priority when marks overlap (lower wins).
LABELS = {"trigger": 0, "actor": 1, "recipient": 2, "place": 3, "date": 4}


@dataclass(frozen=True)
class Mark:
    """A labelled character range of a text; ``event_id`` links a trigger to its event."""

    start: int
    end: int
    label: str
    event_id: str | None = None


@dataclass(frozen=True)
class Segment:
    """A piece of text, marked (``label`` set) or plain."""

    text: str
    label: str | None = None
    event_id: str | None = None


def event_marks(record: dict[str, Any], text: str, offset: int = 0) -> list[Mark]:
    """The marks of one event, in the coordinates of ``text`` (which starts at ``offset``)."""
    sentence_start = record["span"][0] - offset
    sentence_end = record["span"][1] - offset
    marks: list[Mark] = []

    def add(start: int | None, end: int | None, label: str, event_id: str | None = None) -> None:
        if (
            start is not None
            and end is not None
            and 0 <= start - offset < end - offset <= len(text)
        ):
            marks.append(Mark(start - offset, end - offset, label, event_id))

    if record.get("trigger_span"):  # a mention links to the event it was merged into
        add(*record["trigger_span"], "trigger", record.get("event_id") or record["id"])
    for role in ("actor", "recipient"):
        for actor in record.get(role) or []:
            add(actor.get("start"), actor.get("end"), role)
    location = record.get("location") or {}
    if location.get("start") is not None:
        add(location["start"], location.get("end"), "place")
    elif location.get("text"):
        marks.extend(_find(text, location["text"], sentence_start, sentence_end, "place"))
    if record.get("date_text"):
        marks.extend(_find(text, record["date_text"], sentence_start, sentence_end, "date"))
    return marks


def _find(text: str, needle: str, start: int, end: int, label: str) -> list[Mark]:
    """A mark on the first occurrence of ``needle`` inside text[start:end], if any."""
    found = text.find(needle, max(start, 0), max(end, 0))
    return [Mark(found, found + len(needle), label)] if found >= 0 else []


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` into segments; where marks overlap, the higher-priority one wins."""
    chosen: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (LABELS.get(m.label, 9), m.start, m.start - m.end)):
        if all(mark.end <= c.start or mark.start >= c.end for c in chosen):
            chosen.append(mark)
    result: list[Segment] = []
    position = 0
    for mark in sorted(chosen, key=lambda m: m.start):
        if mark.start > position:
            result.append(Segment(text[position : mark.start]))
        result.append(Segment(text[mark.start : mark.end], mark.label, mark.event_id))
        position = mark.end
    if position < len(text):
        result.append(Segment(text[position:]))
    return result


def sentence_segments(record: dict[str, Any]) -> list[Segment]:
    """The event's sentence with its trigger, actors, recipients, place and date marked."""
    sentence = record["sentence"]
    return segments(sentence, event_marks(record, sentence, offset=record["span"][0]))


def document_segments(text: str, records: list[dict[str, Any]]) -> list[Segment]:
    """A document's text with every event's marks."""
    return segments(text, [m for r in records for m in event_marks(r, text)])
