"""Which time expression of its sentence a figure takes: the nearest, those in its own clause
first, but not one a base, an earlier change, a result clause, a possessive or a bracket holds
for another figure ("up 33% from $49.4 billion in the previous year", "after falling 2.3% in
June", "$279.4 billion in 2023 ($382.1 billion in 2022)"). ``figure_periods`` reads a figure's
period from what this finds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from dashboard.bases import is_base, passes_a_mark
from dashboard.context import POSSESSIVE, SentenceContext
from dashboard.figures import Span
from dashboard.periods import Period

# "14.3% to a record $405.5 billion in 2024": a change, the level it reached, its time
_TO_A_LEVEL = re.compile(
    r"(?i)\s+to\s+(?:(?:a|an)\s+)?(?:(?:record|new|fresh|all-time)\s+(?:high\s+of\s+)?)?"
)
_THEN = re.compile(r"(?i)\s*(?:in|during|for|over)?\s*")
# A clause telling what a change brought another flow to: its time is that flow's.
_RESULT = re.compile(r"(?i)\s*(?:taking|bringing|lifting|pushing|putting|leaving|raising|sending)\s")
# A change a figure came after: "grew 7.2% after falling 2.3% in June"
_AFTER_BEFORE = re.compile(r"(?i)\bafter\s+(?:[a-z]+ing\s+(?:by\s+)?|an?\s+)$")
_AFTER_A_CHANGE = re.compile(r"(?i),?\s+after\s+(?:[a-z]+ing\s+(?:by\s+)?|an?\s+)")
# The noun of a change and the word before its time: "a 2.4% gain in September"
_CHANGE_IN = re.compile(
    r"\s+(?:rise|gain|increase|growth|jump|climb|drop|fall|decline|contraction|slump)\s+(?:in|for|during)?\s*"
)
_THIS_OR_NEXT = re.compile(r"(?i)(?:this|next)\s+year\b")
_BRACKET_REACH = 200  # brackets are short asides; a bound keeps the look back linear


def _between(ctx: SentenceContext, start: int, end: int, test: Callable[[str, int], bool]) -> bool:
    """Whether a figure between ``start`` and ``end`` passes ``test`` (``is_base``, ...)."""
    lo, hi = bisect_left(ctx.span_starts, start), bisect_left(ctx.span_starts, end)
    return any(test(ctx.text, ctx.spans[j].start) for j in range(lo, hi))


def _owned_by_base(ctx: SentenceContext, period: Period, span: Span) -> bool:
    """Whether ``period`` is the time of a base right before it, another figure than ``span``."""
    k = bisect_left(ctx.span_starts, period.offset) - 1
    if k < 0 or ctx.spans[k] is span:
        return False
    base = ctx.spans[k]
    return 0 <= period.offset - base.end <= 12 and (
        is_base(ctx.text, base.start)
        # "after falling 2.3% in June": what went before, at its own time
        or _AFTER_BEFORE.search(ctx.text, max(0, base.start - 24), base.start) is not None
    )


def _owns_next(ctx: SentenceContext, period: Period, span: Span) -> bool:
    """Whether ``period`` owns another figure than ``span`` right after it: "June's 8.6% gain"."""
    if not POSSESSIVE.match(ctx.text, period.stop):
        return False
    k = bisect_left(ctx.span_starts, period.stop)
    return k < len(ctx.spans) and ctx.spans[k] is not span and ctx.spans[k].start - period.stop <= 12


def _bracket(ctx: SentenceContext, at: int) -> int:
    """Where the bracket holding ``at`` opens, or -1 outside any."""
    opened = ctx.text.rfind("(", max(0, at - _BRACKET_REACH), at)
    return opened if opened >= 0 and ctx.text.find(")", opened, at) < 0 else -1


def _on_the_subject(ctx: SentenceContext, opened: int) -> bool:
    """Whether a bracket opens right after the flow its sentence opens with, its country last,
    before any figure: "Coal exports to China ($1.6 billion in January) fell 18%"."""
    i = bisect_left(ctx.mention_starts, opened) - 1
    return (
        i >= 0
        and not ctx.text[ctx.mentions[i].end : opened].strip()
        and (not ctx.spans or ctx.spans[0].start > opened)
    )


def _holds_a_figure(ctx: SentenceContext, opened: int) -> bool:
    """Whether the bracket opening at ``opened`` holds a figure of its own."""
    i = bisect_left(ctx.span_starts, opened)
    if i == len(ctx.spans):
        return False
    closed = ctx.text.find(")", opened)
    return closed < 0 or ctx.spans[i].start < closed


def changes_then(ctx: SentenceContext, period: Period) -> bool:
    """Whether a time after a base is when the change it is the base of will happen: "will
    raise tariffs to 100% from 25% this year" raises them this year, from 25% now."""
    return (
        ctx.forecast
        and period.granularity in ("year", "fiscal_year")
        and bool(_THIS_OR_NEXT.match(period.text))
    )


def _owned_by_next(ctx: SentenceContext, span: Span, period: Period) -> bool:
    """Whether the figure after ``span`` names the change ``period`` is the time of, right
    before it: "a 2.4% gain in September"."""
    k = bisect_right(ctx.span_starts, span.start)
    if k >= len(ctx.spans) or (nxt := ctx.spans[k]).end > period.offset:
        return False
    return bool(_CHANGE_IN.fullmatch(ctx.text, nxt.end, period.offset)) or bool(
        # "grew 7.2% after falling 2.3% in June": the fall's month
        _AFTER_A_CHANGE.fullmatch(ctx.text, span.end, nxt.start)
        and _THEN.fullmatch(ctx.text, nxt.end, period.offset)
    )


def period_right_after(ctx: SentenceContext, pos: int) -> Period | None:
    """The time expression that follows ``pos`` with at most "in" between ("20% last month")."""
    i = bisect_left(ctx.period_offsets, pos)
    if i < len(ctx.periods) and _THEN.fullmatch(ctx.text, pos, ctx.periods[i].offset):
        return ctx.periods[i]
    return None


def _level_then(ctx: SentenceContext, change: Span, period: Period) -> bool:
    """Whether the change is followed by the level it reached and then ``period``: "rising
    14.3% to a record $405.5 billion in 2024" is all of 2024."""
    j = bisect_right(ctx.span_starts, change.start)
    return (
        j < len(ctx.spans)
        and (level := ctx.spans[j]).end <= period.offset
        and _TO_A_LEVEL.fullmatch(ctx.text, change.end, level.start) is not None
        and _THEN.fullmatch(ctx.text, level.end, period.offset) is not None
    )


def nearest_period(ctx: SentenceContext, span: Span) -> Period | None:
    """The time expression nearest the figure, those in its own clause first; after wins ties."""
    # The neighbours on either side hold the nearest in the clause, if any, else the nearest at all.
    i = bisect_left(ctx.period_offsets, span.start)
    before = ctx.periods[i - 1] if i else None
    back = i - 1
    # "sank 37% last year, from 10 trillion won in 2022, while imports plunged 42%"; "grew
    # 7.0% in July, slower than June's 8.6% gain and below the 9.7% forecast"; past each of
    # a few such: "rose 7% in July, slowing from 8.6% in June, while imports grew 7.2% after
    # falling 2.3% in June, leaving a surplus of $84.65 billion"
    while (
        before is not None
        and back > i - 4
        and (_owned_by_base(ctx, before, span) or _owns_next(ctx, before, span))
    ):
        back -= 1
        before = ctx.periods[back] if back >= 0 else None
    after = ctx.periods[i] if i < len(ctx.periods) else None
    if after is not None and _between(ctx, span.end, after.offset, is_base) and not changes_then(ctx, after):
        after = None  # "up 33% from $49.4 billion in the previous year": the base's period
    if after is not None and _between(ctx, span.end, after.offset, passes_a_mark):
        after = None  # "hit $240.1 billion, exceeding a $200 billion target set for 2024"
    if (
        after is not None
        and (result := ctx.clause(after.offset)).start > span.end
        and _RESULT.match(ctx.text, result.start)
    ):
        after = None  # "rose 11%, taking bilateral trade in the first 11 months to $218.2 billion"
    if after is not None and POSSESSIVE.match(ctx.text, after.stop):
        after = None  # "a rebound of 20% after last year's 25% slump": the slump's time
    if after is not None and _owned_by_next(ctx, span, after):
        after = None  # "a 5.2% rise forecast ... and a 2.4% gain in September": the gain's month
    # "$279.4 billion in 2023 ($382.1 billion in 2022)": a bracket parts the figure from a time
    # "rose to $4.5 billion ($3.1 billion in March 2023)": nor one in a bracket of its own
    bracketed = "(" in ctx.text
    own = _bracket(ctx, span.start) if bracketed else -1
    if (
        bracketed
        and before is not None
        and after is None
        and (opened := _bracket(ctx, before.offset)) not in (own, -1)
    ):
        # "narrowed to A$7.3 billion in February (A$11.0 billion in January), as exports to
        # China dropped 12%": past the bracket's own time to the one before it
        j = next(k for k in range(i - 1, -1, -1) if ctx.periods[k] is before) - 1
        while j >= 0 and _bracket(ctx, ctx.periods[j].offset) not in (own, -1):
            j -= 1
        if j >= 0 or (_holds_a_figure(ctx, opened) and not _on_the_subject(ctx, opened)):
            before = ctx.periods[j] if j >= 0 else None
        # else "Vietnam's trade with China (Jan-Apr 2025): exports $19.5 billion": a bracket
        # holding a time alone, and no other, labels what follows; and so does one on the
        # subject: "Coal exports to China ($1.6 billion in January) fell 18%"
    if before is None or after is None:
        return before or after
    if _level_then(ctx, span, after):
        return after  # "to grow 8-10% this year after rising 14.3% to $405.5 billion in 2024"
    clause = ctx.clause(span.start)
    before_rank = (
        bracketed and _bracket(ctx, before.offset) != own,
        # "Between 2019 and 2023, exports grew 70%, while in 2020 and 2021 they rose 43%"
        not (clause.start <= before.offset < clause.end or ctx.fronted(before)),
        max(0, span.start - before.stop),
    )
    after_rank = (
        bracketed and _bracket(ctx, after.offset) != own,
        not clause.start <= after.offset < clause.end,
        max(0, after.offset - span.end),
    )
    return after if after_rank <= before_rank else before
