"""Actor and recipient from the dependency parse; nominal triggers and back-references."""

from __future__ import annotations

import pytest

from eventlens.record import Event


def roles(event: Event) -> tuple[list[str], list[str]]:
    """The stated actors and recipients (not the actors an event only implies)."""
    return [a.text for a in event.actor if not a.implied], [r.text for r in event.recipient]


def only(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.event_type, e.trigger) for e in events]
    return events[0]


def test_active_voice(code) -> None:
    event = only(code("Malian soldiers arrested three journalists in Gao."))
    assert roles(event) == (["Malian soldiers"], ["three journalists"])


def test_passive_voice_swaps_subject_and_agent(code) -> None:
    event = only(code("Three journalists were arrested by Malian soldiers in Gao."))
    assert roles(event) == (["Malian soldiers"], ["Three journalists"])


def test_coordinated_recipients_are_each_listed(code) -> None:
    event = only(
        code("The junta arrested the president, the prime minister and the defence minister.")
    )
    assert roles(event)[1] == ["the president", "the prime minister", "the defence minister"]


def test_coordinated_actors_are_each_listed(code) -> None:
    event = only(code("Niger and Burkina Faso signed a defence pact."))
    assert roles(event)[0] == ["Niger", "Burkina Faso"]


def test_an_apposition_stays_with_its_noun(code) -> None:
    event = only(code("The defence minister, General Sidi Toure, visited the troops in Timbuktu."))
    assert roles(event)[0] == ["The defence minister, General Sidi Toure"]


def test_prepositional_recipients(code) -> None:
    assert roles(only(code("Rebels opened fire on a police patrol.")))[1] == ["a police patrol"]
    assert roles(only(code("The bloc imposed sanctions on the junta.")))[1] == ["the junta"]
    clash = only(code("Herders clashed with farmers near Mopti."))
    assert roles(clash) == (["Herders"], ["farmers"])
    visit = only(code("The envoy travelled to Bamako on Monday."))
    assert roles(visit)[1] == ["Bamako"]


def test_a_purpose_clause_belongs_to_the_main_event_and_inherits_its_actor(code) -> None:
    event = only(code("The foreign minister travelled to Moscow to discuss fuel deliveries."))
    assert (event.event_type, event.mode) == ("CONSULT", "visit")
    assert roles(event) == (["The foreign minister"], ["Moscow"])


def test_a_relative_clause_takes_its_noun_as_subject(code) -> None:
    meeting = only(code("Diplomats who met the rebel commanders were hopeful."))
    assert roles(meeting) == (["Diplomats"], ["the rebel commanders"])


def test_an_infinitive_after_an_object_takes_the_object_as_subject(code) -> None:
    events = code("The opposition urged the junta to release political prisoners.")
    release = next(e for e in events if e.event_type == "RETREAT")
    assert roles(release) == (["the junta"], ["political prisoners"])


def test_light_verbs_carry_the_event_noun(code) -> None:
    agree = only(code("ECOWAS reached an agreement with the transitional authorities."))
    assert (agree.event_type, *roles(agree)) == (
        "AGREE",
        ["ECOWAS"],
        ["the transitional authorities"],
    )
    offensive = only(code("The army launched an offensive against the separatists."))
    assert (offensive.event_type, *roles(offensive)) == (
        "ASSAULT",
        ["The army"],
        ["the separatists"],
    )
    talks = only(code("The president held talks with the rebel leaders in Algiers."))
    assert (talks.event_type, *roles(talks)) == (
        "CONSULT",
        ["The president"],
        ["the rebel leaders"],
    )


def test_nominal_triggers_take_roles_from_modifiers_and_complements(code) -> None:
    invasion = only(code("The Russian invasion of Ukraine began in February 2022."))
    assert (invasion.event_type, *roles(invasion)) == ("ASSAULT", ["Russian"], ["Ukraine"])
    coup = only(code("The August 2023 military coup took place at dawn."))
    assert (coup.event_type, coup.mode, roles(coup)[0]) == ("COERCE", "seize", ["military"])
    attack = only(code("Al-Shabaab claimed the attack on the hotel in Mogadishu."))
    assert roles(attack) == (["Al-Shabaab"], ["the hotel in Mogadishu"])


def test_a_bare_back_reference_to_an_event_is_not_coded(code) -> None:
    assert code("The invasion of Ukraine is a turning point for the region.") == []
    assert code("That was the justification for two coups.") == []
    rally = only(code("Massive rallies took place in Niamey on Sunday."))
    assert rally.event_type == "PROTEST"


def test_reported_speech_keeps_the_reported_actor(code) -> None:
    event = only(code("Officials said the militants attacked a checkpoint."))
    assert roles(event) == (["the militants"], ["a checkpoint"])
    repelled = only(code("The army said it had repelled an attack on a base."))
    assert roles(repelled)[0] == ["The army"]


def test_a_dateline_is_not_an_actor(code) -> None:
    event = only(code("GAO, 3 May 2024 - Soldiers arrested two traders at a checkpoint."))
    assert roles(event) == (["Soldiers"], ["two traders"])


def test_an_explosive_device_is_the_instrument_not_the_actor(code) -> None:
    event = only(code("A roadside bomb exploded under a bus, killing six passengers."))
    assert (event.mode, *roles(event)) == ("explosives", [], ["six passengers"])


def test_coordinated_verbs_share_a_recipient_only_one_states(code) -> None:
    events = code("The bloc imposed economic sanctions and closed its borders with Niger.")
    assert [(e.event_type, roles(e)[1]) for e in events] == [
        ("SANCTION", ["Niger"]),
        ("SANCTION", ["Niger"]),
    ]


def test_a_complement_gives_the_recipient_the_trigger_lacks(code) -> None:
    refusal = next(
        e
        for e in code("The council refused to lift sanctions on Guinea.")
        if e.event_type == "REJECT"
    )
    assert roles(refusal)[1] == ["Guinea"]
    threat = next(
        e
        for e in code("The rebels threatened to shell the garrison town.")
        if e.event_type == "THREATEN"
    )
    assert roles(threat)[1] == ["the garrison town"]


def test_the_recipient_may_hang_on_the_theme_of_an_event_noun(code) -> None:
    event = only(code("The donors announced a suspension of aid to Malawi."))
    assert roles(event) == (["The donors"], ["Malawi"])


def test_mediation_between_two_parties_names_both(code) -> None:
    event = only(code("Kuwait launched a mediation effort between Qatar and Bahrain."))
    assert (event.event_type, roles(event)) == ("CONSULT", (["Kuwait"], ["Qatar", "Bahrain"]))


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Clashes between herders and a militia near Djenné left six people dead.",
            ["herders", "a militia"],
        ),
        (
            "Heavy fighting broke out between the army and the rebels on Friday.",
            ["the army", "the rebels"],
        ),
    ],
)
def test_both_sides_of_a_clash_between_are_its_parties(code, text: str, sides: list[str]) -> None:
    [event] = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert [a.text for a in (*event.actor, *event.recipient)] == sides
    assert event.modality == "asserted"


def test_a_warning_of_future_action_threatens_whom_the_action_targets(code) -> None:
    events = code("The general warned that the army would strike against the rebels.")
    event = next(e for e in events if e.event_type == "THREATEN")
    assert (event.event_type, roles(event)) == ("THREATEN", (["The general"], ["the rebels"]))


def test_a_descriptive_apposition_is_left_out_of_a_name(code) -> None:
    event = only(code("Police arrested Ahmed Diallo, a local trader, in Bamako."))
    assert roles(event)[1] == ["Ahmed Diallo"]


def test_the_recipient_may_hang_on_a_prepositional_theme(code) -> None:
    event = next(e for e in code("The minister called for sanctions against Eritrea."))
    assert roles(event)[1] == ["Eritrea"]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The army imposed a curfew in the northern districts.", "the northern districts"),
        ("The junta lifted the state of emergency in Kidal.", "Kidal"),
    ],
)
def test_territorial_measures_apply_to_the_place_named(code, text: str, recipient: str) -> None:
    assert roles(only(code(text)))[1] == [recipient]


def test_a_host_is_the_actor_of_the_visit_it_receives(code) -> None:
    event = only(code("The Senegalese president received the Gambian foreign minister in Dakar."))
    assert (event.event_type, roles(event)[0]) == ("CONSULT", ["The Senegalese president"])


def test_target_keeps_the_place_it_is_in(code) -> None:
    event = only(code("Rebel fighters shelled a police station in Kidal on Monday."))
    assert roles(event)[1] == ["a police station in Kidal"]


def test_target_keeps_whose_it_is(code) -> None:
    event = only(code("The cabinet rejected a request from the African Union."))
    assert roles(event)[1] == ["a request from the African Union"]


def test_a_named_target_does_not_take_where_they_are(code) -> None:
    event = only(code("The rebels kidnapped Amadou Traore in Timbuktu."))
    assert roles(event)[1] == ["Amadou Traore"]


def test_target_keeps_a_participle_naming_its_author(code) -> None:
    event = only(code("The parliament rejected the budget drafted by the World Bank."))
    assert roles(event)[1] == ["the budget drafted by the World Bank"]
