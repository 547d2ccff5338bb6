"""The pipeline: text -> sentences -> candidate spans -> figures -> context -> table."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

import pandas as pd

from dashboard import columns, context, roles
from dashboard.countries import (
    Mention,
    find_countries,
    kingdom_mentions,
    mainland_mentions,
    named_as_outside,
    names_outside,
    naming_currency,
    policy_owner_mentions,
    ranked_countries,
    second_stands_out,
)
from dashboard.descriptions import described_mentions
from dashboard.documents import Document, parse_date
from dashboard.figure_periods import heading_period
from dashboard.figures import Figure, Span
from dashboard.lists import former_or_latter, parallel_lists, respectively, shares_of_one_whole
from dashboard.metrics import lead_metric, topic_flow
from dashboard.periods import (
    names_a_part_of_a_year,
    names_a_time,
    trigger_words,
)
from dashboard.reading import as_read, as_written
from dashboard.report import Report
from dashboard.sentence_figures import sentence_figures
from dashboard.sentences import LIST_ITEM, Sentence, dateline_span, split_sentences
from dashboard.sources import Speakers
from dashboard.spans import find_spans
from dashboard.statements import Statement


def extract_figures(
    text: str,
    published: dt.date | str | None = None,
    doc_id: str | None = None,
    title: str = "",
) -> pd.DataFrame:
    """Every figure in ``text`` as a DataFrame with exactly the FIGURES.md columns.

    Relative periods ("last year") resolve against ``published``; without it they stay
    empty and only ``period_text`` is kept. A ``title`` tells which countries the report is on.
    """
    document = Document(text=text, doc_id=doc_id or "", published=parse_date(published), title=title)
    return figures_frame(extract_document(document))


def extract_document(document: Document) -> list[Figure]:
    """The figures of one document, in order of position: the whole pipeline."""
    text, cased = as_read(document.text)
    # "919 billion U.S. dollars" names a currency, not a country the document is about.
    outside = names_outside(text)
    countries = [
        m
        for m in find_countries(text)
        if not naming_currency(text, m) and not (outside and named_as_outside(text, m))
    ]
    # "Trump's 25% tariffs": a leader owning a tariff stands for his country, in the title too
    if owners := policy_owner_mentions(text):
        countries = sorted([*countries, *owners], key=lambda m: m.start)
    in_title = sorted(
        [*find_countries(document.title), *policy_owner_mentions(document.title)], key=lambda m: m.start
    )
    named_in_all = in_title + countries
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
    sentences = split_sentences(text)
    if described := described_mentions(text, mentions, sentences):
        # "Europe's largest economy" is Germany, not the EU
        starts = [m.start for m in mentions]
        inside = {
            m.start
            for d in described
            for m in mentions[bisect_left(starts, d.start) : bisect_left(starts, d.end)]
        }
        mentions = sorted(
            [*(m for m in mentions if m.start not in inside), *described], key=lambda m: m.start
        )
    focus = tuple(code for code, _ in ranked[:2])  # the document's main countries
    # "R412 billion" is rand where South Africa is named at all; "¥" by the most named.
    currency_context = tuple(code for code, _ in ranked)
    report = Report(
        focus,
        paired=second_stands_out(ranked)
        and _named_up_front(ranked[1][0], document.title, in_title, countries, sentences),
        text=text,
        mentions=mentions,
        dateline=in_dateline[0].iso3 if in_dateline else "",
    )
    # One scan of the whole text for each kind of thing, shared out to sentences by position.
    caseless = text.islower()  # "in july": a month, read as in upper-case text
    all_spans = find_spans(text, currency_context, caseless=caseless)
    span_starts = [s.start for s in all_spans]
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
                report.lead_metric = lead_metric(sentence.text)
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
        own = sentence_figures(document, sentence, spans, named, periods, source, before, report, caseless)
        if "respectively" in sentence.text:
            respectively(own, sentence, named, before.roles(), before.subject)
        elif len(own) >= 2 and len(named) >= 2 and " and " in sentence.text:
            parallel_lists(own, sentence, named)
        if "the former" in sentence.text or "the latter" in sentence.text:
            former_or_latter(own, sentence, named)
        shares_of_one_whole(own, sentence)
        subject = first.iso3 if (first := roles.first_subject(sentence.text, named)) else ""
        topic = before.topic if LIST_ITEM.match(sentence.text) else ""
        before = Statement(
            own, subject, sentence.text, shift, named, topic=topic, earlier=figures, before=before
        )
        figures.extend(own)
    if text is not document.text:
        for figure in figures:
            shown = sentences[figure.sentence_index]
            figure.sentence = document.text[shown.start : shown.end]
            figure.surface = document.text[figure.start : figure.end]
            figure.period_text = as_written(figure.period_text, text, document.text)
    return figures


def _named_up_front(
    code: str, title: str, in_title: list[Mention], countries: list[Mention], sentences: list[Sentence]
) -> bool:
    """Whether the title or the first sentence (after a headline) names ``code``: a report on a
    pair says so up front; one on China's monthly trade that names the EU twice further down
    is China's."""
    # a headline in capitals opening the text ("CHINA-RUSSIA TRADE UP 26%"), then the lead
    lead = 1 if len(sentences) > 1 and sentences[0].text.isupper() else 0
    first_end = sentences[lead].end if sentences else 0
    # not in the title's reason: "China's July exports miss forecasts as shipments to Russia slip"
    title_end = in_title[-1].end if in_title else 0
    if in_title and (reason := _TITLE_REASON.search(title, 0, title_end)):
        title_end = reason.start()
    # nor in the lead's: "China's exports grew ... in December as factories rushed out shipments
    # ahead of threatened U.S. tariffs"
    if sentences and (reason := _LEAD_REASON.search(sentences[lead].text)):
        first_end = sentences[lead].start + reason.start()
    return any(m.iso3 == code and m.end <= title_end for m in in_title) or any(
        m.iso3 == code for m in countries if m.start < first_end
    )


_TITLE_REASON = re.compile(r"(?i)\s(?:as|amid|despite|while|after)\s")
_LEAD_REASON = re.compile(r"(?i),?\s(?:as|amid|despite)\s")


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
    if (
        heading is None
        and before.heading
        and sentence.text.endswith(":")
        and not names_a_time(sentence.text, caseless)
    ):
        # "Key figures from the trade ministry:" under a lead on March: the list is March's too
        heading = before.heading
    # "India's imports from Russia in April-October 2024:" over "• Coal: ₹23,900 crore"
    topic = topic_flow(sentence.text) if sentence.text.endswith(":") else ""
    if heading or topic or before.heading or (before.figures and not _aside(sentence.text, caseless)):
        return Statement(
            [], before.subject, heading=heading, topic=topic, earlier=before.earlier, before=before
        )
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


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    """The figures as the FIGURES.md table (an empty table with the same columns for none)."""
    if not figures:
        return columns.empty_frame()
    rows = [{name: getattr(f, name) for name in columns.NAMES} for f in figures]
    return columns.conform(pd.DataFrame(rows))
