"""Quotation marks paired by a character scan, never by the parser.

Double marks (straight, curly, low-high, guillemets) open quotes; inside them
every other mark, single quotes included, is part of the quoted words. Single
marks (curly and straight) open a quote only at the top level and only where
they cannot be an apostrophe. The scan never raises and recovers what it can:

- a paragraph that ends inside a quote continues the quote when the next
  paragraph opens with a mark of the same family (the newspaper convention);
  otherwise the quote ends with its paragraph;
- a new opening mark met inside an open quote means the earlier one was never
  closed: the earlier quote ends there and the new one starts;
- closing marks with nothing open are ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# Opening mark -> the marks that may close it.
DOUBLE_CLOSERS = {
    '"': '"\u201d',
    "\u201c": "\u201d\"",
    "\u201e": "\u201c\u201d",
    "\u00ab": "\u00bb",
}
SINGLE_CLOSERS = {"\u2018": "\u2019", "'": "'\u2019", "\u2039": "\u203a"}
CLOSERS = DOUBLE_CLOSERS | SINGLE_CLOSERS
CLOSING_MARKS = frozenset("".join(CLOSERS.values()))
OPENING_MARKS = "".join(CLOSERS)
# What may stand right before an opening straight mark.
OPEN_AFTER = set(" \t\n([{\u2014\u2013-/:") | set(DOUBLE_CLOSERS)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
LINE_BREAK = re.compile(r"\n\s*")
SENTENCE_END = ".?!\u2026"


@dataclass(frozen=True)
class QuoteSpan:
    """Character offsets of the quoted words, first word to last word, marks excluded.

    A quote running over paragraphs keeps its inner breaks and re-opening marks.
    """

    start: int
    end: int


class QuoteIndex:
    """Where the quotes of one text are, so that a lookup costs no scan of every quote.

    `spans` are find_quote_spans' result: in text order, none overlapping. A quote's
    marks are taken as the character either side of its span.
    """

    def __init__(self, text: str, spans: list[QuoteSpan]) -> None:
        self.spans = spans
        self.starts = [s.start for s in spans]
        self.ends = [s.end for s in spans]
        self._quoted = bytearray(len(text) + 1)
        for span in spans:
            start, end = max(span.start - 1, 0), min(span.end + 1, len(text) + 1)
            self._quoted[start:end] = b"\x01" * (end - start)

    def on_quote(self, offset: int) -> bool:
        """Inside a quote or on one of its marks."""
        return bool(self._quoted[offset])

    def start_between(self, low: int, high: int) -> bool:
        """Whether a quote starts strictly between the offsets."""
        return any_between(self.starts, low, high)

    def last_start_before(self, offset: int) -> int | None:
        at = bisect_left(self.starts, offset)
        return self.starts[at - 1] if at else None

    def first_start_after(self, offset: int) -> int | None:
        at = bisect_right(self.starts, offset)
        return self.starts[at] if at < len(self.starts) else None

    def touching(self, start: int, end: int) -> list[QuoteSpan]:
        """The quotes whose words or marks overlap the characters from `start` to `end`."""
        return self.spans[bisect_left(self.ends, start) : bisect_right(self.starts, end)]


def any_between(offsets: list[int], low: int, high: int) -> bool:
    """Whether a sorted list holds an offset strictly between `low` and `high`."""
    at = bisect_right(offsets, low)
    return at < len(offsets) and offsets[at] < high


def any_within(offsets: list[int], low: int, high: int) -> bool:
    """Whether a sorted list holds an offset from `low` to `high`, both included."""
    at = bisect_left(offsets, low)
    return at < len(offsets) and offsets[at] <= high


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, in order; never raises on stray or unbalanced marks."""
    return _Scanner(text).run()


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[QuoteSpan] = []
        self.opener = ""  # the mark of the open quote, "" when none is open
        self.open_at = 0  # offset just after it

    def run(self) -> list[QuoteSpan]:
        text, i = self.text, 0
        while i < len(text):
            i = self._step(i)
        if self.opener in DOUBLE_CLOSERS:
            self._emit(len(text))
        return [s for s in self.spans if any(ch.isalnum() for ch in text[s.start : s.end])]

    def _step(self, i: int) -> int:
        """Handle the character at `i`; return the next offset to look at."""
        text, ch = self.text, self.text[i]
        if not self.opener:
            if ch in CLOSERS and self._can_open(i):
                self._open(i)
            return i + 1
        if ch == "\n":
            return self._line_break(i)
        if ch in CLOSERS[self.opener] and self._can_close(i):
            self._emit(i)
            self.opener = ""
            return i + 1
        if self._is_family(ch) and ch in CLOSERS and self._can_open(i) and text[i + 1 : i + 2].isalnum():
            self._emit(i)  # the earlier quote was never closed
            self._open(i)
        return i + 1

    def _line_break(self, i: int) -> int:
        """A paragraph break ends the open quote unless the next paragraph re-opens it;
        a single line break (hard-wrapped text) only continues it."""
        text = self.text
        paragraph = PARAGRAPH_BREAK.match(text, i)
        after = (paragraph or LINE_BREAK.match(text, i)).end()
        reopens = after < len(text) and self._is_family(text[after]) and text[after] in CLOSERS
        if reopens and (paragraph or text[:i].rstrip()[-1:] in SENTENCE_END):
            return after + 1  # one quote over paragraphs: skip the re-opening mark
        if paragraph:
            if self.opener in DOUBLE_CLOSERS:
                self._emit(i)
            self.opener = ""
        return after

    def _is_family(self, mark: str) -> bool:
        return (mark in DOUBLE_CLOSERS) == (self.opener in DOUBLE_CLOSERS)

    def _open(self, i: int) -> None:
        self.opener, self.open_at = self.text[i], i + 1

    def _emit(self, end: int) -> None:
        start = self.open_at
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            self.spans.append(QuoteSpan(start, end))

    def _can_open(self, i: int) -> bool:
        """Curly double marks and guillemets always open; straight and single marks only
        at a word's start, and single marks only before a letter (not "'90s")."""
        text, ch = self.text, self.text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1 : i + 2]
        if ch in ("\u201c", "\u201e", "\u00ab"):
            return True
        if ch == '"':
            return (before in OPEN_AFTER and after not in ("", " ", "\n")) or self._misplaced_opener(i)
        return (before in OPEN_AFTER or before in "\u201c\"") and after.isalpha()

    def _misplaced_opener(self, i: int) -> bool:
        """ 'moved in." Nobody came': a mark glued to the sentence before, opening the next."""
        text = self.text
        return i > 0 and text[i - 1] in SENTENCE_END and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].isupper()

    def _can_close(self, i: int) -> bool:
        """A single mark followed by a letter is an apostrophe ("don't"); a straight double
        mark between a space and a word opens rather than closes."""
        text = self.text
        before = text[i - 1] if i else " "
        after = text[i + 1 : i + 2]
        if self.opener in SINGLE_CLOSERS:
            return not after.isalnum() and not before.isspace()
        if text[i] == '"':
            return not (before.isspace() and after.isalnum())
        return True
