"""Frames rules 70 and 71 (docs/actors.md): coordinated sector modifiers of one noun name
one actor each; an explosion's reflexive object is its carrier, not its target; sentences
written by the team."""

from __future__ import annotations

from eventlens.record import Event


def top(events: list[Event], event_type: str) -> Event:
    matching = [e for e in events if e.event_type == event_type]
    assert matching, [(e.event_type, e.rule) for e in events]
    return matching[0]


def sides(actors) -> list[tuple[str, str | None, str | None]]:
    return [(a.text, a.country, a.sector) for a in actors]


def test_coordinated_sector_adjectives_give_one_actor_each(code) -> None:
    text = "Military and civilian staff met the rebel delegation in Tessit on Friday."
    actors = top(code(text), "CONSULT").actor
    assert [(a.text, a.sector) for a in actors] == [
        ("Military", "MIL"),
        ("civilian staff", "CVL"),
    ]


def test_split_members_keep_the_country_of_the_first_member(code) -> None:
    text = "Belgian police, military and civilian personnel remained in Niamey after the coup."
    actors = sides(top(code(text), "SUPPORT").actor)
    assert actors == [
        ("Belgian police", "BEL", "COP"),
        ("military", "BEL", "MIL"),
        ("civilian personnel", "BEL", "CVL"),
    ]


def test_a_modifier_read_with_the_noun_names_its_kind(code) -> None:
    text = "Religious and traditional leaders condemned the killing of the mayor of Kaya."
    actors = top(code(text), "ACCUSE").actor
    assert [(a.text, a.sector) for a in actors] == [
        ("Religious", "REL"),
        ("traditional leaders", "CVL"),
    ]


def test_demonyms_and_a_single_kind_stay_one_phrase(code) -> None:
    troops = top(code("Togolese and Beninese troops attacked the camp near Porga."), "ASSAULT")
    assert [a.text for a in troops.actor] == ["Togolese and Beninese troops"]
    bandits = "The soldiers killed seven armed and dangerous bandits near Dori."
    assert len(top(code(bandits), "ASSAULT").recipient) == 1


def test_an_explosions_reflexive_object_gives_way_to_whom_it_killed(code) -> None:
    text = "A bomber blew himself up at the gate of the camp, killing three gendarmes."
    event = top(code(text), "ASSAULT")
    assert sides(event.recipient) == [("three gendarmes", None, "COP")]
    joined = "A bomber detonated himself and two guards outside the prefecture in Tahoua."
    assert [r.text for r in top(code(joined), "ASSAULT").recipient] == ["two guards"]


def test_a_reflexive_with_nothing_else_harmed_or_of_another_verb_stays(code) -> None:
    alone = top(code("The bomber blew himself up near the market of Gao."), "ASSAULT")
    assert [r.text for r in alone.recipient] == ["himself"]
    killed = top(code("The deserter later killed himself in his cell in Kati."), "ASSAULT")
    assert [r.text for r in killed.recipient] == ["himself"]
