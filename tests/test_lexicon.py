import pickle
from collections import defaultdict
from dataclasses import replace

import pytest

from eventwatch.events.codebook import load_codebook
from eventwatch.events.lexicon import NO_EVENT, VerbPattern, load_lexicon, token_matches
from eventwatch.events.roles import best_pattern, frame_of


def pattern_of(nlp, sentence: str, verb: str) -> VerbPattern | None:
    """The pattern the role finder picks for a verb of a parsed sentence."""
    token = next(t for t in nlp(sentence) if t.text == verb)
    return best_pattern(frame_of(token), load_lexicon())


def test_package_lexicon_loads_with_known_codes():
    lexicon = load_lexicon()
    assert len(lexicon) >= 5000
    codebook = load_codebook()
    assert {p.code for p in lexicon if p.code != NO_EVENT and p.code not in codebook} == set()
    assert {p.reverse for p in lexicon if p.reverse and p.reverse not in codebook} == set()


def test_every_root_has_at_least_three_verbs():
    verbs_by_root = defaultdict(set)
    for pattern in load_lexicon():
        if not pattern.no_event:
            verbs_by_root[pattern.code[:2]].add(pattern.verb)
    assert sorted(verbs_by_root) == [f"{n:02d}" for n in range(1, 21)]
    assert {root: len(verbs) for root, verbs in verbs_by_root.items() if len(verbs) < 3} == {}


@pytest.mark.parametrize(
    ("sentence", "verb", "code", "target"),
    [
        ("Russia accused Ukraine.", "accused", "112", "dobj"),
        ("Kyiv accused Moscow of war crimes.", "accused", "1124", "dobj"),
        ("Beijing criticized Tokyo.", "criticized", "111", "dobj"),
        ("Tehran threatened Riyadh.", "threatened", "130", "dobj"),
        ("Moscow threatened to invade Georgia.", "threatened", "138", "dobj"),
        ("Washington threatened to sanction Ankara.", "threatened", "1312", "dobj"),
        ("Seoul warned Pyongyang of consequences.", "warned", "130", "dobj"),
        ("The minister called on Serbia to act.", "called", "020", "on"),
        ("The envoy called for talks.", "called", "026", "none"),
        ("The president met with the king.", "met", "040", "with"),
        ("Kenya held talks with Somalia.", "held", "046", "with"),
        ("The two sides agreed.", "agreed", "030", "with"),
        ("Hanoi agreed to meet the envoy.", "agreed", "036", "dobj"),
        ("Chile signed an agreement with Peru.", "signed", "057", "with"),
        ("Berlin pledged military aid to Kyiv.", "pledged", "0332", "to"),
        ("Japan pledged aid to Nepal.", "pledged", "033", "to"),
        ("Ghana sent peacekeeping troops to Mali.", "sent", "074", "to"),
        ("The EU imposed sanctions on Minsk.", "imposed", "163", "on"),
        ("Moscow expelled two diplomats.", "expelled", "161", "dobj"),
        ("Rebels released the prisoners.", "released", "0841", "dobj"),
        ("The army pulled back.", "pulled", "0874", "none"),
        ("The spokesman declined to comment.", "declined", "011", "none"),
        ("The rebels carried out a suicide bombing.", "carried", "1831", "dobj"),
        ("The militants carried out a bombing.", "carried", "183", "dobj"),
        ("Russia vetoed the resolution.", "vetoed", "129", "dobj"),
        ("Moscow annexed the peninsula.", "annexed", "192", "dobj"),
        ("Troops attacked the village.", "attacked", "190", "dobj"),
    ],
)
def test_clauses_get_their_codes(nlp, sentence, verb, code, target):
    pattern = pattern_of(nlp, sentence, verb)
    assert (pattern.code, pattern.target) == (code, target)


def test_call_alone_is_no_event(nlp):
    assert pattern_of(nlp, "The president called the mayor.", "called").no_event


def test_patterns_come_most_specific_first():
    lexicon = load_lexicon()
    for verb in lexicon.verbs():
        specificities = [p.specificity for p in lexicon.patterns_for(verb)]
        assert specificities == sorted(specificities, reverse=True), verb


def test_a_narrow_value_wins_over_a_broad_one_whatever_the_order(nlp, tmp_path):
    """Among equally specific patterns the one naming more words wins ("military aid" over "aid")."""
    mine = tmp_path / "mine.yaml"
    mine.write_text('- {verb: rush, code: "070", object: [aid]}\n- {verb: rush, code: "072", object: [military aid]}\n', "utf-8")
    lexicon = load_lexicon([mine])
    doc = nlp("Poland rushed military aid to Kyiv and rushed aid to Lviv.")
    first, second = (t for t in doc if t.text == "rushed")
    assert best_pattern(frame_of(first), lexicon).code == "072"
    assert best_pattern(frame_of(second), lexicon).code == "070"


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


def test_modifiers_of_a_value_match_in_order_with_others_between(nlp):
    doc = nlp("Seoul and Tokyo held joint naval air drills.")
    drills = doc[7]
    assert token_matches(drills, frozenset({"joint drill"}))
    assert token_matches(drills, frozenset({"joint air drill"}))
    assert not token_matches(drills, frozenset({"air joint drill"}))  # order counts
    assert not token_matches(drills, frozenset({"joint exercise", "naval joint drill"}))


def test_extra_file_adds_and_replaces_patterns(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        '- {verb: besmirch, code: "111"}\n'
        '- {verb: praise, code: "050"}\n'
        '- {verb: hold, code: "044", object: [jamboree], target: with}\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon([extra])
    assert [p.code for p in lexicon.patterns_for("besmirch")] == ["111"]
    assert [p.code for p in lexicon.patterns_for("praise") if p.specificity == 0] == ["050"]
    hold = lexicon.patterns_for("hold")
    # A user entry comes first among the equally specific ones: it wins ties.
    assert [p for p in hold if p.specificity == 1][0] == VerbPattern("hold", "044", object=frozenset({"jamboree"}), target="with")
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
        ('- {verb: block, code: "1441", purpose_object: [resignation]}', "purpose_object needs purpose"),
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
    assert all(noun.code in codebook for noun in nouns if not noun.no_event)
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
    assert {p.code for p in say} == {"100", "020", "112"} and all(p.target == "ccomp" for p in say)
    meet = [p for p in load_lexicon().patterns_for("meet") if p.origin == "verbs.yaml" and p.code.startswith("04")]
    assert meet and all(p.symmetric for p in meet)
    assert meet[0].describe().startswith('{verb: meet, code: "040"')


def test_every_codable_code_of_the_codebook_has_a_pattern():
    """tools/lexicon_coverage.py: the codes left need a purpose clause ("blocked roads *to
    demand* ...") or the object of an infinitive ("refused to end *the crackdown*")."""
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("lexicon_coverage", ROOT / "tools" / "lexicon_coverage.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    found = tool.coverage(load_lexicon())
    never = {code for code, counts in found.items() if len(code) > 2 and not any(counts)}
    assert never <= {"1242", "135", "1441", "1442", "1443", "1444"}
    assert len(found) == len(load_codebook())


def test_specificity_is_remembered_as_first_worked_out():
    """`specificity` is cached on the (frozen) pattern: the same count of constraints as
    worked out afresh, and the same after a pattern is changed by `replace` or pickled."""
    patterns = [p for verb in ("send", "impose", "call", "meet") for p in load_lexicon().patterns_for(verb)]
    assert patterns
    for pattern in patterns:
        fresh = sum(1 for constraint in pattern.key[1:] if constraint)
        assert pattern.specificity == fresh and pattern.specificity == fresh
        assert pickle.loads(pickle.dumps(pattern)).specificity == fresh
        assert replace(pattern, particle="up").specificity == fresh + (not pattern.particle)
