"""The place measures, on small files written for the tests."""

from __future__ import annotations

import json

import pytest

from eventlens.evaluation.places import MisalignedGold, evaluate_event_locations, gold_spans
from eventlens.nlp import load_model

pytestmark = pytest.mark.model


def test_gold_spans_read_character_offsets_and_token_indices():
    text = "Rebels shelled the market in Gao on Monday."
    doc = load_model("en")(text)
    by_chars = {"locations": [{"start": 29, "end": 32, "text": "Gao"}], "text": text}
    by_tokens = {"locations": [{"start": 5, "end": 5, "text": ""}], "text": text}
    assert gold_spans(by_chars, doc) == [(29, 32)]
    assert gold_spans(by_tokens, doc) == [(29, 32)]
    assert gold_spans({"locations": [], "text": text}, doc) == []


def test_token_indices_that_fall_off_a_name_are_refused_not_guessed():
    text = "Rebels shelled the market in Gao on Monday."
    doc = load_model("en")(text)
    shifted = {"id": "x", "locations": [{"start": 4, "end": 4, "text": ""}], "text": text}
    with pytest.raises(MisalignedGold, match="x: gold span 4-4"):
        gold_spans(shifted, doc)


def test_evaluate_event_locations_counts_places_and_no_places(tmp_path):
    rows = [
        ("Rebels shelled the market in Gao on Monday.", "shelled", [(29, 32, "Gao")]),
        ("The minister condemned the violence.", "condemned", []),
        ("Police arrested two men in Kayes.", "arrested", [(0, 6, "Police")]),
    ]
    path = tmp_path / "gold.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for text, verb, locations in rows:
            start = text.index(verb)
            record = {
                "id": verb,
                "text": text,
                "verb": [{"start": start, "end": start + len(verb), "text": verb}],
                "locations": [{"start": s, "end": e, "text": t} for s, e, t in locations],
            }
            handle.write(json.dumps(record) + "\n")
    result = evaluate_event_locations(path)
    assert result["verbs"] == 3
    assert result["right"] == 2  # the third gold span is deliberately wrong
    assert result["right_no_place"] == 1
