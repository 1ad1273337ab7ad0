"""The time lexicon is data: validated on load, and a new language needs no code."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from eventlens.resolve.normalize import References, normalize
from eventlens.resolve.periods import Period
from eventlens.resolve.timex import Grammar, TimeLexiconError, grammar

# A small French lexicon written for this test: words and word orders only.
FRENCH = {
    "months": {2: ["février", "fevrier"], 3: ["mars"]},
    "weekdays": {1: ["mardi"]},
    "numbers": {"une": 1, "un": 1, "deux": 2, "quelques": "vague"},
    "units": {"day": ["jour", "jours"], "week": ["semaine", "semaines"]},
    "plural_units": ["jours", "semaines"],
    "parts": {"early": ["début"], "mid": ["mi"], "late": ["fin"]},
    "seasons": {"summer": ["été"]},
    "quarters": {1: ["premier"]},
    "modifiers": {"last": ["dernier", "dernière"], "next": ["prochain", "prochaine"]},
    "narrative_modifiers": {"following": ["suivant", "suivante"]},
    "directions": {"later": ["plus tard"], "earlier": ["plus tôt"]},
    "named_days": {"hier": -1, "demain": 1},
    "ordinal_suffixes": ["er"],
    "rules": [
        {"kind": "calendar", "pattern": "{day} {month} {year}"},
        {"kind": "calendar", "pattern": "{part}(?:-| )(?:de )?{month_name:month}"},
        {"kind": "weekday", "pattern": "{weekday} {modifier}"},
        {"kind": "shift", "pattern": "{number} {unit} {direction}"},
        {"kind": "narrative", "pattern": "(?:le|la) {unit} {narrative_modifier}"},
        {"kind": "named", "pattern": "{named_day}"},
    ],
}
PUB = date(2022, 3, 24)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("le 1er mars 2022", "2022-03-01", "2022-03-01"),
        ("fin février", "2022-02-21", "2022-02-28"),
        ("début mars", "2022-03-01", "2022-03-10"),
        ("mardi dernier", "2022-03-22", "2022-03-22"),
        ("hier", "2022-03-23", "2022-03-23"),
        ("une semaine plus tard", "2022-03-09", "2022-03-09"),
        ("le jour suivant", "2022-03-03", "2022-03-03"),
    ],
)
def test_a_language_is_added_with_data_only(text: str, start: str, end: str) -> None:
    [found] = Grammar("fr", FRENCH).find(text)
    anchor = Period(date(2022, 3, 2), date(2022, 3, 2))
    info = normalize(found, References(PUB, anchor))
    assert info is not None
    assert (info.start, info.end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_the_english_lexicon_compiles() -> None:
    english = grammar("en")
    assert english.rules
    assert grammar("xx") is english  # no time lexicon for a language: English


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw["months"].update({13: ["smarch"]}), "months.13"),
        (lambda raw: raw["units"].update({"fortnight": ["fortnight"]}), "units.fortnight"),
        (lambda raw: raw["numbers"].update({"many": "lots"}), "numbers.many"),
        (lambda raw: raw["rules"].append({"kind": "guess", "pattern": "x"}), "rules[6]"),
        (lambda raw: raw["rules"].append({"kind": "named", "pattern": "(unclosed"}), "rules[6]"),
        (lambda raw: raw.pop("weekdays"), "weekdays"),
        (lambda raw: raw.update({"plural_units": "jours"}), "plural_units"),
    ],
)
def test_a_malformed_lexicon_names_file_and_entry(change, message: str) -> None:
    raw = copy.deepcopy(FRENCH)
    change(raw)
    with pytest.raises(TimeLexiconError, match=rf"fr/time\.yaml: {message}".replace("[", r"\[")):
        Grammar("fr", raw)
