"""The gazetteer index: build, names, admin units, hand-kept files."""

from __future__ import annotations

import pytest

from eventlens.resolve import gazetteer as gz
from eventlens.resolve.gazetteer import GazetteerDataError, default_gazetteer, name_key


def _kinds(name: str) -> dict[tuple[str, str | None], gz.Place]:
    return {(p.kind, p.country_code): p for p in default_gazetteer().lookup(name)}


def test_name_key_ignores_accents_case_and_punctuation():
    assert name_key("Ségou") == name_key("SEGOU") == "segou"
    assert name_key("N'Guigmi") == name_key("Nguigmi")
    assert name_key("Gorom-Gorom") == name_key("Gorom Gorom")


def test_cities500_place_with_population_and_admin1():
    gao = _kinds("Gao")[("place", "ML")]
    assert gao.population > 100_000
    assert gao.admin1 == "Gao"
    assert gz.distance_km(gao.lat, gao.lon, 16.27, -0.04) < 5


def test_accent_insensitive_lookup_finds_the_same_place():
    assert {p.id for p in default_gazetteer().lookup("Segou")} == {
        p.id for p in default_gazetteer().lookup("Ségou")
    }


def test_sound_key_merges_french_and_english_spellings():
    assert gz.sound_key(name_key("Wahiguya")) == gz.sound_key(name_key("Ouahigouya"))
    assert gz.sound_key(name_key("Matiacoali")) == gz.sound_key(name_key("Matiakoali"))
    assert gz.sound_key(name_key("Djibo")) == gz.sound_key(name_key("Jibbo"))
    assert gz.sound_key(name_key("Dori")) != gz.sound_key(name_key("Doro"))


def test_a_misspelt_sahel_name_matches_by_sound_only_without_an_exact_match():
    assert _kinds("Wahiguya")[("place", "BF")].name == "Ouahigouya"
    assert _kinds("Kantshari")[("place", "BF")].name == "Kantchari"
    assert not default_gazetteer().lookup("Pariss")  # elsewhere names match exactly only


def test_hand_kept_locality_is_indexed_with_alternate_spelling():
    sevare = _kinds("Sevare")[("place", "ML")]
    assert sevare.name == "Sévaré"
    assert sevare.admin2 == "Mopti"
    assert _kinds("Kona")[("place", "ML")].name == "Konna"


def test_sahel_admin_units_have_centroids():
    mopti_region = _kinds("Mopti")[("admin1", "ML")]
    assert 13 < mopti_region.lat < 16
    soum = _kinds("Soum")[("admin2", "BF")]
    assert soum.admin1 == "Sahel"
    assert gz.distance_km(soum.lat, soum.lon, 14.1, -1.63) < 10  # its seat, Djibo


def test_common_word_regions_need_a_level_word():
    sahel = _kinds("Sahel")[("admin1", "BF")]
    assert sahel.needs_level


def test_countries_and_aliases():
    assert _kinds("Niger")[("country", "NE")].population > 10_000_000
    assert ("country", "CI") in _kinds("Ivory Coast")
    assert ("country", "CI") in _kinds("Côte d'Ivoire")


def test_airport_codes_are_not_names():
    assert ("place", "ML") not in _kinds("GAQ")


def test_bad_hand_kept_row_names_file_and_line(tmp_path, monkeypatch):
    places = tmp_path / "places"
    places.mkdir()
    for name in (gz.SAHEL_ADMIN, gz.ALIASES):
        (places / name).write_bytes(gz.data_path("places", name).read_bytes())
    (places / gz.LOCALITIES).write_text(
        "# comment\nname\talternate_names\tcountry_code\tadmin1\tadmin2\tlat\tlon\tpopulation\n"
        "Nowhere\t\tML\t\t\tnorth\t1.0\t\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(gz, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(GazetteerDataError, match=r"localities.tsv, line 3: field 'lat'"):
        gz.build(tmp_path / "index.sqlite")


def test_index_lives_in_the_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTLENS_CACHE_DIR", str(tmp_path))
    path = gz.index_path()
    assert path.parent == tmp_path
    assert path.name.startswith("gazetteer-") and path.suffix == ".sqlite"


def _copy_places(tmp_path, monkeypatch):
    """The hand-kept files copied to ``tmp_path``, which ``data_path`` then reads."""
    places = tmp_path / "places"
    places.mkdir()
    for name in (gz.SAHEL_ADMIN, gz.LOCALITIES, gz.ALIASES):
        (places / name).write_bytes(gz.data_path("places", name).read_bytes())
    monkeypatch.setattr(gz, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    return places


def test_editing_a_hand_kept_file_names_a_new_index(tmp_path, monkeypatch):
    places = _copy_places(tmp_path, monkeypatch)
    before = gz.index_path()
    with (places / gz.LOCALITIES).open("a", encoding="utf-8") as handle:
        handle.write("Wendou\t\tBF\tSahel\tSoum\t14.0\t-1.5\t100\n")
    assert gz.index_path() != before  # the old index is not reused: the next use rebuilds


def test_a_bad_geonameid_names_file_and_line(tmp_path, monkeypatch):
    places = _copy_places(tmp_path, monkeypatch)
    (places / gz.LOCALITIES).write_text(
        "name\talternate_names\tcountry_code\tadmin1\tadmin2\tlat\tlon\tpopulation\tgeonameid\n"
        "Wendou\t\tBF\tSahel\tSoum\t14.0\t-1.5\t100\tGN-12\n",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerDataError, match=r"line 2: field 'geonameid'"):
        gz.build(tmp_path / "index.sqlite")


def test_a_hand_kept_row_with_a_geonameid_replaces_that_cities500_entry():
    # GeoNames puts Bamba of Bourem (Gao region) in the far south of Mali; the row corrects it.
    bambas = [p for p in default_gazetteer().lookup("Bamba") if p.country_code == "ML"]
    assert len(bambas) == 1
    assert bambas[0].admin2 == "Bourem" and bambas[0].geonameid is not None
    assert gz.distance_km(bambas[0].lat, bambas[0].lon, 17.03, -1.4) < 5


def test_sahel_localities_cities500_lacks_are_indexed_with_their_spellings():
    assert _kinds("Solhan")[("place", "BF")].admin2 == "Yagha"
    assert _kinds("Diafarabe")[("place", "ML")].name == "Diafarabé"
    assert _kinds("Makalondi")[("place", "NE")].admin1 == "Tillabéri"
    assert _kinds("Sobane-Da")[("place", "ML")].admin2 == "Bandiagara"


def test_a_short_form_row_does_not_displace_the_seat_of_its_region():
    # "Fada" is a hand-kept short form of Fada N'gourma, the seat of the Est region.
    assert _kinds("Fada")[("place", "BF")].admin1 == "Est"
    est = _kinds("Est")[("admin1", "BF")]
    assert est.lat is not None and 11 < est.lat < 14


def test_every_hand_kept_locality_lies_in_its_admin_units():
    """Each row's admin1 and admin2 are known units of its country, and the row lies within
    200 km of its admin2 seat (northern cercles are large): a typo in a coordinate or a unit
    shows here."""
    gazetteer = default_gazetteer()
    for where, row in gz._rows(gz.LOCALITIES):
        if row["country_code"] not in ("ML", "BF", "NE"):
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        for level in ("admin1", "admin2"):
            units = [p for p in gazetteer.lookup(row[level]) if p.kind == level]
            assert any(u.country_code == row["country_code"] for u in units), (where, level)
        seats = [
            p
            for p in gazetteer.lookup(row["admin2"])
            if p.kind == "admin2" and p.admin1 == row["admin1"]
        ]
        assert seats, (where, "admin2 not in admin1")
        assert gz.distance_km(lat, lon, seats[0].lat, seats[0].lon) < 200, where
