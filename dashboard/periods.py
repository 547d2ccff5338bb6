"""Time expressions, resolved to the period of dates they cover (FIGURES.md, "Periods").

The resolver is a table (``period_rules``): each rule is a pattern and a function
(``period_resolvers``) from its match to a period. Every rule that can apply runs
over the text; where matches overlap the longest wins, and rules that resolve to
None (``year-on-year``, ``now``) claim their words so that no other rule reads
them as a period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from dashboard import lexicon
from dashboard.openings import opening_scan
from dashboard.period_calendar import Context, Resolver, back_a_year, end_back_a_year
from dashboard.period_resolvers import not_a_period
from dashboard.period_rules import rule_table
from dashboard.period_vocabulary import YEAR, vocabulary

# "anaphor" is "over the same period": the period of the statement before.
GRANULARITIES = (
    "year",
    "half",
    "quarter",
    "month",
    "months",
    "to_date",
    "span",
    "point",
    "fiscal_year",
    "anaphor",
    "open",  # "before the war": a time with no start, so no dates
)
# (start, end, granularity) as a resolver gives them; no dates for a relative expression
# with no publication date to resolve against.
_Dates = tuple[dt.date | None, dt.date | None, str]


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are; none changes once built
class Period:
    """A resolved time expression: inclusive dates, how fine they are, and the words."""

    start: dt.date | None  # None, with end, for a relative expression and no publication date
    end: dt.date | None
    granularity: str
    text: str = ""
    offset: int = 0  # where the expression starts and stops in the text it was found in
    stop: int = 0

    @property
    def resolved(self) -> bool:
        return self.start is not None

    def __post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ValueError(f"period {self.text!r} needs both dates or neither")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"period {self.text!r} starts {self.start} after it ends {self.end}")
        if self.granularity not in GRANULARITIES:
            raise ValueError(f"unknown granularity {self.granularity!r}")


@cache
def _rules() -> tuple[tuple[re.Pattern[str], Resolver, tuple[frozenset[str], ...]], ...]:
    # Each match holds its expression in the group "expr" (see ``openings``).
    return tuple(
        (opening_scan(p, group="expr"), f, tuple(frozenset(need.split("+")) for need in needs))
        for p, f, needs in rule_table()
    )


# Keywords that also end longer words ("percent", "threefold"), found there apart.
_WORD_ENDS = re.compile("cent|fold")


@cache
def _triggers() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]], re.Pattern[str], re.Pattern[str]]:
    """The scans for the words rules need: keywords in lower case, then month names and years.

    Keywords are found at every word start (a lookahead, so "a year earlier" yields both
    "a year" and "year earlier"); each also stands for the keywords it starts with.
    """
    words = {w for _, _, needs in _rules() for need in needs for w in need} - {"YEAR", "MONTH"}
    starting = {w: tuple(k for k in words if w.startswith(k)) for w in words}
    return (
        # At word starts only, where most positions fail at once: half the cost of every one.
        re.compile(f"(?<![a-z])(?=({lexicon.alternation(sorted(words))}))"),
        starting,
        # Apart, each opens with its first characters (capitals, "1" and "2"), which
        # lets Python's engine skip straight to them.
        re.compile(vocabulary(opening=True)["MONTH"]),
        re.compile(YEAR),
    )


# Words that name a time: any of them, a year or a month puts a sentence in a time of its
# own. Looked for as parts of words, which errs towards a time, at a fraction of a pattern's cost.
_TIME_WORDS = (
    *("year", "month", "week", "quarter", "half", "ago", "since", "until", "today", "yesterday"),
    *("now", "currently", "decade", "fiscal", "season", "day"),
)


def names_a_part_of_a_year(text: str, caseless: bool = False) -> bool:
    """Whether ``text`` may name a month, quarter or half (words looked for as parts of words,
    erring towards a time): cheaper than finding its periods, and most sentences do not."""
    if _triggers()[2].search(_readable(text, caseless)):
        return True
    lower = text.lower()
    return "month" in lower or "quarter" in lower or "half" in lower


def names_a_time(text: str, caseless: bool = False) -> bool:
    """Whether ``text`` names any time at all, a period or not ("signed in 2009", "now");
    ``caseless`` text is written all in lower case, where "july" is a month too."""
    _, _, months, years = _triggers()
    if years.search(text) or months.search(_readable(text, caseless)):
        return True
    lower = text.lower()
    return any(map(lower.__contains__, _TIME_WORDS))


def trigger_words(
    text: str, start: int = 0, end: int | None = None, *, caseless: bool = False
) -> list[tuple[int, str]]:
    """(offset, word) for each word in ``text[start:end]`` that some period rule needs, in order.

    A caller reading many sentences of one document scans it, or the stretches it
    reads, once and hands each sentence its share (``find_periods(..., triggers=...)``).
    ``caseless`` text is written all in lower case, where "july" is a month too.
    """
    end = len(text) if end is None else end
    text = _readable(text, caseless)
    keywords, starting, months, years = _triggers()
    out = [(m.start(), "MONTH") for m in months.finditer(text, start, end)]
    out.extend((m.start(), "YEAR") for m in years.finditer(text, start, end))
    # Matching lower-cased text is several times faster than a case-insensitive pattern.
    lower = lexicon.lower(text[start:end])
    for m in keywords.finditer(lower):
        out.extend((start + m.start(), word) for word in starting[lexicon.fold(m.group(1))])
    out.extend(
        (start + m.start(), m.group())
        for m in _WORD_ENDS.finditer(lower)
        if lower[m.start() - 1 : m.start()].isalpha()
    )
    out.sort()
    return out


@lru_cache(maxsize=4096)  # keyed by texts' keyword sets: bounded, as texts are not
def _applicable(found: frozenset[str]) -> tuple[tuple[int, re.Pattern[str], Resolver], ...]:
    return tuple(
        (order, pattern, resolver)
        for order, (pattern, resolver, needs) in enumerate(_rules())
        if any(need <= found for need in needs)
    )


@cache
def _fiscal_calendars() -> dict[str, tuple[int, str]]:
    return {r["iso3"]: (int(r["start_month"]), r["named_by"]) for r in lexicon.rows("fiscal_years.csv")}


_DEFAULT_FISCAL = (4, "end")
_SEASON_WORDS = frozenset({"season", "marketing", "crop"})  # the triggers of season rules


@cache
def _marketing_years() -> dict[str, list[tuple[re.Pattern[str] | None, int]]]:
    """Each country's marketing-year starts: by crop where its calendars differ, then its own."""
    starts: dict[str, list[tuple[re.Pattern[str] | None, int]]] = {}
    for row in lexicon.rows("marketing_years.csv"):
        crops = re.compile(rf"(?i)\b(?:{row['crops']})\b") if row["crops"] else None
        starts.setdefault(row["iso3"], []).append((crops, int(row["start_month"])))
    return starts


@lru_cache(maxsize=1024)
def season_calendars(countries: str) -> tuple[tuple[re.Pattern[str] | None, int], ...]:
    """The marketing-year calendars of the first country in ``countries`` that has any."""
    starts = _marketing_years()
    return next((tuple(starts[c]) for c in countries.split(";") if c in starts), ())


_SLASHED_YEAR = re.compile(r"(?:19|20)\d\d/\d\d")


@lru_cache(maxsize=1024)
def crop_year(
    period_text: str, metric: str, countries: str, published: dt.date | None
) -> tuple[str, str] | None:
    """The marketing year a slashed split year ("Exports in 2024/25 are seen at ...") is, where
    the figure's ``metric`` names a crop with a calendar of the figure's country ("soybean
    exports"); None otherwise."""
    year = _SLASHED_YEAR.search(period_text)
    if year is None or not any(
        crops is not None and crops.search(metric) for crops, _ in season_calendars(countries)
    ):
        return None
    own = find_periods(f"{metric} in the {year.group()} marketing year", published, countries=countries)
    if not own or own[0].start is None or own[0].end is None:
        return None
    return own[0].start.isoformat(), own[0].end.isoformat()


_LEADING_PREPOSITION = re.compile(r"(?i)^(?:in|during|for|over|throughout|of)\s+")
_EXPLICIT_YEAR = re.compile(rf"({YEAR})(?<![\d$€£¥]{YEAR})(?![\d%])")


@lru_cache(maxsize=1024)
def fiscal_calendar(countries: str) -> tuple[int, str]:
    """The fiscal calendar of the first country in ``countries`` that has one."""
    calendars = _fiscal_calendars()
    for code in filter(None, countries.split(";")):
        if code in calendars:
            return calendars[code]
    return _DEFAULT_FISCAL


def find_periods(
    text: str,
    published: dt.date | None,
    *,
    countries: str = "",
    forecast: bool | None = None,
    triggers: list[tuple[int, str]] | None = None,
    caseless: bool = False,
) -> list[Period]:
    """Every time expression in ``text`` resolved to a Period, in order of position.

    Expressions that are not periods (``year-on-year``, ``now``) are left out; relative
    ones with no publication date to resolve against come with no dates. ``triggers``
    are the text's ``trigger_words`` when the caller has them already; ``caseless``
    says the text's document is written all in lower case.
    """
    if triggers is None:
        triggers = trigger_words(text, caseless=caseless)
    if not triggers:
        return []
    words = frozenset(word for _, word in triggers)
    written, text = text, _readable(text, caseless)
    years = _EXPLICIT_YEAR.findall(text)
    ctx = Context(
        published=published,
        fiscal=fiscal_calendar(countries),
        reference_year=int(years[0]) if years else None,
        sentence=text,
        forecast=forecast,
        seasons=season_calendars(countries) if _SEASON_WORDS & words else (),
    )
    # (-length, rule order, start, end, period): the longest match wins, then the first rule.
    found: list[tuple[int, int, int, int, _Dates | None]] = []
    for order, pattern, resolver in _applicable(words):
        taken_to = 0
        for m in pattern.finditer(text):
            start, end = m.span("expr")
            if start < taken_to:
                continue  # inside this rule's match before, as ``finditer`` would skip it
            taken_to = end
            ctx.at = (start, end)  # which clause a resolver asking for the tense reads
            dates: _Dates | None = resolver(m, ctx)
            if dates is None and resolver is not not_a_period and ctx.published is None:
                dates = (None, None, "span")  # a period, but relative with no date to resolve against
            found.append((start - end, order, start, end, dates))
    found.sort(key=lambda item: item[:2])
    taken: list[tuple[int, int, int, int, _Dates | None]] = []
    for match in found:
        if all(match[3] <= t[2] or match[2] >= t[3] for t in taken):
            taken.append(match)
    taken.sort(key=lambda t: t[2])
    periods = [
        Period(dates[0], dates[1], dates[2], _words_of(written, start, end), start, end)
        for _, _, start, end, dates in taken
        if dates is not None
    ]
    return _stretches_before(_previous_of_twelve_months(periods)) if len(periods) > 1 else periods


_THE_PREVIOUS_YEAR = re.compile(r"(?i)the\s+(?:previous|prior|preceding)\s+year$")


def _previous_of_twelve_months(periods: list[Period]) -> list[Period]:
    """ "the previous year" after "the year through March" (or a fiscal year) is the twelve
    months before those, not the calendar year before the one the sentence names."""
    for i in range(1, len(periods)):
        period, earlier = periods[i], periods[i - 1]
        if (
            earlier.start is not None
            and earlier.end is not None
            and earlier.start.month != 1
            and earlier.start.day == 1
            and (earlier.end - earlier.start).days in (364, 365)
            and _THE_PREVIOUS_YEAR.search(period.text)
        ):
            start, end = back_a_year(earlier.start), end_back_a_year(earlier.end)
            periods[i] = Period(start, end, earlier.granularity, period.text, period.offset, period.stop)
    return periods


_THE_PERIOD_TO = re.compile(r"(?i)period\s+(?:ended|ending|to|through)\b")


def _stretches_before(periods: list[Period]) -> list[Period]:
    """ "3.4 million bpd in the four weeks to Oct. 20, down from 3.5 million in the period to Oct.
    13": the period as long as the stretch named before it, ending on its own day."""
    for i in range(1, len(periods)):
        period, earlier = periods[i], periods[i - 1]
        if (
            period.start is not None
            and period.start == period.end
            and earlier.start is not None
            and earlier.end is not None
            and earlier.start < earlier.end
            and _THE_PERIOD_TO.search(period.text)
        ):
            start = period.start - (earlier.end - earlier.start)
            periods[i] = Period(
                start, period.end, earlier.granularity, period.text, period.offset, period.stop
            )
    return periods


def _readable(text: str, caseless: bool) -> str:
    """Text the rules can read: month names are matched as capitalised words, so text all in
    lower case is read in upper case, letter for letter (offsets hold)."""
    if not caseless:
        return text
    upper = text.upper()
    return upper if len(upper) == len(text) else text


def _words_of(text: str, start: int, end: int) -> str:
    """An expression's words for ``period_text``: no leading "in", and no full stop that
    ends the sentence ("the 12 months to March."; "Jan. 1" keeps its own)."""
    if end == len(text) and text.endswith("."):
        end -= 1
    return _LEADING_PREPOSITION.sub("", text[start:end])


def resolve_period(
    text: str, published: dt.date | str | None, *, countries: str = ""
) -> tuple[dt.date, dt.date] | None:
    """The dates (inclusive) of the first time expression in ``text``, or None.

    ``text`` is a time expression ("last year") or a sentence holding one;
    relative expressions resolve against ``published``.
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    for period in find_periods(text, published, countries=countries):
        if period.start is not None and period.end is not None:
            return period.start, period.end
    return None
