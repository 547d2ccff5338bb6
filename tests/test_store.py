"""The store, on SQLite and on PostgreSQL alike: persistence, idempotence, whole ingests,
SQL-side queries, deletes, and the upgrade of an older SQLite store."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
import sqlalchemy as sa

from dashboard import schema
from dashboard.documents import Document
from dashboard.filters import Filters
from dashboard.store import Store, StoreError


def test_a_restart_shows_the_same_data(seeded, seed):
    before = seeded.figures()
    reopened = Store(seeded.target)
    after = reopened.figures()
    assert after.equals(before)
    assert reopened.document_count() == 1
    assert len(after) == 4


def test_ingesting_the_same_text_again_changes_nothing(seeded, seed):
    again = seeded.ingest(seed)
    assert (again.added, again.figures) == (False, 4)
    renamed = seeded.ingest(replace(seed, doc_id="another-id", title="Same text, other name"))
    assert renamed.added is False and renamed.doc_id == seed.doc_id
    assert seeded.document_count() == 1


def test_figure_ids_are_stable_across_stores(tmp_path, seeded, seed):
    other = Store(tmp_path / "other.db")
    other.ingest(seed)
    assert list(other.figures()["figure_id"]) == list(seeded.figures()["figure_id"])


def test_a_taken_doc_id_with_other_text_is_refused_and_nothing_is_written(seeded, seed):
    other = Document(text="Exports rose 5% last year.", doc_id=seed.doc_id, published="2023-05-24")
    with pytest.raises(StoreError, match="already stored with a different text"):
        seeded.ingest(other)
    assert len(seeded.figures()) == 4


def test_a_write_failing_halfway_leaves_no_half_document(seeded, monkeypatch):
    import dashboard.store as store_module
    from dashboard.extract import extract_document

    # The document row goes in, then the second figure breaks the primary key:
    # the whole transaction must roll back.
    def twice(document):
        figures = extract_document(document)
        return figures + figures

    monkeypatch.setattr(store_module, "extract_document", twice)
    with pytest.raises(StoreError, match="nothing written"):
        seeded.ingest(Document(text="Trade rose 5% last year.", published="2023-01-01"))
    assert seeded.document_count() == 1
    assert len(seeded.figures()) == 4


def test_filters_run_in_sql(seeded):
    assert set(seeded.figures(Filters(kind=("money",)))["surface"]) == {"$190 billion", "$70 billion"}
    assert list(seeded.figures(Filters(metric=("energy supplies",)))["surface"]) == ["40%"]
    in_2022 = seeded.figures(Filters(date_from="2022-01-01", date_to="2022-12-31"))
    assert list(in_2022["surface"]) == ["$190 billion"]
    assert seeded.figures(Filters(countries=("USA;CHN",))).empty
    assert seeded.figure_count(Filters(kind=("money",))) == 2


def test_pages_and_order_come_from_sql(seeded):
    by_value = seeded.figures(order="-value")
    assert list(by_value["value"]) == sorted(by_value["value"], reverse=True)
    page = seeded.figures(order="-value", limit=2, offset=1)
    assert list(page["figure_id"]) == list(by_value["figure_id"][1:3])
    # Anything but a known column falls back to the corpus order, never into the SQL.
    assert list(seeded.figures(order="value; DROP TABLE figures")["figure_id"]) == list(
        seeded.figures()["figure_id"]
    )


def test_documents_and_delete(seeded, seed):
    extra = Document(
        text="Japan's exports to Korea rose 4% last year.", title="Japan", published="2024-02-01"
    )
    seeded.ingest(extra)
    listing = seeded.documents()
    assert list(listing["title"]) == ["Japan", seed.title]  # newest first
    assert list(listing["figures"]) == [1, 4]
    row, figures = seeded.document(seed.doc_id)
    assert row["text"] == seed.text and figures["surface"].iloc[0] == "$190 billion"
    assert seeded.delete(seed.doc_id) is True
    assert seeded.document(seed.doc_id) is None
    assert list(seeded.documents()["title"]) == ["Japan"]
    assert len(seeded.figures()) == 1
    assert seeded.delete(seed.doc_id) is False


def test_the_schema_version_is_recorded(seeded):
    with seeded.engine.connect() as db:
        assert schema.version(db) == schema.VERSION


def test_sqlite_is_a_real_file_in_wal_mode(tmp_path, seed):
    store = Store(tmp_path / "figures.db")
    store.ingest(seed)
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        assert db.execute("SELECT COUNT(*) FROM figures").fetchone()[0] == 4


def test_a_version_1_sqlite_store_is_upgraded_with_its_data(tmp_path, seed):
    path = tmp_path / "old.db"
    _write_version_1(path, seed)
    store = Store(path)
    frame = store.figures()
    assert len(frame) == 4 and all(frame["claim_id"].str.startswith("claim-"))
    # Flows are read back from the documents' text: Russia's energy supplies to China.
    flows = store._read("SELECT metric, flow FROM figures")
    assert sorted(zip(flows["metric"], flows["flow"], strict=True)) == [
        ("energy supplies", "RUS>CHN"), ("trade", ""), ("trade", ""), ("trade", ""),
    ]  # fmt: skip
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION


def test_a_store_newer_than_the_program_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store(path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database " * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store(path)


def test_an_unreachable_server_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="nowhere"):
        Store(f"postgresql://nobody@/nowhere?host={tmp_path}&port=1")


def _write_version_1(path, seed) -> None:
    """A store as the first release wrote it: no meta table, no claim columns, PRAGMA user_version 1."""
    fresh = Store(path.with_name("fresh.db"))
    fresh.ingest(seed)
    with sqlite3.connect(fresh.path) as src, sqlite3.connect(path) as dst:
        docs = src.execute("SELECT * FROM documents").fetchall()
        names = [
            c.name for c in schema.figures.c if c.name not in ("flow", "low", "high", "claim_id", "conflict")
        ]
        figures = src.execute(f"SELECT {', '.join(names)} FROM figures").fetchall()
        dst.execute(
            "CREATE TABLE documents (doc_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, "
            "title TEXT, source TEXT, url TEXT, published TEXT, language TEXT, text TEXT, ingested_at TEXT)"
        )
        dst.execute(f"CREATE TABLE figures ({', '.join(names)}, PRIMARY KEY (figure_id))")
        dst.executemany(f"INSERT INTO documents VALUES ({', '.join('?' * 9)})", docs)
        dst.executemany(f"INSERT INTO figures VALUES ({', '.join('?' * len(names))})", figures)
        dst.execute("PRAGMA user_version = 1")
    assert sa.inspect(sa.create_engine(f"sqlite:///{path}")).get_table_names() == ["documents", "figures"]
