"""The figures table's columns, declared once: name, dtype and meaning (FIGURES.md)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    help: str
    closed: bool = False  # values from a fixed vocabulary, never text from a document


COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "str", "the document's id"),
    Column("figure_id", "str", "stable id, unique in the corpus, the same on every re-run of the same text"),
    Column("sentence_index", "int64", "0-based ordinal of the sentence in the document"),
    Column("sentence", "str", "the whole source sentence, as written"),
    Column("start", "int64", "character offset of `surface` in the document text"),
    Column("end", "int64", "character offset just past `surface`: `text[start:end] == surface`"),
    Column(
        "surface", "str", "the number with its currency, scale and unit as written, without qualifier words"
    ),
    Column("kind", "str", "`money`, `percent`, `percentage_point`, `multiple` or `quantity`", closed=True),
    Column("value", "float64", "the number with scale words applied, a positive magnitude"),
    Column(
        "unit",
        "str",
        "ISO 4217 code for money; `%`, `pp`, `x`; pint's long unit name for quantities",
        closed=True,
    ),
    Column("bound", "str", "`=`, `~`, `>`, `>=`, `<` or `<=`", closed=True),
    Column("direction", "str", "`up` or `down` for a change; empty for a level", closed=True),
    Column(
        "period_start", "str", "first day of the period the figure covers (ISO date), or empty", closed=True
    ),
    Column("period_end", "str", "last day of that period (ISO date, inclusive), or empty", closed=True),
    Column("period_text", "str", "the time expression(s) as written"),
    Column("metric", "str", "what is measured, lower case: `trade`, `exports`, `trade deficit`, ..."),
    Column("countries", "str", "ISO 3166-1 alpha-3 codes (the EU as `EUU`), sorted, `;`-joined", closed=True),
    Column("source", "str", "who the text says the figure comes from, or empty"),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
DTYPES: dict[str, str] = {c.name: c.dtype for c in COLUMNS}


def empty_frame() -> pd.DataFrame:
    return conform(pd.DataFrame({name: [] for name in NAMES}))


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with exactly the table's columns, in order, with their dtypes."""
    missing = [name for name in NAMES if name not in frame.columns]
    if missing:
        raise KeyError(f"figures frame lacks column(s) {', '.join(missing)}")
    out = frame.loc[:, list(NAMES)].copy()
    for name, dtype in DTYPES.items():
        if dtype == "str":
            out[name] = out[name].fillna("").astype(str)
        else:
            out[name] = out[name].astype(dtype)
    return out.reset_index(drop=True)
