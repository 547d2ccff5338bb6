"""Countries named by description: "the Andean nation's copper", "the Gulf state", "the island
nation", "the world's second-largest economy". Each stands for the country last named before
it that the description fits (``lexicon/descriptors.csv``: "Andean" fits Bolivia, Chile, ...;
"island" any country); one that fits any country is never one its own sentence names before
it ("China buys half of the island nation's copper" is not China's).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from dashboard import lexicon
from dashboard.countries import Mention
from dashboard.sentences import Sentence

_SEPARATORS = re.compile(r"[\s\-‐‑–—]+")
# Not "its Gulf neighbour", which is another country; "the kingdom" is ``kingdom_mentions``'s.
_NOUN_WORDS = ("nation", "country", "state", "economy")
_NOUNS = f"(?:{'|'.join(_NOUN_WORDS)})"
# "the bloc" is a description in words (``descriptors.csv``), read where the word is
_SCANNED = (*_NOUN_WORDS, "bloc")


def _key(words: str) -> str:
    return _SEPARATORS.sub(" ", words.lower().replace("’", "'"))


@cache
def _descriptions() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, frozenset[str]]]:
    fits: dict[str, frozenset[str]] = {}
    before_noun: list[str] = []
    whole: list[str] = []
    for row in lexicon.rows("descriptors.csv"):
        codes = frozenset(row["iso3"].split("|")) - {""}
        for words in row["words"].split("|"):
            fits[_key(words)] = codes
            if row["noun"]:  # "the world's second-largest economy", "Europe's largest economy"
                # as written, in lower case, and opening a sentence ("The world's ...")
                cases = {words, words.lower(), words[0].upper() + words[1:]}
                whole.extend({*cases, *(w.replace("'", "’") for w in cases)})
            else:  # "the Andean nation", "the Gulf state"
                before_noun.append(words)
    alt = lexicon.alternation
    # Each opens on a letter as written, so the engine skips to where it can start: "the" in
    # any case, or the first letters of the phrases (in their case and in lower case).
    after_the = re.compile(
        rf"[Tt][Hh][Ee]\s+((?i:{alt(before_noun, opening=True)}))\s+(?i:{_NOUNS})(?![^\W\d_])"
    )
    named_whole = re.compile(rf"({alt(whole, opening=True)})(?![^\W\d_])")
    return after_the, named_whole, fits


def described_mentions(text: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """A mention for each description of a country in ``text``, with the code of the country
    it stands for among ``mentions`` (sorted by position); none where no named country fits."""
    after_the, named_whole, fits = _descriptions()
    starts = [s.start for s in sentences]
    mention_starts = [m.start for m in mentions]
    found = []
    for match in _described(text, after_the, named_whole):
        at = match.start()
        if (at and text[at - 1].isalpha()) or not sentences:
            continue
        codes = fits.get(_key(match.group(1)), frozenset())
        sentence = sentences[max(0, bisect_right(starts, at) - 1)]
        named_before = bisect_left(mention_starts, at)
        own = {m.iso3 for m in mentions[bisect_left(mention_starts, sentence.start) : named_before]}
        # the nearest that fits, among the last few named: a description points back a little way
        referent = next(
            (
                m.iso3
                for m in reversed(mentions[max(0, named_before - _LOOK_BACK) : named_before])
                if (m.iso3 in codes if codes else m.iso3 not in own)
            ),
            "",
        )
        if referent:
            found.append(Mention(at, match.end(), referent))
    return sorted(found, key=lambda m: m.start)


_LOOK_BACK = 40
_REACH = 70  # the longest description before its noun, and then some


def _described(text: str, *patterns: re.Pattern[str]) -> list[re.Match[str]]:
    """The descriptions in ``text``, read only around their nouns: a scan of the whole text for
    "the" costs five times as much, and most texts name none of the nouns."""
    found: dict[int, re.Match[str]] = {}
    for noun in _SCANNED:
        at = text.find(noun)
        while at >= 0:
            # up to the letter after the noun, so "statement" is no "state"
            end = min(len(text), at + len(noun) + 1)
            after = text[end - 1 : end]
            if text[at - 1 : at] == " " and not (after.isalpha() or after == "-"):  # not "state-owned"
                for pattern in patterns:
                    if (match := pattern.search(text, max(0, at - _REACH), end)) is not None:
                        found.setdefault(match.start(), match)
            at = text.find(noun, at + 1)
    return [found[start] for start in sorted(found)]
