"""Is a text English? An offline guess from its letters' script and its function words.

No model and no dependency: EventWatch's pipeline is English-only, and all it needs to
know is whether an article is English, and if not, roughly what it is, for a message.
The word lists and scripts are data (eventwatch/data/language/, see its README).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from eventwatch.data import data_file

ENGLISH = "en"
UNDETERMINED = "und"

_SAMPLE_CHARS = 20_000
_LATIN = "LATIN"
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Another language must show at least this many function words, and more than this
# factor times as many as English, before a Latin-script text is called not English.
_MIN_EVIDENCE = 3
_OTHER_FACTOR = 2
# A long Latin-script text with almost no English function words is something else.
_MIN_WORDS_TO_REJECT = 50
_MIN_ENGLISH_SHARE = 0.04
_MIN_MARKERS = 3
# A script that `joins` a language counts for it when that language's own letters
# are at least this share of the script's (Han beside kana is Japanese).
_JOIN_SHARE = 0.1


@dataclass(frozen=True)
class Script:
    """A writing system: the language it stands for, letters that single out others."""

    language: str
    markers: dict[str, frozenset[str]] = field(default_factory=dict)
    joins: str | None = None  # a language whose text mixes this script with its own


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, "und" when it is not English but
    unknown; "en" when nothing speaks against English (no letters, a headline of names)."""
    sample = text[:_SAMPLE_CHARS]
    chars = Counter({ch: count for ch, count in Counter(sample).items() if ch.isalpha()})
    by_script: Counter[str] = Counter()
    for ch, count in chars.items():
        by_script[_script_of(ch)] += count
    letters = sum(by_script.values())
    if by_script[_LATIN] * 2 >= letters:
        return _latin_language(sample)
    return _script_language(by_script, chars)


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str:
    """The first word of the character's Unicode name: LATIN, CYRILLIC, CJK, ..."""
    return unicodedata.name(ch, "").split(" ", 1)[0]


def _latin_language(sample: str) -> str:
    words = Counter(_LETTER_RUN.findall(sample.lower()))
    hits = {language: sum(words[w] for w in listed & words.keys()) for language, listed in function_words().items()}
    english = hits.pop(ENGLISH, 0)
    other, most = max(hits.items(), key=lambda item: item[1], default=(UNDETERMINED, 0))
    if most >= _MIN_EVIDENCE and most > _OTHER_FACTOR * english:
        return other
    total = words.total()
    if total >= _MIN_WORDS_TO_REJECT and english < _MIN_ENGLISH_SHARE * total:
        return UNDETERMINED
    return ENGLISH


def _script_language(by_script: Counter[str], chars: Counter[str]) -> str:
    known = scripts()
    by_language: Counter[str] = Counter()
    for name, count in by_script.items():
        if name != _LATIN:
            by_language[known[name].language if name in known else UNDETERMINED] += count
    for name, script in known.items():
        count = by_script[name]
        if count and script.joins and by_language[script.joins] >= _JOIN_SHARE * count:
            by_language[script.language] -= count
            by_language[script.joins] += count
    language = by_language.most_common(1)[0][0]
    return _marked_language(language, chars)


def _marked_language(language: str, chars: Counter[str]) -> str:
    """A language that shares the script but shows its own letters ("ї": Ukrainian)."""
    marks = Counter(
        {other: sum(chars[ch] for ch in letters)
         for script in scripts().values() if script.language == language
         for other, letters in script.markers.items()}
    )
    best = marks.most_common(1)
    return best[0][0] if best and best[0][1] >= _MIN_MARKERS else language


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Language code -> its function words, lower case (function_words.yaml)."""
    data = _load("function_words.yaml")
    for language, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"function_words.yaml: {language!r} must be a list of words (quote yes/no/on/off)")
    return {str(language): frozenset(w.lower() for w in words) for language, words in data.items()}


@lru_cache(maxsize=1)
def scripts() -> dict[str, Script]:
    """Unicode script name -> Script (scripts.yaml)."""
    return {
        name: Script(
            language=entry["language"],
            markers={lang: frozenset(letters) for lang, letters in (entry.get("markers") or {}).items()},
            joins=entry.get("joins"),
        )
        for name, entry in _load("scripts.yaml").items()
    }


def _load(name: str) -> dict[str, Any]:
    with data_file("language", name).open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    if not isinstance(data, dict):
        raise ValueError(f"eventwatch/data/language/{name}: expected a mapping at the top")
    return data
