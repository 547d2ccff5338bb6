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
from collections.abc import Iterable

import pandas as pd

from dashboard import flows
from dashboard.sentences import sentence_start

# What identifies the quantity a figure reports; ``flow`` tells China's exports to
# Russia from Russia's to China (``flows``), and is empty for undirected metrics.
KEY = ("metric", "countries", "flow", "kind", "unit", "changes", "period_start", "period_end")
# The least relative slack between two reports of one number ("about" means about this).
APPROXIMATE = 0.05
_WRITTEN = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


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
    digits = written.group().replace(",", "")
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


def assign(figures: pd.DataFrame) -> pd.DataFrame:
    """``claim_id`` and ``conflict`` for each figure (same index as ``figures``).

    ``figures`` needs figure_id, surface, value, bound, direction and the KEY columns
    but ``changes``. A directed metric whose direction is not known matches nothing.
    """
    out = pd.DataFrame({"claim_id": "", "conflict": False}, index=figures.index)
    if figures.empty:
        return out
    frame = figures.assign(changes=figures["direction"] != "")
    unknown_way = frame["metric"].map(flows.directional) & (frame["flow"] == "")
    matchable = (frame["metric"] != "") & (frame["period_start"] != "") & ~unknown_way
    for idx in frame.index[~matchable]:
        out.at[idx, "claim_id"] = claim_id([frame.at[idx, "figure_id"]])
    for _, group in frame[matchable].groupby(list(KEY), sort=False):
        claims = _cluster(group)
        for members in claims:
            out.loc[members, "claim_id"] = claim_id(group.loc[members, "figure_id"])
            out.loc[members, "conflict"] = len(claims) > 1
    return out


def _cluster(group: pd.DataFrame) -> list[list[object]]:
    """Rows whose value ranges overlap, as lists of index labels, in value order."""
    spans = sorted(
        (
            *value_range(row.value, row.bound, row.surface, row.changes, row.direction == "down"),
            label,
        )
        for label, row in zip(group.index, group.itertuples(index=False), strict=True)
    )
    claims: list[list[object]] = []
    reach = -math.inf
    for low, high, label in spans:
        if claims and low <= reach:
            claims[-1].append(label)
            reach = max(reach, high)
        else:
            claims.append([label])
            reach = high
    return claims


def add_flows(figures: pd.DataFrame, texts: dict[str, str]) -> pd.Series:
    """The ``flow`` of each figure, read from its sentence in its document's text."""

    def one(row) -> str:
        text = texts.get(row.doc_id, "")
        at = row.start - sentence_start(text, row.sentence, row.start) if text else 0
        return flows.flow(row.sentence, at, row.metric, row.countries)

    return pd.Series([one(r) for r in figures.itertuples(index=False)], index=figures.index, dtype=object)


def claim_id(figure_ids: Iterable[str]) -> str:
    """A claim's id, from the least of its figures' ids: the same on every recount."""
    first = min(figure_ids)
    return "claim-" + hashlib.sha256(first.encode()).hexdigest()[:12]
