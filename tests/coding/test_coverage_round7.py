"""Coverage round seven: a person or target hit by a projectile named in the passive "by"
phrase ("hit by a stray bullet"), the gerund "bombarding" read as a noun, and event nouns
that "after"/"following" introduce with a count ("following three days of talks").
Sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.record import Event


def _asserted(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        ("A shepherd struck by a stray rocket near Menaka died in hospital.", "struck", "shepherd"),
        ("Two schoolgirls were hit by stray bullets during the shootout.", "hit", "schoolgirls"),
        ("The convoy was hit by a mortar shell near Kidal.", "hit", "convoy"),
    ],
)
def test_hit_by_a_projectile_is_an_assault_on_the_victim(code, text, trigger, victim):
    events = [e for e in _asserted(code(text), "ASSAULT") if e.trigger == trigger]
    assert events, text
    assert any(victim in r.text for r in events[0].recipient)
    assert not any(victim in a.text for a in events[0].actor)


@pytest.mark.parametrize(
    "text",
    [
        "A pedestrian was hit by a truck in Bamako.",
        "The economy was hit by sanctions and falling prices.",
        "The region was hit by a drought last year.",
    ],
)
def test_hit_by_something_else_is_no_assault(code, text):
    assert not _asserted(code(text), "ASSAULT")


def test_a_projectile_hit_by_nothing_needs_its_by_phrase(code):
    """Without a "by" phrase the projectile entry does not fire ("the shell hit nothing")."""
    events = code("The stray shell hit nothing but sand.")
    assert not [e for e in events if e.rule.startswith("verb:hit+bullet")]


def test_bombarding_read_as_a_noun_is_a_heavy_weapons_assault(code):
    events = _asserted(code("Aerial bombarding of rebel positions near the border."), "ASSAULT")
    assert [e.trigger for e in events] == ["bombarding"]
    assert events[0].mode == "heavy-weapons"


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    [
        ("The delegates signed the memorandum following three days of talks.", "CONSULT", "talks"),
        ("After two days of fighting, the rebels withdrew from the town.", "ASSAULT", "fighting"),
    ],
)
def test_a_counted_event_after_which_something_happened_is_reported(
    code, text, event_type, trigger
):
    events = _asserted(code(text), event_type)
    assert [e.trigger for e in events] == [trigger]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The delegates signed the memorandum following the talks.", "CONSULT"),
        ("After the fighting, the rebels withdrew from the town.", "ASSAULT"),
    ],
)
def test_a_definite_event_after_which_something_happened_only_refers_back(code, text, event_type):
    assert not _asserted(code(text), event_type)


@pytest.mark.parametrize(
    "text",
    [
        "Two herders were struck by lightning near the well.",
        "A storm struck the coastal villages overnight.",
        "The harvest was destroyed by floods in the south.",
    ],
)
def test_nature_named_as_the_agent_of_a_passive_or_as_subject_is_no_assault(code, text):
    assert not _asserted(code(text), "ASSAULT")


def test_an_armed_agent_of_a_passive_strike_still_assaults(code):
    events = _asserted(code("The village was struck by militants at dawn."), "ASSAULT")
    assert [a.text for e in events for a in e.actor] == ["militants"]
