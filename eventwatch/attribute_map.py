"""The model's attribute ruler, its patterns looked up in tables instead of run by a Matcher.

en_core_web_sm's attribute ruler maps tags to parts of speech and morphology and fixes
a few lemmas: 179 patterns, 167 of them one token matched on exact values ("TAG is
NNS", "LOWER is 'ai' and TAG is VBP"). spaCy runs them all through its Matcher, about
an eighth of the whole parse. Here each token's attributes are read at once as hashes
(`Doc.to_array`) and looked up in one table per set of attributes; the few other
patterns (IN, NOT_IN, REGEX, two tokens) are tested by predicates whose results are
remembered per combination of values. Anything else falls back to a Matcher. The hits
are applied in the ruler's own order, later patterns winning, so every annotation comes
out as the ruler's (tests/test_attribute_map.py compares them).
Built from the loaded ruler at start-up: no pattern is written here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import product
from operator import itemgetter
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The Matcher attributes handled here, in the column order of `Doc.to_array`.
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
STRING_COLUMNS = frozenset({"TAG", "LOWER", "DEP"})
MEMO_LIMIT = 20_000  # distinct attribute combinations remembered (a few MB) before starting afresh
NONE_HOLD: tuple[tuple[int, int], ...] = ()

Values = tuple[int, int, int, int]
Predicate = Callable[[Values], bool]


class AttributeMap:
    """Callable pipeline component; the same output as `ruler`, faster."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        self.strings = ruler.vocab.strings
        tables: dict[tuple[int, ...], dict[Any, list[int]]] = {}
        self.sequences: list[tuple[int, list[Predicate]]] = []  # (pattern number, one test per token)
        self.matcher = Matcher(ruler.vocab)
        for number in range(len(self.attrs)):
            _, patterns = ruler.matcher.get(str(number))
            for pattern in patterns:
                if not self._tabulate(tables, number, pattern) and not self._as_sequence(number, pattern):
                    self.matcher.add(str(number), [pattern])
        self.tables = [(itemgetter(*columns), table) for columns, table in tables.items()]
        self.memo: dict[Values, tuple[tuple[int, int], ...]] = {}  # values -> (sequence, position) that hold
        self.tabled_memo: dict[Values, tuple[int, ...]] = {}  # values -> numbers of the tabled patterns matched

    def _tabulate(self, tables: dict, number: int, pattern: list[dict[str, Any]]) -> bool:
        """Enter a one-token pattern of exact values (or IN lists) in the table for its attributes."""
        if len(pattern) != 1 or self.indices[number] not in (0, -1) or not _tabulable(pattern[0]):
            return False
        columns = sorted(COLUMNS.index(attr) for attr in pattern[0])
        choices = [_exact_values(COLUMNS[column], pattern[0][COLUMNS[column]]) for column in columns]
        table = tables.setdefault(tuple(columns), {})
        for values in product(*choices):
            table.setdefault(values if len(values) > 1 else values[0], []).append(number)
        return True

    def _as_sequence(self, number: int, pattern: list[dict[str, Any]]) -> bool:
        tests = [_predicate(token, self.strings) for token in pattern]
        if any(test is None for test in tests) or not -len(pattern) <= self.indices[number] < len(pattern):
            return False
        self.sequences.append((number, tests))
        return True

    def __call__(self, doc: Doc) -> Doc:
        rows: list[Values] = [tuple(row) for row in doc.to_array(ARRAY_ATTRS).tolist()]
        hits: list[tuple[int, int]] = []  # (pattern number, token index), applied in that order
        for index, row in enumerate(rows):
            hits.extend((number, index) for number in self._tabled(row))
        hits.extend(self._sequence_hits(rows))
        for match_id, start, end in self.matcher(doc, allow_missing=True) if len(self.matcher) else ():
            number = int(self.strings[match_id])
            hits.append((number, doc[start:end][self.indices[number]].i))
        hits.sort()
        for number, index in hits:
            set_token_attrs(doc[index], self.attrs[number])
        return doc

    def _tabled(self, row: Values) -> tuple[int, ...]:
        """The numbers of the tabled patterns these values match, table by table (remembered:
        a doc's tokens share a few hundred combinations of values, each looked up in every table)."""
        found = self.tabled_memo.get(row)
        if found is None:
            if len(self.tabled_memo) >= MEMO_LIMIT:
                self.tabled_memo.clear()
            found = self.tabled_memo[row] = tuple(number for key, table in self.tables for number in table.get(key(row)) or ())
        return found

    def _sequence_hits(self, rows: list[Values]) -> list[tuple[int, int]]:
        holds = [self._holding(row) for row in rows]
        hits = []
        for start, first in enumerate(holds):
            for which, position in first:
                if position:
                    continue
                number, tests = self.sequences[which]
                end = start + len(tests)
                if end <= len(rows) and all((which, k) in holds[start + k] for k in range(1, len(tests))):
                    hits.append((number, range(start, end)[self.indices[number]]))
        return hits

    def _holding(self, row: Values) -> tuple[tuple[int, int], ...]:
        """Which token tests of which sequences hold for these values (remembered)."""
        found = self.memo.get(row)
        if found is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            found = tuple(
                (which, position)
                for which, (_, tests) in enumerate(self.sequences)
                for position, test in enumerate(tests)
                if test(row)
            ) or NONE_HOLD
            self.memo[row] = found
        return found


def _tabulable(token: dict[str, Any]) -> bool:
    return all(
        attr in COLUMNS and (not isinstance(value, dict) or set(value) == {"IN"}) for attr, value in token.items()
    )


def _exact_values(attr: str, value: Any) -> list[int]:
    return _ids(attr, value["IN"] if isinstance(value, dict) else [value])


def _ids(attr: str, values: list[Any]) -> list[int]:
    """Values as `Doc.to_array` gives them: string hashes, flags as 0/1."""
    return [get_string_id(v) if attr in STRING_COLUMNS else int(v) for v in values]


def _predicate(token: dict[str, Any], strings: Any) -> Predicate | None:
    """One token's test over its row of values, or None if it uses what is not handled here."""
    tests = []
    for attr, value in token.items():
        if attr not in COLUMNS:
            return None
        column = COLUMNS.index(attr)
        test = _value_test(attr, value, strings)
        if test is None:
            return None
        tests.append((column, test))
    return lambda row: all(test(row[column]) for column, test in tests)


def _value_test(attr: str, value: Any, strings: Any) -> Callable[[int], bool] | None:
    if not isinstance(value, dict):
        wanted = _exact_values(attr, value)[0]
        return lambda v: v == wanted
    if len(value) != 1:
        return None
    ((operator, argument),) = value.items()
    if operator == "IN":
        among = frozenset(_ids(attr, argument))
        return lambda v: v in among
    if operator == "NOT_IN":
        outside = frozenset(_ids(attr, argument))
        return lambda v: v not in outside
    if operator == "REGEX" and attr in STRING_COLUMNS:
        expression = re.compile(argument)
        return lambda v: bool(expression.search(strings[v]))
    return None


@Language.factory("attribute_map")
def make_attribute_map(nlp: Language, name: str) -> AttributeMap:
    """Built from the pipeline's 'attribute_ruler', which must be loaded."""
    return AttributeMap(nlp.get_pipe("attribute_ruler"))

