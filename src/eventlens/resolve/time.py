"""Resolve the date of an event from its sentence, the document and the publication date."""

from __future__ import annotations

from datetime import date

import dateparser
from spacy.tokens import Span, Token

from eventlens.record import DateInfo
from eventlens.resolve.context import DocumentContext


class TimeResolver:
    """Date an event: a date written in its sentence, else the publication date."""

    def resolve(self, sentence: Span, trigger: Token, context: DocumentContext) -> DateInfo:
        pub = context.document.pub_date
        for ent in sentence.ents:
            if ent.label_ != "DATE":
                continue
            found = _absolute(ent.text, pub)
            if found is not None:
                return found
        if pub is None:
            return DateInfo(precision="unknown", basis="publication")
        return DateInfo(date=pub, start=pub, end=pub, precision="day", basis="publication")


def _absolute(text: str, pub: date | None) -> DateInfo | None:
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"]}
    if pub is not None:
        settings["RELATIVE_BASE"] = __import__("datetime").datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    return DateInfo(date=day, start=day, end=day, precision="day", text=text, basis="explicit")
