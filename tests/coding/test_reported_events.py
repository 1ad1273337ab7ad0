"""Reported and hedged events stay asserted; listed passives and chases are coded."""

from __future__ import annotations

import pytest

# (sentence, trigger, event type, modality): a hedge or report verb does not make an event
# unreal, while a negation, a modal or a conditional does.
REPORTED = [
    ("Gunmen supposedly killed two herders near the well.", "killed", "ASSAULT", "asserted"),
    ("Jihadists purportedly abducted a priest in the east.", "abducted", "ASSAULT", "asserted"),
    ("Militants are thought to have attacked the border post.", "attacked", "ASSAULT", "asserted"),
    ("Bandits reportedly torched the market on Sunday.", "torched", "ASSAULT", "asserted"),
    ("The rebels did not attack the border post.", "attack", "ASSAULT", "negated"),
    ("The rebels may have attacked the border post.", "attacked", "ASSAULT", "hypothetical"),
    (
        "If talks fail, the rebels could attack the border post.",
        "attack",
        "ASSAULT",
        "hypothetical",
    ),
]


def _event(code, text: str, trigger: str):
    events = [e for e in code(text) if e.trigger == trigger]
    assert events, f"no event on {trigger!r} in {text!r}: {[e.trigger for e in code(text)]}"
    return events[0]


@pytest.mark.parametrize(("text", "trigger", "event_type", "modality"), REPORTED)
def test_hedges_keep_reported_events_asserted(code, text, trigger, event_type, modality):
    event = _event(code, text, trigger)
    assert (event.event_type, event.modality) == (event_type, modality)


@pytest.mark.parametrize(
    "text",
    [
        "The traders were stopped, badly beaten and robbed by bandits.",
        "Two farmers were arrested, severely beaten and later released.",
        "The men were detained, beaten and tortured by soldiers.",
    ],
)
def test_participle_listed_after_a_passive_shares_its_subject(code, text):
    event = _event(code, text, "beaten")
    assert (event.event_type, event.mode, event.modality) == ("ASSAULT", "beat", "asserted")
    assert event.recipient, "the shared passive subject is the one beaten"


def test_listed_participle_keeps_its_own_negation(code):
    text = "The traders were robbed but were not beaten."
    assert [e.modality for e in code(text) if e.trigger == "beaten"] in ([], ["negated"])


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The militia was chased out of the town by the army.", "militia"),
        ("Soldiers chased the fighters from the village on Tuesday.", "fighters"),
        ("Local hunters chased the gunmen away from the market.", "gunmen"),
    ],
)
def test_chasing_a_group_out_is_coercion(code, text, recipient):
    event = _event(code, text, "chased")
    assert (event.event_type, event.modality) == ("COERCE", "asserted")
    assert any(recipient in a.text for a in event.recipient)


@pytest.mark.parametrize(
    "text",
    [
        "The children chased the ball across the yard.",
        "Reporters chased the story for weeks.",
    ],
)
def test_plain_chasing_is_no_event(code, text):
    assert not [e for e in code(text) if e.trigger == "chased"]


def test_a_chase_that_did_not_happen_is_not_asserted(code):
    event = _event(code, "The army failed to chase the rebels out of the town.", "chase")
    assert event.modality == "negated"
