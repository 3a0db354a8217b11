"""Targets from references back to earlier acts ("Japan condemned the launch")."""

from __future__ import annotations

import pytest

from eventwatch.pipeline import extract_text


def coded(text: str, published: str = "2023-03-01") -> list[tuple]:
    result = extract_text(text, published=published)
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in result.events]


def test_a_definite_act_noun_is_aimed_at_whoever_did_the_act():
    found = coded("North Korea fired a ballistic missile over Japan on Tuesday. Japan condemned the launch.")
    assert ("JPN", "111", "PRK") in found


def test_a_decision_refers_to_the_nearest_act_by_someone_else():
    found = coded("Belarus refused to invite observers from the OSCE. The OSCE criticised the decision.")
    assert ("IGOEURSCE", "111", "BLR") in found


def test_no_earlier_act_of_that_kind_leaves_the_target_empty():
    assert ("KEN", "111", None) in coded("Kenya condemned the attack.")
    found = coded("Kenya and Somalia held talks on Monday. Ethiopia condemned the attack.")
    assert ("ETH", "111", None) in found


def test_an_act_done_together_is_aimed_at_each_of_its_doers():
    found = coded("Serb protesters clashed with NATO peacekeepers on Monday. Hungary condemned the attacks.")
    assert {t for s, c, t in found if s == "HUN"} == {"SRBOPP", "IGOWSTNATMIL"}
    found = coded("The European Union and Turkey agreed a deal on migrants on Friday. Amnesty International condemned the deal.")
    assert {t[:3] for s, c, t in found if s.startswith("NGO") and t} == {"IGO", "TUR"}


def test_the_explanation_names_the_reference():
    result = extract_text("North Korea fired a missile over Japan. Japan condemned the launch.", published="2023-03-01")
    (condemned,) = [e for e in result.events if e.source.code == "JPN"]
    assert "'launch' refers to an act by or on PRK" in condemned.explanation.note
    assert any(b.role == "refers to" and b.text == "launch" for b in condemned.explanation.bindings)


def test_a_reference_to_the_sources_own_act_is_aimed_at_that_acts_target():
    found = coded("The United States eased sanctions on Venezuela on Wednesday. Washington warned that it would reimpose the sanctions.")
    assert ("USAGOV", "1312", "VEN") in found


def test_a_decision_prefers_a_material_act_to_a_verbal_reaction():
    found = coded(
        "The International Criminal Court issued an arrest warrant for a Sudanese general on Friday. "
        "Khartoum dismissed the warrant. Chad welcomed the decision."
    )
    assert ("TCD", "051", "IGOJUDICC") in found


def test_a_passive_subject_and_an_act_its_source_owns_refer_back_too():
    found = coded("A ceasefire between Israel and Hamas took effect on Friday. The truce was brokered by Egypt.")
    assert {t for s, c, t in found if s == "EGY"} == {"ISR", "PSEREBHMS"}
    found = coded("Russia shelled Kharkiv on Monday. Ukraine warned of a response if Russia continued its attacks.")
    assert found.count(("RUS", "190", "UKRCVL")) == 2  # the shelling, and its continuing


def test_the_kidnappers_are_the_unnamed_doers_of_the_abduction():
    text = (
        "MAIDUGURI, Nigeria, May 2 - Gunmen abducted 40 pupils from a school in Nigeria's Borno state. "
        "UNICEF urged the kidnappers to free the children."
    )
    result = extract_text(text, published="2021-05-02")
    urged = next(e for e in result.events if e.verb == "urged")
    assert (urged.source.code, urged.target.code) == ("IGOUNOKID", "NGAUAF")
    # Without an earlier violent act there is no one for them to refer to.
    result = extract_text("UNICEF urged the kidnappers to free the children.", published="2021-05-02")
    assert all(e.target is None or not e.target.country for e in result.events)


def test_the_group_is_the_armed_group_named_before_and_a_denial_aims_at_its_accuser():
    text = (
        "KHARTOUM, June 10 - The Rapid Support Forces clashed with Sudan's army near the airport. "
        "The paramilitary group accused the army of bombing homes in Omdurman. "
        "Sudan's army denied the charge."
    )
    events = extract_text(text, published="2023-06-10").events
    accused = next(e for e in events if e.verb == "accused")
    denied = next(e for e in events if e.verb == "denied")
    assert accused.source.code == "SDNREB"
    assert (denied.source.code, denied.target.code) == ("SDNMIL", "SDNREB")


def test_a_threat_conditioned_on_an_earlier_act_is_aimed_at_its_doer():
    text = "American jets struck militia bases in Syria on Friday. Iran warned that it would not remain silent if the attacks continued."
    threats = [e for e in extract_text(text, published="2024-02-03").events if e.cameo_root == "13"]
    assert [(e.source.code, e.target.code if e.target else None) for e in threats] == [("IRN", "USA")]


def test_calling_an_act_a_violation_criticises_its_doer():
    text = (
        "Ecuadorean police raided the Mexican embassy in Quito. Mexico's president called the raid "
        '"a flagrant violation of international law".'
    )
    assert ("MEXGOV", "111", "ECUCOP") in coded(text, "2024-04-07")
    assert ("RUS", "016", None) in coded("Russia called the accusations baseless.", "2024-04-07")


def test_defending_an_act_of_ones_own_side_is_aimed_at_its_doer():
    text = "Ecuadorean police raided the Mexican embassy in Quito. Ecuador's government defended the operation."
    assert ("ECUGOV", "052", "ECUCOP") in coded(text, "2024-04-07")


def test_an_investigation_into_an_earlier_act_is_aimed_at_its_doer():
    text = (
        "MOGADISHU, Oct 30 - Al Shabaab militants detonated two car bombs in Mogadishu on Saturday, killing at least 100 people. "
        "Police have opened an investigation into the bombings. Kenya later handed two suspects over to the Somali authorities."
    )
    found = coded(text, "2022-10-30")
    assert ("SOMCOP", "091", "SOMREB") in found
    assert ("KEN", "063", "SOMGOV") in found


def test_scrapping_a_pact_reduces_relations_and_the_move_refers_back_to_it():
    text = (
        "South Korea scrapped a military intelligence-sharing pact with Japan on Thursday. "
        'Japanese Foreign Minister Taro Kono called the move "extremely regrettable".'
    )
    assert {("KOR", "160", "JPN"), ("JPNGOV", "111", "KOR")} <= set(coded(text, "2019-08-22"))


def test_an_assassination_refers_back_to_the_shooting():
    found = coded("LUSAKA, May 2 - Rebel fighters shot dead a provincial governor on Sunday. "
                  "The African Union condemned the assassination.")
    assert ("IGOAFRAFU", "111", "ZMBREB") in found  # the shooters, placed where the governor they shot serves


def test_unnamed_gunmen_in_a_datelined_story_are_that_states_unidentified_forces():
    found = coded("PORT-AU-PRINCE, March 9 - Gunmen killed a judge outside the courthouse.")
    assert [(source, cameo) for source, cameo, _ in found] == [("HTIUAF", "190")]


def test_being_outraged_by_an_act_disapproves_of_its_doer():
    found = coded("North Korea fired a missile over Japan on Tuesday. Japan was outraged by the launch.")
    assert ("JPN", "110", "PRK") in found
    found = coded("Iran seized a tanker in the Gulf. Britain said it was deeply disappointed by the seizure.")
    assert ("GBR", "110", "IRN") in found


def test_who_said_they_were_shocked_by_an_act_and_urged_disapproves_and_appeals():
    found = coded("Ethiopia expelled seven U.N. officials on Thursday. Guterres said he was shocked by "
                  "the decision and urged Addis Ababa to let the staff continue their work.", "2021-10-01")
    assert {("IGOUNO", "110", "ETH"), ("IGOUNO", "020", "ETHGOV")} <= set(found)


def test_an_agreement_six_sentences_back_is_still_the_one_welcomed():
    text = ("Lebanon and Israel concluded an agreement on their maritime border on Thursday. "
            "The delegations sat in separate rooms. Each handed its copy to the envoy. "
            "The envoy thanked both teams. Officials called it a long process. "
            "Gas companies were pleased. The United Nations welcomed the agreement.")
    assert {("IGOUNO", "051", "LBN"), ("IGOUNO", "051", "ISR")} <= set(coded(text))


def test_them_after_a_pair_is_each_state_and_never_the_subject_that_urges_them():
    found = coded("Japan and South Korea are locked in a trade dispute. The United States, an ally of "
                  "both countries, urged them to resolve their dispute through talks.", "2019-08-01")
    assert {("USA", "026", "JPN"), ("USA", "026", "KOR")} <= set(found)
    assert not any(target == "USA" for _, _, target in found)


def test_an_object_pronoun_of_a_second_verb_is_not_the_subject_both_verbs_share():
    found = coded("LA PAZ, June 27 - President Luis Arce confronted Colonel Juan Rivas in the doorway and "
                  "ordered him to withdraw his troops.", "2024-06-27")
    assert ("BOLGOV", "100", "BOLMIL") in found
    found = coded("German Chancellor Olaf Scholz met French President Emmanuel Macron and urged him to "
                  "back the plan.", "2023-03-01")
    assert ("DEUGOV", "022", "FRAGOV") in found
    found = coded("QUITO, March 3 - Ecuadorean prosecutors charged former Energy Minister Carlos Pareja and his "
                  "deputy on Monday, accusing them of taking bribes.", "2023-03-03")
    assert any(code == "112" and target and target.startswith("ECU") for _, code, target in found)


def test_a_ruling_no_act_states_is_aimed_at_the_court_named_before():
    found = coded("GENEVA, May 4 - An international arbitration tribunal ruled on Thursday that Ruritania owed "
                  "Chile $2 billion. Chile welcomed the ruling, but Argentina criticised the judgment.", "2023-05-04")
    assert {("CHL", "051", "IGOJUD"), ("ARG", "111", "IGOJUD")} <= set(found)
    found = coded("A court in Minsk sentenced the opposition leader to 11 years. The European Union condemned "
                  "the verdict.", "2023-05-04")
    assert ("IGOEUREEC", "111", "BLRJUD") in found  # the court's sentence (173) is the act referred to


def test_calling_it_something_is_aimed_where_the_verb_it_hangs_on_is():
    found = coded("THE HAGUE, July 12 - An international tribunal ruled that Vietnam had no claim to the "
                  "islands. Hanoi rejected the ruling, calling it illegal.", "2016-07-12")
    assert {("VNMGOV", "120", "IGOJUD"), ("VNMGOV", "111", "IGOJUD")} <= set(found)


def test_a_reference_to_ones_own_act_is_aimed_at_each_of_its_targets():
    found = coded("Egypt imposed tariffs on Turkish and Greek steel in May. On Friday Cairo said it would not "
                  "remove the tariffs.", "2023-06-02")
    assert {("EGYGOV", "1244", "TUR"), ("EGYGOV", "1244", "GRC")} <= set(found)


def test_the_downing_refers_to_shooting_down_the_aircraft():
    found = coded("Turkish fighters shot down a Russian bomber near the border on Tuesday. One of the pilots "
                  "was shot dead by rebels as he parachuted. Putin called the downing a treacherous act.", "2015-11-24")
    assert ("TURMIL", "195", "RUSMIL") in found
    assert ("RUSGOV", "111", "TURMIL") in found


@pytest.mark.parametrize(
    ("text", "published", "event"),
    [
        pytest.param("BAGHDAD, Jan 3 - An American drone strike killed an Iranian general near the airport. "
                     "Iran vowed harsh revenge on those responsible.", "2020-01-03", ("IRN", "130", "USA"),
                     id="those-responsible-are-the-violent-acts-doers"),
        pytest.param("KABUL, Aug 27 - Islamic State militants killed 13 U.S. soldiers at the airport. "
                     "Biden vowed to hunt down those behind it.", "2021-08-27", ("USAGOV", "137", "IMGMUSISI"),
                     id="those-behind-it-are-the-violent-acts-doers"),
        pytest.param("ERBIL, Iraq, Aug 8 - Islamic State fighters killed hundreds of villagers near the mountain. "
                     "The U.N. Security Council condemned the attacks.", "2014-08-08", ("IGOUNO", "111", "IMGMUSISI"),
                     id="a-named-armed-groups-act-counts-without-a-placed-victim"),
        pytest.param("Russia offered Ukraine a ceasefire, which the Ukrainian government rejected on Monday.",
                     "2023-03-01", ("UKRGOV", "1246", "RUS"),
                     id="a-relative-clause-rejecting-the-object-is-aimed-at-who-offered-it"),
        pytest.param("BAGHDAD, Jan 3 - An American drone strike killed an Iranian general near the airport. "
                     "Iraq's prime minister condemned the killing as a violation of Iraqi sovereignty.", "2020-01-03",
                     ("IRQGOV", "111", "USA"), id="the-killing-refers-back-to-a-strike-that-killed"),
        pytest.param("PORT-AU-PRINCE, July 8 - Gunmen killed the president on Wednesday. "
                     "A judge has opened an investigation into the killing.", "2021-07-08", ("HTIJUD", "091", "HTIUAF"),
                     id="an-investigation-into-a-killing-investigates-its-doers-crime"),
    ],
)
def test_a_later_phrase_is_aimed_at_the_doer_of_the_act_before(text, published, event):
    assert event in coded(text, published)


def test_a_definite_violent_noun_names_again_its_sides_earlier_act():
    found = coded(
        "A suicide bomber from the Islamic State group blew himself up at a bus station in Kirkuk on Sunday, "
        "killing 14 people. The group claimed responsibility for the attack in a statement."
    )
    assert [cameo for _, cameo, _ in found if cameo[:2] in {"18", "19", "20"}] == ["1831"]
    found = coded("Pakistani jets bombed a camp near Jammu on Monday. The Pakistani raid drew protests from New Delhi.")
    assert sum(cameo.startswith("19") for _, cameo, _ in found) == 1
    # With no earlier act of that side the noun states the act.
    assert any(cameo.startswith("19") for _, cameo, _ in coded("Al-Shabaab claimed responsibility for the attack."))


def test_a_verdict_is_the_courts_act_even_when_police_acted_after_it():
    found = coded(
        "ANKARA, May 2 - A Turkish court jailed six opposition leaders on Monday. Riot police charged "
        "the crowds outside with batons. The main opposition party called the verdict a disgrace."
    )
    assert any(cameo == "175" and target == "TURCVL" for _, cameo, target in found)  # not a charge with a crime
    assert ("TUROPP", "111", "TURJUD") in found


def test_a_charge_rejected_in_a_contact_clause_is_aimed_at_the_accuser_and_not_suspected():
    result = extract_text(
        "Beijing accused Indian troops of crossing the Line of Actual Control, a charge New Delhi rejected.",
        published="2023-03-01",
    )
    (denial,) = [e for e in result.events if e.verb == "rejected"]
    assert (denial.source.code, denial.cameo_root, denial.target.code) == ("INDGOV", "01", "CHNGOV")
    assert not denial.modality.to_dict()["suspected"]
def test_an_act_noun_set_off_by_a_comma_sums_up_the_clause_before_it():
    found = coded("Hungary has deported thousands of migrants since March, a campaign the European Commission has condemned.")
    assert ("IGOEUREEC", "111", "HUN") in found


def test_both_countries_in_the_subjects_apposition_are_the_two_others_and_them_stands_for_both():
    text = (
        "HANOI, May 2 - Vietnam cancelled a fishing accord with Cambodia on Monday. "
        "France, a partner of both countries, urged them to settle their dispute through talks."
    )
    found = coded(text)
    assert {("FRA", "VNM"), ("FRA", "KHM")} <= {(s, t) for s, c, t in found if c.startswith("02")}


def test_the_ministry_is_the_ministry_named_before():
    text = (
        "WARSAW, May 2 - The Foreign Ministry in Warsaw summoned a Belarusian diplomat. "
        "Belarus's ambassador did not attend a meeting at the ministry on Friday."
    )
    assert ("BLRGOV", "044", "POLGOV") in coded(text)


def test_a_definite_act_noun_retelling_the_doers_earlier_act_is_no_new_event():
    text = (
        "KABUL, May 3 - Islamic State fighters ambushed a police convoy in Kunduz province on Monday. "
        "The group later claimed responsibility for the attack."
    )
    found = coded(text)
    assert [c for s, c, t in found if c.startswith("19")] == ["190"]
    assert any(c == "015" for s, c, t in found)


def test_a_denial_of_a_mutual_accusation_is_aimed_at_the_other_side_only():
    text = (
        "BAKU, May 3 - Azerbaijan and Armenia accused each other on Sunday of shelling border villages. "
        "Armenia's defence ministry denied the accusations."
    )
    denied = {t for s, c, t in coded(text) if s == "ARMMIL" and c.startswith("01")}
    assert "AZE" in denied and "ARM" not in denied
