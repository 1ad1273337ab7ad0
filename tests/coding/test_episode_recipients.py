"""Recipients an assault takes from its episode (lending.py ``lend_episode_recipients``,
docs/actors.md rule 31) and civilians among unknown victims (rule 27); sentences written by
the team."""

from __future__ import annotations

from eventlens.record import Event


def by_trigger(events: list[Event], trigger: str) -> Event:
    matching = [e for e in events if e.trigger == trigger]
    assert matching, [(e.event_type, e.trigger) for e in events]
    return matching[0]


def recipient_texts(event: Event) -> list[str]:
    return [r.text for r in event.recipient]


def test_an_assault_takes_the_victims_a_later_sentence_reports(code) -> None:
    events = code(
        "Gunmen opened fire in the market of Dori on Sunday. "
        "Two traders were killed and a third was wounded."
    )
    shooting = by_trigger(events, "fire")
    assert recipient_texts(shooting) == ["Two traders"]
    assert shooting.recipient[0].sector == "CVL"


def test_an_assault_takes_the_victims_of_its_own_sentence(code) -> None:
    events = code("Unknown assailants attacked near Gao on Monday, and two drivers were killed.")
    assert recipient_texts(by_trigger(events, "attacked")) == ["two drivers"]


def test_victims_of_another_author_are_not_lent(code) -> None:
    events = code("Soldiers opened fire in Kaya on Monday. In Dori, rebels killed five farmers.")
    assert "five farmers" not in recipient_texts(by_trigger(events, "fire"))


def test_victims_outside_the_episode_are_not_lent(code) -> None:
    events = code(
        "Gunmen opened fire in the market of Dori on Sunday. The town has a large cattle "
        "market. Traders come from Niger. Its mayor was elected in May. Two traders were killed."
    )
    assert not [r for r in by_trigger(events, "fire").recipient if r.text]


def test_a_stated_recipient_is_kept(code) -> None:
    events = code("Gunmen attacked a bus near Kaya. Three soldiers were killed.")
    assert recipient_texts(by_trigger(events, "attacked")) == ["a bus"]


def test_unknown_named_property_attacked_is_civilian(code) -> None:
    events = code("Gunmen looted the Bema Telecom kiosk in Dori.")
    victim = by_trigger(events, "looted").recipient[0]
    assert (victim.text, victim.sector, victim.country) == ("the Bema Telecom kiosk", "CVL", None)


def test_a_known_named_victim_keeps_its_sector(code) -> None:
    events = code("Gunmen attacked a MINUSMA convoy near Kidal.")
    assert {r.sector for r in by_trigger(events, "attacked").recipient} != {"CVL"}


def test_victims_of_the_same_unnamed_forces_are_lent(code) -> None:
    events = code("French troops conducted an airstrike that killed twelve militants near Menaka.")
    assert recipient_texts(by_trigger(events, "airstrike")) == ["twelve militants"]


def test_victims_of_another_named_group_are_not_lent(code) -> None:
    events = code(
        "JNIM militants opened fire in Djibo on Monday. ISGS militants killed three herders."
    )
    assert "three herders" not in recipient_texts(by_trigger(events, "fire"))


def test_mutinous_soldiers_face_their_own_army(code) -> None:
    events = code("Soldiers mutinied over unpaid wages in Agadez and seized the radio station.")
    mutiny = by_trigger(events, "mutinied")
    assert mutiny.acled_event_type == "Battles"
    victim = mutiny.recipient[0]
    assert (victim.text, victim.sector, victim.country) == ("", "MIL", "NER")
    assert victim.implied == "implied:mutinied-command"


def test_an_assault_takes_the_property_its_authors_seized(code) -> None:
    events = code("Gunmen opened fire in the village of Tanga and seized a motorbike.")
    assert recipient_texts(by_trigger(events, "fire")) == ["a motorbike"]


def test_fighters_clashing_with_each_other_are_both_sides(code) -> None:
    events = code("Rival Dozo hunters clashed with each other near Bougouni on Friday.")
    clash = by_trigger(events, "clashed")
    assert recipient_texts(clash) == [a.text for a in clash.actor] == ["Rival Dozo hunters"]


def test_two_named_sides_stay_apart_with_one_another(code) -> None:
    events = code("Soldiers and rebels clashed with one another near Gao.")
    clash = by_trigger(events, "clashed")
    assert ([a.text for a in clash.actor], recipient_texts(clash)) == (["Soldiers"], ["rebels"])


def test_forces_named_as_agent_of_a_passive_face_the_crowd(code) -> None:
    events = code(
        "Students protested in Koudougou over grants. The marchers were met by gendarmes at "
        "the bridge."
    )
    protest = by_trigger(events, "protested")
    assert [(r.text, r.sector) for r in protest.recipient] == [("gendarmes", "COP")]
