"""What leads a short report (its episode), and the ACLED types of crowds; sentences
sentences written by the team."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventlens.coding.crosswalk import to_acled
from eventlens.coding.ranking import (
    _describes_participant,
    _reported_by_result,
    rank_below_episode_conflict,
)
from eventlens.evaluation.scoring import top_event
from eventlens.nlp import load_model

EPISODES = [
    # what is said about an episode ranks below the act another sentence reports
    (
        "Gunfire was heard overnight near the barracks of the presidential guard. Several "
        "soldiers fired into the air for hours. The defence minister later called for calm.",
        "ASSAULT",
        "fired",
    ),
    (
        "Gunmen attacked a health centre in the village on Sunday, killing two nurses. The "
        "regional governor condemned the attack. The prosecutor opened an investigation.",
        "ASSAULT",
        "attacked",
    ),
    (
        "Students occupied the faculty building on Tuesday. They demanded the dismissal of the dean.",
        "COERCE",
        "occupied",
    ),
    (
        "Hundreds of traders marched through the city centre. Their union accused the mayor of "
        "corruption.",
        "PROTEST",
        "marched",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "trigger"), EPISODES)
def test_the_act_of_an_episode_leads(code, text: str, event_type: str, trigger: str) -> None:
    top = top_event(code(text))
    assert top is not None and (top.event_type, top.trigger) == (event_type, trigger)


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    [
        # a statement alone, or with violence only in its own phrase, keeps its rank
        ("The minister called for calm on Monday.", "REQUEST", "called"),
        ("The United States provided the army with rifles to fight the rebels.", "AID", "provided"),
        # a statement describing a participant of the act ranks below it
        (
            "A man accused of theft was beaten to death by a crowd in the market.",
            "ASSAULT",
            "beaten",
        ),
        ("Soldiers fought villagers who refused to leave the area.", "ASSAULT", "fought"),
        ("Gunmen equipped with rifles opened fire on a bus near the bridge.", "ASSAULT", "fire"),
    ],
)
def test_the_act_of_a_sentence(code, text: str, event_type: str, trigger: str) -> None:
    top = top_event(code(text))
    assert top is not None and (top.event_type, top.trigger) == (event_type, trigger)


def test_a_joint_operation_reported_by_its_result_ranks_below_it(code) -> None:
    events = code("Joint operations by the army and the gendarmerie killed twelve militants.")
    top = top_event(events)
    assert top is not None and top.trigger == "killed"
    assert top.acled_event_type == "Battles"


def _tokens(text: str, *words: str) -> list:
    doc = load_model("en")(text)
    return [next(t for t in doc if t.text == word) for word in words]


def test_what_a_joint_operation_led_to_is_its_result() -> None:
    operation, killing = _tokens(
        "Joint operations by the army resulted in killing ten militants.", "operations", "killing"
    )
    assert _reported_by_result(operation, killing)
    provided, fight = _tokens(
        "The donors provided the army with rifles to fight the rebels.", "provided", "fight"
    )
    assert not _reported_by_result(provided, fight)  # a purpose, and no event noun


def test_a_clause_describing_a_participant() -> None:
    accused, beaten = _tokens("A man accused of theft was beaten by a crowd.", "accused", "beaten")
    assert _describes_participant(accused, beaten)
    beaten, accused = _tokens("A crowd beat a man and accused him of theft.", "beat", "accused")
    assert not _describes_participant(accused, beaten)  # coordinated, not describing


def _event(event_type: str, quad: int, confidence: float) -> SimpleNamespace:
    return SimpleNamespace(
        event_type=event_type, quad_code=quad, modality="asserted", confidence=confidence
    )


def test_the_episode_rule_keeps_to_other_sentences_of_the_episode() -> None:
    attack, call = _event("ASSAULT", 4, 0.6), _event("REQUEST", 3, 0.9)
    same, far = _event("REQUEST", 3, 0.9), _event("ACCUSE", 3, 0.9)
    withdrawal = _event("RETREAT", 2, 0.9)
    placed = [(0, attack, None), (0, same, None), (2, call, None), (3, far, None)]
    rank_below_episode_conflict([*placed, (1, withdrawal, None)])
    assert call.confidence == pytest.approx(0.57)  # at most 0.95 of the act
    assert (same.confidence, far.confidence, withdrawal.confidence) == (0.9, 0.9, 0.9)


def test_an_unasserted_act_leads_nothing() -> None:
    threat, call = _event("ASSAULT", 4, 0.6), _event("REQUEST", 3, 0.9)
    threat.modality = "future"
    rank_below_episode_conflict([(0, threat, None), (1, call, None)])
    assert call.confidence == 0.9


@pytest.mark.parametrize(
    ("actors", "recipients", "sentence", "expected"),
    [
        # partisans and students fighting each other: mob violence
        (["?"], [], "Supporters of two rival parties clashed after the vote.", "Riots"),
        (["EDU"], ["EDU"], "Students of two schools fought in the courtyard.", "Riots"),
        ([], [], "Five people were wounded in clashes between political opponents.", "Riots"),
        # communities fighting over land, or an armed side: a battle
        (["?"], [], "Farmers and herders clashed over a field.", "Battles"),
        (["REB"], [], "Militants clashed with party supporters in the market.", "Battles"),
        (["?"], ["MIL"], "Party supporters clashed with soldiers.", "Battles"),
    ],
)
def test_partisan_clashes_are_mob_violence(
    actors: list[str], recipients: list[str], sentence: str, expected: str
) -> None:
    got = to_acled(
        "ASSAULT", None, actor_sectors=actors, recipient_sectors=recipients, sentence=sentence
    )
    assert got[0] == expected


@pytest.mark.parametrize(
    ("actors", "recipients", "sentence", "episode", "expected"),
    [
        # a crowd's violence against the forces policing its protest: a violent demonstration
        (
            ["?"],
            ["COP"],
            "Clashes broke out with the police.",
            "Youths protested the tax.",
            "Riots",
        ),
        (
            ["REB"],
            ["COP"],
            "Zealots clashed with police.",
            "They were protesting a concert.",
            "Riots",
        ),
        (
            ["CVL"],
            ["MIL"],
            "Two soldiers were injured.",
            "A protest was held at the camp.",
            "Riots",
        ),
        # no protest in the episode: a battle
        (["REB"], ["COP"], "Militants clashed with police.", "The post was burned.", "Battles"),
    ],
)
def test_violence_against_forces_during_a_protest_is_a_riot(
    actors: list[str], recipients: list[str], sentence: str, episode: str, expected: str
) -> None:
    got = to_acled(
        "ASSAULT",
        None,
        actor_sectors=actors,
        recipient_sectors=recipients,
        sentence=sentence,
        episode=f"{episode} {sentence}",
    )
    assert got[0] == expected


@pytest.mark.parametrize(
    ("sentence", "episode", "expected"),
    [
        # soldiers shooting into the air on their own account: a mutinous, violent demonstration
        (
            "Soldiers fired into the air all night.",
            "They were angry about unpaid bonuses.",
            "Riots",
        ),
        # shots in the air against a crowd, on patrol or during an air raid are not
        ("Soldiers fired into the air.", "Protesters had gathered at the gate.", "Protests"),
        ("Soldiers on patrol fired into the air.", "Villagers fled.", "Battles"),
        ("The air force struck a camp.", "Soldiers searched the area.", "Battles"),
    ],
)
def test_soldiers_shooting_into_the_air_riot(sentence: str, episode: str, expected: str) -> None:
    mode = "crowd-control" if "Protesters" in episode else None
    got = to_acled(
        "ASSAULT", mode, actor_sectors=["MIL"], sentence=sentence, episode=f"{sentence} {episode}"
    )
    assert got[0] == expected


@pytest.mark.parametrize(
    ("actors", "sentence", "expected"),
    [
        # ground fire at aircraft: the aircraft is the target, the fight a clash
        (["REB"], "Rebels shot down an army helicopter near the border.", "Battles"),
        (["UAF"], "Gunmen fired on a surveillance plane.", "Battles"),
        # the air force's own strikes stay air strikes
        (["MIL"], "Army helicopters fired on a rebel convoy.", "Explosions/Remote violence"),
        (
            ["REB"],
            "Rebels claimed a strike by an armed drone on the camp.",
            "Explosions/Remote violence",
        ),
    ],
)
def test_ground_fire_at_aircraft_is_a_clash(
    actors: list[str], sentence: str, expected: str
) -> None:
    assert to_acled("ASSAULT", "aerial", actor_sectors=actors, sentence=sentence)[0] == expected
