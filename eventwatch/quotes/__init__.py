"""Quote stage: quoted and reported speech with its speaker.

Input: the parsed Doc and the actor layer. Output: `Quote` records, in text
order, numbered q1, q2, ...

Offsets. `Quote.text == doc.text[start:end]` always (`doc.text` is the article
body). For a quote in marks, `text` runs from the first to the last character
inside the marks, without the marks and without surrounding blanks; punctuation
inside the marks ("We will not back down,"), bracketed insertions and ellipses
stay as written. A quote that runs over paragraphs ("...\n\n"...") is one quote
whose text keeps the paragraph break and the re-opening mark as written, so the
offsets stay one contiguous span. Reported speech (`indirect`) is the reported
clause without "that" and without the sentence's final punctuation.

Quotation marks are paired by a character scan (`marks.py`), never by the
parser, so unbalanced or stray marks never raise; speakers come from
`marked.py` (quotes in marks) and `reported.py` (reported speech), pronouns
from eventwatch.coref.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwatch.actors import ActorLayer
from eventwatch.quotes.cues import Cues, load_cues
from eventwatch.quotes.marked import MarkedQuotes
from eventwatch.quotes.marks import QuoteIndex, QuoteSpan, find_quote_spans
from eventwatch.quotes.reported import find_reported_speech
from eventwatch.quotes.speakers import Speakers
from eventwatch.records import Quote

__all__ = ["Cues", "QuoteSpan", "find_quote_spans", "find_quotes", "load_cues"]


def find_quotes(doc: Doc, actors: ActorLayer) -> list[Quote]:
    """Quotes in marks with their speakers, then reported speech."""
    cues = load_cues()
    text = doc.text
    quoted = QuoteIndex(text, find_quote_spans(text))
    speakers = Speakers(actors, cues, [])
    marked = MarkedQuotes(doc, text, quoted, speakers, cues)
    quotes = marked.attribute() + find_reported_speech(doc, text, speakers, cues, quoted)
    quotes.sort(key=lambda q: q.start)
    for number, quote in enumerate(quotes, start=1):
        quote.id = f"q{number}"
    return quotes
