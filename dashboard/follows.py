"""What a sentence's figures follow: the statement before them, as whose figures are read.

``sentence_figures`` reads it off the statement before once per sentence; ``parties`` and the
modules it asks (``unnamed``, ``other_side``) read whose each figure is from it when the
figure's own words do not say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(slots=True)
class Follows:
    """The statement a sentence may continue.

    ``previous`` holds its countries and ``previous_subject`` the first it named;
    ``continues`` says the sentence points back to it; ``roles()`` tells which of its
    countries sent and which received (``roles.flow_roles``); ``breakdown()`` whether it gave
    figures for several partners, and ``broken_down()`` the one country they all share;
    ``ranked_in()`` the country it ranked others in; ``totals()`` the countries whose own
    totals (a figure of theirs alone) the document gave before. The callables are asked only
    by the rules that need them, and few do.
    """

    previous: set[str] = field(default_factory=set)
    previous_subject: str = ""
    continues: bool = False
    roles: Callable[[], dict[str, str]] = dict
    breakdown: Callable[[], bool] = bool
    broken_down: Callable[[], str] = str
    ranked_in: Callable[[], str] = str
    totals: Callable[[], set[str]] = set
