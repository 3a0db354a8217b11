"""Modality of events on sentences written for these tests: announced acts named by a noun,
obligations stated of others, and complements of complements of a refusal."""

from __future__ import annotations

from eventwatch.pipeline import extract_text


def events_of(text: str):
    return extract_text(text, published="2023-03-01").events


def flags(event) -> set[str]:
    return {name for name, value in event.modality.to_dict().items() if value}


def test_an_announced_act_named_by_the_object_noun_is_the_intent():
    (event,) = events_of("NATO said it would tighten the naval blockade of Serbia.")
    assert (event.source.code, event.cameo_root, event.target.code, event.verb) == ("IGOWSTNAT", "13", "SRB", "blockade")
    assert "future" in flags(event) and "191" in event.explanation.note  # the act's own code is explained


def test_a_noun_that_only_will_happen_keeps_its_code():
    found = {(e.source.code, e.cameo) for e in events_of("Talks between Kyiv and Moscow will take place next week.")}
    assert found == {("UKRGOV", "046"), ("RUSGOV", "046")}


def test_what_someone_must_do_is_no_intent_of_theirs():
    events = events_of("The Red Cross said Russian forces must ensure the safety of civilians.")
    assert not any(e.cameo_root == "03" for e in events)
    (resign,) = [e for e in events_of("Protesters in Tbilisi said the Georgian president must resign.") if e.verb == "resign"]
    assert resign.cameo == "0831" and "hypothetical" in flags(resign)


def test_what_one_tells_reporters_one_will_do_is_announced_not_asked():
    (event,) = events_of('"We will not back down," Prime Minister Justin Trudeau told reporters in Ottawa.')
    assert (event.cameo, flags(event)) == ("124", {"negated"})  # a refusal, not a request
    (event,) = [e for e in events_of("Lavrov told Kyiv it must withdraw its troops.") if e.verb == "withdraw"]
    assert "hypothetical" in flags(event)  # "must": asked of Kyiv


def test_a_refusal_negates_the_complement_of_its_complement():
    (evacuate,) = [e for e in events_of("Hamas refused to allow Egyptian trucks to enter and evacuate the wounded.") if e.verb == "evacuate"]
    assert "negated" in flags(evacuate)


def test_a_conjunct_with_its_own_subject_keeps_its_own_modality():
    text = "The minister said Nigeria would not pay ransoms, and Nigeria's president offered the rebels an amnesty."
    offered = next(e for e in events_of(text) if e.verb == "offered")
    assert "negated" not in flags(offered)
    text = "Lukashenko said the drills were defensive and that Belarus would never attack Ukraine."
    attack = next(e for e in events_of(text) if e.verb == "attack")
    assert flags(attack) == {"negated", "future"}


def test_refusing_to_take_part_in_talks_is_a_rejection():
    events = events_of("Opposition leaders in Kenya said they would not take part in any talks with the government.")
    assert [(e.source.code, e.cameo, e.target.code) for e in events] == [("KENOPP", "125", "KENGOV")]


def test_would_after_adding_is_the_future_seen_from_the_past():
    text = "Ruto said on Tuesday that the bill was dead, adding that he would hold talks with Kenyan students."
    talks = next(e for e in events_of(text) if e.cameo_root == "03")
    assert flags(talks) == {"future"}


def test_who_is_expected_to_act_is_the_one_who_will():
    (visit,) = events_of("The Chinese leader is expected to visit Moscow next week.")
    assert (visit.source.code, visit.cameo, visit.target.code) == ("CHNGOV", "036", "RUSGOV")
    assert flags(visit) == {"future"}


def test_who_was_asked_to_act_does_it_only_hypothetically():
    (withdraw,) = events_of("Serbia was asked to withdraw its police from the border.")
    assert (withdraw.source.code, withdraw.cameo_root) == ("SRB", "08") and flags(withdraw) == {"hypothetical"}


def test_a_gerund_after_an_intent_adjective_is_an_intent():
    (talks, *_) = [e for e in events_of("Kenya remains committed to holding talks with Somalia.") if e.verb == "holding"]
    assert (talks.source.code, talks.cameo, talks.target.code) == ("KEN", "036", "SOM")
    assert "future" in flags(talks)


def test_an_act_someone_is_accused_of_is_suspected():
    (bombing,) = events_of("Sudan was accused of bombing refugee camps in South Sudan.")
    assert (bombing.source.code, bombing.cameo_root) == ("SDN", "19")
    assert flags(bombing) == {"suspected"}


def test_an_act_someone_only_has_the_right_to_do_is_hypothetical():
    events = events_of("The United States defended the right of Russian troops to fire on militants in Azerbaijan.")
    (fire,) = [e for e in events if e.verb == "fire"]
    assert (fire.source.code, fire.cameo_root, flags(fire)) == ("RUSMIL", "19", {"hypothetical"})


def test_what_someone_tells_reporters_is_reported_not_asked():
    text = 'LIMA, Jan 12 - "My government is ready to sit down with the protest leaders," Boluarte told reporters in Lima.'
    (intent,) = [e for e in events_of(text) if e.source.code == "PERGOV"]
    assert (intent.cameo, flags(intent)) == ("036", {"future"})


def test_an_act_a_verb_of_ending_governs_is_negated():
    from eventwatch.pipeline import extract_text

    (event,) = [e for e in extract_text("Mali ceased cooperating with France.", published="2023-03-01").events if e.source.code == "MLI"]
    assert event.cameo_root == "06" and event.modality.to_dict()["negated"]


def test_an_infinitive_on_a_plan_its_subject_has_is_its_intent_or_refusal():
    """ "had no plans to send troops": the subject of the verb that has the plan intends the act,
    and "no plans" refuses it (12, negated), as "would not send troops" does."""
    found = [(e.source.code, e.cameo, e.target.code if e.target else None, flags(e)) for e in events_of("Washington said it had no plans to send troops to Libya.")]
    assert ("USAGOV", "1222", "LBY", {"negated"}) in found
    found = [(e.source.code, e.cameo_root, flags(e)) for e in events_of("Japan has plans to send troops to Iraq.")]
    assert ("JPN", "03", {"future"}) in found


def test_an_intent_refused_is_a_rejection():
    """ "would not invite" refuses what "invite" (036, an intent to meet) intends: a rejection of
    the meeting (125), as "would not hold talks" is."""
    (event,) = events_of("The Greek premier said he would not invite the Turkish president to Athens.")
    assert (event.source.code, event.cameo, event.target.code, flags(event)) == ("GRCGOV", "125", "TURGOV", {"negated"})
