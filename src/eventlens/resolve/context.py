"""Document-level memory shared by the resolvers while one document is coded."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventlens.record import Actor, DateInfo, Document


def doc_text(doc: Doc) -> str:
    """The document's text, built once (spaCy rebuilds ``doc.text`` on every access)."""
    text = doc.user_data.get("eventlens_text")
    if text is None:
        text = doc.user_data["eventlens_text"] = doc.text
    return text


@dataclass
class DocumentContext:
    """What earlier sentences of the document established.

    ``last_date`` anchors narrative dates ("a week later"), and ``countries`` counts the
    countries of the actors met so far, to disambiguate places.
    """

    document: Document
    doc: Doc
    last_date: DateInfo | None = None
    countries: Counter[str] = field(default_factory=Counter)

    def remember_actor(self, actor: Actor) -> None:
        if actor.country:
            self.countries[actor.country] += 1
