"""Regenerate eventwatch/data/actors/sectors_phoenix.json, the sector vocabulary converted
from the PETRARCH2 agents dictionary (Phoenix.agents.txt: agent nouns -> sector codes).

Every agent noun becomes a phrase of its sector (the first three letters of its code:
`~GOVMED` is GOV); `!PERSON!` and `!MINIST!` substitutions are expanded and irregular
plurals kept (regular ones are left to the lemma). Dropped: phrases that the resolver's
noun phrases can never hold (words joined by "for", "to", "and", ...: only "of" phrases
belong to a noun phrase), phrases with mis-encoded letters, one-word nouns that are also
first names of people the knowledge base knows ("Christian", "Dean"), which would
otherwise be read as titles of people, and phrases made only of the curated title words
("deputy", "acting": sectors.yaml's `title_words`, which name no sector of their own:
"deputy" is COP in the dictionary and would make a deputy minister a policeman). The
curated sectors.yaml is read after this file and wins where both list a phrase; a phrase
whose singular or plural it lists is dropped here too ("spokesmen" is MED in the
dictionary, but the curated "spokesman" is GOV, and the plural as written would be found
before the lemma).

    python tools/build_agents.py [--source Phoenix.agents.txt] [--out PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from eventwatch.actors.kb import DATA_DIR, phrase_words, read_data
from eventwatch.actors.tabari import as_json, read_agents
from eventwatch.data import read_yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_people import run_converter  # noqa: E402  (a sibling tool)

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "reference" / "petrarch2" / "Phoenix.agents.txt"
OUT_FILE = "sectors_phoenix.json"
# Words that join a phrase the resolver never sees whole (it keeps only "of" phrases).
UNMATCHABLE_WORDS = frozenset("for to in at on with from against and or the , & into by as".split())
ATTRIBUTION = (
    "Converted by tools/build_agents.py from {source} of PETRARCH2 "
    "(https://github.com/openeventdata/petrarch2, MIT License, Copyright (c) 2014 Open Event Data "
    "Alliance). Regenerate instead of editing; sectors.yaml is read after this file and wins. "
    "Format: README.md here."
)


def first_names() -> frozenset[str]:
    """Given names of people the knowledge base and the quote stage know, lower case."""
    data = read_data([DATA_DIR / "people_phoenix.tsv"])
    names = {p["name"].split()[0].lower() for p in data["people"].values() if " " in p["name"]}
    for group in read_yaml("quotes", "people.yaml")["first_names"].values():
        names.update(name.lower() for name in group)
    return frozenset(names)


def curated() -> dict[str, Any]:
    return read_data([DATA_DIR / "sectors.yaml"])


def title_words(data: dict[str, Any]) -> frozenset[str]:
    return frozenset(w.lower() for key in ("title_words", "honorifics", "former") for w in data.get(key, []))


def number_forms(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The phrase with its last word in singular and plural: "spokesmen" -> "spokesman"."""
    *first, last = words
    forms = {last, last + "s", last + "es", last.removesuffix("s"), last.removesuffix("es")}
    for singular, plural in (("man", "men"), ("woman", "women"), ("y", "ies"), ("person", "people")):
        if last.endswith(plural):
            forms.add(last[: -len(plural)] + singular)
        if last.endswith(singular):
            forms.add(last[: -len(singular)] + plural)
    return {(*first, form) for form in forms}


def usable(phrase: str, names: frozenset[str], titles: frozenset[str], listed: set[tuple[str, ...]]) -> bool:
    words = phrase_words(phrase)
    if not words or not phrase.isascii() or any(w in UNMATCHABLE_WORDS for w in words):
        return False
    if all(w in titles for w in words) or number_forms(words) & listed:
        return False
    return not (len(words) == 1 and (words[0] in names or len(words[0]) < 3))


def build(source: Path) -> str:
    data = curated()
    names, titles, listed = first_names(), title_words(data), set(data["sectors"])
    sectors = {
        sector: kept
        for sector, phrases in read_agents(source).items()
        if (kept := [p for p in phrases if usable(p, names, titles, listed)])
    }
    return as_json({"sectors": sectors}, ATTRIBUTION.format(source=source.name))


def main() -> None:
    run_converter(__doc__, build, SOURCE, DATA_DIR / OUT_FILE)


if __name__ == "__main__":
    main()
