"""Regenerate the actor data converted from the PETRARCH2 Phoenix dictionaries.

people_phoenix.tsv: the office holders of Phoenix.Countries.actors.txt (CountryInfo
people: heads of state and government, ministers) and the heads of international
organisations of Phoenix.International.actors.txt (IGOrulers), with their dated roles;
all of them by default, since old news and reference sentences name past leaders
("President Reagan" in an article dated 2000 is a former US president, USAELI), or
those in office on or after --since. Aliases that carry a title ("PRESIDENT_PUTIN") are
dropped, since the resolver reads titles from the text; so are one-word aliases that
are someone's first name ("Abdullah"). Out-of-office (ELI) roles of the person's own
state are left out: the resolver infers them (eventwatch/actors/people.py).

groups_phoenix.json: the non-state armed groups of Phoenix.MilNonState.actors.txt (JSON:
it loads far faster than YAML).

    python tools/build_people.py [--since YYYY-MM-DD] [--out-dir DIR]
    python tools/build_people.py --convert MY.actors.txt --out mine.yaml   # any TABARI file, unfiltered
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from eventwatch.actors.kb import DATA_DIR, read_data
from eventwatch.actors.people import OUT_OF_OFFICE, Role, format_role, table_line
from eventwatch.actors.tabari import Block, as_json, entry_of, read_blocks, read_tabari

REPO = Path(__file__).resolve().parents[1]
PETRARCH = REPO.parent / "shared" / "reference" / "petrarch2"
PEOPLE_SOURCES = (PETRARCH / "Phoenix.Countries.actors.txt", PETRARCH / "Phoenix.International.actors.txt")
GROUPS_SOURCE = PETRARCH / "Phoenix.MilNonState.actors.txt"
PEOPLE_FILE, GROUPS_FILE = "people_phoenix.tsv", "groups_phoenix.json"
PEOPLE_MARKS = ("countryinfo", "igorulers")  # source comments of person entries
NAME_WORD = re.compile(r"^[^\W\d_][\w'.]*$")  # "V.", "O'Neill"; not ".medvedev"

ATTRIBUTION = """\
# Converted by tools/build_people.py from the PETRARCH2 Phoenix dictionaries ({sources}):
# https://github.com/openeventdata/petrarch2, MIT License, Copyright (c) 2014 Open Event
# Data Alliance. Regenerate instead of editing; corrections and later entries go in
# people_since_2014.yaml, which is read after this file. Format: README.md here.
"""


def title_words(data: dict[str, Any]) -> frozenset[str]:
    """Words that make an alias a title rather than a name: sector nouns, honorifics,
    title words and the names and adjectives of states."""
    words: set[str] = set()
    phrases = [" ".join(words) for words in data["sectors"]]
    phrases += data.get("honorifics", []) + data.get("title_words", []) + data.get("former", [])
    for country in data["countries"].values():
        phrases += [country["name"], *country.get("aliases", []), *country.get("adjectives", [])]
    for phrase in phrases:
        words.update(w.strip(".") for w in re.split(r"[\s_-]+", phrase.lower()) if len(w.strip(".")) > 1)
    return frozenset(words)


def is_name(alias: str, titles: frozenset[str]) -> bool:
    words = re.split(r"[\s-]+", alias)
    return all(NAME_WORD.match(word) and word.lower().strip(".") not in titles for word in words)


def in_office(role: Role) -> bool:
    return not role.code.endswith(OUT_OF_OFFICE)


def ends_after(role: Role, since: dt.date) -> bool:
    return role.end is None or role.end >= since


def kept_roles(roles: list[Role], since: dt.date) -> list[Role]:
    """Roles in office that end after `since`, and out-of-office roles of other states."""
    states = {role.state for role in roles if in_office(role)}
    return [r for r in roles if ends_after(r, since) and (in_office(r) or r.state not in states)]


def people_of(blocks: Iterable[Block], since: dt.date) -> list[dict[str, Any]]:
    """Person entries held in office since `since`, with roles that ended before it dropped."""
    people = []
    for block in blocks:
        if not any(mark in block.comment.lower() for mark in PEOPLE_MARKS):
            continue
        found = entry_of(block)
        if found is None or found[0] not in ("people", "groups"):  # undated office holders come as groups
            continue
        entry = found[1]
        entry["roles"] = kept_roles(entry["roles"], since)
        if any(in_office(role) for role in entry["roles"]):
            people.append(entry)
    return people


def without_titles(alias: str, titles: frozenset[str]) -> str:
    """ "President Bush" -> "Bush": the name after the title words an alias starts with."""
    words = alias.split()
    while words and words[0].lower().strip(".") in titles:
        words.pop(0)
    return " ".join(words)


def cleaned(people: list[dict[str, Any]], titles: frozenset[str]) -> list[dict[str, Any]]:
    """Title-free aliases (a title alias gives the name after its title: "President Bush"
    -> "Bush"), no one-word alias that is someone's first name, one entry per name."""
    first_names = {p["name"].split()[0].lower() for p in people if " " in p["name"]}
    merged: dict[str, dict[str, Any]] = {}
    for person in people:
        names = [a if is_name(a, titles) else without_titles(a, titles) for a in person["aliases"]]
        aliases = [
            a
            for a in dict.fromkeys(names)
            if a and a != person["name"] and is_name(a, titles) and (" " in a or a.lower() not in first_names)
        ]
        same = merged.setdefault(person["name"], {"name": person["name"], "aliases": [], "roles": []})
        same["aliases"] = list(dict.fromkeys(same["aliases"] + aliases))
        same["roles"] += person["roles"]
    return [{k: v for k, v in p.items() if v} for p in merged.values()]


def table(people: list[dict[str, Any]], header: str) -> str:
    """The people as the tab-separated table of eventwatch/actors/people.py."""
    return header + "".join(table_line(p["name"], p.get("aliases", []), p["roles"]) + "\n" for p in people)


def as_yaml(data: dict[str, list[Any]], header: str) -> str:
    """YAML with one entry per line, roles in their string form."""
    lines = [header.rstrip("\n")]
    for section, entries in data.items():
        if not entries:
            continue
        lines.append(f"{section}:")
        for entry in entries:
            if "roles" in entry:
                entry = {**entry, "roles": [format_role(role) for role in entry["roles"]]}
            flow = yaml.safe_dump([entry], default_flow_style=True, width=sys.maxsize, allow_unicode=True)
            lines.append(f"  - {flow.strip()[1:-1]}")  # one entry per line, without the list's brackets
    return "\n".join(lines) + "\n"


def convert_all(sources: list[Path]) -> str:
    """Every entry of some TABARI dictionaries as one YAML actor file."""
    data: dict[str, list[Any]] = {}
    for source in sources:
        for section, entries in read_tabari(source).items():
            data.setdefault(section, []).extend(entries)
    return as_yaml(data, f"# Converted by tools/build_people.py from {', '.join(s.name for s in sources)}\n")


def build(out_dir: Path, since: dt.date) -> dict[Path, str]:
    """The shipped files: people (a table, for load speed) and non-state armed groups."""
    titles = title_words(read_data([DATA_DIR / "countries.yaml", DATA_DIR / "sectors.yaml"]))
    blocks = [block for source in PEOPLE_SOURCES for block in read_blocks(source)]
    people_header = ATTRIBUTION.format(sources=", ".join(s.name for s in PEOPLE_SOURCES)) + "# name\taliases\troles\n"
    groups = [
        {k: v for k, v in {**e, "roles": [format_role(r) for r in e["roles"]]}.items() if v}
        for section, e in filter(None, map(entry_of, read_blocks(GROUPS_SOURCE)))
        if section == "groups"
    ]
    groups_note = " ".join(ATTRIBUTION.format(sources=GROUPS_SOURCE.name).replace("# ", "").split())
    return {
        out_dir / PEOPLE_FILE: table(cleaned(people_of(blocks, since), titles), people_header),
        out_dir / GROUPS_FILE: as_json({"groups": groups}, groups_note),
    }


def run_converter(description: str | None, build_text: Callable[[Path], str], source: Path, out: Path) -> None:
    """The command line of a converter that reads one dictionary and writes one file."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=source)
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args()
    if not args.source.is_file():
        parser.error(f"{args.source}: no such dictionary file")
    text = build_text(args.source)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(text.encode()) // 1024} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--since", type=dt.date.fromisoformat, default=dt.date.min, help="only people in office since")
    parser.add_argument("--out-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--convert", nargs="+", type=Path, metavar="DICTIONARY", help="convert these, unfiltered")
    parser.add_argument("--out", type=Path, help="where --convert writes")
    args = parser.parse_args()
    if args.convert and not args.out:
        parser.error("--convert needs --out")
    sources = args.convert or [*PEOPLE_SOURCES, GROUPS_SOURCE]
    for source in sources:
        if not source.is_file():
            parser.error(f"{source}: no such dictionary file")
    outputs = {args.out: convert_all(args.convert)} if args.convert else build(args.out_dir, args.since)
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {len(text.encode()) // 1024} KB")


if __name__ == "__main__":
    main()
