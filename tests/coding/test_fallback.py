"""The embedding fallback typer and its pure-Python WordPiece tokenizer."""

import numpy as np
import pytest

from eventlens.coding.fallback import FallbackError, SimilarityTyper
from eventlens.embeddings import WordPiece, sentence_encoder


@pytest.fixture(scope="module")
def tokenizer():
    return WordPiece()


def test_wordpiece_splits_words_and_punctuation(tokenizer):
    inverse = {i: t for t, i in tokenizer.vocab.items()}
    tokens = [inverse[i] for i in tokenizer.ids("Côte d'Ivoire's troops, unhappily.")]
    assert tokens[0] == "[CLS]" and tokens[-1] == "[SEP]"
    assert tokens[1:6] == ["cote", "d", "'", "ivo", "##ire"]  # accents stripped, pieces marked
    assert "," in tokens and "." in tokens
    assert any(t.startswith("##") for t in tokens)  # "unhappily" is split into pieces


def test_wordpiece_truncates_and_marks_unknown(tokenizer):
    assert len(tokenizer.ids("word " * 500)) == 128
    assert tokenizer.ids("x" * 150)[1] == tokenizer.vocab["[UNK]"]


def test_encoder_gives_unit_vectors_and_sensible_similarity():
    vectors = sentence_encoder().encode(
        [
            "Soldiers attacked the rebel camp.",
            "Troops assaulted the insurgents' base.",
            "Prices of rice rose.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_similarity_typer_types_paraphrases():
    typer = SimilarityTyper()
    kind, score = typer.type("Hundreds of teachers marched through the capital chanting slogans.")
    assert kind == "PROTEST" and 0 < score <= 1
    assert typer.type_many([]) == []


def test_definitions_are_validated():
    with pytest.raises(FallbackError, match="unknown PLOVER type 'PARTY'"):
        SimilarityTyper(definitions={"PARTY": ["People danced."]})
    with pytest.raises(FallbackError, match="needs a list of sentences"):
        SimilarityTyper(definitions={"AGREE": "They agreed."})
