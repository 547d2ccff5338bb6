"""Documents: a text and its metadata, read from files an analyst can write by hand.

A document file is UTF-8 text. It may open with a front-matter header::

    ---
    title: Xi pledges support for Russia's "core interests"
    source: AFP
    url: https://example.org/story
    published: 2023-05-24
    ---
    Chinese President Xi Jinping on Wednesday ...

Everything after the closing ``---`` line is the text, kept byte for byte so
that figure offsets point into it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from dashboard.errors import DateError, DocumentError

FIELDS = ("doc_id", "title", "source", "url", "published", "language")
MAX_BYTES = 10 * 1024 * 1024
_FENCE = "---"


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO date from ``value``; None for an empty value; DateError otherwise."""
    if value is None or isinstance(value, dt.date):
        return value
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DateError(value) from None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    text: str
    doc_id: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    language: str = "en"

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"document text must be str, not {type(self.text).__name__}")
        object.__setattr__(self, "published", parse_date(self.published))
        if not self.doc_id:
            object.__setattr__(self, "doc_id", "doc-" + self.content_hash[:16])

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @classmethod
    def from_fields(cls, text: str, fields: Mapping[str, str]) -> Document:
        """A document from metadata as written in a file: ``published`` an ISO date or empty."""
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise TypeError(f"unknown document fields: {', '.join(sorted(unknown))}")
        return cls(
            text,
            doc_id=fields.get("doc_id", ""),
            title=fields.get("title", ""),
            source=fields.get("source", ""),
            url=fields.get("url", ""),
            published=parse_date(fields.get("published")),
            language=fields.get("language", "en"),
        )


def parse_document(raw: str, *, name: str = "<text>") -> Document:
    """A Document from the contents of a document file (front matter optional)."""
    meta: dict[str, str] = {}
    text = raw
    lines = raw.split("\n")
    if lines and lines[0].strip() == _FENCE:
        try:
            close = next(i for i in range(1, len(lines)) if lines[i].strip() == _FENCE)
        except StopIteration:
            raise DocumentError(name, "front matter opened with '---' is never closed") from None
        for number, line in enumerate(lines[1:close], start=2):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition(":")
            key = key.strip().lower()
            if not sep or key not in FIELDS:
                raise DocumentError(
                    name, f"line {number}: expected 'key: value' with key one of {', '.join(FIELDS)}"
                )
            meta[key] = value.strip().strip('"').strip("'") if _quoted(value) else value.strip()
        text = "\n".join(lines[close + 1 :])
    try:
        return Document.from_fields(text, meta)
    except DateError as error:
        raise DocumentError(name, f"published: {error}") from None


def _quoted(value: str) -> bool:
    value = value.strip()
    return len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'"
