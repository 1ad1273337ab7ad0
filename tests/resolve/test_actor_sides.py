"""Which phrases are an event's actor and recipient (coding/frames.py): reduced passives,
hedged subjects, shared objects, mutual verbs, and the forces facing a crowd (coder.py);
sentences written by the team."""

from __future__ import annotations

from eventlens.nlp import load_model
from eventlens.record import Document, Event
from eventlens.resolve.actors import ActorResolver
from eventlens.resolve.context import DocumentContext


def by_trigger(events: list[Event], trigger: str) -> Event:
    matching = [e for e in events if e.trigger == trigger]
    assert matching, [(e.trigger, e.rule) for e in events]
    return matching[0]


def stated(actors: list) -> list[str]:
    return [a.text for a in actors if not a.implied]


def test_a_reduced_passive_with_a_by_phrase_takes_its_agent(code) -> None:
    event = by_trigger(code("The chief of Bouli abducted by suspected jihadists."), "abducted")
    assert stated(event.actor) == ["suspected jihadists"]
    assert stated(event.recipient) == ["The chief of Bouli"]


def test_a_coordinated_participle_with_its_own_agent_is_passive(code) -> None:
    events = code("A trader was beaten and robbed by bandits near Fada.")
    assert stated(by_trigger(events, "robbed").actor) == ["bandits"]
    assert stated(by_trigger(events, "beaten").actor) == ["bandits"]


def test_a_harm_verb_without_object_is_done_to_its_subject(code) -> None:
    event = by_trigger(
        code("Nurse assassinated overnight in the village of Kelbo."), "assassinated"
    )
    assert stated(event.actor) == []
    assert stated(event.recipient) == ["Nurse"]


def test_an_active_harm_verb_keeps_its_subject(code) -> None:
    event = by_trigger(code("Gunmen assassinated a nurse in Kelbo."), "assassinated")
    assert stated(event.actor) == ["Gunmen"]


def test_a_participle_on_a_hedged_noun_is_its_act(code) -> None:
    event = by_trigger(
        code("On May 3, presumed ISGS militants abducted two herders near Tin-Akoff."), "abducted"
    )
    assert stated(event.actor) == ["ISGS militants"]
    assert stated(event.recipient)[0].startswith("two herders")


def test_hedged_alternatives_are_all_actors(code) -> None:
    event = by_trigger(
        code("On May 2, presumed JNIM or ISGS militants killed two herders near Djibo."), "killed"
    )
    assert len(stated(event.actor)) == 2
    assert stated(event.recipient) == ["two herders"]


def test_coordinated_harm_verbs_share_the_object(code) -> None:
    events = code("Gunmen abducted and beat a teacher near Kaya.")
    assert stated(by_trigger(events, "abducted").recipient) == ["a teacher"]


def test_a_verb_with_its_own_complement_shares_no_object(code) -> None:
    events = code("Gunmen withdrew to the bush and burned a school near Kaya.")
    assert all(e.trigger != "withdrew" or not stated(e.recipient) for e in events)


def test_coordinated_subjects_of_a_clash_fight_each_other(code) -> None:
    event = by_trigger(code("Rebels and soldiers clashed near Kidal on Monday."), "clashed")
    assert stated(event.actor) == ["Rebels"]
    assert stated(event.recipient) == ["soldiers"]


def test_coordinated_subjects_of_an_attack_stay_actors(code) -> None:
    event = by_trigger(code("Rebels and bandits attacked the town of Anefis."), "attacked")
    assert stated(event.actor) == ["Rebels", "bandits"]


def test_the_police_acting_on_a_protest_are_its_recipient(code) -> None:
    events = code(
        "Students marched in Koudougou on Monday. Police dispersed the crowd with tear gas."
    )
    march = by_trigger(events, "marched")
    assert [(r.text, r.sector) for r in march.recipient] == [("Police", "COP")]


def test_police_firing_tear_gas_in_a_riot_act_on_the_rioters(code) -> None:
    events = code("Rioters burned tyres in Dori on Friday. Police fired tear gas.")
    fired = by_trigger(events, "fired")
    assert fired.acled_event_type == "Riots"
    assert [(r.sector, r.implied) for r in fired.recipient] == [("CVL", "implied:crowd-of-rioters")]


def test_a_peaceful_protest_gets_no_forces(code) -> None:
    event = by_trigger(code("Teachers marched peacefully in Niamey on Monday."), "marched")
    assert event.recipient == []


def test_a_sentence_opened_by_a_date_keeps_its_subject(code) -> None:
    events = code("On May 3, soldiers arrested and executed six people near Kaya.")
    executed = by_trigger(events, "executed")
    assert stated(executed.actor) == ["soldiers"]
    assert stated(executed.recipient) == ["six people"]


def test_a_demonym_on_air_strikes_is_that_state_s_military(code) -> None:
    event = by_trigger(code("French air strikes hit a base of the militants near Gao."), "hit")
    assert [(a.text, a.code, a.sector) for a in event.actor] == [("French", "FRA", "MIL")]


def test_unknown_aggressors_are_an_unidentified_armed_force(code) -> None:
    event = by_trigger(code("A farmer was killed by unidentified aggressors near Fada."), "killed")
    assert [(a.text, a.sector) for a in event.actor] == [("unidentified aggressors", "UAF")]


def _protest(text: str, mode: str | None) -> Event:
    """A protest event whose actor is the whole text, resolved on its own (no sector word)."""
    resolver = ActorResolver()
    doc = load_model("en")(text)
    context = DocumentContext(document=Document(id="p", text=text), doc=doc)
    event = Event(
        doc_id="p",
        event_type="PROTEST",
        sentence=text,
        span=(0, len(text)),
        trigger="",
        rule="",
        mode=mode,
    )
    event.actor = [resolver.resolve(doc[0:1], context)]
    resolver.imply(event, context)
    return event


def test_the_unknown_author_of_a_protest_is_a_protester_and_of_a_strike_a_worker() -> None:
    assert [a.sector for a in _protest("SYNAGEB gathered.", "demo").actor] == ["CVL"]
    assert [a.sector for a in _protest("SYNAGEB stopped.", "strike").actor] == ["LAB"]


def test_forces_acting_in_the_episode_of_a_protest_are_its_recipient(code) -> None:
    events = code("Teachers demonstrated in Koudougou on Monday. Police intervened.")
    march = by_trigger(events, "demonstrated")
    assert [(r.text, r.sector) for r in march.recipient] == [("Police", "COP")]


def test_forces_that_suffer_an_act_do_not_face_the_crowd(code) -> None:
    events = code("Teachers demonstrated in Koudougou on Monday. Police were praised in Dori.")
    assert by_trigger(events, "demonstrated").recipient == []


def test_the_other_object_of_a_light_verb_is_the_recipient(code) -> None:
    event = by_trigger(code("Gunmen took three individuals hostage in Kelbo."), "hostage")
    assert stated(event.actor) == ["Gunmen"]
    assert stated(event.recipient) == ["three individuals"]


def test_two_sides_sharing_one_head_noun_are_split(code) -> None:
    text = "Two soldiers died in clashes between the Chadian army and rebel forces near Faya."
    event = by_trigger(code(text), "clashes")
    assert stated(event.actor) == ["the Chadian army"]
    assert stated(event.recipient) == ["rebel forces"]
