"""Claims: the same quantity reported by several documents, and reports that disagree.

Figures make one claim when they measure the same thing (metric, countries,
kind, unit, whether it is a change, and the same period) and their values agree
once bounds and rounding are allowed for: each figure stands for a range of
values ("$190 billion" for 185-195 bn, "more than $190 billion" for anything
above 185 bn, "about $200 billion" for 190-210 bn), and figures whose ranges
overlap, directly or through others, are one claim. Two claims about the same thing are in conflict.

A figure with no metric or no period, or with a directed metric ("exports")
whose direction the text does not tell, cannot be matched safely and is a claim
of its own.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from dashboard import flows
from dashboard.sentences import sentence_start
from dashboard.spans import ungrouped

# A figure row as the store reads it: column name to value, of the column's type.
Row = dict[str, Any]
# What identifies the quantity a figure reports; ``flow`` tells China's exports to
# Russia from Russia's to China (``flows``), and is empty for undirected metrics.
# Whether the figure is a change ("rose 5%") or a level is part of it too.
KEY = ("metric", "countries", "flow", "kind", "unit", "period_start", "period_end")
# The least relative slack between two reports of one number ("about" means about this).
APPROXIMATE = 0.05
_WRITTEN = re.compile(r"\d[\d,]*(?:[ \u00a0\u2009\u202f]\d{3})*(?:\.\d+)?|\.\d+")


def precision(surface: str, value: float) -> float:
    """Half the place value of the last significant digit written, in the value's units.

    Trailing zeros may or may not be significant; a number is read as having at
    least two significant digits: "$190 billion" -> 5e9, "$200 billion" -> 5e9,
    "$189.5bn" -> 5e7, "7%" -> 0.5. A number in words ("two billion") is taken as
    approximate.
    """
    written = _WRITTEN.search(surface)
    if written is None:
        return value * APPROXIMATE
    digits = ungrouped(written.group())
    number = float(digits)
    if not number:
        return 0.0
    scale = value / number
    whole, _, fraction = digits.partition(".")
    fraction = fraction.rstrip("0")
    if fraction:
        place = 10.0 ** -len(fraction)
    else:
        whole = whole.lstrip("0") or "0"
        significant = max(len(whole.rstrip("0")), min(2, len(whole)))
        place = 10.0 ** (len(whole) - significant)
    return place / 2 * scale


def value_range(value: float, bound: str, surface: str, signed: bool, down: bool) -> tuple[float, float]:
    """The values a figure is consistent with, as (low, high); a change down is negative."""
    slack = max(precision(surface, value), value * APPROXIMATE if bound == "~" else 0.0)
    low, high = value - slack, value + slack
    if bound in (">", ">="):
        high = math.inf
    elif bound in ("<", "<="):
        low = 0.0
    if signed and down:
        low, high = -high, -low
    return low, high


def group_of(row: Row) -> tuple[object, ...] | None:
    """The quantity a figure row reports, as a key; None when it cannot be matched safely."""
    unknown_way = flows.directional(row["metric"]) and not row["flow"]
    if not row["metric"] or not row["period_start"] or unknown_way:
        return None
    return (*(row[k] for k in KEY), row["direction"] != "")


def span_of(row: Row) -> tuple[float, float]:
    """The values a figure row is consistent with (``value_range`` of its columns)."""
    direction = row["direction"]
    return value_range(row["value"], row["bound"], row["surface"], direction != "", direction == "down")


def clusters(rows: list[Row]) -> list[list[Row]]:
    """Rows of one quantity whose ranges (``low``, ``high``) overlap, directly or through others."""
    out: list[list[Row]] = []
    reach = -math.inf
    for row in sorted(rows, key=lambda r: (r["low"], r["high"], r["figure_id"])):
        if out and row["low"] <= reach:
            out[-1].append(row)
            reach = max(reach, row["high"])
        else:
            out.append([row])
            reach = row["high"]
    return out


def count(rows: list[Row]) -> list[tuple[str, bool]]:
    """(claim_id, conflict) for each figure row, counting claims among these rows alone.

    Rows need figure_id, surface, value, bound, direction and the KEY columns.
    """
    out: dict[int, tuple[str, bool]] = {}
    groups: dict[tuple[object, ...], list[Row]] = defaultdict(list)
    for i, row in enumerate(rows):
        key = group_of(row)
        if key is None:
            out[i] = (claim_id([row["figure_id"]]), False)
        else:
            low, high = span_of(row)
            groups[key].append({**row, "low": low, "high": high, "_i": i})
    for members in groups.values():
        found = clusters(members)
        for cluster in found:
            shared = claim_id(r["figure_id"] for r in cluster)
            for r in cluster:
                out[r["_i"]] = (shared, len(found) > 1)
    return [out[i] for i in range(len(rows))]


def add_flows(rows: list[Row], texts: dict[str, str]) -> list[str]:
    """The ``flow`` of each figure row, read from its sentence in its document's text."""
    out = []
    for row in rows:
        text = texts.get(row["doc_id"], "")
        at = row["start"] - sentence_start(text, row["sentence"], row["start"]) if text else 0
        out.append(flows.flow(row["sentence"], at, row["metric"], row["countries"]))
    return out


def claim_id(figure_ids: Iterable[str]) -> str:
    """A claim's id, from the least of its figures' ids: the same on every recount."""
    first = min(figure_ids)
    return "claim-" + hashlib.sha256(first.encode()).hexdigest()[:12]
