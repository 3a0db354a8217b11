"""The when/where stage's YAML data files in eventwatch/data/gazetteer/, read with checks."""

from __future__ import annotations

from typing import Any

import yaml

from eventwatch.data import data_file


def read_yaml(name: str) -> dict[str, Any]:
    return yaml.safe_load(data_file("gazetteer", name).read_text("utf-8"))


def words(raw: dict[str, Any], key: str, source: str) -> list[str]:
    """The list under `key`, lower case. YAML reads a bare on, off, yes or no as true or
    false: such an entry is an error naming the file, not a silently lost word."""
    found = []
    for word in raw[key]:
        if not isinstance(word, str):
            raise ValueError(f"{source}: {key}: {word!r} is not a word; put it in quotes")
        found.append(word.lower())
    return found
