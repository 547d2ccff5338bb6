"""Documents from files of every format an analyst has: text, Markdown, HTML, JSONL, CSV.

Each file yields one ``Read`` per document it holds: the document, or the reason
it could not be read ("line 3: not JSON"), so that one bad line or row never
costs the good ones. A file that is not text at all yields one failed Read.

Publication dates come from the document's own metadata, else a dateline the
text opens with ("BEIJING, May 24, 2023 (Reuters) -"), else the date the caller
gives for documents without one; failing all three it stays empty, never guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from dashboard.documents import MAX_BYTES, Document, parse_date, parse_document
from dashboard.errors import DashboardError, DocumentError
from dashboard.period_calendar import months_by_name
from dashboard.sentences import DATELINE

FORMATS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".csv": "csv"}
RECORD_FIELDS = ("text", "title", "source", "url", "published", "doc_id", "language")

_URL_YEAR = re.compile(r"/((?:19|20)\d\d)[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)")


@dataclass(frozen=True)
class Read:
    """One document read from a file, or the reason it could not be."""

    name: str  # the file, and the line or row within it
    document: Document | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.document is not None


def read_document(path: str | Path, *, published: dt.date | None = None) -> Document:
    """The one document in the file at ``path``; DocumentError names the file and the reason."""
    reads = read_path(path, published=published)
    if len(reads) != 1:
        raise DocumentError(path, f"holds {len(reads)} documents, not one; ingest it instead")
    if reads[0].document is None:
        raise DocumentError(reads[0].name, reads[0].error)
    return reads[0].document


def supported(path: Path) -> bool:
    return path.suffix.lower() in FORMATS


def read_path(
    path: str | Path, *, published: dt.date | None = None, max_bytes: int = MAX_BYTES
) -> list[Read]:
    """Every document in the file at ``path``."""
    path = Path(path)
    if not path.exists():
        return [Read(str(path), error="no such file")]
    if path.is_dir():
        return [Read(str(path), error="is a folder; name the files in it, or the folder to ingest")]
    size = path.stat().st_size
    if size > max_bytes:
        return [Read(str(path), error=f"is {size:,} bytes, over the {max_bytes:,}-byte limit")]
    return read_bytes(path.name, path.read_bytes(), published=published, max_bytes=max_bytes, label=str(path))


def read_bytes(
    filename: str,
    data: bytes,
    *,
    published: dt.date | None = None,
    max_bytes: int = MAX_BYTES,
    label: str | None = None,
) -> list[Read]:
    """Every document in a file's contents (an upload), its format told by ``filename``."""
    name = label or filename
    fmt = FORMATS.get(Path(filename).suffix.lower())
    if fmt is None:
        return [Read(name, error=f"is not a supported format ({', '.join(sorted(FORMATS))})")]
    if len(data) > max_bytes:
        return [Read(name, error=f"is {len(data):,} bytes, over the {max_bytes:,}-byte limit")]
    try:
        raw = _decode(data)
    except DocumentError as error:
        return [Read(name, error=error.reason)]
    stem = Path(filename).stem
    if fmt == "jsonl":
        reads = list(_jsonl(name, raw))
    elif fmt == "csv":
        reads = list(_csv(name, raw))
    else:
        try:
            document = _html(raw) if fmt == "html" else parse_document(raw, name=name)
        except DashboardError as error:
            reason = error.reason if isinstance(error, DocumentError) else str(error)
            return [Read(name, error=reason)]
        if not document.text.strip():
            return [Read(name, error="has no text after its front matter")]
        reads = [Read(name, replace(document, title=document.title or stem))]
    if not reads:
        return [Read(name, error="holds no documents")]
    return [_dated(r, published) if r.ok else r for r in reads]


def _decode(data: bytes) -> str:
    if not data.strip():
        raise DocumentError("", "is empty")
    if b"\x00" in data:
        raise DocumentError("", "is a binary file, not text")
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        raise DocumentError("", f"is not UTF-8 text (byte {error.start}); save it as UTF-8") from None


def _record(name: str, fields: dict[str, object]) -> Read:
    """A document from one JSONL line or CSV row."""
    unknown = sorted(set(fields) - set(RECORD_FIELDS))
    if unknown:
        return Read(name, error=f"unknown field {unknown[0]!r}; expected {', '.join(RECORD_FIELDS)}")
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return Read(name, error="has no text")
    values = {k: str(v) for k, v in fields.items() if v is not None and k != "text"}
    try:
        return Read(name, Document.from_fields(text.replace("\r\n", "\n"), values))
    except DashboardError as error:
        return Read(name, error=f"published: {error}")


def _jsonl(name: str, raw: str) -> Iterator[Read]:
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as error:
            yield Read(where, error=f"not JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(fields, dict):
            yield Read(where, error="not a JSON object with a text field")
            continue
        yield _record(where, fields)


def _csv(name: str, raw: str) -> Iterator[Read]:
    rows = csv.reader(io.StringIO(raw, newline=""))
    try:
        header = [h.strip().lower() for h in next(rows)]
    except (StopIteration, csv.Error):
        yield Read(name, error="has no header row")
        return
    if "text" not in header:
        yield Read(name, error=f"header has no 'text' column (columns: {', '.join(RECORD_FIELDS)})")
        return
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield Read(f"{name} line {rows.line_num}", error=f"not CSV ({error})")
            return
        where = f"{name} line {rows.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Read(where, error=f"has {len(row)} cells, the header {len(header)}")
            continue
        yield _record(where, dict(zip(header, row, strict=True)))


def _html(raw: str) -> Document:
    """The main text of a web page, and its title, date and address from its meta tags."""
    import trafilatura  # imported here: it takes a second to load and only HTML needs it

    page = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if page is None or isinstance(page, dict):  # not a dict: ``as_dict`` is off
        raise DocumentError("", "holds no readable text")
    body = (page.text or "").strip()
    if not body:
        raise DocumentError("", "holds no readable text")
    # Paragraphs come one per line; a blank line between them keeps them paragraphs here.
    text = re.sub(r"\n+", "\n\n", body)
    return Document(
        text=text,
        title=page.title or "",
        source=page.sitename or page.hostname or "",
        url=page.url or "",
        published=_iso_date(page.date),
    )


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return parse_date((value or "")[:10])
    except DashboardError:
        return None


def dateline(text: str, url: str = "") -> tuple[dt.date | None, str]:
    """The date and agency of the dateline ``text`` opens with.

    A dateline without a year takes the year of the document's address
    ("/2023/05/24/"), if it has one; otherwise there is no date.
    """
    m = DATELINE.match(text)
    if m is None or m.group("month") is None:
        return None, ""
    agency = (m.group("agency") or "").strip()
    month = months_by_name().get(m.group("month").lower().rstrip("."))
    year_text = m.group("year") or (found.group(1) if (found := _URL_YEAR.search(url)) else None)
    if month is None or year_text is None:
        return None, agency
    try:
        return dt.date(int(year_text), month, int(m.group("day"))), agency
    except ValueError:
        return None, agency


def _dated(read: Read, published: dt.date | None) -> Read:
    document = read.document
    assert document is not None
    if document.published is not None:
        return read
    date, agency = dateline(document.text, document.url)
    date = date or published
    source = document.source or agency
    if date is None and source == document.source:
        return read
    return Read(read.name, replace(document, published=date, source=source))


def document_files(paths: list[str | Path]) -> list[Path]:
    """Files named, with folders expanded to the documents of every format they hold."""
    found: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            found.extend(sorted(p for p in item.rglob("*") if p.is_file() and supported(p)))
        else:
            found.append(item)
    return found
