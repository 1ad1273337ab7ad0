"""ACLED types read from a note's leading label ("Arrests: ...") and from mutinies that take
territory; sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.coding.crosswalk import (
    CrosswalkError,
    acled_for_event,
    heading_of,
    parse_acled_rule,
    to_acled,
)
from eventlens.record import Actor, Event


def _event(event_type: str, mode: str | None, sentence: str, actor: str, recipient: str) -> Event:
    return Event(
        doc_id="d",
        event_type=event_type,
        mode=mode,
        sentence=sentence,
        span=(0, 10),
        trigger="x",
        rule="test",
        actor=[Actor(text="them", sector=actor)],
        recipient=[Actor(text="it", sector=recipient)],
        confidence=0.8,
    )


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Property destruction: On 3 May, gunmen burned a shop.", "property destruction"),
        ("Arrests: Police detained two men in Kera.", "arrests"),
        ("Police detained two men in Kera: one was a trader.", ""),  # a colon mid-sentence
        ("On 3 May: gunmen burned a shop.", ""),  # a date, not a label
        ("", ""),
    ],
)
def test_a_heading_is_a_leading_label_before_a_colon(text, heading):
    assert heading_of(text) == heading


def test_the_label_of_a_note_decides_its_acled_type():
    sentence = "Property destruction: Gunmen attacked the village of Kera and burned the market."
    assert to_acled(
        "ASSAULT", None, actor_sectors=["REB"], recipient_sectors=["COP"], sentence=sentence
    ) == ("Strategic developments", "Looting/property destruction")
    unlabelled = sentence.split(": ", 1)[1]
    assert to_acled(
        "ASSAULT", None, actor_sectors=["REB"], recipient_sectors=["COP"], sentence=unlabelled
    ) == ("Battles", "Armed clash")


def test_a_label_gives_a_verbal_event_a_type_and_is_read_from_the_episode():
    label = "Non-violent activity: The rebel leaders met in Kidal."
    sentence = "They announced that the group would give up its demands."
    assert to_acled("ACCUSE", None, sentence=sentence) == (None, None)
    got = to_acled("ACCUSE", None, sentence=sentence, episode=f"{label} {sentence}")
    assert got == ("Strategic developments", "Other")


def test_an_unknown_label_changes_nothing():
    sentence = "Update: Gunmen attacked a police post in Kera."
    assert to_acled(
        "ASSAULT", None, actor_sectors=["REB"], recipient_sectors=["COP"], sentence=sentence
    ) == ("Battles", "Armed clash")


def test_a_labelled_side_act_keeps_its_label_against_the_episodes_violence():
    sentence = "Arrests: Gendarmes arrested four men after the attack."
    arrest = _event("COERCE", "arrest", sentence, "COP", "CVL")
    attack = _event("ASSAULT", None, "Gunmen attacked a market.", "REB", "CVL")
    assert acled_for_event(arrest, sentence, [attack]) == ("Strategic developments", "Arrests")
    plain = _event("COERCE", "arrest", sentence.split(": ", 1)[1], "COP", "CVL")
    assert acled_for_event(plain, plain.sentence, [attack])[1] == "Attack"


def test_mutineers_who_take_towns_overtake_territory():
    sentence = "Soldiers mutinied over unpaid pay in Kera."
    took = f"{sentence} They took over two towns in the north."
    streets = f"{sentence} They took to the streets at night."
    assert to_acled("PROTEST", "riot", actor_sectors=["MIL"], sentence=sentence, episode=took) == (
        "Battles",
        "Non-state actor overtakes territory",
    )
    assert to_acled(
        "PROTEST", "riot", actor_sectors=["MIL"], sentence=sentence, episode=streets
    ) == ("Riots", "Violent demonstration")
    seize = to_acled(
        "COERCE",
        "seize",
        context=["territory"],
        actor_sectors=["MIL"],
        sentence="Soldiers seized the town hall of Kera.",
        episode=took,
    )
    assert seize == ("Battles", "Non-state actor overtakes territory")


def test_an_any_type_row_needs_a_heading():
    row = {
        "plover_type": "*",
        "plover_mode": "*",
        "heading": "*",
        "acled_event_type": "Strategic developments",
        "acled_sub_event_type": "Other",
    }
    with pytest.raises(CrosswalkError, match="x.tsv row 2: plover_type \\* needs"):
        parse_acled_rule(row, "x.tsv row 2")
    assert parse_acled_rule({**row, "heading": "Other"}, "x.tsv row 2").heading == ("other",)
