"""How a figure reads at a glance: "$190 bn", "+40%", "> 3 mn metric_ton"."""

from __future__ import annotations

from functools import cache

from dashboard import lexicon
from dashboard.countries import display_name

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"), (1e3, "k"))
_SYMBOLS = {"%": "%", "pp": " pp", "x": "×"}


@cache
def _currency_labels() -> dict[str, str]:
    return {r["code"]: r["label"] for r in lexicon.rows("currencies.csv")}


def scale_of(value: float) -> tuple[float, str]:
    """The scale word an analyst would use for ``value``: (1e9, "bn") for 190e9."""
    for factor, word in _SCALES:
        if abs(value) >= factor:
            return factor, word
    return 1.0, ""


def number(value: float) -> str:
    text = f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return text


def figure_label(kind: str, value: float, unit: str, bound: str = "=", direction: str = "") -> str:
    """A short label for one figure, with its bound and, for a change, its sign."""
    bound_mark = {"=": "", "~": "~"}.get(bound, bound)
    sign = {"up": "+", "down": "−"}.get(direction, "")
    if kind == "money":
        factor, word = scale_of(value)
        symbol = _currency_labels().get(unit, unit + " ")
        amount = number(value / factor) + (f" {word}" if word else "")
        return f"{bound_mark}{sign}{symbol}{amount}"
    if kind in ("percent", "percentage_point"):
        return f"{bound_mark}{sign}{number(value)}{_SYMBOLS[unit]}"
    if kind == "multiple":
        return f"{bound_mark}{number(value)}×"
    factor, word = scale_of(value)
    return f"{bound_mark}{sign}{number(value / factor)}{f' {word}' if word else ''} {unit}"


def countries_label(codes: str) -> str:
    """ "CHN;RUS" -> "China – Russia"."""
    return " – ".join(display_name(code) for code in codes.split(";") if code) or "(no country)"


def period_label(start: str, end: str, text: str = "") -> str:
    if not start:
        return text or "no period"
    span = start if start == end else f"{start} → {end}"
    return f"{text} ({span})" if text else span
