"""Actor and recipient spans of a trigger, read from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventlens.coding.triggers import direct_objects

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "agent")
RECIPIENT_PREPS = ("against", "on", "with", "to", "toward", "towards", "at", "from")


@dataclass
class Frame:
    """Who did it (actor) and to whom (recipient), as noun-phrase spans."""

    actors: list[Span] = field(default_factory=list)
    recipients: list[Span] = field(default_factory=list)


def frame_for(trigger: Token) -> Frame:
    """Actor and recipient spans for a verbal or nominal trigger."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _nominal_frame(trigger)
    return _verbal_frame(trigger)


def _verbal_frame(verb: Token) -> Frame:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    subject = _subject(verb)
    agent = _agent(verb)
    objects = [o for o in direct_objects(verb) if o.pos_ in ("NOUN", "PROPN", "PRON")]
    if passive:
        actors = [agent] if agent else []
        recipients = [subject] if subject else []
    else:
        actors = [subject] if subject else []
        recipients = objects or _prep_objects(verb)
    return Frame(_expand_all(actors), _expand_all(recipients))


def _nominal_frame(noun: Token) -> Frame:
    actors = [c for c in noun.children if c.dep_ == "poss"]
    recipients = [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "against", "on")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    if not actors and noun.dep_ in ("dobj", "pobj"):
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        subject = _subject(governor) if governor.pos_ == "VERB" else None
        actors = [subject] if subject is not None and subject != noun else []
    return Frame(_expand_all(actors), _expand_all(recipients))


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited through conjunction, xcomp and relative clauses."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head != current:
            current = current.head
            continue
        break
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _prep_objects(verb: Token) -> list[Token]:
    return [
        pobj
        for prep in verb.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ in RECIPIENT_PREPS
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ][:1]


def _expand_all(heads: list[Token]) -> list[Span]:
    """Each head and its coordinated/apposed siblings, as noun-phrase spans."""
    spans: list[Span] = []
    for head in heads:
        for member in (head, *head.conjuncts):
            spans.append(noun_phrase(member))
            spans.extend(
                noun_phrase(a) for a in member.children if a.dep_ == "appos" and a.pos_ == "PROPN"
            )
    return _unique(spans)


def noun_phrase(head: Token) -> Span:
    """The noun phrase around ``head``, without its conjuncts, appositions and clauses."""
    stop = {"conj", "cc", "appos", "relcl", "acl", "punct", "prep", "advcl"}
    left = [t for t in head.lefts if t.dep_ not in stop]
    start = min([head.i, *(t.left_edge.i for t in left)])
    end = head.i
    for child in head.rights:
        if child.dep_ in stop and not (child.dep_ == "prep" and child.lower_ == "of"):
            break
        end = child.right_edge.i
    return head.doc[start : end + 1]


def _unique(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    result = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            result.append(span)
    return result
