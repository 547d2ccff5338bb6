"""Typed errors that name the bad input and say how to fix it."""

from __future__ import annotations


class DashboardError(Exception):
    """Base class: every error the CLI turns into one line and exit status 2."""


class DocumentError(DashboardError):
    """A document file that cannot be read as a document."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DateError(DashboardError, ValueError):
    """A publication date that is not an ISO date."""

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(f"invalid date {value!r}: write it as YYYY-MM-DD, e.g. 2023-05-24")
