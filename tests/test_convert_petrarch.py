"""tools/convert_petrarch_verbs.py on small dictionaries written for these tests, and the
generated lexicon it produced (verbs_petrarch.json) as the package loads it."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from eventwatch.events.codebook import load_codebook
from eventwatch.events.lexicon import NO_EVENT, LazyLayer, load_lexicon, parse_patterns
from tests.conftest import ROOT

TOOL = ROOT / "tools" / "convert_petrarch_verbs.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("convert_petrarch_verbs", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


# A dictionary in PETRARCH-2's format, written for these tests.
SMALL = """\
# a comment line
####### SYNONYM SETS #######

&ARTILLERY
+HOWITZER
+MORTAR_
+ROCKET_LAUNCHER

&CALM_
+CALM
+RESTRAINT

####### VERB PATTERNS #######

---  BOMBARD   [190]  ---
BOMBARD
SHELL {SHELLS SHELLING SHELLED}
PUMMEL  # a synonym without a code of its own
- * &ARTILLERY                                       [194]   # BOMBARD
- &ARTILLERY *                                       [194]   # SHELL
- * (FROM ^) (INTO +)                                [192]   # SHELL
- * TARGETS                                          [190]   # PUMMEL
- * TARGETS                                          [195]   # SHELL

---  TOUR   [---]  ---
TOUR [042:043]
+DROP_IN
- * (WITH +)                                         [046:046]   # TOUR, DROP_IN
- * CAPITAL                                          [:043]      # TOUR
- * {SIGHTSEEING TRIP}                               [---]       # TOUR

---  PLEAD   [020]  ---
PLEAD
- * (FOR &CALM)                                      [0256]  # PLEAD
- * (FOR LIFTING) (OF SANCTIONS)                     [0254]  # PLEAD
- WILL NOT *                                         [120]   # PLEAD
- * THAT +                                           [100]   # PLEAD
- + * HELP                                           [:070]  # PLEAD
- * (TO/WITH +)                                      [020]   # PLEAD
- * &UNDEFINED                                       [020]   # PLEAD
- * HELP                                             [999]   # PLEAD
- * INTERVENE                                        [028]   # PLEAD

---  INTERVENE   [---]  ---
INTERVENE
"""


@pytest.fixture(scope="module")
def conversion(tool, nlp):
    return tool.convert(SMALL, nlp, load_codebook().codes())


def entries_for(conversion, verb):
    return [e for e in conversion.entries if verb in e.verbs or any(verb in conversion.sets.get(v[1:], ()) for v in e.verbs)]


def test_reading_blocks_synsets_verbs_and_patterns(tool):
    dictionary = tool.read_dictionary(SMALL)
    assert dictionary.synsets["&ARTILLERY"] == ["HOWITZER", "MORTAR_", "ROCKET_LAUNCHER"]
    bombard, tour, plead, _ = dictionary.blocks
    assert (bombard.name, bombard.code, [v.words for v in bombard.verbs]) == ("BOMBARD", "190", [("BOMBARD",), ("SHELL",), ("PUMMEL",)])
    assert bombard.verbs[1].forms == ("SHELLS", "SHELLING", "SHELLED")
    assert [v.words for v in tour.verbs] == [("TOUR",), ("DROP", "IN")] and tour.verbs[0].code == "042:043"
    assert bombard.patterns[0].body == "* &ARTILLERY" and bombard.patterns[0].origin == ("BOMBARD",)
    assert len(plead.patterns) == 9


def test_codes_pairs_reciprocal_back_only_and_no_event(tool):
    assert tool.parse_codes("042:043") == tool.Codes("042", "043", False)
    assert tool.parse_codes("046:046") == tool.Codes("046", None, True)
    assert tool.parse_codes(":173") == tool.Codes(NO_EVENT, "173", False)
    assert tool.parse_codes("---") == tool.Codes(NO_EVENT)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("* &ARTILLERY", dict(object="ARTILLERY")),
        ("&ARTILLERY *", dict(subject="ARTILLERY")),
        ("* OUT {PEACE PLAN}", dict(particle="OUT", object=[("PEACE", "PLAN")])),
        ("* (FROM ^) (INTO +)", dict(preps=[("FROM", None), ("INTO", None)], target="into")),
        ("* SANCTIONS (ON)", dict(object=[("SANCTIONS",)], preps=[("ON", None)], target="on")),
        ("* ATTACK ON +", dict(object=[("ATTACK",)], preps=[("ON", None)], target="on")),
        ("* (IN AIR RAID/STRIKE)", dict(preps=[("IN", [("IN", "AIR", "RAID"), ("IN", "AIR", "STRIKE")])])),
    ],
)
def test_pattern_syntax(tool, body, expected):
    synsets = {"&ARTILLERY": ["HOWITZER", "MORTAR"]}
    (found,) = tool.interpret(body, synsets)
    if "object" in expected:
        value = expected["object"]
        assert found.object.set_name == value if isinstance(value, str) else list(found.object.values) == value
    if "subject" in expected:
        assert found.subject.set_name == expected["subject"]
    assert found.particle == expected.get("particle")
    if "preps" in expected:
        assert [p for p, _ in found.preps] == [p for p, _ in expected["preps"]]
        for (_, phrase), (_, wanted) in zip(found.preps, expected["preps"]):
            assert (phrase is None) == (wanted is None)
            if wanted:
                assert [("IN", *v) for v in phrase.values] == wanted
    assert found.target == expected.get("target", "dobj")


def test_preposition_alternatives_give_one_pattern_each(tool):
    found = tool.interpret("* (TO/WITH +)", {})
    assert [(c.preps[0][0], c.target) for c in found] == [("TO", "to"), ("WITH", "with")]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("WILL NOT *", "adverb, auxiliary or preposition before the verb"),
        ("* THAT +", "clausal complement"),
        ("+ * HELP", "target or both actors before the verb"),
        ("* (OF $)", "source after the verb"),
        ("* &UNDEFINED", "undefined synonym set"),
        ("SCEPTICAL", "no verb marker"),
    ],
)
def test_patterns_the_format_cannot_state_are_dropped_with_a_reason(tool, body, reason):
    with pytest.raises(tool.Dropped, match=reason):
        tool.interpret(body, {})


def test_conversion_counts_every_pattern_line(conversion):
    counts, dropped = conversion.counts, conversion.dropped
    assert counts["pattern lines"] == 17
    assert counts["pattern lines converted"] + counts["pattern lines dropped"] + counts[
        "pattern lines left out: every verb has that pattern from an earlier line"
    ] == 17
    assert dropped["code not in the CAMEO codebook"] == 1
    assert dropped["clausal complement (THAT ...)"] == 1
    assert dropped["undefined synonym set"] == 1


def test_a_pattern_holds_for_the_verbs_its_comment_names(conversion):
    shell = {(e.object, e.subject, e.code) for e in entries_for(conversion, "shell")}
    bombard = {(e.object, e.subject, e.code) for e in entries_for(conversion, "bombard")}
    assert (("&artillery",), (), "194") in bombard and (("&artillery",), (), "194") not in shell
    assert ((), ("&artillery",), "194") in shell and ((), ("&artillery",), "194") not in bombard
    # Two codes for one verb and pattern: the line written for the verb wins.
    assert ((("target",), (), "195") in shell) and ((("target",), (), "190") in entries_of_code(conversion, "pummel"))


def entries_of_code(conversion, verb):
    return {(e.object, e.subject, e.code) for e in entries_for(conversion, verb)}


def test_a_synonym_takes_no_code_alone_from_its_block(conversion):
    alone = {v: e.code for e in conversion.entries if not e.key[0] and not any(e.key[1:]) for v in e.verbs}
    assert alone["bombard"] == "190"  # names the block
    assert "shell" not in alone and "pummel" not in alone
    assert alone["tour"] == "042"  # its own line


def test_synsets_become_sets_of_lemmas(conversion):
    assert set(conversion.sets["artillery"]) == {"howitzer", "mortar", "rocket launcher"}
    assert set(conversion.sets["calm"]) == {"calm", "restraint"}


def test_codes_pairs_and_multiword_verbs_as_entries(conversion):
    tour = {e.key: e for e in entries_for(conversion, "tour")}
    alone = next(e for k, e in tour.items() if not any(k))
    assert (alone.code, alone.reverse) == ("042", "043")
    with_ = next(e for e in tour.values() if e.prep == "with")
    assert (with_.code, with_.symmetric, with_.target) == ("046", True, "with")
    capital = next(e for e in tour.values() if e.object == ("capital",))
    assert (capital.code, capital.reverse) == (NO_EVENT, "043")
    assert next(e for e in tour.values() if e.object == ("sightseeing trip",)).code == NO_EVENT
    drop = [e for e in conversion.entries if e.verbs == ("drop",)]
    assert {(e.particle, e.prep, e.code) for e in drop} >= {("in", "with", "046")}  # +DROP_IN x (WITH +)


def test_two_prepositions_and_complement_twins(conversion):
    plead = entries_for(conversion, "plead")
    lifting = next(e for e in plead if e.prep_object == ("lifting",))
    assert (lifting.prep, lifting.prep2, lifting.prep2_object, lifting.code) == ("for", "of", ("sanction",), "0254")
    assert any(e.xcomp == ("intervene",) and e.code == "028" for e in plead)


def test_rendered_json_loads_as_the_lexicon_format(tool, conversion, tmp_path):
    path = tmp_path / "converted.json"
    path.write_text(tool.render(conversion), encoding="utf-8")
    data = json.loads(path.read_text("utf-8"))
    assert "GENERATED" in data["about"]
    patterns = parse_patterns(path.read_text("utf-8"), str(path))
    shelled = [p for p in patterns if p.verb == "shell" and p.subject]
    assert shelled and shelled[0].subject == frozenset({"howitzer", "mortar", "rocket launcher"})
    assert {p.origin for p in patterns} == {"converted.json"}
    lazy = LazyLayer(path.read_text("utf-8"), str(path))
    assert sorted(map(repr, lazy.patterns("shell"))) == sorted(repr(p) for p in patterns if p.verb == "shell")


def test_inflections_and_aliases_found_by_the_model(tool, nlp):
    assert tool.inflections("stage") == ["staged", "stages", "staging"]
    assert tool.inflections("bury", ["BURIED"]) == ["buried", "buries", "burying"]
    text = "---  STAGE   [141]  ---\nSTAGE\n"
    found = tool.convert(text, nlp, load_codebook().codes())
    assert found.aliases == {"stag": "stage"}  # the model lemmatises "staged" as "stag"


def test_missing_source_is_one_line_error(tool, tmp_path, capsys):
    assert tool.main(["--source", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o.json")]) == 2
    assert "nope.txt: no such file" in capsys.readouterr().err


# --- the generated lexicon as packaged ------------------------------------------------------


def test_generated_lexicon_is_marked_generated_and_valid():
    path = ROOT / "eventwatch" / "data" / "lexicon" / "verbs_petrarch.json"
    data = json.loads(path.read_text("utf-8"))
    assert data["about"].startswith("GENERATED by tools/convert_petrarch_verbs.py")
    codebook = load_codebook()
    patterns = parse_patterns(path.read_text("utf-8"), str(path))
    assert len(patterns) > 5000
    assert {p.code for p in patterns if p.code != NO_EVENT and p.code not in codebook} == set()
    assert {p.reverse for p in patterns if p.reverse and p.reverse not in codebook} == set()


def test_curated_entries_win_over_generated_ones():
    generated = load_lexicon()._layers[-1]
    petrarch_agree = next(p for p in generated.patterns("agree") if p.specificity == 0)
    lexicon_agree = next(p for p in load_lexicon().patterns_for("agree") if p.specificity == 0)
    assert (petrarch_agree.code, petrarch_agree.origin) == ("050", "verbs_petrarch.json")
    assert (lexicon_agree.code, lexicon_agree.origin) == ("030", "verbs.yaml")  # README "Choices"
    # A generated pattern that only adds a preposition to a verb curated alone is left out.
    assert any(p.prep == "at" and not p.prep_object for p in generated.patterns("meet"))
    assert not any(p.prep == "at" and not p.prep_object for p in load_lexicon().patterns_for("meet"))
