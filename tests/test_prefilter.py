"""The trigger pre-filter: which sentences could hold an event, from the tokenizer alone."""

from __future__ import annotations

import pytest

from eventlens.coding.lexicon import Lexicon, TriggerEntry
from eventlens.prefilter import TriggerForms, presegment, select_windows

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="module")
def forms(nlp) -> TriggerForms:
    lexicon = Lexicon()
    for entry in (
        TriggerEntry(lemma="arrest", pos="verb", type="COERCE"),
        TriggerEntry(lemma="withdraw", pos="verb", type="RETREAT"),
        TriggerEntry(lemma="impose", pos="verb", type="SANCTION", objects=("sanction", "embargo")),
        TriggerEntry(lemma="pull", pos="verb", type="RETREAT", particle="out"),
        TriggerEntry(lemma="coup", pos="noun", type="COERCE", modifiers=("military",)),
        TriggerEntry(lemma="cease-fire", pos="noun", type="AGREE"),
        TriggerEntry(lemma="fire", pos="noun", type="ASSAULT", verbs=("open",)),
    ):
        lexicon.entries[(entry.pos, entry.lemma)].append(entry)
    return TriggerForms(nlp, lexicon)


def candidate(nlp, forms: TriggerForms, text: str) -> bool:
    doc = nlp.make_doc(text)
    return forms.could_hold_event(t.lower for t in doc)


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("arrested", "arrest"),
        ("arrests", "arrest"),
        ("withdrew", "withdraw"),
        ("withdrawn", "withdraw"),
        ("imposing", "impose"),
        ("sanctions", "sanction"),
        ("embargoes", "embargo"),
    ],
)
def test_possible_lemmas_cover_inflections_and_irregular_forms(forms, form, lemma):
    assert lemma in forms.possible_lemmas(form)


@pytest.mark.parametrize(
    "text",
    [
        "Police ARRESTED two men.",
        "Troops withdrew from the town.",
        "The council imposed sanctions on the junta.",
        "The battalion pulled out of Gao.",
        "Officers staged a military coup.",
        "Both sides signed a cease-fire.",
        "Soldiers opened fire on the crowd.",
    ],
)
def test_sentences_that_could_hold_an_event_are_candidates(nlp, forms, text):
    assert candidate(nlp, forms, text)


@pytest.mark.parametrize(
    "text",
    [
        "The weather was fine in the capital.",
        "The council imposed a curfew on the town.",  # impose needs sanction|embargo
        "The battalion pulled the trucks back.",  # pull needs the particle "out"
        "Historians call it a palace coup.",  # coup needs the modifier "military"
        "Fire broke out in the market.",  # not "cease-fire", and no "open" for "fire"
    ],
)
def test_sentences_missing_a_trigger_or_its_condition_are_skipped(nlp, forms, text):
    assert not candidate(nlp, forms, text)


def test_presegment_splits_only_where_the_parser_surely_does(nlp):
    text = (
        'Headline without a stop\n\nHe said: "We left." Then it rained!  '
        'Talks stalled... and resumed. "We agree," he said. 2023 was calm.'
    )
    doc = nlp.make_doc(text)
    spans = [doc[s.start : s.end].text_with_ws for s in presegment(doc)]
    assert spans == [
        'Headline without a stop\n\nHe said: "We left." ',
        "Then it rained!  ",
        "Talks stalled... and resumed. ",
        '"We agree," he said. ',
        "2023 was calm.",
    ]


def test_windows_hold_candidates_with_their_neighbours_and_the_lede(nlp, forms):
    text = (
        "BAMAKO - The capital was calm. Shops opened late. Markets were busy. "
        "Police arrested two men. Prices rose. Rain fell. Roads flooded. Troops withdrew."
    )
    doc = nlp.make_doc(text)

    def kept(context: tuple[int, int]) -> list[str]:
        return [doc[a:b].text.strip() for a, b in select_windows(doc, forms, context)[1]]

    assert kept((1, 1)) == [
        "BAMAKO - The capital was calm.",
        "Markets were busy. Police arrested two men. Prices rose.",
        "Roads flooded. Troops withdrew.",
    ]
    assert kept((0, 0)) == [
        "BAMAKO - The capital was calm.",
        "Police arrested two men.",
        "Troops withdrew.",
    ]
    assert len(select_windows(doc, forms)[0]) == 8


def test_no_candidate_means_no_window(nlp, forms):
    doc = nlp.make_doc("The weather was fine. Prices rose.")
    assert select_windows(doc, forms)[1] == []
