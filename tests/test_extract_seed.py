"""The seed article yields exactly the four figures FIGURES.md lists, every field right."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import export, extract_figures
from dashboard.columns import DTYPES, NAMES

# FIGURES.md, "The seed's figures".
EXPECTED = [
    (
        "$190 billion",
        "money",
        190e9,
        "USD",
        "=",
        "",
        "2022-01-01",
        "2022-12-31",
        "trade",
        "CHN;RUS",
        "China Customs",
    ),
    (
        "$70 billion",
        "money",
        70e9,
        "USD",
        "=",
        "",
        "2023-01-01",
        "2023-05-24",
        "trade",
        "CHN;RUS",
        "Li Qiang",
    ),
    ("40%", "percent", 40.0, "%", ">", "up", "2023-01-01", "2023-05-24", "trade", "CHN;RUS", "Li Qiang"),
    (
        "40%",
        "percent",
        40.0,
        "%",
        "=",
        "up",
        "2023-01-01",
        "2023-12-31",
        "energy supplies",
        "CHN;RUS",
        "Alexander Novak",
    ),
]
FIELDS = (
    "surface",
    "kind",
    "value",
    "unit",
    "bound",
    "direction",
    "period_start",
    "period_end",
    "metric",
    "countries",
    "source",
)


@pytest.fixture(scope="module")
def table(seed) -> pd.DataFrame:
    return extract_figures(seed.text, published=seed.published, doc_id=seed.doc_id)


def test_exactly_four_figures(table):
    assert len(table) == len(EXPECTED)


@pytest.mark.parametrize("index", range(len(EXPECTED)))
def test_every_field(table, index):
    row = table.iloc[index]
    assert tuple(row[f] for f in FIELDS) == EXPECTED[index]


def test_offsets_point_at_the_surface(table, seed):
    for row in table.itertuples():
        assert seed.text[row.start : row.end] == row.surface
        assert row.surface in row.sentence
        assert seed.text.find(row.sentence) >= 0


def test_columns_and_dtypes(table):
    assert tuple(table.columns) == NAMES
    for name, dtype in DTYPES.items():
        assert pd.api.types.is_dtype_equal(table[name].dtype, pd.Series([], dtype=dtype).dtype), name


def test_the_third_figure_takes_context_from_the_sentence_before(table):
    third = table.iloc[2]
    assert third["sentence"].startswith("“This is an annual increase")
    assert third["period_text"] == "so far this year"


def test_figure_ids_are_stable_and_unique(seed, table):
    again = extract_figures(seed.text, published=seed.published, doc_id=seed.doc_id)
    assert list(again["figure_id"]) == list(table["figure_id"])
    assert table["figure_id"].is_unique


def test_nothing_found_is_an_empty_table_with_the_same_columns():
    empty = extract_figures(
        "Leaders met in Beijing on Tuesday and signed 12 agreements.", published="2023-05-24"
    )
    assert empty.empty
    assert tuple(empty.columns) == NAMES
    assert str(empty["value"].dtype) == "float64"


def test_without_a_publication_date_relative_periods_stay_empty(seed):
    table = extract_figures(seed.text, doc_id=seed.doc_id)
    first = table.iloc[0]
    assert (first["period_start"], first["period_end"], first["period_text"]) == ("", "", "last year")
    assert table.iloc[3]["period_start"] == "2023-01-01"  # "in 2023" needs no publication date


@pytest.mark.parametrize(
    ("written", "value"),
    [("€4.1 billion", 4_100_000_000.0), ("£515.2m", 515_200_000.0), ("263.1 bcm", 263_100_000_000.0)],
)
def test_scaled_values_are_the_numbers_as_written(written, value):
    # Binary noise of scaling (4099999999.9999995) would reach the CSV an analyst opens.
    table = extract_figures(f"Exports to Chile reached {written} in 2023.", published="2024-01-01")
    assert table["value"].tolist() == [value]
    assert repr(value) in export.to_csv(table)
