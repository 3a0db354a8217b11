"""Why an event was coded: the pattern that fired and the words it bound.

`eventwatch extract --explain` prints these; they ride on the event as `CodedEvent.explanation`
and stay out of the JSON contract unless asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from eventwatch.records import Event


@dataclass(frozen=True)
class Binding:
    """One word the pattern bound, by its role ("trigger", "object", "source", ...)."""

    role: str
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, role: str, token: Token) -> Binding:
        return cls(role, token.text, token.idx, token.idx + len(token.text))


@dataclass(frozen=True)
class Explanation:
    lexicon: str  # "verbs.yaml" or "nouns.yaml"
    pattern: str  # the entry as written in the lexicon
    bindings: tuple[Binding, ...]
    note: str = ""  # a recoding: "announced: 072 -> 0332"

    def to_dict(self) -> dict[str, Any]:
        return {
            "lexicon": self.lexicon,
            "pattern": self.pattern,
            "bindings": [vars(b) for b in self.bindings],
            "note": self.note,
        }

    def lines(self) -> list[str]:
        words = ", ".join(f"{b.role}={b.text!r}@{b.start}" for b in self.bindings)
        return [f"{self.lexicon} {self.pattern}", f"bound: {words}"] + ([self.note] if self.note else [])


@dataclass
class CodedEvent(Event):
    """An Event that remembers why it was coded."""

    explanation: Explanation | None = field(default=None, compare=False, repr=False)
