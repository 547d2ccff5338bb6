"""Whom each figure is about: its countries, from its words, its sentence and the report.

A figure's countries are those its part of the sentence names, read by the roles they play
(the exporter and its partner, the owner of a share, a country a rank is counted after),
else those of the statement it continues or of the report (``report``). ``context`` finds
where things are in a sentence; this module reads which countries a figure's part names and
decides for two or more, ``unnamed`` for none and ``other_side`` for one; ``ranks`` tells
what a ranking says of them, ``reasons`` which countries only explain a figure, ``totals``
whether a figure is one country's total with the world, and ``metric_parties`` how a
figure's metric reads them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter

from dashboard.bases import is_base
from dashboard.conjuncts import (
    Conjuncts,
    base_in_place,
    owned_share,
    subjects_of_later_clauses,
)
from dashboard.context import Clause, SentenceContext
from dashboard.countries import (
    LIST_GAP,
    Mention,
    is_origin,
    list_with,
    speaks_of_two,
)
from dashboard.figures import Span
from dashboard.follows import Follows
from dashboard.other_side import bloc_partner, one_and_a_bloc, one_named_parties
from dashboard.ranks import (
    across_from_rank,
    listed_rival,
    named_as_rival,
    overtaking_parties,
    placed_in_ranking,
    rank_owner,
    rivals_after,
)
from dashboard.reasons import (
    named_in_reason_before,
    reason_after,
    without_reasons,
)
from dashboard.regions import (
    bracketed_after_a_region,
    flows_with_a_region,
    to_a_region_since,
)
from dashboard.report import Report
from dashboard.roles import (
    flow_of,
    is_flow_partner,
    named_for_policy,
)
from dashboard.totals import (
    abroad,
    is_total,
    to_the_world,
    total_written_out,
)
from dashboard.unnamed import unnamed_parties

# "with Brazil alone accounting for": one of a list that shipped together
_ALONE = re.compile(r"(?i)\balone\b")
# A relative clause telling what its antecedent traded: "which bought R187 billion of"
_WHICH_TRADED = re.compile(
    r"[\s,]*which\s+(?:\w+\s+)?(?:bought|buys|imported|imports|took|takes|purchased|sold|sells|exported"
    r"|exports|shipped|ships|supplied|supplies|received|receives|sent|sends)\b"
)
_START = attrgetter("start")
# "a 36% share of the", "36% of the": the whole a share is of follows
_WHOLE_OF_SHARE = re.compile(
    r"(?i)(?:%|per\s?cent)\s+(?:share\s+of\s+(?:the\s+|its\s+|their\s+)?|of\s+(?:the|its|their)\s+)$"
)


# "36% of India's crude imports of": the whole a share is of, its figure right after
_OF_THE_WHOLE = re.compile(r"(?i)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?")


# A ranked partnership's trade: "the largest trading partner, with total trade of": the pair's
_PARTNERS_TOTAL = re.compile(
    r"(?i)\btrading\s+partner\b[^.;]{0,60}?\bwith\s+(?:total|overall)\s+(?:two-way\s+|bilateral\s+)?trade\s+of\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$"
)


def figure_countries(
    conjuncts: Conjuncts, span: Span, report: Report, follows: Follows, sibling: str = ""
) -> set[str]:
    """The countries ``span``, a figure of the sentence ``conjuncts`` shares out, is about.

    ``report`` says whom the document is about, ``follows`` what the statement before said;
    ``sibling`` holds the countries of the figure before in the same sentence. The rules read
    the sentence's shape first (a list shared out, a relative clause, "the two countries"),
    then the countries the figure's part names: two or more are its own, none or one are
    asked of ``unnamed`` and ``other_side``.
    """
    ctx = conjuncts.ctx
    reporter = report.reporter
    previous, continues = follows.previous, follows.continues
    if bracketed_after_a_region(ctx.text, span.start):
        # "shipments to the EU (+9.3%) and the Middle East (+21%)": the reporting country's
        # flow to a region that is no country
        senders = {m.iso3 for m in ctx.mentions if m.start < span.start and not is_flow_partner(ctx.text, m)}
        return senders if len(senders) == 1 else ({reporter} if reporter else senders)
    clause = conjuncts.with_list(ctx.clause(span.start))
    if ";" in sibling and (swapped := base_in_place(ctx, span, clause, sibling)):
        return swapped
    if (
        ";" in sibling
        and span.kind != "percent"
        and _WHOLE_OF_SHARE.search(ctx.text, max(0, span.start - 30), span.start)
        and (owner := rank_owner(ctx) or report.reporter) in sibling.split(";")
    ):
        # "Russia remained India's top supplier, with a 36% share of the 4.6 million bpd the
        # country imported": the whole the share is of, the owner's own
        return {owner}
    if (
        ";" in sibling
        and span.kind != "percent"
        and (owned := owned_share(ctx, max(0, span.start - 80), span.start))[0] in sibling.split(";")
        and _OF_THE_WHOLE.fullmatch(ctx.text, owned[1], span.start)
    ):
        owner = owned[0]
        return {owner}  # "accounted for 36% of India's crude imports of 4.4 million bpd": India's
    if ctx.has_rival and (overtaking := overtaking_parties(ctx, span)) is not None:
        return overtaking
    named, part = ctx.clause_countries(clause), clause
    if named and reporter and _named_for_the_next_conjunct(ctx, clause, span, named):
        # "shipments to Southeast Asia jumped 20.8% and those to the European Union rose 8.3%",
        # "with chip shipments up 23% and car exports to the United States down 13%": the
        # reporting country's; the country after is the next conjunct's
        return {reporter}
    if (
        conjuncts.names_after_first_figure
        and len(ctx.clause_countries(whole := ctx.part(clause))) >= 2
        # not the whole before a breakdown: "$474 billion of imports, including $124 billion from
        # Mexico and $56 billion from Japan"
        and not (conjuncts.breakdown_at is not None and span.start < conjuncts.breakdown_at)
        # "Iraq supplied 0.9 million bpd, Saudi Arabia 0.6 million bpd and ..."
        and (own := conjuncts.distributed(span, whole)) is not None
    ):
        if (
            len(own) == 1
            and placed_in_ranking(ctx.text)
            and (owner := follows.ranked_in())
            and owner not in own
        ):
            own.add(owner)  # "Canada followed with $64.1 billion and China with $47.4 billion"
        elif len(own) == 1 and reporter and not is_total(ctx.text, part, span):
            # a partner of the country whose figures the report gives; a member of the EU in
            # its bloc's place, with the bloc's partner
            own.add(bloc_partner(next(iter(own)), previous) or reporter)
        return own
    if (
        len(named) == 1
        and ("whose" in ctx.text or "where" in ctx.text or "which" in ctx.text)
        and (antecedent := conjuncts.where_antecedent(clause))
        and antecedent not in named
        and (
            is_flow_partner(ctx.text, ctx.first_mention[next(iter(named))])
            or _WHICH_TRADED.match(ctx.text, clause.start)
        )
    ):
        # "to Egypt, whose imports from China rose to $14.7 billion"; "ahead of the United
        # States, which bought R187 billion of South African goods"
        named = {*named, antecedent}
    if not named and (antecedent := conjuncts.where_antecedent(clause)):
        # "the top supplier ahead of Saudi Arabia, whose shipments fell 6.5%": in the place the
        # rank gives it, across the flow from the figure before
        if sibling and (other := across_from_rank(ctx, clause, sibling)):
            return {antecedent, other}
        if sibling.count(";") == 1 and (replaced := _rival_in_place(ctx, antecedent, clause, sibling)):
            return {antecedent, replaced}
        # "as buyers turned to the UAE, where imports jumped 65%"; "overtaking those to China and
        # Hong Kong, which rose 13.8%": the list the country stands in
        named = list_with(ctx.text, ctx.mentions, ctx.first_mention[antecedent])
    if not named and speaks_of_two(ctx.text[clause.start : clause.end]):
        # "Trade between the two countries fell 17%, as companies shifted purchases to Mexico":
        # the pair, not the countries of the rest of the sentence
        if one_and_a_bloc(ctx):
            # "ASEAN remained China's largest trading partner, with trade between the two sides
            # reaching 5.7 trillion yuan": China's, with a bloc that is no country
            return set(ctx.in_sentence)
        if len(two := {code for code, m in ctx.first_mention.items() if m.start < span.start}) == 2:
            # "Mexico overtook Canada as America's top partner, with two-way trade of $839.9
            # billion"; "South Africa remained China's largest trading partner in Africa, with
            # bilateral trade of 104.3 billion yuan": the two this sentence names before it
            return two
        if (one := report.with_region) and not (continues and len(previous) == 2):
            return {one}  # "China-Africa trade hit a record ...", then "trade between the two sides"
        if sibling.count(";") == 1:
            # "Trade with Russia hit $240.1 billion, exceeding a $200 billion target the two
            # countries had set": the pair the sentence's figure before was of
            return set(sibling.split(";"))
        if continues and len(previous) == 2:
            return set(previous)
        pair = set(report.focus[:2])
        if len(pair) == 2:
            return set(pair)
    if not named:
        part = ctx.part(clause)
        if report.reporter and (
            (not ctx.clause_countries(part) and to_the_world(ctx, part, span))
            # "..., and the ministry expects farm sales abroad of R$900 billion": its clause's;
            # but "52% of the metal's overseas sales" is a partner's share of them
            or (span.kind != "percent" and abroad(ctx.text, clause.start, clause.end))
        ):
            # "while soybean meal sales abroad rose to 3.1 million tonnes": the reporting
            # country's, with the whole world, whichever partner the sentence named before
            return {report.reporter}
        if sibling and part.start > 0 and not ctx.clause_countries(part):
            # "China's overall exports rose 7.0%, while imports climbed 7.2%": the part after
            # names no one and goes on with whose figure came before
            return set(sibling.split(";")) - {""}
        # Not from a part after this one: "Exports via the Black Sea accounted for 30 million
        # tonnes, while 8 million tonnes went through the European Union"
        # Those named up to the figure first: "reached $75 million in May, up 12% from April, and
        # shipments to Laos rose ..." are Cambodia's, not Laos's
        # "importing 5.9 million tonnes, followed by Spain with 5.1 million tonnes and ...": not
        # the countries of the list after it, each with a figure of its own
        listed = conjuncts.listed(part)
        for reach in (Clause(part.start, clause.end), part, Clause(0, part.end)):
            found = ctx.clause_countries(reach)
            if reach.end > clause.end and found:
                found = found - subjects_of_later_clauses(ctx, clause)
            if found and (reach.start == 0 or ctx.leaves_out):
                # "Trade with countries outside the EU, led by the United States, grew 2.4%": a
                # part opening with what leads a group outside a country
                found = (
                    found - ctx.described_in_aside(reach, span.start) - named_in_reason_before(ctx, clause)
                )
            if found - listed:
                named = found - listed
                break
            named = named or found
        if (opener := conjuncts.breakdown_at) is not None and span.start < opener:
            # "exported $55.7 billion, a third of them to the United States": not the share's partner
            named = {code for code in named if ctx.first_mention[code].start < opener}
        elif (
            opener is not None
            and clause.start > opener
            and not ctx.clause_countries(clause)
            and conjuncts.shares_out()
            and ctx.clause_countries(ctx.clause(opener))
            and (owners_of_whole := {code for code in named if ctx.first_mention[code].start < opener})
        ):
            # "exported 38.2 million tonnes, almost all of it to China, down 9%": a clause after
            # the share to a partner, naming no one, goes on with the whole, the owner's own (not
            # after "most of it energy", which names no partner)
            return owners_of_whole
    if len(named) >= 2 and ctx.has_rival and (rivals := rivals_after(ctx, span)):
        named = named - rivals or named
    if (
        span.kind == "multiple"
        and not span.hint
        and sibling
        and (after := {code for code in named if ctx.first_mention[code].start >= span.end})
    ):
        # "up 6.2% ... and more than triple the value shipped to Canada": the flow the figure
        # before measured, and what it is compared with
        return set(sibling.split(";")) | after
    if named and ctx.has_multiple and (compared := _multiple_after(ctx, span, clause)) is not None:
        # "up 6.2% from a year earlier and more than triple the value shipped to Canada": a
        # country named after a multiple is what the multiple compares with, not this figure's
        named = {code for code in named if ctx.first_mention[code].start < compared.start}
    if (
        len(named) == 1
        and not is_flow_partner(ctx.text, ctx.first_mention[next(iter(named))])
        and is_total(ctx.text, part, span)
    ):
        # "Overall UK food exports rose 1.8%", "Vietnam's total coffee exports" after those to
        # China: the whole, its own
        return named
    if continues and previous and named <= previous:
        return set(previous)
    if (
        len(named) >= 2
        and reporter in named
        and total_written_out(ctx.text, span)
        # not "China remained Malaysia's largest trading partner, with total trade of RM407.1bil"
        and not _PARTNERS_TOTAL.search(ctx.text, max(0, span.start - 120), span.start)
    ):
        return {reporter}  # "36% of its total imports of 4.4 million bpd": the whole, the reporter's
    reason = reason_after(ctx.text, span)
    if named and reason is not None:
        named = without_reasons(ctx, named, span, reason)
    if (
        len(named) >= 2
        and ("followed" in ctx.text or "ahead" in ctx.text or "trailed" in ctx.text)
        and (rival := listed_rival(ctx, span)) is not None
        and (rank := rank_owner(ctx, before=rival.start))
        and rank != rival.iso3
    ):
        # "Brazil remained China's largest trading partner ..., followed by Mexico at $100.5
        # billion and Chile at $61.2 billion": each rival with the country ranked in
        return {rival.iso3, rank}
    if len(named) >= 3 and (owner := _policy_owner_of_a_cut(ctx, span, named)):
        # "New U.S. sanctions could cut Russian supplies to India by as much as 800,000 bpd": the
        # flow's two sides; whose sanctions they are is the cause, no side
        named = named - {owner}
    if (
        len(named) >= 2
        and sibling
        and to_a_region_since(ctx, span)
        and (owners := {code for code in named if not is_flow_partner(ctx.text, ctx.first_mention[code])})
    ):
        # "Japan's exports to China rose 3% and shipments to Southeast Asia fell 5%": the
        # owner's, not with the partner before
        return owners
    if len(named) >= 2:
        if (
            span.kind == "percent"
            and len(previous) == 1
            and not previous & named
            and _TOOK.search(ctx.text, max(0, span.start - 40), span.start)
        ):
            # "Russia's seaborne crude exports averaged 3.4 million bpd ... India and China took
            # about 90% of the volumes": shares of the one country's flow
            return named | previous
        # "..., respectively, to €9.8 billion and €6.1 billion": the list of an earlier clause
        first = conjuncts.first_in(clause) or min((ctx.first_mention[c] for c in named), key=_START)
        if (
            first is not None
            and reporter not in named
            # "against $43.1 billion for China and Hong Kong": the list written right after
            and (is_flow_partner(ctx.text, first) or (first.start > span.end and ctx.party_after(span)))
            and (len(named) > 2 or _listed_after(ctx, first))
        ):
            # "Imports from Vietnam, Thailand, Malaysia and Cambodia rose", "those from mainland
            # China and Hong Kong": all partners of one, the one a ranking is in when the
            # sentence has one overtake another ("as Taiwan's largest export market")
            one = (rank_owner(ctx) if ctx.overtaken is not None else "") or reporter
            return {*named, one} - {""}
        return set(named)
    if not named:
        return unnamed_parties(conjuncts, span, report, follows, sibling, part, reason)
    [only] = named
    if only in sibling.split(";") and ";" not in sibling and _restates_the_figure_before(ctx, span, clause):
        # "Oil made up 72% of the kingdom's total exports, down from 78% in 2023": the base, of
        # the same whole as the figure before it
        return {only}
    return one_named_parties(conjuncts, span, report, follows, sibling, only, clause, part, reason)


def _restates_the_figure_before(ctx: SentenceContext, span: Span, clause: Clause) -> bool:
    """Whether the figure is the base of the one right before it in its part of the sentence
    ("72%, down from 78% in 2023")."""
    k = bisect_left(ctx.span_starts, span.start) - 1
    return k >= 0 and ctx.spans[k].start >= ctx.part(clause).start and is_base(ctx.text, span.start)


# A flow cut by an amount: "could cut Russian supplies to India by as much as"
_CUT_BY = re.compile(
    r"(?i)\b(?:cut|reduc|lower|slash|curb|hit)\w*\s+[^.;]{0,80}?\bby\s+"
    r"(?:(?:as\s+much\s+as|up\s+to|about|around|some|roughly|nearly)\s+)?$"
)


def _policy_owner_of_a_cut(ctx: SentenceContext, span: Span, named: set[str]) -> str:
    """The one country named as the owner of a policy ("U.S. sanctions") before a flow it
    could cut by the figure; "" where the sentence is not so."""
    if not _CUT_BY.search(ctx.text, reach := max(0, span.start - 120), span.start):
        return ""
    near = ctx.mentions[bisect_left(ctx.mention_starts, reach) : bisect_left(ctx.mention_starts, span.start)]
    owners = {m.iso3 for m in near if named_for_policy(ctx.text, m)}
    return next(iter(owners)) if len(owners) == 1 and owners <= named else ""


def _rival_in_place(ctx: SentenceContext, antecedent: str, clause: Clause, sibling: str) -> str:
    """The country across the flow from a rival whose own clause tells its flow: "Russian LNG
    accounted for about 20% of the EU's imports, second only to the United States, which
    supplied 45%" puts the United States where Russia, whose goods the flow names, stood."""
    mention = ctx.first_mention.get(antecedent)
    if mention is None or not named_as_rival(ctx.text, mention):
        return ""
    flow = flow_of(ctx.text[clause.start : clause.end])
    # the side of the flow before that sends is the one its goods are named by: "Russian LNG"
    senders = [
        c for c in sibling.split(";") if c in ctx.first_mention and is_origin(ctx.text, ctx.first_mention[c])
    ]
    if not flow or len(senders) != 1:
        return ""
    [receiver] = set(sibling.split(";")) - set(senders)
    return receiver if flow == "exports" else senders[0]


def _multiple_after(ctx: SentenceContext, span: Span, clause: Clause) -> Span | None:
    """The multiple that follows ``span`` in its clause, if the next figure is one."""
    after = bisect_right(ctx.span_starts, span.start)
    if after < len(ctx.spans) and ctx.spans[after].start < clause.end and ctx.spans[after].kind == "multiple":
        return ctx.spans[after]
    return None


def _named_for_the_next_conjunct(ctx: SentenceContext, clause: Clause, span: Span, named: set[str]) -> bool:
    """Whether the countries of a figure's clause are all named after it, in a conjunct of their
    own ("..., and those to the European Union rose 8.3%"); not as its own partner ("a 3.1%
    drop in exports to the United States"). A comma parts them only from a flow to a region."""
    first = min(ctx.first_mention[code].start for code in named)
    if first < span.end:
        return False
    next_part = _NEXT_CONJUNCT.search(ctx.text, span.end, first)
    return next_part is not None and (
        next_part.group() != "," or flows_with_a_region(ctx.text, clause.start, span.start)
    )


# "... and those to the European Union rose": a conjunct of its own after a figure
_NEXT_CONJUNCT = re.compile(
    r"(?i)\s+(?:and|but|while|whereas)\s+(?:those|that|(?:[\w-]+\s+){0,2}?(?:shipments|exports|imports|sales))\b|,"
)
# What buyers took of a flow: "India and China took about 90%"
_TOOK = re.compile(
    r"(?i)\b(?:took|take|takes|bought|buy|buys|absorbed|received|accounted\s+for|account\s+for)\s+"
    r"(?:(?:about|around|nearly|almost|some|roughly|over|more\s+than|less\s+than|just\s+over|just\s+under)\s+)?$"
)


def _listed_after(ctx: SentenceContext, first: Mention) -> bool:
    """Whether the country named after ``first`` is listed with it: "China and Hong Kong",
    "China, including Hong Kong"."""
    i = bisect_right(ctx.mention_starts, first.start)
    return i < len(ctx.mentions) and bool(
        LIST_GAP.fullmatch(ctx.text, first.end, ctx.mentions[i].start)
        or _INCLUDING.fullmatch(ctx.text, first.end, ctx.mentions[i].start)
    )


_INCLUDING = re.compile(r",?\s+(?:including|excluding|plus)\s+(?:the\s+)?")
