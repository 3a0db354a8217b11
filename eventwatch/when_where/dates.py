"""Date expressions in English news and the day, week, month or year each one names.

`find_dates(text)` finds expressions ("on Friday", "last week", "in November", "5 March
2022", "in 2014"); each `DateMention` resolves against the publication date and the
event's tense. A period is given by its first day (a week by its Monday) with its
precision, so dates stay sortable and comparable however precise they are.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwatch.nlp import sentence_of
from eventwatch.records import DatePrecision
from eventwatch.when_where.clause import Attachment, attachment
from eventwatch.when_where.wordlists import read_yaml, words

# How specific a precision is: finer wins when two expressions compete.
PRECISION_RANK: dict[str, int] = {"day": 3, "week": 2, "month": 1, "year": 0}
UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DateValue:
    """A period: its first day and how long it is."""

    day: date
    precision: DatePrecision

    def iso(self) -> str:
        return self.day.isoformat()


# (publication date or None, future tense) -> the period named, or None when it cannot be known.
Resolver = Callable[[date | None, bool], DateValue | None]


@dataclass(frozen=True)
class DateMention:
    """A date expression at character offsets [start, end) of the text it was found in.

    `absolute` expressions (a year is written) need no publication date.
    """

    start: int
    end: int
    text: str
    precision: DatePrecision
    absolute: bool
    resolver: Resolver
    after_previous: int | None = None  # "the next day": days from the date expression before it

    def resolve(self, published: date | None, future: bool) -> DateValue | None:
        """The period named; None if it needs a publication date that is unknown, lies
        after publication while the event is not in the future tense, or falls outside
        the calendar (years 1-9999)."""
        if published is None and not self.absolute:
            return None
        try:
            value = self.resolver(published, future)
        except (OverflowError, ValueError):  # "tomorrow" of 9999-12-31, "last year" of year 1
            return None
        if value is None or (published and not future and value.day > published):
            return None
        return value


def period(day: date, precision: DatePrecision) -> DateValue:
    """The period of `precision` that contains `day`."""
    if precision == "week":
        day -= timedelta(days=day.weekday())
    elif precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return DateValue(day, precision)


def shifted(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units; a month or year moved lands on the 1st of its month."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = day.year * 12 + day.month - 1 + (count * 12 if unit == "year" else count)
    return date(months // 12, months % 12 + 1, 1)


def nearest_weekday(published: date, weekday: int, shift: int | None, future: bool) -> date:
    """ "Friday": the latest on or before publication, or with the future tense the first on
    or after it; "last Friday" is strictly before, "next Friday" strictly after."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if not shift:
        return published + timedelta(days=ahead) if future else published - timedelta(days=back)
    return published - timedelta(days=back or 7) if shift < 0 else published + timedelta(days=ahead or 7)


def month_near(published: date, month: int, shift: int | None, future: bool) -> date:
    """ "In November": the latest November up to publication, or with the future tense the
    next one from it; "last November" and "next November" leave out the current month."""
    forward = shift > 0 if shift else future
    strict = bool(shift)
    year = published.year
    if forward and (month < published.month or strict and month == published.month):
        year += 1
    elif not forward and (month > published.month or strict and month == published.month):
        year -= 1
    return date(year, month, 1)


def day_of_month_near(published: date, month: int, day: int, future: bool) -> date | None:
    """ "On 5 November" without a year: the latest such day up to publication, or with the
    future tense the first from it; None for a day the month does not have."""
    try:
        found = date(published.year, month, day)
        if future and found < published:
            found = found.replace(year=found.year + 1)
        elif not future and found > published:
            found = found.replace(year=found.year - 1)
    except ValueError:
        return None
    return found


@dataclass(frozen=True)
class DateWords:
    days: dict[str, int]
    holidays: dict[str, tuple[int, int]]
    shifts: dict[str, int]
    edges: tuple[str, ...]
    period_edges: tuple[str, ...]
    day_parts: tuple[str, ...]
    weekend: tuple[str, ...]
    numbers: dict[str, int]
    days_after_previous: dict[str, int]
    month_cues: frozenset[str]
    ambiguous_months: frozenset[str]
    not_years: frozenset[str]


@lru_cache(maxsize=1)
def load_date_words() -> DateWords:
    source = "dates.yaml"
    raw = read_yaml(source)
    return DateWords(
        days={k.lower(): int(v) for k, v in raw["days"].items()},
        holidays={k.lower(): (int(v[0]), int(v[1])) for k, v in raw["holidays"].items()},
        shifts={k.lower(): int(v) for k, v in raw["shifts"].items()},
        edges=tuple(words(raw, "edges", source)),
        period_edges=tuple(words(raw, "period_edges", source)),
        day_parts=tuple(words(raw, "day_parts", source)),
        weekend=tuple(words(raw, "weekend", source)),
        numbers={str(k).lower(): int(v) for k, v in raw["numbers"].items()},
        days_after_previous={k.lower(): int(v) for k, v in raw["days_after_previous"].items()},
        month_cues=frozenset(words(raw, "month_cues", source)),
        ambiguous_months=frozenset(words(raw, "ambiguous_months", source)),
        not_years=frozenset(words(raw, "not_years", source)),
    )


def _alternation(words: Iterable[str]) -> str:
    """A case-blind regex alternation, longest first so that "last night" is tried before
    "last"; any spacing between words, either apostrophe."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for w in ordered) + ")"


def _phrase_key(text: str) -> str:
    """A matched phrase as written in the word lists: lower case, single spaces, straight apostrophe."""
    return " ".join(text.lower().replace("\u2019", "'").split())


MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
FULL_MONTH = "|".join(name for name in calendar.month_name if name)
SHORT_MONTH = "|".join([*(name for name in calendar.month_abbr if name), "Sept"])
ANY_MONTH = rf"(?P<month>{FULL_MONTH}|(?:{SHORT_MONTH})\.?)"
WEEKDAY = "|".join(calendar.day_name)
YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "3-5 November", "3 to 5 November": the range starts at the first day.
RANGE_END = r"(?:\s*(?:-|–|—|to|and|until)\s*[0-3]?\d(?:st|nd|rd|th)?)?"
OPTIONAL_YEAR = rf"(?:,?\s+{YEAR})?"
END = r"(?!\w|-\d)"
UNIT = r"(?P<unit>(?i:week|month|year))"
# A year alone: not part of a number, an amount or a decade ("2,014", "$2014", "the 1990s").
LONE_YEAR = rf"(?<![\d,.$£€-])\b{YEAR}\b(?!s\b|'s\b|,\d|\.\d|\s*(?:%|percent))"


class _Patterns:
    """The compiled expressions, each with the method that turns a match into a mention."""

    def __init__(self, words: DateWords) -> None:
        self.words = words
        shift = rf"(?P<shift>{_alternation(words.shifts)})"
        edge = rf"(?P<edge>{_alternation(words.edges)})[\s-]+"
        count = rf"(?P<count>\d+|{_alternation(words.numbers)})"
        part = rf"(?P<part>{_alternation(words.day_parts)})"
        # Each pattern, the method that builds its mention and, for the slowest, a part that
        # every match of it contains, searched for first (see `find`).
        patterns: list[tuple[str, Callable[[re.Match[str]], DateMention | None], str | None]] = [
            (rf"\b{YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d){END}", self._iso, None),
            (rf"\b(?P<first>[0-3]?\d)(?P<sep>[./])(?P<second>[01]?\d)(?P=sep){YEAR}{END}", self._numeric, None),
            (rf"\b{DAY}{RANGE_END}\s+(?:of\s+)?{ANY_MONTH}{OPTIONAL_YEAR}{END}", self._day_month, None),
            (rf"\b{ANY_MONTH}\s+{DAY}(?!\d){RANGE_END}{OPTIONAL_YEAR}{END}", self._day_month, None),
            (rf"\b{ANY_MONTH}(?:\s+of)?,?\s+{YEAR}{END}", self._month_year, None),
            (rf"\b(?:{shift}\s+|{edge})?(?P<month>{FULL_MONTH})\b", self._month, FULL_MONTH),
            (rf"\b(?:{shift}\s+)?(?P<weekday>{WEEKDAY})(?:\s+{part})?\b", self._weekday, None),
            (rf"\b{_alternation(words.days)}\b", self._day_word, None),
            (rf"\b{_alternation(words.holidays)}\b", self._holiday, None),
            (rf"\b{_alternation(words.days_after_previous)}\b", self._after_previous, None),
            (rf"\b{count}\s+(?P<unit>(?i:{'|'.join(UNITS)}))s?\s+(?i:ago)\b", self._ago, "(?i:ago)"),
            (rf"\b(?:{edge})?{shift}\s+{UNIT}{END}", self._period, None),
            (rf"\b{_alternation(words.period_edges)}\s+(?:{shift}|(?i:the))\s+{UNIT}{END}", self._period, None),
            (rf"\b{_alternation(words.weekend)}\b", self._weekend, None),
            (LONE_YEAR, self._year, None),
        ]
        self.table = [
            (re.compile(pattern), build, re.compile(needed) if needed else None)
            for pattern, build, needed in patterns
        ]

    def find(self, text: str) -> list[DateMention]:
        """Non-overlapping mentions in text order; the longer of two overlapping ones wins.
        A pattern that opens with an optional part is tried at every character: where a part
        every match contains is known, the pattern runs only when a quick search finds that
        part in the text (a month name, "ago"), which is most often not there."""
        found = [
            m
            for pattern, build, needed in self.table
            if needed is None or needed.search(text)
            for match in pattern.finditer(text)
            if (m := build(match))
        ]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[DateMention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return self._anchored(kept)

    @staticmethod
    def _anchored(mentions: list[DateMention]) -> list[DateMention]:
        """ "The next day" counts from the date expression before it, when that names a day;
        without one it names nothing and is dropped."""
        anchored: list[DateMention] = []
        for mention in mentions:
            if mention.after_previous is not None:
                previous = anchored[-1] if anchored and anchored[-1].precision == "day" else None
                if previous is None:
                    continue
                mention = replace(mention, absolute=previous.absolute, resolver=_days_after(previous, mention.after_previous))
            anchored.append(mention)
        return anchored

    @staticmethod
    def _mention(match: re.Match[str], precision: DatePrecision, absolute: bool, resolver: Resolver) -> DateMention:
        return DateMention(match.start(), match.end(), match.group(0), precision, absolute, resolver)

    def _word_before(self, match: re.Match[str]) -> str:
        before = match.string[max(0, match.start() - 20) : match.start()].split()
        return before[-1].lower() if before else ""

    def _fixed(self, match: re.Match[str], year: int, month: int, day: int | None) -> DateMention | None:
        try:
            value = DateValue(date(year, month, day or 1), "day" if day else "month")
        except ValueError:
            return None
        return self._mention(match, value.precision, True, lambda published, future: value)

    def _iso(self, match: re.Match[str]) -> DateMention | None:
        return self._fixed(match, int(match["year"]), int(match["month"]), int(match["day"]))

    def _numeric(self, match: re.Match[str]) -> DateMention | None:
        """5.11.2021 is day.month; 11/5/2021 is month/day unless the first number cannot be a month."""
        first, second = int(match["first"]), int(match["second"])
        day, month = (first, second) if match["sep"] == "." or first > 12 else (second, first)
        return self._fixed(match, int(match["year"]), month, day)

    def _day_month(self, match: re.Match[str]) -> DateMention | None:
        month, day = MONTHS[match["month"].rstrip(".").lower()], int(match["day"])
        if match["year"]:
            return self._fixed(match, int(match["year"]), month, day)
        return self._yearless(match, month, day)

    def _yearless(self, match: re.Match[str], month: int, day: int) -> DateMention | None:
        """A day of a month with no year written: the one nearest publication."""
        if not 1 <= day <= 31:
            return None

        def resolve(published: date | None, future: bool) -> DateValue | None:
            found = day_of_month_near(published, month, day, future)
            return DateValue(found, "day") if found else None

        return self._mention(match, "day", False, resolve)

    def _after_previous(self, match: re.Match[str]) -> DateMention:
        mention = self._mention(match, "day", False, lambda published, future: None)
        return replace(mention, after_previous=self.words.days_after_previous[_phrase_key(match.group(0))])

    def _holiday(self, match: re.Match[str]) -> DateMention | None:
        return self._yearless(match, *self.words.holidays[_phrase_key(match.group(0))])

    def _month_year(self, match: re.Match[str]) -> DateMention | None:
        return self._fixed(match, int(match["year"]), MONTHS[match["month"].rstrip(".").lower()], None)

    def _shift(self, match: re.Match[str]) -> int | None:
        return self.words.shifts[match["shift"].lower()] if match["shift"] else None

    def _month(self, match: re.Match[str]) -> DateMention | None:
        name = match["month"].lower()
        if not (match["shift"] or match["edge"]) and name in self.words.ambiguous_months:
            if self._word_before(match) not in self.words.month_cues:
                return None
        month, shift = MONTHS[name], self._shift(match)

        def resolve(published: date | None, future: bool) -> DateValue:
            return DateValue(month_near(published, month, shift, future), "month")

        return self._mention(match, "month", False, resolve)

    def _weekday(self, match: re.Match[str]) -> DateMention:
        weekday, shift = WEEKDAYS[match["weekday"].lower()], self._shift(match)

        def resolve(published: date | None, future: bool) -> DateValue:
            return DateValue(nearest_weekday(published, weekday, shift, future), "day")

        return self._mention(match, "day", False, resolve)

    def _day_word(self, match: re.Match[str]) -> DateMention:
        offset = self.words.days[_phrase_key(match.group(0))]

        def resolve(published: date | None, future: bool) -> DateValue:
            return DateValue(published + timedelta(days=offset), "day")

        return self._mention(match, "day", False, resolve)

    def _ago(self, match: re.Match[str]) -> DateMention:
        written = match["count"].lower()
        count = int(written) if written.isdigit() else self.words.numbers[written]
        return self._moved(match, match["unit"].lower(), -count)

    def _period(self, match: re.Match[str]) -> DateMention:
        return self._moved(match, match["unit"].lower(), self._shift(match) or 0)

    def _moved(self, match: re.Match[str], unit: DatePrecision, count: int) -> DateMention:
        """The week, month or year `count` of them from publication ("last week", "two years ago")."""
        def resolve(published: date | None, future: bool) -> DateValue:
            return period(shifted(published, unit, count), unit)

        return self._mention(match, unit, False, resolve)

    def _weekend(self, match: re.Match[str]) -> DateMention:
        """The week of the latest Saturday ("over the weekend"; strictly before with "last"),
        or with the future tense of the next one."""
        shift = self.words.shifts.get(match.group(0).split()[0].lower())
        past = shift is not None and shift < 0

        def resolve(published: date | None, future: bool) -> DateValue:
            saturday = nearest_weekday(published, calendar.SATURDAY, shift if past else None, future and not past)
            return period(saturday, "week")

        return self._mention(match, "week", False, resolve)

    def _year(self, match: re.Match[str]) -> DateMention | None:
        if self._word_before(match).rstrip(".") in self.words.not_years:
            return None
        value = DateValue(date(int(match["year"]), 1, 1), "year")
        return self._mention(match, "year", True, lambda published, future: value)


def _days_after(previous: DateMention, days: int) -> Resolver:
    def resolve(published: date | None, future: bool) -> DateValue | None:
        base = previous.resolve(published, future)
        return DateValue(base.day + timedelta(days=days), "day") if base else None

    return resolve


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns(load_date_words())


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in `text`, in order, without overlaps."""
    return _patterns().find(text)


class DocDates:
    """The date expressions of one doc with their head tokens, and the choice of an event's date."""

    def __init__(self, doc: Doc) -> None:
        self._by_sentence: dict[int, list[tuple[DateMention, Token]]] = defaultdict(list)
        for mention in find_dates(doc.text):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                self._by_sentence[sentence_of(span.root).start].append((mention, span.root))

    def date_of(self, trigger: Token, published: date | None, future: bool) -> DateValue | None:
        """The period the event of `trigger` happened in, from its own clause first, then
        the clause governing it, then the rest of its sentence. Within a clause the most
        precise expression wins, then the first ("from 3 to 5 May"); elsewhere in the
        sentence the nearest. An infinitive's date counts only when it names the same period
        in past and future ("agreed to meet on Friday" is a future Friday, "offered to mediate
        last week" is not). None when the sentence dates nothing resolvable."""
        ranked = []
        for mention, head in self._by_sentence.get(sentence_of(trigger).start, []):
            how = attachment(head, trigger)
            if how is None:
                continue
            distance = abs(head.i - trigger.i) if how == Attachment.SENTENCE else 0
            ranked.append(((how, -PRECISION_RANK[mention.precision], distance, mention.start), mention))
        for (how, *_), mention in sorted(ranked, key=lambda item: item[0]):
            value = mention.resolve(published, future)
            if how == Attachment.COMPLEMENT and value != mention.resolve(published, not future):
                continue
            if value is not None:
                return value
        return None


def parse_published(published: str | None) -> date | None:
    """The date part of an ISO publication date or datetime; None when absent or invalid."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
