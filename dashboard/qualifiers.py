"""Bound and direction: the words just before and after a figure that qualify it."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from dashboard import lexicon
from dashboard.figures import Span

_LOOKBACK = 48
_VERB_REACH = 100
# "made up 20%", "set up": "up" that is part of a phrasal verb, not a rise.
_PHRASAL_UP = re.compile(r"(?i)\b(?:made|make|makes|making|set|sets|take|takes|took|taken|picks?)\s+$")
# "pick up to 3.3%", "ticked up to 5%": a phrasal verb of rising, then "to" a level.
_MOVES_UP = re.compile(
    r"(?i)\b(?:pick(?:s|ed|ing)?|tick(?:s|ed|ing)?|edg(?:e|es|ed|ing)|creep(?:s|ing)?|crept|mov(?:e|es|ed|ing)"
    r"|speed(?:s|ed|ing)?|sped|ramp(?:s|ed|ing)?|step(?:s|ped|ping)?|go(?:es)?|went|gone|shot|jump(?:s|ed)?"
    r"|revis(?:e|es|ed|ing)|adjust(?:s|ed|ing)?)\s+$"  # "June's figure was revised up to $11.0 billion"
)
# "between X and Y", "X to Y" with no change verb: the two ends of a range.
_OF = re.compile(r"(?i)\bof\s+$")
_ADDED_OF = re.compile(r"(?i)(?<![\w-])(?:extra|additional|added)\s+(?:[\w.'’-]+\s+){1,3}?of\s+$")
_CEILING_ON_RATES = re.compile(
    r"(?i)\s+(?:ceiling|cap)\s+on\s+(?:[\w.'’-]+\s+){0,3}?(?:tariffs?|duties|duty|levies|levy|rates?)\b"
)
# A verb setting a ceiling, its object between it and the figure: "caps imports from Brazil at"
_CAPS = re.compile(
    r"(?i)\b(?:caps|capped|capping|limits|limited|limiting)\s+(?!on\b)(?:[^\s,;]+\s+){0,5}?(?:at|to)\s*$"
)
_BETWEEN = re.compile(r"(?i)\b(?:between|from)\s+(?:about\s+|around\s+)?$")
_WORDS = re.compile(r"[\w.]+")
_EXPECTED_AFTER = re.compile(
    r"(?i)\s+(?:(?P<noun>increase|rise|gain|growth|drop|fall|decline)\s+)?"
    # "the 3.3% the WTO predicted in April": an organisation's forecast too
    r"(?:(?:that\s+)?(?:(?:economists|analysts|forecasters|markets?)\s+|the\s+(?:[\w.&'’-]+\s+){1,3}?)(?:had\s+)?)?"
    r"(?:expected|forecast|predicted|projected|estimated|consensus"
    # "well below the 26.3% growth seen for the whole of 2023": another time's change, as it was
    r"|seen|recorded|posted|registered|logged|reported"
    # "remain below the 78 million tonnes shipped in 2019": another time's level, as it was
    r"|shipped|exported|imported|sold|bought|delivered|supplied|contracted|agreed|planned|budgeted)\b"
)
_EXPECTED_CHANGE = dict.fromkeys(("increase", "rise", "gain", "growth"), "up") | dict.fromkeys(
    ("drop", "fall", "decline"), "down"
)
_SET_VALUE_AFTER = re.compile(
    # "cut the 50% U.S. tariff to 15%": a country's name or initials may stand before the noun
    r"(?i)(?:\s+(?:a|per)\s+[a-z]+)?(?:\s+(?:[a-z]\.(?:[a-z]\.)+|(?-i:[A-Z][\w'’-]*)))?\s+(?:price\s+)?(?:cap|target|goal|ceiling|limit|quota|threshold|benchmark"
    r"|rate|tariffs?|duty|duties|levy)\b"
)
_OVER_TIME = re.compile(
    r"(?i)\s+(?:(?:the|its|their)\s+(?:level|figure|value|volume|amount|total)s?|that|those)\s+(?:of|in|seen\s+in)\s+"
    r"(?:(?:19|20)\d\d\b|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+year|last\s+year)"
)
# "nearly six times the $10.1 billion recorded before the pandemic": an amount of an earlier time
_OVER_TIME_AMOUNT = re.compile(
    r"(?i)\s+the\s+[$€£¥₹]?\s?\d[\d.,]*\s*(?:[a-z]+\s+){0,2}?(?:(?:recorded|seen|posted|reported|registered)\s+)?"
    r"(?:(?:in|of)\s+(?:fiscal\s+|FY\s*)?(?:19|20)\d\d\b|before\b|a\s+(?:year|decade)\s+(?:earlier|ago|before)\b|(?:a\s+)?decades?\s+ago\b"
    r"|in\s+the\s+(?:previous|prior)\s+year\b|last\s+year\b)"
)
_BY = re.compile(
    r"(?i)\bby\s+(?:(?:another|a\s+further|an\s+(?:additional|extra|estimated))\s+)?(?:about\s+|around\s+|some\s+)?$"
)  # "grow by another 3% to 4%"
# A change foreseen, its size given as a range without "by": "expects sales to grow a further 5%
# to 10%"; in the past, "rose 5% to 10%" may be a change and the level it reached
_FORESEEN_CHANGE = re.compile(
    r"(?i)\b(?:to|will|would|could|may|might|should)\s+(?:grow|rise|increase|expand|climb|gain|fall|decline"
    r"|drop|shrink|contract)\s+(?:(?:another|a\s+further)\s+)?(?:about\s+|around\s+|some\s+)?$"
)
_DASH_ONLY = re.compile(r"^\s*[-–—]\s*$")
_AND_TO = re.compile(r"(?i)^\s+(?:and|to)\s+(?:about\s+|around\s+)?$")
# "range from 17.4% for BYD to 37.6% for SAIC": each end with whom or what it falls on
_RANGES_FROM = re.compile(r"(?i)\brang(?:e|es|ed|ing)\s+from\s+$")
_QUALIFIED_TO = re.compile(r"(?i)^\s+(?:for|on)\s+[^,;:.%$]{1,40}?\s+to\s+$")


@dataclass(frozen=True)
class _Patterns:
    # The last words of the bounds and of the words before a figure: a lead ending
    # in any other word needs no pattern run over it.
    bound_ends: frozenset[str]
    before_ends: frozenset[str]
    bounds: dict[str, str]
    bound: re.Pattern[str]
    before_words: dict[str, str]
    before: re.Pattern[str]
    after_words: dict[str, str]
    change: re.Pattern[str]  # any word of change: "rose from $5bn to $7bn" gives two levels, not a range
    after: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    bounds = {lexicon.fold(r["phrase"]): r["bound"] for r in lexicon.rows("bounds.csv")}
    by_role: dict[str, dict[str, str]] = {}
    for row in lexicon.rows("directions.csv"):
        by_role.setdefault(row["role"], {})[row["word"]] = row["direction"]
    before = {**by_role["verb"], **by_role["noun"], **by_role["adverb"]}
    after = {**by_role["after"], **by_role["noun"], **by_role["verb"]}
    return _Patterns(
        bound_ends=frozenset(_last_word(phrase) for phrase in bounds),
        before_ends=frozenset(
            [
                *(_last_word(phrase) for phrase in before),
                *("by", "of", "a", "an", "some", "about", "another", "further", "additional", "extra"),
                *("just", "only", "merely"),  # "grew just 1.6%"
                # "fell by a combined 13%", "rose an average 4%"
                *("combined", "cumulative", "average", "total", "collective", "overall"),
            ]
        ),
        bounds=bounds,
        bound=re.compile(rf"(?i)(?<![\w-])(?P<w>{lexicon.alternation(list(bounds))})\s*$"),
        before_words=before,
        before=re.compile(
            rf"(?i)(?<![\w-])(?P<w>{lexicon.alternation(list(before))})"
            # "rose a further 5%", "fell another 2%", "fell by a total of 3%"
            r"(?:\s+(?:by|of))?(?:\s+(?:just|only|merely))?(?:\s+(?:an?|some|about|another))?"
            r"(?:\s+(?:further|additional|extra|combined|cumulative|average|total|collective|overall)(?:\s+of)?)?\s*$"
        ),
        after_words=after,
        change=re.compile(
            rf"(?i)(?<![\w-])({lexicon.alternation([*by_role['verb'], *by_role['adverb']])})\b"
        ),
        # not "duties of 6.5% rising to 45%": the level it starts from
        after=re.compile(rf"(?i)\s*(?:-\s*)?(?P<w>{lexicon.alternation(list(after))})\b(?!\s+to\b)"),
    )


def qualify(text: str, start: int, end: int, floor: int = 0) -> tuple[str, str]:
    """The (bound, direction) of the figure at ``text[start:end]``.

    ``floor`` is where the sentence starts; nothing before it is read.
    """
    p = _patterns()
    lead = text[max(floor, start - _LOOKBACK) : start]
    verbs_end = start
    bound = "="
    last = _last_word(lead)
    if ("ceil" in (after := text[end : end + 10].lower()) or "cap" in after) and _CEILING_ON_RATES.match(
        text, end
    ):
        return "<=", ""  # "a 15% ceiling on U.S. tariffs": the rates are at most that
    if last in ("the", "a", "an", "its", "their") and _SET_VALUE_AFTER.match(text, end):
        # "above the $60 cap", "exceeding a $200 billion target": the value set, as set
        return bound, ""
    if last in ("the", "a", "an") and (expected := _EXPECTED_AFTER.match(text, end)):
        # "below the 11.1% expected by economists", "below a 3.0% gain forecast in a Reuters
        # poll": what was expected or seen, as it was, a change if it names one
        return bound, _EXPECTED_CHANGE.get((expected.group("noun") or "").lower(), "")
    if last in ("the", "between"):
        # "topped the $100 billion mark"; "grow by between 5% and 10%": the verb reads on
        lead = lead[: lead.lower().rfind(last)]
        last = _last_word(lead)
    # "roughly a three-fold jump", "about a 10% rise": the bound stands before the article
    probe, probe_last = lead, last
    if last in ("a", "an"):
        probe = lead[: lead.lower().rfind(last)]
        probe_last = _last_word(probe)
    if probe_last in p.bound_ends and (m := p.bound.search(probe)):
        if m.group("w").lower() == "up to" and _MOVES_UP.search(probe, 0, m.start()):
            return bound, ""  # "growth would pick up to 3.3%": the level risen to, not a cap
        bound = p.bounds[lexicon.fold(m.group("w"))]
        lead = probe[: m.start()]
        last = _last_word(lead)
        # the verb is read before the bound: "cut its exports by up to 30%" is no rise
        verbs_end = max(floor, start - _LOOKBACK) + m.start()
    if bound == "=" and last in ("at", "to") and _CAPS.search(lead):
        bound = "<="  # "caps beef imports from Brazil at 1.1 million tonnes": at most
    direction = ""
    if last in p.before_ends and (m := p.before.search(lead)) and not _PHRASAL_UP.search(lead, 0, m.start()):
        word = lexicon.fold(m.group("w"))
        # "above the contracted 22 bcm", "the reduced 10% rate", "a lower 10% duty": a
        # participle or comparative as an adjective
        if not (word.endswith(("ed", "lower")) and _DETERMINER_BEFORE.search(lead, 0, m.start())):
            direction = p.before_words[word]
    elif last == "of" and _ADDED_OF.search(lead):
        direction = "up"  # "extra EU duties of up to 35.3%": an added amount, named before its noun
    elif m := p.after.match(text, end):
        direction = p.after_words[lexicon.fold(m.group("w"))]
    elif _OVER_TIME.match(text, end) or (
        (text.startswith(" the ", end) or text.startswith(" THE ", end))
        and _OVER_TIME_AMOUNT.match(text, end)
    ):
        direction = "up"  # "three times the level of 2018": grown over the years since
    elif takes_off(text, max(floor, start - _LOOKBACK), start, end):
        direction = "down"  # "knock 1.5 percentage points off growth"
    elif last == "by" and (verbs := _change_words(p.change, _clause_before(text, verbs_end, floor))):
        # "cut its purchases of Brazilian goods by 7%": the verb stands before its object, which
        # may be long: "lifting China's share of the European electric car market by 4.2pp"
        direction = p.before_words.get(lexicon.fold(verbs[-1]), "")
    return bound, direction


def _change_words(change: re.Pattern[str], clause: str) -> list[str]:
    """The words of change in ``clause``, but not the "up" of "up to", a bound, nor a participle
    standing as an adjective ("exceeding the contracted volume by")."""
    return [
        m.group(1)
        for m in change.finditer(clause)
        if not (m.group(1).lower() == "up" and _TO.match(clause, m.end()))
        and not (m.group(1).lower().endswith("ed") and _DETERMINER_BEFORE.search(clause, 0, m.start()))
    ]


_TO = re.compile(r"\s+to\b")
_OFF = re.compile(r"(?i)\s+off\b")
# the verb taking an amount off what follows: "knock", "could shave as much as"
_TAKING = re.compile(
    r"(?i)\b(?:knock|shave|wipe|lop|chop|slice|take|took|taken)(?:s|ed|ped|d|ing|ping)?\s+"
    r"(?:(?:as\s+much\s+as|up\s+to|about|around|nearly|almost|another|a\s+further|an?)\s+)?$"
)


def takes_off(text: str, floor: int, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is taken off what follows it: "knock 1.5
    percentage points off growth", "shaved $2 billion off the surplus"."""
    return (
        text.startswith((" off", " Off", " OFF"), end)  # most figures have no "off" after them
        and bool(_OFF.match(text, end))
        and bool(_TAKING.search(text, max(floor, start - 40), start))
    )


# "beating a 9% forecast", "versus forecasts of 1.2%": what was expected of the change reported
_EXPECTATION_AFTER = re.compile(
    r"(?i)\s+(?:consensus\s+)?(?:forecast|estimate|expectation|projection|prediction)s?\b"
)
_EXPECTATION_BEFORE = re.compile(
    r"(?i)\b(?:(?:forecasts?|estimates?|expectations?|projections?|predictions?|consensus)\s+(?:of|for)\s+(?:an?\s+)?"
    # "versus an expected 1.5% decline" ("an estimated 5%" is a bound, not a forecast)
    r"|(?:an?|the)\s+(?:expected|forecast|projected|predicted|anticipated)\s+)$"
)


_AGAINST_A_TARGET = re.compile(
    # a shortfall is against the period's own target; "surpassing the $200 billion target" may
    # be reaching a later year's early
    r"(?i)\b(?:short\s+of|below|under|miss(?:ed|ing)?)"
    r"\s+(?:the|its|their|a|an)\s+$"
)
_TARGET_AFTER = re.compile(r"(?i)\s+(?:target|goal)\b")


def missed_target(text: str, span: Span) -> bool:
    """Whether the figure is a target or forecast a result fell short of ("short of the KSh
    200 billion target"): one for the result's own period."""
    return bool(
        (_TARGET_AFTER.match(text, span.end) or _EXPECTATION_AFTER.match(text, span.end))
        and _AGAINST_A_TARGET.search(text, max(0, span.start - 24), span.start)
    )


def names_expectation(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is what forecasters expected ("a 9% forecast",
    "forecasts of 1.2%", "the 3.3% the WTO predicted"): of the change it is set against, whose
    direction it shares."""
    return bool(
        _EXPECTATION_AFTER.match(text, end)
        or _EXPECTATION_BEFORE.search(text, max(0, start - 30), start)
        or _PREDICTED_AFTER.match(text, end)
    )


_PREDICTED_AFTER = re.compile(
    r"(?i)\s+(?:that\s+)?(?:economists|analysts|forecasters|the\s+(?:[\w.&'’-]+\s+){1,3}?)(?:had\s+)?"
    r"(?:expected|forecast|predicted|projected|estimated)\b"
)


_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|this|that)\s+\Z")


def _clause_before(text: str, start: int, floor: int) -> str:
    """The words of the clause before ``start``, up to a verb's reach."""
    lead = text[max(floor, start - _VERB_REACH) : start]
    return lead[max(lead.rfind(";"), lead.rfind(":")) + 1 :]


def _last_word(text: str) -> str:
    words = _WORDS.findall(text[-24:].lower())
    return words[-1] if words else ""


def range_bounds(text: str, spans: list) -> dict[int, str]:
    """Bounds of the figures that are ends of a range, by start offset: ``>=`` low, ``<=`` high."""
    bounds: dict[int, str] = {}
    for span in spans:
        if span.range_role:
            bounds[span.start] = ">=" if span.range_role == "low" else "<="
    for low, high in itertools.pairwise(spans):
        if low.kind != high.kind or low.unit != high.unit or low.range_role or high.range_role:
            continue
        gap = text[low.end : high.start]
        if _DASH_ONLY.match(gap):  # "$1.2bn-$1.5bn", "5%–7%"
            bounds[low.start], bounds[high.start] = ">=", "<="
            continue
        lead = text[max(0, low.start - 20) : low.start]
        if _QUALIFIED_TO.match(gap) and _RANGES_FROM.search(lead):
            bounds[low.start], bounds[high.start] = ">=", "<="
            continue
        if not _AND_TO.match(gap):
            continue
        if (
            low.kind == "percent"
            and gap.strip().lower() == "to"
            and (_BY.search(lead) or _FORESEEN_CHANGE.search(text, max(0, low.start - 40), low.start))
        ):
            bounds[low.start], bounds[high.start] = ">=", "<="  # "recover by 3% to 5%"
            continue
        if _OF.search(lead) and gap.strip().lower() == "to":
            if not _patterns().change.search(text, max(0, low.start - 40), low.start):
                bounds[low.start], bounds[high.start] = ">=", "<="  # "duties of 14.6% to 39.4%"
            continue
        if not (between := _BETWEEN.search(lead)):
            continue
        if between.group().lower().startswith("from") and _patterns().change.search(
            text, max(0, low.start - 40), low.start
        ):
            continue  # "rose from $5bn to $7bn": two levels, not a range
        bounds[low.start], bounds[high.start] = ">=", "<="
    return bounds
