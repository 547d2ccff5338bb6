"""The app driven in a real headless Chromium: click, read, filter, download."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.columns import NAMES

pytestmark = pytest.mark.browser

POINT_UNDER_LABEL = """([chart, label]) => {
    const root = document.getElementById(chart);
    const text = [...root.querySelectorAll('.textpoint')].find(t => t.textContent === label);
    if (!text) return null;
    const box = text.getBoundingClientRect();
    const cx = box.x + box.width / 2;
    let best = null;
    for (const p of root.querySelectorAll('path.point')) {
        const b = p.getBoundingClientRect();
        const d = Math.abs(b.x + b.width / 2 - cx) + Math.abs(b.y - box.bottom);
        if (!best || d < best.d) best = {x: b.x + b.width / 2, y: b.y + b.height / 2, d};
    }
    return best;
}"""


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(".ag-row").first.wait_for()


def _click_point(page: Page, chart: str, label: str) -> None:
    page.locator(f"#{chart} .textpoint", has_text=label).wait_for()
    point = page.evaluate(POINT_UNDER_LABEL, [chart, label])
    assert point is not None, f"no point labelled {label} on {chart}"
    page.mouse.click(point["x"], point["y"])


def test_clicking_a_chart_point_shows_its_sentence(page, live_seed):
    _open(page, live_seed)
    _click_point(page, "money-chart", "$190 bn")
    panel = page.locator("#source-panel")
    expect(panel.locator("mark.surface")).to_have_text("$190 billion")
    expect(panel.locator(".sentence")).to_contain_text(
        "trade between them reaching a record $190 billion last year"
    )
    expect(panel).to_contain_text("China Customs")


def test_clicking_a_table_row_shows_its_sentence(page, live_seed):
    _open(page, live_seed)
    page.locator(".ag-row", has_text="$70 bn").locator(".ag-cell").first.click()
    panel = page.locator("#source-panel")
    expect(panel.locator("mark.surface")).to_have_text("$70 billion")
    expect(panel.locator(".sentence")).to_have_text(
        "Li said bilateral trade has already reached $70 billion so far this year."
    )


def test_a_filter_changes_the_url_and_the_url_restores_it(page, live_seed):
    _open(page, live_seed)
    page.locator("#filter-kind").click()
    page.get_by_role("option", name="percent").click()
    expect(page).to_have_url(f"{live_seed}?kind=percent")
    expect(page.locator(".ag-center-cols-container .ag-row")).to_have_count(2)
    expect(page.locator("#summary")).to_have_text("2 figures making 2 claims")

    page.goto(f"{live_seed}?kind=money")
    expect(page.locator("#summary")).to_have_text("2 figures making 2 claims")
    expect(page.locator("#filter-kind")).to_contain_text("money")
    expect(page.locator("#figures-grid .ag-row", has_text="$190 bn")).to_have_count(1)


def test_an_empty_selection_is_explained(page, live_seed):
    page.goto(f"{live_seed}?from=2030-01-01")
    expect(page.locator("#empty-message")).to_contain_text("No figures match these filters")
    expect(page.locator("#money-box")).to_be_hidden()


def test_download_csv_is_the_rows_shown(page, live_seed, tmp_path: Path):
    _open(page, live_seed)
    with page.expect_download() as info:
        page.locator("#download-button").click()
    download = info.value
    assert download.suggested_filename == f"trade-figures-{dt.date.today().isoformat()}.csv"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == [*NAMES, "claim_id"]
    assert len(rows) == 5
    assert [r[NAMES.index("surface")] for r in rows[1:]] == ["$190 billion", "$70 billion", "40%", "40%"]
    assert rows[1][NAMES.index("value")] == "190000000000.0"


def test_markup_in_a_document_is_shown_as_text_never_run(page, live_hostile):
    _open(page, live_hostile)
    page.locator(".ag-row", has_text="€120 bn").locator(".ag-cell").first.click()
    panel = page.locator("#source-panel")
    expect(panel.locator("mark.surface")).to_have_text("€120 billion")
    expect(panel).to_contain_text("<script>window.__pwned = 1</script>")
    expect(panel.locator(".source-title")).to_have_text("<b>Bold</b> claims")
    assert page.evaluate("window.__pwned") is None
    assert panel.locator("script, b").count() == 0
