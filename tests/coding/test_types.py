"""Every PLOVER event type, and the modes the text gives, on sentences the team wrote."""

from __future__ import annotations

import pytest

from eventlens.record import Event


def event_of(events: list[Event], event_type: str) -> Event:
    """The one event of this type among ``events`` (fails when there is none or several)."""
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


TYPES = [
    ("The two governments agreed to reopen the border crossing.", "AGREE", None, "agreed"),
    (
        "The Nigerien foreign minister met his Chadian counterpart on Tuesday.",
        "CONSULT",
        None,
        "met",
    ),
    ("The Security Council praised the mediators for their work.", "SUPPORT", None, "praised"),
    ("The military council lifted the curfew in the capital on Friday.", "CONCEDE", None, "lifted"),
    ("Ghana and Togo conducted joint patrols along their border.", "COOPERATE", None, "patrols"),
    ("Germany donated ten ambulances to the Red Cross in Niamey.", "AID", None, "donated"),
    ("The rebels released twelve hostages on Sunday.", "RETREAT", "release", "released"),
    ("The opposition urged the junta to hold elections.", "REQUEST", None, "urged"),
    (
        "Amnesty International accused the police of torturing detainees.",
        "ACCUSE",
        "allege",
        "accused",
    ),
    ("The interim president rejected the mediators' proposal.", "REJECT", None, "rejected"),
    ("The bloc threatened Niamey with new sanctions.", "THREATEN", "restrict", "threatened"),
    ("Hundreds of youths rioted in the capital after the verdict.", "PROTEST", "riot", "rioted"),
    (
        "The European Union imposed sanctions on five junta members.",
        "SANCTION",
        "discontinue",
        "imposed",
    ),
    (
        "The army deployed hundreds of troops to the northern border.",
        "MOBILIZE",
        "troops",
        "deployed",
    ),
    (
        "Police arrested the opposition leader at his home in Conakry.",
        "COERCE",
        "arrest",
        "arrested",
    ),
    (
        "Gunmen ambushed a military convoy near Menaka, killing nine soldiers.",
        "ASSAULT",
        "firearms",
        "ambushed",
    ),
    ("About 2,000 dockers stopped work on Monday over pay.", "PROTEST", "strike", "stopped"),
    ("Rebels violated the truce twice overnight.", "ASSAULT", None, "violated"),
    ("The navy has strengthened its forces near the strait.", "MOBILIZE", None, "strengthened"),
    ("The militia held villagers as human shields in the town.", "COERCE", None, "shields"),
    ("Hackers launched cyber warfare against the ministry.", "COERCE", "cyber", "warfare"),
    ("The junta expelled the UN inspectors last week.", "SANCTION", "expel", "expelled"),
    ("Ghana deployed forty election observers to Togo.", "AID", None, "deployed"),
    (
        "The Dutch suspended humanitarian aid donations for the region.",
        "SANCTION",
        "discontinue",
        "suspended",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "mode", "trigger"), TYPES)
def test_each_plover_type(code, text: str, event_type: str, mode: str | None, trigger: str) -> None:
    event = event_of(code(text), event_type)
    assert event.trigger == trigger
    assert event.modality == "asserted"
    if mode:
        assert event.mode == mode


MODES = [
    ("A drone strike killed four fighters near Kidal on Monday.", "ASSAULT", "drone"),
    ("A roadside IED exploded under a bus, killing six passengers.", "ASSAULT", "explosives"),
    ("The army shelled the outskirts of the town.", "ASSAULT", "heavy-weapons"),
    ("Unknown assailants kidnapped two aid workers in Tillaberi.", "ASSAULT", "abduct"),
    ("Police fired tear gas at demonstrators in Conakry.", "ASSAULT", "crowd-control"),
    ("Warplanes bombed a rebel camp in the desert.", "ASSAULT", "aerial"),
    ("Jihadists burned the village school on Sunday.", "ASSAULT", "destroy"),
    ("The foreign minister travelled to Algiers for talks.", "CONSULT", "visit"),
    ("The minister spoke by phone with his French counterpart.", "CONSULT", "phone"),
    ("The junta imposed a nightly curfew on the capital.", "COERCE", "curfew"),
    ("Soldiers seized power in Niamey on Wednesday.", "COERCE", "seize"),
    ("Paris recalled its ambassador from Bamako.", "SANCTION", "withdraw"),
    ("The authorities expelled the French ambassador.", "SANCTION", "expel"),
    ("The rebels withdrew from Kidal on Tuesday.", "RETREAT", "withdraw"),
    ("Teachers staged a general strike over unpaid salaries.", "PROTEST", "strike"),
    ("The government recruited thousands of volunteers for its militia.", "MOBILIZE", "militia"),
]


@pytest.mark.parametrize(("text", "event_type", "mode"), MODES)
def test_modes_from_the_trigger_and_its_weapons(
    code, text: str, event_type: str, mode: str
) -> None:
    assert event_of(code(text), event_type).mode == mode


def test_contexts_come_with_the_trigger_and_its_words(code) -> None:
    coup = event_of(code("The August 2023 military coup ousted the elected president."), "COERCE")
    assert {"pro_autocracy", "military"} <= set(coup.context)
    sanctions = event_of(code("The bloc imposed economic sanctions on the junta."), "SANCTION")
    assert "economic" in sanctions.context


def test_a_verb_and_the_event_it_absorbs_make_one_event(code) -> None:
    events = code("Militants attacked the village, killing twelve civilians and burning homes.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].trigger == "attacked"


def test_a_verb_object_never_fires_again_as_a_noun(code) -> None:
    events = code("The European Union imposed sanctions on Mali.")
    assert [(e.event_type, e.trigger) for e in events] == [("SANCTION", "imposed")]


def test_ambiguous_words_are_told_apart(code) -> None:
    assert code("The president fired the army chief on Monday.") == []
    assert code("Officials declined to comment on the report.") == []
    assert code("The leaders struck a deal on Monday.")[0].event_type == "AGREE"
    assert code("Dockers went on strike over pay.")[0].event_type == "PROTEST"
    assert code("An air strike hit the convoy.")[0].event_type == "ASSAULT"


COOPERATIVE_AND_VERBAL = [
    ("Japan sent $20 million worth of medical equipment to Nepal.", "AID", "sent"),
    ("The king gave a warm welcome to the visiting premier.", "CONSULT", "welcome"),
    ("The senate opened a hearing into the detention of reporters.", "ACCUSE", "hearing"),
    ("The ombudsman completed an investigation into the fire.", "ACCUSE", "investigation"),
    ("Hundreds of villagers sought refuge in the neighbouring country.", "REQUEST", "sought"),
    ("The minister warned that police will break up any march.", "THREATEN", "warned"),
    ("Norway provided two million dollars in assistance to the clinics in Gao.", "AID", "provided"),
    ("The embassy handed over medical supplies to the regional hospital.", "AID", "handed"),
    ("Chad accepted four hundred refugees from the border camps.", "AID", "accepted"),
    ("The junta lifted the state of emergency in the north.", "CONCEDE", "lifted"),
    ("The teachers' union called off its strike after the talks.", "CONCEDE", "called"),
    ("Washington removed the sanctions on the state oil company.", "CONCEDE", "removed"),
    ("Customs officers returned the stolen statues to the Malian museum.", "RETREAT", "returned"),
    ("The minister cancelled a planned visit to Abidjan.", "SANCTION", "cancelled"),
    ("The donors suspended food supplies to the province.", "SANCTION", "suspended"),
    ("The president defended his government's security policy.", "SUPPORT", "defended"),
    ("The two countries upgraded their diplomatic ties.", "SUPPORT", "upgraded"),
    ("The envoy gave the junta a final deadline to release the prisoners.", "THREATEN", "deadline"),
    ("The commission launched legal action against the mining firm.", "ACCUSE", "action"),
]


@pytest.mark.parametrize(("text", "event_type", "trigger"), COOPERATIVE_AND_VERBAL)
def test_cooperative_and_verbal_triggers(code, text: str, event_type: str, trigger: str) -> None:
    event = event_of(code(text), event_type)
    assert (event.trigger, event.modality) == (trigger, "asserted")


def test_denying_an_accusation_is_a_statement_not_a_rejection(code) -> None:
    events = code("The ministry denied the allegations and rejected the accusations of torture.")
    assert not [e for e in events if e.event_type == "REJECT"], events
