"""Actors that an event implies when no words name them (docs/actors.md rule 26) and
civilian victims (rule 27); sentences written by the team."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from eventlens.data_files import load_yaml
from eventlens.record import Actor, Event
from eventlens.resolve.actor_kb import ActorDataError, _implied_actors


def by_type(events: list[Event], event_type: str) -> Event:
    matching = [e for e in events if e.event_type == event_type]
    assert matching, [(e.event_type, e.trigger) for e in events]
    return matching[0]


def only_actor(event: Event) -> Actor:
    assert len(event.actor) == 1, event.actor
    return event.actor[0]


def test_a_protest_with_no_author_implies_protesters_of_its_country(code) -> None:
    event = by_type(
        code("Protests over the price of fuel took place in Niamey on Monday."), "PROTEST"
    )
    actor = only_actor(event)
    assert (actor.name, actor.sector, actor.country) == ("Protesters", "CVL", "NER")
    assert actor.implied == "implied:protesters"


def test_a_riot_with_no_author_implies_rioters(code) -> None:
    event = by_type(code("A riot broke out at the central prison of Bamako on Friday."), "PROTEST")
    actor = only_actor(event)
    assert (actor.name, actor.sector, actor.country) == ("Rioters", "CVL", "MLI")
    assert actor.implied == "implied:rioters"


def test_violence_with_no_perpetrator_implies_an_unidentified_armed_group(code) -> None:
    event = by_type(code("Two farmers were killed near Djibo on Tuesday night."), "ASSAULT")
    actor = only_actor(event)
    assert (actor.name, actor.sector, actor.country) == ("Unidentified armed group", "UAF", "BFA")
    assert actor.implied == "implied:unidentified-armed-group"


def test_an_implied_actor_has_no_text_so_no_span_is_scored(code) -> None:
    actor = only_actor(by_type(code("A bomb exploded in a market in Gao."), "ASSAULT"))
    assert actor.implied and (actor.text, actor.start, actor.end) == ("", None, None)


def test_a_stated_actor_is_never_replaced(code) -> None:
    event = by_type(code("Gunmen killed two farmers near Djibo on Tuesday."), "ASSAULT")
    assert [(a.text, a.implied) for a in event.actor] == [("Gunmen", None)]


def test_the_episode_lends_its_author_before_anything_is_implied(code) -> None:
    events = code("Militants attacked a village near Djibo. Two farmers were killed.")
    killed = [e for e in events if e.trigger == "killed"]
    assert killed and [a.text for a in killed[0].actor] == ["Militants"]


def test_armed_victims_imply_state_forces_not_an_unidentified_group(code) -> None:
    event = by_type(code("Four militants were killed near Menaka on Sunday."), "ASSAULT")
    actor = only_actor(event)
    assert (actor.name, actor.sector, actor.country) == ("Military forces", "MIL", "MLI")
    assert actor.implied == "implied:state-forces"


def test_mixed_victims_imply_an_unidentified_group(code) -> None:
    event = by_type(code("Two soldiers and a farmer were killed near Menaka."), "ASSAULT")
    assert only_actor(event).name == "Unidentified armed group"


def test_talks_imply_no_actor(code) -> None:
    event = by_type(code("Talks were held in Niamey on Monday."), "CONSULT")
    assert event.actor == []


def test_unnamed_victims_of_violence_are_civilians(code) -> None:
    event = by_type(code("Gunmen abducted a young couple near Kaya on Monday."), "ASSAULT")
    assert [(r.text, r.sector) for r in event.recipient] == [("a young couple", "CVL")]


def test_the_record_with_an_implied_actor_is_valid(code) -> None:
    event = by_type(code("Protests were held in Niamey on Monday."), "PROTEST")
    schema = load_yaml("schema", "event.schema.json")
    jsonschema.validate(event.to_dict(), schema)
    assert event.to_dict()["actor"][0]["implied"] == "implied:protesters"


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ({"acled": ["Marches"], "name": "X", "sector": "CVL"}, "'acled'"),
        ({"acled": ["Riots"], "name": "X", "sector": "XYZ"}, "known 'sector'"),
        ({"acled": ["Riots"], "types": ["DANCE"], "name": "X", "sector": "CVL"}, "'types'"),
        ({"acled": ["Riots"], "name": "X", "sector": "CVL", "colour": 1}, "expected fields"),
    ],
)
def test_a_bad_implied_actor_entry_is_named(spec: dict, problem: str) -> None:
    path = Path("my_descriptions.yaml")
    with pytest.raises(ActorDataError, match=problem) as raised:
        _implied_actors({"mobs": spec}, path)
    assert "my_descriptions.yaml: implied_actors: mobs" in str(raised.value)


def test_the_package_rules_load() -> None:
    rules = _implied_actors(
        load_yaml("actors", "descriptions.yaml")["implied_actors"], Path("descriptions.yaml")
    )
    assert {r.rule for r in rules} >= {"protesters", "rioters", "unidentified-armed-group"}


def test_the_one_armed_group_the_sentence_names_is_the_implied_author(code) -> None:
    text = "At least four herders were killed in an attack attributed to Boko Haram near Diffa."
    actor = only_actor(by_type(code(text), "ASSAULT"))
    assert (actor.name, actor.sector, actor.text) == ("Boko Haram", "REB", "")
    assert actor.implied == "implied:unidentified-armed-group"


def test_two_armed_groups_named_leave_the_author_unidentified(code) -> None:
    text = "Two herders were killed near Diffa, where Boko Haram and ISWAP are active."
    actor = only_actor(by_type(code(text), "ASSAULT"))
    assert actor.name == "Unidentified armed group"


def test_violence_against_civilians_without_victims_implies_civilians(code) -> None:
    event = by_type(code("Malian soldiers carried out summary executions in Mopti."), "ASSAULT")
    assert [(r.name, r.sector, r.country, r.implied) for r in event.recipient] == [
        ("Civilians", "CVL", "MLI", "implied:civilians")
    ]


def test_looted_goods_with_no_owner_named_belong_to_civilians(code) -> None:
    event = by_type(code("On May 4, gunmen looted medical supplies in Kelbo."), "COERCE")
    assert event.acled_sub_event_type == "Looting/property destruction"
    assert [(r.text, r.sector) for r in event.recipient] == [("medical supplies", "CVL")]


def test_forces_only_described_in_a_protest_episode_are_not_its_recipient(code) -> None:
    text = "Hundreds rallied in Niamey on Friday. The army is popular in the capital."
    rally = by_type(code(text), "PROTEST")
    assert not any(r.sector == "MIL" for r in rally.recipient)
