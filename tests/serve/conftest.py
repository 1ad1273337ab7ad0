"""A small store filled with events built here (no model), and a client on it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventlens.data_files import load_yaml
from eventlens.record import Actor, DateInfo, Document, Event, Location
from eventlens.serve.app import create_app
from eventlens.store.db import EventStore

TOKEN = "test-token-1234"
HOSTILE = "<script>alert('pwned')</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"

BRIEF = Document(
    id="sahel-brief",
    title="Sahel brief: the junta and its neighbours",
    url="https://example.org/sahel-brief",
    pub_date=date(2022, 2, 18),
    text=(
        "The junta in Bamako expelled the French ambassador on 31 January. "
        "The regional bloc imposed sanctions on Mali after the election was postponed. "
        "Soldiers attacked a convoy near Gao on 12 February. "
        "The junta may hold talks with the regional bloc next month."
    ),
)
WIRE = Document(
    id="ouaga-wire",
    title="Students march in Ouagadougou",
    url="https://example.org/ouaga",
    pub_date=date(2022, 3, 5),
    text=(
        "Thousands of students protested in Ouagadougou on 4 March against fuel prices. "
        "The government of Burkina Faso did not arrest the organisers. "
        "Mali and Burkina Faso agreed to share intelligence."
    ),
)
ECHO = Document(
    id="gao-echo",
    title="Convoy attacked near Gao",
    url="https://example.org/gao",
    pub_date=date(2022, 2, 13),
    text="Soldiers attacked a convoy near Gao on 12 February, a witness said by phone.",
)
HOSTILE_DOC = Document(
    id="hostile",
    title=f"{HOSTILE} Rebels <b>seize</b> a town",
    url="javascript:alert(1)",
    pub_date=date(2022, 3, 3),
    text=f"Rebels {HOSTILE_IMG} seized the town of Kidal on 2 March. {HOSTILE} was posted online.",
)

JUNTA = ("junta", "MLI", "MIL")
BLOC = ("regional bloc", "IGO", "WAF")
BAMAKO = ("Bamako", "ML", 12.65, -8.0)
GAO = ("Gao", "ML", 16.27, -0.04)
OUAGA = ("Ouagadougou", "BF", 12.37, -1.53)
KIDAL = ("Kidal", "ML", 18.44, 1.41)


def spec(sentence: str, trigger: str, event_type: str, **fields: Any) -> dict[str, Any]:
    return {"sentence": sentence, "trigger": trigger, "event_type": event_type, **fields}


CONVOY_ATTACK = spec(
    "Soldiers attacked",
    "attacked",
    "ASSAULT",
    mode="firearms",
    actor=[("Soldiers", "MLI", "MIL")],
    recipient=[("a convoy", None, None)],
    place=GAO,
    when=("2022-02-12", "day", "12 February"),
    confidence=0.9,
)

SPECS = {
    BRIEF.id: [
        spec(
            "The junta in Bamako",
            "expelled",
            "SANCTION",
            mode="expel",
            actor=[JUNTA],
            recipient=[("French ambassador", "FRA", "GOV")],
            place=BAMAKO,
            when=("2022-01-31", "day", "31 January"),
        ),
        spec(
            "The regional bloc imposed",
            "imposed",
            "SANCTION",
            actor=[BLOC],
            recipient=[("Mali", "MLI", "GOV")],
            when=("2022-02-18", "week", None),
        ),
        CONVOY_ATTACK,
        spec(
            "The junta may hold",
            "talks",
            "CONSULT",
            actor=[JUNTA],
            recipient=[BLOC],
            when=("2022-03-15", "month", "next month"),
            modality="hypothetical",
        ),
    ],
    WIRE.id: [
        spec(
            "Thousands of students",
            "protested",
            "PROTEST",
            mode="demo",
            actor=[("students", "BFA", "CVL")],
            place=OUAGA,
            when=("2022-03-04", "day", "4 March"),
        ),
        spec(
            "The government of Burkina Faso",
            "arrest",
            "COERCE",
            mode="arrest",
            actor=[("government of Burkina Faso", "BFA", "GOV")],
            recipient=[("organisers", "BFA", "CVL")],
            when=("2022-03-05", "day", None),
            modality="negated",
        ),
        spec(
            "Mali and Burkina Faso agreed",
            "agreed",
            "AGREE",
            actor=[("Mali", "MLI", "GOV")],
            recipient=[("Burkina Faso", "BFA", "GOV")],
            when=("2022-03-05", "day", None),
        ),
    ],
    ECHO.id: [  # the same attack as in BRIEF: the store merges the two mentions
        CONVOY_ATTACK,
    ],
    HOSTILE_DOC.id: [
        spec(
            "Rebels",
            "seized",
            "COERCE",
            mode="seize",
            actor=[(f"Rebels {HOSTILE_IMG}", None, "REB")],
            recipient=[("the town of Kidal", None, None)],
            place=KIDAL,
            when=("2022-03-02", "day", "2 March"),
        ),
    ],
}


DOCUMENTS = (BRIEF, WIRE, ECHO, HOSTILE_DOC)


def build_events(document: Document, specs: list[dict[str, Any]]) -> list[Event]:
    """Events with offsets found in the document's text, typed from data/plover.yaml."""
    types = load_yaml("plover.yaml")["types"]
    events = []
    for item in specs:
        start = document.text.index(item["sentence"])
        end = document.text.index(".", start) + 1
        end = end if end > start else len(document.text)
        sentence = document.text[start:end]
        at = document.text.index(item["trigger"], start)
        mode = item.get("mode")
        kind = types[item["event_type"]]
        when, precision, when_text = item["when"]
        events.append(
            Event(
                doc_id=document.id,
                event_type=item["event_type"],
                mode=mode,
                sentence=sentence,
                span=(start, end),
                trigger=item["trigger"],
                trigger_span=(at, at + len(item["trigger"])),
                rule=f"test:{item['event_type'].lower()}:{item['trigger']}",
                quad_code=kind["quad"],
                intensity=(kind["modes"] or {}).get(mode, kind["intensity"]),
                actor=[actor(document.text, a, start) for a in item.get("actor", [])],
                recipient=[actor(document.text, a, start) for a in item.get("recipient", [])],
                date=DateInfo(
                    date=date.fromisoformat(when),
                    precision=precision,
                    text=when_text,
                    basis="explicit" if when_text else "publication",
                ),
                location=place(document.text, item["place"], start) if "place" in item else None,
                modality=item.get("modality", "asserted"),
                confidence=item.get("confidence", 0.7),
            )
        )
    return events


def actor(text: str, fields: tuple[str, str | None, str | None], after: int) -> Actor:
    words, code, sector = fields
    at = text.index(words, after)
    country = code if code and code != "IGO" else None
    return Actor(
        text=words, code=code, sector=sector, country=country, start=at, end=at + len(words)
    )


def place(text: str, fields: tuple[str, str, float, float], after: int) -> Location:
    name, country, lat, lon = fields
    at = text.index(name, after)
    return Location(
        text=name, name=name, country_code=country, lat=lat, lon=lon, start=at, end=at + len(name)
    )


def fill_store(path: Path) -> Path:
    """A store holding the three documents above and their events."""
    with EventStore(path) as store:
        for document in DOCUMENTS:
            store.save(document, build_events(document, SPECS[document.id]))
    return path


@pytest.fixture(scope="session", name="fill_store")
def fill_store_fixture():
    """``fill_store(path)``: write the test store at ``path``."""
    return fill_store


@pytest.fixture
def sample() -> dict[str, tuple[Document, list[Event]]]:
    """The documents of the test store with their events, by document id."""
    return {d.id: (d, build_events(d, SPECS[d.id])) for d in DOCUMENTS}


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return fill_store(tmp_path / "serve.duckdb")


@pytest.fixture
def client(store_path: Path):
    """A client on a fresh store, for tests that write."""
    with TestClient(create_app(store_path, TOKEN), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory):
    """A client on a store shared by a module's read-only tests."""
    path = fill_store(tmp_path_factory.mktemp("serve") / "read.duckdb")
    with TestClient(create_app(path, TOKEN), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def find_event(reader: TestClient):
    """The single event matching some filters."""

    def _find(**params: str) -> dict[str, Any]:
        items = reader.get("/api/events", params=params).json()["items"]
        assert len(items) == 1, items
        return items[0]

    return _find
