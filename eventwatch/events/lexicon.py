"""The CAMEO verb lexicon: which verb, with which particle, object, preposition or
complement, means which CAMEO code, and where its target is.

The patterns are data (eventwatch/data/lexicon/verbs.yaml, format in the README
beside it) so that users can add verbs and phrases in their own YAML files
without touching code; `load_lexicon(extra_paths)` merges those in. A second
file, lemma_aliases.yaml, maps lemmas the English model gets wrong ("staged" ->
"stag") to the lexicon verb they stand for. nouns.yaml holds the nominal events
("the annexation of Crimea", "talks") and the light verbs whose subject performs
them ("Moscow is *preparing* an offensive").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from eventwatch.events.codebook import load_codebook

if TYPE_CHECKING:
    from spacy.tokens import Token

PACKAGE_FILE = "eventwatch/data/lexicon/verbs.yaml"
ALIAS_FILE = "eventwatch/data/lexicon/lemma_aliases.yaml"
NOUN_FILE = "eventwatch/data/lexicon/nouns.yaml"
REQUIRED_KEYS = ("verb", "code")
LIST_KEYS = ("object", "prep_object", "xcomp", "ccomp")
WORD_KEYS = ("verb", "particle", "prep")
SLOT_TARGETS = ("dobj", "none", "ccomp")  # besides these, a target is a preposition word
NOUN_KEYS = ("noun", "code", "of", "symmetric")
OF_ROLES = ("target", "source")


@dataclass(frozen=True)
class VerbPattern:
    """One lexicon entry. Empty/None constraints match anything."""

    verb: str
    code: str
    particle: str | None = None
    object: frozenset[str] = frozenset()
    prep: str | None = None
    prep_object: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    ccomp: frozenset[str] = frozenset()
    target: str = "dobj"
    symmetric: bool = False

    @property
    def specificity(self) -> int:
        """How many constraints the pattern sets; the most specific satisfied one wins."""
        constraints = (self.particle, self.object, self.prep, self.prep_object, self.xcomp, self.ccomp)
        return sum(1 for constraint in constraints if constraint)

    @property
    def key(self) -> tuple[Any, ...]:
        """Everything but the code and target: two entries with one key are the same pattern."""
        return (self.verb, self.particle, self.object, self.prep, self.prep_object, self.xcomp, self.ccomp)

    def describe(self) -> str:
        """The entry as a user would write it in verbs.yaml."""
        return _describe(self, VerbPattern("", ""))


@dataclass(frozen=True)
class NounPattern:
    """A nominal event: a noun (with modifiers, "phone call") and its CAMEO code.

    `of` says whether "X" in "the <noun> of X" is the target ("the annexation of Crimea")
    or the source ("the withdrawal of Russian troops"); a symmetric event ("talks between
    Kyiv and Moscow") goes both ways."""

    noun: str
    code: str
    of: str = "target"
    symmetric: bool = False

    @property
    def lemma(self) -> str:
        return self.noun.split()[-1]

    def describe(self) -> str:
        return _describe(self, NounPattern("", ""))


def _describe(pattern: VerbPattern | NounPattern, empty: VerbPattern | NounPattern) -> str:
    shown = []
    for name in (f.name for f in fields(pattern)):
        value = getattr(pattern, name)
        if name in ("verb", "noun", "code") or value != getattr(empty, name):
            if isinstance(value, frozenset):
                text = f"[{', '.join(sorted(value))}]"
            else:
                text = f'"{value}"' if name == "code" else str(value).lower()
            shown.append(f"{name}: {text}")
    return "{" + ", ".join(shown) + "}"


_KEYS = tuple(field.name for field in fields(VerbPattern))


def token_matches(token: Token, values: frozenset[str]) -> bool:
    """Whether a parsed word satisfies an object, prep_object or xcomp list.

    A one-word value is the token's lemma ("sanction" matches "sanctions"). In a
    multi-word value ("war crime", "human rights abuse") the last word is the
    lemma and the words before it are the noun's compound and adjective
    modifiers as written, nearest last ("alleged war crimes" matches "war crime").
    """
    words = [*_modifier_words(token), token.lemma_.lower()]
    return any(value.split() == words[-len(value.split()) :] for value in values)


def _modifier_words(token: Token) -> list[str]:
    modifiers = []
    for left in reversed(list(token.lefts)):
        if left.dep_ not in ("compound", "amod"):
            break
        modifiers = [*_modifier_words(left), left.lower_, *modifiers]
    return modifiers


class Lexicon:
    """Verb lemma -> its patterns, most specific first, ties in the order listed
    (patterns from a later file before those of an earlier one)."""

    def __init__(
        self,
        patterns: Iterable[VerbPattern],
        aliases: Mapping[str, str] | None = None,
        nouns: Iterable[NounPattern] = (),
        support_verbs: Iterable[str] = (),
    ) -> None:
        by_verb: dict[str, list[VerbPattern]] = {}
        for pattern in patterns:
            by_verb.setdefault(pattern.verb, []).append(pattern)
        self._by_verb = {
            verb: tuple(sorted(found, key=lambda p: -p.specificity))
            for verb, found in by_verb.items()
        }
        self._aliases = {lemma: verb for lemma, verb in (aliases or {}).items() if verb in by_verb}
        by_noun: dict[str, list[NounPattern]] = {}
        for noun in nouns:
            by_noun.setdefault(noun.lemma, []).append(noun)
        # Longer names first: "phone call" before "call".
        self._by_noun = {lemma: sorted(found, key=lambda n: -len(n.noun.split())) for lemma, found in by_noun.items()}
        self.support_verbs = frozenset(support_verbs)

    def noun_pattern_for(self, token: Token) -> NounPattern | None:
        """The noun pattern a parsed noun satisfies, the one naming most modifiers first."""
        found = self._by_noun.get(token.lemma_.lower())
        if not found:
            return None
        return next((n for n in found if token_matches(token, frozenset({n.noun}))), None)

    def nouns(self) -> tuple[NounPattern, ...]:
        return tuple(n for found in self._by_noun.values() for n in found)

    def patterns_for(self, lemma: str) -> tuple[VerbPattern, ...]:
        """Patterns of a spaCy lemma, or of the verb it is an alias of."""
        return self._by_verb.get(self._aliases.get(lemma, lemma), ())

    def verbs(self) -> frozenset[str]:
        """Every lemma with patterns, aliases included."""
        return frozenset(self._by_verb) | frozenset(self._aliases)

    def __iter__(self) -> Iterator[VerbPattern]:
        for patterns in self._by_verb.values():
            yield from patterns

    def __len__(self) -> int:
        return sum(len(patterns) for patterns in self._by_verb.values())


def load_lexicon(extra_paths: Iterable[str | Path] = ()) -> Lexicon:
    """The packaged lexicon, extended by user YAML files in the same formats.

    A verbs file is a list of verb patterns; a nouns file is a mapping with `nouns` (and
    optionally `support_verbs`). A user entry with the same verb and constraints (or the
    same noun) as an earlier one replaces it, so a code can be corrected; any other entry
    is added.
    """
    extra = [Path(path) for path in extra_paths]
    if not extra:
        return _packaged_lexicon()
    aliases = _packaged_aliases()
    packaged_nouns, support = _packaged_nouns()
    nouns = {noun.noun: noun for noun in packaged_nouns}
    merged = {pattern.key: pattern for pattern in _packaged_patterns()}
    for path in extra:
        text = path.read_text(encoding="utf-8")
        if _is_nouns_file(text):
            more_nouns, more_support = parse_nouns(text, str(path))
            nouns |= {noun.noun: noun for noun in more_nouns}
            support |= more_support
            continue
        patterns = parse_patterns(text, str(path))
        # Re-inserting puts the user's patterns first among equally specific ones.
        for pattern in patterns:
            merged.pop(pattern.key, None)
        merged = {pattern.key: pattern for pattern in patterns} | merged
    return Lexicon(merged.values(), aliases, nouns.values(), support)


def _is_nouns_file(text: str) -> bool:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return isinstance(raw, dict) and "nouns" in raw


def _data_text(name: str) -> str:
    return files("eventwatch").joinpath("data", "lexicon", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _packaged_patterns() -> tuple[VerbPattern, ...]:
    return parse_patterns(_data_text("verbs.yaml"), PACKAGE_FILE)


@lru_cache(maxsize=1)
def _packaged_aliases() -> dict[str, str]:
    aliases = yaml.safe_load(_data_text("lemma_aliases.yaml"))
    verbs = {pattern.verb for pattern in _packaged_patterns()}
    bad = {lemma: verb for lemma, verb in aliases.items() if verb not in verbs}
    if bad:
        raise ValueError(f"{ALIAS_FILE}: aliases of verbs the lexicon lacks: {bad}")
    return aliases


@lru_cache(maxsize=1)
def _packaged_nouns() -> tuple[tuple[NounPattern, ...], frozenset[str]]:
    return parse_nouns(_data_text("nouns.yaml"), NOUN_FILE)


@lru_cache(maxsize=1)
def _packaged_lexicon() -> Lexicon:
    nouns, support = _packaged_nouns()
    return Lexicon(_packaged_patterns(), _packaged_aliases(), nouns, support)


def parse_nouns(text: str, source: str) -> tuple[tuple[NounPattern, ...], frozenset[str]]:
    """Noun patterns and support verbs of a nouns file; a ValueError names the file and entry."""
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict) or not isinstance(raw.get("nouns"), list):
        raise ValueError(f"{source}: expected a mapping with a list under 'nouns'")
    codebook = load_codebook()
    nouns: dict[str, NounPattern] = {}
    for number, entry in enumerate(raw["nouns"], start=1):
        if not isinstance(entry, dict) or set(map(str, entry)) - set(NOUN_KEYS) or not {"noun", "code"} <= set(entry):
            raise ValueError(f"{source}: noun entry {number}: needs noun and code; allowed keys {list(NOUN_KEYS)}")
        pattern = NounPattern(
            noun=_word("noun", entry["noun"]),
            code=_word("code", entry["code"]),
            of=entry.get("of", "target"),
            symmetric=bool(entry.get("symmetric", False)),
        )
        if pattern.code not in codebook or pattern.of not in OF_ROLES or pattern.noun in nouns:
            raise ValueError(f"{source}: noun entry {number} ({pattern.noun!r}): bad code, bad 'of' or duplicate")
        nouns[pattern.noun] = pattern
    return tuple(nouns.values()), frozenset(_words("support_verbs", raw.get("support_verbs") or []))


def parse_patterns(text: str, source: str) -> tuple[VerbPattern, ...]:
    """Validated patterns of one lexicon file; a ValueError names the file and entry."""
    try:
        entries = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"{source}: not valid YAML: {error}") from error
    if not isinstance(entries, list):
        raise ValueError(f"{source}: expected a YAML list of entries")
    patterns: dict[tuple[Any, ...], VerbPattern] = {}
    for number, entry in enumerate(entries, start=1):
        try:
            pattern = _pattern(entry)
        except ValueError as error:
            raise ValueError(f"{source}: entry {number} {_label(entry)}: {error}") from None
        if pattern.key in patterns:
            raise ValueError(f"{source}: entry {number} {_label(entry)}: duplicate pattern")
        patterns[pattern.key] = pattern
    return tuple(patterns.values())


def _label(entry: object) -> str:
    return f"(verb {entry.get('verb')!r})" if isinstance(entry, dict) else repr(entry)


def _pattern(entry: object) -> VerbPattern:
    if not isinstance(entry, dict):
        raise ValueError("an entry must be a mapping")
    unknown = sorted(set(map(str, entry)) - set(_KEYS))
    if unknown:
        raise ValueError(f"unknown key(s) {unknown}; allowed: {list(_KEYS)}")
    missing = [key for key in REQUIRED_KEYS if key not in entry]
    if missing:
        raise ValueError(f"missing {missing}")
    values: dict[str, Any] = {key: _word(key, entry[key]) for key in (*WORD_KEYS, "code", "target") if key in entry}
    values |= {key: _words(key, entry[key]) for key in LIST_KEYS if key in entry}
    if "symmetric" in entry:
        if not isinstance(entry["symmetric"], bool):
            raise ValueError("symmetric must be true or false")
        values["symmetric"] = entry["symmetric"]
    if values["code"] not in load_codebook():
        raise ValueError(f"code {values['code']!r} is not in the CAMEO codebook")
    if "prep_object" in values and "prep" not in values:
        raise ValueError("prep_object needs prep")
    target = values.get("target", "dobj")
    if target not in SLOT_TARGETS and not target.isalpha():
        raise ValueError(f"target must be dobj, none or a preposition, not {target!r}")
    return VerbPattern(**values)


def _word(key: str, value: object) -> str:
    """A lowercase string; codes are strings so that "010" keeps its zero."""
    if isinstance(value, bool):
        raise ValueError(f'{key}: YAML reads on/off/yes/no as true/false; quote it ("on")')
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f'{key} must be a non-empty string (quote codes: "010")')
    if key != "code" and value != value.lower():
        raise ValueError(f"{key} must be lowercase: {value!r}")
    return value.strip()


def _words(key: str, value: object) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items and key != "support_verbs":
        raise ValueError(f"{key} must be a word or a non-empty list of words")
    return frozenset(_word(key, item) for item in items)
