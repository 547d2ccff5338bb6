"""Trade figures: pull every figure out of trade news into a tidy table, and chart it."""

from dashboard.documents import Document
from dashboard.extract import extract_figures
from dashboard.periods import resolve_period
from dashboard.readers import read_document

__all__ = ["Document", "extract_figures", "read_document", "resolve_period"]
