"""The main event of a sentence, and so its date: an event told only to say who a participant
is, or what the act answered, ranks below the act; trigger words added this round. Sentences
written by the team."""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.coding.ranking import _describes_participant
from eventlens.evaluation.scoring import top_event
from eventlens.nlp import load_model

PUB = date(2021, 7, 1)

MAIN_EVENT = [
    # a clause describing a participant of the act
    (
        "A rebel faction that attacked two army posts on 3 May signed a peace deal in Algiers on "
        "20 June.",
        "signed",
        date(2021, 6, 20),
    ),
    (
        "A colonel who had vanished since the mutiny in March was arrested in Kayes on 28 June.",
        "arrested",
        date(2021, 6, 28),
    ),
    (
        "Gunmen released the two engineers they had kidnapped near Menaka in April.",
        "released",
        PUB,
    ),
    # the event the act answered
    (
        "In response to the raid on Bankass on 12 June, the army launched air strikes on 14 June.",
        "strikes",
        date(2021, 6, 14),
    ),
    (
        "After the killing of a village chief on 20 June, residents blocked the main road on "
        "22 June.",
        "blocked",
        date(2021, 6, 22),
    ),
]


@pytest.mark.parametrize(("text", "trigger", "when"), MAIN_EVENT)
def test_the_act_is_the_main_event(code, text: str, trigger: str, when: date) -> None:
    top = top_event(code(text, pub_date=PUB))
    assert top is not None
    assert top.trigger == trigger
    assert top.date.date == when


@pytest.mark.parametrize(
    ("text", "clause", "act", "expected"),
    [
        ("A man accused of theft was beaten by a crowd.", "accused", "beaten", True),
        ("The rebels released a trader they had kidnapped.", "kidnapped", "released", True),
        # a clause on the event noun tells the event itself, not a participant
        ("Police banned the march planned by the unions.", "planned", "march", False),
    ],
)
def test_describes_participant(text: str, clause: str, act: str, expected: bool) -> None:
    doc = load_model("en")(text)
    token = next(t for t in doc if t.text == clause)
    trigger = next(t for t in doc if t.text == act)
    assert _describes_participant(token, trigger) is expected


TRIGGERS = [
    ("Hundreds of students gathered at the university and chanted slogans.", "PROTEST"),
    ("A loud detonation was reported near the gendarmerie post in Djibo.", "ASSAULT"),
    ("Traders beat a vigilante over an unpaid debt at the cattle market.", "ASSAULT"),
    ("Rebels made advances towards Mopti.", "MOBILIZE"),
    ("Jihadist fighters advanced on the garrison town.", "MOBILIZE"),
]


@pytest.mark.parametrize(("text", "event_type"), TRIGGERS)
def test_trigger_words(code, text: str, event_type: str) -> None:
    top = top_event(code(text, pub_date=PUB))
    assert top is not None and top.event_type == event_type


DATES = [
    # a date right after an earlier event's phrase dates that event, however it is parsed
    (
        "Malian troops regained control of the town following heavy fighting on Saturday.",
        "regained",
        PUB,
    ),
    ("Soldiers took the town after the occupation earlier in the week.", "took", PUB),
    # a time after "after" is no event: the date is the trigger's
    ("Gunmen attacked the village after midnight on Monday.", "attacked", date(2021, 6, 28)),
]


@pytest.mark.parametrize(("text", "trigger", "when"), DATES)
def test_date_of_the_main_event(code, text: str, trigger: str, when: date) -> None:
    [event] = [e for e in code(text, pub_date=PUB) if e.trigger == trigger]
    assert event.date.date == when


def test_a_weekday_after_an_earlier_event(code) -> None:
    """ "following gains on Saturday": the preposition before the weekday is skipped."""
    text = "French troops regained control of the airport following strategic gains on Saturday."
    [event] = [e for e in code(text, pub_date=PUB) if e.trigger == "regained"]
    assert event.date.date == PUB
