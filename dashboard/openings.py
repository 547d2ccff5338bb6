"""The characters a regular expression can start a match with, to open a scan on them.

Python's engine skips fast through text to a possible start only when a pattern
opens with a character or a set of them; a pattern that opens with a
look-behind, or a case-insensitive letter, is tried at every position.
``opening_scan`` rewrites a pattern to open with the set of its first
characters, which is what makes the period rules' scans about twice as fast.
"""

from __future__ import annotations

import re
from functools import cache

# The parser's own names, stable since Python 3.11 and untyped: read as Any. _EXTRA_CASES:
# the characters equal ignoring case beyond their lower case.
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
from typing import Any

_MANY = 300  # a range wider than this (any letter, say) is no help as a skip set


def first_characters(pattern: str) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with; None when that is not known
    or not worth knowing (the pattern can match nothing, or start with almost anything)."""
    parsed = _parser.parse(pattern)
    return _firsts(parsed.data, parsed.state.flags)


def opening_scan(pattern: str, *, group: str) -> re.Pattern[str]:
    """``pattern`` as whole words, with the match in ``group``, as a scan that opens with
    its first characters; the same pattern behind a look-behind when they are unknown.

    The scan's own match is one character long, so successive matches may overlap:
    a caller that wants them as ``finditer`` gives them skips those that start inside
    the one before (see ``periods.find_periods``).
    """
    whole = rf"(?P<{group}>(?:{pattern})(?!\w))"
    try:
        firsts = first_characters(pattern)
    except (AttributeError, TypeError, ValueError):  # the parser's internals changed: scan plainly
        firsts = None
    if not firsts:
        return re.compile(rf"(?<!\w){whole}")
    opening = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
    # Step back over the first character and read the whole pattern from there.
    return re.compile(rf"{opening}(?<=(?<!\w)(?={whole}){opening})")


def _firsts(items: list[Any], flags: int) -> frozenset[str] | None:
    found: set[str] = set()
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero width: the next item starts the match
        if op is sre.SUBPATTERN:
            _, add, remove, sub = av
            step = _firsts(sub.data, (flags | add) & ~remove)
            can_be_empty = sub.getwidth()[0] == 0
        elif op is sre.BRANCH:
            alternatives = [_firsts(alt.data, flags) for alt in av[1]]
            known = [firsts for firsts in alternatives if firsts is not None]
            step = frozenset().union(*known) if len(known) == len(alternatives) else None
            can_be_empty = any(alt.getwidth()[0] == 0 for alt in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _, sub = av
            step = _firsts(sub.data, flags)
            can_be_empty = low == 0
        else:
            step = _characters(op, av, flags)
            can_be_empty = False
        if step is None:
            return None
        found |= step
        if not can_be_empty:
            return frozenset(found)
    return None  # the pattern can match the empty string


def _characters(op: Any, av: Any, flags: int) -> frozenset[str] | None:
    if op is sre.LITERAL:
        return _cases(chr(av), flags)
    if op is not sre.IN:
        return None
    chars: set[str] = set()
    for kind, value in av:
        if kind is sre.LITERAL:
            chars |= _cases(chr(value), flags)
        elif kind is sre.RANGE and value[1] - value[0] <= _MANY:
            for code in range(value[0], value[1] + 1):
                chars |= _cases(chr(code), flags)
        else:
            return None  # a category (\\d is any Unicode digit), or a negated set: too many to list
    return frozenset(chars)


def _cases(char: str, flags: int) -> frozenset[str]:
    """The characters ``char`` matches: itself, or, ignoring case, every character the
    engine holds equal to it (its lower case, the "K" of the kelvin sign, the long "ſ")."""
    if not flags & re.IGNORECASE:
        return frozenset({char})
    lower = char.lower() if len(char.lower()) == 1 else char
    same = {char, lower, *_upper_cases().get(lower, ())}
    return frozenset(same | {chr(code) for c in same for code in _EXTRA_CASES.get(ord(c), ())})


@cache
def _upper_cases() -> dict[str, frozenset[str]]:
    """Lower-case character -> the characters that lower to it (the Basic Multilingual Plane
    holds every one that lowers to a letter the rules use)."""
    table: dict[str, set[str]] = {}
    for code in range(0x10000):
        char = chr(code)
        lower = char.lower()
        if len(lower) == 1 and lower != char:
            table.setdefault(lower, set()).add(char)
    return {lower: frozenset(chars) for lower, chars in table.items()}
