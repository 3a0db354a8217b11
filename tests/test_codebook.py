import csv
import importlib.util

import pytest

from eventwatch.events.codebook import PLOVER_TYPES, load_codebook, quad_class_of
from tests.conftest import ROOT

CSV_PATH = ROOT / "eventwatch" / "data" / "codebook" / "cameo.csv"
TOOL_PATH = ROOT / "tools" / "build_codebook.py"
REFERENCE = ROOT.parent / "shared" / "reference"


def load_tool():
    spec = importlib.util.spec_from_file_location("build_codebook", TOOL_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_all_312_codes_have_every_field():
    codebook = load_codebook()
    assert len(codebook) == 312
    for code in codebook.codes():
        info = codebook[code]
        assert info.code == code and info.root == code[:2] and info.name
        assert -10 <= info.goldstein <= 10
        assert info.quad_class == quad_class_of(info.root)
        assert info.plover in PLOVER_TYPES


def test_roots_are_01_to_20():
    roots = [code for code in load_codebook().codes() if len(code) == 2]
    assert roots == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize(
    ("code", "plover", "quad_class", "goldstein"),
    [
        ("138", "THREATEN", 3, -7.0),
        ("190", "ASSAULT", 4, -10.0),
        ("036", "AGREE", 1, 4.0),
        ("0874", "RETREAT", 2, 10.0),
        ("163", "COERCE", 4, -8.0),  # the 2021 table maps sanctions to COERCE
        ("08", "CONCEDE", 2, 5.0),  # a root takes its "x0" code's type
        ("016", "REJECT", 1, -5.0),  # EventWatch extension
        ("0256", "REQUEST", 1, -0.3),  # EventWatch extension
        ("0813", "CONCEDE", 2, 5.0),  # the manual: lifting a curfew is a concession
        ("0831", "RETREAT", 2, 5.0),  # the manual: resignations are retreats
    ],
)
def test_spot_checks(code, plover, quad_class, goldstein):
    info = load_codebook()[code]
    assert (info.plover, info.quad_class, info.goldstein) == (plover, quad_class, goldstein)


def test_codes_are_strings_with_their_zeros():
    codebook = load_codebook()
    assert codebook["10"].name == "DEMAND"
    assert codebook["010"].name == "Make statement"
    assert "999" not in codebook
    with pytest.raises(KeyError):
        codebook["999"]


@pytest.mark.parametrize(
    ("root", "quad_class"),
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)],
)
def test_quad_class_of(root, quad_class):
    assert quad_class_of(root) == quad_class


@pytest.mark.parametrize("root", ["00", "21", "1", "010", "ab"])
def test_quad_class_of_rejects_non_roots(root):
    with pytest.raises(ValueError, match="not a CAMEO root"):
        quad_class_of(root)


def test_plover_source_marks_the_extension():
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sources = {row["code"]: row["plover_source"] for row in rows}
    assert {code for code, source in sources.items() if source == "eventwatch"} == {
        code for code in sources if code[:2] in ("01", "02")
    }
    assert {code for code, source in sources.items() if source == "plover-manual"} == {"0813", "0814", "0831"}
    assert set(sources.values()) == {"eventwatch", "plover-2021", "plover-manual"}


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="reference data not checked out")
def test_csv_is_what_the_tool_generates(tmp_path):
    out = tmp_path / "cameo.csv"
    load_tool().main(["--out", str(out)])
    assert out.read_bytes() == CSV_PATH.read_bytes()


def test_tool_refuses_gaps_and_overlaps():
    tool = load_tool()
    with pytest.raises(ValueError, match="no PLOVER type for CAMEO 011"):
        tool.plover_sources(["010", "011"], {}, {"010": "CONSULT"})
    with pytest.raises(ValueError, match="repeats codes"):
        tool.plover_sources(["030"], {"030": "AGREE"}, {"030": "SUPPORT"})
    with pytest.raises(ValueError, match="not a PLOVER type"):
        tool.plover_sources(["190"], {"190": "FIGHT"}, {})
    with pytest.raises(ValueError, match="change no row"):
        tool.plover_sources(["0813"], {"0813": "CONCEDE"}, {}, {"0813": "CONCEDE"})
    assert tool.plover_sources(["0813"], {"0813": "RETREAT"}, {}, {"0813": "CONCEDE"}) == {"0813": ("CONCEDE", "plover-manual")}


def test_intent_table_maps_acts_to_their_announcement_and_refusal():
    from eventwatch.events.codebook import load_intent_table

    table = load_intent_table()
    assert table.intent_code("0841") == "0353"  # longest prefix "084"
    assert table.refusal_code("0841") == "1243"
    assert table.intent_code("072") == "0332"
    assert table.intent_code("190") == "1384" and table.refusal_code("190") is None
    assert table.intent_code("111") is None  # verbal acts stay what they are


def test_intent_table_refuses_an_intent_by_the_refusal_of_its_act():
    from eventwatch.events.codebook import load_intent_table

    table = load_intent_table()
    assert table.intent_refusal("036") == "125"  # intent to meet -> reject a meeting
    assert table.intent_refusal("0332") == "1222"
    assert table.intent_refusal("138") is None  # a threat is no intent a refusal answers
