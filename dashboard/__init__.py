"""Trade figures: pull every figure out of trade news into a tidy table, and chart it."""

from dashboard.compiled import check_fresh

check_fresh()  # before a compiled module that no longer matches its source is imported

from dashboard.documents import Document  # noqa: E402
from dashboard.extract import extract_figures  # noqa: E402
from dashboard.periods import resolve_period  # noqa: E402
from dashboard.readers import read_document  # noqa: E402

__all__ = ["Document", "extract_figures", "read_document", "resolve_period"]
