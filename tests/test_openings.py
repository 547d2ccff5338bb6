"""A scan that opens with a pattern's first characters finds what the pattern finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.openings import first_characters, opening_scan
from dashboard.period_rules import rule_table


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("year", "y"),
        ("(?i:year)", "Yy"),
        ("(?:over\\s+)?the\\s+decade", "ot"),
        ("(?i:last|this)\\s+year|20\\d\\d", "2LTlt"),
        ("\\bQ[1-4]", "Q"),
        ("[A-C]x", "ABC"),
    ],
)
def test_first_characters(pattern, expected):
    assert "".join(sorted(first_characters(pattern))) == "".join(sorted(expected))


@pytest.mark.parametrize("pattern", ["(?:year)?", "\\d+", "\\w+ly", "[^a]b", ".x"])
def test_first_characters_unknown_or_too_many(pattern):
    assert first_characters(pattern) is None


def _as_finditer(scan: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    spans, taken_to = [], 0
    for m in scan.finditer(text):
        start, end = m.span("expr")
        if start >= taken_to:
            spans.append((start, end))
            taken_to = end
    return spans


WORDS = [
    "the", "first", "quarter", "of", "2023", "last", "year", "a", "earlier", "from", "over",
    "in", "March", "May", "FY23", "H1", "Q3", "so", "far", "this", "since", "2019-20", "fiscal",
    "between", "and", "2020", "to", "2022", "months", "past", "decade", "end", "next", "same",
    "period", "levels", "yoy", "x", "-", ",", "(", ".",
]  # fmt: skip
RULES = [pattern for pattern, _, _ in rule_table()]


@settings(max_examples=300, deadline=None)
@given(
    rule=st.sampled_from(RULES),
    words=st.lists(st.sampled_from(WORDS), max_size=14),
    glue=st.sampled_from([" ", "  ", "-", ""]),
)
def test_opening_scan_finds_what_the_plain_scan_finds(rule, words, glue):
    text = glue.join(words)
    plain = re.compile(rf"(?<!\w)(?P<expr>(?:{rule})(?!\w))")
    assert _as_finditer(opening_scan(rule, group="expr"), text) == [
        m.span("expr") for m in plain.finditer(text)
    ]


@pytest.mark.parametrize(("pattern", "text"), [("(?i:since)\\s+2019", "ſince 2019"), ("(?i:k)m", "\u212am")])
def test_opening_scan_ignores_case_as_the_engine_does(pattern, text):
    plain = re.compile(rf"(?<!\w)(?P<expr>(?:{pattern})(?!\w))")
    assert plain.search(text)
    assert _as_finditer(opening_scan(pattern, group="expr"), text) == [(0, len(text))]
