"""A corpus in a real headless Chromium: claims, a conflict, the documents view, upload, delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT, _live
from tests.test_browser import _click_point

pytestmark = pytest.mark.browser
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture
def live_corpus(tmp_path: Path):
    """The app serving the example corpus (every format), fresh for each test."""
    with _live(tmp_path, CORPUS) as url:
        yield url


def _documents_tab(page: Page) -> None:
    page.locator("#tabs").get_by_text("Documents", exact=True).click()
    page.locator("#documents-grid .ag-row").first.wait_for()


def test_claims_and_a_conflict_are_drawn_and_listed(page: Page, live_corpus):
    page.goto(live_corpus)
    expect(page.locator("#summary")).to_contain_text("in conflict")
    _click_point(page, "money-chart", "$190–200 bn · 3 sources")
    panel = page.locator("#source-panel")
    expect(panel).to_contain_text("3 reports in 3 documents")
    expect(panel.locator("mark.surface")).to_have_text(["$190 billion", "$190.3 billion", "$200 billion"])
    conflicts = page.locator("#conflicts-box")
    expect(conflicts).to_be_visible()
    expect(conflicts.locator(".conflict-value")).to_have_text(["$150 bn", "$190 bn / $200 bn"])
    expect(conflicts).to_contain_text("Analyst puts China-Russia trade lower")
    # The page's script in the HTML document was left behind, and never ran.
    assert page.evaluate("window.tracker") is None


def test_documents_view_reads_a_document_and_its_figures(page: Page, live_corpus):
    page.goto(live_corpus)
    _documents_tab(page)
    grid = page.locator("#documents-grid")
    expect(grid.locator(".ag-row")).to_have_count(7)
    grid.locator(".ag-row", has_text="China-Russia trade hits record").locator(".ag-cell").nth(1).click()
    reader = page.locator("#document-reader")
    expect(reader.locator("button.figure-mark")).to_have_count(5)
    reader.locator("button.figure-mark", has_text="$76.1 billion").click()
    figure = page.locator("#document-figure")
    expect(figure).to_contain_text("exports")
    expect(figure.locator("mark.surface")).to_have_text("$76.1 billion")


def test_upload_several_files_one_bad_then_delete(page: Page, live_corpus, tmp_path: Path):
    good = tmp_path / "japan.txt"
    good.write_text("Japan's exports to South Korea rose 4% last year.", encoding="utf-8")
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02\x03 a scanned page")
    rows = tmp_path / "more.csv"
    rows.write_text(
        'title,text\nBrazil soy,"Brazil sold $3 billion of soy to China in 2023."\nshort\n', "utf-8"
    )
    page.goto(live_corpus)
    _documents_tab(page)
    page.locator("#upload input[type=file]").set_input_files([str(good), str(bad), str(rows)])
    results = page.locator("#upload-results li")
    expect(results).to_have_count(4)
    # Reported by file name, each bad line on its own.
    expect(results.nth(0)).to_contain_text("japan.txt — added")
    expect(results.nth(1)).to_contain_text("more.csv line 2 — added")
    expect(results.nth(2)).to_contain_text("more.csv line 3 — has 1 cells, the header 2")
    expect(results.nth(3)).to_contain_text("scan.txt — is a binary file")
    grid = page.locator("#documents-grid")
    expect(grid.locator(".ag-row")).to_have_count(9)

    page.on("dialog", lambda dialog: dialog.accept())
    grid.locator(".ag-row", has_text="Brazil soy").locator(".ag-cell").nth(1).click()
    expect(page.locator("#document-reader")).to_contain_text("Brazil sold")
    page.locator("#delete-button").click()
    expect(page.locator("#delete-result")).to_have_text("Deleted, with its figures.")
    expect(grid.locator(".ag-row")).to_have_count(8)
    expect(grid).not_to_contain_text("Brazil soy")
