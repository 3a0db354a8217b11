"""The when/where stage on sentences written for these tests: real parses, real events.

Dates are chosen from the event's own clause first; places come from the clause and the
offline gazetteer. Articles are published on Friday 3 December 2021 unless said otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from eventwatch.actors import find_actors
from eventwatch.pipeline import extract_text
from eventwatch.when_where import DocDates, PlaceFinder
from eventwatch.when_where.dates import parse_published

FRIDAY = "2021-12-03"
SCHEMA = json.loads((Path(__file__).parent / "contract" / "extract.schema.json").read_text())


def event(text: str, verb: str, published: str | None = FRIDAY):
    result = extract_text(text, published=published)
    jsonschema.validate(result.to_dict(), SCHEMA)
    return next(e for e in result.events if e.verb == verb)


def when(text: str, verb: str, published: str | None = FRIDAY) -> tuple[str | None, str | None]:
    found = event(text, verb, published)
    return found.date, found.date_precision


def where(text: str, verb: str) -> tuple[str, str | None] | None:
    location = event(text, verb).location
    return (location.name, location.country) if location else None


def test_a_sentence_without_a_date_keeps_the_publication_date():
    assert when("Germany condemned the missile launch.", "condemned") == (FRIDAY, "day")
    assert when("Germany condemned the missile launch.", "condemned", "2021-12-03T09:30:00Z") == (FRIDAY, "day")


def test_a_historical_reference_gets_its_year():
    assert when("Russia annexed Crimea in 2014.", "annexed") == ("2014-01-01", "year")


def test_a_nominal_historical_reference_gets_its_year(nlp):
    """The event stage may not code "annexation" as an event: date its clause directly."""
    doc = nlp("Ukraine marked the anniversary of the annexation of Crimea in 2014.")
    annexation = next(t for t in doc if t.text == "annexation")
    value = DocDates(doc).date_of(annexation, parse_published(FRIDAY), future=False)
    assert (value.iso(), value.precision) == ("2014-01-01", "year")


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The French and German foreign ministers met in Geneva on Tuesday.", "met", ("2021-11-30", "day")),
        ("Russian forces shelled Kharkiv overnight.", "shelled", ("2021-12-02", "day")),
        ("Kenya sent humanitarian aid to Somalia last month.", "sent", ("2021-11-01", "month")),
        ("The president visited Warsaw in November.", "visited", ("2021-11-01", "month")),
        ("Germany expelled two Russian diplomats on 5 November.", "expelled", ("2021-11-05", "day")),
        ("Turkey launched air strikes on Kurdish militants last week.", "launched", ("2021-11-22", "week")),
        ("Ukraine will hold talks with Russia in Istanbul next Tuesday.", "hold", ("2021-12-07", "day")),
    ],
)
def test_event_dates_from_their_clause(text, verb, expected):
    assert when(text, verb) == expected


def test_each_event_takes_the_date_of_its_own_clause():
    text = "Russia annexed Crimea in 2014, and on Thursday Ukraine accused Moscow of aggression."
    assert when(text, "annexed") == ("2014-01-01", "year")
    assert when(text, "accused") == ("2021-12-02", "day")


def test_a_reporting_clause_dates_the_event_it_reports():
    text = "Ukraine said on Wednesday that Russian forces had attacked Mariupol."
    assert when(text, "attacked") == ("2021-12-01", "day")


def test_a_date_of_a_subordinate_clause_is_not_the_events():
    text = "Kyiv accused Moscow of massing troops near the border in late October."
    assert when(text, "accused") == (FRIDAY, "day")


def test_a_relative_clause_does_not_date_the_event(nlp):
    doc = nlp(
        "Putin, who annexed Crimea in 2014, warned NATO on Thursday. "
        "Putin, who annexed Crimea in 2014, warned NATO."
    )
    first, second = (t for t in doc if t.text == "warned")
    dates = DocDates(doc)
    assert dates.date_of(first, parse_published(FRIDAY), future=False).iso() == "2021-12-02"
    assert dates.date_of(second, parse_published(FRIDAY), future=False) is None  # the stage falls back to publication


def test_future_dates_only_for_future_events():
    assert when("Russia could invade Ukraine next month.", "invade") == (FRIDAY, "day")  # hypothetical, not future
    assert when("NATO will deploy troops to Poland next month.", "deploy") == ("2022-01-01", "month")


def test_year_boundary_in_the_pipeline():
    assert when("Malian rebels attacked an army post in December.", "attacked", "2022-01-05") == ("2021-12-01", "month")


def test_without_publication_date_only_absolute_dates():
    assert when("Malian rebels attacked an army post on Sunday.", "attacked", None) == (None, None)
    assert when("Malian rebels attacked an army post on 12 March 2022.", "attacked", None) == ("2022-03-12", "day")
    assert when("Malian rebels attacked an army post on Sunday.", "attacked", "not a date") == (None, None)


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The French and German foreign ministers met in Geneva on Tuesday.", "met", ("Geneva", "CHE")),
        ("Armenia and Azerbaijan signed a ceasefire agreement in Moscow.", "signed", ("Moscow", "RUS")),
        ("The president warned Moscow on the sidelines of a summit in Madrid.", "warned", ("Madrid", "ESP")),
        ("Militants attacked an army base near Gao in northern Mali.", "attacked", ("Gao", "MLI")),
        ("Police arrested 20 protesters at a rally in Kiev.", "arrested", ("Kyiv", "UKR")),
        ("Russian forces shelled Kharkiv overnight.", "shelled", ("Kharkiv", "UKR")),
        ("Malian rebels captured the town of Kidal.", "captured", ("Kidal", "MLI")),
        ("Russian troops attacked the city of Mariupol.", "attacked", ("Mariupol", "UKR")),
        ("The president visited Warsaw in November.", "visited", ("Warsaw", "POL")),
        ("Iran seized a tanker in the Strait of Hormuz.", "seized", ("Strait of Hormuz", None)),
        ("Islamic State attacked Kabul airport.", "attacked", ("Kabul", "AFG")),
    ],
)
def test_places_from_the_clause(text, verb, expected):
    assert where(text, verb) == expected


def test_regions_resolve_to_their_country_with_a_point():
    location = event("Russian troops shelled villages in the Donetsk region.", "shelled").location
    assert (location.name, location.country) == ("Donetsk region", "UKR")
    assert 47 < location.lat < 49 and 37 < location.lon < 39  # at Donetsk
    location = event("Turkey launched air strikes on Kurdish militants in northern Iraq.", "launched").location
    assert (location.name, location.country) == ("northern Iraq", "IRQ")
    assert 29 < location.lat < 38 and 38 < location.lon < 49  # inside Iraq


def test_same_named_cities_by_size_and_by_the_countries_of_the_article():
    assert where("Protesters rallied in Paris.", "rallied") == ("Paris", "FRA")
    assert where("Protesters rallied in Paris, Texas, on Friday.", "rallied") == ("Paris", "USA")
    text = "Lebanon said its troops clashed with gunmen in Tripoli."
    assert where(text, "clashed") == ("Tripoli", "LBN")
    assert where("Libyan militias clashed with gunmen in Tripoli.", "clashed") == ("Tripoli", "LBY")


def test_no_place_without_a_place_phrase():
    assert where("Germany expelled two Russian diplomats on 5 November.", "expelled") is None
    # the EU is an organisation, not the French town of Eu
    assert where("Hungary blocked EU aid to Ukraine.", "blocked") is None
    # a place of a subordinate clause is not the event's
    assert where("Kyiv accused Moscow of massing troops near Kharkiv.", "accused") is None


def test_the_place_finder_resolves_noun_phrases(nlp):
    doc = nlp("Fighting spread to the outskirts of Kiev and to eastern Ukraine.")
    finder = PlaceFinder(doc, find_actors(doc))
    places = [finder.mention(t) for t in doc if t.dep_ == "pobj"]
    names = [(p.location.name, p.location.country) for p in places if p]
    assert ("Kyiv", "UKR") in names and ("eastern Ukraine", "UKR") in names
