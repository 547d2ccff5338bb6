"""The period of a figure compared with another: one written "a year earlier" or "a month
earlier" steps back from its sentence's time; a base whose sentence times only the figure it is
compared with ("rose to 15.4% in 2023 from 14.1%") takes the time before.
"""

from __future__ import annotations

import datetime as dt
import re

from dashboard import context
from dashboard.figures import Span
from dashboard.nearest_times import changes_then, nearest_period
from dashboard.period_calendar import back_a_year, count_of, end_back_a_year, is_whole_month, month_before
from dashboard.statements import Statement

_YEAR_EARLIER = re.compile(  # "from a $2.2 billion deficit a year earlier" too
    r"(?i)(?:\s+(?:deficit|surplus|shortfall|level|total))?"
    # "the 31.7 million tonnes shipped a year earlier"
    r"(?:\s+(?:shipped|exported|imported|sold|bought|delivered|supplied|recorded|registered|posted|seen))?"
    r",?\s+((?:a|one|the)\s+(?:year|season)\s+(?:earlier|ago|before)"
    # "from €397 billion two years earlier"
    r"|(?P<n>two|three|four|five|[2-9])\s+years\s+(?:earlier|ago|before)"
    r"|(?:(?:in|during|for)\s+the\s+same\s+"
    r"(?:period|quarter|month|months|half)|(?:at|by)\s+the\s+same\s+(?:point|time|stage|date))"
    r"\s+(?:(?:a|last)\s+(?:year|season)|of\s+(?:the\s+)?(?:previous|prior)\s+year"
    # "3.9 million bpd in the same quarter of 2022": that many years back
    r"|a\s+year\s+(?:earlier|ago|before)|(?:of|in)\s+(?P<y>(?:19|20)\d\d)))\b"
)

# "slowing from June's 23.5% jump": a time owning the base after it
_POSSESSED = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?")
_HORIZON = re.compile(r"(?i)by\b")  # "by 2030": a target's year


def year_earlier(
    text: str, span: Span, period: dict[str, str], published: dt.date | None = None
) -> dict[str, str]:
    """The period of a figure written "a year earlier": its sentence's a year back ("fell to
    $48 billion from $53.2 billion a year earlier"); else ``period``. A multiple is compared
    with a year earlier, not of it ("more than triple a year earlier"). "At the same point last
    season" is the season a year back up to the day a year before ``published``."""
    if span.kind == "multiple" or not period.get("period_start"):
        return period
    if not (earlier := _YEAR_EARLIER.match(text, span.end)):
        return _month_earlier(text, span, period) if "month" in text else period
    if earlier.group("y"):
        back = int(period["period_start"][:4]) - int(earlier.group("y"))
    else:
        back = count_of(earlier.group("n")) if earlier.group("n") else 1
    if not 0 < back <= 30:
        return period
    if (
        published is not None
        and _SAME_POINT.search(earlier.group(1))
        and period["period_end"] > published.isoformat()
    ):
        period = {**period, "period_end": published.isoformat()}  # the season so far, a year back
    return years_back(period, back, earlier.group(1))


_SAME_POINT = re.compile(r"(?i)same\s+(?:point|time|stage|date)")
# "$3.2 billion a month earlier", "; a month earlier it was $3.2 billion"
_MONTH_EARLIER_AFTER = re.compile(
    # "versus a 13.3% gain a month earlier"
    r"(?i)(?:\s+(?:gain|rise|increase|jump|growth|drop|fall|decline|decrease|slide))?"
    r",?\s+((?:a|one|the)\s+month\s+(?:earlier|before|ago))\b"
)
_MONTH_EARLIER_BEFORE = re.compile(
    r"(?i)(?:^|[,;:]\s*|\band\s+)((?:a|one|the)\s+month\s+(?:earlier|before|ago))\b[^,;.]{0,40}$"
)


def month_back(month: dt.date, words: str) -> dict[str, str]:
    """The month before ``month`` as the table's columns, written ``words``."""
    start, end = month_before(month)
    return {"period_start": start.isoformat(), "period_end": end.isoformat(), "period_text": words}


def _month_earlier(text: str, span: Span, period: dict[str, str]) -> dict[str, str]:
    """A month's figure written "a month earlier": the month before its sentence's."""
    said = _MONTH_EARLIER_AFTER.match(text, span.end) or _MONTH_EARLIER_BEFORE.search(
        text, max(0, span.start - 80), span.start
    )
    if said is None:
        return period
    start = dt.date.fromisoformat(period["period_start"])
    if not is_whole_month(start, dt.date.fromisoformat(period["period_end"])):
        return period  # only a whole month steps back by one
    return month_back(start, f"{period['period_text']}; {said.group(1)}")


def base_period(
    ctx: context.SentenceContext, base: Span, compared: Span, period: dict[str, str], before: Statement
) -> dict[str, str]:
    """The period of a base whose sentence gives its time only for the figure it is compared
    with: "rose to 15.4% in 2023 from 14.1%" is 14.1% in 2022. A year goes back a year; a
    quarter or a month could be the one before or a year before, so it is left empty."""
    own = nearest_period(ctx, base)
    if (
        own is not None
        and own.offset >= base.end
        and changes_then(ctx, own)
        and nearest_period(ctx, compared) is own
    ):
        return {}  # "will raise tariffs to 100% from 25% this year": the 25% stands now
    if own is None and (earlier := before.base_period()) is not None:
        # "shipped 2.1 million tonnes in May, down from 2.6 million tonnes in April. Europe's
        # share fell to 57% from 64%": as the statement's base, the 64% is April's
        lead = before.lead()
        if lead is not None and period.get("period_start") == lead.period_start:
            return earlier
    if own is None and not ctx.party_after(base) and _months_of_fields(period) == 12:
        # "Hungary imported 380,000 tonnes in 2023 ... The value of the imports fell to 98 billion
        # forints from 160 billion forints": a year's base, with no time of its own, the year before
        return years_back(period, 1, "the year before")
    # "compared with $427.2 billion from China": another country's, in the same time
    if (
        own is None
        or not own.offset < base.start
        or ctx.party_after(base)
        # "slowing from June's 23.5% jump": the base's own time
        or _POSSESSED.fullmatch(ctx.text, own.stop, base.start)
    ):
        # the base's own words: "from $44 billion in the previous year"; a time anywhere before
        # is the compared figure's: "slid 13% in 2023 to €16.1bn (down from €18.5bn)"
        return period
    if _REVISED.search(ctx.text, max(0, compared.start - 120), compared.start):
        return period  # "raised its forecast for growth this year to 2.7% from 2.6%": the same year's
    if own.granularity in ("year", "fiscal_year") and not _HORIZON.match(own.text):
        return years_back(period, 1, "the year before")
    # "aim to lift trade to $2 billion by 2026 from about $1.1 billion now": a target's base is
    # where things stand, not the year before the target's
    return {}


# A forecast revised: its base is the earlier forecast for the same time
_REVISED = re.compile(
    r"(?i)\b(?:raised|raises|lifted|lifts|cut|cuts|lowered|lowers|revised|revises|trimmed|trims"
    r"|upgraded|upgrades|downgraded|downgrades)\s+(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:forecast|estimate|outlook|projection|prediction|guidance)s?\b"
)


def years_back(period: dict[str, str], years: int, words: str) -> dict[str, str]:
    """The same stretch of time ``years`` back, for a figure written "a year earlier"."""
    start, end = (dt.date.fromisoformat(period[k]) for k in ("period_start", "period_end"))
    return {
        "period_start": back_a_year(start, years).isoformat(),
        "period_end": end_back_a_year(end, years).isoformat(),
        "period_text": f"{period['period_text']}; {words}",
    }


def _months_of_fields(period: dict[str, str]) -> int:
    """How many whole months a figure's period spans; 0 for none or any other."""
    if not period.get("period_start") or not period.get("period_end"):
        return 0
    return whole_months(period["period_start"], period["period_end"])


def whole_months(start: str, end: str) -> int:
    """How many whole months a period of whole months spans; 0 for any other."""
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if first.day != 1 or (last + dt.timedelta(days=1)).day != 1:
        return 0
    return (last.year - first.year) * 12 + last.month - first.month + 1
