"""The README documents what the code declares: columns, commands, filters."""

from __future__ import annotations

import re

from dashboard.cli import build_parser
from dashboard.columns import COLUMNS, NAMES
from dashboard.filters import SPECS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _table_under(heading: str) -> list[list[str]]:
    section = README.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def test_readme_opens_with_the_two_commands():
    first = [line.strip() for line in README.splitlines()[1:5] if line.strip()]
    assert first[0].startswith("./start.sh") and first[1].startswith("./test.sh")
    assert (ROOT / "start.sh").exists() and (ROOT / "test.sh").exists()


def test_csv_columns_are_documented_in_order_with_their_types():
    rows = _table_under("CSV columns")
    assert [r[0].strip("`") for r in rows] == list(NAMES)
    types = {"str": "str", "int64": "int", "float64": "float"}
    assert [r[1] for r in rows] == [types[c.dtype] for c in COLUMNS]


def test_every_command_is_documented():
    commands = build_parser()._subparsers._group_actions[0].choices
    for name, parser in commands.items():
        assert f"`trade-figures {name}" in README, name
        for action in parser._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert flag in README, f"{name} {flag}"


def test_every_filter_is_documented():
    keys = [r[0].strip("`") for r in _table_under("The app")]
    assert keys == [spec.key for spec in SPECS]


def test_every_dependency_is_justified():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = [d for group in project["optional-dependencies"].values() for d in group] + project["dependencies"]
    for dep in deps:
        name = re.split(r"[<>=\[ ]", dep)[0]
        assert f"**{name}**" in README, name
