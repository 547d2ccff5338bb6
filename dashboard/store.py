"""Documents, their figures and claims in a database: a SQLite file, or PostgreSQL.

``Store()`` opens ``$DATABASE_URL`` when it is set (``postgresql://user@host/db``),
else the SQLite file ``$TRADE_FIGURES_DATA`` or ``data/figures.db``. Each document
lands whole, with its figures and the recount of the claims they join, in one
transaction, or not at all; ingesting a text already stored changes nothing.
Everything the app shows is asked of the database: filters, counts and claims
are SQL, so no request reads the whole corpus.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from dashboard import claim_tables, claims, columns, schema
from dashboard.documents import Document
from dashboard.errors import DashboardError
from dashboard.extract import extract_document
from dashboard.filters import Filters

URL_ENV = "DATABASE_URL"
DATA_ENV = "TRADE_FIGURES_DATA"
DEFAULT_PATH = Path("data") / "figures.db"
SCHEMA_VERSION = schema.VERSION
# The columns the store adds to FIGURES.md's: which claim a figure belongs to.
CLAIM_COLUMNS = ("claim_id", "conflict")
_ORDER = ("published", "doc_id", "start", "value", "metric", "countries", "kind", "unit", "period_start")


class StoreError(DashboardError):
    """The database cannot be opened or does not hold what it should."""


@dataclass(frozen=True)
class IngestResult:
    doc_id: str
    added: bool
    figures: int


def default_target() -> str | Path:
    return os.environ.get(URL_ENV) or Path(os.environ.get(DATA_ENV) or DEFAULT_PATH)


def _engine(target: str | Path) -> tuple[sa.Engine, Path | None]:
    text = str(target)
    if "://" not in text:
        path = Path(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine, path
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            text = "postgresql+psycopg://" + text[len(prefix) :]
    return sa.create_engine(text, pool_pre_ping=True), None


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    # In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits only.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


class Store:
    """The corpus: documents, figures and claims, in SQLite or PostgreSQL."""

    def __init__(self, target: str | Path | None = None) -> None:
        self.target = target or default_target()
        self.engine, self.path = _engine(self.target)
        self.label = str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)
        self.dialect = self.engine.dialect.name
        try:
            with self._begin() as db:
                if schema.ensure(db):
                    claim_tables.fill_in(db)
                    claim_tables.recount(db, None)
                if self.dialect == "sqlite":
                    db.exec_driver_sql(f"PRAGMA user_version = {schema.VERSION}")
        except ValueError as error:
            raise StoreError(f"{self.label}: {error}; upgrade trade-figures-dashboard") from None
        except sa.exc.DatabaseError as error:
            kind = "SQLite database" if self.path else "database"
            raise StoreError(f"{self.label}: not a usable {kind} ({error.orig})") from None

    @contextmanager
    def _begin(self) -> Iterator[sa.Connection]:
        """One transaction: committed whole, or rolled back."""
        try:
            with self.engine.begin() as db:
                yield db
        except sa.exc.OperationalError as error:
            raise StoreError(f"{self.label}: {error.orig}") from None

    # ---- writing -----------------------------------------------------------

    def ingest(self, document: Document) -> IngestResult:
        """Store ``document``, its figures and their claims; a text already stored is left as it is."""
        with self._begin() as db:
            stored = self._stored(db, document)
        if stored is not None:
            return stored
        # Extract before the write transaction: readers and other writers wait less.
        rows = [{name: getattr(f, name) for name in columns.NAMES} for f in extract_document(document)]
        for row, flow in zip(rows, claims.add_flows(rows, {document.doc_id: document.text}), strict=True):
            row["flow"] = flow
            row["low"], row["high"] = claims.span_of(row)
            row["claim_id"], row["conflict"] = claims.claim_id([row["figure_id"]]), 0
        try:
            with self._begin() as db:
                self._lock(db)
                stored = self._stored(db, document)
                if stored is not None:
                    return stored
                db.execute(schema.documents.insert(), [_document_row(document)])
                if rows:
                    db.execute(schema.figures.insert(), rows)
                    touched = claim_tables.join(db, rows)
                    claim_tables.refresh(db, touched | {r["claim_id"] for r in rows})
        except sa.exc.IntegrityError as error:
            raise StoreError(f"{document.doc_id}: not stored, nothing written ({error.orig})") from None
        return IngestResult(document.doc_id, True, len(rows))

    def delete(self, doc_id: str) -> bool:
        """Remove a document and its figures, and recount the claims they were part of."""
        with self._begin() as db:
            self._lock(db)
            rows = claim_tables.select_rows(db, "SELECT * FROM figures WHERE doc_id = :d", {"d": doc_id})
            db.execute(schema.figures.delete().where(schema.figures.c.doc_id == doc_id))
            gone = db.execute(schema.documents.delete().where(schema.documents.c.doc_id == doc_id)).rowcount
            if rows:
                claim_tables.recount(db, rows)
        return bool(gone)

    def _lock(self, db: sa.Connection) -> None:
        # Claims span documents: one writer at a time recounts them. SQLite locks the
        # whole file on the first write; PostgreSQL takes this transaction-long lock.
        if self.dialect == "postgresql":
            db.execute(sa.text("SELECT pg_advisory_xact_lock(7431)"))

    @staticmethod
    def _stored(db: sa.Connection, document: Document) -> IngestResult | None:
        """The result of an earlier ingest of the same text; StoreError if its id is taken."""
        row = db.execute(
            sa.text(
                "SELECT doc_id, (SELECT COUNT(*) FROM figures f WHERE f.doc_id = d.doc_id) "
                "FROM documents d WHERE content_hash = :h"
            ),
            {"h": document.content_hash},
        ).first()
        if row is not None:
            return IngestResult(row[0], False, row[1])
        if db.execute(sa.text("SELECT 1 FROM documents WHERE doc_id = :d"), {"d": document.doc_id}).first():
            raise StoreError(
                f"doc_id {document.doc_id!r} is already stored with a different text; "
                "give this document another doc_id"
            )
        return None

    # ---- reading -----------------------------------------------------------

    @staticmethod
    def _frame(db: sa.Connection, sql: str, params: Mapping[str, object]) -> pd.DataFrame:
        return pd.read_sql_query(sa.text(sql), db, params=params)

    def _read(self, sql: str, params: Mapping[str, object] | None = None) -> pd.DataFrame:
        with self._begin() as db:
            return self._frame(db, sql, params or {})

    def is_empty(self) -> bool:
        return self.document_count() == 0

    def document_count(self) -> int:
        with self._begin() as db:
            return db.execute(sa.text("SELECT COUNT(*) FROM documents")).scalar_one()

    def figure_count(self, filters: Filters | None = None) -> int:
        where, params = (filters or Filters()).where()
        with self._begin() as db:
            return db.execute(sa.text(f"SELECT COUNT(*) FROM figures f WHERE {where}"), params).scalar_one()

    def figures(
        self, filters: Filters | None = None, *, limit: int | None = None, offset: int = 0, order: str = ""
    ) -> pd.DataFrame:
        """The figures table (FIGURES.md columns, then claim_id, conflict, title), filtered in SQL.

        ``order`` is a column name, "-" in front for descending; ``limit`` and
        ``offset`` page through the rows.
        """
        where, params = (filters or Filters()).where()
        by = _order_by(order)
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        names = ", ".join(f"f.{n}" for n in (*columns.NAMES, *CLAIM_COLUMNS))
        frame = self._read(
            f"SELECT {names}, d.title AS title, d.published AS published FROM figures f "
            f"JOIN documents d ON d.doc_id = f.doc_id WHERE {where} ORDER BY {by}{page}",
            params,
        )
        return _conform(frame)

    def figure(self, figure_id: str) -> dict[str, object] | None:
        """One figure's row, with its document's metadata and text, or None."""
        with self._begin() as db:
            row = (
                db.execute(
                    sa.text(
                        "SELECT f.*, d.title, d.source AS doc_source, d.url, d.published, d.text "
                        "FROM figures f JOIN documents d ON d.doc_id = f.doc_id WHERE f.figure_id = :f"
                    ),
                    {"f": figure_id},
                )
                .mappings()
                .first()
            )
        return dict(row) if row is not None else None

    def claim_count(self, filters: Filters | None = None) -> int:
        where, params = (filters or Filters()).where()
        with self._begin() as db:
            return db.execute(sa.text(f"SELECT COUNT(*) FROM claims f WHERE {where}"), params).scalar_one()

    def claims(self, filters: Filters | None = None, *, limit: int | None = None) -> pd.DataFrame:
        """One row per claim among the filtered figures: what it reports and how many say so.

        With ``limit``, the claims most documents report (then the contested ones), in
        period order.
        """
        where, params = (filters or Filters()).where()
        order = "f.period_start, f.claim_id"
        if limit is not None:
            order = f"f.sources DESC, f.conflict DESC, {order} LIMIT {int(limit)}"
        frame = self._read(f"SELECT * FROM claims f WHERE {where} ORDER BY {order}", params)
        frame["conflict"] = frame["conflict"].astype(int).astype(bool)
        return frame

    def claim(self, claim_id: str) -> dict[str, object] | None:
        """One claims row (what it reports, its range, how many say so), or None."""
        with self._begin() as db:
            row = (
                db.execute(sa.text("SELECT * FROM claims WHERE claim_id = :c"), {"c": claim_id})
                .mappings()
                .first()
            )
        return dict(row) if row is not None else None

    def claim_sources(self, claim_id: str) -> pd.DataFrame:
        """Every report of one claim: the figure, its sentence and its document."""
        return self._read(
            "SELECT f.figure_id, f.surface, f.value, f.bound, f.sentence, f.start, f.source, "
            "d.doc_id, d.title, d.source AS doc_source, d.url, d.published "
            "FROM figures f JOIN documents d ON d.doc_id = f.doc_id WHERE f.claim_id = :c "
            "ORDER BY d.published, d.doc_id, f.start",
            {"c": claim_id},
        )

    def conflicts(
        self, filters: Filters | None = None, *, limit: int = 12, claims_each: int = 4, per_claim: int = 3
    ) -> tuple[pd.DataFrame, int]:
        """Claims that disagree with another claim about the same quantity, for side-by-side
        reading: the ``limit`` contested quantities with the most reports; of each, its
        ``claims_each`` most reported claims (``claims`` says how many it has); of each
        claim, its first ``per_claim`` reports (``reports`` says how many it has), one row
        each. Also how many quantities are contested in all."""
        where, params = (filters or Filters()).where()
        key = ", ".join(f"f.{k}" for k in claims.KEY)
        contested = (
            f"SELECT {key}, SUM(f.reports) AS total FROM claims f "
            f"WHERE f.conflict = 1 AND {where} GROUP BY {key}"
        )
        join = " AND ".join(f"t.{k} = c.{k}" for k in claims.KEY)
        quantity = ", ".join(f"c.{k}" for k in claims.KEY)
        with self._begin() as db:
            total = db.execute(sa.text(f"SELECT COUNT(*) FROM ({contested}) q"), params).scalar_one()
            top = f"{contested} ORDER BY total DESC, {key} LIMIT {int(limit)}"
            ranked = (
                f"SELECT c.claim_id, c.reports, c.value AS claim_value, t.total, "
                f"ROW_NUMBER() OVER (PARTITION BY {quantity} ORDER BY c.reports DESC, c.claim_id) AS k, "
                f"COUNT(*) OVER (PARTITION BY {quantity}) AS claims "
                f"FROM ({top}) t JOIN claims c ON {join} AND c.conflict = 1"
            )
            picked = (
                "SELECT f.*, c.reports, c.claim_value, c.total, c.claims, ROW_NUMBER() OVER "
                "(PARTITION BY f.claim_id ORDER BY d.published, f.figure_id) AS n, "
                "d.title, d.source AS doc_source, d.published "
                f"FROM ({ranked}) c JOIN figures f ON f.claim_id = c.claim_id "
                f"JOIN documents d ON d.doc_id = f.doc_id WHERE c.k <= {int(claims_each)}"
            )
            frame = self._frame(
                db,
                "SELECT metric, countries, flow, kind, unit, period_start, period_end, claim_id, reports, "
                "claims, figure_id, surface, value, bound, direction, sentence, doc_id, title, doc_source, "
                f"published FROM ({picked}) r WHERE n <= {int(per_claim)} "
                "ORDER BY total DESC, metric, countries, flow, period_start, claim_value, claim_id, n",
                params,
            )
        return frame, total

    def documents(self, *, limit: int | None = None) -> pd.DataFrame:
        """The documents with their date, source and number of figures, newest first
        (the ``limit`` newest)."""
        page = f" LIMIT {int(limit)}" if limit is not None else ""
        return self._read(
            "SELECT d.doc_id, d.title, d.source, d.url, d.published, d.ingested_at, "
            "(SELECT COUNT(*) FROM figures f WHERE f.doc_id = d.doc_id) AS figures "
            f"FROM documents d ORDER BY d.published DESC, d.title, d.doc_id{page}"
        )

    def document(self, doc_id: str) -> tuple[dict[str, object], pd.DataFrame] | None:
        """One document's row (with its text) and its figures in order, or None."""
        with self._begin() as db:
            row = (
                db.execute(sa.text("SELECT * FROM documents WHERE doc_id = :d"), {"d": doc_id})
                .mappings()
                .first()
            )
            if row is None:
                return None
            frame = self._frame(db, "SELECT * FROM figures WHERE doc_id = :d ORDER BY start", {"d": doc_id})
        return dict(row), frame

    def options(self) -> dict[str, list[str]]:
        """The distinct values each list filter can take, for the app's controls."""
        out = {}
        with self._begin() as db:
            for key in ("countries", "metric", "kind", "unit"):
                rows = db.execute(sa.text(f"SELECT DISTINCT {key} FROM claims WHERE {key} != '' ORDER BY 1"))
                out[key] = [r[0] for r in rows]
        return out


def _document_row(document: Document) -> dict[str, str]:
    return {
        "doc_id": document.doc_id,
        "content_hash": document.content_hash,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "published": document.published.isoformat() if document.published else "",
        "language": document.language,
        "text": document.text,
        "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def _order_by(order: str) -> str:
    """A safe ORDER BY from a column name ("-value" for descending); the corpus order by default."""
    name = order.lstrip("-")
    default = "d.published, f.doc_id, f.start"
    if name not in _ORDER:
        return default
    column = "d.published" if name == "published" else f"f.{name}"
    return f"{column} {'DESC' if order.startswith('-') else 'ASC'}, {default}"


def _conform(frame: pd.DataFrame) -> pd.DataFrame:
    extra = {name: frame.pop(name) for name in ("claim_id", "conflict", "title")}
    frame.pop("published")
    out = columns.conform(frame)
    out["claim_id"] = extra["claim_id"].astype(str).to_numpy()
    out["conflict"] = extra["conflict"].astype(int).astype(bool).to_numpy()
    out["title"] = extra["title"].astype(str).to_numpy()
    return out
