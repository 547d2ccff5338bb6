"""The other side of a figure whose part of the sentence names one country.

"Saudi Arabia shipped 86 million tons" in a report on China's imports is Saudi Arabia's with
China; "China's trade surplus hit $992 billion" is China's alone. ``parties`` asks when the
figure's part names one country; the rules go from what the sentence says (a share of the
world's, a rank, a rival, the other countries it names) to the statement before (its flow's
other side) and the report (its pair, its reporting country).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from dashboard import lexicon
from dashboard.conjuncts import (
    Conjuncts,
    of_a_later_figure,
    owned_share,
    partner_of_another_figure,
    told_later,
)
from dashboard.context import POSSESSIVE, Clause, SentenceContext
from dashboard.countries import Mention, is_origin, join_codes, list_with
from dashboard.figures import Span
from dashboard.follows import Follows
from dashboard.ranks import beside_rival, named_as_rival, placed_in_ranking, rank_owner, rivals_after
from dashboard.reasons import named_in_reason_before, named_only_in_reason, opens_a_reason
from dashboard.regions import (
    flows_with_a_region,
    joined_to_a_region,
    names_a_region,
    opens_with_a_region,
    to_a_region_since,
)
from dashboard.report import Report
from dashboard.roles import (
    FROM_BEFORE,
    flow_of,
    flow_roles,
    is_flow_partner,
    is_partner,
    listed_after_partner,
    named_for_policy,
    origin_flow,
    owns_intake,
    ranked_as,
    role,
)
from dashboard.sentences import LIST_ITEM
from dashboard.totals import (
    SUBJECT_REACH,
    flow_to_the_rest,
    is_total,
    of_own_total,
    of_the_total,
    own_balance,
    own_data_before,
    own_flow,
    possessed_flow,
)

# "Our trade with China", "we sold": the speaker's side
_FIRST_PERSON = re.compile(r"(?i)\b(?:our|we)\b")
# "with Brazil alone accounting for": one of a list that shipped together
_ALONE = re.compile(r"(?i)\balone\b")
# "two-thirds of the world's durian imports": a share of everyone's flow
_OF_THE_WORLD = re.compile(r"(?i)\s+of\s+(?:the\s+)?(?:world['’]s|global|world)\b")
# "the country's dairy sales", "the country's tomatoes": of the country the statement before
# was about; not "the country's statistics office", who speaks
_THE_COUNTRYS = re.compile(
    r"(?i)\bthe\s+(?:country|nation)['’]s\s+(?!(?:[\w-]+\s+){0,2}?(?:office|bureau|ministry|agency|bank"
    r"|authority|institute|council|association|department|statistics|customs|government|president"
    r"|minister|officials?|leaders?)\b)"
)


def one_named_parties(
    conjuncts: Conjuncts,
    span: Span,
    report: Report,
    follows: Follows,
    sibling: str,
    only: str,
    clause: Clause,
    part: Clause,
    reason: re.Match[str] | None,
) -> set[str]:
    """The countries of ``span``, whose ``part`` of ``clause`` names ``only``: it and the other
    side of its flow, unless the figure is its own. The rules read, in turn, where the sentence
    places the country (a share of the world's, a list, a ranking), the sentence's other
    countries and flows, then the statement before and the report."""
    ctx = conjuncts.ctx
    mention = ctx.first_mention[only]
    case = _Case(conjuncts, span, report, follows, sibling, only, clause, part, reason, mention)
    if (placed := _placed(case)) is not None:
        return placed
    text = ctx.text
    # "a tariff threatened by Washington could cut sales to the U.S.": the name nearest the
    # figure says which side it is on
    case.partner = is_partner(text, mention) or any(
        m.iso3 == only and part.start <= m.start < span.start and is_partner(text, m)
        for m in ctx.mentions[bisect_right(ctx.mention_starts, mention.start) :]
    )
    # "China's June trade data (y/y): exports +8.6%": the country's own totals
    case.aggregate = is_total(text, part, span) or (own_data_before(text, mention, span))
    if (across := _across_the_sentence(case)) is not None:
        return across
    return _from_the_statement_and_report(case)


@dataclass(slots=True)
class _Case:
    """A figure whose part of its sentence names one country, as the rules read it."""

    conjuncts: Conjuncts
    span: Span
    report: Report
    follows: Follows
    sibling: str
    only: str
    clause: Clause
    part: Clause
    reason: re.Match[str] | None
    mention: Mention
    partner: bool = False  # the country is named as the far side of a flow
    aggregate: bool = False  # the figure is its own total


def _placed(case: _Case) -> set[str] | None:
    """Where the sentence places the country: in a share of the world's, a bloc's flow, a list
    that shipped together, a ranking, beside "the country's"; None when it does not say."""
    span, follows, sibling, only = case.span, case.follows, case.sibling, case.only
    mention, part = case.mention, case.part
    ctx = case.conjuncts.ctx
    text = ctx.text
    reporter, previous, previous_subject = (
        case.report.reporter,
        case.follows.previous,
        case.follows.previous_subject,
    )
    if span.kind == "percent" and _OF_THE_WORLD.match(text, span.end):
        return {only}  # "China now buys two-thirds of the world's durian imports": its share of all
    if span.kind == "percent" and sibling in ("", only) and of_own_total(ctx, span, mention):
        # "Oil still made up 72% of the kingdom's total exports": a share of its own; but
        # "Imports of Brazilian soybeans totaled 69.95 million tonnes, accounting for 70 percent
        # of China's total" are Brazil's share
        return {only}
    if sibling and to_a_region_since(ctx, span) and (rest := set(sibling.split(";")) - {only, ""}):
        # "Shipments to the EU grew 0.9% and those to Southeast Asian nations rose 11%": to a
        # region, those of the country whose flows they are, without the partner before
        return rest
    if opens_with_a_region(text, part.start) or (
        part.start > 0 and LIST_ITEM.match(text) and opens_with_a_region(text, 0)
    ):
        # "The East African Community took 28.5 percent of Kenya's exports"; a list's line
        # "* Africa's deficit with China: $52 billion"
        return {only}
    if (
        sibling
        and "alone" in text
        and _ALONE.search(text, part.start, span.start)
        and len(rest := set(sibling.split(";")) - list_with(ctx.text, ctx.mentions, mention) - {""}) == 1
    ):
        # "Brazil, Argentina and Uruguay shipped 1.9 million tonnes of beef to China, with Brazil
        # alone accounting for 1.3 million tonnes": with the other side of the list's flow
        return {only, *rest}
    if placed_in_ranking(text) and (owner := follows.ranked_in()) and owner != only:
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
    if (
        len(previous) == 1
        and only not in previous
        and (ranked_as(text, mention) or named_as_rival(text, mention))
        and not rank_owner(ctx)
    ):
        # "Japan imported 65.9 million tonnes of LNG ... Australia remained the top supplier with
        # 42% of the total": ranked in the country the statement before was about; so is a rival,
        # "India remained the biggest buyer, ahead of China with 1.7 million tonnes"
        return {only, *previous}
    return None


def _across_the_sentence(case: _Case) -> set[str] | None:
    """The other side the sentence names: across the flow of the figure before, the owner of the
    whole a share is of, a region, the country in a parallel part's place, another country of
    the sentence that no other figure claims; None when it names none."""
    conjuncts, span, sibling, only = case.conjuncts, case.span, case.sibling, case.only
    mention, clause, part, reason = case.mention, case.clause, case.part, case.reason
    partner, aggregate = case.partner, case.aggregate
    ctx = case.conjuncts.ctx
    text = ctx.text
    continues, named = case.follows.continues, {case.only}
    if aggregate and not partner and not continues:
        return set(named)
    if (
        sibling
        and (side := ranked_as(text, mention) or _side_as_subject(ctx, mention, span, partner or aggregate))
        and (flow := flow_of(text[: mention.start]))
    ):
        # "Saudi Arabia supplied India with 727,000 bpd, while Iraq remained the top supplier at
        # 1.1 million bpd": a supplier sends, as Saudi Arabia did, so to India; "Exports to
        # Pakistan rose 8%, while the United States took 12,000 tonnes": a buyer, with the seller
        flows = flow_roles(text, ctx.mentions, sibling, flow)
        across = [code for code, r in flows.items() if r != side and code != only]
        if len(across) == 1:
            return {only, across[0]}
    if (
        span.kind == "percent"
        and not partner
        and sibling.count(";") == 1
        and (owner := owned_share(ctx, max(0, mention.start - 120), mention.start)[0]) in sibling.split(";")
        and owner != only
    ):
        # "China bought about 47% of Brazil's beef exports, while the United States took 10%": a
        # share of the same whole, its owner's
        return {only, owner}
    if (
        span.kind == "percent"
        and sibling
        and ";" not in sibling
        and sibling != only
        and of_the_total(text, span.end)
    ):
        # "Overall UK exports rose 1.8% to £12.1 billion, with the EU taking about 57% of the
        # total": a share of the whole the figure before measured, its owner's
        return {only, sibling}
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
    # "while the share of the United States rose": a partner by its "of", in a parallel part
    if (not partner or _SHARE_OF_BEFORE.search(text, max(0, mention.start - 20), mention.start)) and (
        (other := conjuncts.in_place_of(only, part)) and other != only
    ):
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
    aside = ctx.described_in_aside(Clause(0, span.start), span.start) | named_in_reason_before(ctx, clause)
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
        others = [code for code in others if not _a_partner(ctx, ctx.first_mention[code])]
    if partner and len(others) > 1 and FROM_BEFORE.search(text, max(0, mention.start - 10), mention.start):
        # "Imports of Brazilian soybeans by China ..., while the share from the U.S. dropped":
        # the U.S. sends, as the origin of the goods did, so with the one that receives
        others = [code for code in others if not is_origin(text, ctx.first_mention[code])] or others
        # "Russia's share of India's oil imports dropped, while purchases from Saudi Arabia rose":
        # with the one whose imports they are, not the rival supplier
        others = [code for code in others if owns_intake(text, ctx.first_mention[code])] or others
    if others:
        # "South Africa, Nigeria and Angola were China's top three trading partners, with South
        # Africa alone accounting for 21%": with the country the rank is in
        owner = rank_owner(ctx) if len(others) > 1 and ("'" in text or "’" in text) else ""
        return {only, owner if owner in others else others[0]}
    return None


def _a_partner(ctx: SentenceContext, mention: Mention) -> bool:
    """Whether goods go to or come from the country, named so or listed after one that is:
    Hong Kong in "those to China and Hong Kong"."""
    return is_flow_partner(ctx.text, mention) or (
        # not "Exports to Germany, Austria's largest market,"
        not POSSESSIVE.match(ctx.text, mention.end)
        and listed_after_partner(ctx.text, ctx.mentions, bisect_left(ctx.mention_starts, mention.start))
    )


def _from_the_statement_and_report(case: _Case) -> set[str]:
    """The other side the statement before or the report gives: a list's reporting country, the
    far side of the statement's flow, the report's pair or main country; else the country alone."""
    span, report, follows, sibling = case.span, case.report, case.follows, case.sibling
    only, mention, clause, part = case.only, case.mention, case.clause, case.part
    reason, partner, aggregate = case.reason, case.partner, case.aggregate
    ctx = case.conjuncts.ctx
    text = ctx.text
    focus, reporter, paired, previous = (
        case.report.focus,
        case.report.reporter,
        case.report.paired,
        case.follows.previous,
    )
    previous_subject, named = case.follows.previous_subject, {case.only}
    if (
        not partner
        and span.kind not in ("percent", "percentage_point")
        and (opener := case.conjuncts.breakdown_at) is not None
        and span.end <= opener
    ):
        # "Japan imports about 770,000 tonnes a year, of which roughly 45% comes from the United
        # States": the whole a breakdown shares out, the country's own
        return set(named)
    if (
        partner
        and _FIRST_PERSON.search(text, part.start, mention.start)
        and (speaker := next((code for code in case.report.focus[:2] if code != only), ""))
    ):
        # "A: Our trade with China reached $43.8 billion" in an interview with Kazakhstan's
        # minister: the speaker's country, which the title or the text names
        return {only, speaker}
    if partner and reporter and only != reporter and LIST_ITEM.match(text):
        # "• Exports to the US: USD 6.9 billion" then "• Imports from China: USD 10.0 billion":
        # each line of a list is the reporting country's, with its own partner
        return {only, reporter}
    if (
        partner
        and reporter not in ("", only)
        and sibling in ("", join_codes({only, reporter}))
        and reporter in follows.roles()
    ):
        # "Britain's deficit widened as imports from the EU rose. Exports to the United States
        # fell £2.2 billion, or 11.8%": a flow no one owns, with only its partner named, opening
        # its sentence, is the reporting country's, whichever way the flow before ran
        return {only, reporter}
    # In place of one side of the statement before: "China's imports from Russia rose ...
    # Saudi Arabia shipped 86 million tons": Saudi Arabia sends, as Russia did, to China.
    if (
        not aggregate
        # not the last partner of a breakdown: "shipments to China eased 0.5% and those to
        # Britain tumbled 7.8%. Imports from China rebounded" are the reporting country's
        and not (partner and follows.breakdown())
        and (flows := follows.roles())
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
    if not partner and (other := bloc_partner(only, previous)):
        return {only, other}
    if partner and follows.breakdown() and (common := follows.broken_down()) not in ("", only):
        # "Australia supplied about 750 million tonnes, and Brazil around 260 million. Imports
        # from India slumped": one more partner of the breakdown, with the country all shared
        return {only, common}
    if (
        partner
        and previous_subject not in ("", only)
        and (owner := follows.ranked_in()) not in ("", only, previous_subject)
        and owner in previous
    ):
        # "The United States overtook China as Germany's top trading partner, with trade of
        # 252.8 billion euros. Trade with China came to 246.3 billion euros": the ranking's owner
        # trades with each partner it ranks
        return {only, owner}
    if partner and previous_subject and previous_subject != only:
        if (
            reporter not in ("", only, previous_subject)
            and (flow := flow_of(text[clause.start : clause.end]))
            and follows.roles().get(previous_subject) == role(flow, partner)
        ):
            # "The United States came second, buying $40.3 billion of Brazilian goods. Soybeans
            # accounted for $31.5 billion of sales to China": two buyers; the reporter sells
            return {only, reporter}
        return {only, previous_subject}
    if ctx.bilateral and one_and_a_bloc(ctx):
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
            # "Brazil shipped 54.3 million tonnes of soybeans" under a title on its trade with China
            # and the figures after it in the sentence ("..., down 4.6% from a record")
            and not (
                only == reporter
                and len(ctx.in_sentence) == 1
                and (
                    sibling == only
                    or own_flow(text, mention, span)
                    # "Gazprom's exports outside the former Soviet Union": to all the rest
                    or flow_to_the_rest(text, mention, span)
                )
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
    if main and main == report.dateline and not report.named_beyond_dateline(main):
        main = ""  # "SINGAPORE - ... China's LNG imports rose 14%": where the report was written
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
        and not possessed_flow(ctx, mention, span)
        # "Thailand's exports rose 6.1%" in a report naming Japan more, only as a partner: the
        # reporting country's own total
        and not (
            only == reporter and main not in ctx.in_sentence and (report.partner_only(main) or not paired)
        )
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


@lru_cache(maxsize=8)
def _the_countrys(text: str) -> int:
    """Where the sentence first says "the country's" of a country, or -1: once per sentence, so
    an endless sentence of figures stays linear."""
    found = _THE_COUNTRYS.search(text)
    return found.start() if found else -1


@cache
def _eu_members() -> frozenset[str]:
    return frozenset(lexicon.column("eu_members.csv", "iso3"))


def bloc_partner(code: str, previous: set[str]) -> str:
    """The partner of the EU in the statement before, when ``code`` is a member standing in the
    bloc's place: "The EU imported 17.8 million tonnes of LNG from Russia ... Spain alone took
    5.1 million tonnes" is Spain's with Russia."""
    if "EUU" in previous and len(previous) == 2 and code in _eu_members():
        return next(iter(previous - {"EUU"}))
    return ""


def one_and_a_bloc(ctx: SentenceContext) -> bool:
    """Whether the sentence's two sides are its one country and a region or bloc that is none."""
    return len(ctx.in_sentence) == 1 and names_a_region(ctx.text, ctx.mentions)


def _partner_here(ctx: SentenceContext, code: str) -> bool:
    """Whether the sentence names ``code`` as the far side of a flow: a partner pairs with
    no other partner ("Exports to Brazil jumped 9%, and those to Chile 4%")."""
    mention = ctx.first_mention.get(code)
    return mention is not None and is_flow_partner(ctx.text, mention)


def _side_as_subject(ctx: SentenceContext, mention: Mention, span: Span, partner: bool) -> str:
    """ "sender" or "receiver" when the country is the subject of a verb of one way right before
    the figure ("the United States took 12,000 tonnes"); not of a flow it owns ("Japan's
    imports"), nor a partner or a total."""
    if partner or POSSESSIVE.match(ctx.text, mention.end) or span.start - mention.end > SUBJECT_REACH:
        return ""
    gap = ctx.text[mention.end : span.start]
    if "," in gap or ";" in gap:
        return ""  # "toward the UAE, where imports jumped 65%": not the subject of the verb
    flow = flow_of(gap)
    return role(flow, False) if flow else ""


_SHARE_OF_BEFORE = re.compile(r"(?i)\bshare\s+of\s+(?:the\s+)?$")
