"""The app's behaviour as plain functions of their inputs, registered on an app by ``register``.

Each function takes the store and the callback's values and returns what the
callback outputs, so tests call them directly.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pandas as pd
from dash import Dash, Input, Output, State, ctx, dcc, no_update

from dashboard import export
from dashboard.app import charts, claims_panel, documents_callbacks, ids, layout, source_panel
from dashboard.app.labels import countries_label, figure_label, period_label
from dashboard.filters import Filters
from dashboard.store import Store

_CONTROLS = (ids.COUNTRIES, ids.METRIC, ids.KIND, ids.UNIT)
CHART_LIMIT = 1500  # claims drawn at once; more would make the page slow to draw and to read
GRID_LIMIT = layout.GRID_LIMIT


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
    """Charts of claims, conflicts, table rows, summary and the empty-result message.

    Returns (money figure, money hidden, ratio figure, ratio hidden, row data, grid note,
    summary, empty message, empty hidden, conflicts, conflicts hidden).
    """
    total = store.figure_count(filters)
    if not total:
        why = (
            "No figures match these filters. Widen the period or clear a filter to see more."
            if not filters.is_empty()
            else "No figures yet: add documents in the Documents tab, or `trade-figures ingest PATH`."
        )
        return ({}, True, {}, True, [], "", "0 figures", why, False, [], True)
    claims = store.claims(filters, limit=CHART_LIMIT)
    claim_total = store.claim_count(filters) if len(claims) == CHART_LIMIT else len(claims)
    money = charts.money_chart(claims)
    ratio = charts.ratio_chart(claims)
    frame = store.figures(filters, limit=GRID_LIMIT)
    note = (
        f"The table holds the first {GRID_LIMIT:,} of {total:,} figures; narrow the filters, "
        "or download the CSV for all of them."
        if total > GRID_LIMIT
        else ""
    )
    contested, quantities = store.conflicts(filters)
    undated = int((claims["period_start"] == "").sum())
    summary = f"{total:,} figure{'s' * (total != 1)} making {claim_total:,} claim{'s' * (claim_total != 1)}"
    if quantities:
        summary += (
            f"; {quantities:,} {_plural(quantities, 'quantity', 'quantities')} reported in conflicting ways"
        )
    if undated:
        summary += f"; {undated} without a period are in the table only"
    if claim_total > len(claims):
        summary += f"; the charts draw the {len(claims):,} claims most documents report"
    return (
        money or {},
        money is None,
        ratio or {},
        ratio is None,
        grid_rows(frame),
        note,
        summary,
        "",
        True,
        claims_panel.render_conflicts(contested, quantities) if len(contested) else [],
        contested.empty,
    )


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def grid_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Table rows: the figures plus the readable columns the grid shows."""
    rows = frame.to_dict("records")
    for row in rows:
        row["label"] = figure_label(row["kind"], row["value"], row["unit"], row["bound"], row["direction"])
        row["countries_name"] = countries_label(row["countries"])
        row["period"] = period_label(row["period_start"], row["period_end"], row["period_text"])
    return rows


def clicked(trigger: str | None, money_click: Any, ratio_click: Any, cell: Any) -> tuple[str, str] | None:
    """What a click points at: ("claim", claim_id) on a chart, ("figure", figure_id) in the table."""
    if trigger == ids.GRID:
        row = (cell or {}).get("rowId")
        return ("figure", row) if row else None
    click = money_click if trigger == ids.MONEY_CHART else ratio_click if trigger == ids.RATIO_CHART else None
    points = (click or {}).get("points") or []
    target = points[0].get("customdata") if points else None
    return ("claim", target) if target else None


def show_source(store: Store, target: tuple[str, str] | None) -> Any:
    """The source panel for a clicked figure, or for every report of a clicked claim."""
    if not target:
        return no_update
    kind, key = target
    if kind == "figure":
        return source_panel.render(store.figure(key))
    reports = store.claim_sources(key)
    if reports.empty:
        return source_panel.placeholder("That claim is no longer in the store.")
    if len(reports) == 1:
        return source_panel.render(store.figure(str(reports["figure_id"].iloc[0])))
    claim = store.claim(key)
    label = charts.claim_label(SimpleNamespace(**claim)) if claim else ""
    return claims_panel.render_claim(reports, label)


def download_csv(store: Store, filters: Filters) -> dict[str, Any]:
    """The CSV of every figure the filters match, with its claim_id."""
    frame = store.figures(filters)
    return dcc.send_string(export.to_csv(frame), export.download_name(dt.date.today()), type="text/csv")


def refresh_options(store: Store) -> tuple[list[dict[str, str]], ...]:
    """The filters' choices as the store holds them now (after an upload or a delete)."""
    choices = layout.filter_options(store.options())
    return tuple(choices.get(key, []) for key in ("countries", "metric", "kind", "unit"))


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
        Output(ids.GRID_NOTE, "children"),
        Output(ids.SUMMARY, "children"),
        Output(ids.EMPTY, "children"),
        Output(ids.EMPTY, "hidden"),
        Output(ids.CONFLICTS, "children"),
        Output(ids.CONFLICTS_BOX, "hidden"),
        *filter_inputs,
        Input(ids.VERSION, "data"),
    )
    def _views(*values):
        *controls, _version = values
        return update_views(store, filters_from_controls(*controls))

    @app.callback(
        Output(ids.SOURCE, "children"),
        Input(ids.MONEY_CHART, "clickData"),
        Input(ids.RATIO_CHART, "clickData"),
        Input(ids.GRID, "cellClicked"),
        prevent_initial_call=True,
    )
    def _source(money_click, ratio_click, cell):
        return show_source(store, clicked(ctx.triggered_id, money_click, ratio_click, cell))

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Input(ids.DOWNLOAD_BUTTON, "n_clicks"),
        *[State(i.component_id, i.component_property) for i in filter_inputs],
        prevent_initial_call=True,
    )
    def _download(_clicks, *controls):
        return download_csv(store, filters_from_controls(*controls))

    @app.callback(
        *[Output(i, "options") for i in _CONTROLS],
        Input(ids.VERSION, "data"),
        prevent_initial_call=True,
    )
    def _options(_version):
        return refresh_options(store)

    documents_callbacks.register(app, store)
