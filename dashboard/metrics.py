"""What a figure measures: the flow or stock the text names next to it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dashboard import lexicon

# Heads that take the commodity before them into the metric ("gas exports").
_QUALIFIED = frozenset({"exports", "imports", "supplies"})


@dataclass(frozen=True)
class MetricMention:
    start: int
    end: int
    metric: str


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    metrics = {lexicon.fold(r["phrase"]): r["metric"] for r in lexicon.rows("metrics.csv")}
    commodities = lexicon.alternation(lexicon.column("commodities.csv", "word"))
    heads = lexicon.alternation(list(metrics))
    pattern = re.compile(rf"(?i)\b(?:(?P<mod>{commodities})\s+)?(?P<head>{heads})\b")
    return pattern, metrics


def find_metrics(text: str) -> list[MetricMention]:
    pattern, metrics = _pattern()
    found = []
    for m in pattern.finditer(text):
        metric = metrics[lexicon.fold(m.group("head"))]
        if m.group("mod") and metric in _QUALIFIED:
            metric = f"{m.group('mod').lower()} {metric}"
        found.append(MetricMention(m.start(), m.end(), metric))
    return found


def metric_for(mentions: list[MetricMention], start: int, end: int) -> str:
    """The metric named nearest before the figure, else nearest after; "" when none."""
    before = [m for m in mentions if m.end <= start]
    if before:
        return before[-1].metric
    after = [m for m in mentions if m.start >= end]
    return after[0].metric if after else ""
