"""Regenerate eventwatch/data/codebook/cameo.csv, the codebook the package loads.

Inputs: the ICEWS CAMEO codebook (code, name, Goldstein score), the PLOVER 2021
CAMEO-to-PLOVER table, EventWatch's own PLOVER mapping for the codes that table
leaves out (plover_extension.csv), and the few table rows the PLOVER manual's own
definitions contradict (plover_manual.csv). Every code must end up with a PLOVER
type, so a gap in the inputs fails the build instead of shipping a blank.

    python tools/build_codebook.py [--out PATH] [--icews PATH] [--plover PATH] [--extension PATH] [--manual PATH]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from eventwatch.events.codebook import PLOVER_TYPES, quad_class_of

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference"
CODEBOOK_DIR = REPO / "eventwatch" / "data" / "codebook"

COLUMNS = ("code", "root", "name", "goldstein", "quad_class", "plover", "plover_source")
FROM_TABLE = "plover-2021"
FROM_EXTENSION = "eventwatch"
FROM_MANUAL = "plover-manual"

# "0874: RETREAT, disarm,   military # Retreat or surrender militarily"
TABLE_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\b")


def read_icews(path: Path) -> list[dict[str, str]]:
    """Code, root, name and Goldstein score of every CAMEO code, in codebook order."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [
            {
                "code": row["code"],
                "root": row["root_code"],
                "name": _capitalised(row["name"].strip()),
                "goldstein": str(float(row["goldstein"])),
            }
            for row in csv.DictReader(handle)
        ]


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def read_plover_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type for the 3- and 4-digit codes of the 2021 table.

    Root lines ("08: RETREAT") are skipped: the table lists 08 twice, and a root
    takes the type of its "x0" code instead.
    """
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = TABLE_LINE.match(line)
        if not match:
            continue
        code, plover = match.groups()
        if mapping.setdefault(code, plover) != plover:
            raise ValueError(f"{path}: {code} is mapped to both {mapping[code]} and {plover}")
    return mapping


def read_extension(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["plover"] for row in csv.DictReader(handle)}


def plover_sources(
    codes: list[str], table: dict[str, str], extension: dict[str, str], manual: dict[str, str] | None = None
) -> dict[str, tuple[str, str]]:
    """PLOVER type and its source for every code; roots take their "x0" code's. A manual
    correction must replace a table row with another type, or it corrects nothing."""
    manual = manual or {}
    overlap = sorted(set(table) & set(extension))
    if overlap:
        raise ValueError(f"extension repeats codes of the PLOVER table: {overlap}")
    idle = sorted(code for code, plover in manual.items() if table.get(code) in (None, plover))
    if idle:
        raise ValueError(f"manual corrections that change no row of the PLOVER table: {idle}")
    chosen = {code: (plover, FROM_TABLE) for code, plover in table.items()}
    chosen |= {code: (plover, FROM_EXTENSION) for code, plover in extension.items()}
    chosen |= {code: (plover, FROM_MANUAL) for code, plover in manual.items()}
    resolved = {}
    for code in codes:
        key = code + "0" if len(code) == 2 else code
        if key not in chosen:
            raise ValueError(f"no PLOVER type for CAMEO {code}: add it to the extension")
        if chosen[key][0] not in PLOVER_TYPES:
            raise ValueError(f"CAMEO {code}: {chosen[key][0]} is not a PLOVER type")
        resolved[code] = chosen[key]
    return resolved


def build_rows(icews: Path, plover: Path, extension: Path, manual: Path | None = None) -> list[dict[str, str]]:
    rows = read_icews(icews)
    sources = plover_sources(
        [row["code"] for row in rows],
        read_plover_table(plover),
        read_extension(extension),
        read_extension(manual) if manual else {},
    )
    for row in rows:
        row["quad_class"] = str(quad_class_of(row["root"]))
        row["plover"], row["plover_source"] = sources[row["code"]]
    return rows


def write_csv(rows: list[dict[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CODEBOOK_DIR / "cameo.csv")
    parser.add_argument("--icews", type=Path, default=REFERENCE / "icews" / "cameo-codes.csv")
    parser.add_argument(
        "--plover", type=Path, default=REFERENCE / "PLOVER" / "CAMEO2PLOVER-2021.txt"
    )
    parser.add_argument("--extension", type=Path, default=CODEBOOK_DIR / "plover_extension.csv")
    parser.add_argument("--manual", type=Path, default=CODEBOOK_DIR / "plover_manual.csv")
    args = parser.parse_args(argv)
    rows = build_rows(args.icews, args.plover, args.extension, args.manual)
    write_csv(rows, args.out)
    print(f"wrote {len(rows)} codes to {args.out}")


if __name__ == "__main__":
    main()
