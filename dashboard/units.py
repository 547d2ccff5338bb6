"""The application's one pint registry, with currencies as their own dimension."""

from __future__ import annotations

from functools import cache

import pint

from dashboard import lexicon


@cache
def registry() -> pint.UnitRegistry:
    ureg: pint.UnitRegistry = pint.UnitRegistry(cache_folder=None)
    for line in lexicon.text("units.txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            ureg.define(line)
    return ureg


@cache
def unit_name(unit: str) -> str:
    """The unit as FIGURES.md writes it: pint's long form (``barrel / day``, ``USD``)."""
    return str(registry().Unit(unit))
