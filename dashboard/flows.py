"""Which way a flow runs: "China's exports to Russia" is CHN>RUS, "imports from Russia" RUS>the importer.

The figures table names a figure's countries as a set (FIGURES.md), which is
right for "trade between them" but cannot tell China's exports to Russia from
Russia's exports to China. Claims need the difference: the two are different
quantities, and China's imports from Russia are the same flow as Russia's
exports to China. A balance (surplus, deficit) runs from its holder: "China's
surplus with the US" is CHN>USA, a deficit is written with the holder first too.
"""

from __future__ import annotations

import re

from dashboard import context
from dashboard.countries import find_countries

_OUT = ("exports", "supplies", "shipments")
_IN = ("imports",)
_BALANCE = ("trade surplus", "trade deficit")
# A country named right after these is where a flow goes, or comes from.
_TO = re.compile(r"(?i)\b(?:to|into|for|towards)\s+(?:the\s+)?$")
_FROM = re.compile(r"(?i)\b(?:from|of)\s+(?:the\s+)?$")
_WITH = re.compile(r"(?i)\b(?:with|against)\s+(?:the\s+)?$")


def directional(metric: str) -> bool:
    """Whether a metric has a direction between its countries."""
    return metric.endswith(_OUT + _IN) or metric in _BALANCE


def flow(sentence: str, at: int, metric: str, countries: str) -> str:
    """ "ORIGIN>DESTINATION" for the figure at ``sentence[at:]``, "" when it cannot be told.

    ``countries`` is the figure's country set ("CHN;RUS"); one end read from the
    words makes the other end the other country of the pair.
    """
    pair = [c for c in countries.split(";") if c]
    if not directional(metric) or len(pair) != 2:
        return ""
    parts = context.clauses(sentence)
    clause = next((c for c in parts if c.start <= at < c.end), parts[-1])
    # Prepositions count in the figure's own clause; the subject may stand before it
    # ("China's exports to Russia rose 12%, while imports from Russia jumped 43%").
    text = sentence[: clause.end]
    origin = destination = subject = ""
    for mention in find_countries(text):
        if mention.iso3 not in pair:
            continue
        lead = text[max(0, mention.start - 12) : mention.start]
        own_clause = mention.start >= clause.start
        if own_clause and _TO.search(lead):
            destination = mention.iso3
        elif own_clause and _FROM.search(lead):
            origin = mention.iso3
        elif not (_WITH.search(lead) or _TO.search(lead) or _FROM.search(lead)) and mention.start < at:
            subject = mention.iso3  # the last country named before the figure, not after a preposition
    if metric.endswith(_IN):
        destination = destination or subject
    else:
        origin = origin or subject
    other = {pair[0]: pair[1], pair[1]: pair[0]}
    if origin and not destination:
        destination = other[origin]
    elif destination and not origin:
        origin = other[destination]
    return f"{origin}>{destination}" if origin and destination and origin != destination else ""
