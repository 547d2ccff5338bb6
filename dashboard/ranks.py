"""Ranks: the country a ranking is in ("China's top corn supplier"), a rival named in it
("ahead of Ukraine"), and the side of a flow a rank puts a country on ("the largest source of
FDI", "the second-largest buyer after China").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from dashboard.context import POSSESSIVE, Clause, SentenceContext
from dashboard.countries import Mention
from dashboard.figures import Span
from dashboard.roles import (
    FROM_BEFORE,
    RECEIVER_NOUNS,
    SENDER_NOUNS,
    flow_of,
    is_flow_partner,
    is_partner,
    ranks_others,
    role,
)

# A rank right before the country it is counted after: "the top supplier ahead of", "the
# second-largest buyer after"
_RANKED = r"s?\b[^,.;]{0,20}?\b(?:after|behind|ahead\s+of)\s+(?:the\s+)?$"
_SUPPLIER = re.compile(rf"(?i)\b(?:{SENDER_NOUNS}){_RANKED}")
_BUYER = re.compile(rf"(?i)\b(?:{RECEIVER_NOUNS}){_RANKED}")
# "ahead of Ukraine": a rival in a rank
_RIVAL_BEFORE = re.compile(
    r"(?i)\b(?:ahead\s+of|followed\s+by|trailed\s+by|behind|second\s+only\s+to|overtak(?:ing|en)|overtook|surpass(?:ing|ed)"
    r"|outpac(?:ing|ed)|displac(?:ing|ed)|edg(?:ing|ed)\s+out)\s+(?:the\s+)?$"
)


def named_as_rival(text: str, mention: Mention) -> bool:
    """Whether a country is named as a rival in a ranking: "ahead of Ukraine", "overtaking Qatar"."""
    return bool(_RIVAL_BEFORE.search(text, max(0, mention.start - 20), mention.start))


_RIVALS_OPEN = re.compile(r"(?i)\b(?:ahead\s+of|followed\s+by|trailed\s+by)\s")
_LIST_BREAK = re.compile(r"[;:.!?]\s|\s(?:while|whereas|but)\s")
_OWN_CONJUNCT = re.compile(r"\s*(?:at|with|on|,|\()?\s*(?:about|around|nearly|almost|some|over)?\s*$")


def rivals_after(ctx: SentenceContext, span: Span) -> set[str]:
    """The countries a sentence names only as rivals after the figure: "Imports from Mexico
    climbed to $475 billion, overtaking China" is not China's."""
    # By first mentions, one per country: a sentence with many figures stays linear.
    return {
        code
        for code, first in ctx.first_mention.items()
        if first.start > span.end and named_as_rival(ctx.text, first)
    }


def listed_rival(ctx: SentenceContext, span: Span) -> Mention | None:
    """The country right before a figure in a list of rivals: "followed by Mexico at $100.5
    billion and Chile at $61.2 billion" gives Chile for the second; None if not so."""
    text = ctx.text
    i = bisect_right(ctx.mention_starts, span.start) - 1
    if i < 0:
        return None
    mention = ctx.mentions[i]
    # right before it: "Chile at", "Chile with about"; a short gap keeps the pattern linear
    if span.start - mention.end > 16 or not _OWN_CONJUNCT.match(text[mention.end : span.start]):
        return None
    openers = list(_RIVALS_OPEN.finditer(text, max(0, mention.start - 120), mention.start))
    if not openers or _LIST_BREAK.search(text, openers[-1].end(), mention.start):
        return None
    return mention


_RANK_SIDE = re.compile(rf"(?i)\b(?:(?P<sender>{SENDER_NOUNS})|(?P<receiver>{RECEIVER_NOUNS}))s?\b")


def beside_rival(ctx: SentenceContext, rival: Mention, sibling: str) -> str:
    """The country of the figure before (``sibling``) that stays beside a rival put in the
    other's place: "FDI into India from Singapore ..., the largest source, ahead of Mauritius"
    is India's with Mauritius, which stands where the source Singapore stood."""
    pair = [c for c in sibling.split(";") if c in ctx.first_mention]
    if len(pair) != 2:
        return ""
    text = ctx.text
    sides = [m for m in _RANK_SIDE.finditer(text, max(0, rival.start - 60), rival.start)]
    if sides:
        sender = sides[-1].group("sender") is not None
        for code in pair:
            named = ctx.first_mention[code]
            from_it = bool(FROM_BEFORE.search(text, max(0, named.start - 12), named.start))
            if is_flow_partner(text, named) and from_it == sender:
                return next(c for c in pair if c != code)
    kept = [c for c in pair if not is_flow_partner(text, ctx.first_mention[c])]
    if len(kept) == 2:
        # "China accounted for 21.3% of the bloc's imports, ahead of the United States": the
        # owner of the whole stays, the rival stands where the other stood
        kept = [c for c in kept if POSSESSIVE.match(text, ctx.first_mention[c].end)]
    return kept[0] if len(kept) == 1 else ""


def rank_owner(ctx: SentenceContext, before: int | None = None) -> str:
    """The one country a sentence ranks others in ("China's top corn supplier", "China's top
    three trading partners"), named before ``before``; "" for none or several. A rival named
    after "ahead of" is ranked in it too ("Brazil overtook the United States as China's top
    corn supplier ..., ahead of Ukraine")."""
    owners = {
        m.iso3 for m in ctx.mentions if (before is None or m.start < before) and ranks_others(ctx.text, m)
    }
    return next(iter(owners)) if len(owners) == 1 else ""


def across_from_rank(ctx: SentenceContext, clause: Clause, sibling: str) -> str:
    """The country of ``sibling`` (the figure before's countries) across the flow from the one
    a relative clause is about, by the rank before it: a supplier sends to the buyer before;
    "" when the sentence does not say."""
    i = bisect_right(ctx.mention_starts, clause.start) - 1
    pair = sibling.split(";")
    if i < 0 or len(pair) != 2:
        return ""
    mention = ctx.mentions[i]
    lead = ctx.text[max(0, mention.start - 60) : mention.start]
    side = "sender" if _SUPPLIER.search(lead) else "receiver" if _BUYER.search(lead) else ""
    flow = flow_of(ctx.text[: mention.start])
    if not side or not flow:
        return ""
    for code in pair:
        named = ctx.first_mention.get(code)
        if (
            named is not None
            and named.start < mention.start
            and role(flow, is_partner(ctx.text, named)) != side
        ):
            return code
    return ""


_PLACES = ("second", "third", "fourth", "fifth", "next", "followed")
_PLACED = re.compile(
    r"(?i)\b(?:came|ranked|ranks|was|is|finished|placed|stood)\s+(?:a\s+(?:close|distant)\s+)?"
    r"(?:second|third|fourth|fifth|next)\b|\bin\s+(?:second|third|fourth|fifth)\s+place\b"
    # "Canada followed with $64.1 billion"
    r"|\bfollowed\s*,?\s+(?:with|at|on)\b"
)


def placed_in_ranking(text: str) -> bool:
    """Whether a sentence places a country in a ranking begun before it: "The United States
    came a close second", "ranked third", "Canada followed with $64.1 billion"."""
    return any(map(text.__contains__, _PLACES)) and bool(_PLACED.search(text))


# "against 246.3 billion euros with China", "a drop of 20% for Chinese goods": the partner
# written right after a figure
_PARTNER_RIGHT_AFTER = re.compile(r"(?i)\s+(?:with|from|to|for)\s+(?:the\s+)?")


def overtaking_parties(ctx: SentenceContext, span: Span) -> set[str] | None:
    """Whose a figure is after one country overtook another as a third's partner: "The United
    States overtook China as Germany's largest trading partner, with two-way trade of 252.8
    billion euros against 246.3 billion euros with China" gives the first to the United States
    and the second, its partner written after it, to China, each with Germany; None when the
    sentence is not so, or the figure's part names a country of its own ("while Chinese buyers
    took 2.1 million tonnes", "ahead of Ukraine with 5.6 million tonnes")."""
    if (overtaken := ctx.overtaken) is None or span.start < overtaken[1] or not (owner := rank_owner(ctx)):
        return None
    subject = next((m.iso3 for m in ctx.mentions if m.start < overtaken[0] and m.iso3 != owner), "")
    part = ctx.part(ctx.clause(span.start))
    lo, hi = bisect_left(ctx.mention_starts, part.start), bisect_left(ctx.mention_starts, part.end)
    # a part naming more than a few countries is a list, not this shape: and each figure reads
    # only a few names, so an endless sentence stays linear
    if not subject or hi - lo > 3 or any(_partner_of(ctx, m) is None for m in ctx.mentions[lo:hi]):
        return None
    i = bisect_left(ctx.mention_starts, span.end)
    if i < len(ctx.mentions) and _partner_of(ctx, ctx.mentions[i]) is span:
        return {ctx.mentions[i].iso3, owner}
    return {subject, owner}


def _partner_of(ctx: SentenceContext, mention: Mention) -> Span | None:
    """The figure a country is written right after as its partner ("$427 billion from China")."""
    i = bisect_right(ctx.span_starts, mention.start) - 1
    if i >= 0 and _PARTNER_RIGHT_AFTER.fullmatch(ctx.text, (figure := ctx.spans[i]).end, mention.start):
        return figure
    return None
