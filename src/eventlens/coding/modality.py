"""Whether the text asserts an event, or negates, supposes or announces it."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from eventlens.data_files import load_yaml
from eventlens.record import Modality


@cache
def _cues(lang: str = "en") -> dict:
    return load_yaml("lexicons", lang, "modality.yaml")


def modality_of(trigger: Token, lang: str = "en") -> Modality:
    """Modality of the event triggered by ``trigger`` from its governing chain."""
    cues = _cues(lang)
    sentence = trigger.sent
    if sentence.text.rstrip().endswith("?"):
        return "hypothetical"
    for token in _governing_chain(trigger):
        found = _cue_on(token, cues, governs=token is not trigger)
        if found:
            return found
    if any(p in sentence.text.lower() for p in cues["future"]["phrases"]):
        return "future"
    return "asserted"


def _governing_chain(trigger: Token) -> list[Token]:
    """The trigger and the heads above it up to the root (a nominal trigger's verb too)."""
    chain = [trigger]
    current = trigger
    while current.head != current and len(chain) < 6:
        current = current.head
        chain.append(current)
    return chain


def _cue_on(token: Token, cues: dict, governs: bool) -> Modality | None:
    children = list(token.children)
    lowers = {c.lower_ for c in children}
    if any(c.dep_ == "neg" for c in children) or lowers & set(cues["negation"]["words"]) & {
        "never",
        "without",
    }:
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in cues["hypothetical"]["markers"] for c in children):
        return "hypothetical"
    if token.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in children):
        return "hypothetical"
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & set(cues["hypothetical"]["modals"]):
        return "hypothetical"
    if aux & set(cues["future"]["modals"]):
        return "future"
    lemma = token.lemma_.lower()
    if not governs:
        return None
    if lemma in cues["future"]["governors"]:
        return "future"
    if lemma in cues["hypothetical"]["governors"] or lemma in cues["hypothetical"]["adjectives"]:
        return "hypothetical"
    return None
