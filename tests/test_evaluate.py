"""The extractor against annotated documents, as the evaluate command scores it.

``trade_dev.jsonl`` is the public development set; ``wire_2026_11.jsonl`` holds
1,184 wire paragraphs and three hundred and ninety-four whole articles in other styles (TASS,
Xinhua, Yonhap, AP, ministry releases, ...), written and annotated before the extractor
was run on them.
"""

from __future__ import annotations

import json

import pytest

from dashboard.evaluate import evaluate, load_gold
from tests.conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data"
TARGETS = {"value+unit F1": 0.97, "all-fields F1": 0.90}


@pytest.mark.parametrize("gold", ["trade_dev.jsonl", "wire_2026_11.jsonl"])
def test_scores_meet_the_targets(gold):
    scores = evaluate(load_gold(DATA / gold)).summary()
    assert scores["detection F1"] >= 0.97, scores
    for name, floor in TARGETS.items():
        assert scores[name] >= floor, (name, scores[name])


def test_the_command_lists_every_wrong_field(tmp_path):
    docs = [
        json.loads(line) for line in (DATA / "wire_2026_11.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    wrong = docs[0]["figures"][0]
    wrong["countries"] = "AUS;NZL"  # an annotation the extractor cannot agree with
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in docs[:1]), encoding="utf-8")
    result = run_cli("evaluate", str(gold))
    assert result.returncode == 0, result.stderr
    assert (
        f"{docs[0]['doc_id']} '{wrong['surface']}' at {wrong['start']}: countries expected 'AUS;NZL'"
        in result.stdout
    )
    assert "all-fields F1" in result.stdout
