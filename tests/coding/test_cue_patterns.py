"""Cue words are matched as whole words by one precompiled regex per cue."""

import re

import pytest

from eventlens.coding.coder import _cue_pattern, _mentions
from eventlens.coding.lexicon import Cue


def _naive(scope: str, cue: Cue) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", scope) for w in cue.words)


CUE = Cue("crowd-control", ("gas", "tear gas", "rubber bullets", "baton"))


@pytest.mark.parametrize(
    "scope",
    [
        "police fired tear gas at the students",
        "the gas station was looted",
        "the tear-gas canisters",
        "gasoline prices rose",
        "batons and rubber bullets",
        "a baton-wielding officer",
        "nothing relevant here",
    ],
)
def test_compiled_cue_matches_like_each_word(scope: str) -> None:
    assert _mentions(scope, CUE) == _naive(scope, CUE)


def test_cue_pattern_is_compiled_once() -> None:
    assert _cue_pattern(CUE.words) is _cue_pattern(CUE.words)


def test_cue_without_words_matches_nothing() -> None:
    assert not _mentions("anything at all", Cue("none", ()))
