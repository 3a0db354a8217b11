"""The offline gazetteer: names, same-named places, regions and representative points."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
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
        ("Britain", "GBR", "country"),  # a name of the actor knowledge base
        ("Burma", "MMR", "country"),
        ("Scotland", "GBR", "region"),  # by its own name before the UK's alias
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


def test_the_shipped_name_index_is_sorted_and_points_at_place_lines():
    """The binary search needs sorted lines; each offset must start a line of the table."""
    from eventwatch.data import data_file

    names = data_file("gazetteer", "names.tsv").read_bytes().split(b"\n")
    assert names[-1] == b"" and names[:-1] == sorted(names[:-1])
    places = data_file("gazetteer", "places.tsv").read_bytes()
    for line in names[:: len(names) // 50][:-1]:
        for offset in line.split(b"\t")[1].split():
            assert places[int(offset.lstrip(b"~")) - 1 : int(offset.lstrip(b"~"))] == b"\n"


def small_table(tmp_path, tool, names: list[str]):
    """A table written by the build tool from made-up places, largest first."""
    from eventwatch.gazetteer import PlaceTable

    cities = [
        {"geonameid": i, "name": name, "countrycode": "UA", "admin1code": "", "latitude": 50.0 + i, "longitude": 30.0,
         "population": 10_000 - i, "alternatenames": ["Kiev"] if name == "Kyiv" else []}
        for i, name in enumerate(names)
    ]
    rows = tool.place_rows(cities, {"UA": "UKR"}, {0})
    tool.write_tsv(rows, tool.PLACE_COLUMNS, tmp_path / "places.tsv")
    index = tool.name_rows(cities, tool.line_offsets(rows, tool.PLACE_COLUMNS), alternates_from=0)
    tool.write_tsv(index, None, tmp_path / "names.tsv")
    return PlaceTable((tmp_path / "names.tsv").read_bytes(), (tmp_path / "places.tsv").read_bytes())


def test_the_place_table_finds_every_name_and_nothing_else(tmp_path):
    names = ["Kyiv", "Kyiv Oblast", "Aachen", "Żywiec", "Lviv", "Zaporizhzhia", "Odesa", "Odesa"]
    table = small_table(tmp_path, load_tool(), names)
    assert len(table) == len(names)
    for name in set(names):
        own, _ = table.find(name_key(name))
        assert {p.name for p in own} == {name}
    own, alternate = table.find("odesa")
    assert [p.lat for p in own] == [56.0, 57.0]  # largest first
    kyiv = table.find("kyiv")[0][0]
    assert (kyiv.country, kyiv.capital, kyiv.kind) == ("UKR", True, "city")
    assert table.find("kiev") == ([], [kyiv])  # an alternate name
    for absent in ("", "a", "kyi", "kyiv o", "zzz", "odesaa", "aachen x"):
        assert table.find(absent) == ([], [])


def test_the_gazetteer_loads_from_the_package_without_the_network(tmp_path):
    """In a fresh process with sockets disabled: nothing is downloaded, and the load is lazy
    (only the region seats are parsed until a name is looked up)."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket = refuse; socket.create_connection = refuse\n"
        "from eventwatch.gazetteer import load_gazetteer\n"
        "g = load_gazetteer()\n"
        "assert len(g._table._parsed) < 1000 < len(g._table)\n"
        "print(g.best('Kharkiv').country, g.best('Sinaloa').kind)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stdout.split() == ["UKR", "region"]


@pytest.mark.parametrize(
    ("name", "country", "seat"),
    [("Crimea", "UKR", "Simferopol"), ("Sinaloa", "MEX", "Culiacán"), ("Penghu", "TWN", "Magong"), ("Hadramout", "YEM", "Mukalla")],
)
def test_a_region_is_placed_at_its_seat(name, country, seat):
    gazetteer = load_gazetteer()
    region = gazetteer.best(name)
    city = gazetteer.best(seat, kinds=("city",))
    assert (region.kind, region.country, city.country) == ("region", country, country)
    assert (region.lat, region.lon) == (city.lat, city.lon)


def test_country_aliases_are_in_step_with_the_actor_knowledge_base():
    """countries.csv copies the actor stage's country names; after editing
    eventwatch/data/actors/countries.yaml run `tools/build_gazetteer.py --country-names`."""
    import csv

    from eventwatch.data import data_file

    tool = load_tool()
    actor_countries = tool.read_actor_countries()
    rows = list(csv.DictReader(data_file("gazetteer", "countries.csv").read_text("utf-8").splitlines()))
    stale = [r["code"] for r in rows if r["aliases"] != tool.country_aliases(r["name"], r["code"], actor_countries)]
    assert stale == []
