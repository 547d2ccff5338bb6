"""The pipeline: text -> sentences -> candidate spans -> figures -> context -> table."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from dashboard import columns, context
from dashboard.countries import (
    Mention,
    find_countries,
    join_codes,
    main_countries,
    naming_currency,
    second_stands_out,
)
from dashboard.documents import Document
from dashboard.figures import Figure, Span
from dashboard.metrics import MetricIndex, metric_for, name_of, names_other_commodity, names_own_metric
from dashboard.period_resolvers import is_forecast
from dashboard.periods import Period, find_periods, trigger_words
from dashboard.qualifiers import qualify, range_bounds
from dashboard.sentences import Sentence, split_sentences
from dashboard.sources import Speakers
from dashboard.spans import currency_of, find_spans

# The words between two figures when the second shares the first's verb: "7% in 2023 and 3%".
_AND_THEN = re.compile(r"^[^;:]{0,60}?\band\s+(?:by\s+)?$")
_FISCAL = re.compile(r"(?i)\bFY|fiscal|\d{4}[-–/]\d\d\b")
_TARGET_AFTER = re.compile(r"(?i)\s+(?:target|goal)\b")
_YEAR_EARLIER = re.compile(
    r"(?i),?\s+((?:a|one|the)\s+year\s+(?:earlier|ago|before)|(?:in|during|for)\s+the\s+same\s+"
    r"(?:period|quarter|month|months|half)\s+(?:(?:a|last)\s+year|of\s+(?:the\s+)?(?:previous|prior)\s+year"
    r"|a\s+year\s+(?:earlier|ago|before)))\b"
)


def extract_figures(
    text: str,
    published: dt.date | str | None = None,
    doc_id: str | None = None,
) -> pd.DataFrame:
    """Every figure in ``text`` as a DataFrame with exactly the FIGURES.md columns.

    Relative periods ("last year") resolve against ``published``; without it they stay
    empty and only ``period_text`` is kept.
    """
    document = Document(text=text, doc_id=doc_id or "", published=published)
    return figures_frame(extract_document(document))


def extract_document(document: Document) -> list[Figure]:
    """The figures of one document, in order of position: the whole pipeline."""
    text = document.text
    mentions = find_countries(text)
    # "919 billion U.S. dollars" names a currency, not a country the document is about.
    countries = [m for m in mentions if not naming_currency(text, m)]
    named_in_all = find_countries(document.title) + countries
    focus = main_countries(named_in_all)
    # Whether a country named alone pairs with the document's other main one.
    paired = second_stands_out(named_in_all)
    # Whose figures a report gives: the first country named other than as a partner
    # ("WASHINGTON -", "The U.S. trade deficit with Mexico").
    reporter = next((m.iso3 for m in countries if not context.is_flow_partner(text, m)), "")
    # One scan of the whole text for each kind of thing, shared out to sentences by position.
    all_spans = find_spans(text, focus)
    span_starts = [s.start for s in all_spans]
    sentences = split_sentences(text)
    spans_by_sentence = [
        [s for s in all_spans[_within(span_starts, sentence)] if s.end <= sentence.end]
        for sentence in sentences
    ]
    mention_starts = [m.start for m in mentions]
    caseless = text.islower()  # "in july": a month, read as in upper-case text
    triggers = _time_words(text, sentences, spans_by_sentence, caseless)
    trigger_starts = [at for at, _ in triggers]
    speakers = Speakers(text)
    figures: list[Figure] = []
    before = _Statement([], "", "", 0, [], focus, reporter, paired)
    for sentence, own_spans in zip(sentences, spans_by_sentence, strict=True):
        shift = sentence.start
        spans = [s.shifted(-shift) for s in own_spans]
        if not spans:
            speakers.skip(sentence.text, shift)
            heading = _heading_period(sentence.text, document.published, focus)
            before = _Statement([], before.subject, "", 0, [], focus, reporter, paired, heading)
            continue
        if context.turns_away(sentence.text):  # "Separately, ..." starts a new statement
            before = _Statement([], "", "", 0, [], focus, reporter, paired)
        source = speakers.source(sentence.text, shift, spans[0].start)
        named = [
            Mention(m.start - shift, m.end - shift, m.iso3)
            for m in mentions[_within(mention_starts, sentence)]
        ]
        periods = [(at - shift, word) for at, word in triggers[_within(trigger_starts, sentence)]]
        own = _in_context(document, sentence, spans, named, periods, source, before, caseless)
        # The statement's subject: the first country named other than as a partner.
        subject = next((m.iso3 for m in named if not context.is_flow_partner(sentence.text, m)), "")
        before = _Statement(own, subject, sentence.text, shift, named, focus, reporter, paired)
        if "respectively" in sentence.text:
            _respectively(own, sentence)
        figures.extend(own)
    return figures


def _respectively(figures: list[Figure], sentence: Sentence) -> None:
    """ "Exports and imports rose 12.8% and 4.1%, respectively": in each run of figures of
    one kind, the first is the first metric named before them, the second the second."""
    if not figures:
        return
    first = figures[0].start - sentence.start
    named: list[str] = []
    for mention in MetricIndex(sentence.text).named:
        if mention.end <= first and (name := name_of(mention)) and name not in named:
            named.append(name)
    if len(named) < 2:
        return
    runs: list[list[Figure]] = []
    for figure in figures:
        if runs and runs[-1][-1].kind == figure.kind:
            runs[-1].append(figure)
        else:
            runs.append([figure])
    for run in runs:
        if len(run) == len(named):
            for figure, metric in zip(run, named, strict=True):
                figure.metric = metric


def _heading_period(text: str, published: dt.date | None, focus: tuple[str, ...]) -> dict[str, str] | None:
    """The period of a heading that introduces a list ("Key figures, January-September 2024:")."""
    if not text.rstrip().endswith(":"):
        return None
    periods = [p for p in find_periods(text, published, countries=join_codes(set(focus[:2]))) if p.resolved]
    if not periods:
        return None
    return {
        "period_start": periods[0].start.isoformat(),
        "period_end": periods[0].end.isoformat(),
        "period_text": periods[0].text,
    }


def _time_words(
    text: str, sentences: list[Sentence], spans: list[list[Span]], caseless: bool
) -> list[tuple[int, str]]:
    """The period rules' trigger words in each run of sentences with figures; no other is read."""
    found: list[tuple[int, str]] = []
    run_start: int | None = None
    for sentence, own in zip(sentences, spans, strict=True):
        if own and run_start is None:
            run_start = sentence.start
        elif not own and run_start is not None:
            found.extend(trigger_words(text, run_start, sentence.start, caseless=caseless))
            run_start = None
    if run_start is not None:
        found.extend(trigger_words(text, run_start, caseless=caseless))
    return found


def _within(starts: list[int], sentence: Sentence) -> slice:
    """The items (sorted by ``starts``) that start inside ``sentence``."""
    return slice(bisect_left(starts, sentence.start), bisect_left(starts, sentence.end))


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are
class _Statement:
    """What the sentence before says, its figures first, and the document's countries."""

    figures: list[Figure]
    subject: str  # the first country the sentence named
    text: str  # the sentence, starting at ``at`` in the document
    at: int
    named: list[Mention]  # its countries, by offsets into ``text``
    focus: tuple[str, ...]  # the document's main countries
    reporter: str  # whose figures the document gives
    paired: bool  # whether the document is about its two main countries, not the first alone
    heading: dict[str, str] | None = None  # the period a heading over a list gives its items
    # Read only when a figure needs them: most do not.
    _forecast: bool | None = None
    _lead: Figure | None = None
    _roles: dict[str, str] | None = None

    def lead(self) -> Figure | None:
        """The figure the statement is about: its last that is not a base or a target."""
        if self._lead is None and self.figures:
            self._lead = next(
                (f for f in reversed(self.figures) if not _compared_with(f, self.at)), self.figures[-1]
            )
        return self._lead

    def forecast(self) -> bool:
        """Whether the statement looks ahead: its periods are horizons, not what happened."""
        if self._forecast is None:
            self._forecast = is_forecast(self.text)
        return self._forecast

    def roles(self) -> dict[str, str]:
        """Which of the statement's two countries sends and which receives (``context.flow_roles``)."""
        if self._roles is None:
            lead = self.lead()
            self._roles = (
                context.flow_roles(self.text, self.named, lead.countries, lead.metric) if lead else {}
            )
        return self._roles


def _in_context(
    document: Document,
    sentence: Sentence,
    spans: list[Span],
    mentions: list[Mention],
    triggers: list[tuple[int, str]],
    source: str,
    before: _Statement,
    caseless: bool = False,
) -> list[Figure]:
    """Figures for the spans of one sentence: bound, direction, period, countries, metric, source."""
    text = sentence.text
    focus = before.focus
    last = before.figures[-1] if before.figures else None
    continues = last is not None and context.points_back(text)
    previous_countries = set(last.countries.split(";")) - {""} if last else set()
    previous_subject = before.subject
    focus_codes = join_codes(set(focus[:2]))
    ctx = context.SentenceContext(
        text,
        mentions,
        find_periods(text, document.published, countries=focus_codes, triggers=triggers, caseless=caseless),
        spans,
    )
    metrics = MetricIndex(text)
    bounds = range_bounds(text, spans)
    sentence_countries = tuple(m.iso3 for m in mentions)
    out = []
    for i, span in enumerate(spans):
        clause = ctx.clause(span.start)
        countries = join_codes(
            context.figure_countries(
                ctx,
                clause,
                focus,
                previous_countries,
                previous_subject,
                continues,
                before.roles,
                before.reporter,
                before.paired,
            )
        )
        bound, direction = qualify(text, span.start, span.end)
        bound = bounds.get(span.start, bound)
        direction = span.hint or direction
        if not direction and out and out[-1].kind == span.kind and out[-1].direction:
            gap = text[out[-1].end - sentence.start : span.start]
            if (bound == "<=" and out[-1].bound == ">=") or _AND_THEN.search(gap):
                # "grew 10-15%": both ends of the range grew; "rose 7% in 2023 and 3% in 2024"
                direction = out[-1].direction
        # The low end of a range reads its metric where the range ends: "35-40% of imports".
        high = spans[i + 1] if bound == ">=" and i + 1 < len(spans) else None
        is_range = high is not None and bounds.get(high.start) == "<="
        measured = high if is_range else span
        named_metric = metric_for(metrics, measured.start, measured.end, measured.kind, measured.unit)
        metric = _metric(named_metric, metrics, measured, last, continues)
        if out and out[-1].kind == span.kind and out[-1].metric and context.is_base(text, span.start):
            metric = out[-1].metric  # "made up 36% of oil imports, down from 42%": a share too
        # "tariffs of 25% on $300 billion of goods": the goods are tariffed, a standing state
        standing = named_metric if context.is_general(named_metric) else metric
        period = _period_fields(ctx, clause, span, standing, before, continues, document.published)
        # A fiscal year follows the calendar of the figure's own country.
        if (
            period.get("period_text")
            and countries != focus_codes
            and _is_fiscal(period)
            and (dates := _fiscal_dates(period["period_text"], document.published, countries))
        ):
            period = {**period, "period_start": dates[0], "period_end": dates[1]}
        if period.get("period_start") and (earlier := _YEAR_EARLIER.match(text, span.end)):
            period = _a_year_before(
                period, earlier.group(1)
            )  # "fell to $48 billion from $53.2 billion a year earlier"
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
                unit=currency_of(span.symbol, sentence_countries + focus) if span.symbol else span.unit,
                bound=bound,
                direction=direction,
                metric=metric,
                countries=countries,
                source=source or (last.source if continues and last else ""),
                **period,
            )
        )
    return out


def _compared_with(figure: Figure, sentence_start: int) -> bool:
    """Whether a figure is what another is compared with: "from $Y", "the $200 billion target"."""
    at = figure.start - sentence_start
    return bool(
        context.is_base(figure.sentence, at) or _TARGET_AFTER.match(figure.sentence, at + len(figure.surface))
    )


def _a_year_before(period: dict[str, str], words: str) -> dict[str, str]:
    """The same stretch of time one year back, for a figure written "a year earlier"."""
    start, end = (dt.date.fromisoformat(period[k]) for k in ("period_start", "period_end"))
    return {
        "period_start": _back_a_year(start).isoformat(),
        "period_end": _back_a_year(end).isoformat(),
        "period_text": f"{period['period_text']}; {words}",
    }


def _back_a_year(day: dt.date) -> dt.date:
    # A stretch that ends on 29 February ends on the 28th a year before.
    return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else 31))


def _is_fiscal(period: dict[str, str]) -> bool:
    return bool(_FISCAL.search(period["period_text"]))


@lru_cache(maxsize=1024)  # the same few fiscal years recur through a document and a corpus
def _fiscal_dates(period_text: str, published: dt.date | None, countries: str) -> tuple[str, str] | None:
    """The dates of a fiscal year by the calendar of ``countries``, or None."""
    own = find_periods(period_text, published, countries=countries)
    return (own[0].start.isoformat(), own[0].end.isoformat()) if own and own[0].resolved else None


def _metric(metric: str, index: MetricIndex, span: Span, last: Figure | None, continues: bool) -> str:
    """The figure's metric from the one its sentence names for it (``metric_for``); "shipments",
    or nothing named, read as the statement before."""
    if metric == "tariff" and span.kind == "money":
        return "imports"  # "tariffs on C$16.6 billion of goods": the goods tariffed
    before = last.metric.removeprefix("share of ") if last is not None else ""
    if names_other_commodity(before, span.unit) or (before == "tariff" and span.kind != "percent"):
        # "soybeans exports" does not carry on to a figure in bcm, nor a tariff rate to an amount
        before = ""
    named_after = index.before(span.start) is None and not names_own_metric(index.text, span.end)
    own_share = metric.startswith("share of ")
    if before and (not metric or metric == "shipments" or (continues and named_after and not own_share)):
        return before
    # "Soybean shipments" go the way the statement before's flow goes, commodity kept.
    return metric.replace("shipments", "imports" if "import" in before else "exports")


def _period_fields(
    ctx: context.SentenceContext,
    clause: context.Clause,
    span: Span,
    metric: str,
    before: _Statement,
    continues: bool,
    published: dt.date | None,
) -> dict[str, str]:
    """The period columns of one figure: its own time expression, else the one it continues."""
    period = ctx.nearest_period(span)
    if period is not None and period.granularity == "open" and not clause.start <= period.offset < clause.end:
        period = None  # "about 40%, against less than 1% before 2022": the time before is the 1%'s
    if (
        period is not None
        and not (clause.start <= period.offset < clause.end)
        and ctx.relative(ctx.clause(period.offset))
    ):
        return {}  # "crude exports, which halted in March 2023, had cost $19 billion"
    # "The bank has pledged $5 billion, while exports rose 9% in 2023": the pledge stands now.
    perfect = ctx.perfect_before(clause, span.start)
    if (
        period is not None
        and not (clause.start <= period.offset < clause.end)
        and not ctx.fronted(period)
        and (
            ctx.clause_now(clause)
            or perfect
            or context.is_general(metric)
            or (_ahead(period, published) and not ctx.forecast)
        )
    ):
        # "exports tripled over the decade, and are now worth $1 billion"; a tariff is a
        # standing rate: "tariffs on EVs rose to 100%, and on chips to 50% by 2025"; what
        # has happened is not in a future year: "reached 22.7 bcm, versus 38 bcm from 2025"
        period = None
    if period is not None and period.granularity != "anaphor":
        return {
            "period_start": period.start.isoformat() if period.resolved else "",
            "period_end": period.end.isoformat() if period.resolved else "",
            "period_text": period.text,
        }
    general = ctx.now or perfect or context.is_general(metric)
    if before.heading and not general:
        return before.heading  # "Key figures (January-September 2024):" over "- Exports: $9.1 billion"
    if not before.figures or not (period is not None or continues or not general):
        return {}
    # A statement's period is its own figure's: "rose to $X in 2023 from $Y in 2022" is
    # about 2023, and so is "Exports fell 3%" after it.
    lead = before.lead()
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
    return {k: getattr(lead, k) for k in ("period_start", "period_end", "period_text")}


def _ahead(period: Period, published: dt.date | None) -> bool:
    """Whether a period starts after the document was published."""
    return period.start is not None and published is not None and period.start > published


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    """The figures as the FIGURES.md table (an empty table with the same columns for none)."""
    if not figures:
        return columns.empty_frame()
    rows = [{name: getattr(f, name) for name in columns.NAMES} for f in figures]
    return columns.conform(pd.DataFrame(rows))
