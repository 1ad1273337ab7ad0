"""Who acts when the trigger has no subject of its own: predicate adjectives, verbs the parser
hung elsewhere, sentences it left without a verb, affiliations of a common-noun actor."""

from __future__ import annotations

from eventlens.record import Event


def by_type(events: list[Event], event_type: str) -> Event:
    matching = [e for e in events if e.event_type == event_type]
    assert matching, [(e.event_type, e.trigger) for e in events]
    return matching[0]


def actors(event: Event) -> list[str]:
    return [a.text for a in event.actor if not a.implied]  # stated actors only


def recipients(event: Event) -> list[str]:
    return [r.text for r in event.recipient]


def test_subject_of_a_predicate_adjective_acts(code) -> None:
    event = by_type(code("Iran is ready to contribute 500 soldiers to a peace force."), "AGREE")
    assert actors(event) == ["Iran"]


def test_reported_willingness_keeps_the_speaker(code) -> None:
    event = by_type(code("Syria says it is ready to withdraw its troops from Lebanon."), "AGREE")
    assert actors(event) == ["Syria"]
    assert recipients(event) == ["Lebanon"]


def test_opposed_to_is_not_a_passive(code) -> None:
    event = by_type(code("The council is opposed to French mediation in the talks."), "REJECT")
    assert actors(event) == ["The council"]
    assert "The council" not in recipients(event)


def test_host_of_a_meeting_between_two_sides(code) -> None:
    text = "Egypt hosted talks between Hamas and Fatah on Sunday."
    event = by_type(code(text), "CONSULT")
    assert actors(event) == ["Egypt"]
    assert recipients(event) == ["Hamas", "Fatah"]


def test_intransitive_verb_read_as_participle_keeps_its_subject(code) -> None:
    text = "An official Iranian newspaper called Thursday on Arabs to unite against the leader."
    event = by_type(code(text), "REQUEST")
    assert actors(event) == ["An official Iranian newspaper"]
    assert recipients(event) == []


def test_repeated_light_verb(code) -> None:
    event = by_type(code("Israel reimposed blockades in Gaza after the shooting."), "COERCE")
    assert actors(event) == ["Israel"]


def test_verbless_sentence_with_object_is_a_main_clause(code) -> None:
    text = (
        "Doctors from two French charities donated and delivered medicine to a hospital in Baghdad."
    )
    event = by_type(code(text), "AID")
    assert actors(event) == ["Doctors from two French charities"]
    assert event.actor[0].code == "FRA"


def test_headline_participle_stays_passive(code) -> None:
    event = by_type(code("Five soldiers killed in an ambush near Gao."), "ASSAULT")
    assert actors(event) == []
    assert recipients(event) == ["Five soldiers"]


def test_affiliation_joins_the_actor_but_a_place_does_not(code) -> None:
    event = by_type(code("Officials from the European Union met Malian ministers."), "CONSULT")
    assert actors(event) == ["Officials from the European Union"]
    event = by_type(code("Soldiers from Chad attacked the village."), "ASSAULT")
    assert actors(event) == ["Soldiers"]
