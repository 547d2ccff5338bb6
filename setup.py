"""The extractor's modules compiled to C with mypyc, which runs them in about three quarters of the time.

Everything else about the package is in pyproject.toml. The compiled modules are the same
source, type-checked by mypy; Python loads a compiled module in place of its source file.
``TRADE_FIGURES_COMPILE=0`` installs the pure-Python package (no C compiler needed): the
build for editing the extractor, since a compiled module does not see later edits of its
source until the package is installed again (``dashboard/compiled.py`` says so at import).
Without a C compiler the build falls back to pure Python as well.
"""

from __future__ import annotations

import os

from setuptools import setup

# The extractor, stage by stage; not the app, the store and the command line, which wait on I/O.
COMPILED = [
    "base_periods",
    "bases",
    "columns",
    "conjuncts",
    "context",
    "countries",
    "descriptions",
    "documents",
    "errors",
    "extract",
    "figure_periods",
    "figures",
    "follows",
    "fiscal_resolvers",
    "forecasts",
    "lists",
    "metric_parties",
    "metrics",
    "nearest_times",
    "non_periods",
    "openings",
    "other_side",
    "parties",
    "period_calendar",
    "period_resolvers",
    "period_rules",
    "period_vocabulary",
    "periods",
    "qualifiers",
    "ranks",
    "readers",
    "reading",
    "reasons",
    "regions",
    "report",
    "roles",
    "sentence_figures",
    "sentences",
    "sources",
    "span_patterns",
    "spans",
    "statements",
    "totals",
    "units",
    "unnamed",
]


def _extensions() -> list:
    if os.environ.get("TRADE_FIGURES_COMPILE", "1") == "0":
        return []
    from mypyc.build import mypycify

    paths = [f"dashboard/{name}.py" for name in COMPILED] + ["dashboard/lexicon/__init__.py"]
    # The build's own environment holds none of the package's dependencies: their types are
    # Any to the compiler (``test.sh`` type-checks against them).
    extensions = mypycify(
        ["--ignore-missing-imports", *paths], opt_level="3", group_name="dashboard_compiled"
    )
    for extension in extensions:
        extension.optional = True  # no C compiler: the pure-Python modules stay in use
    return extensions


setup(ext_modules=_extensions())
