"""Read TABARI/PETRARCH actor dictionaries into EventWatch's actor data format.

A dictionary is a sequence of blocks: names (`VLADIMIR_PUTIN_`, `+PUTIN_` synonyms,
further primary lines before the first code) followed by codes, each optionally
dated: `[RUSGOV 991231-080507]`, `[RUSGOV >080508]`, `[HOB <950601]`, `[RUSELI]`.
`---` marks a name that is no actor. The format is the one of the PETRARCH2
dictionaries (https://github.com/openeventdata/petrarch2, MIT).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwatch.actors.people import STATELESS, Role

CODE = re.compile(r"\[([^\]]*)\]")
DATE_RANGE = re.compile(r"^(?:(?P<start>\d+)-(?P<end>\d+)|<(?P<until>\d+)|>(?P<since>\d+)|(?P<day>\d+))$")
DISCARDS = frozenset({"---", "+++"})
TWO_DIGIT_YEAR_PIVOT = 30  # 00-30 are 2000-2030; the dictionaries end in 2014
# State codes the dictionaries write otherwise than ISO 3166-1 alpha-3, which the rest of
# EventWatch uses: Angola (once as ANG), East Timor (TMP), St Kitts and Nevis (KNT).
LEGACY_STATE_CODES = {"ANG": "AGO", "TMP": "TLS", "KNT": "KNA"}
# Words written in lower case inside a name ("Ursula von der Leyen", "Party of God").
LOWER_INSIDE = frozenset(
    "von der van den de del della la le du da dos das al el bin ibn bint of the and for in on at to".split()
)
VOWELS = frozenset("AEIOUY")
PARENTHESES = re.compile(r"\(([^)]*)\)")


@dataclass
class Block:
    """One dictionary entry: its names (primary first), codes and source comment."""

    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comment: str = ""


def read_blocks(path: Path) -> Iterator[Block]:
    """The blocks of a TABARI actor file, in file order."""
    block: Block | None = None
    coded = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        name_part, bracket, codes_part = line.partition("[")
        name = name_part.strip()
        codes = CODE.findall(bracket + codes_part)
        if name.startswith("+"):
            if block is not None:
                block.names.append(name[1:])
        elif name:
            if block is None or coded:
                if block is not None:
                    yield block
                block, coded = Block(), False
            block.names.append(name)
        if block is not None and comment.strip():
            block.comment = f"{block.comment} {comment.strip()}".strip()
        if codes and block is not None:
            block.codes.extend(codes)
            coded = True
    if block is not None:
        yield block


def display_names(raw: str) -> list[str]:
    """`VLADIMIR_V._PUTIN_` -> [`Vladimir V. Putin`]; `ADEN_ARMY_(AAA)_` -> [`Aden Army`, `AAA`]."""
    acronyms = [a.strip("_ ").upper() for a in PARENTHESES.findall(raw) if a.strip("_ ").isalpha()]
    words = [w for w in re.split(r"[_\s]+", PARENTHESES.sub(" ", raw).strip()) if w]
    name = " ".join(_display_word(word, i > 0) for i, word in enumerate(words))
    return [n for n in (name, *acronyms) if n]


def _display_word(word: str, inside: bool) -> str:
    """Capitalised, but vowel-less acronyms ("PKK") upper case and particles lower case."""
    shown = []
    for part in word.split("-"):
        if inside and part.lower() in LOWER_INSIDE:
            shown.append(part.lower())
        elif part.isalpha() and not VOWELS & set(part.upper()):
            shown.append(part.upper())
        else:
            shown.append(_after_apostrophe(part.capitalize()))
    return "-".join(shown)


def _after_apostrophe(part: str) -> str:
    """O'NEILL -> O'Neill, but BOB'S stays Bob's."""
    head, apostrophe, tail = part.partition("'")
    return head + apostrophe + (tail.capitalize() if len(tail) > 1 else tail)


def parse_day(text: str) -> dt.date | None:
    """YYMMDD or YYYYMMDD as a date; None when it is no valid date."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= TWO_DIGIT_YEAR_PIVOT else 1900 + year}{text[2:]}"
    if len(text) != 8:
        return None
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def tabari_role(text: str) -> Role | None:
    """`RUSGOV 991231-080507` as a Role; None for discards and unreadable dates."""
    code, _, dates = text.strip().partition(" ")
    code = code.split("/")[0].upper()
    if not code or code in DISCARDS:
        return None
    code = LEGACY_STATE_CODES.get(code[:3], code[:3]) + code[3:]
    dates = re.sub(r"\s+", "", dates)
    if not dates:
        return Role(code)
    match = DATE_RANGE.match(dates)
    if match is None:
        return None
    bounds = [match["start"] or match["since"] or match["day"], match["end"] or match["until"] or match["day"]]
    days = [parse_day(value) if value else None for value in bounds]
    if any(value and day is None for value, day in zip(bounds, days)):
        return None
    return Role(code, *days)


def is_discard(block: Block) -> bool:
    return bool(block.codes) and all(c.split()[0] in DISCARDS for c in block.codes if c.split())


def entry_of(block: Block) -> tuple[str, dict[str, Any]] | None:
    """The data section and entry for a block: a plain state code makes a country, an
    undated organisation code an organisation, dated codes a person, other codes a
    group ("HEZBOLLAH [LBNREB]"); `---` names are not actors."""
    names = list(dict.fromkeys(name for raw in block.names for name in display_names(raw)))
    if not names:
        return None
    if is_discard(block):
        return "not_actors", {"name": names[0], "aliases": names[1:]}
    roles = [role for role in map(tabari_role, block.codes) if role]
    if not roles:
        return None
    name, aliases = names[0], names[1:]
    code = roles[0].code
    if any(role.dated for role in roles):
        return "people", {"name": name, "aliases": aliases, "roles": roles}
    if len(roles) == 1 and len(code) == 3 and code.isalpha() and not code.startswith(STATELESS):
        return "countries", {"code": code, "name": name, "aliases": aliases}
    if len(roles) == 1 and code.startswith(("IGO", "NGO")):
        return "organisations", {"name": name, "code": code, "sector": code[:3], "aliases": aliases}
    return "groups", {"name": name, "aliases": aliases, "roles": roles}


def convert(blocks: Iterable[Block]) -> dict[str, list[Any]]:
    """A whole dictionary as actor data: {countries, organisations, people, groups, not_actors}."""
    data: dict[str, list[Any]] = {"countries": [], "organisations": [], "people": [], "groups": [], "not_actors": []}
    for block in blocks:
        found = entry_of(block)
        if found is None:
            continue
        section, entry = found
        if section == "not_actors":
            data["not_actors"] += [entry["name"], *entry["aliases"]]
        else:
            data[section].append(entry)
    return data


def read_tabari(path: Path) -> dict[str, Any]:
    """A TABARI actor or agents file as actor data, ready to merge with the YAML files."""
    if is_agents_file(path):
        return {"sectors": read_agents(path)}
    return convert(read_blocks(path))


def as_json(data: dict[str, Any], source: str) -> str:
    """Converted actor data as JSON (it loads far faster than YAML), one entry a line;
    `source` is kept under `_source` (unknown keys are ignored when loading)."""
    lines = ["{", f'"_source": {json.dumps(source, ensure_ascii=False)}']
    for section, entries in data.items():
        if isinstance(entries, dict):
            items = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in entries.items()]
            opening, closing = "{", "}"
        else:
            items = [json.dumps(entry, ensure_ascii=False) for entry in entries]
            opening, closing = "[", "]"
        lines[-1] += ","
        lines.append(f"{json.dumps(section)}: {opening}\n" + ",\n".join(items) + f"\n{closing}")
    return "\n".join(lines) + "\n}\n"


# --- agents dictionaries: agent nouns -> sector codes ------------------------------------
#
# `FARMER [~AGR]`, `THIEF {THIEVES} [~CRM]` (irregular plurals in braces; regular ones are
# left to the lemma), `CATTLE!PERSON! [~AGR]` with substitution sets declared as
# `!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON`. Codes may be compound (`~GOVMED`): the
# first three letters are the sector.

AGENT_LINE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[~(?P<code>[A-Z]{3})[A-Z0-9]*\]")
SUBSTITUTION = re.compile(r"^(?P<name>![A-Z]+!)\s*=\s*(?P<forms>.+)$")


def is_agents_file(path: Path) -> bool:
    """An agents dictionary codes its entries `[~SECTOR]`; an actor dictionary `[CODE]`."""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        code = CODE.search(line.partition("#")[0])
        if code:
            return code.group(1).startswith("~")
    return False


def agent_phrases(raw: str, substitutions: dict[str, list[str]]) -> list[str]:
    """`FOREIGN_!MINIST!` -> [`foreign minister`, `foreign ministers`, ...], lower case."""
    phrases = [raw]
    for name, forms in substitutions.items():
        phrases = [p.replace(name, form) for p in phrases for form in forms] if name in raw else phrases
    return [" ".join(re.split(r"[_\s]+", p.strip("_ ").lower())) for p in phrases if p.strip("_ ")]


def read_agents(path: Path) -> dict[str, list[str]]:
    """An agents dictionary as sector vocabulary: {SECTOR: [phrases]}, in file order."""
    substitutions: dict[str, list[str]] = {}
    sectors: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.partition("#")[0].strip()
        declared = SUBSTITUTION.match(line)
        if declared:
            substitutions[declared["name"]] = [f.strip().replace(" ", "_") for f in declared["forms"].split(",")]
            continue
        entry = AGENT_LINE.match(line)
        if entry is None:
            continue
        plurals = [p for p in (entry["plurals"] or "").split(",") if p.strip("_ ")]
        for phrase in [entry["phrase"], *plurals]:
            sectors.setdefault(entry["code"], []).extend(agent_phrases(phrase, substitutions))
    return {sector: list(dict.fromkeys(phrases)) for sector, phrases in sectors.items()}
