"""Actor data: the package's files validate, users add files, `eventlens actors` commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pycountry
import pytest

from eventlens.cli import main
from eventlens.data_files import data_path
from eventlens.record import Actor, Document, Event
from eventlens.resolve.actor_kb import ActorDataError, check_file, load_kb
from eventlens.resolve.actors import ActorResolver
from eventlens.store.db import EventStore

ACTOR_DIR = data_path("actors")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", sorted(ACTOR_DIR.iterdir()), ids=lambda p: p.name)
def test_package_actor_files_are_valid(path):
    assert check_file(path) == []


def test_every_iso_state_is_an_actor():
    codes = {e.code for e in load_kb().entries if e.kind == "state"}
    assert {c.alpha_3 for c in pycountry.countries} <= codes


def test_knowledge_base_is_loaded_once():
    assert load_kb() is load_kb()
    assert ActorResolver().kb is ActorResolver().kb


def test_french_demonyms_are_inflected():
    resolver = ActorResolver()
    for word in ("malien", "malienne", "maliens", "maliennes"):
        assert resolver.resolve_text(f"les forces {word}").code == "MLI"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- name: Sahel Shield\n  kind: armed_group\n  code: MLI\n  sector: XYZ\n",
            "entry 1 (Sahel Shield): unknown sector 'XYZ'",
        ),
        (
            "- name: Sahel Shield\n  kind: armed_group\n  code: ZZZ\n",
            "entry 1 (Sahel Shield): unknown code 'ZZZ'",
        ),
        (
            "- name: Sahel Shield\n  kind: squad\n  code: MLI\n",
            "entry 1 (Sahel Shield): 'kind' must be one of",
        ),
        (
            "- name: Sahel Shield\n  kind: armed_group\n  code: MLI\n  colour: red\n",
            "unknown field(s) colour",
        ),
        ("- kind: armed_group\n  code: MLI\n", "entry 1 (MLI): 'name' is required"),
        (
            "- name: A Person\n  kind: person\n  country: MLI\n  roles:\n    - {from: 2021-13-01, sector: GOV}\n",
            "entry 1 (A Person) role 1: 'from' must be an ISO date",
        ),
        (
            "- name: A Person\n  kind: person\n  country: MLI\n  roles:\n    - {from: 2021-05-01, to: 2020-01-01}\n",
            "is before 'from'",
        ),
        (
            "- name: Sahel Shield\n  kind: armed_group\n  code: MLI\n  kb_id: 912\n",
            "kb_id must be a Wikidata id",
        ),
        ("- name: Sahel Shield\n  kind: armed_group\n", "a armed_group needs a code or a country"),
        ("name: [unclosed\n", "not valid YAML"),
        ("name: Sahel Shield\n", "expected a list of entries"),
    ],
)
def test_bad_entries_are_reported_with_file_and_entry(tmp_path, text, message):
    path = write(tmp_path, "mine.yaml", text)
    problems = check_file(path)
    assert len(problems) == 1
    assert str(path) in problems[0] and message in problems[0]


def test_duplicate_entries_are_reported(tmp_path):
    entry = "- name: Sahel Shield\n  kind: armed_group\n  code: MLI\n"
    problems = check_file(write(tmp_path, "mine.yaml", entry * 2))
    assert problems == [f"{tmp_path / 'mine.yaml'}: entry 2 (Sahel Shield): duplicate of entry 1"]


def test_user_yaml_file_adds_and_overrides_actors(tmp_path):
    path = write(
        tmp_path,
        "mine.yaml",
        "- name: Sahel Shield Brigade\n  kind: armed_group\n  code: BFA\n  sector: UAF\n"
        "  aliases: [SSB]\n"
        "- name: Wagner Orchestra\n  kind: company\n  code: DEU\n  sector: BUS\n  aliases: [Wagner]\n",
    )
    assert ("ssb",) not in load_kb().aliases
    resolver = ActorResolver([path])
    assert (resolver.resolve_text("SSB fighters").name, resolver.resolve_text("SSB").code) == (
        "Sahel Shield Brigade",
        "BFA",
    )
    assert resolver.resolve_text("Wagner").name == "Wagner Orchestra"
    assert ActorResolver([]).resolve_text("Wagner").name == "Wagner Group"


def test_user_tsv_file_with_dated_roles(tmp_path):
    path = write(
        tmp_path,
        "people.tsv",
        "name\tkind\tcode\tsector\tcountry\taliases\tkb_id\tfrom\tto\toffice\n"
        "Awa Fictive\tperson\t\tGOV\tMLI\tFictive\t\t2019-01-01\t2020-12-31\tminister of mines\n"
        "Awa Fictive\tperson\t\tOPP\tMLI\t\t\t2021-01-01\t\topposition leader\n",
    )
    resolver = ActorResolver([path])
    assert resolver.resolve_text("Minister Fictive", when=date(2020, 6, 1)).sector == "GOV"
    assert resolver.resolve_text("Fictive", when=date(2022, 6, 1)).sector == "OPP"
    assert resolver.resolve_text("Fictive", when=date(2022, 6, 1)).country == "MLI"


def test_bad_user_file_raises_naming_it(tmp_path):
    path = write(tmp_path, "mine.yaml", "- name: X\n  kind: armed_group\n  code: QQQ\n")
    with pytest.raises(ActorDataError, match="mine.yaml: entry 1 \\(X\\): unknown code"):
        ActorResolver([path])


def test_actor_files_from_the_environment(tmp_path, monkeypatch):
    path = write(
        tmp_path,
        "env.yaml",
        "- name: Liptako Guard\n  kind: armed_group\n  code: NER\n  sector: UAF\n",
    )
    monkeypatch.setenv("EVENTLENS_ACTORS", str(path))
    assert ActorResolver().resolve_text("the Liptako Guard").code == "NER"


# --- command line -----------------------------------------------------------------------


def test_actors_check_command(tmp_path, capsys):
    assert main(["actors", "check"]) == 0
    bad = write(tmp_path, "bad.yaml", "- name: X\n  kind: person\n  country: MLI\n  sector: BAD\n")
    assert main(["actors", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: entry 1 (X): unknown sector 'BAD'" in err


def test_code_with_a_bad_actor_file_stops_before_coding(tmp_path, capsys):
    bad = write(tmp_path, "bad.yaml", "- name: X\n  kind: person\n  country: XX\n")
    article = write(tmp_path, "a.txt", "Malian soldiers arrested two men in Gao.")
    assert main(["code", "--no-db", "--actors", str(bad), str(article)]) == 2
    assert "bad.yaml: entry 1 (X): unknown country 'XX'" in capsys.readouterr().err


def _event(doc_id: str, n: int, actor: Actor, recipient: Actor) -> Event:
    return Event(
        doc_id=doc_id,
        event_type="ASSAULT",
        sentence="s",
        span=(n, n + 1),
        trigger="attacked",
        rule="test",
        actor=[actor],
        recipient=[recipient],
        trigger_span=(n, n + 1),
    )


@pytest.fixture
def store(tmp_path) -> str:
    path = str(tmp_path / "events.duckdb")
    jnim = Actor(text="JNIM", name="Jama'at Nusrat al-Islam wal-Muslimin", code="IMG", sector="REB")
    fama = Actor(text="FAMa", name="Malian Armed Forces", code="MLI", sector="MIL", country="MLI")
    unknown = Actor(text="the Kourmina Self-Defence Brigade", name="Kourmina Self-Defence Brigade")
    events = [
        _event("d", 1, jnim, fama),
        _event("d", 2, jnim, unknown),
        _event("d", 3, unknown, fama),
    ]
    with EventStore(path) as db:
        db.save(Document(id="d", text="text", pub_date=date(2022, 3, 24)), events)
    return path


def _jsonl(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_actors_top_counts_events_per_actor(store, capsys):
    assert main(["actors", "top", "--db", store, "--format", "jsonl"]) == 0
    rows = {r["name"]: r for r in _jsonl(capsys)}
    assert rows["Jama'at Nusrat al-Islam wal-Muslimin"]["events"] == 2
    assert rows["Malian Armed Forces"]["as_recipient"] == 2
    assert main(["actors", "--db", store, "--format", "jsonl"]) == 0  # top is the default
    assert len(_jsonl(capsys)) == 3


def test_actors_unknown_lists_unresolved_names(store, capsys):
    assert main(["actors", "unknown", "--db", store, "--format", "jsonl"]) == 0
    rows = _jsonl(capsys)
    assert [(r["name"], r["events"]) for r in rows] == [("Kourmina Self-Defence Brigade", 2)]
