"""Quote stage: quoted and reported speech with its speaker.

Input: the parsed Doc and the actor layer. Output: `Quote` records whose offsets
point into the article body (`doc.text`). Quotation marks are paired by a
character scan, not by the parser, so unbalanced marks never raise: an
unclosed quote ends at its paragraph unless the next paragraph re-opens it
(the newspaper convention for quotes that run on).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import yaml
from spacy.tokens import Doc, Span, Token

from eventwatch.actors import ActorLayer
from eventwatch.data import data_file
from eventwatch.coref import is_pronoun, resolve_pronoun
from eventwatch.records import Actor, Quote

CLOSERS = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
SENTENCE_LEAD_IN = {"", ":", ",", ".", "?", "!", "\n", "(", "-", "\u2014"}


@dataclass(frozen=True)
class Cues:
    speech_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    audiences: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    raw = yaml.safe_load(data_file("quotes", "cues.yaml").read_text("utf-8"))
    return Cues(
        speech_verbs=frozenset(raw["speech_verbs"]),
        indirect_verbs=frozenset(raw["indirect_verbs"]),
        audiences=frozenset(raw["audiences"]),
    )


@dataclass(frozen=True)
class QuoteSpan:
    """Character offsets of the words between the marks."""

    start: int
    end: int


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair quotation marks paragraph by paragraph; never raises on stray marks."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    closer = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if open_at is None:
            if ch in CLOSERS and _opens_here(text, i):
                open_at, closer = i + 1, CLOSERS[ch]
        elif ch == closer or (closer == '"' and ch == "\u201d"):
            spans.append(QuoteSpan(open_at, i))
            open_at = None
        elif text.startswith("\n\n", i):
            # Paragraph ends inside a quote: it runs on if the next paragraph re-opens it.
            next_para = i + 2
            if not (next_para < len(text) and text[next_para] in CLOSERS):
                spans.append(QuoteSpan(open_at, i))
                open_at = None
            else:
                i = next_para  # skip the re-opening mark
        i += 1
    if open_at is not None:
        spans.append(QuoteSpan(open_at, len(text)))
    return [_trim(text, s) for s in spans if text[s.start : s.end].strip()]


def _opens_here(text: str, i: int) -> bool:
    """A straight double quote opens after a space, a line start or an opening bracket."""
    if text[i] != '"':
        return True
    return i == 0 or text[i - 1] in " \n\t([\u2014-"


def _trim(text: str, span: QuoteSpan) -> QuoteSpan:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end)


def find_quotes(doc: Doc, actors: ActorLayer) -> list[Quote]:
    """Direct and partial quotes with their speakers, then reported speech."""
    cues = load_cues()
    quotes: list[Quote] = []
    used_cues: set[int] = set()
    text = doc.text
    spans = find_quote_spans(text)
    for span in spans:
        cue_token = _cue_for(doc, span, cues)
        speaker = None
        if cue_token is not None:
            used_cues.add(cue_token.i)
            speaker = _speaker(cue_token, actors, cues, quotes)
        kind = _quote_kind(text, span)
        quotes.append(
            Quote(
                id="",
                text=text[span.start : span.end],
                kind=kind,
                start=span.start,
                end=span.end,
                speaker=speaker,
                cue=_cue_text(cue_token, cues) if cue_token is not None else None,
            )
        )
    quotes.extend(_indirect_quotes(doc, actors, cues, spans, used_cues, quotes))
    quotes.sort(key=lambda q: q.start)
    for number, quote in enumerate(quotes, start=1):
        quote.id = f"q{number}"
    return quotes


def _quote_kind(text: str, span: QuoteSpan) -> str:
    """Direct when the quote stands as a sentence of its own; partial when embedded."""
    before = text[: span.start - 1].rstrip(" \t")
    lead = before[-1:] if before else ""
    first = text[span.start]
    if lead in SENTENCE_LEAD_IN and (first.isupper() or not first.isalpha()):
        return "direct"
    return "partial"


def _inside(token: Token, span: QuoteSpan) -> bool:
    return span.start - 1 <= token.idx < span.end + 1


def _cue_for(doc: Doc, span: QuoteSpan, cues: Cues) -> Token | None:
    """The reporting verb outside the quote in the quote's sentence(s), nearest first;
    failing that, a colon lead-in ending the sentence before."""
    sentences = _sentences_touching(doc, span)
    candidates = [
        t
        for sent in sentences
        for t in sent
        if t.lemma_.lower() in cues.speech_verbs and t.pos_ in {"VERB", "AUX"} and not _inside(t, span)
    ]
    if candidates:
        return min(candidates, key=lambda t: _distance(t, span))
    first = sentences[0]
    if first.start > 0:
        previous = doc[first.start - 1].sent
        if previous.text.rstrip().endswith(":"):
            verbs = [t for t in previous if t.lemma_.lower() in cues.speech_verbs and t.pos_ == "VERB"]
            if verbs:
                return verbs[-1]
    return None


def _sentences_touching(doc: Doc, span: QuoteSpan) -> list[Span]:
    found = [s for s in doc.sents if s.start_char < span.end + 1 and s.end_char > span.start - 1]
    return found or [next(t.sent for t in doc if t.idx >= span.start)]


def _distance(token: Token, span: QuoteSpan) -> int:
    return min(abs(token.idx - span.start), abs(token.idx - span.end))


def _cue_text(verb: Token, cues: Cues) -> str:
    """The verb as written, with its audience ("told reporters") or particle."""
    words = [verb]
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ in {"dobj", "dative"} and child.lemma_.lower() in cues.audiences):
            words.append(child)
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words)


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject; a coordinated verb ("... and added") shares its head's."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.dep_ == "conj":
        return _subject_of(verb.head)
    return None


def _speaker(verb: Token, actors: ActorLayer, cues: Cues, earlier: list[Quote]) -> Actor | None:
    subject = _subject_of(verb)
    if subject is None:
        return None
    if is_pronoun(subject):
        return resolve_pronoun(subject, actors, earlier)
    named = actors.actor_for(subject)
    if named is not None and (named.country or named.org or named.name[:1].isupper()):
        return named
    # "the agency's country director, Ana Ribeiro, said": the apposition names the speaker.
    apposition = next((c for c in subject.children if c.dep_ == "appos"), None)
    return (actors.actor_for(apposition) if apposition is not None else None) or named


def _indirect_quotes(
    doc: Doc, actors: ActorLayer, cues: Cues, spans: list[QuoteSpan], used: set[int], earlier: list[Quote]
) -> list[Quote]:
    """Reported speech: 'X said (that) ...' where the complement holds no quotation."""
    found: list[Quote] = []
    for verb in doc:
        if verb.i in used or verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.indirect_verbs:
            continue
        complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if complement is None:
            continue
        tokens = [t for t in complement.subtree if t.dep_ != "mark" or t.head != complement]
        tokens = [t for t in tokens if not t.is_punct or t.i != tokens[-1].i]
        if not tokens:
            continue
        reported = doc[tokens[0].i : tokens[-1].i + 1]
        start, end = reported.start_char, reported.end_char
        if any(s.start < end and start < s.end for s in spans) or end - start < 8:
            continue
        speaker = _speaker(verb, actors, cues, earlier)
        if speaker is None:
            continue
        found.append(
            Quote(
                id="",
                text=reported.text,
                kind="indirect",
                start=start,
                end=end,
                speaker=speaker,
                cue=_cue_text(verb, cues),
            )
        )
    return found
