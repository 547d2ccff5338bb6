"""Figures another is compared with: a base ("up from $5 billion", "following the 4.8%
decline"), a figure a change outpaces ("outpacing a 5.2% forecast"), and a mark a result passed
("exceeding a $200 billion target"). ``context`` asks which a figure is, to keep their times
their own.
"""

from __future__ import annotations

import re

# What a figure is compared with: "up from 0.9 million bpd", "versus a contracted 38 bcm",
# "from a peak of 21.6%", "following the 4.8% decline". Only such words may stand between:
# in "imports from China fell 20%" the 20% is no base.
_BASE_FILLER = (
    r"(?:an?|the|its|their|about|around|roughly|nearly|almost|some|just|only|over|under|more|less|than"
    r"|record|peak|high|low|revised|upwardly|downwardly|estimated|contracted|projected|expected|forecast"
    r"|previous|prior|earlier|initial|reported|previously|originally|level|levels|of|last|year-earlier"
    r"|[\w-]+['’]s)"
)
_BASE_BEFORE = re.compile(
    rf"(?i)\b(?:(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:{_BASE_FILLER}\s+){{0,4}}"
    # "rose 6.9% in September, after falling 11.3% in August": the change it came after
    r"|after\s+(?:falling|rising|dropping|declining|growing|gaining|climbing|jumping|sliding|slipping"
    r"|increasing|decreasing|shrinking|contracting|expanding|easing|slumping|surging|plunging)\s+(?:by\s+)?"
    r"|(?:following|followed|after)\s+(?:an?|the|its|their)\s+"
    # "after a slump of 9% in March"
    r"(?:(?:[\w-]+\s+)?(?:slump|drop|fall|decline|rise|gain|jump|increase|decrease|contraction|surge|plunge"
    r"|dip|rebound|growth)\s+of\s+)?"
    # "beating the previous record of 86.1 million tons set in 2021"
    r"|(?:beating|surpassing|eclipsing|breaking|topping|exceeding)\s+(?:the\s+|a\s+|its\s+)?"
    r"(?:previous\s+|prior\s+|old\s+|earlier\s+)?(?:all-time\s+)?record\s+(?:high\s+)?(?:of\s+)?"
    # "could fall by $10-15 billion this year, out of shipments worth $119.5 billion last year":
    # the whole a part is taken out of
    r"|out\s+of\s+(?:[\w'’-]+\s+){0,3}?(?:(?:worth|valued\s+at|totall?ing|of)\s+)?"
    # "fell 4.6%, reversing a 13% rise in June": the change it undid
    r"|(?:reversing|reversed|erasing|undoing|wiping\s+out)\s+(?:an?|the|its|their)\s+"
    # "nearly six times the $10.1 billion recorded before the pandemic": what a multiple is of
    r"|(?:times|fold|double|triple|twice)\s+(?:the|its|their)\s+"
    # "grew 6.7%, slower than the 12.7% jump in October"
    r"|(?:slower|faster|weaker|stronger|sharper|smaller|bigger|larger|steeper)\s+than\s+(?:the|a|an|its)\s+)$"
)  # not "from June to 118,350 tonnes": that is the level after
# "rose 12.7%, far outpacing a 5.2% forecast in a Reuters poll and a 2.4% increase in September"
_OUTPACED_BEFORE = re.compile(
    r"\b(?:outpac(?:ing|ed)|outstripp(?:ing|ed))\s+(?:(?:an?|the|its|their)\s+[^,;]{1,60}?\s+and\s+)?"
    r"(?:an?|the|its|their)\s+$"
)  # over lower-cased text
_OUTPACED_REACH = 100  # far enough back for "outpacing a 5.2% forecast in a Reuters poll and a"
# "exceeding a $200 billion target the two countries had set for 2024": a mark set; a time
# after it is the mark's, though the mark is of the result's time where it names none
_PAST_A_MARK = re.compile(
    r"\b(?:exceed(?:ing|ed|s)?|beat(?:ing|s)?|surpass(?:ing|ed|es)?|top(?:ping|ped|s)?|miss(?:ing|ed|es)?"
    r"|overshot|overshooting|short\s+of)\s+(?:the|a|an|its|their)\s+$"
)  # over lower-cased text
_A_MARK_AFTER = re.compile(
    r"(?i)\S*(?:\s+(?:[a-z]*illion|bn|mn|tn|crore|lakh))?(?:\s+[a-z-]+)?\s+(?:target|goal|forecast|estimate|projection)s?\b"
)


def is_base(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is what another is compared with: "up from $5 billion",
    "outpacing a 5.2% forecast"."""
    reach = text[max(0, start - _OUTPACED_REACH) : start].lower()
    if ("outpac" in reach or "outstrip" in reach) and _OUTPACED_BEFORE.search(reach):
        return True
    lead = reach[-40:]
    # Most figures have none of the words nearby, and substring tests are cheaper than a scan.
    if not (
        "from" in lead
        or "compared" in lead
        or "against" in lead
        or "versus" in lead
        or "vs" in lead
        or "follow" in lead
        or "after" in lead
        or "record" in lead
        or "than" in lead
        or "times" in lead
        or "fold" in lead
        or "doub" in lead
        or "trip" in lead
        or "twice" in lead
        or "revers" in lead
        or "erasing" in lead
        or "undoing" in lead
        or "wiping" in lead
        or "out of" in lead
    ):
        return False
    return bool(_BASE_BEFORE.search(lead))


def passes_a_mark(text: str, at: int) -> bool:
    """Whether the figure at ``at`` is a mark a result passed or missed: "exceeding a $200
    billion target", "short of the $2.5 billion goal"."""
    return bool(_A_MARK_AFTER.match(text, at) and _PAST_A_MARK.search(text[max(0, at - 40) : at].lower()))
