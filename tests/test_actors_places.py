"""Places that are not states, locatives, context and demonyms, on real spaCy parses."""

from pathlib import Path

import pytest

from eventwatch.actors import find_actors, load_kb
from eventwatch.actors.people import ActorDataError
from eventwatch.nlp import dateline
from eventwatch.pipeline import analyse
from eventwatch.records import Article
from tests.conftest import token


def code_of(nlp, text: str, word: str, on: str | None = "2015-06-01", kb=None, nth: int = 1) -> str | None:
    doc = nlp(text)
    actor = find_actors(doc, kb, on=on).actor_for(token(doc, word, nth))
    return actor.code if actor else None


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Kirkuk, the oil city, said the pipeline would reopen.", "Kirkuk", "IRQCVL"),  # a city alone: its people
        ("Mosul residents queued for water on Monday.", "residents", "IRQCVL"),
        ("Fighting raged as the Kharkiv regional governor urged calm.", "governor", "UKRGOV"),  # sector from the phrase
        ("Rockets were fired from Gaza overnight.", "Gaza", "PSECVL"),
        ("The West Bank stayed calm during the holiday.", "Bank", "PSECVL"),  # a region, "the" left out
        ("Darfur has seen fresh fighting this month.", "Darfur", "SDNCVL"),
        ("Texas sued the federal government over the border wall.", "Texas", "USACVL"),  # a US state
        ("Baghdad rejected the request from Ankara.", "Baghdad", "IRQGOV"),  # a capital alone keeps GOV
    ],
)
def test_places_that_are_not_states_stand_for_their_state(nlp, text, word, code):
    assert code_of(nlp, text, word) == code


def test_a_small_town_is_not_found_by_a_word_of_its_name(nlp):
    # "North" is another name of North Salt Lake (Utah, 20,000 people) in the gazetteer.
    doc = nlp("U.S. officials said the North had tested a missile.")
    assert "North" in {ent.text for ent in doc.ents}
    assert code_of(nlp, "U.S. officials said the North had tested a missile.", "North") is None


def test_a_small_town_counts_only_when_the_article_names_its_state(nlp):
    # Beit Jala (about 13,000 people): only an article that names the Palestinians makes it theirs.
    assert code_of(nlp, "Police in Beit Jala made two arrests on Sunday.", "Beit") is None
    named = "Palestinian officials met in Ramallah. Police in Beit Jala made two arrests on Sunday."
    assert code_of(nlp, named, "Jala") == "PSECVL"


@pytest.mark.parametrize(
    ("text", "word", "label", "code"),
    [
        ("A car bomb exploded near Samarra on Friday, police said.", "Samarra", "NORP", "IRQCVL"),
        ("Shelling hit Mariupol overnight.", "Mariupol", "ORG", "UKRCVL"),
        ("Erbil officials denied the claim.", "officials", "ORG", "IRQGOV"),  # the place's state, the phrase's sector
    ],
)
def test_a_place_spacy_labels_otherwise_is_looked_up_by_its_own_name(nlp, text, word, label, code):
    doc = nlp(text)
    assert label in {ent.label_ for ent in doc.ents}  # what the model says today; the rule covers it
    assert code_of(nlp, text, word) == code


def test_a_mislabelled_name_after_a_title_is_a_person_not_a_place(nlp):
    # Lincoln, Nebraska has 290,000 people; here spaCy tags the governor's name ORG.
    assert code_of(nlp, "Governor Lincoln spoke.", "Lincoln") == "GOV"


def test_names_that_are_not_places_stay_unresolved(nlp):
    doc = nlp("Obama thanked the volunteers. Michelle Obama spoke later.")
    # "Obama" is also a Japanese town: the knowledge base's person wins.
    assert find_actors(doc, on="2012-05-01").actor_for(token(doc, "Obama")).code == "USAGOV"
    assert code_of(nlp, "The talks in Tahrir Square lasted all night.", "Square") is None


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Demonstrators in Baghdad stormed the compound.", "Demonstrators", "IRQOPP"),  # not GOV: a place here
        ("Rebels in the Ivory Coast seized a town in the north.", "Rebels", "CIVREB"),
        ("Opposition parties in Zimbabwe boycotted the count.", "parties", "ZWEOPP"),
        ("Students from Nigeria protested outside the embassy.", "Students", "NGAEDU"),
        ("Rebels in Darfur attacked a convoy on Tuesday.", "Rebels", "SDNREB"),
        ("Fishermen from Gaza blocked the port.", "Fishermen", "PSEAGR"),  # a sector of the converted agents
        ("Students throughout Kenya boycotted classes.", "Students", "KENEDU"),
        ("Rebels across Darfur ambushed a convoy.", "Rebels", "SDNREB"),
        ("Militants inside Syria fired mortars.", "Militants", "SYRREB"),
        ("Thousands of teachers across Nigeria went on strike.", "Thousands", "NGAEDU"),  # a quantity's noun
    ],
)
def test_an_agent_takes_the_state_of_its_own_locative(nlp, text, word, code):
    assert code_of(nlp, text, word) == code


def test_a_locative_does_not_override_a_state_or_a_possessive(nlp):
    assert code_of(nlp, "Russian troops in Ukraine dug new trenches.", "troops") == "RUSMIL"
    assert code_of(nlp, "Russia said its troops in Belarus would stay.", "troops") == "RUSMIL"


def test_a_person_does_not_take_a_state_from_a_place_beside_the_name(nlp):
    # PP attachment: "in Baghdad" belongs to the killing, not to the general.
    text = "A drone strike killed General Amir Hosseini in Baghdad on Friday."
    actor = find_actors(nlp(text), on="2020-01-08").actor_for(token(nlp(text), "Hosseini"))
    assert actor is None or actor.country is None


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("The Palestinians rejected the new map.", "Palestinians", "PSECVL"),
        ("Israelis and Palestinians marched in separate rallies.", "Israelis", "ISRCVL"),
        ("Iraqi Kurds queued for hours at the polling stations.", "Kurds", "IRQCVL"),
        ("Palestinian youths threw stones at the checkpoint.", "youths", "PSECVL"),
        ("The Hungarians of northern Serbia elected a new council.", "Hungarians", "SRBCVL"),
        ("Ethnic Armenians in Georgia held a rally.", "Armenians", "GEOCVL"),
    ],
)
def test_demonym_groups_are_a_state_and_a_sector(nlp, text, word, code):
    assert code_of(nlp, text, word) == code


def test_a_plural_demonym_as_modifier_keeps_the_phrase_sector(nlp):
    assert code_of(nlp, "Ukrainians soldiers cleared the village.", "soldiers") == "UKRMIL"


def test_us_split_off_as_its_own_sentence_still_modifies_the_name_after_it(nlp):
    text = "Ministers agree on grain corridor\n\nU.S. President Jane Harlow said on Friday the deal was good."
    doc = nlp(text)
    assert any(s.text.strip() == "U.S." for s in doc.sents)  # the parser's break, as the model makes it
    layer = find_actors(doc, on="2030-01-01")
    assert layer.actor_for(token(doc, "Harlow")).code == "USAGOV"  # someone the knowledge base does not know
    assert layer.actor_for(token(doc, "U.S.")).code == "USAGOV"  # asked at "U.S.", the phrase it belongs to


def test_apposition_titles_give_unknown_people_their_state(nlp):
    text = "Pavel Orlov, Russia's deputy defence minister, inspected the base."
    doc = nlp(text)
    orlov = find_actors(doc, on="2015-06-01").actor_for(token(doc, "Orlov"))  # spaCy tags no PERSON here
    assert (orlov.code, orlov.name) == ("RUSGOV", "Pavel Orlov")
    text = "Ana Ruiz, Colombia's army spokeswoman, denied the report."
    assert code_of(nlp, text, "Ruiz") == "COLMIL"


def test_a_surname_alone_is_the_one_person_so_named_in_office(nlp):
    # The dictionaries list only "Robert Mugabe"; in 2005 he was Zimbabwe's president.
    assert code_of(nlp, "President Mugabe rejected the report.", "Mugabe", on="2005-03-01") == "ZWEGOV"
    # A surname the article gave someone else first stays theirs.
    text = "Grace Mugabe, a farmer in Kent, sold her land. Mugabe said prices were too low."
    assert code_of(nlp, text, "Mugabe", on="2005-03-01", nth=2) != "ZWEGOV"


def test_a_person_modifying_a_sector_noun_gives_its_state(nlp):
    assert code_of(nlp, "The Bush administration protested.", "administration", on="2003-05-01") == "USAGOV"


def test_state_from_context_is_configurable_and_off_by_default(nlp, tmp_path: Path):
    # Doctors are no domestic institution: the home-state rule leaves them alone.
    text = "Doctors said two Iraqi soldiers were wounded."
    assert code_of(nlp, text, "Doctors") == "HLH"  # no state guessed: the shipped setting
    sentence = tmp_path / "context.yaml"
    sentence.write_text("state_from_context: sentence\n", encoding="utf-8")
    kb = load_kb([sentence])
    assert code_of(nlp, text, "Doctors", kb=kb) == "IRQHLH"  # the sentence's only state
    two = "Doctors said Iraqi and Syrian soldiers were wounded."
    assert code_of(nlp, two, "Doctors", kb=kb) == "HLH"  # two states: no guess
    article = tmp_path / "article.yaml"
    article.write_text("state_from_context: article\n", encoding="utf-8")
    text = "Iraq closed the border. Iraq's army moved north. Doctors said the roads were shut."
    assert code_of(nlp, text, "Doctors", kb=load_kb([article])) == "IRQHLH"


HOME = """Crowds defy ban on rally

MINSK, June 3 - Hundreds of people gathered in the capital on Saturday despite a ban on public meetings.
Police detained dozens of them. Parliament had passed the ban in May, and the opposition called it unlawful.
Diplomats said the European Union would discuss the arrests. Doctors treated several people for injuries.
"""


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Police", "BLRCOP"),
        ("Parliament", "BLRLEG"),
        ("opposition", "BLROPP"),
        ("Diplomats", "GOV"),  # may be anyone's: no home state
        ("Doctors", "HLH"),  # no domestic institution
    ],
)
def test_domestic_institutions_take_the_state_of_the_dateline(nlp, word, code):
    assert code_of(nlp, HOME, word) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("RAFAH, Egypt, Oct 21 - Police kept the crowds back.", "EGYCOP"),  # the state the dateline names
        ("Blast in city\n\nKHARKIV, May 3 - Police said a missile hit a school.", "UKRCOP"),  # its city's state
        ("PORT-AU-PRINCE, March 9 - Police said a gang burned a market.", "HTICOP"),  # hyphens inside the name
    ],
)
def test_the_dateline_state_from_its_state_or_its_place(nlp, text, code):
    assert dateline(nlp(text)) is not None
    assert code_of(nlp, text, "Police") == code


def test_the_home_state_yields_to_a_named_state_a_locative_and_a_possessive(nlp):
    text = "KYIV, May 2 - Russian police detained two journalists. Its parliament met. Police in Moldova made arrests."
    assert code_of(nlp, text, "police") == "RUSCOP"
    assert code_of(nlp, text, "parliament") == "RUSLEG"  # "its": the state before it, not the dateline
    assert code_of(nlp, text, "Police") == "MDACOP"


def test_without_a_dateline_the_only_state_of_the_sentence_is_home(nlp):
    assert code_of(nlp, "Kenyan riot police dispersed demonstrators in Nairobi.", "demonstrators") == "KENOPP"
    assert code_of(nlp, "Protesters marched as Kenyan and Ugandan ministers met.", "Protesters") == "OPP"  # two: none
    assert code_of(nlp, "Police said two Iraqi soldiers were wounded.", "Police") == "IRQCOP"
    # A state acted upon or talked about is no home: the ministry is not Moscow's.
    assert code_of(nlp, "The ministry accused Moscow of lying.", "ministry") == "GOV"
    assert code_of(nlp, "Protesters rallied against the war in Ukraine.", "Protesters") == "OPP"


def test_a_noun_of_an_organisation_the_article_names_is_no_home_institution(nlp):
    text = "THE HAGUE, May 4 - The International Court of Justice opened hearings. The court will rule in June."
    assert code_of(nlp, text, "court") == "IGOUNOJUDICJ"  # the court named before, not the Dutch judiciary


def test_the_home_state_is_configurable(nlp, tmp_path: Path):
    off = tmp_path / "off.yaml"
    off.write_text("home_state: {sectors: []}\n", encoding="utf-8")
    assert code_of(nlp, HOME, "Police", kb=load_kb([off])) == "COP"


def test_a_bad_context_setting_names_the_file(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("state_from_context: everywhere\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match="state_from_context") as error:
        load_kb([bad])
    assert str(bad) in str(error.value)


def test_places_as_actors_reach_the_coded_events(nlp):
    body = "Kirkuk residents protested against the Iraqi government on Monday."
    result = analyse(Article(body=body, published="2015-06-01"), nlp(body))
    sources = {e.source.code for e in result.events}
    assert "IRQCVL" in sources


def test_an_unknown_name_with_a_sector_word_keeps_its_name(nlp):
    doc = nlp("The Refugee Council said the plan had failed.")
    actor = find_actors(doc, on="2015-06-01").actor_for(token(doc, "Council"))
    assert (actor.name, actor.country, actor.org) == ("Refugee Council", None, None)  # REF, placed nowhere
    doc = nlp("Pim Chaiwong, a 31-year-old nurse, spoke first.")  # spaCy tags no PERSON
    actor = find_actors(doc, on="2015-06-01").actor_for(token(doc, "Chaiwong"))
    assert actor is None or (actor.country is None and actor.name != "nurse")


def test_a_named_state_does_not_outweigh_a_far_larger_city_of_the_same_name():
    from eventwatch.pipeline import extract_text

    # Donetsk, Ukraine (900,000) against Donetsk, Russia (51,000), with only Russia named.
    (event,) = extract_text("Russia stepped up its offensive in Donetsk.", published="2024-05-10").events
    assert event.target.code == "UKR"


def test_a_city_tagged_as_a_person_is_a_place_after_a_preposition_of_place(parse):
    # The model tags "Kharkiv" PERSON here; after "to" a surname seldom stands.
    doc, layer = parse("The Red Cross delivered medical supplies to Kharkiv on Wednesday.")
    assert [e.label_ for e in doc.ents if e.text == "Kharkiv"] == ["PERSON"]
    assert layer.actor_for(token(doc, "Kharkiv")).code == "UKRCVL"


def test_an_election_commission_is_the_dateline_states(nlp):
    text = "YANGON, Feb 1 - The election commission rejected the army's fraud claims last week."
    assert code_of(nlp, text, "commission") == "MMRGOV"


def test_a_small_town_counts_when_the_article_names_its_region(nlp):
    text = "Israeli tanks fired shells at targets in Jericho, in a rare incident in the West Bank city."
    assert code_of(nlp, text, "Jericho") == "PSECVL"
