"""The named pieces period rules are written with: spaces, years, ordinals, month names and
number words."""

from __future__ import annotations

from dashboard import lexicon
from dashboard.period_calendar import months_by_name, number_words

S = r"\s+"
YEAR = r"(?:19|20)\d\d"
YY = r"\d\d"
ORD = r"first|second|third|fourth|1st|2nd|3rd|4th"
THIS_LAST = rf"this{S}year|last{S}year|the{S}previous{S}year|the{S}(?:current{S})?year"


def vocabulary(*, opening: bool = False) -> dict[str, str]:
    """Named pieces of the rules' patterns; ``opening`` for a pattern that opens with one."""
    months = sorted(months_by_name(), key=len, reverse=True)
    # Month names are matched in title or upper case so that "may" and "march"
    # as words are not read as months.
    month = lexicon.alternation([form for m in months for form in (m.title(), m.upper())], opening=opening)
    return {
        "MONTH": rf"(?:{month})\.?(?![A-Za-z])",
        "N": rf"(?:\d{{1,2}}|{'|'.join(number_words())})",
    }
