"""The pipeline: text -> sentences -> candidate spans -> figures -> context -> table."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from dashboard import columns
from dashboard.countries import find_countries, is_bilateral, join_codes, main_countries
from dashboard.documents import Document
from dashboard.figures import Figure, Span
from dashboard.metrics import find_metrics, metric_for
from dashboard.periods import Period, find_periods
from dashboard.qualifiers import qualify
from dashboard.sentences import Sentence, split_sentences
from dashboard.sources import Speakers
from dashboard.spans import find_spans

# A sentence that opens by pointing back ("This is an annual increase of 40%")
# continues the statement of the figure before it.
_CONTINUES = re.compile(
    r"""^[\s"'“‘(]*(?:this|that|it|which|these|those|the\s+figure|the\s+increase|the\s+rise)\b""", re.I
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
    """The figures of one document, in order of position."""
    text = document.text
    focus = main_countries(f"{document.title}\n{text}")
    speakers = Speakers(text)
    figures: list[Figure] = []
    for sentence in split_sentences(text):
        spans = find_spans(sentence.text)
        source = speakers.source(sentence.text, sentence.start, spans[0].start if spans else None)
        if not spans:
            continue
        previous = figures[-1] if figures and figures[-1].sentence_index == sentence.index - 1 else None
        figures.extend(_in_context(document, sentence, spans, source, focus, previous))
    return figures


def _in_context(
    document: Document,
    sentence: Sentence,
    spans: list[Span],
    source: str,
    focus: tuple[str, ...],
    previous: Figure | None,
) -> list[Figure]:
    """Figures for the spans of one sentence, with period, countries, metric and source."""
    text = sentence.text
    continues = previous is not None and bool(_CONTINUES.match(text))
    named = {m.iso3 for m in find_countries(text)}
    if not named:
        named = set(previous.countries.split(";")) - {""} if continues else set(focus)
    elif len(named) < 2 and is_bilateral(text):
        named |= set(focus)
    countries = join_codes(named)
    periods = [
        p
        for p in find_periods(text, document.published, countries=countries)
        if not any(_overlaps(p, s) for s in spans)
    ]
    metrics = find_metrics(text)
    out = []
    for span in spans:
        bound, direction = qualify(text, span.start, span.end)
        if span.negative:
            direction = "down"
        period = _nearest(periods, span)
        fields = {}
        if period is not None:
            fields = {
                "period_start": period.start.isoformat() if period.resolved else "",
                "period_end": period.end.isoformat() if period.resolved else "",
                "period_text": period.text,
            }
        elif continues:
            fields = {k: getattr(previous, k) for k in ("period_start", "period_end", "period_text")}
        metric = metric_for(metrics, span.start, span.end) or (previous.metric if continues else "")
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
                unit=span.unit,
                bound=bound,
                direction=direction,
                metric=metric,
                countries=countries,
                source=source,
                **fields,
            )
        )
    return out


def _overlaps(period: Period, span: Span) -> bool:
    return period.offset < span.end and span.start < period.stop


def _nearest(periods: list[Period], span: Span) -> Period | None:
    def distance(p: Period) -> int:
        if p.offset >= span.end:
            return p.offset - span.end
        return max(0, span.start - p.stop)

    return min(periods, key=distance, default=None)


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    """The figures as the FIGURES.md table (an empty table with the same columns for none)."""
    if not figures:
        return columns.empty_frame()
    rows = [{name: getattr(f, name) for name in columns.NAMES} for f in figures]
    return columns.conform(pd.DataFrame(rows))
