"""Charts as pure functions of the claims table (``Store.claims``): no Dash here, only plotly.

Each claim (one quantity, reported by one document or several) is drawn across
its period (a segment from period_start to period_end) with a point at its middle
carrying its label and its claim_id, so a click on either finds the claim. The
more documents report a claim, the bigger its point; a claim that another claim
about the same quantity contradicts is drawn with a red ring.
"""

from __future__ import annotations

import html
import itertools

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.app.labels import countries_label, figure_label, number, scale_of

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
CONFLICT_COLOUR = "#c0392b"
_LABEL_CLEARANCE = 0.06  # of a panel's height: closer labels at one time would overlap


def dated(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures that have a period, the only ones a time axis can place."""
    return frame[frame["period_start"] != ""]


def metric_colours(metrics: list[str]) -> dict[str, str]:
    """A stable colour per metric, the same in every chart of one view."""
    return {m: _PALETTE[i % len(_PALETTE)] for i, m in enumerate(sorted(set(metrics)))}


def claim_label(row) -> str:
    """ "$190 bn"; "$190–200 bn · 3 sources" for a claim whose reports differ within tolerance."""
    label = figure_label(row.kind, row.value, row.unit, row.bound, row.direction)
    factor = scale_of(row.high)[0] if row.kind in ("money", "quantity") else 1.0
    low, high = number(row.low / factor), number(row.high / factor)
    if low != high:
        # Both ends on the high end's scale, its sign and symbol said once: "$190–200 bn".
        text = figure_label(row.kind, row.high, row.unit, "=", row.direction)
        label = text.replace(high, f"{low}–{high}", 1)
    return f"{label} · {row.sources} sources" if row.sources > 1 else label


MAX_PANELS = 6  # money panels drawn at once; the title says how to see the others


def money_chart(frame: pd.DataFrame) -> go.Figure | None:
    """Money claims over time, one panel per country set and currency; None when there are none.

    With more than MAX_PANELS country sets and currencies, the panels with the most
    claims are drawn and the title says how many more a filter would show.
    """
    money = dated(frame[frame["kind"] == "money"])
    if money.empty:
        return None
    groups = [(key, rows) for key, rows in money.groupby(["countries", "unit"], sort=True)]
    hidden = max(0, len(groups) - MAX_PANELS)
    if hidden:
        groups = sorted(groups, key=lambda g: -len(g[1]))[:MAX_PANELS]
        groups.sort(key=lambda g: g[0])
    titles = [f"{countries_label(countries)} · {unit}" for (countries, unit), _ in groups]
    fig = make_subplots(rows=len(groups), cols=1, subplot_titles=titles, vertical_spacing=0.12 / len(groups))
    colours = metric_colours(list(frame["metric"]))
    shown: set[str] = set()
    for row, ((_, unit), rows) in enumerate(groups, start=1):
        factor, word = scale_of(float(rows["value"].max()))
        _draw(fig, rows, rows["value"] / factor, row, colours, shown)
        fig.update_yaxes(title_text=f"{unit} {word}".strip(), rangemode="tozero", row=row, col=1)
    title = "Money figures by period"
    if hidden:
        title += f" — the {MAX_PANELS} fullest panels; {hidden} more: filter by countries or currency"
    return _finish(fig, len(groups), title)


def ratio_chart(frame: pd.DataFrame) -> go.Figure | None:
    """Percentage, percentage point and multiple claims over time, a panel per kind."""
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


def label_positions(x: pd.Series, y: pd.Series) -> pd.Series:
    """Where each point's label goes: above it, or below it when another point at the same
    time is so close in value that the two labels would print one over the other."""
    xs, ys = list(x), list(y)
    positions = ["top center"] * len(ys)
    near = (max(ys, default=0) - min(min(ys, default=0), 0)) * _LABEL_CLEARANCE
    for low, high in itertools.pairwise(sorted(range(len(ys)), key=lambda i: (xs[i], ys[i]))):
        if xs[low] == xs[high] and ys[high] - ys[low] <= near:
            positions[low] = "bottom center"
    return pd.Series(positions, index=y.index)


def _draw(
    fig: go.Figure, rows: pd.DataFrame, y: pd.Series, row: int, colours: dict[str, str], shown: set[str]
) -> None:
    starts = pd.to_datetime(rows["period_start"])
    positions = label_positions(starts + (pd.to_datetime(rows["period_end"]) - starts) / 2, y)
    for metric, part in rows.groupby("metric", sort=True):
        ys = y.loc[part.index]
        colour = colours.get(metric, _PALETTE[0])
        name = metric or "(no metric)"
        starts = pd.to_datetime(part["period_start"])
        ends = pd.to_datetime(part["period_end"])
        mids = starts + (ends - starts) / 2
        labels = [claim_label(r) for r in part.itertuples(index=False)]
        xs, ys_line, ids = [], [], []
        for s, e, v, cid in zip(starts, ends, ys, part["claim_id"], strict=True):
            xs += [s, e, None]
            ys_line += [v, v, None]
            ids += [cid, cid, None]
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
        conflict = part["conflict"].astype(bool)
        fig.add_trace(
            go.Scatter(
                x=mids,
                y=ys,
                customdata=list(part["claim_id"]),
                text=labels,
                mode="markers+text",
                textposition=list(positions.loc[part.index]),
                cliponaxis=False,
                marker={
                    "color": colour,
                    "size": [min(10 + 5 * (n - 1), 30) for n in part["sources"]],
                    "line": {
                        "color": [CONFLICT_COLOUR if c else "white" for c in conflict],
                        "width": [3 if c else 1 for c in conflict],
                    },
                },
                name=name,
                legendgroup=name,
                showlegend=name not in shown,
                hovertext=[
                    f"{label} · {metric} · {p}<br>{n} report{'s' * (n != 1)} in {d} document{'s' * (d != 1)}"
                    + ("<br>contradicted by another claim" if c else "")
                    for label, p, n, d, c in zip(
                        labels,
                        # Words from a document: plotly reads tags in hover text, so escape them.
                        map(html.escape, part["period_text"]),
                        part["reports"],
                        part["sources"],
                        conflict,
                        strict=True,
                    )
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
