"""Golden cases, one per notation and rule, run through one parametrized test.

Each line of ``tests/golden/*.jsonl`` is a text, its publication date (default
2024-06-15; null for none), its title if it has one, and the figures expected in order, each with the
fields it checks. ``period`` is written ``start..end``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard import extract_figures

GOLDEN = Path(__file__).parent / "golden"
DEFAULT_PUBLISHED = "2024-06-15"


def _cases():
    for path in sorted(GOLDEN.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                yield pytest.param(case, id=f"{path.stem}: {case['case']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_golden(case):
    published = case.get("published", DEFAULT_PUBLISHED)
    table = extract_figures(case["text"], published=published, title=case.get("title", ""))
    got = table.to_dict("records")
    expected = case["expect"]
    assert [g["surface"] for g in got][: len(expected)] == [
        e.get("surface", g["surface"]) for e, g in zip(expected, got, strict=False)
    ]
    assert len(got) == len(expected), [g["surface"] for g in got]
    for want, row in zip(expected, got, strict=True):
        row = {**row, "period": f"{row['period_start']}..{row['period_end']}"}
        for field, value in want.items():
            if field == "value":
                assert row[field] == pytest.approx(value), (row["surface"], field)
            else:
                assert row[field] == value, (row["surface"], field, row[field])
        assert case["text"][row["start"] : row["end"]] == row["surface"]
