"""Whom each figure is about: its countries, from its words, its sentence and the report.

A figure's countries are those its part of the sentence names, read by the roles they play
(the exporter and its partner, the owner of a share, a country a rank is counted after),
else those of the statement it continues or of the report (``report``). ``context`` finds
where things are in a sentence; this module decides whose figures they are, ``ranks`` what
a ranking says of them, ``reasons`` which countries only explain a figure, ``totals``
whether a figure is one country's total with the world, and ``metric_parties`` how a
figure's metric reads them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache, lru_cache
from operator import attrgetter

from dashboard import lexicon
from dashboard.conjuncts import (
    Conjuncts,
    base_in_place,
    of_a_later_figure,
    partner_of_another_figure,
    subjects_of_later_clauses,
    told_later,
)
from dashboard.context import POSSESSIVE, Clause, SentenceContext
from dashboard.countries import (
    LIST_GAP,
    Mention,
    currency_country,
    is_origin,
    list_with,
    speaks_of_two,
)
from dashboard.figures import Span
from dashboard.ranks import (
    across_from_rank,
    beside_rival,
    listed_rival,
    named_as_rival,
    placed_in_ranking,
    rank_owner,
    rivals_after,
)
from dashboard.reasons import (
    named_in_reason_before,
    named_only_in_reason,
    opens_a_reason,
    reason_after,
    without_reasons,
)
from dashboard.regions import (
    bracketed_after_a_region,
    flows_with_a_region,
    joined_to_a_region,
    names_a_region,
    opens_with_a_region,
)
from dashboard.report import Report
from dashboard.roles import (
    FROM_BEFORE,
    flow_of,
    flow_roles,
    is_flow_partner,
    is_partner,
    named_for_policy,
    origin_flow,
    ranked_as,
    role,
)
from dashboard.sentences import LIST_ITEM
from dashboard.totals import (
    is_total,
    own_balance,
    own_data_before,
    speaks_of_world_trade,
    to_the_world,
    total_flow,
    total_written_out,
)

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
# "The country expects to import 13 million tonnes": the one country, as a sentence's subject
_THE_COUNTRY_OPENS = re.compile(r"(?i)[\s\"“‘']*the\s+(?:country|nation)\s")
# "the country's dairy sales", "the country's tomatoes": of the country the statement before
# was about; not "the country's statistics office", who speaks
_THE_COUNTRYS = re.compile(
    r"(?i)\bthe\s+(?:country|nation)['’]s\s+(?!(?:[\w-]+\s+){0,2}?(?:office|bureau|ministry|agency|bank"
    r"|authority|institute|council|association|department|statistics|customs|government|president"
    r"|minister|officials?|leaders?)\b)"
)


# "two-thirds of the world's durian imports": a share of everyone's flow
_OF_THE_WORLD = re.compile(r"(?i)\s+of\s+(?:the\s+)?(?:world['’]s|global|world)\b")
# A ranked partnership's trade: "the largest trading partner, with total trade of": the pair's
_PARTNERS_TOTAL = re.compile(
    r"(?i)\btrading\s+partner\b[^.;]{0,60}?\bwith\s+(?:total|overall)\s+(?:two-way\s+|bilateral\s+)?trade\s+of\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$"
)


@lru_cache(maxsize=8)
def _the_countrys(text: str) -> int:
    """Where the sentence first says "the country's" of a country, or -1: once per sentence, so
    an endless sentence of figures stays linear."""
    found = _THE_COUNTRYS.search(text)
    return found.start() if found else -1


def figure_countries(
    conjuncts: Conjuncts,
    span: Span,
    report: Report,
    previous: set[str],
    previous_subject: str,
    continues: bool,
    roles: Callable[[], dict[str, str]] = dict,
    breakdown: Callable[[], bool] = bool,
    sibling: str = "",
    ranked_in: Callable[[], str] = str,
    totals: Callable[[], set[str]] = set,
) -> set[str]:
    """The countries ``span``, a figure of the sentence ``conjuncts`` shares out, is about.

    ``report`` says whom the document is about; ``previous`` holds the countries of the
    statement the sentence may continue, ``previous_subject`` the first country that
    statement named and ``roles()`` which of its countries sent and which received
    (``flow_roles``); ``breakdown()`` says the statement before gave figures for several
    partners; ``sibling`` holds the countries of the figure before in the same sentence;
    ``ranked_in()`` the country the statement before ranked others in; ``totals()`` the
    countries whose own totals (a figure of theirs alone) the document gave before.
    """
    ctx = conjuncts.ctx
    focus, reporter, paired = report.focus, report.reporter, report.paired
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
    named, part = ctx.clause_countries(clause), clause
    if (
        conjuncts.names_after_first_figure
        and len(ctx.clause_countries(whole := ctx.part(clause))) >= 2
        # "Iraq supplied 0.9 million bpd, Saudi Arabia 0.6 million bpd and ..."
        and (own := conjuncts.distributed(span, whole)) is not None
    ):
        if len(own) == 1 and placed_in_ranking(ctx.text) and (owner := ranked_in()) and owner not in own:
            own.add(owner)  # "Canada followed with $64.1 billion and China with $47.4 billion"
        elif len(own) == 1 and reporter and not is_total(ctx.text, part, span):
            # a partner of the country whose figures the report gives; a member of the EU in
            # its bloc's place, with the bloc's partner
            own.add(_bloc_partner(next(iter(own)), previous) or reporter)
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
        named = {antecedent}  # "as buyers turned to the UAE, where imports jumped 65%"
    if not named and speaks_of_two(ctx.text[clause.start : clause.end]):
        # "Trade between the two countries fell 17%, as companies shifted purchases to Mexico":
        # the pair, not the countries of the rest of the sentence
        if _one_and_a_bloc(ctx):
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
        if not ctx.clause_countries(part) and report.reporter and to_the_world(ctx, part, span):
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
            if reach.start == 0 and found:
                found = found - ctx.described_in_aside(reach) - named_in_reason_before(ctx, clause)
            if found - listed:
                named = found - listed
                break
            named = named or found
        if (opener := conjuncts.breakdown_at) is not None and span.start < opener:
            # "exported $55.7 billion, a third of them to the United States": not the share's partner
            named = {code for code in named if ctx.first_mention[code].start < opener}
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
            and is_flow_partner(ctx.text, first)
            and (len(named) > 2 or _listed_after(ctx, first))
        ):
            # "Imports from Vietnam, Thailand, Malaysia and Cambodia rose", "those from mainland
            # China and Hong Kong": all partners of one
            return {*named, reporter} - {""}
        return set(named)
    text = ctx.text
    if not named:
        if not ctx.mentions and speaks_of_world_trade(text):
            return set()  # "The IMF expects global trade volumes to grow 3.1%": no country's
        if (
            reporter
            and not continues
            and is_total(text, part, span)
            and not ctx.bilateral
            # "Malaysia: trade with India" over a list, then "Total trade rose 3.5%": the pair's
            and not (
                len(report.lead) == 2 and previous <= report.lead and "trade" in text[part.start : span.start]
            )
        ):
            return {reporter}  # "The overall deficit narrowed 18.7%": the reporting country's
        if sibling:
            return set(sibling.split(";")) - {""}  # "exports fell 1.6%, while imports rose 2.0%"
        if len(report.lead) == 2 and LIST_ITEM.match(text):
            # "Mongolia: trade with Russia" over "• Fuel imports: 1.21 million tonnes"
            return set(report.lead)
        if reporter and not paired and LIST_ITEM.match(text) and not previous_subject and not report.joined:
            # "- Exports to China: US$5.1 bn" then "- Coal exports: 38.2 mn tonnes": a line of a
            # list naming no country is the reporting country's, not the line before's partner's
            return {reporter}
        # Not after a breakdown by partner ("exports to China rose 7.5%, and those to the
        # U.S. 16.1%"): "Imports fell 2%" is the reporting country's, not the last partner's.
        if (
            len(previous) == 2
            and reporter in previous
            and not continues
            and ctx.periods
            and ctx.fronted(ctx.periods[0])
            and total_flow(text, ctx.clause(span.start), span)
            and reporter in totals()  # a report that gave the country's own totals before
        ):
            # "Exports to Russia slid 8.6%. ... In the first half, exports grew 3.6%": a time of
            # its own opens a new statement, on the reporting country's flow with everyone
            return {reporter}
        if len(previous) >= 2 and reporter in previous and _THE_COUNTRY_OPENS.match(text):
            # "Russian grain made up about 70% of the purchases. The country expects to import 13
            # million tonnes": the country the report is about, alone
            return {reporter}
        if (
            reporter in previous
            and not continues
            and ctx.mentions
            and not previous & ctx.in_sentence
            and reason is not None
            and ctx.mentions[0].start > reason.start()
        ):
            # "Exports to China rose 5.6%. Rice shipments jumped 42%, driven by demand from
            # Indonesia": others' demand, so the reporting country's own flow, not China's
            return {reporter}
        if previous and (continues or not (ctx.bilateral or breakdown())):
            return set(previous)
        if ctx.bilateral:  # "The bilateral deficit": both sides, a partner as much as the other
            return set(focus[:2])
        if report.lead:
            return set(report.lead)
        # "Chile-China trade in September:" over "• Copper exports: $1.9 billion": the pair's
        both = paired or (report.joined and len(focus) >= 2)
        mains = {code for code in (focus[:2] if both else focus[:1]) if not report.partner_only(code)}
        # "- Total exports: USD 528.0bn" in a release most of whose lines name Russia as the
        # partner: the reporting country's
        if mains or reporter:
            return mains or {reporter}
        # "expects defence exports to touch ₹50,000 crore" in a text naming no country: the
        # country whose currency it is
        issuer = currency_country(span.unit) if span.kind == "money" else ""
        return {issuer} if issuer else set()
    # One country named: find the other side of the flow, unless it is an aggregate.
    [only] = named
    mention = ctx.first_mention[only]
    if span.kind == "percent" and _OF_THE_WORLD.match(text, span.end):
        return {only}  # "China now buys two-thirds of the world's durian imports": its share of all
    if opens_with_a_region(text, part.start):
        return {only}  # "The East African Community took 28.5 percent of Kenya's exports"
    if (
        sibling
        and "alone" in text
        and _ALONE.search(text, part.start, span.start)
        and len(rest := set(sibling.split(";")) - list_with(ctx.text, ctx.mentions, mention) - {""}) == 1
    ):
        # "Brazil, Argentina and Uruguay shipped 1.9 million tonnes of beef to China, with Brazil
        # alone accounting for 1.3 million tonnes": with the other side of the list's flow
        return {only, *rest}
    if placed_in_ranking(text) and (owner := ranked_in()) and owner != only:
        # "China was Germany's most important trading partner ... The United States came a close
        # second with 252.3 billion euros": in the same ranking, with Germany
        return {only, owner}
    if (
        (owner := previous_subject or reporter) not in ("", only)
        and ("country" in text or "nation" in text)
        and 0 <= _the_countrys(text) < part.end
    ):
        # "New Zealand's dairy exports to China fell ... China's share of the country's dairy sales
        # slipped": the country the statement before was about; after a list naming none, the
        # country the report is about
        return {only, owner}
    if named_as_rival(text, mention):
        if (rank := rank_owner(ctx, before=mention.start)) and rank != only:
            return {only, rank}  # "China's top corn supplier ..., ahead of Ukraine with 5.6 million tonnes"
        # "FDI into India from Singapore rose to $11.8 billion, making it the largest source,
        # ahead of Mauritius with $7.97 billion": in the partner's place, with the other side
        if (other := beside_rival(ctx, mention, sibling)) and other != only:
            return {only, other}
        if len(owner_before := set(sibling.split(";")) - set(ctx.first_mention) - {""}) == 1:
            # "Australia remained the top supplier with 42%, followed by Malaysia with 16%": in
            # the rank the figure before was in, the country it was ranked in
            return {only, *owner_before}
    if len(previous) == 1 and only not in previous and ranked_as(text, mention) and not rank_owner(ctx):
        # "Japan imported 65.9 million tonnes of LNG ... Australia remained the top supplier with
        # 42% of the total": ranked in the country the statement before was about
        return {only, *previous}
    partner = is_partner(text, mention)
    # "China's June trade data (y/y): exports +8.6%": the country's own totals
    aggregate = is_total(text, part, span) or (own_data_before(text, mention, span))
    if aggregate and not partner and not continues:
        return set(named)
    if sibling and (side := ranked_as(text, mention)) and (flow := flow_of(text[: mention.start])):
        # "Saudi Arabia supplied India with 727,000 bpd, while Iraq remained the top supplier at
        # 1.1 million bpd": a supplier sends, as Saudi Arabia did, so to India
        flows = flow_roles(text, ctx.mentions, sibling, flow)
        across = [code for code, r in flows.items() if r != side and code != only]
        if len(across) == 1:
            return {only, across[0]}
    if not partner and (
        joined_to_a_region(text, mention)
        or (
            (" to " in text or " from " in text or " with " in text)
            and flows_with_a_region(text, part.start, part.end)
        )
    ):
        # "South Africa's exports to the rest of Africa rose 7%, more than its exports to China",
        # "China-Africa trade hit a record": with a region, no other country
        return set(named)
    if not partner and (other := conjuncts.in_place_of(only, part)) and other != only:
        return {only, other}  # "..., while China's share rose": where the other stood
    if not partner and not aggregate and (other := conjuncts.across_earlier_flow(only, part)):
        return {only, other}  # "Turkmenistan supplied 31.6 bcm to China; Russia delivered 22.7 bcm"
    # A partner pairs with a country named as a subject: "Exports to China, South Korea's
    # largest partner, rose 4%, while those to the United States advanced 2%" is KOR;USA; not
    # with the one country of another part's figure: "The Netherlands took 38%, while the
    # United Kingdom took 19%"; nor with the partner of another part's figure: "Nigeria's
    # non-oil exports rose 11.3%, with cocoa beans to the Netherlands accounting for N295 billion".
    rivals = rivals_after(ctx, span) if ctx.has_rival else set()
    # "Malaysia, a hub for Iranian oil, supplied"; "as factories rushed out shipments ahead of
    # threatened U.S. tariffs, pushing the surplus to": no party
    aside = ctx.described_in_aside(Clause(0, span.start)) | named_in_reason_before(ctx, clause)
    others = [
        code
        for code in ctx.first_mention
        if code != only
        and code not in rivals
        and code not in aside
        and not conjuncts.claimed_elsewhere(code, part)
        and not partner_of_another_figure(ctx, code, part)
        and not of_a_later_figure(ctx, code, part)
        # "expects shipments of 7.5 million tonnes as India eases its export curbs": a reason's
        and not opens_a_reason(text, ctx.first_mention[code].start)
        # "fell 4.8% as shipments to China dropped": a reason's
        and not (reason is not None and ctx.first_mention[code].start > reason.start())
    ]
    if conjuncts.breakdown_at is not None and span.start < conjuncts.breakdown_at:
        # not with a country of the breakdown after it: "imported 41.3 bcm, of which Russia ..."
        others = [code for code in others if ctx.first_mention[code].start < conjuncts.breakdown_at]
    if partner and (is_flow_partner(text, mention) or not POSSESSIVE.match(text, mention.end)):
        # Not with another partner: "Exports to China rose, while sales to the US slipped"; but
        # "30% of Kenya's tea exports, worth ..., went to Pakistan": Kenya owns the flow.
        others = [code for code in others if not is_flow_partner(text, ctx.first_mention[code])]
    if partner and len(others) > 1 and FROM_BEFORE.search(text, max(0, mention.start - 10), mention.start):
        # "Imports of Brazilian soybeans by China ..., while the share from the U.S. dropped":
        # the U.S. sends, as the origin of the goods did, so with the one that receives
        others = [code for code in others if not is_origin(text, ctx.first_mention[code])] or others
    if others:
        # "South Africa, Nigeria and Angola were China's top three trading partners, with South
        # Africa alone accounting for 21%": with the country the rank is in
        owner = rank_owner(ctx) if len(others) > 1 and ("'" in text or "’" in text) else ""
        return {only, owner if owner in others else others[0]}
    if partner and reporter and only != reporter and LIST_ITEM.match(text):
        # "• Exports to the US: USD 6.9 billion" then "• Imports from China: USD 10.0 billion":
        # each line of a list is the reporting country's, with its own partner
        return {only, reporter}
    # In place of one side of the statement before: "China's imports from Russia rose ...
    # Saudi Arabia shipped 86 million tons": Saudi Arabia sends, as Russia did, to China.
    if (
        not aggregate
        # not the last partner of a breakdown: "shipments to China eased 0.5% and those to
        # Britain tumbled 7.8%. Imports from China rebounded" are the reporting country's
        and not (partner and breakdown())
        and (flows := roles())
        and only not in flows
        # "Saudi flows slumped 9%": a flow that names no way leaves the country it is named by
        and (
            flow := flow_of(text[clause.start : clause.end])
            or flow_of(text)
            or ("exports" if origin_flow(text, mention) else "")
        )
    ):
        side = role(flow, partner)
        return {only, *(code for code, r in flows.items() if r != side)}
    if not partner and (other := _bloc_partner(only, previous)):
        return {only, other}
    if partner and previous_subject and previous_subject != only:
        if (
            reporter not in ("", only, previous_subject)
            and (flow := flow_of(text[clause.start : clause.end]))
            and roles().get(previous_subject) == role(flow, partner)
        ):
            # "The United States came second, buying $40.3 billion of Brazilian goods. Soybeans
            # accounted for $31.5 billion of sales to China": two buyers; the reporter sells
            return {only, reporter}
        return {only, previous_subject}
    if ctx.bilateral and _one_and_a_bloc(ctx):
        return set(named)  # "..., with trade between the two sides (China and ASEAN) up 8.8%"
    if (
        ctx.bilateral
        or (
            paired
            and only in focus[:2]
            # "China's trade surplus narrowed" in a release that names the EU only as a market for
            # China's goods, or in a sentence naming no other country: China's own, not the pair's
            and not (
                own_balance(text, part, mention)
                and (len(ctx.in_sentence) == 1 or any(map(report.partner_only, focus[:2])))
            )
        )
    ):
        pair = set(focus[:2])
        if only in pair and len(pair) == 2:
            other = next(iter(pair - {only}))
            if told_later(ctx, other, part, only) or named_only_in_reason(ctx, other, reason):
                # "German exports fell 5.8%, as demand from China weakened": Germany's own
                return {only}
            return pair
    main = focus[0] if focus else ""
    if (
        not partner
        and reporter not in ("", only, main)
        and not aggregate
        and (flow := flow_of(text[clause.start : clause.end]))
        and report.reporter_flow not in ("", flow)
    ):
        # "Iraq shipped 907,000 bpd" in a report on India's imports that names Russia most: sent
        # to the country whose imports the report tells, not with the other supplier
        return {only, reporter}
    if (
        main
        and main != only
        and not aggregate
        and not (partner and (report.partner_only(main) or _partner_here(ctx, main)))
        # "Japan logged a trade surplus" in a report naming Taiwan most, only as a market, or
        # "China's trade surplus hit $992 billion" in a sentence naming no other: its own
        and not (
            (report.partner_only(main) or len(ctx.in_sentence) == 1) and own_balance(text, part, mention)
        )
        and not told_later(ctx, main, part, only)
        and not named_only_in_reason(ctx, main, reason)
        # "Thailand's exports rose 6.1%" in a report naming Japan more, only as a partner: the
        # reporting country's own total
        and not (only == reporter and main not in ctx.in_sentence and report.partner_only(main))
    ):
        return {only, main}  # "Saudi Arabia shipped 86 million tons" in a report on China's imports
    if (
        partner
        and reporter
        and reporter != only
        and not aggregate
        and not POSSESSIVE.match(text, mention.end)
    ):
        return {only, reporter}  # "- Exports to Japan: $29.0 billion" under "South Korea-Japan trade"
    if len(previous) == 2 and only in previous and named_for_policy(text, mention):
        # "Vietnam's exports to the United States jumped 23%. U.S. tariffs could cut shipments by
        # $5-8 billion": the country of a policy, not the flow's only side
        return set(previous)
    return set(named)


@cache
def _eu_members() -> frozenset[str]:
    return frozenset(lexicon.column("eu_members.csv", "iso3"))


def _bloc_partner(code: str, previous: set[str]) -> str:
    """The partner of the EU in the statement before, when ``code`` is a member standing in the
    bloc's place: "The EU imported 17.8 million tonnes of LNG from Russia ... Spain alone took
    5.1 million tonnes" is Spain's with Russia."""
    if "EUU" in previous and len(previous) == 2 and code in _eu_members():
        return next(iter(previous - {"EUU"}))
    return ""


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


def _one_and_a_bloc(ctx: SentenceContext) -> bool:
    """Whether the sentence's two sides are its one country and a region or bloc that is none."""
    return len(ctx.in_sentence) == 1 and names_a_region(ctx.text, ctx.mentions)


def _multiple_after(ctx: SentenceContext, span: Span, clause: Clause) -> Span | None:
    """The multiple that follows ``span`` in its clause, if the next figure is one."""
    after = bisect_right(ctx.span_starts, span.start)
    if after < len(ctx.spans) and ctx.spans[after].start < clause.end and ctx.spans[after].kind == "multiple":
        return ctx.spans[after]
    return None


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


def _partner_here(ctx: SentenceContext, code: str) -> bool:
    """Whether the sentence names ``code`` as the far side of a flow: a partner pairs with
    no other partner ("Exports to Brazil jumped 9%, and those to Chile 4%")."""
    mention = ctx.first_mention.get(code)
    return mention is not None and is_flow_partner(ctx.text, mention)
