"""A leading "Label:" heading is never an actor or recipient; other colons are unaffected."""

from __future__ import annotations

from eventlens.coding.frames import heading_end, in_heading
from eventlens.nlp import load_model
from eventlens.record import Event


def arguments(events: list[Event]) -> list[str]:
    return [a.text for e in events for a in (*e.actor, *e.recipient)]


def roles(event: Event) -> tuple[list[str], list[str]]:
    return [a.text for a in event.actor], [r.text for r in event.recipient]


def test_label_is_not_the_actor(code) -> None:
    [event] = code(
        "Non-violent activity: On 12 May 2021, ISGS militants distributed leaflets in Tessit "
        "calling on residents to leave."
    )
    assert roles(event)[0] == ["ISGS militants"]


def test_label_is_not_the_recipient(code) -> None:
    [event] = code("Arrests: 14 traders were detained by gendarmes in Dori.")
    assert roles(event) == (["gendarmes"], ["14 traders"])


def test_label_opening_a_paragraph(code) -> None:
    events = code("Troops arrived in Menaka.\nArrests: 14 traders were detained by gendarmes.")
    assert (["gendarmes"], ["14 traders"]) in [roles(e) for e in events]
    assert not any("Arrests" in text for text in arguments(events))


def test_label_stands_down_for_its_apposition(code) -> None:
    [event] = code("Agreement: CMA, Plateforme and GATIA agreed on a joint patrol of the border.")
    assert roles(event)[0] == ["CMA", "Plateforme", "GATIA"]


def test_label_noun_gives_no_modifier_actor(code) -> None:
    events = code("Property destruction: On 9 April, armed men burned a clinic in Tenenkou.")
    assert ["armed men"] in [roles(e)[0] for e in events]
    assert not any("Property" in text for text in arguments(events))


def test_heading_tokens() -> None:
    doc = load_model("en")("Update: Gendarmes detained nine traders in Dori.")
    sentence = next(doc.sents)
    assert heading_end(sentence) == sentence.start + 1
    assert in_heading(doc[0]) and not in_heading(doc[2])


def test_speech_colon_is_no_heading(code) -> None:
    text = "The minister said: gendarmes detained nine traders in Dori."
    sentence = next(load_model("en")(text).sents)
    assert heading_end(sentence) == sentence.start
    events = code(text)
    assert "gendarmes" in arguments(events)


def test_colon_later_in_a_sentence_is_no_heading() -> None:
    doc = load_model("en")("On Monday in the north of the country gendarmes seized: guns.")
    assert not any(in_heading(token) for token in doc)


def test_label_inside_a_paragraph_is_no_heading() -> None:
    doc = load_model("en")("Troops arrived in Menaka. Arrests: gendarmes detained nine traders.")
    assert not any(in_heading(token) for token in doc)
