"""The calendar the period resolvers share: a sentence's context, months and years, fiscal
years and marketing years by country, and the words for months and numbers."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from dashboard import lexicon
from dashboard.forecasts import base_of_forecast, is_forecast, reports_past_at


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

    at: tuple[int, int] = (0, 0)  # where the expression being resolved stands

    def states_forecast(self) -> bool:
        """Whether the expression at ``at`` is read as a forecast: its sentence foresees, and
        its own clause does not report the past ("..., as trade reached $8.5 billion in the
        12 months to September")."""
        if self.forecast is None:
            self.forecast = is_forecast(self.sentence)
        return self.forecast and not reports_past_at(self.sentence, *self.at)


# A resolver reads its match's groups; the whole expression is the group "expr".
Resolver = Callable[[re.Match[str], Context], "tuple[dt.date, dt.date, str] | None"]


# ---- calendar helpers ---------------------------------------------------------------


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def months_between(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """Months ``first``..``last`` of ``year``. Either may be <= 0 to reach back into the years
    before (0 is last December: "last month" read in January); a ``last`` before ``first``
    runs into the next year ("November-February")."""
    if last < first:
        last += 12
    return dt.date(year + (first - 1) // 12, (first - 1) % 12 + 1, 1), month_end(
        year + (last - 1) // 12, (last - 1) % 12 + 1
    )


def year_of(first: int, last: int, ctx: Context) -> int | None:
    """The year of months first..last named without one: in a statement about the past
    the latest that has ended by publication, in a forecast the earliest not yet ended."""
    if ctx.published is None:
        return None
    year = ctx.published.year
    ended = month_end(year, last) < ctx.published
    if ctx.states_forecast():
        if base_of_forecast(ctx.sentence, ctx.at[0]):
            # "set to fall to 42 million barrels in October, from 47 million in September",
            # read on September 3, or "up from $81.7 billion in September" read in November:
            # what the forecast starts from is under way or past, the latest begun
            return year if dt.date(year, first, 1) <= ctx.published else year - 1
        return year if not ended else year + 1
    return year if ended else year - 1


def part_span(first: int, last: int, year: int | None, ctx: Context, granularity: str):
    year = year if year is not None else year_of(first, last, ctx)
    if year is None:
        return None
    return (*months_between(year, first, last), granularity)


def relative_year(match: re.Match[str], ctx: Context, year_text: str | None) -> int | None:
    """An explicit year, or "this year"/"last year" against publication."""
    if year_text is None:
        return None
    words = year_text.lower()
    if words[:1].isdigit():
        return full_year(year_text)
    if ctx.published is None:
        return None
    return ctx.published.year - (1 if "last" in words or "previous" in words else 0)


def full_year(text: str) -> int:
    value = int(text.strip("'’ "))
    return value + 2000 if value < 100 else value


# ---- vocabulary -----------------------------------------------------------------


@cache
def months_by_name() -> dict[str, int]:
    return {r["name"]: int(r["month"]) for r in lexicon.rows("months.csv")}


@cache
def number_words() -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in lexicon.rows("number_words.csv")}


def count_of(text: str) -> int:
    return int(text) if text.isdigit() else number_words()[text.lower()]


def month_number(text: str) -> int:
    return months_by_name()[text.lower().rstrip(".")]


ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def back_a_year(day: dt.date, years: int = 1) -> dt.date:
    """The same day a year (or ``years``) before; a stretch ending on 29 February ends on the 28th."""
    return day.replace(year=day.year - years, day=min(day.day, 28 if day.month == 2 else 31))


def is_whole_month(start: dt.date | None, end: dt.date | None) -> bool:
    """Whether ``start``..``end`` is one whole calendar month."""
    return (
        start is not None
        and end is not None
        and start.day == 1
        and (start.year, start.month) == (end.year, end.month)
        and end == month_end(end.year, end.month)
    )


def month_before(month: dt.date) -> tuple[dt.date, dt.date]:
    """The whole month before the one ``month`` is in."""
    year, number = (month.year, month.month - 1) if month.month > 1 else (month.year - 1, 12)
    return dt.date(year, number, 1), month_end(year, number)


# "last year", "the previous fiscal year", "January-March of next year": steps from the year
# counted from
YEAR_STEPS = {"last": -1, "previous": -1, "prior": -1, "preceding": -1, "next": 1, "coming": 1}


def end_back_a_year(day: dt.date, years: int = 1) -> dt.date:
    """The end of a stretch a year (or ``years``) before: a month's end stays its month's end, so
    January-February 2025 a year back ends on 29 February 2024."""
    if day == month_end(day.year, day.month):
        return month_end(day.year - years, day.month)
    return back_a_year(day, years)


# ---- fiscal and marketing years ---------------------------------------------------


def fiscal_year(end_year: int, ctx: Context):
    """The fiscal year ending in ``end_year`` by the calendar of the sentence's country."""
    first = ctx.fiscal[0]
    start, end = months_between(end_year - 1 if first > 1 else end_year, first, first - 1 or 12)
    return start, end, "fiscal_year"


# July to June: the grain trade's marketing year, which the Black Sea, EU and IGC reports use.
DEFAULT_SEASON = 7


def season_start(ctx: Context, at: int) -> int:
    """The month the marketing year of the crop named last before ``at`` starts in; with
    none named there, of the first named after; else the country's, else July."""
    return known_season_start(ctx, at) or DEFAULT_SEASON


def known_season_start(ctx: Context, at: int) -> int | None:
    """``season_start`` from the crop or country only: None where neither has a calendar."""
    named: list[tuple[int, int]] = []  # (where the crop is named, month), before ``at`` first
    for crops, month in ctx.seasons:
        if crops is None:
            named.append((len(ctx.sentence) * 2, month))
        elif found := [c.start() for c in crops.finditer(ctx.sentence)]:
            before = [c for c in found if c < at]
            named.append((at - before[-1] if before else found[0], month))
    return min(named)[1] if named else None


def fiscal_named_year(words: str, ctx: Context) -> int:
    """The calendar year in which the fiscal year named "FY24" or "fiscal 2024" ends."""
    year = full_year(words)
    return year + 1 if ctx.fiscal[1] == "start" else year
