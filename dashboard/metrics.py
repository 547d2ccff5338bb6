"""What a figure measures: the flow or stock the text names next to it.

A metric is a head word from ``lexicon/metrics.csv`` ("exports", "imported",
"deficit"), sharpened by a commodity when one qualifies it ("gas exports",
"imports of Iranian crude", "exported 23.9 bcm of gas"), and made a share when
a percentage is "of" it ("58 per cent of the UK's gas imports").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dashboard import lexicon

# Heads that take a commodity into the metric ("gas exports", "crude imports").
_QUALIFIED = frozenset({"exports", "imports", "supplies", "shipments", "investment"})
# A unit that names its commodity: bcm of what else but gas.
_UNIT_COMMODITY = {"cubic_meter": "gas", "cubic_meter / year": "gas", "barrel / day": "oil", "barrel": "oil"}
_SHARE_KINDS = frozenset({"percent", "percentage_point"})


@dataclass(frozen=True)
class MetricMention:
    start: int
    end: int
    metric: str  # "" for phrases that look like metrics but are not ("trading partner")
    head: str = ""
    commodity: str = ""
    share: bool = False


@dataclass(frozen=True)
class _Patterns:
    head: re.Pattern[str]
    commodity_after: re.Pattern[str]
    own_after: re.Pattern[str]
    share_after: re.Pattern[str]
    heads: dict[str, str]


@cache
def _patterns() -> _Patterns:
    heads = {lexicon.fold(r["phrase"]): r["metric"] for r in lexicon.rows("metrics.csv")}
    commodities = lexicon.alternation(lexicon.column("commodities.csv", "word"))
    head = lexicon.alternation(list(heads))
    # "share of South African exports", "share of imports"
    share = r"(?P<share>share\s+of\s+(?:[\w’'-]+\s+){0,3}?)?"
    return _Patterns(
        head=re.compile(rf"(?i)\b{share}(?:(?P<mod>{commodities})\s+)?(?P<head>{head})\b"),
        commodity_after=re.compile(
            rf"(?i)\s+(?:[\w.,$€£¥-]+\s+){{0,4}}?of\s+(?:[A-Z][\w-]*\s+)?(?P<mod>{commodities})\b"
        ),
        own_after=re.compile(rf"(?i)\s+(?:of\s+)?(?:[\w-]+\s+){{0,2}}?(?P<head>{head})\b"),
        share_after=re.compile(
            rf"(?i)\s+of\s+(?:(?:the|its|their|all|total|[\w-]+(?:['’]s?)?)\s+){{0,5}}?"
            rf"(?:(?P<mod>{commodities})\s+)?(?P<head>{head})\b"
        ),
        heads=heads,
    )


def find_metrics(text: str) -> list[MetricMention]:
    """Every metric the text names, in order."""
    p = _patterns()
    found = []
    for m in p.head.finditer(text):
        metric = p.heads[lexicon.fold(m.group("head"))]
        commodity = (m.group("mod") or "").lower()
        if metric in _QUALIFIED and not commodity and (after := p.commodity_after.match(text, m.end())):
            if after.end() - m.end() < 60:
                commodity = after.group("mod").lower()
        found.append(
            MetricMention(m.start(), m.end(), metric, metric, commodity, share=bool(m.group("share")))
        )
    return found


def _name(head: str, commodity: str, share: bool) -> str:
    if not head:
        return ""
    name = f"{commodity} {head}" if commodity and head in _QUALIFIED else head
    return f"share of {name}" if share else name


def metric_for(text: str, mentions: list[MetricMention], start: int, end: int, kind: str, unit: str) -> str:
    """The metric of the figure at ``text[start:end]``; "" when the text names none.

    A percentage "of" a flow is a share of it; otherwise the metric named nearest
    before the figure, else nearest after it.
    """
    p = _patterns()
    if kind in _SHARE_KINDS and (share := p.share_after.match(text, end)):
        head = p.heads[lexicon.fold(share.group("head"))]
        if head:
            return _name(head, (share.group("mod") or "").lower(), True)
    before = [m for m in mentions if m.end <= start and m.metric]
    after = [m for m in mentions if m.start >= end and m.metric]
    chosen = before[-1] if before else after[0] if after else None
    if names_own_metric(text, end):
        # "10,400 megawatts of generating capacity", "a 25% levy": the figure names its own.
        chosen = after[0]
    if chosen is None:
        return ""
    commodity = chosen.commodity or (_UNIT_COMMODITY.get(unit, "") if chosen.head in _QUALIFIED else "")
    if not commodity and chosen.head in _QUALIFIED and (after_figure := p.commodity_after.match(text, end)):
        if after_figure.end() - end < 40:
            commodity = after_figure.group("mod").lower()
    return _name(chosen.head, commodity, chosen.share)


def names_own_metric(text: str, end: int) -> bool:
    """Whether the words right after a figure name what it measures ("of generating capacity")."""
    p = _patterns()
    own = p.own_after.match(text, end)
    return bool(own and p.heads[lexicon.fold(own.group("head"))])
