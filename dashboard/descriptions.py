"""Countries named by description: "the Andean nation's copper", "the Gulf state", "the island
nation". Each stands for the country last named before it that the description fits
(``lexicon/descriptors.csv``: "Andean" fits Bolivia, Chile, ...; "island" any country);
one that fits any country is never one its own sentence names ("China buys half of the
island nation's copper" is not China's).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from dashboard import lexicon
from dashboard.countries import Mention
from dashboard.sentences import Sentence

_SEPARATORS = re.compile(r"[\s\-‐‑–—]+")
# Not "its Gulf neighbour", which is another country.
_NOUNS = r"(?:nation|country|state|kingdom|republic|emirate|economy)"


def _key(words: str) -> str:
    return _SEPARATORS.sub(" ", words.lower())


@cache
def _descriptions() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    fits: dict[str, frozenset[str]] = {}
    for row in lexicon.rows("descriptors.csv"):
        codes = frozenset(row["iso3"].split("|")) - {""}
        for words in row["words"].split("|"):
            fits[_key(words)] = codes
    # Opening on "the" as written in any case, so the engine skips to its first letter.
    alternatives = lexicon.alternation(sorted(fits), opening=True)
    pattern = re.compile(rf"[Tt][Hh][Ee]\s+((?i:{alternatives}))\s+(?i:{_NOUNS})(?![^\W\d_])")
    return pattern, fits


def described_mentions(text: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """A mention for each description of a country in ``text``, with the code of the country
    it stands for among ``mentions`` (sorted by position); none where no named country fits."""
    pattern, fits = _descriptions()
    starts = [s.start for s in sentences]
    found = []
    for match in pattern.finditer(text):
        at = match.start()
        if at and text[at - 1].isalpha():
            continue
        codes = fits.get(_key(match.group(1)), frozenset())
        sentence = sentences[max(0, bisect_right(starts, at) - 1)] if sentences else None
        own = {m.iso3 for m in mentions if sentence and sentence.start <= m.start < sentence.end}
        referent = next(
            (
                m.iso3
                for m in reversed(mentions)
                if m.start < at and (m.iso3 in codes if codes else m.iso3 not in own)
            ),
            "",
        )
        if referent:
            found.append(Mention(at, match.end(), referent))
    return found
