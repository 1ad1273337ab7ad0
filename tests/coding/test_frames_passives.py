"""Who acted in passives, casualty counts, hedged subjects, "came under attack", weapons
used by someone and reciprocal fighting (sentences written by the team)."""

from __future__ import annotations

from eventlens.record import Event


def by_trigger(events: list[Event], trigger: str) -> Event:
    matching = [e for e in events if e.trigger == trigger]
    assert matching, [(e.trigger, e.rule) for e in events]
    return matching[0]


def texts(actors: list) -> list[str]:
    return [a.text for a in actors if not a.implied]  # stated actors only


def test_a_by_agent_acts_on_the_passive_subject(code) -> None:
    event = by_trigger(
        code("A village chief was attacked by unidentified gunmen near Tenkodogo."), "attacked"
    )
    assert texts(event.actor) == ["unidentified gunmen"]
    assert texts(event.recipient) == ["A village chief"]


def test_an_agentless_passive_keeps_the_victim_as_recipient_only(code) -> None:
    event = by_trigger(
        code("A patrol of Nigerien soldiers was ambushed on the road to Tera."), "ambushed"
    )
    assert texts(event.actor) == []
    assert texts(event.recipient) == ["A patrol of Nigerien soldiers"]


def test_a_participle_under_a_passive_verb_is_passive(code) -> None:
    event = by_trigger(code("The body of a herder was found executed near the well."), "executed")
    assert texts(event.actor) == []
    assert texts(event.recipient) == ["The body of a herder"]


def test_coordinated_passives_share_their_agent(code) -> None:
    events = code("A teacher was attacked and then arrested by soldiers in Kaya.")
    assert texts(by_trigger(events, "attacked").actor) == ["soldiers"]
    assert texts(by_trigger(events, "arrested").actor) == ["soldiers"]


def test_counted_casualties_are_victims_not_actors(code) -> None:
    events = code("Bandits raided the market of Sebba, two killed, several others wounded.")
    killed = by_trigger(events, "killed")
    assert texts(killed.recipient) == ["two"]
    assert texts(killed.actor) != ["two"]
    headline = by_trigger(code("Army sweeps the forest. 4 militants killed."), "killed")
    assert texts(headline.actor) == [] and texts(headline.recipient) == ["4 militants"]


def test_an_active_verb_with_a_counted_subject_and_an_object_stays_active(code) -> None:
    event = by_trigger(code("Three gunmen killed a shopkeeper in Dori."), "killed")
    assert texts(event.actor) == ["Three gunmen"]
    assert texts(event.recipient) == ["a shopkeeper"]


def test_a_hedging_participle_read_as_the_verb_still_gives_the_subject(code) -> None:
    text = "On 4 May, presumed ISGS militants ambushed a gendarmerie patrol near Tera, no casualties reported."
    event = by_trigger(code(text), "ambushed")
    assert any("ISGS" in a for a in texts(event.actor))
    assert "no casualties" not in texts(event.actor)


def test_came_under_attack_from_gives_the_attacker_and_the_target(code) -> None:
    attack = by_trigger(
        code("A Chadian army convoy came under attack from Boko Haram fighters."), "attack"
    )
    assert texts(attack.actor) == ["Boko Haram fighters"]
    assert texts(attack.recipient) == ["A Chadian army convoy"]
    fire = by_trigger(code("The police station came under fire from unknown gunmen."), "fire")
    assert fire.event_type == "ASSAULT"
    assert texts(fire.actor) == ["unknown gunmen"]
    assert texts(fire.recipient) == ["The police station"]


def test_a_weapon_is_no_actor_but_who_used_it_is(code) -> None:
    fired = by_trigger(
        code("Three herders were killed by a rocket fired by the army near Ayorou."), "killed"
    )
    assert texts(fired.actor) == ["the army"]
    stray = by_trigger(code("Two pupils were killed by stray bullets in Djibo."), "killed")
    assert texts(stray.actor) == []


def test_a_nominal_attack_with_a_by_agent(code) -> None:
    event = code("An attack by JNIM on a gendarmerie post in Sirakoro killed four gendarmes.")[0]
    assert texts(event.actor) == ["JNIM"]


def test_casualties_take_the_author_of_the_attack_in_their_clause(code) -> None:
    events = code("Five soldiers were killed and ten wounded when jihadists attacked their camp.")
    assert texts(by_trigger(events, "killed").actor) == ["jihadists"]
    assert texts(by_trigger(events, "wounded").actor) == ["jihadists"]


def test_fighting_between_two_sides_is_reciprocal(code) -> None:
    event = by_trigger(
        code("Fighting between the army and the rebels left twelve dead."), "Fighting"
    )
    assert texts(event.actor) == ["the army"]
    assert texts(event.recipient) == ["the rebels"]


def test_an_active_casualty_verb_keeps_its_subject_as_actor(code) -> None:
    counted = by_trigger(code("The bandits killed at least one and kidnapped two boys."), "killed")
    assert texts(counted.actor) == ["The bandits"]
    shared = by_trigger(code("Gunmen killed and looted in the village of Tin."), "killed")
    assert texts(shared.actor) == ["Gunmen"]


def test_an_opening_phrase_hung_on_a_modifier_stays_out_of_the_actor(code) -> None:
    text = (
        "Early on Friday, presumed JNIM and/or ISGS fighters raided the hamlet of Tin, "
        "wounding two civilians and burning 18 huts."
    )
    actor = texts(by_trigger(code(text), "raided").actor)
    assert actor and "ISGS fighters" in actor[-1]
    assert not any(a.startswith(("Early", "on")) for a in actor)


def test_a_hedging_participle_read_as_a_clause_still_gives_the_object(code) -> None:
    text = "On 4 June, the army reportedly killed 19 presumed ISGS fighters near Inates, and seized motorbikes."
    event = by_trigger(code(text), "killed")
    assert any("ISGS fighters" in r for r in texts(event.recipient))


def test_an_acronym_before_clashes_is_the_actor(code) -> None:
    event = by_trigger(code("MPSA clashes with government forces near Tin."), "clashes")
    assert texts(event.actor) == ["MPSA"]
    assert texts(event.recipient) == ["government forces"]


def test_a_listed_participle_after_a_passive_verb_is_passive(code) -> None:
    event = by_trigger(
        code("The villagers were detained, beaten and released on Monday."), "beaten"
    )
    assert texts(event.recipient) == ["The villagers"]
    assert "The villagers" not in texts(event.actor)
