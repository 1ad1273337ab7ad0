"""Frames of weapons, hedged subjects, misread verbs and two-sided clashes (sentences written
by the team; see docs/coding.md, "Frames")."""

from __future__ import annotations

import pytest

from eventlens.record import Event


def by_trigger(events: list[Event], trigger: str) -> Event:
    matching = [e for e in events if e.trigger == trigger]
    assert matching, [(e.event_type, e.trigger) for e in events]
    return matching[0]


def roles(event: Event) -> tuple[list[str], list[str]]:
    """The stated actors and recipients (not the actors an event only implies)."""
    return [a.text for a in event.actor if not a.implied], [r.text for r in event.recipient]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Gunmen detonated a bomb against a convoy of trucks near Sora.", "detonated", "a convoy"),
        ("The rebels fired rockets against an army camp in the north.", "fired", "an army camp"),
        ("Insurgents fired mortar shells at the airport on Tuesday.", "fired", "the airport"),
        (
            "Militants detonated an explosive device targeting a police patrol.",
            "detonated",
            "a police patrol",
        ),
        (
            "Fighters detonated a landmine that destroyed an army truck.",
            "detonated",
            "an army truck",
        ),
    ],
)
def test_a_weapon_is_the_instrument_and_its_target_the_recipient(
    code, text: str, trigger: str, target: str
) -> None:
    actors, recipients = roles(by_trigger(code(text), trigger))
    assert actors and recipients and recipients[0].startswith(target)


def test_a_weapon_used_on_no_one_named_leaves_the_recipient_empty(code) -> None:
    assert roles(by_trigger(code("The fighters detonated a car bomb."), "detonated"))[1] == []


def test_a_site_named_like_a_weapon_is_still_a_target(code) -> None:
    event = by_trigger(code("Gunmen attacked the gold mine near Sora."), "attacked")
    assert roles(event)[1] == ["the gold mine"]


def test_a_vehicle_hitting_a_mine_suffers_it(code) -> None:
    event = by_trigger(code("A patrol truck struck a landmine on the road to Sora."), "struck")
    assert roles(event)[1] == ["A patrol truck"]


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "recipient"),
    [
        (
            "On 3 March, presumed AQIM militants abducted and executed the imam in Sora.",
            "executed",
            "AQIM militants",
            "the imam",
        ),
        (
            "On 8 May, presumed jihadist militants killed at least nine herders near the well.",
            "killed",
            "presumed jihadist militants",
            "at least nine herders",
        ),
        (
            "On 2 July, presumed bandit militants abducted between 4 and 8 people in Sora.",
            "abducted",
            "presumed bandit militants",
            "4 and 8 people",
        ),
    ],
)
def test_a_hedged_noun_read_as_an_object_is_the_subject(
    code, text: str, trigger: str, actor: str, recipient: str
) -> None:
    actors, recipients = roles(by_trigger(code(text), trigger))
    assert actors == [actor]
    assert recipients[0].startswith(recipient)


def test_a_hedged_counted_noun_without_an_object_stays_the_victim(code) -> None:
    event = by_trigger(code("Two suspected militants killed in the village."), "killed")
    assert roles(event)[1] == ["Two suspected militants"]


def test_hedged_and_plain_sides_of_a_clash_are_both_parties(code) -> None:
    text = "On 4 April, presumed rebel militants and Chadian soldiers clashed near the town."
    assert roles(by_trigger(code(text), "clashed")) == (["rebel militants"], ["Chadian soldiers"])


def test_a_verb_hung_on_a_prepositional_object_belongs_to_the_phrase_owner(code) -> None:
    text = "A group of gunmen aboard motorbikes attacked and looted the weekly market of Sora."
    event = by_trigger(code(text), "attacked")
    assert roles(event)[0] == ["A group of gunmen aboard motorbikes"]


def test_a_by_phrase_after_a_prepositional_object_is_not_the_protester(code) -> None:
    text = "Residents protested against pollution by the mining firm Orex in the region."
    assert roles(by_trigger(code(text), "protested"))[0] == ["Residents"]


def test_a_list_headed_by_an_acronym_is_no_dateline(code) -> None:
    text = "FLN, UDP and the Unity Council suspended their participation in the talks."
    actors = roles(by_trigger(code(text), "suspended"))[0]
    assert actors[:2] == ["FLN", "UDP"]


def test_shot_dead_is_no_part_of_the_victim(code) -> None:
    event = by_trigger(code("Soldiers shot dead two unarmed men at the market."), "shot")
    assert roles(event) == (["Soldiers"], ["two unarmed men"])


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        (
            "Gendarmes and smugglers exchanged gunfire at the border.",
            "gunfire",
            ["Gendarmes", "smugglers"],
        ),
        ("Herders and farmers clashed at the market.", "clashed", ["Herders", "farmers"]),
        (
            "Clashes were reported between protesting traders and police in Sora.",
            "Clashes",
            ["traders", "police"],
        ),
    ],
)
def test_coordinated_parties_of_a_fight_act_on_each_other(
    code, text: str, trigger: str, sides: list[str]
) -> None:
    assert roles(by_trigger(code(text), trigger)) == ([sides[0]], [sides[1]])


def test_alternatives_stay_on_one_side(code) -> None:
    text = "The army or the militia clashed with rebels near Sora."
    assert roles(by_trigger(code(text), "clashed")) == (["The army", "the militia"], ["rebels"])


@pytest.mark.parametrize(
    "text",
    [
        "The mission reported fighting between armed groups near Sora.",
        "Rival youths clashed after the football match.",
    ],
)
def test_one_plural_naming_both_sides_is_actor_and_recipient(code, text: str) -> None:
    event = next(e for e in code(text) if e.event_type == "ASSAULT")
    actors, recipients = roles(event)
    assert actors and actors == recipients


def test_who_used_a_weapon_is_the_actor_of_what_it_did(code) -> None:
    text = "During an exchange of fire, a UN helicopter fired missiles that killed four rebels."
    assert roles(by_trigger(code(text), "killed"))[0] == ["a UN helicopter"]


def test_a_hedged_alternative_after_that_is_the_subject(code) -> None:
    text = "Reported on 2 May, that presumed AQIM or ISWAP militants attacked the village of Sora."
    assert roles(by_trigger(code(text), "attacked"))[0] == ["AQIM", "ISWAP militants"]


def test_a_light_verb_subject_outranks_a_modifier_of_its_noun(code) -> None:
    assert roles(by_trigger(code("AQIM took a Frenchman hostage"), "hostage"))[0] == ["AQIM"]
