"""Data files shipped with EventWatch (lexicons, dictionaries, codebooks)."""

from importlib import resources
from importlib.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """A data file inside the installed package, e.g. data_file("quotes", "cues.yaml")."""
    return resources.files(__name__).joinpath(*parts)
