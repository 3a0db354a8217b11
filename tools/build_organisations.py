"""Regenerate eventwatch/data/actors/international_phoenix.json: the intergovernmental and
non-governmental organisations of the PETRARCH2 dictionary Phoenix.International.actors.txt
with their codes, and the officials it lists for them (with their dated roles).

What is kept and how names are guarded:
- organisations: undated `IGO...` and `NGO...` codes. Companies (`MNC`) and media (`MED`)
  are left out. Names the curated files already hold (organisations, states, people) are
  skipped, so organisations.yaml decides about them; a leading "The" is dropped.
- a one-word name that is an English word or a given name ("Olive", "Caritas", "Amit"),
  or that has at most five letters (an acronym: "IAEA", "BRAC"), is kept only in capitals
  and then matched exactly, so "olive" or "Amit Shah" are no organisation. The resolver
  adds its own guard for longer names: their capitalised words must be capitalised in
  the text ("Human Rights Watch", not "human rights watch").
- `org` (the short name events report) is the curated organisation's when the code is
  one curated organisation's own (`IGOUNO` -> UN); otherwise the entry's name.
- people: entries with dated roles, and undated entries whose name starts with a known
  given name and holds no word of organisation names ("Gillian Mellsop [IGOUNOKID]"):
  their role is the default. Title aliases ("UN Secretary General") are dropped as in
  tools/build_people.py.

    python tools/build_organisations.py [--source FILE] [--out PATH]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwatch.actors.kb import DATA_DIR, read_data
from eventwatch.actors.people import OUT_OF_OFFICE, Role, format_role
from eventwatch.actors.tabari import Block, as_json, entry_of, read_blocks
from eventwatch.data import read_yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_people import cleaned, run_converter, title_words  # noqa: E402  (a sibling tool)

REPO = Path(__file__).resolve().parents[1]
PETRARCH = REPO.parent / "shared" / "reference" / "petrarch2"
SOURCE = PETRARCH / "Phoenix.International.actors.txt"
COUNTRIES = PETRARCH / "Phoenix.Countries.actors.txt"  # its office holders' given names help tell people apart
OUT_FILE = "international_phoenix.json"
KEPT_PREFIXES = ("IGO", "NGO")
ACRONYM_LENGTH = 5  # one-word names this short are acronyms: capitals only
ORG_WORD_COUNT = 3  # a word in this many organisation names marks an organisation
GENERIC = frozenset({"ngo", "ngos", "igo", "international government organisation", "international government organization"})
NAME_CHARACTERS = re.compile(r"^[\w .,'&/()-]+$")
ATTRIBUTION = (
    "Converted by tools/build_organisations.py from {source} of PETRARCH2 "
    "(https://github.com/openeventdata/petrarch2, MIT License, Copyright (c) 2014 Open Event Data "
    "Alliance). Regenerate instead of editing; organisations.yaml and people_since_2014.yaml "
    "correct and extend it. Format: README.md here."
)


def english_words() -> frozenset[str]:
    """Lower-case words the spaCy model knows: one-word names among them need capitals."""
    from eventwatch.nlp import load_nlp

    return frozenset(s for s in load_nlp().vocab.strings if s.isalpha() and s.islower())


def given_names(data: dict[str, Any], blocks: Iterable[Block]) -> frozenset[str]:
    """First words of the names of people with dated roles, in the knowledge base or in
    the dictionaries, and the quote stage's first names."""
    people = [*data["people"].values(), *(e for section, e in filter(None, map(entry_of, blocks)) if section == "people")]
    names = {p["name"].split()[0].lower() for p in people if " " in p["name"]}
    for group in read_yaml("quotes", "people.yaml")["first_names"].values():
        names.update(name.lower() for name in group)
    return frozenset(names)


def taken_names(data: dict[str, Any]) -> frozenset[str]:
    """Names the curated data already gives to an actor, lower case."""
    names: set[str] = set()
    for country in data["countries"].values():
        names.update([country["name"], *country.get("aliases", []), *country.get("adjectives", [])])
        names.update([*country.get("capitals", []), *(country.get("seats") or {})])
    for org in data["organisations"].values():
        names.update([org["name"], *org.get("aliases", [])])
    for section in ("people", "groups"):
        for holder in data[section].values():
            names.update([holder["name"], *holder.get("aliases", [])])
    return frozenset(n.lower() for n in names)


def known_acronyms(data: dict[str, Any]) -> frozenset[str]:
    """Curated names written in capitals ("UN", "EU", "NATO"), lower case."""
    names = [n for org in data["organisations"].values() for n in [org["name"], *org.get("aliases", [])]]
    return frozenset(n.lower() for n in names if n.isupper() and " " not in n)


def shown(name: str, acronyms: frozenset[str]) -> str:
    """`The United Nations` -> `United Nations`; `U.n.` -> `U.N.`; `Un Envoy` -> `UN Envoy`."""
    name = re.sub(r"^the\s+|,\s*the$", "", name.strip(), flags=re.I)
    return " ".join(
        word.upper() if ("." in word and len(word) <= 6) or word.lower() in acronyms else word for word in name.split()
    )


def guarded(name: str, words: frozenset[str], given: frozenset[str]) -> str:
    """A one-word name that could be read as a word or a given name, in capitals only."""
    if " " in name or "-" in name:
        return name
    lower = name.lower().strip(".")
    if len(lower) <= ACRONYM_LENGTH or lower in words or lower in given:
        return name.upper()
    return name


def organisation_words(entries: Iterable[dict[str, Any]], given: frozenset[str]) -> frozenset[str]:
    """Words in several organisation names that do not start with a given name
    ("foundation", "council", "international")."""
    names = [e["name"].lower().split() for e in entries]
    counts = Counter(w for words in names if words[0] not in given for w in set(words))
    return frozenset(w for w, n in counts.items() if n >= ORG_WORD_COUNT)


def is_person(entry: dict[str, Any], given: frozenset[str], org_words: frozenset[str], english: frozenset[str]) -> bool:
    """Two to four words, none of organisation names, starting with a given name or, for
    an intergovernmental code, made of no English word ("Samlee Plianbangchang"; NGO
    names in other languages are as foreign-looking)."""
    words = entry["name"].lower().split()
    if not 2 <= len(words) <= 4 or org_words & set(words):
        return False
    foreign = entry["code"].startswith("IGO") and not any(w.strip(".") in english for w in words)
    return words[0] in given or foreign


def curated_short_names(data: dict[str, Any]) -> dict[str, str]:
    """Code -> the short name of the one curated organisation with that code."""
    shorts: dict[str, set[str]] = {}
    for org in data["organisations"].values():
        shorts.setdefault(org["code"], set()).add(org.get("org", org["name"]))
    return {code: next(iter(names)) for code, names in shorts.items() if len(names) == 1 and code.startswith("IGO")}


def convert(
    blocks: Iterable[Block], data: dict[str, Any], words: frozenset[str], given: frozenset[str]
) -> dict[str, list[Any]]:
    taken, titles, shorts = taken_names(data), title_words(data), curated_short_names(data)
    found = [entry_of(block) for block in blocks]
    # Companies' names teach organisation words too ("corporation", "group").
    undated = [e for f in found if f and f[0] in ("organisations", "groups") for e in [f[1]]]
    org_words = organisation_words(undated, given)
    acronyms = known_acronyms(data)
    organisations, people = {}, []
    for result in found:
        if result is None:
            continue
        section, entry = result
        if section == "people":
            roles = [r for r in entry["roles"] if r.code != OUT_OF_OFFICE]
            if any(r.code.startswith(KEPT_PREFIXES) for r in roles):
                people.append({**entry, "roles": roles})
            continue
        if section != "organisations" or not entry["code"].startswith(KEPT_PREFIXES):
            continue
        if is_person(entry, given, org_words, words):
            people.append({"name": entry["name"], "aliases": entry["aliases"], "roles": [Role(entry["code"])]})
            continue
        names = [shown(n, acronyms) for n in [entry["name"], *entry["aliases"]]]
        names = [n for n in dict.fromkeys(names) if usable(n, taken)]
        if not names:
            continue
        names = list(dict.fromkeys(guarded(n, words, given) for n in names))
        key = names[0].lower()
        if key in organisations:
            same = organisations[key]
            same["aliases"] = [a for a in dict.fromkeys([*same.get("aliases", []), *names[1:]]) if a != same["name"]]
            continue
        code = entry["code"]
        org = {"name": names[0], "org": shorts.get(code, names[0]), "code": code, "sector": code[:3], "aliases": names[1:]}
        organisations[key] = {k: v for k, v in org.items() if v}
    # People the curated files know are merged with them when loaded: their roles here add up.
    holders = [{**p, "roles": [format_role(r) for r in p["roles"]]} for p in cleaned(people, titles)]
    return {"organisations": list(organisations.values()), "people": holders}


def usable(name: str, taken: frozenset[str]) -> bool:
    lower = name.lower()
    return len(name) > 2 and bool(NAME_CHARACTERS.match(name)) and lower not in taken and lower not in GENERIC


def build(source: Path) -> str:
    curated = [DATA_DIR / n for n in ("countries.yaml", "organisations.yaml", "sectors.yaml", "people_phoenix.tsv", "groups_phoenix.json", "people_since_2014.yaml")]
    data = read_data(curated)
    blocks = list(read_blocks(source))
    given = given_names(data, [*blocks, *read_blocks(COUNTRIES)])
    converted = convert(blocks, data, english_words(), given)
    return as_json(converted, ATTRIBUTION.format(source=source.name))


def main() -> None:
    run_converter(__doc__, build, SOURCE, DATA_DIR / OUT_FILE)


if __name__ == "__main__":
    main()
