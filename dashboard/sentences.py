"""Split a text into sentences and paragraphs, keeping offsets into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dashboard import lexicon

# A line of a list: "• Coal: ₹23,900 crore", "- Exports to China: US$5.1 bn"
LIST_ITEM = re.compile(r"\s*[-•·*▪–—]\s")

# A sentence ends at . ! or ? (and any closing quotes or brackets) followed by
# white space and something that can open a sentence, or at a line break. The
# pattern opens with those characters so that Python's engine skips straight to them.
_BREAK = re.compile(
    r"""[.!?\n](?:(?<=[.!?])[\"'”’)\]]*[ \t\u00a0]+(?=[\"'“‘(\[]?[A-Z0-9–—-])"""
    r"""|(?<=\n)\n*)"""
)
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]{0,10})\.$")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
# "BEIJING (Reuters) -", "Washington, D.C. —", "MOSCOW, March 12 (Interfax) -", "NEW DELHI:":
# where the report was written, before what it reports.
# A place, perhaps a date and an agency in brackets, a dash or a colon.
DATELINE = re.compile(
    # The place: capitalised words ("BUENOS AIRES", "Rio de Janeiro"), not "China's exports to Russia –"
    # "MOSCOW/BEIJING": two places, one dateline
    r"\A\s*[A-Z][A-Za-z.'’-]*(?:/[A-Z][A-Za-z.'’-]*)?(?:\s+(?:(?:de|da|do|dos|del|la|el|es|al|of)\s+)?[A-Z][A-Za-z.'’-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+)?(?:,?\s+(?P<month>[A-Z][a-z]{2,8})\.?\s+"
    r"(?P<day>\d{1,2})(?:,?\s+(?P<year>(?:19|20)\d\d))?)?\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?:[-–—]{1,2}|:)\s"
)
_POSSESSIVE_WORD = re.compile(r"\w['’]s\s")
# No real sentence is longer; a longer run of text is cut at a clause or a space, so
# that every row's sentence stays short and work stays linear in the text.
MAX_SENTENCE = 1000


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are; none changes once built
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``; ``text[s.start:s.end] == s.text`` for each."""
    spans: list[tuple[int, int]] = []
    start = 0
    # Text all in lower case opens its sentences in lower case too: find their breaks in
    # upper case, letter for letter (offsets hold).
    scan = upper if text.islower() and len(upper := text.upper()) == len(text) else text
    for brk in _BREAK.finditer(scan):
        newline = brk.group().startswith("\n")
        end = brk.start() if newline else brk.start() + 1  # after the full stop
        if newline or not _after_abbreviation(text, end):
            spans.append((start, end))
            start = brk.end()
    spans.append((start, len(text)))
    spans = [piece for span in spans for piece in _cut(text, *span)]
    sentences: list[Sentence] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        window = text[start + MAX_SENTENCE // 2 : start + MAX_SENTENCE]
        at = max(window.rfind("; "), window.rfind(", "))
        at = at if at >= 0 else window.rfind(" ")
        stop = start + MAX_SENTENCE // 2 + at + 1 if at >= 0 else start + MAX_SENTENCE
        pieces.append((start, stop))
        start = stop
    pieces.append((start, end))
    return pieces


def _after_abbreviation(text: str, pos: int) -> bool:
    word = _LAST_WORD.search(text, max(0, pos - 12), pos)
    if word is None or word.group(1).lower() not in _abbreviations():
        return False
    # "goods entering the U.S. The bloc's surplus ...": a country's initials end a sentence
    # before a word that opens one
    return not (word.group(1).lower() in _NAMES and _OPENER.match(text, pos))


_NAMES = frozenset({"u.s", "u.k"})
_OPENER = re.compile(
    # in any case, for copy in capitals: words that never follow "U.S." inside a sentence
    r"\s+(?:(?i:the|they|however|meanwhile)"
    # as written only: "THE U.S. AND CHINA", "TO THE U.S. THIS YEAR" go on; never "Trade", as
    # in "the U.S. Trade Representative"
    r"|This|These|Those|That|It|Its|He|She|We|I|But|And|A|An|In|There|Such|Last)\s"
)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon.column("abbreviations.csv", "word"))


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the paragraph (blank-line separated) holding offset ``pos``."""
    start = 0
    for gap in _PARAGRAPH.finditer(text):
        if gap.start() >= pos:
            return start, gap.start()
        start = gap.end()
    return start, len(text)


def sentence_start(text: str, sentence: str, start: int) -> int:
    """Where the sentence holding offset ``start`` starts in ``text``, given the sentence."""
    at = text.find(sentence, max(0, start - len(sentence)))
    return at if 0 <= at <= start < at + len(sentence) + 1 else start


# In text all in lower case the place's capitals are gone: only a date or an agency after
# it marks a dateline ("luxembourg (reuters) - ", "seoul, oct. 2 (yonhap) -- ").
_CASELESS_DATELINE = re.compile(
    r"\A\s*(?P<place>[a-z][a-z.'’-]*(?:/[a-z][a-z.'’-]*)?(?:\s+[a-z][a-z.'’-]*){0,3})(?:,\s*[a-z]+)?(?:,?\s+(?P<month>[a-z]{3,9})\.?\s+"
    r"(?P<day>\d{1,2})(?:,?\s+(?:19|20)\d\d)?)?\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?:[-–—]{1,2}|:)\s"
)


@cache
def _capitals() -> frozenset[str]:
    return frozenset(r["name"].lower() for r in lexicon.rows("countries.csv") if r["kind"] == "capital")


def _is_capital(place: str) -> bool:
    return place.strip().lower() in _capitals()


_HEADLINE = re.compile(r"[^\n]{1,160}(?<![.!?:])\n[ \t]*\n")


def dateline_span(text: str) -> tuple[int, int]:
    """Where the dateline a text opens with starts and ends, after a headline if one stands
    over it ("Russia became China's top oil supplier\n\nMOSCOW/BEIJING, Jan 20 (Reuters) -");
    (0, 0) when there is none."""
    if end := dateline_end(text):
        return 0, end
    headline = _HEADLINE.match(text)
    if headline is None:
        return 0, 0
    end = dateline_end(text[headline.end() : headline.end() + 200])
    return (headline.end(), headline.end() + end) if end else (0, 0)


def dateline_end(text: str) -> int:
    """Where the dateline ``text`` opens with ends; 0 when it opens with none."""
    if text.islower():
        m = _CASELESS_DATELINE.match(text)
        # "nairobi — uganda remained ...": a capital city's name opens a dateline as it does in
        # capitals ("NAIROBI —"); another word needs a day or an agency ("china — exports rose")
        return m.end() if m and (m.group("day") or m.group("agency") or _is_capital(m.group("place"))) else 0
    m = DATELINE.match(text)
    if m is None or _POSSESSIVE_WORD.search(text, 0, m.end()):
        return 0  # "India's Foreign Trade: October 2024" is a title, not a place
    return m.end()
