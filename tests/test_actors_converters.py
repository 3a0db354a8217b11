"""The converted organisations, officials and agent nouns, their converters, and the guards
that keep common words from becoming actors; real spaCy parses throughout."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from eventwatch.actors import find_actors, load_kb
from eventwatch.actors.kb import DATA_DIR, DEFAULT_FILES, read_data
from eventwatch.actors.people import ActorDataError
from eventwatch.actors.tabari import as_json, is_agents_file, read_agents, read_blocks
from tests.conftest import ROOT

PETRARCH = ROOT.parent / "shared" / "reference" / "petrarch2"
needs_petrarch = pytest.mark.skipif(not (PETRARCH / "PETR.Validate.agents.txt").is_file(), reason="no PETRARCH2 data")


def load_tool(name: str):
    sys.path.insert(0, str(ROOT / "tools"))  # the tools import their sibling build_people
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def actor_at(nlp, text: str, word: str, on: str | None = "2012-03-01", kb=None):
    doc = nlp(text)
    return find_actors(doc, kb, on=on).actor_for(next(t for t in doc if t.text == word))


def code_at(nlp, text: str, word: str, on: str | None = "2012-03-01", kb=None) -> str | None:
    actor = actor_at(nlp, text, word, on, kb)
    return actor.code if actor else None


AGENTS = """\
# A small agents dictionary in the PETRARCH format, written for this test.
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINIST! = MINISTER, MINISTRY
SALT_MERCHANT [~BUS]   # a trader
FERRY!PERSON! [~BUS]
HARBOUR_!MINIST! [~GOVBUS]
CATTLE_THIEF {CATTLE_THIEVES} [~CRM]
# LOCKSMITH [~BUS]  commented out
"""


def test_agents_dictionaries_expand_substitutions_plurals_and_compound_codes(tmp_path: Path):
    source = tmp_path / "Mini.agents.txt"
    source.write_text(AGENTS, encoding="utf-8")
    assert is_agents_file(source)
    assert read_agents(source) == {
        "BUS": ["salt merchant", "ferryman", "ferrymen", "ferrywoman", "ferrywomen"],
        "GOV": ["harbour minister", "harbour ministry"],  # ~GOVBUS: the first three letters
        "CRM": ["cattle thief", "cattle thieves"],
    }


def test_an_agents_dictionary_given_as_a_user_file_adds_sectors(nlp, tmp_path: Path):
    source = tmp_path / "mine.txt"
    source.write_text(AGENTS, encoding="utf-8")
    kb = load_kb([source])
    assert code_at(nlp, "Greek salt merchants protested the tax.", "merchants", kb=kb) == "GRCBUS"


def test_the_agents_converter_drops_titles_names_unmatchable_and_curated_forms():
    tool = load_tool("build_agents")
    curated = tool.curated()
    names, titles, listed = tool.first_names(), tool.title_words(curated), set(curated["sectors"])
    assert tool.usable("rice farmer", names, titles, listed)
    assert not tool.usable("deputy", names, titles, listed)  # a title word: no sector of its own
    assert not tool.usable("christian", names, titles, listed)  # a given name
    assert not tool.usable("ambassador to", names, titles, listed)  # never inside one noun phrase
    assert not tool.usable("spokesmen", names, titles, listed)  # the curated "spokesman" decides


def test_converted_agent_nouns_give_generic_agents_their_sector(nlp):
    assert code_at(nlp, "Syrian doctors treated the wounded.", "doctors") == "SYRHLH"
    assert code_at(nlp, "Lebanese militiamen fired into the air.", "militiamen") == "LBNUAF"
    assert code_at(nlp, "Israeli settlers marched to the hilltop.", "settlers") == "ISRCVL"
    assert code_at(nlp, "Nigerian students boycotted classes.", "students") == "NGAEDU"
    assert code_at(nlp, "Chilean workers went on strike.", "workers") == "CHLLAB"
    assert code_at(nlp, "Afghan elders met the governor.", "elders") == "AFGCVL"  # curated
    assert code_at(nlp, "Iranian hackers attacked the bank.", "hackers") == "IRNCRM"  # curated


def test_the_curated_vocabulary_wins_over_the_converted_one(nlp):
    assert code_at(nlp, "A Russian spokeswoman denied it.", "spokeswoman") == "RUSGOV"  # MED in the dictionary
    assert code_at(nlp, "Two Russian spokesmen denied it.", "spokesmen") == "RUSGOV"
    assert code_at(nlp, "The Polish deputy minister resigned.", "minister") == "POLGOV"  # "deputy" is COP there
    assert code_at(nlp, "Rebel fighters shelled the town.", "fighters") == "REB"  # the curated priority


def test_a_later_file_takes_a_phrase_over_into_its_sector(tmp_path: Path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("sectors:\n  MED: [spokesman]\n", encoding="utf-8")
    data = read_data([*(DATA_DIR / name for name in DEFAULT_FILES), mine])
    assert data["sectors"][("spokesman",)] == "MED"


INTERNATIONAL = """\
# A small international actors dictionary in the PETRARCH format, written for this test.
NORTHERN_RIVERS_COMMISSION_ [IGOEURDEV]
+NRC_
OLIVE_ [NGOENV]
BLUE_HARBOUR_RELIEF_FUND_ [NGOHLH]
THE_UNITED_NATIONS_ [IGOUNO]
UNITED_NATIONS_SECRETARIAT_ [IGOUNO]
HELEN_HARTLEY_ [IGOUNOKID]
MARTA_KOVAC_ [IGOEURDEV 050101-091231]
ACME_TRACTORS_ [MNCUSA]
DAILY_COURIER_ [MED]
"""


def test_the_organisations_converter_keeps_igos_ngos_and_officials(tmp_path: Path):
    tool = load_tool("build_organisations")
    source = tmp_path / "Mini.actors.txt"
    source.write_text(INTERNATIONAL, encoding="utf-8")
    data = read_data([DATA_DIR / n for n in ("countries.yaml", "organisations.yaml", "sectors.yaml", "people_phoenix.tsv")])
    given = tool.given_names(data, read_blocks(source))
    converted = tool.convert(read_blocks(source), data, tool.english_words(), given)
    orgs = {o["name"]: o for o in converted["organisations"]}
    assert orgs["Northern Rivers Commission"]["aliases"] == ["NRC"]  # short: capitals only
    assert orgs["OLIVE"]["code"] == "NGOENV"  # an English word: capitals only
    assert orgs["Blue Harbour Relief Fund"]["org"] == "Blue Harbour Relief Fund"
    assert orgs["United Nations Secretariat"]["org"] == "UN"  # the curated organisation of that code
    assert "United Nations" not in orgs  # curated: organisations.yaml decides
    assert not {"Acme Tractors", "Daily Courier"} & set(orgs)  # companies and media are left out
    people = {p["name"]: p["roles"] for p in converted["people"]}
    assert people == {"Helen Hartley": ["IGOUNOKID"], "Marta Kovac": ["IGOEURDEV 2005-01-01..2009-12-31"]}
    text = as_json(converted, "test")
    assert json.loads(text)["organisations"] == converted["organisations"]


def test_converted_organisations_and_officials_resolve(nlp):
    assert code_at(nlp, "The Intergovernmental Panel on Climate Change warned of floods.", "Panel") == "IGOUNOENV"
    assert code_at(nlp, "The Arab Maghreb Union met in Rabat.", "Union") == "IGOMEAAMU"
    assert actor_at(nlp, "Oxfam sent water to the camp.", "Oxfam").org == "Oxfam"
    amano = actor_at(nlp, "Yukiya Amano said the inspectors would return.", "Amano", on="2012-03-01")
    assert (amano.code, amano.org) == ("IGOUNOIAE", "IAEA")  # an official of the IAEA since 2009
    assert code_at(nlp, "The European Community imposed an embargo.", "Community", on="1991-07-01") == "IGOEUREEC"


def test_organisation_names_that_are_common_words_need_their_capitals(nlp):
    assert code_at(nlp, "Human Rights Watch published the report.", "Watch") == "NGOHRI"
    assert code_at(nlp, "Observers of human rights watch the vote closely.", "watch") is None
    assert code_at(nlp, "Olive farmers lost their harvest.", "Olive") is None  # only "OLIVE" is the NGO
    assert code_at(nlp, "The Save the Children team arrived.", "team") == "NGODEV"


def test_json_actor_files_load_and_a_broken_one_names_itself(nlp, tmp_path: Path):
    mine = tmp_path / "mine.json"
    mine.write_text('{"organisations": [{"name": "Lakeside Water Board", "code": "IGOAFRDEV"}]}', encoding="utf-8")
    assert code_at(nlp, "The Lakeside Water Board cut supplies.", "Board", kb=load_kb([mine])) == "IGOAFRDEV"
    bad = tmp_path / "bad.json"
    bad.write_text('{"organisations": [', encoding="utf-8")
    with pytest.raises(ActorDataError) as error:
        load_kb([bad])
    assert str(bad) in str(error.value) and "\n" not in str(error.value)


@needs_petrarch
def test_the_petrarch_validation_agents_load_through_the_converter(nlp):
    kb = load_kb([PETRARCH / "PETR.Validate.agents.txt"])
    assert code_at(nlp, "The Arnorian golden goose laid an egg.", "goose", kb=kb) is not None
    assert kb.sectors[("golden", "goose")] == "GGS"


def test_a_title_alias_gives_the_name_after_the_title(tmp_path: Path):
    tool = load_tool("build_people")
    source = tmp_path / "Mini.actors.txt"
    source.write_text("OLGA_BERG_  # CountryInfo.txt\n+PRESIDENT_BERG_\n+FOREIGN_MINISTER_OLGA_BERG_\n\t[SWEGOV >080101]\n")
    titles = tool.title_words(read_data([DATA_DIR / "countries.yaml", DATA_DIR / "sectors.yaml"]))
    people = tool.cleaned(tool.people_of(read_blocks(source), tool.dt.date(2000, 1, 1)), titles)
    assert people[0]["aliases"] == ["Berg"]  # "Olga Berg" is the name itself


COUNTRIES = """\
# A small country dictionary in the PETRARCH format, written for this test.
NORWAY_  [NOR]
+NORWEGIAN_
+NORWAYY_
+NORWEGAIN_
+NORWAY_KINGDOM_OF_
+OSLO_
+TROMSO_
+THE_LAND_OF_THE_MIDNIGHT_SUN_
+HARDANGERVIDDA_PLATEAU_
+NOR_
+N.O.R._
+FJORD_
+SVALBARD_PROVINCE_
+NORDLANDIA_
"""


def test_the_countries_converter_keeps_spellings_of_the_state_only(tmp_path: Path):
    from eventwatch.gazetteer import load_gazetteer

    tool = load_tool("build_countries")
    source = tmp_path / "Mini.actors.txt"
    source.write_text(COUNTRIES, encoding="utf-8")
    data = read_data([DATA_DIR / n for n in ("countries.yaml", "organisations.yaml", "people_phoenix.tsv")])
    blocks = list(read_blocks(source))
    english, given = tool.english_words(), tool.given_names(data, blocks)
    converted = tool.convert(tool.country_blocks(blocks), data, load_gazetteer(), english, given)
    # Kept: misspellings of the name and the adjective and a longer name holding the name.
    # Left out: known names, cities, a nickname of English words, an acronym whose capitals the
    # dictionary lost, an English word, a province, and a made-up name unlike the state's own.
    assert converted == {
        "countries": [{"code": "NOR", "aliases": ["Norwayy", "Norway Kingdom of"], "adjectives": ["Norwegain"]}]
    }


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Afganistan closed its border crossings on Monday.", "Afganistan", "AFG"),
        ("Quatar offered to host the talks.", "Quatar", "QAT"),
        ("Troops from Ethopia crossed the river.", "Troops", "ETHMIL"),
        ("The Phillippines military denied the report.", "military", "PHLMIL"),
        ("Phillipine soldiers guarded the port.", "soldiers", "PHLMIL"),
    ],
)
def test_converted_spellings_name_their_state(nlp, text, word, code):
    assert code_at(nlp, text, word) == code
