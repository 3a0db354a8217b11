"""Data files shipped with EventWatch (lexicons, dictionaries, codebooks)."""

from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml


def data_file(*parts: str) -> Traversable:
    """A data file inside the installed package, e.g. data_file("quotes", "cues.yaml")."""
    return resources.files(__name__).joinpath(*parts)


def read_yaml(*parts: str) -> Any:
    """A YAML data file inside the installed package, parsed."""
    return yaml.safe_load(data_file(*parts).read_text("utf-8"))
