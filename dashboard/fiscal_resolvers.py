"""Resolvers of fiscal and marketing years: "FY24", "fiscal 2023-24", "Q3 FY24", "the first
half of the current fiscal year", "the 2024/25 season", "the fiscal year that began in April".
Each follows the calendar of the country the figure is about (``Context.fiscal``,
``Context.seasons``)."""

from __future__ import annotations

import datetime as dt
import re

from dashboard.period_calendar import (
    ORDINALS,
    YEAR_STEPS,
    Context,
    count_of,
    fiscal_named_year,
    fiscal_year,
    full_year,
    known_season_start,
    month_end,
    month_number,
    months_between,
    season_start,
)


def season(m, ctx):
    """ "the 2024/25 season": the marketing year by the calendar of the country's main crop."""
    first = int(m.group("a"))
    if (first + 1) % 100 != int(m.group("b")):
        return None
    month = season_start(ctx, m.start())
    start, end = months_between(first, month, month - 1 or 12)
    if not m.group("so_far"):
        return start, end, "fiscal_year"
    if ctx.published is None or not start <= ctx.published:
        return None
    return start, min(end, ctx.published), "to_date"


def season_part(m, ctx):
    """ "the first half of the 2023/24 marketing year": that part of the season ``season`` finds."""
    first = int(m.group("a"))
    if (first + 1) % 100 != int(m.group("b")):
        return None
    size = 6 if m.group("part").lower() == "half" else 3
    n = ORDINALS[m.group("o").lower()]
    if n > 12 // size:
        return None
    begin = first * 12 + season_start(ctx, m.start()) - 1 + size * (n - 1)  # months since year 0
    last = begin + size - 1
    start = dt.date(begin // 12, begin % 12 + 1, 1)
    return start, month_end(last // 12, last % 12 + 1), "half" if size == 6 else "quarter"


def relative_season(m, ctx):
    """ "the current agricultural year (July-June)", "last season": the marketing year that holds
    the publication date, or the one before or after, by the months given or the crop's calendar.
    A season alone, of a crop or country with no calendar of ours (cherries, citrus), is none."""
    if ctx.published is None:
        return None
    if m.group("m"):
        month = month_number(m.group("m"))
    elif m.group("kind"):
        month = season_start(ctx, m.start())
    elif (month := known_season_start(ctx, m.start())) is None:
        return None
    current = ctx.published.year - (ctx.published.month < month)
    first = current + YEAR_STEPS.get(m.group("rel").split()[-1].lower(), 0)
    start, end = months_between(first, month, month - 1 or 12)
    return start, end, "fiscal_year"


def fiscal_span(m, ctx):
    first = int(m.group("a") or m.group("a2"))
    second = int(m.group("b") or m.group("b2"))
    if (first + 1) % 100 != second:
        # "2020-22" is three calendar years, not a fiscal year
        last = first - first % 100 + second
        return (dt.date(first, 1, 1), dt.date(last, 12, 31), "span") if first < last <= first + 50 else None
    if names_a_season(ctx.sentence):
        # "43 million tonnes in the 2025/26 season, up from 42.5 million tonnes in 2024/25": a
        # season too, by the crop's calendar
        month = season_start(ctx, m.start())
        start, end = months_between(first, month, month - 1 or 12)
        return start, end, "fiscal_year"
    return fiscal_year(first + 1, ctx)


_OF_SEASONS = re.compile(r"(?i)\b(?:season|marketing\s+year|crop\s+year|harvest)\b")


def names_a_season(sentence: str) -> bool:
    """Whether a sentence speaks of seasons, whose split years ("2024/25") are seasons too."""
    return _OF_SEASONS.search(sentence) is not None


def fiscal_part(m, ctx):
    """A quarter or half of a fiscal year, or its first months: "Q3 FY24" in India is
    October-December 2023."""
    groups = m.groupdict()
    if groups["a"]:
        if (int(groups["a"]) + 1) % 100 != int(groups["b"]):
            return None
        end_year = int(groups["a"]) + 1
    else:
        year = full_year(groups["y"])
        end_year = year + 1 if ctx.fiscal[1] == "start" else year
    fy_start, _, _ = fiscal_year(end_year, ctx)
    halves = groups["h"] or (groups["part"] or "").lower() == "half"
    size = 6 if halves else 3
    first = fy_start.year * 12 + fy_start.month - 1  # months since year 0
    if groups["nq"] or groups["nm"]:
        months = 3 * count_of(groups["nq"]) if groups["nq"] else count_of(groups["nm"])
        if not 1 <= months <= 12:
            return None
        last = first + months - 1
        return dt.date(first // 12, first % 12 + 1, 1), month_end(last // 12, last % 12 + 1), "months"
    n = int(groups["h"] or groups["q"] or 0) or ORDINALS[groups["o"].lower()]
    if n > 12 // size:
        return None
    first += size * (n - 1)
    last = first + size - 1
    start = dt.date(first // 12, first % 12 + 1, 1)
    return start, month_end(last // 12, last % 12 + 1), "half" if halves else "quarter"


def fiscal_named(m, ctx):
    return fiscal_year(fiscal_named_year(m.group("y") or m.group("y2"), ctx), ctx)


_FY_NAMED = re.compile(r"(?i)\b(?:FY|fiscal(?:\s+year)?)\s*'?((?:19|20)?\d\d)(?![\d–/-])")


def relative_fiscal(m, ctx):
    """ "last fiscal year" from the publication date; "the previous fiscal year" from the
    fiscal year the sentence names ("2023-24"), as "the previous year" does from a year."""
    step = YEAR_STEPS.get(m.group("rel").split()[-1].lower(), 0)
    named = (
        _named_fiscal_end(ctx) if not m.group("rel").lower().startswith(("last", "this", "next")) else None
    )
    if named is not None:
        return fiscal_year(named + step, ctx)
    if ctx.published is None:
        return None
    start_month = ctx.fiscal[0]
    current_end = ctx.published.year + (1 if start_month > 1 and ctx.published.month >= start_month else 0)
    return fiscal_year(current_end + step, ctx)


def the_fiscal_year(m, ctx):
    """ "stood at Rs 86,000 crore in the fiscal year": the one the sentence names, else, as a
    quarter without a year, in a statement of the past the latest that has ended by publication
    and in a forecast the current one."""
    named = _named_fiscal_end(ctx)
    if named is not None:
        return fiscal_year(named, ctx)
    if ctx.published is None:
        return None
    start_month = ctx.fiscal[0]
    current_end = ctx.published.year + (1 if start_month > 1 and ctx.published.month >= start_month else 0)
    return fiscal_year(current_end if ctx.states_forecast() else current_end - 1, ctx)


def relative_fiscal_part(m, ctx):
    """ "the first half of the current fiscal year": that part of the year ``relative_fiscal`` finds."""
    year = relative_fiscal(m, ctx)
    size = 6 if m.group("part").lower() == "half" else 3
    n = ORDINALS[m.group("o").lower()]
    if year is None or n > 12 // size:
        return None
    first = year[0].year * 12 + year[0].month - 1 + size * (n - 1)  # months since year 0
    last = first + size - 1
    end = month_end(last // 12, last % 12 + 1)
    if (
        m.group("rel").lower() == "the"
        and ctx.published is not None
        and end > ctx.published
        and not ctx.states_forecast()
    ):
        # "rose in the first half of the fiscal year", read before it has ended: the last one
        first, last = first - 12, last - 12
        end = month_end(last // 12, last % 12 + 1)
    start = dt.date(first // 12, first % 12 + 1, 1)
    return start, end, "half" if size == 6 else "quarter"


def _named_fiscal_end(ctx: Context) -> int | None:
    """The year the fiscal year a sentence names ends in: "2023-24" -> 2024; "fiscal 2023" by
    the country's custom."""
    if ctx.reference_year is None:
        named = _FY_NAMED.search(ctx.sentence)  # "FY24", "fiscal '24"
        if named is None:
            return None
        year = full_year(named.group(1))
        return year + 1 if ctx.fiscal[1] == "start" else year
    year = ctx.reference_year
    if re.search(rf"{year}\s*[-–/]\s*{(year + 1) % 100:02d}(?!\d)", ctx.sentence):
        return year + 1
    return year + 1 if ctx.fiscal[1] == "start" else year


def year_from(m, ctx):
    """ "the fiscal year that began in April": twelve months from that month, the latest
    that has begun by publication (in a forecast, the earliest not yet begun)."""
    month = month_number(m.group("m"))
    if m.group("y"):
        year = int(m.group("y"))
    elif ctx.published is None:
        return None
    elif ctx.states_forecast():
        year = ctx.published.year + (1 if month < ctx.published.month else 0)
    else:
        year = ctx.published.year - (1 if month > ctx.published.month else 0)
    return (*months_between(year, month, (month + 10) % 12 + 1), "fiscal_year")
