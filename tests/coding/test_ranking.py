"""Which event of a sentence or short report is the main one (the most confident asserted),
and the ACLED reading of that event; sentences written by the team."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from eventlens.coding.crosswalk import acled_for_event, to_acled
from eventlens.coding.ranking import rank_below_current, rank_below_lead, rank_below_speech_acts
from eventlens.evaluation.scoring import top_event
from eventlens.nlp import load_model
from eventlens.record import DateInfo, Event

MAIN_EVENT = [
    # a purpose or participle clause ranks below the event governing it
    (
        "Hundreds of nurses demonstrated in Niamey to demand higher wages.",
        "PROTEST",
        "demonstrated",
    ),
    ("Market traders staged a sit-in at the town hall to demand lower fees.", "PROTEST", "in"),
    (
        "Farmers marched to the prefecture on Monday, denouncing the new land tax.",
        "PROTEST",
        "marched",
    ),
    (
        "Several hundred residents gathered outside the court to protest the verdict.",
        "PROTEST",
        "gathered",
    ),
    (
        "Taxi drivers rioted in the city centre by attacking two police stations.",
        "PROTEST",
        "rioted",
    ),
    # violence outranks the movement that governs it
    (
        "Soldiers entered the village of Koro on Monday, killing three herders.",
        "ASSAULT",
        "killing",
    ),
    # the gravest act of an episode leads
    ("Gunmen abducted and killed two herders near the river on Sunday.", "ASSAULT", "killed"),
    ("Militants killed a teacher and abducted his wife in the village.", "ASSAULT", "killed"),
    (
        "Soldiers arrested six men at the market and executed them the same night.",
        "ASSAULT",
        "executed",
    ),
    (
        "Armed men stormed the police post on Friday. They seized four rifles and a pickup.",
        "ASSAULT",
        "stormed",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "trigger"), MAIN_EVENT)
def test_main_event_of_a_report(code, text: str, event_type: str, trigger: str) -> None:
    top = top_event(code(text))
    assert top is not None and (top.event_type, top.trigger) == (event_type, trigger)


def test_a_graver_act_inside_the_protest_phrase_does_not_lead(code) -> None:
    top = top_event(code("Residents protested against forest guards seizing a timber truck."))
    assert top is not None and top.event_type == "PROTEST"


def test_a_graver_act_reported_without_author_takes_the_earlier_author(code) -> None:
    events = code("Bandits looted the weekly market of the village. Three traders were killed.")
    top = top_event(events)
    assert top is not None and top.trigger == "killed"
    assert [a.sector for a in top.actor] == ["UAF"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ambush against a military convoy near the border", "Ambush"),
        ("Murder of a municipal councillor in the north of the region", "Murder"),
    ],
)
def test_a_verbless_headline_reports_its_event(code, text: str, trigger: str) -> None:
    assert trigger in {e.trigger for e in code(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Teachers held a sit-in on Monday.", ("Protests", "Peaceful protest")),
        ("Dock workers observed a work stoppage at the port.", ("Protests", "Peaceful protest")),
        (
            "Protesters demanded the release of the detained journalist.",
            ("Protests", "Peaceful protest"),
        ),
        ("Gunmen killed a village chief and his son.", ("Violence against civilians", "Attack")),
        ("Gunmen shot dead a municipal councillor.", ("Violence against civilians", "Attack")),
        ("The victim was found executed near the well.", ("Violence against civilians", "Attack")),
        (
            "Militants vandalised a radio station.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "Soldiers defused an IED on the road.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        ("Rebels overran the town of Kidal.", ("Battles", "Non-state actor overtakes territory")),
        (
            "Two villagers were killed in clashes between herders and farmers.",
            ("Battles", "Armed clash"),
        ),
        (
            "Members of MUJAO amputated the hand of a villager.",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_acled_reading_of_the_main_event(code, text: str, expected: tuple[str, str]) -> None:
    top = top_event(code(text))
    assert top is not None and acled_for_event(top) == expected


def test_signed_deals_are_acled_agreements() -> None:
    sentence = "The government signed a peace deal with the rebels."
    assert to_acled("SUPPORT", None, sentence=sentence) == ("Strategic developments", "Agreement")
    assert to_acled("SUPPORT", None, sentence="The bloc praised the mediators.") == (None, None)


def test_a_demand_by_officials_is_no_protest() -> None:
    sentence = "The minister demanded that protesters leave the square."
    assert to_acled("REQUEST", None, actor_sectors=["GOV"], sentence=sentence) == (None, None)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Gunmen killed a village chief near the well.", "CVL"),
        ("Gunmen killed a municipal councillor near the well.", "GOV"),
        ("Gunmen killed two motorcyclists near the well.", "CVL"),
        ("Gunmen burned a granary near the well.", "CVL"),
        ("Masked men killed a shepherd near the well.", "AGR"),
    ],
)
def test_victims_and_their_property_have_a_sector(code, text: str, sector: str) -> None:
    top = top_event(code(text))
    assert top is not None and [r.sector for r in top.recipient] == [sector]


def test_unnamed_attackers_are_unidentified_armed_actors(code) -> None:
    top = top_event(code("Masked men killed a shepherd near the well."))
    assert top is not None and [a.sector for a in top.actor] == ["UAF"]


def test_a_speech_act_outranks_the_event_its_object_mentions() -> None:
    doc = load_model("en")("The mayor welcomed the release of the journalists on Friday.")
    welcome, release = doc[2], doc[4]
    act = SimpleNamespace(event_type="SUPPORT", confidence=0.6)
    mention = SimpleNamespace(event_type="RETREAT", confidence=0.9)
    pairs = [
        (SimpleNamespace(match=SimpleNamespace(token=t)), e)
        for t, e in ((welcome, act), (release, mention))
    ]
    rank_below_speech_acts(pairs, ["SUPPORT"])
    assert (act.confidence, mention.confidence) == (0.6, 0.57)


@pytest.mark.parametrize(
    "text",
    [
        "The governor offered his condolences over the ambush near Tessit on Sunday, which killed four guards.",
        "A local militia claimed responsibility for the raid on the market in Djibo on 3 June.",
        "The envoy expressed his concern about the escalation of hostilities in the south.",
        "The king sent a condolence message to the president after the bombing.",
    ],
)
def test_a_neutral_statement_does_not_code_the_events_it_mentions(code, text: str) -> None:
    assert code(text) == []


def _event(trigger: str, confidence: float, **fields: Any) -> Event:
    """An assault with this trigger and confidence, built directly (no parse)."""
    return Event(
        doc_id="d",
        event_type="ASSAULT",
        sentence=trigger,
        span=(0, 1),
        trigger=trigger,
        rule="r",
        confidence=confidence,
        **fields,
    )


def test_what_just_happened_outranks_the_background_of_years_before() -> None:
    massacre = _event("massacre", 0.9, historical=True)
    sit_in = _event("sit-in", 0.6)
    rank_below_current([massacre, sit_in])
    assert top_event([massacre, sit_in]) is sit_in


def test_a_report_of_only_past_events_keeps_its_ranking() -> None:
    coup, arrest = _event("coup", 0.9, historical=True), _event("arrest", 0.6, historical=True)
    rank_below_current([coup, arrest])
    assert (coup.confidence, arrest.confidence) == (0.9, 0.6)


# the lead of a report (rank_below_lead), on events built directly


def _dated(trigger: str, confidence: float, day: int, basis: str) -> Event:
    when = date(2020, 5, day)
    return _event(
        trigger,
        confidence,
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
