"""The app's behaviour as plain functions of their inputs, registered on an app by ``register``.

Each function takes the store and the callback's values and returns what the
callback outputs, so tests call them directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from dash import Dash, Input, Output, State, ctx, dcc, no_update

from dashboard import export
from dashboard.app import charts, ids, source_panel
from dashboard.app.labels import countries_label, figure_label, period_label
from dashboard.filters import Filters
from dashboard.store import Store

_CONTROLS = (ids.COUNTRIES, ids.METRIC, ids.KIND, ids.UNIT)


def filters_from_controls(
    countries: Any, metric: Any, kind: Any, unit: Any, date_from: Any, date_to: Any
) -> Filters:
    return Filters.from_values(
        countries=countries, metric=metric, kind=kind, unit=unit, date_from=date_from, date_to=date_to
    )


def sync_url(trigger: str | None, search: str | None, *controls: Any) -> tuple[Any, ...]:
    """Keep the filters and the URL query in step, whichever the analyst changed.

    Returns (search, countries, metric, kind, unit, date_from, date_to).
    """
    if trigger == ids.RESET:
        return ("", [], [], [], [], None, None)
    if trigger in (None, ids.URL):
        f = Filters.from_query(search)
        return (no_update, list(f.countries), list(f.metric), list(f.kind), list(f.unit),
                f.date_from or None, f.date_to or None)  # fmt: skip
    query = filters_from_controls(*controls).to_query()
    return (query if query != (search or "") else no_update, *(no_update,) * 6)


def update_views(store: Store, filters: Filters) -> tuple[Any, ...]:
    """Charts, table rows, summary and the empty-result message for ``filters``.

    Returns (money figure, money hidden, ratio figure, ratio hidden, row data,
    summary, empty message, empty hidden).
    """
    frame = store.figures(filters)
    if frame.empty:
        why = (
            "No figures match these filters. Widen the period or clear a filter to see more."
            if not filters.is_empty()
            else "No figures yet: ingest documents with `trade-figures ingest PATH`."
        )
        return ({}, True, {}, True, [], "0 figures", why, False)
    money = charts.money_chart(frame)
    ratio = charts.ratio_chart(frame)
    undated = int((frame["period_start"] == "").sum())
    docs = frame["doc_id"].nunique()
    summary = f"{len(frame)} figure{'s' * (len(frame) != 1)} from {docs} document{'s' * (docs != 1)}"
    if undated:
        summary += f"; {undated} without a period are in the table only"
    return (money or {}, money is None, ratio or {}, ratio is None, grid_rows(frame), summary, "", True)


def grid_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Table rows: the figures plus the readable columns the grid shows."""
    rows = frame.to_dict("records")
    for row in rows:
        row["label"] = figure_label(row["kind"], row["value"], row["unit"], row["bound"], row["direction"])
        row["countries_name"] = countries_label(row["countries"])
        row["period"] = period_label(row["period_start"], row["period_end"], row["period_text"])
    return rows


def clicked_figure_id(trigger: str | None, money_click: Any, ratio_click: Any, cell: Any) -> str | None:
    """The figure_id a chart click or a table click points at, if any."""
    if trigger == ids.GRID:
        return (cell or {}).get("rowId")
    click = money_click if trigger == ids.MONEY_CHART else ratio_click if trigger == ids.RATIO_CHART else None
    points = (click or {}).get("points") or []
    return points[0].get("customdata") if points else None


def show_source(store: Store, figure_id: str | None) -> Any:
    if not figure_id:
        return no_update
    return source_panel.render(store.figure(figure_id))


def download_csv(store: Store, filters: Filters, visible: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The CSV of exactly the rows on screen: the filters' rows, narrowed by the table's own filters."""
    frame = store.figures(filters)
    if visible is not None:
        frame = frame[frame["figure_id"].isin({row.get("figure_id") for row in visible})]
    return dcc.send_string(export.to_csv(frame), export.download_name(dt.date.today()), type="text/csv")


def register(app: Dash, store: Store) -> None:
    filter_inputs = [Input(i, "value") for i in _CONTROLS] + [
        Input(ids.PERIOD, "start_date"),
        Input(ids.PERIOD, "end_date"),
    ]
    filter_outputs = [Output(i, "value") for i in _CONTROLS] + [
        Output(ids.PERIOD, "start_date"),
        Output(ids.PERIOD, "end_date"),
    ]

    @app.callback(
        Output(ids.URL, "search"),
        *filter_outputs,
        Input(ids.URL, "search"),
        Input(ids.RESET, "n_clicks"),
        *filter_inputs,
    )
    def _sync(search, _reset, *controls):
        return sync_url(ctx.triggered_id, search, *controls)

    @app.callback(
        Output(ids.MONEY_CHART, "figure"),
        Output(ids.MONEY_BOX, "hidden"),
        Output(ids.RATIO_CHART, "figure"),
        Output(ids.RATIO_BOX, "hidden"),
        Output(ids.GRID, "rowData"),
        Output(ids.SUMMARY, "children"),
        Output(ids.EMPTY, "children"),
        Output(ids.EMPTY, "hidden"),
        *filter_inputs,
    )
    def _views(*controls):
        return update_views(store, filters_from_controls(*controls))

    @app.callback(
        Output(ids.SOURCE, "children"),
        Input(ids.MONEY_CHART, "clickData"),
        Input(ids.RATIO_CHART, "clickData"),
        Input(ids.GRID, "cellClicked"),
        prevent_initial_call=True,
    )
    def _source(money_click, ratio_click, cell):
        return show_source(store, clicked_figure_id(ctx.triggered_id, money_click, ratio_click, cell))

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Input(ids.DOWNLOAD_BUTTON, "n_clicks"),
        *[State(i.component_id, i.component_property) for i in filter_inputs],
        State(ids.GRID, "virtualRowData"),
        prevent_initial_call=True,
    )
    def _download(_clicks, *values):
        *controls, visible = values
        return download_csv(store, filters_from_controls(*controls), visible)
