"""The example articles end to end: record schema, boilerplate, timeline, confidence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from eventlens.data_files import data_path
from eventlens.ingest.readers import read_inputs
from eventlens.pipeline import Pipeline
from eventlens.record import Document, Event

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Text files carry no publication date: the datelines of the articles.
PUB_DATES = {
    "guinea_bissau_coup": date(2024, 3, 14),
    "ecowas_sanctions": date(2024, 3, 24),
    "chad_ceasefire": date(2024, 8, 8),
    "burkina_village_attack": date(2024, 6, 12),
}
FOOTER_WORDS = ("newsletter", "rights reserved", "creative commons", "follow us", "photo:",
                "is a correspondent", "is a journalist", "copyright", "related:")  # fmt: skip


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> dict[str, tuple[Document, list[Event]]]:
    documents = []
    for item in read_inputs([str(EXAMPLES)]):
        assert isinstance(item, Document), str(item)
        item.pub_date = item.pub_date or PUB_DATES[item.id]
        documents.append(item)
    return {document.id: (document, events) for document, events in pipeline.code(documents)}


def test_every_format_is_read_with_its_dates(coded) -> None:
    assert len(coded) == 7
    assert coded["niger_moscow_visit"][0].pub_date == date(2024, 1, 18)
    assert coded["sahelwire-2024-02-05-dakar-protests"][0].pub_date == date(2024, 2, 5)


def test_every_record_validates_against_the_json_schema(coded) -> None:
    schema = json.loads(data_path("schema", "event.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    records = [event.to_dict() for _, events in coded.values() for event in events]
    assert len(records) > 40
    for record in records:
        errors = [
            f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(record)
        ]
        assert not errors, (record["sentence"], errors)


def test_the_schema_rejects_a_broken_record(coded) -> None:
    schema = json.loads(data_path("schema", "event.schema.json").read_text("utf-8"))
    record = next(iter(coded.values()))[1][0].to_dict()
    for field, value in (("event_type", "FIGHT"), ("modality", "maybe"), ("confidence", 1.5)):
        assert not Draft202012Validator(schema).is_valid({**record, field: value})


def test_boilerplate_yields_no_events(coded) -> None:
    for document, events in coded.values():
        assert not any(w in document.text.lower() for w in FOOTER_WORDS), document.id
        for event in events:
            assert not any(w in event.sentence.lower() for w in FOOTER_WORDS)


def test_the_coup_article_reads_as_a_timeline(coded) -> None:
    _, events = coded["guinea_bissau_coup"]
    asserted = {(e.event_type, e.mode) for e in events if e.modality == "asserted"}
    assert {("COERCE", "arrest"), ("COERCE", "curfew"), ("ACCUSE", "disapprove")} <= asserted
    arrest = next(e for e in events if e.trigger == "arrested")
    assert [r.text for r in arrest.recipient] == [
        "President Augusto Mendes",
        "the prime minister",
        "the speaker of parliament",
    ]
    by_modality = {e.trigger: e.modality for e in events}
    assert by_modality["arrest"] == "negated"  # "did not arrest the former interior minister"
    assert by_modality["coup"] == "hypothetical"  # "might face a counter-coup if ..."


def test_speculation_in_the_examples_is_never_asserted(coded) -> None:
    markers = (" might ", " could ", "Had the ", "If ", " would have ", "unlikely")
    for _, events in coded.values():
        for event in events:
            if any(marker in event.sentence for marker in markers):
                assert event.modality != "asserted", (event.sentence, event.trigger)


def test_the_main_event_of_a_sentence_is_the_most_confident(code) -> None:
    events = code("The army shelled rebel positions after the militants kidnapped two engineers.")
    best = max(events, key=lambda e: e.confidence)
    assert best.trigger == "shelled"
    assert all(0 < e.confidence <= 1 for e in events)


def test_confidence_falls_without_an_actor(code) -> None:
    [with_actor] = code("Soldiers wounded two people in Gao.")
    [without] = code("Two people were wounded in Gao.")
    assert with_actor.confidence > without.confidence
