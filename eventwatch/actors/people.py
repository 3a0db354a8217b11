"""People and groups with dated roles: who a named actor acts for on a given day.

A role is written `CODE [FROM..TO] [title]`: `RUSGOV 2008-05-07..2012-05-07 president`,
`USAGOV 2021-01-20..`, `RUSELI`. Either end may be open; both are inclusive. As in
PETRARCH, the first listed role that covers the day wins and an undated role is the
default. A person known to the knowledge base but in none of their roles that day is
out of office: an elite (ELI) of the state of their nearest role in time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

ROLE = re.compile(r"^(?P<code>[A-Z0-9]+)(?:\s+(?P<start>[\d-]*)\.\.(?P<end>[\d-]*))?(?:\s+(?P<title>.+))?$")
OUT_OF_OFFICE = "ELI"  # CAMEO's elites, former office holders among them
STATELESS = ("IGO", "NGO", "IMG", "MNC", "UNR")  # code prefixes that are no state
EARLIEST, LATEST = dt.date.min, dt.date.max


class ActorDataError(ValueError):
    """Actor data that cannot be used: an unreadable file, a malformed entry, role or date."""


@dataclass(frozen=True)
class Role:
    """An office: a CAMEO code held from `start` to `end` (inclusive; None is open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    title: str | None = None
    inferred: bool = False  # out of office: no role listed for the day

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        return (self.start or EARLIEST) <= day <= (self.end or LATEST)

    def distance(self, day: dt.date) -> int:
        """Days from the role to `day`; 0 when it covers it."""
        if day < (self.start or EARLIEST):
            return ((self.start or EARLIEST) - day).days
        return max((day - (self.end or LATEST)).days, 0)

    def cut_after(self, day: dt.date) -> Role | None:
        """The role as far as it lasted up to `day`; None if it began later. An undated
        role is a default and stays as it is."""
        if not self.dated:
            return self
        if self.start and self.start > day:
            return None
        return replace(self, end=min(self.end or LATEST, day))

    @property
    def state(self) -> str | None:
        """The state a code acts for: its first three letters, unless they name no state."""
        prefix = self.code[:3]
        return prefix if len(prefix) == 3 and prefix.isalpha() and not prefix.startswith(STATELESS) else None


RoleSpec = Role | str | dict[str, Any]


def parse_role(spec: RoleSpec) -> Role:
    """A role from its string form, or from a mapping {code, from, to, title}."""
    if isinstance(spec, Role):
        return spec
    if isinstance(spec, dict):
        return Role(
            str(spec["code"]).upper(), _day(spec.get("from")), _day(spec.get("to")), spec.get("title") or None
        )
    match = ROLE.match(spec.strip())
    if match is None:
        raise ActorDataError(f"{spec!r} is not a role (CODE [FROM..TO] [title])")
    return Role(match["code"], _day(match["start"]), _day(match["end"]), match["title"])


def _day(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ActorDataError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def format_role(role: Role) -> str:
    """The string form of a role; `parse_role` reads it back."""
    dates = f" {role.start or ''}..{role.end or ''}" if role.dated else ""
    return f"{role.code}{dates}{' ' + role.title if role.title else ''}"


class RoleHolder:
    """A person or group and their roles; roles are read on first use (most are never asked)."""

    def __init__(self, name: str, role_specs: Iterable[RoleSpec], rank: int = 0) -> None:
        self.name = name
        self._specs = list(role_specs)
        self.rank = rank  # order of loading: later files win ties between namesakes

    @cached_property
    def roles(self) -> tuple[Role, ...]:
        return tuple(parse_role(spec) for spec in self._specs)

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role on `day`; without a day, the latest role taken up."""
        dated = [r for r in self.roles if r.dated]
        default = next((r for r in self.roles if not r.dated), None)
        if day is None:
            return max(dated, key=lambda r: r.start or EARLIEST, default=default)
        covering = next((r for r in dated if r.covers(day)), None)
        if covering or default or not dated:
            return covering or default
        nearest = min(dated, key=lambda r: r.distance(day))
        title = "former " if day > (nearest.end or LATEST) else "future "
        return Role((nearest.state or "") + OUT_OF_OFFICE, title=title + (nearest.title or "office holder"), inferred=True)

    def in_office(self, day: dt.date | None) -> bool:
        return day is None or any(r.covers(day) for r in self.roles if r.dated)


def supersede(older: Iterable[RoleSpec], newer: Iterable[RoleSpec]) -> list[Role]:
    """Roles from a later source first; the earlier ones end the day before its first
    dated role begins, since the later source knows that time better."""
    newer_roles = [parse_role(spec) for spec in newer]
    since = min((r.start for r in newer_roles if r.start), default=None)
    older_roles = [parse_role(spec) for spec in older]
    if since is not None:
        older_roles = [r for r in (role.cut_after(since - dt.timedelta(days=1)) for role in older_roles) if r]
    return newer_roles + older_roles


def pick(people: Iterable[RoleHolder], day: dt.date | None) -> RoleHolder | None:
    """Of namesakes, the one in office on `day`, else the latest loaded."""
    return max(people, key=lambda p: (p.in_office(day), p.rank), default=None)


TABLE_COLUMNS = ("name", "aliases", "roles")
ALIAS_SEPARATOR, ROLE_SEPARATOR = "|", "; "


def read_table(text: str) -> list[dict[str, Any]]:
    """People from a tab-separated table (name, aliases split by `|`, roles split by `; `).

    The big converted files use it: it loads far faster than the same data in YAML.
    Lines starting with `#` are comments.
    """
    people = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(TABLE_COLUMNS):
            raise ActorDataError(f"line {number}: expected {len(TABLE_COLUMNS)} tab-separated columns, found {len(cells)}")
        name, aliases, roles = cells
        people.append(
            {
                "name": name.strip(),
                "aliases": [a for a in aliases.split(ALIAS_SEPARATOR) if a],
                "roles": [r for r in roles.split(ROLE_SEPARATOR) if r],
            }
        )
    return people


def table_line(name: str, aliases: Iterable[str], roles: Iterable[Role]) -> str:
    """One person as a line of the table `read_table` reads."""
    return "\t".join((name, ALIAS_SEPARATOR.join(aliases), ROLE_SEPARATOR.join(map(format_role, roles))))
