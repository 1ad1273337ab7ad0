"""Whether the text asserts an event, or negates, supposes or announces it.

The trigger and the words governing it are read nearest first: a negation, a conditional
marker, a modal auxiliary, or a governing verb, adjective or noun from modality.yaml decides.
Climbing stops at relative clauses, presupposing clauses and prepositions ("after the coup")
and, for an event noun in subject position, at verbs that do not say it happens. Reported
speech stays asserted. Questions make their main clause hypothetical.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from eventlens.data_files import load_yaml
from eventlens.record import Modality

# Links from a governing word to what it governs; an adverbial clause ("fired shots *to
# disperse* a crowd") is not governed by the verb's meaning.
COMPLEMENT_LABELS = ("xcomp", "ccomp", "dobj", "prep", "pcomp", "acomp", "attr", "pobj")
MAX_CHAIN = 8


@dataclass(frozen=True)
class Reading:
    """A modality with the cue that decided it."""

    modality: Modality
    cue: str | None = None
    intent: bool = False  # a future that is the actor's own intention ("will", "plans to")
    inherited: bool = False  # the cue governs the trigger rather than sitting on it
    cue_index: int | None = None  # token index of the governing cue word, if any


ASSERTED = Reading("asserted")


@cache
def cues(lang: str = "en") -> dict[str, Any]:
    """The modality cue lists of a language, as sets."""
    raw = load_yaml("lexicons", lang, "modality.yaml")
    return {
        key: {name: set(words) for name, words in value.items()}
        if isinstance(value, dict)
        else set(value)
        for key, value in raw.items()
        if key not in ("intent_types", "decisions", "refusal", "statements")
    }


def read_modality(trigger: Token, lang: str = "en") -> Reading:
    """Modality of the event triggered by ``trigger``, with the cue that decided it."""
    table = cues(lang)
    chain, closed = _governing_chain(trigger, table)
    crossed_report = False
    future: Reading | None = None
    for depth, token in enumerate(chain):
        link = chain[depth - 1] if depth else None
        found = _cue_on(token, link, table, negate=not crossed_report)
        if found is not None:
            reading = Reading(found.modality, found.cue, found.intent, depth > 0, found.cue_index)
            if reading.modality != "future":
                return reading  # "unlikely that they will withdraw": the doubt outranks "will"
            future = future or reading
        crossed_report = crossed_report or token.dep_ == "ccomp"
    if not closed and trigger.sent.text.rstrip().endswith("?"):
        return Reading("hypothetical", "?")
    if future is not None:
        return future
    phrase = _future_phrase(trigger, chain, table)
    return Reading("future", phrase) if phrase else ASSERTED


def read_attempt(reading: Reading, trigger: Token, event_type: str, lang: str = "en") -> Reading:
    """ "tried to kill", "attempted to kidnap": an attempted attack or coercion happened, so
    the event takes the modality of the attempt rather than the attempt's hypothetical cue."""
    attempt = cues(lang)["attempt"]
    if (
        reading.modality != "hypothetical"
        or reading.cue not in attempt["governors"]
        or event_type not in attempt["types"]
        or reading.cue_index is None
    ):
        return reading
    return read_modality(trigger.doc[reading.cue_index], lang)


def _governing_chain(trigger: Token, table: dict) -> tuple[list[Token], bool]:
    """The trigger and its governors up to the root; closed when a presupposing link stopped it."""
    chain = [trigger]
    current = trigger
    while current.head.i != current.i and len(chain) < MAX_CHAIN:
        if _stops_climbing(current, trigger, table):
            return chain, True
        current = current.head
        chain.append(current)
    return chain, False


def _stops_climbing(token: Token, trigger: Token, table: dict) -> bool:
    dep, head = token.dep_, token.head
    if dep == "relcl" or (dep == "acl" and token.tag_ == "VBN"):
        return True  # a relative clause, or a reduced one: "equipment *seized* last year"
    if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return True  # "did not ban the march, but it cut the internet": a clause of its own
    if dep == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in table["presupposing_markers"] for c in token.children
    ):
        return True
    if dep in ("pobj", "pcomp") and head.lower_ in table["presupposing_prepositions"]:
        return True
    if _spliced(token, head, trigger):
        return True
    nominal_subject = token is trigger and trigger.pos_ in ("NOUN", "PROPN")
    return (
        nominal_subject
        and dep in ("nsubj", "nsubjpass")
        and head.lemma_.lower() not in table["occurrence_verbs"]
    )


def _cue_on(token: Token, link: Token | None, table: dict, negate: bool) -> Reading | None:
    """The cue carried by ``token`` (reached from its dependent ``link``), if any."""
    children = list(token.children)
    negation, hypo, future = table["negation"], table["hypothetical"], table["future"]
    # "attacked the village, no casualties reported": a negated subject of the verb an
    # adverbial clause hangs on says nothing of that clause, nor of another subject of it
    # ("aerial bombing of the camp, no casualties reported", parsed as two subjects)
    subject_counts = link is None or link.dep_ not in ("advcl", "parataxis", "nsubj", "nsubjpass")
    if negate and _negated(token, children, negation, subject_counts):
        return Reading("negated", "not")
    if any(c.dep_ == "mark" and c.lower_ in hypo["markers"] for c in children):
        return Reading("hypothetical", "if")
    modal = _modal(children, hypo["modals"] | future["modals"])
    if modal is not None and not _past_adverbial(link):
        return _modal_reading(token, modal, children, table)
    if link is None or link.dep_ not in COMPLEMENT_LABELS:
        return None
    if token.lemma_ == "be" and link.dep_ == "xcomp":  # "the aim is to ...", "what X does is to"
        return Reading("hypothetical", "be to", cue_index=token.i)
    if _preposition_of_source(token, link):
        return None  # "fled under pressure *from* air strikes": the strikes are no demand
    if _purpose_phrase(link):
        return None  # "sought out the guards *in order to* burn their cars": no complement
    return _governor_reading(token, children, table, link.dep_)


def _past_adverbial(link: Token | None) -> bool:
    """An adverbial clause in the past tense: a fact the modal of the clause it hangs on does
    not reach ("after rebels *attacked* the town, the army will respond"; "called on the
    residents to leave, the decision would ..."); its own "if" was read before, and an
    inverted one is a condition ("*had* the talks failed, the rebels would ...")."""
    if link is None or link.dep_ != "advcl" or not past_tense(link):
        return False
    subjects = [c.i for c in link.children if c.dep_ in ("nsubj", "nsubjpass")]
    auxiliaries = [c.i for c in link.children if c.dep_ in ("aux", "auxpass")]
    return not (subjects and auxiliaries and min(auxiliaries) < min(subjects))


def _spliced(clause: Token, governor: Token, trigger: Token) -> bool:
    """A clause set before the word it hangs on, after a comma and without a complementizer,
    when that word has a subject of its own: parsed as its complement, it is a sentence of its
    own ("gunmen abducted a trader, they asked about ...", "students staged a sit-in, the
    police prevented ..."). The clause must be in the past, or the word an adjective with a
    noun subject ("forces clash, details uncertain")."""
    if clause.dep_ != "ccomp" or clause.i > governor.i:
        return False
    if any(c.dep_ == "mark" for c in clause.children):
        return False
    if not any(t.text in (",", ";") for t in clause.doc[clause.right_edge.i : governor.i]):
        return False
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i]
    if not subjects:
        return False
    if past_tense(clause) or past_tense(trigger) or past_tense(_clause_verb(trigger, clause)):
        return True
    return governor.pos_ == "ADJ" and any(s.pos_ in ("NOUN", "PROPN") for s in subjects)


def _clause_verb(trigger: Token, clause: Token) -> Token:
    """The verb of the trigger's own clause below ``clause`` (the trigger's verb, for a noun)."""
    token = trigger
    while token.pos_ not in ("VERB", "AUX") and token.i != clause.i and token.head.i != token.i:
        token = token.head
    return token


def _purpose_phrase(link: Token) -> bool:
    """An "in order to" phrase: the purpose of the act, not what the verb wishes or fears."""
    return (
        link.dep_ == "prep"
        and link.lower_ == "in"
        and any(c.dep_ == "pobj" and c.lower_ == "order" for c in link.children)
    )


def _preposition_of_source(governor: Token, link: Token) -> bool:
    """A noun reached through "from" or "by": the phrase names a source or an agent of the
    noun, not what is wished or feared ("pressure *from* strikes", "a threat *by* rebels")."""
    return (
        governor.pos_ in ("NOUN", "PROPN")
        and link.dep_ == "prep"
        and link.lower_
        in (
            "from",
            "by",
        )
    )


def _negated(token: Token, children: list[Token], negation: dict, subject: bool = True) -> bool:
    if any(c.dep_ == "neg" for c in children):
        return True
    if any(c.dep_ == "det" and c.lower_ in negation["determiners"] for c in children):
        return True
    subjects = (c for c in children if subject and c.dep_ in ("nsubj", "nsubjpass"))
    if any(_nobody(c, negation) for c in subjects):
        return True  # "no shots were fired", "nobody was hurt"
    if any(c.dep_ == "advmod" and c.lower_ in negation["adverbs"] for c in children):
        return True
    return token.dep_ in ("pobj", "pcomp") and token.head.lower_ in negation["prepositions"]


def _nobody(subject: Token, negation: dict) -> bool:
    """A subject that says nothing or no one did or underwent the act."""
    if subject.lower_ in negation["subjects"]:
        return True
    return any(c.dep_ == "det" and c.lower_ in negation["determiners"] for c in subject.children)


def _modal(children: list[Token], modals: set[str]) -> Token | None:
    for child in children:
        auxiliary = child.dep_ in ("aux", "auxpass") and not _hyphenated_modal(child)
        if auxiliary and (child.lower_ in modals or child.lemma_.lower() in modals):
            return child
    return None


def _hyphenated_modal(modal: Token) -> bool:
    """ "the *would*-be president": a modal in a hyphenated adjective is no auxiliary."""
    after = modal.doc[modal.i + 1] if modal.i + 1 < len(modal.doc) else None
    return after is not None and after.text == "-" and not modal.whitespace_


def _modal_reading(token: Token, modal: Token, children: list[Token], table: dict) -> Reading:
    word = modal.lemma_.lower() if modal.lower_ == "wo" else modal.lower_
    if word in table["future"]["modals"]:
        return Reading("future", word, intent=True)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.i > modal.i for c in children)
    if word in ("would", "'d") and not perfect and _reported(token, table):
        return Reading("future", word, intent=True)
    return Reading("hypothetical", word)


def _reported(token: Token, table: dict) -> bool:
    """Whether ``token`` heads the content clause of a reporting verb ("said it would ...")."""
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in table["reporting_verbs"]


def _governor_reading(
    token: Token, children: list[Token], table: dict, link: str
) -> Reading | None:
    """A governing verb, adjective or noun that makes its complement unreal or future."""
    if _headless_participle(token, children):
        return None
    lemma = token.lemma_.lower()
    adjectives = {c.lemma_.lower() for c in children if c.dep_ == "acomp"}
    if token.pos_ == "ADJ":
        adjectives.add(lemma)
    negation, hypo, future = table["negation"], table["hypothetical"], table["future"]
    is_noun = token.pos_ in ("NOUN", "PROPN")
    # "set off explosives", "set up a base": a phrasal verb is no intention or expectation;
    # nor is a verb of a clause beside the trigger's ("attacked the post, it was set ablaze")
    plain_verb = not is_noun and not any(c.dep_ == "prt" for c in children)
    intent = plain_verb and link != "ccomp"
    intent = intent and not (link == "dobj" and lemma in future["object_acts"])
    checks = (
        (not is_noun and lemma in negation["governors"], "negated", False),
        (intent and lemma in future["intent_governors"], "future", True),
        (bool(adjectives & future["intent_adjectives"]), "future", True),
        (is_noun and lemma in future["intent_nouns"], "future", True),
        (plain_verb and link == "xcomp" and lemma in future["expected_governors"], "future", False),
        (bool(adjectives & future["expected_adjectives"]), "future", False),
        (not is_noun and lemma in hypo["governors"], "hypothetical", False),
        (bool(adjectives & hypo["adjectives"]), "hypothetical", False),
        (is_noun and lemma in hypo["nouns"], "hypothetical", False),
        (lemma == "go" and token.tag_ == "VBG", "future", True),
    )
    for hit, modality, intent in checks:
        if hit:
            return Reading(modality, lemma, intent, cue_index=token.i)
    return None


def _headless_participle(token: Token, children: list[Token]) -> bool:
    """ "Suspected militants killed two ...", parsed with *suspected* as the root verb and no
    subject: a participle modifying the actor, which governs nothing."""
    if token.dep_ != "ROOT" or token.tag_ not in ("VBN", "VBD"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in children)


def _future_phrase(trigger: Token, chain: list[Token], table: dict) -> str | None:
    """A future time phrase in the sentence, when the trigger's clause is not in the past."""
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and past_tense(verb):
        return None
    text = trigger.sent.text.lower()
    return next((p for p in table["future"]["phrases"] if p in text), None)


def past_tense(verb: Token) -> bool:
    """ "attacked", "had attacked", "were killed": the clause puts the event in the past."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = any(c.lemma_ == "have" for c in auxiliaries)
    return perfect or any(c.tag_ == "VBD" and c.lemma_ == "be" for c in auxiliaries)
