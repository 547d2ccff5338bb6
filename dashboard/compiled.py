"""Which of the extractor's modules run compiled (``setup.py``), and a stop when any is older
than its source: Python loads a compiled module in place of its source file, so an edit made
after the install would otherwise be silently ignored."""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def compiled_files(package: Path = _PACKAGE) -> list[Path]:
    """The package's compiled modules, as installed in place next to their sources."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(path for path in package.rglob("*.*") if path.name.endswith(suffixes))


def stale_sources(package: Path = _PACKAGE) -> list[Path]:
    """Sources edited after their module was compiled."""
    stale = []
    for compiled in compiled_files(package):
        source = compiled.with_name(compiled.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > compiled.stat().st_mtime:
            stale.append(source)
    return stale


def check_fresh() -> None:
    """Raise ImportError naming the first source newer than its compiled module."""
    if stale := stale_sources():
        raise ImportError(
            f"{stale[0].relative_to(_PACKAGE.parent)} changed after it was compiled: run "
            "scripts/install.sh again, or TRADE_FIGURES_COMPILE=0 scripts/install.sh for the "
            "pure-Python build"
        )
