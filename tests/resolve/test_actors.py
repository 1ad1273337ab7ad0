"""Actor resolution rules, on sentences the team wrote (direct resolver calls on parses)."""

from __future__ import annotations

from datetime import date

import pytest

from eventlens.nlp import load_model
from eventlens.record import Actor, Document
from eventlens.resolve.actors import ActorResolver
from eventlens.resolve.context import DocumentContext

pytestmark = pytest.mark.model

PUB = date(2022, 3, 24)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.fixture(scope="module")
def resolve(resolver: ActorResolver):
    """Resolve the last occurrence of ``phrase`` in ``text`` (parsed), as the coder would."""
    nlp = load_model("en")

    def _resolve(text: str, phrase: str, pub_date: date | None = PUB, **kw) -> Actor:
        doc = nlp(text)
        start = text.rindex(phrase)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        document = Document(id="t", text=text, pub_date=pub_date)
        return resolver.resolve(span, DocumentContext(document=document, doc=doc), **kw)

    return _resolve


def facts(actor: Actor) -> tuple[str | None, str | None]:
    return actor.code, actor.sector


# --- names: longest alias, case, accents ------------------------------------------------


def test_longest_alias_wins(resolve):
    actor = resolve("The UN Security Council condemned the raid.", "The UN Security Council")
    assert actor.name == "United Nations Security Council"
    assert facts(actor) == ("UNO", "GOV")
    assert resolve("The UN sent a team to Gao.", "The UN").name == "United Nations"


@pytest.mark.parametrize(
    ("text", "phrase", "name", "code", "sector"),
    [
        (
            "ECOWAS imposed sanctions on Bamako.",
            "ECOWAS",
            "Economic Community of West African States",
            "IGO",
            None,
        ),
        (
            "La CEDEAO a fermé ses frontières.",
            "La CEDEAO",
            "Economic Community of West African States",
            "IGO",
            None,
        ),
        (
            "The European Union suspended its training mission.",
            "The European Union",
            "European Union",
            "EUR",
            None,
        ),
        (
            "EUTM instructors left Koulikoro.",
            "EUTM instructors",
            "European Union Training Mission in Mali",
            "EUR",
            "MIL",
        ),
        (
            "Presumed JNIM militants attacked a convoy near Boni.",
            "Presumed JNIM militants",
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "IMG",
            "REB",
        ),
        (
            "GSIM fighters ambushed the patrol.",
            "GSIM fighters",
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "IMG",
            "REB",
        ),
        (
            "EIGS claimed the attack on Tillaberi.",
            "EIGS",
            "Islamic State Sahel Province",
            "IMG",
            "REB",
        ),
        ("FAMa units retook the camp.", "FAMa units", "Malian Armed Forces", "MLI", "MIL"),
        ("Barkhane handed over the base at Gossi.", "Barkhane", "Operation Barkhane", "FRA", "MIL"),
        (
            "The Russian private security group Wagner arrived in Segou.",
            "The Russian private security group Wagner",
            "Wagner Group",
            "RUS",
            "UAF",
        ),
        ("Dozo hunters clashed with herders.", "Dozo hunters", "Dozo hunters", "MLI", "UAF"),
        (
            "Al-Shabaab fighters overran the base.",
            "Al-Shabaab fighters",
            "al-Shabaab",
            "SOM",
            "REB",
        ),
        ("The Houthis fired a missile at a tanker.", "The Houthis", "Houthis", "YEM", "REB"),
    ],
)
def test_named_groups_and_organisations(resolve, text, phrase, name, code, sector):
    actor = resolve(text, phrase)
    assert (actor.name, actor.code, actor.sector) == (name, code, sector)


def test_single_word_alias_keeps_its_case(resolve):
    assert resolve("They told us the talks failed.", "us").code is None
    assert resolve("The US told Mali the talks failed.", "The US").code == "USA"
    assert resolve("A platform was built for the ceremony.", "A platform").code is None
    assert (
        resolve("The Platform signed the accord.", "The Platform").name
        == "Platform of Armed Groups"
    )


def test_kb_id_only_where_known(resolve):
    assert resolve("NATO warned Moscow.", "NATO").kb_id == "Q7184"
    assert resolve("The junta warned Paris.", "Paris").kb_id == "Q142"


# --- states: demonyms, capitals, sector nouns --------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        ("Malian soldiers detained two suspects.", "Malian soldiers", "MLI", "MIL"),
        ("French troops left the Menaka base.", "French troops", "FRA", "MIL"),
        ("Burkinabe gendarmes arrested the mayor.", "Burkinabe gendarmes", "BFA", "COP"),
        ("Nigerien protesters marched in Niamey.", "Nigerien protesters", "NER", "CVL"),
        ("Many Malians support the transition.", "Many Malians", "MLI", "CVL"),
        ("The Chadian government recalled its envoy.", "The Chadian government", "TCD", "GOV"),
        ("Des soldats maliens ont été tués.", "Des soldats maliens", "MLI", None),
        ("Moscow denied the report.", "Moscow", "RUS", "GOV"),
        ("Bamako expelled the ambassador.", "Bamako", "MLI", "GOV"),
        ("Washington froze the assets.", "Washington", "USA", "GOV"),
        ("Russia vetoed the draft.", "Russia", "RUS", None),
        ("Ivory Coast closed its border.", "Ivory Coast", "CIV", None),
        (
            "The Malian minister of defence met his counterpart.",
            "The Malian minister of defence",
            "MLI",
            "GOV",
        ),
    ],
)
def test_states_demonyms_capitals_and_sector_nouns(resolve, text, phrase, code, sector):
    actor = resolve(text, phrase)
    assert (actor.code, actor.sector) == (code, sector)
    assert actor.country == code


def test_country_names_are_canonical(resolve):
    assert resolve("The Russian Federation vetoed it.", "The Russian Federation").name == "Russia"
    assert resolve("Ivory Coast closed its border.", "Ivory Coast").name == "Côte d'Ivoire"


def test_envoy_to_a_country_is_the_sender(resolve):
    actor = resolve("The French ambassador to Mali was expelled.", "The French ambassador to Mali")
    assert facts(actor) == ("FRA", "GOV")


# --- people: titles, offices by date ------------------------------------------------------


def test_title_and_name_code_the_office_at_the_event_date(resolve):
    text = "Defence Minister Sadio Camara met Russian officers."
    actor = resolve(text, "Defence Minister Sadio Camara")
    assert (actor.name, actor.code, actor.sector) == ("Sadio Camara", "MLI", "GOV")
    between_offices = resolve(text, "Defence Minister Sadio Camara", when=date(2021, 6, 1))
    assert facts(between_offices) == ("MLI", "MIL")


@pytest.mark.parametrize(
    ("when", "sector"),
    [(date(2019, 5, 1), "GOV"), (date(2021, 10, 1), "ELI")],
)
def test_person_out_of_office_is_a_former_official(resolve, when, sector):
    actor = resolve("Keïta addressed the nation.", "Keïta", pub_date=when)
    assert (actor.name, actor.sector) == ("Ibrahim Boubacar Keïta", sector)


@pytest.mark.parametrize(
    ("when", "name"),
    [(date(2015, 3, 1), "Idriss Déby"), (date(2022, 3, 1), "Mahamat Idriss Déby")],
)
def test_same_surname_resolves_by_date(resolve, when, name):
    actor = resolve("President Déby visited the troops.", "President Déby", pub_date=when)
    assert (actor.name, actor.code, actor.sector) == (name, "TCD", "GOV")


def test_same_surname_resolves_by_the_document_country(resolve):
    text = "Guinea's former junta leader went on trial in Conakry. Camara denied the charges."
    assert resolve(text, "Camara").name == "Moussa Dadis Camara"
    text = "Mali's transition drew criticism in Bamako. Camara denied the charges."
    assert resolve(text, "Camara").name == "Sadio Camara"


def test_goita_became_president(resolve):
    text = "Colonel Assimi Goïta addressed the officers."
    assert facts(resolve(text, "Colonel Assimi Goïta", pub_date=date(2020, 8, 1))) == ("MLI", "MIL")
    assert facts(resolve(text, "Colonel Assimi Goïta", pub_date=date(2022, 1, 1))) == ("MLI", "GOV")


# --- possessives --------------------------------------------------------------------------


def test_possessive_country(resolve):
    assert facts(resolve("Mali's president met the envoy.", "Mali's president")) == ("MLI", "GOV")
    text = "Niger has faced attacks for years. Soldiers arrested the country's president."
    actor = resolve(text, "the country's president")
    assert (actor.code, actor.sector, actor.name) == ("NER", "GOV", "Niger")


# --- coreference --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        (
            "JNIM claimed the ambush near Diafarabe. The group said it held two soldiers.",
            "The group",
            "Jama'at Nusrat al-Islam wal-Muslimin",
        ),
        (
            "Ansar Dine fighters entered Timbuktu in 2012. The militants destroyed the shrines.",
            "The militants",
            "Ansar Dine",
        ),
        (
            "ECOWAS leaders met in Accra on Sunday. It imposed new sanctions.",
            "It",
            "Economic Community of West African States",
        ),
        (
            "The Wagner Group sent instructors to Bangui. The company denied any abuses.",
            "The company",
            "Wagner Group",
        ),
        ("Colonel Assimi Goïta spoke on television. He promised elections.", "He", "Assimi Goïta"),
        (
            "Interim President Goïta met the envoy. The president promised elections.",
            "The president",
            "Assimi Goïta",
        ),
    ],
)
def test_definite_descriptions_and_pronouns_refer_back(resolve, text, phrase, name):
    assert resolve(text, phrase).name == name


def test_sector_description_takes_the_antecedent_country(resolve):
    text = "Burkinabe ministers flew to Niamey. The ministers signed a defence pact."
    assert facts(resolve(text, "The ministers")) == ("BFA", "GOV")


def test_junta_without_antecedent_takes_the_main_country(resolve):
    text = "Mali's transition is stalling. Bamako's partners worry. The junta expelled the envoy."
    actor = resolve(text, "The junta")
    assert (actor.code, actor.country, actor.sector, actor.name) == ("MLI", "MLI", "MIL", "Mali")


def test_possessive_pronoun_takes_the_antecedent_country(resolve):
    text = "The Malian junta met on Monday. Its leaders rejected the ECOWAS timetable."
    assert facts(resolve(text, "Its leaders")) == ("MLI", "GOV")


def test_pronoun_without_antecedent_stays_unresolved(resolve):
    actor = resolve("It is unclear what happened.", "It")
    assert (actor.code, actor.name, actor.text) == (None, None, "It")


def test_a_definite_description_is_the_one_named_before_with_that_noun(resolve):
    text = (
        "The Malian junta expelled the ambassador. French forces left the base at Gao. "
        "The junta welcomed the departure."
    )
    assert facts(resolve(text, "The junta")) == ("MLI", "MIL")


def test_pronoun_after_an_unknown_agent_does_not_jump_to_a_known_actor(resolve):
    text = (
        "The junta defended Malian interests against some donors who kept their conditions "
        "until they left the country."
    )
    actor = resolve(text, "they")
    assert (actor.code, actor.country, actor.sector) == (None, None, None)


def test_pronoun_still_prefers_the_known_subject(resolve):
    text = "Soldiers arrested men who had stolen cattle, and they took them to Gao."
    assert resolve(text, "they").sector == "MIL"


def test_coordinated_members_share_the_first_members_country(resolve):
    text = "Canadian police and civilian staff stayed in Bamako."
    assert facts(resolve(text, "civilian staff")) == ("CAN", "CVL")


# --- ambiguity by context -----------------------------------------------------------------


def test_niger_state_versus_river(resolve):
    assert resolve("Niger recalled its ambassador.", "Niger").code == "NER"
    assert resolve("Boats sank on the River Niger near Mopti.", "the River Niger").code is None
    assert resolve("Fishermen on the Niger River protested.", "the Niger River").code is None
    actor = resolve("Niger Delta militants blew up a pipeline.", "Niger Delta militants")
    assert facts(actor) == ("NGA", "REB")


def test_chad_state_versus_lake(resolve):
    assert resolve("Chad sent troops to Mali.", "Chad").code == "TCD"
    assert resolve("Fishermen fled Lake Chad.", "Lake Chad").code is None


def test_georgia_by_document_country(resolve):
    text = "Russian troops stayed in South Ossetia. Georgia protested to Moscow."
    assert resolve(text, "Georgia").code == "GEO"
    text = "The U.S. Senate race is tight. American voters in Atlanta queued. Georgia certified the results."
    actor = resolve(text, "Georgia")
    assert (actor.code, actor.name) == ("USA", "Georgia (U.S. state)")


# --- unknown actors -----------------------------------------------------------------------


def test_unknown_named_actor_keeps_its_text_with_a_best_guess_sector(resolve):
    text = "The Sahel Renewal Front attacked a convoy."
    actor = resolve(text, "The Sahel Renewal Front")
    assert (actor.name, actor.code, actor.sector) == ("Sahel Renewal Front", None, "REB")


def test_unknown_person_of_a_known_country(resolve):
    text = "Malian colonel Oumar Tessougue was arrested."
    actor = resolve(text, "Malian colonel Oumar Tessougue")
    assert (actor.name, actor.code, actor.sector, actor.kb_id) == (
        "Oumar Tessougue",
        "MLI",
        "MIL",
        None,
    )


def test_non_actor_phrase_resolves_to_nothing(resolve):
    actor = resolve("ECOWAS imposed economic sanctions.", "economic sanctions")
    assert (actor.code, actor.sector, actor.name) == (None, None, None)


# --- plain strings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Military Forces of Mali", "MLI", "MIL"),
        ("Police Forces of Burkina Faso", "BFA", "COP"),
        ("JNIM: Group for Support of Islam and Muslims", "IMG", "REB"),
        ("Protesters (Niger)", "NER", "CVL"),
    ],
)
def test_resolve_text_without_a_parse(resolver, text, code, sector):
    actor = resolver.resolve_text(text)
    assert (actor.code, actor.sector) == (code, sector)


def test_unknown_titled_person_belongs_to_the_main_country(resolve):
    text = "Gabon held a referendum in November. President Brice Fictus hailed the result."
    actor = resolve(text, "President Brice Fictus")
    assert (actor.name, actor.code, actor.sector) == ("Brice Fictus", "GAB", "GOV")


def test_unidentified_attackers_can_be_the_group_just_named(resolve):
    text = "Boko Haram fighters raided Toumour on Sunday. The attackers burned the market."
    actor = resolve(text, "The attackers")
    assert (actor.name, actor.code, actor.sector) == ("Boko Haram", "NGA", "REB")


def test_a_crowd_by_its_size_is_civilians_of_the_main_country(resolve):
    text = "Fuel prices rose in Burkina Faso. Hundreds marched in Ouagadougou."
    assert facts(resolve(text, "Hundreds")) == ("BFA", "CVL")


def test_a_single_demonym_is_no_main_country(resolve):
    text = "Gunmen abducted a Swiss nun from her home."
    assert facts(resolve(text, "Gunmen")) == (None, "UAF")


def test_titled_unknown_person_takes_the_sentence_country(resolve) -> None:
    text = "Judge Mirela Vostani charged four Moldovan customs officers with fraud."
    assert facts(resolve(text, "Judge Mirela Vostani")) == ("MDA", "JUD")


def test_personal_name_without_title_is_a_civilian(resolve) -> None:
    text = "Gunmen shot Hamidou Sangare near his farm on Friday."
    assert resolve(text, "Hamidou Sangare").sector == "CVL"


def test_former_office_holder_is_an_elite(resolve) -> None:
    text = "Former Labour prime minister Edvard Tollak criticised the budget."
    assert resolve(text, "Former Labour prime minister Edvard Tollak").sector == "ELI"


def test_intelligence_officials_are_spies(resolver: ActorResolver) -> None:
    assert facts(resolver.resolve_text("Turkish intelligence officials")) == ("TUR", "SPY")


def test_guerrillas_are_rebels(resolver: ActorResolver) -> None:
    assert facts(resolver.resolve_text("Colombian guerrillas")) == ("COL", "REB")


def test_civilian_property_codes_as_civilians(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("two trucks").sector == "CVL"


def test_ethnic_group_is_civilian_of_the_main_country(resolve) -> None:
    text = (
        "Soldiers patrolled Mopti in Mali. Mali's army said the Dogon were safe. "
        "Gunmen later attacked the Dogon."
    )
    assert facts(resolve(text, "the Dogon")) == ("MLI", "CVL")


def test_surname_shared_with_a_town_is_no_person(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("Djibo").code is None
