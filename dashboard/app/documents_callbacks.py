"""The documents view's behaviour: upload, list, read, delete; plain functions, then ``register``.

An upload never shows a traceback: each file, and each bad line in a file, gets
a line saying what happened to it, and what went in went in whole.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import os
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from dashboard import readers
from dashboard.app import documents_view, ids, source_panel
from dashboard.documents import MAX_BYTES
from dashboard.errors import DashboardError
from dashboard.store import Store

MAX_MB_ENV = "TRADE_FIGURES_MAX_MB"


def max_bytes() -> int:
    """The largest file an upload takes: $TRADE_FIGURES_MAX_MB, default 10 MB."""
    try:
        return int(float(os.environ.get(MAX_MB_ENV) or MAX_BYTES / 1024 / 1024) * 1024 * 1024)
    except ValueError:
        return MAX_BYTES


def upload(
    store: Store, contents: list[str] | None, filenames: list[str] | None, date: str | None
) -> list[tuple[str, bool, str]]:
    """Read and ingest every uploaded file: (name, ok, what happened) per document or failure."""
    published = dt.date.fromisoformat(date[:10]) if date else None
    results: list[tuple[str, bool, str]] = []
    # Browsers hand files over in the order they finish reading them: report by name.
    for name, content in sorted(zip(filenames or [], contents or [], strict=False)):
        try:
            data = base64.b64decode(content.split(",", 1)[1], validate=True)
        except (IndexError, ValueError, binascii.Error):
            results.append((name, False, "could not be read from the upload"))
            continue
        for read in readers.read_bytes(name, data, published=published, max_bytes=max_bytes()):
            if read.document is None:
                results.append((read.name, False, read.error))
                continue
            try:
                result = store.ingest(read.document)
            except DashboardError as error:
                results.append((read.name, False, str(error)))
                continue
            figures = f"{result.figures} figure{'s' * (result.figures != 1)}"
            state = "added" if result.added else "already present"
            title = read.document.title or read.document.doc_id
            results.append((read.name, True, f"{state}: “{title}”, {figures}"))
    return results


LIST_LIMIT = 2000  # documents the list holds at once, newest first


def list_documents(store: Store) -> tuple[list[dict[str, object]], str]:
    """The list's rows, newest first, and a note when it leaves older ones out."""
    rows = documents_view.document_rows(store.documents(limit=LIST_LIMIT))
    total = store.document_count() if len(rows) == LIST_LIMIT else len(rows)
    note = f"The {LIST_LIMIT:,} newest of {total:,} documents." if total > len(rows) else ""
    return rows, note


def open_document(store: Store, doc_id: str | None) -> tuple[Any, bool, str | None]:
    """(reader content, delete disabled, open doc_id) for the document clicked in the list."""
    found = store.document(doc_id) if doc_id else None
    if found is None:
        return source_panel.placeholder(documents_view.READER_PROMPT), True, None
    row, figures = found
    return documents_view.render_document(row, figures), False, doc_id


def confirm_delete(store: Store, doc_id: str | None) -> tuple[bool, str]:
    found = store.document(doc_id) if doc_id else None
    if found is None:
        return False, ""
    row, figures = found
    title = row["title"] or row["doc_id"]
    return True, f"Delete “{title}” and its {len(figures)} figures from the store?"


def delete(store: Store, doc_id: str | None) -> str:
    if not doc_id:
        return ""
    return "Deleted, with its figures." if store.delete(doc_id) else "That document was already gone."


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(ids.DOCUMENTS_GRID, "rowData"),
        Output(ids.DOCUMENTS_NOTE, "children"),
        Input(ids.VERSION, "data"),
        Input(ids.TABS, "value"),
    )
    def _list(_version, _tab):
        return list_documents(store)

    @app.callback(
        Output(ids.UPLOAD_RESULTS, "children"),
        Output(ids.VERSION, "data", allow_duplicate=True),
        Input(ids.UPLOAD, "contents"),
        State(ids.UPLOAD, "filename"),
        State(ids.UPLOAD_DATE, "date"),
        State(ids.VERSION, "data"),
        prevent_initial_call=True,
    )
    def _upload(contents, filenames, date, version):
        results = upload(store, contents, filenames, date)
        return documents_view.render_results(results), (version or 0) + 1

    @app.callback(
        Output(ids.READER, "children"),
        Output(ids.DELETE_BUTTON, "disabled"),
        Output(ids.OPEN_DOCUMENT, "data"),
        Input(ids.DOCUMENTS_GRID, "cellClicked"),
        prevent_initial_call=True,
    )
    def _open(cell):
        return open_document(store, (cell or {}).get("rowId"))

    @app.callback(
        Output(ids.READER_FIGURE, "children"),
        Input({"type": ids.DOC_FIGURE, "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def _figure(clicks):
        if not any(clicks or []) or not isinstance(ctx.triggered_id, dict):
            return no_update
        return source_panel.render(store.figure(ctx.triggered_id["index"]))

    @app.callback(
        Output(ids.DELETE_CONFIRM, "displayed"),
        Output(ids.DELETE_CONFIRM, "message"),
        Input(ids.DELETE_BUTTON, "n_clicks"),
        State(ids.OPEN_DOCUMENT, "data"),
        prevent_initial_call=True,
    )
    def _ask(_clicks, doc_id):
        return confirm_delete(store, doc_id)

    @app.callback(
        Output(ids.DELETE_RESULT, "children"),
        Output(ids.VERSION, "data", allow_duplicate=True),
        Output(ids.READER, "children", allow_duplicate=True),
        Output(ids.DELETE_BUTTON, "disabled", allow_duplicate=True),
        Input(ids.DELETE_CONFIRM, "submit_n_clicks"),
        State(ids.OPEN_DOCUMENT, "data"),
        State(ids.VERSION, "data"),
        prevent_initial_call=True,
    )
    def _delete(_confirmed, doc_id, version):
        message = delete(store, doc_id)
        prompt = source_panel.placeholder(documents_view.READER_PROMPT)
        return message, (version or 0) + 1, prompt, True
