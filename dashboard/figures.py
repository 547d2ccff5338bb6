"""The figure: one value found in a text, with everything the table says of it."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("money", "percent", "percentage_point", "multiple", "quantity")
BOUNDS = ("=", "~", ">", ">=", "<", "<=")
DIRECTIONS = ("", "up", "down")


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are; none changes once built
class Span:
    """A candidate figure: where it is and what it measures, before its context."""

    start: int
    end: int
    surface: str
    kind: str
    value: float
    unit: str
    negative: bool = False
    hint: str = ""  # a direction the figure carries itself: "doubled", "-3%", "+5%"
    range_role: str = ""  # "low" or "high" end of a range
    symbol: str = ""  # a currency sign that differs by country ("¥"), read again by the sentence

    def shifted(self, delta: int) -> Span:
        """The same span with offsets into a text that starts ``-delta`` characters later."""
        return Span(
            self.start + delta,
            self.end + delta,
            self.surface,
            self.kind,
            self.value,
            self.unit,
            self.negative,
            self.hint,
            self.range_role,
            self.symbol,
        )

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}; expected one of {', '.join(KINDS)}")
        if self.hint not in DIRECTIONS or self.range_role not in ("", "low", "high"):
            raise ValueError(f"bad hint {self.hint!r} or range role {self.range_role!r} for {self.surface!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}:{self.end} for {self.surface!r}")
        if self.value < 0:
            raise ValueError(f"value must be a magnitude, got {self.value} for {self.surface!r}")


@dataclass(slots=True)  # not frozen: five times cheaper to build, and many are; none changes once built
class Figure:
    """A row of the figures table (FIGURES.md), built by ``dashboard.extract``."""

    doc_id: str
    figure_id: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    surface: str
    kind: str
    value: float
    unit: str
    bound: str = "="
    direction: str = ""
    period_start: str = ""
    period_end: str = ""
    period_text: str = ""
    metric: str = ""
    countries: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}; expected one of {', '.join(KINDS)}")
        if self.bound not in BOUNDS:
            raise ValueError(f"unknown bound {self.bound!r}; expected one of {' '.join(BOUNDS)}")
        if self.direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {self.direction!r}; expected up, down or ''")
        if bool(self.period_start) != bool(self.period_end):
            raise ValueError(f"period of {self.surface!r} needs both ends or neither")
