"""The pipeline: text -> sentences -> candidate spans -> figures -> context -> table."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache

import pandas as pd

from dashboard import columns, context, parties, roles
from dashboard.conjuncts import Conjuncts
from dashboard.context import Clause
from dashboard.countries import (
    Mention,
    find_countries,
    join_codes,
    kingdom_mentions,
    mainland_mentions,
    named_as_outside,
    naming_currency,
    ranked_countries,
    second_stands_out,
)
from dashboard.documents import Document, parse_date
from dashboard.figures import Figure, Span
from dashboard.lists import former_or_latter, parallel_lists, respectively, shares_of_one_whole
from dashboard.metric_parties import by_metric
from dashboard.metrics import MetricIndex, metric_for, names_a_benchmark, names_own_metric, unit_price
from dashboard.parties import Report
from dashboard.periods import (
    find_periods,
    fiscal_calendar,
    names_a_part_of_a_year,
    names_a_time,
    trigger_words,
)
from dashboard.qualifiers import missed_target, names_expectation, qualify, range_bounds
from dashboard.reading import as_read, as_written
from dashboard.sentences import Sentence, dateline_span, split_sentences
from dashboard.sources import Speakers
from dashboard.spans import currency_of, find_spans
from dashboard.statements import (
    Statement,
    base_period,
    carried_metric,
    heading_period,
    period_fields,
    period_of,
    share_of_total,
    year_earlier,
)

# The words between two figures when the second shares the first's verb: "7% in 2023 and 3%".
# "rose 5% to China and to Japan 3%" too: the second names its own partner.
# "dropped A$1.5 billion, or 16%": the same change, told again as a percentage
_OR = re.compile(r",?\s+or\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$")
_AND_THEN = re.compile(
    r"^[^;:]{0,60}?\band\s+(?:by\s+|(?:(?:to|from|in|for|with)\s+)?(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}"
    r"|(?:exports|imports|shipments|sales|purchases|those|that)\s+(?:(?:to|from)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3})?)?$"
    # "grew 4.7%, slower than the 5.3% pace": a pace of the same change
    r"|^[^;:]{0,60}?(?:,\s+|\s)(?:slower|faster|weaker|stronger)\s+than\s+(?:the\s+|a\s+)?$"
)
_FISCAL = re.compile(r"(?i)\bFY|fiscal|\d{4}[-–/]\d\d\b")


def extract_figures(
    text: str,
    published: dt.date | str | None = None,
    doc_id: str | None = None,
) -> pd.DataFrame:
    """Every figure in ``text`` as a DataFrame with exactly the FIGURES.md columns.

    Relative periods ("last year") resolve against ``published``; without it they stay
    empty and only ``period_text`` is kept.
    """
    document = Document(text=text, doc_id=doc_id or "", published=parse_date(published))
    return figures_frame(extract_document(document))


def extract_document(document: Document) -> list[Figure]:
    """The figures of one document, in order of position: the whole pipeline."""
    text, cased = as_read(document.text)
    # "919 billion U.S. dollars" names a currency, not a country the document is about.
    outside = "outside" in text or "beyond" in text  # most texts have neither: spare the scan
    countries = [
        m
        for m in find_countries(text)
        if not naming_currency(text, m) and not (outside and named_as_outside(text, m))
    ]
    named_in_all = find_countries(document.title) + countries
    # "BEIJING (Reuters) - Brazil's exports to Argentina": the dateline's place is where the
    # report was written, not a party to its figures, nor whose figures they are but for lack
    # of another.
    opens, place = dateline_span(text)
    in_dateline = [m for m in countries if opens <= m.start < place]
    if len(in_dateline) > 1 and "/" not in text[opens:place]:
        # "INDIA-UAE CEPA: non-oil trade up 15%": a topic naming two, not a dateline
        opens = place = 0
        in_dateline = []
    mentions = [m for m in countries if not opens <= m.start < place]
    ranked = ranked_countries(named_in_all)
    if "ingdom" in text:
        mentions = sorted([*mentions, *kingdom_mentions(text, ranked)], key=lambda m: m.start)
    if "ainland" in text:
        mentions = sorted([*mentions, *mainland_mentions(text, ranked)], key=lambda m: m.start)
    focus = tuple(code for code, _ in ranked[:2])  # the document's main countries
    # "R412 billion" is rand where South Africa is named at all; "¥" by the most named.
    currency_context = tuple(code for code, _ in ranked)
    report = Report(
        focus,
        paired=second_stands_out(ranked),
        text=text,
        mentions=mentions,
        dateline=in_dateline[0].iso3 if in_dateline else "",
    )
    # One scan of the whole text for each kind of thing, shared out to sentences by position.
    caseless = text.islower()  # "in july": a month, read as in upper-case text
    all_spans = find_spans(text, currency_context, caseless=caseless)
    span_starts = [s.start for s in all_spans]
    sentences = split_sentences(text)
    spans_by_sentence = [
        [s for s in all_spans[_within(span_starts, sentence)] if s.end <= sentence.end]
        for sentence in sentences
    ]
    mention_starts = [m.start for m in mentions]
    triggers = _time_words(text, sentences, spans_by_sentence, caseless)
    trigger_starts = [at for at, _ in triggers]
    speakers = Speakers(cased)
    figures: list[Figure] = []
    before = Statement([], earlier=figures)
    for sentence, own_spans in zip(sentences, spans_by_sentence, strict=True):
        shift = sentence.start
        spans = [s.shifted(-shift) for s in own_spans]
        if not spans:
            speakers.skip(cased[sentence.start : sentence.end], shift)
            lead = not figures and sentence.index < 3  # a report's first sentences
            if lead and not report.lead:
                # with a dateline's country: "Mongolia: trade with Russia" is about both
                named_here = [m for m in countries if sentence.start <= m.start < sentence.end]
                report.lead = roles.lead_parties(text, named_here)
            figures_next = sentence.index + 1 < len(sentences) and bool(spans_by_sentence[sentence.index + 1])
            before = _after_words(sentence, before, document.published, focus, lead, figures_next, caseless)
            continue
        if context.turns_away(sentence.text):  # "Separately, ..." starts a new statement
            before = Statement([], earlier=figures)
        source = speakers.source(cased[sentence.start : sentence.end], shift, spans[0].start)
        named = [
            Mention(m.start - shift, m.end - shift, m.iso3)
            for m in mentions[_within(mention_starts, sentence)]
        ]
        periods = [(at - shift, word) for at, word in triggers[_within(trigger_starts, sentence)]]
        own = _in_context(document, sentence, spans, named, periods, source, before, report, caseless)
        if "respectively" in sentence.text:
            respectively(own, sentence, named)
        elif len(own) >= 2 and len(named) >= 2 and " and " in sentence.text:
            parallel_lists(own, sentence, named)
        if "the former" in sentence.text or "the latter" in sentence.text:
            former_or_latter(own, sentence, named)
        shares_of_one_whole(own, sentence)
        subject = next((m.iso3 for m in named if not roles.is_flow_partner(sentence.text, m)), "")
        before = Statement(own, subject, sentence.text, shift, named, earlier=figures)
        figures.extend(own)
    if text is not document.text:
        for figure in figures:
            shown = sentences[figure.sentence_index]
            figure.sentence = document.text[shown.start : shown.end]
            figure.surface = document.text[figure.start : figure.end]
            figure.period_text = as_written(figure.period_text, text, document.text)
    return figures


def _after_words(
    sentence: Sentence,
    before: Statement,
    published: dt.date | None,
    focus: tuple[str, ...],
    lead: bool,
    figures_next: bool,
    caseless: bool,
) -> Statement:
    """The statement the figures after a sentence without figures continue: the one before,
    or a new one, with the period a heading, a lead or a sentence naming a flow in a month
    gives them."""
    # "The top export destinations in October were ...", then figures naming no time
    before_figures = not lead and figures_next and names_a_part_of_a_year(sentence.text, caseless)
    # Most such sentences are neither a lead nor a heading over a list.
    heading = (
        heading_period(
            sentence.text, published, focus, lead=lead, caseless=caseless, before_figures=before_figures
        )
        if lead or before_figures or sentence.text.endswith(":")
        else None
    )
    if heading or before.heading or (before.figures and not _aside(sentence.text, caseless)):
        return Statement([], before.subject, heading=heading, earlier=before.earlier)
    return before


def _aside(text: str, caseless: bool = False) -> bool:
    """Whether a sentence without figures leaves the statement before open for the next: it
    points back to it ("It was the first decline since April 2023"), or names no time of its
    own and does not turn away ("China slipped to third.", "Most of the rest went to Poland.")."""
    if context.opens_pointing_back(text):
        return True
    # A time named, even of an event ("signed a deal in 2009"), moves the statement on.
    return not context.turns_away(text) and not names_a_time(text, caseless)


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


def _in_context(
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
    previous_subject = before.subject
    focus_codes = ";".join(focus[:2])  # most named first: the first with a fiscal calendar sets it
    ctx = context.SentenceContext(
        text,
        mentions,
        find_periods(text, document.published, countries=focus_codes, triggers=triggers, caseless=caseless),
        spans,
    )
    conjuncts = Conjuncts(ctx)
    metrics = MetricIndex(text, {m.start for m in mentions} if "sold" in text else ())
    bounds = range_bounds(text, spans)
    out: list[Figure] = []
    for i, span in enumerate(spans):
        clause = ctx.clause(span.start)
        countries = join_codes(
            parties.figure_countries(
                conjuncts,
                span,
                report,
                previous_countries,
                previous_subject,
                continues,
                before.roles,
                before.breakdown,
                sibling=out[-1].countries if out else "",
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
                (like is out[-1] and bound == "<=" and like.bound == ">=") or _AND_THEN.search(gap)
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
        # The low end of a range reads its metric where the range ends: "35-40% of imports".
        high = spans[i + 1] if bound == ">=" and i + 1 < len(spans) else None
        measured = high if high is not None and bounds.get(high.start) == "<=" else span
        named_metric = metric_for(metrics, measured.start, measured.end, measured.kind, measured.unit)
        metric = carried_metric(named_metric, metrics, measured, measured_before, continues, countries)
        metric = share_of_total(metric, named_metric, text, span, out[-1] if out else measured_before)
        if (
            (compared := next((f for f in reversed(out) if f.kind == span.kind), None))
            and compared.metric
            and context.is_base(text, span.start)
            and not names_own_metric(text, span.end)  # "from a $2.2 billion deficit"
        ):
            # "made up 36% of oil imports, down from 42%": a share too; "bought 21.3 bcm, 42% of
            # its consumption, down from 21.7 bcm": the purchases, past the share between
            metric = compared.metric
        if metric == "trade balance" and span.kind == "money" and span.hint:
            # "Trade balance: -$29.3 billion" is a deficit of $29.3 billion, not a fall
            metric = "trade deficit" if span.hint == "down" else "trade surplus"
            if direction == span.hint:
                direction = worded  # the words' direction, not the sign's
        if not named_metric and ctx.bilateral and span.kind == "money":
            metric = "trade"  # "The two sides have set a target of $100 bn": their trade
        countries = by_metric(metric, countries, ctx, report, previous_countries, continues, span.start)
        if span.kind == "money" and (metric := unit_price(text, span.end, metric)) == "price":
            # "Brent fell to $78 a barrel, and India's oil import bill shrank": its own clause's;
            # but "The average price eased to $6.10" is of the flow it continues
            if ctx.in_sentence or names_a_benchmark(text):
                countries = join_codes(ctx.clause_countries(clause))
        elif metric in ("discount", "premium") and (own := ctx.clause_countries(clause)):
            # "The discount on Russia's Urals grade widened to $7 a barrel": of the crude its own
            # clause names, not with the country the statement before was about
            countries = join_codes(own)
        # "tariffs of 25% on $300 billion of goods": the goods are tariffed, a standing state;
        # but "collected $77 billion in tariffs" is revenue over a period
        standing = named_metric if context.is_general(named_metric) and metric != "tariff revenue" else metric
        if span.unit.endswith("/ year"):
            standing = "capacity"  # "to supply 4 mtpa": a standing rate, not a flow over a period
        period = period_fields(ctx, clause, span, standing, before, continues, document.published)
        if (
            not period.get("period_start")
            and out
            and out[-1].period_start
            and (near := ctx.nearest_period(span)) is not None
            and near.granularity == "anaphor"
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
            and fiscal_calendar(owner := _owner_first(countries, ctx, focus)) != fiscal_calendar(focus_codes)
            and (dates := _fiscal_dates(period["period_text"], document.published, owner))
        ):
            period = {**period, "period_start": dates[0], "period_end": dates[1]}
        if (earlier := year_earlier(text, span, period)) is not period:
            period = earlier
        elif i and period.get("period_start") and context.is_base(text, span.start):
            period = base_period(ctx, span, spans[i - 1], period, before)
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
                unit=_currency(span, mentions, report, ctx.part(clause)) if span.symbol else span.unit,
                bound=bound,
                direction=direction,
                metric=metric,
                countries=countries,
                source=source or (last.source if continues and last else ""),
                **period,
            )
        )
    return out


def _currency(span: Span, mentions: list[Mention], report: Report, part: Clause) -> str:
    """The currency of a sign that differs by country ("¥", "Rs"), by the sentence's countries,
    then the document's. "Rs" in "exports to Nepal stood at Rs 2,21,000 crore" is not Nepal's:
    a country named only as a partner does not decide a currency."""
    # those of its own part first: "Iraq's revenue reached 14 trillion dinars, while Serbia's
    # exports came to 900 billion dinars"
    own = sorted(mentions, key=lambda m: not part.start <= m.start < part.end)
    named = (*(m.iso3 for m in own), *report.focus)
    # "dinars" in a text naming none of the countries that use them: the first that does
    return currency_of(span.symbol, tuple(c for c in named if not report.partner_only(c))) or span.unit


def _owner_first(countries: str, ctx: context.SentenceContext, focus: tuple[str, ...]) -> str:
    """``countries`` with those the sentence names other than as a partner first, in its
    order, then the document's main countries."""
    first = ctx.first_mention

    def rank(code: str) -> tuple[int, int]:
        if code in first and not roles.is_flow_partner(ctx.text, first[code]):
            return 0, first[code].start
        return 1, focus.index(code) if code in focus else len(focus)

    return ";".join(sorted(countries.split(";"), key=rank))


def _is_fiscal(period: dict[str, str]) -> bool:
    return bool(_FISCAL.search(period["period_text"]))


@lru_cache(maxsize=1024)  # the same few fiscal years recur through a document and a corpus
def _fiscal_dates(period_text: str, published: dt.date | None, countries: str) -> tuple[str, str] | None:
    """The dates of a fiscal year by the calendar of ``countries``, or None."""
    own = find_periods(period_text, published, countries=countries)
    if not own or own[0].start is None or own[0].end is None:
        return None
    return own[0].start.isoformat(), own[0].end.isoformat()


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    """The figures as the FIGURES.md table (an empty table with the same columns for none)."""
    if not figures:
        return columns.empty_frame()
    rows = [{name: getattr(f, name) for name in columns.NAMES} for f in figures]
    return columns.conform(pd.DataFrame(rows))
