from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.documents import Document, read_document
from dashboard.store import Store
from tests.live import free_port, serve_app, serving

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3449a7e67f893c9d.txt"


@pytest.fixture(scope="session")
def seed() -> Document:
    return read_document(SEED)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "figures.db")


@pytest.fixture
def seeded(store: Store, seed: Document) -> Store:
    store.ingest(seed)
    return store


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory):
    """The app served for real by ``trade-figures serve`` on the seeds plus a hostile document."""
    folder = tmp_path_factory.mktemp("live")
    data = folder / "figures.db"
    hostile = folder / "hostile.txt"
    hostile.write_text(
        "---\ntitle: <b>Bold</b> claims\nsource: Test Wire\npublished: 2024-03-01\n---\n"
        "Germany's exports to France <script>window.__pwned = 1</script> rose 7% to €120 billion last year.\n",
        encoding="utf-8",
    )
    assert run_cli("ingest", str(SEED), str(hostile), "--data", str(data)).returncode == 0
    port = free_port()
    with serving(serve_app(data, port), port, cwd=ROOT) as url:
        yield url
