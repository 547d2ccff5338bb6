"""The figures table written out: CSV safe for spreadsheets, JSON lines, Parquet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from dashboard import columns

FORMATS = ("csv", "jsonl", "parquet")
# A cell opening with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """``value`` made inert in a spreadsheet: a leading formula character is quoted."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(frame: pd.DataFrame) -> str:
    """FIGURES.md columns in order, raw numbers, text cells neutralised, as UTF-8 text."""
    out = columns.conform(frame)
    for column in columns.COLUMNS:
        if column.dtype == "str" and not column.closed:
            out[column.name] = out[column.name].map(neutralise)
    return out.to_csv(index=False, lineterminator="\n")


def to_jsonl(frame: pd.DataFrame) -> str:
    text = columns.conform(frame).to_json(orient="records", lines=True, force_ascii=False)
    return text if text.endswith("\n") or not text else text + "\n"


def write(frame: pd.DataFrame, fmt: str, path: Path) -> None:
    if fmt == "parquet":
        columns.conform(frame).to_parquet(path, index=False)
    else:
        path.write_text(to_csv(frame) if fmt == "csv" else to_jsonl(frame), encoding="utf-8")


def download_name(today: dt.date | None = None) -> str:
    return f"trade-figures-{(today or dt.date.today()).isoformat()}.csv"
