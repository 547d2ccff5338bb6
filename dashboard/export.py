"""The figures table written out: CSV safe for spreadsheets, JSON lines, Parquet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from dashboard import columns

FORMATS = ("csv", "jsonl", "parquet")
CLAIM_ID = "claim_id"  # the column the store adds: the claim a figure is one report of
# A cell opening with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """``value`` made inert in a spreadsheet: a leading formula character is quoted."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(frame: pd.DataFrame) -> str:
    """FIGURES.md columns in order, then ``claim_id`` for figures from the store; raw
    numbers, text cells neutralised, as UTF-8 text."""
    out = columns.conform(frame)
    for column in columns.COLUMNS:
        if column.dtype == "str" and not column.closed:
            out[column.name] = out[column.name].map(neutralise)
    if CLAIM_ID in frame.columns:
        out[CLAIM_ID] = frame[CLAIM_ID].astype(str).to_numpy()
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
