"""The Procfile's command really serves the app."""

from __future__ import annotations

import os
import shlex
import urllib.request
from pathlib import Path

from tests.conftest import ROOT
from tests.live import free_port, serving


def test_procfile_serves_the_app(tmp_path: Path):
    line = (ROOT / "Procfile").read_text().strip()
    assert line.startswith("web: gunicorn ")
    port = free_port()
    command = shlex.split(
        line.removeprefix("web: ").replace("$PORT", str(port)).replace("0.0.0.0", "127.0.0.1")
    )
    venv_bin = str(Path(os.sys.executable).parent)
    env = {"PATH": f"{venv_bin}:{os.environ['PATH']}", "TRADE_FIGURES_DATA": str(tmp_path / "figures.db")}
    with serving(command, port, env=env, cwd=ROOT) as url:
        with urllib.request.urlopen(url, timeout=10) as page:
            assert "Trade figures" in page.read().decode()
        with urllib.request.urlopen(url + "_dash-layout", timeout=10) as layout:
            assert "Every figure found in 1 document" in layout.read().decode()
