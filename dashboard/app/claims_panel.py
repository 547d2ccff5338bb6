"""A claim's reports, and the claims that contradict each other, as components.

Sentences and titles are document text: they go in as text children only, which
React escapes, so markup in a document shows as characters.
"""

from __future__ import annotations

import pandas as pd
from dash import html
from dash.development.base_component import Component

from dashboard.app.labels import countries_label, figure_label, period_label
from dashboard.countries import display_name


def marked(sentence: str, surface: str) -> list[str | html.Mark]:
    """The sentence with the figure's words marked (the first place they stand)."""
    at = sentence.find(surface)
    if at < 0 or not surface:
        return [sentence]
    return [sentence[:at], html.Mark(surface, className="surface"), sentence[at + len(surface) :]]


def _report(row: dict[str, object]) -> html.Li:
    meta = " · ".join([str(row["doc_source"]) or "unknown outlet", str(row["published"]) or "undated"])
    return html.Li(
        [
            html.Div(str(row["title"]) or str(row["doc_id"]), className="report-title"),
            html.Div(meta, className="source-meta"),
            html.Blockquote(marked(str(row["sentence"]), str(row["surface"])), className="report-sentence"),
        ],
        className="report",
    )


def render_claim(reports: pd.DataFrame, label: str) -> html.Div:
    """Every report of one claim: its document, outlet, date and sentence."""
    documents = reports["doc_id"].nunique()
    return html.Div(
        [
            html.H3(label, className="source-title"),
            html.Div(
                f"{len(reports)} reports in {documents} document{'s' * (documents != 1)}",
                className="source-meta",
            ),
            html.Ol([_report(r) for r in reports.to_dict("records")], className="reports"),
        ],
        className="source-body",
    )


def render_conflicts(frame: pd.DataFrame, total: int) -> list[Component]:
    """One block per contested quantity, its claims side by side, each with its sentences;
    ``total`` is how many quantities are contested in all, of which ``frame`` holds some."""
    blocks: list[Component] = []
    keys = ["metric", "countries", "flow", "period_start", "period_end", "kind", "unit"]
    for (metric, countries, flow, start, end, _kind, _unit), rows in frame.groupby(keys, sort=False):
        columns = []
        for _, claim in rows.groupby("claim_id", sort=False):
            reports = claim.to_dict("records")  # a few rows each: the store sends the first ones
            first = reports[0]
            values = sorted({r["value"] for r in reports})
            labels = [figure_label(first["kind"], v, first["unit"], "=", first["direction"]) for v in values]
            label = " / ".join(dict.fromkeys(labels))  # $190 bn and $190.3 bn both read "$190 bn"
            more = int(first["reports"]) - len(reports)
            columns.append(
                html.Div(
                    [
                        html.Div(label, className="conflict-value"),
                        html.Ol([_report(r) for r in reports], className="reports"),
                        html.Div(f"and {more} more report{'s' * (more != 1)}", className="summary")
                        if more > 0
                        else None,
                    ],
                    className="conflict-claim",
                )
            )
        hidden = int(rows["claims"].iloc[0]) - len(columns)
        if hidden > 0:
            columns.append(
                html.Div(f"and {hidden} more claim{'s' * (hidden != 1)}", className="conflict-claim summary")
            )
        # A flow reads in its direction: "China → Russia".
        between = " → ".join(map(display_name, flow.split(">"))) if flow else countries_label(countries)
        heading = f"{metric} · {between} · {period_label(start, end)}"
        blocks.append(
            html.Div(
                [html.H3(heading), html.Div(columns, className="conflict-columns")], className="conflict"
            )
        )
    shown = len(blocks)
    if total > shown:
        blocks.append(
            html.P(
                f"The {shown} most reported of {total:,} contested quantities; filter to see the others.",
                className="summary",
            )
        )
    return blocks
