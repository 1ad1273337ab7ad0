"""The place measures, on small files written for the tests."""

from __future__ import annotations

import csv
import json

import pytest

from eventlens.evaluation.places import (
    MisalignedGold,
    _acled_rows,
    evaluate_acled_places,
    evaluate_event_locations,
    gold_spans,
)
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


def _acled_file(tmp_path, rows):
    """A small ACLED-style CSV with notes written for the tests."""
    path = tmp_path / "acled.csv"
    fields = ["event_id_cnty", "country", "location", "latitude", "longitude"]
    fields += ["geo_precision", "notes"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for n, (country, lat, lon, note) in enumerate(rows):
            writer.writerow(
                dict(zip(fields, [f"E{n}", country, "", lat, lon, "1", note], strict=True))
            )
    return path


def test_acled_sample_takes_every_country_in_proportion(tmp_path):
    rows = [("Burkina Faso", 14.1, -1.6, "Gunmen attacked Djibo.")] * 6
    rows += [("Niger", 13.5, 2.1, "Protesters marched in Niamey.")] * 3
    sample = _acled_rows(_acled_file(tmp_path, rows), 3)
    assert sorted(r["country"] for r in sample) == ["Burkina Faso", "Burkina Faso", "Niger"]


def test_acled_places_counts_precision_and_unknown_names(tmp_path):
    rows = [
        ("Burkina Faso", 14.10, -1.63, "On 2 May, gunmen attacked a police post in Djibo."),
        ("Mali", 14.90, -3.10, "On 3 May, gunmen burned the village of Kassomba."),
        ("Niger", 13.51, 2.11, "The minister condemned the violence."),
    ]
    result = evaluate_acled_places(_acled_file(tmp_path, rows))
    assert result["events"] == 3 and result["placed"] == 2
    assert result["within_25km"] == 1
    assert result["by_precision"]["place"] == {"placed": 1, "within_25km": 1}
    assert result["placed_unknown_name"] == 1  # Kassomba, at its country's position
