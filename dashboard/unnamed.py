"""Whose a figure is when its part of the sentence names no country.

"Imports fell 2%": the statement's it continues, the reporting country's own total, the pair a
report is on, or no one's ("global trade volumes"). ``parties`` asks when the figure's clause,
its part and the sentence before it name no one; the rules go from what the sentence says of
the figure (a total, a line of a list) to what the document says (its lead, its main countries).
"""

from __future__ import annotations

import re

from dashboard.conjuncts import Conjuncts
from dashboard.context import Clause
from dashboard.countries import currency_country, names_outside
from dashboard.figures import Span
from dashboard.follows import Follows
from dashboard.report import Report
from dashboard.sentences import LIST_ITEM
from dashboard.totals import is_total, speaks_of_world_trade, total_flow

# "The country expects to import 13 million tonnes": the one country, as a sentence's subject
_THE_COUNTRY_OPENS = re.compile(r"(?i)[\s\"“‘']*the\s+(?:country|nation)\s")


def unnamed_parties(
    conjuncts: Conjuncts,
    span: Span,
    report: Report,
    follows: Follows,
    sibling: str,
    part: Clause,
    reason: re.Match[str] | None,
) -> set[str]:
    """The countries of ``span``, whose ``part`` names none; ``sibling`` holds those of the
    figure before in its sentence, ``reason`` where a reason after it opens."""
    ctx = conjuncts.ctx
    text = ctx.text
    focus, reporter, paired = report.focus, report.reporter, report.paired
    previous, previous_subject, continues = follows.previous, follows.previous_subject, follows.continues
    if not ctx.mentions and speaks_of_world_trade(text):
        return set()  # "The IMF expects global trade volumes to grow 3.1%": no country's
    if reporter and ctx.leaves_out and names_outside(text[: part.end]):
        # "Imports from countries other than the United States fell 5.3%": the reporting
        # country's, with everyone but the one left out; "Trade with countries outside the EU,
        # led by the United States, grew 2.4%" too, its part opening after the subject
        return {reporter}
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
        and total_flow(text, ctx.clause(span.start), span)
        and reporter in follows.totals()  # a report that gave the country's own totals before
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
    if previous and (continues or not (ctx.bilateral or follows.breakdown())):
        return set(previous)
    if ctx.bilateral:  # "The bilateral deficit": both sides, a partner as much as the other
        return set(focus[:2])
    if report.lead:
        return set(report.lead)
    # "Chile-China trade in September:" over "• Copper exports: $1.9 billion": the pair's
    both = paired or (report.joined and len(focus) >= 2)
    mains = {
        code
        for code in (focus[:2] if both else (reporter,) if reporter else focus[:1])
        if not report.partner_only(code)
    }
    # "- Total exports: USD 528.0bn" in a release most of whose lines name Russia as the
    # partner: the reporting country's
    if mains or reporter:
        return mains or {reporter}
    # "expects defence exports to touch ₹50,000 crore" in a text naming no country: the
    # country whose currency it is
    issuer = currency_country(span.unit) if span.kind == "money" else ""
    return {issuer} if issuer else set()
