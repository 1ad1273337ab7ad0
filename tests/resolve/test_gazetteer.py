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
