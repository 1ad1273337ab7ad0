"""The typed records that flow between pipeline stages.

A :class:`Document` enters the pipeline (ingest), is parsed (nlp), yields
:class:`Event` records (coding), whose actors, dates and places are filled in by
the resolvers, and is stored (store). ``Event.to_dict`` is the published record;
``data/schema/event.schema.json`` validates it and docs/schema.md documents it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Modality = Literal["asserted", "negated", "hypothetical", "future"]
Precision = Literal["day", "week", "month", "year", "decade", "unknown"]
DateBasis = Literal["explicit", "relative", "narrative", "publication"]


@dataclass
class Document:
    """One article: its cleaned text and what is known about it."""

    id: str
    text: str
    pub_date: date | None = None
    title: str | None = None
    url: str | None = None
    lang: str = "en"
    source: str | None = None  # file path or feed the document came from

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Actor:
    """An actor or recipient entity, as written and as resolved."""

    text: str
    name: str | None = None
    code: str | None = None  # ISO 3166 alpha-3 for states, PLOVER codes (IGO, UNO...) otherwise
    sector: str | None = None  # PLOVER sector code: GOV, MIL, COP, REB, CVL, UAF...
    kb_id: str | None = None  # Wikidata QID where known
    country: str | None = None  # ISO alpha-3 of the actor's country, where it has one
    start: int | None = None  # character offsets of ``text`` in the document
    end: int | None = None
    implied: str | None = None  # "implied:RULE": no words name it, the event implies it


@dataclass
class Location:
    """Where an event happened."""

    text: str
    name: str
    country_code: str | None = None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    precision: Literal["place", "admin2", "admin1", "country"] = "place"
    start: int | None = None
    end: int | None = None


@dataclass
class DateInfo:
    """A resolved date: best point, range, precision and where it came from."""

    date: date | None = None
    start: date | None = None
    end: date | None = None
    precision: Precision = "unknown"
    text: str | None = None
    basis: DateBasis = "publication"
    future: bool = False  # the text places the event after publication ("in the coming months")


@dataclass
class Event:
    """One PLOVER-coded event mention; ``to_dict`` gives the published record."""

    doc_id: str
    event_type: str
    sentence: str
    span: tuple[int, int]
    trigger: str
    rule: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    quad_code: int | None = None
    intensity: float | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    date: DateInfo = field(default_factory=DateInfo)
    location: Location | None = None
    modality: Modality = "asserted"
    historical: bool = False
    confidence: float = 0.5
    lang: str = "en"
    trigger_span: tuple[int, int] | None = None  # character offsets in the document
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    fatalities: int | None = None
    mentions: int = 1

    @property
    def id(self) -> str:
        """Stable id: the same mention in the same document always gets the same id."""
        key = f"{self.doc_id}|{self.span[0]}|{self.trigger_span}|{self.event_type}|{self.trigger}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        d = self.date
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "quad_code": self.quad_code,
            "intensity": self.intensity,
            "actor": [asdict(a) for a in self.actor],
            "recipient": [asdict(a) for a in self.recipient],
            "date": _iso(d.date),
            "date_start": _iso(d.start),
            "date_end": _iso(d.end),
            "date_precision": d.precision,
            "date_text": d.text,
            "date_basis": d.basis,
            "location": asdict(self.location) if self.location else None,
            "modality": self.modality,
            "historical": self.historical,
            "sentence": self.sentence,
            "span": list(self.span),
            "trigger": self.trigger,
            "trigger_span": list(self.trigger_span) if self.trigger_span else None,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
            "lang": self.lang,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "fatalities": self.fatalities,
            "mentions": self.mentions,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
