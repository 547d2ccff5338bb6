"""The period rules: a table of patterns, each with the function that resolves its match.

``periods`` runs them; this module owns what they say. Each resolver takes a match
and the sentence's context and returns (start, end, granularity), or None for words
that look like periods but are not ("year-on-year", "now").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from dashboard import lexicon


@dataclass(frozen=True)
class Context:
    published: dt.date | None
    forecast: bool
    fiscal: tuple[int, str]  # start month, and whether FY names the "start" or "end" year
    reference_year: int | None  # a year the sentence names, for "the previous year"


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
    if ctx.forecast:
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
def _months_by_name() -> dict[str, int]:
    return {r["name"]: int(r["month"]) for r in lexicon.rows("months.csv")}


@cache
def _number_words() -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in lexicon.rows("number_words.csv")}


def _n(text: str) -> int:
    return int(text) if text.isdigit() else _number_words()[text.lower()]


def _month(text: str) -> int:
    return _months_by_name()[text.lower().rstrip(".")]


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


# ---- the rules ------------------------------------------------------------------

S = r"\s+"
YEAR = r"(?:19|20)\d\d"
YY = r"\d\d"
ORD = r"first|second|third|fourth|1st|2nd|3rd|4th"
THIS_LAST = rf"this{S}year|last{S}year|the{S}previous{S}year|the{S}(?:current{S})?year"


def vocabulary() -> dict[str, str]:
    months = sorted(_months_by_name(), key=len, reverse=True)
    # Month names are matched in title or upper case so that "may" and "march"
    # as words are not read as months.
    month = lexicon.alternation([form for m in months for form in (m.title(), m.upper())])
    return {
        "MONTH": rf"(?:{month})\.?(?![A-Za-z])",
        "N": rf"(?:\d{{1,2}}|{'|'.join(_number_words())})",
    }


def rule_table() -> list[tuple[str, Resolver, tuple[str, ...]]]:
    """(pattern, resolver, needs): ``needs`` are words in lower case, "MONTH" or "YEAR",
    one of which every match holds, so that a sentence holding none skips the rule."""
    v = vocabulary()
    month, n = v["MONTH"], v["N"]
    return [
        # Comparison bases, rates and "now": words that look like periods but are not.
        (
            rf"(?i:year{S}on{S}year|year[-\s]over[-\s]year|y/y|yoy|(?:from|than|over){S}a{S}year{S}(?:earlier|ago|before)|a{S}year{S}(?:earlier|ago|before))",
            not_a_period,
            ("year on", "year over", "y/y", "yoy", "year earlier", "year ago", "year before"),
        ),
        (
            rf"(?i:(?:on|from|over|compared{S}(?:with|to)|versus|against){S}"
            rf"(?:the{S}same{S}(?:period|month|quarter){S}(?:(?:a|last){S}year|(?:of|in){S}{YEAR})"
            rf"|(?:{YEAR}){S}levels?))",
            not_a_period,
            ("same", "level"),
        ),
        (
            r"(?i:\b(?:annually|per\s+annum|a\s+year|per\s+year|now|currently|at\s+present|today)\b)",
            not_a_period,
            ("annually", "per annum", "a year", "per year", "now", "currently", "at present", "today"),
        ),
        # The period of the statement before.
        (rf"(?i:(?:over|in|during|for){S}the{S}(?:same{S})?period)", _anaphor, ("period",)),
        # To date.
        (
            rf"(?i:so{S}far{S}(?:this{S}year|in{S}(?P<y>{YEAR}))|year[-\s]to[-\s]date|ytd|since{S}the{S}(?:start|beginning){S}of{S}(?:the|this){S}year|in{S}the{S}year{S}to{S}date)",
            _to_date,
            ("so far", "to date", "ytd", "start", "beginning"),
        ),
        (
            rf"(?i:(?:over{S}|in{S}|during{S})?the{S}(?:past|last|previous){S}decade)",
            _past_decade,
            ("decade",),
        ),
        (
            rf"(?i:(?:over{S}|in{S}|during{S})?the{S}(?:past|last|previous){S}(?P<n>{n}){S}years)",
            _past_years,
            ("years",),
        ),
        (rf"(?i:since{S}(?:the{S}start{S}of{S})?(?P<y>{YEAR}))", _since_year, ("since",)),
        # Months ending in a month.
        (
            rf"(?i:the{S}(?P<n>{n}){S}months{S}(?:to|through|ending(?:{S}in)?){S})(?P<m>{month})(?:{S}(?P<y>{YEAR}))?",
            _months_to,
            ("months",),
        ),
        (
            rf"(?i:the{S}year{S}(?:to|through|ending(?:{S}in)?){S})(?P<m>{month})(?:{S}(?P<y>{YEAR}))?",
            _year_to,
            ("year to", "year through", "year ending"),
        ),
        # Spans of years; two-digit ends are fiscal years.
        (
            rf"(?i:(?:from|between){S}(?:in{S})?(?P<a>{YEAR}){S}(?:to|and|through|until){S}(?P<b>{YEAR}))",
            _years_span,
            ("YEAR",),
        ),
        (rf"(?i:(?:in|during){S}(?P<a>{YEAR}){S}and{S}(?P<b>{YEAR}))", _years_span, ("YEAR",)),
        (rf"(?P<a>{YEAR})\s*[-–]\s*(?P<b>{YEAR})", _years_span, ("YEAR",)),
        (
            rf"(?i:(?:fiscal(?:{S}year)?|FY)\s*(?P<a>{YEAR})[-–/](?P<b>{YY})|(?P<a2>{YEAR})[-–/](?P<b2>{YY})(?![\d%])(?:{S}fiscal(?:{S}year)?)?)",
            _fiscal_span,
            ("YEAR",),
        ),
        (rf"(?i:(?:fiscal(?:{S}year)?|FY)\s*'?(?P<y>{YEAR}|{YY}))(?!\d)", _fiscal_named, ("fiscal", "fy")),
        # Quarters, halves, first N months, month ranges.
        (
            rf"(?i:the{S}(?P<o>{ORD}){S}quarter(?:{S}of{S}(?P<y>{YEAR}|{THIS_LAST}))?)",
            _quarter,
            ("quarter",),
        ),
        (
            rf"(?i:Q(?P<q>[1-4])(?:{S}|'|{S}of{S})?(?P<y>{YEAR})?|(?P<y2>{YEAR}){S}Q(?P<q2>[1-4]))(?!\w)",
            _quarter,
            ("q1", "q2", "q3", "q4"),
        ),
        (
            rf"(?i:(?P<rel>last|this|the{S}previous|the{S}current){S}quarter)",
            _relative_quarter,
            ("last quarter", "this quarter", "previous quarter", "current quarter"),
        ),
        (
            rf"(?i:the{S}(?P<o>first|second|1st|2nd){S}half(?:{S}of{S}(?P<y>{YEAR}|{THIS_LAST}))?)",
            _half,
            ("half",),
        ),
        (
            rf"(?i:H(?P<h>[12])(?:{S}(?P<y>{YEAR}))?|(?P<y2>{YEAR}){S}H(?P<h2>[12]))(?!\w)",
            _half,
            ("h1", "h2"),
        ),
        (
            rf"(?i:the{S}first{S}(?P<n>{n}){S}months(?:{S}of{S}(?P<y>{YEAR}|{THIS_LAST}))?)",
            _first_months,
            ("first",),
        ),
        (
            rf"(?:(?i:from|between){S})?(?P<a>{month})(?:\s*[-–]\s*|{S}(?i:to|and|through){S})(?P<b>{month})(?:{S}(?P<y>{YEAR}))?",
            _month_range,
            ("MONTH",),
        ),
        # Points in time.
        (
            rf"(?i:(?:at{S})?the{S}end{S}of{S}(?:(?P<y>{YEAR}|{THIS_LAST})|(?P<m>{month})(?:{S}(?P<my>{YEAR}))?))",
            _end_of,
            ("end",),
        ),
        # Targets.
        (rf"(?i:by{S}(?:the{S}end{S}of{S})?(?P<y>{YEAR}))", _calendar_year, ("YEAR",)),
        # Months and years.
        (rf"(?P<m>{month})(?:{S}(?P<y>{YEAR}))", _month_of_year, ("MONTH",)),
        (
            rf"(?i:in|during|for|since|until|by|of|through|throughout){S}(?P<m>{month})(?!{S}\d)",
            _bare_month,
            ("MONTH",),
        ),
        (
            rf"(?i:(?:last|the{S}previous|the{S}past){S}month)",
            _last_month,
            ("last month", "previous month", "past month"),
        ),
        (rf"(?i:this{S}month|the{S}current{S}month)", _this_month, ("this month", "current month")),
        (
            rf"(?i:last{S}year|the{S}(?:previous|prior|preceding){S}year)",
            _last_year,
            ("last year", "previous year", "prior year", "preceding year"),
        ),
        (
            rf"(?i:this{S}year|the{S}current{S}year|(?:for{S})?the{S}full{S}year|full[-\s]year)",
            _this_year,
            ("this year", "current year", "full year"),
        ),
        (rf"(?i:next{S}year|the{S}coming{S}year)", _next_year, ("next year", "coming year")),
        (
            rf"(?<![\d,.$€£¥₹-])(?P<y>{YEAR})(?![\d%]|[.,]\d|{S}(?i:percent|per{S}cent))",
            _calendar_year,
            ("YEAR",),
        ),
    ]


# ---- resolvers --------------------------------------------------------------


def not_a_period(m, ctx):
    return None


def _anaphor(m, ctx):
    return None, None, "anaphor"


def _to_date(m, ctx):
    if ctx.published is None:
        return None
    year = int(m.group("y")) if m.group("y") else ctx.published.year
    return dt.date(year, 1, 1), ctx.published, "to_date"


def _past_decade(m, ctx):
    if ctx.published is None:
        return None
    return dt.date(ctx.published.year - 10, 1, 1), ctx.published, "to_date"


def _past_years(m, ctx):
    if ctx.published is None:
        return None
    return dt.date(ctx.published.year - _n(m.group("n")), 1, 1), ctx.published, "to_date"


def _since_year(m, ctx):
    if ctx.published is None:
        return None
    return dt.date(int(m.group("y")), 1, 1), ctx.published, "to_date"


def _months_to(m, ctx, count: int | None = None):
    count = count or _n(m.group("n"))
    last = _month(m.group("m"))
    year = int(m.group("y")) if m.group("y") else _year_of(last, last, ctx)
    if year is None or not 1 <= count <= 120:
        return None
    start, end = _months(year, last - count + 1, last)
    return start, end, "months"


def _year_to(m, ctx):
    return _months_to(m, ctx, count=12)


def _years_span(m, ctx):
    a, b = int(m.group("a")), int(m.group("b"))
    if b <= a:
        return None
    return dt.date(a, 1, 1), dt.date(b, 12, 31), "span"


def _fiscal(end_year: int, ctx: Context):
    start_month = ctx.fiscal[0]
    start, end = _months(end_year - 1 if start_month > 1 else end_year, start_month, start_month - 1 or 12)
    return start, end, "fiscal_year"


def _fiscal_span(m, ctx):
    first = int(m.group("a") or m.group("a2"))
    second = int(m.group("b") or m.group("b2"))
    if (first + 1) % 100 != second:
        return None
    return _fiscal(first + 1, ctx)


def _fiscal_named(m, ctx):
    year = _year(m.group("y"))
    return _fiscal(year + 1 if ctx.fiscal[1] == "start" else year, ctx)


def _numbered(groups: dict, key: str) -> int:
    """The quarter or half a match names: "the first", "Q3", "2023 H2"."""
    return _ORDINALS[groups["o"].lower()] if groups.get("o") else int(groups.get(key) or groups[f"{key}2"])


def _part_of_year(m, ctx, key: str, months: int, granularity: str):
    groups = m.groupdict()
    n = _numbered(groups, key)
    year = _relative_year(m, ctx, groups.get("y") or groups.get("y2"))
    return _span(months * (n - 1) + 1, months * n, year, ctx, granularity)


def _quarter(m, ctx):
    return _part_of_year(m, ctx, "q", 3, "quarter")


def _relative_quarter(m, ctx):
    if ctx.published is None:
        return None
    year, q = ctx.published.year, (ctx.published.month - 1) // 3 + 1
    if m.group("rel").lower() in ("last", "the previous"):
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return (*_months(year, 3 * q - 2, 3 * q), "quarter")


def _half(m, ctx):
    return _part_of_year(m, ctx, "h", 6, "half")


def _first_months(m, ctx):
    count = _n(m.group("n"))
    if not 1 <= count <= 12:
        return None
    return _span(1, count, _relative_year(m, ctx, m.group("y")), ctx, "months")


def _month_range(m, ctx):
    first, last = _month(m.group("a")), _month(m.group("b"))
    if last <= first:
        return None
    return _span(first, last, int(m.group("y")) if m.group("y") else None, ctx, "months")


def _end_of(m, ctx):
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


def _calendar_year(m, ctx):
    year = int(m.group("y"))
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _month_of_year(m, ctx):
    return (*_months(int(m.group("y")), _month(m.group("m")), _month(m.group("m"))), "month")


def _bare_month(m, ctx):
    month = _month(m.group("m"))
    return _span(month, month, None, ctx, "month")


def _last_month(m, ctx):
    if ctx.published is None:
        return None
    month = ctx.published.month - 1
    return (*_months(ctx.published.year, month, month), "month")


def _this_month(m, ctx):
    if ctx.published is None:
        return None
    month = ctx.published.month
    return (*_months(ctx.published.year, month, month), "month")


def _whole_year(ctx: Context, delta: int, anchor: int | None = None):
    base = anchor if anchor is not None else (ctx.published.year if ctx.published else None)
    if base is None:
        return None
    return dt.date(base + delta, 1, 1), dt.date(base + delta, 12, 31), "year"


def _last_year(m, ctx):
    # "the previous year" after a sentence names 2021 is 2020, not the year before publication.
    anchor = ctx.reference_year if "last" not in m.group().lower() else None
    return _whole_year(ctx, -1, anchor)


def _this_year(m, ctx):
    return _whole_year(ctx, 0)


def _next_year(m, ctx):
    return _whole_year(ctx, 1)


# ---- the scan ---------------------------------------------------------------
