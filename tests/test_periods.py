"""Every row of FIGURES.md's period table, and the rules beside it."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import resolve_period
from dashboard.periods import find_periods

PUBLISHED = dt.date(2023, 5, 24)

# (text, period_start, period_end), published 2023-05-24.
TABLE = [
    ("last year", "2022-01-01", "2022-12-31"),
    ("this year", "2023-01-01", "2023-12-31"),
    ("in 2023", "2023-01-01", "2023-12-31"),
    ("so far this year", "2023-01-01", "2023-05-24"),
    ("year to date", "2023-01-01", "2023-05-24"),
    ("last month", "2023-04-01", "2023-04-30"),
    ("in the first quarter", "2023-01-01", "2023-03-31"),
    ("Q1", "2023-01-01", "2023-03-31"),
    ("in the first four months", "2023-01-01", "2023-04-30"),
    ("January-April", "2023-01-01", "2023-04-30"),
    ("in the first half of 2023", "2023-01-01", "2023-06-30"),
    ("H1 2023", "2023-01-01", "2023-06-30"),
    ("Exports rose 5% in the first half.", "2022-01-01", "2022-06-30"),
    ("Exports are expected to rise 5% in the first half.", "2023-01-01", "2023-06-30"),
    ("this month", "2023-05-01", "2023-05-31"),
    ("at the end of 2022", "2022-12-31", "2022-12-31"),
    ("in the past three years", "2020-01-01", "2023-05-24"),
    ("in the 12 months to March", "2022-04-01", "2023-03-31"),
    ("from 2018 to 2022", "2018-01-01", "2022-12-31"),
    ("in March", "2023-03-01", "2023-03-31"),
    ("in 2019", "2019-01-01", "2019-12-31"),
    ("fiscal 2022-23", "2022-04-01", "2023-03-31"),
    ("FY23", "2022-04-01", "2023-03-31"),
    ("over the past decade", "2013-01-01", "2023-05-24"),
    ("since 2013", "2013-01-01", "2023-05-24"),
    ("by 2030", "2030-01-01", "2030-12-31"),
]

RULES = [
    ("Trade grew in the second quarter.", "2022-04-01", "2022-06-30"),
    ("Trade will grow in the second quarter.", "2023-04-01", "2023-06-30"),
    ("in the three months to September", "2022-07-01", "2022-09-30"),
    ("the year to June 2020", "2019-07-01", "2020-06-30"),
    ("since the start of the year", "2023-01-01", "2023-05-24"),
    ("between 2012 and 2021", "2012-01-01", "2021-12-31"),
    ("in 2020 and 2021", "2020-01-01", "2021-12-31"),
    ("for the full year", "2023-01-01", "2023-12-31"),
    ("Supplies would increase by 40% year-on-year in 2023.", "2023-01-01", "2023-12-31"),
    (
        "Exports hit $50 billion in 2021, up from $44 billion in the previous year.",
        "2021-01-01",
        "2021-12-31",
    ),
    ("in May 2021", "2021-05-01", "2021-05-31"),
    ("Q3 2022", "2022-07-01", "2022-09-30"),
    ("in May last year", "2022-05-01", "2022-05-31"),
    ("in March this year", "2023-03-01", "2023-03-31"),
    ("by end-2025", "2025-01-01", "2025-12-31"),
    ("Australia's exports grew in the March quarter.", "2023-01-01", "2023-03-31"),
    ("Australia's exports grew in the September quarter.", "2022-07-01", "2022-09-30"),
    ("in the December quarter of 2021", "2021-10-01", "2021-12-31"),
    ("in Q1-Q3 2022", "2022-01-01", "2022-09-30"),
    ("in the first three quarters of 2022", "2022-01-01", "2022-09-30"),
    ("in the first two quarters of last year", "2022-01-01", "2022-06-30"),
    ("in 2022's second half", "2022-07-01", "2022-12-31"),
    ("in 2021's fourth quarter", "2021-10-01", "2021-12-31"),
    ("in the January-to-April period", "2023-01-01", "2023-04-30"),
    ("in the week ended May 19", "2023-05-13", "2023-05-19"),
    ("in the 10 days to May 20", "2023-05-11", "2023-05-20"),
    ("so far in the 2022/23 season", "2022-07-01", "2023-05-24"),
    ("in the 2021/22 marketing year", "2021-07-01", "2022-06-30"),
    ("India's exports rose in the first half of the last fiscal year.", "2022-04-01", "2022-09-30"),
    ("India's exports rose in the third quarter of the previous fiscal year.", "2022-10-01", "2022-12-31"),
    (
        "India's exports will rise in the first quarter of the current fiscal year.",
        "2023-04-01",
        "2023-06-30",
    ),
    ("year-to-date through April", "2023-01-01", "2023-04-30"),
    ("so far this year to March", "2023-01-01", "2023-03-31"),
    ("in the three years to 2022", "2020-01-01", "2022-12-31"),
    ("over the past five years through 2021", "2017-01-01", "2021-12-31"),
    ("since the embargo took effect in December 2022", "2022-12-01", "2023-05-24"),
    ("since the conflict broke out in 2020", "2020-01-01", "2023-05-24"),
    ("Exports have risen 20% since March 2022.", "2022-03-01", "2023-05-24"),
    ("Exports have risen 20% since July.", "2022-07-01", "2023-05-24"),
    ("Shipments totalled 8.4 million tonnes since 1 March.", "2023-03-01", "2023-05-24"),
    ("since June 15, 2021", "2021-06-15", "2023-05-24"),
    ("India's imports will rise in the first half of the fiscal year.", "2023-04-01", "2023-09-30"),
    ("India's imports rose in the first half of the fiscal year.", "2022-04-01", "2022-09-30"),
    ("in the first seven months of fiscal 2023", "2022-04-01", "2022-10-31"),
    ("India's imports are expected to rise in April-June of next fiscal year.", "2024-04-01", "2024-06-30"),
    ("in January-March of last year", "2022-01-01", "2022-03-31"),
    ("in January-March of 2021", "2021-01-01", "2021-03-31"),
    ("in February of last year", "2022-02-01", "2022-02-28"),
    ("for the year as a whole", "2023-01-01", "2023-12-31"),
    ("over the whole year", "2023-01-01", "2023-12-31"),
    ("in the four quarters to the end of 2022", "2022-01-01", "2022-12-31"),
    ("the six months to the end of 2022", "2022-07-01", "2022-12-31"),
    ("the four quarters to the end of the second quarter of 2022", "2021-07-01", "2022-06-30"),
    ("in the four quarters to the end of Q4 2022", "2022-01-01", "2022-12-31"),
    ("in April-December last fiscal", "2022-04-01", "2022-12-31"),
    ("trade in the four quarters to Q1 rose", "2022-04-01", "2023-03-31"),
    ("in the 12 months to the end of the first quarter", "2022-04-01", "2023-03-31"),
    ("in 9M 2022", "2022-01-01", "2022-09-30"),
    ("sales in 6M23 rose", "2023-01-01", "2023-06-30"),
    ("in fiscal 2023, which ended in March", "2022-04-01", "2023-03-31"),
    ("Exports for the full year rose 5%.", "2022-01-01", "2022-12-31"),
    ("Exports for the full year will rise 5%.", "2023-01-01", "2023-12-31"),
]


@pytest.mark.parametrize(("text", "start", "end"), TABLE + RULES)
def test_resolves(text, start, end):
    assert resolve_period(text, PUBLISHED) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_previous_year_resolves_against_the_year_the_sentence_names():
    periods = find_periods(
        "Exports hit $50 billion in 2021, up from $44 billion in the previous year.", PUBLISHED
    )
    assert [(p.text, p.start.year) for p in periods] == [("2021", 2021), ("the previous year", 2020)]


@pytest.mark.parametrize(
    "text",
    ["year-on-year", "from a year earlier", "now", "annually", "a year", "on 2018 levels", "on Tuesday"],
)
def test_not_periods(text):
    assert resolve_period(text, PUBLISHED) is None


def test_last_quarter_read_in_the_first_quarter_is_last_years_fourth():
    assert resolve_period("last quarter", dt.date(2023, 2, 10)) == (
        dt.date(2022, 10, 1),
        dt.date(2022, 12, 31),
    )


@pytest.mark.parametrize("text", ["last month", "the previous month", "Exports fell 3% last month."])
def test_last_month_read_in_january_is_last_december(text):
    assert resolve_period(text, dt.date(2025, 1, 14)) == (dt.date(2024, 12, 1), dt.date(2024, 12, 31))


# The first and the last day of every month of a leap year: a rule that reaches back or ahead
# across a year's end must land on a real month.
BOUNDARIES = [
    *(dt.date(2024, month, 1) for month in range(1, 13)),
    *(dt.date(2024, month + 1, 1) - dt.timedelta(days=1) for month in range(1, 12)),
    dt.date(2024, 12, 31),
]


@pytest.mark.parametrize(("text", "start", "end"), TABLE + RULES)
def test_every_rule_resolves_on_every_month_boundary(text, start, end):
    for published in BOUNDARIES:
        period = resolve_period(text, published)
        assert period is None or period[0] <= period[1], (text, published, period)


def test_a_quarter_read_in_february_is_last_years():
    assert resolve_period("Trade grew in the first quarter.", dt.date(2023, 2, 10)) == (
        dt.date(2022, 1, 1),
        dt.date(2022, 3, 31),
    )


@pytest.mark.parametrize(
    ("countries", "start", "end"),
    [
        ("IND", "2022-04-01", "2023-03-31"),
        ("AUS", "2022-07-01", "2023-06-30"),
        ("USA", "2022-10-01", "2023-09-30"),
    ],
)
def test_fiscal_years_follow_the_country(countries, start, end):
    assert resolve_period("in fiscal 2023", PUBLISHED, countries=countries) == (
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end),
    )


def test_relative_periods_need_a_publication_date():
    assert resolve_period("last year", None) is None
    assert resolve_period("in 2019", None) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_a_period_carries_its_granularity():
    [period] = find_periods("in the first quarter", PUBLISHED)
    assert period.granularity == "quarter"
    assert period.text == "the first quarter"
