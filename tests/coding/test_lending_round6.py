"""Round 6 lending (lending.py, actors.md rules 60-61): the armed side that defended a
target attacked."""

from __future__ import annotations

from eventlens.record import Event


def first(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.event_type, e.trigger) for e in events]
    return found[0]


def sectors(event: Event) -> list[str | None]:
    return [actor.sector for actor in event.recipient]


def test_a_guard_wounded_joins_the_target_attacked(code) -> None:
    events = code(
        "Gunmen attacked a fuel depot near the village, a soldier guarding the site was wounded."
    )
    attack = first(events, "attacked")
    assert [a.text for a in attack.recipient] == ["a fuel depot", "a soldier"]
    assert sectors(attack) == ["CVL", "MIL"]


def test_forces_that_rout_the_raiders_are_the_other_side(code) -> None:
    events = code(
        "Militants raided a school in the village. Soldiers arrived soon after and routed the assailants."
    )
    assert "MIL" in sectors(first(events, "raided"))


def test_forces_that_repel_the_attackers_are_the_other_side(code) -> None:
    events = code(
        "Armed men attacked a convoy of trucks near the mine. Police fought off the attackers."
    )
    assert sectors(first(events, "attacked"))[-1] == "COP"


def test_armed_victims_of_a_later_sentence_are_not_lent(code) -> None:
    events = code("Gunmen attacked a fuel depot near the village. Two soldiers were wounded.")
    assert [a.text for a in first(events, "attacked").recipient] == ["a fuel depot"]


def test_the_casualties_of_an_act_are_not_widened(code) -> None:
    events = code(
        "Two policemen were killed in an attack on a checkpoint near the town. "
        "Four people were also wounded."
    )
    assert [a.text for a in first(events, "wounded").recipient] == ["Four people"]


def test_an_armed_target_keeps_its_recipients(code) -> None:
    events = code(
        "Rebels attacked an army patrol near the river. Police later arrested two of the rebels."
    )
    assert [a.text for a in first(events, "attacked").recipient] == ["an army patrol"]


def test_the_attackers_own_dead_do_not_become_their_target(code) -> None:
    events = code(
        "Militants attacked a market in the town. One militant was killed by a stray bullet."
    )
    assert "REB" not in sectors(first(events, "attacked"))


def test_forces_far_from_the_attack_are_not_lent(code) -> None:
    events = code(
        "Gunmen attacked a bus on the road to the town. Passengers fled into the bush. "
        "The driver later reached a clinic. Residents buried the dead the next day. "
        "Weeks later, soldiers killed two bandits in another district."
    )
    assert "MIL" not in sectors(first(events, "attacked"))


def authors(event: Event) -> list[str]:
    return [actor.text for actor in event.actor if not actor.implied]


def test_forces_in_the_sentence_author_a_beating_of_residents(code) -> None:
    events = code(
        "On June 3, soldiers surrounded a house in the village, the residents were beaten."
    )
    assert authors(first(events, "beaten")) == ["soldiers"]


def test_forces_in_an_earlier_sentence_author_no_beating(code) -> None:
    events = code("Soldiers surrounded a house in the village. The residents were beaten.")
    assert authors(first(events, "beaten")) != ["Soldiers"]


def test_forces_struck_by_a_device_are_not_its_authors(code) -> None:
    events = code("Three soldiers were travelling near the town when their truck hit a mine.")
    assert "MIL" not in [actor.sector for actor in first(events, "hit").actor]
