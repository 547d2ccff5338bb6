"""Country mentions -> ISO 3166-1 alpha-3 codes (the EU as ``EUU``).

Names come from pycountry; short names, demonyms, capitals standing for governments
and the provinces trade news names (Guangdong) come from our own
``lexicon/countries.csv``, which no library covers, as do the places named after a
country that are not it ("Latin America").
One scan of the text finds the longest name at each place (a trie of every
name, opening on its capital), and a dictionary gives its code; linear in the text.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from re import Match

import pycountry

from dashboard import lexicon
from dashboard.reading import ODD_SPACE, has_odd_spaces

_TOKEN = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?")
# Country names that are also common English words are matched only as written.
# The word, then what stood before it: Python's engine skips fast to a pattern's first
# character or set, but tries a pattern that opens with a look-behind at every position.
_THE = re.compile(r"The(?<![^\W\d_]The)(?![^\W\d_])")
_COMMON_WORDS = frozenset({"chad", "turkey", "jordan", "georgia", "guinea", "niger", "china", "cuba"})
_BILATERAL = re.compile(  # over lower-cased text, opening with the words' first letters
    r"(?:b(?<!\wb)(?:ilateral|etween\s+them|oth\s+(?:countries|sides|nations))|t(?<!\wt)(?:wo-way"
    r"|he\s+(?:two\s+(?:countries|nations|sides|neighbou?rs)|pair)))\b"
)


# "its largest European partner" is a country in Europe, not the EU.
_ONE_OF_EUROPE = re.compile(
    r"(?i)\s+(?:partners?|countr(?:y|ies)|nations?|markets?|buyers?|suppliers?|destinations?|economy|economies"
    r"|neighbou?rs?|peers?|rivals?|competitors?|exporters?|importers?)\b"
)


# "the biggest EU buyer", "another EU member": one of them; not "EU countries" or "EU member
# states", the bloc's.
_ONE_OF_THE_EU = re.compile(
    r"(?i)\s+(?:member(?!\s+states)(?:\s+state)?|country|nation|state|buyer|importer|exporter|supplier|producer"
    r"|partner)(?![\w-])"
)


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are; none changes once built
class Mention:
    start: int
    end: int
    iso3: str


@cache
def _index() -> tuple[dict[str, tuple[str, str | None]], dict[str, int]]:
    """lower-cased name -> (iso3, the exact spelling required or None), and for each
    first word of a name the most words a name starting with it has."""
    index: dict[str, tuple[str, str | None]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                exact = name if name.lower() in _COMMON_WORDS else None
                index.setdefault(name.lower(), (country.alpha_3, exact))
    for row in lexicon.rows("countries.csv"):
        index[row["name"].lower()] = (row["iso3"], row["name"] if row["exact_case"] else None)
        if row["kind"] == "demonym" and not row["name"].endswith(("ese", "sh", "ch", "ss", "s")):
            # "overseas Filipinos", "Russians": the people, in the plural
            plural = row["name"] + "s"
            index.setdefault(plural.lower(), (row["iso3"], plural if row["exact_case"] else None))
    widths: dict[str, int] = {}
    for name in index:
        first = name.split()[0].rstrip(".")
        widths[first] = max(widths.get(first, 0), len(name.split()))
    return index, widths


def find_countries(text: str) -> list[Mention]:
    """Every country named in ``text`` (by name, demonym or capital), in order."""
    index, _ = _index()
    if has_odd_spaces(text):
        text = ODD_SPACE.sub(" ", text)  # "New\u00a0Zealand": a space, one for one
    # Text written all in one case says nothing by its case: read names regardless,
    # but for short abbreviations ("us", "eu") that are words in lower case.
    caseless = text.isupper() or text.islower()
    mentions: list[Mention] = []
    last_end = 0
    non = "non-" in text or "NON-" in text  # "non-EU countries" are not the EU
    slash = "/" in text  # "the Oman/Dubai average" is a price, no country
    # One scan for the longest name at each place: of the lower-cased text when it is
    # written in one case, else from each capital. "The" starts a few names and most
    # sentences, so there it is looked for on its own and the name read word by word.
    if caseless:
        candidates = list(_caseless_names().finditer(lexicon.lower(text)))
    else:
        candidates = list(_names().finditer(text))
        extra = [m for pattern in (_THE, *_small_letter_names()) for m in pattern.finditer(text)]
        if extra:
            candidates = sorted([*candidates, *extra], key=Match.start)
    for candidate in candidates:
        start, end = candidate.span()
        if start < last_end:
            continue
        if candidate.re is _THE and not text[end + 1 : end + 2].isupper():
            continue  # "The talks", "The visit": a name after "The" is capitalised
        hit = _lookup(index, text[start:end], caseless) if candidate.re is not _THE else None
        if (
            hit is None
            and caseless
            and text[start:end].lower() == "us"
            and (_THE_BEFORE.search(text, 0, start) or _US_BEFORE_NOUN.match(text, end))
        ):
            hit = "USA"  # "exports to the us", "us goods imports": the pronoun takes neither
        mention = Mention(start, end, hit) if hit is not None else _by_words(text, start, caseless)
        if mention is not None and not mention.iso3:
            last_end = mention.end  # "Latin America", "the South China Sea": a place, no country
            continue
        # "non-EU countries" are not the EU
        if (
            mention is not None
            and not _in_europe(text, mention)
            and not (non and text[max(0, mention.start - 4) : mention.start].lower() == "non-")
            and not (slash and _names_a_benchmark(text, mention))
        ):
            mentions.append(mention)
            last_end = mention.end
    lines = itertools.islice(_CAPS_LINE.finditer(text), 16) if not caseless else ()
    if headlines := [line.span() for line in lines if line.group().isupper()]:
        # "BRAZIL-CHINA TRADE HITS RECORD $157.5 BLN" over a report in mixed case: a line in
        # capitals is read as one, like a text all in capitals
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in headlines)]
        for a, b in headlines:
            mentions += [Mention(m.start + a, m.end + a, m.iso3) for m in find_countries(text[a:b])]
        mentions.sort(key=lambda m: m.start)
    return mentions


# A line in capitals: two capitals in a row, no small letter; the first few of a text are its
# headlines, and a text of many such lines is read no slower than its length
_CAPS_LINE = re.compile(r"^(?=[^a-z\n]*[A-Z]{2})[^a-z\n]+$", re.M)


def _names_a_benchmark(text: str, mention: Mention) -> bool:
    """Whether a name is one of a price benchmark's, joined by a slash: "a premium over the
    Oman/Dubai average"."""
    joined = text[mention.end : mention.end + 1] == "/" or text[mention.start - 1 : mention.start] == "/"
    return joined and _BENCHMARK_AFTER.match(text, mention.end) is not None


_BENCHMARK_AFTER = re.compile(
    r"(?i)(?:/[\w-]+)*\s+(?:average|benchmark|marker|quotes?|quotations|spread)s?\b"
)


def _in_europe(text: str, mention: Mention) -> bool:
    """ "its largest European partner", "the biggest EU buyer": one country of the EU, not it."""
    if mention.iso3 != "EUU":
        return False
    name = text[mention.start : mention.end].lower()
    if name == "european":
        return bool(_ONE_OF_EUROPE.match(text, mention.end))
    return name == "eu" and bool(_ONE_OF_THE_EU.match(text, mention.end))


def _by_words(text: str, start: int, caseless: bool) -> Mention | None:
    """The longest name of up to the widest name's words from ``start``, as the case allows."""
    index, widths = _index()
    first = _TOKEN.match(text, start)
    if first is None:
        return None
    width = widths.get(first.group().lower().rstrip("."), 0)
    if not width:
        return None
    window = [first]
    while len(window) < width and text.startswith(" ", window[-1].end()):
        following = _TOKEN.match(text, window[-1].end() + 1)
        if following is None:
            break
        window.append(following)
    for n in range(len(window), 0, -1):
        start, end = window[0].start(), window[n - 1].end()
        hit = _lookup(index, text[start:end], caseless)
        if hit is None and text[end - 1] == ".":
            end -= 1
            hit = _lookup(index, text[start:end], caseless)
        if hit is not None:
            return Mention(start, end, hit)
    return None


_NAME_END = r"(?![^\W\d_]|\.[^\W\d_])"


@cache
def _caseless_names() -> re.Pattern[str]:
    """Every name, as whole tokens (``_TOKEN``), in lower-cased text."""
    # Words of a name are one space apart, as written; the longest name wins.
    return re.compile(rf"(?<![^\W\d_])(?:{lexicon.alternation(list(_index()[0]), loose=False)}){_NAME_END}")


@cache
def _names() -> re.Pattern[str]:
    """Every name but those starting "the ", as whole tokens, in text written in both cases.

    A name starts with a capital; the rest is read in any case and checked by
    ``_lookup``. Each branch opens with its first letter, so the engine skips fast
    from one capital to the next.
    """
    written = [name[0].upper() + name[1:] for name in _index()[0] if not name.startswith("the ")]
    words = lexicon.at_word_start(written, loose=False, rest_any_case=True)
    return re.compile(rf"{words}{_NAME_END}")


@cache
def _small_letter_names() -> tuple[re.Pattern[str], ...]:
    """Names the lexicon writes with a small first letter ("mainland China", "eurozone"),
    one scan each: a pattern opening with a word is found as fast as a capital, while
    small letters among the capitals would have the name scan stop at every "e"."""
    return tuple(
        re.compile(rf"{re.escape(name)}(?<![^\W\d_]{re.escape(name)}){_NAME_END}")
        for name in (r["name"] for r in lexicon.rows("countries.csv"))
        if name[0].islower()
    )


def _lookup(index: dict[str, tuple[str, str | None]], name: str, caseless: bool = False) -> str | None:
    entry = index.get(name.lower())
    if entry is None:
        return None
    exact = entry[1]
    if (
        exact is not None
        and exact != name
        and not (caseless and (name.isupper() or len(name) > 3 or name.lower() not in _ALSO_WORDS))
    ):
        return None
    return entry[0]


# Short names written in capitals that are words too: in lower-case text "us" is a pronoun,
# while "eu", "uk" and "uae" can only be the names.
_ALSO_WORDS = frozenset({"us"})
_THE_BEFORE = re.compile(r"(?i)\bthe\s$")
_US_BEFORE_NOUN = re.compile(
    r"(?i)(?:-(?=[a-z])|\s+(?:goods|imports|exports|tariffs?|trade|sanctions|market|markets|economy|dollars?"
    r"|treasury|president|officials|buyers|importers|exporters|companies|firms|customs|census|consumers"
    r"|farmers|soybeans?|corn|wheat|lng|crude|oil|gas|chips?|deficit|surplus|government|administration|commerce)\b)"
)
# Between two countries of a list: "Japan, South Korea and the United States".
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?")


# the name alone, as for every country: "the kingdom's" is its possessive
_THE_KINGDOM = re.compile(r"(?<!United )\b[Tt]he\s+[Kk]ingdom\b(?!\s+of\b)")


def kingdom_mentions(text: str, ranked: list[tuple[str, int]]) -> list[Mention]:
    """ "The kingdom's non-oil exports" in a report on Saudi Arabia: the kingdom the text names
    most (``ranked``, most named first), as a mention wherever it is called so."""
    kingdoms = frozenset(lexicon.column("kingdoms.csv", "iso3"))
    code = next((c for c, _ in ranked if c in kingdoms), "")
    return [Mention(m.start(), m.end(), code) for m in _THE_KINGDOM.finditer(text)] if code else []


# A possessive owning a tariff ("'s 25% tariffs", "'s counter-tariffs"): opening on the
# apostrophe, the engine skips the text to them, and few are followed by a tariff
_POSSESSED_POLICY = re.compile(
    r"['’][sS]\s+(?:[\w%$.-]+\s+){0,3}?(?i:(?:\w+-)?(?:tariffs?|duties|duty|levies|levy|sanctions))\b"
)
_NAME_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,12}$")


@cache
def _leaders() -> dict[str, str]:
    return {r["name"].lower(): r["iso3"] for r in lexicon.rows("leaders.csv")}


def policy_owner_mentions(text: str) -> list[Mention]:
    """ "Trump's 25% tariffs", "Carney's counter-tariffs", "Trump has threatened 25% tariffs": a
    leader owning or imposing a policy stands for the country that imposes it
    (``lexicon/leaders.csv``), in any case, as copy in capitals names him; named otherwise, a
    leader is no country ("a gap Donald Trump has promised to close")."""
    leaders = _leaders()
    found = []
    for policy in _POSSESSED_POLICY.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, policy.start() - 12), policy.start())
        if name is not None and (code := leaders.get(name.group().lower())):
            found.append(Mention(name.start(), name.end(), code))
    for word in _POLICY_WORDS:
        # a substring search to each tariff word, then its few words before: scanning the
        # whole text with a verb pattern costs ten times as much. A tariff word after its
        # imposer is in lower case but in copy all in capitals, which is read in lower case.
        at = text.find(word)
        while at >= 0:
            verb = _IMPOSED.search(text, max(0, at - _SUBJECT_REACH), at)
            subject = _SUBJECT_BEFORE.search(text, max(0, verb.start() - 24), verb.start()) if verb else None
            if subject is not None and (code := leaders.get(subject.group(1).lower())):
                found.append(Mention(subject.start(1), subject.end(1), code))
            at = text.find(word, at + len(word))
    # a leader before two tariff words is one mention
    return sorted({m.start: m for m in found}.values(), key=lambda m: m.start) if len(found) > 1 else found


_POLICY_WORDS = ("tariff", "dut", "levy", "levies")  # "dut": duty, duties
_SUBJECT_REACH = 40
# "Trump has threatened 25% tariffs", "Trump slapped a 10% levy": the leader who imposes it,
# named before the verb (in lower case: copy all in capitals is read in lower case)
_IMPOSED = re.compile(
    r"\b(?:threatened|threatens|imposed|imposes|slapped|slaps|announced|announces|levied|levies|raised"
    r"|raises|hiked|hikes|ordered|orders|proposed|proposes)\s+(?:[\w%$.-]+\s+){0,3}?"
    r"(?:counter-|retaliatory\s+|new\s+|extra\s+)?$"
)
_SUBJECT_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,12})\s+(?:(?:has|had|have|will|would)\s+)?$")


_THE_MAINLAND = re.compile(r"\b[Tt]he\s+(?:Chinese\s+)?[Mm]ainland\b(?!\s+China)")
_OFFSHORE_CHINESE = frozenset({"HKG", "MAC", "TWN"})


def mainland_mentions(text: str, ranked: list[tuple[str, int]]) -> list[Mention]:
    """ "Re-exports to the mainland" in a report on Hong Kong, Macau or Taiwan: China."""
    if not any(code in _OFFSHORE_CHINESE for code, _ in ranked):
        return []
    return [Mention(m.start(), m.end(), "CHN") for m in _THE_MAINLAND.finditer(text)]


def ranked_countries(mentions: list[Mention]) -> list[tuple[str, int]]:
    """The countries a document names, most often named first (ties by first named), with counts."""
    return Counter(m.iso3 for m in mentions).most_common()


def second_stands_out(ranked: list[tuple[str, int]]) -> bool:
    """Whether a document is about a pair: its second country named twice or more, and more
    often than the third. A report on Brazil's trade that names China, the US and Argentina
    once each is about Brazil, not Brazil and China."""
    return len(ranked) >= 2 and ranked[1][1] >= 2 and (len(ranked) == 2 or ranked[2][1] < ranked[1][1])


@cache
def _currency_after() -> re.Pattern[str]:
    words = {w for r in lexicon.rows("currencies.csv") for w in r["names"].split("|") if w and " " not in w}
    return re.compile(rf"(?i)\s*(?:{lexicon.alternation(sorted(words))})\b")


# Words that leave a country out of a flow: "exports outside the EU", "other than the US"
_LEAVING_OUT = r"outside|beyond|other\s+than|excluding|except"
_OUTSIDE = re.compile(rf"(?i)\b(?:{_LEAVING_OUT})(?:\s+for)?\s+(?:of\s+)?(?:the\s+)?$")
# Tested for by their tails first: a text in capitals is read in lower case, so a word is in
# lower case or opens a sentence
_OUTSIDE_WORDS = re.compile(rf"(?i){_LEAVING_OUT}")


def names_outside(text: str) -> bool:
    """Whether a text has a word that leaves a country out ("outside", "other than"): most have
    none, and their names need no look behind them. Substring tests first: a scan for the words
    in any case cost 25 ms per MB, these a few."""
    return (
        "utside" in text or "eyond" in text or "ther than" in text or "xclud" in text or "xcept" in text
    ) and bool(_OUTSIDE_WORDS.search(text))


def named_as_outside(text: str, mention: Mention) -> bool:
    """Whether a name marks what a flow leaves out: "exports outside the EU" are with no one
    country, and not with the EU; nor are "imports from countries other than the United States"
    with the United States."""
    return bool(_OUTSIDE.search(text, max(0, mention.start - 20), mention.start))


def naming_currency(text: str, mention: Mention) -> bool:
    """Whether a name stands for its currency or a unit: "U.S. dollars", "Hong Kong dollars",
    "US$", "fell by $2.6-billion (U.S.)", "per million British thermal units"."""
    return (
        text.startswith("$", mention.end)
        or bool(_UNIT_AFTER.match(text, mention.end))
        or bool(_currency_after().match(text, mention.end))
        or (
            text.startswith(")", mention.end)
            and bool(_AMOUNT_OPENING_BRACKET.search(text, max(0, mention.start - 16), mention.start))
        )
    )


_UNIT_AFTER = re.compile(r"(?i)\s+thermal\s+units?\b")
_AMOUNT_OPENING_BRACKET = re.compile(r"(?i)(?:\d|illion|\b[bmt]n|\bbln|\bmln)\s*\($")


def is_bilateral(text: str) -> bool:
    """Whether ``text`` speaks of two parties without naming them ("bilateral", "between them")."""
    return bool(_BILATERAL.search(text.lower()))


def join_codes(codes: set[str] | tuple[str, ...]) -> str:
    return ";".join(sorted(set(codes)))


@cache
def _short_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in lexicon.rows("countries.csv"):
        if row["kind"] in ("short", "bloc"):
            names.setdefault(row["iso3"], row["name"])
    return names


def display_name(iso3: str) -> str:
    """The name an analyst knows a country by: "Russia", not "Russian Federation"."""
    if iso3 in _short_names():
        return _short_names()[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or getattr(country, "name", None) or iso3


# Currencies used well beyond one country: the dollar and the euro, and ISO 4217's X-codes.
_SHARED_CURRENCIES = frozenset({"USD", "EUR"})


@cache
def currency_country(code: str) -> str:
    """The country whose national currency ``code`` is ("INR" -> "IND"): ISO 4217 codes open
    with the issuer's ISO 3166 alpha-2 code. "" for a currency many countries use."""
    if code in _SHARED_CURRENCIES or code.startswith("X") or len(code) != 3:
        return ""
    country = pycountry.countries.get(alpha_2=code[:2])
    return country.alpha_3 if country is not None else ""


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(r["name"].lower() for r in lexicon.rows("countries.csv") if r["kind"] == "demonym")


def is_origin(text: str, mention: Mention) -> bool:
    """Whether a country is named as where goods come from, by its demonym before them:
    "Brazilian soybeans", "Russian oil"."""
    return (
        text[mention.start : mention.end].lower() in _demonyms()
        and text[mention.end : mention.end + 1] == " "
    )


def speaks_of_two(words: str) -> bool:
    """``is_bilateral``, after substring tests that spare most clauses the scan."""
    return (
        "two" in words or "ilateral" in words or "oth " in words or " them" in words or "pair" in words
    ) and is_bilateral(words)


def list_with(text: str, mentions: list[Mention], mention: Mention) -> set[str]:
    """The countries of the list ``mention`` stands in ("Brazil, Argentina and Uruguay"), itself
    alone when in none."""
    lo = hi = mentions.index(mention)
    while lo > 0 and LIST_GAP.fullmatch(text, mentions[lo - 1].end, mentions[lo].start):
        lo -= 1
    while hi + 1 < len(mentions) and LIST_GAP.fullmatch(text, mentions[hi].end, mentions[hi + 1].start):
        hi += 1
    return {m.iso3 for m in mentions[lo : hi + 1]}
