"""The corpus views as plain functions on a real store: claims, conflicts, upload, documents."""

from __future__ import annotations

import base64

from dash import html

from dashboard.app import charts
from dashboard.app.callbacks import show_source, update_views
from dashboard.app.documents_callbacks import confirm_delete, delete, open_document, upload
from dashboard.filters import Filters
from tests.test_callbacks import _find, _texts
from tests.test_claims import AGREES, DISAGREES, RECORD, ROUNDED


def _data_url(data: bytes) -> str:
    return "data:application/octet-stream;base64," + base64.b64encode(data).decode()


def test_a_claim_point_is_sized_by_its_sources_and_ringed_when_contested(store):
    for doc in (RECORD, AGREES, ROUNDED, DISAGREES):
        store.ingest(doc)
    fig = charts.money_chart(store.claims())
    [points] = [t for t in fig.data if t.mode == "markers+text"]
    by_label = dict(zip(points.text, points.marker.size, strict=True))
    assert by_label == {"$190–200 bn · 3 sources": 20, "$150 bn": 10}
    assert set(points.marker.line.color) == {charts.CONFLICT_COLOUR}


def test_clicking_a_claim_lists_every_report_with_its_document(store):
    for doc in (RECORD, AGREES, ROUNDED):
        store.ingest(doc)
    claim = store.claims(Filters(kind=("money",)))["claim_id"].iloc[0]
    panel = show_source(store, ("claim", claim))
    texts = _texts(panel)
    assert "3 reports in 3 documents" in texts
    assert {"Record trade", "Ministry figures", "Rounded"} <= set(texts)
    assert [m.children for m in _find(panel, html.Mark)] == ["$190.3 billion", "$200 billion", "$190 billion"]


def test_conflicts_are_listed_side_by_side(store):
    for doc in (RECORD, AGREES, DISAGREES):
        store.ingest(doc)
    *_, summary, _, _, conflicts, hidden = update_views(store, Filters(kind=("money",)))
    assert hidden is False and "1 quantity reported in conflicting ways" in summary
    [block] = conflicts
    columns = [c for c in _find(block, html.Div) if c.className == "conflict-claim"]
    assert [c.children[0].children for c in columns] == ["$150 bn", "$190 bn"]
    assert "Outlier" in _texts(columns[0])


def test_upload_several_files_one_bad_keeps_the_good(store):
    results = upload(
        store,
        [
            _data_url(b"Japan's exports to Korea rose 4% last year."),
            _data_url(b"\x00\x01\x02 not text"),
            _data_url(b'{"text": "India\'s imports from Russia rose 10% in 2023."}\n{broken\n'),
        ],
        ["japan.txt", "photo.txt", "batch.jsonl"],
        "2024-03-01",
    )
    assert [(name, ok) for name, ok, _ in results] == [  # by file name
        ("batch.jsonl line 1", True),
        ("batch.jsonl line 2", False),
        ("japan.txt", True),
        ("photo.txt", False),
    ]
    assert results[1][2].startswith("not JSON") and "binary" in results[3][2]
    assert store.document_count() == 2
    japan = store.figures(Filters(countries=("JPN;KOR",)))
    assert (japan["period_start"].iloc[0], japan["period_end"].iloc[0]) == ("2023-01-01", "2023-12-31")
    again = upload(store, [_data_url(b"Japan's exports to Korea rose 4% last year.")], ["japan.txt"], None)
    assert again[0][1] and again[0][2].startswith("already present")


def test_reading_a_document_highlights_each_figure_and_delete_removes_it(store):
    store.ingest(RECORD)
    reader, delete_disabled, open_id = open_document(store, RECORD.doc_id)
    assert delete_disabled is False and open_id == RECORD.doc_id
    buttons = list(_find(reader, html.Button))
    assert [b.children for b in buttons] == ["$190 billion"]
    assert buttons[0].id["index"] == store.figures()["figure_id"].iloc[0]
    assert "".join(_texts(reader)).count(RECORD.text) == 1
    shown, message = confirm_delete(store, RECORD.doc_id)
    assert shown and "Record trade" in message and "1 figures" in message
    assert delete(store, RECORD.doc_id) == "Deleted, with its figures."
    assert store.document_count() == 0 and store.figures().empty
    assert open_document(store, RECORD.doc_id)[1] is True


def test_big_views_are_bounded_and_say_so(store, monkeypatch):
    import dashboard.app.callbacks as callbacks

    for doc in (RECORD, AGREES, ROUNDED, DISAGREES):
        store.ingest(doc)
    monkeypatch.setattr(callbacks, "CHART_LIMIT", 2)
    monkeypatch.setattr(callbacks, "GRID_LIMIT", 3)
    money, _, _, ratio_hidden, rows, note, summary, *_ = update_views(store, Filters())
    # The most reported claim, then a contested one; the 29% rise is left out of the charts.
    drawn = [t for trace in money.data if trace.mode == "markers+text" for t in trace.text]
    assert sorted(drawn) == ["$150 bn", "$190–200 bn · 3 sources"] and ratio_hidden
    assert "the charts draw the 2 claims most documents report" in summary
    assert len(rows) == 3 and note.startswith("The table holds the first 3 of 5 figures")


def test_the_document_list_is_bounded_and_says_so(store, monkeypatch):
    import dashboard.app.documents_callbacks as documents_callbacks

    for doc in (RECORD, AGREES, ROUNDED):
        store.ingest(doc)
    rows, note = documents_callbacks.list_documents(store)
    assert [r["title"] for r in rows] == ["Record trade", "Rounded", "Ministry figures"] and note == ""
    monkeypatch.setattr(documents_callbacks, "LIST_LIMIT", 2)
    rows, note = documents_callbacks.list_documents(store)
    assert len(rows) == 2 and note == "The 2 newest of 3 documents."
