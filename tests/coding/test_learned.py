"""The learned typer: logistic regression over sentence embeddings, used beside the lexicon."""

import json
from pathlib import Path

import numpy as np
import pytest

from eventlens.coding.coder import EventCoder
from eventlens.coding.learned import (
    EMBEDDING_MODEL,
    LearnedTyper,
    ModelError,
    TypeModel,
    cross_validate,
    fit,
    macro_f1,
)
from eventlens.embeddings import sentence_encoder
from eventlens.pipeline import Pipeline
from eventlens.record import Document

LABELLED = Path(__file__).resolve().parents[1] / "data" / "learned" / "labelled.jsonl"
# Sentences of the four classes that are not in the training file, with verbs the lexicon lacks.
UNSEEN_AID = "Volunteers ferried blankets and medicine to the displaced families in Gao."
UNSEEN_NONE = "The orchestra performed a symphony by Dvořák at the festival."


@pytest.fixture(scope="module")
def labelled():
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in rows]
    return sentence_encoder().encode(texts), [r["event_type"] for r in rows]


@pytest.fixture(scope="module")
def model(labelled):
    vectors, labels = labelled
    trained = fit(vectors, labels)
    trained.meta = {"embedding_model": EMBEDDING_MODEL, "min_prob": 0.4}
    return trained


def test_training_learns_the_labelled_set(labelled):
    vectors, labels = labelled
    scores = cross_validate(vectors, labels, folds=5)
    assert scores["folds"] == 5
    assert scores["accuracy"] >= 0.7  # chance is 0.25 with four balanced classes
    assert scores["macro_f1"] >= 0.7


def test_fit_separates_synthetic_classes():
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(3, 8)) * 3
    labels = [f"C{i % 3}" for i in range(90)]
    vectors = np.array([centres[int(x[1])] for x in labels]) + rng.normal(size=(90, 8))
    trained = fit(vectors, labels)
    predicted = [trained.labels[j] for j in trained.probabilities(vectors).argmax(axis=1)]
    assert sum(p == g for p, g in zip(predicted, labels, strict=True)) >= 85
    assert np.allclose(trained.probabilities(vectors).sum(axis=1), 1.0)


def test_macro_f1_averages_over_gold_classes():
    assert macro_f1(["A", "A", "B", "B"], ["A", "A", "B", "B"]) == 1.0
    assert macro_f1(["A", "A", "B", "B"], ["A", "A", "A", "A"]) == pytest.approx((2 / 3) / 2)


def test_saved_model_loads_and_types_an_unseen_sentence(model, tmp_path):
    path = tmp_path / "aid.npz"
    model.save(path)
    loaded = TypeModel.load(path)
    assert loaded.labels == ["AID", "ASSAULT", "NONE", "PROTEST"]
    assert loaded.meta["min_prob"] == 0.4
    [(label, probability)] = loaded.type_many([UNSEEN_AID])
    assert label == "AID" and 0.4 < probability <= 1
    assert loaded.type_many([UNSEEN_NONE])[0][0] == "NONE"


def test_unusable_model_files_are_refused(model, tmp_path):
    junk = tmp_path / "junk.npz"
    junk.write_text("not a model")
    with pytest.raises(ModelError, match="junk.npz: not an eventlens model"):
        TypeModel.load(junk)
    model.meta = {**model.meta, "embedding_model": "another-encoder"}
    model.save(tmp_path / "other.npz")
    model.meta = {**model.meta, "embedding_model": EMBEDDING_MODEL}
    with pytest.raises(ModelError, match="made for embeddings 'another-encoder'"):
        TypeModel.load(tmp_path / "other.npz")


def _coded(typer: LearnedTyper, text: str):
    pipeline = Pipeline(coder=EventCoder(typer=typer), prefilter=False)
    [(_, events)] = list(pipeline.code([Document(id="t", text=text)]))
    return events


def test_typer_codes_sentences_the_lexicon_misses(model):
    typer = LearnedTyper(model, "model:aid", threshold=0.4)
    [event] = _coded(typer, UNSEEN_AID)
    assert (event.event_type, event.rule, event.trigger) == ("AID", "model:aid", "ferried")
    assert [a.text for a in event.actor] == ["Volunteers"]
    assert 0 < event.confidence <= 0.5  # discounted below lexicon events
    assert _coded(typer, UNSEEN_NONE) == []  # the class "no event"
    assert _coded(LearnedTyper(model, "model:aid", threshold=1.01), UNSEEN_AID) == []


def test_lexicon_events_are_not_retyped(model):
    typer = LearnedTyper(model, "model:aid", threshold=0.0)
    events = _coded(typer, "Rebels ambushed a patrol near Kidal.")
    assert events and not any(e.rule.startswith("model:") for e in events)


def test_similarity_fallback_names_its_rule():
    typer = LearnedTyper.similarity(threshold=0.3)
    [event] = _coded(typer, "Hundreds of teachers paraded through the capital with banners.")
    assert event.rule == "similarity:plover-definitions"
    assert event.event_type == "PROTEST"
