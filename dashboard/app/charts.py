"""Charts as pure functions of the figures table: no Dash here, only plotly.

Each figure is drawn across its period (a segment from period_start to
period_end) with a point at its middle carrying its label and its figure_id, so
a click on either finds the figure.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.app.labels import countries_label, figure_label, scale_of

RATIO_KINDS = ("percent", "percentage_point", "multiple")
_AXIS_TITLES = {"percent": "%", "percentage_point": "percentage points", "multiple": "times (×)"}
_PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
)
_ROW_HEIGHT = 260


def dated(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures that have a period, the only ones a time axis can place."""
    return frame[frame["period_start"] != ""]


def metric_colours(metrics: list[str]) -> dict[str, str]:
    """A stable colour per metric, the same in every chart of one view."""
    return {m: _PALETTE[i % len(_PALETTE)] for i, m in enumerate(sorted(set(metrics)))}


def money_chart(frame: pd.DataFrame) -> go.Figure | None:
    """Money figures over time, one panel per country set and currency; None when there are none."""
    money = dated(frame[frame["kind"] == "money"])
    if money.empty:
        return None
    groups = [(key, rows) for key, rows in money.groupby(["countries", "unit"], sort=True)]
    titles = [f"{countries_label(countries)} · {unit}" for (countries, unit), _ in groups]
    fig = make_subplots(rows=len(groups), cols=1, subplot_titles=titles, vertical_spacing=0.12 / len(groups))
    colours = metric_colours(list(frame["metric"]))
    shown: set[str] = set()
    for row, ((_, unit), rows) in enumerate(groups, start=1):
        factor, word = scale_of(float(rows["value"].max()))
        _draw(fig, rows, rows["value"] / factor, row, colours, shown)
        fig.update_yaxes(title_text=f"{unit} {word}".strip(), rangemode="tozero", row=row, col=1)
    return _finish(fig, len(groups), "Money figures by period")


def ratio_chart(frame: pd.DataFrame) -> go.Figure | None:
    """Percentages, percentage points and multiples over time, a panel per kind."""
    ratios = dated(frame[frame["kind"].isin(RATIO_KINDS)])
    if ratios.empty:
        return None
    kinds = [k for k in RATIO_KINDS if (ratios["kind"] == k).any()]
    fig = make_subplots(rows=len(kinds), cols=1, subplot_titles=[_AXIS_TITLES[k] for k in kinds])
    colours = metric_colours(list(frame["metric"]))
    shown: set[str] = set()
    for row, kind in enumerate(kinds, start=1):
        rows = ratios[ratios["kind"] == kind]
        signed = rows["value"].where(rows["direction"] != "down", -rows["value"])
        _draw(fig, rows, signed, row, colours, shown)
        fig.update_yaxes(title_text=_AXIS_TITLES[kind], rangemode="tozero", row=row, col=1)
    return _finish(fig, len(kinds), "Percentages and multiples by period")


def _draw(
    fig: go.Figure, rows: pd.DataFrame, y: pd.Series, row: int, colours: dict[str, str], shown: set[str]
) -> None:
    for metric, part in rows.groupby("metric", sort=True):
        ys = y.loc[part.index]
        colour = colours.get(metric, _PALETTE[0])
        name = metric or "(no metric)"
        starts = pd.to_datetime(part["period_start"])
        ends = pd.to_datetime(part["period_end"])
        mids = starts + (ends - starts) / 2
        labels = [
            figure_label(r.kind, r.value, r.unit, r.bound, r.direction) for r in part.itertuples(index=False)
        ]
        xs, ys_line, ids = [], [], []
        for s, e, v, fid in zip(starts, ends, ys, part["figure_id"], strict=True):
            xs += [s, e, None]
            ys_line += [v, v, None]
            ids += [fid, fid, None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys_line,
                customdata=ids,
                mode="lines",
                line={"color": colour, "width": 6},
                opacity=0.45,
                legendgroup=name,
                showlegend=False,
                hoverinfo="skip",
            ),
            row=row,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=mids,
                y=ys,
                customdata=list(part["figure_id"]),
                text=labels,
                mode="markers+text",
                textposition="top center",
                cliponaxis=False,
                marker={"color": colour, "size": 12, "line": {"color": "white", "width": 1}},
                name=name,
                legendgroup=name,
                showlegend=name not in shown,
                hovertext=[
                    f"{label} · {metric} · {p}<br>{src}"
                    for label, p, src in zip(labels, part["period_text"], part["source"], strict=True)
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=row,
            col=1,
        )
        shown.add(name)


def _finish(fig: go.Figure, rows: int, title: str) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01},
        height=120 + _ROW_HEIGHT * rows,
        margin={"l": 60, "r": 20, "t": 70, "b": 40},
        hovermode="closest",
        clickmode="event",
        template="plotly_white",
        legend={"title": {"text": "metric"}},
    )
    fig.update_xaxes(type="date")
    fig.update_yaxes(automargin=True)
    return fig
