"""A figure's context within its sentence: its clause and part, the countries named near it,
the time expression nearest it, whether the sentence continues the one before.

Rules (FIGURES.md): a time expression covers the figures of its sentence; a figure with
none takes the period of the figure its sentence continues. Whose figures they are is
decided in ``parties`` from what this module finds.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any, NamedTuple

from mypy_extensions import mypyc_attr

from dashboard.countries import Mention, is_bilateral, names_outside
from dashboard.figures import Span
from dashboard.forecasts import is_forecast
from dashboard.period_calendar import is_whole_month
from dashboard.periods import Period
from dashboard.roles import TOP_RANK

# Patterns searched through sentences open with a character or set, and look behind
# it for a word's start: Python's engine skips straight to such a character, but
# tries a pattern that opens with a look-behind (or \b) at every position.
#
# Clauses break at ; : and , and at "while", "but" or a dash between spaces.
# So does a relative clause opened by "that" and a modal: "power plants that should add".
_CLAUSE_BREAK = re.compile(
    r"[;:,\s](?:(?<=[;:,])\s+|(?<=\s)\s*(?:while|whereas|but|[–—])\s+"
    r"|(?<=\s)\s*(?=that\s+(?:should|will|would|could|can|may|might|must)\b))",
    re.I,  # "WHILE", "THAT SHOULD" in text written in capitals
)
# A sentence that opens by pointing back ("This is an increase of 40%", "That was
# 13% of ...") or leans on what came before ("of that", "of the total").
_OPENS_POINTING_BACK = re.compile(
    r"""[\s"'“‘(]*(?:this|that|it|which|these|those|the\s+(?:[\w-]+\s+)?(?:figure|reading)"""
    r"""|the\s+increase|the\s+rise"""
    # "They were up 25%": "they" that rose or fell are the flows before, not the officials
    r"""|they\s+(?:were\s+(?:up|down)|rose|fell|grew|climbed|jumped|surged|soared|dropped|declined"""
    r"""|slid|slumped|plunged|tumbled|shrank|increased|decreased|totall?ed|amounted|accounted|made\s+up))\b""",
    re.I,
)
# A sentence that opens by leaving the statement before: "Separately, ...".
_TURNS_AWAY = re.compile(
    r"""[\s"'“‘(]*(?:separately|elsewhere|in\s+other\s+news|in\s+a\s+separate\s+\w+|on\s+another\s+front)\b""",
    re.I,
)
_SEPARATE = re.compile(r"(?i)\bin\s+a\s+separate\s+(?:statement|report|release|note|briefing)\b")
_OF_THAT = re.compile(r"o(?<!\wo)f\s+(?:that|this|the\s+total|those)\b")  # over lower-cased text
# A target set on the figure before: "aims to lift the figure to $100 billion", "wants to
# bring that to ...". Over lower-cased text.
_RAISES_THAT = re.compile(
    r"\s(?:lift|rais|boost|increas|bring|tak|push|grow|expand|doubl|tripl)\w*\s+"
    r"(?:the\s+(?:figure|total|amount|volume|tally)|it|that|this)\s+(?:to|by)\s"
)
# What every such target holds, and few other sentences: looked for before the pattern runs.
_RAISED = tuple(
    f"{what} {to} "
    for what in (" it", " that", " this", "figure", "total", "amount", "volume", "tally")
    for to in ("to", "by")
)
# Words that make a figure hold "now" rather than over a period: "now", and a
# statement in the present tense ("China accounts for 13% of ..."). Over lower-cased text.
# "is expected to", "are likely to": a guess at some time or other, not how things stand now
_GUESSED = (
    r"(?!\s+(?:expected|forecast|estimated|projected|seen|likely|set\s+to|due\s+to|poised|on\s+track)\b)"
)
_NO_PERIOD = re.compile(
    r"(?:n(?<!\wn)ow(?:adays)?|c(?<!\wc)(?:urrently|ontrols|onsumes)"
    r"|a(?<!\wa)(?:t\s+present|re" + _GUESSED + r"|ccounts?\s+for|bsorbs)"
    r"|i(?<!\wi)s" + _GUESSED + r"|m(?<!\wm)akes?\s+up|r(?<!\wr)(?:epresents?|emains?|eceives)|t(?<!\wt)akes"
    r"|s(?<!\ws)(?:ends|tands\s+at|ells)|b(?<!\wb)uys|g(?<!\wg)ets|h(?<!\wh)olds|p(?<!\wp)(?:rovides|roduces)|e(?<!\we)xceeds"
    # "China and Hong Kong, which take about 40% of the total": the plural, after its pronoun
    r"|w(?<!\ww)hich\s+(?:take|buy|receive|absorb|get|hold|represent|remain)"
    # "supplies more than half": the verb; "energy supplies to China" is the noun
    r"|s(?<!\ws)uppl(?:ies|y)(?=\s+(?:more|less|about|around|nearly|almost|roughly|some|over|under|just|close|half"
    r"|an?\s|\d|[$€£¥₹])))\b"
)
_SAYS_NOW = re.compile(r"(?:n(?<!\wn)ow(?:adays)?|c(?<!\wc)urrently|a(?<!\wa)t\s+present)\b")
# The present perfect before a figure ("the bank has pledged $5 billion") states what
# stands now, too; not "expected to have fallen", a guess at a past time. Over lower-cased text.
_PERFECT = re.compile(r"h(?<!\wh)a(?:s|ve)\b(?<!\bto\shave)")
# A subject with no verb or figure: "Remittances", "China's coal imports"
_SUBJECT_ONLY = re.compile(r"[A-Za-z][\w'’ -]*")
_LED_BY = re.compile(r"(?i)\s*(?:led|headed|dominated)\s+by\b")
_RELATIVE = re.compile(r"(?:which|who|whose|that)\b", re.I)
# "a transshipment hub for ...": an aside saying what the country is; not one ranking it as a
# buyer or seller of something ("the largest EU importer of Algerian gas"), whose origin counts
_DESCRIBING = re.compile(
    r"\s*an?\s+(?!(?:year|month|quarter|week|day)\b)(?![^,;]*\b(?:importer|buyer|customer|market"
    r"|exporter|supplier|seller|producer|purchaser)s?\b)[a-z]"
)
_RESTATED_CHANGE = re.compile(
    r"(?i)\s*(?:which|that)\s+(?:is|was|represents|represented|marks|marked)\s+[^,;]{0,40}?"
    r"\b(?:more|less|higher|lower|up|down|increase|rise|growth|gain|jump|drop|fall|decline|decrease)\b"
)
# The words ``ranks`` names a rival after: substring tests, several times cheaper than a
# scan ignoring case, say whether to look closer.
_RIVAL_WORDS = ("ahead", "followed", "trailed", "behind", "overt", "surpass", "outpac", "displac", "edg")
# An aside naming what something is now: "Russia, now India's top supplier, ...".
_NOW_APPOSITIVE = re.compile(r"now\s+(?:the|its|their|a|an|[A-Z][\w.]*['’]s)\s", re.I)
# Between a figure and the country it is of: "$427.2 billion from China", "9% for Japan".
_PARTY_WORD = re.compile(r"\s+(?:from|for|to|of|in|with|by)\s+(?:the\s+)?", re.I)
_GENERAL_METRICS = frozenset({"tariff", "capacity", "price cap", "quota", "reserves", "debt"})
# A clause about the country named just before it: "toward the UAE, where imports jumped",
# "after China, which took 216 million tonnes", "after China, with $13.7 billion".
ABOUT_THE_ONE_BEFORE = re.compile(
    # "after China, with which trade reached $7.1 billion": a preposition may lead the pronoun
    r"\s*(?:(?:with|to|from|in)\s+(?=wh))?(?:where|which|whose|with(?=\s+[$€£¥₹\d]))\b",
    re.I,
)
# A clause opening a new part of its sentence, with its own subject: ", while imports fell".
# ", with cocoa beans to the Netherlands accounting for N295 billion": a part of its own too.
# ", as exports to China slumped 11.4%": a reason with a subject of its own; not "as well as",
# "as much as", "as of March", "as a share of".
_PART_OPENING = re.compile(
    r"\s*(?:while|whereas|but|(?:al)?though|with|[–—]|as(?!\s+(?:well|much|many|of|a|an|part|compared|against|high|low"
    r"|far|long|soon|recently|early|late|expected|forecast|planned|agreed|reported|such|usual|shown)\b)"
    # ", dragged down by a 27.7% plunge in shipments to China": a cause with a figure of its own
    r"|(?:(?:dragged|weighed|pulled|held)\s+down|driven|led|helped|boosted|buoyed|supported|propelled"
    r"|fuell?ed|lifted|hit|hurt|dented)\s+by)\s",
    re.I,
)


class Clause(NamedTuple):  # a tuple: sentences make many, and tuples are cheap
    start: int
    end: int


def clauses(text: str) -> list[Clause]:
    """The clauses of a sentence, split at commas, semicolons and "while"."""
    out, start = [], 0
    for brk in _CLAUSE_BREAK.finditer(text):
        out.append(Clause(start, brk.start()))
        start = brk.end()
    out.append(Clause(start, len(text)))
    return out


def points_back(sentence: str, named: list[Mention] | None = None, before: set[str] | None = None) -> bool:
    """Whether a sentence continues the statement before: it opens by pointing back ("That
    was 13% of ..."), or leans on its total ("of the total") or sets a target on it ("to
    lift the figure to ...") while naming none but its countries (``named``, and the
    statement before's, ``before``)."""
    if _OPENS_POINTING_BACK.match(sentence):
        return True
    lower = sentence.lower()
    if not (_OF_THAT.search(lower) or (any(map(lower.__contains__, _RAISED)) and _RAISES_THAT.search(lower))):
        return False
    return not (named and before and before.isdisjoint(m.iso3 for m in named))


def opens_pointing_back(sentence: str) -> bool:
    """Whether a sentence opens by pointing back: "This is ...", "It was ...", "The figure ..."."""
    return bool(_OPENS_POINTING_BACK.match(sentence))


def turns_away(sentence: str) -> bool:
    """Whether a sentence starts a new statement: "Separately, ...", "..., the ministry said in
    a separate statement"."""
    return bool(_TURNS_AWAY.match(sentence)) or ("separate" in sentence and bool(_SEPARATE.search(sentence)))


def says_now(text: str) -> bool:
    """Whether words say "now" outright ("now", "currently"), not only by a present tense."""
    return bool(_SAYS_NOW.search(text.lower()))


def holds_now(sentence: str) -> bool:
    """Whether a sentence states how things stand now rather than what happened over a time.
    Not by a verb that only names a flow: "the gap between what the United States sells and
    what it buys rose 2.3%"."""
    lower = sentence.lower()
    if _NO_PERIOD.search(lower) is None:
        return False
    if "what " not in lower and not any(map(lower.__contains__, _CONDITIONS)):
        return True
    return any(
        not (m.start() > 5 and _NOT_STATED_BEFORE.search(lower, max(0, m.start() - 40), m.start()))
        for m in _NO_PERIOD.finditer(lower)
    )


# "what it buys", "once inflation is stripped out": a present that names a flow or a
# condition, not how things stand
_NOT_STATED_BEFORE = re.compile(r"\b(?:what|once|if|unless|whenever)\s+(?:[\w.'’-]+\s+){1,4}$")
_CONDITIONS = ("once ", "if ", "unless ", "whenever ")


def is_general(metric: str) -> bool:
    """Tariff rates and capacities are standing levels, not flows over a period."""
    return metric in _GENERAL_METRICS


# Compiled (setup.py), a class keeps a __dict__ for ``lazy`` to fill only as a non-native one.
@mypyc_attr(native_class=False)
class lazy:  # lower case: a decorator, like the functools one it stands in for
    """``functools.cached_property`` without the lock Python 3.11 takes on each first read:
    a sentence's context is read by one thread, and is built for every sentence with figures."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name  # a compiled method has no __name__ of its own

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@mypyc_attr(native_class=False)
class SentenceContext:
    """What one sentence says around its figures, computed once and looked up per figure.

    Every lookup is by bisection or cached per clause, so a sentence with many
    figures costs time in proportion to its length, not its length squared.
    """

    def __init__(self, text: str, mentions: list[Mention], periods: list[Period], spans: list[Span]) -> None:
        self.text = text
        self.parts = clauses(text)
        self.clause_starts = [c.start for c in self.parts]
        self.spans = spans
        self.span_starts = span_starts = [s.start for s in spans]
        self.has_multiple = any(s.kind == "multiple" for s in spans)
        # A country inside a figure is its currency's ("US$"), not a party to it; nor are those
        # a rank is counted after ("its third-largest market after China and the United States"),
        # nor the scene of an event ("before the invasion of Ukraine").
        scenes = (
            "invasion" in text
            or "war " in text
            or "conflict" in text
            or "crisis" in text
            or "fighting" in text
        )
        self.mentions = [
            m
            for m in mentions
            if not _inside(m.start, spans, span_starts) and not (scenes and _scene(text, m))
        ]
        # Countries a rank is counted after that a relative clause goes on about ("ahead of Saudi
        # Arabia, whose shipments fell 6.5%"): that clause's antecedent, no party elsewhere
        self.antecedents_only: frozenset[int] = frozenset()
        if len(self.mentions) > 1 and (
            "after" in text
            or "behind" in text
            or "ahead" in text
            or "overt" in text
            or "surpass" in text
            or "displac" in text
        ):
            ranked_after, kept = _ranked_after(text)
            if ranked_after:
                self.mentions = [
                    m for m in self.mentions if not any(a <= m.start < b for a, b in ranked_after)
                ]
            if kept:
                self.antecedents_only = frozenset(
                    m.start for m in self.mentions if any(a <= m.start < b for a, b in kept)
                )
        self.mention_starts = [m.start for m in self.mentions]
        self.first_mention: dict[str, Mention] = {}
        for m in self.mentions:
            self.first_mention.setdefault(m.iso3, m)
        self.in_sentence = set(self.first_mention)
        self.periods = [p for p in periods if not _covers_a_span(p, spans, span_starts)]
        self.period_offsets = [p.offset for p in self.periods]
        self._clause_countries: dict[tuple[int, int], set[str]] = {}
        self._clause_now: dict[int, bool] = {}
        self._parts: dict[int, Clause] = {}

    # Most figures carry their own period and countries: these are read when one needs them.
    @lazy
    def now(self) -> bool:
        if not holds_now(self.text):
            return False
        # "Shipments to China, which buys about half of the metal, climbed 21%": the aside's
        # present is the aside's alone
        asides = [c for c in self.parts if self.relative(c) or self._now_aside(c)]
        if not asides:
            return True
        return holds_now("".join(self.text[c.start : c.end] for c in self.parts if c not in asides))

    @lazy
    def whole_months(self) -> list[Period]:
        """The first two times the sentence names that are each one whole month."""
        return [p for p in self.periods if is_whole_month(p.start, p.end)][:2]

    @lazy
    def overtaken(self) -> tuple[int, int] | None:
        """Where the sentence tells one country overtook another in a ranking ("overtook China
        as Germany's largest trading partner"): from the verb to the end of the rank's first
        word; None where it does not."""
        lower = self.text.lower()
        if not ("overt" in lower or "surpass" in lower or "displac" in lower):
            return None  # most sentences name no overtaking: spare the scan
        if (m := _OVERTAKEN.search(self.text)) is None:
            return None
        return m.start(), m.end()

    @lazy
    def leaves_out(self) -> bool:
        """Whether the sentence has a word leaving a country out ("other than", "outside")."""
        return names_outside(self.text)

    @lazy
    def has_rival(self) -> bool:
        """Whether the sentence may name a rival in a ranking (``ranks.rivals_after``)."""
        lower = self.text.lower()
        return any(word in lower for word in _RIVAL_WORDS)

    @lazy
    def bilateral(self) -> bool:
        return is_bilateral(self.text)

    def clause(self, pos: int) -> Clause:
        return self.parts[max(0, bisect_right(self.clause_starts, pos) - 1)]

    def clause_countries(self, clause: Clause) -> set[str]:
        key = clause.start, clause.end  # a part starts where its first clause does
        if key not in self._clause_countries:
            lo = bisect_left(self.mention_starts, clause.start)
            hi = bisect_left(self.mention_starts, clause.end)
            self._clause_countries[key] = {
                m.iso3 for m in self.mentions[lo:hi] if m.start not in self.antecedents_only
            }
        return self._clause_countries[key]

    @lazy
    def asides(self) -> list[Clause]:
        """The clauses that describe the country right before them, once per sentence: "a
        transshipment hub for ...", "which buys about 85% of Australia's iron ore"; and those
        naming what leads a group: "Trade with countries outside the EU, led by the United
        States, grew 2.4%"."""
        found = []
        for before, part in itertools.pairwise(self.parts):
            if _LED_BY.match(self.text, part.start) and part.end < len(self.text) - 1:
                found.append(part)
            elif _DESCRIBING.match(self.text, part.start) or _RELATIVE.match(self.text, part.start):
                j = bisect_left(self.mention_starts, before.end) - 1
                if j >= 0 and not self.text[self.mentions[j].end : before.end].strip(" ,"):
                    found.append(part)
        return found

    def subject_aside(self, clause: Clause) -> bool:
        """Whether ``clause`` is set off right after a sentence's short subject, before its
        verb: "Remittances, equivalent to about 7.3% of GDP, are expected to grow"."""
        if len(self.parts) < 3 or clause != self.parts[1]:
            return False
        subject = self.text[self.parts[0].start : self.parts[0].end]
        return len(subject) <= 40 and _SUBJECT_ONLY.fullmatch(subject) is not None

    def described_in_aside(self, reach: Clause, figure: int) -> set[str]:
        """Countries named only in an aside that describes the country before it, outside the
        aside holding the ``figure`` (an offset) if one does: "Malaysia, a transshipment hub for
        Iranian and Venezuelan oil, supplied 1.45 million bpd"."""
        asides = [
            a for a in self.asides if reach.start <= a.start < reach.end and not a.start <= figure < a.end
        ]
        if not asides:
            return set()
        lo = bisect_left(self.mention_starts, reach.start)
        hi = bisect_left(self.mention_starts, reach.end)
        inside: set[str] = set()
        outside: set[str] = set()
        for m in self.mentions[lo:hi]:
            (inside if any(a.start <= m.start < a.end for a in asides) else outside).add(m.iso3)
        return inside - outside

    def part(self, clause: Clause) -> Clause:
        """The part of the sentence holding ``clause``: the clauses between two breaks that
        open parts ("Exports to China, its top market, rose 4%, while ...")."""
        if clause.start in self._parts:
            return self._parts[clause.start]
        i = bisect_left(self.clause_starts, clause.start)
        first = next(j for j in range(i, -1, -1) if self._opens_part(j))
        last = next(
            (j - 1 for j in range(i + 1, len(self.parts)) if self._opens_part(j)), len(self.parts) - 1
        )
        part = self._parts[clause.start] = Clause(self.parts[first].start, self.parts[last].end)
        return part

    def _opens_part(self, i: int) -> bool:
        """Whether clause ``i`` follows ";" or opens with "while" or "but", not only a comma."""
        if i == 0:
            return True
        at = self.parts[i - 1].end  # where the break starts
        return self.text[at] in ";:" or bool(_PART_OPENING.match(self.text, at + (self.text[at] == ",")))

    def perfect_before(self, clause: Clause, pos: int) -> bool:
        """Whether ``clause`` is in the present perfect up to ``pos``: "has pledged $5 billion"."""
        return bool(_PERFECT.search(self.text.lower(), clause.start, pos))

    def _now_aside(self, clause: Clause) -> bool:
        """Whether ``clause`` is an aside set off on both sides saying what a thing is now:
        ", now India's top supplier,"."""
        return (
            clause.start > 0
            and self.text.startswith(",", clause.end)
            and bool(_NOW_APPOSITIVE.match(self.text, clause.start, clause.end))
        )

    def relative(self, clause: Clause) -> bool:
        """Whether ``clause`` is set off as a relative clause: ", which halted in March 2023,"."""
        # Not the sentence's opening clause: "That was 13% of ..." points back.
        return clause.start > 0 and bool(_RELATIVE.match(self.text, clause.start, clause.end))

    @lazy
    def forecast(self) -> bool:
        """Whether the sentence looks ahead: "is expected to reach", "will double"."""
        return is_forecast(self.text)

    def clause_now(self, clause: Clause) -> bool:
        if clause.start not in self._clause_now:
            words = self.text[clause.start : clause.end]
            # "reached $8.3 billion in 2025, which is 12% more than in 2024": the change of the
            # figure before, restated, over its time
            restated = clause.start > 0 and _RESTATED_CHANGE.match(words) is not None
            self._clause_now[clause.start] = not restated and holds_now(words)
        return self._clause_now[clause.start]

    def fronted(self, period: Period) -> bool:
        """Whether a time expression opens the sentence as a clause of its own, and so covers
        all of it: "In the fiscal year that began in April, exports have doubled"."""
        first = self.parts[0]
        return period.offset <= 9 and period.stop >= first.end - 1 and first.end < len(self.text)

    def party_after(self, span: Span) -> bool:
        """Whether a country follows the figure as whose it is: "$427.2 billion from China"."""
        m = _PARTY_WORD.match(self.text, span.end)
        if m is None:
            return False
        i = bisect_left(self.mention_starts, m.end())
        return i < len(self.mention_starts) and self.mention_starts[i] == m.end()


# What follows a name that owns the noun after it: "China's share", "last year's 25% slump".
POSSESSIVE = re.compile(r"['’]s?\s")
_RANK_AFTER = re.compile(
    r"(?i)\b(?:second|third|fourth|fifth|sixth|seventh|no\.\s*\d)[\w-]*\b[^,.;]{0,40}?\b(?:after|behind)\s"
    # "the top supplier ahead of Saudi Arabia", "the island's biggest market after China"
    r"|\b(?:top|largest|biggest|leading|main)\b[^,.;]{0,40}?\b(?:ahead\s+of|after)\s"
)
# "Mexico overtook China as the top source of U.S. imports": the one overtaken is no party.
_OVERTAKEN = re.compile(
    r"(?i)\b(?:overt(?:ook|aken|akes|aking|ake)|surpass(?:ed|es|ing)?|displac(?:ed|es|ing))\s+"
    rf"(?P<who>[^,.;]{{1,40}}?)\s+as\s+(?:the\s+|its\s+|their\s+|[\w.]+['’]s\s+)?(?:{TOP_RANK}|no\.\s*\d"
    r"|number\s+\w+|second|third)\b"
)


_SCENE = re.compile(
    r"(?i)\b(?:invasion\s+of|war\s+(?:in|on|with)|conflict\s+in|crisis\s+in|fighting\s+in)\s+(?:the\s+)?$"
)


def _scene(text: str, mention: Mention) -> bool:
    """Whether a country is named as where an event happened: "the war in Ukraine"."""
    return bool(_SCENE.search(text, max(0, mention.start - 24), mention.start))


def _ranked_after(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The stretches naming what a rank is counted after ("after China and the United States")
    or whom it was taken from ("overtook China as the top source"); then those that a clause
    of their own goes on about ("after China, which took 216 million tonnes")."""
    stretches: list[tuple[int, int]] = []
    kept: list[tuple[int, int]] = []
    for m in _RANK_AFTER.finditer(text):
        stops = [at for at in (text.find(c, m.end()) for c in ",;.") if at >= 0]
        stop = min(stops, default=len(text))
        (kept if ABOUT_THE_ONE_BEFORE.match(text, stop + 1) else stretches).append((m.end(), stop))
    stretches.extend(m.span("who") for m in _OVERTAKEN.finditer(text))
    return stretches, kept


def _inside(pos: int, spans: list[Span], starts: list[int]) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i].start <= pos < spans[i].end


def _covers_a_span(period: Period, spans: list[Span], starts: list[int]) -> bool:
    """Whether a time expression overlaps a figure (the "2023" of "2,023 tonnes")."""
    i = bisect_right(starts, period.offset)
    return any(s.start < period.stop and period.offset < s.end for s in spans[max(0, i - 1) : i + 1])
