"""What a figure measures: the flow or stock the text names next to it.

A metric is a head word from ``lexicon/metrics.csv`` ("exports", "imported",
"deficit"), sharpened by a commodity when one qualifies it ("gas exports",
"imports of Iranian crude", "exported 23.9 bcm of gas"), and made a share when
a percentage is "of" it ("58 per cent of the UK's gas imports").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from dashboard import lexicon
from dashboard.qualifiers import takes_off

# Heads that take a commodity into the metric ("gas exports", "crude imports").
_QUALIFIED = frozenset(
    {
        "exports",
        "imports",
        "supplies",
        "shipments",
        "investment",
        "traffic",
        "flows",
        "price",
        "domestic exports",
        "output",
        "harvest",
        "arrivals",
        "needs",
        "consumption",
        "stocks",
        "inventories",
        "stockpiles",
        "export earnings",
    }
)
# A unit that names its commodity: bcm of what else but gas, TEU of containers.
_UNIT_COMMODITY = {
    "cubic_meter": "gas",
    "cubic_meter / year": "gas",
    "barrel / day": "oil",
    "barrel": "oil",
    "twenty_foot_equivalent_unit": "container",
}
# The commodity words a metric may carry for a figure in each of those units.
_SAME_COMMODITY = {
    "gas": frozenset({"gas", "lng", "pipeline", "energy"}),
    "oil": frozenset({"oil", "crude", "energy"}),
    "container": frozenset({"container"}),
}
_SHARE_KINDS = frozenset({"percent", "percentage_point"})


class MetricMention(NamedTuple):  # a tuple: sentences make many, and tuples are cheap
    start: int
    end: int
    metric: str  # "" for phrases that look like metrics but are not ("trading partner")
    head: str = ""
    commodity: str = ""
    share: bool = False


@dataclass(frozen=True)
class _Patterns:
    head: re.Pattern[str]
    commodity_after: re.Pattern[str]
    commodity_next: re.Pattern[str]
    own_after: re.Pattern[str]
    object_after: re.Pattern[str]
    share_after: re.Pattern[str]
    gapped: re.Pattern[str]
    share_of_commodity: re.Pattern[str]
    subject: re.Pattern[str]
    other_before: re.Pattern[str]
    other_after: re.Pattern[str]
    heads: dict[str, str]


@cache
def _patterns() -> _Patterns:
    heads = {lexicon.fold(r["phrase"]): r["metric"] for r in lexicon.rows("metrics.csv")}
    commodities = lexicon.alternation(lexicon.column("commodities.csv", "word"))
    head = lexicon.alternation(list(heads))
    # "share of South African exports", "share of imports"
    # "share of U.S. imports", "share of national currencies in mutual settlements"
    share = r"(?P<share>share\s+(?:of\s+(?:[\w’'.-]+\s+){0,3}?)?(?:in\s+(?:[\w’'.-]+\s+){0,2}?)?)?"
    # the first letters any mention can open with: most words are skipped at once
    first = "".join(
        sorted({w[0].lower() for w in [*heads, *lexicon.column("commodities.csv", "word"), "share"]})
    )
    return _Patterns(
        # Run over lower-cased text, several times faster than ignoring case.
        head=re.compile(
            rf"\b(?=[{re.escape(first)}]){share}(?:(?P<mod>{commodities})\s+)?(?P<head>{head})\b"
        ),
        commodity_after=re.compile(
            rf"(?i)\s+(?:[\w.,$€£¥-]+\s+){{0,4}}?of\s+(?:[A-Z][\w.-]*\s+)??(?P<mod>{commodities})\b"
        ),
        commodity_next=re.compile(rf"(?i)\s+(?:[A-Z][\w.-]*\s+)??(?P<mod>{commodities})\b"),
        # not "rose 5% and imports 3%": the next figure's; not "duties of 38% on imports": what
        # the figure is levied on
        # "a 25 percent U.S. tariff": a country's initials among the words before the noun
        own_after=re.compile(
            rf"(?i)\s+(?:of\s+)?(?:(?!(?:and|or|but|while|on|for|against|than|as|when|after|because|since|amid|despite|if|unless|once|until|before|under|with|at|via|through|per|by|above|below|over|versus|vs"
            # "to 30% from 145% could lift U.S. imports": a verb ends the figure's own words
            rf"|could|would|will|may|might|can|should|must|is|are|was|were|has|have|had)\b)"
            rf"(?:[\w-]+|[a-z]\.(?:[a-z]\.)+)\s+){{0,3}}?(?P<head>{head})\b(?![-‐]free)"
        ),
        # "will halve India's 150% tariff": what a multiple verb changes, named as its object
        object_after=re.compile(
            rf"(?i)\s+(?:(?:the|its|their|[\w.-]+['’]s?|\d[\d.,]*%?)\s+){{1,3}}(?P<head>{head})\b"
        ),
        # "a 36% share of the 4.6 million bpd the country imported"
        share_after=re.compile(
            # not "83% of the level before Beijing imposed tariffs": a ratio to a level, not a share
            rf"(?i)\s+(?:share\s+)?of\s+(?:(?!levels?\b)(?:the|its|their|all|total|[\w.-]+(?:['’]s?)?)\s+){{0,6}}?"
            rf"(?:(?P<mod>{commodities})\s+)?(?P<head>{head})\b"
        ),
        # "a quarter of its seafood now goes to the EU": a share of a commodity
        share_of_commodity=re.compile(
            rf"(?i)\s+of\s+(?:(?:the|its|their|all|[\w.-]+['’]s?)\s+){{0,3}}?(?P<mod>{commodities})\b"
        ),
        # "Corn shipments totalled 29.6 million tonnes and wheat 18.3 million tonnes"
        gapped=re.compile(rf"(?i)(?:\band|,)\s+(?P<mod>{commodities})\s+$"),
        subject=re.compile(rf"""(?i)[\s"'“‘(]*(?P<mod>{commodities})\s+(?!(?:{head})\b)[a-z]+"""),
        # "oil and gas exports", "imports of electronics and steel": of more goods than one
        other_before=re.compile(rf"\b(?:{commodities})(?:\s*,|\s+and|\s+&|\s+or)\s+$"),
        other_after=re.compile(rf"(?i)(?:\s*,|\s+and|\s+&|\s+or)\s+(?:[a-z-]+\s+)?(?:{commodities})\b"),
        heads=heads,
    )


# "World Trade Organization", "Trade Minister Don Farrell", "a free trade agreement": trade in a
# name, over lower-cased text
_TRADE_NAMES_ONE = re.compile(
    r"\s+(?:organi[sz]ation|minister|ministry|representative|commissioner|secretary|office|council|board"
    r"|commission|center|centre|department|agency)\b"
)


def find_metrics(text: str, places: Collection[int] = ()) -> list[MetricMention]:
    """Every metric the text names, in order; ``places`` are where it names countries."""
    p = _patterns()
    found = []
    lower = lexicon.lower(text)
    of_a_share = False
    for m in p.head.finditer(lower):
        head = m.group("head")
        metric = (
            "sales" if head == "sold" and _sold_in(lower, m.end(), places) else p.heads[lexicon.fold(head)]
        )
        if metric == "exchange rate" and (m.group("share") or _CURRENCY_SHARE.match(lower, m.end())):
            # "the share of the yuan in export settlements", "the dollar and euro's combined
            # share": a currency's share of what follows, not its rate
            of_a_share = True
            continue
        if metric == "exchange rate" and _CURRENCY_MODIFIES.match(lower, m.end()):
            continue
        if head == "shipping" and _SHIPPING_MODIFIES.match(lower, m.end()):
            continue  # "cut shipping times by 40%": the industry, not goods shipped
        if metric == "tariff" and lower.startswith(("-free", " free"), m.end()):
            continue  # "imports 770,000 tonnes a year tariff-free": no tariff on them
        if metric == "trade" and (
            lower.endswith(("free ", "fair ", "free-", "fair-"), 0, m.start())
            or _TRADE_NAMES_ONE.match(lower, m.end())
        ):
            continue  # "the World Trade Organization", "Trade Minister", "a free trade deal": no flow
        commodity = (m.group("mod") or "").lower()
        if commodity and p.other_before.search(lower, max(0, m.start("mod") - 40), m.start("mod")):
            commodity = ""  # the flow of several goods: "oil and gas exports" are exports
        after = (
            # "the biggest buyer of Russian oil": the goods right after
            (p.commodity_next if head.endswith("of") else p.commodity_after).match(text, m.end())
            if metric in _QUALIFIED and not m.group("mod")
            else None
        )
        if after and after.end() - m.end() < 60:
            commodity = "" if p.other_after.match(text, after.end()) else after.group("mod").lower()
        found.append(
            MetricMention(
                m.start(), m.end(), metric, metric, commodity, share=bool(m.group("share")) or of_a_share
            )
        )
        of_a_share = False
    return found


@cache
def _commodity_words() -> frozenset[str]:
    return frozenset(
        w for phrase in lexicon.column("commodities.csv", "word") for w in phrase.lower().split()
    )


@cache
def _commodities() -> frozenset[str]:
    return frozenset(phrase.lower() for phrase in lexicon.column("commodities.csv", "word"))


def subject_commodity(text: str) -> str:
    """The commodity a sentence opens with as its subject ("Soybeans made up US$24.2 billion of
    the total"), in the singular; "" for none."""
    m = _patterns().subject.match(text)
    if m is None:
        return ""
    return _singular(m.group("mod").lower())


def goods_after(text: str, end: int) -> str:
    """The goods a figure ending at ``end`` names as its own ("15 bcm of U.S. LNG"), as the word
    list writes them; "" for none."""
    if not _OWN_GOODS.match(text, end) or (after := _patterns().commodity_after.match(text, end)) is None:
        return ""
    return _as_listed(after.group("mod").lower()) if after.end() - end < 40 else ""


def _singular(commodity: str) -> str:
    """ "soybeans" -> "soybean", where the word list has the singular."""
    return commodity[:-1] if commodity.endswith("s") and commodity[:-1] in _commodities() else commodity


def _as_listed(commodity: str) -> str:
    """A commodity as the word list writes it: "rare-earth magnets" -> "rare earth magnet", so
    that one kind of goods has one metric however the text hyphenates it."""
    written = " ".join(commodity.split())
    spaced = " ".join(written.replace("-", " ").split())
    return next((_singular(form) for form in (written, spaced) if _singular(form) in _commodities()), written)


def names_other_commodity(metric: str, unit: str) -> bool:
    """Whether ``metric`` names a commodity a figure in ``unit`` cannot measure:
    "soybean exports" for a figure in bcm, which can only be gas."""
    implied = _UNIT_COMMODITY.get(unit)
    named = set(metric.split()) & _commodity_words()
    if not implied or not named:
        return False
    return named.isdisjoint(_SAME_COMMODITY[implied])


def flows_named(text: str, mention: MetricMention) -> list[str]:
    """The flows a "trade" mention joins, each as a metric: "Exports and imports of oil" ->
    ["oil exports", "oil imports"]; [] for a mention of one."""
    words = text[mention.start : mention.end].lower()
    if mention.metric != "trade" or " and " not in words:
        return []
    after = _patterns().commodity_after.match(text, mention.end)
    commodity = after.group("mod").lower() if after and after.end() - mention.end < 40 else ""
    return [_name(word, commodity, mention.share) for word in words.split(" and ")]


def lead_metric(sentence: str) -> str:
    """The flow a report's lead names first ("Vietnam's exports to the United States fell"), a
    share of none; "" for none."""
    first = next((m for m in find_metrics(sentence) if not m.share), None)
    return name_of(first) if first is not None else ""


def name_of(mention: MetricMention) -> str:
    """The metric a mention names: "gas exports", "share of imports"."""
    return _name(mention.head, mention.commodity, mention.share)


def _name(head: str, commodity: str, share: bool) -> str:
    if not head:
        return ""
    commodity = _as_listed(commodity)  # "purchases of soybeans": soybean imports
    name = f"{commodity} {head}" if commodity and head in _QUALIFIED else head
    return f"share of {name}" if share else name


_CURRENCY_SHARE = re.compile(
    r"(?:['’]s)?\s+(?:(?:and|&)\s+(?:the\s+)?[\w]+(?:['’]s)?\s+)?(?:combined\s+|joint\s+)?share\b"
)
# "the rupee settlement system", "the yuan payment network": a currency naming what is paid in
# it, not its rate
_CURRENCY_MODIFIES = re.compile(
    r"[\s-]+(?:settlements?|payments?|trade|invoicing|mechanism|system|accounts?|bonds?|deposits?|loans?"
    r"|clearing|swaps?|transactions?|denominated|route|channel|network)\b"
)
# "shipping" as the industry rather than goods being shipped: "shipping costs", "shipping lanes"
_SHIPPING_MODIFIES = re.compile(
    r"\s+(?:times?|costs?|rates?|routes?|lanes?|compan(?:y|ies)|firms?|lines?|industry|giants?|groups?"
    r"|sector|insurance|delays?|fees|charges|disruptions?)\b"
)
_WHAT_BEFORE = re.compile(r"(?i)\bwhat\s+(?:[\w.’']+\s+){0,3}$")
_OWN_GOODS = re.compile(r"(?i)\s+(?:worth\s+)?of\s")
_SOLD_IN = re.compile(r"(?i)\s+in\s+(?:the\s+)?")


def _sold_in(text: str, end: int, places: Collection[int]) -> bool:
    """Whether "sold", ending at ``end``, is followed by a country it was sold in ("22% of the
    cars sold in the EU"): a share of a market, not of exports."""
    return bool(places) and (sold_in := _SOLD_IN.match(text, end)) is not None and sold_in.end() in places


# A verb's pronoun object changed by a figure: "cut them by", not "imports from it by".
_PRONOUN_BY = re.compile(
    r"(?i)\b(?!(?:from|to|with|of|for|on|in|into|by|than|at)\b)[a-z]+\s+(?:it|them)\s+by\b"
)
_THE_SHARE = re.compile(r"(?i)\b(?:the|its|their)\s+share\b(?!\s+of\b)")
_RANK_ASIDE = re.compile(
    r",\s+(?:its|their|the\s+[\w-]+['’]s?|[A-Z][\w.-]*['’]s?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:largest|biggest|main|top|leading|major|key|chief|second|third|fourth|fifth|no\.\s*\d)\b[^,;]{0,50},"
)


_LEVIED_ON = re.compile(r"(?i)\s+on\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?")
_RELATIVE_ASIDE = re.compile(
    r",\s+(?:(?:which|who|whose|where|including|excluding)\b"
    # "EU exports, boosted earlier by stockpiling ahead of tariffs, dropped": a participle's aside
    r"|(?:[a-z]+ed|hit|driven|led|shaken)\s+(?:[a-z]+\s+)?by\b"
    # "Shipments of smartphones, largely exempt from U.S. duties, jumped": what the goods are
    # spared is no flow of theirs
    r"|(?:[a-z]+ly\s+)?(?:exempt|spared|free|immune|shielded)\s+(?:from|of)\b)[^,;]{0,120},"
)
_SPARED = ("exempt", "spared", "free ", "immune", "shielded")


class MetricIndex:
    """A sentence's metric mentions, found by position in logarithmic time."""

    def __init__(self, text: str, places: Collection[int] = ()) -> None:
        self.text = text
        self.places = places
        self.named = [m for m in find_metrics(text, places) if m.metric]
        if self.named and "," in text:
            # "those to China, its largest source of imports, grew 5.2%": what a partner is
            # to the country, set off by commas, is not what the figure measures
            asides = [m.span() for m in _RANK_ASIDE.finditer(text)]
            if asides:
                self.named = [m for m in self.named if not any(a <= m.start < b for a, b in asides)]
        if self.named and " on " in text:
            # "tariffs on imports from China of up to 35%": the goods a tariff falls on, not
            # what a figure after them measures
            self.named = [
                m
                for i, m in enumerate(self.named)
                if not (
                    i
                    and self.named[i - 1].metric == "tariff"
                    and _LEVIED_ON.fullmatch(text, self.named[i - 1].end, m.start)
                )
            ]
        if self.named and "what " in text:
            # "the gap between what Britain sells and what it buys": the gap is measured, not
            # the flows that stand for its two sides
            self.named = [
                m for m in self.named if not _WHAT_BEFORE.search(text, max(0, m.start - 40), m.start)
            ]
        self._ends = [m.end for m in self.named]
        self._starts = [m.start for m in self.named]
        # "Cognac, which faces duties of up to 39%, accounted for €1.1 billion", "non-oil exports,
        # including re-exports, rose 9.8%", "Exports to China, where oranges gained duty-free
        # access, doubled": an aside's metric is its own figures', not the sentence's
        self._relatives = (
            [m.span() for m in _RELATIVE_ASIDE.finditer(text)]
            if self.named
            and (
                ", which" in text
                or ", who" in text
                or ", where" in text
                or ", includ" in text
                or ", exclud" in text
                or " by " in text
                or any(word in text for word in _SPARED)
            )
            else []
        )

    def before(self, pos: int) -> MetricMention | None:
        i = bisect_right(self._ends, pos)
        while i and self._relatives and self._aside(self.named[i - 1].start, pos):
            i -= 1
        return self.named[i - 1] if i else None

    def _aside(self, at: int, pos: int) -> bool:
        """Whether ``at`` is in a relative clause that ``pos`` is not in."""
        return any(a <= at < b and not a <= pos < b for a, b in self._relatives)

    def after(self, pos: int) -> MetricMention | None:
        i = bisect_left(self._starts, pos)
        return self.named[i] if i < len(self.named) else None


# "a year earlier, when the duties were still in place": a clause of its own after
_PART_BREAK = re.compile(r"(?i);|,?\s(?:while|whereas|but)\s|,\s+when\s")
_SAID_BETWEEN = re.compile(r"(?i),\s+(?:\w+\s+){0,3}?(?:said|says|told|added|adding|noted)\b")
_SHARE_OF_A_MARKET = re.compile(r"(?i)\bshare\s+of\s+(?:[\w.'’-]+\s+){0,4}?market\b(?=[^.;]*$)")
_OF_THE_MARKET = re.compile(
    r"(?i)\s+(?:share\s+)?of\s+(?:(?:the|its|their|[\w.-]+['’]s?)\s+){1,2}(?:[\w-]+\s+){0,2}?market\b"
)


def metric_for(index: MetricIndex, start: int, end: int, kind: str, unit: str) -> str:
    """The metric of the figure at ``text[start:end]``; "" when the text names none.

    A percentage "of" a flow is a share of it; otherwise the metric named nearest
    before the figure, else nearest after it.
    """
    p = _patterns()
    text = index.text
    if kind in _SHARE_KINDS and (share := p.share_after.match(text, end)):
        word = share.group("head")
        head = (
            "sales"
            if word.lower() == "sold" and _sold_in(text, share.end(), index.places)
            else p.heads[lexicon.fold(word)]
        )
        if head:
            return _name(head, (share.group("mod") or "").lower(), True)
    if kind in _SHARE_KINDS and _OF_THE_MARKET.match(text, end):
        # "from 0.5% of the market in 2020 to about 8%", "an 8.3% share of the EU's car market"
        return "market share"
    chosen = index.before(start) or index.after(end)
    if (
        kind in _SHARE_KINDS
        and "market" in text
        and (market := _SHARE_OF_A_MARKET.search(text, max(0, start - 90), start))
        # not "despite the bloc's duties" after it
        and (chosen is None or chosen.start < market.start() or chosen.start >= end)
    ):
        return "market share"  # "Chinese brands' share of the EU's electric car market rose to 8%"
    if chosen is not None and chosen.start >= end and _PART_BREAK.search(text, end, chosen.start):
        # "They dropped 8.5%, while the country's imports rose": the next part's flow
        chosen = None
    if chosen is not None and chosen.start >= end and _SAID_BETWEEN.search(text, end, chosen.start):
        # "they reached $7.6 billion, he said, adding that grain shipments had tripled": the
        # next statement's flow, not this figure's
        chosen = None
    if (
        chosen is not None
        and chosen.end <= start
        and text.find(" by", chosen.end, start) >= 0  # most gaps have none: spare the scan
        and _PRONOUN_BY.search(text, chosen.end, start)
    ):
        # "The duties could cut them by 42%": it measures what "them" stands for, not the duties
        return ""
    if kind in _SHARE_KINDS and (of := p.share_of_commodity.match(text, end)):
        # not the verb's flow: "China buys about half of Chile's copper" is no share of imports
        return f"share of {_singular(of.group('mod').lower())}"
    if kind in _SHARE_KINDS and chosen is not None and _THE_SHARE.search(text, chosen.end, start):
        # "the share going to non-EU markets rose to 51.2%"
        return name if (name := name_of(chosen)).startswith("share of ") else f"share of {name}"
    if (
        names_own_metric(text, end)
        or takes_off(text, 0, start, end)
        or (kind == "multiple" and p.object_after.match(text, end))
    ):
        # "10,400 megawatts of generating capacity", "a 25% levy": the figure names its own;
        # "knock 1.5 percentage points off China's economic growth": what it is taken off
        chosen = index.after(end)
    if chosen is None:
        return ""
    commodity = chosen.commodity or (_UNIT_COMMODITY.get(unit, "") if chosen.head in _QUALIFIED else "")
    if (
        chosen.head in _QUALIFIED
        and chosen.end <= start
        # most figures have no "and" or comma just before them: a substring test spares the scan
        and (
            text.find(" and ", max(0, start - 30), start) >= 0
            or text.find(",", max(0, start - 30), start) >= 0
        )
        and (gap := p.gapped.search(text, max(0, start - 30), start))
    ):
        commodity = gap.group("mod").lower()  # the second of two commodities sharing one verb
    after_figure = p.commodity_after.match(text, end) if chosen.head in _QUALIFIED else None
    if after_figure and after_figure.end() - end < 40 and (not commodity or _OWN_GOODS.match(text, end)):
        # "imported 28.5 Mt of soybeans ..., and 6.2 mmt of sorghum": the goods a figure names
        # are its own, not those of the verb's first object
        commodity = after_figure.group("mod").lower()
    return _name(chosen.head, commodity, chosen.share)


@cache
def _per_unit() -> re.Pattern[str]:
    units = {
        r["phrase"] for r in lexicon.rows("quantity_units.csv") if r["factor"] == "1" and "/" not in r["unit"]
    }
    units |= {unit.removesuffix("s") for unit in units}  # "a barrel", "per tonne"
    units |= set(lexicon.column("price_units.csv", "word"))  # "per pound", "per mmBtu": prices only
    # not "2.9 trillion roubles at end-June": "a" and "t" run together are no "a tonne"
    return re.compile(rf"(?i)\s*(?:(?:a|an|per)\s+|/\s*)(?:{lexicon.alternation(sorted(units))})(?![\w-])")


# What is paid per unit by its own name: not "$60 a barrel" as a price, but as a cap or a discount.
_PER_UNIT_METRICS = ("price", "cap", "discount", "premium", "tariff", "dut", "levy", "tax", "fee", "cost")


_BENCHMARK = re.compile(
    r"(?i)\b(?:brent|wti|urals|benchmark|futures|spot|freight|shipping\s+costs?|cost\s+of\s+shipping)\b"
)


def names_a_benchmark(text: str) -> bool:
    """Whether a sentence names a market price ("Brent", "spot prices"), which is no country's."""
    return bool(_BENCHMARK.search(text))


def unit_price(text: str, start: int, end: int, metric: str) -> str:
    """The metric of money written per unit ("$78 a barrel", "$420 per tonne") or quoted in a
    market ("Urals traded at about $66"): a price, unless the text names what kind of sum per
    unit it is (a price cap, a discount, a duty)."""
    if (
        not _per_unit().match(text, end)
        and not (metric == "trade" and _TRADED_AT.search(text, max(0, start - 40), start))
        # "fell 12 cents to $10.15 a bushel": a change in the price it came to
        and not (
            text.startswith(" to ", end)  # most figures have no "to" after them
            and (to := _TO_A_PRICE.match(text, end))
            and _per_unit().match(text, to.end())
        )
    ):
        return metric
    return metric if any(word in metric for word in _PER_UNIT_METRICS) else "price"


_TO_A_PRICE = re.compile(
    r"(?i)\s+to\s+(?:(?:about|around|nearly)\s+)?(?:US)?[$€£¥₹]?\d[\d.,]*(?:\s*(?:cents|pence))?"
)
# "Urals traded at about $66": a price quoted, not goods traded worth $66
_TRADED_AT = re.compile(r"(?i)\btraded\s+at\s+(?:[a-z]+\s+){0,2}$")


def names_own_metric(text: str, end: int) -> bool:
    """Whether the words right after a figure name what it measures ("of generating capacity")."""
    p = _patterns()
    own = p.own_after.match(text, end)
    return bool(own and p.heads[lexicon.fold(own.group("head"))])


_LABEL = re.compile(r"\s*[-•·*▪–—]\s+(?P<label>[^\W\d_][^\W\d_ ,&/-]*(?:[ ,&/-]+[^\W\d_]+){0,3})\s*:\s")
_TOPIC_FLOWS = frozenset({"exports", "imports", "trade", "shipments", "supplies"})


def labelled_goods(text: str) -> str | None:
    """The goods a line of a list is labelled with: "• Crude oil: $31.3 billion" -> "crude oil";
    "" for a label naming other things, None for a line with no label."""
    m = _LABEL.match(text)
    if m is None:
        return None
    words = [_singular(w) for w in m.group("label").lower().split()]
    return " ".join(words) if all(w in _commodity_words() for w in words) else ""


def topic_flow(heading: str) -> str:
    """The flow a heading over a list names ("India's imports from Russia in April-October:"),
    for its lines that name only goods; "" for none."""
    return next((name_of(m) for m in MetricIndex(heading).named if m.metric in _TOPIC_FLOWS), "")
