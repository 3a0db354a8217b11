from collections import defaultdict

import pytest

from eventwatch.events.codebook import load_codebook
from eventwatch.events.lexicon import VerbPattern, load_lexicon, token_matches

LIST_FIELDS = ("object", "prep_object", "xcomp")


def first_satisfied(verb, particle=None, objects=(), prep=None, prep_objects=(), xcomps=()):
    """The first pattern a clause with these words satisfies, as the role finder picks it."""
    for pattern in load_lexicon().patterns_for(verb):
        if pattern.particle and pattern.particle != particle:
            continue
        if pattern.object and not pattern.object & set(objects):
            continue
        if pattern.prep and pattern.prep != prep:
            continue
        if pattern.prep_object and not pattern.prep_object & set(prep_objects):
            continue
        if pattern.xcomp and not pattern.xcomp & set(xcomps):
            continue
        return pattern
    return None


def test_package_lexicon_loads_with_known_codes():
    lexicon = load_lexicon()
    assert len(lexicon) >= 250
    codebook = load_codebook()
    assert all(pattern.code in codebook for pattern in lexicon)


def test_every_root_has_at_least_three_verbs():
    verbs_by_root = defaultdict(set)
    for pattern in load_lexicon():
        verbs_by_root[pattern.code[:2]].add(pattern.verb)
    assert sorted(verbs_by_root) == [f"{n:02d}" for n in range(1, 21)]
    assert {root: len(verbs) for root, verbs in verbs_by_root.items() if len(verbs) < 3} == {}


@pytest.mark.parametrize(
    ("clause", "code", "target"),
    [
        (dict(verb="accuse"), "112", "dobj"),
        (dict(verb="accuse", prep="of", prep_objects=["war crime"]), "1124", "dobj"),
        (dict(verb="criticize"), "111", "dobj"),
        (dict(verb="threaten"), "130", "dobj"),
        (dict(verb="threaten", xcomps=["invade"]), "138", "dobj"),
        (dict(verb="threaten", xcomps=["sanction"]), "1312", "dobj"),
        (dict(verb="warn", prep="of", prep_objects=["consequence"]), "130", "dobj"),
        (dict(verb="call", prep="on"), "020", "on"),
        (dict(verb="call", prep="for", prep_objects=["talk"]), "026", "none"),
        (dict(verb="meet", prep="with"), "040", "with"),
        (dict(verb="hold", objects=["talk"]), "046", "with"),
        (dict(verb="agree"), "030", "with"),
        (dict(verb="agree", xcomps=["meet"]), "036", "dobj"),
        (dict(verb="sign", objects=["agreement"]), "057", "with"),
        (dict(verb="pledge", objects=["military aid"]), "0332", "to"),
        (dict(verb="pledge", objects=["aid"]), "033", "to"),
        (dict(verb="send", objects=["peacekeeping troop"]), "074", "to"),
        (dict(verb="impose", objects=["sanction"]), "163", "on"),
        (dict(verb="expel", objects=["diplomat"]), "161", "dobj"),
        (dict(verb="expel"), "174", "dobj"),
        (dict(verb="release", objects=["prisoner"]), "0841", "dobj"),
        (dict(verb="pull", particle="back"), "0874", "none"),
        (dict(verb="pull", particle="out", prep="of", prep_objects=["talk"]), "164", "none"),
        (dict(verb="decline", xcomps=["comment"]), "011", "none"),
        (dict(verb="carry", particle="out", objects=["suicide bombing"]), "1831", "dobj"),
        (dict(verb="carry", particle="out", objects=["bombing"]), "183", "dobj"),
        (dict(verb="veto"), "129", "dobj"),
        (dict(verb="annex"), "192", "dobj"),
        (dict(verb="attack"), "190", "dobj"),
    ],
)
def test_clauses_get_their_codes(clause, code, target):
    pattern = first_satisfied(**clause)
    assert (pattern.code, pattern.target) == (code, target)


def test_call_alone_is_no_event():
    assert first_satisfied("call") is None


def test_patterns_come_most_specific_first():
    lexicon = load_lexicon()
    for verb in lexicon.verbs():
        specificities = [p.specificity for p in lexicon.patterns_for(verb)]
        assert specificities == sorted(specificities, reverse=True), verb


def test_narrow_values_are_listed_before_broad_ones():
    """A broad value listed first ("aid") would shadow a narrow one ("military aid")."""
    shadowed = []
    lexicon = load_lexicon()
    for verb in lexicon.verbs():
        patterns = lexicon.patterns_for(verb)
        for i, earlier in enumerate(patterns):
            for later in patterns[i + 1 :]:
                if later.specificity != earlier.specificity:
                    continue
                for field in LIST_FIELDS:
                    for value in getattr(later, field):
                        if any(value.endswith(" " + broad) for broad in getattr(earlier, field)):
                            shadowed.append((verb, later.code, value, earlier.code))
    assert shadowed == []


def test_specificity_counts_constraints():
    assert VerbPattern("call", "020").specificity == 0
    assert VerbPattern("call", "026", prep="for", prep_object=frozenset({"talk"})).specificity == 2
    pattern = VerbPattern("call", "025", prep="on", xcomp=frozenset({"withdraw"}), target="on")
    assert pattern.specificity == 2


def test_misread_lemmas_have_aliases():
    lexicon = load_lexicon()
    assert lexicon.patterns_for("stag") == lexicon.patterns_for("stage") != ()
    assert "stag" in lexicon.verbs()


def test_token_matches_compound_and_adjective_modifiers(nlp):
    doc = nlp("Kyiv accused Moscow of alleged war crimes and human rights abuses.")
    crimes, abuses = doc[6], doc[10]
    assert token_matches(crimes, frozenset({"war crime"}))
    assert token_matches(crimes, frozenset({"crime"}))
    assert not token_matches(crimes, frozenset({"war", "rights abuse"}))
    assert token_matches(abuses, frozenset({"human rights abuse"}))
    assert token_matches(abuses, frozenset({"abuse"}))


def test_extra_file_adds_and_replaces_patterns(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        '- {verb: besmirch, code: "111"}\n'
        '- {verb: praise, code: "050"}\n'
        '- {verb: hold, code: "044", object: [summit], target: with}\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon([extra])
    assert [p.code for p in lexicon.patterns_for("besmirch")] == ["111"]
    assert [p.code for p in lexicon.patterns_for("praise")] == ["050"]
    hold = lexicon.patterns_for("hold")
    assert hold[0] == VerbPattern("hold", "044", object=frozenset({"summit"}), target="with")
    assert len(hold) == len(load_lexicon().patterns_for("hold")) + 1
    assert load_lexicon().patterns_for("besmirch") == ()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '- {verb: say, code: "010"}\n- {verb: warn, code: "130", objet: [war]}',
            r"entry 2 \(verb 'warn'\): unknown key",
        ),
        ("- {verb: warn}", r"entry 1 \(verb 'warn'\): missing \['code'\]"),
        ('- {verb: warn, code: "999"}', "'999' is not in the CAMEO codebook"),
        ("- {verb: warn, code: 130}", "code must be a non-empty string"),
        ('- {verb: Warn, code: "130"}', "verb must be lowercase"),
        ('- {verb: warn, code: "130", prep_object: [war]}', "prep_object needs prep"),
        ('- {verb: warn, code: "130", target: "the obj"}', "target must be dobj, none or a prep"),
        ('- {verb: warn, code: "130"}\n- {verb: warn, code: "138"}', "entry 2 .*duplicate pattern"),
        ('- {verb: call, code: "020", prep: on}', "YAML reads on/off/yes/no"),
        ("verb: warn", "expected a YAML list"),
        ("- {verb: warn, code: [", "not valid YAML"),
    ],
)
def test_bad_extra_file_raises_naming_file_and_entry(tmp_path, text, problem):
    bad = tmp_path / "bad_lexicon.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=f"bad_lexicon.yaml: .*{problem}"):
        load_lexicon([bad])


def test_noun_lexicon_loads_with_known_codes_and_support_verbs():
    lexicon = load_lexicon()
    nouns = lexicon.nouns()
    assert len(nouns) >= 100
    codebook = load_codebook()
    assert all(noun.code in codebook for noun in nouns)
    assert {n.code[:2] for n in nouns} >= {f"{r:02d}" for r in range(2, 21)}
    assert {"prepare", "launch", "hold"} <= lexicon.support_verbs


def test_noun_patterns_prefer_the_longest_name(nlp):
    doc = nlp("An expected phone call and a call for calm.")
    lexicon = load_lexicon()
    assert lexicon.noun_pattern_for(doc[3]).noun == "phone call"
    assert lexicon.noun_pattern_for(doc[6]).noun == "call"
    assert lexicon.noun_pattern_for(doc[3]).symmetric


def test_extra_nouns_file_adds_nouns(tmp_path):
    extra = tmp_path / "my_nouns.yaml"
    extra.write_text('nouns:\n  - {noun: skirmish, code: "190", symmetric: true}\n', encoding="utf-8")
    lexicon = load_lexicon([extra])
    assert any(n.noun == "skirmish" and n.symmetric for n in lexicon.nouns())
    assert len(lexicon.nouns()) == len(load_lexicon().nouns()) + 1


@pytest.mark.parametrize(
    "text",
    ['nouns:\n  - {noun: skirmish}', 'nouns:\n  - {noun: skirmish, code: "999"}', 'nouns:\n  - {noun: x, code: "190", of: me}'],
)
def test_bad_nouns_file_raises_naming_the_file(tmp_path, text):
    bad = tmp_path / "bad_nouns.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="bad_nouns.yaml: noun entry 1"):
        load_lexicon([bad])


def test_symmetric_and_clausal_complement_keys():
    say = [p for p in load_lexicon().patterns_for("say") if p.ccomp]
    assert {p.code for p in say} == {"100", "020"} and all(p.target == "ccomp" for p in say)
    meet = load_lexicon().patterns_for("meet")
    assert all(p.symmetric for p in meet)
    assert meet[0].describe().startswith('{verb: meet, code: "040"')
