"""Read a misspelt word as the lexicon word it is one edit away from.

Notes typed in haste misspell trigger words ("were *stonned* to death", "*carreid* out air
strikes", "fired heavy *artillary*"): no entry knows them, and the event is lost. A word is
mended only when it is unknown to the model's vocabulary (the lemmatizer's word lists), as
are its regular stems ("herding" is "herd" + "ing"), lower case (not a name), at least
``MIN_LENGTH`` letters long, and exactly one word of the lexicon (a trigger, a light verb,
or a word an entry's conditions name) has an inflected form one edit (insertion, deletion,
substitution or swap of neighbours, the first letter kept) away from it. The word then
takes that lexicon word as its lemma, so entries and their conditions read it as such.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from string import ascii_lowercase

from spacy.tokens import Span

from eventlens.coding.lexicon import Lexicon
from eventlens.nlp import ModelMissing, load_model

MIN_LENGTH = 7
# What joins two words into one token in a hasty note: "shot&injured", "killed/wounded".
JOINERS = re.compile(r"[&/]")
VOWELS = "aeiou"
NOUN_CONDITIONS = ("objects", "modifiers", "subjects")
# (id, size) of a lexicon -> the lexicon (kept, so that its id is not reused) and its forms
_FORMS: dict[tuple[int, int], tuple[Lexicon, dict[str, set[str]]]] = {}


def mend_spelling(sentence: Span, lexicon: Lexicon) -> None:
    """Give each misspelt word of the sentence the lemma of the lexicon word it stands for."""
    lang = sentence.doc.lang_ or "en"
    for token in sentence:
        if token.is_lower and token.is_alpha:
            word = correction(token.lower_, (token.lemma_.lower(),), lexicon, lang)
            token.lemma_ = word or token.lemma_


def correction(word: str, lemmas: Iterable[str], lexicon: Lexicon, lang: str) -> str | None:
    """The lexicon word that ``word`` (with its possible ``lemmas``) misspells, or None when
    it is short, known to the model or the lexicon, or close to no lexicon word or to two."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    readings = (word, *lemmas, *stems(word))
    known = known_words(lang)
    if not known or any(w in known for w in readings):
        return None  # "herding", "interned": inflections of known words the model left as is
    forms = _lexicon_forms(lexicon, lang)
    if any(w in forms for w in readings):
        return None
    found = {lexicon_word for variant in one_edit(word) for lexicon_word in forms.get(variant, ())}
    return found.pop() if len(found) == 1 else None


@cache
def known_words(lang: str) -> frozenset[str]:
    """The words the language model's lemmatizer knows: base forms and irregular forms."""
    words: set[str] = set()
    for base_forms in _lemmatizer_table(lang, "lemma_index").values():
        words.update(base_forms)
    for exceptions in _lemmatizer_table(lang, "lemma_exc").values():
        words.update(exceptions)
    return frozenset(words)


@cache
def irregular_forms(lang: str) -> dict[str, set[str]]:
    """Lemma -> its irregular inflected forms ("hang" -> "hung"), from the lemmatizer."""
    forms: dict[str, set[str]] = defaultdict(set)
    for exceptions in _lemmatizer_table(lang, "lemma_exc").values():
        for form, lemmas in exceptions.items():
            for lemma in lemmas:
                forms[lemma].add(form)
    return forms


def joined_words(word: str) -> list[str]:
    """The words a token joins with "&" or "/" and no space ("shot&injured"), or []."""
    parts = JOINERS.split(word)
    return parts if len(parts) > 1 and all(p.isalpha() for p in parts) else []


@cache
def verb_lemmas(lang: str) -> frozenset[str]:
    """The base forms of the verbs the lemmatizer knows (empty without a model)."""
    return frozenset(_lemmatizer_table(lang, "lemma_index").get("verb", ()))


def irregular_verb_lemma(word: str, lang: str) -> str | None:
    """The base form of an irregular verb form ("shot" -> "shoot"), or None."""
    lemmas = _lemmatizer_table(lang, "lemma_exc").get("verb", {}).get(word)
    return lemmas[0] if lemmas else None


def _lemmatizer_table(lang: str, name: str) -> dict:
    """One of the rule lemmatizer's tables (word lists per part of speech); empty when the
    language has no model or no such table (then no word is mended)."""
    try:
        nlp = load_model(lang)
    except ModelMissing:
        return {}
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    return nlp.get_pipe("lemmatizer").lookups.get_table(name, {})


def _lexicon_forms(lexicon: Lexicon, lang: str) -> dict[str, set[str]]:
    """Inflected form -> the lexicon words it inflects (cached per lexicon and size)."""
    key = (id(lexicon), len(lexicon))
    if key not in _FORMS:
        verbs, nouns = lexicon_words(lexicon)
        irregular = irregular_forms(lang)
        forms: dict[str, set[str]] = defaultdict(set)
        for word in verbs | nouns:
            regular = verb_forms(word) if word in verbs else noun_forms(word)
            for form in (*regular, *irregular.get(word, ())):
                forms[form].add(word)
        _FORMS[key] = (lexicon, forms)
    return _FORMS[key][1]


def lexicon_words(lexicon: Lexicon) -> tuple[set[str], set[str]]:
    """The single words the lexicon names, as (verbs, nouns): verb triggers, light verbs and
    governing verbs; noun triggers and the nouns of conditions (objects, modifiers, subjects)."""
    verbs = {lemma for pos, lemma in lexicon.entries if pos == "verb"} | set(lexicon.light_verbs)
    nouns = {lemma for pos, lemma in lexicon.entries if pos == "noun"}
    for group in lexicon.entries.values():
        for entry in group:
            verbs.update(entry.verbs)
            for name in NOUN_CONDITIONS:
                nouns.update(getattr(entry, name))
    return _single_words(verbs), _single_words(nouns)


def _single_words(words: set[str]) -> set[str]:
    return {word for word in words if word.isalpha() and word.islower()}


def noun_forms(word: str) -> tuple[str, ...]:
    """A noun and its regular plurals ("strike" -> "strikes", "militia" -> "militias")."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word, word + "es")
    return (word, word + "s") + ((word[:-1] + "ies",) if word.endswith("y") else ())


def verb_forms(word: str) -> tuple[str, ...]:
    """The regular inflected forms of an English verb ("carry" -> "carried", "stone" ->
    "stoned", "stop" -> "stopped")."""
    if word.endswith("e"):
        return (*noun_forms(word), word + "d", word[:-1] + "ing")
    forms = [*noun_forms(word), word + "ed", word + "ing"]
    if word.endswith("y"):
        forms.append(word[:-1] + "ied")
    if word[-1] not in VOWELS + "wy" and word[-2:-1] in VOWELS and word[-3:-2] not in VOWELS:
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return tuple(forms)


def stems(word: str) -> set[str]:
    """The base forms a regular inflection of ``word`` could have ("herding" -> "herd",
    "polling" -> "poll", "carried" -> "carry")."""
    found = set()
    for suffix in ("ing", "ed", "es", "s", "d"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 2:
            found |= {stem, stem + "e"} | ({stem[:-1]} if stem[-1] == stem[-2] else set())
    if word.endswith(("ied", "ies")):
        found.add(word[:-3] + "y")
    return found


def one_edit(word: str) -> set[str]:
    """Every string one insertion, deletion, substitution or neighbour swap from ``word``,
    keeping its first letter (typing slips rarely touch it: "stonned" is no "tonned")."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ascii_lowercase}
    inserts = {a + c + b for a, b in splits for c in ascii_lowercase}
    return (deletes | swaps | replaces | inserts) - {word}
