"""Make docs/screenshot.png: the app on the seed and the example corpus, in headless
Chromium, China-Russia figures, the claim most documents report clicked.

Run from the repository root: python scripts/screenshot.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.live import CHROMIUM, CHROMIUM_ARGS, free_port, serve_app, serving  # noqa: E402
from tests.test_browser import POINT_UNDER_LABEL  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "figures.db"
        subprocess.run(
            [sys.executable, "-m", "dashboard", "ingest", "seeds", "examples/corpus", "--data", str(data)],
            cwd=ROOT,
            check=True,
        )
        port = free_port()
        with serving(serve_app(data, port), port, cwd=ROOT) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1100})
            page.goto(url + "?countries=CHN%3BRUS")
            page.locator(".ag-row").first.wait_for()
            most = page.locator("#money-chart .textpoint", has_text="sources").first
            most.wait_for()
            label = most.text_content()
            point = page.evaluate(POINT_UNDER_LABEL, ["money-chart", label])
            page.mouse.click(point["x"], point["y"])
            page.locator("#source-panel mark.surface").first.wait_for()
            out = ROOT / "docs" / "screenshot.png"
            page.screenshot(path=str(out), full_page=True)
            browser.close()
            print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
