"""Period resolvers: from a rule's match and its sentence's context to the dates it covers.

Each resolver returns (start, end, granularity) (inclusive dates), or None for words
that look like periods but are not ("year-on-year", "now"). ``period_rules`` pairs
each with its pattern.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from dashboard import lexicon
from dashboard.forecasts import is_forecast


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are; none changes once built
class Context:
    published: dt.date | None
    fiscal: tuple[int, str]  # start month, and whether FY names the "start" or "end" year
    reference_year: int | None  # a year the sentence names, for "the previous year"
    sentence: str = ""
    forecast: bool | None = None  # None: read from the sentence when a resolver first asks
    # The months marketing years ("the 2024/25 season") start in: by the crops a pattern
    # names, then (no pattern) the country's own.
    seasons: tuple[tuple[re.Pattern[str] | None, int], ...] = ()

    def states_forecast(self) -> bool:
        if self.forecast is None:
            self.forecast = is_forecast(self.sentence)
        return self.forecast


# A resolver reads its match's groups; the whole expression is the group "expr".
Resolver = Callable[[re.Match[str], Context], "tuple[dt.date, dt.date, str] | None"]


# ---- calendar helpers ---------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """Months ``first``..``last`` of ``year``; ``first`` may be <= 0 to reach back a year."""
    while first <= 0:
        first += 12
        year -= 1
    end_year = year + (1 if last < first else 0)
    return dt.date(year, first, 1), _month_end(end_year, last)


def _year_of(first: int, last: int, ctx: Context) -> int | None:
    """The year of months first..last named without one: in a statement about the past
    the latest that has ended by publication, in a forecast the earliest not yet ended."""
    if ctx.published is None:
        return None
    year = ctx.published.year
    ended = _month_end(year, last) < ctx.published
    if ctx.states_forecast():
        return year if not ended else year + 1
    return year if ended else year - 1


def _span(first: int, last: int, year: int | None, ctx: Context, granularity: str):
    year = year if year is not None else _year_of(first, last, ctx)
    if year is None:
        return None
    return (*_months(year, first, last), granularity)


def _relative_year(match: re.Match[str], ctx: Context, year_text: str | None) -> int | None:
    """An explicit year, or "this year"/"last year" against publication."""
    if year_text is None:
        return None
    words = year_text.lower()
    if words[:1].isdigit():
        return _year(year_text)
    if ctx.published is None:
        return None
    return ctx.published.year - (1 if "last" in words or "previous" in words else 0)


def _year(text: str) -> int:
    value = int(text.strip("'’ "))
    return value + 2000 if value < 100 else value


# ---- vocabulary -----------------------------------------------------------------


@cache
def months_by_name() -> dict[str, int]:
    return {r["name"]: int(r["month"]) for r in lexicon.rows("months.csv")}


@cache
def number_words() -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in lexicon.rows("number_words.csv")}


def _n(text: str) -> int:
    return int(text) if text.isdigit() else number_words()[text.lower()]


def _month(text: str) -> int:
    return months_by_name()[text.lower().rstrip(".")]


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


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
    return dt.date(ctx.published.year - _n(m.group("n")), 1, 1), ctx.published, "to_date"


def past_years_said(m, ctx):
    """ "doubled over five years" is the past five; "will invest $5 billion over five years"
    looks ahead, a horizon the sentence does not date."""
    return None if ctx.states_forecast() else past_years(m, ctx)


def next_years(m, ctx):
    """From publication to the end of the year N years on, as "the past N years" reaches back."""
    if ctx.published is None:
        return None
    n = _n(m.group("n") or m.group("n2"))
    return ctx.published, dt.date(ctx.published.year + n, 12, 31), "span"


def since_year(m, ctx):
    if ctx.published is None:
        return None
    return dt.date(int(m.group("y")), 1, 1), ctx.published, "to_date"


def months_to(m, ctx, count: int | None = None):
    """ "the 12 months to March", "the four quarters to the end of June 2024"."""
    groups = m.groupdict()
    count = count or _n(groups["n"]) * (3 if (groups.get("unit") or "").lower() == "quarters" else 1)
    last = _month(m.group("m"))
    year: int | None
    if m.group("y"):
        year = int(m.group("y"))
    elif groups.get("ya"):
        year = int(groups["ya"]) + 1  # "the 2023/24 marketing year that ended Aug. 31"
    else:
        year = _year_of(last, last, ctx)
    if year is None or not 1 <= count <= 120:
        return None
    start, end = _months(year, last - count + 1, last)
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


def back_a_year(day: dt.date) -> dt.date:
    """The same day a year before; a stretch ending on 29 February ends on the 28th."""
    return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else 31))


def years_span(m, ctx):
    a, b = int(m.group("a")), int(m.group("b"))
    if b <= a:
        return None
    return dt.date(a, 1, 1), dt.date(b, 12, 31), "span"


def _fiscal(end_year: int, ctx: Context):
    start_month = ctx.fiscal[0]
    start, end = _months(end_year - 1 if start_month > 1 else end_year, start_month, start_month - 1 or 12)
    return start, end, "fiscal_year"


# July to June: the grain trade's marketing year, which the Black Sea, EU and IGC reports use.
_DEFAULT_SEASON = 7


def _season_start(ctx: Context, at: int) -> int:
    """The month the marketing year of the crop named last before ``at`` starts in; with
    none named there, of the first named after; else the country's, else July."""
    named: list[tuple[int, int]] = []  # (where the crop is named, month), before ``at`` first
    for crops, month in ctx.seasons:
        if crops is None:
            named.append((len(ctx.sentence) * 2, month))
        elif found := [c.start() for c in crops.finditer(ctx.sentence)]:
            before = [c for c in found if c < at]
            named.append((at - before[-1] if before else found[0], month))
    return min(named)[1] if named else _DEFAULT_SEASON


def season(m, ctx):
    """ "the 2024/25 season": the marketing year by the calendar of the country's main crop."""
    first = int(m.group("a"))
    if (first + 1) % 100 != int(m.group("b")):
        return None
    month = _season_start(ctx, m.start())
    start, end = _months(first, month, month - 1 or 12)
    if not m.group("so_far"):
        return start, end, "fiscal_year"
    if ctx.published is None or not start <= ctx.published:
        return None
    return start, min(end, ctx.published), "to_date"


def fiscal_span(m, ctx):
    first = int(m.group("a") or m.group("a2"))
    second = int(m.group("b") or m.group("b2"))
    if (first + 1) % 100 != second:
        # "2020-22" is three calendar years, not a fiscal year
        last = first - first % 100 + second
        return (dt.date(first, 1, 1), dt.date(last, 12, 31), "span") if first < last <= first + 50 else None
    return _fiscal(first + 1, ctx)


def fiscal_part(m, ctx):
    """A quarter or half of a fiscal year: "Q3 FY24" in India is October-December 2023."""
    groups = m.groupdict()
    if groups["a"]:
        if (int(groups["a"]) + 1) % 100 != int(groups["b"]):
            return None
        end_year = int(groups["a"]) + 1
    else:
        year = _year(groups["y"])
        end_year = year + 1 if ctx.fiscal[1] == "start" else year
    fy_start, _, _ = _fiscal(end_year, ctx)
    halves = groups["h"] or (groups["part"] or "").lower() == "half"
    size = 6 if halves else 3
    first = fy_start.year * 12 + fy_start.month - 1  # months since year 0
    if groups["nq"]:
        count = _n(groups["nq"])
        if not 1 <= count <= 4:
            return None
        last = first + 3 * count - 1
        return dt.date(first // 12, first % 12 + 1, 1), _month_end(last // 12, last % 12 + 1), "months"
    n = int(groups["h"] or groups["q"] or 0) or _ORDINALS[groups["o"].lower()]
    if n > 12 // size:
        return None
    first += size * (n - 1)
    last = first + size - 1
    start = dt.date(first // 12, first % 12 + 1, 1)
    return start, _month_end(last // 12, last % 12 + 1), "half" if halves else "quarter"


def fiscal_named(m, ctx):
    return _fiscal(fiscal_named_year(m.group("y"), ctx), ctx)


def fiscal_named_year(words: str, ctx: Context) -> int:
    """The calendar year in which the fiscal year named "FY24" or "fiscal 2024" ends."""
    year = _year(words)
    return year + 1 if ctx.fiscal[1] == "start" else year


_FY_NAMED = re.compile(r"(?i)\b(?:FY|fiscal(?:\s+year)?)\s*'?((?:19|20)?\d\d)(?![\d–/-])")
_FISCAL_STEPS = {"last": -1, "previous": -1, "prior": -1, "preceding": -1, "next": 1, "coming": 1}


def relative_fiscal(m, ctx):
    """ "last fiscal year" from the publication date; "the previous fiscal year" from the
    fiscal year the sentence names ("2023-24"), as "the previous year" does from a year."""
    step = _FISCAL_STEPS.get(m.group("rel").split()[-1].lower(), 0)
    named = (
        _named_fiscal_end(ctx) if not m.group("rel").lower().startswith(("last", "this", "next")) else None
    )
    if named is not None:
        return _fiscal(named + step, ctx)
    if ctx.published is None:
        return None
    start_month = ctx.fiscal[0]
    current_end = ctx.published.year + (1 if start_month > 1 and ctx.published.month >= start_month else 0)
    return _fiscal(current_end + step, ctx)


def relative_fiscal_part(m, ctx):
    """ "the first half of the current fiscal year": that part of the year ``relative_fiscal`` finds."""
    year = relative_fiscal(m, ctx)
    size = 6 if m.group("part").lower() == "half" else 3
    n = _ORDINALS[m.group("o").lower()]
    if year is None or n > 12 // size:
        return None
    first = year[0].year * 12 + year[0].month - 1 + size * (n - 1)  # months since year 0
    last = first + size - 1
    start = dt.date(first // 12, first % 12 + 1, 1)
    return start, _month_end(last // 12, last % 12 + 1), "half" if size == 6 else "quarter"


def _named_fiscal_end(ctx: Context) -> int | None:
    """The year the fiscal year a sentence names ends in: "2023-24" -> 2024; "fiscal 2023" by
    the country's custom."""
    if ctx.reference_year is None:
        named = _FY_NAMED.search(ctx.sentence)  # "FY24", "fiscal '24"
        if named is None:
            return None
        year = _year(named.group(1))
        return year + 1 if ctx.fiscal[1] == "start" else year
    year = ctx.reference_year
    if re.search(rf"{year}\s*[-–/]\s*{(year + 1) % 100:02d}(?!\d)", ctx.sentence):
        return year + 1
    return year + 1 if ctx.fiscal[1] == "start" else year


def _numbered(groups: dict, key: str) -> int:
    """The quarter or half a match names: "the first", "Q3", "2023 H2"."""
    return _ORDINALS[groups["o"].lower()] if groups.get("o") else int(groups.get(key) or groups[f"{key}2"])


def _part_of_year(m, ctx, key: str, months: int, granularity: str):
    groups = m.groupdict()
    n = _numbered(groups, key)
    year = _relative_year(m, ctx, groups.get("y") or groups.get("y2") or groups.get("y3"))
    return _span(months * (n - 1) + 1, months * n, year, ctx, granularity)


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
    months, n = (6 if half else 3), _ORDINALS[m.group("o").lower()]
    if half and n > 2:
        return None
    year = None
    if named.group("y"):
        earlier = _ORDINALS[named.group("o").lower()] if named.group("o") else int(named.group("n"))
        year = int(named.group("y")) - (1 if n > earlier else 0)
    return _span(months * (n - 1) + 1, months * n, year, ctx, "half" if half else "quarter")


def numbered_part(m, ctx):
    """ "1Q24", "2H 2023"."""
    n, months = int(m.group("n")), 3 if m.group("unit").upper() == "Q" else 6
    if months == 6 and n > 2:
        return None
    year = _year(m.group("y"))
    return (*_months(year, months * (n - 1) + 1, months * n), "quarter" if months == 3 else "half")


def decade(m, ctx):
    """ "the 2010s": 2010-2019."""
    start = int(m.group("y"))
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "span"


def quarter(m, ctx):
    return _part_of_year(m, ctx, "q", 3, "quarter")


def quarters(m, ctx):
    """ "Q1-Q3 2023", "the first three quarters of 2023": their months."""
    groups = m.groupdict()
    first, last = (int(groups["q1"]), int(groups["q2"])) if groups["q1"] else (1, _n(groups["n"]))
    if not 1 <= first < last <= 4:
        return None
    year = _relative_year(m, ctx, groups["y"] or groups["y2"])
    return _span(3 * first - 2, 3 * last, year, ctx, "months")


def month_quarter(m, ctx):
    """ "the June quarter": the three months to June."""
    months = months_to(m, ctx, count=3)
    return (months[0], months[1], "quarter") if months else None


def part_of_named_year(m, ctx):
    """ "2023's first half", "2022's fourth quarter"."""
    return half(m, ctx) if m.group("part").lower() == "half" else quarter(m, ctx)


def relative_quarter(m, ctx):
    if ctx.published is None:
        return None
    year, q = ctx.published.year, (ctx.published.month - 1) // 3 + 1
    if m.group("rel").lower() in ("last", "the previous"):
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return (*_months(year, 3 * q - 2, 3 * q), "quarter")


def half(m, ctx):
    return _part_of_year(m, ctx, "h", 6, "half")


def first_months(m, ctx):
    count = _n(m.group("n"))
    if not 1 <= count <= 12:
        return None
    return _span(1, count, _relative_year(m, ctx, m.group("y")), ctx, "months")


def last_months(m, ctx):
    """ "the last three months of 2023": October-December."""
    count = _n(m.group("n"))
    if not 1 <= count <= 12:
        return None
    return _span(13 - count, 12, _relative_year(m, ctx, m.group("y")), ctx, "months")


def past_months(m, ctx):
    """ "the past six months" read in April 2024: October 2023 to the day of publication."""
    count = _n(m.group("n") or m.group("n2"))
    if ctx.published is None or not 1 <= count <= 36:
        return None
    start = _months(ctx.published.year, ctx.published.month - count, ctx.published.month)[0]
    return start, ctx.published, "to_date"


def fourth_quarter(m, ctx):
    """ "the final quarter of 2023": not "last quarter", the one before this."""
    return _span(10, 12, _relative_year(m, ctx, m.group("y")), ctx, "quarter")


def month_range(m, ctx):
    """ "January-April", "July-April" (across the turn of a year), "July-April FY24"."""
    first, last = _month(m.group("a")), _month(m.group("b"))
    if last == first:
        return None
    if m.group("season"):
        # a season starting in mid-year: its months from July are in its first year
        year = int(m.group("sa")) + (first < 7)
        return (*_months(year, first, last), "months")
    if named := m.group("fa") or m.group("sa"):  # "2023-24": the fiscal year ending in 2024
        if (int(named) + 1) % 100 != int(m.group("fb") or m.group("sb")):
            return None
        fiscal_start = _fiscal(int(named) + 1, ctx)[0]
        year = fiscal_start.year + (first < fiscal_start.month)
        return (*_months(year, first, last), "months")
    if m.group("fy"):
        fiscal_start = _fiscal(fiscal_named_year(m.group("fy"), ctx), ctx)[0]
        year = fiscal_start.year + (first < fiscal_start.month)
        return (*_months(year, first, last), "months")
    if m.group("y"):
        # "January-April 2024"; "July-April 2024" ends in the year named
        return (*_months(int(m.group("y")) - (last < first), first, last), "months")
    year = _year_of(first, last, ctx)
    if year is None:
        return None
    return (*_months(year - (last < first), first, last), "months")


def year_from(m, ctx):
    """ "the fiscal year that began in April": twelve months from that month, the latest
    that has begun by publication (in a forecast, the earliest not yet begun)."""
    month = _month(m.group("m"))
    if m.group("y"):
        year = int(m.group("y"))
    elif ctx.published is None:
        return None
    elif ctx.states_forecast():
        year = ctx.published.year + (1 if month < ctx.published.month else 0)
    else:
        year = ctx.published.year - (1 if month > ctx.published.month else 0)
    return (*_months(year, month, (month + 10) % 12 + 1), "fiscal_year")


def day_range(m, ctx):
    """ "from January 1 to September 15": those days, in the year named, else the latest
    such stretch that has ended by publication."""
    first = (_month(m.group("a") or m.group("a2")), int(m.group("ad") or m.group("ad2")))
    last = (_month(m.group("b") or m.group("b2")), int(m.group("bd") or m.group("bd2")))
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
    start = dt.date(int(m.group("ay")), _month(m.group("a")), 1)
    end = _month_end(int(m.group("by")), _month(m.group("b")))
    return (start, end, "span") if start < end else None


def through_month(m, ctx):
    """ "through October": January to that month, in the year named, else the latest
    October that has ended."""
    month = _month(m.group("m"))
    year = int(m.group("y")) if m.group("y") else _year_of(month, month, ctx)
    if year is None:
        return None
    return dt.date(year, 1, 1), _month_end(year, month), "months"


def as_of(m, ctx):
    """ "as of July 1": that day, in the year named, else the latest that has come by publication."""
    month = _month(m.group("m") or m.group("m2"))
    day = int(m.group("d") or m.group("d2"))
    if m.group("y"):
        year = int(m.group("y"))
    elif ctx.published is None:
        return None
    else:
        year = ctx.published.year - ((month, day) > (ctx.published.month, ctx.published.day))
    try:
        point = dt.date(year, month, day)
    except ValueError:
        return None
    return point, point, "point"


def end_of(m, ctx):
    if m.group("m"):
        month = _month(m.group("m"))
        year = int(m.group("my")) if m.group("my") else _year_of(month, month, ctx)
        if year is None:
            return None
        day = _month_end(year, month)
    else:
        year = _relative_year(m, ctx, m.group("y"))
        if year is None:
            return None
        day = dt.date(year, 12, 31)
    return day, day, "point"


def calendar_year(m, ctx):
    year = int(m.group("y"))
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def month_of_relative_year(m, ctx):
    """ "May last year", "March this year"."""
    year, month = _relative_year(m, ctx, m.group("y")), _month(m.group("m"))
    return None if year is None else (*_months(year, month, month), "month")


def month_of_year(m, ctx):
    return (*_months(int(m.group("y")), _month(m.group("m")), _month(m.group("m"))), "month")


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
    month, count = _month(m.group("m")), _n(m.group("n"))
    year = _year_of_month_begun(m, ctx, month)
    if year is None or not 1 <= count <= 31:
        return None
    start = dt.date(year, month, 1)
    return start, min(start + dt.timedelta(days=count - 1), _month_end(year, month)), "span"


def days_of_month(m, ctx):
    """ "May 1-25": those days of the month."""
    month, first, last = _month(m.group("m")), int(m.group("d1")), int(m.group("d2"))
    year = _year_of_month_begun(m, ctx, month)
    if year is None:
        return None
    try:
        start, end = dt.date(year, month, first), dt.date(year, month, last)
    except ValueError:
        return None  # "May 1-35" is no stretch of days
    return (start, end, "span") if start <= end else None


def days_to(m, ctx):
    """ "the week ended Aug. 8": the seven days up to it; "the 10 days to March 20"."""
    month, day = _month(m.group("m")), int(m.group("d"))
    count = _n(m.group("n")) if m.group("n") else 7
    year = _year_of_month_begun(m, ctx, month)
    if year is None or not 1 <= count <= 366:
        return None
    try:
        end = dt.date(year, month, day)
    except ValueError:
        return None
    return end - dt.timedelta(days=count - 1), end, "span"


def bare_month(m, ctx):
    month = _month(m.group("m"))
    return _span(month, month, None, ctx, "month")


def last_month(m, ctx):
    if ctx.published is None:
        return None
    month = ctx.published.month - 1
    return (*_months(ctx.published.year, month, month), "month")


def this_month(m, ctx):
    if ctx.published is None:
        return None
    month = ctx.published.month
    return (*_months(ctx.published.year, month, month), "month")


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


def next_year(m, ctx):
    return _whole_year(ctx, 1)
