"""Headlines whose verb the tagger read as a noun or a modifier ("Rebels ambush convoy"),
and the smaller coverage gaps closed with them: objects the parser joined to the verb,
relative clauses read as complements, projectiles as subjects, civilian obstruction.
Sentences written by the team."""

from __future__ import annotations

import pytest

from eventlens.coding.lexicon import load_lexicon
from eventlens.coding.triggers import read_headline_verb
from eventlens.nlp import load_model
from eventlens.record import Event


def _asserted(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type and e.modality == "asserted"]


HEADLINES = [
    # present-tense verbs tagged as nouns, agreeing with their subject
    ("Gunmen fire mortars at the army camp near Ansongo.", "fire", "ASSAULT", "Gunmen", "camp"),
    (
        "Thousands protest extension of the president's term.",
        "protest",
        "PROTEST",
        "Thousands",
        "extension",
    ),
    ("FLN ambush army convoy near Dori.", "ambush", "ASSAULT", "FLN", "convoy"),
    ("Villagers of Seytenga protest against the curfew.", "protest", "PROTEST", "Villagers", None),
    ("Nurses union protests over unpaid bonuses.", "protests", "PROTEST", "union", None),
    (
        "Security forces fire shots into crowd to disperse it.",
        "fire",
        "ASSAULT",
        "Security forces",
        "crowd",
    ),
    ("MPLA release 12 soldiers they had held.", "release", "RETREAT", "MPLA", "soldiers"),
    ("MNJ clashes with government forces in Iferouane.", "clashes", "ASSAULT", "MNJ", None),
    # a past tense read as the modifier of the noun after it
    (
        "Students in Gaoua boycotted classes to show solidarity with the strikers.",
        "boycotted",
        "PROTEST",
        "Students",
        None,
    ),
    (
        "Gendarmes from Niger secured Ayorou after the clashes.",
        "secured",
        "COERCE",
        "Gendarmes",
        "Ayorou",
    ),
]


@pytest.mark.parametrize(("text", "verb", "event_type", "actor", "recipient"), HEADLINES)
def test_headline_verbs_read_as_clauses(code, text, verb, event_type, actor, recipient):
    sentence = next(load_model("en")(text).sents)
    read = read_headline_verb(sentence, load_lexicon())
    assert read is not None and read.text == verb, text
    events = _asserted(code(text), event_type)
    assert events, text
    event = events[0]
    assert any(actor in a.text for a in event.actor), (text, event.actor)
    if recipient:
        assert any(recipient in r.text for r in event.recipient), (text, event.recipient)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two men in Gao.",  # a finite verb: the parse is kept
        "Protest leaders and union officials in the capital.",  # no verb entry agrees
        "Army attack helicopters at the air show.",  # singular subject, base-form verb
        "Fire rockets.",  # no subject before the verb
        "Mali armed forces, joined by Chadian troops, clash with the rebels.",  # a root verb
        "Two day clashes with smugglers near Tillaberi",  # a plural noun and its modifier
    ],
)
def test_sentences_left_as_parsed(text):
    sentence = next(load_model("en")(text).sents)
    assert read_headline_verb(sentence, load_lexicon()) is None


def test_rereading_keeps_the_sentences_and_one_root():
    doc = load_model("en")("Assailants fire rockets on the camp. The army sent reinforcements.")
    sentences = [s.text for s in doc.sents]
    verb = read_headline_verb(next(doc.sents), load_lexicon())
    assert verb is not None and verb.lower_ == "fire" and verb.dep_ == "ROOT"
    assert [s.text for s in doc.sents] == sentences
    first = next(doc.sents)
    assert [t.text for t in first if t.dep_ == "ROOT"] == ["fire"]
    assert {c.dep_ for c in verb.children} >= {"nsubj", "dobj"}


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        (
            "Militants fired mortar and grad rockets at the base in Boni.",
            "ASSAULT",
            "heavy-weapons",
        ),
        ("Three shells landed near the market of Kidal on Monday.", "ASSAULT", "heavy-weapons"),
        ("A mortar round fell on the UN camp in Aguelhok.", "ASSAULT", "heavy-weapons"),
        ("The soldiers fired warning shots at the smugglers.", "ASSAULT", None),
        ("Traders prevented the tax officers from entering the market.", "PROTEST", "obstruct"),
        ("Chadian troops arrived in Tessalit to support the army.", "MOBILIZE", "troops"),
        (
            "Hundreds of people marched in Niamey against the budget that they call unfair.",
            "PROTEST",
            "demo",
        ),
        ("Communal conflicts between herders and farmers left ten injured.", "ASSAULT", None),
        ("Nurses observed a protest movement at the regional hospital.", "PROTEST", "demo"),
        ("The garrison went on the offensive against the rebels.", "ASSAULT", None),
        ("Youths broke into the town hall of Djibo.", "ASSAULT", "destroy"),
        # an event noun standing for the noun it modifies, or for the name it begins
        (
            "The air force conducted airstrike and search operations near Djibo.",
            "ASSAULT",
            "aerial",
        ),
        ("The army launched Operation Kapidougou in the east on Monday.", "MOBILIZE", "troops"),
        # a place the gazetteer knows, though the tagger did not read it as one
        ("The ambush in Boni was the third this year.", "ASSAULT", None),
        # a group's acronym the tagger left without an entity label; territory; crowds
        ("MNLA commanders entered Anefis on Sunday.", "MOBILIZE", None),
        ("The troops established a firm hold of Menaka.", "COERCE", "seize"),
        ("Hundreds of protesters surrounded the governor's residence.", "PROTEST", "demo"),
        ("The rebel groups suspended their participation in the peace talks.", "SANCTION", None),
    ],
)
def test_coverage_entries(code, text, event_type, mode):
    events = _asserted(code(text), event_type)
    assert events, text
    if mode:
        assert events[0].mode == mode


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The plane landed in Bamako on Friday.", "ASSAULT"),  # no projectile as subject
        ("Oil prices fell on Monday.", "ASSAULT"),
        ("Police prevented the protesters from reaching the square.", "PROTEST"),  # not civilians
        ("The conflict between the two countries has lasted decades.", "ASSAULT"),
        ("The protest movement said it would hold talks.", "PROTEST"),  # a group, not an event
        ("Rebels will ambush the convoy if it enters the valley.", "ASSAULT"),
        ("Students did not boycott classes on Monday.", "PROTEST"),
        ("However, the protests broke out into riots later.", "ASSAULT"),  # no break-in
        ("The president tightened his hold on power.", "COERCE"),
        ("Opposition leaders entered Bamako on Monday.", "MOBILIZE"),
        ("Police surrounded the house of the suspect.", "PROTEST"),
        ("The army will launch Operation Kapidougou next month.", "MOBILIZE"),
    ],
)
def test_no_false_asserted_events(code, text, event_type):
    assert not _asserted(code(text), event_type), text
