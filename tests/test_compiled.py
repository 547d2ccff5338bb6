"""The compiled build (setup.py): the extractor runs compiled unless the pure-Python package
was asked for, and a source edited after its module was compiled stops the import instead of
being silently ignored."""

from __future__ import annotations

import importlib.machinery
import os
import subprocess
import sys
import time
from pathlib import Path

import dashboard.context
import dashboard.extract
import dashboard.spans
from dashboard.compiled import stale_sources

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def test_the_extractor_runs_compiled_unless_the_pure_build_was_asked_for():
    # A build that fell back to pure Python (no C compiler) would lose a quarter of the speed
    # quietly; one that kept compiled modules after TRADE_FIGURES_COMPILE=0 would run stale code.
    compiled = os.environ.get("TRADE_FIGURES_COMPILE", "1") != "0"
    for module in (dashboard.spans, dashboard.context, dashboard.extract):
        assert module.__file__.endswith(SUFFIX) is compiled, module.__file__


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    for name in ("spans", "sub/__init__"):
        (package / f"{name}.py").write_text("x = 1\n")
        (package / f"{name}{SUFFIX}").write_bytes(b"")
    return package


def test_a_source_edited_after_compiling_is_named(tmp_path):
    package = _package(tmp_path)
    assert stale_sources(package) == []
    later = time.time() + 5
    os.utime(package / "sub" / "__init__.py", (later, later))
    assert stale_sources(package) == [package / "sub" / "__init__.py"]


def test_importing_a_stale_build_fails_with_the_file_and_the_fix(tmp_path):
    # A copy of the real package with one module "compiled" before its source was edited.
    copy = tmp_path / "dashboard"
    source = Path(dashboard.__file__).parent
    subprocess.run(["cp", "-rp", str(source), str(copy)], check=True)  # times kept
    (copy / f"units{SUFFIX}").write_bytes(b"")
    later = time.time() + 5
    os.utime(copy / "units.py", (later, later))
    result = subprocess.run(
        [sys.executable, "-c", "import dashboard"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert "dashboard/units.py changed after it was compiled" in last
    assert "scripts/install.sh" in last
