"""Regenerate eventwatch/data/actors/countries_phoenix.json: other names and misspellings of
states from the country entries of the PETRARCH2 dictionary Phoenix.Countries.actors.txt
("AFGANISTAN", "QUATAR", "ETHOPIA", "PHILLIPPINES"), as aliases and adjectives of the
curated countries of countries.yaml.

A country entry of the dictionary lists under one state code its names, adjectives,
misspellings, foreign names, nicknames, cities and provinces. Kept are the synonyms that
name the state itself, and only when they cannot be read as something else:
- not a name the curated data already gives to anyone (a state, capital, seat,
  organisation, person or group), and listed under one state only;
- not a place of the gazetteer (cities and provinces stand for their state through the
  place rule, with their own sector and population guard: "Kandahar" is AFGCVL, not AFG);
- no word of places or features ("Logar Province", "Lake Tana"), no nickname made of
  English words only ("The Graveyard of Empires"), no one-word English word or given name
  ("Hippo", "Constantine"), nothing of three letters or fewer and nothing with dots or
  commas or odd characters (the dictionary's capitals are lost: "US" would read "Us", the pronoun).
- and a spelling of one of the state's own names or adjectives, or a formal name holding
  one (provinces, regions, mountains, nicknames and older names are left out).
A synonym closer in spelling to one of the state's adjectives than to its names is an
adjective ("Phillipine"), else a name ("Phillippines").

    python tools/build_countries.py [--source FILE] [--out PATH]
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwatch.actors.kb import DATA_DIR, read_data
from eventwatch.actors.tabari import Block, as_json, display_names, read_blocks
from eventwatch.gazetteer import Gazetteer, load_gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_organisations import english_words, given_names, taken_names  # noqa: E402  (a sibling tool)
from build_people import run_converter  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "reference" / "petrarch2" / "Phoenix.Countries.actors.txt"
OUT_FILE = "countries_phoenix.json"
STATE_CODE = re.compile(r"^[A-Z]{3}$")
WRITTEN = re.compile(r"^[^\W\d_][^\W\d_ '-]*(?:[ '-][^\W\d_]+)*$")  # words; no dots, commas, odd marks
SHORTEST = 4  # letters; shorter synonyms are acronyms whose capitals the dictionary lost
PLACE_WORDS = frozenset(
    "lake river mount mountain mountains gulf sea bay island islands isle valley region province city "
    "district peninsula desert coast strait canal county state oblast territory capital town".split()
)
LIKENESS = 0.75  # difflib ratio from which a spelling is taken for one of the state's own
# Words of the formal names of states ("Democratic Republic of the Congo").
FORMAL_WORDS = frozenset(
    "republic rep kingdom democratic people peoples people's federal federation union united islamic arab "
    "socialist state states commonwealth sultanate emirate principality grand duchy of the and".split()
)
SMALL_WORDS = frozenset({"the", "of", "and", "a"})
ATTRIBUTION = (
    "Converted by tools/build_countries.py from {source} of PETRARCH2 "
    "(https://github.com/openeventdata/petrarch2, MIT License, Copyright (c) 2014 Open Event Data "
    "Alliance): other names and misspellings of the states of countries.yaml. Regenerate instead "
    "of editing; countries.yaml is the curated list. Format: README.md here."
)


def country_blocks(blocks: Iterable[Block]) -> list[tuple[str, list[str]]]:
    """(state code, names) of the entries coded with a bare state code ("AFGHANISTAN_ [AFG]")."""
    found = []
    for block in blocks:
        if len(block.codes) == 1 and STATE_CODE.match(block.codes[0].strip()) and "countryinfo" not in block.comment.lower():
            names = [n for raw in block.names for n in display_names(raw)[:1]]
            found.append((block.codes[0].strip(), names))
    return found


def is_place(name: str, gazetteer: Gazetteer) -> bool:
    return any(place.kind != "country" for place, _ in gazetteer.candidates(name))


def plausible(name: str, country: dict[str, Any], english: frozenset[str], given: frozenset[str]) -> bool:
    """A synonym that can only be read as the state's name (the guards of the docstring);
    the words of the state's own names count as no English words ("Norway, Kingdom of")."""
    words = name.lower().split()
    own = {w for form in sum(own_forms(country), []) for w in form.lower().split()}
    letters = re.sub(r"[^a-z]", "", name.lower())
    if len(letters) < SHORTEST or not WRITTEN.match(name) or PLACE_WORDS & set(words):
        return False
    if len(words) == 1:
        return words[0] not in english and words[0] not in given
    return not all((w in english and w not in own) or w in SMALL_WORDS for w in words)


def likeness(name: str, forms: Iterable[str]) -> float:
    """How close a spelling is to the closest of some forms (0..1)."""
    return max((difflib.SequenceMatcher(None, name.lower(), f.lower()).ratio() for f in forms), default=0.0)


def own_forms(country: dict[str, Any]) -> tuple[list[str], list[str]]:
    return [country["name"], *country.get("aliases", [])], list(country.get("adjectives", []))


def names_the_state(name: str, country: dict[str, Any]) -> bool:
    """A spelling of one of the state's own names or adjectives ("Afganistan", "Brasil"),
    or a formal name holding one ("Peoples Republic of China"); not a province, region,
    mountain, nickname or older name ("Kandal", "South Australia", "Moonland")."""
    names, adjectives = own_forms(country)
    words = name.lower().split()
    for form in names + adjectives:  # "South Australia", "Canadian Shield": a part, not the state
        own = form.lower().split()
        holds = any(words[i : i + len(own)] == own for i in range(len(words) - len(own) + 1))
        if holds and len(words) > len(own):
            return form in names and set(words) <= set(own) | FORMAL_WORDS
    return likeness(name, names + adjectives) >= LIKENESS


def kind_of(name: str, country: dict[str, Any]) -> str:
    """ "aliases" or "adjectives": whichever of the state's forms the spelling is closer to."""
    names, adjectives = own_forms(country)
    return "adjectives" if likeness(name, adjectives) > likeness(name, names) else "aliases"


def convert(
    entries: list[tuple[str, list[str]]],
    data: dict[str, Any],
    gazetteer: Gazetteer,
    english: frozenset[str],
    given: frozenset[str],
) -> dict[str, list[Any]]:
    taken = taken_names(data)
    codes_of: dict[str, set[str]] = {}
    for code, names in entries:
        for name in names:
            codes_of.setdefault(name.lower(), set()).add(code)
    countries = []
    for code, names in entries:
        country = data["countries"].get(code)
        if country is None:
            continue
        kept: dict[str, list[str]] = {"aliases": [], "adjectives": []}
        for name in dict.fromkeys(re.sub(r"^The ", "", n) for n in names):
            lower = name.lower()
            if lower in taken or len(codes_of.get(lower, ())) > 1 or not plausible(name, country, english, given):
                continue
            if not names_the_state(name, country) or is_place(name, gazetteer):
                continue
            kept[kind_of(name, country)].append(name)
        if kept["aliases"] or kept["adjectives"]:
            countries.append({"code": code, **{k: v for k, v in kept.items() if v}})
    return {"countries": countries}


def build(source: Path) -> str:
    curated = [DATA_DIR / n for n in ("countries.yaml", "organisations.yaml", "international_phoenix.json", "people_phoenix.tsv", "groups_phoenix.json", "people_since_2014.yaml")]
    data = read_data(curated)
    blocks = list(read_blocks(source))
    converted = convert(country_blocks(blocks), data, load_gazetteer(), english_words(), given_names(data, blocks))
    return as_json(converted, ATTRIBUTION.format(source=source.name))


def main() -> None:
    run_converter(__doc__, build, SOURCE, DATA_DIR / OUT_FILE)


if __name__ == "__main__":
    main()
