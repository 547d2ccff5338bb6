"""Countries named in the reason a sentence gives for a figure are no party to it: "exports
could fall 10-15% as Brazilian supplies surge", "expects 7.5 million tonnes as India eases its
export curbs", "grew 5.4% on brisk shipments of chips to China".
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.context import Clause, SentenceContext
from dashboard.countries import speaks_of_two
from dashboard.figures import Span
from dashboard.roles import named_for_policy

_REASON = re.compile(
    r"\s(?:as|because|amid|due\s+to|thanks\s+to|despite|in\s+spite\s+of|subject\s+to"
    # "jumped 42%, driven by demand from Indonesia"
    r"|(?:driven|fuell?ed|spurred|buoyed|propelled)\s+by"
    # "grew 5.4% on brisk shipments of chips to China": on what drove it
    r"|on(?=\s+(?:brisk|strong|robust|solid|firm|weak|weaker|stronger|soft|sluggish|rising|falling|higher"
    r"|lower|booming|slowing|surging|slumping)\b)"
    # "expects 7.5 million tonnes this year after India lifted its curbs": what a country did
    r"|after(?=\s+(?:[\w.'’-]+\s+){1,4}?(?:had\s+)?[a-z]+ed\b)"
    # "drop by up to 400,000 bpd in December after U.S. sanctions on Rosneft": a policy's doing
    r"|after(?=\s+(?:new\s+|fresh\s+|the\s+)?(?:[\w.'’-]+\s+)?(?:sanctions|tariffs|duties|curbs|bans?|restrictions"
    r"|embargo|levies|quotas)\b))"
    r"\s(?!(?:much|many|well|a\s+share|of)\b)"
)
# A country right after the word that opens a reason ("as India eases its curbs"), or listed
# with one there ("as India and China cut purchases"); not "such as"
_REASON_BEFORE = re.compile(
    r"(?<!such)\s(?:as|because|amid|due\s+to|thanks\s+to|despite|in\s+spite\s+of|subject\s+to)\s+(?:the\s+)?"
    r"(?:[\w.'’-]+(?:\s+[\w.'’-]+){0,2}(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?){0,3}$"
)


def reason_after(text: str, span: Span) -> re.Match[str] | None:
    """The word opening a reason given right after the figure, if any; else the purpose the
    sentence gives its figures after them ("..., to shield EU producers from Chinese steel")."""
    if reason := _REASON.search(text, span.end, min(len(text), span.end + 80)):
        return reason
    purpose = _purpose(text)
    return purpose if purpose is not None and purpose.start() >= span.end else None


@lru_cache(maxsize=8)
def _purpose(text: str) -> re.Match[str] | None:
    """The first purpose a sentence states, once per sentence: figures before it keep whom it
    names out of their parties."""
    return _PURPOSE.search(text) if " to " in text else None


def named_only_in_purpose(ctx: SentenceContext, code: str) -> bool:
    """Whether the sentence names ``code`` first in the purpose it gives ("..., to shield EU
    producers from a glut of Chinese steel")."""
    mention = ctx.first_mention.get(code)
    purpose = _purpose(ctx.text) if mention is not None else None
    return purpose is not None and mention is not None and mention.start > purpose.start()


# "to shield EU producers from a glut of Chinese steel": what the figures are for
_PURPOSE = re.compile(
    r",\s+(?:in\s+order\s+)?to\s+(?:shield|protect|defend|curb|counter|stem|fend\s+off|offset|deter)\b"
)


def opens_a_reason(text: str, at: int) -> bool:
    """Whether the country named at ``at`` comes right after the word opening a reason."""
    return bool(_REASON_BEFORE.search(text, max(0, at - 60), at))


def named_only_in_reason(ctx: SentenceContext, code: str, reason: re.Match[str] | None) -> bool:
    """Whether the sentence names ``code`` first in the ``reason`` given after a figure: "German
    exports fell 5.8%, as demand from China weakened" is no figure of China's."""
    return reason is not None and code in ctx.first_mention and ctx.first_mention[code].start > reason.start()


def without_reasons(ctx: SentenceContext, named: set[str], span: Span, reason: re.Match[str]) -> set[str]:
    """``named`` without countries named only in the ``reason`` given after the figure: "beef
    exports to China could fall 10-15% as Brazilian supplies surge"."""
    text = ctx.text
    before = {m.iso3 for m in ctx.mentions if m.start < reason.start()}
    kept = named & before
    if kept == named:
        return named  # none named only in the reason
    if kept:
        # "copper exports fell 4.8% as shipments to China, its top buyer, dropped": Chile's
        return kept
    clause = ctx.clause(span.start)
    if (
        not any(clause.start <= m.start < reason.start() for m in ctx.mentions)
        and not ctx.bilateral
        # "Trade between the South American neighbours fell 28% as Argentina's recession cut
        # demand for Brazilian cars": a pair the reason names
        and " between " not in text[clause.start : span.start]
        and not speaks_of_two(text[clause.start : span.start])
    ):
        # "while shipments of corn could drop 20-30% as Chinese buyers turn to U.S. and Ukrainian
        # supplies": its clause names no country but in the reason, so none of them
        return set()
    return named


def named_in_reason_before(ctx: SentenceContext, clause: Clause) -> set[str]:
    """Countries the sentence names first in a reason given before the figure's clause: "exports
    grew faster than expected as factories rushed out shipments ahead of threatened U.S.
    tariffs, pushing the surplus to nearly $1 trillion" is no figure of the United States'."""
    reason = _first_reason(ctx.text)
    if reason is None or reason.end() > clause.start:
        return set()  # no reason, or the first ends past the clause's start: none before it
    # "as" also compares and ranks ("surpassed the United States as China's top supplier",
    # "twice as much crude as it sells the United States"): after it, only a country named for
    # its policy is surely in a reason
    loose = reason.group().strip() == "as"
    return {
        code
        for code, m in ctx.first_mention.items()
        if reason.start() < m.start < clause.start and not (loose and not named_for_policy(ctx.text, m))
    }


@lru_cache(maxsize=8)
def _first_reason(text: str) -> re.Match[str] | None:
    # once per sentence, not once per figure: an endless sentence of figures stays linear
    return _REASON.search(text)
