"""Request and response models of the JSON API (they make its OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eventlens.data_files import load_yaml
from eventlens.serve.reviews import CORRECTABLE, Verdict

Record = dict[str, Any]  # an event record: Event.to_dict(), documented in docs/schema.md


def plover_types() -> dict[str, list[str]]:
    """PLOVER event types and their modes, from data/plover.yaml."""
    return {
        name: sorted(spec.get("modes") or {})
        for name, spec in load_yaml("plover.yaml")["types"].items()
    }


EventType = Literal[tuple(plover_types())]  # the schema lists the types as an enum


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActorIn(Strict):
    """An actor or recipient as the analyst says it should be."""

    text: str = Field(min_length=1, max_length=300, description="the words in the sentence")
    code: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO alpha-3 or PLOVER code")
    sector: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="PLOVER sector, e.g. MIL")
    name: str | None = Field(None, max_length=300)


class LocationIn(Strict):
    """Where the event happened, as the analyst says."""

    name: str = Field(min_length=1, max_length=200)
    country_code: str | None = Field(None, pattern=r"^[A-Z]{2}$", description="ISO alpha-2")
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class ReviewIn(Strict):
    """An analyst's verdict: ``correct`` and ``wrong`` alone, ``corrected`` with at least one
    corrected field; a corrected mode must be a mode of the (corrected or coded) type."""

    verdict: Verdict
    event_type: EventType | None = Field(None, description="corrected PLOVER type")
    mode: str | None = Field(None, max_length=40, description="corrected PLOVER mode")
    actor: list[ActorIn] | None = Field(None, max_length=10)
    recipient: list[ActorIn] | None = Field(None, max_length=10)
    date: dt.date | None = None
    location: LocationIn | None = None
    note: str | None = Field(None, max_length=2000)
    reviewer: str | None = Field(None, max_length=100)

    @model_validator(mode="after")
    def corrections_match_verdict(self) -> ReviewIn:
        corrected = self.correction()
        if self.verdict == "corrected" and not corrected:
            raise ValueError("verdict 'corrected' needs at least one corrected field")
        if self.verdict != "corrected" and corrected:
            raise ValueError(f"verdict {self.verdict!r} takes no corrected fields")
        return self

    def correction(self) -> dict[str, Any]:
        """The corrected fields, as they appear in an event record."""
        return self.model_dump(mode="json", include=set(CORRECTABLE), exclude_none=True)


class DocumentIn(Strict):
    """An article to code: its text or its HTML, and what is known about it."""

    text: str | None = Field(None, max_length=1_000_000)
    html: str | None = Field(None, max_length=1_000_000)
    date: dt.date | None = Field(None, description="publication date")
    title: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(
        None, pattern=r"^[A-Za-z0-9._:-]{1,100}$", description="default: derived from the content"
    )

    @model_validator(mode="after")
    def one_body(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of 'text' and 'html'")
        return self


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Record]


class TimelineBucket(BaseModel):
    period: dt.date
    key: str = Field(description="quad class name or event type")
    events: int
    mentions: int


class ActorRef(BaseModel):
    id: str
    label: str


class Dyad(BaseModel):
    source: ActorRef
    target: ActorRef
    events: int
    mentions: int
    mean_intensity: float | None


class Place(BaseModel):
    name: str | None
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    events: int
    mentions: int
    first: dt.date | None
    last: dt.date | None


class Partner(ActorRef):
    role: Literal["actor", "recipient"] = Field(description="the profiled actor's role")
    count: int


class Variant(BaseModel):
    text: str
    count: int


class ActorProfile(ActorRef):
    as_actor: int
    as_recipient: int
    variants: list[Variant]
    partners: list[Partner]


class DocumentMeta(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    pub_date: dt.date | None = None
    lang: str | None = None


class DocumentOut(DocumentMeta):
    text: str | None
    events: list[Record] = Field(description="the event mentions read in it, with event_id")


class Source(BaseModel):
    sentence: str
    span: list[int]
    document: DocumentMeta


class Review(BaseModel):
    id: str
    event_id: str
    doc_id: str | None
    verdict: Verdict
    correction: dict[str, Any] | None
    note: str | None
    reviewer: str | None
    created_at: dt.datetime


class EventDetail(BaseModel):
    event: Record = Field(description="the event record; mentions = sources merged into it")
    sources: list[Source]
    reviews: list[Review]


class CodedDocument(BaseModel):
    document: DocumentMeta
    events: list[Record]


class Summary(BaseModel):
    events: int
    asserted: int
    mentions: int
    documents: int
    first: dt.date | None
    last: dt.date | None


class Problem(BaseModel):
    """Every error: a message, and for invalid requests the fields at fault."""

    error: str
    detail: list[dict[str, Any]] | None = None
