"""Ordinary news wording of violence, arrests, restrictions and group formation, and the
modality of comma-spliced clauses; sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.record import Event


def _asserted(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "event_type", "mode", "acled_sub"),
    [
        (
            "Unknown men set a chapel ablaze in Kaya on Sunday.",
            "ASSAULT",
            "destroy",
            "Looting/property destruction",
        ),
        ("Armed herders hacked to death two farmers near Djibo.", "ASSAULT", "primitive", None),
        ("The gendarmes took in four officers for questioning.", "COERCE", "arrest", "Arrests"),
        (
            "The governor suspended all passenger traffic in the region.",
            "COERCE",
            "restrict",
            "Other",
        ),
        (
            "Gunmen stripped the travellers of their phones near Kaya.",
            "COERCE",
            "seize",
            "Looting/property destruction",
        ),
        ("The militants closed down the school in Tanga.", "COERCE", "restrict", "Other"),
        ("The authorities closed the markets of Gao.", "COERCE", "restrict", "Other"),
        ("The rebels took the town of Menaka on Sunday.", "COERCE", "seize", None),
        (
            "Villagers in Tanga launched an armed group to guard the wells.",
            "MOBILIZE",
            "militia",
            "Change to group/activity",
        ),
    ],
)
def test_news_wording(code, text: str, event_type: str, mode: str, acled_sub: str | None) -> None:
    events = _asserted(code(text), event_type)
    assert events, text
    assert events[0].mode == mode
    if acled_sub:
        assert events[0].acled_sub_event_type == acled_sub


def test_mutineers_firing_in_the_air_riot(code) -> None:
    events = code("Mutinying soldiers kept firing in the air at the garrison of Kaya.")
    fire = _asserted(events, "ASSAULT")
    assert fire and fire[0].acled_sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "The director was fired in May after the audit.",
        "The company launched a new group of products in March.",
        "The minister set the agenda early.",
        "The bank took Mali to court over the debt.",
    ],
)
def test_look_alikes_are_no_events(code, text: str) -> None:
    assert not [e for e in code(text) if e.event_type in ("ASSAULT", "MOBILIZE", "COERCE")]


def test_a_clause_spliced_before_a_request_verb_stays_asserted(code) -> None:
    spliced = code("On Friday, gunmen abducted a nurse in Gao, they asked her about the army.")
    assert _asserted(spliced, "ASSAULT")
    requested = code("The minister asked the army to attack the camp.")
    assert not _asserted(requested, "ASSAULT")


def test_an_event_noun_that_causes_something_is_reported(code) -> None:
    events = code("Protests over fuel prices forced the governor to resign.")
    assert _asserted(events, "PROTEST")


def test_a_foiled_attempt_is_still_coded_as_attempted(code) -> None:
    """PLOVER and ACLED code attempts: a foiled coup is a strategic development."""
    coup = _asserted(code("An attempted coup was foiled on Monday."), "COERCE")
    assert coup and coup[0].acled_sub_event_type == "Other"
