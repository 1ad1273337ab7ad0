"""Find event triggers in a parsed sentence by looking tokens up in the lexicon."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventlens.coding.lexicon import Lexicon, TriggerEntry


@dataclass(frozen=True)
class TriggerMatch:
    """A token of the sentence that triggers an event through a lexicon entry."""

    token: Token
    entry: TriggerEntry


def find_triggers(sentence: Span, lexicon: Lexicon) -> Iterator[TriggerMatch]:
    """Yield each token that matches a lexicon entry whose conditions hold."""
    for token in sentence:
        pos = _pos(token)
        if pos is None:
            continue
        for entry in lexicon.lookup(pos, token.lemma_):
            if _conditions_hold(token, entry):
                yield TriggerMatch(token, entry)
                break


def _pos(token: Token) -> str | None:
    if token.pos_ in ("VERB", "AUX") or (
        token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.tag_.startswith("VB")
    ):
        return "verb"
    if token.pos_ in ("NOUN", "PROPN"):
        return "noun"
    return None


def _conditions_hold(token: Token, entry: TriggerEntry) -> bool:
    children = list(token.children)
    if entry.particle and not any(c.dep_ == "prt" and c.lower_ == entry.particle for c in children):
        return False
    if entry.objects and not any(o.lemma_.lower() in entry.objects for o in direct_objects(token)):
        return False
    if entry.preps and not any(c.dep_ == "prep" and c.lower_ in entry.preps for c in children):
        return False
    return not entry.modifiers or any(
        c.lemma_.lower() in entry.modifiers for c in children if c.dep_ in ("amod", "compound")
    )


def direct_objects(token: Token) -> list[Token]:
    """The verb's direct objects, with their conjuncts ("sanctions and embargoes")."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if not objects and token.dep_ == "acl" or token.dep_ == "relcl":
        objects = [token.head] if token.head.pos_ in ("NOUN", "PROPN") else []
    return [o for obj in objects for o in (obj, *obj.conjuncts)]
