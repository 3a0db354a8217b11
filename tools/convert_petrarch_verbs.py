"""Convert the PETRARCH-2 verb dictionary (CAMEO.2.0.txt, MIT) into EventWatch lexicon entries.

Writes eventwatch/data/lexicon/verbs_petrarch.json (verb patterns) and
lemma_aliases_petrarch.yaml (inflections the English model lemmatises wrongly). Both are
generated: regenerate them with this script, never edit them. The curated verbs.yaml is
loaded first and wins over every generated entry with the same verb and constraints.

What the dictionary says, as read here (from its own comments and patterns):
- `--- NAME [code] ---` opens a block of synonymous verbs; the code is that of a verb
  alone unless its own line gives one; `---` is "no event".
- A verb line is a verb, `{irregular forms}` and an optional `[code]`; `+WORD_WORD` is a
  multi-word verb (verb + particle, preposition or object: CALL_OFF, ASK_FOR, WAGE_WAR).
- A pattern line `- ... [code]` belongs to every verb of its block. `*` is the verb;
  words before it are its subject ("&AIRCRAFT * ..."), words after it a particle and the
  object; `{A B}` is one noun phrase (modifiers, then the noun); `(P ...)` a preposition
  with its object; `&NAME` a synonym set; `A/B` alternatives; `_` joins words; `+` is
  where the target is, `$` the source, `^` a phrase to skip, `%` both actors.
- `[a:b]` codes a second event from the target back to the source (visit 042 : host
  043); `[a:a]` is a reciprocal event; `[:b]` only the one back; `[---]` no event.

Every pattern is converted or dropped with a reason; `--report` prints the counts.

    python tools/convert_petrarch_verbs.py [--source PATH] [--out PATH] [--aliases PATH] [--report]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
LEXICON_DIR = REPO / "eventwatch" / "data" / "lexicon"
OUT = LEXICON_DIR / "verbs_petrarch.json"
ALIASES_OUT = LEXICON_DIR / "lemma_aliases_petrarch.yaml"

NO_EVENT = "---"
# Words after the verb that are phrasal particles ("set *out* views", "put *forward* a plan").
PARTICLES = {"OUT", "UP", "DOWN", "OFF", "BACK", "AWAY", "FORWARD", "ASIDE", "FORTH", "TOGETHER", "APART"}
# Second words of multi-word verbs that are particles although they can be prepositions.
VERB_PARTICLES = PARTICLES | {"OVER", "IN", "ON", "BEHIND", "THROUGH", "BY"}
PREPOSITIONS = {
    "ABOUT", "ACROSS", "AFTER", "AGAINST", "ALONG", "AMID", "AMONG", "AROUND", "AS", "AT", "BEFORE",
    "BEHIND", "BETWEEN", "BEYOND", "BY", "DESPITE", "DURING", "FOR", "FROM", "IN", "INSIDE", "INTO",
    "NEAR", "OF", "ON", "ONTO", "OUTSIDE", "OVER", "SINCE", "THROUGH", "TO", "TOWARD", "TOWARDS",
    "UNDER", "UNTIL", "UPON", "VIA", "WITH", "WITHIN", "WITHOUT",
}
# Words before the verb that are no subject noun: auxiliaries, negation, adverbs.
NOT_SUBJECT_WORDS = {"WILL", "WOULD", "NOT", "BEEN", "HAS", "HAVE", "HAD", "IS", "ARE", "WAS", "WERE", "BE", "SAID"}
MAX_VALUES = 400  # a noun phrase of synonym sets expanded beyond this is left out

HEADER = re.compile(r"^---\s*(\S+)\s*\[([^\]]*)\]")
CODE = re.compile(r"\[([^\]]*)\]")
TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")


# --- reading the file -------------------------------------------------------------------


@dataclass
class VerbLine:
    words: tuple[str, ...]  # ("CALL", "OFF") for +CALL_OFF
    forms: tuple[str, ...]  # irregular inflections as written
    code: str | None  # None: the block's code
    line: int


@dataclass
class PatternLine:
    body: str
    code: str
    line: int
    origin: tuple[str, ...] = ()  # the comment's words: the verb(s) the pattern was found for


@dataclass
class Block:
    name: str
    code: str
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, list[str]]
    blocks: list[Block]


def read_dictionary(text: str) -> Dictionary:
    """Synonym sets and verb blocks of a PETRARCH verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: list[str] | None = None
    in_verbs = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs, current_set = True, None
            continue
        header = HEADER.match(raw)
        if header:
            blocks.append(Block(header.group(1), _code_text(header.group(2))))
            in_verbs, current_set = True, None
            continue
        line = _without_comment(raw)
        if not line:
            continue
        if line.startswith("&"):
            current_set = synsets.setdefault(line.split()[0].rstrip("_"), [])
            continue
        if current_set is not None and line.startswith("+") and not (in_verbs and blocks):
            current_set.append(line[1:].strip())
            continue
        if not (in_verbs and blocks):
            continue
        block = blocks[-1]
        if line.startswith("-"):
            found = CODE.search(line)
            if found:
                comment = raw.split("#", 1)[1] if "#" in raw else ""
                origin = tuple(w for w in re.split(r"[\s,]+", comment) if w.isupper())
                block.patterns.append(PatternLine(line[1 : found.start()].strip(), found.group(1).strip(), number, origin))
        else:
            verb = _verb_line(line, number)
            if verb is not None:
                block.verbs.append(verb)
    return Dictionary(synsets, blocks)


def _without_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].strip()


def _code_text(code: str) -> str:
    return code.strip() or NO_EVENT


def _verb_line(line: str, number: int) -> VerbLine | None:
    forms_match = re.search(r"\{([^}]*)\}", line)
    forms = tuple(f.strip().lstrip("+") for f in re.split(r"[\s,]+", forms_match.group(1)) if f.strip()) if forms_match else ()
    code_match = CODE.search(line)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
    if not head:
        return None
    words = tuple(w for w in head[0].lstrip("+").split("_") if w)
    return VerbLine(words, forms, _code_text(code_match.group(1)) if code_match else None, number)


# --- interpreting one pattern -----------------------------------------------------------


class Dropped(Exception):
    """A pattern the EventWatch format cannot state; the message is the reason, counted."""


@dataclass(frozen=True)
class Phrase:
    """A noun phrase: its values as alternatives of word tuples (modifiers..., noun)."""

    values: tuple[tuple[str, ...], ...]
    set_name: str | None = None  # the phrase is exactly this synonym set ("&WEAPON")


@dataclass(frozen=True)
class Constraints:
    """One pattern in EventWatch terms, before lemmatisation (words as written, upper case)."""

    particle: str | None = None
    object: Phrase | None = None
    preps: tuple[tuple[str, Phrase | None], ...] = ()
    subject: Phrase | None = None
    target: str = "dobj"


@dataclass(frozen=True)
class Codes:
    code: str  # NO_EVENT when only the event back counts
    reverse: str | None = None
    symmetric: bool = False


def parse_codes(text: str) -> Codes:
    """`042`, `042:043` (and the target hosts), `046:046` (reciprocal), `:173`, `---`."""
    if ":" not in text:
        return Codes(text or NO_EVENT)
    forward, back = (part.strip() or NO_EVENT for part in text.split(":", 1))
    if forward == back:
        return Codes(forward, symmetric=forward != NO_EVENT)
    return Codes(forward, None if back == NO_EVENT else back)


def interpret(body: str, synsets: dict[str, list[str]]) -> list[Constraints]:
    """A pattern body ("* SANCTIONS (ON +)") as EventWatch constraints; alternatives of a
    preposition ("(BY/WITH SANCTIONS)") give one constraint set each. Raises Dropped."""
    tokens = TOKEN.findall(body)
    if tokens.count("*") != 1:
        raise Dropped("no verb marker '*' of its own")
    if any(t.count("(") != t.count(")") or ")" in t and not t.startswith("(") for t in tokens):
        raise Dropped("unbalanced parentheses")
    star = tokens.index("*")
    subject = _subject(tokens[:star], synsets)
    particle, rest = _particle(tokens[star + 1 :])
    preps, target, obj, late_particle = _after_verb(rest, synsets)
    if late_particle and particle:
        raise Dropped("two particles")
    particle = particle or late_particle
    if len(preps) > 2:
        raise Dropped("more than two prepositional phrases")
    results = []
    for choice in itertools.product(*[[(p, o) for p in ps] for ps, o in preps]):
        where = choice[target][0].lower() if isinstance(target, int) else target
        results.append(Constraints(particle, obj, tuple(choice), subject, where))
    return results


def _subject(tokens: list[str], synsets: dict[str, list[str]]) -> Phrase | None:
    tokens = [t for t in tokens if t != "$"]
    if not tokens:
        return None
    if "+" in tokens or "%" in tokens:
        raise Dropped("target or both actors before the verb")
    if any(t.startswith("(") for t in tokens):
        raise Dropped("prepositional phrase before the verb")
    words = [w for t in tokens for w in _words_of(t)]
    if any(w in NOT_SUBJECT_WORDS or w.endswith("LY") or w in PREPOSITIONS or "_" in w and w.split("_")[0] in PREPOSITIONS for w in words):
        raise Dropped("adverb, auxiliary or preposition before the verb")
    return _phrase(tokens, synsets)


def _particle(tokens: list[str]) -> tuple[str | None, list[str]]:
    if tokens and tokens[0] in PARTICLES:
        return tokens[0], tokens[1:]
    if tokens and tokens[0].startswith("(") and tokens[0][1:-1].split() and tokens[0][1:-1].split()[0] in PARTICLES and len(tokens[0][1:-1].split()) == 1:
        return tokens[0][1:-1].strip(), tokens[1:]  # "(OUT) (OF COALITION)"
    return None, tokens


def _after_verb(tokens: list[str], synsets: dict[str, list[str]]):
    """Object, prepositions (each a list of alternative words and its object), target, and a
    particle after the object ("* &WEAPON OUT")."""
    obj: Phrase | None = None
    particle: str | None = None
    preps: list[tuple[list[str], Phrase | None]] = []
    target = "dobj"
    group: list[str] = []  # noun words being collected
    open_prep: list[str] | None = None  # a bare preposition word waiting for its object
    open_target = False

    def close() -> None:
        nonlocal obj, group, open_prep, open_target, target
        phrase = _phrase(group, synsets) if group else None
        if open_prep is not None:
            preps.append((open_prep, phrase))
            if open_target:
                target = len(preps) - 1  # the target is this preposition's object
        elif phrase is not None:
            if obj is not None:
                raise Dropped("two noun phrases after the verb")
            obj = phrase
        group, open_prep, open_target = [], None, False

    for token in tokens:
        if token.startswith("("):
            close()
            inner = TOKEN.findall(token[1:-1])
            if not inner:
                raise Dropped("empty parentheses")
            if inner[0] in PARTICLES and particle is None:
                particle = inner[0]  # "* SANCTIONS (OFF)", "* (OFF SANCTIONS)": shrug off sanctions
                group.extend(inner[1:])
                continue
            words = inner[0].split("/")
            if not all(w in PREPOSITIONS for w in words):
                raise Dropped(f"parenthesised phrase without a preposition ({inner[0]})")
            open_prep = words
            for item in inner[1:]:
                if item == "+":
                    open_target = True
                elif item == "$":
                    raise Dropped("source after the verb")
                elif item in ("^", "%"):
                    continue
                else:
                    group.append(item)
            if len(inner) == 1:
                open_target = True  # "(AGAINST)": the target is its object
            close()
        elif token == "$" or token == "%":
            raise Dropped("source after the verb")
        elif token == "+":
            if open_prep is not None:
                open_target = True
            elif group:
                close()  # "* HELP +": the target follows the object
        elif token == "^":
            continue
        elif token == "THAT":
            raise Dropped("clausal complement (THAT ...)")
        elif "/" not in token and token in PREPOSITIONS or "/" in token and all(w in PREPOSITIONS for w in token.split("/")):
            close()
            open_prep = token.split("/")
        elif token in PARTICLES and open_prep is None and particle is None:
            close()
            particle = token
        else:
            if open_prep is None and obj is not None and not group:
                raise Dropped("two noun phrases after the verb")
            group.append(token)
    if open_prep is not None and not group:
        open_target = True
    close()
    return preps, target, obj, particle


def _words_of(token: str) -> list[str]:
    return [w for w in re.split(r"[\s_]+", token.strip("{}")) if w]


def _phrase(tokens: list[str], synsets: dict[str, list[str]]) -> Phrase:
    """Words, synonym sets and {noun phrases} as one noun phrase with alternatives."""
    units: list[list[tuple[str, ...]]] = []
    names = [t.strip("{}") for t in tokens]
    if len(names) == 1 and names[0].startswith("&") and " " not in names[0]:
        return Phrase(tuple(_alternatives(names[0], synsets)), names[0].rstrip("_")[1:])
    for token in tokens:
        parts = TOKEN.findall(token[1:-1]) if token.startswith("{") else [token]
        for part in parts:
            units.append(_alternatives(part, synsets))
    values = [tuple(w for alt in combo for w in alt) for combo in itertools.product(*units)]
    if len(values) > MAX_VALUES:
        raise Dropped("noun phrase with too many alternatives")
    if values and any(w in PREPOSITIONS for value in values for w in value):
        raise Dropped("noun phrase holding a preposition")
    return Phrase(tuple(dict.fromkeys(values)))


def _alternatives(part: str, synsets: dict[str, list[str]]) -> list[tuple[str, ...]]:
    if part.startswith("&"):
        name = part.rstrip("_")
        if name not in synsets:
            raise Dropped("undefined synonym set")
        return [tuple(_words_of(member)) for member in synsets[name] if _words_of(member)]
    return [tuple(_words_of(alt)) for alt in part.split("/") if _words_of(alt)]


# --- lemmas -----------------------------------------------------------------------------


class Lemmas:
    """Lemmas as the English model produces them, so that entries match parsed text."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.nouns: dict[str, str] = {}
        self.verbs: dict[str, str] = {}
        self.parsed_phrases: dict[tuple[str, ...], bool] = {}
        self.sets: dict[str, tuple[str, ...]] = {}  # synonym sets as referenced by entries

    def prepare(self, nouns: Iterable[str], verbs: Iterable[str], phrases: Iterable[tuple[str, ...]]) -> None:
        """Lemmatise in batches, each word in a sentence: "They saw the NOUN.", "They will VERB
        the plan."; a word the model does not read as a noun (verb) keeps its own form."""
        nouns = sorted(set(nouns) - set(self.nouns))
        for noun, doc in zip(nouns, self.nlp.pipe(f"They saw the {n.lower()}." for n in nouns)):
            token = doc[3] if len(doc) == 5 else None
            self.nouns[noun] = token.lemma_.lower() if token is not None and token.pos_ in {"NOUN", "PROPN"} else noun.lower()
        verbs = sorted(set(verbs) - set(self.verbs))
        for verb, doc in zip(verbs, self.nlp.pipe(f"They will {v.lower()} the plan." for v in verbs)):
            token = doc[2] if len(doc) == 6 else None
            self.verbs[verb] = token.lemma_.lower() if token is not None and token.pos_ == "VERB" else verb.lower()
        phrases = sorted(set(p for p in phrases if len(p) > 1) - set(self.parsed_phrases))
        for phrase, doc in zip(phrases, self.nlp.pipe(f"They saw the {' '.join(phrase).lower()}." for phrase in phrases)):
            self.parsed_phrases[phrase] = _parses_as_phrase(doc, [w.lower() for w in phrase], self.noun(phrase[-1]))

    def noun(self, word: str) -> str:
        return self.nouns.get(word, word.lower())

    def verb(self, word: str) -> str:
        return self.verbs.get(word, word.lower())


def _parses_as_phrase(doc, words: list[str], lemma: str) -> bool:
    """Whether "They saw the <phrase>." parses the words as modifiers of the last one."""
    from eventwatch.events.lexicon import token_matches

    heads = [t for t in doc if t.lower_ == words[-1]]
    return any(token_matches(t, frozenset({" ".join([*words[:-1], lemma])})) for t in heads)


# --- entries ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One lexicon entry for one or more verbs, in the format of verbs.yaml."""

    verbs: tuple[str, ...]
    code: str
    particle: str | None = None
    object: tuple[str, ...] = ()
    prep: str | None = None
    prep_object: tuple[str, ...] = ()
    prep2: str | None = None
    prep2_object: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()
    target: str = "dobj"
    symmetric: bool = False
    reverse: str | None = None

    @property
    def key(self) -> tuple:
        return (self.particle, self.object, self.prep, self.prep_object, self.prep2, self.prep2_object, self.subject, self.xcomp)

    def as_complement(self, verbs: set[str]) -> Entry | None:
        """The twin of "* INTERVENE" (asked to intervene): a one-word object that the
        dictionary also lists as a verb may be the verb of an infinitive complement."""
        if len(self.object) == 1 and " " not in self.object[0] and not self.object[0].startswith("&") and self.object[0] in verbs:
            return replace(self, object=(), xcomp=self.object)
        return None


@dataclass(frozen=True)
class Options:
    """How block-wide the dictionary's facts are taken.

    scope "origin": a pattern holds for the verbs its comment names ("# TAKE": "take part"
    is no "capture part") when the comment names verbs of the block, else for the block;
    "block": for every verb of the block, as PETRARCH-2 reads it.
    bare "named": a verb alone takes a code only from its own line or when it names the
    block; "all": synonyms take the block's code too."""

    scope: str = "origin"
    bare: str = "named"
    complements: bool = True  # also read a one-word object that is a verb as an infinitive complement


@dataclass
class VerbSpec:
    """A verb line as EventWatch reads it."""

    lemma: str
    extra: Constraints | None  # what a multi-word verb adds: CALL_OFF -> particle off
    alone: Codes | None  # the code of the verb alone, None: no event alone
    names: frozenset[str]  # how the line writes the verb and its forms, to match comments


@dataclass
class Conversion:
    entries: list[Entry]
    sets: dict[str, tuple[str, ...]]  # synonym sets and verb blocks that entries refer to
    aliases: dict[str, str]
    counts: Counter
    dropped: Counter


def convert(text: str, nlp, codebook: Iterable[str], options: Options = Options(), find_lemma_aliases: bool = True) -> Conversion:
    """Entries (and lemma aliases) of a PETRARCH verb dictionary text. Every pattern line
    ends up converted, left out as a repeat, or dropped with a reason."""
    dictionary = read_dictionary(text)
    codes = set(codebook)
    counts: Counter = Counter()
    dropped: Counter = Counter()
    interpreted: list[tuple[Block, PatternLine, list[Constraints], Codes]] = []
    for block in dictionary.blocks:
        for line in block.patterns:
            try:
                found = parse_codes(line.code)
                if any(c and c != NO_EVENT and c not in codes for c in (found.code, found.reverse)):
                    raise Dropped("code not in the CAMEO codebook")
                interpreted.append((block, line, interpret(line.body, dictionary.synsets), found))
            except Dropped as reason:
                dropped[str(reason)] += 1
    lemmas = Lemmas(nlp)
    lemmas.prepare(*_words_to_lemmatise(dictionary, interpreted))
    verbs_of = {id(block): _block_verbs(block, lemmas, codes, options, counts) for block in dictionary.blocks}
    dictionary_verbs = {spec.lemma for specs in verbs_of.values() for spec in specs if spec.extra is None}
    # (verb, key) -> (rank, entry): a pattern found for the verb itself, then the first listed.
    chosen: dict[tuple, tuple[tuple[int, int], Entry, int]] = {}
    for block in dictionary.blocks:
        for spec in verbs_of[id(block)]:
            if spec.alone is not None:
                entry = _entry((spec.lemma,), spec.extra, spec.alone, lemmas)
                if entry is not None:
                    _choose(chosen, counts, spec.lemma, entry, (0, 0), 0)
    unparsed = 0
    for block, line, constraint_sets, found in interpreted:
        scope = _scope(verbs_of[id(block)], line, options)
        line_entries = 0
        for constraints in constraint_sets:
            base = _entry((), constraints, found, lemmas)
            if base is None:
                continue
            twin = base.as_complement(dictionary_verbs) if options.complements else None
            for spec in scope:
                entry = base if spec.extra is None else _merge(base, spec.extra, lemmas)
                if entry is None:
                    counts["multi-word verb x pattern left out (both set a particle or object)"] += 1
                    continue
                rank = (0 if spec.names & set(line.origin) else 1, line.line)
                line_entries += _choose(chosen, counts, spec.lemma, entry, rank, line.line)
                if twin is not None and spec.extra is None and _choose(chosen, counts, spec.lemma, twin, rank, line.line):
                    counts["infinitive-complement twins (ASK * INTERVENE: asked to intervene)"] += 1
        if not any(_entry((), c, found, lemmas) for c in constraint_sets):
            unparsed += 1
    if unparsed:
        dropped["every value a phrase the model does not parse as modifiers + noun"] += unparsed
    winners = {line for _, _, line in chosen.values()}
    counts["pattern lines"] = sum(len(b.patterns) for b in dictionary.blocks)
    counts["verb lines"] = sum(len(b.verbs) for b in dictionary.blocks)
    counts["pattern lines converted"] = len(winners - {0})
    counts["pattern lines dropped"] = sum(dropped.values()) - sum(v for k, v in dropped.items() if k.startswith("verb line"))
    counts["pattern lines left out: every verb has that pattern from an earlier line"] = (
        counts["pattern lines"] - counts["pattern lines converted"] - counts["pattern lines dropped"]
    )
    entries = _grouped(chosen)
    counts["verb patterns (verb x pattern)"] = sum(len(e.verbs) for e in entries)
    aliases = find_aliases(dictionary, lemmas, {v for e in entries for v in e.verbs}) if find_lemma_aliases else {}
    entries, verb_sets = _with_verb_sets(entries, dictionary, verbs_of)
    sets = dict(sorted(lemmas.sets.items())) | verb_sets
    return Conversion(entries, sets, aliases, counts, dropped)


def _scope(specs: list[VerbSpec], line: PatternLine, options: Options) -> list[VerbSpec]:
    if options.scope == "origin":
        named = [spec for spec in specs if spec.names & set(line.origin)]
        if named:
            return named
    return specs


def _choose(chosen: dict, counts: Counter, verb: str, entry: Entry, rank: tuple[int, int], line: int) -> int:
    """Keep the best-ranked entry for a verb and constraints; 1 when this one is kept."""
    key = (verb, entry.key)
    earlier = chosen.get(key)
    if earlier is not None:
        same = (earlier[1].code, earlier[1].reverse) == (entry.code, entry.reverse)
        counts["verb x pattern repeated with " + ("the same code" if same else "another code (the verb's own, else the first, kept)")] += 1
        if earlier[0] <= rank:
            return 0
    chosen[key] = (rank, replace(entry, verbs=(verb,)), line)
    return 1


def _grouped(chosen: dict) -> list[Entry]:
    """One entry per pattern line and constraint set, for all the verbs it holds for."""
    groups: dict[tuple, list[str]] = {}
    for (verb, _), (_, entry, line) in chosen.items():
        groups.setdefault((line, replace(entry, verbs=())), []).append(verb)
    return [replace(entry, verbs=tuple(sorted(verbs))) for (_, entry), verbs in sorted(groups.items(), key=lambda g: g[0][0])]


def _with_verb_sets(entries: list[Entry], dictionary: Dictionary, verbs_of) -> tuple[list[Entry], dict[str, tuple[str, ...]]]:
    """Entries whose verbs are a whole block of three or more refer to it as "&verbs_<block>"."""
    blocks: dict[tuple[str, ...], str] = {}
    for block in dictionary.blocks:
        verbs = tuple(sorted({s.lemma for s in verbs_of[id(block)] if s.extra is None}))
        if len(verbs) >= 3:
            blocks.setdefault(verbs, "verbs_" + block.name.lower().strip("_"))
    used: dict[str, tuple[str, ...]] = {}
    found = []
    for entry in entries:
        name = blocks.get(entry.verbs)
        if name is not None:
            used[name] = entry.verbs
            entry = replace(entry, verbs=(f"&{name}",))
        found.append(entry)
    return found, dict(sorted(used.items()))


def _words_to_lemmatise(dictionary: Dictionary, interpreted) -> tuple[set[str], set[str], set[tuple[str, ...]]]:
    nouns: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for _, _, constraint_sets, _ in interpreted:
        for c in constraint_sets:
            for phrase in (c.object, c.subject, *(p for _, p in c.preps)):
                for value in phrase.values if phrase else ():
                    nouns.add(value[-1])
                    phrases.add(value)
    verbs = {v.words[0] for b in dictionary.blocks for v in b.verbs}
    nouns |= {w for b in dictionary.blocks for v in b.verbs for w in v.words[1:]}
    return nouns, verbs, phrases


def _block_verbs(block: Block, lemmas: Lemmas, codes: set[str], options: Options, counts: Counter) -> list[VerbSpec]:
    found = []
    for verb in block.verbs:
        words = verb.words
        if any("-" in w or not w.isalpha() for w in words):
            counts["verb lines dropped: hyphenated or not a word"] += 1
            continue
        if any(w in ("AND", "OR") for w in words[1:]):
            counts["verb lines dropped: coordinated verbs (KILLED_AND)"] += 1
            continue
        extra = _multiword_constraints(words[1:]) if len(words) > 1 else None
        if extra is False:
            counts["verb lines dropped: multi-word verb of another shape"] += 1
            continue
        written = "_".join(words)
        own = verb.code is not None or written == block.name.strip("_") or options.bare == "all"
        alone = parse_codes(verb.code if verb.code is not None else block.code) if own else None
        if alone is not None and any(c and c != NO_EVENT and c not in codes for c in (alone.code, alone.reverse)):
            counts["verb lines: code not in the CAMEO codebook, no code alone"] += 1
            alone = None
        if alone is not None and alone.code == NO_EVENT and alone.reverse is None and extra is None:
            alone = None  # nothing to block: a verb alone without a code is no event anyway
        names = frozenset({written, *(f.replace("+", "") for f in verb.forms)})
        found.append(VerbSpec(lemmas.verb(words[0]), extra, alone, names))
    return found


def _multiword_constraints(rest: tuple[str, ...]) -> Constraints | bool:
    """CALL_OFF (particle), ASK_FOR (preposition), WAGE_WAR (object), GET_HOLD_OF,
    LIVE_UP_TO, SET_IN_MOTION; False for other shapes."""
    if len(rest) == 1:
        word = rest[0]
        if word in VERB_PARTICLES:
            return Constraints(particle=word)
        if word in PREPOSITIONS:
            return Constraints(preps=((word, None),), target=word.lower())
        return Constraints(object=Phrase(((word,),)))
    if len(rest) == 2:
        first, second = rest
        if first in PARTICLES and second in PREPOSITIONS:
            return Constraints(particle=first, preps=((second, None),), target=second.lower())
        if first in PREPOSITIONS and second not in PREPOSITIONS:
            return Constraints(preps=((first, Phrase(((second,),))),))
        if first not in PREPOSITIONS and second in PREPOSITIONS:
            return Constraints(object=Phrase(((first,),)), preps=((second, None),), target=second.lower())
    return False


def _merge(base: Entry, extra: Constraints, lemmas: Lemmas) -> Entry | None:
    """A block pattern for a multi-word verb: the verb's own words plus the pattern's."""
    own = _entry((), extra, Codes(base.code, base.reverse, base.symmetric), lemmas)
    if own is None or own.particle and base.particle or own.object and base.object:
        return None
    preps = [(p, o) for p, o in ((base.prep, base.prep_object), (base.prep2, base.prep2_object)) if p]
    if own.prep:
        if own.prep in [p for p, _ in preps]:
            return None
        preps.insert(0, (own.prep, own.prep_object))
    if len(preps) > 2:
        return None
    (prep, prep_object), (prep2, prep2_object) = (preps + [(None, ()), (None, ())])[:2]
    return replace(
        base,
        particle=own.particle or base.particle,
        object=own.object or base.object,
        prep=prep,
        prep_object=prep_object,
        prep2=prep2,
        prep2_object=prep2_object,
        target=base.target if base.target != "dobj" else own.target,
    )


def _entry(verbs: tuple[str, ...], c: Constraints | None, codes: Codes, lemmas: Lemmas) -> Entry | None:
    """The entry for constraints, values lemmatised; None when a phrase keeps no value."""
    c = c or Constraints()
    values = {}
    for name, phrase in (("object", c.object), ("subject", c.subject)):
        values[name] = _values(phrase, lemmas)
        if values[name] is None:
            return None
    preps = []
    for word, phrase in c.preps:
        found = _values(phrase, lemmas)
        if found is None:
            return None
        preps.append((word.lower(), found))
    (prep, prep_object), (prep2, prep2_object) = (preps + [(None, ()), (None, ())])[:2]
    return Entry(
        verbs=verbs,
        code=codes.code,
        particle=c.particle.lower() if c.particle else None,
        object=values["object"],
        prep=prep,
        prep_object=prep_object,
        prep2=prep2,
        prep2_object=prep2_object,
        subject=values["subject"],
        target=c.target,
        symmetric=codes.symmetric,
        reverse=codes.reverse,
    )


def _values(phrase: Phrase | None, lemmas: Lemmas) -> tuple[str, ...] | None:
    """Lowercase values, the noun lemmatised; multi-word values the model would not parse as
    modifiers of the noun, and hyphenated words, are left out (None when none is left). A
    phrase that is one synonym set is the reference "&name" to that set."""
    if phrase is None:
        return ()
    kept = []
    for value in phrase.values:
        if any("-" in w or "'" in w for w in value):
            continue
        if len(value) > 1 and not lemmas.parsed_phrases.get(value, True):
            continue
        kept.append(" ".join([*(w.lower() for w in value[:-1]), lemmas.noun(value[-1])]))
    kept = sorted(set(kept), key=lambda v: (-len(v.split()), v))
    if phrase.set_name and kept:
        name = phrase.set_name.lower()
        lemmas.sets[name] = tuple(kept)
        return (f"&{name}",)
    return tuple(kept) or None


# --- lemma aliases ----------------------------------------------------------------------


def inflections(verb: str, irregular: Iterable[str] = ()) -> list[str]:
    """The verb's -s, -ed and -ing forms (regular spelling) plus its irregular forms."""
    v = verb.lower()
    forms = set(f.lower() for f in irregular)
    if v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
        forms |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    elif v.endswith("e"):
        forms |= {v + "s", v + "d", v[:-1] + "ing"}
    elif v.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {v + "es", v + "ed", v + "ing"}
    else:
        forms |= {v + "s", v + "ed", v + "ing"}
    return sorted(forms)


FORM_CONTEXTS = {
    "s": "The minister {} the plan.",
    "ed": "The minister {} the plan.",
    "ing": "The minister is {} the plan.",
}


def find_aliases(dictionary: Dictionary, lemmas: Lemmas, lexicon_verbs: set[str]) -> dict[str, str]:
    """Lemmas the model gives inflected forms of dictionary verbs that differ from the verb:
    each inflection is parsed in a sentence and, tagged as a verb with another lemma, that
    lemma becomes an alias ("staged" -> "stag": stag -> stage). Left out: a lemma that is the
    form itself (the model read a generated form such as "seed" as a verb of its own), that
    is itself a verb of the lexicon, or that two verbs share (it would take another verb's
    events). Real verbs of their own that remain ("rapped" -> rap) are vetoed in the curated
    lemma_aliases.yaml with `rap: null`."""
    wanted: dict[str, set[str]] = {}
    for block in dictionary.blocks:
        for line in block.verbs:
            if len(line.words) != 1 or not line.words[0].isalpha():
                continue
            verb = lemmas.verb(line.words[0])
            if verb not in lexicon_verbs:
                continue
            irregular = [f for f in line.forms if f.isalpha()]
            for form in inflections(verb, irregular):
                wanted.setdefault(form, set()).add(verb)
    sentences = []
    for form in sorted(wanted):
        context = FORM_CONTEXTS["ing"] if form.endswith("ing") else FORM_CONTEXTS["ed"]
        sentences.append((form, context.format(form)))
    found: dict[str, set[str]] = {}
    for (form, _), doc in zip(sentences, lemmas.nlp.pipe(s for _, s in sentences)):
        token = next((t for t in doc if t.lower_ == form), None)
        if token is None or token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        for verb in wanted[form]:
            if lemma not in (verb, form):
                found.setdefault(lemma, set()).add(verb)
    return {lemma: next(iter(verbs)) for lemma, verbs in sorted(found.items()) if len(verbs) == 1 and lemma not in lexicon_verbs}


# --- output -----------------------------------------------------------------------------


ABOUT = (
    "GENERATED by tools/convert_petrarch_verbs.py from the PETRARCH-2 verb dictionary CAMEO.2.0.txt "
    "(openeventdata/petrarch2, MIT, (c) Open Event Data Alliance): regenerate, do not edit. Format: "
    "README.md beside this file; JSON so that it loads fast. Loaded after verbs.yaml, whose entries win."
)
FIELDS = ("particle", "object", "prep", "prep_object", "prep2", "prep2_object", "subject", "xcomp")


def render(conversion: Conversion) -> str:
    """The generated lexicon: a JSON mapping, one set and one entry per line."""
    lines = ["{", f'"about": {json.dumps(ABOUT)},', '"sets": {']
    sets = [f"  {json.dumps(name)}: {json.dumps(list(values))}" for name, values in conversion.sets.items()]
    lines += [",\n".join(sets), "},", '"verbs": [']
    lines += [",\n".join("  " + json.dumps(_entry_json(entry)) for entry in conversion.entries), "]", "}"]
    return "\n".join(lines) + "\n"


def _entry_json(entry: Entry) -> dict:
    found: dict = {"verb": entry.verbs[0] if len(entry.verbs) == 1 else list(entry.verbs), "code": entry.code}
    for name in FIELDS:
        value = getattr(entry, name)
        if value:
            found[name] = list(value) if isinstance(value, tuple) else value
    if entry.target != "dobj":
        found["target"] = entry.target
    if entry.symmetric:
        found["symmetric"] = True
    if entry.reverse:
        found["reverse"] = entry.reverse
    return found


YAML_SPECIAL = {"on", "off", "yes", "no", "true", "false", "null", "y", "n", "~"}


def _word(word: str) -> str:
    return f'"{word}"' if word in YAML_SPECIAL or not re.fullmatch(r"[a-z][a-z .]*", word) else word


def render_aliases(aliases: dict[str, str]) -> str:
    lines = [
        "# GENERATED by tools/convert_petrarch_verbs.py: regenerate, do not edit. Lemmas the English model",
        "# gives inflections of PETRARCH-2 dictionary verbs -> the verb (found by parsing each inflection).",
        "# lemma_aliases.yaml (curated) wins over these.",
    ]
    lines += [f"{_word(lemma)}: {_word(verb)}" for lemma, verb in sorted(aliases.items())]
    return "\n".join(lines) + "\n"


def report(conversion: Conversion) -> str:
    lines = [f"{name}: {count}" for name, count in conversion.counts.items()]
    lines.append(f"entries written: {len(conversion.entries)}, sets: {len(conversion.sets)}")
    lines.append(f"lemma aliases found: {len(conversion.aliases)}")
    lines.append("dropped, by reason:")
    lines += [f"  {count:5d}  {reason}" for reason, count in conversion.dropped.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--aliases", type=Path, default=ALIASES_OUT)
    parser.add_argument("--report", action="store_true", help="print what was converted and dropped")
    parser.add_argument("--scope", choices=("origin", "block"), default=Options.scope, help=Options.__doc__.split("\n\n")[1])
    parser.add_argument("--bare", choices=("named", "all"), default=Options.bare)
    parser.add_argument("--no-complements", action="store_true", help="no infinitive-complement twins")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"error: {args.source}: no such file", file=sys.stderr)
        return 2
    from eventwatch.events.codebook import load_codebook
    from eventwatch.nlp import load_nlp

    options = Options(args.scope, args.bare, not args.no_complements)
    conversion = convert(args.source.read_text(encoding="latin-1"), load_nlp(), load_codebook().codes(), options)
    args.out.write_text(render(conversion), encoding="utf-8")
    args.aliases.write_text(render_aliases(conversion.aliases), encoding="utf-8")
    print(f"wrote {args.out} ({len(conversion.entries)} entries) and {args.aliases} ({len(conversion.aliases)} aliases)")
    if args.report:
        print(report(conversion))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
