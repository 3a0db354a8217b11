"""The offline gazetteer: countries, regions, US states and cities, each with a point.

Data files in eventwatch/data/gazetteer/ (README.md there gives their source): the
GeoNames extract trimmed by tools/build_gazetteer.py (a places table with a sorted name
index, read lazily: loading costs little more than reading the files) and regions
written for EventWatch.
Names are compared without case, diacritics, apostrophes or hyphens, so "Kiev", "Ürümqi"
and "Tskhinvali" find "Kyiv", "Urumqi" and "Ts'khinvali".
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from typing import Any, Literal, NamedTuple

import yaml

from eventwatch.data import data_file, read_yaml

PlaceKind = Literal["city", "admin1", "region", "country"]
# Place kinds from the broadest to the most specific: a more specific place wins.
SPECIFICITY: dict[str, int] = {"country": 0, "region": 1, "admin1": 1, "city": 2}

# Ranking of same-named cities and states: log10(population) plus these bonuses.
PRIMARY_NAME_BONUS = 0.5  # "Canton, Ohio" by its own name against Guangzhou's old name
CAPITAL_BONUS = 1.5  # "Washington" is the capital before the state
STATE_WEIGHT = 6.5  # a US state weighs as a place of about three million people


@lru_cache(maxsize=None)
def place_words(kind: str) -> frozenset[str]:
    """A word list of the place finder's data (place_words.yaml): "settlement_words" and
    "region_words" name a place by their "of" phrase ("the city of Kirkuk"); after
    "origin_heads" ("withdraw", "expel") "from" names whom the act leaves."""
    return frozenset(w.lower() for w in read_yaml("gazetteer", "place_words.yaml")[kind])


class Place(NamedTuple):
    """A gazetteer entry; `country` is ISO 3166-1 alpha-3 (None for open sea). A named tuple:
    light, since thousands of them are made as names are looked up."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: PlaceKind
    population: int = 0
    admin1: str = ""
    capital: bool = False


# Apostrophes and full stops vanish from names, hyphens become spaces ("Mek'ele", "St. Petersburg").
_PUNCTUATION = str.maketrans({"'": None, "`": None, ".": None, "-": " "})


def name_key(name: str) -> str:
    """The form names are compared in: ASCII, lower case, no apostrophes, hyphens as spaces,
    no leading article."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    key = " ".join(name.lower().translate(_PUNCTUATION).split())
    return key[4:] if key.startswith("the ") else key


def _number(text: str) -> float | None:
    return float(text) if text else None


# libyaml's parser when PyYAML has it: regions.yaml takes PyYAML's Python parser ~0.2 s.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(name: str) -> Any:
    return yaml.load(data_file("gazetteer", name).read_text("utf-8"), Loader=_YAML_LOADER)


def _rows(name: str) -> Iterable[dict[str, str]]:
    return csv.DictReader(io.StringIO(data_file("gazetteer", name).read_text("utf-8")))


class PlaceTable:
    """The GeoNames places (places.tsv) and their name index (names.tsv), as built by
    tools/build_gazetteer.py, kept as the bytes of the files: loading is reading them.
    A name is found by binary search over the sorted lines of the index, which give the
    byte offsets of its places' lines in the table; a place line is parsed the first
    time one of its names is looked up (some tens of microseconds)."""

    def __init__(self, names: bytes, places: bytes) -> None:
        self._names = names  # "key\toffsets\n" lines, sorted: a tab sorts before any name character
        self._places = places  # a header line, then one line per place
        self._parsed: dict[int, Place] = {}
        self._found: dict[str, tuple[list[Place], list[Place]]] = {}

    @classmethod
    def shipped(cls) -> PlaceTable:
        folder = data_file("gazetteer")
        return cls(folder.joinpath("names.tsv").read_bytes(), folder.joinpath("places.tsv").read_bytes())

    def __len__(self) -> int:
        return self._places.count(b"\n") - 1

    def find(self, key: str) -> tuple[list[Place], list[Place]]:
        """The places whose own name, and those whose alternate name, has this name key
        (remembered: news repeats its place names). Do not change the lists."""
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._search(key)
        return found

    def _search(self, key: str) -> tuple[list[Place], list[Place]]:
        line = self._index_line(key.encode("ascii", "ignore") + b"\t") if key else None
        own: list[Place] = []
        alternate: list[Place] = []
        for offset in line.split() if line else ():
            if offset.startswith(b"~"):
                alternate.append(self.place(int(offset[1:])))
            else:
                own.append(self.place(int(offset)))
        return own, alternate

    def _index_line(self, prefix: bytes) -> bytes | None:
        """The rest of the index line that starts with `prefix`, by binary search over
        the lines: `low` is always the start of a line, and every line before it is smaller."""
        names, low, high = self._names, 0, len(self._names)
        while low < high:
            start = names.rfind(b"\n", low, (low + high) // 2) + 1 or low
            end = names.find(b"\n", start)
            end = len(names) if end < 0 else end
            if names[start:end] < prefix:
                low = end + 1
            else:
                high = start
        if not names.startswith(prefix, low):
            return None
        end = names.find(b"\n", low)
        return names[low + len(prefix) : end if end >= 0 else len(names)]

    def place(self, offset: int) -> Place:
        """The place whose line starts at byte `offset` of the table."""
        found = self._parsed.get(offset)
        if found is None:
            line = self._places[offset : self._places.index(b"\n", offset)].decode("utf-8")
            name, country, admin1, lat, lon, population, capital = line.split("\t")
            found = Place(name, country, float(lat), float(lon), "city", int(population), admin1, capital == "1")
            self._parsed[offset] = found
        return found


class Gazetteer:
    """Places by name, and the choice among same-named places."""

    def __init__(self, table: PlaceTable | None = None) -> None:
        self._by_name: dict[str, list[Place]] = defaultdict(list)
        self._by_alternate: dict[str, list[Place]] = defaultdict(list)
        self._table = table
        self.countries: dict[str, Place] = {}
        self.neighbours: dict[str, frozenset[str]] = {}  # country code -> the codes of the countries bordering it

    def add(self, place: Place, alternate_keys: Iterable[str] = (), key: str | None = None) -> None:
        """Index `place` by its name (`key`, if already computed) and by other names, given
        in `name_key` form. A name in another script has no ASCII form to be found by."""
        key = name_key(place.name) if key is None else key
        if key:
            self._by_name[key].append(place)
        by_alternate = self._by_alternate
        for alternate in alternate_keys:
            by_alternate[alternate].append(place)
        if place.kind == "country" and place.country:
            self.countries[place.country] = place

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Every place called `name`, with whether it is the place's own name (not an alternate)."""
        key = name_key(name)
        own, alternate = self._table.find(key) if self._table is not None else ([], [])
        own = self._by_name.get(key, []) + own
        alternate = self._by_alternate.get(key, []) + alternate
        return [(p, True) for p in own] + [(p, False) for p in alternate]

    def best(
        self,
        name: str,
        context: Mapping[str, float] | None = None,
        within: Place | None = None,
        kinds: Collection[PlaceKind] = ("country", "region", "admin1", "city"),
    ) -> Place | None:
        """The place `name` most likely means.

        A country or a listed region wins outright (one named by its own name first);
        among cities and US states the largest wins, helped by being named by its own
        name, by being a capital and by the weight `context` gives its country (the
        article's countries). `within` (a country or state: "Paris, Texas") narrows the
        choice to the places inside it.
        """
        found = [(p, primary) for p, primary in self.candidates(name) if p.kind in kinds and _inside(p, within)]
        for by_own_name in (True, False):  # "Scotland": the region before the UK, which has it as an alias
            for kind in ("country", "region"):
                exact = [p for p, primary in found if p.kind == kind and primary == by_own_name]
                if exact:
                    return exact[0]
        if not found:
            return None
        return max(found, key=lambda item: _weight(item[0], item[1], context or {}))[0]

    def unambiguous(self, name: str) -> Place | None:
        """The place `name` can only mean: a country, a listed region or a name only one place has."""
        found = self.candidates(name)
        places = {p for p, _ in found}
        if len(places) == 1 or any(p.kind in ("country", "region") for p in places):
            return self.best(name)
        return None


def _inside(place: Place, area: Place | None) -> bool:
    if area is None:
        return True
    if area.kind == "admin1":
        return place.country == area.country and place.admin1 == area.admin1
    return place.country == area.country


def _weight(place: Place, primary: bool, context: Mapping[str, float]) -> float:
    size = STATE_WEIGHT if place.kind == "admin1" else math.log10(place.population + 1)
    return (
        size
        + PRIMARY_NAME_BONUS * primary
        + CAPITAL_BONUS * place.capital
        + context.get(place.country or "", 0.0)
    )


def _add_countries(gazetteer: Gazetteer) -> None:
    """Countries, also by the other names the actor knowledge base gives them ("Britain",
    "Burma"; copied into countries.csv by tools/build_gazetteer.py): GeoNames has one."""
    for row in _rows("countries.csv"):
        country = Place(
            row["name"], row["code"], _number(row["lat"]), _number(row["lon"]), "country", int(row["population"] or 0)
        )
        gazetteer.add(country, row["aliases"].split("|") if row["aliases"] else ())
        gazetteer.neighbours[row["code"]] = frozenset(row["neighbours"].split("|")) - {""}


def _add_admin1(gazetteer: Gazetteer) -> None:
    for row in _rows("admin1.csv"):
        point = float(row["lat"]), float(row["lon"])
        gazetteer.add(Place(row["name"], row["country"], *point, "admin1", admin1=row["admin1"]))


def _seat(gazetteer: Gazetteer, name: str, country: str | None) -> Place | None:
    """The largest city of `country` with the own name `name` (a region's point)."""
    cities = [p for p, own in gazetteer.candidates(name) if own and p.kind == "city" and p.country == country]
    return max(cities, key=lambda p: p.population, default=None)


def _add_regions(gazetteer: Gazetteer) -> None:
    for entry in _read_yaml("regions.yaml")["regions"]:
        country = entry.get("country")
        if "seat" in entry:
            seat = _seat(gazetteer, entry["seat"], country)
            if seat is None:
                raise ValueError(
                    f"regions.yaml: seat {entry['seat']!r} of {entry['name']!r} is not a city of {country}"
                )
            lat, lon = seat.lat, seat.lon
        else:
            lat, lon = entry["point"]
        gazetteer.add(Place(entry["name"], country, lat, lon, "region"), map(name_key, entry.get("aliases", ())))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process (about as long as reading its files)."""
    gazetteer = Gazetteer(PlaceTable.shipped())
    _add_countries(gazetteer)
    _add_admin1(gazetteer)
    _add_regions(gazetteer)
    return gazetteer
