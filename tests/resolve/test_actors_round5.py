"""Actor resolution rules 40-44, 50 and 51 (docs/actors.md): communities that fight are
militias, the event's place gives unnamed actors their country, attribution by make-up,
demonyms coordinated with a force, nationalities and armed groups that give no main
country, typing slips in sector words; sentences written by the team."""

from __future__ import annotations

from eventlens.nlp import load_model
from eventlens.record import Document, Event, Location
from eventlens.resolve.actors import ActorResolver
from eventlens.resolve.context import DocumentContext


def _span(doc, words: str):
    """The token span of the first occurrence of ``words`` in ``doc``."""
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None, words
    return span


def _event(
    text: str,
    actor: str,
    recipient: str | None,
    acled: str,
    place: str | None = None,
    place_country: str = "NE",
    precision: str = "place",
) -> Event:
    """An ASSAULT event of ACLED type ``acled`` whose sides are the phrases given, resolved
    and then completed by ``ActorResolver.imply`` as the coder does."""
    resolver = ActorResolver()
    doc = load_model("en")(text)
    context = DocumentContext(document=Document(id="r5", text=text), doc=doc)
    event = Event(
        doc_id="r5",
        event_type="ASSAULT",
        sentence=text,
        span=(0, len(text)),
        trigger="",
        rule="",
        acled_event_type=acled,
        location=Location(place, place, place_country, precision=precision) if place else None,
    )
    event.actor = [resolver.resolve(_span(doc, actor), context)]
    if recipient:
        event.recipient = [resolver.resolve(_span(doc, recipient), context)]
    resolver.imply(event, context)
    return event


def _sectors(actors: list) -> list[str | None]:
    return [a.sector for a in actors]


# rule 40: who fights is armed


def test_both_communities_of_a_clash_are_militias() -> None:
    text = "Bella herders and Songhai farmers clashed near Ansongo, leaving four dead."
    event = _event(text, "Bella herders", "Songhai farmers", "Battles")
    assert _sectors(event.actor) == ["UAF"]
    assert _sectors(event.recipient) == ["UAF"]


def test_villagers_who_attack_civilians_are_a_militia() -> None:
    text = "Villagers from Boulkessi burned a Fulani hamlet and killed two herders."
    event = _event(text, "Villagers from Boulkessi", "two herders", "Violence against civilians")
    assert _sectors(event.actor) == ["UAF"]
    assert _sectors(event.recipient) == ["AGR"]  # the victims stay what they are


def test_the_same_community_outside_violence_stays_civilian() -> None:
    text = "Bella herders met Songhai farmers near Ansongo to settle a grazing dispute."
    event = _event(text, "Bella herders", "Songhai farmers", "Strategic developments")
    assert _sectors(event.actor) == ["AGR"]


def test_casualties_crowds_and_single_victims_of_a_clash_are_no_militia() -> None:
    text = "Three people were wounded when a farmer was shot as rioters fought in Kaya."
    assert _sectors(_event(text, "rioters", "Three people", "Battles").recipient) == ["CVL"]
    assert _sectors(_event(text, "rioters", "a farmer", "Battles").actor) == ["CVL"]
    assert _sectors(_event(text, "rioters", "a farmer", "Battles").recipient) == ["AGR"]


def test_state_forces_in_a_clash_keep_their_sector() -> None:
    text = "Soldiers clashed with villagers near Dori."
    event = _event(text, "Soldiers", "villagers", "Battles")
    assert _sectors(event.actor) == ["MIL"]
    assert _sectors(event.recipient) == ["UAF"]


# rule 41: the event's place over the document's main country


def test_an_unnamed_crowd_takes_the_country_of_the_place_not_of_a_foreign_convoy() -> None:
    text = (
        "Pupils blocked the road south of Ouallam against a motorbike ban, and stopped a "
        "convoy of Canadian trainers. Canada said the convoy turned back. Canada protested."
    )
    event = _event(text, "Pupils", None, "Protests", place="Ouallam")
    assert [(a.sector, a.country) for a in event.actor] == [("EDU", "NER")]


def test_without_a_place_the_main_country_stays() -> None:
    text = "Police dispersed the crowd. Canada said its citizens were safe. Canada protested."
    event = _event(text, "Police", None, "Protests")
    assert [a.country for a in event.actor] == ["CAN"]


def test_a_place_that_is_only_a_country_name_does_not_override() -> None:
    text = "Police dispersed the crowd. Canada said its citizens were safe. Canada protested."
    event = _event(text, "Police", None, "Protests", "Niger", precision="country")
    assert [a.country for a in event.actor] == ["CAN"]


def test_a_named_or_stated_country_is_kept_whatever_the_place() -> None:
    text = "Chadian soldiers clashed with gunmen near Bosso."
    event = _event(text, "Chadian soldiers", "gunmen", "Battles", place="Bosso")
    assert [a.country for a in event.actor] == ["TCD"]


# rule 42: a group described by what it is made of


def test_a_group_made_up_of_members_of_an_armed_group_is_that_group() -> None:
    text = "A group made up of MNLA and HCUA members attacked a market near Anefis."
    event = _event(text, "A group", "a market", "Violence against civilians")
    assert [a.name for a in event.actor] == ["National Movement for the Liberation of Azawad"]


# rule 43: a demonym coordinated with a sector noun


def test_a_demonym_the_parser_coordinates_with_troops_is_military(code) -> None:
    events = code("Nigerien and Chadian troops killed twelve Boko Haram fighters near Bosso.")
    actors = {(a.country, a.sector) for e in events for a in e.actor}
    assert ("NER", "MIL") in actors
    assert ("TCD", "MIL") in actors


def test_aliases_and_spellings_of_sahel_groups() -> None:
    resolver = ActorResolver()
    assert resolver.resolve_text("AQLIM fighters").name == "al-Qaeda in the Islamic Maghreb"
    assert resolver.resolve_text("Tauregs").sector == "CVL"
    assert resolver.resolve_text("Peulh herders").sector == "AGR"


def test_a_demonym_coordinated_with_a_modifier_takes_the_modified_noun() -> None:
    text = (
        "On 3 May, Chadian and Nigerien contingents serving with the regional task force "
        "killed ten militants near Bosso."
    )
    doc = load_model("en")(text)
    context = DocumentContext(document=Document(id="r5", text=text), doc=doc)
    actor = ActorResolver().resolve(_span(doc, "Nigerien"), context)
    assert (actor.country, actor.sector) == ("NER", "MIL")


def test_militiamen_associated_with_a_group_are_that_group() -> None:
    text = "On May 2, militiamen associated with GATIA stole cattle from herders near Menaka."
    event = _event(text, "militiamen", "cattle", "Violence against civilians")
    assert [a.name for a in event.actor] == ["Imghad Tuareg and Allies Self-Defence Group"]


def test_a_demonym_takes_the_sector_of_a_word_of_its_compound_noun() -> None:
    text = "Bodies were found after a Mauritanian army raid on a camp near Lere."
    doc = load_model("en")(text)
    context = DocumentContext(document=Document(id="r5", text=text), doc=doc)
    actor = ActorResolver().resolve(_span(doc, "Mauritanian"), context)
    assert (actor.country, actor.sector) == ("MRT", "MIL")


# rule 44: a nationality is not where the story is


def test_the_nationality_of_a_victim_gives_no_country_to_unnamed_actors() -> None:
    text = (
        "Gunmen stopped a car carrying an Italian nun, the Italian nun was shot dead, and "
        "the gunmen later attacked four customs officers at a post."
    )
    event = _event(text, "four customs officers", None, "Battles")
    assert [(a.sector, a.country) for a in event.actor] == [("COP", None)]


def test_a_demonym_of_state_officials_still_tells_the_main_country() -> None:
    text = "Malian officials met in the capital. Malian ministers said the police were ready."
    event = _event(text, "the police", None, "Strategic developments")
    assert [(a.sector, a.country) for a in event.actor] == [("COP", "MLI")]


def test_groups_named_by_a_demonym_still_tell_the_main_country() -> None:
    text = "Chadian workers went on strike. Chadian teachers joined them. The police watched."
    event = _event(text, "The police", None, "Strategic developments")
    assert [(a.sector, a.country) for a in event.actor] == [("COP", "TCD")]


def test_counted_victims_of_a_clash_are_no_militia() -> None:
    text = "Soldiers killed four Bella herders in a gunfight near Ansongo."
    event = _event(text, "Soldiers", "four Bella herders", "Battles")
    assert _sectors(event.recipient) == ["AGR"]


def test_counted_members_of_the_other_community_in_a_clash_are_a_militia() -> None:
    text = "Bella herders fought nine Songhai farmers near Ansongo."
    event = _event(text, "Bella herders", "nine Songhai farmers", "Battles")
    assert _sectors(event.recipient) == ["UAF"]


def test_a_partitive_crowd_takes_the_country_of_the_place_too() -> None:
    text = (
        "Hundreds of demonstrators in Gao marched against the Algiers accord. Talks in "
        "Algiers continued. Algiers hosted the mediators."
    )
    event = _event(text, "Hundreds of demonstrators in Gao", None, "Protests", "Gao", "ML")
    assert [(a.sector, a.country) for a in event.actor] == [("CVL", "MLI")]


def test_a_state_name_before_a_force_is_no_main_country() -> None:
    text = "Pupils blocked a road and stopped a convoy of U.S. special forces near Tera."
    event = _event(text, "Pupils", None, "Protests")
    assert [(a.sector, a.country) for a in event.actor] == [("EDU", None)]


# rule 50: an armed group after "in" is no place


def test_victims_of_an_attack_by_a_group_take_no_country_from_the_group(code) -> None:
    events = code("At least 7 civilians killed and 10 injured in Boko Haram attack.")
    victims = [r for e in events for r in e.recipient if r.text]
    assert victims and all(r.country is None for r in victims)


def test_a_given_name_is_not_a_french_country_name() -> None:
    actor = ActorResolver().resolve_text("Mayor Dominique Traore")
    assert actor.country != "DMA"


# rule 51: typing slips in sector words


def test_misspelt_sector_words_are_read_as_the_word_they_slip_from() -> None:
    resolver = ActorResolver()
    assert resolver.resolve_text("the soliders").sector == "MIL"
    assert resolver.resolve_text("two gendarms").sector == "COP"
    assert resolver.resolve_text("armed banits").sector == "UAF"


def test_known_words_and_names_are_not_mended() -> None:
    resolver = ActorResolver()
    assert resolver.resolve_text("the riders").sector is None
    assert resolver.resolve_text("Moussa Mayer").sector is None


# rule 52: a possessive written without its apostrophe


def test_a_state_name_with_a_bare_s_is_a_possessive() -> None:
    resolver = ActorResolver()
    assert (
        resolver.resolve_text("Chads army").country,
        resolver.resolve_text("Chads army").sector,
    ) == ("TCD", "MIL")
    assert resolver.resolve_text("Burkina Fasos government").country == "BFA"


def test_a_given_name_like_a_bare_possessive_is_no_state() -> None:
    resolver = ActorResolver()
    assert resolver.resolve_text("Frances Okafor").country is None
    assert resolver.resolve_text("Frances").country is None


# rule 53: a movement that marches


def test_an_unknown_movement_that_marches_is_a_crowd() -> None:
    text = "The KDX movement staged a march in Gaoua."
    resolver = ActorResolver()
    doc = load_model("en")(text)
    context = DocumentContext(document=Document(id="r5", text=text), doc=doc)
    event = Event(
        doc_id="r5",
        event_type="PROTEST",
        sentence=text,
        span=(0, len(text)),
        trigger="march",
        rule="",
        acled_event_type="Protests",
    )
    event.actor = [resolver.resolve(_span(doc, "The KDX movement"), context)]
    assert _sectors(event.actor) == ["REB"]
    resolver.imply(event, context)
    assert _sectors(event.actor) == ["CVL"]
