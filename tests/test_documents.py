"""Document files: front matter, text kept as written, clear errors."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.documents import Document, parse_document
from dashboard.errors import DocumentError
from dashboard.readers import read_document


def test_seed_metadata(seed):
    assert seed.doc_id == "000_3449a7e67f893c9d"
    assert seed.source == "AFP"
    assert seed.published == dt.date(2023, 5, 24)
    assert seed.title.startswith("Xi pledges support")
    assert seed.text.startswith("Chinese President Xi Jinping")


def test_front_matter_is_optional_and_the_id_comes_from_the_text():
    a = parse_document("Trade rose 5%.\n")
    b = parse_document("Trade rose 5%.\n")
    assert a.doc_id == b.doc_id and a.doc_id.startswith("doc-")
    assert a.text == "Trade rose 5%.\n"


def test_text_after_the_header_is_kept_byte_for_byte():
    doc = parse_document("---\ntitle: T\n---\n  Indented   text\n\nsecond paragraph\n")
    assert doc.text == "  Indented   text\n\nsecond paragraph\n"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("---\ntitle: never closed\nTrade rose.", "front matter opened with '---' is never closed"),
        ("---\nauthor: someone\n---\nText", "line 2: expected 'key: value' with key one of"),
        ("---\npublished: yesterday\n---\nText", "published: invalid date 'yesterday'"),
    ],
)
def test_bad_headers_name_the_problem(raw, message):
    with pytest.raises(DocumentError) as error:
        parse_document(raw, name="story.txt")
    assert str(error.value).startswith("story.txt: ")
    assert message in str(error.value)


def test_a_date_given_on_the_command_line_does_not_override_the_files(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("---\npublished: 2020-01-02\n---\nText.\n", encoding="utf-8")
    assert read_document(path, published=dt.date(2024, 1, 1)).published == dt.date(2020, 1, 2)


def test_document_checks_its_date():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        Document(text="x", published="May 24")
