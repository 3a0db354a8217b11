"""Quote stage on short texts written for these tests: kinds, speakers, offsets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwatch.actors import find_actors
from eventwatch.quotes import find_quotes
from eventwatch.records import Quote


@pytest.fixture()
def quotes_of(nlp):
    def run(text: str) -> list[Quote]:
        doc = nlp(text)
        quotes = find_quotes(doc, find_actors(doc))
        for quote in quotes:
            assert text[quote.start : quote.end] == quote.text
        assert [q.id for q in quotes] == [f"q{n}" for n in range(1, len(quotes) + 1)]
        return quotes

    return run


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def only(quotes: list[Quote], kind: str) -> list[Quote]:
    return [q for q in quotes if q.kind == kind]


# Quotation marks and spans


def test_speaker_after_quote_with_audience_cue(quotes_of):
    (quote,) = quotes_of('"We will not back down," Foreign Minister Anna Lindqvist told reporters in Oslo.')
    assert (quote.kind, quote.text) == ("direct", "We will not back down,")
    assert speaker_name(quote) == "Anna Lindqvist"
    assert quote.cue == "told reporters"


def test_curly_marks_and_guillemets(quotes_of):
    quotes = quotes_of("\u201cWe will rebuild,\u201d the mayor said. \u00abNever again\u00bb, the crowd chanted.")
    assert [(q.text, speaker_name(q)) for q in quotes] == [("We will rebuild,", "mayor"), ("Never again", "crowd")]


def test_single_quotes_inside_double_belong_to_the_outer_quote(quotes_of):
    (quote,) = quotes_of("\"The colonel said 'hold the bridge', and we held it,\" Sergeant Ivan Dorosh said.")
    assert quote.text == "The colonel said 'hold the bridge', and we held it,"
    assert speaker_name(quote) == "Ivan Dorosh"


def test_quote_over_two_paragraphs_is_one_quote_with_its_speaker(quotes_of):
    text = (
        'The mayor of Mariupol, Vadym Boichenko, spoke late on Friday. "The water has been off for a week.\n\n'
        '"We are bringing tankers from Zaporizhzhia," Boichenko said.'
    )
    (quote,) = quotes_of(text)
    assert quote.text == 'The water has been off for a week.\n\n"We are bringing tankers from Zaporizhzhia,'
    assert quote.kind == "direct"
    assert speaker_name(quote) == "Vadym Boichenko"


def test_several_sentences_in_one_quote(quotes_of):
    (quote,) = quotes_of('"The road is closed. Nobody gets through," police commander Oleh Savchuk said.')
    assert quote.text == "The road is closed. Nobody gets through,"
    assert speaker_name(quote) == "Oleh Savchuk"


def test_brackets_and_ellipses_are_kept(quotes_of):
    (quote,) = quotes_of('"They promised [in May] to pay ... and vanished," the farmer Rosa Ibarra said.')
    assert quote.text == "They promised [in May] to pay ... and vanished,"
    assert speaker_name(quote) == "Rosa Ibarra"


def test_unbalanced_mark_does_not_raise_and_recovers_the_quote(quotes_of):
    text = 'The envoy said "this will end badly.\n\nNobody listened to the warnings.'
    quotes = quotes_of(text)
    assert any(q.text == "this will end badly." for q in quotes)


def test_misplaced_mark_still_gives_the_quote_and_its_speaker(quotes_of):
    text = 'Giorgi Tsereteli said the rally was calm until police moved in." Nobody came to fight," he said.'
    direct = only(quotes_of(text), "direct")
    assert [(q.text, speaker_name(q)) for q in direct] == [("Nobody came to fight,", "Giorgi Tsereteli")]


# Kinds


def test_partial_quote_inside_reporters_sentence(quotes_of):
    (quote,) = quotes_of('The ministry accused Moscow of "raising the combat readiness" of its troops.')
    assert quote.kind == "partial"
    assert quote.text == "raising the combat readiness"
    assert speaker_name(quote) == "ministry" and quote.cue == "accused"


def test_quote_after_its_verb_inside_a_sentence_is_partial(quotes_of):
    (quote,) = quotes_of('Protesters chanted "Go home!" as the convoy passed.')
    assert quote.kind == "partial"


def test_second_half_of_a_split_quote_is_direct(quotes_of):
    quotes = quotes_of('"We will talk," Premier Erik Dahl said, "but not under threat."')
    assert [(q.kind, speaker_name(q)) for q in quotes] == [("direct", "Erik Dahl"), ("direct", "Erik Dahl")]


def test_indirect_speech_with_that(quotes_of):
    (quote,) = quotes_of("Defence Minister Paolo Ferri said on Tuesday that the border talks had collapsed.")
    assert (quote.kind, quote.text) == ("indirect", "the border talks had collapsed")
    assert speaker_name(quote) == "Paolo Ferri"


def test_indirect_speech_after_the_clause(quotes_of):
    (quote,) = quotes_of("The convoy had turned back at the border, the envoy said.")
    assert (quote.kind, quote.text) == ("indirect", "The convoy had turned back at the border")
    assert speaker_name(quote) == "envoy"


def test_according_to_leading_and_trailing(quotes_of):
    first, second = quotes_of(
        "According to the health ministry, 40 people were injured in the blast. "
        "Three bridges were destroyed, according to local officials."
    )
    assert (first.kind, first.text, first.cue) == ("indirect", "40 people were injured in the blast", "According to")
    assert "ministry" in speaker_name(first)
    assert (second.text, second.speaker.mention) == ("Three bridges were destroyed", "local officials")


def test_implied_and_warned(quotes_of):
    implied, warned = quotes_of(
        "Senator Clara Obi implied that the funds had been diverted. "
        "Finance Minister Tomas Berg warned the deficit would double."
    )
    assert (implied.text, speaker_name(implied), implied.cue) == ("the funds had been diverted", "Clara Obi", "implied")
    assert (warned.text, speaker_name(warned), warned.cue) == ("the deficit would double", "Tomas Berg", "warned")


def test_indirect_clause_keeps_its_quoted_fragment_whole(quotes_of):
    indirect, partial = quotes_of('Spokesman Tobias Keller said the chancellor "has full confidence in the team".')
    assert indirect.text == 'the chancellor "has full confidence in the team"'
    assert (partial.kind, partial.text) == ("partial", "has full confidence in the team")
    assert speaker_name(indirect) == speaker_name(partial) == "Tobias Keller"


def test_questions_and_denials_are_not_reported_speech(quotes_of):
    assert quotes_of("The ministry did not say whether the troops had left.") == []


# Speaker positions


def test_speaker_before_quote_with_comma(quotes_of):
    (quote,) = quotes_of('Interior Minister Lena Stahl said, "Nobody will be deported this winter."')
    assert (quote.kind, speaker_name(quote)) == ("direct", "Lena Stahl")


def test_inverted_speaker(quotes_of):
    (quote,) = quotes_of('"Nobody in this room wants a war," said Jens Halvorsen, the alliance chief.')
    assert speaker_name(quote) == "Jens Halvorsen"
    assert quote.cue == "said"


def test_speaker_before_quote_with_colon(quotes_of):
    (quote,) = quotes_of('Prime Minister Maria Costa said: "We are ready to talk at any time."')
    assert quote.text == "We are ready to talk at any time."
    assert quote.kind == "direct"
    assert speaker_name(quote) == "Maria Costa"


def test_colon_lead_in_without_a_speech_verb(quotes_of):
    (quote,) = quotes_of('Chief Secretary Yuko Arai had a blunt message for the rebels: "Lay down your arms."')
    assert speaker_name(quote) == "Yuko Arai"


def test_speaker_in_the_sentence_before(quotes_of):
    text = 'Finance Minister Daniel Kiprono spoke for an hour. "Nobody likes taxes. I do not like them either."'
    (quote,) = quotes_of(text)
    assert quote.kind == "direct" and quote.cue is None
    assert speaker_name(quote) == "Daniel Kiprono"


def test_dash_attribution(quotes_of):
    (quote,) = quotes_of('"You stop sleeping at night." \u2014 Sergeant Taras Hnatiuk, a mortar crew commander.')
    assert speaker_name(quote) == "Taras Hnatiuk"
    assert quote.cue == "\u2014"


def test_carry_over_in_the_same_and_the_next_paragraph(quotes_of):
    text = (
        '"We have waited long enough," Defence Minister Yoav Mizrahi said. "The army is ready."\n\n'
        '"There is no timetable. There is a goal."'
    )
    quotes = quotes_of(text)
    assert [speaker_name(q) for q in quotes] == ["Yoav Mizrahi"] * 3
    assert [q.cue for q in quotes] == ["said", None, None]


def test_pronouns_resolve_by_gender(quotes_of):
    text = (
        "Former mayor Rodrigo Fuentes met Senator Camila Araya on Sunday. "
        '"He has never read a bill," she said. "She has no plan," he replied.'
    )
    quotes = quotes_of(text)
    assert [speaker_name(q) for q in quotes] == ["Camila Araya", "Rodrigo Fuentes"]
    assert [q.speaker.mention for q in quotes] == ["she", "he"]


def test_gender_from_a_title(quotes_of):
    text = 'Ms Okafor met Mr Dube in Lagos. "We agreed on nothing," she said.'
    (quote,) = quotes_of(text)
    assert speaker_name(quote) == "Okafor"


def test_pronoun_speaker_resolves_to_the_person(quotes_of):
    text = (
        "Defence Minister Paolo Ferri said the border talks had collapsed on Tuesday. "
        '"There is nothing left to discuss," he said.'
    )
    indirect, direct = quotes_of(text)
    assert speaker_name(direct) == "Paolo Ferri"
    assert direct.speaker.mention == "he"
    assert indirect.text == "the border talks had collapsed on Tuesday"
    assert speaker_name(indirect) == "Paolo Ferri"


def test_they_resolves_to_a_group(quotes_of):
    text = 'Aid workers in Darfur described the camps. "Families eat once a day," they said.'
    (quote,) = quotes_of(text)
    assert speaker_name(quote) == "Aid workers in Darfur" or speaker_name(quote).endswith("workers")


def test_it_resolves_to_an_organisation_and_the_ministry_to_its_full_name(quotes_of):
    text = (
        "Poland's foreign ministry summoned Belarus's envoy on Monday. "
        "The ministry said the incursions were deliberate. It warned that further flights would be shot down."
    )
    first, second = quotes_of(text)
    assert first.speaker.country == second.speaker.country == "POL"
    assert first.speaker.mention == "ministry" and second.speaker.mention == "It"


def test_organisation_and_thing_speakers(quotes_of):
    quotes = quotes_of(
        '"Our forces hold the airport," the army said in a statement. '
        "A video's voice-over states that the drones were shot down."
    )
    assert [speaker_name(q) for q in quotes] == ["army", "video's voice-over"]


def test_apposition_names_the_speaker(quotes_of):
    (quote,) = quotes_of('"We have enough food for two weeks," the agency\'s director, Ana Ribeiro, said.')
    assert speaker_name(quote) == "Ana Ribeiro"
    assert quote.speaker.mention == "agency's director, Ana Ribeiro"


def test_quoted_as_saying_names_the_one_quoted(quotes_of):
    (quote,) = quotes_of("State media quoted an unnamed official as saying that Minsk had no role.")
    assert speaker_name(quote).endswith("official")


def test_speaker_mention_keeps_title_and_affiliation(quotes_of):
    (quote,) = quotes_of('"There will be severe costs," U.S. Secretary of State Antony Blinken said.')
    assert quote.speaker.name == "Antony Blinken"
    assert quote.speaker.mention == "U.S. Secretary of State Antony Blinken"
    assert quote.speaker.code == "USAGOV"


def test_said_in_a_statement_that_is_reported_speech(quotes_of):
    (quote,) = quotes_of("The prosecutor said in a statement that the suspect had fled to Lyon.")
    assert (quote.kind, quote.text) == ("indirect", "the suspect had fled to Lyon")


def test_relative_clause_after_said_is_not_reported_speech(quotes_of):
    text = "Mayor Elena Voss showed reporters letters that she said proved the fraud."
    assert [q.text for q in quotes_of(text)] == []


def test_role_in_apposition_is_the_same_person(quotes_of):
    text = (
        "The order was signed by General Omar Diallo, a spokesman for the ruling council. "
        '"Our decision is final," he said.'
    )
    (quote,) = quotes_of(text)
    assert speaker_name(quote) == "Omar Diallo"


def test_a_short_name_is_the_full_name_given_earlier_even_surname_first(quotes_of):
    text = 'Foreign Minister Park Ji-hoon arrived in Tokyo on Monday. "We came to listen," Park said.'
    (quote,) = quotes_of(text)
    assert speaker_name(quote) == "Park Ji-hoon"


def test_lead_in_naming_the_speaker_inside_a_noun_phrase(quotes_of):
    quotes = quotes_of(
        'The reply from Commissioner Lena Moro was short: "No." '
        'Farmers gathered outside. Their demand was simple: "Fair prices."'
    )
    assert [speaker_name(q) for q in quotes] == ["Lena Moro", "Farmers"]


def test_affiliation_stays_in_the_mention_not_the_name(quotes_of):
    (quote,) = quotes_of("A source in the defence ministry said the jets had landed.")
    assert (speaker_name(quote), quote.speaker.mention) == ("source", "source in the defence ministry")


ARTICLE = (
    "Ukraine's foreign minister, Dmytro Salenko, said on Monday that talks with Moscow had stalled.\n\n"
    '"We are ready to meet anywhere," he told reporters in Kyiv. "But not at gunpoint."\n\n'
    "The Kremlin's spokesman called the remarks \u201ctheatre\u201d and said Russia's position had not changed."
)
MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u2014"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(ARTICLE)), st.sampled_from(MARKS)), min_size=1, max_size=5))
def test_random_marks_in_an_article_never_raise(quotes_of, insertions):
    text = ARTICLE
    for position, mark in sorted(insertions, reverse=True):
        text = text[:position] + mark + text[position:]
    quotes_of(text)  # checks every offset against the text
