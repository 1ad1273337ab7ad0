"""Find event triggers in a parsed sentence by looking tokens up in the lexicon.

One event per trigger: a token fires at most one entry (the first whose conditions hold),
the object a verb entry requires ("imposed *sanctions*") cannot fire again as a noun, and a
trigger that depends on another trigger of the same type ("attacked ..., *killing* five",
"killed in an *airstrike*") is absorbed by it: both make one event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventlens.coding.lexicon import Lexicon, TriggerEntry

ABSORBING_LABELS = ("dobj", "pobj", "advcl", "xcomp", "nsubj", "nsubjpass", "acl", "npadvmod")
OBJECT_LABELS = ("dobj", "obj")
EVENT_NOUN_POS = ("NOUN", "PROPN")
PREP_LABELS = ("prep", "agent", "dative")
#: Words a ``needs`` condition may name besides prepositions ("set ... *ablaze*", tagged as an
#: adjective, adverb or noun by the parser; "an *armed* group").
CONTENT_POS = ("ADJ", "ADV", "NOUN")
QUANTITY_NOUNS = (
    "thousand",
    "hundred",
    "dozen",
    "score",
    "million",
    "number",
    "group",
    "handful",
    "tonne",
    "ton",
    "lot",
    "crowd",
    "batch",
    "convoy",
    "consignment",
    "worth",  # "$5 million *worth* of medicine"
    "kg",
    "kilogram",
    "kilo",
    "litre",
    "liter",
    "part",  # "suspended *part* of its aid"
    "portion",
    "shipment",
    "package",
)
# Nouns that group events: "a *series* of attacks", "a *wave* of arrests".
SERIES_NOUNS = ("series", "wave", "spate", "string", "round", "campaign", "day", "week")
# Entity labels of tokens that name quantities and times, never events ("*March* 2").
NOT_EVENT_ENTITIES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


@dataclass
class TriggerMatch:
    """A token of the sentence that triggers an event through a lexicon entry."""

    token: Token
    entry: TriggerEntry
    consumed: tuple[Token, ...] = ()  # object tokens that are part of the trigger
    absorbed: list[TriggerMatch] = field(default_factory=list)  # same-type dependents


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[TriggerMatch]:
    """The sentence's triggers, one per event, in text order."""
    matches = [m for token in sentence if (m := _match(token, lexicon)) is not None]
    consumed = {t.i for m in matches for t in m.consumed}
    matches = [m for m in matches if m.token.i not in consumed]
    return _absorb_dependents(matches)


def _match(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    pos = trigger_pos(token)
    if pos is None:
        return None
    entries = next((e for word in word_forms(token) if (e := lexicon.lookup(pos, word))), [])
    for entry in entries:
        consumed = _conditions_hold(token, entry)
        if consumed is not None:
            return TriggerMatch(token, entry, consumed)
    return None


def trigger_pos(token: Token) -> str | None:
    """ "verb" or "noun" when the token can trigger an event, else None."""
    if token.dep_ in ("amod", "compound", "poss") or _names_quantity(token):
        return None  # "the ousted president", "attack helicopters", "March 2": not events
    if token.pos_ == "VERB" or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
        return "verb"
    if token.pos_ in EVENT_NOUN_POS:
        return "noun"
    return None


def _names_quantity(token: Token) -> bool:
    """A date, time or number; a lower-case word the parser put in a date is not a month
    ("staged a protest *march*")."""
    if token.ent_type_ == "DATE" and token.is_lower and token.pos_ in EVENT_NOUN_POS:
        return False
    return token.ent_type_ in NOT_EVENT_ENTITIES


def _conditions_hold(token: Token, entry: TriggerEntry) -> tuple[Token, ...] | None:
    """None when an entry condition fails, else the object tokens the entry consumes."""
    children = list(token.children)
    if entry.particle and not _has_particle(token, entry.particle):
        return None
    objects = complements(token) if entry.pos == "noun" else direct_objects(token)
    object_lemmas = {_lemma(t) for o in objects for t in (o, *_quantified(o))}
    if entry.objects and not object_lemmas & set(entry.objects):
        return None
    if entry.object_types and not any(o.ent_type_ in entry.object_types for o in objects):
        return None
    complement_lemmas = {_lemma(c) for c in children if c.dep_ == "xcomp"}  # "declined to comment"
    if (object_lemmas | complement_lemmas) & set(entry.not_objects):
        return None
    if entry.verbs and governing_verb(token, entry.verbs) is None:
        return None
    modifiers = {_lemma(c) for c in children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")}
    if entry.modifiers and not modifiers & set(entry.modifiers):
        return None
    if modifiers & set(entry.not_modifiers):
        return None
    around = [*children, *(c for o in objects for c in o.children)]
    if entry.needs and not any(_is_any(c, entry.needs, token) for c in around):
        return None
    if any(_is_any(c, entry.forbids, token) for c in children):
        return None
    if entry.modals and not _modal_complement(children, entry.modals):
        return None
    return tuple(o for o in objects if _lemma(o) in entry.objects) if entry.pos == "verb" else ()


def word_forms(token: Token) -> list[str]:
    """The token's lemma, its lower-case form, and for verbs the base forms its inflection
    suggests: the parser's lemma is sometimes wrong ("staged" -> "stag"). A word joined to
    the one before it by a hyphen is looked up whole first ("sit-in", "cease-fire")."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if _hyphenated(token):  # "sit-in" is three tokens: sit, -, in
        forms.insert(0, f"{token.doc[token.i - 2].lower_}-{lower}")
    suffix = {"VBD": "ed", "VBN": "ed", "VBZ": "s", "VBG": "ing"}.get(token.tag_)
    if suffix and lower.endswith(suffix):
        stem = lower[: -len(suffix)]
        forms += [stem + "e", stem] if suffix != "s" else [stem, stem[:-1]]
    return list(dict.fromkeys(forms))


def _hyphenated(token: Token) -> bool:
    """Whether the token ends a hyphenated word whose first part modifies it."""
    if token.i < 2 or token.doc[token.i - 1].text != "-":
        return False
    first = token.doc[token.i - 2]
    return (
        first.head.i == token.i and not first.whitespace_ and not token.doc[token.i - 1].whitespace_
    )


def governing_verb(noun: Token, lemmas: Iterable[str]) -> Token | None:
    """The verb among ``lemmas`` governing the noun ("*opened* fire", "*took* to the streets")."""
    first = noun
    while first.dep_ == "conj":
        first = first.head
    verb = first.head
    if first.dep_ == "pobj" and verb.dep_ == "prep":  # "took *to* the streets"
        first, verb = verb, verb.head
    if first.lower_ == "as" and verb.dep_ == "dobj":  # "held *civilians* as shields": the verb's
        first, verb = verb, verb.head  # object predicate, parsed as the object's modifier
    if first.dep_ in ("dobj", "nsubjpass", "prep") and set(word_forms(verb)) & set(lemmas):
        return verb
    return None


def _has_particle(token: Token, particle: str) -> bool:
    """Whether the particle follows the verb ("called *on* X", not "called *on* Friday")."""
    return any(
        c.lower_ == particle
        and c.dep_ in ("prt", "advmod", "prep")
        and c.i > token.i
        and not any(o.ent_type_ in NOT_EVENT_ENTITIES for o in c.children)
        for c in token.children
    )


def _is_any(child: Token, names: Iterable[str], trigger: Token) -> bool:
    """Whether a child has one of these dependency labels, is one of these prepositions
    following the trigger ("agreed *to* a truce", not "*To* some extent, ... agrees"; nor
    "called *on* Friday": a preposition of a date) or one of these words after it
    ("set the church *ablaze*", "launched an *armed* group")."""
    by_word = child.dep_ in PREP_LABELS and child.lower_ in names and child.i > trigger.i
    dated = any(o.ent_type_ in NOT_EVENT_ENTITIES for o in child.children)
    content = child.pos_ in CONTENT_POS and child.lower_ in names and child.i > trigger.i
    return child.dep_ in names or (by_word and not dated) or content


def _modal_complement(children: list[Token], modals: Iterable[str]) -> bool:
    """Whether a clausal complement carries one of these modals, not negated ("said Iran
    *must* stop", not "must not")."""
    for clause in (c for c in children if c.dep_ == "ccomp"):
        auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        negated = any(c.dep_ == "neg" for c in clause.children)
        if auxiliaries & set(modals) and not negated:
            return True
    return False


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def direct_objects(token: Token) -> list[Token]:
    """A verb's direct objects with their conjuncts; a participle's noun; a passive subject."""
    objects = [c for c in token.children if c.dep_ in OBJECT_LABELS]
    if not objects:
        objects = [c for c in token.children if c.dep_ == "nsubjpass"]
    if not objects and token.dep_ == "acl" and token.tag_ == "VBN":
        objects = [token.head] if token.head.pos_ in EVENT_NOUN_POS else []
    return [o for obj in objects for o in (obj, *obj.conjuncts)]


def carrier(noun: Token) -> Token:
    """The noun that stands in the clause for an event noun it counts or measures: "launched
    *10 days* of war games", "staged *a series* of attacks" (else the noun itself)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ not in EVENT_NOUN_POS:
        return noun
    measure = prep.head
    counted = measure.lemma_.lower() in QUANTITY_NOUNS or measure.ent_type_ in NOT_EVENT_ENTITIES
    return measure if counted or measure.lemma_.lower() in SERIES_NOUNS else noun


def _quantified(noun: Token) -> list[Token]:
    """What a quantity noun counts: "thousands *of protesters*", "dozens *of homes*"."""
    if noun.lemma_.lower() not in QUANTITY_NOUNS and noun.pos_ != "NUM":
        return []
    return complements(noun)


def complements(noun: Token) -> list[Token]:
    """A noun's "of" complements ("state of *emergency*", "release of *prisoners*")."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _absorb_dependents(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Fold each trigger into a same-type trigger that governs it; keep the rest in order."""
    by_index = {m.token.i: m for m in matches}
    kept = []
    for match in matches:
        governor = _same_type_governor(match, by_index)
        if governor is None:
            kept.append(match)
        else:
            governor.absorbed.append(match)
    return kept


def _same_type_governor(
    match: TriggerMatch, by_index: dict[int, TriggerMatch]
) -> TriggerMatch | None:
    token = match.token
    if token.dep_ not in ABSORBING_LABELS:
        return None
    head = token.head
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    governor = by_index.get(head.i)
    if governor is None or governor is match or governor.entry.type != match.entry.type:
        return None
    return _same_type_governor(governor, by_index) or governor
