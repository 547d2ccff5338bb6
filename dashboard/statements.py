"""What a sentence takes from the statement before it, and what a figure's own words change.

A figure with no period of its own takes the period of the figure its statement is
about (not a base it was compared with, nor a target); a metric left unnamed carries
on; "a year earlier" puts a figure a year back; a heading over a list gives its period
to the items. Which figure of a list goes with which listed country is ``lists``'s.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dashboard import context
from dashboard.countries import Mention, join_codes
from dashboard.figures import Figure, Span
from dashboard.forecasts import is_forecast
from dashboard.metrics import (
    MetricIndex,
    names_other_commodity,
    names_own_metric,
    subject_commodity,
)
from dashboard.period_calendar import back_a_year, count_of
from dashboard.periods import Period, find_periods
from dashboard.roles import flow_roles

_BALANCES = frozenset(
    {"trade deficit", "trade surplus", "trade balance", "current account deficit", "current account surplus"}
)
_A_YEAR_AFTER = re.compile(
    r"(?i)\s+(?:a|per|each)\s+year\b(?!\s+(?:ago|earlier|before|later|on)\b)|\s+annually\b"
    r"|\s+(?:of|in)\s+annual\b"  # "covering $18 billion of annual imports"
)
_OPENS_A_YEAR_EARLIER = re.compile(
    r"""[\s"'“‘(]*((?:a|one)\s+year\s+(?:earlier|ago|before)|(?:in\s+)?the\s+same\s+(?:period|month|quarter)\s+"""
    r"(?:a|last)\s+year)\b",
    re.I,
)
_COLLECTED = re.compile(r"(?i)\b(?:collect(?:s|ed|ing)?|revenues?|receipts|raised|brought\s+in|yielded)\b")
_TOTAL_BEFORE = re.compile(r"(?i)\btotal\s+$")
_HORIZON = re.compile(r"(?i)by\b")  # "by 2030": a target's year
_MEASURED_AGAINST = re.compile(
    r"(?i)\b(?:below|above|short\s+of|ahead\s+of|than|beat(?:ing)?|miss(?:ing|ed)?|exceed(?:ing|ed)?"
    r"|outpac(?:ing|ed))\s+(?:the|an?|analysts['’]?|economists['’]?|expectations|forecasts)\b"
)
_POSSESSED = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?")
_TARGET_AFTER = re.compile(r"(?i)\s+(?:target|goal)\b")
# "exceeding the target of $200 billion": a target whose time the clause does not give
_TARGET_BEFORE = re.compile(r"(?i)\b(?:target|goal)\s+of\s+(?:(?:about|around|some)\s+)?$")
_YEAR_EARLIER = re.compile(  # "from a $2.2 billion deficit a year earlier" too
    r"(?i)(?:\s+(?:deficit|surplus|shortfall|level|total))?"
    # "the 31.7 million tonnes shipped a year earlier"
    r"(?:\s+(?:shipped|exported|imported|sold|bought|delivered|supplied|recorded|registered|posted|seen))?"
    r",?\s+((?:a|one|the)\s+year\s+(?:earlier|ago|before)|(?:(?:in|during|for)\s+the\s+same\s+"
    r"(?:period|quarter|month|months|half)|(?:at|by)\s+the\s+same\s+(?:point|time|stage|date))"
    r"\s+(?:(?:a|last)\s+year|of\s+(?:the\s+)?(?:previous|prior)\s+year"
    # "3.9 million bpd in the same quarter of 2022": that many years back
    r"|a\s+year\s+(?:earlier|ago|before)|(?:of|in)\s+(?P<y>(?:19|20)\d\d)))\b"
)


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are
class Statement:
    """What a sentence says, for the sentence after it: its figures, and whom they are about."""

    figures: list[Figure]
    subject: str = ""  # the first country the sentence named other than as a partner
    text: str = ""  # the sentence, starting at ``at`` in the document
    at: int = 0
    named: list[Mention] = field(default_factory=list)  # its countries, by offsets into ``text``
    heading: dict[str, str] | None = None  # the period a heading over a list gives its items
    earlier: list[Figure] = field(default_factory=list)  # the document's figures so far
    # Read only when a figure needs them: most do not.
    _forecast: bool | None = None
    _lead: Figure | None = None
    _measured: Figure | None = None
    _roles: dict[str, str] | None = None

    def lead(self) -> Figure | None:
        """The figure the statement is about: its last that is not a base, a target, or a
        standing rate said in passing ("after tariffs of up to 250% took effect")."""
        if self._lead is None and self.figures:
            # Of a sentence all of whose figures measure the one before ("That beat the 8.0%
            # forecast and May's 7.6% rise"), one that kept the statement's time leads
            own = [f for f in reversed(self.figures) if not compared_with(f, self.at)] or [
                next(
                    (f for f in self.figures if f.period_text and f.period_text not in f.sentence),
                    self.figures[-1],
                )
            ]
            self._lead = next((f for f in own if not context.is_general(f.metric)), own[0])
        return self._lead

    def carried_countries(self) -> set[str]:
        """The countries a sentence continuing the statement goes on with: its last figure's,
        but where that is a share of a whole it gave ("shipped 933,000 tonnes of beef, with China
        taking 71% of the volume"), the whole's."""
        if not self.figures:
            return set()
        last = self.figures[-1]
        countries = set(last.countries.split(";")) - {""}
        if last.metric.startswith("share of "):
            for figure in reversed(self.figures[:-1]):
                whole = set(figure.countries.split(";")) - {""}
                if whole and whole < countries and not figure.metric.startswith("share of "):
                    return whole
        return countries

    def base_period(self) -> dict[str, str] | None:
        """The period of what the statement's figure is compared with, when it has its own."""
        lead = self.lead()
        if lead is None:
            return None
        for figure in reversed(self.figures):
            if (
                figure.period_start
                and figure.period_start != lead.period_start
                and compared_with(figure, self.at)
            ):
                return period_of(figure)
        return None

    def measured(self) -> Figure | None:
        """The figure whose metric carries on: its last, but not a price said in passing ("as
        iron ore prices held above US$100 a tonne")."""
        if self._measured is None and self.figures:
            last = self.figures[-1]
            self._measured = (
                next((f for f in reversed(self.figures) if not f.metric.endswith("price")), last)
                if last.metric.endswith("price")
                else last
            )
        return self._measured

    def breakdown(self) -> bool:
        """Whether the statement gave figures for more than one pair of countries."""
        return (
            len({f.countries for f in self.figures}) > 1
            and len({c for f in self.figures for c in f.countries.split(";")}) > 2
        )

    def forecast(self) -> bool:
        """Whether the statement looks ahead: its periods are horizons, not what happened."""
        if self._forecast is None:
            self._forecast = is_forecast(self.text)
        return self._forecast

    def roles(self) -> dict[str, str]:
        """Which of the statement's two countries sends and which receives (``flow_roles``)."""
        if self._roles is None:
            # the flow itself tells its sides plainer than a share of it: "imported 17.8 million
            # tonnes of LNG from Russia, about 16% of its total LNG imports"
            lead = self.lead()
            if lead is not None and lead.metric.startswith("share of"):
                lead = next(
                    (f for f in reversed(self.figures) if f.metric and not f.metric.startswith("share of")),
                    lead,
                )
            self._roles = flow_roles(self.text, self.named, lead.countries, lead.metric) if lead else {}
        return self._roles


def period_of(figure: Figure) -> dict[str, str]:
    """A figure's period columns, for a figure that takes them from it."""
    return {
        "period_start": figure.period_start,
        "period_end": figure.period_end,
        "period_text": figure.period_text,
    }


def compared_with(figure: Figure, sentence_start: int) -> bool:
    """Whether a figure is what another is compared with: "from $Y", "the $200 billion target"."""
    at = figure.start - sentence_start
    text = figure.sentence
    clause_start = max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1
    return bool(
        context.is_base(text, at)
        # "rose 2.4%, well below the 6.0% forecast and August's 8.7% increase": both measure it
        or _MEASURED_AGAINST.search(text, clause_start, at)
        or _TARGET_AFTER.match(figure.sentence, at + len(figure.surface))
        or figure.sentence[at - 1 : at] == "("  # "$279.4 billion in 2023 ($382.1 billion in 2022)"
    )


def period_fields(
    ctx: context.SentenceContext,
    clause: context.Clause,
    span: Span,
    metric: str,
    before: Statement,
    continues: bool,
    published: dt.date | None,
) -> dict[str, str]:
    """The period columns of one figure: its own time expression, else the one it continues."""
    period = ctx.nearest_period(span)
    elsewhere = period is not None and not clause.start <= period.offset < clause.end
    if period is not None and elsewhere and period.granularity == "open" and period.offset > 0:
        # "about 40%, against less than 1% before 2022": the time before is the 1%'s; but
        # "Before the duties were imposed, China bought 70%" opens the sentence and covers it
        period = None
    if elsewhere and period is not None and ctx.relative(ctx.clause(period.offset)):
        return {}  # "crude exports, which halted in March 2023, had cost $19 billion"
    if period is not None and context.is_general(metric) and _subordinate_between(ctx.text, span, period):
        # "recovered to A$1.1 billion in the 12 months to September after Beijing scrapped tariffs of 218.4%"
        return {}
    # "The bank has pledged $5 billion, while exports rose 9% in 2023": the pledge stands now.
    perfect = ctx.perfect_before(clause, span.start)
    if (
        elsewhere
        and period is not None
        and not ctx.fronted(period)
        and (
            ctx.clause_now(clause)
            or perfect
            or context.is_general(metric)
            or _A_YEAR_AFTER.match(ctx.text, span.end)  # "worth £1.2bn a year": a rate, now
            or _TARGET_BEFORE.search(ctx.text, max(0, span.start - 24), span.start)
            or (_ahead(period, published) and not ctx.forecast)
            or (_past(period, published) and is_forecast(ctx.text[clause.start : clause.end]))
        )
    ):
        # "exports tripled over the decade, and are now worth $1 billion"; a tariff is a
        # standing rate: "tariffs on EVs rose to 100%, and on chips to 50% by 2025"; what
        # has happened is not in a future year: "reached 22.7 bcm, versus 38 bcm from 2025", nor
        # an aim in a past one: "aims to raise trade to $100 billion, after it fell 8% last year"
        period = None
    if period is not None and period.granularity != "anaphor":
        return _fields(period)
    if period is not None and (same := _same_stretch(period.text, before.earlier)) is not None:
        return period_of(same)  # "over the same four months": the last four months named
    if _A_YEAR_AFTER.match(ctx.text, span.end):
        return {}  # "once worth about $4 billion a year": a rate, over no period in particular
    general = ctx.now or perfect or context.is_general(metric)
    if context.says_now(ctx.text[clause.start : clause.end]):
        return {}  # "deals now make up 40% of the total": now, whatever the statement before
    if before.heading and not general:
        return before.heading  # "Key figures (January-September 2024):" over "- Exports: $9.1 billion"
    if not before.figures or (period is None and (context.is_general(metric) or (general and not continues))):
        # a standing level takes no period from the statement it continues: "Cognac, which
        # faces duties of up to 39%, accounted for about €1.1 billion of that total"
        return {}
    # A statement's period is its own figure's: "rose to $X in 2023 from $Y in 2022" is
    # about 2023, and so is "Exports fell 3%" after it.
    lead = before.lead()
    if lead is None:
        return {}
    if lead.period_start and published and not continues:
        ahead = lead.period_start > published.isoformat()
        past = lead.period_end < published.isoformat()
        if (
            (ahead and not ctx.forecast)
            or (past and ctx.forecast)
            or (not past and before.forecast() and not ctx.forecast)
        ):
            # "China accounted for 32.5%" takes no year ahead from a forecast before it, and
            # "Qatar will supply 4 mtpa" no month past from the statement before it
            return {}
    if context.is_general(lead.metric) and not context.is_general(metric):
        # "China removed tariffs of up to 218% on wine last month. Coal exports were worth A$13.8
        # billion": a standing rate's time is an event's, not the period of a flow after it
        return {}
    inherited = period_of(lead)
    if lead.period_start and (earlier := _OPENS_A_YEAR_EARLIER.match(ctx.text)):
        return _years_before(
            inherited, 1, earlier.group(1)
        )  # "A year earlier they had totalled $3.9 billion"
    return inherited


_SAME_STRETCH = re.compile(r"(?i)\bsame\s+([\w-]+)\s+(months|quarters)\b")


def _same_stretch(words: str, earlier: list[Figure]) -> Figure | None:
    """The last figure before whose period is as long as ``words`` ("the same five months")
    say, when they say how long."""
    named = _SAME_STRETCH.search(words)
    if named is None or not (count := _count(named.group(1))):
        return None
    months = count * (3 if named.group(2).lower() == "quarters" else 1)
    for figure in reversed(earlier):
        if figure.period_start and _months_of(figure.period_start, figure.period_end) == months:
            return figure
    return None


def _count(word: str) -> int:
    try:
        return count_of(word)
    except KeyError:
        return 0


def _months_of(start: str, end: str) -> int:
    """How many whole months a period of whole months spans; 0 for any other."""
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if first.day != 1 or (last + dt.timedelta(days=1)).day != 1:
        return 0
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _fields(period: Period) -> dict[str, str]:
    """A period as the table's columns; an open or unresolved one keeps only its words."""
    return {
        "period_start": period.start.isoformat() if period.start else "",
        "period_end": period.end.isoformat() if period.end else "",
        "period_text": period.text,
    }


# A clause's opening word that makes it tell of another time, or of none: "after Beijing
# scrapped tariffs", "if Washington raises tariffs".
_SUBORDINATE = re.compile(r"(?i)\b(?:after|before|since|when|because|until|following|once|if|unless)\b")


def _subordinate_between(text: str, span: Span, period: Period) -> bool:
    """Whether a subordinate clause opens between a figure and a time expression."""
    if period.offset >= span.end:
        return bool(_SUBORDINATE.search(text, span.end, period.offset))
    return bool(_SUBORDINATE.search(text, period.stop, span.start))


def _past(period: Period, published: dt.date | None) -> bool:
    """Whether a period ended before the document was published."""
    return period.end is not None and published is not None and period.end < published


def _ahead(period: Period, published: dt.date | None) -> bool:
    """Whether a period starts after the document was published."""
    return period.start is not None and published is not None and period.start > published


_FLOWS = frozenset({"exports", "imports", "trade", "shipments", "supplies", "purchases", "sales"})
# A percentage after these is a share of what it measures: "Japan took 11%"
_SHARE_VERB = re.compile(
    r"(?i)\b(?:took|takes|taking|accounted\s+for|accounting\s+for|made\s+up|making\s+up|represented|absorbed)"
    r"\s+(?:(?:about|around|nearly|almost|some|roughly|over|under|just|a\s+further|another|more\s+than|less\s+than)\s+)?"
    r"(?:\d[\d.,]*\s*%\s*(?:,\s*)?(?:and\s+)?){0,3}$"  # "took 11% and 7%"
)


def carried_metric(
    metric: str, index: MetricIndex, span: Span, last: Figure | None, continues: bool, countries: str = ""
) -> str:
    """The figure's metric from the one its sentence names for it (``metric_for``); "shipments",
    or nothing named, read as the statement before. ``countries`` are the figure's own."""
    if metric == "tariff" and span.kind == "money":
        if _COLLECTED.search(index.text):
            return "tariff revenue"  # "customs collected $77 billion in tariffs"
        return "imports"  # "tariffs on C$16.6 billion of goods": the goods tariffed
    before = last.metric.removeprefix("share of ") if last is not None else ""
    if names_other_commodity(before, span.unit) or (before == "tariff" and span.kind != "percent"):
        # "soybean exports" does not carry on to a figure in bcm, nor a tariff rate to an amount
        before = ""
    if not continues and before in _BALANCES:
        before = ""  # a balance is one figure: "phones accounted for $3.2 billion" is no deficit
    if (
        metric == "shipments"
        and ";" in countries
        and last is not None
        and ";" not in last.countries
        and _as_share(before, index.text, span) == before  # "accounted for about half" of it all
    ):
        # "Chip exports jumped 37%. Shipments to China gained 11%": a breakdown by partner of
        # the whole flow, not of the one commodity
        before = before.rsplit(" ", 1)[-1]
    named_after = index.before(span.start) is None and not names_own_metric(index.text, span.end)
    own_share = metric.startswith("share of ")
    if (
        metric == "shipments"
        and (mention := index.before(span.start) or index.after(span.end))
        and _TOTAL_BEFORE.search(index.text, max(0, mention.start - 8), mention.start)
    ):
        before = ""  # "the country's total shipments of $40.8 billion": all its exports
    if before and (not metric or metric == "shipments" or (continues and named_after and not own_share)):
        head = before.rsplit(" ", 1)[-1]
        if (
            not metric
            and head in ("exports", "imports", "supplies")
            and (commodity := subject_commodity(index.text))
        ):
            return f"{commodity} {head}"  # "Soybeans made up US$24.2 billion of the total"
        return _as_share(before, index.text, span)
    # "Soybean shipments" go the way the statement before's flow goes, commodity kept.
    return _as_share(
        metric.replace("shipments", "imports" if "import" in before else "exports"), index.text, span
    )


_OF_THE_TOTAL = re.compile(r"(?i)\s+of\s+(?:the|that|this|its|their)\s+total\b(?!\s+[a-z])")


def share_of_total(metric: str, named: str, text: str, span: Span, whole: Figure | None) -> str:
    """ "with Russia supplying about 70% of the total", "Australia remained the top supplier with
    42% of the total": a share of the flow the figure before measured, whatever flow its
    sentence ``named`` for it; else ``metric``. "Copper accounted for half of the total" keeps the
    commodity's."""
    if (
        span.kind == "percent"
        and not named.startswith("share of ")
        and (named or not subject_commodity(text))
        and whole is not None
        and whole.metric.split(" ")[-1] in _FLOWS
        and not whole.metric.startswith("share of ")
        and _OF_THE_TOTAL.match(text, span.end)
    ):
        return f"share of {whole.metric}"
    return metric


def _as_share(metric: str, text: str, span: Span) -> str:
    """A percentage a flow "took" or "accounted for" is a share of it: "..., while Japan took
    11%" of the copper exports named before."""
    if (
        span.kind == "percent"
        and not span.hint
        and metric
        and not metric.startswith("share of ")
        and metric.split()[-1] in _FLOWS
        and _SHARE_VERB.search(text, max(0, span.start - 40), span.start)
    ):
        return f"share of {metric}"
    return metric


def year_earlier(text: str, span: Span, period: dict[str, str]) -> dict[str, str]:
    """The period of a figure written "a year earlier": its sentence's a year back ("fell to
    $48 billion from $53.2 billion a year earlier"); else ``period``. A multiple is compared
    with a year earlier, not of it ("more than triple a year earlier")."""
    if span.kind == "multiple" or not period.get("period_start"):
        return period
    if not (earlier := _YEAR_EARLIER.match(text, span.end)):
        return period
    back = int(period["period_start"][:4]) - int(earlier.group("y")) if earlier.group("y") else 1
    return _years_before(period, back, earlier.group(1)) if 0 < back <= 30 else period


def base_period(
    ctx: context.SentenceContext, base: Span, compared: Span, period: dict[str, str], before: Statement
) -> dict[str, str]:
    """The period of a base whose sentence gives its time only for the figure it is compared
    with: "rose to 15.4% in 2023 from 14.1%" is 14.1% in 2022. A year goes back a year; a
    quarter or a month could be the one before or a year before, so it is left empty."""
    own = ctx.nearest_period(base)
    if (
        own is not None
        and own.offset >= base.end
        and ctx.changes_then(own)
        and ctx.nearest_period(compared) is own
    ):
        return {}  # "will raise tariffs to 100% from 25% this year": the 25% stands now
    if own is None and (earlier := before.base_period()) is not None:
        # "shipped 2.1 million tonnes in May, down from 2.6 million tonnes in April. Europe's
        # share fell to 57% from 64%": as the statement's base, the 64% is April's
        lead = before.lead()
        if lead is not None and period.get("period_start") == lead.period_start:
            return earlier
    # "compared with $427.2 billion from China": another country's, in the same time
    if (
        own is None
        or not own.offset < base.start
        or ctx.party_after(base)
        # "slowing from June's 23.5% jump": the base's own time
        or _POSSESSED.fullmatch(ctx.text, own.stop, base.start)
    ):
        # the base's own words: "from $44 billion in the previous year"; a time anywhere before
        # is the compared figure's: "slid 13% in 2023 to €16.1bn (down from €18.5bn)"
        return period
    if own.granularity in ("year", "fiscal_year") and not _HORIZON.match(own.text):
        return _years_before(period, 1, "the year before")
    # "aim to lift trade to $2 billion by 2026 from about $1.1 billion now": a target's base is
    # where things stand, not the year before the target's
    return {}


def _years_before(period: dict[str, str], years: int, words: str) -> dict[str, str]:
    """The same stretch of time ``years`` back, for a figure written "a year earlier"."""
    start, end = (dt.date.fromisoformat(period[k]) for k in ("period_start", "period_end"))
    return {
        "period_start": back_a_year(start, years).isoformat(),
        "period_end": back_a_year(end, years).isoformat(),
        "period_text": f"{period['period_text']}; {words}",
    }


def heading_period(
    text: str,
    published: dt.date | None,
    focus: tuple[str, ...],
    lead: bool = False,
    caseless: bool = False,
    before_figures: bool = False,
) -> dict[str, str] | None:
    """The period a sentence without figures gives the figures after it: a heading over a
    list ("Key figures, January-September 2024:"), a report's lead naming a flow ("South
    Korea's exports rose for the eighth month in May", then "Shipments rose 11.7%"), or, right
    before figures, a sentence naming a flow in a month or a part of a year ("The top export
    destinations in October were the USA, the UAE and the Netherlands", then "Exports to the
    USA grew 21.5%"): not a year, which as often dates an event ("The pact, signed in 2009,
    lifted exports")."""
    if not text.rstrip().endswith(":") and not ((lead or before_figures) and MetricIndex(text).named):
        return None
    periods = [
        p
        for p in find_periods(text, published, countries=join_codes(set(focus[:2])), caseless=caseless)
        if p.resolved
    ]
    if lead or not periods or text.rstrip().endswith(":"):
        return _fields(periods[0]) if periods else None
    return _fields(periods[0]) if len(periods) == 1 and periods[0].granularity in _WITHIN_A_YEAR else None


_WITHIN_A_YEAR = frozenset({"month", "quarter", "half", "months"})
