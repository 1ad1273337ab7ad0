"""Coverage of events the coder used to miss: verbless headlines, territory, explosives,
property damage, abuses and beatings, comma-spliced clauses and other modality false
negatives; with the guards that keep hypothetical, negated and unrelated uses out.
Sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.coding.lexicon import LexiconError, build_lexicon
from eventlens.record import Event


def _asserted(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        # verbless headlines: a participle or a subordinate clause is no main verb
        ("Murder of a recently appointed village chief in Kaya.", "ASSAULT", "targeted"),
        (
            "Demonstration against the new fuel prices organised by the drivers' union.",
            "PROTEST",
            "demo",
        ),
        ("Sit-in by retired nurses in front of the health ministry.", "PROTEST", "obstruct"),
        ("Reports of an attack on a customs post near Fada.", "ASSAULT", None),
        ("Four soldiers and two gunmen dead in shootout near Gao.", "ASSAULT", "firearms"),
        ("Protest in front of the town hall as the mayor returns.", "PROTEST", "demo"),
        ("Rioting at the cement factory in Kossodo on Monday.", "PROTEST", "riot"),
        # event nouns reported by what became of a situation or who underwent them
        ("A quarrel between two clans degenerated into clashes in the market.", "ASSAULT", None),
        ("The convoy was the target of a rocket attack near Tessalit.", "ASSAULT", None),
        ("The observers reported clashes between two militias near Menaka.", "ASSAULT", None),
        ("One of the five recorded floggings was carried out in public.", "ASSAULT", "beat"),
        # territory, with a small town the tagger reads as a person
        ("Rebels overtook Ber on Tuesday.", "COERCE", "seize"),
        ("The fighters gained control of the airport.", "COERCE", "seize"),
        ("Government troops drove the militants from the town.", "COERCE", "seize"),
        # explosives, damage, abuses, beatings
        ("The militants set off explosives under a bridge near Djibo.", "ASSAULT", "explosives"),
        ("An explosive device was set off near the school.", "ASSAULT", "explosives"),
        ("Insurgents planted landmines around the town.", "ASSAULT", "explosives"),
        ("Gunmen damaged a bridge on the road to Dori.", "ASSAULT", "destroy"),
        ("Soldiers committed abuses against civilians in Douentza.", "ASSAULT", None),
        ("Police severely beat two traders at the market.", "ASSAULT", "beat"),
        ("The youths threw rocks at the police in Kidal.", "ASSAULT", "primitive"),
        ("Heavy artillery fire was reported overnight in the town.", "ASSAULT", "heavy-weapons"),
        ("An assassination attempt against the mayor was reported in Djibo.", "ASSAULT", None),
        # protest and force moves
        ("Several thousand residents took part in a march through Zinder.", "PROTEST", "demo"),
        (
            "Thousands of people demonstrated in Niamey against the law that they oppose.",
            "PROTEST",
            None,
        ),
        ("The teachers staged a sit-in at the school on Monday.", "PROTEST", "obstruct"),
        ("The army conducted a combing operation in the forest.", "MOBILIZE", "troops"),
        ("The militants have begun recruiting in the south.", "MOBILIZE", None),
        ("More than a hundred fighters entered Gao on Friday.", "MOBILIZE", None),
        ("The commander announced the establishment of a new brigade.", "MOBILIZE", None),
        # victims found: the killing is reported by its victims
        ("Three men were found dead near the market on Monday.", "ASSAULT", None),
        ("Five decomposed corpses were found near the village.", "ASSAULT", None),
    ],
)
def test_missed_wordings_are_coded(code, text: str, event_type: str, mode: str | None) -> None:
    found = _asserted(code(text), event_type)
    assert found, f"no asserted {event_type} in {text!r}"
    if mode is not None:
        assert any(e.mode == mode for e in found), [e.mode for e in found]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a comma-spliced clause is a sentence of its own: the cue of the next one stays there
        (
            "On Monday, students staged a protest in Koudougou, the police prevented them "
            "from reaching the governor's office.",
            "PROTEST",
        ),
        ("Gunmen abducted a teacher in Djibo, they later asked for a ransom.", "ASSAULT"),
        ("Rebels clashed with soldiers near Gao, details remain unclear.", "ASSAULT"),
        ("Militants attacked the village and burned houses, no casualties reported.", "ASSAULT"),
        # a source is no demand; a hyphenated "would" is no modal
        ("The rebels fled the town under pressure from French air strikes.", "ASSAULT"),
        ("Supporters of the would-be mayor began a protest in Bamako.", "PROTEST"),
    ],
)
def test_modality_false_negatives(code, text: str, event_type: str) -> None:
    assert _asserted(code(text), event_type), text


def test_committed_abuses_are_the_act_not_an_intention(code) -> None:
    events = code("The militia committed abuses against villagers.")
    assert _asserted(events, "ASSAULT")
    assert not _asserted(events, "THREATEN")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The army foiled an attack on the base.", "ASSAULT"),
        ("Militants could set off explosives in the market.", "ASSAULT"),
        ("The union threatened a sit-in if wages are not paid.", "PROTEST"),
        ("The study demonstrated that the vaccine works.", "PROTEST"),
        ("The company recruited engineers for the mine.", "MOBILIZE"),
        ("He took part in a debate on the budget.", "PROTEST"),
        ("The tournament entered its final week.", "MOBILIZE"),
        ("The minister visited Gao on Monday.", "COERCE"),
        ("The police found the missing documents in the car.", "ASSAULT"),
        ("Chinese officials entered Switzerland on Monday.", "MOBILIZE"),
        ("Officials said the device was planted by the militants.", "ASSAULT"),
        ("The report describes the attack that the minister condemned.", "ASSAULT"),
    ],
)
def test_guards_keep_unreal_and_unrelated_uses_out(code, text: str, event_type: str) -> None:
    assert not _asserted(code(text), event_type), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heavy floods destroyed crops and damaged houses in the region.", False),
        ("Gunmen damaged a bridge and destroyed two trucks.", True),
    ],
)
def test_natural_forces_destroy_nothing_in_plover(code, text: str, expected: bool) -> None:
    assert bool(_asserted(code(text), "ASSAULT")) is expected


@pytest.mark.parametrize("field", ["subjects", "not_subjects"])
def test_subject_conditions_are_for_verbs_only(field: str) -> None:
    spec = {"nouns": [{"lemma": "raid", "type": "ASSAULT", field: ["militant"]}]}
    with pytest.raises(LexiconError, match="only verb entries"):
        build_lexicon(spec, "test.yaml")


def test_a_place_object_may_be_a_name_the_tagger_misses() -> None:
    spec = {"verbs": [{"lemma": "raid", "type": "ASSAULT", "object_types": ["PLACE"]}]}
    [entry] = build_lexicon(spec, "test.yaml").lookup("verb", "raid")
    assert entry.object_types == ("PLACE",)
