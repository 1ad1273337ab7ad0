"""Resolve an actor phrase to a canonical actor: country, sector, organisation."""

from __future__ import annotations

from functools import cache

import pycountry
from spacy.tokens import Span

from eventlens.data_files import load_yaml
from eventlens.record import Actor
from eventlens.resolve.context import DocumentContext


@cache
def _sector_words() -> dict[str, str]:
    table = load_yaml("actors", "sectors.yaml")
    return {word.lower(): sector for sector, words in table.items() for word in words}


@cache
def _country(name: str) -> tuple[str, str] | None:
    try:
        found = pycountry.countries.lookup(name)
    except LookupError:
        return None
    return found.alpha_3, found.name


class ActorResolver:
    """Map actor spans to :class:`Actor` records."""

    def resolve(self, span: Span, context: DocumentContext) -> Actor:
        actor = Actor(text=span.text, start=span.start_char, end=span.end_char)
        sectors = _sector_words()
        for token in span:
            found = _country(token.text) if token.pos_ == "PROPN" else None
            if found:
                actor.code, actor.name = found
                actor.country = found[0]
            sector = sectors.get(token.lemma_.lower()) or sectors.get(token.lower_)
            if sector and span.root == token:
                actor.sector = sector
        if actor.code is None and actor.sector is None:
            actor.name = span.text
        context.remember_actor(actor)
        return actor
