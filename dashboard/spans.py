"""Candidate spans: every number with a currency, scale, percent sign or unit.

The scan anchors on number tokens (digits or number words), share words ("a
fifth") and multiple words ("doubled"), then reads a bounded window to each side
with anchored patterns built from the word lists. No pattern nests quantifiers
over overlapping alternatives, so the scan stays linear in the length of the text.
"""

from __future__ import annotations

import dataclasses
import operator
import re
from functools import cache

import pycountry

from dashboard import lexicon
from dashboard.figures import Span
from dashboard.span_patterns import FIRST_WORD, SpanPatterns, span_patterns
from dashboard.units import unit_name

_SPACES = " \t\u00a0\u2009\u202f"
_SIGN_ENDS = frozenset("-−–+" + _SPACES)  # the last character of a sign: "-", "minus "
_WINDOW = 12
_PER = {"y": "year", "yr": "year", "year": "year", "d": "day", "day": "day", "mo": "month", "month": "month"}
_YEAR_LIKE = re.compile(r"(?:1[89]|2[01])\d\d")
_YEAR_BEFORE = re.compile(r"(?:1[89]|2[01])\d\d[-–/]\Z")  # "2023-" of "2023-24"
_BETWEEN = re.compile(r"(?i)\bbetween\s+$")
# Between an amount and the base it is compared with: " in June from ", ", against ".
_BASE_GAP = re.compile(
    r"(?i)[^.;:$€£¥]{0,30}?\b(?:from|against|compared\s+(?:with|to)|versus|vs\.?"
    r"|(?:above|below|than)\s+the)\s+"  # "106 million cubic metres a day, above the 104 million contracted"
)
_RANGE_DASH = re.compile(r"\s?[-–—]\s?")
_DIGIT_GROUPS = re.compile(r"[, \u00a0\u2009\u202f]")  # what sets thousands apart
_DECIMAL_COMMA = re.compile(r",(\d{1,2})(?![\d,])")
# A share closing its sentence or clause: "accounted for about half.", "the EU's share was close to
# half.", "with China buying almost half, the group said"
_SHARE_LEAD = re.compile(
    r"(?i)\b(?:for|up|about|nearly|roughly|almost|around|some|over|just|than|to|was|is|were|are)\s+$"
)
# "twice as much", "twice the level", "twice that of 2019": a multiple of something
_TWICE_WHAT = re.compile(r"(?i)\s+(?:as|the|that|those|its|their|what)\b")
# The words that also say "as much as": "more than triple the value", but "will triple the tariff"
_AS_MUCH_AS = frozenset({"double", "triple", "treble", "quadruple"})
_DO_BEFORE = re.compile(r"(?i)\b(?:will|would|to|could|can|may|might|should|shall|must)\s+(?:[a-z]+ly\s+)?$")
# "triple the value shipped to Canada" compares two things; "double the 2022 level", "triple
# that of a year earlier" a thing over time
_COMPARED_THING = re.compile(r"(?i)\s+(?:the|that|those|its|their|what)\b")
_ANOTHER_TIME = r"(?:\d{4}|years?|earlier|ago|last|previous|prior|pre-[\w-]+|before|then)\b"
_COMPARED_TIME = re.compile(
    rf"(?i)\s+(?:the|that|those|its|their|what)\s+(?:[\w.,'’-]+\s+){{0,6}}?{_ANOTHER_TIME}"
)
# "twice as much as a year earlier", "twice as many as in 2023": a multiple of another time
_AS_MUCH_AS_THEN = re.compile(rf"(?i)\s+as\s+(?:much|many)\s+as\s+(?:[\w.,'’-]+\s+){{0,4}}?{_ANOTHER_TIME}")
_OF_A_POINT = re.compile(r"(?i)\s+of\s+a\s+(?:percentage\s+)?point\b")
_START = operator.methodcaller("start")
# What may stand after a bare number that ends it: "since 1999.", "in 12 years"; and a comma
# but before a digit: "5,4%" is how continental Europe writes 5.4%.
_ENDS_BARE = frozenset(".;:)]!?\"'”’\n")


def ungrouped(digits: str) -> str:
    """Digits as written without what sets their thousands apart: "1,234.5", "12 500"."""
    return _DIGIT_GROUPS.sub("", digits)


@dataclasses.dataclass(
    slots=True
)  # not frozen: five times cheaper to build, and many are; none changes once built
class _Number:
    start: int
    end: int
    value: float
    currency: str = ""
    negative: bool = False
    positive: bool = False
    words: bool = False  # written in words ("two billion")
    symbol: str = ""  # a currency sign that differs by country ("¥")


def find_spans(text: str, focus: tuple[str, ...] = (), *, caseless: bool = False) -> list[Span]:
    """Every candidate figure in ``text``, in order, with offsets into it.

    ``focus`` names the countries the document is about, most named first; it
    decides symbols that differ by country (``¥``, ``R``). ``caseless`` text is written
    all in lower case, where "us$5 million" and "rs 5 crore" are money too.
    """
    if caseless and len(upper := text.upper()) == len(text):
        # Read in upper case, letter for letter (offsets hold), as the symbols are written there.
        read = find_spans(upper, focus)
        for span in read:
            span.surface = text[span.start : span.end]
        return read
    lex = span_patterns()
    spans: list[Span] = []
    last_end = 0
    # Two scans, one per kind of number token, read in order of position.
    cores = sorted([*lex.digits.finditer(text), *lex.worded.finditer(lexicon.lower(text))], key=_START)
    for core in cores:
        if core.start() < last_end or (core.lastgroup == "num" and _bare(text, core, lex)):
            continue
        found = _read(text, core, lex, focus)
        if not found and spans and core.lastgroup == "num":
            found = _elided_currency(text, core, spans[-1], lex)
        for span in found:
            spans.append(span)
            last_end = span.end
    return spans


def _elided_currency(text: str, core: re.Match[str], before: Span, lex: SpanPatterns) -> list[Span]:
    """ "narrowed to 6.1 billion euros in June from 7.9 billion in May": a base written with its
    scale but not its currency takes the currency of the amount it is compared with; "1.6
    million barrels a day against 0.3 million", the unit of the quantity."""
    if before.kind not in ("money", "quantity") or not (
        _BASE_GAP.fullmatch(text, before.end, core.start())
        or _RANGE_DASH.fullmatch(text, before.end, core.start())  # "US$68bn–70bn": the high end
    ):
        return []
    scale = lex.scale.match(text, core.end())
    if scale is None:
        return []
    value = float(ungrouped(core.group("num"))) * lex.scales[lexicon.fold(scale.group("scale"))]
    start, end = core.start(), scale.end()
    return [Span(start, end, text[start:end], before.kind, _tidy(value), before.unit, symbol=before.symbol)]


def _bare(text: str, core: re.Match[str], lex: SpanPatterns) -> bool:
    """Whether a number plainly stands alone ("in 12 years", "since 1999,"): no currency sign or
    sign before it, and nothing a figure could go on with after it. Most numbers in prose do,
    and this spares them the patterns ``_read`` runs."""
    start, end = core.span()
    before = text[max(0, start - 2) : start].rstrip(_SPACES)[-1:]
    if before in lex.symbol_ends or before in _SIGN_ENDS:
        return False
    after = text[end : end + 1]
    if after in _ENDS_BARE or (after == "," and not text[end + 1 : end + 2].isdigit()):
        return True
    word = FIRST_WORD.match(text, end + 1) if after == " " else None
    return word is not None and word.group() not in lex.tail_words


def _read(text: str, core: re.Match[str], lex: SpanPatterns, focus: tuple[str, ...]) -> list[Span]:
    if core.lastgroup == "mult":
        if core.group("mult").lower() == "twice" and not _TWICE_WHAT.match(text, core.end()):
            return []  # "they met twice": how often, no figure
        value, direction = lex.multiples[core.group("mult").lower()]
        if not direction and _AS_MUCH_AS_THEN.match(text, core.end()):
            direction = "up"  # "twice as much as a year earlier": growth over time
        if (
            direction
            and core.group("mult").lower() in _AS_MUCH_AS
            and _COMPARED_THING.match(text, core.end())
            and not _COMPARED_TIME.match(text, core.end())
            and not _DO_BEFORE.search(text, max(0, core.start() - 20), core.start())
        ):
            direction = ""  # "triple the value shipped to Canada": two things compared, no change
        surface = text[core.start() : core.end()]  # the core matched the lower-cased text
        return [Span(core.start(), core.end(), surface, "multiple", value, "x", hint=direction)]
    if core.lastgroup == "share":
        return _read_share(text, core, lex)
    if core.lastgroup == "one_in":
        # "roughly one in five German cars": a fifth of them
        value = 100 / lex.words[core.group("one_in").split()[-1]]
        return [Span(core.start(), core.end(), text[core.start() : core.end()], "percent", value, "%")]
    if core.lastgroup == "by_share":
        value = lex.shares[lexicon.fold(core.group("by_share"))]
        start, end = core.span("by_share")
        return [Span(start, end, text[start:end], "percent", value, "%")]
    if core.lastgroup == "one":
        number: _Number | None = _Number(core.start(), core.end(), 1.0, words=True)
    else:
        number = _read_number(text, core, lex, focus)
    if number is None:
        return []
    if comma := _DECIMAL_COMMA.match(text, number.end):
        # "€5,4 billion" as continental Europe writes 5.4; a bare "1,2" may be a list.
        whole = ungrouped(core.group("num")) if core.lastgroup == "num" else ""
        if not whole.isdigit() or "," in core.group("num"):
            return []
        value = float(f"{whole}.{comma.group(1)}")
        number = dataclasses.replace(number, end=comma.end(), value=value)
        tail = _read_tail(text, number, lex)
        return [tail] if tail is not None and (tail.end > number.end or number.currency) else []
    tail = _read_tail(text, number, lex)
    if tail is not None and tail.end > number.end:
        return [tail]
    # Nothing follows the number itself: it may be the low end of a range ("$10-12 billion").
    return _read_range(text, number, lex, focus) or ([tail] if tail is not None else [])


def _read_range(text: str, low: _Number, lex: SpanPatterns, focus: tuple[str, ...]) -> list[Span]:
    """ "$10-12 billion", "20-30%", "5 to 7 percent": the low end takes the high end's unit
    (and scale, unless it has one of its own: "between 55 million and 60 million tonnes")."""
    low_end = low.end
    own_scale = lex.scale.match(text, low_end) if not low.words else None
    if own_scale:
        low_end = own_scale.end()
    joint = lex.range_to.match(text, low_end)
    if joint is None or (
        not low.currency
        and (
            _YEAR_LIKE.fullmatch(text[low.start : low.end])
            or _YEAR_BEFORE.search(text, max(0, low.start - 5), low.start)
        )
    ):
        return []  # "in 2021 to 5%", "in 2023-24 to 5%": a year, not the low end of a range
    if joint.group().strip().lower() == "and" and not _BETWEEN.search(
        text, max(0, low.start - 12), low.start
    ):
        return []  # "X and Y" is a range only after "between"
    second_core = lex.digits.match(text, joint.end())
    if second_core is None:
        return []
    second = _read_number(text, second_core, lex, focus)
    if second is None:
        return []
    if low.currency and not second.currency:
        second = _Number(second.start, second.end, second.value, low.currency, symbol=low.symbol)
    high = _read_tail(text, second, lex)
    if high is None or (low.currency and low.currency != high.unit) or not second.value:
        return []
    factor = high.value / second.value
    if own_scale:
        second_scale = lex.scale.match(text, second.end)
        if second_scale is None:
            return []  # "5 million to 7 tonnes" is no range
        factor *= lex.scales[lexicon.fold(own_scale.group("scale"))]
        factor /= lex.scales[lexicon.fold(second_scale.group("scale"))]
    # "rose from 900 million to 1.2 billion dollars": two levels, which ``qualifiers`` tells apart
    if not (low.negative or second.negative) and low.value * factor >= high.value:
        return []  # "rose 20 to 1.9 million tonnes": no range runs down
    levels = own_scale is not None and bool(lex.changed_from.search(text, max(0, low.start - 40), low.start))
    surface = text[low.start : low_end]
    return [
        Span(
            low.start,
            low_end,
            surface,
            high.kind,
            _tidy(low.value * factor),
            high.unit,
            low.negative,
            range_role="" if levels else "low",
            symbol=low.symbol,
        ),
        high if levels else dataclasses.replace(high, range_role="high"),
    ]


_SHARE_COMPARED = re.compile(r"(?i)\s+(?:less|more|lower|higher|fewer|smaller|bigger|larger)\s+than\b")
# "a quarter of a century": how long, not a share
_SHARE_OF_TIME = re.compile(r"(?i)\s+of\s+an?\s+(?:century|decade)\b")
# Rice is sold by the share of its grains that are broken: "5% broken", "25 percent broken"
_AND_AFTER = re.compile(r"(?i)\s+and\s")
_GRADE = re.compile(r"(?i)[\s-]*broken\b")


def _read_share(text: str, core: re.Match[str], lex: SpanPatterns) -> list[Span]:
    phrase = core.group("share")
    value = lex.shares[lexicon.fold(phrase)]
    if half := lex.half_a.match(text, core.end()):
        # "half a trillion dollars": money, not a share.
        fake = _Number(core.start(), half.end(), value / 100 * lex.scales[lexicon.fold(half.group("scale"))])
        span = _read_tail(text, fake, lex, scaled=True)
        return [span] if span is not None else []
    if _SHARE_OF_TIME.match(text, core.end()):
        return []
    if (
        not lex.share_of.match(text, core.end())
        and not _SHARE_COMPARED.match(text, core.end())  # "a third less than in 2023"
        and not (
            # "with China buying almost half, Abiec said", "taking about half and the US a fifth"
            (text[core.end() : core.end() + 1] in ".;," or _AND_AFTER.match(text, core.end()))
            and _SHARE_LEAD.search(text, max(0, core.start() - 24), core.start())
        )
        and not lex.changed_by.search(text, max(0, core.start() - 40), core.start())
    ):
        # "accounted for about half.": a share of what the sentence is about; "the first half." is not
        return []
    if point := _OF_A_POINT.match(text, core.end()):
        # "two-thirds of a percentage point": a fraction of a point, not a share.
        end = point.end()
        return [
            Span(core.start(), end, text[core.start() : end], "percentage_point", _tidy(value / 100), "pp")
        ]
    return [Span(core.start(), core.end(), text[core.start() : core.end()], "percent", value, "%")]


def _read_number(text: str, core: re.Match[str], lex: SpanPatterns, focus: tuple[str, ...]) -> _Number | None:
    start, end = core.span()
    is_digits = core.lastgroup == "num"
    value: float | None
    if is_digits:
        value = float(ungrouped(core.group("num")))
    else:
        value = _word_value(core.group("words"), lex)
        if value is None:
            return None
    currency = symbol = ""
    # Most numbers stand after a space and a word: look for a symbol only where one can end.
    before = text[max(0, start - 2) : start].rstrip(_SPACES)[-1:]
    prefix = lex.prefix.search(text, max(0, start - _WINDOW), start) if before in lex.symbol_ends else None
    if prefix and (code := _currency(prefix.group("sym"), lex, focus)):
        currency = code
        start = prefix.start()
        if len(lex.symbols[prefix.group("sym")]) > 1:
            symbol = prefix.group("sym")
    elif start and text[start - 1].isalpha():
        return None  # a name with digits: G20, A320, F-35
    negative = positive = False
    if start and text[start - 1] in _SIGN_ENDS and (sign := lex.sign.search(text, max(0, start - 6), start)):
        mark = sign.group().strip().lower()
        negative = mark in ("-", "−", "–", "minus")
        positive = mark in ("+", "plus")
        start = sign.start()
    return _Number(start, end, value, currency, negative, positive, words=not is_digits, symbol=symbol)


def currency_of(symbol: str, countries: tuple[str, ...]) -> str:
    """The currency a sign means among ``countries`` (the likeliest first): "¥" is JPY in a
    sentence about Japan, CNY in one about China."""
    return _currency(symbol, span_patterns(), countries)


def _currency(symbol: str, lex: SpanPatterns, focus: tuple[str, ...]) -> str:
    """The currency a symbol means here: by the document's countries where that differs."""
    choices = lex.symbols.get(symbol) or lex.names_by_country[symbol]
    default = next((code for code, context in choices if not context), "")
    for country in focus:
        for code, context in choices:
            if context == country or (not context and _country_of(code) == country):
                return code
    return default


@cache
def _country_of(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code[:2])
    return country.alpha_3 if country else ""


def _tidy(value: float) -> float:
    """``value`` without the binary noise of scaling: 4.1 billion is 4100000000.0, not
    4099999999.9999995 (fifteen significant digits are what a double holds exactly)."""
    return float(f"{value:.15g}")


def _word_value(words: str, lex: SpanPatterns) -> float | None:
    *whole, last = re.split(r"[ \t\u00a0\u2009\u202f-]+", words.lower())
    if last == "half" and whole[-2:] == ["and", "a"]:  # "three and a half"
        value = _word_value(" ".join(whole[:-2]), lex)
        return None if value is None else value + 0.5
    total = 0
    for word in [*whole, last]:
        if word in ("and", ""):
            continue
        value = lex.words.get(word)
        if value is None:
            return None
        total = total * value if value == 100 and total else total + value
    return float(total)


# What no tail opens with: a number followed by one of these stands alone.
_NO_TAIL = frozenset(",.;:)]!?\"'”’\n")


def _read_tail(text: str, number: _Number, lex: SpanPatterns, *, scaled: bool = False) -> Span | None:
    """The figure a number makes with what follows it: scale, then currency, percent or unit."""
    start, end, value = number.start, number.end, number.value
    if not number.currency and text[end : end + 2].lstrip(_SPACES)[:1] in _NO_TAIL:
        return None  # "since 1992," "in 2022.": no scale, percent, currency or unit can follow
    if not scaled and (scale := lex.scale.match(text, end)):
        value *= lex.scales[lexicon.fold(scale.group("scale"))]
        end = scale.end()
        scaled = True
    hint = "down" if number.negative else "up" if number.positive else ""

    def span(stop: int, kind: str, amount: float, unit: str, symbol: str = number.symbol) -> Span:
        return Span(
            start,
            stop,
            text[start:stop],
            kind,
            _tidy(amount),
            unit,
            number.negative,
            hint,
            symbol=symbol,
        )

    if number.currency:
        return span(end, "money", value, number.currency)
    if not scaled:
        for pattern, kind, unit in (
            (lex.points, "percentage_point", "pp"),  # first: "2 pct points" is no "2 pct"
            (lex.percent, "percent", "%"),
            (lex.times, "multiple", "x"),
        ):
            if m := pattern.match(text, end):
                if kind == "percent" and _GRADE.match(text, m.end()):
                    return None  # "Thai 5% broken rice": the name of a grade
                return span(m.end(), kind, value, unit)
        if m := lex.basis_points.match(text, end):
            return span(m.end(), "percentage_point", value / 100, "pp")  # "50 basis points"
    if not scaled and not number.words and (m := lex.minor_abbreviation.match(text, end)):
        code, factor = lex.abbreviations[m.group("abbr")]
        return span(m.end(), "money", value * factor, code)
    if m := lex.currency_after.match(text, end):
        word = lexicon.fold(m.group("cur"))
        code, factor = lex.names.get(word) or (word.upper(), 1.0)
        if word in ("pound", "pounds") and lex.of_commodity.match(text, m.end()):
            return span(m.end(), "quantity", value, unit_name("pound"))  # "2 billion pounds of pork"
        # Read again by the sentence's countries where the name differs by country.
        return span(m.end(), "money", value * factor, code, word if word in lex.names_by_country else "")
    if m := lex.quantity.match(text, end):
        if number.words and not scaled:
            return None  # "one barrel" is a count in prose more often than a figure
        unit, factor = lex.units[lexicon.fold(m.group("unit"))]
        stop = m.end()
        if "/" not in unit and (rate := lex.rate.match(text, stop)):  # "bpd" is a rate already
            per = rate.group("per")
            unit = f"{unit} / {_PER[per.lower()] if per else lex.rates[lexicon.fold(rate.group('rate'))]}"
            stop = rate.end()
        return span(stop, "quantity", value * factor, unit_name(unit))
    return None
