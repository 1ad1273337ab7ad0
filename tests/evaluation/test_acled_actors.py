"""ACLED actor names mapped through data/crosswalks/acled_actors.tsv and compared."""

from eventlens.evaluation.acled_actors import map_acled_actor, match_actors, normalise
from eventlens.record import Actor


def one(name):
    [actor] = map_acled_actor(name)
    return actor


def test_state_forces_get_country_and_sector():
    army = one("Military Forces of Chad (2021-)")
    assert army.codes == {"TCD"} and army.sectors == {"MIL"}
    assert one("Police Forces of Chad (2021-)").sectors == {"COP"}
    assert one("Police Forces of Chad (2021-) Gendarmerie").sectors == {"COP", "MIL"}
    assert one("Military Forces of the United States (2017-)").codes == {"USA"}
    assert one("Government of Ghana (2017-)").sectors == {"GOV"}


def test_civilians_and_unidentified_groups():
    civilians = one("Civilians (Ghana)")
    assert (
        civilians.codes == {"GHA"} and "CVL" in civilians.sectors and "MIL" not in civilians.sectors
    )
    gunmen = one("Unidentified Armed Group (Ghana)")
    assert {"REB", "UAF"} <= gunmen.sectors
    assert one("Civilians (International)").codes == set()


def test_named_groups_and_alternatives():
    jnim, isgs = map_acled_actor(
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    )
    assert "jnim" in jnim.aliases and "isgs" in isgs.aliases
    generic = one("XYZ: People's Front for Testing (2001-)")
    assert generic.aliases == ("xyz", "people s front for testing")
    assert one("Zakura Ethnic Militia (Ghana)").sectors == {"UAF"}
    assert one("Some Unheard-of Band").aliases == ("some unheard of band",)
    assert map_acled_actor("") == ()


def test_lenient_and_strict_matches():
    army = map_acled_actor("Military Forces of Chad (2021-)")
    assert match_actors(
        [Actor(text="Chadian soldiers", code="TCD", country="TCD", sector="MIL")], army
    ).strict
    bare = match_actors([Actor(text="soldiers", sector="MIL")], army)
    assert bare.lenient and not bare.strict
    assert not match_actors([Actor(text="French soldiers", code="FRA", sector="MIL")], army).lenient
    assert not match_actors([Actor(text="rebels", sector="REB")], army).lenient
    assert not match_actors([], army).lenient


def test_named_group_is_matched_by_name_or_leniently_by_sector():
    jnim = map_acled_actor("JNIM: Group for Support of Islam and Muslims")
    named = match_actors([Actor(text="JNIM militants", sector="REB")], jnim)
    assert named.lenient and named.strict
    unnamed = match_actors([Actor(text="militants", sector="REB")], jnim)
    assert unnamed.lenient and not unnamed.strict


def test_normalise():
    assert normalise("  Jama'at  Nusrat—al-Islam ") == "jama at nusrat al islam"
    assert normalise("Côte d'Ivoire") == "cote d ivoire"


def test_unarmed_officials_count_as_acled_civilians():
    civilians = one("Civilians (Mali)")
    mayor = Actor(text="the deputy mayor", code="MLI", sector="GOV")
    soldier = Actor(text="a soldier", code="MLI", sector="MIL")
    assert match_actors([mayor], [civilians]).lenient
    assert not match_actors([soldier], [civilians]).lenient


def test_named_armed_groups_without_acronym_are_rebels():
    front = one("Azawad Renewal Front (2016-)")
    assert front.sectors == {"REB"} and front.aliases == ("azawad renewal front",)
    assert one("Al Haqq Battalion").sectors == {"REB"}
    mutiny = one("Mutiny of MINUSMA: United Nations Mission (2013-2020)")
    assert mutiny.codes == {"UNO", "IGO"} and "REB" in mutiny.sectors
    assert one("Some Company Ltd").sectors == frozenset()
