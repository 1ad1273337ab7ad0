"""Coverage round 5: misspelt trigger words, a past tense tagged as an adjective, a projectile
as the subject of "fired", passive hangings, supply drops, a hyphenated event noun read as a
modifier, and two modality false negatives; with the guards that keep real words, inanimate
objects and unreal clauses out. Sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.coding.lexicon import load_lexicon
from eventlens.coding.spelling import correction, one_edit, stems, verb_forms
from eventlens.record import Event


def _asserted(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("stonned", "stonne", "stone"),  # a doubled letter
        ("baricaded", "baricade", "barricade"),  # a missing letter
        ("carreid", "carreid", "carry"),  # two letters swapped
        ("artillary", "artillary", "artillery"),  # a condition word (an object of "fire")
        ("protestors", "protestor", "protester"),
        # known words and their inflections are never mended
        ("herding", "herding", None),
        ("interned", "interned", None),
        ("hoisting", "hoisting", None),
        ("protest", "protest", None),
        # short words are too close to too many others
        ("atack", "atack", None),
    ],
)
def test_correction(word: str, lemma: str, expected: str | None) -> None:
    assert correction(word, (lemma,), load_lexicon("en"), "en") == expected


def test_no_model_no_mending() -> None:
    assert correction("stonned", ("stonne",), load_lexicon("en"), "xx") is None


def test_edits_keep_the_first_letter() -> None:
    variants = one_edit("stonned")
    assert "stoned" in variants and "tonned" not in variants and "stonned" not in variants


def test_regular_forms_and_stems() -> None:
    assert {"carried", "carrying"} <= set(verb_forms("carry"))
    assert {"stopped", "stopping"} <= set(verb_forms("stop"))
    assert "beheadded" not in verb_forms("behead")
    assert {"herd", "poll", "carry"} <= stems("herding") | stems("polling") | stems("carried")


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("A thief was stonned to death by a mob in the market.", "ASSAULT", "primitive"),
        ("Demonstrators baricaded the main road to the airport.", "PROTEST", "obstruct"),
        ("The rebels fired heavy artillary at the army base.", "ASSAULT", "heavy-weapons"),
        # a past tense tagged as an adjective heading its clause
        ("Two fighters died after a mine they were carrying exploded.", "ASSAULT", None),
        # a projectile as the subject the parser gave a reduced relative
        ("A rocket fired from a hill near the town fell on the army camp.", "ASSAULT", None),
        ("A shepherd was hung near the well by unknown men.", "ASSAULT", "targeted"),
        ("Cargo planes dropped food supplies for the besieged garrison.", "AID", None),
        ("Two gendarmes were injured during a patrol mission near the border.", "ASSAULT", None),
        # a belief is a hedge, not a modality cue (as "reportedly")
        ("The rebels are believed to have seized Menaka on Sunday.", "COERCE", "seize"),
        # "sit-in [in] reaction to": the hyphenated noun read as the next noun's modifier
        ("Nurses in Kano staged a sit-in reaction to unpaid salaries.", "PROTEST", "obstruct"),
        ("Teachers started a 3-day sit-in favour of their claims.", "PROTEST", "obstruct"),
    ],
)
def test_events_now_coded(code, text: str, event_type: str, mode: str | None) -> None:
    events = _asserted(code(text), event_type)
    assert events, text
    assert mode is None or events[0].mode == mode


def test_misspelt_light_verb_keeps_its_actor(code) -> None:
    [strike] = _asserted(code("Foreign troops carreid out air strikes near the town."), "ASSAULT")
    assert [a.text for a in strike.actor] == ["Foreign troops"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The gunmen were armed and the roads were deserted.", "ASSAULT"),
        ("The minister fired his deputy on Monday.", "ASSAULT"),
        ("Banners were hung across the main street before the visit.", "ASSAULT"),
        ("The union dropped its demands after the talks.", "AID"),
    ],
)
def test_no_false_event(code, text: str, event_type: str) -> None:
    assert not [e for e in code(text) if e.event_type == event_type], text


def test_sit_in_protest_is_one_event(code) -> None:
    events = code("Nurses staged a sit-in protest at the district hospital.")
    assert len([e for e in events if e.event_type == "PROTEST"]) == 1


def test_negated_co_subject_does_not_negate_the_event(code) -> None:
    events = code("Aerial bombing of rebel positions near the river, no casualties reported.")
    assert _asserted(events, "ASSAULT")
    assert [e.modality for e in code("No shots were fired.")] == ["negated"]


def test_purpose_phrase_is_no_complement_of_the_main_verb(code) -> None:
    text = (
        "Young men sought out the guards in order to punish them, "
        "including setting their cars on fire."
    )
    assert _asserted(code(text), "ASSAULT")
    events = code("The rebels want to attack the town in order to seize its gold.")
    assert all(e.modality == "hypothetical" for e in events)
