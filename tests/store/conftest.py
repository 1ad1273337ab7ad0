"""Store fixtures: events built directly (no spaCy model), and fresh stores."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventlens.record import Actor, DateInfo, Document, Event, Location
from eventlens.store.db import EventStore

ACTORS = {
    "jnim": Actor(text="JNIM militants", name="JNIM", code="REB", sector="REB"),
    "militants": Actor(text="militants", sector="REB"),
    "mali-army": Actor(
        text="Malian soldiers", name="Mali", code="MLI", sector="MIL", country="MLI"
    ),
    "mali-gov": Actor(text="the Malian government", name="Mali", code="MLI", sector="GOV"),
    "niger-army": Actor(
        text="Nigerien troops", name="Niger", code="NER", sector="MIL", country="NER"
    ),
    "france": Actor(text="France", name="France", code="FRA"),
    "russia": Actor(text="Russia", name="Russian Federation", code="RUS"),
    "ecowas": Actor(text="ECOWAS", name="Economic Community of West African States", code="IGO"),
    "civilians": Actor(text="villagers", sector="CVL"),
    "protesters": Actor(text="protesters", sector="CVL"),
    "police": Actor(text="police", sector="COP", country="MLI"),
    "gunmen": Actor(text="gunmen", sector="UAF"),
    "their-convoy": Actor(text="their convoy"),
}
PLACES = {
    "boni": Location(
        text="Boni",
        name="Boni",
        country_code="ML",
        lat=15.03,
        lon=-1.95,
        admin1="Mopti",
        precision="place",
        geonameid=2460000,
    ),
    "hombori": Location(
        text="Hombori",
        name="Hombori",
        country_code="ML",
        lat=15.28,
        lon=-1.70,
        admin1="Mopti",
        precision="place",
    ),
    "bamako": Location(
        text="Bamako",
        name="Bamako",
        country_code="ML",
        lat=12.65,
        lon=-8.0,
        admin1="Bamako",
        precision="place",
    ),
    "gao": Location(
        text="Gao",
        name="Gao",
        country_code="ML",
        lat=16.27,
        lon=-0.04,
        admin1="Gao",
        precision="place",
    ),
    "mali": Location(text="Mali", name="Mali", country_code="ML", precision="country"),
    "niamey": Location(
        text="Niamey", name="Niamey", country_code="NE", lat=13.51, lon=2.11, precision="place"
    ),
}
INTENSITY = {"ASSAULT": -9.0, "PROTEST": -5.0, "SANCTION": -6.0, "AGREE": 2.5, "COERCE": -7.0}
QUAD = {"ASSAULT": 4, "PROTEST": 4, "SANCTION": 4, "AGREE": 1, "COERCE": 4, "CONSULT": 1}


def _event(
    doc_id: str = "d1",
    event_type: str = "ASSAULT",
    actor: tuple[str, ...] = ("jnim",),
    recipient: tuple[str, ...] = ("mali-army",),
    day: date | None = date(2021, 3, 7),
    precision: str = "day",
    basis: str = "explicit",
    place: str | None = "boni",
    modality: str = "asserted",
    mode: str | None = None,
    offset: int = 0,
    sentence: str = "JNIM militants attacked Malian soldiers near Boni on Sunday.",
    acled: tuple[str | None, str | None] = ("Battles", "Armed clash"),
    confidence: float = 0.8,
) -> Event:
    """An event as the coder would make it, without parsing anything."""
    start = end = day
    if day and precision == "month":
        start, end = day.replace(day=1), day.replace(day=28)
    return Event(
        doc_id=doc_id,
        event_type=event_type,
        sentence=sentence,
        span=(offset, offset + len(sentence)),
        trigger="attacked",
        trigger_span=(offset + 15, offset + 23),
        rule=f"verbs:{event_type.lower()}",
        mode=mode,
        quad_code=QUAD.get(event_type, 3),
        intensity=INTENSITY.get(event_type, -2.0),
        actor=[ACTORS[a] for a in actor],
        recipient=[ACTORS[r] for r in recipient],
        date=DateInfo(
            date=day, start=start, end=end, precision=precision if day else "unknown", basis=basis
        ),
        location=PLACES[place] if place else None,
        modality=modality,
        confidence=confidence,
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
    )


def _document(
    doc_id: str, text: str | None = None, pub_date: date = date(2021, 3, 8), url: str | None = None
) -> Document:
    return Document(
        id=doc_id,
        text=text or f"Article {doc_id}.",
        pub_date=pub_date,
        url=url,
        title=f"Title {doc_id}",
    )


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(store_path: Path):
    with EventStore(store_path) as opened:
        yield opened


@pytest.fixture
def make_event():
    return _event


@pytest.fixture
def make_document():
    return _document
