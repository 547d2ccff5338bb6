"""Trade figures: pull every figure out of trade news into a tidy table, and chart it."""

from dashboard.documents import Document, read_document
from dashboard.extract import extract_figures
from dashboard.periods import resolve_period

__all__ = ["Document", "extract_figures", "read_document", "resolve_period"]
