"""Authors lent between the acts and sentences of an episode (lending.py)."""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.record import Event


def first(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.event_type, e.trigger) for e in events]
    return found[0]


def author_names(event: Event) -> list[str | None]:
    return [actor.name for actor in event.actor]


def stated(event: Event) -> list[str]:
    """The actors the text names (not an implied "unidentified armed group")."""
    return [actor.text for actor in event.actor if not actor.implied]


def test_a_later_claim_names_the_author_of_unknown_gunmen(code) -> None:
    events = code("Gunmen abducted an aid worker in Gao. AQIM later claimed responsibility.")
    assert author_names(first(events, "abducted")) == ["al-Qaeda in the Islamic Maghreb"]


def test_a_claim_by_a_group_calling_itself_a_name_lends_that_name(code) -> None:
    events = code(
        "Gunmen stormed a hotel in Bamako, killing 12 guests. "
        "A jihadist group calling itself Al-Mourabitoune claimed the attack."
    )
    assert stated(first(events, "stormed")) == ["Al-Mourabitoune"]


def test_a_later_identification_names_the_kidnappers(code) -> None:
    events = code(
        "A teacher was kidnapped by unknown gunmen in Kidal. "
        "The group was later confirmed to be AQIM."
    )
    assert author_names(first(events, "kidnapped")) == ["al-Qaeda in the Islamic Maghreb"]


def test_armed_men_later_identified_as_a_group_are_that_group(code) -> None:
    events = code("Armed men, later identified as MNLA fighters, looted three trucks near Gao.")
    assert stated(first(events, "looted")) == ["MNLA fighters"]


def test_attackers_said_to_be_members_of_a_group_are_that_group(code) -> None:
    events = code("Gunmen attacked a convoy near Arlit. The armed men were fighters of AQIM.")
    assert author_names(first(events, "attacked")) == ["al-Qaeda in the Islamic Maghreb"]


def test_victims_said_to_be_members_of_a_group_lend_nothing(code) -> None:
    events = code("Gunmen killed two herders near Tera. The victims were members of MNLA.")
    assert stated(first(events, "killed")) == ["Gunmen"]


def test_no_group_claiming_responsibility_names_no_author(code) -> None:
    events = code(
        "Two soldiers died when their truck hit a mine near Gao. No group claimed responsibility."
    )
    assert stated(first(events, "hit")) == []


def test_a_vehicle_carrying_passengers_is_no_claimed_author(code) -> None:
    events = code("Armed men attacked a truck carrying migrants near Agadez.")
    assert stated(first(events, "attacked")) == ["Armed men"]


def test_an_identified_victim_is_no_author(code) -> None:
    events = code(
        "Gunmen killed a trader in Ansongo. The victim was identified as a teacher from Gao."
    )
    assert stated(first(events, "killed")) == ["Gunmen"]


def test_the_subject_of_a_sentence_without_event_authors_the_next_assault(code) -> None:
    events = code(
        "On 3 May, presumed JNIM militants entered the market in Dori. "
        "Several traders were wounded."
    )
    assert author_names(first(events, "wounded")) == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_a_checkpoint_held_by_militants_authors_an_execution(code) -> None:
    events = code(
        "On 5 May, ISGS militants held a checkpoint near Ayorou. "
        "One driver was removed from a bus and executed."
    )
    assert stated(first(events, "executed")) == ["ISGS militants"]


def test_a_misparsed_presumed_subject_still_authors_the_next_assault(code) -> None:
    events = code(
        "On 3 June, presumed JNIM militants removed fuel from a truck near Kaya. "
        "The driver was abducted."
    )
    assert author_names(first(events, "abducted")) == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_a_weapon_subject_is_no_scene_author(code) -> None:
    events = code("A roadside bomb exploded under a bus, killing six passengers.")
    assert stated(first(events, "exploded")) == []


def test_a_victim_is_no_scene_author(code) -> None:
    events = code("Two herders crossed the river near Tera. Two herders were wounded.")
    assert stated(first(events, "wounded")) == []


def test_a_when_clause_hung_on_a_victim_lends_its_attacker(code) -> None:
    events = code("25 killed, including 10 tourists, when AQIM fighters attacked a cafe in Bamako.")
    assert stated(first(events, "killed")) == ["AQIM fighters"]


def test_a_prepositional_clause_lends_its_shooter(code) -> None:
    events = code("A trader was wounded after being shot by a soldier at a checkpoint.")
    assert stated(first(events, "wounded")) == ["a soldier"]


def test_an_attack_launched_in_a_when_clause_lends_its_author(code) -> None:
    events = code(
        "Three guards were killed when ISGS launched an attack on the prison in Koutoukale, "
        "with a gunman blowing up the gate."
    )
    assert stated(first(events, "killed")) == ["ISGS"]


def test_a_release_takes_the_captors_of_the_abduction(code) -> None:
    events = code(
        "On 5 August, suspected JNIM militants abducted two nurses near Arbinda, "
        "the two were released three days later."
    )
    assert stated(first(events, "released")) == ["suspected JNIM militants"]


def test_a_release_takes_the_police_who_arrested(code) -> None:
    events = code("Police arrested five herders near Kaya. Two were released the next day.")
    assert stated(first(events, "released")) == ["Police"]


def test_a_release_takes_who_held_the_captives(code) -> None:
    events = code("Soldiers held by the rebels were freed on Monday.")
    assert stated(first(events, "freed")) == ["the rebels"]


def test_a_release_does_not_take_who_wounded_the_released(code) -> None:
    events = code("A man wounded by soldiers was released in Gao.")
    assert stated(first(events, "released")) == []


def test_a_release_without_capture_keeps_no_author(code) -> None:
    events = code("A trader was freed in Gao on Monday.")
    assert stated(first(events, "freed")) == []


def test_a_heading_act_takes_the_author_of_the_body(code) -> None:
    events = code("Looting: On 3 May, unknown gunmen attacked a shop in Tera.")
    heading = first(events, "Looting")
    assert (stated(heading), [r.text for r in heading.recipient]) == (
        ["unknown gunmen"],
        ["a shop"],
    )


def test_a_heading_act_takes_the_armed_subject_of_the_body(code) -> None:
    events = code(
        "Looting: On 3 May, presumed ISGS militants stripped belongings from passengers near Tin."
    )
    assert stated(first(events, "Looting")) == ["ISGS militants"]


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "The protests were followed by a coup in March, when officers arrested the president.",
            "officers",
        ),
        (
            "The crisis deepened with a coup in 2012, when mutinous soldiers detained the president.",
            "mutinous soldiers",
        ),
        ("The first coup came in 2020, when officers seized the presidential palace.", "officers"),
    ],
)
def test_a_coercion_takes_the_author_of_the_when_clause_that_tells_it(code, text, author) -> None:
    events = code(text, pub_date=date(2021, 6, 1))
    assert stated(first(events, "coup")) == [author]
