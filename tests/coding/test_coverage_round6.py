"""Coverage round 6: clauses whose verb the tagger read as a noun in body sentences (a verb
before a later clause, a verb that disagrees with its subject, "was *exchange*" for "was
exchanged"), words joined by "&" or "/", a past adverbial clause under a modal, event nouns
reported by a participle or introduced by "after a ...", and a few lexicon entries; with the
guards that keep parses, back-references and unreal clauses as they were. Sentences written
by the team."""

from __future__ import annotations

import pytest

from eventlens.coding.lexicon import load_lexicon
from eventlens.coding.triggers import read_bare_participle, read_headline_verb, word_forms
from eventlens.nlp import load_model
from eventlens.record import Event


def _asserted(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type and e.modality == "asserted"]


def _parse(sentence) -> list[tuple[int, str, str]]:
    return [(t.head.i, t.dep_, t.tag_) for t in sentence]


@pytest.mark.parametrize(
    ("text", "verb", "event_type", "actor"),
    [
        # a later clause has the only finite verb the tagger found
        (
            "Transport union protests over fuel prices since taxes were raised.",
            "protests",
            "PROTEST",
            "union",
        ),
        ("Students union protests over fees, police said.", "protests", "PROTEST", "union"),
        ("Militants fire rockets at the camp, no damage reported.", "fire", "ASSAULT", "Militants"),
        # the verb disagrees with its subject, the object is one its entry checks ("gunfire")
        (
            "On May 3, suspected bandits exchanges gunfire with a gendarmerie patrol near "
            "Kaya, no casualties reported.",
            "exchanges",
            "ASSAULT",
            "bandits",
        ),
        (
            "Unidentified gunmen exchanges gunfire with the police in Djibo, one wounded.",
            "exchanges",
            "ASSAULT",
            "gunmen",
        ),
    ],
)
def test_body_clause_verbs_read_as_verbs(code, text, verb, event_type, actor):
    sentence = next(load_model("en")(text).sents)
    read = read_headline_verb(sentence, load_lexicon())
    assert read is not None and read.text == verb, text
    events = _asserted(code(text), event_type)
    assert events, text
    assert any(actor in a.text for a in events[0].actor), (text, events[0].actor)


@pytest.mark.parametrize(
    "text",
    [
        "Army attack helicopters flew over the town, residents said.",  # a verb in its clause
        "Rebel attack helicopters, witnesses said.",  # disagrees; "attack" checks no object
        "Local traders exchange views with the mayor, officials said.",  # no entry fires
        "The main road to the market was closed, traders said.",
    ],
)
def test_body_clauses_left_as_parsed(text):
    sentence = next(load_model("en")(text).sents)
    before = _parse(sentence)
    assert read_headline_verb(sentence, load_lexicon()) is None
    assert _parse(sentence) == before


@pytest.mark.parametrize(
    ("text", "verb", "actor", "recipient"),
    [
        (
            "Two traders were attack by gunmen near the market of Djibo.",
            "attack",
            "gunmen",
            "traders",
        ),
        (
            "Gunfire was exchange between the soldiers and the smugglers near the border.",
            "exchange",
            "soldiers",
            "smugglers",
        ),
    ],
)
def test_bare_participles_read_as_passives(code, text, verb, actor, recipient):
    doc = load_model("en")(text)
    read = read_bare_participle(next(doc.sents), load_lexicon())
    assert read is not None and read.text == verb and read.tag_ == "VBN"
    assert [t.text for t in doc if t.dep_ == "ROOT"] == [verb]
    events = _asserted(code(text), "ASSAULT")
    assert events, text
    assert any(actor in a.text for a in events[0].actor), events[0].actor
    assert any(recipient in r.text for r in events[0].recipient), events[0].recipient


@pytest.mark.parametrize(
    "text",
    [
        "The answer was fire.",  # no entry of "fire" holds without an object or a target
        "Their only reply was protest, the mayor said.",  # no agent, no checked object
        "The first item on the agenda was a prisoner exchange.",  # a determiner: a noun
    ],
)
def test_bare_nouns_left_as_parsed(text):
    sentence = next(load_model("en")(text).sents)
    before = _parse(sentence)
    assert read_bare_participle(sentence, load_lexicon()) is None
    assert _parse(sentence) == before


def test_joined_words_are_looked_up_one_by_one(code):
    token = next(
        t for t in load_model("en")("Two men shot&injured near the well.") if "&" in t.text
    )
    assert {"shoot", "injure"} <= set(word_forms(token))
    events = _asserted(
        code("Three herders shot/wounded by unidentified gunmen near Dori."), "ASSAULT"
    )
    assert events and events[0].mode == "firearms"


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # a past adverbial clause is a fact: the main clause's modal does not reach it
        (
            "After the rebels attacked the convoy, the army will send reinforcements.",
            "attacked",
            "asserted",
        ),
        (
            "On Monday, the governor ordered the closure of the markets, and called on traders "
            "to leave the area, the measure would hurt thousands of families.",
            "called",
            "asserted",
        ),
        # its own "if" still makes it unreal
        ("If the rebels attacked the convoy, the army would respond.", "attacked", "hypothetical"),
        ("The army will respond if the rebels attack the convoy.", "attack", "hypothetical"),
    ],
)
def test_modal_of_the_main_clause(code, text, trigger, modality):
    events = [e for e in code(text) if e.trigger == trigger]
    assert events and events[0].modality == modality, [(e.trigger, e.modality) for e in code(text)]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a reporting participle
        ("Residents woke up to heavy gunfire reported across the town.", "ASSAULT"),
        ("The governor spoke of clashes reported along the river.", "ASSAULT"),
        ("After a march against the new tax, the union leaders met the governor.", "PROTEST"),
        ("The rally against the new tax failed to draw large crowds.", "PROTEST"),  # an outcome
    ],
)
def test_event_nouns_that_report(code, text, event_type):
    assert _asserted(code(text), event_type), text


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("After the march against the new tax, the union leaders met the governor.", "PROTEST"),
        ("The clashes worried the ministry.", "ASSAULT"),
        ("The clashes that the ministry denied were small.", "ASSAULT"),
        ("Had the talks failed, the rebels would have attacked.", "CONSULT"),  # a condition
        ("Officials said the talks must not fail.", "CONSULT"),
    ],
)
def test_back_references_stay_uncoded(code, text, event_type):
    assert not _asserted(code(text), event_type), text


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Police broke up a drug trafficking ring in Niamey.", "COERCE", None),
        ("Soldiers prevented the villagers from fleeing the town.", "COERCE", "restrict"),
        ("Pupils in Koupela deserted their classrooms on Monday.", "PROTEST", "boycott"),
        ("Students abandoned their classes to join the march.", "PROTEST", "boycott"),
        ("The explosion claimed the lives of four soldiers near Boni.", "ASSAULT", None),
    ],
)
def test_lexicon_entries(code, text, event_type, mode):
    events = _asserted(code(text), event_type)
    assert events, text
    assert mode is None or events[0].mode == mode


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The riot police broke up a gathering of students near the campus.", "COERCE"),  # crowd
        ("Students abandoned the project after the dean resigned.", "PROTEST"),  # no classes
        ("The new rules claimed to protect the miners.", "ASSAULT"),  # no lives
        ("Heavy rains prevented the convoy from leaving Gao.", "COERCE"),  # no security force
    ],
)
def test_lexicon_entries_stay_specific(code, text, event_type):
    assert not _asserted(code(text), event_type), text
