"""The SQLite store: persistence across restarts, idempotence, stable ids, whole ingests."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from dashboard.documents import Document
from dashboard.filters import Filters
from dashboard.store import Store, StoreError


def test_a_restart_shows_the_same_data(seeded, seed):
    before = seeded.figures()
    reopened = Store(seeded.path)
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


def test_figure_ids_are_stable_across_stores(tmp_path, seed):
    first = Store(tmp_path / "a.db")
    second = Store(tmp_path / "b.db")
    first.ingest(seed)
    second.ingest(seed)
    assert list(first.figures()["figure_id"]) == list(second.figures()["figure_id"])


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
    with pytest.raises(sqlite3.IntegrityError):
        seeded.ingest(Document(text="Trade rose 5% last year.", published="2023-01-01"))
    assert seeded.document_count() == 1
    assert len(seeded.figures()) == 4


def test_filters_run_in_sql(seeded):
    assert set(seeded.figures(Filters(kind=("money",)))["surface"]) == {"$190 billion", "$70 billion"}
    assert list(seeded.figures(Filters(metric=("energy supplies",)))["surface"]) == ["40%"]
    in_2022 = seeded.figures(Filters(date_from="2022-01-01", date_to="2022-12-31"))
    assert list(in_2022["surface"]) == ["$190 billion"]
    assert seeded.figures(Filters(countries=("USA;CHN",))).empty


def test_the_file_is_a_real_sqlite_database_with_a_schema_version(seeded):
    with sqlite3.connect(seeded.path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database " * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store(path)
