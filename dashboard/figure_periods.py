"""The period of each figure: its own time expression, else the one of the statement it continues.

A figure with no period of its own takes the period of the figure its statement is about (not
a base it was compared with, nor a target); a standing rate, a level said to hold now and a
target in an aside take none; and a heading over a list gives its period to the items. What a
figure compared with another takes ("a year earlier", a base) is ``base_periods``'s.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from dashboard import context
from dashboard.base_periods import month_back, whole_months, years_back
from dashboard.countries import join_codes
from dashboard.figures import Figure, Span
from dashboard.forecasts import WORTH_ASIDE, is_forecast, reports_past
from dashboard.metrics import MetricIndex, lead_metric
from dashboard.nearest_times import nearest_period, period_right_after
from dashboard.period_calendar import (
    count_of,
    is_whole_month,
)
from dashboard.periods import Period, find_periods
from dashboard.roles import TOP_RANK
from dashboard.statements import Statement, period_of

# A rate set, lifted or imposed: "lifted tariffs of 80.5%", "were hit with tariffs of 80.5% in 2020"
_EVENT_ON_A_RATE = re.compile(
    r"(?i)\b(?:lift(?:s|ed|ing)?|remov\w*|scrap\w*|impos\w*|slap\w*|hit\s+with|levied|introduc\w*|abolish\w*"
    r"|suspend\w*|waiv\w*)\s+(?:[\w-]+\s+){0,3}?(?:tariffs?|duties|duty|levies|levy)\s+(?:of\s+)?"
    r"(?:up\s+to\s+|as\s+high\s+as\s+|about\s+)?$"
)
_A_YEAR_AFTER = re.compile(
    r"(?i)\s+(?:a|per|each|every)\s+year\b(?!\s+(?:ago|earlier|before|later|on)\b)|\s+annually\b"
    r"|\s+(?:of|in)\s+annual\b"  # "covering $18 billion of annual imports"
)
_OPENS_A_YEAR_EARLIER = re.compile(
    r"""[\s"'“‘(]*((?:a|one)\s+year\s+(?:earlier|ago|before)|(?:in\s+)?the\s+same\s+(?:period|month|quarter)\s+"""
    r"(?:a|last)\s+year)\b",
    re.I,
)
# A clause on what a figure followed or is set against: ", after rising 0.3% in September"
_BEFORE_IT = re.compile(r"(?i)[\s,;]*(?:after|following|compared\s+with|versus|vs\.?|against)\s")
_POLICY_REACH = 160
# An act of policy a figure came after: "after Washington doubled tariffs on", "after the EU
# imposed duties"
_AFTER_A_POLICY = re.compile(
    r"(?i)\bafter\s+(?:[\w.'’-]+\s+){1,4}?(?:had\s+)?[a-z]+ed\s+(?:[\w-]+\s+){0,2}?"
    r"(?:tariffs?|duties|duty|sanctions|curbs|bans?|restrictions|quotas|levies)\b"
)
# "exceeding the target of $200 billion": a target whose time the clause does not give
_TARGET_BEFORE = re.compile(r"(?i)\b(?:target|goal)\s+of\s+(?:(?:about|around|some)\s+)?$")


def period_fields(
    ctx: context.SentenceContext,
    clause: context.Clause,
    span: Span,
    metric: str,
    before: Statement,
    continues: bool,
    published: dt.date | None,
    countries: str = "",
) -> dict[str, str]:
    """The period columns of one figure: its own time expression, else the one it continues.
    ``countries`` are the figure's own."""
    if context.is_general(metric) and (changed := _rate_changed(ctx, span)) is not None:
        return changed
    period = nearest_period(ctx, span)
    elsewhere = period is not None and not clause.start <= period.offset < clause.end
    if (
        period is not None
        and period.granularity == "open"
        and _OF_A_LEVEL.match(ctx.text, span.end)
        and (
            sentence_time := next(
                (p for p in reversed(ctx.periods) if p.offset < span.start and p.start), None
            )
        )
    ):
        # "reached A$1.5 billion in the 12 months through June, 83% of the level before Beijing
        # imposed tariffs": the time before is the level's; the share is of the sentence's time
        period, elsewhere = sentence_time, not clause.start <= sentence_time.offset < clause.end
    if period is not None and elsewhere and period.granularity == "open" and period.offset > 0:
        # "about 40%, against less than 1% before 2022": the time before is the 1%'s; but
        # "Before the duties were imposed, China bought 70%" opens the sentence and covers it
        period = None
    if (
        elsewhere
        and period is not None
        and period.offset > span.end
        and _BEFORE_IT.match(ctx.text, ctx.clause(period.offset).start)
    ):
        # "Imports fell 1.5%, after rising 0.3% in the previous month": the time of what came
        # before, not the figure's, which goes on with its statement
        period = None
    if (
        period is not None
        and period.offset > span.end
        and ("after" in ctx.text or "AFTER" in ctx.text)
        # the act holds the time, so it stands shortly before it: a bounded look keeps this linear
        and _AFTER_A_POLICY.search(ctx.text, max(span.end, period.offset - _POLICY_REACH), period.offset)
    ):
        # "with shipments to the United States down 8.6% after Washington doubled tariffs on
        # Indian goods to 50% in August": the month is the policy's, not the flow's
        period = None
    if (
        elsewhere
        and period is not None
        and period.offset < span.start
        and (aside := ctx.clause(period.offset)).start > 0
        and _RANK_APPOSITIVE.match(ctx.text, aside.start, aside.end)
    ):
        # "Shipments to India, the biggest buyer this year, fell 11%": the time of the rank the
        # aside gives the country, not the figure's
        period = None
    if elsewhere and period is not None and in_an_aside(ctx, period):
        # "crude exports, which halted in March 2023, had cost $19 billion": the aside's time is
        # not the figure's; "Shipments to the EU, which imposed duties this month, fell 1.4%"
        # goes on with the statement's; "Exports to the U.S., worth $40.4 billion last year, face
        # a 50% tariff": what the flow was worth then
        period = None
    if (
        period is not None
        and context.is_general(metric)
        and _EVENT_ON_A_RATE.search(ctx.text, max(0, span.start - 60), span.start)
    ):
        # "Beijing lifted tariffs of up to 218% in March": the month is the lifting's; the rate,
        # a standing level, has none
        return {}
    if (
        period is not None
        and span.kind == "percent"
        and context.is_general(metric)
        and period.offset > span.end
        and any(s.kind in ("money", "quantity") and span.end <= s.start < period.offset for s in ctx.spans)
    ):
        # "The tariff cut to 30% from 145% could lift imports by $20 billion this year": the
        # time of the amount between, not of the standing rate
        return {}
    if period is not None and context.is_general(metric) and subordinate_between(ctx.text, span, period):
        # "recovered to A$1.1 billion in the 12 months to September after Beijing scrapped tariffs of 218.4%"
        return {}
    # "The bank has pledged $5 billion, while exports rose 9% in 2023": the pledge stands now.
    perfect = ctx.perfect_before(clause, span.start)
    if (
        elsewhere
        and period is not None
        and not ctx.fronted(period)
        and (
            ctx.clause_now(clause)
            or (perfect and period.offset > span.start)  # not "exports in 2023 have reached"
            or context.is_general(metric)
            or _A_YEAR_AFTER.match(ctx.text, span.end)  # "worth £1.2bn a year": a rate, now
            or _TARGET_BEFORE.search(ctx.text, max(0, span.start - 24), span.start)
            or (_ahead(period, published) and not ctx.forecast)
            # "Revenue fell 12% to $8.9 billion, and the government expects 90 million tonnes
            # in 2026": a clause reporting the past takes no time a forecast's clause looks to
            or (
                not _past(period, published)
                and reports_past(ctx.text[clause.start : clause.end])
                and is_forecast(ctx.text[(told := ctx.clause(period.offset)).start : told.end])
            )
            # "have risen 18% so far this year, ahead of a deal that will halve the tariff"
            or (
                (_past(period, published) or period.granularity == "to_date")
                and is_forecast(ctx.text[clause.start : clause.end])
            )
            # "Remittances, equivalent to about 7.3% of GDP, are expected to grow 3% this year":
            # an aside on the subject, before its verb, stands apart from the time after it
            or (period.offset > span.end and ctx.subject_aside(clause) and ctx.forecast)
        )
    ):
        # "exports tripled over the decade, and are now worth $1 billion"; a tariff is a
        # standing rate: "tariffs on EVs rose to 100%, and on chips to 50% by 2025"; what
        # has happened is not in a future year: "reached 22.7 bcm, versus 38 bcm from 2025", nor
        # an aim in a past one: "aims to raise trade to $100 billion, after it fell 8% last year"
        period = None
    if (
        period is not None
        and _THE_PREVIOUS_MONTH.fullmatch(period.text)
        and (month := _month_told(ctx, period, before))
    ):
        # "climbed 13.4%, after a 11.6% rise the previous month": before the month the statement
        # is about, not before publication
        return month_back(month, period.text)
    if period is not None and period.granularity == "anaphor" and _SINCE_THEN.fullmatch(period.text):
        return _since_then(ctx.text, period, published)
    if period is not None and period.granularity != "anaphor":
        return _fields(period)
    if period is not None and (same := _same_stretch(period.text, before.earlier)) is not None:
        return period_of(same)  # "over the same four months": the last four months named
    if (
        period is not None
        and ((lead := before.lead()) is None or not lead.period_start)
        and (timed := _last_timed(before.earlier)) is not None
    ):
        # "over the same period" after a quote of a share that stands now: the last time told
        return period_of(timed)
    if _A_YEAR_AFTER.match(ctx.text, span.end):
        return {}  # "once worth about $4 billion a year": a rate, over no period in particular
    general = (
        ctx.now or perfect or context.is_general(metric) or (ctx.relative(clause) and ctx.clause_now(clause))
    )
    if context.says_now(ctx.text[clause.start : clause.end]):
        return {}  # "deals now make up 40% of the total": now, whatever the statement before
    if (
        period is None
        and ("earlier" in ctx.text or "separately" in ctx.text)
        and _TOLD_APART.search(ctx.text)
    ):
        # "The share exceeded 95%, the central bank said earlier", "The ministry said separately
        # that incomes rose 4%": told on another occasion, not at the time of the statement before
        return {}
    if before.heading and not general:
        return before.heading  # "Key figures (January-September 2024):" over "- Exports: $9.1 billion"
    if period is None and ctx.relative(clause) and ctx.clause_now(clause):
        return {}  # "Auto exports, which account for about a quarter of the total, slipped": the aside's now
    if not before.figures or (period is None and (context.is_general(metric) or (general and not continues))):
        # a standing level takes no period from the statement it continues: "Cognac, which
        # faces duties of up to 39%, accounted for about €1.1 billion of that total"
        return {}
    # A statement's period is its own figure's: "rose to $X in 2023 from $Y in 2022" is
    # about 2023, and so is "Exports fell 3%" after it.
    lead = before.lead()
    if lead is None:
        return {}
    if (
        not continues
        and before.before is not None
        and _PLUPERFECT.match(before.text)
        and (main := before.before.lead()) is not None
        and main.period_start
    ):
        # "China had been the largest buyer, taking 87.1 billion yen worth in 2022. Overall
        # seafood exports fell 6.6%": the background told, the main line's time again
        lead = main
    elif (
        not lead.period_start
        and span.kind in ("money", "quantity")  # an amount; a share after a share said now stands too
        and before.before is not None
        and context.holds_now(before.text)
        and (main := before.before.lead()) is not None
        and main.period_start
    ):
        # "Trade reached $27.8 bln in 2024. Russia accounts for around 18% of Kazakhstan's
        # foreign trade. Kazakhstan's exports to Russia totaled $10.3 bln": past a standing share
        # said now, the time of the statement before it
        lead = main
    if lead.period_start and published:
        ahead = lead.period_start > published.isoformat()
        past = lead.period_end < published.isoformat()
        # A clause reporting the past up to its figure goes on with the statement's time whatever
        # an aside after it foresees: "fell 0.2% to $10.4 billion despite a deal in which Seoul
        # agreed to invest"
        if not continues and past and ctx.forecast and not reports_past(ctx.text[clause.start : span.end]):
            return {}  # "Qatar will supply 4 mtpa" takes no month past from the statement before it
        # what a statement goes on to tell of the past takes no year ahead either: "aim to lift
        # it to $100 billion by 2030. Oil made up about 88% of the total"
        if (ahead and not ctx.forecast) or (
            not continues and not past and before.forecast() and not ctx.forecast
        ):
            # "China accounted for 32.5%" takes no year ahead from a forecast before it, but the
            # time of what the statement told of the past: "exported 8.8 million tonnes in 2023,
            # and expects 7.5 million this year. Indonesia took 1.4 million tonnes" is 2023's
            lead = before.last_past(published)
            if lead is None and countries and (";" not in countries or continues or lead_metric(ctx.text)):
                # "The ministry expects October exports to rise 5-9%. Imports climbed 15.1%": a
                # country's own total after a forecast goes on with the month its totals were told
                # of, and a pair's flow its sentence names with the time that pair's flows were:
                # "reached $57.8 billion in 2024-25. The two aim for $100 billion by 2030. Exports
                # to the UAE climbed 14%"
                lead = before.last_past(published, like=countries)
            if lead is None:
                return {}
    if context.is_general(lead.metric) and not context.is_general(metric):
        # "China removed tariffs of up to 218% on wine last month. Coal exports were worth A$13.8
        # billion": a standing rate's time is an event's, not the period of a flow after it
        return {}
    inherited = period_of(lead)
    if lead.period_start and (earlier := _OPENS_A_YEAR_EARLIER.match(ctx.text)):
        return years_back(inherited, 1, earlier.group(1))  # "A year earlier they had totalled $3.9 billion"
    return inherited


_TIMED_REACH = 24  # figures back: "the same period" names one told a little before


def _last_timed(earlier: list[Figure]) -> Figure | None:
    """The last figure before with a period of its own, among the last few."""
    return next((f for f in reversed(earlier[-_TIMED_REACH:]) if f.period_start), None)


_SAME_STRETCH = re.compile(r"(?i)\b(?:same\s+)?([\w-]+)\s+(months|quarters)\b")


def _same_stretch(words: str, earlier: list[Figure]) -> Figure | None:
    """The last figure before whose period is as long as ``words`` ("the same five months")
    say, when they say how long."""
    named = _SAME_STRETCH.search(words)
    if named is None or not (count := _count(named.group(1))):
        return None
    months = count * (3 if named.group(2).lower() == "quarters" else 1)
    for figure in reversed(earlier):
        if figure.period_start and whole_months(figure.period_start, figure.period_end) == months:
            return figure
    return None


def _count(word: str) -> int:
    try:
        return count_of(word)
    except KeyError:
        return 0


# Background told in the past perfect: "China had been the largest buyer"
# in the sentence's main clause (not "..., adding that it had reached $65 billion last year")
_PLUPERFECT = re.compile(r"(?i)[\W]*(?:[\w'’.-]+\s+){1,6}?had\s+(?:been|[a-z]+ed)\b")
_TOLD_APART = re.compile(
    r"(?i)\b(?:said|says|told\s+[\w.]+(?:\s+[\w.]+)?|reported|announced)\s+(?:separately\b"
    r"|earlier\b(?!\s+(?:this|that|in|on)\b))|\bseparately\s+(?:said|announced|reported)\b"
)
_OF_A_LEVEL = re.compile(r"(?i)\s+of\s+(?:the|its|their)\s+levels?\b")
# "India, the biggest buyer this year,": a rank set off after a country
_RANK_APPOSITIVE = re.compile(rf"(?i),?\s*(?:the|its|their)\s+(?:[\w-]+\s+)?{TOP_RANK}\b")
# A year the sentence names before "since then", as an event's date as often as not
_YEAR_NAMED = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
_SINCE_THEN = re.compile(r"(?i)since\s+then")


def _since_then(text: str, period: Period, published: dt.date | None) -> dict[str, str]:
    """ "signed a free trade agreement in 2005, and trade has grown tenfold since then": from the
    start of the last year named before, to date; no dates when none is named."""
    named = [year.group() for year in _YEAR_NAMED.finditer(text, 0, period.offset)]
    if not named or published is None or int(named[-1]) > published.year:
        return _fields(period)
    return {
        "period_start": f"{named[-1]}-01-01",
        "period_end": published.isoformat(),
        "period_text": f"{named[-1]}; {period.text}",
    }


# "cut the duty to 10% from 20% last month": a standing rate set from one level to another
_TO_A_RATE = re.compile(r"(?i)\bto\s+(?:about\s+|around\s+)?$")
_FROM_A_RATE = re.compile(r"(?i)\s+from\s+(?:about\s+|around\s+)?")


def _rate_changed(ctx: context.SentenceContext, span: Span) -> dict[str, str] | None:
    """The period of a standing rate set anew with its time after the old one: "cut the duty on
    rice exports to 10% from 20% last month" gives the cut's month to the new rate and none to
    the old; None where the figure is no such rate."""
    j = bisect_right(ctx.span_starts, span.start)  # the figure after this one
    if (
        j < len(ctx.spans)
        and _FROM_A_RATE.fullmatch(ctx.text, span.end, (old := ctx.spans[j]).start)
        and _TO_A_RATE.search(ctx.text, max(0, span.start - 16), span.start)
        and (when := period_right_after(ctx, old.end)) is not None
        and when.granularity != "anaphor"
    ):
        return _fields(when)
    if (
        j >= 2
        and _FROM_A_RATE.fullmatch(ctx.text, (new := ctx.spans[j - 2]).end, span.start)
        and _TO_A_RATE.search(ctx.text, max(0, new.start - 16), new.start)
        and period_right_after(ctx, span.end) is not None
    ):
        return {}
    return None


def _fields(period: Period) -> dict[str, str]:
    """A period as the table's columns; an open or unresolved one keeps only its words."""
    return {
        "period_start": period.start.isoformat() if period.start else "",
        "period_end": period.end.isoformat() if period.end else "",
        "period_text": period.text,
    }


# A clause's opening word that makes it tell of another time, or of none: "after Beijing
# scrapped tariffs", "if Washington raises tariffs".
_SUBORDINATE = re.compile(
    r"(?i)\b(?:after|before|since|when|because|until|following|once|if|unless|amid"
    # "fell 8% in the second quarter as a 30% tariff loomed"; not "as much as", "such as"
    r"|(?<!such\s)as(?!\s+(?:much|many|high|low|well|of|far|long|part|such|a\s+whole)\b))\b"
)


def subordinate_between(text: str, span: Span, period: Period) -> bool:
    """Whether a subordinate clause opens between a figure and a time expression."""
    if period.offset >= span.end:
        return bool(_SUBORDINATE.search(text, span.end, period.offset))
    return bool(_SUBORDINATE.search(text, period.stop, span.start))


def in_an_aside(ctx: context.SentenceContext, period: Period) -> bool:
    """Whether a time stands in a relative clause or an aside on what a flow was worth: ",
    which halted in March 2023,", ", worth $40.4 billion last year,"."""
    told = ctx.clause(period.offset)
    return ctx.relative(told) or (told.start > 0 and WORTH_ASIDE.match(ctx.text, told.start) is not None)


def _past(period: Period, published: dt.date | None) -> bool:
    """Whether a period ended before the document was published."""
    return period.end is not None and published is not None and period.end < published


def _ahead(period: Period, published: dt.date | None) -> bool:
    """Whether a period starts after the document was published."""
    return period.start is not None and published is not None and period.start > published


_THE_PREVIOUS_MONTH = re.compile(r"(?i)the\s+(?:previous|prior|preceding)\s+month")


def _month_told(ctx: context.SentenceContext, period: Period, before: Statement) -> dt.date | None:
    """The month a sentence or the statement it continues is about, the first day of it: the
    month "the previous month" counts back from; None when neither names one month."""
    # the other of the first two months the sentence names: a sentence of many figures "the
    # previous month" stays linear
    for other in ctx.whole_months:
        if other is not period:
            return other.start
    lead = before.lead()
    told = (
        (lead.period_start, lead.period_end)
        if lead is not None
        else ((before.heading or {}).get("period_start", ""), (before.heading or {}).get("period_end", ""))
    )
    if told[0] and told[1]:
        start, end = dt.date.fromisoformat(told[0]), dt.date.fromisoformat(told[1])
        if is_whole_month(start, end):
            return start
    return None


def heading_period(
    text: str,
    published: dt.date | None,
    focus: tuple[str, ...],
    lead: bool = False,
    caseless: bool = False,
    before_figures: bool = False,
) -> dict[str, str] | None:
    """The period a sentence without figures gives the figures after it: a heading over a
    list ("Key figures, January-September 2024:"), a report's lead naming a flow ("South
    Korea's exports rose for the eighth month in May", then "Shipments rose 11.7%"), or, right
    before figures, a sentence naming a flow in a month or a part of a year ("The top export
    destinations in October were the USA, the UAE and the Netherlands", then "Exports to the
    USA grew 21.5%"): not a year, which as often dates an event ("The pact, signed in 2009,
    lifted exports")."""
    if not text.rstrip().endswith(":") and not ((lead or before_figures) and MetricIndex(text).named):
        return None
    periods = [
        p
        for p in find_periods(text, published, countries=join_codes(set(focus[:2])), caseless=caseless)
        if p.resolved
    ]
    if lead or not periods or text.rstrip().endswith(":"):
        return _fields(periods[0]) if periods else None
    return _fields(periods[0]) if len(periods) == 1 and periods[0].granularity in _WITHIN_A_YEAR else None


_WITHIN_A_YEAR = frozenset({"month", "quarter", "half", "months"})
