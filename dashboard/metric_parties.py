"""Whose a figure is, as its metric reads it: a national figure is one country's ("reserves",
"GDP"), a deficit or surplus is with someone, a tariff belongs to the country imposing it and
the one it targets, a country's own capacity or revenue is its alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from dashboard.context import POSSESSIVE, Clause, SentenceContext
from dashboard.countries import join_codes
from dashboard.reasons import named_only_in_purpose
from dashboard.regions import opens_with_a_region
from dashboard.report import Report
from dashboard.roles import is_flow_partner, is_partner, named_for_policy

# The country's own: "its liquefaction capacity", "It plans to add 1.2 GW"
_OWN_CAPACITY = re.compile(r"(?i)^it\b|\bits\s+(?:[\w-]+\s+){0,2}?capacity\b")
_ITS = re.compile(r"(?i)\bits\b")
_LINKING_CAPACITY = re.compile(
    r"(?i)\b(?:export|import|pipeline|transit|transmission|interconnection|cross-border)\s+capacity\b"
)
# A national flow named with where it comes from or goes to: "remittances from Saudi Arabia",
# "remittances sent home by Mexicans working in the United States"
_FROM_A_COUNTRY = re.compile(
    r"(?i)\b(?:(?:remittances|transfers|inflows)\s+(?:from|to)|(?:working|living|employed|based)\s+in)\s+(?:the\s+)?"
)
# A country named as the source of a part of a flow: "with Russia accounting for $11.3 billion"
_SOURCE_AFTER = re.compile(
    r"(?i)\s+(?:accounting\s+for|accounted\s+for|making\s+up|made\s+up|contributing|sending)\b"
)


def _up_to(ctx: SentenceContext, at: int) -> Clause:
    """The clause holding ``at``, stretched back to where its part of the sentence opens."""
    clause = ctx.clause(at)
    return Clause(ctx.part(clause).start, clause.end)


def _names_the_far_side(ctx: SentenceContext, clause: Clause, metric: str) -> bool:
    """Whether ``clause`` names where a national flow comes from or goes to ("remittances from
    Saudi Arabia", "working in the United States"), or, for remittances, a country sending a part
    of them ("with Russia accounting for $11.3 billion")."""
    if (
        named := _FROM_A_COUNTRY.search(ctx.text, clause.start, clause.end)
    ) and named.end() in ctx.mention_starts:
        return True
    if metric != "remittances":
        return False
    lo = bisect_left(ctx.mention_starts, clause.start)
    hi = bisect_left(ctx.mention_starts, clause.end)
    return any(_SOURCE_AFTER.match(ctx.text, m.end) for m in ctx.mentions[lo:hi])


# A duty on everyone: "10% to 20% on all imports", "a 10% universal tariff"
_ON_ALL = re.compile(
    r"(?i)[\d.,]*\s*(?:%|per\s*cent|percent)?(?:\s+(?:to|and)\s+[\d.,]+\s*(?:%|per\s*cent|percent))?"
    r"(?:\s+(?:universal|across-the-board|blanket|baseline)\b"
    r"|(?:\s+(?:import\s+)?(?:tariffs?|duty|duties|levy|levies))?\s+on\s+(?:all|every)\s+(?:[\w-]+\s+){0,3}?(?:imports|goods|countries)"
    # "a 25% tariff on imported cars": on such goods from everywhere
    r"|(?:\s+(?:import\s+)?(?:tariffs?|duty|duties|levy|levies))?\s+on\s+(?:all\s+)?imported\b)"
)
# "U.S. tariffs on all steel and aluminum imports doubled to 50%": on everyone, named before
_ON_ALL_BEFORE = re.compile(
    r"(?i)\b(?:tariffs?|duty|duties|levy|levies)\s+on\s+(?:all|every)\s+(?:[\w-]+\s+){0,4}?(?:imports|goods)\b"
    r"[^.;%]{0,40}$"
)
# "the EU's standard 10% car import duty": the rate every partner pays
_STANDARD_BEFORE = re.compile(
    r"(?i)\b(?:standard|general|normal|mfn|most[\s-]favou?red[\s-]nation|across-the-board)\s+$"
)
# Takings from goods, not from the sales just told of: "earnings from palm products"
_FROM_GOODS = re.compile(
    r"(?i)\b(?:earnings|revenues?|receipts|income)\s+from\s+(?!(?:the|these|those|such)\s+(?:sales?|shipments|exports)\b"
    r"|them\b|it\b|this\b|that\b)"
)
# A duty a country levies on its own goods going out: "the export duty", "the duty on rice exports"
_EXPORT_DUTY = re.compile(
    r"(?i)\b(?:export\s+(?:dut(?:y|ies)|tax(?:es)?|tariffs?|levy|levies)"
    r"|(?:dut(?:y|ies)|tax(?:es)?|tariffs?|levy|levies)\s+on\s+(?:[\w-]+\s+){0,3}?exports)\b"
)
# A country's takings: its own when its sentence names it alone
_OWN_WHEN_ALONE = frozenset({"revenue", "export revenue", "export earnings", "tariff revenue"})
# What one economy has or does on its own: no partner, whatever the report pairs it with; so is
# its output ("as its own output fell to 49.4 bcm").
_NATIONAL_METRICS = frozenset(
    {
        "remittances",
        "reserves",
        "gdp",
        "current account",
        "current account deficit",
        "current account surplus",
        "inflation",
        "policy rate",
        "interest rate",
        "unemployment",
    }
)


# "off China's", "of Japan's": what the figure is taken off or is of belongs to the one named
_OFF_OR_OF = re.compile(r"(?i)\bof{1,2}\s+$")


def _owner_after(ctx: SentenceContext, at: int) -> str:
    """The country owning what the figure at ``at`` is taken off or is of ("knock 1.5 points off
    China's growth"): the first named after it in its clause, as a possessive."""
    clause = ctx.clause(at)
    i = bisect_right(ctx.mention_starts, at)
    if i == len(ctx.mentions) or (mention := ctx.mentions[i]).start >= clause.end:
        return ""
    if POSSESSIVE.match(ctx.text, mention.end) and _OFF_OR_OF.search(
        ctx.text, max(at, mention.start - 6), mention.start
    ):
        return mention.iso3
    return ""


def _on_everyone(ctx: SentenceContext, at: int) -> bool:
    """Whether the duty at ``at`` is levied on all goods of their kind, from everyone: "10% on all
    imports", "U.S. tariffs on all steel and aluminum imports doubled to 50%"; not "on all
    Chinese goods", which names whose."""
    found = _ON_ALL.match(ctx.text, at) or _ON_ALL_BEFORE.search(ctx.text, max(0, at - 80), at)
    if found is None:
        return False
    lo, hi = found.span()
    return bisect_left(ctx.mention_starts, lo) == bisect_left(ctx.mention_starts, hi)


def by_metric(
    metric: str,
    countries: str,
    ctx: SentenceContext,
    report: Report,
    previous: set[str],
    continues: bool,
    at: int | None = None,
    roles: Callable[[], dict[str, str]] = dict,
) -> str:
    """A figure's countries (``countries``, ";"-joined) as its metric reads them.

    A national figure keeps the one country its sentence names, else the reporting country:
    "Remittances from overseas Filipinos reached ₱1.7 trillion" is the Philippines' alone in a
    report on its trade with China. A deficit or surplus is with someone: "Vietnam runs a
    deficit of $50 billion with its northern neighbour" after a statement on Vietnam and China
    is with China. A tariff belongs to the country imposing it and the one it targets: a rate
    on "Chinese EVs" in a report on U.S. duties is CHN;USA, but one "on all imports" is the
    imposing country's alone, the one that buys in the statement before (``roles()``) when the
    sentence names none. ``at`` is where the figure starts.
    """
    if (
        metric in _NATIONAL_METRICS
        or metric == "output"
        or (metric.endswith(" output") and "share" not in metric)
    ):
        # the clause of the figure, from where its part opens: "Remittances from Russia, worth
        # $10.3 billion, ..." names the far side before the aside holding the figure
        if at is not None and ";" in countries and _names_the_far_side(ctx, _up_to(ctx, at), metric):
            # "received $2.25 billion in remittances from Saudi Arabia", "Remittances from Saudi
            # Arabia to Pakistan rose 4%", "Transfers from Kazakhstan doubled" after Uzbekistan's
            # remittances, "with Russia accounting for $11.3 billion" of them: from it
            return countries
        if len(ctx.in_sentence) == 1:
            return next(iter(ctx.in_sentence))
        if at is not None and (owner := _owner_after(ctx, at)):
            # "cut China's exports to the United States ... and knock 1.5 points off China's
            # economic growth": the economy it is taken off
            return owner
        if at is not None and len(own := ctx.clause_countries(Clause(ctx.clause(at).start, at))) == 1:
            # the one country of the figure's clause up to it: "..., and the central bank in
            # Beijing added 1.6 million ounces to its reserves"
            return next(iter(own))
        reporter = report.reporter
        return reporter if reporter and reporter in countries.split(";") else countries
    if (
        metric == "capacity"
        and len(ctx.in_sentence) <= 1
        and _OWN_CAPACITY.search(ctx.text)
        and not _LINKING_CAPACITY.search(ctx.text)
    ):
        # "The Gulf state plans to raise its liquefaction capacity to 142 mtpa": its own, not
        # with the buyer of the statement before; but export or pipeline capacity links two
        if ctx.in_sentence:
            return next(iter(ctx.in_sentence))
        reporter = report.reporter
        return reporter if reporter and reporter in countries.split(";") else countries
    if (
        metric == "capacity"
        and at is not None
        and not ctx.clause_countries(clause := ctx.clause(at))
        and _ITS.search(ctx.text, clause.start, at)
        and not _LINKING_CAPACITY.search(ctx.text)
        and (subject := next((m.iso3 for m in ctx.mentions if not is_flow_partner(ctx.text, m)), ""))
    ):
        # "Qatar signed a deal to supply 4 mtpa to China, and its expansion will lift capacity to
        # 142 mtpa": the sentence's subject's own, in a clause naming no country
        return subject
    if (
        metric in _OWN_WHEN_ALONE
        and not ctx.in_sentence
        and report.reporter in countries.split(";")
        and _FROM_GOODS.search(ctx.text)
    ):
        # "Export earnings from palm products rose to RM8.6 billion" after a figure on shipments
        # to India: the country's takings from the goods, from everyone
        return report.reporter
    if (
        metric == "tariff revenue"
        and at is not None
        and report.reporter in countries.split(";")
        and _EXPORT_DUTY.search(ctx.text, (clause := ctx.clause(at)).start, clause.end)
    ):
        # "the government collected Rp 15 trillion in export levies": the exporting country's own
        return report.reporter
    if metric in _OWN_WHEN_ALONE and len(ctx.in_sentence) == 1:
        # "Iran's oil revenue reached an estimated $35 billion": its own, whoever bought the oil
        return next(iter(ctx.in_sentence))
    if metric in ("trade deficit", "trade surplus"):
        if (
            (continues or "with" in ctx.text)
            and countries in previous
            and len(previous) == 2
            and not opens_with_a_region(ctx.text, 0)  # "Africa's deficit with China": a bloc's
        ):
            return join_codes(previous)
        return countries
    if (
        metric == "tariff"
        and at is not None
        and (_STANDARD_BEFORE.search(ctx.text, max(0, at - 30), at) or _on_everyone(ctx, at))
    ):
        # "tariffs of 10% to 20% on all imports", "the EU's standard 10% car import duty": the
        # imposing country's, on everyone
        if len(ctx.in_sentence) == 1:
            return next(iter(ctx.in_sentence))
        buyers = [code for code, side in roles().items() if side == "receiver"]
        if len(buyers) == 1 and buyers[0] in countries.split(";"):
            return buyers[0]
        imposers = {m.iso3 for m in ctx.mentions if named_for_policy(ctx.text, m)}
        if len(imposers) == 1 and (imposer := next(iter(imposers))) in countries.split(";"):
            return imposer  # "face extra EU duties of up to 35.3%, on top of the standard 10%"
        if (
            ctx.mentions
            and ctx.mentions[0].iso3 in countries.split(";")
            and not is_partner(ctx.text, ctx.mentions[0])
        ):
            # "The European Union imposed duties on EVs made in China, on top of the standard 10%
            # car import duty": the subject imposing it
            return ctx.mentions[0].iso3
    if (
        metric == "tariff"
        and ";" not in countries
        and countries in report.focus[:2]
        and len(report.focus) >= 2
        # not "the duty on parboiled rice exports": a country's duty on its own exports
        and not (at is not None and _EXPORT_DUTY.search(ctx.text, max(0, at - 80), at))
        # not "..., to shield EU producers from a glut of Chinese steel": whom it is for
        and not any(named_only_in_purpose(ctx, code) for code in report.focus[:2] if code != countries)
    ):
        return join_codes(set(report.focus[:2]))
    return countries
