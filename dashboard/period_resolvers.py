"""Period resolvers: from a rule's match and its sentence's context to the dates it covers.

Each resolver returns (start, end, granularity) (inclusive dates), or None for words
that look like periods but are not ("year-on-year", "now"). ``period_rules`` pairs
each with its pattern; those of fiscal and marketing years are in ``fiscal_resolvers``.
"""

from __future__ import annotations

import datetime as dt
import re

from dashboard.fiscal_resolvers import relative_fiscal
from dashboard.forecasts import reports_past
from dashboard.period_calendar import (
    ORDINALS,
    YEAR_STEPS,
    Context,
    back_a_year,
    count_of,
    fiscal_named_year,
    fiscal_year,
    full_year,
    month_end,
    month_number,
    months_between,
    part_span,
    relative_year,
    year_of,
)

# ---- resolvers --------------------------------------------------------------


def not_a_period(m, ctx):
    return None


def open_before(m, ctx):
    """ "before 2030" in a forecast is a target year; "before February 2022" in the past is
    a time open at its start: a period of its clause, with no dates."""
    if m.group("y") and ctx.states_forecast():
        return calendar_year(m, ctx)
    return None, None, "open"


def anaphor(m, ctx):
    return None, None, "anaphor"


def to_date(m, ctx):
    if ctx.published is None:
        return None
    year = int(m.group("y")) if m.group("y") else ctx.published.year
    return dt.date(year, 1, 1), ctx.published, "to_date"


def past_decade(m, ctx):
    if ctx.published is None:
        return None
    return dt.date(ctx.published.year - 10, 1, 1), ctx.published, "to_date"


def past_years(m, ctx):
    if ctx.published is None:
        return None
    return dt.date(ctx.published.year - count_of(m.group("n")), 1, 1), ctx.published, "to_date"


def past_years_said(m, ctx):
    """ "doubled over five years" is the past five; "will invest $5 billion over five years"
    and "signed deals to buy 15 bcm over 20 years" look ahead, a horizon the sentence does
    not date."""
    return None if ctx.states_forecast() else past_years(m, ctx)


def next_years(m, ctx):
    """From publication to the end of the year N years on, as "the past N years" reaches back."""
    if ctx.published is None:
        return None
    n = count_of(m.group("n") or m.group("n2"))
    return ctx.published, dt.date(ctx.published.year + n, 12, 31), "span"


def since_year(m, ctx):
    if ctx.published is None:
        return None
    return dt.date(int(m.group("y")), 1, 1), ctx.published, "to_date"


def since_event(m, ctx):
    """ "since the war began in February 2022": from the start of that month (or year) to date."""
    if ctx.published is None:
        return None
    start = dt.date(int(m.group("y")), month_number(m.group("m")) if m.group("m") else 1, 1)
    return (start, ctx.published, "to_date") if start <= ctx.published else None


def since_day(m, ctx):
    """ "since July 1", "since July", "since July 2, 2023": from that day (the latest such before
    publication, unless a year is named) to date."""
    if ctx.published is None:
        return None
    month = month_number(m.group("m") or m.group("m2"))
    day = int(m.group("d") or m.group("d2") or 1)
    year = (
        int(m.group("y"))
        if m.group("y")
        else ctx.published.year - ((month, day) > (ctx.published.month, ctx.published.day))
    )
    try:
        return dt.date(year, month, day), ctx.published, "to_date"
    except ValueError:
        return None  # "since June 31" is no day


def years_to(m, ctx):
    """ "the three years to 2023": the N calendar years ending with that one."""
    count, last = count_of(m.group("n")), int(m.group("y"))
    if not 1 <= count <= 50:
        return None
    return dt.date(last - count + 1, 1, 1), dt.date(last, 12, 31), "span"


_QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def months_to(m, ctx, count: int | None = None, month: str | None = None):
    """ "the 12 months to March", "the four quarters to the end of June 2024", "the four
    quarters to the end of 2024", "... to the end of the third quarter of 2024", "... of Q4 2024"."""
    groups = m.groupdict()
    count = count or count_of(groups["n"]) * (3 if (groups.get("unit") or "").lower() == "quarters" else 1)
    if quarter := groups.get("q"):
        last = 3 * _QUARTER_NUMBERS[quarter.lower()]
    elif number := groups.get("qn"):
        last = 3 * int(number)
    else:
        last = 12 if groups.get("ye") else month_number(month or m.group("m"))
    year: int | None
    if given := groups.get("y") or groups.get("ye") or groups.get("yq") or groups.get("yqn"):
        year = int(given)
    elif groups.get("ya"):
        year = int(groups["ya"]) + 1  # "the 2023/24 marketing year that ended Aug. 31"
    elif (day := groups.get("d")) and ctx.published is not None:
        # "the year that ended on March 19", read on March 26: this March's
        year = ctx.published.year - ((last, int(day)) > (ctx.published.month, ctx.published.day))
    else:
        year = year_of(last, last, ctx)
    if year is None or not 1 <= count <= 120:
        return None
    start, end = months_between(year, last - count + 1, last)
    return start, end, "months"


def year_to(m, ctx):
    """ "the year to June": its twelve whole months; "the fiscal year that ended July 7": the
    year to that day."""
    months = months_to(m, ctx, count=12)
    day = int(m.group("d")) if m.group("d") else 0
    if months is None or not day or day >= months[1].day:
        return months
    try:
        end = months[1].replace(day=day)
    except ValueError:
        return months
    return back_a_year(end + dt.timedelta(days=1)), end, "months"


def years_span(m, ctx):
    a, b = int(m.group("a")), int(m.group("b"))
    if b <= a:
        return None
    return dt.date(a, 1, 1), dt.date(b, 12, 31), "span"


def _numbered(groups: dict, key: str) -> int:
    """The quarter or half a match names: "the first", "Q3", "2023 H2"."""
    return ORDINALS[groups["o"].lower()] if groups.get("o") else int(groups.get(key) or groups[f"{key}2"])


def _part_of_year(m, ctx, key: str, months: int, granularity: str):
    groups = m.groupdict()
    n = _numbered(groups, key)
    year = relative_year(m, ctx, groups.get("y") or groups.get("y2") or groups.get("y3"))
    return part_span(months * (n - 1) + 1, months * n, year, ctx, granularity)


# A quarter or half named by its number: "the second quarter", "Q2", "H1 2024".
_PART_NAMED = re.compile(
    r"(?i)\b(?:(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<part>quarter|half)|(?P<qh>[QH])(?P<n>[1-4]))\b"
    r"(?:(?:\s+of)?\s+(?P<y>(?:19|20)\d\d))?"
)


def elided_part(m, ctx):
    """ "in the second quarter, from R18.9 billion in the first": the quarter or half the
    sentence named before, by its number; in the year named with it, or the one before for a
    later number ("in Q1 2024, against the fourth"), else as that part of the year would be."""
    found = list(_PART_NAMED.finditer(ctx.sentence, 0, m.start()))
    if not found:
        return None
    named = found[-1]
    half = (named.group("part") or named.group("qh")).lower() in ("half", "h")
    months, n = (6 if half else 3), ORDINALS[m.group("o").lower()]
    if half and n > 2:
        return None
    year = None
    if named.group("y"):
        earlier = ORDINALS[named.group("o").lower()] if named.group("o") else int(named.group("n"))
        year = int(named.group("y")) - (1 if n > earlier else 0)
    return part_span(months * (n - 1) + 1, months * n, year, ctx, "half" if half else "quarter")


def numbered_part(m, ctx):
    """ "1Q24", "2H 2023"."""
    n, months = int(m.group("n")), 3 if m.group("unit").upper() == "Q" else 6
    if months == 6 and n > 2:
        return None
    year = full_year(m.group("y"))
    return (*months_between(year, months * (n - 1) + 1, months * n), "quarter" if months == 3 else "half")


def numbered_months(m, ctx):
    """ "9M 2024", "9M24": the year's first nine months."""
    count = int(m.group("n"))
    if not 1 <= count <= 12:
        return None
    return (*months_between(full_year(m.group("y")), 1, count), "months")


def decade(m, ctx):
    """ "the 2010s": 2010-2019."""
    start = int(m.group("y"))
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "span"


def quarter(m, ctx):
    return _part_of_year(m, ctx, "q", 3, "quarter")


def quarters(m, ctx):
    """ "Q1-Q3 2023", "the first three quarters of 2023": their months."""
    groups = m.groupdict()
    first, last = (int(groups["q1"]), int(groups["q2"])) if groups["q1"] else (1, count_of(groups["n"]))
    if not 1 <= first < last <= 4:
        return None
    year = relative_year(m, ctx, groups["y"] or groups["y2"])
    return part_span(3 * first - 2, 3 * last, year, ctx, "months")


def month_quarter(m, ctx):
    """ "the June quarter": the three months to June; "the December half": the six to December."""
    half = m.group("mh") is not None
    months = months_to(m, ctx, count=6 if half else 3, month=m.group("mh") or m.group("m"))
    return (months[0], months[1], "half" if half else "quarter") if months else None


def part_of_named_year(m, ctx):
    """ "2023's first half", "2022's fourth quarter"."""
    return half(m, ctx) if m.group("part").lower() == "half" else quarter(m, ctx)


def relative_quarter(m, ctx):
    if ctx.published is None:
        return None
    year, q = ctx.published.year, (ctx.published.month - 1) // 3 + 1
    if m.group("rel").lower() in ("last", "the previous"):
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return (*months_between(year, 3 * q - 2, 3 * q), "quarter")


def half(m, ctx):
    return _part_of_year(m, ctx, "h", 6, "half")


def first_months(m, ctx):
    count = count_of(m.group("n"))
    if not 1 <= count <= 12:
        return None
    return part_span(1, count, relative_year(m, ctx, m.group("y")), ctx, "months")


def last_months(m, ctx):
    """ "the last three months of 2023": October-December."""
    count = count_of(m.group("n"))
    if not 1 <= count <= 12:
        return None
    return part_span(13 - count, 12, relative_year(m, ctx, m.group("y")), ctx, "months")


def past_months(m, ctx):
    """ "the past six months" read in April 2024: October 2023 to the day of publication."""
    count = count_of(m.group("n") or m.group("n2"))
    if ctx.published is None or not 1 <= count <= 36:
        return None
    start = months_between(ctx.published.year, ctx.published.month - count, ctx.published.month)[0]
    return start, ctx.published, "to_date"


def fourth_quarter(m, ctx):
    """ "the final quarter of 2023": not "last quarter", the one before this."""
    return part_span(10, 12, relative_year(m, ctx, m.group("y")), ctx, "quarter")


def month_range(m, ctx):
    """ "January-April", "July-April" (across the turn of a year), "July-April FY24"."""
    first, last = month_number(m.group("a")), month_number(m.group("b"))
    if last == first:
        return None
    if m.group("season"):
        # a season starting in mid-year: its months from July are in its first year
        year = int(m.group("sa")) + (first < 7)
        return (*months_between(year, first, last), "months")
    if named := m.group("fa") or m.group("sa"):  # "2023-24": the fiscal year ending in 2024
        if (int(named) + 1) % 100 != int(m.group("fb") or m.group("sb")):
            return None
        fiscal_start = fiscal_year(int(named) + 1, ctx)[0]
        year = fiscal_start.year + (first < fiscal_start.month)
        return (*months_between(year, first, last), "months")
    if m.group("fy"):
        fiscal_start = fiscal_year(fiscal_named_year(m.group("fy"), ctx), ctx)[0]
        year = fiscal_start.year + (first < fiscal_start.month)
        return (*months_between(year, first, last), "months")
    if m.group("y"):
        # "January-April 2024"; "July-April 2024" ends in the year named
        return (*months_between(int(m.group("y")) - (last < first), first, last), "months")
    if m.group("rel_fiscal"):
        if (fiscal := relative_fiscal(m, ctx)) is None:
            return None
        year = fiscal[0].year + (first < fiscal[0].month)
        return (*months_between(year, first, last), "months")
    if m.group("rel"):
        if ctx.published is None:
            return None
        named = ctx.published.year + YEAR_STEPS.get(m.group("rel").split()[-1].lower(), 0)
        return (*months_between(named - (last < first), first, last), "months")
    year = year_of(first, last, ctx)
    if year is None:
        return None
    return (*months_between(year - (last < first), first, last), "months")


def day_range(m, ctx):
    """ "from January 1 to September 15": those days, in the year named, else the latest
    such stretch that has ended by publication."""
    first = (month_number(m.group("a") or m.group("a2")), int(m.group("ad") or m.group("ad2")))
    last = (month_number(m.group("b") or m.group("b2")), int(m.group("bd") or m.group("bd2")))
    turns = last < first  # "from November 1 to February 15" runs into the next year
    if m.group("by"):
        end_year = int(m.group("by"))
    elif m.group("ay"):
        end_year = int(m.group("ay")) + turns
    elif ctx.published is not None:
        end_year = ctx.published.year - (last > (ctx.published.month, ctx.published.day))
    else:
        return None
    try:
        start_year = int(m.group("ay")) if m.group("ay") else end_year - turns
        start, end = dt.date(start_year, *first), dt.date(end_year, *last)
    except ValueError:  # "February 30"
        return None
    return (start, end, "span") if start < end else None


def dated_month_range(m, ctx):
    """ "between May 2020 and August 2023": from the first month to the last, whole."""
    start = dt.date(int(m.group("ay")), month_number(m.group("a")), 1)
    end = month_end(int(m.group("by")), month_number(m.group("b")))
    return (start, end, "span") if start < end else None


def through_month(m, ctx):
    """ "through October": January to that month, in the year named, else the latest
    October that has ended."""
    month = month_number(m.group("m"))
    year = int(m.group("y")) if m.group("y") else year_of(month, month, ctx)
    if year is None:
        return None
    return dt.date(year, 1, 1), month_end(year, month), "months"


def as_of(m, ctx):
    """ "as of July 1": that day, in the year named, else the latest that has come by publication."""
    month = month_number(m.group("m") or m.group("m2"))
    day = int(m.group("d") or m.group("d2"))
    if m.group("y"):
        year = int(m.group("y"))
    elif ctx.published is None:
        return None
    else:
        year = (
            int(m.group("y"))
            if m.group("y")
            else ctx.published.year - ((month, day) > (ctx.published.month, ctx.published.day))
        )
    try:
        point = dt.date(year, month, day)
    except ValueError:
        return None
    return point, point, "point"


def end_of(m, ctx):
    if m.group("m"):
        month = month_number(m.group("m"))
        year = int(m.group("my")) if m.group("my") else year_of(month, month, ctx)
        if year is None:
            return None
        day = month_end(year, month)
    else:
        year = relative_year(m, ctx, m.group("y"))
        if year is None:
            return None
        day = dt.date(year, 12, 31)
    return day, day, "point"


def calendar_year(m, ctx):
    year = int(m.group("y"))
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def month_of_relative_year(m, ctx):
    """ "May last year", "March this year"."""
    year, month = relative_year(m, ctx, m.group("y")), month_number(m.group("m"))
    return None if year is None else (*months_between(year, month, month), "month")


def month_of_year(m, ctx):
    month = month_number(m.group("m"))
    return (*months_between(int(m.group("y")), month, month), "month")


def _year_of_month_begun(m, ctx, month: int) -> int | None:
    """The year a month named with some of its days is in: the one named, else the latest such
    month begun by publication."""
    if m.group("y"):
        return int(m.group("y"))
    if ctx.published is None:
        return None
    return ctx.published.year - (month > ctx.published.month)


def first_days(m, ctx):
    """ "the first 20 days of August": from the 1st."""
    month, count = month_number(m.group("m")), count_of(m.group("n"))
    year = _year_of_month_begun(m, ctx, month)
    if year is None or not 1 <= count <= 31:
        return None
    start = dt.date(year, month, 1)
    return start, min(start + dt.timedelta(days=count - 1), month_end(year, month)), "span"


def days_of_month(m, ctx):
    """ "May 1-25": those days of the month."""
    month, first, last = month_number(m.group("m")), int(m.group("d1")), int(m.group("d2"))
    year = _year_of_month_begun(m, ctx, month)
    if year is None:
        return None
    try:
        start, end = dt.date(year, month, first), dt.date(year, month, last)
    except ValueError:
        return None  # "May 1-35" is no stretch of days
    return (start, end, "span") if start <= end else None


def days_to(m, ctx):
    """ "the week ended Aug. 8": the seven days up to it; "the 10 days to March 20", "the four
    weeks to Sept. 8"."""
    month, day = month_number(m.group("m")), int(m.group("d"))
    if m.group("p"):
        count = 1  # "the period to Oct. 13": the day; its length is the stretch's named before it
    else:
        count = (
            count_of(m.group("n")) if m.group("n") else 7 * (count_of(m.group("w")) if m.group("w") else 1)
        )
    year = _year_of_month_begun(m, ctx, month)
    if year is None or not 1 <= count <= 366:
        return None
    try:
        end = dt.date(year, month, day)
    except ValueError:
        return None
    return end - dt.timedelta(days=count - 1), end, "span"


def bare_month(m, ctx):
    month = month_number(m.group("m"))
    return part_span(month, month, None, ctx, "month")


def last_month(m, ctx):
    if ctx.published is None:
        return None
    month = ctx.published.month - 1
    return (*months_between(ctx.published.year, month, month), "month")


def this_month(m, ctx):
    if ctx.published is None:
        return None
    month = ctx.published.month
    return (*months_between(ctx.published.year, month, month), "month")


def _whole_year(ctx: Context, delta: int, anchor: int | None = None):
    base = anchor if anchor is not None else (ctx.published.year if ctx.published else None)
    if base is None:
        return None
    return dt.date(base + delta, 1, 1), dt.date(base + delta, 12, 31), "year"


def last_year(m, ctx):
    # "the previous year" after a sentence names 2021 is 2020, not the year before publication.
    anchor = ctx.reference_year if "last" not in m.group("expr").lower() else None
    return _whole_year(ctx, -1, anchor)


def this_year(m, ctx):
    return _whole_year(ctx, 0)


def whole_year(m, ctx):
    """ "for the full year", "the year as a whole": the calendar year, but in a sentence that
    reports the past, the last one ended ("For the full year, the deficit narrowed to $295.4
    billion", read in February, is last year's)."""
    if ctx.published is not None and not ctx.states_forecast() and reports_past(ctx.sentence):
        return _whole_year(ctx, -1)
    return _whole_year(ctx, 0)


def next_year(m, ctx):
    return _whole_year(ctx, 1)
