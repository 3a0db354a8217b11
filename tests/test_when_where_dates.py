"""Date expressions and their resolution against a publication date (no parsing needed).

Each case is a phrase as it appears in news text, the publication date, whether the
event is in the future tense, and the expected (first day of the period, precision).
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from eventwatch.when_where.dates import _patterns, find_dates, parse_published
from tests.conftest import ROOT

FRIDAY = date(2021, 12, 3)  # a Friday
JAN_5 = date(2022, 1, 5)  # a Wednesday, just after the year boundary


def resolved(text: str, published: date | None, future: bool = False) -> tuple[str, str] | None:
    (mention,) = find_dates(text)
    value = mention.resolve(published, future)
    return (value.iso(), value.precision) if value else None


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        # weekdays: the latest on or before publication; with the future tense the next
        ("The talks took place on Friday.", False, ("2021-12-03", "day")),
        ("The ministers met on Tuesday.", False, ("2021-11-30", "day")),
        ("The ministers will meet on Tuesday.", True, ("2021-12-07", "day")),
        ("Police fired tear gas on Thursday night.", False, ("2021-12-02", "day")),
        ("The envoy arrived last Friday.", False, ("2021-11-26", "day")),
        ("The leaders will meet next Tuesday.", True, ("2021-12-07", "day")),
        # days named by their distance from publication
        ("Rebels attacked the town yesterday.", False, ("2021-12-02", "day")),
        ("The president spoke today.", False, ("2021-12-03", "day")),
        ("Protesters gathered tonight.", False, ("2021-12-03", "day")),
        ("Missiles struck the city overnight.", False, ("2021-12-02", "day")),
        ("The army fired shells last night.", False, ("2021-12-02", "day")),
        ("The minister resigned this morning.", False, ("2021-12-03", "day")),
        ("The talks resume tomorrow.", True, ("2021-12-04", "day")),
        ("The rebels withdrew two days ago.", False, ("2021-12-01", "day")),
        # weeks, months and years relative to publication
        ("The EU imposed sanctions last week.", False, ("2021-11-22", "week")),
        ("Kyiv protested earlier this week.", False, ("2021-11-29", "week")),
        ("The alliance deployed ships last month.", False, ("2021-11-01", "month")),
        ("Troops arrived earlier this month.", False, ("2021-12-01", "month")),
        ("The government fell last year.", False, ("2020-01-01", "year")),
        ("Elections are due early next year.", True, ("2022-01-01", "year")),
        ("The army withdrew three weeks ago.", False, ("2021-11-08", "week")),
        ("Police made arrests over the weekend.", False, ("2021-11-22", "week")),
        ("The envoy visited Kyiv at the start of the week.", False, ("2021-11-29", "week")),
        # month names: the latest such month; the next one with the future tense
        ("The ceasefire collapsed in November.", False, ("2021-11-01", "month")),
        ("Fighting resumed in mid-October.", False, ("2021-10-01", "month")),
        ("The talks failed in March.", False, ("2021-03-01", "month")),
        ("The summit will be held in March.", True, ("2022-03-01", "month")),
        ("Russia held drills last December.", False, ("2020-12-01", "month")),
        ("The parties signed the deal in November 2019.", False, ("2019-11-01", "month")),
        ("The accord was reached in March of 2015.", False, ("2015-03-01", "month")),
        # explicit dates in the usual formats
        ("Germany expelled two diplomats on 5 November.", False, ("2021-11-05", "day")),
        ("The deal was signed on November 5, 2019.", False, ("2019-11-05", "day")),
        ("The deal was signed on Nov. 5, 2019.", False, ("2019-11-05", "day")),
        ("The deal was signed on the 5th of November 2019.", False, ("2019-11-05", "day")),
        ("The deal was signed on 2019-11-05.", False, ("2019-11-05", "day")),
        ("The deal was signed on 05.11.2019.", False, ("2019-11-05", "day")),
        ("The deal was signed on 11/5/2019.", False, ("2019-11-05", "day")),
        ("The deal was signed on 25/11/2019.", False, ("2019-11-25", "day")),
        ("North Korea fired a missile on New Year's Day.", False, ("2021-01-01", "day")),
        # years
        ("Russia annexed Crimea in 2014.", False, ("2014-01-01", "year")),
        ("Sanctions have been in place since 2014.", False, ("2014-01-01", "year")),
        # ranges: the start of the range
        ("The talks ran from 3 to 5 November.", False, ("2021-11-03", "day")),
        ("The drills ran on November 3-5, 2020.", False, ("2020-11-03", "day")),
        ("The summit took place 29-30 November.", False, ("2021-11-29", "day")),
    ],
)
def test_expressions_resolve_against_the_publication_date(text, future, expected):
    assert resolved(text, FRIDAY, future) == expected


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Rebels attacked the base in December.", False, ("2021-12-01", "month")),
        ("The ceasefire was agreed on 29 December.", False, ("2021-12-29", "day")),
        ("The army said it had withdrawn last month.", False, ("2021-12-01", "month")),
        ("The alliance expanded last year.", False, ("2021-01-01", "year")),
        ("Elections will be held in December.", True, ("2022-12-01", "month")),
        ("The talks were held on Monday.", False, ("2022-01-03", "day")),
        ("Troops clashed last week.", False, ("2021-12-27", "week")),
    ],
)
def test_year_boundary_article_of_5_january(text, future, expected):
    assert resolved(text, JAN_5, future) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The leaders meet next Tuesday.",
        "The vote is due next month.",
        "Talks resume tomorrow.",
        "Troops withdraw in 2023.",
    ],
)
def test_a_future_date_needs_the_future_tense(text):
    assert resolved(text, FRIDAY, future=False) is None
    assert resolved(text, FRIDAY, future=True) is not None


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert resolved("Rebels attacked on Friday.", None) is None
    assert resolved("The ceasefire collapsed in November.", None) is None
    assert resolved("Russia annexed Crimea in 2014.", None) == ("2014-01-01", "year")
    assert resolved("The deal was signed on 5 November 2019.", None) == ("2019-11-05", "day")
    assert resolved("The parties met in March 2016.", None) == ("2016-03-01", "month")


@pytest.mark.parametrize(
    "text",
    [
        "Russia may impose new sanctions.",  # "May" the modal verb
        "Thousands joined the march.",
        "The council adopted Resolution 2014.",
        "The army sent 2,014 troops.",
        "Fighting in the 1990s left scars.",
        "The ministry said prices rose 2014 percent.",
    ],
)
def test_words_that_are_not_dates(text):
    assert find_dates(text) == []


def test_mentions_carry_their_offsets_and_longest_form():
    text = "On Friday, 3 December 2021, the ministers met."
    mentions = find_dates(text)
    assert [text[m.start : m.end] for m in mentions] == ["Friday", "3 December 2021"]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2021-12-03", date(2021, 12, 3)),
        ("2021-12-03T08:15:00Z", date(2021, 12, 3)),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_publication_dates_are_read_leniently(published, expected):
    assert parse_published(published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks opened on 3 March 2021. The following day the delegations walked out.", ("2021-03-04", "day")),
        ("Rebels shelled the town on Monday. A day earlier, troops had withdrawn.", ("2021-11-28", "day")),
        ("The ceasefire began on Thursday. The next morning it collapsed.", ("2021-12-03", "day")),
        ("Rebels entered the town on Monday. Hours later, troops withdrew.", ("2021-11-29", "day")),
        ("The vote was held on 5 November. Later that day, protests began.", ("2021-11-05", "day")),
    ],
)
def test_days_counted_from_the_day_said_before(text, expected):
    _, second = find_dates(text)
    value = second.resolve(FRIDAY, future=False)
    assert (value.iso(), value.precision) == expected


def test_the_next_day_without_a_day_before_it_is_no_date():
    assert find_dates("The delegations walked out the next day.") == []
    assert [m.text for m in find_dates("The talks began in March. The next day they ended.")] == ["March"]



def test_quick_searches_find_the_part_every_match_contains():
    """A pattern runs only when its quick search finds something, so every match of it, in
    the evaluation texts and a few more, must contain what the quick search looks for."""
    texts = ["three weeks ago", "Two years ago, in early March 2019", "last November", "mid-October", "on 5 May"]
    for path in sorted((ROOT / "eval" / "data" / "when_where").glob("*.yaml")):
        texts += [article["text"] for article in yaml.safe_load(path.read_text("utf-8"))["articles"]]
    checked = 0
    for pattern, _, needed in _patterns().table:
        for match in (m for text in texts for m in pattern.finditer(text)) if needed is not None else ():
            assert needed.search(match.group(0)), (pattern.pattern, match.group(0))
            checked += 1
    assert checked > 20
