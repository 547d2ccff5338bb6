"""The Dash app: ``create_app(store)`` builds it; nothing is loaded at import time."""

from __future__ import annotations

from pathlib import Path

from dash import Dash

from dashboard.app import callbacks, layout
from dashboard.store import Store

TITLE = "Trade figures"


def create_app(store: Store) -> Dash:
    app = Dash(
        __name__,
        title=TITLE,
        assets_folder=str(Path(__file__).parent / "assets"),
        suppress_callback_exceptions=False,
    )
    # A function, so each page load reads the store as it is now.
    app.layout = lambda: layout.build(store.options(), store.document_count())
    callbacks.register(app, store)
    return app


__all__ = ["create_app"]
