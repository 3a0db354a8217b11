"""Which CAMEO codes of the codebook the lexicon can code: verb and noun patterns per code.

Prints every code with the number of verb patterns (curated verbs.yaml + generated
verbs_petrarch.json, after the curated ones won) and of noun patterns that code it, and lists
the codes nothing codes. Codes reached only as an announced or refused act (intent.csv:
"will send tanks" 0332) count as reached through the act's patterns.

    python tools/lexicon_coverage.py [--all] [--lexicon FILE ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from eventwatch.events.codebook import load_codebook, load_intent_table
from eventwatch.events.lexicon import Lexicon, load_lexicon


def coverage(lexicon: Lexicon) -> dict[str, tuple[int, int, int]]:
    """code -> (verb patterns, noun patterns, acts whose announcement or refusal it codes)."""
    verbs = Counter(code for p in lexicon for code in (p.code, p.reverse) if code)
    nouns = Counter(n.code for n in lexicon.nouns())
    intents = load_intent_table()
    announced: Counter = Counter()
    for code in set(verbs) | set(nouns):
        for recoded in (intents.intent_code(code), intents.refusal_code(code)):
            if recoded:
                announced[recoded] += 1
    return {code: (verbs[code], nouns[code], announced[code]) for code in load_codebook().codes()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every code, not only the gaps")
    parser.add_argument("--lexicon", type=Path, nargs="*", default=[], help="user lexicon files to add")
    args = parser.parse_args(argv)
    codebook = load_codebook()
    # Two-digit codes name the roots; events take their "not specified" codes (010, 020, ...).
    found = {code: counts for code, counts in coverage(load_lexicon(args.lexicon)).items() if len(code) > 2}
    gaps = [code for code, counts in found.items() if not any(counts)]
    only_announced = [code for code, (v, n, a) in found.items() if a and not v and not n]
    for code, (verbs, nouns, announced) in found.items():
        if args.all or not (verbs or nouns or announced):
            print(f"{code:5s} {verbs:5d} verb {nouns:3d} noun {announced:3d} via intent  {codebook[code].name}")
    print(f"{len(found)} codes: {len(found) - len(gaps)} coded, {len(only_announced)} of them only as an announced or refused act, {len(gaps)} never")
    return 0


if __name__ == "__main__":
    sys.exit(main())
