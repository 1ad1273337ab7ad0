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
    text = "Tuareg elders set up a new body which they say will talk with Bamako."
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


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        # armed state targets: patrols, checkpoints, posts, barracks, armoured vehicles
        ("Gunmen fired on security patrols near Tongomayel.", "security patrols", "MIL"),
        ("Militants overran a checkpoint on the Kaya road.", "a checkpoint", "MIL"),
        ("Militants overran a police checkpoint at dawn.", "a police checkpoint", "COP"),
        ("Assailants attacked a gendarmerie patrol at dusk.", "a gendarmerie patrol", "COP"),
        ("Assailants shot at a gendarmeri station in Tanwalbougou.", "a gendarmeri station", "COP"),
        ("Rockets hit the barracks overnight.", "the barracks", "MIL"),
        ("An IED struck an armoured vehicle near Ouallam.", "an armoured vehicle", "MIL"),
    ],
)
def test_armed_targets(resolve, text, phrase, sector):
    assert resolve(text, phrase).sector == sector


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        # an unknown name or body with no sector word is what its clause does
        ("SYNEPAX began a strike at the port to demand arrears.", "SYNEPAX", "LAB"),
        ("The UNTZ went on strike over wages.", "The UNTZ", "LAB"),
        ("KODEMPA and ASFEX organized a march in Koudougou.", "ASFEX", "CVL"),
        ("SYNAVEX members staged a sit-in at the ministry.", "SYNAVEX members", "CVL"),
        ("An association of market women held a rally in Niamey.", "An association", "NGO"),
        ("A committee staged a protest in Tera.", "A committee", "CVL"),
        ("A committee met the governor in Tera.", "A committee", None),
    ],
)
def test_collective_action_gives_a_sector(resolve, text, phrase, sector):
    assert resolve(text, phrase).sector == sector


def test_unknown_name_without_a_collective_action_has_no_sector(resolve):
    assert resolve("KODEMPA received the minister.", "KODEMPA").sector is None


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        # lowercase aliases match in any case; plural acronyms are the acronym
        ("Armed men clashed with koglweogo near Kaya.", "koglweogo", "Koglweogo"),
        (
            "Militants ambushed VDPs near Barsalogho.",
            "VDPs",
            "Volunteers for the Defence of the Homeland",
        ),
        (
            "Gunmen killed two members of the AQLM.",
            "two members of the AQLM",
            "al-Qaeda in the Islamic Maghreb",
        ),
    ],
)
def test_alias_forms(resolve, text, phrase, name):
    assert resolve(text, phrase).name == name


def test_dozo_hunters_take_burkina_faso_in_a_burkinabe_story(resolve):
    text = "In Burkina Faso, dozo hunters clashed with herders. Burkina Faso's army intervened."
    assert facts(resolve(text, "dozo hunters")) == ("BFA", "UAF")


def test_a_gang_of_armed_men_are_armed_men(resolve):
    assert resolve("A gang of armed men robbed a bus.", "A gang of armed men").sector == "UAF"


def test_possessed_thing_takes_its_owners_sector(resolve):
    text = "Nigerien soldiers said that their camp came under fire."
    assert facts(resolve(text, "their camp")) == ("NER", "MIL")


def test_object_of_the_owners_verb_is_not_the_owners(resolve):
    text = "Soldiers stopped in Tera. Gunmen burned their houses."
    assert resolve(text, "their houses").sector == "CVL"


def test_titled_officer_of_an_organisation_is_he(resolve):
    text = "AU envoy Ama Tendo said that he would visit Bamako."
    actor = resolve(text, "he")
    assert (actor.code, actor.sector) == ("IGO", "GOV")


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        # a region names its country
        ("Darfur rebels shelled a convoy.", "Darfur rebels", "SDN", "REB"),
        ("Chechen fighters took hostages.", "Chechen fighters", "RUS", "REB"),
        # ethnic and religious communities are civilians
        ("Kurds marched in the city.", "Kurds", None, "CVL"),
        ("Settlers blocked the road.", "Settlers", None, "CVL"),
        # an unknown state body takes the document's country
        (
            "Mali's junta met in Bamako. The Ministry of Mines suspended the permits.",
            "The Ministry of Mines",
            "MLI",
            "GOV",
        ),
    ],
)
def test_regions_communities_and_unknown_bodies(resolve, text, phrase, country, sector):
    assert facts(resolve(text, phrase)) == (country, sector)


def test_unknown_armed_group_keeps_no_country(resolve):
    text = "Mali's junta met in Bamako. The Sahel Renewal Front attacked Hombori."
    assert facts(resolve(text, "The Sahel Renewal Front")) == (None, "REB")


def test_un_labour_body(resolve):
    actor = resolve(
        "The International Labour Office urged Niger to act.", "The International Labour Office"
    )
    assert (actor.code, actor.sector) == ("UNO", "LAB")


def test_joint_army_and_police_units_stay_military(resolve):
    text = "Militants ambushed combined army and gendarmerie units near Po."
    assert resolve(text, "combined army and gendarmerie units").sector == "MIL"


def test_owner_is_not_the_subject_of_a_coordinated_verb(resolve):
    text = "Gunmen stopped traders near Dori, beat them and seized their vehicle."
    assert resolve(text, "their vehicle").sector == "CVL"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Gunmen believed to be with JNIM burned a school near Djibo.", "Gunmen"),
        ("Unknown men (suspected JNIM) stole cattle in Arbinda.", "Unknown men"),
        ("Two herders were shot by armed men affiliated with JNIM.", "armed men"),
    ],
)
def test_attribution_after_the_phrase_names_the_group(resolve, text, phrase):
    actor = resolve(text, phrase)
    assert (actor.code, actor.sector, actor.name) == (
        "IMG",
        "REB",
        "Jama'at Nusrat al-Islam wal-Muslimin",
    )


def test_no_attribution_cue_keeps_the_unnamed_actor(resolve):
    actor = resolve("Gunmen with rifles attacked JNIM positions.", "Gunmen")
    assert (actor.name, actor.sector) == (None, "UAF")


def test_it_refers_to_a_named_group_with_a_plural_head(resolve):
    text = "MNLA rebels said that it had taken Anefis."
    assert resolve(text, "it").name == "National Movement for the Liberation of Azawad"


def test_demonym_cut_from_its_noun_takes_the_nouns_sector(resolve):
    text = "Two herders died in French airstrikes near Gossi."
    assert facts(resolve(text, "French")) == ("FRA", "MIL")


def test_demonym_of_an_organisation_names_people(resolve):
    assert resolve("Gunmen kidnapped 3 Europeans in Hombori.", "3 Europeans").sector == "CVL"


def test_destination_is_not_the_documents_country(resolve):
    text = "Bandits robbed a bus on the road to Niger."
    assert resolve(text, "Bandits").country is None


def test_a_month_is_no_collective_action(resolve):
    text = "On March 4, two groups clashed near Saaba."
    assert resolve(text, "two groups").sector is None


def test_demonym_coordinated_with_a_state_is_no_crowd(resolve):
    text = "The French and other Europeans pulled their troops out of the country."
    assert facts(resolve(text, "other Europeans")) == ("EUR", None)
    assert resolve("Malians and other Africans marched in Paris.", "other Africans").sector == "CVL"
