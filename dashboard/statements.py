"""What a sentence says, for the sentences after it: its figures, whom they are about, who
sends and who receives, and the metric a figure that names none carries on from it.

A percentage a flow "took" or "accounted for" is a share of it, and so is one "of the total".
The period a figure takes from its statement is ``figure_periods``'s; which figure of a list
goes with which listed country is ``lists``'s.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dashboard import context
from dashboard.bases import is_base
from dashboard.countries import Mention
from dashboard.figures import Figure, Span
from dashboard.forecasts import is_forecast
from dashboard.metrics import (
    MetricIndex,
    goods_after,
    name_of,
    names_other_commodity,
    names_own_metric,
    subject_commodity,
    unit_price,
)
from dashboard.roles import RECEIVER_NOUNS, SENDER_NOUNS, TOP_RANK, flow_roles, ranks_others
from dashboard.totals import of_the_total

BALANCES = frozenset(
    {"trade deficit", "trade surplus", "trade balance", "current account deficit", "current account surplus"}
)
_COLLECTED = re.compile(r"(?i)\b(?:collect(?:s|ed|ing)?|revenues?|receipts|raised|brought\s+in|yielded)\b")
_TOTAL_BEFORE = re.compile(r"(?i)\btotal\s+$")
# The goods a tariff is levied on, written right before their value: "on C$16.6 billion"
_GOODS_TARIFFED = re.compile(
    r"(?i)\b(?:on|covering|cover|covers|affecting|hitting|hit|targeting|worth)\s+(?:about\s+|some\s+|nearly\s+)?\S*$"
)
_MEASURED_AGAINST = re.compile(
    r"(?i)\b(?:below|above|short\s+of|ahead\s+of|than|beat(?:ing)?|miss(?:ing|ed)?|exceed(?:ing|ed)?"
    r"|outpac(?:ing|ed))\s+(?:the|an?|analysts['’]?|economists['’]?|expectations|forecasts"
    r"|(?:last\s+|the\s+previous\s+)?\w+['’]s)\b"  # "slower than June's 8.6% gain"
)
_LEADS_BACK = 4
# The words any ranking holds (``TOP_RANK``): "top", "largest", "-biggest", "main", ...
_RANK_WORDS = ("top", "bigg", "larg", "main", "lead", "chief", "most important")
_FLOW_RANK = re.compile(
    rf"(?i)\b{TOP_RANK}\s+(?:(?P<sender>{SENDER_NOUNS})|(?P<receiver>{RECEIVER_NOUNS}))s?\b"
)
_TARGET_AFTER = re.compile(r"(?i)\s+(?:target|goal)\b")


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are
class Statement:
    """What a sentence says, for the sentence after it: its figures, and whom they are about."""

    figures: list[Figure]
    subject: str = ""  # the first country the sentence named other than as a partner
    text: str = ""  # the sentence, starting at ``at`` in the document
    at: int = 0
    named: list[Mention] = field(default_factory=list)  # its countries, by offsets into ``text``
    heading: dict[str, str] | None = None  # the period a heading over a list gives its items
    topic: str = ""  # the flow a heading over a list names, for lines that name only goods
    earlier: list[Figure] = field(default_factory=list)  # the document's figures so far
    before: Statement | None = None  # the statement it follows, for a ranking begun there
    # Read only when a figure needs them: most do not.
    _forecast: bool | None = None
    _lead: Figure | None = None
    _measured: Figure | None = None
    _roles: dict[str, str] | None = None
    _rank_owner: str | None = None

    def lead(self) -> Figure | None:
        """The figure the statement is about: its last that is not a base, a target, or a
        standing rate said in passing ("after tariffs of up to 250% took effect")."""
        if self._lead is None and self.figures:
            own = [f for f in reversed(self.figures) if not compared_with(f, self.at)]
            if not own:
                # Of a sentence all of whose figures measure the one before ("That beat the 8.0%
                # forecast and May's 7.6% rise"), one that kept the statement's time leads; if
                # none did ("The gain followed a 4.5% rise in July"), the statement before's
                kept = next(
                    (f for f in self.figures if f.period_text and f.period_text not in f.sentence), None
                )
                if kept is None and (earlier := self._lead_before()) is not None:
                    self._lead = earlier
                    return earlier
                own = [kept or self.figures[-1]]
            self._lead = next((f for f in own if not context.is_general(f.metric)), own[0])
            if not self._lead.period_start:
                # "rose 6.9% in November, ... despite a deal in which Seoul agreed to invest $350
                # billion": the statement's time is a timed figure's, not an untimed aside's
                timed = (f for f in own if f.period_start and not context.is_general(f.metric))
                self._lead = next(timed, self._lead)
        return self._lead

    def _back(self, count: int) -> Iterator[Statement]:
        """This statement and up to ``count - 1`` before it: a loop with a bound, as a text of
        sentences each leaning on the one before has no end."""
        statement: Statement | None = self
        for _ in range(count):
            if statement is None:
                return
            yield statement
            statement = statement.before

    def _lead_before(self) -> Figure | None:
        """The lead of the nearest statement before with figures of its own, a few back at most."""
        for statement in itertools.islice(self._back(_LEADS_BACK + 1), 1, None):
            if statement._lead is not None:
                return statement._lead
            if any(not compared_with(f, statement.at) for f in statement.figures):
                return statement.lead()
        return None

    def last_past(self, published: dt.date, like: str = "") -> Figure | None:
        """The statement's last figure of a time already past, not a base or a standing rate;
        with ``like`` (a figure's countries), the last a few statements back that is of the same
        pair, or for one country's own total one country's own: what such a figure after a
        forecast goes on with."""
        day = published.isoformat()
        return next(
            (
                f
                for statement in (self._back(_LEADS_BACK + 1) if like else (self,))
                for f in reversed(statement.figures)
                if f.period_end
                and f.period_end < day
                and not compared_with(f, statement.at)
                and _goes_on(f, like)
            ),
            None,
        )

    def carried_countries(self) -> set[str]:
        """The countries a sentence continuing the statement goes on with: its last figure's,
        but where that is a share of a whole it gave ("shipped 933,000 tonnes of beef, with China
        taking 71% of the volume"), the whole's."""
        if not self.figures:
            return set()
        last = self.figures[-1]
        countries = set(last.countries.split(";")) - {""}
        if last.metric.startswith("share of "):
            for figure in reversed(self.figures[:-1]):
                whole = set(figure.countries.split(";")) - {""}
                if whole and whole < countries and not figure.metric.startswith("share of "):
                    return whole
        return countries

    def base_period(self) -> dict[str, str] | None:
        """The period of what the statement's figure is compared with, when it has its own."""
        lead = self.lead()
        if lead is None:
            return None
        for figure in reversed(self.figures):
            if (
                figure.period_start
                and figure.period_start != lead.period_start
                and compared_with(figure, self.at)
            ):
                return period_of(figure)
        return None

    def measured(self) -> Figure | None:
        """The figure whose metric carries on: its last, but not a price or a standing rate said
        in passing ("as iron ore prices held above US$100 a tonne", "ahead of the 25% tariffs
        Trump has threatened")."""
        if self._measured is None and self.figures:
            last = self.figures[-1]
            self._measured = (
                next((f for f in reversed(self.figures) if not _in_passing(f.metric)), last)
                if _in_passing(last.metric)
                else last
            )
        return self._measured

    def measured_in(self, unit: str) -> Figure | None:
        """The last figure in ``unit`` of this statement or the two before it: "lift that to 25
        million tonnes" after a figure in TEU goes on with the tonnes named before."""
        return next((f for st in self._back(3) for f in reversed(st.figures) if f.unit == unit), None)

    def breakdown(self) -> bool:
        """Whether the statement, with the one before it, gave figures for more than one pair of
        countries: "Exports to China slid 7.3%. Shipments to the United States fell 4.2%." """
        figures = [*self.before.figures, *self.figures] if self.before is not None else self.figures
        if (
            len({f.countries for f in figures}) > 1
            and len({c for f in figures for c in f.countries.split(";")}) > 2
        ):
            return True
        # "Shipments to China accounted for just over half of the total": one partner's share of
        # a whole the report gave as a country's own breaks that whole down as a second would
        if not self.figures or not all(
            f.metric.startswith("share of ") and ";" in f.countries for f in self.figures
        ):
            return False
        totals = self.totals()
        return all(totals & set(f.countries.split(";")) for f in self.figures)

    def broken_down(self) -> str:
        """The one country every figure of a breakdown by partner (``breakdown``) shares: China
        in "Australia supplied about 750 million tonnes, and Brazil around 260 million"; ""."""
        figures = [*self.before.figures, *self.figures] if self.before is not None else self.figures
        shared = set.intersection(*(set(f.countries.split(";")) for f in figures)) if figures else set()
        return next(iter(shared)) if len(shared) == 1 else ""

    def forecast(self) -> bool:
        """Whether the statement looks ahead: its periods are horizons, not what happened."""
        if self._forecast is None:
            self._forecast = is_forecast(self.text)
        return self._forecast

    def totals(self) -> set[str]:
        """The countries whose own totals, a figure of theirs alone, the document gave so far."""
        return {f.countries for f in self.earlier if f.countries and ";" not in f.countries}

    def rank_owner(self) -> str:
        """The one country the statement ranks others in ("China was Germany's most important
        trading partner"), else the one a statement before it did, or ""."""
        if self._rank_owner is None:
            # Each statement read once, back to the last already read and then forward, so a
            # document asks this of any number of statements in time linear in its length.
            unread: list[Statement] = []
            statement: Statement | None = self
            while statement is not None and statement._rank_owner is None:
                unread.append(statement)
                statement = statement.before
            owner = "" if statement is None else statement._rank_owner or ""
            for earlier in reversed(unread):
                owner = earlier._own_rank_owner() or owner
                earlier._rank_owner = owner
        return self._rank_owner or ""

    def _own_rank_owner(self) -> str:
        lower = self.text.lower()
        if not any(word in lower for word in _RANK_WORDS):
            return ""  # most statements rank no one, and substring tests are cheaper than a scan
        owners = {m.iso3 for m in self.named if ranks_others(self.text, m)}
        if len(owners) == 1:
            return next(iter(owners))
        if rank := _FLOW_RANK.search(self.text):
            # "Iraq's oil exports to India ..., making it the second-largest supplier": a
            # supplier is ranked in the country it sends to, a buyer in the one it takes from
            ranked_side = "sender" if rank.group("sender") else "receiver"
            across = [code for code, side in self.roles().items() if side != ranked_side]
            if len(across) == 1:
                return across[0]
        return ""

    def roles(self) -> dict[str, str]:
        """Which of the statement's two countries sends and which receives (``flow_roles``)."""
        if self._roles is None:
            # the flow itself tells its sides plainer than a share of it: "imported 17.8 million
            # tonnes of LNG from Russia, about 16% of its total LNG imports"
            lead = self.lead()
            if lead is not None and lead.metric.startswith("share of"):
                lead = next(
                    (f for f in reversed(self.figures) if f.metric and not f.metric.startswith("share of")),
                    lead,
                )
            self._roles = flow_roles(self.text, self.named, lead.countries, lead.metric) if lead else {}
        return self._roles


def period_of(figure: Figure) -> dict[str, str]:
    """A figure's period columns, for a figure that takes them from it."""
    return {
        "period_start": figure.period_start,
        "period_end": figure.period_end,
        "period_text": figure.period_text,
    }


def _goes_on(figure: Figure, like: str) -> bool:
    """Whether a figure of the past is one a figure of countries ``like`` goes on with: one
    country's own total after another's, a pair's flow after the same pair's; with no ``like``,
    any that is no standing rate."""
    if like and ";" not in like:
        return ";" not in figure.countries
    return not context.is_general(figure.metric) and (not like or figure.countries == like)


def compared_with(figure: Figure, sentence_start: int) -> bool:
    """Whether a figure is what another is compared with: "from $Y", "the $200 billion target"."""
    at = figure.start - sentence_start
    text = figure.sentence
    clause_start = max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1
    return bool(
        is_base(text, at)
        # "rose 2.4%, well below the 6.0% forecast and August's 8.7% increase": both measure it
        or _MEASURED_AGAINST.search(text, clause_start, at)
        or _TARGET_AFTER.match(figure.sentence, at + len(figure.surface))
        or figure.sentence[at - 1 : at] == "("  # "$279.4 billion in 2023 ($382.1 billion in 2022)"
        # "fell to $2.8 billion in August; a month earlier it was $3.2 billion"
        or figure.period_text.endswith(("month earlier", "month before", "month ago"))
    )


_FLOWS = frozenset(
    {"exports", "imports", "trade", "shipments", "supplies", "purchases", "sales", "remittances"}
)
# A percentage after these is a share of what it measures: "Japan took 11%"
_SHARE_VERB = re.compile(
    r"(?i)\b(?:took|takes|taking|accounted\s+for|accounting\s+for|made\s+up|making\s+up|represented|absorbed"
    r"|buying|bought|buys)"
    r"\s+(?:(?:about|around|nearly|almost|some|roughly|over|under|just|a\s+further|another|more\s+than|less\s+than)\s+)?"
    r"(?:\d[\d.,]*\s*%\s*(?:,\s*)?(?:and\s+)?){0,3}$"  # "took 11% and 7%"
)


def rate_to_an_amount(metric: str, kind: str) -> bool:
    """Whether ``metric`` is a rate or share that does not carry on to a figure of ``kind``, an
    amount: "the 25% tariff could cut them by $3 billion" measures no tariff."""
    return metric in ("tariff", "market share") and kind not in ("percent", "percentage_point")


def carried_metric(
    metric: str, index: MetricIndex, span: Span, last: Figure | None, continues: bool, countries: str = ""
) -> str:
    """The figure's metric from the one its sentence names for it (``metric_for``); "shipments",
    or nothing named, read as the statement before. ``countries`` are the figure's own."""
    if metric == "tariff" and span.kind == "money":
        if _COLLECTED.search(index.text):
            return "tariff revenue"  # "customs collected $77 billion in tariffs"
        if unit_price(index.text, span.start, span.end, "") == "price":
            return "tariff"  # "tariffs that would rise to €430 a tonne": a duty per unit
        if (
            not _GOODS_TARIFFED.search(index.text, max(0, span.start - 30), span.start)
            and (tariff := index.before(span.start)) is not None
            and (flow := index.before(tariff.start)) is not None
            and (name := name_of(flow))
        ):
            # "wine exports to China, blocked by tariffs of up to 218% until March, recovered to
            # A$1.5 billion": the flow named before the tariff, not the goods it is levied on
            return name
        return "imports"  # "tariffs on C$16.6 billion of goods": the goods tariffed
    before = last.metric.removeprefix("share of ") if last is not None else ""
    if names_other_commodity(before, span.unit) or rate_to_an_amount(before, span.kind):
        # "soybean exports" does not carry on to a figure in bcm, nor a rate or share to an amount
        before = ""
    if not continues and before in BALANCES:
        before = ""  # a balance is one figure: "phones accounted for $3.2 billion" is no deficit
    if (
        metric == "shipments"
        and ";" in countries
        and last is not None
        and ";" not in last.countries
        and _as_share(before, index.text, span) == before  # "accounted for about half" of it all
    ):
        # "Chip exports jumped 37%. Shipments to China gained 11%": a breakdown by partner of
        # the whole flow, not of the one commodity
        before = before.rsplit(" ", 1)[-1]
    named_after = index.before(span.start) is None and not names_own_metric(index.text, span.end)
    own_share = metric.startswith("share of ")
    if (
        metric == "shipments"
        and (mention := index.before(span.start) or index.after(span.end))
        and _TOTAL_BEFORE.search(index.text, max(0, mention.start - 8), mention.start)
    ):
        before = ""  # "the country's total shipments of $40.8 billion": all its exports
    if before and (not metric or metric == "shipments" or (continues and named_after and not own_share)):
        head = before.rsplit(" ", 1)[-1]
        if (
            not metric
            and head in ("exports", "imports", "supplies")
            and (commodity := subject_commodity(index.text))
        ):
            return f"{commodity} {head}"  # "Soybeans made up US$24.2 billion of the total"
        if (
            not metric
            and head in ("exports", "imports", "supplies")
            and (goods := goods_after(index.text, span.end))
        ):
            return f"{goods} {head}"  # "Gas imports fell. BOTAS agreed to buy 15 bcm of U.S. LNG"
        return _as_share(before, index.text, span)
    # "Soybean shipments" go the way the statement before's flow goes, commodity kept.
    return _as_share(
        metric.replace("shipments", "imports" if "import" in before else "exports"), index.text, span
    )


# "of the country's total", "of Chile's total": of the whole of the flow its sentence names
_OF_ITS_TOTAL = re.compile(
    r"(?i)\s+of\s+(?:the\s+country['’]s|the\s+nation['’]s|[^\W\d_][\w.-]*['’]s)\s+total\b(?!\s+[a-z])"
    # "Remittances from Russia ... accounting for 85% of all money transfers into the country"
    r"|\s+of\s+all\s+(?!of\b)"
)


def _in_passing(metric: str) -> bool:
    return metric.endswith("price") or context.is_general(metric)


def share_of_total(metric: str, named: str, text: str, span: Span, whole: Figure | None) -> str:
    """ "with Russia supplying about 70% of the total", "Australia remained the top supplier with
    42% of the total", "China buying two-thirds of the volume": a share of the flow the figure
    before measured, whatever flow its sentence ``named`` for it; else ``metric``. "Copper
    accounted for half of the total" keeps the commodity's."""
    if span.kind != "percent" or not text.startswith(" of ", span.end):
        return metric  # most figures: spare the patterns
    if (
        named.split(" ")[-1] in _FLOWS
        and not named.startswith("share of ")
        and _OF_ITS_TOTAL.match(text, span.end)
    ):
        # "Belarusian exports to Russia account for 60% of the country's total", "of all transfers"
        return f"share of {named}"
    if (
        not named.startswith("share of ")
        and (named or not subject_commodity(text))
        and whole is not None
        and whole.metric.split(" ")[-1] in _FLOWS
        and not whole.metric.startswith("share of ")
        and of_the_total(text, span.end)
    ):
        return f"share of {whole.metric}"
    return metric


def _as_share(metric: str, text: str, span: Span) -> str:
    """A percentage a flow "took" or "accounted for" is a share of it: "..., while Japan took
    11%" of the copper exports named before."""
    if (
        span.kind == "percent"
        and not span.hint
        and metric
        and not metric.startswith("share of ")
        and metric.split()[-1] in _FLOWS
        and _SHARE_VERB.search(text, max(0, span.start - 40), span.start)
        and not _MORE_AFTER.match(text, span.end)  # "bought 6% more from Fiji": a change
    ):
        return f"share of {metric}"
    return metric


_MORE_AFTER = re.compile(r"(?i)\s+(?:more|less|fewer)\b")
