"""The gold articles of eval/events.py, set (c), the sets read since (c) dev 2 and dev 3, and the blind (c) held-out:
a file that does not parse, a CAMEO code the codebook lacks or a misspelt modality would silently
score as a miss, and a blind set that repeats a sentence of another set is not blind."""

import importlib.util
import re
import sys
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
import yaml

from eventwatch.events.codebook import load_codebook
from eventwatch.events.modality import EventModality

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = tuple(ROOT / "eval" / "data" / name for name in ("events", "events_dev2", "events_dev3", "events_heldout"))
GOLD_FILES = sorted(path for folder in FOLDERS for path in folder.glob("*.yaml"))
CODEBOOK = load_codebook()
MODALITIES = {field.name for field in fields(EventModality)}
ACTOR_CODE = re.compile(r"[A-Z]{3,}")


def _scorer():
    """eval/events.py as a module (eval/ is no package)."""
    spec = importlib.util.spec_from_file_location("eval_events", ROOT / "eval" / "events.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_each_set_holds_at_least_30_articles(folder):
    assert len(list(folder.glob("*.yaml"))) >= 30


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_gold_article_parses_with_known_codes_and_modalities(path):
    article = yaml.safe_load(path.read_text("utf-8"))
    assert set(article) == {"published", "text", "events"}
    date.fromisoformat(str(article["published"]))
    assert article["text"].strip()
    assert article["events"]
    for event in article["events"]:
        assert set(event) <= {"source", "target", "cameo", "modality"}, event
        assert isinstance(event["cameo"], str) and event["cameo"] in CODEBOOK, event
        assert ACTOR_CODE.fullmatch(event["source"]), event
        assert "target" not in event or ACTOR_CODE.fullmatch(event["target"]), event
        assert set(event.get("modality") or ()) <= MODALITIES, event


def test_scorer_loads_every_set_each_event_once():
    scorer = _scorer()
    for folder in (scorer.OWN_DIR, scorer.DEV2_DIR, scorer.DEV3_DIR, scorer.HELDOUT_DIR):
        units = scorer.own_units(folder)
        assert len(units) == len(list(folder.glob("*.yaml")))
        for unit in units:
            events = yaml.safe_load((folder / f"{unit.id}.yaml").read_text("utf-8"))["events"]
            assert len(unit.modality) == len(events)
            assert len(unit.full) == len(events), f"{unit.id}: an event recorded twice"


def test_scorer_runs_the_blind_held_out_set_after_the_read_ones():
    scorer = _scorer()
    assert list(scorer.FOLLOWERS) == [scorer.DEV2, scorer.DEV3, scorer.HELDOUT]
    assert (scorer.DEV2_DIR, scorer.DEV3_DIR, scorer.HELDOUT_DIR) == FOLDERS[1:]


def _sentences(folder: Path) -> set[str]:
    """The sentences of a set's articles, headlines and datelines included, spacing normalised."""
    found = set()
    for path in folder.glob("*.yaml"):
        text = " ".join(yaml.safe_load(path.read_text("utf-8"))["text"].split())
        found.update(part for part in re.split(r"(?<=[.!?\"])\s+", text) if len(part) > 30)
    return found


@pytest.mark.parametrize("blind", FOLDERS[1:], ids=lambda folder: folder.name)
def test_blind_set_repeats_no_sentence_of_another_set(blind):
    own = _sentences(blind)
    for other in FOLDERS:
        if other != blind:
            assert not own & _sentences(other), (blind.name, other.name, sorted(own & _sentences(other))[:3])
