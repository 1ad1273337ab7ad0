"""Trigger pre-filter: find, before any parsing, the sentences that could hold an event.

The coder only makes events from tokens whose lemma (or lower-case form) is a lexicon
lemma, and only when the entry's word conditions hold (a particle, one of its objects,
governing verbs or modifiers). From the tokenizer output alone, :class:`TriggerForms` tells
which lexicon words a token *could* stand for: it applies every lemmatizer rule and
exception of the model, whatever the tag turns out to be, plus the attribute ruler's
lemma overrides. The test over-approximates, so it never drops a sentence in which
the full parse would find a trigger. :func:`select_windows` keeps the candidate
sentences, with the sentences around them that the resolvers and the parser read as
context, as token ranges to parse.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.attrs import IS_SPACE, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from eventlens.coding.lexicon import Lexicon, TriggerEntry
from eventlens.coding.spelling import correction, joined_words

LEMMATIZER_POS = ("verb", "noun", "adj", "adv")
SENTENCE_END = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
CLOSING = frozenset({'"', "'", "”", "’", ")", "]", "»"})
OPENING = frozenset({'"', "'", "“", "‘", "(", "[", "«"})
WORD_SPLIT = re.compile(r"[\s\-_/]+")


@dataclass(frozen=True)
class Requirement:
    """What a sentence must contain for one lexicon entry to fire in it."""

    words: frozenset[str]  # every word of the trigger lemma
    any_of: tuple[frozenset[str], ...]  # for each condition, one of these words

    @property
    def all_words(self) -> frozenset[str]:
        return self.words.union(*self.any_of)

    def met_by(self, found: set[str]) -> bool:
        return self.words <= found and all(not found.isdisjoint(c) for c in self.any_of)


class TriggerForms:
    """Which words of a sentence could be lexicon lemmas once the sentence is parsed."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.requirements: dict[str, list[Requirement]] = defaultdict(list)
        for group in lexicon.entries.values():
            for entry in group:
                requirement = _requirement(entry)
                self.requirements[min(requirement.words, default="")].append(requirement)
        self.words = frozenset(
            w for group in self.requirements.values() for r in group for w in r.all_words
        )
        lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        rules = lookups.get_table("lemma_rules", {}) if lookups else {}
        exceptions = lookups.get_table("lemma_exc", {}) if lookups else {}
        self._rules = [pair for pos in LEMMATIZER_POS for pair in rules.get(pos, [])]
        self._exceptions = [exceptions.get(pos, {}) for pos in LEMMATIZER_POS]
        self._overrides = _ruler_overrides(nlp, self.words)
        self._vocab = nlp.vocab
        self._known: dict[int, frozenset[str]] = {}
        self._lexicon, self._lang = lexicon, nlp.lang

    def lexicon_words(self, lower_id: int) -> frozenset[str]:
        """The lexicon words the token with this LOWER hash could stand for (cached)."""
        found = self._known.get(lower_id)
        if found is None:
            form = self._vocab.strings[lower_id]
            lemmas = self.possible_lemmas(form)
            lemmas.update(w for part in joined_words(form) for w in self.possible_lemmas(part))
            found = self.words.intersection(lemmas)
            found = found.union(w for w, test in self._overrides if test(form))
            mended = correction(form, lemmas, self._lexicon, self._lang)  # "stonned"
            found = found.union((mended,) if mended else ())
            self._known[lower_id] = found
        return found

    def could_hold_event(self, lower_ids: Iterable[int]) -> bool:
        """Whether a sentence with these tokens could make an event once parsed."""
        found: set[str] = set()
        for lower_id in lower_ids:
            found.update(self.lexicon_words(lower_id))
        return any(r.met_by(found) for word in found for r in self.requirements.get(word, ()))

    def possible_lemmas(self, form: str) -> set[str]:
        """Every lemma the model's lemmatizer could give ``form``, whatever its tag."""
        lemmas = {form, self._vocab[form].norm_}
        for table in self._exceptions:
            lemmas.update(table.get(form, ()))
        for old, new in self._rules:
            if form.endswith(old) and len(form) > len(old):
                lemmas.add(form[: len(form) - len(old)] + new)
        return lemmas


def _requirement(entry: TriggerEntry) -> Requirement:
    """Trigger words plus the word conditions (particle, objects, verbs, modifiers) of an entry."""
    particle = (entry.particle,) if entry.particle else ()
    conditions = [entry.objects, entry.verbs, entry.modifiers, particle]
    return Requirement(
        words=frozenset(w for w in WORD_SPLIT.split(entry.lemma) if w),
        any_of=tuple(frozenset(str(w).lower() for w in c) for c in conditions if c),
    )


def _ruler_overrides(nlp: Language, words: frozenset[str]) -> list[tuple[str, Callable]]:
    """(lemma, test on the lower-case form) for each attribute-ruler rule setting a lexicon word."""
    overrides: list[tuple[str, Callable]] = []
    if "attribute_ruler" not in nlp.pipe_names:
        return overrides
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        lemma = rule["attrs"].get("LEMMA")
        if lemma not in words:
            continue
        for pattern in rule["patterns"]:
            token = pattern[rule.get("index", 0)]
            spec = token.get("LOWER", token.get("ORTH", token.get("TEXT")))
            overrides.append((lemma, _form_test(spec)))
    return overrides


def _form_test(spec: object) -> Callable[[str], bool]:
    """A test on lower-case forms for a token-pattern value (anything, if unknown)."""
    if isinstance(spec, str):
        return spec.lower().__eq__
    if isinstance(spec, dict) and "IN" in spec:
        return frozenset(str(v).lower() for v in spec["IN"]).__contains__
    if isinstance(spec, dict) and "REGEX" in spec:
        return re.compile(spec["REGEX"], re.IGNORECASE).search
    return lambda form: True


@dataclass(frozen=True)
class Sentence:
    """A pre-segmented sentence: token range [start, end), trailing whitespace included."""

    start: int
    end: int


def presegment(doc: Doc) -> list[Sentence]:
    """Conservative rule-based sentence split of a tokenized (unparsed) doc.

    A sentence ends after a final punctuation mark (and the closing quotes or brackets
    stuck to it) when the next word starts with a capital, a digit or an opening
    quote. It never splits where the parser would not: a window that cut a parser
    sentence in two would change the events. Whitespace stays with the sentence
    before it, as the parser attaches it.
    """
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_SPACE, SPACY]).tolist()
    sentences: list[Sentence] = []
    start, ended = 0, False
    for i, (orth, is_space, _) in enumerate(rows):
        if is_space:
            continue
        text = strings[orth]
        if ended and text in CLOSING and not rows[i - 1][1] and not rows[i - 1][2]:
            continue  # a closing quote or bracket stuck to the full stop
        if ended and (text[0].isupper() or text[0].isdigit() or text in OPENING):
            sentences.append(Sentence(start, i))
            start = i
        ended = text in SENTENCE_END
    if start < len(rows):
        sentences.append(Sentence(start, len(rows)))
    return sentences


def select_windows(
    doc: Doc, forms: TriggerForms, context: tuple[int, int] = (1, 1)
) -> tuple[list[Sentence], list[tuple[int, int]]]:
    """Pre-segmented sentences and the token ranges to parse.

    A range covers each run of candidate sentences with ``context`` = (before, after)
    sentences around it, and always the first sentence (the dateline and lede of
    news). Sentences before feed the resolvers (who, when); the sentence after keeps
    the parse of a candidate's last words as it is in the whole text.
    """
    sentences = presegment(doc)
    lowers = doc.to_array(LOWER).tolist()
    before, after = context
    selected = set()
    for index, sentence in enumerate(sentences):
        if forms.could_hold_event(lowers[sentence.start : sentence.end]):
            selected.update(range(max(0, index - before), min(len(sentences), index + after + 1)))
    if selected:
        selected.add(0)
    return sentences, _merge(sentences[i] for i in sorted(selected))


def _merge(sentences: Iterable[Sentence]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for sentence in sentences:
        if ranges and ranges[-1][1] == sentence.start:
            ranges[-1] = (ranges[-1][0], sentence.end)
        else:
            ranges.append((sentence.start, sentence.end))
    return ranges
