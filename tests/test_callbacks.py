"""The app's callbacks, called as plain functions on a real store."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
from dash import html, no_update

from dashboard.app import charts, ids
from dashboard.app.callbacks import (
    clicked,
    download_csv,
    show_source,
    sync_url,
    update_views,
)
from dashboard.columns import NAMES
from dashboard.documents import Document
from dashboard.filters import Filters


def _texts(component) -> list[str]:
    """Every string in a component tree, in order."""
    if isinstance(component, str):
        return [component]
    children = getattr(component, "children", None)
    if children is None:
        return []
    if not isinstance(children, list | tuple):
        children = [children]
    return [t for child in children for t in _texts(child)]


def _find(component, kind):
    if isinstance(component, kind):
        yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _find(child, kind)


def test_url_sets_the_filters_on_load():
    out = sync_url(None, "?countries=CHN%3BRUS&kind=money&from=2022-01-01", [], [], [], [], None, None)
    assert out == (no_update, ["CHN;RUS"], [], ["money"], [], "2022-01-01", None)


def test_filters_write_the_url():
    out = sync_url(ids.KIND, "", ["CHN;RUS"], [], ["percent"], [], None, "2023-12-31")
    assert out[0] == "?countries=CHN%3BRUS&kind=percent&to=2023-12-31"
    assert all(v is no_update for v in out[1:])


def test_clear_filters_empties_everything():
    assert sync_url(ids.RESET, "?kind=money", ["CHN;RUS"], [], ["money"], [], None, None) == (
        "", [], [], [], [], None, None,
    )  # fmt: skip


def test_views_show_every_seed_figure(seeded):
    money, money_hidden, ratio, ratio_hidden, rows, note, summary, _, message_hidden, _, no_conflicts = (
        update_views(seeded, Filters())
    )
    assert [r["label"] for r in rows] == ["$190 bn", "$70 bn", ">+40%", "+40%"]
    assert summary == "4 figures making 4 claims" and note == "" and no_conflicts
    assert (money_hidden, ratio_hidden, message_hidden) == (False, False, True)
    labels = [t for trace in money.data for t in (trace.text or ())]
    assert labels == ["$190 bn", "$70 bn"]
    assert money.layout.yaxis.title.text == "USD bn"
    assert sorted(t for trace in ratio.data for t in (trace.text or ())) == ["+40%", ">+40%"]


def test_an_empty_result_is_explained(seeded):
    *_, summary, message, hidden, _, _ = update_views(seeded, Filters(kind=("quantity",)))
    assert summary == "0 figures"
    assert "No figures match these filters" in message
    assert hidden is False


def test_a_chart_point_names_its_claim_and_a_table_row_its_figure():
    click = {"points": [{"customdata": "claim-12", "x": "2022-07-02"}]}
    assert clicked(ids.MONEY_CHART, click, None, None) == ("claim", "claim-12")
    assert clicked(ids.RATIO_CHART, None, click, None) == ("claim", "claim-12")
    assert clicked(ids.GRID, None, None, {"rowId": "doc:99", "colId": "label"}) == ("figure", "doc:99")
    assert clicked(ids.GRID, None, None, None) is None


def test_the_source_panel_marks_the_sentence_and_the_exact_surface(seeded, seed):
    figure_id = seeded.figures(Filters(kind=("money",)))["figure_id"].iloc[0]
    panel = show_source(seeded, ("figure", figure_id))
    [mark] = list(_find(panel, html.Mark))
    assert mark.children == "$190 billion"
    [sentence] = list(_find(panel, html.Strong))
    assert "".join(_texts(sentence)) == (
        "China is Russia’s biggest trading partner, with trade between them reaching a record "
        "$190 billion last year, according to data from China Customs."
    )
    texts = _texts(panel)
    assert "AFP · 2023-05-24" in texts
    assert seed.title in texts


def test_markup_in_a_document_stays_text(store):
    store.ingest(
        Document(
            text="<img src=x onerror=alert(1)> Exports rose 5% to $3 billion last year <script>x()</script>.",
            title="<script>alert('t')</script>",
            published="2024-01-01",
        )
    )
    figure_id = store.figures()["figure_id"].iloc[0]
    panel = show_source(store, ("figure", figure_id))
    texts = _texts(panel)
    assert "<script>alert('t')</script>" in texts  # a string child: React renders it as characters
    built = {type(c).__name__ for c in _find(panel, object) if not isinstance(c, str)}
    assert built <= {"Div", "H3", "Dl", "Dt", "Dd", "P", "Strong", "Mark", "A"}


def test_download_is_the_filtered_rows_in_figures_md_order(seeded):
    sent = download_csv(seeded, Filters(kind=("percent",)))
    assert sent["filename"] == f"trade-figures-{dt.date.today().isoformat()}.csv"
    rows = list(csv.reader(io.StringIO(sent["content"])))
    assert rows[0] == [*NAMES, "claim_id"]
    assert [r[NAMES.index("surface")] for r in rows[1:]] == ["40%", "40%"]
    assert rows[1][NAMES.index("value")] == "40.0"


def test_formulas_in_text_cells_are_neutralised(store):
    store.ingest(Document(text='=HYPERLINK("http://x") Exports rose 5% last year.', published="2024-01-01"))
    rows = list(csv.DictReader(io.StringIO(download_csv(store, Filters())["content"])))
    assert rows[0]["sentence"].startswith("'=HYPERLINK")
    assert rows[0]["bound"] == "="  # a closed vocabulary, left as the contract writes it


def test_charts_place_only_dated_claims(seeded):
    frame = seeded.claims()
    frame.loc[frame["value"] == 190e9, ["period_start", "period_end"]] = ""
    fig = charts.money_chart(frame)
    assert [t for trace in fig.data for t in (trace.text or ())] == ["$70 bn"]
    assert charts.money_chart(frame[frame["kind"] != "money"]) is None


def test_labels_of_points_at_one_time_and_value_do_not_overlap():
    when = pd.Series(pd.to_datetime(["2022-07-01", "2022-07-01", "2022-07-01", "2023-07-01"]))
    value = pd.Series([43.4, 43.0, 12.8, 43.0])
    # The lower of two neighbours takes its label below; a point alone keeps it above.
    assert list(charts.label_positions(when, value)) == [
        "top center",
        "bottom center",
        "top center",
        "top center",
    ]
    assert charts.label_positions(pd.Series([], dtype="datetime64[ns]"), pd.Series([], dtype=float)).empty
