"""The figures of one sentence, each with its context: bound, direction, period, countries,
metric and source, read from the sentence and the statement before it.

Each field has a module of its own; this one puts them together in the order they depend on
one another (the metric decides whose a figure is and whether it is a standing rate that takes
no period), and settles what only a figure's neighbours in the sentence tell: a second figure
sharing the first's verb, a base taking the metric of what it is compared with.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dashboard import context, parties, roles
from dashboard.base_periods import base_period, year_earlier
from dashboard.bases import is_base
from dashboard.conjuncts import Conjuncts
from dashboard.context import Clause
from dashboard.countries import (
    Mention,
    join_codes,
)
from dashboard.documents import Document
from dashboard.figure_periods import in_an_aside, period_fields, subordinate_between
from dashboard.figures import Figure, Span
from dashboard.fiscal_resolvers import names_a_season
from dashboard.follows import Follows
from dashboard.metric_parties import by_metric
from dashboard.metrics import (
    MetricIndex,
    labelled_goods,
    metric_for,
    names_a_benchmark,
    names_own_metric,
    unit_price,
)
from dashboard.nearest_times import nearest_period
from dashboard.periods import (
    crop_year,
    find_periods,
    fiscal_calendar,
)
from dashboard.qualifiers import missed_target, names_expectation, qualify, range_bounds
from dashboard.reasons import reason_after
from dashboard.report import Report
from dashboard.sentences import Sentence
from dashboard.spans import currency_of
from dashboard.statements import (
    BALANCES,
    Statement,
    carried_metric,
    period_of,
    rate_to_an_amount,
    share_of_total,
)

# The words between two figures when the second shares the first's verb: "7% in 2023 and 3%".
# "rose 5% to China and to Japan 3%" too: the second names its own partner.
# "dropped A$1.5 billion, or 16%": the same change, told again as a percentage
_OR = re.compile(r",?\s+or\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$")
# "rose 10.7%, accelerating from 6.7% in November": the pace it changed from, a change too
_PACE_FROM = re.compile(
    r"(?i)\b(?:accelerat|decelerat|slow|quicken|eas|cool|moderat|pick(?:ed|ing|s)?\s+up)\w*\s+from\s+(?:an?\s+)?$"
)
_AND_THEN_SHAPE = (
    r"^[^;:]{0,60}?\band\s+(?:by\s+|(?:(?:to|from|in|for|with)\s+)?(?:the\s+)?(?:NAME[\w.'’-]*\s+){1,3}"
    r"|(?:exports|imports|shipments|sales|purchases|those|that)\s+(?:(?:to|from)\s+(?:the\s+)?(?:NAME[\w.'’-]*\s+){1,3})?)?$"
    # "grew 4.7%, slower than the 5.3% pace": a pace of the same change
    r"|^[^;:]{0,60}?(?:,\s+|\s)(?:slower|faster|weaker|stronger)\s+than\s+(?:the\s+|a\s+)?$"
    # "face an extra 17.4%, Geely 19.9% and SAIC 37.6%": a list of names sharing the verb
    r"|^,\s+(?:the\s+)?(?:NAME[\w.'’-]*\s+){1,3}$"
)
# A name opens with a capital; in copy read as lower case, with a word that is no verb's
# participle ("accounting for") nor a word of the sentence's own frame.
_AND_THEN = re.compile(_AND_THEN_SHAPE.replace("NAME", "[A-Z]"))
_AND_THEN_CASELESS = re.compile(
    _AND_THEN_SHAPE.replace(
        "NAME",
        r"(?![^\W\d_]+(?:ing|ed)\b)(?!(?:and|or|up|down|the|of|to|from|in|for|with|while|than|against)\b)[^\W\d_]",
    )
)
# A conjunct that leaves out what the one before measured: "Russia accounted for 18.4% of
# turnover, China for 21.5%", "..., ahead of the United States with 13.7%", "behind the United
# States at 55%"
_GAPPED_SHAPE = (
    r"^(?:\s+of\s+[^,;]{1,40}?)?,?\s+(?:and\s+)?(?:(?:ahead\s+of|followed\s+by|trailed\s+by|behind)\s+)?"
    r"(?:the\s+)?(?:NAME[\w.'’-]*\s+){1,3}"
    r"(?:for|with|at)\s+(?:(?:about|around|nearly|almost|some|roughly)\s+)?$"
)
_GAPPED = re.compile(_GAPPED_SHAPE.replace("NAME", "[A-Z]"))
_GAPPED_CASELESS = re.compile(
    _GAPPED_SHAPE.replace("NAME", r"(?!(?:and|or|the|of|to|from|in|for|with|while|than)\b)[^\W\d_]")
)
# Prices a market sets: no country's but those their own clause names ("Brent fell to $78")
_MARKET_PRICES = frozenset({"price", "shipping cost", "freight rates"})
# What only money measures: a figure in tonnes or bcm is none of these.
_MONEY_ONLY = frozenset(
    {
        "deals",
        "investment",
        "foreign direct investment",
        "foreign investment",
        "direct investment",
        "inbound investment",
        "outbound investment",
        "loans",
        "credit lines",
        "financing",
        "financial support",
        "aid",
        "revenue",
        "export revenue",
        "export earnings",
        "profits",
        "remittances",
        "debt",
        "savings",
        "bond sales",
        "market capitalisation",
        "gdp",
    }
)
# From a figure written "from X" to the one it went to: "... in 2020 to about "
_TO_AFTER_FROM = re.compile(
    r"[^.;]{0,40}?\bto\s+(?:(?:about|around|nearly|almost|some|roughly|over|more\s+than)\s+)?$"
)
_AN_AMOUNT_AFTER = re.compile(r"\s+(?:the|its|their)\s+(?:[A-Z]{0,2}[$€£¥₹]\s?)?\d")
_FISCAL = re.compile(r"(?i)\bFY|fiscal|\d{4}[-–/]\d\d\b")


def sentence_figures(
    document: Document,
    sentence: Sentence,
    spans: list[Span],
    mentions: list[Mention],
    triggers: list[tuple[int, str]],
    source: str,
    before: Statement,
    report: Report,
    caseless: bool = False,
) -> list[Figure]:
    """Figures for the spans of one sentence: bound, direction, period, countries, metric, source."""
    text = sentence.text
    focus = report.focus
    last = before.figures[-1] if before.figures else None
    measured_before = before.measured()
    previous_countries = before.carried_countries()
    continues = last is not None and context.points_back(text, mentions, previous_countries)
    focus_codes = ";".join(focus[:2])  # most named first: the first with a fiscal calendar sets it
    ctx = context.SentenceContext(
        text,
        mentions,
        find_periods(text, document.published, countries=focus_codes, triggers=triggers, caseless=caseless),
        spans,
    )
    conjuncts = Conjuncts(ctx)
    follows = Follows(
        previous_countries,
        before.subject,
        continues,
        before.roles,
        before.breakdown,
        before.broken_down,
        ranked_in=before.rank_owner,
        totals=before.totals,
    )
    metrics = MetricIndex(text, {m.start for m in mentions} if "sold" in text else ())
    bounds = range_bounds(text, spans)
    out: list[Figure] = []
    for i, span in enumerate(spans):
        clause = ctx.clause(span.start)
        countries = join_codes(
            parties.figure_countries(
                conjuncts, span, report, follows, sibling=out[-1].countries if out else ""
            )
        )
        bound, worded = qualify(text, span.start, span.end)
        bound = bounds.get(span.start, bound)
        direction = span.hint or worded
        # "grew 10-15%": both ends of the range grew; "rose 7% in 2023 and 3% in 2024", "rose 5%
        # to $10 billion to Germany and 3% to $4 billion to Iraq": the second shares the verb
        if not direction and (like := next((f for f in reversed(out) if f.kind == span.kind), None)):
            gap = text[like.end - sentence.start : span.start]
            if like.direction and (
                (like is out[-1] and bound == "<=" and like.bound == ">=")
                or (_AND_THEN_CASELESS if caseless else _AND_THEN).search(gap)
            ):
                direction = like.direction
        if (
            not direction
            and out
            and out[-1].direction
            and _OR.match(text, out[-1].end - sentence.start, span.start)
        ):
            direction = out[-1].direction
        if (
            not direction
            and out
            and out[-1].direction
            and out[-1].kind == span.kind
            and names_expectation(text, span.start, span.end)
        ):
            direction = out[-1].direction  # "rose 14.2%, beating a 9% forecast": of a rise too
        if (
            not direction
            and out
            and out[-1].direction
            and span.kind == out[-1].kind == "percent"
            and _PACE_FROM.search(text, max(0, span.start - 40), span.start)
        ):
            direction = out[-1].direction
        # The low end of a range reads its metric where the range ends: "35-40% of imports".
        high = spans[i + 1] if bound == ">=" and i + 1 < len(spans) else None
        measured = high if high is not None and bounds.get(high.start) == "<=" else span
        named_metric = metric_for(metrics, measured.start, measured.end, measured.kind, measured.unit)
        if measured.kind == "quantity" and named_metric in _MONEY_ONLY:
            named_metric = ""  # "a deal on a pipeline that would carry 50 bcm a year": no deal in bcm
        carried_from = measured_before
        if (
            measured.kind == "quantity"
            and carried_from is not None
            and (
                (carried_from.kind == "quantity" and carried_from.unit != measured.unit)
                # "Export earnings jumped 27%. Indonesia took 1.4 million tonnes": no earnings in tonnes
                or carried_from.metric in _MONEY_ONLY
            )
        ):
            carried_from = before.measured_in(measured.unit) or (
                None if carried_from.metric in _MONEY_ONLY else carried_from
            )
        metric = carried_metric(named_metric, metrics, measured, carried_from, continues, countries)
        if not metric and measured_before is None:
            # "... exports to the United States fell in February. They dropped 8.5% to $6.9 billion";
            # not a rate's: "were worth $13.5-billion, and the 25-per-cent tariff could cut them by
            # $3-billion" goes on with the exports
            metric = (
                next((f.metric for f in reversed(out) if not rate_to_an_amount(f.metric, span.kind)), "")
                if out
                else report.lead_metric
            )
        if not named_metric and before.topic and (goods := labelled_goods(text)) is not None:
            # "• Crude oil: $31.3 billion" under a heading on imports
            metric = f"{goods} {before.topic}".strip()
        metric = share_of_total(metric, named_metric, text, span, out[-1] if out else measured_before)
        if (
            out
            and is_base(text, span.start)
            and (compared := next((f for f in reversed(out) if f.kind == span.kind), None))
            and compared.metric
            and not names_own_metric(text, span.end)  # "from a $2.2 billion deficit"
        ):
            # "made up 36% of oil imports, down from 42%": a share too; "bought 21.3 bcm, 42% of
            # its consumption, down from 21.7 bcm": the purchases, past the share between
            metric = compared.metric
        elif (
            out
            and out[-1].kind == span.kind
            and _a_share(out[-1].metric) != _a_share(metric)
            and is_base(text, out[-1].start - sentence.start)
            and _TO_AFTER_FROM.match(text, out[-1].end - sentence.start, span.start)
        ):
            metric = out[-1].metric  # "from 0.5% of the market in 2020 to about 8% in 2023"
        elif (
            out
            and out[-1].kind == span.kind
            and _a_share(out[-1].metric)
            and not _a_share(metric)
            and (_GAPPED_CASELESS if caseless else _GAPPED).match(
                text[out[-1].end - sentence.start : span.start]
            )
        ):
            metric = out[-1].metric  # "Russia accounted for 18.4% of turnover, China for 21.5%"
        if (
            span.kind == "multiple"
            and out
            and out[-1].kind in ("money", "quantity")
            and _AN_AMOUNT_AFTER.match(text, span.end)
        ):
            # "reached $195 billion, more than double the $77 billion of fiscal 2024": a multiple
            # of amounts measures what the amount before it does
            metric = out[-1].metric
        if not named_metric and span.kind == "percentage_point" and out and out[-1].kind == "percent":
            # "held an 8.3% share of the market, up 2.1 percentage points": that share's change
            metric = out[-1].metric or metric
        if metric == "trade balance" and span.kind == "money" and span.hint:
            # "Trade balance: -$29.3 billion" is a deficit of $29.3 billion, not a fall
            metric = "trade deficit" if span.hint == "down" else "trade surplus"
            if direction == span.hint:
                direction = worded  # the words' direction, not the sign's
        elif metric in BALANCES and span.kind == "money" and span.hint == "up" and direction == "up":
            direction = worded  # "a surplus ..., compared with +EUR 15.0 bn": the balance's sign
        if not named_metric and ctx.bilateral and span.kind == "money":
            metric = "trade"  # "The two sides have set a target of $100 bn": their trade
        countries = by_metric(
            metric, countries, ctx, report, previous_countries, continues, span.start, before.roles
        )
        if span.kind == "money":
            metric = unit_price(text, span.start, span.end, metric)
        if metric in _MARKET_PRICES and (span.kind == "money" or metric != "price"):
            # "Brent fell to $78 a barrel, and India's oil import bill shrank": its own clause's;
            # but "The average price eased to $6.10" is of the flow it continues
            if ctx.in_sentence or names_a_benchmark(text):
                # not the countries of a reason after it: "fell to $10.15 a bushel on Friday as
                # China bought fewer U.S. cargoes"
                reason = reason_after(text, span)
                own_part = clause if reason is None else Clause(clause.start, min(clause.end, reason.start()))
                countries = join_codes(ctx.clause_countries(own_part))
        elif metric in ("discount", "premium") and (own := ctx.clause_countries(clause)):
            # "The discount on Russia's Urals grade widened to $7 a barrel": of the crude its own
            # clause names, not with the country the statement before was about
            countries = join_codes(own)
        # "tariffs of 25% on $300 billion of goods": the goods are tariffed, a standing state;
        # but "collected $77 billion in tariffs" is revenue over a period
        standing = named_metric if context.is_general(named_metric) and metric != "tariff revenue" else metric
        if span.unit.endswith("/ year"):
            standing = "capacity"  # "to supply 4 mtpa": a standing rate, not a flow over a period
        period = period_fields(
            ctx, clause, span, standing, before, continues, document.published, countries=countries
        )
        if (
            not period.get("period_start")
            and out
            and out[-1].period_start
            and (near := nearest_period(ctx, span)) is not None
            and near.granularity == "anaphor"
            # "... in the same period, before EU duties of up to 37.6% took effect": a standing
            # rate in a clause of another time
            and not (context.is_general(standing) and subordinate_between(text, span, near))
            # "Remittances, worth $10.3 billion over the same period, make up about 15% of GDP":
            # the aside's time, not the figure's outside it
            and not (not clause.start <= near.offset < clause.end and in_an_aside(ctx, near))
        ):
            # "shipped 187 tonnes in the first half, and ... added 1.6 million ounces over the same
            # period": the period of the figure before it in the sentence
            period = period_of(out[-1])
        elif not period.get("period_start") and out and out[-1].period_start and missed_target(text, span):
            # "hit KSh 180.6 billion last year, short of the KSh 200 billion target"
            period = period_of(out[-1])
        # A fiscal year follows the calendar of the figure's own country: the first the sentence
        # names other than as a partner ("Japan's imports of Australian LNG in fiscal 2023" are
        # by Japan's), else the document's. One taken from the statement before was read by that
        # statement's.
        if (
            period.get("period_text")
            and _is_fiscal(period)
            and period["period_text"] in text
            and not names_a_season(text)  # "in 2024/25" after "the 2025/26 season": a season too
            and fiscal_calendar(owner := _owner_first(countries, ctx, focus)) != fiscal_calendar(focus_codes)
            and (dates := _fiscal_dates(period["period_text"], document.published, owner, caseless))
        ):
            period = {**period, "period_start": dates[0], "period_end": dates[1]}
        elif (
            "/" in period.get("period_text", "")
            and not names_a_season(text)
            and (
                dates := crop_year(
                    period["period_text"],
                    f"{metric} {measured_before.metric}" if measured_before is not None else metric,
                    countries,
                    document.published,
                )
            )
        ):
            # "soybean exports in the 2025/26 marketing year ... Exports in 2024/25 are seen at":
            # the crop's year, the figure's or the statement's before, not a fiscal one
            period = {**period, "period_start": dates[0], "period_end": dates[1]}
        if (earlier := year_earlier(text, span, period, document.published)) is not period:
            period = earlier
        elif (
            i
            and period.get("period_start")
            and is_base(text, span.start)
            # "climbed 1.0%, versus an expected 1.5% decline": what was expected of the same time
            and not names_expectation(text, span.start, span.end)
        ):
            period = base_period(ctx, span, spans[i - 1], period, before)
        if out and bounds.get(span.start) == "<=" and bounds.get(spans[i - 1].start) == ">=":
            countries = out[-1].countries  # "could drop 20-30%": one figure, written as a range
        start = sentence.start + span.start
        out.append(
            Figure(
                doc_id=document.doc_id,
                figure_id=f"{document.doc_id}:{start}",
                sentence_index=sentence.index,
                sentence=text,
                start=start,
                end=sentence.start + span.end,
                surface=span.surface,
                kind=span.kind,
                value=span.value,
                unit=_currency(text, span, mentions, report, ctx.part(clause)) if span.symbol else span.unit,
                bound=bound,
                direction=direction,
                metric=metric,
                countries=countries,
                source=source or (last.source if continues and last else ""),
                **period,
            )
        )
    return out


def _a_share(metric: str) -> bool:
    return metric.startswith("share of ") or metric.endswith("share")


def _currency(text: str, span: Span, mentions: list[Mention], report: Report, part: Clause) -> str:
    """The currency of a sign that differs by country ("¥", "Rs"), by the sentence's countries,
    then the document's. "Rs" in "exports to Nepal stood at Rs 2,21,000 crore" is not Nepal's:
    a country named only as a partner does not decide a currency."""
    # those of its own part first: "Iraq's revenue reached 14 trillion dinars, while Serbia's
    # exports came to 900 billion dinars"; of those, the flow's partners last: "Exports to China,
    # Japan's biggest trading partner, fell 0.9% to ¥1.45 trillion" are in yen
    own = sorted(
        mentions, key=lambda m: (not part.start <= m.start < part.end, roles.is_flow_partner(text, m))
    )
    # the country a dateline places the report in first: "NAIROBI — Uganda remained Kenya's
    # biggest export market, buying goods worth Sh72.4 billion" is in Kenyan shillings
    named = (*((report.dateline,) if report.dateline else ()), *(m.iso3 for m in own), *report.focus)
    # "dinars" in a text naming none of the countries that use them: the first that does
    return currency_of(span.symbol, tuple(c for c in named if not report.partner_only(c))) or span.unit


def _owner_first(countries: str, ctx: context.SentenceContext, focus: tuple[str, ...]) -> str:
    """``countries`` with those the sentence names other than as a partner first, in its
    order, then those it does not name, by the document's main countries, then its partners:
    "exports to the U.S." in a report on India's are India's."""
    first = ctx.first_mention

    def rank(code: str) -> tuple[int, int]:
        if code in first and not roles.is_flow_partner(ctx.text, first[code]):
            return 0, first[code].start
        return 1 + (code in first), focus.index(code) if code in focus else len(focus)

    return ";".join(sorted(countries.split(";"), key=rank))


def _is_fiscal(period: dict[str, str]) -> bool:
    return bool(_FISCAL.search(period["period_text"]))


@lru_cache(maxsize=1024)  # the same few fiscal years recur through a document and a corpus
def _fiscal_dates(
    period_text: str, published: dt.date | None, countries: str, caseless: bool = False
) -> tuple[str, str] | None:
    """The dates of a fiscal year by the calendar of ``countries``, or None; ``caseless`` words
    come from a text written all in one case ("ended in august")."""
    own = find_periods(period_text, published, countries=countries, caseless=caseless)
    if not own or own[0].start is None or own[0].end is None:
        return None
    return own[0].start.isoformat(), own[0].end.isoformat()
