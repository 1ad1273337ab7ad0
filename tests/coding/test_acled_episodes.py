"""ACLED types read with the event's episode (the sentences around it), as ACLED reads a
note; sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.coding.crosswalk import acled_for_event, parse_acled_rule, to_acled
from eventlens.evaluation.scoring import top_event
from eventlens.record import Actor, Event


def _assault(sentence: str, episode: str, actors=("REB",), recipients=("CVL",), mode=None):
    return to_acled(
        "ASSAULT",
        mode,
        actor_sectors=actors,
        recipient_sectors=recipients,
        sentence=sentence,
        episode=episode,
    )


def test_resistance_told_in_another_sentence_makes_a_clash():
    sentence = "Militants attacked the village of Kera."
    assert _assault(sentence, "")[0] == "Violence against civilians"
    later = "Volunteer fighters repelled the assault."
    assert _assault(sentence, f"{sentence} {later}") == ("Battles", "Armed clash")


def test_an_attack_that_only_damaged_property_is_looting():
    sentence = "Gunmen attacked the market and burned several shops."
    quiet = f"{sentence} No casualties were reported."
    bloody = f"{sentence} Two traders were killed."
    assert _assault(sentence, quiet) == ("Strategic developments", "Looting/property destruction")
    assert _assault(sentence, bloody) == ("Violence against civilians", "Attack")


def test_a_protest_with_violence_anywhere_in_the_episode_is_a_riot():
    sentence = "Students marched to the ministry on Tuesday."
    violent = f"{sentence} Some of them later smashed windows and threw stones."
    assert to_acled("PROTEST", "demo", sentence=sentence) == ("Protests", "Peaceful protest")
    assert to_acled("PROTEST", "demo", sentence=sentence, episode=violent)[0] == "Riots"
    blocked = to_acled("PROTEST", "obstruct", sentence="Youths put up barricades on the road.")
    assert blocked == ("Riots", "Violent demonstration")


def test_a_protest_that_police_dispersed_is_a_protest_with_intervention():
    sentence = "Nurses marched to the health ministry on Monday."
    dispersed = f"{sentence} Police dispersed them with tear gas."
    calm = f"{sentence} The march dispersed without incident."
    assert to_acled("PROTEST", "demo", sentence=sentence, episode=dispersed) == (
        "Protests",
        "Protest with intervention",
    )
    assert to_acled("PROTEST", "demo", sentence=sentence, episode=calm)[1] == "Peaceful protest"


@pytest.mark.parametrize(
    ("actors", "recipients", "expected"),
    [
        # ACLED: communities that fight each other are communal militias
        (["CVL"], [], ("Battles", "Armed clash")),
        (["CVL", "UAF"], [], ("Battles", "Armed clash")),
        (["EDU"], ["COP"], ("Riots", "Violent demonstration")),  # students against police
        (["EDU"], [], ("Riots", "Mob violence")),  # students against students
        (["REF", "BUS"], [], ("Riots", "Mob violence")),  # refugees and traders: rioters
        (["AGR"], [], ("Battles", "Armed clash")),  # farmers and herders: communal militias
    ],
)
def test_who_clashes_decides_between_riot_and_battle(actors, recipients, expected):
    sentence = "They clashed near the market on Friday."
    assert _assault(sentence, sentence, actors, recipients) == expected


def test_violence_in_an_episode_of_rioting_is_a_riot():
    sentence = "Two men were wounded near the town hall."
    riot = f"Rioters set tyres ablaze in the centre. {sentence}"
    assert _assault(sentence, sentence, ["CVL"], ["CVL"]) == ("Riots", "Mob violence")
    assert _assault(sentence, riot, ["CVL"], ["CVL"]) == ("Riots", "Violent demonstration")


def test_crowd_control_words_from_gunmen_are_no_protest_intervention():
    sentence = "Gunmen fired in the air and looted the shops."
    police = _assault(sentence, sentence, ["COP"], [], "crowd-control")
    gunmen = _assault(sentence, sentence, ["UAF"], [], "crowd-control")
    assert police[0] == "Riots"  # looting by the crowd the police faced
    assert gunmen == ("Strategic developments", "Looting/property destruction")


def test_an_ied_mentioned_beside_a_fight_between_armed_sides_is_a_clash():
    sentence = "Soldiers killed five militants and seized explosives."
    assert _assault(sentence, sentence, ["MIL"], ["REB"]) == ("Battles", "Armed clash")
    mine = "Two soldiers were killed when their vehicle hit an IED."
    assert _assault(mine, mine, [], ["MIL"])[0] == "Explosions/Remote violence"


def test_demands_of_protesters_follow_the_protest():
    calm = "Teachers demanded their arrears during a sit-in."
    violent = "Rioters demanded jobs and burned the town hall."
    student = ["EDU"]
    assert to_acled("REQUEST", None, actor_sectors=student, sentence=calm)[0] == "Protests"
    assert to_acled("REQUEST", None, actor_sectors=["CVL"], sentence=violent)[0] == "Riots"


def test_strategic_developments_of_other_plover_types():
    assert to_acled("THREATEN", None) == ("Strategic developments", "Other")
    assert to_acled("RETREAT", "release") == ("Strategic developments", "Agreement")
    assert to_acled("CONSULT", "visit") == (None, None)
    assert to_acled("COERCE", "curfew")[1] == "Change to group/activity"  # a security measure
    assert to_acled("COERCE", "restrict")[1] == "Other"


def test_episode_without_cells_are_read():
    row = {
        "plover_type": "ASSAULT",
        "plover_mode": "*",
        "episode_words": "burn*",
        "episode_without": "kill*|dead",
        "acled_event_type": "Strategic developments",
        "acled_sub_event_type": "Looting/property destruction",
    }
    rule = parse_acled_rule(row, "x.tsv row 1")
    assert rule.episode_words == ("burn*",)
    assert rule.episode_without == ("kill*", "dead")


def _event(trigger: str, recipients: list[Actor]) -> Event:
    return Event(
        doc_id="d",
        event_type="ASSAULT",
        sentence="Gunmen opened fire and wounded a trader.",
        span=(0, 40),
        trigger=trigger,
        rule="test",
        actor=[Actor(text="Gunmen", sector="UAF")],
        recipient=recipients,
    )


def test_an_event_without_recipient_borrows_those_of_its_episode():
    fire = _event("fire", [])
    wound = _event("wounded", [Actor(text="a trader", sector="BUS")])
    assert acled_for_event(fire)[0] == "Battles"  # nobody named: no victim known
    assert acled_for_event(fire, fire.sentence, [wound]) == ("Violence against civilians", "Attack")


NOTES = [
    (
        "Militants attacked the village of Kera on Monday. Volunteer fighters repelled the "
        "assault and killed three militants.",
        ("Battles", "Armed clash"),
    ),
    (
        "Militants attacked and burned the mayor's office in Deou on Monday. No casualties were "
        "reported.",
        ("Strategic developments", "Looting/property destruction"),
    ),
    (
        "Students marched through the capital on Tuesday to demand lower fees. Some "
        "protesters later burned tyres and threw stones at the police.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "On Friday, the army exchanged gunfire with suspected militants near Boni.",
        ("Battles", "Armed clash"),
    ),
    (
        "On October 20, residents staged a protest march against insecurity in Koudougou.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "Thousands of people attended a peaceful march organised by the opposition in Niamey.",
        ("Protests", "Peaceful protest"),
    ),
    (
        # the participle hangs on the second of two coordinated protest verbs
        "Students blocked the roads to the campus and closed the gates, demanding lower rents.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "Villagers from two hamlets clashed over a well on Sunday, leaving three dead.",
        ("Battles", "Armed clash"),
    ),
    (
        "Residents of the town formed a self-defence militia on Monday.",
        ("Strategic developments", "Change to group/activity"),
    ),
    (
        "Masked gunmen robbed a group of traders near the market on Saturday.",
        ("Strategic developments", "Looting/property destruction"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOTES)
def test_notes_get_the_acled_type_of_their_episode(code, text: str, expected) -> None:
    top = top_event(code(text))
    assert top is not None
    assert (top.acled_event_type, top.acled_sub_event_type) == expected


def test_a_participle_under_a_coordinated_verb_ranks_below_the_protest(code) -> None:
    events = code("Students blocked the roads and closed the gates, demanding lower rents.")
    protest = next(e for e in events if e.event_type == "PROTEST")
    demand = next(e for e in events if e.event_type == "REQUEST")
    assert demand.confidence < protest.confidence


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("No shots were fired when the rebels entered the town.", "fired", "negated"),
        ("Nobody was killed in the raid on the camp.", "killed", "negated"),
        ("Gunmen fired shots at the patrol on Monday.", "fired", "asserted"),
        # "set off" is no expectation ("is set to"): the attack is reported, not expected
        (
            "Presumed militants attacked the police station, they also set off explosives.",
            "attacked",
            "asserted",
        ),
    ],
)
def test_negated_subjects_and_phrasal_verbs(code, text: str, trigger: str, modality: str) -> None:
    event = next(e for e in code(text) if e.trigger == trigger)
    assert event.modality == modality


def test_an_armed_victim_elsewhere_in_the_episode_makes_a_clash():
    attack = _event("attacked", [Actor(text="the village", sector="CVL")])
    militia = _event("killed", [Actor(text="a militiaman", sector="UAF")])
    assert acled_for_event(attack)[0] == "Violence against civilians"
    assert acled_for_event(attack, attack.sentence, [militia]) == ("Battles", "Armed clash")


def test_territory_taken_without_a_fight_is_a_transfer():
    fought = "The rebels overran the town after a day of fighting."
    seized = to_acled(
        "COERCE", "seize", context=["territory"], actor_sectors=["REB"], sentence=fought
    )
    quiet = to_acled(
        "COERCE",
        "seize",
        context=["territory"],
        actor_sectors=["REB"],
        sentence="The rebels took control of the town without a fight.",
    )
    assert seized == ("Battles", "Non-state actor overtakes territory")
    assert quiet == ("Strategic developments", "Non-violent transfer of territory")


MORE_NOTES = [
    # casualties report the event noun they happened in
    ("Two peacekeepers were injured in an ambush near the river on Monday.", "ASSAULT"),
    ("Four rebels died in clashes with the army in the north.", "ASSAULT"),
    # a participle the parser made the root governs nothing ("suspected militants killed")
    ("On 3 May 2021, suspected militants killed two herders near the well.", "ASSAULT"),
    ("The army launched military operations against the insurgents in the east.", "ASSAULT"),
    ("On Tuesday, an army patrol discovered an IED on the road to the market.", "COERCE"),
    ("The militia has stepped up the recruitment of young fighters this year.", "MOBILIZE"),
    ("A thief received fifty lashes from the Islamic police in the square.", "ASSAULT"),
    ("Teachers demonstrated to receive their back pay on Thursday.", "PROTEST"),
    # a protest outranks the demands its marchers voice in the same sentence
    ("About 300 farmers marched to the prefecture and demanded compensation.", "PROTEST"),
]


@pytest.mark.parametrize(("text", "event_type"), MORE_NOTES)
def test_ordinary_news_wording_is_coded(code, text: str, event_type: str) -> None:
    top = top_event(code(text))
    assert top is not None
    assert top.event_type == event_type


def test_a_clause_beside_the_trigger_is_no_expectation(code) -> None:
    events = code("Militants attacked the post on Monday, the building was set ablaze.")
    attack = next(e for e in events if e.trigger == "attacked")
    assert attack.modality == "asserted"
    expected = code("The rebels are expected to attack the town soon.")
    assert next(e for e in expected if e.trigger == "attack").modality == "future"
