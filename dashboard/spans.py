"""Candidate spans: every number with a currency, scale, percent sign or unit.

The scan anchors on number tokens and multiple words, then reads a bounded
window to each side with anchored patterns built from the word lists. No
pattern has nested quantifiers, so the scan stays linear in the text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dashboard import lexicon
from dashboard.figures import Span
from dashboard.units import unit_name

_SP = r"[ \t\u00a0\u2009\u202f]"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULTIPLE_WORDS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_WINDOW = 12


@dataclass(frozen=True)
class _Patterns:
    core: re.Pattern[str]
    prefix: re.Pattern[str]
    scale: re.Pattern[str]
    percent: re.Pattern[str]
    points: re.Pattern[str]
    times: re.Pattern[str]
    currency_after: re.Pattern[str]
    quantity: re.Pattern[str]
    rate: re.Pattern[str]
    scales: dict[str, float]
    symbols: dict[str, str]
    currency_names: dict[str, str]
    quantity_units: dict[str, tuple[str, float]]
    rates: dict[str, str]


@cache
def _patterns() -> _Patterns:
    scales = {r["word"]: float(r["factor"]) for r in lexicon.rows("scales.csv")}
    symbols: dict[str, str] = {}
    names: dict[str, str] = {}
    for row in lexicon.rows("currencies.csv"):
        code = row["code"]
        symbols[code] = code
        for symbol in filter(None, row["symbols"].split("|")):
            symbols[symbol] = code
        for name in filter(None, row["names"].split("|")):
            names[name] = code
    units = {
        r["phrase"]: (unit_name(r["unit"]), float(r["factor"])) for r in lexicon.rows("quantity_units.csv")
    }
    rates = {r["phrase"]: r["unit"] for r in lexicon.rows("rates.csv")}
    multiples = lexicon.alternation(list(_MULTIPLE_WORDS))
    codes = [c for c in symbols if c.isalpha() and c.isupper()]
    return _Patterns(
        core=re.compile(rf"(?<![\w.,])(?:(?P<num>{_NUMBER})|(?P<mult>{multiples})\b)", re.I),
        prefix=re.compile(rf"(?<![A-Za-z])(?P<sym>{lexicon.alternation(list(symbols))}){_SP}?$"),
        scale=re.compile(rf"{_SP}?-?(?P<scale>{lexicon.alternation(list(scales))})(?![A-Za-z])", re.I),
        percent=re.compile(rf"{_SP}?(?:%|per{_SP}?cent\b|percent\b|pc\b)", re.I),
        points=re.compile(rf"{_SP}?(?:percentage{_SP}points?\b|pp\b|ppts?\b)", re.I),
        times=re.compile(rf"{_SP}?(?:-?fold\b|{_SP}times\b)", re.I),
        currency_after=re.compile(
            rf"{_SP}?(?P<cur>{lexicon.alternation(list(names) + codes)})(?![A-Za-z])",
            re.I,
        ),
        quantity=re.compile(rf"{_SP}?(?P<unit>{lexicon.alternation(list(units))})(?![A-Za-z])"),
        rate=re.compile(rf"{_SP}(?P<rate>{lexicon.alternation(list(rates))})\b", re.I),
        scales={k.lower(): v for k, v in scales.items()},
        symbols=symbols,
        currency_names={k.lower(): v for k, v in names.items()},
        quantity_units=units,
        rates={k.lower(): v for k, v in rates.items()},
    )


def find_spans(text: str) -> list[Span]:
    """Every candidate figure in ``text``, in order, with offsets into it."""
    pats = _patterns()
    spans: list[Span] = []
    last_end = 0
    for core in pats.core.finditer(text):
        if core.start() < last_end:
            continue
        span = _read_multiple(core) if core.group("mult") else _read_number(text, core, pats)
        if span is not None:
            spans.append(span)
            last_end = span.end
    return spans


def _read_multiple(core: re.Match[str]) -> Span:
    word = core.group("mult")
    return Span(core.start(), core.end(), word, "multiple", _MULTIPLE_WORDS[word.lower()], "x")


def _read_number(text: str, core: re.Match[str], pats: _Patterns) -> Span | None:
    start, end = core.span()
    value = float(core.group("num").replace(",", ""))
    currency = ""
    prefix = pats.prefix.search(text, max(0, start - _WINDOW), start)
    if prefix:
        currency = pats.symbols[prefix.group("sym")]
        start = prefix.start()
    negative = False
    sign = re.search(r"(?:(?<![\w-])-|\bminus" + _SP + r")$", text[max(0, start - 6) : start])
    if sign:
        negative = True
        start -= len(sign.group())
    scale = pats.scale.match(text, end)
    if scale:
        value *= pats.scales[scale.group("scale").lower()]
        end = scale.end()
    if currency:
        return Span(start, end, text[start:end], "money", value, currency, negative)
    for pattern, kind, unit in (
        (pats.percent, "percent", "%"),
        (pats.points, "percentage_point", "pp"),
        (pats.times, "multiple", "x"),
    ):
        if not scale and (m := pattern.match(text, end)):
            return Span(start, m.end(), text[start : m.end()], kind, value, unit, negative)
    if m := pats.currency_after.match(text, end):
        code = pats.currency_names.get(m.group("cur").lower()) or pats.symbols[m.group("cur")]
        return Span(start, m.end(), text[start : m.end()], "money", value, code, negative)
    if m := pats.quantity.match(text, end):
        unit, factor = pats.quantity_units[m.group("unit")]
        end = m.end()
        if rate := pats.rate.match(text, end):
            unit = f"{unit} / {pats.rates[rate.group('rate').lower()]}"
            end = rate.end()
        return Span(start, end, text[start:end], "quantity", value * factor, unit_name(unit), negative)
    return None
