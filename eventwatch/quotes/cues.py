"""Reporting cues, read from eventwatch/data/quotes/cues.yaml (format in that file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.tokens import Token

from eventwatch.data import data_file


@dataclass(frozen=True)
class Cues:
    speech_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    framing_verbs: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    audiences: frozenset[str]
    according_first: frozenset[str]  # first words of `according_to`, for a quick test

    def is_speech_verb(self, token: Token) -> bool:
        """A reporting verb; the small model sometimes tags "states" or "says" as a noun,
        so a verb-shaped form right after a noun phrase counts too."""
        if token.lemma_.lower() in self.speech_verbs and token.pos_ in {"VERB", "AUX"}:
            return True
        return (
            token.tag_ in {"NNS", "VBZ"}
            and token.lower_.endswith("s")
            and token.lower_[:-1] in self.speech_verbs
            and token.i > 0
            and token.head.pos_ not in {"VERB", "AUX"}
            and token.doc[token.i - 1].pos_ not in {"DET", "ADJ", "NUM", "PUNCT"}
            and token.i + 1 < len(token.doc)
            and _introduces_speech(token.doc[token.i + 1])
        )

    def according_at(self, token: Token) -> int:
        """Length of an "according to" cue starting at `token`, or 0."""
        if token.lower_ not in self.according_first:
            return 0
        doc = token.doc
        for words in self.according_to:
            end = token.i + len(words)
            if end <= len(doc) and tuple(t.lower_ for t in doc[token.i : end]) == words:
                return len(words)
        return 0


def _introduces_speech(token: Token) -> bool:
    """ "that" as a conjunction (not "states that border ..."), a colon or an opening mark."""
    return (token.lower_ == "that" and token.pos_ == "SCONJ") or token.text in {":", '"', "\u201c"}


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    raw = yaml.safe_load(data_file("quotes", "cues.yaml").read_text("utf-8"))
    according_to = tuple(tuple(phrase.lower().split()) for phrase in raw["according_to"])
    return Cues(
        speech_verbs=frozenset(raw["speech_verbs"]),
        indirect_verbs=frozenset(raw["indirect_verbs"]),
        framing_verbs=frozenset(raw["framing_verbs"]),
        according_to=according_to,
        audiences=frozenset(raw["audiences"]),
        according_first=frozenset(words[0] for words in according_to),
    )
