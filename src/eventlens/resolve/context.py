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

    ``actors_seen`` feeds coreference ("the junta", "the group", pronouns),
    ``last_date`` anchors narrative dates ("a week later"), and ``countries``
    counts country mentions to disambiguate places and actors.
    """

    document: Document
    doc: Doc
    actors_seen: list[Actor] = field(default_factory=list)
    last_date: DateInfo | None = None
    countries: Counter[str] = field(default_factory=Counter)

    def remember_actor(self, actor: Actor) -> None:
        self.actors_seen.append(actor)
        if actor.country:
            self.countries[actor.country] += 1

    @property
    def focus_country(self) -> str | None:
        """The ISO alpha-3 code of the country the document is most about."""
        common = self.countries.most_common(1)
        return common[0][0] if common else None
