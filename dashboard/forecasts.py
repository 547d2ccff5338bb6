"""Whether a sentence looks ahead (a forecast or target) or reports what happened.

A quarter, half or month named without a year is, in a forecast, the earliest not yet
ended, and in a statement about the past the latest that has (FIGURES.md); and a figure
takes no period from a statement that looks the other way. What economists "had expected"
or a result "beating forecasts" is a past expectation of the period reported, not a look
ahead.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard import lexicon


@cache
def _forecast_pattern() -> re.Pattern[str]:
    # Over lower-cased text: several times faster than ignoring case.
    words = [w.lower() for w in lexicon.column("forecast_words.csv", "word")]
    return re.compile(lexicon.at_word_start(words, not_after=r"\w") + r"\b")


_PAST_EXPECTATION = re.compile(
    r"\b(?:had\s+(?:been\s+)?|(?:beat(?:ing|s)?|miss(?:ed|ing)?|exceed(?:ed|ing)?|topp(?:ed|ing)|than|with"
    r"|outpac(?:ed|ing)|outstripp(?:ed|ing)"
    r"|versus|vs\.?|against|below|above)\s+(?:the\s+|an?\s+|market\s+|median\s+|analysts['’]?\s+|economists['’]?\s+"
    r"|consensus\s+|\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+"
    # "beating a Reuters poll forecast": whose poll it was
    r"|(?:reuters|bloomberg|polls?|survey)\s+"
    # "exceeding a $200 billion target": a mark the result passed
    r"|(?:us)?[$€£¥₹]\s?\d[\d.,]*\s*(?:(?:[mb]illion|trillion|bn|mn|tn|b|m)\s+)?){0,3})$"
)  # what economists "had expected", "beating a 9% forecast": past expectations of the period
# "the 9.1% increase expected by economists in a Reuters poll", "the median forecast of 30
# economists": what was expected of the period
_BY_FORECASTERS = re.compile(
    r"\s+(?:by|in|from|of)\s+(?:(?:a|the)\s+)?(?:\w+\s+)?(?:economists|analysts|poll|survey|consensus|markets?|traders)\b"
)


# "exports likely grew 5.2% in October", "imports are expected to have fallen": a guess at
# what has happened, of a time that has ended
_OF_THE_PAST = re.compile(
    r"\s+(?:to\s+have\s+|have\s+)?(?:grew|grown|rose|risen|fell|fallen|shrunk|dropped|declined|increased|decreased|slowed|narrowed"
    r"|widened|eased|shrank|contracted|expanded|jumped|slipped|been|reached|hit|picked\s+up)\b"
)


@cache
def _past_pattern() -> re.Pattern[str]:
    words = [w.lower() for w in lexicon.column("past_verbs.csv", "word")]
    return re.compile(lexicon.at_word_start(words, not_after=r"\w") + r"\b")


def reports_past(clause: str) -> bool:
    """Whether a clause of a forecast reports what happened instead: "..., as bilateral trade
    reached $8.5 billion in the 12 months to September"."""
    return not is_forecast(clause) and _past_pattern().search(clause.lower()) is not None


def is_forecast(sentence: str) -> bool:
    """Whether a sentence states a forecast or target rather than the past. What economists
    "had expected" is a past expectation of the period reported, not a look ahead."""
    lower = sentence.lower()
    pattern = _forecast_pattern()
    m = pattern.search(lower)
    while m is not None:
        if (
            not _PAST_EXPECTATION.search(lower, max(0, m.start() - 30), m.start())
            and not _BY_FORECASTERS.match(lower, m.end())
            and not _OF_THE_PAST.match(lower, m.end())
        ):
            return True
        m = pattern.search(lower, m.end())
    # "Tokyo pledged in 2022 to invest 5 trillion yen": a pledge, with the time it was made;
    # "signed deals in September to buy 15 bcm of LNG": what a deal commits to
    return (
        "pledged" in lower
        or "promised" in lower
        or "vowed" in lower
        or "committed" in lower
        or "agreed" in lower
        or "deal" in lower
        or "agreement" in lower
        or "contract" in lower
    ) and _PLEDGED_THEN_TO.search(lower) is not None


_PLEDGED_THEN_TO = re.compile(
    r"\b(?:(?:pledged|promised|vowed|committed|agreed)\s+(?:in|on|last|this|earlier)\s+(?:[\w,]+\s+){0,3}?to\s+[a-z]"
    r"|(?:deals?|agreements?|contracts?)\s+(?:(?:in|on|last|this|earlier)\s+(?:[\w,]+\s+){0,3}?)?to\s+"
    r"(?:buy|purchase|import|supply|deliver|ship|sell|invest|spend|provide)\b)"
)


def reports_past_at(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``text[start:end]``, in a sentence that foresees, reports the
    past: "are on course to top $17 billion, after $16.3 billion in the three months to
    September"; "will invest $15 billion, as trade reached $8.5 billion in the 12 months to June"."""
    if ("after" in text or "AFTER" in text) and _AFTER_A_LEVEL.search(text, max(0, start - 80), start):
        return True
    if ("from" in text or "FROM" in text) and _FROM_A_LEVEL.search(text, max(0, start - 80), start):
        return True  # "are expected to grow 3-4% in the second half, slowing from 3.6% in the first"
    # The clause up to the time: "Exports rose 5% in the third quarter and are expected to
    # grow in the fourth" reports the third and foresees the fourth.
    low = max(0, start - _CLAUSE_REACH)
    opens = max(text.rfind(",", low, start), text.rfind(";", low, start), low - 1)
    # "could boost bilateral trade, worth 34 billion pounds in the year to June, by ...": an
    # aside on what a thing is worth tells how it stood
    return bool(opens >= low and WORTH_ASIDE.match(text, opens + 1)) or reports_past(text[opens + 1 : end])


# ", worth $40.4 billion last year,": an aside on what a flow was worth
WORTH_ASIDE = re.compile(r"(?i)\s*(?:worth|valued\s+at)\b")


_CLAUSE_REACH = 160
# "..., after $16.3 billion in", "..., after falling 1.8% in the first": what went before
_AFTER_A_LEVEL = re.compile(r"(?i),\s+after\s+(?:[a-z]+ing\s+(?:by\s+)?)?(?:[$€£¥₹]|\d)[^,;:()]{0,60}\Z")
# The base a forecast is set against: "slowing from 3.6% in", "up from $4 billion in"
_FROM_A_LEVEL = re.compile(r"(?i)\bfrom\s+(?:an?\s+)?(?:[$€£¥₹]|\d)[^,;:()]{0,40}?\s(?:in|during|for)\s+\Z")
# "set to fall to 42 million barrels in October, from 47 million barrels in September"
_FROM_A_BASE = re.compile(r"(?i)\bfrom\s+(?:an?\s+)?(?:[$€£¥₹]|\d)[^,;:()]{0,40}?\s+\Z")


def base_of_forecast(text: str, start: int) -> bool:
    """Whether the time at ``start`` in a forecast is its base's: "up from $81.7 billion in
    September", a month that is under way or has been, not one ahead."""
    return "from" in text[max(0, start - 60) : start].lower() and bool(
        _FROM_A_BASE.search(text, max(0, start - 60), start)
    )
