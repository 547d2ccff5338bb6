"""Whether a figure is one country's total with the whole world rather than a flow with a
partner: "total exports", "Overall, ...", "sales abroad", "China's trade surplus narrowed",
"its total imports of 4.4 million bpd", a flow told as the country's own ("China cut its
imports by 1.5%", "exports outside the former Soviet Union"), a share of its own total ("72% of
the kingdom's total exports"). ``parties`` and ``other_side`` ask; this module reads the words.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from dashboard import lexicon
from dashboard.context import Clause, SentenceContext
from dashboard.countries import Mention
from dashboard.figures import Span
from dashboard.regions import flows_with_a_region
from dashboard.roles import flow_of

# "32 percent of the total" is a share of a total, not a total.
# Over lower-cased text, each word opening with its letter, so the engine skips to them.
_AGGREGATE = re.compile(
    r"(?:t(?<!\wt)(?<!of the t)(?<!of its t)otal|o(?<!\wo)verall|g(?<!\wg)lobal|w(?<!\ww)orld(?:wide)?"
    r"|c(?<!\wc)umulative|f(?<!\wf)oreign\s+trade|g(?<!\wg)oods\s+and\s+services)\b"
)
# A sentence opening "Overall," is about a total, whichever of its clauses a figure is in.
_OVERALL = re.compile(r"""[\s"'“‘]*(?:overall|in\s+total|in\s+all|altogether|all\s+told)\b""", re.I)
# A total written out after its noun: "its total imports of 4.4 million bpd"
_TOTAL_OF = re.compile(
    r"(?i)\b(?:total|overall)\s+(?:[\w-]+\s+){1,2}?of\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?$"
)
# "sales abroad", "total shipments", "the country's trade surplus": the reporting country's
# own, with the whole world
_WORLD = re.compile(
    r"\b(?:abroad|overseas)\b(?!\s+(?:[A-Z]|and\b))|\b[Tt]he\s+(?:country|nation)['’]s\s"
    r"|\b[Tt]otal\s+(?:[a-z-]+\s+){0,2}?(?:exports|imports|shipments|sales|purchases)\b"
    r"|\b(?i:non)-(?=[A-Z]|(?i:eu|us|uk|opec|oecd|g7)\b)"  # "the share going to non-EU markets"
    r"|\b[Oo]verall\b"
    # "while exports to other countries rose 13.2%": all but the partner named before
    r"|\b(?i:to\s+(?:all\s+)?other\s+(?:countries|markets|destinations|nations)|(?:to|with)\s+the\s+rest\s+of\s+the\s+world)\b"
)
_WORLD_WORDS = (
    "abroad",
    "overseas",
    "country",
    "nation",
    "otal",
    "non-",
    "NON-",
    "verall",
    "other",
    "rest of",
)
_ABROAD = re.compile(r"\b(?:abroad|overseas)\b(?!\s+(?:[A-Z]|and\b))")


def abroad(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` tells of sales or shipments "abroad": to the whole world."""
    words = text[start:end]
    return ("abroad" in words or "overseas" in words) and bool(_ABROAD.search(text, start, end))


# Not "of the total", which may be the statement before's: "Soybeans made up 60% of the total"
_OF_OWN_TOTAL = re.compile(
    r"(?i)\s+of\s+(?:the\s+(?:country|nation)['’]s\s+|its\s+|their\s+)?total\b(?!\s+of\b)"
)
_WORLD_TRADE = re.compile(r"(?i)\b(?:global|world|worldwide)\s+(?:merchandise\s+|goods\s+)?trade\b")
# "China's June trade data (y/y): exports +8.6%": the country's own totals
_OWN_DATA = re.compile(
    r"['’]s\s+(?:[\w/().-]+\s+){0,3}?(?:trade|customs|export|import)\s+(?:data|figures|numbers|statistics)\b"
    r"[^.:;]{0,20}:"
)
# A flow named with no goods and no partner: "exports grew", "the country's trade surplus fell"
_BARE_FLOW = re.compile(
    # "For April-November, merchandise exports rose": a time set before it, the goods unnamed
    r"(?i),?\s*(?:(?:in|for|during|over)\s+[^,;]{1,40},\s*)?"
    r"(?:the\s+country['’]s\s+|(?:the\s+)?(?:total\s+|overall\s+)?)(?:merchandise\s+|goods\s+)?"
    r"(?:exports|imports|trade|shipments|(?:trade\s+)?(?:surplus|deficit|balance))\s+\w+\s+(?:to\s+)?$"
)
_OWN_BALANCE = re.compile(
    r"(?i)(?:['’]s|\s(?:logged|posted|recorded|reported|ran|booked|registered)\s+an?)"
    r"\s+(?:overall\s+|total\s+|global\s+)?(?:trade\s+|goods\s+|merchandise\s+)?"
    r"(?:surplus|deficit|balance)\b(?![^.;]{0,40}\bwith\b)"  # "Japan logged a trade surplus of ..."
)
# "The U.S. trade deficit widened": a country's own, named before it
_BALANCE_AFTER = re.compile(
    r"(?i)\s+(?:overall\s+|total\s+|global\s+)?(?:trade\s+|goods\s+|merchandise\s+)?"
    r"(?:surplus|deficit|balance)\b(?![^.;]{0,40}\bwith\b)"
)


def is_total(text: str, part: Clause, span: Span | None = None) -> bool:
    """Whether a figure in ``part`` of a sentence is a total: "total exports", "Overall, ...";
    not a share of one after it ("about 9% of Japan's total LNG purchases")."""
    if _OVERALL.match(text):
        return True
    for m in _AGGREGATE.finditer(lexicon.lower(text), part.start, part.end):
        if span is None or m.start() < span.start or text.find(" of ", span.end, m.start()) < 0:
            return True
    return False


def total_flow(text: str, part: Clause, span: Span) -> bool:
    """Whether the figure measures a flow named with no goods and no partner ("exports grew
    3.6%")."""
    return bool(_BARE_FLOW.match(text, part.start, span.start)) or is_total(text, part, span)


def total_written_out(text: str, span: Span) -> bool:
    """Whether the figure is a total written out after its noun: "36% of its total imports of
    4.4 million bpd" gives the whole, the reporting country's."""
    lead = text[max(0, span.start - 50) : span.start].lower()
    return ("total" in lead or "overall" in lead) and bool(_TOTAL_OF.search(lead))


def own_balance(text: str, part: Clause, mention: Mention) -> bool:
    """Whether ``part`` names a country's balance with no one in particular: "China's trade
    surplus narrowed", "Japan logged a trade surplus", "The U.S. trade deficit widened"."""
    return bool(_OWN_BALANCE.search(text, part.start, part.end) or _BALANCE_AFTER.match(text, mention.end))


def own_data_before(text: str, mention: Mention, span: Span) -> bool:
    """Whether a country's own data label stands between it and the figure: "China's June trade
    data (y/y): exports +8.6%"."""
    own_data = _OWN_DATA.match(text, mention.end)
    return own_data is not None and own_data.end() <= span.start


def speaks_of_world_trade(text: str) -> bool:
    """Whether a sentence is about trade among all countries: "global trade volumes"."""
    return bool(_WORLD_TRADE.search(text))


def to_the_world(ctx: SentenceContext, part: Clause, span: Span) -> bool:
    """Whether a figure whose part of a sentence names no country is a flow with the whole
    world ("sales abroad", "total shipments", "the country's trade surplus"), or, in a sentence
    naming none, a share of one ("Garments made up 86% of the country's total shipments"),
    whatever partner the statement before named. Not "Brazil's soy exports to China made up
    73% of its total": China's share."""
    text = ctx.text
    words = text[part.start : part.end]
    # most parts hold none of the words: substring tests spare the scan
    if any(w in words for w in _WORLD_WORDS) and _WORLD.search(text, part.start, part.end):
        return True
    if (" to " in words or " from " in words or " with " in words) and flows_with_a_region(
        text, part.start, part.end
    ):
        return True  # "while shipments to Asia as a whole climbed 6.7%": with a region, no country
    return (
        not ctx.mentions
        and " of " in text[span.end : span.end + 4]
        and bool(_OF_OWN_TOTAL.match(text, span.end))
    )


SUBJECT_REACH = 40  # "the United States took about 12,000 tonnes": a verb and a bound between
_PARTNER_WORD = re.compile(r"(?i)\b(?:to|from|with|into|between|bilateral|two-way)\b")


_OF_THE_TOTAL = re.compile(
    r"(?i)\s+of\s+(?:the|that|this|its|their)\s+(?:total(?:\s+(?:volume|value|amount))?|volumes?|value|amount)\b"
    r"(?!\s+[a-z])"
)


def of_the_total(text: str, end: int) -> bool:
    """Whether a share ending at ``end`` is "of the total" ("of the volume", "of that amount"):
    of the whole a figure before it measured."""
    return _OF_THE_TOTAL.match(text, end) is not None


def of_own_total(ctx: SentenceContext, span: Span, mention: Mention) -> bool:
    """Whether the share is "of" the named country's own total: "72% of the kingdom's total
    exports", "a third of Japan's overall imports"."""
    return (
        mention.start > span.end
        and _OF_GAP.fullmatch(ctx.text, span.end, mention.start) is not None
        and _TOTAL_AFTER.match(ctx.text, mention.end) is not None
    )


_OF_GAP = re.compile(r"(?i)\s+of\s+(?:the\s+)?")
_TOTAL_AFTER = re.compile(r"(?i)['’]s?\s+(?:total|overall|entire|whole)\b")


def possessed_flow(ctx: SentenceContext, mention: Mention, span: Span) -> bool:
    """Whether the country's flow is told as its own whole: "China's imports of the ore fell",
    "China, which buys 85% of Australia's ore, cut its imports by 1.5%"; not "Saudi Arabia
    shipped 86 million tons", nor a partner's share of a flow ("Russia's share of its exports")."""
    # the words from the country, or from the end of an aside describing it, to the figure
    start = next((a.end for a in ctx.asides if mention.end < a.start <= mention.end + 2), mention.end)
    words = ctx.text[start : span.start]
    if len(words) > _CLAUSE_REACH:
        return False
    first_number = digit.start() if (digit := _DIGIT.search(words)) else len(words)
    return (
        _POSSESSED.match(words) is not None
        and bool(flow_of(words[:SUBJECT_REACH]))
        # one clause, however long: "cut its imports of the steelmaking ingredient by 1.5% in the
        # first quarter to 285 million tonnes"
        and not any(mark in words.lstrip(", ") for mark in ",;:")
        # no partner told before the first number: "imports from the bloc", not "by 4% in 2024 to"
        and _PARTNER_WORD.search(words, 0, first_number) is None
        and bisect_left(ctx.mention_starts, start) == bisect_left(ctx.mention_starts, span.start)
        and _SHARE_WORD.search(words) is None
    )


_CLAUSE_REACH = 200  # a clause from its subject to its figure; a bound keeps the check linear
_POSSESSED = re.compile(r"(?i)['’]s?\s|,?\s*[^.;,]*?\bits\s")
_TO_THE_REST = re.compile(
    r"(?i)['’]s\s+(?:[\w-]+\s+)?(?:exports|imports|sales|shipments|purchases)\s+(?:outside|beyond)\b"
)
_SHARE_WORD = re.compile(r"(?i)\bshares?\b")
_DIGIT = re.compile(r"\d")


def own_flow(text: str, mention: Mention, span: Span) -> bool:
    """Whether the words from a country to its figure tell a flow of its own with no partner:
    "Japan's exports rose 3.1%", "Brazil shipped 54.3 million tonnes"; not "Vietnam's imports
    from its northern neighbour", nor "Japan accounted for 35%"."""
    words = text[mention.end : span.start]
    return len(words) <= SUBJECT_REACH and bool(flow_of(words)) and _PARTNER_WORD.search(words) is None


def flow_to_the_rest(text: str, mention: Mention, span: Span) -> bool:
    """Whether a country's flow is told as going "outside" or "beyond" a place: "Gazprom's
    exports outside the former Soviet Union" are to all the rest, no partner's."""
    return _TO_THE_REST.match(text, mention.end, span.start) is not None
