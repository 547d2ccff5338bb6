"""The documents view: upload, the list of documents, and one document read whole.

Document text goes into components only as text children (escaped by React);
each figure in it is a button, so a click shows that figure's row.
"""

from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.app import ids
from dashboard.app.labels import figure_label

DOCUMENT_COLUMNS = [
    {"field": "published", "headerName": "Published", "width": 130, "sort": "desc"},
    {"field": "title", "headerName": "Title", "flex": 1, "minWidth": 280},
    {"field": "source", "headerName": "Source", "width": 170},
    {"field": "figures", "headerName": "Figures", "width": 110, "type": "rightAligned"},
    {"field": "ingested_at", "headerName": "Ingested", "width": 200},
]
READER_PROMPT = "Click a document in the list to read it whole, its figures highlighted."


def build() -> html.Div:
    return html.Div(
        [
            html.Section(
                [
                    html.H2("Add documents"),
                    html.P(
                        "Text, Markdown, HTML, JSONL or CSV files, several at once. A document with no date "
                        "of its own, and no dateline, takes the date below.",
                        className="lede",
                    ),
                    html.Div(
                        [
                            dcc.Upload(
                                html.Div(["Drop files here, or ", html.A("choose files")]),
                                id=ids.UPLOAD,
                                multiple=True,
                                className="upload",
                            ),
                            html.Div(
                                [
                                    html.Label("Date for undated documents", htmlFor=ids.UPLOAD_DATE),
                                    dcc.DatePickerSingle(
                                        id=ids.UPLOAD_DATE, display_format="YYYY-MM-DD", clearable=True
                                    ),
                                ],
                                className="filter",
                            ),
                        ],
                        className="upload-row",
                    ),
                    html.Ul(id=ids.UPLOAD_RESULTS, className="upload-results"),
                ],
                className="card",
            ),
            html.Section(
                [
                    html.H2("Documents"),
                    html.Div(id=ids.DOCUMENTS_NOTE, className="summary grid-note"),
                    dag.AgGrid(
                        id=ids.DOCUMENTS_GRID,
                        columnDefs=DOCUMENT_COLUMNS,
                        rowData=[],
                        defaultColDef={"sortable": True, "filter": True, "resizable": True},
                        getRowId="params.data.doc_id",
                        dashGridOptions={"animateRows": False, "rowSelection": "single"},
                        style={"height": "320px", "width": "100%"},
                    ),
                ],
                className="card",
            ),
            html.Div(
                [
                    html.Section(
                        [
                            html.Div(
                                [
                                    html.Button(
                                        "Delete this document",
                                        id=ids.DELETE_BUTTON,
                                        className="danger",
                                        disabled=True,
                                    ),
                                    html.Span(id=ids.DELETE_RESULT, className="summary"),
                                ],
                                className="toolbar",
                            ),
                            dcc.ConfirmDialog(id=ids.DELETE_CONFIRM),
                            html.Div(html.P(READER_PROMPT, className="source-placeholder"), id=ids.READER),
                        ],
                        className="card reader",
                    ),
                    html.Aside([html.H2("Figure"), html.Div(id=ids.READER_FIGURE)], className="source-panel"),
                ],
                className="main",
            ),
            dcc.Store(id=ids.OPEN_DOCUMENT),
        ]
    )


def document_rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    rows = frame.to_dict("records")
    for row in rows:
        row["title"] = row["title"] or row["doc_id"]
        row["published"] = row["published"] or "undated"
    return rows


def render_document(row: dict[str, object], figures: pd.DataFrame) -> html.Div:
    """The whole text, paragraph breaks kept, each figure a highlighted button."""
    text = str(row["text"])
    pieces: list[str | Component] = []
    at = 0
    for fig in figures.sort_values("start").to_dict("records"):
        start, end = int(fig["start"]), int(fig["end"])
        if start < at:
            continue  # overlapping spans cannot both be buttons; the first wins
        pieces.append(text[at:start])
        pieces.append(
            html.Button(
                text[start:end],
                id={"type": ids.DOC_FIGURE, "index": str(fig["figure_id"])},
                className="figure-mark",
                title=figure_label(
                    str(fig["kind"]),
                    float(fig["value"]),
                    str(fig["unit"]),
                    str(fig["bound"]),
                    str(fig["direction"]),
                ),
                n_clicks=0,
            )
        )
        at = end
    pieces.append(text[at:])
    meta = " · ".join(
        [
            str(row["source"]) or "unknown outlet",
            str(row["published"]) or "undated",
            f"{len(figures)} figure{'s' * (len(figures) != 1)}",
        ]
    )
    return html.Div(
        [
            html.H3(str(row["title"]) or str(row["doc_id"]), className="source-title"),
            html.Div(meta, className="source-meta"),
            html.Div(pieces, className="document-text"),
        ]
    )


def render_results(results: list[tuple[str, bool, str]]) -> list[html.Li]:
    """One line per file (and per bad line in it): (name, ok, what happened)."""
    return [
        html.Li([html.Strong(name), " — ", message], className="ok" if ok else "failed")
        for name, ok, message in results
    ]
