"""Place linking: which place phrase an event takes, and which gazetteer entry it means."""

from __future__ import annotations

import pytest

from eventlens.nlp import load_model
from eventlens.record import Document, Location
from eventlens.resolve.context import DocumentContext
from eventlens.resolve.places import PlaceResolver, _with_hyphen_parts, _words

pytestmark = pytest.mark.model


def place_of(text: str, trigger: str, occurrence: int = 0) -> Location | None:
    """Parse ``text`` and place the event whose trigger is the n-th ``trigger`` word."""
    doc = load_model("en")(text)
    tokens = [t for t in doc if t.text == trigger]
    token = tokens[occurrence]
    context = DocumentContext(document=Document(id="t", text=text), doc=doc)
    return PlaceResolver().resolve(token.sent, token, context)


def test_place_phrase_with_in():
    loc = place_of("Gunmen attacked a police post in Djibo on Sunday.", "attacked")
    assert loc is not None and loc.text == "Djibo"
    assert loc.country_code == "BF" and loc.precision == "place"


def test_near_and_outside_are_locative():
    assert place_of("Soldiers clashed with militants near Ménaka.", "clashed").name == "Ménaka"
    assert place_of("Protesters gathered outside Niamey.", "gathered").name == "Niamey"


def test_the_village_of_an_unknown_place_keeps_its_name_and_a_coarse_position():
    loc = place_of(
        "Militants burned the village of Kobarakoro in Mopti region, residents said.", "burned"
    )
    assert loc.text == "Kobarakoro"
    assert loc.precision in ("admin2", "admin1")
    assert loc.country_code == "ML"


def test_acled_note_formula_uses_the_parenthesis():
    loc = place_of(
        "On 3 May 2019, suspected militants attacked a FAMa position in Boni (Douentza, Mopti).",
        "attacked",
    )
    assert loc.text == "Boni" and loc.country_code == "ML"
    assert loc.admin1 == "Mopti"


def test_unknown_place_in_note_formula_takes_its_admin2():
    loc = place_of(
        "On 3 May 2019, gunmen killed two herders in Zarabougou (Niono, Ségou).", "killed"
    )
    assert loc.text == "Zarabougou"
    assert loc.admin1 == "Ségou" and loc.precision == "admin2"


def test_place_of_the_trigger_beats_place_of_another_clause():
    text = "After talks in Bamako ended, soldiers shelled positions in Kidal."
    assert place_of(text, "shelled").name == "Kidal"


def test_sentence_place_when_trigger_has_none():
    text = "Jihadists stormed Hombori and killed four traders."
    loc = place_of(text, "killed")
    assert loc.name == "Hombori"


def test_no_place_in_the_sentence_gives_none():
    assert place_of("The minister condemned the attack on Tuesday.", "condemned") is None


def test_actor_origin_is_not_a_place():
    assert place_of("Malian troops arrested three suspects.", "arrested") is None
    assert place_of("Mali's army arrested three suspects.", "arrested") is None


def test_metonymic_capital_as_subject_is_not_a_place():
    assert place_of("Paris said the strike had killed a jihadist leader.", "said") is None
    assert place_of("Moscow warned that it would respond.", "warned") is None


def test_origin_from_is_not_a_place():
    assert place_of("A driver from Abidjan was shot by police.", "shot") is None


def test_country_modifier_of_a_convoy_is_not_a_place():
    assert place_of("A bomb exploded near a French convoy.", "exploded") is None


def test_country_focus_picks_gao_in_mali_not_burkina():
    text = "Mali's army said the attack happened in Gao."
    loc = place_of(text, "happened")
    assert loc.name == "Gao" and loc.country_code == "ML"


def test_population_picks_the_larger_gao_without_focus():
    loc = place_of("Fighting was reported in Gao.", "reported")
    assert loc.country_code == "ML"


def test_ber_is_the_malian_town():
    loc = place_of("Armed men attacked a convoy near Ber, east of Timbuktu.", "attacked")
    assert loc.text == "Ber" and loc.country_code == "ML"


def test_niger_is_the_state_unless_river():
    assert place_of("Flooding displaced thousands in Niger.", "displaced").precision == "country"
    loc = place_of("A boat capsized on the Niger River near Mopti.", "capsized")
    assert loc.name == "Mopti"


def test_level_word_selects_the_region():
    loc = place_of("Violence spread across the Mopti region.", "spread")
    assert loc.precision == "admin1" and loc.admin1 == "Mopti"
    loc = place_of("Soldiers patrolled Soum province.", "patrolled")
    assert loc.precision == "admin2" and loc.country_code == "BF"


def test_common_word_region_needs_its_level_word():
    loc = place_of("Attacks multiplied in the Sahel region of Burkina Faso.", "multiplied")
    assert loc.text == "Sahel" and loc.precision == "admin1"
    assert place_of("Violence is rising across the Sahel.", "rising") is None


def test_reference_point_only_when_nothing_closer():
    loc = place_of("Gunmen killed five people in Solenzo, 60 km west of Dédougou.", "killed")
    assert loc.name == "Solenzo"
    loc = place_of("Gunmen killed five people 30 km north of Djibo.", "killed")
    assert loc.name == "Djibo"


def test_document_dominant_place_when_sentence_has_none():
    text = (
        "Heavy fighting broke out in Ansongo on Monday. Ansongo residents fled. "
        "The army later arrested twelve suspects."
    )
    loc = place_of(text, "arrested")
    assert loc is not None and loc.name == "Ansongo"


def test_offsets_point_at_the_place_in_the_document():
    text = "Police dispersed a rally in Ouagadougou."
    loc = place_of(text, "dispersed")
    assert text[loc.start : loc.end] == "Ouagadougou"


def test_end_to_end_events_carry_their_location(code):
    events = code("Jihadists attacked an army camp in Boulkessi (Douentza, Mopti) on Friday.")
    placed = [e.location for e in events if e.location]
    assert placed, "the coder should produce at least one placed event"
    assert placed[0].text == "Boulkessi" and placed[0].country_code == "ML"


def test_on_is_locative():
    loc = place_of("Hundreds of students marched on a Dakar hotel on Friday.", "marched")
    assert loc is not None and loc.text == "Dakar"


def test_a_cue_list_with_an_unquoted_yaml_boolean_is_refused():
    with pytest.raises(ValueError, match="locative_prepositions: True is not a word"):
        _words({"locative_prepositions": ["in", True]}, "locative_prepositions")


def test_an_unknown_name_the_tagger_calls_a_place_keeps_its_span():
    text = "A shell killed two children in the Zarqa Qadima neighbourhood of Aleppo."
    loc = place_of(text, "killed")
    assert loc is not None and loc.text == "Zarqa Qadima"
    assert loc.geonameid is None and loc.country_code == "SY"


def test_an_acronym_is_not_an_unknown_place():
    loc = place_of("A bomb exploded near the UNDOF base in Quneitra.", "exploded")
    assert loc is not None and loc.text == "Quneitra"


def test_a_country_modifying_a_noun_gives_way_to_the_city_named():
    loc = place_of(
        "Gunmen attacked Iraq's main oil terminal in the port city of Basra.", "attacked"
    )
    assert loc is not None and loc.name.startswith("Basr")


def test_a_place_in_a_relative_clause_does_not_place_the_event():
    text = "The envoy was shot dead, weeks after the talks that had opened in Geneva."
    assert place_of(text, "shot") is None


def test_a_fronted_place_with_its_country_in_apposition_is_the_city():
    loc = place_of(
        "In Niamey, Niger's capital, and other towns, large crowds have marched against the army.",
        "marched",
    )
    assert loc is not None and loc.text == "Niamey"


def test_a_country_that_is_a_verb_s_recipient_is_not_the_place():
    text = (
        "Last year the council had urged Germany to cut its aid, had signed a deal with a "
        "Turkish firm, and had expelled two envoys."
    )
    assert place_of(text, "urged") is None
    assert place_of(text, "signed") is None


def test_a_place_of_another_verb_that_does_not_govern_the_trigger_is_not_taken():
    text = "Troops stormed the camp while rebels fought in Kaya, and police arrested ten men."
    assert place_of(text, "arrested") is None


def test_a_people_adjective_before_a_place_noun_is_not_a_place():
    loc = place_of("Police patrolled Ivorian towns in the Bouaké region.", "patrolled")
    assert loc is not None and loc.text == "Bouaké"


def test_a_named_lake_in_a_place_slot_is_the_place():
    loc = place_of("Fishermen protested on Lake Chad on Monday.", "protested")
    assert loc is not None and "Chad" in loc.text and loc.precision != "country"


def test_a_possessor_place_gives_way_to_the_district_it_names_with_of():
    text = "A mortar round exploded in Kabul's western district of Karte Char."
    loc = place_of(text, "exploded")
    assert loc is not None and loc.text == "Karte Char"


def test_an_all_caps_dateline_is_not_the_place_of_its_sentence():
    text = "LAGOS CITY -- A senior Nigerian police officer was shot dead near his farm."
    assert place_of(text, "shot") is None


def test_a_dateline_places_the_events_of_other_sentences_that_name_no_place():
    text = (
        "ABIDJAN, Ivory Coast (AP) -- The opposition called a strike. "
        "On Monday students marched to demand the release of their leader."
    )
    loc = place_of(text, "marched")
    assert loc is not None and loc.text == "ABIDJAN" and loc.country_code == "CI"


def test_a_place_named_through_a_part_of_it_places_the_event():
    loc = place_of("Riot police patrolled the gates of Dakar port on Monday.", "patrolled")
    assert loc is not None and loc.text == "Dakar"
    loc = place_of("Farmers protested near the entrance to Ouagadougou.", "protested")
    assert loc is not None and loc.text == "Ouagadougou"


def test_a_place_named_through_two_nouns_of_is_not_taken():
    text = "Students marched on the anniversary of the closure of the Nairobi embassy."
    assert place_of(text, "marched") is None


def test_a_gulf_of_name_is_one_place():
    text = "Warships patrolled the Gulf of Guinea after the attack."
    loc = place_of(text, "patrolled")
    assert loc is not None and loc.text == "Gulf of Guinea"


def test_parenthesis_units_pick_the_namesake_that_lies_in_them():
    loc = place_of("Militants attacked a checkpoint in Bamba (Bourem, Gao) on Sunday.", "attacked")
    assert loc.admin2 == "Bourem" and loc.precision == "place"
    assert loc.lat > 16


def test_parenthesis_units_that_contradict_the_only_entry_place_an_unknown_namesake():
    # The gazetteer's only Malian Bamba is in Gao region; this one is in Sikasso region.
    loc = place_of("Police arrested two traders in Bamba (Kadiolo, Sikasso).", "arrested")
    assert loc.text == "Bamba" and loc.geonameid is None
    assert loc.admin1 == "Sikasso" and loc.precision == "admin2"


def test_level_words_inside_the_parenthesis_are_dropped():
    known = place_of("Gunmen attacked Hombori (Douentza cercle, Mopti region).", "attacked")
    assert known.name == "Hombori" and known.precision == "place"
    unknown = place_of("Gunmen shot a herder in Kassomba (Niono cercle, Ségou region).", "shot")
    assert unknown.text == "Kassomba" and unknown.admin2 == "Niono"


def test_a_stand_in_place_positions_a_village_the_gazetteer_lacks():
    loc = place_of(
        "On 4 May, gunmen attacked the village of Wendaboulou (coded as Djibo at geoprecision"
        " 2) and killed two herders.",
        "attacked",
    )
    assert loc.text == "Wendaboulou" and loc.admin2 == "Soum"
    assert abs(loc.lat - 14.1) < 0.1 and abs(loc.lon + 1.63) < 0.1


def test_a_stand_in_does_not_override_a_known_village():
    loc = place_of("Militants burned the market of Solhan (near Sebba) on Friday.", "burned")
    assert loc.name == "Solhan" and loc.precision == "place"


def test_hand_kept_villages_are_places_not_their_province():
    loc = place_of("Gunmen killed eleven civilians in Solhan, Yagha province, on Friday.", "killed")
    assert loc.name == "Solhan" and loc.precision == "place" and loc.admin2 == "Yagha"
    loc = place_of("A patrol was ambushed near Makalondi, close to the border.", "ambushed")
    assert loc.name == "Makalondi" and loc.country_code == "NE"


def test_a_hyphenated_name_split_by_the_tokenizer_is_looked_up_whole():
    doc = load_model("en")("Soldiers patrolled Ti-n-Essako and Gorom-Gorom.")
    first = next(t for t in doc if t.text == "Essako")
    assert _with_hyphen_parts(doc[first.i : first.i + 1]).text == "Ti-n-Essako"
    last = next(t for t in doc if t.text == "Gorom")
    assert _with_hyphen_parts(doc[last.i : last.i + 1]).text == "Gorom-Gorom"


def test_a_spaced_dash_does_not_join_names():
    doc = load_model("en")("Gunmen attacked Djibo - Dori road traffic.")
    djibo = next(t for t in doc if t.text == "Djibo")
    assert _with_hyphen_parts(doc[djibo.i : djibo.i + 1]).text == "Djibo"


def test_a_hyphen_between_two_place_names_keeps_them_apart():
    loc = place_of("Militants ambushed a convoy on the Boni-Hombori road.", "ambushed")
    assert loc.name in ("Boni", "Hombori") and loc.lat is not None


def test_a_destination_after_road_to_is_only_a_reference_point():
    loc = place_of(
        "Gunmen killed two civilians 15 km east of Boni, on the road to Hombori.", "killed"
    )
    assert loc.name == "Boni"


def test_a_city_the_tagger_calls_a_people_is_a_place_after_in():
    loc = place_of("Students staged a march in Bobo-Dioulasso on Monday.", "staged")
    assert loc.name == "Bobo-Dioulasso" and loc.country_code == "BF"
    assert place_of("Soldiers deployed in Malian territory killed two men.", "killed") is None


def test_a_village_the_tagger_takes_for_a_date_is_still_a_name():
    loc = place_of(
        "On 22 June, suspected militants attacked the market in Dablo (Sanmatenga province),"
        " outcome unknown.",
        "attacked",
    )
    assert loc.text == "Dablo" and loc.admin2 == "Sanmatenga"
    assert place_of("Clashes broke out in March in the capital.", "broke") is None


def test_a_country_name_the_tagger_splits_is_read_whole():
    loc = place_of(
        "On 22 June, militants attacked the village of Dablo in Burkina Faso.", "attacked"
    )
    assert loc.text == "Dablo" and loc.country_code == "BF"


def test_a_country_named_only_as_origin_does_not_set_the_focus():
    loc = place_of(
        "Armed men who crossed the border from Niger attacked Kantchari village.", "attacked"
    )
    assert loc.name == "Kantchari" and loc.country_code == "BF" and loc.precision == "place"


def test_from_after_a_distance_is_a_reference_point_not_an_origin():
    loc = place_of("Militants attacked a checkpoint 30 km from Djibo.", "attacked")
    assert loc.name == "Djibo"
    assert place_of("Gunmen from Djibo attacked the convoy.", "attacked") is None


def test_a_stand_in_after_a_pair_places_both_conjuncts():
    loc = place_of(
        "On 14 May, presumed militants ambushed a convoy between Wendaboulou and Kassomba"
        " (coded as Djibo at geoprecision 2), killing a state official.",
        "ambushed",
    )
    assert loc.text == "Wendaboulou" and loc.admin2 == "Soum"


def test_sentence_place_when_the_trigger_governs_none():
    loc = place_of(
        "Residents said gunmen had attacked the convoy, and two soldiers died in Dori.", "attacked"
    )
    assert loc is not None and loc.text == "Dori" and loc.country_code == "BF"


def test_sentence_fallback_skips_a_participants_relative_clause():
    text = "Police said the suspect, who had lived in Gao, was arrested on Monday."
    assert place_of(text, "arrested") is None


def test_another_clause_of_the_sentence_comes_before_the_document_place():
    text = (
        "Gunmen attacked a market in Kaya on Monday. "
        "Residents said the men had burned shops, and two traders died in Dori."
    )
    loc = place_of(text, "burned")
    assert loc is not None and loc.text == "Dori"


def test_document_place_when_the_sentence_names_none():
    text = "Gunmen attacked a market in Kaya on Monday. Residents said the men burned shops."
    loc = place_of(text, "burned")
    assert loc is not None and loc.text == "Kaya"


def test_a_village_spelt_by_ear_is_found_by_its_sound():
    loc = place_of("Gunmen attacked a checkpoint near Wahiguya on Friday.", "attacked")
    assert loc is not None and loc.text == "Wahiguya"
    assert loc.name == "Ouahigouya" and loc.precision == "place"


def test_a_world_city_name_with_another_countrys_units_is_a_local_namesake():
    loc = place_of("On 2 May 2021, gunmen killed a herder in Bonn (Ouallam, Tillabéri).", "killed")
    assert loc is not None and loc.text == "Bonn"
    assert loc.country_code == "NE" and loc.admin1 == "Tillabéri"
    assert loc.precision == "admin2" and loc.geonameid is None
