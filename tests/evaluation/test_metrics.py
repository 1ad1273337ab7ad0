"""Metrics: classification report, token-overlap F1, tally."""

import pytest

from eventlens.evaluation.metrics import (
    NONE_LABEL,
    Tally,
    classification_report,
    exact_overlap,
    prf,
    token_overlap,
)


def test_classification_report_by_hand():
    pairs = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), ("C", NONE_LABEL)]
    report = classification_report(pairs)
    assert report["n"] == 5
    assert report["accuracy"] == pytest.approx(3 / 5)
    a, b, c = (report["per_class"][k] for k in "ABC")
    assert (a["precision"], a["recall"]) == (1.0, pytest.approx(2 / 3))
    assert a["f1"] == pytest.approx(0.8)
    assert (b["precision"], b["recall"], b["f1"]) == (0.5, 1.0, pytest.approx(2 / 3))
    assert c["f1"] == 0.0 and c["predicted"] == 0
    assert NONE_LABEL not in report["per_class"]  # averages run over gold classes only
    assert report["macro_f1"] == pytest.approx((0.8 + 2 / 3 + 0) / 3)
    assert report["weighted_f1"] == pytest.approx((0.8 * 3 + 2 / 3 * 1) / 5)
    assert report["confusions"][0]["count"] == 1
    assert {(c["gold"], c["predicted"]) for c in report["confusions"]} == {
        ("A", "B"),
        ("C", NONE_LABEL),
    }


def test_empty_report_is_zero():
    report = classification_report([])
    assert report["accuracy"] == 0.0 and report["macro_f1"] == 0.0


def test_prf_handles_zero_counts():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(1, 2, 4) == (0.5, 0.25, pytest.approx(1 / 3))


def test_token_overlap_is_a_bag_of_words_comparison():
    # "the army" vs gold "the Malian army": 2 shared of 2 predicted, 3 gold
    assert token_overlap(["the army"], ["the Malian army"]) == (2, 2, 3)
    assert token_overlap([], ["rebels"]) == (0, 0, 1)
    assert token_overlap(["Chad's army"], ["Chad 's army"]) == (3, 3, 3)


def test_exact_overlap_counts_whole_spans():
    assert exact_overlap(["the army", "rebels"], ["The army", "the rebels"]) == (1, 2, 2)


def test_tally_summary():
    tally = Tally()
    tally.add_class("type", "A", None)
    tally.add_match("actor", True)
    tally.add_match("actor", False)
    tally.add_span("source", (2, 2, 3))
    tally.add_span("source", (0, 1, 1))
    summary = tally.summary()
    assert summary["classification"]["type"]["per_class"]["A"]["recall"] == 0.0
    assert summary["matches"]["actor"] == {"accuracy": 0.5, "n": 2}
    assert summary["spans"]["source"]["precision"] == pytest.approx(2 / 3)
    assert summary["spans"]["source"]["recall"] == pytest.approx(2 / 4)
