"""Whether an event noun reports an event or only refers back to one.

"The invasion of Ukraine is a twist to the story", "after the coup", "two coups": an event
noun with no actor, no date and no place only names an event the reader already knows; it
is not coded. A noun reports an event when it says who acted ("the Russian invasion"), when
("the August 2020 coup", "a second coup in May 2021"), or where ("rallies in Bamako"), when a
verb carries it ("launched an attack", "clashes erupted") or when its clause is dated or
placed ("In Bamako, massive rallies ..."), or when it heads a verbless headline ("Murder
of a local councillor").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from eventlens.coding.frames import undergoing_verb
from eventlens.coding.lexicon import Lexicon, TriggerEntry
from eventlens.coding.triggers import carrier, word_forms

TIME_PLACE_ENTITIES = ("DATE", "TIME", "GPE", "LOC", "FAC")
SETTING_PREPS = ("in", "at", "on", "near", "outside", "inside", "around", "across", "during")
SUBJECT_LABELS = ("nsubj", "nsubjpass")
DATE_MODIFIERS = ("nmod", "compound", "npadvmod", "amod", "poss", "nummod", "tmod")


def reports_event(
    noun: Token,
    entry: TriggerEntry,
    actors: list[Span],
    lexicon: Lexicon,
    occurrence_verbs: set[str],
    casualty_verbs: set[str] = frozenset(),
) -> bool:
    """Whether the nominal trigger ``noun`` reports an event (see the module docstring)."""
    if any(span.root.pos_ != "PRON" for span in actors):
        return True
    if _dated_or_placed(noun) or _is_headline(noun):
        return True
    first = carrier(_first_conjunct(noun))
    head, lemma = first.head, first.head.lemma_.lower()
    light = any(form in lexicon.light_verbs for form in word_forms(head))
    carried = first.dep_ in ("dobj", "nsubjpass") and light
    if carried or entry.verbs or undergoing_verb(first) is not None:  # "came under attack"
        return True
    if first.dep_ in SUBJECT_LABELS and head.i != first.i:
        return lemma in occurrence_verbs or _dated_or_placed(head)
    return _casualties_in(first, casualty_verbs)


def _casualties_in(noun: Token, casualty_verbs: set[str]) -> bool:
    """ "killed *in an ambush*", "died during clashes": casualties report the event."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "amid", "amidst"):
        return False
    return prep.head.lemma_.lower() in casualty_verbs


def _is_headline(noun: Token) -> bool:
    """A verbless sentence built on the event noun ("Murder of a local councillor.",
    "Sit-in by teachers in front of the ministry"): a headline that reports the event."""
    sentence = noun.sent
    return noun.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in sentence)


def _dated_or_placed(token: Token) -> bool:
    """A date among the token's modifiers, or a date or place in its prepositional phrases
    ("in May 2021", "in Bamako"; never "of": "the invasion *of Ukraine*" is its recipient)."""
    for child in token.children:
        if child.dep_ in DATE_MODIFIERS and _has_entity(child.subtree, ("DATE", "TIME")):
            return True
        setting = child.dep_ == "prep" and child.lower_ in SETTING_PREPS
        pobjs = [p for p in child.children if p.dep_ == "pobj"]
        if setting and _has_entity(pobjs, TIME_PLACE_ENTITIES):
            return True
    return False


def _has_entity(tokens: Iterable[Token], labels: tuple[str, ...]) -> bool:
    return any(t.ent_type_ in labels for t in tokens)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj":
        token = token.head
    return token
