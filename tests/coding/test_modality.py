"""Whether the text asserts, negates, supposes or announces each event."""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.coding.crosswalk import to_cameo

MODALITY = [
    ("The rebels attacked the town on Monday.", "attacked", "asserted"),
    ("It was also reported that soldiers arrested two journalists.", "arrested", "asserted"),
    ("Officials said the army had shelled the camp.", "shelled", "asserted"),
    ("The army did not attack the town.", "attack", "negated"),
    ("The junta refused to release the prisoners.", "release", "negated"),
    ("Residents said the rebels had not withdrawn from the town.", "withdrawn", "negated"),
    ("No attack took place on Friday.", "attack", "negated"),
    ("If the talks fail, the rebels could attack the town.", "attack", "hypothetical"),
    ("The army might withdraw from the town.", "withdraw", "hypothetical"),
    ("The bloc should impose sanctions on the junta.", "impose", "hypothetical"),
    ("Would the junta release the prisoners?", "release", "hypothetical"),
    ("It is unlikely that the soldiers will withdraw from the region.", "withdraw", "hypothetical"),
    (
        "Had the talks failed, the rebels would have attacked the capital.",
        "attacked",
        "hypothetical",
    ),
    (
        "Withdrawing the troops now would have amounted to a betrayal.",
        "Withdrawing",
        "hypothetical",
    ),
    ("The soldiers risk being ambushed on the road to Gao.", "ambushed", "hypothetical"),
    ("It is doubtful that the junta arrested the minister.", "arrested", "hypothetical"),
    ("If you want to protest, you should march peacefully.", "march", "hypothetical"),
    ("The army is expected to launch an offensive against the rebels.", "offensive", "future"),
    ("Police are due to arrest the organisers on Monday.", "arrest", "future"),
    ("Troops are expected to deploy to the border in the coming months.", "deploy", "future"),
    # an attempted attack or abduction happened; the attempt itself is read
    ("Gunmen attempted to assassinate a local councillor in Kayes.", "assassinate", "asserted"),
    ("Two men tried to kidnap a teacher outside the school.", "kidnap", "asserted"),
    ("The bandits might try to raid the cattle market.", "raid", "hypothetical"),
    ("The militia did not try to seize the depot.", "seize", "negated"),
    ("The envoy tried to mediate between the herders and the farmers.", "mediate", "hypothetical"),
]


@pytest.mark.parametrize(("text", "trigger", "modality"), MODALITY)
def test_modality(code, text: str, trigger: str, modality: str) -> None:
    found = {e.trigger: e.modality for e in code(text)}
    assert found.get(trigger) == modality, found


def test_a_promised_meeting_is_an_asserted_agreement(code) -> None:
    [event] = code("The two presidents will meet in Abuja next month.")
    assert (event.event_type, event.modality) == ("AGREE", "asserted")
    assert event.rule.endswith(">AGREE")


def test_an_announced_withdrawal_is_an_asserted_agreement(code) -> None:
    [event] = code("The army plans to withdraw its troops from the border next year.")
    assert (event.event_type, event.modality) == ("AGREE", "asserted")  # CAMEO 035x


def test_a_decided_release_is_the_concession_itself(code) -> None:
    events = code("The junta decided to release the detained journalists.")
    assert [(e.event_type, e.modality) for e in events] == [("CONCEDE", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "The army will launch an offensive against the rebels.",
        "The government plans to impose sanctions on the junta.",
        "Farmers said they would blockade the capital from Monday.",
    ],
)
def test_announced_conflictual_action_is_an_asserted_threat(code, text: str) -> None:
    events = [e for e in code(text) if e.modality == "asserted"]
    assert [e.event_type for e in events] == ["THREATEN"], events
    assert events[0].rule.endswith(">THREATEN")


def test_a_decision_to_ease_restrictions_is_an_asserted_concession(code) -> None:
    [event] = code("The council decided to ease restrictions on political parties.")
    assert (event.event_type, event.modality) == ("CONCEDE", "asserted")


def test_a_coordinated_clause_with_its_own_subject_keeps_its_own_modality(code) -> None:
    found = {
        e.trigger: e.modality
        for e in code("Police did not ban the march, but they cut the internet.")
    }
    assert found == {"ban": "negated", "cut": "asserted"}


def test_the_content_of_an_accusation_is_not_asserted(code) -> None:
    found = {
        e.event_type: e.modality
        for e in code("Rights groups accused the army of torturing detainees.")
    }
    assert found == {"ACCUSE": "asserted", "ASSAULT": "hypothetical"}


def test_speculation_paragraph_yields_no_asserted_event(code) -> None:
    text = (
        "If the junta ignores the ultimatum, the bloc could impose a trade embargo. "
        "The soldiers might then close the border, and it is unlikely that they will release "
        "the president. Had the mediators failed, the rebels would have attacked the capital. "
        "Should the army withdraw from the north?"
    )
    events = code(text)
    assert events and all(e.modality != "asserted" for e in events), [
        (e.trigger, e.modality) for e in events
    ]


def test_a_past_tense_event_is_not_made_future_by_its_date(code) -> None:
    text = "Soldiers arrested the minister on Monday. The bloc imposed sanctions a week later."
    events = code(text, pub_date=date(2024, 5, 22))
    assert [e.modality for e in events] == ["asserted", "asserted"]


def test_a_past_participle_modifier_keeps_its_own_time(code) -> None:
    found = {
        e.trigger: e.modality
        for e in code("The rebels will hand back the trucks seized last year.")
    }
    assert found.get("seized") == "asserted", found


def test_what_a_document_aims_at_is_not_an_intention_of_its_actor(code) -> None:
    found = {
        e.event_type: e.modality
        for e in code("Hungary backed a resolution that aims to tighten sanctions on the regime.")
    }
    assert found.get("SANCTION") == "hypothetical", found


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The kidnappers will not free the aid workers, their spokesman said.", "yield"),
        ("The two rival parties failed to reach a deal on the budget.", None),
        ("The minister says he will not hold talks with the strikers.", "meet"),
    ],
)
def test_refused_cooperation_is_an_asserted_rejection(code, text: str, mode: str | None) -> None:
    events = [e for e in code(text) if e.modality == "asserted"]
    assert [(e.event_type, e.mode) for e in events] == [("REJECT", mode)], events
    assert events[0].rule.endswith(">REJECT")


def test_a_cooperation_that_did_not_happen_is_no_rejection(code) -> None:
    [event] = code("Witnesses said the troops had not left the camp by Sunday.")
    assert (event.event_type, event.modality) == ("RETREAT", "negated")


def test_saying_another_party_must_act_is_a_demand(code) -> None:
    events = code("The opposition leader said the army must return to its barracks.")
    top = max(events, key=lambda e: e.confidence)
    assert (top.event_type, top.modality, top.rule) == ("REQUEST", "asserted", "verb:say+must")
    assert [e.event_type for e in code("Officials said the talks must not fail.")] == []


def test_an_act_announced_unless_the_other_side_yields_is_a_threat(code) -> None:
    events = code("The party will boycott the vote unless the president resigns.")
    asserted = [e for e in events if e.modality == "asserted"]
    assert [(e.event_type, e.rule.endswith(">THREATEN")) for e in asserted] == [("THREATEN", True)]


def test_a_demand_outranks_the_act_its_clause_mentions(code) -> None:
    events = code("The union reiterated its demand that the company lift the ban on strikes.")
    top = max(events, key=lambda e: e.confidence)
    assert top.event_type == "REQUEST"


def test_negated_release_inside_a_condition_is_no_refusal(code) -> None:
    events = code("Rebels could attack the capital next week if the hostages are not freed.")
    assert not [e for e in events if e.event_type == "REJECT"]
    assert all(e.modality != "asserted" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The police have been pressuring the drivers to end their strike.",
        "The minister told parliament that the rebels must lay down their arms.",
        "The group insisted on its demands for a new constitution.",
    ],
)
def test_pressure_and_insistence_are_demands(code, text: str) -> None:
    top = max((e for e in code(text) if e.modality == "asserted"), key=lambda e: e.confidence)
    assert top.event_type == "REQUEST"
    assert to_cameo(top.event_type, top.mode, top.rule).pentaclass == 3  # CAMEO 10
