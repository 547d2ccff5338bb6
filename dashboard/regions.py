"""Regions and blocs that are no country ("Asia", "the rest of Asia", ASEAN, Mercosur), from
``lexicon/regions.csv``: a flow with one is the reporting country's alone, and "the two sides"
of a country and a bloc are the country."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from dashboard import lexicon
from dashboard.context import SentenceContext
from dashboard.countries import Mention
from dashboard.figures import Span
from dashboard.roles import is_flow_partner

_NOT_A_REGION_AFTER = (
    # not "from the Gulf nation", "to the world's largest buyer": a country by another name
    r"(?![-\w'’])(?!\s+(?:nations?|states?|countr(?:y|ies)|kingdoms?|emirates?|economy|economies|member|members)\b)"
)


@cache
def _to_a_region() -> re.Pattern[str]:
    regions = lexicon.column("regions.csv", "name")
    return re.compile(
        rf"\b(?:to|from|with)\s+(?:the\s+rest\s+of\s+)?(?:{lexicon.alternation(regions)})\b{_NOT_A_REGION_AFTER}",
        re.I,  # "to asia" in text written all in one case
    )


@cache
def _region() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:{lexicon.alternation(lexicon.column('regions.csv', 'name'))})\b{_NOT_A_REGION_AFTER}", re.I
    )


def flows_with_a_region(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sends goods to or takes them from a region, or trades with one:
    "while shipments to Asia as a whole climbed 6.7%", "China's trade with ASEAN rose 10.5%"."""
    return _to_a_region().search(text, start, end) is not None


_SPACE = re.compile(r"\s*(?:[-•·*▪–—]\s+)?")  # and a list's bullet: "* Africa's deficit with China"


def opens_with_a_region(text: str, start: int) -> bool:
    """Whether the part of a sentence at ``start`` has a region or bloc for its subject: "The
    East African Community took 28.5 percent of Kenya's exports" is Kenya's share with no other
    country."""
    at = spaces.end() if (spaces := _SPACE.match(text, start)) else start
    return _region().match(text, at) is not None or _region_owning().match(text, at) is not None


@cache
def _region_owning() -> re.Pattern[str]:
    """A region or bloc as the owner of a flow: "Africa's deficit with China"."""
    return re.compile(rf"\b(?:{lexicon.alternation(lexicon.column('regions.csv', 'name'))})['’]s\b", re.I)


def names_a_region(text: str, mentions: list[Mention]) -> bool:
    """Whether ``text`` names a region or bloc that is no country: not the "Africa" of "South
    Africa", which ``mentions`` (its countries) hold."""
    return any(not any(m.start <= r.start() < m.end for m in mentions) for r in _region().finditer(text))


@cache
def _joined_after() -> re.Pattern[str]:
    regions = lexicon.alternation(lexicon.column("regions.csv", "name"))
    return re.compile(rf"\s?[-–—/]\s?(?:{regions})\b{_NOT_A_REGION_AFTER}", re.I)


@cache
def _joined_before() -> re.Pattern[str]:
    regions = lexicon.alternation(lexicon.column("regions.csv", "name"))
    return re.compile(rf"\b(?:{regions})\s?[-–—/]\s?$", re.I)


def joined_to_a_region(text: str, mention: Mention) -> bool:
    """Whether a country is joined by a dash to a region or bloc: "China-Africa trade",
    "ASEAN-China trade" are the country's with no other country."""
    return bool(
        _joined_after().match(text, mention.end)
        or _joined_before().search(text, max(0, mention.start - 30), mention.start)
    )


_BRACKET_OPENS = re.compile(r"\(\s*[+\-−]?\s*$")


def bracketed_after_a_region(text: str, start: int) -> bool:
    """Whether the figure at ``start`` stands in brackets right after a region: "shipments to
    the EU (+9.3%) and the Middle East (+21%) rose" gives the 21% to no partner country."""
    if "(" not in text[max(0, start - 4) : start]:
        return False
    bracket = _BRACKET_OPENS.search(text, max(0, start - 4), start)
    if bracket is None:
        return False
    end = len(text[: bracket.start()].rstrip())
    return any(m.end() == end for m in _region().finditer(text, max(0, end - 40), end))


def to_a_region_since(ctx: SentenceContext, span: Span) -> bool:
    """Whether the words since the figure before tell a flow with a region and name no country:
    "... grew 0.9% and those to Southeast Asian nations rose 11%"."""
    k = bisect_left(ctx.span_starts, span.start) - 1
    if k < 0:
        return False
    gap = ctx.spans[k].end
    words = ctx.text[gap : span.start].lower()
    if " to " not in words and " from " not in words and " with " not in words:
        return False  # most gaps name no flow's far side; substring tests first
    if not flows_with_a_region(ctx.text, gap, span.start) or bisect_left(ctx.mention_starts, gap) != (
        i := bisect_left(ctx.mention_starts, span.start)
    ):
        return False
    # not "shipments to Asia offset a 3.1% drop in exports to the United States": a figure
    # naming its own partner right after it
    after = ctx.mentions[i] if i < len(ctx.mentions) else None
    return (
        after is None or after.start - span.end > _OWN_PARTNER_REACH or not is_flow_partner(ctx.text, after)
    )


_OWN_PARTNER_REACH = 40  # "a 3.1% drop in merchandise exports to the United States"
