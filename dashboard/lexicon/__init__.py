"""Word lists and unit definitions, kept as data files beside this module."""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the data file ``name`` (a CSV with a header line)."""
    with resources.files(__package__).joinpath(name).open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def column(name: str, key: str) -> tuple[str, ...]:
    return tuple(row[key] for row in rows(name))


def alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first so the longest wins.

    Literal alternatives with no nested quantifiers keep every pattern built
    from the word lists linear in the length of the text.
    """
    ordered = sorted(set(phrases), key=len, reverse=True)
    # A space or hyphen inside a phrase matches any run of spaces or dashes:
    # "kilowatt hours" reads "kilowatt-hours", "per cent" reads "per\u00a0cent".
    body = "|".join(re.sub(r"(?:\\ |\\-|-)+", r"[\\s\\-‐‑–—]+", re.escape(p)) for p in ordered)
    # A lookahead on the first letters lets the engine skip most positions at once;
    # Python's re does not do this itself for long or case-insensitive alternations.
    firsts = {c for p in ordered if p for c in (p[0].lower(), p[0].upper())}
    return f"(?=[{re.escape(''.join(sorted(firsts)))}])(?:{body})" if ordered else body


def fold(phrase: str) -> str:
    """The key a matched phrase is looked up by: lower case, spaces and dashes as one space."""
    return re.sub(r"[\s\-‐‑–—]+", " ", phrase.lower()).strip()
