"""Whether an event noun reports an event or only refers back to one.

"The invasion of Ukraine is a twist to the story", "after the coup", "two coups": an event
noun with no actor, no date and no place only names an event the reader already knows; it
is not coded. A noun reports an event when it says who acted ("the Russian invasion"), when
("the August 2020 coup", "a second coup in May 2021"), or where ("rallies in Bamako"), when a
verb carries it ("launched an attack", "clashes erupted", "the march failed to draw
crowds"), or a reporting participle does ("gunfire reported in the village"), when its
clause is dated or placed ("In Bamako, massive rallies ..."), when "after" introduces it
("after a demonstration against the project"), or when it heads a verbless headline ("Murder
of a local councillor").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from eventlens.coding.frames import undergoing_verb
from eventlens.coding.lexicon import Lexicon, TriggerEntry
from eventlens.coding.triggers import carrier, known_place, proper_name, word_forms

TIME_PLACE_ENTITIES = ("DATE", "TIME", "GPE", "LOC", "FAC")
SETTING_PREPS = ("in", "at", "on", "near", "outside", "inside", "around", "across", "during")
SUBJECT_LABELS = ("nsubj", "nsubjpass")
DATE_MODIFIERS = ("nmod", "compound", "npadvmod", "amod", "poss", "nummod", "tmod")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
SUBORDINATE_LABELS = ("relcl", "advcl", "acl")
# Verbs whose "into" phrase is what a situation became: "degenerated into clashes".
OUTCOME_VERBS = frozenset(
    {"degenerate", "turn", "escalate", "descend", "erupt", "spiral", "develop"}
)
# Nouns whose "of" phrase names an event they underwent: "the target of an attack".
UNDERGOER_NOUNS = frozenset({"target", "object"})
# Heads of a headline that only frame the event noun in their "of" phrase ("Reports of ...").
REPORT_NOUNS = ("report", "news", "account")
# Verbs of what an event achieved: "the march *failed* to draw crowds".
OUTCOME_OF_ATTEMPT = frozenset({"fail", "succeed", "manage"})
# Prepositions that set an event before the clause: "*after* a demonstration".
PRESUPPOSING_PREPS = ("after", "following")
# Words that say a casualty's state: "two soldiers *dead* in a shootout".
CASUALTY_STATES = frozenset({"dead", "injured", "wounded", "killed", "hurt"})


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
    if _dated_or_placed(noun) or _is_headline(noun) or _introduced_after(noun):
        return True
    first = _modified_noun(carrier(_first_conjunct(noun)))
    head, lemma = first.head, first.head.lemma_.lower()
    light = any(form in lexicon.light_verbs for form in word_forms(head))
    reported = any(form in lexicon.reporting_verbs for form in word_forms(head))
    carried = first.dep_ in ("dobj", "nsubjpass") and (light or reported)  # "reported clashes"
    carried = carried or _reported_by_participle(first, lexicon)
    if carried or entry.verbs or undergoing_verb(first) is not None:  # "came under attack"
        return True
    if first.dep_ in SUBJECT_LABELS and head.i != first.i:
        return lemma in occurrence_verbs or _dated_or_placed(head) or _past_outcome(head)
    return _casualties_in(first, casualty_verbs) or _outcome_or_target(first)


def _reported_by_participle(noun: Token, lexicon: Lexicon) -> bool:
    """ "heavy detonation *reported* in the village", "clashes *reported* near the border": a
    participle of a reporting verb hung on the noun reports it, as a headline's verb would."""
    verbs = set(lexicon.reporting_verbs)
    return any(
        c.dep_ == "acl" and c.tag_ == "VBN" and verbs.intersection(word_forms(c))
        for c in noun.children
    )


def _introduced_after(noun: Token) -> bool:
    """ "*After a demonstration* against the project, protesters ...", "following *three days
    of* talks": an event that "after" or "following" takes as past and the indefinite article
    or a count introduces as new is reported ("after the coup" may only refer back to it)."""
    counted = carrier(noun)
    prep = counted.head
    introduced = any(_introduces(c) for c in counted.children)
    return counted.dep_ == "pobj" and prep.lower_ in PRESUPPOSING_PREPS and introduced


def _introduces(child: Token) -> bool:
    """An indefinite article or a number on a noun: "*a* march", "*two* rounds of talks"."""
    indefinite = child.dep_ == "det" and child.lower_ in ("a", "an")
    return indefinite or (child.dep_ == "nummod" and child.pos_ == "NUM")


def _past_outcome(verb: Token) -> bool:
    """ "the march *failed to draw* crowds", "the talks *succeeded in*": what the event did or
    did not achieve, in the past, reports it (not "the talks must not fail")."""
    achieved = any(c.dep_ in ("xcomp", "prep") for c in verb.children)
    return verb.lemma_.lower() in OUTCOME_OF_ATTEMPT and verb.tag_ == "VBD" and achieved


def _modified_noun(noun: Token) -> Token:
    """The noun an event noun modifies stands for it in its clause: "conducted *airstrike*
    operations", "launched *Operation* Serval"."""
    named = noun.dep_ == "compound" and noun.head.pos_ == "PROPN"
    if noun.dep_ == "nmod" and noun.head.pos_ in ("NOUN", "PROPN") or named:
        return noun.head
    return noun


def _outcome_or_target(noun: Token) -> bool:
    """ "a dispute *degenerated into* clashes", "the forces *were the target of* a rocket
    attack": what turned into the event, or what underwent it, reports it ("the victims of
    the attack" may only refer back to it)."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return False
    if prep.lower_ == "into":
        return prep.head.lemma_.lower() in OUTCOME_VERBS
    return prep.lower_ == "of" and prep.head.lemma_.lower() in UNDERGOER_NOUNS


def _casualties_in(noun: Token, casualty_verbs: set[str]) -> bool:
    """ "killed *in an ambush*", "died during clashes", "three soldiers *dead* in a
    shootout": casualties report the event."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "amid", "amidst"):
        return False
    casualty = prep.head
    states = {c.lower_ for c in casualty.children if c.dep_ in ("amod", "acomp")}
    states.add(casualty.lower_)  # "two gunmen *dead* in a shootout", the adjective as head
    return casualty.lemma_.lower() in casualty_verbs or bool(states & CASUALTY_STATES)


def _is_headline(noun: Token) -> bool:
    """A sentence without a finite verb built on the event noun ("Murder of a recently
    elected councillor.", "Demonstration against the tax law organised by the union",
    "Reports of an attack on a police post"): a headline that reports the event."""
    root = _first_conjunct(noun)
    if root.dep_ != "ROOT" and root.i == root.head.i + 2 and root.nbor(-1).text == "-":
        root = root.head  # "*Sit*-in by teachers", parsed as a verb with its particle
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "ROOT":
        root = root.head.head if root.head.head.lemma_.lower() in REPORT_NOUNS else root
    if root.dep_ != "ROOT":
        return False
    return not any(_finite(t) for t in noun.sent)


def _finite(token: Token) -> bool:
    """A finite verb or auxiliary outside a relative or adverbial clause ("a man *who was*
    shot", "protest in front of the camp *as the army comes* back")."""
    if token.tag_ not in FINITE_TAGS:
        return False
    return not any(t.dep_ in SUBORDINATE_LABELS for t in (token, *token.ancestors))


def _dated_or_placed(token: Token) -> bool:
    """A date among the token's modifiers, or a date or place in its prepositional phrases
    ("in May 2021", "in Bamako"; never "of": "the invasion *of Ukraine*" is its recipient)."""
    for child in token.children:
        if child.dep_ in DATE_MODIFIERS and _has_entity(child.subtree, ("DATE", "TIME")):
            return True
        setting = child.dep_ == "prep" and child.lower_ in SETTING_PREPS
        pobjs = [p for p in child.children if p.dep_ == "pobj"]
        if setting and (_has_entity(pobjs, TIME_PLACE_ENTITIES) or _known_places(pobjs)):
            return True
    return False


def _known_places(tokens: Iterable[Token]) -> bool:
    """A proper name the gazetteer knows, which the tagger did not read as a place ("an
    ambush in *Boni*")."""
    return any(known_place(proper_name(t)) for t in tokens)


def _has_entity(tokens: Iterable[Token], labels: tuple[str, ...]) -> bool:
    return any(t.ent_type_ in labels for t in tokens)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj":
        token = token.head
    return token
