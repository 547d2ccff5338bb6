"""The filters an analyst can set, declared once: URL key, column, help text.

The same table drives the app's controls, the URL query that bookmarks a view,
and the SQL the store runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import cast
from urllib.parse import parse_qs, urlencode


@dataclass(frozen=True)
class FilterSpec:
    key: str
    column: str
    label: str
    help: str


SPECS: tuple[FilterSpec, ...] = (
    FilterSpec("countries", "countries", "Countries", "country set as in the table, e.g. CHN;RUS"),
    FilterSpec("metric", "metric", "Metric", "what is measured: trade, exports, ..."),
    FilterSpec("kind", "kind", "Kind", "money, percent, percentage_point, multiple, quantity"),
    FilterSpec("unit", "unit", "Currency or unit", "USD, EUR, %, pp, x, metric_ton, ..."),
    FilterSpec("from", "period_end", "Period from", "figures whose period ends on or after this date"),
    FilterSpec("to", "period_start", "Period to", "figures whose period starts on or before this date"),
)
LIST_KEYS = ("countries", "metric", "kind", "unit")


@dataclass(frozen=True)
class Filters:
    countries: tuple[str, ...] = ()
    metric: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    object.__setattr__(self, name, "")

    @classmethod
    def from_values(cls, **values: object) -> Filters:
        """Filters from control values (None, a string or a list each)."""
        lists = {key: tuple(_as_list(values.get(key))) for key in LIST_KEYS}
        return cls(
            **lists,
            date_from=str(values.get("date_from") or "")[:10],
            date_to=str(values.get("date_to") or "")[:10],
        )

    @classmethod
    def from_query(cls, search: str | None) -> Filters:
        """Filters from a URL query string such as ``?countries=CHN;RUS&kind=money``."""
        query = parse_qs((search or "").lstrip("?"))
        values: dict[str, object] = {key: query.get(key, []) for key in LIST_KEYS}
        values["date_from"] = (query.get("from") or [""])[0]
        values["date_to"] = (query.get("to") or [""])[0]
        return cls.from_values(**values)

    def to_query(self) -> str:
        """The URL query for these filters ("" when none are set)."""
        pairs = [(key, value) for key in LIST_KEYS for value in getattr(self, key)]
        pairs += [(k, v) for k, v in (("from", self.date_from), ("to", self.date_to)) if v]
        return f"?{urlencode(pairs)}" if pairs else ""

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def where(self) -> tuple[str, dict[str, str]]:
        """A SQL WHERE clause over figures ``f`` (named placeholders) and its parameters."""
        clauses: list[str] = []
        params: dict[str, str] = {}
        for key in LIST_KEYS:
            names: list[str] = []
            for value in getattr(self, key):
                names.append(f":{key}_{len(names)}")
                params[names[-1][1:]] = value
            if names:
                clauses.append(f"f.{key} IN ({', '.join(names)})")
        if self.date_from:
            clauses.append("f.period_end != '' AND f.period_end >= :date_from")
            params["date_from"] = self.date_from
        if self.date_to:
            clauses.append("f.period_start != '' AND f.period_start <= :date_to")
            params["date_to"] = self.date_to
        return (" AND ".join(clauses) or "1=1"), params


def _as_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in cast(Iterable[object], value) if v not in (None, "")]
