"""The source panel: a figure's document and paragraph, its sentence and surface marked.

Document text is untrusted: it only ever goes into components as text children,
which React escapes, so markup in a document shows as characters.
"""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.app.labels import countries_label, figure_label, period_label
from dashboard.sentences import paragraph_bounds, sentence_start

PROMPT = "Click a point on a chart or a row of the table to read the sentence it comes from."


def placeholder(message: str = PROMPT) -> html.Div:
    return html.Div(message, className="source-placeholder")


def render(row: dict[str, Any] | None) -> html.Div:
    """The panel for one stored figure row (with its document's text and metadata)."""
    if row is None:
        return placeholder("That figure is no longer in the store.")
    text = str(row["text"])
    start, end = int(row["start"]), int(row["end"])
    s_start = sentence_start(text, str(row["sentence"]), start)
    s_end = s_start + len(str(row["sentence"]))
    p_start, p_end = paragraph_bounds(text, start)
    p_start, p_end = min(p_start, s_start), max(p_end, s_end)
    paragraph = html.P(
        [
            text[p_start:s_start],
            html.Strong(
                [text[s_start:start], html.Mark(text[start:end], className="surface"), text[end:s_end]],
                className="sentence",
            ),
            text[s_end:p_end],
        ],
        className="paragraph",
    )
    meta = [str(row["doc_source"]) or "unknown outlet", str(row["published"]) or "undated"]
    url = str(row.get("url") or "")
    heading = html.H3(str(row["title"]) or str(row["doc_id"]), className="source-title")
    link = (
        html.A("open original", href=url, target="_blank", rel="noopener noreferrer") if _safe(url) else None
    )
    label = figure_label(
        str(row["kind"]), float(row["value"]), str(row["unit"]), str(row["bound"]), str(row["direction"])
    )
    facts = html.Dl(
        [
            *_fact("Figure", f"{label} ({row['surface']})"),
            *_fact("Metric", str(row["metric"]) or "—"),
            *_fact("Countries", countries_label(str(row["countries"]))),
            *_fact(
                "Period",
                period_label(str(row["period_start"]), str(row["period_end"]), str(row["period_text"])),
            ),
            *_fact("Said by", str(row["source"]) or "—"),
        ],
        className="facts",
    )
    return html.Div(
        [
            heading,
            html.Div([" · ".join(meta), " ", link] if link else " · ".join(meta), className="source-meta"),
            facts,
            paragraph,
        ],
        className="source-body",
    )


def _fact(term: str, value: str) -> list[html.Dt | html.Dd]:
    return [html.Dt(term), html.Dd(value)]


def _safe(url: str) -> bool:
    return url.startswith(("https://", "http://"))
