"""The store's tables, their version, and the steps that upgrade an older store.

The same tables serve SQLite and PostgreSQL (through SQLAlchemy). A store records
its schema version in ``meta``; opening an older one runs each upgrade step in
turn, in one transaction, so a store is never left half upgraded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from dashboard import columns

VERSION = 2

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False, server_default=""),
    sa.Column("source", sa.Text, nullable=False, server_default=""),
    sa.Column("url", sa.Text, nullable=False, server_default=""),
    sa.Column("published", sa.Text, nullable=False, server_default=""),
    sa.Column("language", sa.Text, nullable=False, server_default="en"),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.Text, nullable=False),
)

_QUANTITY = ("period_start", "period_end", "metric", "countries", "flow", "kind", "unit")
_TYPES: dict[str, Any] = {"int64": sa.Integer, "float64": sa.Float(precision=53), "str": sa.Text}

figures = sa.Table(
    "figures",
    metadata,
    sa.Column("figure_id", sa.Text, primary_key=True),
    sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    *(
        sa.Column(c.name, _TYPES[c.dtype], nullable=False)
        for c in columns.COLUMNS
        if c.name not in ("doc_id", "figure_id")
    ),
    sa.Column("flow", sa.Text, nullable=False, server_default=""),
    # The values the figure is consistent with (claims.span_of): claims overlap on them.
    sa.Column("low", sa.Float(precision=53), nullable=False, server_default="0"),
    sa.Column("high", sa.Float(precision=53), nullable=False, server_default="0"),
    sa.Column("claim_id", sa.Text, nullable=False, server_default=""),
    sa.Column("conflict", sa.Integer, nullable=False, server_default="0"),
    sa.Index("figures_by_doc", "doc_id"),
    sa.Index("figures_by_claim", "claim_id"),
    # Period first, for date filters; then the rest of the quantity (claims.KEY), so that a
    # lookup of one quantity is exact whichever index the planner reaches for.
    sa.Index("figures_by_quantity", *_QUANTITY),
)


_CLAIM_TEXT: tuple[str, ...] = ("metric", "countries", "flow", "kind", "unit", "direction", "bound")
_CLAIM_TEXT += ("period_start", "period_end", "period_text")
# One row per claim, kept by the store as figures come and go: what the charts and
# filters read, so that a page never aggregates the whole figures table.
claims = sa.Table(
    "claims",
    metadata,
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Column("figure_id", sa.Text, nullable=False),  # the least of its figures' ids
    *(sa.Column(name, sa.Text, nullable=False) for name in _CLAIM_TEXT),
    sa.Column("low", sa.Float(precision=53), nullable=False),  # the least and greatest value reported
    sa.Column("high", sa.Float(precision=53), nullable=False),
    sa.Column("value", sa.Float(precision=53), nullable=False),  # their mean
    sa.Column("reports", sa.Integer, nullable=False),
    sa.Column("sources", sa.Integer, nullable=False),  # documents
    sa.Column("conflict", sa.Integer, nullable=False),
    # The values its reports are consistent with, together (figures' low and high): a new
    # figure joins the claim when its own range overlaps this.
    sa.Column("span_low", sa.Float(precision=53), nullable=False),
    sa.Column("span_high", sa.Float(precision=53), nullable=False),
    sa.Index("claims_by_sources", "sources", "conflict"),
    sa.Index("claims_by_quantity", *_QUANTITY),
    sa.Index("claims_by_countries", "countries"),
    sa.Index("claims_by_kind", "kind", "unit"),
)

# How a claims row is made from its figures, in SQL (``WHERE`` and ``GROUP BY`` to follow).
CLAIM_ROWS = (
    "SELECT f.claim_id, MIN(f.figure_id), MIN(f.metric), MIN(f.countries), MIN(f.flow), MIN(f.kind), "
    "MIN(f.unit), MIN(f.direction), MIN(f.bound), MIN(f.period_start), MIN(f.period_end), "
    "MIN(f.period_text), MIN(f.value), MAX(f.value), AVG(f.value), COUNT(*), COUNT(DISTINCT f.doc_id), "
    "MAX(f.conflict), MIN(f.low), MAX(f.high) FROM figures f"
)


def version(db: sa.Connection) -> int:
    """The schema version of the store ``db`` holds: 0 when empty."""
    tables = set(sa.inspect(db).get_table_names())
    if "meta" in tables:
        row = db.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).first()
        return int(row[0]) if row else 0
    if "documents" in tables:
        return 1  # the first schema, before ``meta``: SQLite only, versioned by PRAGMA user_version
    return 0


def _upgrade_1_to_2(db: sa.Connection) -> None:
    """Claims: every figure gets a flow, a value range, a claim_id and a conflict flag (the
    store fills them in)."""
    db.execute(sa.text("ALTER TABLE figures ADD COLUMN flow TEXT NOT NULL DEFAULT ''"))
    db.execute(sa.text("ALTER TABLE figures ADD COLUMN low REAL NOT NULL DEFAULT 0"))
    db.execute(sa.text("ALTER TABLE figures ADD COLUMN high REAL NOT NULL DEFAULT 0"))
    db.execute(sa.text("ALTER TABLE figures ADD COLUMN claim_id TEXT NOT NULL DEFAULT ''"))
    db.execute(sa.text("ALTER TABLE figures ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0"))
    metadata.create_all(db)  # meta and the new indexes


UPGRADES: dict[int, Callable[[sa.Connection], None]] = {1: _upgrade_1_to_2}


def ensure(db: sa.Connection) -> bool:
    """Create or upgrade the tables to VERSION; True when an upgrade ran whose figures need
    their flows read and claims recounted."""
    found = version(db)
    if found > VERSION:
        raise ValueError(f"schema version {found} is newer than this program's {VERSION}")
    if found == 0:
        metadata.create_all(db)
    for step in range(found or VERSION, VERSION):
        UPGRADES[step](db)
    db.execute(sa.delete(meta).where(meta.c.key == "schema_version"))
    db.execute(sa.insert(meta).values(key="schema_version", value=str(VERSION)))
    return 0 < found < VERSION
