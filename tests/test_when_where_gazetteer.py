"""The offline gazetteer: names, same-named places, regions and representative points."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from eventwatch.gazetteer import load_gazetteer, name_key
from eventwatch.when_where.wordlists import words

ROOT = Path(__file__).resolve().parent.parent


def load_tool():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Ürümqi", "urumqi"),
        ("Ts’khinvali", "tskhinvali"),
        ("Port-au-Prince", "port au prince"),
        ("the Gaza Strip", "gaza strip"),
        ("St. Petersburg", "st petersburg"),
    ],
)
def test_names_compare_without_case_accents_and_punctuation(written, key):
    assert name_key(written) == key


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Kiev", "UKR", "city"),  # an alternate name of Kyiv
        ("Kharkov", "UKR", "city"),
        ("Urumqi", "CHN", "city"),
        ("Georgia", "GEO", "country"),  # the country before the US state
        ("Florida", "USA", "admin1"),  # the state before the Uruguayan town
        ("Washington", "USA", "city"),  # the capital before the state
        ("Crimea", "UKR", "region"),
        ("Donbass", "UKR", "region"),
        ("Black Sea", None, "region"),
    ],
)
def test_best_place_for_a_name(name, country, kind):
    place = load_gazetteer().best(name)
    assert (place.country, place.kind) == (country, kind)


def test_the_article_countries_and_a_qualifier_pick_among_same_named_places():
    gazetteer = load_gazetteer()
    assert gazetteer.best("Tripoli").country == "LBY"
    assert gazetteer.best("Tripoli", context={"LBN": 3.0}).country == "LBN"
    texas = gazetteer.best("Texas")
    paris = gazetteer.best("Paris", within=texas)
    assert (paris.country, paris.admin1) == ("USA", "TX")
    assert gazetteer.best("Paris", context={"USA": 1.0}).country == "FRA"


def test_every_country_with_places_has_a_representative_point_inside_it():
    gazetteer = load_gazetteer()
    ukraine, chile, fiji = (gazetteer.countries[c] for c in ("UKR", "CHL", "FJI"))
    assert 44 < ukraine.lat < 53 and 22 < ukraine.lon < 41
    assert -56 < chile.lat < -17 and -76 < chile.lon < -66
    assert -21 < fiji.lat < -12 and (fiji.lon > 176 or fiji.lon < -178)  # across the 180th meridian
    assert sum(p.lat is not None for p in gazetteer.countries.values()) > 240


def test_unknown_and_empty_names_find_nothing():
    gazetteer = load_gazetteer()
    assert gazetteer.best("Atlantis Prime") is None
    assert gazetteer.best("") is None
    assert gazetteer.candidates("   ") == []


def test_the_build_tool_keeps_latin_alternates_and_snaps_centres_to_places():
    tool = load_tool()
    assert tool.alternate_keys("Kyiv", ["Kiev", "KIV", "Київ", "kyiv", "Kijów", "Kijow"]) == ["kiev", "kijow"]
    places = [
        {"latitude": -17.0, "longitude": 179.5, "population": 100},
        {"latitude": -17.2, "longitude": -179.5, "population": 100},
        {"latitude": 10.0, "longitude": 0.0, "population": 1},
    ]
    assert tool.centre_point(places)[0] in (-17.0, -17.2)  # not pulled to longitude 0


def test_a_yaml_boolean_in_a_word_list_is_an_error_naming_the_file():
    with pytest.raises(ValueError, match="place_words.yaml: prepositions: False"):
        words({"prepositions": ["in", False]}, "prepositions", "place_words.yaml")
    assert words({"prepositions": ["In", "off"]}, "prepositions", "place_words.yaml") == ["in", "off"]
