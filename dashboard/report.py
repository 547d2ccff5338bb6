"""Whom a whole document is about, read once: its main countries, whether it is about a pair,
whose figures it gives, and which countries it names only as partners."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from dashboard.countries import Mention
from dashboard.regions import joined_to_a_region
from dashboard.roles import is_flow_partner

_JOINED = re.compile(r"\s?[-–—/]\s?")


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
    # Read only when a figure needs them: most do not.
    _reporter: str | None = None
    _partner_only: dict[str, bool] = field(default_factory=dict)
    _joined: bool | None = None
    _with_region: str | None = None

    @property
    def reporter(self) -> str:
        """Whose figures it gives: the first country named other than as a partner ("The U.S.
        trade deficit with Mexico"), else the dateline's ("WASHINGTON -")."""
        if self._reporter is None:
            self._reporter = (
                next((m.iso3 for m in self.mentions if not is_flow_partner(self.text, m)), "")
                or self.dateline
            )
        return self._reporter

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

    def partner_only(self, code: str) -> bool:
        """Whether the document names ``code`` only as the far side of a flow ("exports to the
        UAE"): never whose figures a line naming no country gives, nor what decides a currency."""
        if code not in self._partner_only:
            named = [m for m in self.mentions if m.iso3 == code]
            self._partner_only[code] = bool(named) and all(is_flow_partner(self.text, m) for m in named)
        return self._partner_only[code]
