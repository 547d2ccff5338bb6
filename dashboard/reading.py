"""Text as it comes -> text as the rules read it, letter for letter, so that offsets hold.

Copy pasted from web pages and PDFs spaces its words with non-breaking or thin spaces and
breaks its lines inside sentences; wire lines come all in capitals, scraped copy all in
lower case. The rules read each as it would be typed; what is shown (surfaces, sentences,
period words) is taken back from the text as written.
"""

from __future__ import annotations

import re

from dashboard import lexicon

# Non-breaking, thin and figure spaces, read as the space they stand for.
ODD_SPACE = re.compile("[\u00a0\u2007\u2009\u202f]")


def has_odd_spaces(text: str) -> bool:
    """Whether ``text`` holds any of ``ODD_SPACE``: substring tests, many times faster than
    a scan for a class of characters."""
    return not text.isascii() and any(space in text for space in "\u00a0\u2007\u2009\u202f")


def as_read(written: str) -> tuple[str, str]:
    """(the text as the rules read it, and with its case kept), letter for letter, so that
    offsets hold; what is shown (surfaces, sentences) is taken back from the text as written.

    Non-breaking and thin spaces are read as spaces ("New\u00a0Zealand", "1\u202f234"); a line
    broken inside a sentence as a space; a text all in capitals says nothing by its case, as
    one all in lower case says nothing, and is read as that one is, but for who speaks,
    whose names its capitals still mark ("OFFICIALS IN JAPAN SAID").
    """
    cased = written
    if has_odd_spaces(cased):
        cased = ODD_SPACE.sub(" ", cased)
    if "\n" in cased and _SOFT_BREAK.search(cased):
        # A text in one case cannot say by its case where a line runs on: every line that is
        # long and unfinished does ("1.4 MILLION\nTONNES").
        cased = joined_lines(cased, one_case=cased.islower() or cased.isupper())
    return (lexicon.lower(cased) if cased.isupper() else cased), cased


# The line break first: the engine skips from one to the next.
_SOFT_BREAK = re.compile(r"\n(?<=[^\s.!?:;]\n)(?=[ \t]*[a-zA-Z$€£¥₹\d])")
# No line of its own ends in these: "shipments to\nUzbekistan" runs on to a capital.
_RUN_ON = re.compile(r"(?i)\b(?:to|from|of|the|and|or|with|in|into|for|by|a|an|at|on|than|its|their)$")
_KEY = re.compile(r"[^\n:]{1,30}:\s")  # "title: ...", "Exports: $5.1 bn": a line of its own


def joined_lines(text: str, one_case: bool = False) -> str:
    """A line broken inside a sentence, as copy from a PDF comes ("1.4 million\ntonnes"),
    joined by a space, one for one: a line of prose runs on into one opening in lower case,
    and a line ending in "to", "by" or "the", however short, into whatever opens the next (a
    capital, "$ 1.2 billion"); in a text all in one case, a long line into any opening with a
    letter. Other lines that open with a capital, lines opening with a bullet, short lines
    and "key: value" lines stay."""

    def join(m: re.Match[str]) -> str:
        line = text.rfind("\n", 0, m.start()) + 1
        # "Indonesia grew by\n$ 1.2 billion": no line of its own ends in "by", however short
        unfinished = _RUN_ON.search(text, max(0, m.start() - 6), m.start())
        if (m.start() - line < 40 and not unfinished) or _KEY.match(text, line):
            return "\n"
        opening = text[m.end() : m.end() + 2].lstrip()[:1]
        runs_on = unfinished or (opening.isalpha() and (one_case or opening.islower()))
        return " " if runs_on else "\n"

    return _SOFT_BREAK.sub(join, text)


def as_written(words: str, read: str, written: str) -> str:
    """Words found in the text as read (lower case, plain spaces), as the text writes them:
    "last year; a year earlier" -> "LAST YEAR; A YEAR EARLIER"."""
    parts = []
    for part in words.split("; "):
        at = read.find(part) if part else -1
        parts.append(written[at : at + len(part)] if at >= 0 else part)
    return "; ".join(parts)
