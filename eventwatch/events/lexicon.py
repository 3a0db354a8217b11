"""The CAMEO verb lexicon: which verb, with which particle, object, preposition or
complement, means which CAMEO code, and where its target is.

The patterns are data (eventwatch/data/lexicon/verbs.yaml, format in the README
beside it) so that users can add verbs and phrases in their own YAML files
without touching code; `load_lexicon(extra_paths)` merges those in. A second
file, lemma_aliases.yaml, maps lemmas the English model gets wrong ("staged" ->
"stag") to the lexicon verb they stand for. nouns.yaml holds the nominal events
("the annexation of Crimea", "talks") and the light verbs whose subject performs
them ("Moscow is *preparing* an offensive"). verbs_petrarch.json and
lemma_aliases_petrarch.yaml are generated from the PETRARCH-2 verb dictionary
(tools/convert_petrarch_verbs.py) and loaded after the curated files, whose
entries win.

Lookup stays O(1) per verb token: each verb's patterns are indexed by the word
they need most (the object's noun, the preposition's object, ...), so a clause
is checked only against the patterns its own words can satisfy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from eventwatch.events.codebook import load_codebook

if TYPE_CHECKING:
    from spacy.tokens import Token

PACKAGE_FILE = "eventwatch/data/lexicon/verbs.yaml"
GENERATED_FILE = "eventwatch/data/lexicon/verbs_petrarch.json"
ALIAS_FILE = "eventwatch/data/lexicon/lemma_aliases.yaml"
GENERATED_ALIAS_FILE = "eventwatch/data/lexicon/lemma_aliases_petrarch.yaml"
NOUN_FILE = "eventwatch/data/lexicon/nouns.yaml"
REQUIRED_KEYS = ("verb", "code")
LIST_KEYS = (
    "object", "prep_object", "prep2_object", "xcomp", "xcomp_object", "ccomp", "purpose", "purpose_object", "subject",
)  # fmt: skip
WORD_KEYS = ("particle", "prep", "prep2")
SLOT_TARGETS = ("dobj", "none", "ccomp")  # besides these, a target is a preposition word
# The code of a pattern that states no event: "halted the *search*" is no 160, "averted an
# *attack*" no 190. It wins over less specific patterns of its verb like any other.
NO_EVENT = "---"
NOUN_KEYS = ("noun", "code", "of", "symmetric")
OF_ROLES = ("target", "source")


@dataclass(frozen=True)
class VerbPattern:
    """One lexicon entry for one verb. Empty/None constraints match anything."""

    verb: str
    code: str
    particle: str | None = None
    object: frozenset[str] = frozenset()
    prep: str | None = None
    prep_object: frozenset[str] = frozenset()
    prep2: str | None = None
    prep2_object: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    xcomp_object: frozenset[str] = frozenset()  # the infinitive's object: threatened to halt *its mediation*
    ccomp: frozenset[str] = frozenset()
    purpose: frozenset[str] = frozenset()  # verb of a purpose clause: blocked roads *to demand* ...
    purpose_object: frozenset[str] = frozenset()  # its object: ... to demand *the resignation* of ...
    subject: frozenset[str] = frozenset()
    target: str = "dobj"
    source: str | None = None  # a preposition whose object does the act, the subject receiving it
    symmetric: bool = False
    reverse: str | None = None  # the code of the event back from the target ("visit" 042 : host 043)
    origin: str = field(default="verbs.yaml", compare=False)  # the file it came from

    @cached_property
    def specificity(self) -> int:
        """How many constraints the pattern sets; the most specific satisfied one wins.
        Worked out once per pattern (the pattern cannot change): the role finder asks it
        of every candidate pattern of every verb."""
        return sum(1 for constraint in self.key[1:] if constraint)

    @property
    def key(self) -> tuple[Any, ...]:
        """Everything but the codes and target: two entries with one key are the same pattern."""
        return (
            self.verb, self.particle, self.object, self.prep, self.prep_object,
            self.prep2, self.prep2_object, self.xcomp, self.xcomp_object, self.ccomp,
            self.purpose, self.purpose_object, self.subject,
        )  # fmt: skip

    @property
    def no_event(self) -> bool:
        return self.code == NO_EVENT

    def anchor(self) -> frozenset[str]:
        """Words one of which a clause must hold to satisfy the pattern (empty: none needed):
        the head nouns of its most selective constraint, else its preposition or particle."""
        for values in (
            self.object, self.prep_object, self.prep2_object, self.xcomp_object, self.xcomp,
            self.purpose_object, self.purpose, self.subject,
        ):  # fmt: skip
            if values:
                return frozenset(_head_word(value) for value in values)
        return frozenset(word for word in (self.prep or self.prep2 or self.particle,) if word)

    def describe(self) -> str:
        """The entry as a user would write it in verbs.yaml (kept: explanations ask often)."""
        found = self.__dict__.get("_described")
        if found is None:
            found = self.__dict__["_described"] = _describe(self, VerbPattern("", ""))
        return found


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
    origin: str = field(default="nouns.yaml", compare=False)

    @property
    def lemma(self) -> str:
        return self.noun.split()[-1]

    @property
    def no_event(self) -> bool:
        return self.code == NO_EVENT

    def describe(self) -> str:
        return _describe(self, NounPattern("", ""))


SHOWN_VALUES = 8  # an explanation lists this many values of a long list, then how many more


def _describe(pattern: VerbPattern | NounPattern, empty: VerbPattern | NounPattern) -> str:
    shown = []
    for name in (f.name for f in fields(pattern) if f.compare):
        value = getattr(pattern, name)
        if name in ("verb", "noun", "code") or value != getattr(empty, name):
            if isinstance(value, frozenset):
                values = sorted(value, key=lambda v: (-len(v.split()), v))
                more = f", ... (+{len(values) - SHOWN_VALUES})" if len(values) > SHOWN_VALUES else ""
                text = f"[{', '.join(values[:SHOWN_VALUES])}{more}]"
            else:
                text = f'"{value}"' if name == "code" else str(value).lower()
            shown.append(f"{name}: {text}")
    return "{" + ", ".join(shown) + "}"


_KEYS = tuple(f.name for f in fields(VerbPattern) if f.compare)


# A value naming a noun with a prepositional phrase: "act of war", "attack on democracy".
PREPOSITION_PHRASE = re.compile(r"(\S+) (of|on|in|against|to) (.+)")


def _head_word(value: str) -> str:
    """The word a clause must hold for a value: its noun ("act" of "act of war")."""
    phrase = PREPOSITION_PHRASE.fullmatch(value)
    return phrase.group(1) if phrase else value.rsplit(" ", 1)[-1]


def token_matches(token: Token, values: frozenset[str]) -> bool:
    """Whether a parsed word satisfies an object, prep_object or xcomp list.

    A one-word value is the token's lemma ("sanction" matches "sanctions"). In a
    multi-word value ("war crime", "human rights abuse") the last word is the
    lemma and the words before it are some of the noun's compound and adjective
    modifiers as written, in their order ("alleged war crimes" matches "war crime",
    "joint air drills" "joint drill").
    """
    return match_length(token, values) > 0


def match_length(token: Token, values: frozenset[str]) -> int:
    """How many words the longest value a parsed word satisfies has (0: none)."""
    lemma = token.lemma_.lower()
    modifiers: list[str] | None = None
    best = 0
    for value in values:
        if value == lemma:
            best = max(best, 1)
        elif (phrase := PREPOSITION_PHRASE.fullmatch(value)) is not None:
            best = max(best, _prep_phrase_length(token, lemma, phrase))
        elif value.endswith(" " + lemma):
            if modifiers is None:
                modifiers = _modifier_words(token)
            wanted = value.split()
            if len(wanted) > best and _in_order(wanted[:-1], modifiers):
                best = len(wanted)
    if not best and token.pos_ == "PROPN":  # "killed *President* Jovenel Moise": a name by its title
        best = max((match_length(c, values) for c in token.children if c.dep_ == "compound" and c.i < token.i), default=0)
    return best


def _prep_phrase_length(token: Token, lemma: str, phrase: re.Match) -> int:
    """A value "act of war", "attack on democracy" is the noun with a prepositional phrase
    whose object matches the rest ("an act of economic war"); its length in words, or 0."""
    head, prep, tail = phrase.groups()
    if head != lemma:
        return 0
    objects = (o for p in token.children if p.dep_ == "prep" and p.lower_ == prep for o in p.children if o.dep_ == "pobj")
    return len(phrase.string.split()) if any(match_length(o, frozenset({tail})) for o in objects) else 0


def _in_order(wanted: list[str], modifiers: list[str]) -> bool:
    """Whether the wanted modifiers occur among the noun's, in order, others between them:
    "joint drill" matches "joint *air* drills", "war crime" "war *time* crimes"."""
    remaining = iter(modifiers)
    return all(word in remaining for word in wanted)


def _modifier_words(token: Token) -> list[str]:
    modifiers = []
    for left in reversed(list(token.lefts)):
        if left.dep_ not in ("compound", "amod"):
            break
        modifiers = [*_modifier_words(left), left.lower_, *modifiers]
    return modifiers


@dataclass(frozen=True)
class _VerbIndex:
    """One verb's patterns, most specific first (ties in the order listed), and for each
    anchor word the positions of the patterns that need it."""

    ordered: tuple[VerbPattern, ...]
    by_anchor: Mapping[str, tuple[int, ...]]
    free: tuple[int, ...]

    @classmethod
    def of(cls, patterns: list[VerbPattern]) -> _VerbIndex:
        ordered = tuple(sorted(patterns, key=lambda p: -p.specificity))
        by_anchor: dict[str, list[int]] = {}
        free = []
        for position, pattern in enumerate(ordered):
            anchor = pattern.anchor()
            if not anchor:
                free.append(position)
            for word in anchor:
                by_anchor.setdefault(word, []).append(position)
        return cls(ordered, {word: tuple(found) for word, found in by_anchor.items()}, tuple(free))

    def candidates(self, words: Iterable[str]) -> list[VerbPattern]:
        positions = set(self.free)
        for word in words:
            positions.update(self.by_anchor.get(word, ()))
        return [self.ordered[position] for position in sorted(positions)]


class Layer:
    """Patterns of one file (or of several, in order), by verb."""

    def __init__(self, patterns: Iterable[VerbPattern] = ()) -> None:
        self._by_verb: dict[str, list[VerbPattern]] = {}
        for pattern in patterns:
            self._by_verb.setdefault(pattern.verb, []).append(pattern)

    def verbs(self) -> Iterable[str]:
        return self._by_verb.keys()

    def patterns(self, verb: str) -> list[VerbPattern]:
        return self._by_verb.get(verb, [])


class LazyLayer(Layer):
    """A large lexicon file, read at once but turned into patterns one verb at a time, when
    the verb is first looked up: the generated lexicon has ~45,000 verb patterns, and an
    article uses a hundred verbs."""

    def __init__(self, text: str, source: str) -> None:
        super().__init__()
        raw = _read(text, source)
        entries = raw.get("verbs") if isinstance(raw, dict) else raw
        if not isinstance(entries, list):
            raise ValueError(f"{source}: expected a list of entries under 'verbs'")
        self._source, self._entries = source, entries
        self._sets = _sets(raw.get("sets") if isinstance(raw, dict) else None, source)
        self._positions: dict[str, list[int]] = {}
        for number, entry in enumerate(entries):
            for verb in self._verbs_of(number, entry):
                self._positions.setdefault(verb, []).append(number)

    def _verbs_of(self, number: int, entry: object) -> frozenset[str]:
        try:
            if not isinstance(entry, dict) or "verb" not in entry:
                raise ValueError("an entry must be a mapping with a verb")
            return _words("verb", entry["verb"], self._sets)
        except ValueError as error:
            raise ValueError(f"{self._source}: entry {number + 1}: {error}") from None

    def verbs(self) -> Iterable[str]:
        return self._positions.keys()

    def patterns(self, verb: str) -> list[VerbPattern]:
        if verb not in self._by_verb:
            self._by_verb[verb] = self._build(verb)
        return self._by_verb[verb]

    def _build(self, verb: str) -> list[VerbPattern]:
        numbered = ((number + 1, self._entries[number]) for number in self._positions.get(verb, ()))
        return list(_validated(numbered, self._source, self._sets, only=verb))


def _only_preposition(pattern: VerbPattern) -> bool:
    return pattern.specificity == 1 and pattern.prep is not None


class Lexicon:
    """Verb lemma -> its patterns, most specific first, ties in the order listed.

    Patterns come in layers, first the one that wins: a pattern with the same verb and
    constraints as one of an earlier layer is left out (user files, then the curated
    verbs.yaml, then the generated verbs_petrarch.json), and among equally specific
    patterns an earlier layer's come first. A verb an earlier layer codes alone keeps that
    code with a bare preposition too: a later layer's pattern naming only a preposition
    ("meet *at*") is left out, since the earlier entry's target already says which
    prepositions it reads. A verb's patterns are merged and indexed when the verb is first
    looked up."""

    def __init__(
        self,
        patterns: Iterable[VerbPattern] | Layer,
        aliases: Mapping[str, str] | None = None,
        nouns: Iterable[NounPattern] = (),
        support_verbs: Iterable[str] = (),
        more: Iterable[Layer] = (),
    ) -> None:
        first = patterns if isinstance(patterns, Layer) else Layer(patterns)
        self._layers = (first, *more)
        self._verbs = frozenset(verb for layer in self._layers for verb in layer.verbs())
        self._by_verb: dict[str, _VerbIndex] = {}
        self._aliases = {lemma: verb for lemma, verb in (aliases or {}).items() if verb in self._verbs}
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
        index = self._index(self._aliases.get(lemma, lemma))
        return index.ordered if index else ()

    def candidates(self, lemma: str, words: Iterable[str]) -> list[VerbPattern]:
        """The patterns of a lemma that a clause holding these words (lemmas of its objects,
        prepositions and their objects, complements, subject, particles) may satisfy, in
        the order of `patterns_for`."""
        index = self._index(self._aliases.get(lemma, lemma))
        return index.candidates(words) if index else []

    def _index(self, verb: str) -> _VerbIndex | None:
        index = self._by_verb.get(verb)
        if index is None and verb in self._verbs:
            merged: dict[tuple[Any, ...], VerbPattern] = {}
            for layer in self._layers:
                coded_alone = any(p.specificity == 0 for p in merged.values())
                for pattern in layer.patterns(verb):
                    if not (coded_alone and _only_preposition(pattern)):
                        merged.setdefault(pattern.key, pattern)
            index = self._by_verb[verb] = _VerbIndex.of(list(merged.values()))
        return index

    def verbs(self) -> frozenset[str]:
        """Every lemma with patterns, aliases included."""
        return self._verbs | frozenset(self._aliases)

    def __iter__(self) -> Iterator[VerbPattern]:
        for verb in sorted(self._verbs):
            yield from self.patterns_for(verb)

    def __len__(self) -> int:
        return sum(len(self.patterns_for(verb)) for verb in self._verbs)


def load_lexicon(extra_paths: Iterable[str | Path] = ()) -> Lexicon:
    """The packaged lexicon, extended by user files in the same formats.

    A verbs file is a list of verb patterns (or a mapping with `verbs` and `sets`); a
    nouns file is a mapping with `nouns` (and optionally `support_verbs`). A user entry
    with the same verb and constraints (or the same noun) as a packaged or earlier one
    replaces it, so a code can be corrected; any other entry is added, and wins ties.
    """
    extra = [Path(path) for path in extra_paths]
    if not extra:
        return _packaged_lexicon()
    packaged_nouns, support = _packaged_nouns()
    nouns = {noun.noun: noun for noun in packaged_nouns}
    user: list[tuple[VerbPattern, ...]] = []
    for path in extra:
        text = path.read_text(encoding="utf-8")
        if _is_nouns_file(text):
            more_nouns, more_support = parse_nouns(text, str(path))
            nouns |= {noun.noun: noun for noun in more_nouns}
            support |= more_support
        else:
            user.insert(0, parse_patterns(text, str(path)))  # a later file wins over an earlier one
    first = Layer(pattern for patterns in (*user, _curated_patterns()) for pattern in patterns)
    return Lexicon(first, _packaged_aliases(), nouns.values(), support, more=[_generated_layer()])


def _is_nouns_file(text: str) -> bool:
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return False
    return isinstance(raw, dict) and "nouns" in raw


def _data_text(name: str) -> str:
    return files("eventwatch").joinpath("data", "lexicon", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _curated_patterns() -> tuple[VerbPattern, ...]:
    return parse_patterns(_data_text("verbs.yaml"), PACKAGE_FILE)


@lru_cache(maxsize=1)
def _generated_layer() -> LazyLayer:
    return LazyLayer(_data_text("verbs_petrarch.json"), GENERATED_FILE)


def _packaged_verbs() -> frozenset[str]:
    return frozenset(p.verb for p in _curated_patterns()) | frozenset(_generated_layer().verbs())


@lru_cache(maxsize=1)
def _packaged_aliases() -> dict[str, str]:
    """Curated aliases over generated ones; a curated `lemma: null` keeps a lemma its own
    verb. A generated alias never hides a lemma that has patterns of its own."""
    curated = yaml.load(_data_text("lemma_aliases.yaml"), Loader=_Loader) or {}
    generated = yaml.load(_data_text("lemma_aliases_petrarch.yaml"), Loader=_Loader) or {}
    verbs = _packaged_verbs()
    bad = {lemma: verb for lemma, verb in curated.items() if verb is not None and verb not in verbs}
    if bad:
        raise ValueError(f"{ALIAS_FILE}: aliases of verbs the lexicon lacks: {bad}")
    aliases = {lemma: verb for lemma, verb in generated.items() if lemma not in verbs and verb in verbs}
    aliases |= curated
    return {lemma: verb for lemma, verb in aliases.items() if verb is not None}


@lru_cache(maxsize=1)
def _packaged_nouns() -> tuple[tuple[NounPattern, ...], frozenset[str]]:
    return parse_nouns(_data_text("nouns.yaml"), NOUN_FILE)


@lru_cache(maxsize=1)
def _packaged_lexicon() -> Lexicon:
    nouns, support = _packaged_nouns()
    return Lexicon(_curated_patterns(), _packaged_aliases(), nouns, support, more=[_generated_layer()])


def parse_nouns(text: str, source: str) -> tuple[tuple[NounPattern, ...], frozenset[str]]:
    """Noun patterns and support verbs of a nouns file; a ValueError names the file and entry."""
    raw = yaml.load(text, Loader=_Loader)
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
        if pattern.code not in codebook and pattern.code != NO_EVENT or pattern.of not in OF_ROLES or pattern.noun in nouns:
            raise ValueError(f"{source}: noun entry {number} ({pattern.noun!r}): bad code, bad 'of' or duplicate")
        nouns[pattern.noun] = pattern
    return tuple(nouns.values()), frozenset(_words("support_verbs", raw.get("support_verbs") or []))


def parse_patterns(text: str, source: str) -> tuple[VerbPattern, ...]:
    """Validated patterns of one lexicon file; a ValueError names the file and entry.

    The file is a list of entries, or a mapping with that list under `verbs` and named
    lists of values under `sets` ("&name" in a list stands for the set). An entry whose
    `verb` is a list stands for one pattern per verb. A `.json` file is read as JSON (the
    generated lexicon: much faster than YAML)."""
    raw = _read(text, source)
    entries = raw.get("verbs") if isinstance(raw, dict) else raw
    if not isinstance(entries, list):
        raise ValueError(f"{source}: expected a YAML list of entries (or a mapping with one under 'verbs')")
    sets = _sets(raw.get("sets") if isinstance(raw, dict) else None, source)
    return tuple(_validated(enumerate(entries, start=1), source, sets))


def _validated(
    numbered: Iterable[tuple[int, object]], source: str, sets: Mapping[str, frozenset[str]], only: str | None = None
) -> Iterator[VerbPattern]:
    """The patterns of numbered entries (of verb `only`), each validated; an error names the
    file and the entry."""
    origin, codes = Path(source).name, load_codebook()
    keys: set[tuple[Any, ...]] = set()
    for number, entry in numbered:
        try:
            found = _patterns(entry, origin, codes, sets, only)
        except ValueError as error:
            raise ValueError(f"{source}: entry {number} {_label(entry)}: {error}") from None
        for pattern in found:
            if pattern.key in keys:
                raise ValueError(f"{source}: entry {number} {_label(entry)}: duplicate pattern")
            keys.add(pattern.key)
            yield pattern


def _read(text: str, source: str) -> Any:
    try:
        if source.endswith(".json"):
            return json.loads(text)
        return yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        raise ValueError(f"{source}: not valid {'JSON' if source.endswith('.json') else 'YAML'}: {error}") from error


def _sets(raw: object, source: str) -> dict[str, frozenset[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError(f"{source}: 'sets' must map names to lists of values")
    try:
        return {str(name): _words(f"set {name}", values) for name, values in raw.items()}
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml when present."""


def _label(entry: object) -> str:
    return f"(verb {entry.get('verb')!r})" if isinstance(entry, dict) else repr(entry)


def _patterns(
    entry: object, origin: str, codes: Any, sets: Mapping[str, frozenset[str]], only: str | None = None
) -> list[VerbPattern]:
    """The entry's pattern for each of its verbs (for `only` that verb)."""
    if not isinstance(entry, dict):
        raise ValueError("an entry must be a mapping")
    unknown = sorted(set(map(str, entry)) - set(_KEYS))
    if unknown:
        raise ValueError(f"unknown key(s) {unknown}; allowed: {list(_KEYS)}")
    missing = [key for key in REQUIRED_KEYS if key not in entry]
    if missing:
        raise ValueError(f"missing {missing}")
    verbs = _words("verb", entry["verb"], sets)
    values: dict[str, Any] = {
        key: _word(key, entry[key]) for key in (*WORD_KEYS, "code", "target", "source", "reverse") if key in entry
    }
    values |= {key: _words(key, entry[key], sets) for key in LIST_KEYS if key in entry}
    if "symmetric" in entry:
        if not isinstance(entry["symmetric"], bool):
            raise ValueError("symmetric must be true or false")
        values["symmetric"] = entry["symmetric"]
    for key in ("code", "reverse"):
        if key in values and values[key] != NO_EVENT and values[key] not in codes:
            raise ValueError(f"{key} {values[key]!r} is not in the CAMEO codebook")
    for prep in ("prep", "prep2"):
        if f"{prep}_object" in values and prep not in values:
            raise ValueError(f"{prep}_object needs {prep}")
    if "purpose_object" in values and "purpose" not in values:
        raise ValueError("purpose_object needs purpose")
    if "prep2" in values and "prep" not in values:
        raise ValueError("prep2 needs prep")
    target = values.get("target", "dobj")
    if target not in SLOT_TARGETS and not target.isalpha():
        raise ValueError(f"target must be dobj, none or a preposition, not {target!r}")
    if not values.get("source", "from").isalpha():
        raise ValueError(f"source must be a preposition, not {values['source']!r}")
    return _for_each_verb([only] if only else sorted(verbs), values | {"origin": origin})


_DEFAULTS = {f.name: f.default for f in fields(VerbPattern) if f.name != "verb"}


def _for_each_verb(verbs: list[str], values: dict[str, Any]) -> list[VerbPattern]:
    """One pattern per verb, sharing the value sets; built without the dataclass __init__
    (the generated lexicon has ~45,000 verb patterns)."""
    template = _DEFAULTS | values
    found = []
    for verb in verbs:
        pattern = object.__new__(VerbPattern)
        pattern.__dict__.update(template, verb=verb)
        found.append(pattern)
    return found


def _word(key: str, value: object) -> str:
    """A lowercase string; codes are strings so that "010" keeps its zero."""
    if isinstance(value, bool):
        raise ValueError(f'{key}: YAML reads on/off/yes/no as true/false; quote it ("on")')
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f'{key} must be a non-empty string (quote codes: "010")')
    if key != "code" and value != value.lower():
        raise ValueError(f"{key} must be lowercase: {value!r}")
    return value.strip()


def _words(key: str, value: object, sets: Mapping[str, frozenset[str]] | None = None) -> frozenset[str]:
    """A word or a list of words; "&name" stands for the values of a set, and nested lists
    (a YAML alias `*name` of a list) are flattened."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items and key != "support_verbs":
        raise ValueError(f"{key} must be a word or a non-empty list of words")
    words: set[str] = set()
    for item in items:
        for word in item if isinstance(item, list) else [item]:
            if isinstance(word, str) and word.startswith("&"):
                if sets is None or word[1:] not in sets:
                    raise ValueError(f"{key}: no set {word[1:]!r} under 'sets'")
                words |= sets[word[1:]]
            else:
                words.add(_word(key, word))
    return frozenset(words)
