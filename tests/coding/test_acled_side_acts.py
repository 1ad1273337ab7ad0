"""ACLED types of side acts, harm and armed actors read with the episode; sentences written
by the team."""

from __future__ import annotations

from eventlens.coding.crosswalk import acled_for_event, parse_acled_rule, to_acled
from eventlens.record import Actor, Event

HARM_FREE = "Gunmen seized three motorbikes at the market."


def _event(event_type: str, mode: str | None, actor: str, recipient: str | None, **extra) -> Event:
    return Event(
        doc_id="d",
        event_type=event_type,
        mode=mode,
        sentence=extra.pop("sentence", HARM_FREE),
        span=(0, 10),
        trigger=extra.pop("trigger", "seized"),
        rule="test",
        actor=[Actor(text="them", sector=actor)],
        recipient=[Actor(text="it", sector=recipient)] if recipient else [],
        **extra,
    )


def test_looting_alone_is_looting():
    seize = _event("COERCE", "seize", "UAF", "BUS")
    pair = acled_for_event(seize, HARM_FREE, [])
    assert pair == ("Strategic developments", "Looting/property destruction")


def test_a_side_act_takes_the_violence_of_its_episode():
    seize = _event("COERCE", "seize", "REB", "BUS", confidence=0.9)
    attack = _event("ASSAULT", None, "REB", "COP", trigger="attacked", confidence=0.7)
    episode = "Militants attacked a police post. They seized three motorbikes."
    assert acled_for_event(seize, episode, [attack]) == ("Battles", "Armed clash")


def test_a_side_act_ignores_violence_that_did_not_happen():
    seize = _event("COERCE", "seize", "REB", "BUS")
    attack = _event("ASSAULT", None, "REB", "COP", trigger="attack", modality="hypothetical")
    assert acled_for_event(seize, HARM_FREE, [attack])[1] == "Looting/property destruction"


def test_protesters_arrested_make_a_protest_with_intervention():
    arrest = _event("COERCE", "arrest", "COP", "CVL", trigger="arrested")
    march = _event("PROTEST", "demo", "CVL", None, trigger="marched")
    episode = "Traders marched to the town hall. Police arrested four of them."
    assert acled_for_event(arrest, episode, []) == ("Strategic developments", "Arrests")
    pair = acled_for_event(arrest, episode, [march])
    assert pair == ("Protests", "Protest with intervention")


def test_an_abduction_that_ended_in_a_killing_is_an_attack():
    sentence = "Gunmen abducted a teacher near the school."
    freed = f"{sentence} He was freed two days later."
    killed = f"{sentence} His body was found the next morning."
    assert to_acled("ASSAULT", "abduct", sentence=sentence, episode=freed)[1] == (
        "Abduction/forced disappearance"
    )
    assert to_acled("ASSAULT", "abduct", sentence=sentence, episode=killed) == (
        "Violence against civilians",
        "Attack",
    )


def test_a_targeted_killing_of_a_militiaman_is_a_clash_unless_he_was_retired():
    sentence = "Militants assassinated a militia chief at his home."
    args = {"actor_sectors": ["REB"], "recipient_sectors": ["UAF"], "sentence": sentence}
    assert to_acled("ASSAULT", "targeted", **args) == ("Battles", "Armed clash")
    retired = "Militants assassinated a retired militia chief at his home."
    args["sentence"] = retired
    assert to_acled("ASSAULT", "targeted", episode=retired, **args)[0] == (
        "Violence against civilians"
    )


def test_armed_actors_lead_the_crowds_beside_them():
    crowd = to_acled("ASSAULT", None, actor_sectors=["AGR"], recipient_sectors=["CVL"])
    assert crowd == ("Riots", "Mob violence")
    mixed = to_acled("ASSAULT", None, actor_sectors=["AGR", "UAF"], recipient_sectors=["CVL"])
    assert mixed == ("Violence against civilians", "Attack")


def test_looting_with_killings_or_fighting_is_not_mere_looting():
    sentence = "Gunmen looted shops in the village."
    args = {"actor_sectors": ["UAF"], "sentence": sentence}
    killed = f"{sentence} Two traders were killed."
    fought = f"{sentence} Soldiers intervened and exchanged fire with them."
    assert to_acled("COERCE", "seize", episode=killed, **args) == (
        "Violence against civilians",
        "Attack",
    )
    assert to_acled("COERCE", "seize", episode=fought, **args) == ("Battles", "Armed clash")


def test_destruction_with_killings_is_no_property_destruction():
    sentence = "Militants burned houses in the village."
    args = {"actor_sectors": ["REB"], "recipient_sectors": ["CVL"], "sentence": sentence}
    quiet = to_acled("ASSAULT", "destroy", episode=sentence, **args)
    assert quiet[1] == "Looting/property destruction"
    bloody = to_acled("ASSAULT", "destroy", episode=f"{sentence} Three people died.", **args)
    assert bloody == ("Violence against civilians", "Attack")


def test_beatings_and_torture_without_a_named_victim_are_attacks():
    for mode in ("beat", "torture"):
        assert to_acled("ASSAULT", mode, actor_sectors=["REB"]) == (
            "Violence against civilians",
            "Attack",
        )


def test_sector_cells_mix_groups_with_unknown_and_missing_actors():
    row = {
        "plover_type": "REQUEST",
        "plover_mode": "*",
        "actor": "UNARMED|?|-",
        "acled_event_type": "Protests",
        "acled_sub_event_type": "Peaceful protest",
    }
    rule = parse_acled_rule(row, "x.tsv row 1")
    assert rule.actor is not None and {"CVL", "?", "-"} <= rule.actor
    episode = "Hundreds marched through the capital on Friday."
    sentence = "They demanded lower fuel prices."
    assert to_acled("REQUEST", None, sentence=sentence, episode=episode)[0] == "Protests"
    soldiers = to_acled("REQUEST", None, actor_sectors=["MIL"], sentence=sentence, episode=episode)
    assert soldiers == (None, None)


def test_territory_taken_without_fighting_is_a_non_violent_transfer():
    sentence = "Rebels took the town of Kera after the army left."
    args = {"context": ["territory"], "actor_sectors": ["REB"], "sentence": sentence}
    quiet = to_acled("COERCE", "seize", episode=sentence, **args)
    assert quiet == ("Strategic developments", "Non-violent transfer of territory")
    fought = f"{sentence} Two soldiers were killed in the fighting."
    assert to_acled("COERCE", "seize", episode=fought, **args) == (
        "Battles",
        "Non-state actor overtakes territory",
    )


def test_civilians_occupying_a_site_protest():
    occupied = to_acled(
        "COERCE", "seize", context=["territory"], actor_sectors=["LAB"], sentence="x"
    )
    assert occupied == ("Protests", "Peaceful protest")


def test_a_crowd_destroying_property_is_a_violent_demonstration():
    pair = to_acled("ASSAULT", "destroy", actor_sectors=["CVL"], recipient_sectors=["GOV"])
    assert pair == ("Riots", "Violent demonstration")
    beating = to_acled("ASSAULT", "beat", actor_sectors=["CVL"], recipient_sectors=["CVL"])
    assert beating == ("Riots", "Mob violence")


def test_property_damage_nearby_is_no_violence_a_side_act_takes():
    seize = _event("COERCE", "seize", "REB", "BUS")
    burn = _event("ASSAULT", "destroy", "CVL", "GOV", trigger="burned")
    assert acled_for_event(seize, HARM_FREE, [burn])[1] == "Looting/property destruction"


def test_a_coup_is_a_strategic_development_not_looting():
    coup = to_acled("COERCE", "seize", context=["pro_autocracy"], actor_sectors=["MIL"])
    assert coup == ("Strategic developments", "Other")


def test_mines_and_bombs_make_remote_explosions_unless_dropped_from_the_air():
    mine = "Two soldiers died when their vehicle hit a mine near Gossi."
    assert to_acled("ASSAULT", None, recipient_sectors=["MIL"], sentence=mine) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    dropped = "Army helicopters dropped bombs on the camp."
    assert to_acled("ASSAULT", None, actor_sectors=["MIL"], sentence=dropped)[1] == (
        "Air/drone strike"
    )


def test_burning_an_empty_police_post_is_property_destruction():
    sentence = "Militants burned the police post in Kera; it was unmanned."
    args = {"actor_sectors": ["REB"], "recipient_sectors": ["COP"], "sentence": sentence}
    assert to_acled("ASSAULT", "destroy", episode=sentence, **args)[1] == (
        "Looting/property destruction"
    )
    assert to_acled("ASSAULT", None, episode=sentence, **args)[1] == "Armed clash"


def test_detainees_found_dead_make_an_attack():
    sentence = "Soldiers arrested five herders at the market."
    args = {"actor_sectors": ["MIL"], "recipient_sectors": ["AGR"], "sentence": sentence}
    assert to_acled("COERCE", "arrest", episode=sentence, **args)[1] == "Arrests"
    found = f"{sentence} Their bodies were found near the river two days later."
    assert to_acled("COERCE", "arrest", episode=found, **args) == (
        "Violence against civilians",
        "Attack",
    )


def test_killings_by_a_community_are_attacks_and_lynchings_mob_violence():
    args = {"actor_sectors": ["AGR"], "recipient_sectors": ["CVL"]}
    killed = "Farmers killed three herders near the pond."
    assert to_acled("ASSAULT", None, sentence=killed, **args) == (
        "Violence against civilians",
        "Attack",
    )
    lynched = "An angry crowd killed a suspected thief at the market."
    assert to_acled("ASSAULT", None, sentence=lynched, episode=lynched, **args) == (
        "Riots",
        "Mob violence",
    )
