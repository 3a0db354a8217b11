"""Quotes in quotation marks: their kind and their speaker.

The speaker is looked for in this order, the first that names one wins:
1. a reporting verb in the quote's own sentence ("he said", "said Lavrov",
   "Kishida said: ...", "according to the ministry");
2. a dash attribution right after the closing mark ("— General Ivan Petrov");
3. for a fragment inside the reporter's sentence, the verb that frames it
   ("accused Moscow of "..."", "what it calls "..."");
4. the sentence before: the speaker of a quote there (carry-over), a lead-in
   ending with a colon, or the person or body that is its subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from eventwatch.coref import MODIFIER_DEPS, QuoteLookup, sentence_of
from eventwatch.quotes.cues import Cues
from eventwatch.quotes.marks import OPENING_MARKS, SENTENCE_END, QuoteIndex, QuoteSpan, any_within
from eventwatch.quotes.speakers import Speakers, dash_speaker_head, subject_of
from eventwatch.records import Actor, Quote, QuoteKind

# What may come before a quote that is a sentence of its own.
SENTENCE_LEAD_IN = {"", ":", ",", ".", "?", "!", "(", "-", "\u2014", "\u2013"}
# Quotes ending like this leave their sentence open for a cue after them.
OPEN_ENDINGS = {",", "?", "!", "-", "\u2014", "\u2013", "\u2026"}
DASH_AFTER = re.compile(r"[\"\u201d\u00bb\u2019'\u201c]?[ \t]*[,.]?[ \t]*(?:\u2014|\u2013|--?)[ \t]*")
TERMINATOR = re.compile(r"[.?!][\"\u201d\u00bb\u2019]?\s")
_VISIBLE = re.compile(r"\S")
_LINE_BREAK = re.compile("\n")


class MarkedQuotes:
    """Attributes every marked quote of one doc, in text order.

    Time grows linearly with the quotes: where a quote, a cue, a sentence end or a line
    break is, is looked up in sorted offsets built once per doc, never by scanning the
    text or the other quotes again for each quote.
    """

    def __init__(self, doc: Doc, text: str, index: QuoteIndex, speakers: Speakers, cues: Cues) -> None:
        self.doc = doc
        self.text = text  # doc.text, which spaCy rebuilds on every access
        self.index = index
        self.spans = spans = index.spans
        self.speakers = speakers
        self.cues = cues
        self._line_breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
        self._framing: dict[int, Token | None] = {}  # token -> it or its nearest framing ancestor
        kinds = [quote_kind(doc, text, s, cues, spans[i - 1] if i else None) for i, s in enumerate(spans)]
        self.quotes = [
            Quote("", text[s.start : s.end], kind, s.start, s.end, None, None) for s, kind in zip(spans, kinds)
        ]
        speakers.marked = QuoteLookup(self.quotes)

    def attribute(self) -> list[Quote]:
        for index, quote in enumerate(self.quotes):
            quote.speaker, quote.cue = self._attribution(index)
        return self.quotes

    def _attribution(self, index: int) -> tuple[Actor | None, str | None]:
        span, quote = self.spans[index], self.quotes[index]
        cue = self._cue_in_sentence(index)
        if cue is not None:
            speaker = self.speakers.of_cue(cue)
            if speaker is not None:
                return speaker, self.speakers.cue_text(cue)
        dash = self._dash_speaker(span)
        if dash is not None:
            return dash, "\u2014"
        if quote.kind == "partial":
            verb = self._framing_verb(span)
            if verb is not None:
                return self.speakers.of_cue(verb), verb.text
            return None, None
        return self._from_sentence_before(index), None

    # 1. a cue in the quote's own sentence

    def _cue_in_sentence(self, index: int) -> Token | None:
        """The cue nearest the quote among those in its sentences that reach it. Only
        cues between the quotes before and after it can reach it, so only those are tried."""
        span = self.spans[index]
        first, last = self._sentences(span)
        earliest = self.index.last_start_before(span.start) or 0
        latest = self.index.first_start_after(span.end) or len(self.text)
        offsets, tokens = self._cue_offsets
        nearby = tokens[bisect_left(offsets, earliest) : bisect_right(offsets, latest)]
        candidates = [t for t in nearby if first.start <= t.i < last.end and self._reaches(t, index)]
        return min(candidates, key=lambda t: _distance(t, span), default=None)

    @cached_property
    def _cue_offsets(self) -> tuple[list[int], list[Token]]:
        """Every cue of the doc outside quotes, and its offset, in text order."""
        tokens = [t for t in self.doc if self._is_cue(t)]
        return [t.idx for t in tokens], tokens

    @cached_property
    def _clause_ends(self) -> list[int]:
        """Indices of the "." and ";" tokens, where a dash attribution's words end."""
        return [t.i for t in self.doc if t.text in {".", ";"}]

    @cached_property
    def _stops(self) -> list[int]:
        """Offsets of the tokens that end a sentence: a full stop, question or exclamation
        mark of its own (not the one in "U.S.")."""
        return [t.idx for t in self.doc if t.text in {".", "?", "!"}]

    def _sentences(self, span: QuoteSpan) -> tuple[Span, Span]:
        """The sentences the quote touches; one more when the quote leaves its sentence open
        (the parser may split '"...," he said' after the closing mark)."""
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        first, last = sentence_of(tokens[0]), sentence_of(tokens[-1])
        if self.text[span.end - 1] in OPEN_ENDINGS and last.end < len(self.doc):
            following = sentence_of(self.doc[last.end])
            if "\n" not in self.text[span.end : following.start_char]:
                last = following
        return first, last

    def _is_cue(self, token: Token) -> bool:
        return (self.cues.is_speech_verb(token) or self.cues.according_at(token) > 0) and not self._in_quote(token)

    def _in_quote(self, token: Token) -> bool:
        return self.index.on_quote(token.idx)

    def _reaches(self, cue: Token, index: int) -> bool:
        """A cue attributes the quote when no other quote and no sentence end stand
        between them, and a cue after a quote only when the quote left its sentence open."""
        span = self.spans[index]
        if cue.idx < span.start:
            others = self.index.start_between(cue.idx, span.start)
            line_break = any_within(self._line_breaks, cue.idx, span.start - 2)
            return not others and not self._sentence_ends(cue.idx, span.start) and not line_break
        others = self.index.start_between(span.end, cue.idx)
        if others or self._sentence_ends(span.end + 1, cue.idx) or any_within(self._line_breaks, span.end + 1, cue.idx - 1):
            return False
        ending, following = self.text[span.end - 1], self._first_visible(span.end + 1, cue.idx)
        return ending not in SENTENCE_END or ending in OPEN_ENDINGS or not following or following.islower()

    def _sentence_ends(self, start: int, end: int) -> bool:
        """A full stop, question or exclamation mark of its own (not "U.S.") between offsets."""
        return any_within(self._stops, start, end - 1)

    def _first_visible(self, start: int, end: int) -> str:
        """The first character between the offsets that is not white space, or ""."""
        found = _VISIBLE.search(self.text, start, max(start, end))
        return found.group() if found else ""

    # 2. a dash attribution

    def _dash_speaker(self, span: QuoteSpan) -> Actor | None:
        dash = DASH_AFTER.match(self.text, span.end)
        if dash is None or dash.end() == span.end or not re.search(r"\u2014|\u2013|-", dash.group()):
            return None
        words = self.doc.char_span(dash.end(), _line_end(self.text, dash.end()), alignment_mode="expand")
        if words is None or len(words) == 0:
            return None
        stop = bisect_left(self._clause_ends, words.start)  # the words run to the first "." or ";"
        if stop < len(self._clause_ends) and self._clause_ends[stop] < words.end:
            words = self.doc[words.start : self._clause_ends[stop]]
        head = dash_speaker_head(words) if len(words) else None
        return self.speakers.of_head(head) if head is not None else None

    # 3. the verb framing a fragment

    def _framing_verb(self, span: QuoteSpan) -> Token | None:
        """The nearest reporting or framing verb above the fragment, outside it; only
        if it has a subject."""
        token = self.doc.char_span(span.start, span.end, alignment_mode="expand").root
        verb = None if token.head.i == token.i else self._framing_at_or_above(token.head)
        while verb is not None and span.start - 1 <= verb.idx < span.end + 1:  # a verb of the fragment itself
            verb = None if verb.head.i == verb.i else self._framing_at_or_above(verb.head)
        return verb if verb is not None and subject_of(verb) is not None else None

    def _framing_at_or_above(self, token: Token) -> Token | None:
        """The token, or its nearest ancestor, that is a reporting or framing verb. Found
        once per token of the doc: the chains of heads in a long sentence are long."""
        passed = []
        while token.i not in self._framing:
            passed.append(token)
            if token.pos_ == "VERB" and (token.lemma_.lower() in self.cues.framing_verbs
                                         or token.lemma_.lower() in self.cues.speech_verbs):
                break
            if token.head.i == token.i:
                token = None
                break
            token = token.head
        found = self._framing[token.i] if token is not None and token.i in self._framing else token
        for step in passed:
            self._framing[step.i] = found
        return found

    # 4. the sentence before

    def _from_sentence_before(self, index: int) -> Actor | None:
        span = self.spans[index]
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        sentence = sentence_of(tokens[0])
        lead = self.doc[sentence.start : tokens[0].i]
        if self._ends_with_colon(lead):
            return self._lead_in_speaker(lead)
        if sentence.start == 0:
            return None
        before = sentence_of(self.doc[sentence.start - 1])
        previous = self.quotes[index - 1] if index else None
        if previous is not None and previous.end >= before.start_char - 1 and previous.speaker is not None:
            return previous.speaker  # carry-over: the same speaker goes on
        return self._lead_in_speaker(before)

    def _lead_in_speaker(self, clause: Span) -> Actor | None:
        """The speaker a lead-in sentence introduces: its reporting verb's subject, else
        the person or body it is about."""
        outside = [t for t in clause if not self._in_quote(t)]
        verbs = [t for t in outside if self.cues.is_speech_verb(t)]
        if verbs:
            return self.speakers.of_cue(verbs[-1])
        roots = [t for t in outside if t.dep_ == "ROOT"] or [t for t in outside if t.pos_ in {"VERB", "AUX"}]
        for root in roots:
            if self.speakers.can_speak(root):
                return self.speakers.of_head(root)  # a verbless lead-in: "The agency's director, ..."
            subject = subject_of(root)
            if subject is not None and not self._in_quote(subject) and self.speakers.can_speak(subject):
                return self.speakers.of_head(subject)
        if not self._ends_with_colon(clause):
            return None
        # "The message from Commissioner Sorensen was blunt:", "Their reply was short:"
        named = next((t for t in outside if self.speakers.can_speak(t) and _stands_for_itself(t)), None)
        return self.speakers.of_head(named) if named is not None else None

    def _ends_with_colon(self, clause: Span) -> bool:
        return self.text[clause.start_char : clause.end_char].rstrip(" " + OPENING_MARKS).endswith(":")


def quote_kind(doc: Doc, text: str, span: QuoteSpan, cues: Cues, previous: QuoteSpan | None) -> QuoteKind:
    """Direct when the quote stands as a sentence of its own: after a sentence end, a colon
    or a comma, or after its reporting verb when it also ends the sentence; and the
    second half of a quote split by its cue ('"...," he said, "but ..."'). Partial when
    the reporter's sentence goes on around it."""
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[line_start : span.start].rstrip(" \t" + OPENING_MARKS)
    lead = before[-1:]
    if lead == ":":
        return "direct"
    if not (text[span.start].isupper() or not text[span.start].isalpha()):
        split = previous is not None and lead == "," and not TERMINATOR.search(text[previous.end : span.start])
        return "direct" if split and previous.start >= line_start else "partial"
    if lead in SENTENCE_LEAD_IN:
        return "direct"
    words = doc.char_span(line_start, line_start + len(before), alignment_mode="contract")
    if words is None or len(words) == 0 or not cues.is_speech_verb(words[-1]):
        return "partial"
    after = text[span.end + 1 : _line_end(text, span.end)].strip()
    return "direct" if not after or after[0] in SENTENCE_END else "partial"


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _stands_for_itself(token: Token) -> bool:
    """A noun phrase's head, or a possessive that names someone ("Their reply")."""
    return token.dep_ not in MODIFIER_DEPS or token.dep_ == "poss"


def _distance(token: Token, span: QuoteSpan) -> int:
    return min(abs(token.idx - span.start), abs(token.idx - span.end))

