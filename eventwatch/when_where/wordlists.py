"""The when/where stage's YAML data files in eventwatch/data/gazetteer/, read with checks."""

from __future__ import annotations

from typing import Any

from eventwatch import data


def read_yaml(name: str) -> dict[str, Any]:
    return data.read_yaml("gazetteer", name)


def words(raw: dict[str, Any], key: str, source: str) -> list[str]:
    """The list under `key`, lower case. YAML reads a bare on, off, yes or no as true or
    false: such an entry is an error naming the file, not a silently lost word."""
    found = []
    for word in raw[key]:
        if not isinstance(word, str):
            raise ValueError(f"{source}: {key}: {word!r} is not a word; put it in quotes")
        found.append(word.lower())
    return found
