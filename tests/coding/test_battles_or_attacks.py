"""Battles or violence against civilians: ACLED asks whether the side attacked is armed and
organised (soldiers, police, militias, self-defence groups) or unarmed; a remote weapon
inside a firefight is a clash. Sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.coding.crosswalk import acled_for_event, to_acled
from eventlens.record import Actor, Event

CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")


def _assault(sentence: str, mode=None, actors=("REB",), recipients=("CVL",), episode=""):
    return to_acled(
        "ASSAULT",
        mode,
        actor_sectors=actors,
        recipient_sectors=recipients,
        sentence=sentence,
        episode=episode or sentence,
    )


@pytest.mark.parametrize(
    ("mode", "recipients", "expected"),
    [
        ("targeted", ("UAF",), CLASH),  # a self-defence militiaman assassinated
        ("targeted", ("REB",), CLASH),  # a rival group's fighter executed
        ("targeted", ("CVL",), ATTACK),
        ("abduct", ("UAF",), CLASH),  # volunteer fighters abducted
        ("abduct", ("MIL",), CLASH),  # soldiers captured
        ("abduct", ("CVL",), ("Violence against civilians", "Abduction/forced disappearance")),
    ],
)
def test_a_killing_or_capture_of_armed_men_is_a_clash(mode, recipients, expected):
    sentence = "Militants struck two men near the well of Tanta."
    assert _assault(sentence, mode, recipients=recipients) == expected


def test_off_duty_or_retired_members_are_civilians():
    sentence = "Gunmen assassinated a retired militiaman at his home in Kelo."
    assert _assault(sentence, "targeted", recipients=("UAF",)) == ATTACK
    sentence = "Gunmen abducted an off-duty soldier on the road to Sona."
    assert _assault(sentence, "abduct", recipients=("MIL",))[0] == "Violence against civilians"


def test_soldiers_executing_captives_is_violence_against_civilians():
    sentence = "Soldiers executed two suspected militants they had captured."
    assert _assault(sentence, "targeted", actors=("MIL",), recipients=("REB",)) == ATTACK
    tortured = "Troops tortured three rebel prisoners at the camp."
    assert _assault(tortured, "torture", actors=("MIL",), recipients=("REB",)) == ATTACK
    unarmed = "Troops shot dead an unarmed man they took for a rebel."
    assert _assault(unarmed, "firearms", actors=("MIL",), recipients=("REB",)) == ATTACK


def test_armed_victims_named_beside_the_village_make_a_clash():
    sentence = "Insurgents attacked the village of Dara, killing four policemen and a farmer."
    assert _assault(sentence) == CLASH
    civilians = "Insurgents attacked the village of Dara, killing four farmers."
    assert _assault(civilians) == ATTACK


def test_collaborators_killed_by_insurgents_are_civilians():
    sentence = "Insurgents killed three villagers accused of informing the soldiers."
    assert _assault(sentence) == ATTACK


def test_a_remote_weapon_within_a_firefight_is_a_clash():
    rocket = "Militants fired rockets at the army post of Kiro."
    assert _assault(rocket, "heavy-weapons", recipients=("MIL",))[0] == (
        "Explosions/Remote violence"
    )
    fight = f"{rocket} The soldiers fought back for an hour."
    assert _assault(rocket, "heavy-weapons", recipients=("MIL",), episode=fight) == CLASH
    mine = "A patrol hit a landmine near Bora, then exchanged fire with the attackers."
    assert _assault(mine, recipients=("MIL",)) == CLASH


def _event(sentence: str, mode: str, **actors: list[Actor]) -> Event:
    return Event("d", "ASSAULT", sentence, (0, len(sentence)), "x", "test", mode=mode, **actors)


def test_an_actor_is_not_the_armed_side_it_attacks():
    """An episode's armed recipient stands in for a civilian one, but never the event's own
    actor (a misread neighbour naming the militia as its victim)."""
    militia = Actor(text="the militia", name="Kora militia", sector="UAF")
    man = Actor(text="a herder", sector="CVL")
    sentence = "The militia abducted and executed a herder."
    event = _event(sentence, "targeted", actor=[militia], recipient=[man])
    misread = Actor(text="militia", name="Kora militia", sector="UAF")
    neighbour = _event(sentence, "abduct", actor=[], recipient=[misread])
    assert acled_for_event(event, event.sentence, [neighbour]) == ATTACK
    guard = Actor(text="a guard", name="village guard", sector="UAF")
    neighbour.recipient = [guard]
    assert acled_for_event(event, event.sentence, [neighbour]) == CLASH


def test_the_coder_reads_armed_victims(code):
    events = code("Rebels ambushed and killed two soldiers near Tessit on Monday.")
    assert any(e.acled_event_type == "Battles" for e in events)
    events = code("Rebels shot dead two herders near Tessit on Monday.")
    assert any(e.acled_event_type == "Violence against civilians" for e in events)


def test_armed_men_beating_or_killing_a_thief_attack_a_civilian():
    beaten = "Militiamen beat a man to death at the market of Kira."
    assert _assault(beaten, "beat", actors=("UAF",), recipients=("CRM",)) == ATTACK
    thief = "Gunmen killed a suspected cattle thief near Kira."
    assert _assault(thief, actors=("UAF",), recipients=("CRM",)) == ATTACK
    traffickers = "Rebels fought with drug traffickers near Kira."
    assert _assault(traffickers, actors=("REB",), recipients=("CRM",)) == CLASH


def test_communal_transport_is_no_communal_conflict():
    bus = "Militants opened fire on a communal transport bus near Kira."
    assert _assault(bus, "firearms") == ATTACK
    feud = "Two people died in a communal conflict between herders and farmers near Kira."
    assert _assault(feud, actors=("CVL",), recipients=("CVL",)) == CLASH
