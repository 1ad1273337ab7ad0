"""The lead act of a report outranks its background and its sequel told on other days, and
a restriction does not outrank the protest it answers; sentences written by the team."""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.evaluation.scoring import top_event

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
