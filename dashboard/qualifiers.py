"""Bound and direction: the words just before and after a figure that qualify it."""

from __future__ import annotations

import re
from functools import cache

from dashboard import lexicon

_LOOKBACK = 48


@cache
def _patterns() -> dict[str, object]:
    bounds = {lexicon.fold(r["phrase"]): r["bound"] for r in lexicon.rows("bounds.csv")}
    by_role: dict[str, dict[str, str]] = {}
    for row in lexicon.rows("directions.csv"):
        by_role.setdefault(row["role"], {})[row["word"]] = row["direction"]
    before = {**by_role["verb"], **by_role["noun"], **by_role["adverb"]}
    after = {**by_role["after"], **by_role["noun"], **by_role["verb"]}
    return {
        "bounds": bounds,
        "bound": re.compile(rf"(?i)(?<![\w-])(?P<w>{lexicon.alternation(list(bounds))})\s*$"),
        "before_words": before,
        "before": re.compile(
            rf"(?i)(?<![\w-])(?P<w>{lexicon.alternation(list(before))})"
            r"(?:\s+(?:by|of))?(?:\s+(?:an?|some|about))?\s*$"
        ),
        "after_words": after,
        "after": re.compile(rf"(?i)\s*(?:-\s*)?(?P<w>{lexicon.alternation(list(after))})\b"),
    }


def qualify(text: str, start: int, end: int, floor: int = 0) -> tuple[str, str]:
    """The (bound, direction) of the figure at ``text[start:end]``.

    ``floor`` is where the sentence starts; nothing before it is read.
    """
    p = _patterns()
    lead = text[max(floor, start - _LOOKBACK) : start]
    bound = "="
    if m := p["bound"].search(lead):
        bound = p["bounds"][lexicon.fold(m.group("w"))]
        lead = lead[: m.start()]
    direction = ""
    if m := p["before"].search(lead):
        direction = p["before_words"][lexicon.fold(m.group("w"))]
    elif m := p["after"].match(text, end):
        direction = p["after_words"][lexicon.fold(m.group("w"))]
    return bound, direction
