"""Word lists and unit definitions, kept as data files beside this module."""

from __future__ import annotations

import csv
import io
import re
from functools import cache, lru_cache
from importlib import resources


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the data file ``name`` (a CSV with a header line)."""
    return tuple(csv.DictReader(io.StringIO(text(name), newline="")))


def text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def column(name: str, key: str) -> tuple[str, ...]:
    return tuple(row[key] for row in rows(name))


_SEPARATOR = "[\\s\\-‐‑–—]+"


def alternation(phrases: list[str] | tuple[str, ...], *, loose: bool = True, opening: bool = False) -> str:
    """A regex matching any of the literal phrases, the longest where several match.

    The phrases are laid out as a trie ("trade(?:\\ partner|rs)?"), so the engine
    tries one branch per letter instead of every phrase at every position; Python's
    re does not do this itself. Literal branches with no nested quantifiers keep
    every pattern built from the word lists linear in the length of the text.
    ``loose=False`` reads spaces and hyphens as written. ``opening`` is for a pattern
    that opens with the alternation: Python's engine then takes the first letters of
    its branches as the characters to skip to, which a look-ahead would hide.
    """
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        # A space or hyphen inside a phrase matches any run of spaces or dashes:
        # "kilowatt hours" reads "kilowatt-hours", "per cent" reads "per\u00a0cent".
        for token in re.findall(r"[ \-]+|.", phrase, re.S) if loose else phrase:
            node = node.setdefault(_SEPARATOR if loose and not token.strip(" -") else re.escape(token), {})
        node[""] = {}
    body = _trie_pattern(trie)
    # A lookahead on the first letters lets the engine skip most positions at once.
    firsts = {c for p in phrases if p for c in (p[0].lower(), p[0].upper())}
    return f"(?=[{re.escape(''.join(sorted(firsts)))}]){body}" if firsts and not opening else body


def at_word_start(
    phrases: list[str] | tuple[str, ...],
    *,
    not_after: str = r"[^\W\d_]",
    loose: bool = True,
    rest_any_case: bool = False,
) -> str:
    """``alternation`` of phrases that start a word: not just after a ``not_after`` character.

    Each branch opens with its phrase's first letter, then looks behind it, so that
    a pattern opening with this lets Python's engine skip straight to those letters;
    it tries a pattern that opens with a look-behind at every position. With
    ``rest_any_case`` the first letter is matched as given and the rest in any case.
    """
    rests: dict[str, list[str]] = {}
    for phrase in phrases:
        rests.setdefault(phrase[0], []).append(phrase[1:])
    branches = []
    for first, tails in sorted(rests.items()):
        body = alternation(tails, loose=loose)
        letter = re.escape(first)
        branches.append(f"{letter}(?<!{not_after}{letter})" + (f"(?i:{body})" if rest_any_case else body))
    return f"(?:{'|'.join(branches)})"


def _trie_pattern(node: dict) -> str:
    # Branches reaching the longest phrase come first, and a phrase's end after its
    # continuations, so the longest match wins as in a longest-first alternation.
    children = sorted((t for t in node if t), key=lambda t: (-_depth(node[t]), t))
    branches = [token + _trie_pattern(node[token]) for token in children]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    return f"(?:{'|'.join(branches)}){'?' if optional else ''}"


def _depth(node: dict) -> int:
    return 1 + max((_depth(child) for token, child in node.items() if token), default=0)


def lower(text: str) -> str:
    """``text`` in lower case, character for character, so offsets into it hold for ``text``."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    # A few letters lower to two characters ("İ"): keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_SEPARATORS = re.compile(_SEPARATOR)


@lru_cache(maxsize=8192)
def fold(phrase: str) -> str:
    """The key a matched phrase is looked up by: lower case, spaces and dashes as one space."""
    return _SEPARATORS.sub(" ", phrase.lower()).strip()
