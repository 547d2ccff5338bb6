"""The page: two tabs. Figures: filters, summary, charts of claims, conflicts, the figures
table and the source panel. Documents: upload, the list, one document read whole."""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from dashboard.app import documents_view, ids
from dashboard.app.labels import countries_label
from dashboard.app.source_panel import placeholder
from dashboard.filters import SPECS

_HELP = {spec.key: spec.help for spec in SPECS}

GRID_LIMIT = 2000  # rows the table holds at once; the CSV has every row the filters match

COLUMN_DEFS = [
    {"field": "label", "headerName": "Figure", "pinned": "left", "width": 130},
    {"field": "metric", "headerName": "Metric", "width": 150},
    {"field": "countries_name", "headerName": "Countries", "width": 160},
    {"field": "period", "headerName": "Period", "width": 260},
    {
        "field": "value",
        "headerName": "Value",
        "type": "rightAligned",
        "valueFormatter": {"function": "d3.format(',.6~f')(params.value)"},
        "width": 170,
    },
    {"field": "unit", "headerName": "Unit", "width": 110},
    {"field": "bound", "headerName": "Bound", "width": 90},
    {"field": "direction", "headerName": "Direction", "width": 110},
    {"field": "kind", "headerName": "Kind", "width": 130},
    {"field": "source", "headerName": "Said by", "width": 160},
    {"field": "title", "headerName": "Document", "width": 320},
]


def _dropdown(component_id: str, key: str, label: str, options: list[dict[str, str]]) -> html.Div:
    return html.Div(
        [
            html.Label(label, htmlFor=component_id),
            dcc.Dropdown(id=component_id, options=options, multi=True, placeholder="all", value=[]),
        ],
        className="filter",
        title=_HELP[key],
    )


def build(options: dict[str, list[str]], documents: int) -> html.Div:
    """The page for a store whose filters can take ``options`` values."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.VERSION, data=0),
            html.Header(
                [
                    html.H1("Trade figures"),
                    html.P(
                        f"Every figure found in {documents} document{'s' * (documents != 1)}, "
                        "charted over the period it covers; the same figure reported by several "
                        "documents is one claim.",
                        className="lede",
                    ),
                ]
            ),
            dcc.Tabs(
                id=ids.TABS,
                value=ids.TAB_FIGURES,
                children=[
                    dcc.Tab(figures_tab(options), label="Figures", value=ids.TAB_FIGURES),
                    dcc.Tab(documents_view.build(), label="Documents", value=ids.TAB_DOCUMENTS),
                ],
            ),
        ],
        className="page",
    )


def filter_options(options: dict[str, list[str]]) -> dict[str, list[dict[str, str]]]:
    """Dropdown options for each list filter; countries by name."""
    out = {key: [{"label": v, "value": v} for v in values] for key, values in options.items()}
    out["countries"] = [{"label": countries_label(v), "value": v} for v in options.get("countries", [])]
    return out


def figures_tab(options: dict[str, list[str]]) -> html.Div:
    choices = filter_options(options)
    return html.Div(
        [
            html.Section(
                [
                    _dropdown(ids.COUNTRIES, "countries", "Countries", choices.get("countries", [])),
                    _dropdown(ids.METRIC, "metric", "Metric", choices.get("metric", [])),
                    _dropdown(ids.KIND, "kind", "Kind", choices.get("kind", [])),
                    _dropdown(ids.UNIT, "unit", "Currency or unit", choices.get("unit", [])),
                    html.Div(
                        [
                            html.Label("Period", htmlFor=ids.PERIOD),
                            dcc.DatePickerRange(
                                id=ids.PERIOD, display_format="YYYY-MM-DD", clearable=True, minimum_nights=0
                            ),
                        ],
                        className="filter",
                        title=_HELP["from"],
                    ),
                    html.Button("Clear filters", id=ids.RESET, className="secondary"),
                ],
                className="filters",
            ),
            html.Div(
                [
                    html.Span(id=ids.SUMMARY, className="summary"),
                    html.Button("Download CSV", id=ids.DOWNLOAD_BUTTON),
                    dcc.Download(id=ids.DOWNLOAD),
                ],
                className="toolbar",
            ),
            html.Div(id=ids.EMPTY, className="empty", hidden=True),
            html.Main(
                [
                    html.Div(
                        [
                            html.Div(
                                dcc.Graph(id=ids.MONEY_CHART, config={"displaylogo": False}), id=ids.MONEY_BOX
                            ),
                            html.Div(
                                dcc.Graph(id=ids.RATIO_CHART, config={"displaylogo": False}), id=ids.RATIO_BOX
                            ),
                            html.Div(
                                [
                                    html.H2("Conflicting claims"),
                                    html.P(
                                        "Reports of the same quantity whose values disagree beyond rounding "
                                        "and their bounds, side by side.",
                                        className="lede",
                                    ),
                                    html.Div(id=ids.CONFLICTS),
                                ],
                                id=ids.CONFLICTS_BOX,
                                className="card",
                                hidden=True,
                            ),
                            html.Div(
                                [
                                    html.Div(id=ids.GRID_NOTE, className="summary grid-note"),
                                    dag.AgGrid(
                                        id=ids.GRID,
                                        columnDefs=COLUMN_DEFS,
                                        rowData=[],
                                        defaultColDef={"sortable": True, "resizable": True},
                                        getRowId="params.data.figure_id",
                                        dashGridOptions={"animateRows": False},
                                        style={"width": "100%", "height": "480px"},
                                    ),
                                ]
                            ),
                        ],
                        className="views",
                    ),
                    html.Aside(
                        [html.H2("Source"), html.Div(placeholder(), id=ids.SOURCE)], className="source-panel"
                    ),
                ],
                className="main",
            ),
        ]
    )
