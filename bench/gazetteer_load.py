"""Gazetteer load time per process, now against an earlier revision, in the same run.

Each load runs in a fresh process (the gazetteer is cached per process), alternating
between the current tree and the gazetteer module and data files of `--before REV` (taken
from git into a temporary folder), and includes one lookup. The machine is shared: read
the ratio, not the milliseconds.

Run: .venv/bin/python bench/gazetteer_load.py [--before REV] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The revision before the lazy table: the 5,000+ CSV parsed into named tuples at load.
DEFAULT_BEFORE = "126c901"
MODULE = "eventwatch/gazetteer.py"
DATA = "eventwatch/data/gazetteer"
# The old module read its files through eventwatch.data; the copy reads them beside itself.
SHIM = (
    "from pathlib import Path as _Path\n"
    "import yaml as _yaml\n"
    "_DATA = _Path(__file__).parent / 'data'\n"
    "def data_file(_folder, name): return _DATA / name\n"
    "def read_yaml(_folder, name): return _yaml.safe_load((_DATA / name).read_text('utf-8'))\n"
)
TIMER = (
    "import sys, time; sys.path.insert(0, {path!r}); t = time.perf_counter(); import {module} as m; "
    "g = m.load_gazetteer(); g.best('Kharkiv'); print(time.perf_counter() - t)"
)


def git(*args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True).stdout


def export_before(revision: str, folder: Path) -> None:
    """The gazetteer module of `revision` as package `old_gazetteer`, with its data files."""
    package = folder / "old_gazetteer"
    (package / "data").mkdir(parents=True)
    source = git("show", f"{revision}:{MODULE}").decode()
    source = source.replace("from eventwatch.data import data_file, read_yaml\n", SHIM)
    (package / "__init__.py").write_text(source)
    for name in git("ls-tree", "--name-only", f"{revision}:{DATA}").decode().split():
        (package / "data" / name).write_bytes(git("show", f"{revision}:{DATA}/{name}"))


def load_seconds(path: Path, module: str) -> float:
    code = TIMER.format(path=str(path), module=module)
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=DEFAULT_BEFORE)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        export_before(args.before, Path(folder))
        times: dict[str, list[float]] = {"before": [], "now": []}
        for _ in range(args.runs):
            times["before"].append(load_seconds(Path(folder), "old_gazetteer"))
            times["now"].append(load_seconds(REPO, "eventwatch.gazetteer"))
    for label, samples in times.items():
        print(f"{label:>6}: median {statistics.median(samples) * 1000:.0f} ms, "
              f"min {min(samples) * 1000:.0f} ms ({args.runs} fresh processes; import + load + one lookup)")
    print(f"before / now (medians): {statistics.median(times['before']) / statistics.median(times['now']):.1f}x")


if __name__ == "__main__":
    main()
