"""Scorers compare the top event with gold labels; events are built by hand here."""

from datetime import date

import pytest

from eventlens.evaluation.loaders import GoldItem
from eventlens.evaluation.metrics import NONE_LABEL, Tally
from eventlens.evaluation.scoring import (
    score_acled,
    score_cameo,
    score_plover,
    score_reviews,
    top_event,
)
from eventlens.record import Actor, DateInfo, Event


def event(
    event_type="ASSAULT",
    mode=None,
    actor=(),
    recipient=(),
    confidence=0.5,
    modality="asserted",
    when=None,
    sentence="x",
):
    return Event(
        doc_id="d",
        event_type=event_type,
        sentence=sentence,
        span=(0, 1),
        trigger="t",
        rule=f"verb:{event_type.lower()}",
        mode=mode,
        actor=list(actor),
        recipient=list(recipient),
        confidence=confidence,
        modality=modality,
        date=DateInfo(date=when),
    )


def test_top_event_is_the_most_confident_asserted_one():
    first = event(confidence=0.6)
    events = [
        event(confidence=0.9, modality="negated"),
        first,
        event(confidence=0.6),
        event(confidence=0.3),
    ]
    assert top_event(events) is first
    assert top_event([event(modality="hypothetical")]) is None


def acled_item(**labels):
    base = {
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Chad)",
        "actor2": "Civilians (Chad)",
        "event_date": date(2021, 3, 3),
        "time_precision": 1,
    }
    return GoldItem(
        id="a",
        text="On 3 March 2021, gunmen killed villagers.",
        pub_date=date(2021, 3, 3),
        labels={**base, **labels},
    )


def test_acled_right_event():
    tally = Tally()
    top = event(
        actor=[Actor(text="gunmen", sector="UAF")],
        recipient=[Actor(text="villagers", sector="CVL")],
        when=date(2021, 3, 3),
    )
    score_acled(acled_item(), top, [top], tally)
    summary = tally.summary()
    assert summary["classification"]["event_type"]["accuracy"] == 1.0
    assert summary["classification"]["sub_event_type"]["accuracy"] == 1.0
    assert summary["matches"]["actor1"]["accuracy"] == 1.0
    assert summary["matches"]["actor1_strict"]["accuracy"] == 0.0  # country not stated
    assert summary["matches"]["actor2"]["accuracy"] == 1.0
    assert summary["matches"]["date_exact"]["accuracy"] == 1.0
    assert summary["matches"]["date_exact_stated"]["n"] == 1
    assert summary["matches"]["date_exact_coded"]["accuracy"] == 1.0


def test_acled_date_without_event_counts_against_date_exact_only():
    tally = Tally()
    score_acled(acled_item(), None, [], tally)
    assert tally.matches["date_exact"] == [False]
    assert "date_exact_coded" not in tally.matches


def test_acled_no_event_and_no_actor2():
    tally = Tally()
    score_acled(acled_item(actor2="", time_precision=2), None, [], tally)
    assert tally.classes["event_type"] == [("Violence against civilians", NONE_LABEL)]
    assert "actor2" not in tally.matches and "date_exact" not in tally.matches
    assert tally.matches["actor1"] == [False]


@pytest.mark.parametrize(
    ("acled_type", "sub_event", "crowd", "published"),
    [
        # the crosswalk reads police dispersing students as a protest with intervention
        ("Protests", "Protest with intervention", "Protesters (Chad)", False),
        # the coder published a riot for the event (its episode had stones thrown)
        ("Riots", "Violent demonstration", "Rioters (Chad)", True),
    ],
)
def test_acled_crowd_is_actor1_when_police_act_on_it(acled_type, sub_event, crowd, published):
    police = Actor(text="police", sector="COP")
    students = Actor(text="students", sector="EDU")
    item = acled_item(
        event_type=acled_type,
        sub_event_type=sub_event,
        actor1=crowd,
        actor2="Police Forces of Chad (2021-)",
    )
    top = event(mode="crowd-control", actor=[police], recipient=[students])
    if published:
        top.acled_event_type, top.acled_sub_event_type = acled_type, sub_event
    tally = Tally()
    score_acled(item, top, [top], tally)
    assert tally.classes["event_type"] == [(acled_type, acled_type)]
    assert tally.matches["actor1"] == [True]
    assert tally.matches["actor2"] == [True]


def test_acled_sides_stay_when_the_event_is_not_a_protest():
    tally = Tally()
    top = event(
        actor=[Actor(text="soldiers", sector="MIL")],
        recipient=[Actor(text="gunmen", sector="UAF")],
    )
    score_acled(acled_item(actor1="Unidentified Armed Group (Chad)"), top, [top], tally)
    assert tally.matches["actor1"] == [False]


def cameo_item(penta, source=(), target=(), reciprocal=()):
    return GoldItem(
        id="c",
        text="x",
        pub_date=None,
        labels={
            "pentaclass": penta,
            "source": list(source),
            "target": list(target),
            "reciprocal": list(reciprocal),
        },
    )


def test_cameo_pentaclass_and_spans():
    tally = Tally()
    top = event("ASSAULT", actor=[Actor(text="the rebels")], recipient=[Actor(text="a convoy")])
    score_cameo(cameo_item(4, ["Rebels"], ["an army convoy"]), top, [top], tally)
    score_cameo(cameo_item(0, ["The minister"]), None, [], tally)
    score_cameo(
        cameo_item(None, reciprocal=["Chad and Niger"]),
        event("CONSULT", actor=[Actor(text="Chad")], recipient=[Actor(text="Niger")]),
        [],
        tally,
    )
    assert tally.classes["pentacode"] == [("4 material conflict",) * 2, ("0 statement",) * 2]
    assert tally.spans["source"] == [1, 2, 3]  # "rebels" found; "the" extra; "the minister" missed
    assert tally.spans["target"] == [1, 2, 3]  # only "convoy" is shared
    assert tally.spans["reciprocal"] == [2, 2, 3]
    assert tally.spans["source_target"] == [4, 6, 9]


def test_plover_country_and_sector():
    item = GoldItem(
        id="p",
        text="x",
        pub_date=None,
        labels={"event_type": "ASSAULT", "source": [("MLI", "MIL")], "target": []},
    )
    tally = Tally()
    score_plover(
        item,
        event(actor=[Actor(text="Malian soldiers", code="MLI", country="MLI", sector="MIL")]),
        [],
        tally,
    )
    score_plover(
        item,
        event("PROTEST", actor=[Actor(text="Malian police", code="MLI", sector="COP")]),
        [],
        tally,
    )
    assert tally.matches["source"] == [True, False]
    assert tally.matches["source_country"] == [True, True]
    assert "target" not in tally.matches
    assert tally.classes["event_type"] == [("ASSAULT", "ASSAULT"), ("ASSAULT", "PROTEST")]


def test_plover_old_igo_code_matches_todays_un_and_eu_codes():
    item = GoldItem(
        id="p",
        text="x",
        pub_date=None,
        labels={"event_type": "REQUEST", "source": [("IGO", None)], "target": []},
    )
    tally = Tally()
    for actor in (
        Actor(text="the UN", code="UNO"),
        Actor(text="the EU", code="EUR"),
        Actor(text="France", code="FRA", country="FRA"),
    ):
        score_plover(item, event("REQUEST", actor=[actor]), [], tally)
    assert tally.matches["source"] == [True, True, False]


def test_reviews_rejected_events_must_not_return():
    wrong = GoldItem(
        id="r", text="x", pub_date=None, labels={"verdict": "wrong", "event_type": "ASSAULT"}
    )
    tally = Tally()
    score_reviews(wrong, None, [event("ASSAULT")], tally)
    score_reviews(wrong, None, [event("ASSAULT", modality="negated")], tally)
    assert tally.matches["rejected_not_repeated"] == [False, True]
    assert "event_type" not in tally.classes


def test_reviews_correct_event():
    item = GoldItem(
        id="r",
        text="x",
        pub_date=None,
        labels={
            "verdict": "correct",
            "event_type": "COERCE",
            "mode": "arrest",
            "actor": [("NER", "COP")],
            "recipient": [],
            "date": date(2021, 6, 11),
        },
    )
    tally = Tally()
    top = event(
        "COERCE",
        "arrest",
        actor=[Actor(text="police", country="NER", sector="COP")],
        when=date(2021, 6, 11),
    )
    score_reviews(item, top, [top], tally)
    assert tally.classes["mode"] == [("arrest", "arrest")]
    assert tally.matches == {"actor": [True], "date_exact": [True]}
