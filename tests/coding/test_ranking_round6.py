"""The lead act of a report outranks its background and its sequel told on other days, and
a restriction does not outrank the protest it answers; sentences written by the team."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from eventlens.coding.ranking import rank_below_lead
from eventlens.evaluation.scoring import top_event
from eventlens.record import DateInfo, Event

PUB_DATE = date(2020, 6, 1)

LEAD = [
    # a sequel told relative to the lead ("two days later") ranks below it, though graver
    (
        "On 4 May, herders abducted a trader near the market in Kaya. They killed him two days later.",
        "abducted",
    ),
    # the background told on an earlier day ranks below the lead, though graver
    (
        "Hundreds of students marched through the town to demand new teachers. "
        "Soldiers shot dead a teacher there last month.",
        "marched",
    ),
    # within a sentence, an act told after another but dated before it is a flashback
    (
        "On 8 May, gunmen looted the shop of a trader in Kaya; his brother was abducted by "
        "militants in April.",
        "looted",
    ),
    # an act of the same day keeps the ranking of its episode: the gravest act leads
    ("Militants abducted two traders near Koro on Monday. They killed one of them.", "killed"),
    # a restriction by the police does not outrank the protest it answers
    (
        "Nurses staged a sit-in at the hospital on Monday and the police prevented them "
        "from entering the wards.",
        "in",
    ),
]


@pytest.mark.parametrize(("text", "trigger"), LEAD)
def test_the_lead_act_of_a_report(code, text: str, trigger: str) -> None:
    top = top_event(code(text, pub_date=PUB_DATE))
    assert top is not None and top.trigger == trigger


def _dated(trigger: str, confidence: float, day: int, basis: str) -> Event:
    when = date(2020, 5, day)
    return Event(
        doc_id="d",
        event_type="ASSAULT",
        sentence=trigger,
        span=(0, 1),
        trigger=trigger,
        rule="r",
        confidence=confidence,
        date=DateInfo(date=when, start=when, end=when, precision="day", basis=basis),
    )


def _rank(*events: tuple[int, Event]) -> Event | None:
    """Rank (sentence number, event) pairs, told in this order, with rank_below_lead; the top
    event."""
    placed = [(n, e, SimpleNamespace(i=i)) for i, (n, e) in enumerate(events)]
    rank_below_lead(placed)  # type: ignore[arg-type]
    return top_event([event for _, event in events])


def test_a_later_act_after_a_lead_dated_in_the_text_is_its_sequel() -> None:
    lead, sequel = _dated("abducted", 0.6, 4, "explicit"), _dated("killed", 0.8, 9, "explicit")
    assert _rank((0, lead), (1, sequel)) is lead
    assert sequel.confidence == 0.57


def test_a_later_act_dated_in_the_text_outranks_a_lead_dated_only_relatively() -> None:
    lead, later = _dated("mutinied", 0.6, 4, "relative"), _dated("looted", 0.8, 9, "explicit")
    assert _rank((0, lead), (1, later)) is later


def test_an_act_of_the_lead_day_keeps_its_confidence() -> None:
    lead, same_day = _dated("abducted", 0.6, 4, "explicit"), _dated("killed", 0.8, 4, "narrative")
    assert _rank((0, lead), (1, same_day)) is same_day


def test_acts_of_the_lead_sentence_keep_their_ranking() -> None:
    first, second = _dated("abducted", 0.6, 4, "explicit"), _dated("killed", 0.8, 9, "explicit")
    assert _rank((0, first), (0, second)) is second


def test_an_act_told_after_another_of_its_sentence_but_dated_before_it_is_a_flashback() -> None:
    first, flashback = _dated("looted", 0.6, 8, "explicit"), _dated("abducted", 0.8, 2, "relative")
    assert _rank((0, first), (0, flashback)) is first
    assert flashback.confidence == 0.57


def test_an_undated_lead_sentence_gives_way_to_the_first_dated_one() -> None:
    undated = _dated("clashed", 0.9, 4, "publication")
    undated.date = DateInfo()
    lead, background = _dated("marched", 0.6, 8, "relative"), _dated("shot", 0.8, 2, "relative")
    assert _rank((0, undated), (1, lead), (2, background)) is undated
    assert background.confidence == 0.57
