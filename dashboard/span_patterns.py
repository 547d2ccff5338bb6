"""The patterns and tables the span scan reads figures with, built once from the word lists:
number tokens, signs, currency symbols and names, scale words, units, rates, shares and
multiples. ``spans`` owns the scan; this module what it matches.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from dashboard import lexicon
from dashboard.units import unit_name

_SPACE = r"[ \t\u00a0\u2009\u202f]"
# The spaces that may sit inside a figure: one, or a few typed by a careless hand
# ("1.2  million"); bounded, so that no pattern repeating it can backtrack without end.
SP = rf"(?:{_SPACE}{{1,3}})"
# A number's digits after its first character: "1,234.5", "1234.5", ".5".
# After the first digit: Indian grouping ("2,21,000"), thousands ("1,234.5"), thousands
# set apart by spaces ("12 500", "1 234,5" as continental Europe writes them), plain digits.
_DIGITS_ON = (
    r"(?:(?<=\d)\d?(?:,\d\d)+,\d{3}(?:\.\d+)?|(?<=\d)\d{0,2}(?:,\d{3})+(?:\.\d+)?"
    # not the number of a section, an article or a model: "Section 301 100% tariffs"
    r"|(?<=\d)(?<!Section \d)(?<!Article \d)(?<!Chapter \d)(?<!Title \d)(?<!Rule \d)(?<!No\. \d)"
    r"(?<!Boeing \d)(?<!Airbus \d)\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+(?:\.\d+)?"
    r"|(?<=\d)\d*(?:\.\d+)?|(?<=\.)\d+)"
)
_DASH = r"[-‐‑–—]"
FIRST_WORD = re.compile(r"[a-z]+")
# Words the tail and range patterns open with beyond the word lists.
_TAIL_WORDS = (
    *("per", "percent", "pct", "pc", "percentage", "pp", "ppt", "ppts", "basis", "bp", "bps"),
    *("times", "fold", "to", "and"),
)


@dataclasses.dataclass(frozen=True)
class SpanPatterns:
    digits: re.Pattern[str]
    worded: re.Pattern[str]
    prefix: re.Pattern[str]
    sign: re.Pattern[str]
    scale: re.Pattern[str]
    percent: re.Pattern[str]
    points: re.Pattern[str]
    basis_points: re.Pattern[str]
    times: re.Pattern[str]
    currency_after: re.Pattern[str]
    quantity: re.Pattern[str]
    rate: re.Pattern[str]
    range_to: re.Pattern[str]
    share_of: re.Pattern[str]
    changed_by: re.Pattern[str]
    of_commodity: re.Pattern[str]  # "of pork": what pounds of a thing weigh
    changed_from: re.Pattern[str]  # "rose from ": a change verb before a level it starts from
    half_a: re.Pattern[str]
    minor_abbreviation: re.Pattern[str]  # "30p": written against the digits
    scales: dict[str, float]
    symbols: dict[str, list[tuple[str, str]]]  # symbol -> [(code, context country or "")]
    symbol_ends: frozenset[str]
    tail_words: frozenset[str]  # the first word of anything that may follow a number in a figure
    names: dict[str, tuple[str, float]]  # currency name -> (code, factor)
    abbreviations: dict[str, tuple[str, float]]  # "p" -> ("GBP", 0.01)
    names_by_country: dict[str, list[tuple[str, str]]]  # "pesos" -> [("MXN", ""), ("PHP", "PHL"), ...]
    units: dict[str, tuple[str, float]]
    rates: dict[str, str]
    words: dict[str, int]
    shares: dict[str, float]
    multiples: dict[str, tuple[float, str]]


@cache
def span_patterns() -> SpanPatterns:
    scales = {lexicon.fold(r["word"]): float(r["factor"]) for r in lexicon.rows("scales.csv")}
    symbols: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, tuple[str, float]] = {}
    by_country: dict[str, list[tuple[str, str]]] = {}
    for row in lexicon.rows("currencies.csv"):
        code, context = row["code"], row["context"]
        written = [code, *filter(None, row["symbols"].split("|"))]
        # "RS 5 CRORE" in text set in capitals (and lower-case text, read in capitals)
        for symbol in [*written, *(s.upper() for s in written if not s.isupper())]:
            symbols.setdefault(symbol, [])
            if (code, context) not in symbols[symbol]:
                symbols[symbol].append((code, context))
        for name in filter(None, row["names"].split("|")):
            if context:
                # "pesos" in a Philippine context: a name that differs by country, read like "¥"
                choices = by_country.setdefault(lexicon.fold(name), [])
                if not choices and lexicon.fold(name) in names:
                    choices.append((names[lexicon.fold(name)][0], ""))
                choices.append((code, context))
            else:
                names.setdefault(lexicon.fold(name), (code, 1.0))
    for name, choices in by_country.items():
        # "dinars" with no country that uses them named: the first that does, read again by
        # the sentence's countries like any name that differs by country
        names.setdefault(name, (choices[0][0], 1.0))
    abbreviations: dict[str, tuple[str, float]] = {}
    for row in lexicon.rows("minor_units.csv"):
        names[lexicon.fold(row["word"])] = (row["code"], float(row["factor"]))
        if row["abbreviation"]:
            abbreviations[row["abbreviation"]] = names[lexicon.fold(row["word"])]
    units = {
        lexicon.fold(r["phrase"]): (unit_name(r["unit"]), float(r["factor"]))
        for r in lexicon.rows("quantity_units.csv")
    }
    rates = {lexicon.fold(r["phrase"]): r["unit"] for r in lexicon.rows("rates.csv")}
    words = {lexicon.fold(r["word"]): int(r["value"]) for r in lexicon.rows("number_words.csv")}
    shares = {lexicon.fold(r["phrase"]): float(r["percent"]) for r in lexicon.rows("shares.csv")}
    multiples = {r["word"]: (float(r["value"]), r["direction"]) for r in lexicon.rows("multiples.csv")}
    alt = lexicon.alternation
    codes = [s for s in symbols if s.isalpha() and s.isupper() and len(s) == 3]
    number_word = rf"(?:{alt(list(words))})"
    return SpanPatterns(
        # The first digit, then what stood before it: Python's engine skips fast to a
        # possible start only when a pattern opens with a character set, not a look-behind.
        # Not inside a number; "Rs.5,826": the stop is the symbol's, not a decimal point.
        digits=re.compile(
            r"(?P<num>[\d.](?<![\d,][\d.])(?<![^A-Za-z]\.[\d.])(?<![A-Za-z]\.)" + _DIGITS_ON + ")"
        ),
        # Number words, shares and multiples: a second scan, of the lower-cased text, since
        # one pattern holding both digits and words, or ignoring case, runs several times
        # slower in Python's engine; the first letters let it skip most words at once.
        worded=re.compile(
            rf"\b(?=[{''.join(sorted({w[0] for w in [*words, *shares, *multiples, 'by']}))}])"
            rf"(?:(?<!first )(?<!second )(?<!the )(?<!1st )(?<!2nd )"
            # "half of", "a third of its imports", "lost half its value"
            rf"(?P<share>{alt(list(shares))})(?=\s+(?:of|an?|its|their|the)\b|[.;](?:\s|$)"
            # "a third less than in 2023": a change by that share
            rf"|\s+(?:less|more|lower|higher|fewer|smaller|bigger|larger)\s+than\b"
            # "climbed nearly a third to $6.8 billion": a change, where a verb of change leads it
            rf"|,\s|\s+(?:to|in|from|over|since|during|last|this|on)\b"
            # "with the EU taking about half and the United States nearly a fifth"
            rf"|\s+and\s+(?!(?:final|last|second|third|fourth)\b))"
            # not "half of the year", "half of 2023", "the April-September half of the fiscal year";
            # "a fifth of the 1.5 million cars sold" is a share
            rf"(?!\s+of\s+(?:(?:the\s+|this\s+)?(?:(?:fiscal|financial|calendar|marketing)\s+)?year|\d"
            rf"|the\s+\d{{4}}(?![\d.,]\d)))"
            # "dropped by a third", "by almost a fifth": a change by that share (the group alone
            # is the figure)
            rf"|by\s+(?:(?:almost|nearly|about|around|roughly|some|over|more\s+than|up\s+to|as\s+much\s+as"
            rf"|at\s+least|less\s+than)\s+)?"
            rf"(?P<by_share>{alt(list(shares))})(?![\w-]|\s+(?:of|an?|percentage)\b)"
            # "one in five German cars sold abroad": a share of the things counted
            rf"|(?P<one_in>one{SP}in{SP}(?:two|three|four|five|six|seven|eight|nine|ten))\b(?![-‐])"
            # "three and a half million tonnes"
            rf"|(?P<words>{number_word}(?:(?:{SP}|-)(?:and{SP})?{number_word})*(?:{SP}and{SP}a{SP}half)?)(?!\w)"
            # not "double-digit growth", "in double digits": no figure
            rf"|(?P<mult>{alt(list(multiples))})\b(?![-‐]digit|\s+digits?\b)"
            # "a billion dollars": one of a scale written out
            rf"|(?P<one>an?)(?={SP}(?:thousand|million|billion|trillion|lakh|crore)\b))",
        ),
        prefix=re.compile(rf"(?<![A-Za-z])(?P<sym>{alt(list(symbols))}){SP}?$"),
        # Not a dash after a figure: "5%–7%" is a range, not minus 7%.
        # "(+ 29.7 %)": a plus spaced from its number is still a sign; a spaced dash may be a rule
        sign=re.compile(rf"(?:(?<![\w%-])(?:[-−–+]|\+{SP})|(?<![\w])(?i:minus|plus){SP})$"),
        # "300,000 b/d" is barrels a day, not billions
        scale=re.compile(
            rf"(?:{SP}?-?|{SP}?{_DASH}?)(?P<scale>{alt(list(scales))})(?![A-Za-z]|(?<=b)/)", re.I
        ),
        # "a 25-per-cent tariff", as Canadian papers write it
        percent=re.compile(rf"(?:{SP}|-)?(?:%|per(?:{SP}|-)?cent\b|percent\b|pct\b|pc\b)", re.I),
        points=re.compile(
            rf"{SP}?(?:percentage{SP}(?:points?|pts?)\b|pp\b|ppts?\b|pct{SP}(?:points?|pts?)\b)", re.I
        ),
        basis_points=re.compile(rf"{SP}?(?:basis{SP}points?|bps?)\b", re.I),
        times=re.compile(rf"(?:{_DASH}|{SP})?fold\b|{SP}times\b", re.I),
        currency_after=re.compile(rf"{SP}?(?P<cur>{alt(list(names) + codes)})(?![A-Za-z])", re.I),
        # Not "12 T-shirts"
        quantity=re.compile(rf"{SP}?(?P<unit>{alt(list(units))})(?![A-Za-z]|-[A-Za-z])", re.I),
        # "a year earlier" is a comparison, not a rate: "1.2 million bpd a year earlier".
        rate=re.compile(
            rf"{SP}?(?:(?:a{SP}|per{SP})?(?P<rate>{alt(list(rates))})\b(?!{_SPACE}+(?:earlier|ago|before|later)\b)"
            # "2 bcm/y", "0.5 mb/d": only after a slash is a bare y or d a rate
            rf"|/{SP}?(?P<per>y|yr|year|d|day|mo|month)\b)",
            re.I,
        ),
        range_to=re.compile(rf"{_SPACE}*(?:{_DASH}|(?i:to|and){SP}){_SPACE}*(?=[^\s])"),
        # "half of", "half its value", "half the volume it shipped"
        share_of=re.compile(
            r"\s+(?:of|its|their|the(?=\s+(?:[\w-]+\s+){0,2}?(?:volume|amount|total|value|level|quantity|country|nation"
            r"|market|imports|exports|shipments|supply|supplies|trade|sales|purchases|output|production|demand|needs)\b))\b",
            re.I,
        ),
        of_commodity=re.compile(
            rf"{SP}of{SP}(?:[A-Za-z-]+{SP}){{0,2}}?(?:{alt(lexicon.column('commodities.csv', 'word'))})\b",
            re.I,
        ),
        changed_by=re.compile(
            rf"(?i)\b(?:{alt([r['word'] for r in lexicon.rows('directions.csv') if r['role'] == 'verb'])})\s+"
            r"(?:(?:almost|nearly|about|around|roughly|some|over|more\s+than|less\s+than|close\s+to)\s+)?$"
        ),
        changed_from=re.compile(
            rf"(?i)\b(?:{alt([r['word'] for r in lexicon.rows('directions.csv') if r['role'] == 'verb'])})"
            r"\s+from\s+$"
        ),
        half_a=re.compile(rf"{SP}a{SP}(?P<scale>{alt(list(scales))})\b", re.I),
        # Not "5p.m.", a time
        minor_abbreviation=re.compile(rf"(?P<abbr>{alt(list(abbreviations))})(?![\w]|\.{SP}?m\b)"),
        scales=scales,
        symbols=symbols,
        symbol_ends=frozenset(symbol[-1] for symbol in symbols),
        tail_words=frozenset(
            first.group()
            for phrase in [*scales, *names, *codes, *units, *_TAIL_WORDS]
            if (first := FIRST_WORD.match(phrase.lower()))
        ),
        names=names,
        abbreviations=abbreviations,
        names_by_country=by_country,
        units=units,
        rates=rates,
        words=words,
        shares=shares,
        multiples=multiples,
    )
