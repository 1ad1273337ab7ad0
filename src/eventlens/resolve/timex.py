"""The time-expression grammar: a language's words and word orders, compiled to regexes.

``data/lexicons/<lang>/time.yaml`` holds the words (month names, units, part-of-period
words, modifiers) and the word orders (``rules``). :func:`expressions` finds the date
expressions of a text; :mod:`eventlens.resolve.normalize` turns each into a date range.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from eventlens.data_files import data_path, load_yaml
from eventlens.resolve.periods import MONTHS_PER_UNIT, PARTS, SEASONS

KINDS = {"calendar", "numeric", "decade", "named", "weekday", "unit", "ago", "shift",
         "narrative", "past_range", "future_range"}  # fmt: skip

# Sections mapping a language-independent value to the words that say it.
VALUE_SECTIONS: dict[str, set[Any]] = {
    "months": set(range(1, 13)),
    "weekdays": set(range(7)),
    "units": {"minute", "hour", "day", "week", "weekend", *MONTHS_PER_UNIT},
    "parts": set(PARTS["month"]),
    "seasons": set(SEASONS),
    "quarters": {1, 2, 3, 4},
    "modifiers": {"last", "this", "next", "earlier_this", "later_this"},
    "narrative_modifiers": {"previous", "following", "same", "earlier_that", "later_that"},
    "directions": {"later", "earlier"},
}
# Sections mapping a word to its value.
WORD_SECTIONS = {"numbers": (int, "vague"), "named_days": (int,)}
# Template class -> lexicon section; number classes are regexes.
WORD_CLASSES = {
    "month": "months", "month_name": "months", "weekday": "weekdays", "unit": "units",
    "part": "parts", "season": "seasons", "quarter": "quarters", "modifier": "modifiers",
    "narrative_modifier": "narrative_modifiers", "direction": "directions",
    "number": "numbers", "named_day": "named_days",
}  # fmt: skip
NUMBER_CLASSES = {
    "day": r"(?:[12]\d|3[01]|0?[1-9])",
    "n2": r"\d{1,2}",
    "year": r"(?:1[6-9]|20)\d\d",
    "yy": r"\d\d",
    "decade4": r"(?:1[5-9]|20)\d0s",
    "decade2": r"'?\d0s",
    "decade": r"(?:(?:1[5-9]|20)\d|')?\d0s",
    "qnum": r"[1-4]",
}
PATTERN_SECTIONS = ("to",)  # regex snippets a language defines, inserted as they are
LIST_CLASSES = {"time_of_day": "times_of_day"}  # word lists inserted as (?:a|b|c)
KEYWORD_SECTIONS = ("months", "weekdays", "units", "named_days", "seasons")
SPACE = r"(?:\s+|(?<=\.))"  # a space in a pattern: white space, or none after a dot ("Feb.22")
PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
DIGITS = re.compile(r"\d+")


class TimeLexiconError(ValueError):
    """A time lexicon file is malformed; the message names the file and entry."""


@dataclass(frozen=True)
class Expression:
    """A date expression found in a text, with the values its words stand for."""

    kind: str
    text: str
    start: int
    end: int
    values: Mapping[str, Any]
    anchor: Expression | None = None  # "two days after 5 March": the date counted from


@dataclass(frozen=True)
class Rule:
    kind: str
    regex: re.Pattern[str]
    classes: dict[str, str]  # group name -> class
    constants: dict[str, Any] = field(default_factory=dict)
    strict: bool = False


class Grammar:
    """The compiled time grammar of one language."""

    def __init__(self, lang: str, raw: dict[str, Any]) -> None:
        self.lang = lang
        self.where = str(data_path("lexicons", lang, "time.yaml"))
        self.raw = raw
        self.words = {name: self._word_values(name) for name in WORD_CLASSES.values()}
        self.ambiguous = set(self._list("ambiguous"))
        self.prepositions = set(self._list("date_prepositions"))
        self.plurals = set(self._list("plural_units"))
        self.times_of_day = set(self._list("times_of_day"))
        self.overnight = set(self._list("overnight"))
        self.future_auxiliaries = set(self._list("future_auxiliaries"))
        self.earlier_event_words = set(self._list("earlier_event_words"))
        self.framing_conjunctions = set(self._list("framing_conjunctions"))
        opening = _alternation(self._list("open_start"))
        self.open_start = re.compile(rf"\b(?:{opening})\s+$", re.I) if opening else None
        self.rules = [self._rule(index, entry) for index, entry in enumerate(raw["rules"])]
        # every rule has a digit or one of these words: texts without any have no date
        names = [*KEYWORD_SECTIONS, *LIST_CLASSES.values()]
        words = [word for name in names for word in self._words_of(name)]
        self.keywords = re.compile(rf"\d|\b(?:{_alternation(words)})", re.I)

    def find(self, text: str) -> tuple[Expression, ...]:
        """The date expressions of ``text``, longest first where they overlap, in text order."""
        if not self.keywords.search(text):
            return ()
        candidates = [
            (match, rule)
            for rule in self.rules
            for match in rule.regex.finditer(text)
            if self._acceptable(match, rule, text)
        ]
        candidates.sort(key=lambda item: (item[0].start() - item[0].end(), item[0].start()))
        chosen: list[tuple[re.Match[str], Rule]] = []
        for match, rule in candidates:
            if all(match.end() <= m.start() or match.start() >= m.end() for m, _ in chosen):
                chosen.append((match, rule))
        chosen.sort(key=lambda item: item[0].start())
        return _anchor_shifts([self._expression(match, rule, text) for match, rule in chosen], text)

    def _expression(self, match: re.Match[str], rule: Rule, text: str) -> Expression:
        values = dict(rule.constants)
        for name, cls in rule.classes.items():
            if match.group(name) is not None:
                values[name] = self._value(cls, match.group(name))
        if match.groupdict().get("unit") and _normal(match.group("unit")) in self.plurals:
            values["plural"] = True
        if self.open_start and self.open_start.search(text[: match.start()]):
            values["since"] = True
        return Expression(rule.kind, match.group(0), match.start(), match.end(), values)

    def _value(self, cls: str, word: str) -> Any:
        if cls in WORD_CLASSES:
            table = self.words[WORD_CLASSES[cls]]
            key = _normal(word)
            return table[key] if key in table else int(key)
        return int(DIGITS.search(word).group(0))

    def _acceptable(self, match: re.Match[str], rule: Rule, text: str) -> bool:
        """Reject ambiguous words ("may", "march") in lower case, or alone without a preposition."""
        for name, cls in rule.classes.items():
            word = match.group(name)
            if cls not in ("month", "month_name", "weekday") or word is None:
                continue
            if _normal(word) in self.ambiguous:
                if not word[0].isupper():
                    return False
                if (
                    rule.strict
                    and match.group(0) == word
                    and not self._after_preposition(text, match.start())
                ):
                    return False
        return True

    def _after_preposition(self, text: str, start: int) -> bool:
        before = text[:start].split()
        return bool(before) and before[-1].lower() in self.prepositions

    def _rule(self, index: int, entry: Any) -> Rule:
        where = f"{self.where}: rules[{index}]"
        if not isinstance(entry, dict) or entry.get("kind") not in KINDS:
            raise TimeLexiconError(f"{where}: needs a kind among {sorted(KINDS)}")
        classes: dict[str, str] = {}
        pattern = str(entry.get("pattern", "")).replace(" ", SPACE)

        def group(found: re.Match[str]) -> str:
            cls, name = found.group(1), found.group(2) or found.group(1)
            if cls in PATTERN_SECTIONS:
                return f"(?:{self.raw[cls]})"
            if cls in LIST_CLASSES:
                return f"(?:{_alternation(self._list(LIST_CLASSES[cls]))})"
            if cls not in WORD_CLASSES and cls not in NUMBER_CLASSES:
                return found.group(0)
            classes[name] = cls
            return f"(?P<{name}>{self._class_regex(cls)})"

        try:
            regex = re.compile(rf"(?<![\w'$£€])(?:{PLACEHOLDER.sub(group, pattern)})(?!\w)", re.I)
        except re.error as exc:
            raise TimeLexiconError(f"{where}: bad pattern {entry.get('pattern')!r}: {exc}") from exc
        constants = entry.get("set") or {}
        return Rule(entry["kind"], regex, classes, dict(constants), bool(entry.get("strict")))

    def _class_regex(self, cls: str) -> str:
        if cls == "day":
            return NUMBER_CLASSES["day"] + f"(?:{_alternation(self._list('ordinal_suffixes'))})?"
        if cls in NUMBER_CLASSES:
            return NUMBER_CLASSES[cls]
        section = self.raw[WORD_CLASSES[cls]]
        if cls == "month_name":
            return _alternation([str(words[0]) for words in section.values()])
        words = _alternation(self.words[WORD_CLASSES[cls]])
        if cls in ("month", "weekday") and self.raw.get("abbreviation_dot"):
            short = _alternation([str(word) for names in section.values() for word in names[1:]])
            return rf"(?:{short})\.|{words}" if short else words
        if cls == "number":
            return rf"\d{{1,3}}|{words}"
        return words

    def _word_values(self, section: str) -> dict[str, Any]:
        """word -> value for a section, validated."""
        raw = self.raw.get(section)
        if not isinstance(raw, dict) or not raw:
            raise TimeLexiconError(f"{self.where}: {section}: needs a mapping")
        if section in WORD_SECTIONS:
            allowed = WORD_SECTIONS[section]
            for word, value in raw.items():
                if not (isinstance(value, int) or value in allowed[1:]):
                    raise TimeLexiconError(f"{self.where}: {section}.{word}: bad value {value!r}")
            return {_normal(str(word)): value for word, value in raw.items()}
        table = {}
        for value, words in raw.items():
            if value not in VALUE_SECTIONS[section] or not isinstance(words, list):
                raise TimeLexiconError(f"{self.where}: {section}.{value}: unknown value or no list")
            table.update({_normal(str(word)): value for word in words})
        return table

    def _words_of(self, section: str) -> list[str]:
        """All the words of a section, whatever its layout."""
        raw = self.raw.get(section) or []
        if isinstance(raw, dict) and section in WORD_SECTIONS:
            return [str(word) for word in raw]
        if isinstance(raw, dict):
            return [str(word) for words in raw.values() for word in words]
        return self._list(section)

    def _list(self, section: str) -> list[str]:
        raw = self.raw.get(section, [])
        if not isinstance(raw, list):
            raise TimeLexiconError(f"{self.where}: {section}: needs a list")
        return [str(word) for word in raw]


@cache
def grammar(lang: str = "en") -> Grammar:
    """The compiled grammar of ``lang`` (English where the language has no time lexicon)."""
    if not data_path("lexicons", lang, "time.yaml").is_file():
        return grammar("en")
    raw = load_yaml("lexicons", lang, "time.yaml")
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise TimeLexiconError(f"{data_path('lexicons', lang, 'time.yaml')}: needs rules")
    return Grammar(lang, raw)


@lru_cache(maxsize=4096)
def expressions(text: str, lang: str = "en") -> tuple[Expression, ...]:
    """The date expressions of a text (cached: every event of a sentence asks again)."""
    return grammar(lang).find(text)


def _anchor_shifts(found: list[Expression], text: str) -> tuple[Expression, ...]:
    """Join "two days after" to an absolute date right after it ("two days after 5 March")."""
    joined: list[Expression] = []
    for expression in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == "shift"
            and expression.kind in ("calendar", "numeric")
            and previous.end + 1 >= expression.start
        ):
            joined[-1] = Expression(
                "shift",
                text[previous.start : expression.end],
                previous.start,
                expression.end,
                previous.values,
                anchor=expression,
            )
        else:
            joined.append(expression)
    return tuple(joined)


def _alternation(words: list[str] | dict[str, Any]) -> str:
    ordered = sorted((str(word) for word in words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def _normal(word: str) -> str:
    return " ".join(word.lower().rstrip(".").split())
