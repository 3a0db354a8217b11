"""Timing shared by the bench scripts (they run as scripts, with bench/ on sys.path)."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of `repeat` runs, after one warm-up run."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def paired_ratio(baseline: Callable[[], object], measured: Callable[[], object], repeat: int = 5) -> float:
    """Median of `measured` / `baseline` over `repeat` pairs run back to back, after one
    warm-up of each: drift in a shared machine's speed hits both sides of a pair alike."""
    baseline(), measured()
    ratios = []
    for _ in range(repeat):
        start = time.perf_counter()
        baseline()
        middle = time.perf_counter()
        measured()
        ratios.append((time.perf_counter() - middle) / (middle - start))
    return statistics.median(ratios)


ARTICLE = Path(__file__).parent / "data" / "800-words.txt"


def article_parser(description: str | None, repeat: int = 10) -> argparse.ArgumentParser:
    """Arguments of the one-article benches: PATH (the 800-word article) and --repeat."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", type=Path, default=ARTICLE)
    parser.add_argument("--repeat", type=int, default=repeat)
    return parser
