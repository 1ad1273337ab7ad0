"""The pipeline: the trigger pre-filter parses less and codes the same events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventlens.coding.coder import EventCoder
from eventlens.coding.lexicon import Lexicon, TriggerEntry
from eventlens.pipeline import Pipeline, available_cores
from eventlens.record import Document

pytestmark = pytest.mark.model

BENCH = Path(__file__).parent / "data" / "bench"
TRICKY = [
    "Troops withdraw from Kidal\n\nThe army said on Monday that its soldiers had left the town.",
    'The minister said: "We will not negotiate." Police then arrested the union leader.',
    "Will the rebels attack the capital? Residents fear they will.",
    "Gunmen killed five villagers near Djibo on 3 May 2021. A week later, soldiers arrested\n"
    "two suspects in the same district.",
    "The talks ended. The junta's leader met the envoy and warned against new sanctions",
    "Nothing happened today.",
]


def documents() -> list[Document]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(BENCH.glob("*.txt"))] + TRICKY
    return [Document(id=f"d{i}", text=t, pub_date=date(2023, 5, 10)) for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def full_parse(pipeline) -> Pipeline:
    return Pipeline(coder=pipeline.coder, prefilter=False)


def records(pipeline: Pipeline, docs: list[Document]) -> list[list[dict]]:
    return [[e.to_dict() for e in events] for _, events in pipeline.code(docs)]


def test_prefilter_codes_the_same_events_as_the_full_parse(pipeline, full_parse):
    docs = documents()
    with_filter, without = records(pipeline, docs), records(full_parse, docs)
    assert sum(map(len, without)) > 10, "the corpus must yield events"
    assert with_filter == without


def test_offsets_are_those_of_the_original_text(pipeline):
    for document, events in pipeline.code(documents()):
        for event in events:
            start, end = event.span
            assert document.text[start:end] == event.sentence
            assert document.text[slice(*event.trigger_span)] == event.trigger


@pytest.fixture(scope="module")
def arrests_only() -> Pipeline:
    """A pipeline whose lexicon holds one trigger, "arrest"."""
    lexicon = Lexicon()
    lexicon.entries[("verb", "arrest")].append(TriggerEntry("arrest", "verb", "COERCE", "arrest"))
    return Pipeline(coder=EventCoder(lexicon=lexicon))


def test_unparsed_sentences_keep_text_and_boundaries(arrests_only):
    text = "The sky was grey. Shops were shut. Police arrested two men. Prices rose. Rain fell."
    [(_, doc)] = arrests_only.parse([Document(id="x", text=text)])
    assert doc.text == text
    assert [s.text for s in doc.sents] == [
        "The sky was grey.",
        "Shops were shut.",
        "Police arrested two men.",
        "Prices rose.",
        "Rain fell.",
    ]
    assert doc[0].pos_ == "DET"  # the lede and the candidate with its neighbours are parsed
    assert {t.pos_ for t in doc[-3:]} == {""}  # the last sentence is not
    assert [e.text for e in doc.ents] == ["two"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "No event here", "arrested"])
def test_degenerate_documents_do_not_crash(pipeline, text):
    [(document, events)] = pipeline.code([Document(id="e", text=text)])
    assert document.text == text
    assert isinstance(events, list)


def test_automatic_processes_stay_within_the_cores():
    assert 1 <= available_cores() <= 4


@pytest.mark.slow
def test_worker_processes_code_the_same_events(pipeline):
    docs = documents()
    forked = Pipeline(coder=pipeline.coder, n_process=2, batch_size=4)
    assert records(forked, docs) == records(pipeline, docs)
