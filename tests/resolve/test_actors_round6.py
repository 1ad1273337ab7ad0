"""Actor resolution for rules 70 and 72 (docs/actors.md): a modifier split from its noun
reads as its kind with the noun and takes the country of the coordination it belongs to;
civilians named as such are no militia; a capital naming a pact is no main country;
sentences written by the team."""

from __future__ import annotations

from eventlens.nlp import load_model
from eventlens.record import Document, Event
from eventlens.resolve.actors import ActorResolver
from eventlens.resolve.context import DocumentContext


def _context(text: str) -> DocumentContext:
    return DocumentContext(document=Document(id="r6", text=text), doc=load_model("en")(text))


def _span(context: DocumentContext, words: str, start: int = 0):
    at = context.doc.text.index(words, start)
    span = context.doc.char_span(at, at + len(words))
    assert span is not None, words
    return span


def test_a_cut_modifier_reads_as_its_kind_with_the_noun() -> None:
    context = _context("Religious and traditional leaders met the governor in Dori.")
    actor = ActorResolver().resolve(_span(context, "Religious"), context)
    assert (actor.text, actor.sector) == ("Religious", "REL")


def test_a_cut_modifier_takes_the_country_of_its_coordination() -> None:
    text = "Dutch police, military and civilian personnel left Gao in June."
    context = _context(text)
    resolver = ActorResolver()
    first = resolver.resolve(_span(context, "Dutch police"), context)
    military = resolver.resolve(_span(context, "military"), context)
    assert (first.country, first.sector) == ("NLD", "COP")
    assert (military.country, military.sector) == ("NLD", "MIL")


def test_a_modifier_outside_a_coordination_takes_no_country_from_it() -> None:
    text = "Dutch police arrested military and civilian suspects in Gao."
    context = _context(text)
    resolver = ActorResolver()
    resolver.resolve(_span(context, "Dutch police"), context)
    military = resolver.resolve(_span(context, "military"), context)
    assert military.country != "NLD"


def test_traditional_leaders_are_civilians() -> None:
    context = _context("Traditional leaders of the commune called for calm.")
    actor = ActorResolver().resolve(_span(context, "Traditional leaders"), context)
    assert actor.sector == "CVL"


def test_civilians_named_as_such_are_no_militia_in_a_battle() -> None:
    text = "Soldiers and gunmen fought near Tillia, where civilian workers were hit."
    context = _context(text)
    resolver = ActorResolver()
    event = Event(
        doc_id="r6",
        event_type="ASSAULT",
        sentence=text,
        span=(0, len(text)),
        trigger="",
        rule="",
        acled_event_type="Battles",
    )
    event.actor = [resolver.resolve(_span(context, "gunmen"), context)]
    event.recipient = [resolver.resolve(_span(context, "civilian workers"), context)]
    resolver.imply(event, context)
    assert event.recipient[0].sector != "UAF"


# rule 72: a capital naming a pact is no main country


def test_a_capital_naming_a_pact_gives_no_main_country() -> None:
    context = _context("Demonstrators marched to back the Doha peace deal.")
    actor = ActorResolver().resolve(_span(context, "Demonstrators"), context)
    assert actor.country != "QAT"


def test_a_capital_as_a_government_still_gives_the_main_country() -> None:
    context = _context("Demonstrators marched after Doha rejected the offer.")
    actor = ActorResolver().resolve(_span(context, "Demonstrators"), context)
    assert actor.country == "QAT"
