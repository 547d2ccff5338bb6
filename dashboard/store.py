"""Documents and their figures in an embedded SQLite database file.

Each document lands whole, with all its figures, in one transaction, or not at
all. Ingesting a text already stored (same content hash) changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import columns
from dashboard.documents import Document
from dashboard.errors import DashboardError
from dashboard.extract import extract_document, figures_frame
from dashboard.filters import Filters

DATA_ENV = "TRADE_FIGURES_DATA"
DEFAULT_PATH = Path("data") / "figures.db"
SCHEMA_VERSION = 1

_FIGURE_COLUMNS = ", ".join(
    f"{c.name} {'INTEGER' if c.dtype == 'int64' else 'REAL' if c.dtype == 'float64' else 'TEXT'} NOT NULL"
    for c in columns.COLUMNS
    if c.name not in ("doc_id", "figure_id")
)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS figures (
    figure_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    {_FIGURE_COLUMNS}
);
CREATE INDEX IF NOT EXISTS figures_by_doc ON figures(doc_id);
CREATE INDEX IF NOT EXISTS figures_by_period ON figures(period_start, period_end);
"""


class StoreError(DashboardError):
    """The database cannot be opened or does not hold what it should."""


@dataclass(frozen=True)
class IngestResult:
    doc_id: str
    added: bool
    figures: int


def default_path() -> Path:
    return Path(os.environ.get(DATA_ENV) or DEFAULT_PATH)


class Store:
    """One SQLite database file of documents and figures."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path}: schema version {version} is newer than this program's "
                        f"{SCHEMA_VERSION}; upgrade trade-figures-dashboard"
                    )
                db.executescript(_SCHEMA)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a usable SQLite database ({error})") from None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA foreign_keys = ON")
            with db:  # one transaction: committed whole, or rolled back
                yield db
        finally:
            db.close()

    # ---- writing -----------------------------------------------------------

    def ingest(self, document: Document) -> IngestResult:
        """Store ``document`` and its figures; a text already stored is left as it is."""
        with self._connect() as db:
            stored = self._stored(db, document)
        if stored is not None:
            return stored
        # Extract before taking the write lock: readers and other writers wait less.
        figures = figures_frame(extract_document(document))
        with self._connect() as db:
            stored = self._stored(db, document)
            if stored is not None:
                return stored
            db.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.doc_id,
                    document.content_hash,
                    document.title,
                    document.source,
                    document.url,
                    document.published.isoformat() if document.published else "",
                    document.language,
                    document.text,
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )
            names = ", ".join(columns.NAMES)
            db.executemany(
                f"INSERT INTO figures ({names}) VALUES ({', '.join('?' * len(columns.NAMES))})",
                figures.astype(object).itertuples(index=False, name=None),
            )
        return IngestResult(document.doc_id, True, len(figures))

    @staticmethod
    def _stored(db: sqlite3.Connection, document: Document) -> IngestResult | None:
        """The result of an earlier ingest of the same text; StoreError if its id is taken."""
        row = db.execute(
            "SELECT doc_id, (SELECT COUNT(*) FROM figures f WHERE f.doc_id = d.doc_id) "
            "FROM documents d WHERE content_hash = ?",
            (document.content_hash,),
        ).fetchone()
        if row is not None:
            return IngestResult(row[0], False, row[1])
        if db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (document.doc_id,)).fetchone():
            raise StoreError(
                f"doc_id {document.doc_id!r} is already stored with a different text; "
                "give this document another doc_id"
            )
        return None

    # ---- reading -----------------------------------------------------------

    def is_empty(self) -> bool:
        with self._connect() as db:
            return db.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0] == 1

    def document_count(self) -> int:
        with self._connect() as db:
            return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def figures(self, filters: Filters | None = None) -> pd.DataFrame:
        """The figures table (FIGURES.md columns plus ``title``), filtered in SQL."""
        where, params = (filters or Filters()).where()
        names = ", ".join(f"f.{n}" for n in columns.NAMES)
        with self._connect() as db:
            frame = pd.read_sql_query(
                f"SELECT {names}, d.title AS title FROM figures f JOIN documents d USING (doc_id) "
                f"WHERE {where} ORDER BY d.published, f.doc_id, f.start",
                db,
                params=params,
            )
        titles = frame.pop("title").astype(str) if len(frame) else pd.Series([], dtype=str)
        frame = columns.conform(frame)
        frame["title"] = titles.to_numpy()
        return frame

    def figure(self, figure_id: str) -> dict[str, object] | None:
        """One figure's row, with its document's metadata and text, or None."""
        with self._connect() as db:
            row = db.execute(
                "SELECT f.*, d.title, d.source AS doc_source, d.url, d.published, d.text "
                "FROM figures f JOIN documents d USING (doc_id) WHERE f.figure_id = ?",
                (figure_id,),
            ).fetchone()
        return dict(row) if row is not None else None

    def options(self) -> dict[str, list[str]]:
        """The distinct values each list filter can take, for the app's controls."""
        out = {}
        with self._connect() as db:
            for key in ("countries", "metric", "kind", "unit"):
                rows = db.execute(f"SELECT DISTINCT {key} FROM figures WHERE {key} != '' ORDER BY 1")
                out[key] = [r[0] for r in rows]
        return out
