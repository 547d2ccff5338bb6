"""The page: filters, summary, charts, the figures table and the source panel."""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from dashboard.app import ids
from dashboard.app.labels import countries_label
from dashboard.app.source_panel import placeholder
from dashboard.filters import SPECS

_HELP = {spec.key: spec.help for spec in SPECS}

COLUMN_DEFS = [
    {"field": "label", "headerName": "Figure", "pinned": "left", "width": 130},
    {"field": "metric", "headerName": "Metric", "width": 150},
    {"field": "countries_name", "headerName": "Countries", "width": 160},
    {"field": "period", "headerName": "Period", "width": 260},
    {
        "field": "value",
        "headerName": "Value",
        "filter": "agNumberColumnFilter",
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
    plain = {key: [{"label": v, "value": v} for v in values] for key, values in options.items()}
    countries = [{"label": countries_label(v), "value": v} for v in options.get("countries", [])]
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            html.Header(
                [
                    html.H1("Trade figures"),
                    html.P(
                        f"Every figure found in {documents} document{'s' * (documents != 1)}, "
                        "charted over the period it covers.",
                        className="lede",
                    ),
                ]
            ),
            html.Section(
                [
                    _dropdown(ids.COUNTRIES, "countries", "Countries", countries),
                    _dropdown(ids.METRIC, "metric", "Metric", plain.get("metric", [])),
                    _dropdown(ids.KIND, "kind", "Kind", plain.get("kind", [])),
                    _dropdown(ids.UNIT, "unit", "Currency or unit", plain.get("unit", [])),
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
                            dag.AgGrid(
                                id=ids.GRID,
                                columnDefs=COLUMN_DEFS,
                                rowData=[],
                                defaultColDef={"sortable": True, "filter": True, "resizable": True},
                                getRowId="params.data.figure_id",
                                dashGridOptions={"animateRows": False, "domLayout": "autoHeight"},
                                style={"width": "100%"},
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
        ],
        className="page",
    )
