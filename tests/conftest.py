from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.documents import Document
from dashboard.readers import read_document
from dashboard.store import Store
from tests import postgres
from tests.live import CHROMIUM, CHROMIUM_ARGS, free_port, serve_app, serving

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3449a7e67f893c9d.txt"


@pytest.fixture(scope="session")
def seed() -> Document:
    return read_document(SEED)


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session ($TEST_DATABASE_URL, or a throwaway cluster)."""
    if not (os.environ.get(postgres.URL_ENV) or postgres.binaries()):
        pytest.skip(
            "PostgreSQL is not installed (Debian package postgresql, or set TEST_DATABASE_URL): "
            "the PostgreSQL half of the store tests needs a server"
        )
    with postgres.server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty store, once in a SQLite file and once in a PostgreSQL database."""
    if request.param == "sqlite":
        yield Store(tmp_path / "figures.db")
        return
    with postgres.database(request.getfixturevalue("pg_server")) as url:
        store = Store(url)
        yield store
        store.engine.dispose()


@pytest.fixture
def seeded(store: Store, seed: Document) -> Store:
    store.ingest(seed)
    return store


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


HOSTILE = (
    "---\ntitle: <b>Bold</b> claims\nsource: Test Wire\npublished: 2024-03-01\n---\n"
    "Germany's exports to France <script>window.__pwned = 1</script> rose 7% to €120 billion last year.\n"
)


def _live(folder: Path, *documents: Path):
    data = folder / "figures.db"
    result = run_cli("ingest", *map(str, documents), "--data", str(data))
    assert result.returncode == 0, result.stderr
    port = free_port()
    return serving(serve_app(data, port), port, cwd=ROOT)


@pytest.fixture(scope="session")
def live_seed(tmp_path_factory: pytest.TempPathFactory):
    """The app served for real by ``trade-figures serve`` on the seed."""
    with _live(tmp_path_factory.mktemp("live-seed"), SEED) as url:
        yield url


@pytest.fixture(scope="session")
def live_hostile(tmp_path_factory: pytest.TempPathFactory):
    """The app serving a document full of markup."""
    folder = tmp_path_factory.mktemp("live-hostile")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    with _live(folder, hostile) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()
