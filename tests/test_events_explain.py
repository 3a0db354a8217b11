"""`eventwatch extract --explain`: the pattern that fired and the words it bound, per event."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwatch.cli import app

TEXT = "Russia accused Ukraine of provocations near the border. Kyiv condemned Russia's annexation of Ukrainian land.\n"


def test_explain_adds_pattern_and_bindings_to_json(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--explain", "--date", "2022-05-10", str(article)])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    accused = next(e for e in events if e["verb"] == "accused")
    explanation = accused["explanation"]
    assert explanation["lexicon"] == "verbs.yaml" and explanation["pattern"].startswith("{verb: accuse")
    bound = {(b["role"], b["text"]) for b in explanation["bindings"]}
    assert {("trigger", "accused"), ("source", "Russia"), ("target", "Ukraine")} <= bound
    for binding in explanation["bindings"]:
        assert TEXT[binding["start"] : binding["end"]] == binding["text"]
    annexation = next(e for e in events if e["verb"] == "annexation")
    assert annexation["explanation"]["lexicon"] == "nouns.yaml"


def test_explain_prints_a_section_after_the_table_and_json_stays_lean_without_it(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    table = CliRunner().invoke(app, ["extract", "--explain", "--format", "table", str(article)])
    assert table.exit_code == 0
    assert "explanations" in table.stdout and "bound: trigger='accused'" in table.stdout
    plain = CliRunner().invoke(app, ["extract", str(article)])
    assert all("explanation" not in event for event in json.loads(plain.stdout)["events"])
