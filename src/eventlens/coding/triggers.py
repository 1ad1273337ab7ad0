"""Find event triggers in a parsed sentence by looking tokens up in the lexicon.

One event per trigger: a token fires at most one entry (the first whose conditions hold),
the object a verb entry requires ("imposed *sanctions*") cannot fire again as a noun, and a
trigger that depends on another trigger of the same type ("attacked ..., *killing* five",
"killed in an *airstrike*") is absorbed by it: both make one event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, partial

from spacy.tokens import Span, Token

from eventlens.coding.lexicon import Lexicon, TriggerEntry
from eventlens.coding.spelling import (
    irregular_verb_lemma,
    joined_words,
    mend_spelling,
    verb_lemmas,
)
from eventlens.resolve.gazetteer import default_gazetteer

ABSORBING_LABELS = ("dobj", "pobj", "advcl", "xcomp", "nsubj", "nsubjpass", "acl", "npadvmod")
OBJECT_LABELS = ("dobj", "obj")
EVENT_NOUN_POS = ("NOUN", "PROPN")
# Dependency labels of a word that stands as a noun in its clause.
NOMINAL_LABELS = ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "ROOT")
AGENT_LABEL = "agent"  # the "by" phrase of a passive verb
PREP_LABELS = ("prep", AGENT_LABEL, "dative")
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
# object_types: a place entity, or a proper name the gazetteer knows.
PLACE_LABEL = "PLACE"
PLACE_ENTITIES = ("GPE", "LOC", "FAC")
NOT_PLACE_ENTITIES = ("NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY")
# Entity labels of tokens that name quantities and times, never events ("*March* 2").
NOT_EVENT_ENTITIES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
# Headlines: tags of a verb the tagger read as a noun ("rebels *ambush* a convoy"), of the
# words that may follow it, and of the words its subject's phrase is made of.
HEADLINE_VERB_TAGS = ("NN", "NNS", "VB", "VBP", "VBZ")
HEADLINE_OBJECT_POS = ("DET", "NOUN", "PROPN", "NUM", "ADJ", "ADP", "PRON")
SUBJECT_PHRASE_POS = ("NOUN", "PROPN", "ADJ", "DET", "NUM", "ADP", "PUNCT", "CCONJ", "PART", "ADV")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
# Where the clause of a headline verb ends: "Union protests over cuts*,* police said",
# "Union protests over cuts *since* aid was cut".
CLAUSE_PUNCTUATION = (",", ";", ":", "(", "--", "—", "–")
SUBORDINATORS = (
    *("since", "because", "after", "before", "when", "while", "as", "although", "though"),
    *("until", "unless", "which", "who", "whom", "whose", "where"),
)
# Children of a noun that show it is one: "was *an* exchange", "were *heavy* attacks".
NOUN_MARKS = ("det", "poss", "amod", "nummod", "compound", "nmod", "case")
# Dependency labels of a clause's head, for a past tense tagged as an adjective.
PARTICIPLE_CLAUSE_LABELS = ("ROOT", "advcl", "ccomp", "conj", "relcl")
NOUN_MODIFIER_LABELS = ("compound", "amod", "nmod")


@dataclass
class TriggerMatch:
    """A token of the sentence that triggers an event through a lexicon entry."""

    token: Token
    entry: TriggerEntry
    consumed: tuple[Token, ...] = ()  # object tokens that are part of the trigger
    absorbed: list[TriggerMatch] = field(default_factory=list)  # same-type dependents


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[TriggerMatch]:
    """The sentence's triggers, one per event, in text order (a clause that lost its verb is
    first re-read: see ``read_headline_verb`` and ``read_bare_participle``; a misspelt
    trigger word is first read as the lexicon word it stands for: see ``mend_spelling``)."""
    mend_spelling(sentence, lexicon)
    read_headline_verb(sentence, lexicon) or read_bare_participle(sentence, lexicon)
    matches = [m for token in sentence if (m := _match(token, lexicon)) is not None]
    consumed = {t.i for m in matches for t in m.consumed}
    matches = [m for m in matches if m.token.i not in consumed]
    return _absorb_dependents(matches)


def _match(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    pos = trigger_pos(token)
    if pos is None:
        return None
    entries = next((e for word in word_forms(token) if (e := lexicon.lookup(pos, word))), [])
    modified = _hyphenated_modifier(token)
    if modified is not None and not _stands_for_noun(token, modified, lexicon):
        return None
    for entry in entries:
        consumed = _conditions_hold(token, entry)
        if consumed is not None:
            return TriggerMatch(token, entry, consumed)
    return None


def trigger_pos(token: Token) -> str | None:
    """ "verb" or "noun" when the token can trigger an event, else None."""
    if _names_quantity(token):
        return None  # "March 2": not an event
    if _hyphenated_modifier(token) is not None:
        return "noun"  # "staged a sit-*in* reaction to ...": read as the noun's modifier
    if token.dep_ in ("amod", "compound", "poss") and not _heads_name(token):
        return None  # "the ousted president", "attack helicopters": not events
    if token.pos_ == "VERB" or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
        return "verb"
    if clause_participle(token):
        return "verb"
    if token.pos_ in EVENT_NOUN_POS:
        return "noun"
    if token.dep_ in NOMINAL_LABELS and _hyphenated(token):
        return "noun"  # "staged a sit-*in*": the particle ending a hyphenated noun
    return None


def clause_participle(token: Token) -> bool:
    """A past tense the tagger read as an adjective heading a clause with its own subject
    ("when a bomb they were transporting *exploded*"); not a predicate adjective ("the men
    were *armed*", an acomp)."""
    return (
        token.tag_ == "JJ"
        and token.lower_.endswith("ed")
        and token.dep_ in PARTICIPLE_CLAUSE_LABELS
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def _hyphenated_modifier(token: Token) -> Token | None:
    """The noun that a hyphenated word the token ends modifies, as the tagger read it when
    a word was left out ("staged a sit-*in* [in] reaction to", "a 4-day sit-*in* [in]
    favour of"): the noun stands in the clause for the hyphenated event noun."""
    if not _hyphenated(token):
        return None
    first = token.doc[token.i - 2]
    modifier = first if token.head.i == first.i else token  # either part may hang on the noun
    noun = modifier.head
    modifies = modifier.dep_ in NOUN_MODIFIER_LABELS and noun.i > token.i
    return noun if modifies and noun.pos_ in EVENT_NOUN_POS else None


def _heads_name(token: Token) -> bool:
    """The first word of a proper name the parser hung on the name ("launched *Operation*
    Serval"): it stands for the event the name names."""
    name = token.head
    return (
        token.dep_ == "compound"
        and token.pos_ == name.pos_ == "PROPN"
        and token.i < name.i
        and (token.i == 0 or token.nbor(-1).pos_ != "PROPN")
    )


def _names_quantity(token: Token) -> bool:
    """A date, time or number; a lower-case word the parser put in a date is not a month
    ("staged a protest *march*")."""
    if token.ent_type_ == "DATE" and token.is_lower and token.pos_ in EVENT_NOUN_POS:
        return False
    return token.ent_type_ in NOT_EVENT_ENTITIES


def _stands_for_noun(token: Token, modified: Token, lexicon: Lexicon) -> bool:
    """Whether a hyphenated word read as a modifier is an event noun of the lexicon as a
    whole ("sit-in"; not "air-*strike* campaign") and the noun it modifies is none ("a sit-in
    *protest*": the noun is the event)."""
    whole = word_forms(token)[0]
    if "-" not in whole or not lexicon.lookup("noun", whole):
        return False
    return not any(lexicon.lookup("noun", form) for form in word_forms(modified))


def _conditions_hold(token: Token, entry: TriggerEntry) -> tuple[Token, ...] | None:
    """None when an entry condition fails, else the object tokens the entry consumes."""
    children = list(token.children)
    if entry.particle and not _has_particle(token, entry.particle):
        return None
    own = complements(token) if entry.pos == "noun" else direct_objects(token)
    objects = own or _shared_passive(token)  # checked, never consumed: it is another verb's
    if AGENT_LABEL in entry.needs:  # "a boy *hit by a stray bullet*": what hit is checked too
        objects = [*objects, *_agent_objects(token)]
    quantified = [t for o in objects for t in (o, *_quantified(o))]
    object_lemmas = {_lemma(t) for t in quantified} | {t.lower_ for t in quantified}  # "corpses"
    if entry.objects and not object_lemmas & set(entry.objects):
        return None
    if entry.object_types and not any(_has_type(o, entry.object_types) for o in objects):
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
    if entry.subjects and not _subject_is(token, entry.subjects):
        return None
    if entry.not_subjects and _subject_is(token, entry.not_subjects):
        return None
    return tuple(o for o in own if _lemma(o) in entry.objects) if entry.pos == "verb" else ()


def _has_type(token: Token, labels: tuple[str, ...]) -> bool:
    """Whether the token's entity label is one of ``labels``; the label PLACE stands for a
    place entity or a proper name the gazetteer knows (the tagger often reads a small town
    as a person: "rebels overtook *Kidal*")."""
    if token.ent_type_ in labels:
        return True
    if PLACE_LABEL not in labels:
        return False
    return token.ent_type_ in PLACE_ENTITIES or known_place(proper_name(token))


def proper_name(token: Token) -> str:
    """The proper name a token ends ("Ber", "Menaka", "In Khalil"), or "" if it is none."""
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_PLACE_ENTITIES:
        return ""
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].head == token:
        start -= 1
    return token.doc[start : token.i + 1].text


@cache
def known_place(name: str) -> bool:
    """Whether the gazetteer knows the name (the index is built on first use)."""
    return bool(name) and bool(default_gazetteer().lookup(name))


def word_forms(token: Token) -> list[str]:
    """The token's lemma, its lower-case form, and for verbs (and title-case proper nouns,
    "Fresh *Attacks*") the base forms its inflection suggests: the parser's lemma is sometimes
    wrong ("staged" -> "stag"). A word joined to the one before it by a hyphen is looked up
    whole first ("sit-in", "cease-fire"); after the whole, each word a token joins with "&"
    or "/" ("shot&injured") and the base forms of its past."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if _hyphenated(token):  # "sit-in" is three tokens: sit, -, in
        forms.insert(0, f"{token.doc[token.i - 2].lower_}-{lower}")
    suffix = {"VBD": "ed", "VBN": "ed", "VBZ": "s", "VBG": "ing"}.get(token.tag_)
    suffix = "ed" if clause_participle(token) else suffix
    if token.tag_ == "NNPS" or (token.tag_ == "NNP" and token.is_title):
        suffix = "s"  # a title-case headline: "Islamists Launch Fresh *Attacks*"
    if suffix and lower.endswith(suffix):
        stem = lower[: -len(suffix)]
        forms += [stem + "e", stem] if suffix != "s" else [stem, stem[:-1]]
    forms += [form for part in joined_words(lower) for form in _past_forms(part, token)]
    return list(dict.fromkeys(forms))


def _past_forms(word: str, token: Token) -> list[str]:
    """A past form and the base forms it may stand for ("shot" -> "shoot", "injured" ->
    "injure", "injur")."""
    irregular = irregular_verb_lemma(word, token.doc.lang_ or "en")
    stems = [word[:-2] + "e", word[:-2]] if word.endswith("ed") else []
    return [*([irregular] if irregular else []), word, *stems]


def _hyphenated(token: Token) -> bool:
    """Whether the token ends a hyphenated word whose first part modifies it."""
    if token.i < 2 or token.doc[token.i - 1].text != "-":
        return False
    first = token.doc[token.i - 2]
    joined = first.head.i == token.i or token.head.i == first.i  # "*Sit*-in by teachers"
    return joined and not first.whitespace_ and not token.doc[token.i - 1].whitespace_


def governing_verb(noun: Token, lemmas: Iterable[str]) -> Token | None:
    """The verb among ``lemmas`` governing the noun ("*opened* fire", "*took* to the streets")."""
    first = _hyphenated_modifier(noun) or noun
    while first.dep_ == "conj":
        first = first.head
    if _heads_name(first):  # "launched *Operation* Serval": the name stands in the clause
        first = first.head
    verb = first.head
    if first.dep_ == "pobj" and verb.dep_ == "prep":  # "took *to* the streets"
        first, verb = verb, verb.head
    if first.lower_ == "as" and verb.dep_ == "dobj":  # "held *civilians* as shields": the verb's
        first, verb = verb, verb.head  # object predicate, parsed as the object's modifier
    if first.dep_ in ("dobj", "nsubjpass", "prep") and set(word_forms(verb)) & set(lemmas):
        return verb
    if first.dep_ == "prep" and any(_object_in(verb, lemmas)):  # "took *part* in a march"
        return verb
    return None


def _object_in(verb: Token, lemmas: Iterable[str]) -> Iterable[Token]:
    """The verb's direct objects whose lemma is among ``lemmas``."""
    return (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lemmas)


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
    labelled = child.dep_ in names and (child.dep_ != "ccomp" or _complement_clause(child, trigger))
    return labelled or (by_word and not dated) or content


def _complement_clause(clause: Token, trigger: Token) -> bool:
    """Whether a clause parsed as the trigger's complement is one: introduced by a
    complementizer or right after it ("demonstrated *that* ..."), not a relative clause the
    parser hung on the verb ("demonstrated against the law *that they deem* unfair")."""
    marked = any(c.dep_ == "mark" and c.tag_ != "WDT" for c in clause.children)  # not "that"
    # of a relative clause: "against the law *that* they deem unfair"
    return marked or clause.left_edge.i <= trigger.i + 2


def _modal_complement(children: list[Token], modals: Iterable[str]) -> bool:
    """Whether a clausal complement carries one of these modals, not negated ("said Iran
    *must* stop", not "must not")."""
    for clause in (c for c in children if c.dep_ == "ccomp"):
        auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        negated = any(c.dep_ == "neg" for c in clause.children)
        if auxiliaries & set(modals) and not negated:
            return True
    return False


def _subject_is(verb: Token, names: tuple[str, ...]) -> bool:
    """Whether the verb's subject (or, for a coordinated or complement verb, its governor's;
    for "a group of militants", what it counts; for a passive, its "by" agent: "struck by
    *lightning*") has one of these lemmas or entity labels."""
    while not _subjects(verb) and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    subjects = [t for s in (*_subjects(verb), *agents) for t in (s, *s.conjuncts)]
    subjects += [q for s in subjects for q in _quantified(s)]
    named = [c for s in subjects for c in s.children if c.dep_ == "compound"]  # "*AQIM* leaders"
    if "org" in names and any(_acronym(n) and n.pos_ == "PROPN" for n in named):
        return True  # the tagger often leaves a group's acronym without an entity label
    return any(_lemma(s) in names for s in subjects) or any(
        s.ent_type_.lower() in names for s in (*subjects, *named)
    )


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def direct_objects(token: Token) -> list[Token]:
    """A verb's direct objects with their conjuncts; a participle's noun; a passive subject."""
    objects = [c for c in token.children if c.dep_ in OBJECT_LABELS]
    if objects:  # "fired grad and katyusha *rockets*": a noun the parser joined to the verb
        objects += [c for c in token.children if c.dep_ == "conj" and c.pos_ in EVENT_NOUN_POS]
    else:
        objects = [c for c in token.children if c.dep_ == "nsubjpass"]
    if not objects and token.dep_ == "acl" and token.tag_ == "VBN":
        objects = [token.head] if token.head.pos_ in EVENT_NOUN_POS else []
    return [o for obj in objects for o in (obj, *obj.conjuncts)]


def _agent_objects(verb: Token) -> list[Token]:
    """The nouns of a passive verb's "by" phrase ("hit *by a stray bullet*")."""
    return [
        o for c in verb.children if c.dep_ == AGENT_LABEL for o in c.children if o.dep_ == "pobj"
    ]


def _shared_passive(participle: Token) -> list[Token]:
    """The passive subject a subjectless participle shares with the passive verb it is listed
    after, which the parser reads as an adverbial clause: "were held, severely *beaten*"."""
    if participle.tag_ != "VBN" or participle.dep_ != "advcl":
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in participle.children):
        return []
    return [c for c in participle.head.children if c.dep_ == "nsubjpass"]


def carrier(noun: Token) -> Token:
    """The noun that stands in the clause for an event noun it counts or measures: "launched
    *10 days* of war games", "staged *a series* of attacks" (else the noun itself)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ not in (*EVENT_NOUN_POS, "NUM"):
        return noun
    measure = prep.head  # "*one* of the amputations was carried out"
    counted = measure.lemma_.lower() in QUANTITY_NOUNS or measure.ent_type_ in NOT_EVENT_ENTITIES
    counted = counted or measure.pos_ == "NUM"
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


def read_headline_verb(sentence: Span, lexicon: Lexicon) -> Token | None:
    """Re-read a clause whose present-tense verb the tagger took for a noun ("Assailants
    *fire* rockets at the camp", "Thousands *protest* extension of the mandate", "Union
    *protests* over cuts since aid was cut"): in a clause with no finite verb, a word that a
    verb entry of the lexicon knows, right after a noun phrase that can be its subject,
    becomes the root; the phrase before it becomes its subject, the phrase after it its
    object. The clause runs from the start of the sentence to the first comma or
    subordinator after the word, so a headline and a body sentence whose first clause lost
    its verb ("militants *exchanges* gunfire with a patrol, no casualties reported") are read
    alike. The word must agree with its subject, unless the entry that fires checks its
    object ("exchange gunfire"). The parse is changed in place only when the new verb
    triggers an event, itself or as the verb an event noun needs (see ``yields_trigger``).
    Returns the verb, or None when the sentence is left as it is."""
    found = [(t, base) for t in sentence if (base := _headline_verb_base(t, sentence, lexicon))]
    found.sort(key=lambda pair: pair[0].dep_ == "amod")  # "Niger armed forces ... *clash*"
    for verb, base in found:
        if _clause_has_verb(sentence, verb):
            continue
        attach = partial(_attach_as_clause, base=base)
        if reread(sentence, verb, attach, lexicon, agrees=_agrees(verb)):
            return verb
    return None


def read_bare_participle(sentence: Span, lexicon: Lexicon) -> Token | None:
    """Re-read a verb's base form after a form of *be* that the tagger took for a noun as the
    passive participle it stands for, its "-ed" lost in a hasty note ("gunfire was *exchange*
    between the patrols", "two traders were *attack* near the market"): the word becomes the
    clause's verb, *be* its passive auxiliary and the subject its passive subject, when the
    word is a bare noun a verb entry knows and the new verb triggers an event (see
    ``yields_trigger``) through an entry that checks its object, unless an agent follows
    ("by gunmen"). Returns the verb, or None when the sentence is left as it is."""
    for word in sentence:
        if not _bare_participle(word, lexicon):
            continue
        agent = any(c.dep_ == "agent" for c in word.children)  # "were attack *by* gunmen"
        if reread(sentence, word, _attach_as_participle, lexicon, agrees=agent):
            return word
    return None


def reread(
    sentence: Span,
    verb: Token,
    attach: Callable[[Span, Token], None],
    lexicon: Lexicon,
    agrees: bool,
) -> bool:
    """Re-attach ``verb`` as a clause's verb with ``attach``, first on a copy of the sentence:
    the parse is changed only when the copy's verb triggers an event, through an entry that
    checks its object unless the verb ``agrees`` with its subject."""
    copy = sentence.as_doc()
    copy_verb = copy[verb.i - sentence.start]
    attach(copy[:], copy_verb)
    entry = yields_trigger(copy_verb, lexicon)
    if entry is None or not (agrees or entry.objects or entry.verbs):
        return False
    attach(sentence, verb)
    return True


def yields_trigger(verb: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The entry a verb fires, itself or as the verb an event noun among its dependents needs
    ("exchanged *gunfire*", "gunfire was exchanged"); None when it fires none."""
    match = _match(verb, lexicon)
    if match is not None:
        return match.entry
    for noun in verb.children:
        match = _match(noun, lexicon)
        if match is not None and governing_verb(noun, match.entry.verbs) == verb:
            return match.entry
    return None


def _clause_has_verb(sentence: Span, word: Token) -> bool:
    """Whether the clause of ``word`` (from the sentence start to the first comma or
    subordinator after it) has a finite verb, or a root verb in the base form ("forces ...
    *clash*")."""
    clause = sentence.doc[sentence.start : _clause_end(sentence, word)]
    return any(_finite_verb(t) or (t.dep_ == "ROOT" and t.tag_ == "VB") for t in clause)


def _clause_end(sentence: Span, word: Token) -> int:
    """Where the clause of ``word`` ends: at the first clause boundary after it."""
    return next((t.i for t in sentence if t.i > word.i and _clause_boundary(t)), sentence.end)


def _clause_boundary(token: Token) -> bool:
    """A comma, semicolon, colon or dash, or a word that opens a subordinate clause."""
    if token.text in CLAUSE_PUNCTUATION:
        return True
    return token.lower_ in SUBORDINATORS and token.tag_ in ("IN", "WDT", "WP", "WRB")


def _finite_verb(token: Token) -> bool:
    """A finite verb of the main clause, not one the tagger hung on a noun ("forces *fire*
    shots", parsed as a compound), nor a noun it tagged as a verb that no verb list knows
    ("militants exchanges *gunfire*"), nor one of a relative or adverbial clause."""
    if token.tag_ not in FINITE_TAGS or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in NOUN_MODIFIER_LABELS or not _known_verb(token):
        return False
    return not any(t.dep_ in ("relcl", "advcl", "acl") for t in (token, *token.ancestors))


def _misread_noun(token: Token) -> bool:
    """A noun the tagger read as a verb that no verb list knows ("*gunfire*")."""
    return token.pos_ == "VERB" and not _known_verb(token)


def _known_verb(token: Token) -> bool:
    """Whether the model's verb list knows the token's lemma (always, without a list)."""
    verbs = verb_lemmas(token.doc.lang_ or "en")
    return token.pos_ == "AUX" or not verbs or token.lemma_.lower() in verbs


def _headline_verb_base(token: Token, sentence: Span, lexicon: Lexicon) -> str | None:
    """The base form of a verb the tagger read as a noun (or as a noun's modifier) after a
    noun phrase that can be its subject ("rebels *ambush* a convoy", "union *protests* over
    cuts"), when a verb entry knows it; else None."""
    if token.i in (sentence.start, sentence.end - 1):
        return None
    if token.dep_ == "amod" and token.lower_.endswith("ed") and token.head.i > token.i:
        return _past_verb_base(token, lexicon)  # "students *boycotted* classes"
    if token.tag_ not in HEADLINE_VERB_TAGS:
        return None
    forms = [token.lower_[:-1], token.lower_[:-2]] if _singular_verb(token) else [token.lower_]
    base = next((form for form in forms if lexicon.lookup("verb", form)), None)
    if base is None:
        return None
    after = token.nbor(1)
    if not (after.pos_ in HEADLINE_OBJECT_POS or _misread_noun(after)):
        return None
    if not _nominal_phrase(sentence, token):
        return None
    if _subject_head(token).pos_ not in EVENT_NOUN_POS or _modified_plural(token):
        return None
    return base


def _singular_verb(token: Token) -> bool:
    """A plural noun read as a verb in the third person singular ("the union *protests*")."""
    return token.lower_.endswith("s") and token.tag_ in ("NNS", "VBZ")


def _modified_plural(token: Token) -> bool:
    """A plural noun with its modifier: "security *forces*", "day *clashes*" (a plural noun
    before it is no modifier but a subject: "bandits *exchanges* gunfire")."""
    modifier = token.nbor(-1)
    return (
        _singular_verb(token)
        and modifier.head.i == token.i
        and modifier.dep_ == "compound"
        and modifier.tag_ != "NNS"
        and not _acronym(modifier)
    )


def _agrees(verb: Token) -> bool:
    """Whether a headline verb agrees with the noun before it: "rebels ambush", "the union
    protests", "FLAA ambush" (a group's short name, singular or plural); a past tense
    agrees with any ("soldiers from Niger *secured* the town")."""
    subject = _subject_head(verb)
    return (
        verb.lower_.endswith("ed")
        or _acronym(subject)
        or _singular_verb(verb) != (subject.tag_ in ("NNS", "NNPS"))
    )


def _past_verb_base(token: Token, lexicon: Lexicon) -> str | None:
    """The base form of a past tense the tagger read as the modifier of the noun after it
    ("students in Banfora *boycotted* classes", "soldiers *secured* Kidal"), when it follows
    a noun phrase and a verb entry knows it."""
    if token.nbor(-1).pos_ not in EVENT_NOUN_POS or not _nominal_phrase(token.sent, token):
        return None
    stem = token.lower_[:-2]
    forms = [token.lemma_.lower(), stem + "e", stem, stem[:-1]]  # secured, boycotted, stopped
    return next((form for form in forms if lexicon.lookup("verb", form)), None)


def _subject_head(verb: Token) -> Token:
    """The noun heading the phrase before the verb: "rebels", "residents of Kidal" (also
    when the tagger made the verb the object of "of": "residents of [Kidal protest]")."""
    token = verb if verb.nbor(-1).head.i == verb.i else verb.nbor(-1)
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i < token.i:
        token = token.head.head
    return token if token.i != verb.i else verb.nbor(-1)


def _acronym(token: Token) -> bool:
    """The short name of a group, singular or plural ("*FLAA* ambush a convoy")."""
    return token.is_upper and len(token.text) > 1 and token.ent_type_ not in PLACE_ENTITIES


def _nominal_phrase(sentence: Span, verb: Token) -> bool:
    """Whether every word before the verb can belong to its subject or to a date or place
    phrase ("On May 5, *suspected* armed men in Gao")."""
    before = sentence[: verb.i - sentence.start]
    return all(t.pos_ in SUBJECT_PHRASE_POS or _attributive(t, verb) for t in before)


def _attributive(word: Token, verb: Token) -> bool:
    """A word that modifies the noun after it: an adjective, or a participle the parser hung
    elsewhere ("*presumed* militants exchanges gunfire")."""
    modifies = word.tag_ == "VBN" and word.i + 1 < verb.i
    return word.dep_ == "amod" or (modifies and word.nbor(1).pos_ in (*EVENT_NOUN_POS, "ADJ"))


def _attach_as_clause(sentence: Span, verb: Token, base: str) -> None:
    """Make ``verb`` the sentence's root: the top words of the phrases before and after it
    in its clause become its subject, object, prepositions and punctuation; those of the
    clauses after it hang on it too."""
    _hand_over_modifiers(verb)
    _restore_prepositional_objects(sentence[: verb.i - sentence.start])
    end = _clause_end(sentence, verb)
    before = [t for t in sentence if t.i < verb.i and _top_of(t, sentence.start, verb.i)]
    after = [t for t in sentence if verb.i < t.i < end and _top_of(t, verb.i + 1, end)]
    rest = [t for t in sentence if t.i >= end and _top_of(t, end, sentence.end)]
    verb.head, verb.dep_, verb.pos_, verb.lemma_ = verb, "ROOT", "VERB", base
    verb.tag_ = "VBD" if verb.lower_.endswith("ed") else "VBP" if base == verb.lower_ else "VBZ"
    if _misread_noun(verb.nbor(1)):  # "militants exchanges *gunfire*", tagged as the verb
        verb.nbor(1).pos_, verb.nbor(1).tag_ = "NOUN", "NN"
    _attach_phrase(reversed(before), verb, "nsubj")  # the subject: the noun nearest the verb
    _attach_phrase(after, verb, "dobj")  # the object: the first noun after it in its clause
    _attach_phrase(rest, verb, "dep")  # the clauses after it: ", no casualties reported"


def _bare_participle(word: Token, lexicon: Lexicon) -> bool:
    """A bare singular noun right after a form of *be* ("was *exchange* between", "were
    *attack* by") that a verb entry knows in its base form."""
    be = word.head
    if word.dep_ != "attr" or be.lemma_ != "be" or word.i != be.i + 1 or not word.is_lower:
        return False
    if word.tag_ not in ("NN", "VB", "VBP") or any(c.dep_ in NOUN_MARKS for c in word.children):
        return False
    return bool(lexicon.lookup("verb", word.lower_))


def _attach_as_participle(sentence: Span, verb: Token) -> None:
    """Make a bare noun after *be* the passive participle heading its clause: *be* becomes
    its auxiliary, the subject its passive subject, the other dependents of *be* its own."""
    be = verb.head
    verb.head = verb if be.head.i == be.i else be.head
    verb.dep_, verb.pos_, verb.tag_, verb.lemma_ = be.dep_, "VERB", "VBN", verb.lower_
    for child in [c for c in be.children if c.i != verb.i]:
        child.head = verb
        child.dep_ = {"nsubj": "nsubjpass"}.get(child.dep_, child.dep_)
    be.head, be.dep_ = verb, "auxpass"


def _attach_phrase(tops: Iterable[Token], verb: Token, role: str) -> None:
    """Hang a phrase's top words on the verb; the first noun met takes ``role`` and the
    determiners and adjectives before it stay with it ("*The* FNLA gains control")."""
    tops = list(tops)
    noun = next((t for t in tops if _role_under_verb(t, role) == role), None)
    for top in tops:
        label = _role_under_verb(top, role)
        top.dep_ = "dep" if label == role and top is not noun else label
        top.head = verb
    for top in tops:  # once all hang on the verb, none can be above the noun
        if noun is not None and top.i < noun.i and top.pos_ in ("DET", "ADJ", "NUM"):
            top.head = noun
            top.dep_ = {"DET": "det", "ADJ": "amod", "NUM": "nummod"}[top.pos_]


def _hand_over_modifiers(verb: Token) -> None:
    """Give the verb's place in the phrase before it to its nearest nominal modifier:
    "residents of [Kidal protest]" becomes "residents of Kidal" before the verb."""
    modifiers = [c for c in verb.lefts if c.pos_ in EVENT_NOUN_POS]
    if not modifiers or verb.head.i > verb.i or verb.head.i == verb.i:
        return
    nearest = modifiers[-1]
    nearest.head, nearest.dep_ = verb.head, verb.dep_
    for other in (c for c in verb.lefts if c.i != nearest.i):
        other.head = nearest


def _restore_prepositional_objects(phrase: Span) -> None:
    """Give a preposition left without its object the noun right after it ("soldiers from
    *Chad* secured Kidal", where the tagger hung "Chad" on "Kidal")."""
    for token in phrase[1:]:
        preposition = token.nbor(-1)
        inside = [t for t in preposition.rights if t.i < phrase.end]
        orphan = preposition.pos_ == "ADP" and not inside
        below = token.head.i >= phrase.end and not token.is_ancestor(preposition)
        if orphan and below and token.pos_ in EVENT_NOUN_POS:
            token.head, token.dep_ = preposition, "pobj"


def _top_of(token: Token, start: int, end: int) -> bool:
    """Whether the token heads its part [start, end) of the sentence."""
    return token.head.i == token.i or not start <= token.head.i < end


def _role_under_verb(token: Token, role: str) -> str:
    """The dependency label a phrase's top word takes under the headline verb."""
    if token.pos_ in ("ADP", "SCONJ"):
        return "prep"
    if token.pos_ == "PUNCT":
        return "punct"
    return role if token.pos_ in (*EVENT_NOUN_POS, "NUM", "PRON") else "dep"
