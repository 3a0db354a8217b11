"""The actor data: dated roles, the file formats users extend it with, and the
converter from TABARI/PETRARCH dictionaries."""

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from eventwatch.actors import find_actors, load_kb
from eventwatch.actors.kb import DATA_DIR, DEFAULT_FILES, USER_FILES_VARIABLE, read_file
from eventwatch.actors.people import ActorDataError, Role, RoleHolder, format_role, parse_role, supersede
from eventwatch.actors.tabari import display_names, parse_day, read_blocks, read_tabari, tabari_role
from tests.conftest import ROOT

PETRARCH = ROOT.parent / "shared" / "reference" / "petrarch2"
VALIDATE = PETRARCH / "PETR.Validate.actors.txt"
needs_validate = pytest.mark.skipif(not VALIDATE.is_file(), reason="PETRARCH2 reference data not present")


def load_tool():
    spec = importlib.util.spec_from_file_location("build_people", ROOT / "tools" / "build_people.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_on(nlp, kb, text: str, word: str, on: str | None) -> str | None:
    doc = nlp(text)
    actor = find_actors(doc, kb, on=on).actor_for(next(t for t in doc if t.text == word))
    return actor.code if actor else None


def test_roles_read_both_forms_and_write_back():
    role = parse_role("RUSGOV 2008-05-07..2012-05-07 president")
    assert role == Role("RUSGOV", dt.date(2008, 5, 7), dt.date(2012, 5, 7), "president")
    assert parse_role(format_role(role)) == role
    assert parse_role({"code": "usagov", "from": dt.date(2021, 1, 20)}) == Role("USAGOV", dt.date(2021, 1, 20))
    assert parse_role("RUSELI") == Role("RUSELI")
    with pytest.raises(ActorDataError):
        parse_role("RUSGOV 2008-05..2012")


def test_first_covering_role_wins_then_the_default_then_out_of_office():
    holder = RoleHolder("A. Person", ["XYZGOV 2010-01-01..2014-12-31 minister", "XYZMIL 2012-01-01..2013-01-01"])
    assert holder.role_on(dt.date(2012, 6, 1)).code == "XYZGOV"
    out = holder.role_on(dt.date(2020, 1, 1))
    assert (out.code, out.title, out.inferred) == ("XYZELI", "former minister", True)
    assert holder.role_on(None).code == "XYZMIL"  # the latest taken up
    assert RoleHolder("B", ["XYZREB 2001-01-01..", "XYZ"]).role_on(dt.date(1990, 1, 1)).code == "XYZ"


def test_a_later_source_takes_over_from_its_first_dated_role():
    roles = supersede(["ZAFGOV 2009-05-09.."], ["ZAFGOV 2009-05-09..2018-02-14 president"])
    assert [format_role(r) for r in roles] == ["ZAFGOV 2009-05-09..2018-02-14 president"]
    roles = supersede(["RUSGOV 2004-03-09.."], ["RUSGOV 2008-01-01.. minister"])
    assert [format_role(r) for r in roles] == ["RUSGOV 2008-01-01.. minister", "RUSGOV 2004-03-09..2007-12-31"]


def test_tabari_dates_codes_and_names():
    assert parse_day("991231") == dt.date(1999, 12, 31)
    assert parse_day("080507") == dt.date(2008, 5, 7)
    assert parse_day("19570214") == dt.date(1957, 2, 14)
    assert parse_day("000000") is None
    assert tabari_role("RUSGOV 991231-080507") == Role("RUSGOV", dt.date(1999, 12, 31), dt.date(2008, 5, 7))
    assert tabari_role("HOB < 950601") == Role("HOB", None, dt.date(1995, 6, 1))
    assert tabari_role("RUSGOV >080508") == Role("RUSGOV", dt.date(2008, 5, 8))
    assert tabari_role("---") is None
    assert display_names("VLADIMIR_V._PUTIN_") == ["Vladimir V. Putin"]
    assert display_names("URSULA_VON_DER_LEYEN_") == ["Ursula von der Leyen"]
    assert display_names("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_") == ["Aden Abyan Islamic Army", "AAIA"]


def test_converter_keeps_office_holders_with_name_aliases(tmp_path: Path):
    tool = load_tool()
    source = tmp_path / "Mini.actors.txt"
    source.write_text(
        "OLGA_ARNOVA_  # CountryInfo.txt\n+ARNOVA_\n+PRESIDENT_ARNOVA_\n+OLGA_\n"
        "\t[RUSELI 700101-051231]\n\t[RUSGOV >060101]\n\t[RUSELI]\n"
        "OLGA_BERG_  # CountryInfo.txt\n\t[SWEGOV 880101-921231]\n"
        "HAMAS_NOT_A_PERSON_ [PSEREB] # kkl\n",
        encoding="utf-8",
    )
    titles = tool.title_words(tool.read_data([DATA_DIR / "countries.yaml", DATA_DIR / "sectors.yaml"]))
    people = tool.cleaned(tool.people_of(read_blocks(source), dt.date(2000, 1, 1)), titles)
    assert people == [{"name": "Olga Arnova", "aliases": ["Arnova"], "roles": [Role("RUSGOV", dt.date(2006, 1, 1))]}]


@needs_validate
def test_petrarch_validation_dictionary_loads_through_the_converter(nlp, tmp_path: Path):
    converted = tmp_path / "validate.yaml"
    converted.write_text(load_tool().convert_all([VALIDATE]), encoding="utf-8")
    for kb in (load_kb([converted]), load_kb([VALIDATE])):
        assert code_on(nlp, kb, "Gollum attacked the gate.", "Gollum", "1997-01-01") == "HOBGOV"
        assert code_on(nlp, kb, "Gollum attacked the gate.", "Gollum", "2001-01-01") == "HOBREB"
        assert code_on(nlp, kb, "Sam Gamgee left early.", "Gamgee", "2010-01-10") == "ORCHOB"  # listed first
        assert code_on(nlp, kb, "Sam Gamgee left early.", "Gamgee", "2011-01-10") == "HOBMIL"
        assert code_on(nlp, kb, "Arnor closed its border.", "Arnor", None) == "ARN"
    assert {"countries", "people", "groups", "organisations", "not_actors"} <= set(read_tabari(VALIDATE))


def test_user_files_extend_and_override_people(nlp, tmp_path: Path):
    (tmp_path / "a.yaml").write_text(
        "people:\n  - {name: Vladimir Putin, roles: [RUSELI 2030-01-01.. pensioner]}\n", encoding="utf-8"
    )
    (tmp_path / "b.tsv").write_text("# name\taliases\troles\nOlga Arnova\tArnova\tRUSGOV 2020-01-01.. minister\n")
    kb = load_kb([tmp_path])
    assert code_on(nlp, kb, "Putin spoke.", "Putin", "2031-01-01") == "RUSELI"
    assert code_on(nlp, kb, "Putin spoke.", "Putin", "2021-01-01") == "RUSGOV"
    assert code_on(nlp, kb, "Arnova spoke.", "Arnova", "2021-01-01") == "RUSGOV"


def test_user_files_from_the_environment(nlp, tmp_path: Path, monkeypatch):
    mine = tmp_path / "mine.yaml"
    mine.write_text("groups:\n  - {name: Northern Shield Brigade, roles: [NORREB]}\n", encoding="utf-8")
    text = "The Northern Shield Brigade blocked the road."
    assert code_on(nlp, None, text, "Brigade", None) is None
    monkeypatch.setenv(USER_FILES_VARIABLE, str(mine))
    assert code_on(nlp, None, text, "Brigade", None) == "NORREB"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("countries:\n  - {name: Nowhere}\n", "malformed entry"),
        ("people:\n  - {name: Ann Other, roles: [XYZGOV 2020-13-01..]}\n", "is not a date"),
        ("people: [unclosed\n", "bad.yaml"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_bad_user_files_name_the_file(tmp_path: Path, content: str, message: str):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ActorDataError, match=message) as error:
        load_kb([bad])
    assert str(bad) in str(error.value) and "\n" not in str(error.value)


def test_shipped_people_roles_are_all_readable():
    for name in DEFAULT_FILES:
        raw = read_file(DATA_DIR / name)
        for section in ("people", "groups"):
            for entry in raw.get(section) or []:
                assert [parse_role(spec) for spec in entry.get("roles") or []], entry["name"]


def test_people_since_2014_cover_forty_states_and_the_main_organisations():
    raw = read_file(DATA_DIR / "people_since_2014.yaml")
    states = {parse_role(r).state for p in raw["people"] for r in p["roles"]} - {None}
    orgs = {parse_role(r).code[:6] for p in raw["people"] for r in p["roles"] if r.startswith("IGO")}
    assert len(states) >= 40
    assert {"IGOUNO", "IGOWST", "IGOEUR", "IGOBUS"} <= orgs


def test_the_converter_writes_legacy_state_codes_as_iso():
    # The Phoenix lists write East Timor TMP and UNITA ANGREB.
    assert tabari_role("TMPGOV 991231-020519") == Role("TLSGOV", dt.date(1999, 12, 31), dt.date(2002, 5, 19))
    assert tabari_role("ANGREB").code == "AGOREB"


def test_shipped_dictionaries_use_iso_state_codes(nlp):
    assert code_on(nlp, load_kb(), "UNITA rebels shelled the town.", "UNITA", "1998-05-01") == "AGOREB"
