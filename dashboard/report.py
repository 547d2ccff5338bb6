"""Whom a whole document is about, read once: its main countries, whether it is about a pair,
whose figures it gives, and which countries it names only as partners."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from dashboard.context import POSSESSIVE
from dashboard.countries import Mention
from dashboard.regions import joined_to_a_region
from dashboard.roles import first_subject, flow_of, is_flow_partner

_JOINED = re.compile(r"\s?[-–—/]\s?")
# "Mexico overtook China as the largest source of U.S. imports": a country whose flow another's
# part is "of" reports it, not the one named first
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_OWNS_FLOW = re.compile(
    r"(?:['’]s)?\s+(?:total\s+|overall\s+|goods\s+)?(?:imports|exports|trade\s+(?:deficit|surplus))\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_FLOW_REACH = 32  # "India's crude oil imports": the noun of a flow comes within a few words


# A reason opened before a name in its sentence: ", as a heatwave boosted demand in"
_IN_A_REASON = re.compile(r"(?i)(?:,\s|\s)(?:as|amid|despite|because\s+of)\s[^.;:!?]*$")


@dataclass(slots=True)
class Report:
    """Whom a document's figures are about, read once from the whole text."""

    focus: tuple[str, ...]  # its main countries, most named first
    paired: bool  # whether it is about its two main countries, not the first alone
    text: str = ""
    mentions: list[Mention] = field(default_factory=list)  # its countries, after any dateline
    dateline: str = ""  # the country of the dateline's place, if any
    # Whose flow a lead without figures names ("China's exports grew at their fastest pace",
    # "Brazil's exports to China surged"): whose the figures are that name no country and
    # carry none from before.
    lead: set[str] = field(default_factory=set)
    # The flow that lead names: the metric of figures that name none and follow no other figure
    # ("Vietnam's exports to the United States fell in February ... They dropped 8.5%").
    lead_metric: str = ""
    # Read only when a figure needs them: most do not.
    _reporter: str | None = None
    _reporter_flow: str | None = None
    _partner_only: dict[str, bool] = field(default_factory=dict)
    _joined: bool | None = None
    _with_region: str | None = None
    _named: frozenset[str] | None = None

    @property
    def reporter(self) -> str:
        """Whose figures it gives: the first country named other than as a partner ("The U.S.
        trade deficit with Mexico"), else the dateline's ("WASHINGTON -")."""
        if self._reporter is None:
            # not one named in a reason: "Spot LNG prices rose, as a heatwave boosted demand in
            # Japan. China's LNG imports rose 14%" is a report on China's imports
            first = first_subject(self.text, self.mentions, self._told) or first_subject(
                self.text, self.mentions
            )
            self._reporter = (self._owner_of_its_flow(first) or first.iso3) if first else self.dateline
        return self._reporter

    @property
    def reporter_flow(self) -> str:
        """ "imports" or "exports" when the reporter is first named for a flow one way ("India's
        crude oil imports from Russia rose"): whether it receives or sends what the text tells."""
        if self._reporter_flow is None:
            first = first_subject(self.text, self.mentions)
            self._reporter_flow = ""
            if first is not None and first.iso3 == self.reporter and POSSESSIVE.match(self.text, first.end):
                self._reporter_flow = flow_of(self.text[first.end : first.end + _FLOW_REACH])
        return self._reporter_flow

    def _owner_of_its_flow(self, first: Mention) -> str:
        """The country later in ``first``'s sentence whose flow ``first`` is a part of, if any."""
        text = self.text
        if _OWNS_FLOW.match(text, first.end):
            return ""
        end = found.start() if (found := _SENTENCE_END.search(text, first.end)) else len(text)
        return next(
            (
                m.iso3
                for m in self.mentions
                if first.end < m.start < end
                and m.iso3 != first.iso3
                and _OF_BEFORE.search(text, max(0, m.start - 8), m.start)
                and _OWNS_FLOW.match(text, m.end)
            ),
            "",
        )

    @property
    def with_region(self) -> str:
        """The country the text joins to a region or bloc ("China-Africa trade"), if any: "the
        two sides" are then that country and one that is none."""
        if self._with_region is None:
            self._with_region = next(
                (m.iso3 for m in self.mentions if "-" in self.text and joined_to_a_region(self.text, m)), ""
            )
        return self._with_region

    @property
    def joined(self) -> bool:
        """Whether the text joins two countries with a dash ("South Korea-Japan trade"): it is
        about the pair."""
        if self._joined is None:
            self._joined = any(
                _JOINED.fullmatch(self.text, a.end, b.start) and a.iso3 != b.iso3
                for a, b in itertools.pairwise(self.mentions)
            )
        return self._joined

    def _told(self, mention: Mention) -> bool:
        """Whether a country is named other than in a reason given in its sentence."""
        return not _IN_A_REASON.search(self.text, max(0, mention.start - 120), mention.start)

    def named_beyond_dateline(self, code: str) -> bool:
        """Whether the document names ``code`` anywhere but its dateline."""
        if self._named is None:
            self._named = frozenset(m.iso3 for m in self.mentions)
        return code in self._named

    def partner_only(self, code: str) -> bool:
        """Whether the document names ``code`` only as the far side of a flow ("exports to the
        UAE"): never whose figures a line naming no country gives, nor what decides a currency."""
        if code not in self._partner_only:
            named = [m for m in self.mentions if m.iso3 == code]
            self._partner_only[code] = bool(named) and all(is_flow_partner(self.text, m) for m in named)
        return self._partner_only[code]
