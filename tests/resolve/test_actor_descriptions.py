"""Resolution of unnamed and partly named actors: descriptions, members, things, people,
partitives, relative pronouns and the document's country (the team's own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.nlp import load_model
from eventlens.record import Actor, Document
from eventlens.resolve.actors import ActorResolver
from eventlens.resolve.context import DocumentContext

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolve():
    """Resolve the last occurrence of ``phrase`` in ``text`` with a fresh resolver memory."""
    nlp = load_model("en")
    resolver = ActorResolver()

    def _resolve(text: str, phrase: str) -> Actor:
        doc = nlp(text)
        start = text.rindex(phrase)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        document = Document(id="t", text=text, pub_date=date(2023, 5, 2))
        return resolver.resolve(span, DocumentContext(document=document, doc=doc))

    return _resolve


def facts(actor: Actor) -> tuple[str | None, str | None]:
    return actor.country, actor.sector


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        # a member or officer takes the sector of the body named after "of"
        (
            "Leaders of the opposition coalition met in Dori.",
            "Leaders of the opposition coalition",
            "OPP",
        ),
        ("A leader of a student union was detained.", "A leader of a student union", "EDU"),
        (
            "Officers of the Ministry of Finance went on strike.",
            "Officers of the Ministry of Finance",
            "GOV",
        ),
        ("The head of the teachers' union spoke.", "The head of the teachers' union", "LAB"),
        # a thing belongs to the sector that modifies it
        ("Gunmen burned an army vehicle near Kaya.", "an army vehicle", "MIL"),
        ("Rioters looted government buildings.", "government buildings", "GOV"),
        ("Unknown men set fire to a farmer's house.", "a farmer's house", "AGR"),
        # a non-state word before a generic force noun
        ("Rebel forces took the town.", "Rebel forces", "REB"),
        ("Anti-jihadist forces entered the town.", "Anti-jihadist forces", "MIL"),
        ("Opposition militants blocked the road.", "Opposition militants", "OPP"),
        # former uniformed people are civilians; armed civilians an armed group
        ("Former soldiers demonstrated for their pensions.", "Former soldiers", "CVL"),
        ("Armed youths attacked the market.", "Armed youths", "UAF"),
        # vocabulary: supporters, opponents, headmasters, rangers, explosives, aircraft
        ("Supporters of the mayor clashed with opponents.", "opponents", "OPP"),
        ("Kidnappers released the headmaster.", "the headmaster", "EDU"),
        ("Poachers shot at forest rangers.", "forest rangers", "COP"),
        ("An improvised explosive device hit the convoy.", "An improvised explosive device", "UAF"),
        ("Unidentified aircraft bombed the camp.", "Unidentified aircraft", "MIL"),
        ("Bandits abducted three children.", "three children", "CVL"),
    ],
)
def test_sector_of_descriptions(resolve, text, phrase, sector):
    assert resolve(text, phrase).sector == sector


def test_possessor_body_gives_member_sector(resolve):
    text = "The Sahel Renewal Front attacked a post. The group's leader said it would go on."
    assert resolve(text, "The group's leader").sector == "REB"
    assert resolve("Mali's president met the envoy.", "Mali's president").sector == "GOV"


def test_named_owner_of_a_thing_keeps_its_own_sector(resolve):
    actor = resolve("A mine struck a UN vehicle near Tessalit.", "a UN vehicle")
    assert (actor.code, actor.sector) == ("UNO", None)


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        ("Police arrested 25 Burkinabe in Niamey.", "25 Burkinabe", "BFA", "CVL"),
        ("Bosnian Serbs blocked the road.", "Bosnian Serbs", "BIH", "CVL"),
        (
            "The Albanians of southern Serbia demand autonomy.",
            "The Albanians of southern Serbia",
            "SRB",
            "CVL",
        ),
        ("In Sweden, ethnic Turks began a hunger strike.", "ethnic Turks", "SWE", "CVL"),
        ("The French will vote in May.", "The French", "FRA", None),
    ],
)
def test_demonym_heads_name_people(resolve, text, phrase, country, sector):
    assert facts(resolve(text, phrase)) == (country, sector)


def test_partitive_takes_the_whole(resolve):
    text = "Boko Haram fighters raided Kolofata. Two of the fighters were captured."
    actor = resolve(text, "Two of the fighters")
    assert (actor.name, actor.sector) == ("Boko Haram", "REB")
    assert facts(resolve("Hundreds of soldiers paraded.", "Hundreds of soldiers"))[1] == "MIL"
    refugees = resolve(
        "Police beat scores of Liberian refugees, whom officials blame for the fire.",
        "scores of Liberian refugees, whom officials blame for the fire",
    )
    assert facts(refugees) == ("LBR", "REF")
    assert resolve("A group of youths burned tyres.", "A group of youths").sector == "CVL"


def test_relative_pronoun_is_the_modified_noun(resolve):
    text = "The Liptako Defence Front, which was created last year, attacked a convoy."
    actor = resolve(text, "which")
    assert actor.name == "Liptako Defence Front" and actor.sector == "REB"


def test_pronoun_prefers_the_subject_over_a_place(resolve):
    text = "Masked gunmen attacked the police station in Seytenga, and they stole two cars."
    assert resolve(text, "they").sector == "UAF"


def test_pronoun_without_antecedent_keeps_its_sector(resolve):
    assert resolve("His gunmen opened fire on the crowd.", "His gunmen").sector == "UAF"


def test_neighbour_countries_are_not_the_documents_country(resolve):
    text = "Gunmen attacked a gendarmerie post near the border with Mali. Two gendarmes died."
    assert facts(resolve(text, "Two gendarmes")) == (None, "COP")
    text = "Unknown assailants killed a herder near the Niger border."
    assert facts(resolve(text, "Unknown assailants")) == (None, "UAF")


def test_armed_groups_do_not_set_the_documents_country(resolve):
    text = "Boko Haram and ISWAP fighters attacked an army post in Bosso."
    assert facts(resolve(text, "an army post")) == (None, "MIL")


def test_anti_or_pro_names_give_no_country(resolve):
    text = "A prominent anti-Russia blogger was arrested in Minsk."
    assert resolve(text, "A prominent anti-Russia blogger").country != "RUS"


def test_another_given_name_is_another_person(resolve):
    actor = resolve("Lieutenant Moussa Ouattara was arrested.", "Lieutenant Moussa Ouattara")
    assert actor.name == "Moussa Ouattara" and actor.sector == "MIL"
    assert resolve("Alassane Ouattara met the envoy.", "Alassane Ouattara").sector == "GOV"


def test_place_after_a_person_noun_is_no_name(resolve):
    actor = resolve("Suspected militants killed a man in Tinzawaten.", "a man in Tinzawaten")
    assert actor.name is None and actor.sector == "CVL"


def test_object_pronoun_is_not_the_clauses_subject(resolve):
    text = "Soldiers arrested twelve traders near Djibo and executed them."
    assert resolve(text, "them").sector == "CVL"
    text = "Gunmen abducted the headmaster. Soldiers later freed him."
    assert resolve(text, "him").sector == "EDU"


def test_relative_pronoun_without_resolved_noun_stays_unresolved(resolve):
    text = "Tuareg leaders formed a new group which they say will negotiate with Bamako."
    actor = resolve(text, "which")
    assert actor.sector is None and actor.country is None


def test_first_of_coordinated_demonyms(resolve):
    text = "Gunmen robbed Nigerien and Malian merchants near Ayorou."
    assert facts(resolve(text, "Nigerien and Malian merchants")) == ("NER", "BUS")


def test_health_workers_are_plover_med(resolve):
    assert resolve("Swiss doctors treated the wounded.", "Swiss doctors").sector == "MED"


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("Union leaders", "LAB"),
        ("Tuareg leaders", "CVL"),
        ("Militia commanders", "UAF"),
        ("Army officers", "MIL"),
        ("Party officials", "PTY"),
    ],
)
def test_modifier_names_the_body_of_a_member(resolve, phrase, sector):
    assert resolve(f"{phrase} met in Kidal on Monday.", phrase).sector == sector


def test_possessed_member_with_a_name(resolve):
    text = (
        "Activists of the Renewal Party protested. They denounced the party's leader Amadou Tall."
    )
    assert resolve(text, "the party's leader Amadou Tall").sector == "PTY"
