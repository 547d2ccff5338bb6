"""A figure's context within its sentence: its clause, its countries, whether it continues.

Rules (FIGURES.md): a time expression covers the figures of its sentence; a
figure with none takes the period of the figure its sentence continues; a
sentence that names one country of a pair reads with the other side from the
sentence, the statement it continues, or the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.countries import Mention

_CLAUSE_BREAK = re.compile(r"[;:]\s+|,\s+|\s+(?:while|whereas|but)\s+|\s+[–—]\s+")
# A sentence that opens by pointing back ("This is an increase of 40%", "That was
# 13% of ...") or leans on what came before ("of that", "of the total").
_POINTS_BACK = re.compile(
    r"""^[\s"'“‘(]*(?:this|that|it|which|these|those|the\s+figure|the\s+increase|the\s+rise)\b"""
    r"""|\bof\s+(?:that|this|the\s+total|those)\b""",
    re.I,
)
# Words that make a figure hold "now" rather than over a period: "now", and a
# statement in the present tense ("China accounts for 13% of ...").
_NO_PERIOD = re.compile(
    r"(?i)\b(?:now|currently|at\s+present|nowadays|is|are|accounts?\s+for|makes?\s+up|represents?"
    r"|takes|sends|remains|stands\s+at)\b"
)
# A country named after these is the far side of a flow: "exports to China".
_PARTNER_BEFORE = re.compile(r"(?i)\b(?:to|from|with|into|in|on|for|of)\s+(?:the\s+)?$")
_AGGREGATE = re.compile(r"(?i)\b(?:total|overall|global|worldwide|world)\b")
_GENERAL_METRICS = frozenset({"tariff", "capacity"})


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


def clauses(text: str) -> list[Clause]:
    """The clauses of a sentence, split at commas, semicolons and "while"."""
    out, start = [], 0
    for brk in _CLAUSE_BREAK.finditer(text):
        out.append(Clause(start, brk.start()))
        start = brk.end()
    out.append(Clause(start, len(text)))
    return out


def clause_at(parts: list[Clause], pos: int) -> Clause:
    for part in parts:
        if part.start <= pos < part.end:
            return part
    return parts[-1]


def points_back(sentence: str) -> bool:
    return bool(_POINTS_BACK.search(sentence))


def holds_now(sentence: str) -> bool:
    """Whether a sentence states how things stand now rather than what happened over a time."""
    return bool(_NO_PERIOD.search(sentence))


def is_general(metric: str) -> bool:
    """Tariff rates and capacities are standing levels, not flows over a period."""
    return metric in _GENERAL_METRICS


def figure_countries(
    sentence: str,
    clause: Clause,
    mentions: list[Mention],
    focus: tuple[str, ...],
    previous: set[str],
    previous_subject: str,
    continues: bool,
    bilateral: bool,
) -> set[str]:
    """The countries a figure in ``clause`` is about.

    ``mentions`` are the sentence's country mentions, ``focus`` the document's main
    countries (most named first), ``previous`` the countries of the statement the
    sentence may continue and ``previous_subject`` the first country that statement named.
    """
    in_clause = {m.iso3 for m in mentions if clause.start <= m.start < clause.end}
    in_sentence = {m.iso3 for m in mentions}
    named = in_clause or in_sentence
    if continues and previous and named <= previous:
        return set(previous)
    if len(named) >= 2:
        return named
    if not named:
        if previous and (continues or not bilateral):
            return set(previous)
        return set(focus[:2])
    # One country named: find the other side of the flow, unless it is an aggregate.
    [only] = named
    mention = next(m for m in mentions if m.iso3 == only)
    is_partner = bool(_PARTNER_BEFORE.search(sentence, max(0, mention.start - 12), mention.start))
    if _AGGREGATE.search(sentence, clause.start, clause.end) and not is_partner and not continues:
        return named
    others = [m.iso3 for m in mentions if m.iso3 != only]
    if others:
        return {only, others[0]}
    if is_partner and previous_subject and previous_subject != only:
        return {only, previous_subject}
    if bilateral or only in focus[:2]:
        pair = set(focus[:2])
        if only in pair and len(pair) == 2:
            return pair
    return named
