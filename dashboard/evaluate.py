"""Score the extractor against a gold file of annotated documents (JSON lines).

Each line is a document: ``doc_id``, ``text``, ``published`` (and optionally
``title``, ``source``) and ``figures``, a list of gold figures with FIGURES.md's
fields; a gold ``metric`` may be a list of acceptable names. Predicted and gold
figures are paired by overlapping spans, most overlap first, one to one.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.documents import Document
from dashboard.errors import DocumentError
from dashboard.extract import extract_document, figures_frame

FIELDS = ("value", "unit", "bound", "direction", "period", "countries", "metric")
ALL_FIELDS = ("value", "unit", "bound", "direction", "period", "countries")


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_unit: int = 0
    all_fields: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    problems: list[str] = field(default_factory=list)

    def f1(self, hits: int) -> float:
        precision = hits / self.predicted if self.predicted else 0.0
        recall = hits / self.gold if self.gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def summary(self) -> dict[str, float]:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        out = {
            "detection precision": precision,
            "detection recall": recall,
            "detection F1": self.f1(self.matched),
            "value+unit F1": self.f1(self.value_unit),
            "all-fields F1": self.f1(self.all_fields),
        }
        for name in FIELDS[2:]:
            out[f"{name} accuracy"] = self.right[name] / self.matched if self.matched else 0.0
        return out


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The documents of a gold file; DocumentError names the line that is wrong."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, "no such file")
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            doc["text"], doc["figures"]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise DocumentError(path, f"line {number}: not a gold document ({error})") from None
        docs.append(doc)
    return docs


def evaluate(docs: list[dict[str, Any]]) -> Scores:
    scores = Scores()
    for doc in docs:
        document = Document(
            text=doc["text"],
            doc_id=doc.get("doc_id", ""),
            title=doc.get("title", ""),
            source=doc.get("source", ""),
            published=doc.get("published") or None,
        )
        predicted = figures_frame(extract_document(document)).to_dict("records")
        _score_document(document.doc_id, doc["figures"], predicted, scores)
    return scores


def _score_document(doc_id: str, gold: list[dict], predicted: list[dict], scores: Scores) -> None:
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((-overlap, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in sorted(pairs):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        _score_pair(doc_id, gold[gi], predicted[pi], scores)
    for gi in sorted(set(range(len(gold))) - used_gold):
        scores.problems.append(f"{doc_id} missed {gold[gi]['surface']!r} at {gold[gi]['start']}")
    for pi in sorted(set(range(len(predicted))) - used_pred):
        p = predicted[pi]
        scores.problems.append(f"{doc_id} spurious {p['surface']!r} at {p['start']} ({p['kind']})")


def _score_pair(doc_id: str, gold: dict, pred: dict, scores: Scores) -> None:
    scores.matched += 1
    checks = {
        "value": (gold["value"], pred["value"], math.isclose(gold["value"], pred["value"], rel_tol=1e-6)),
        "unit": (gold["unit"], pred["unit"], gold["unit"] == pred["unit"]),
        "bound": (gold["bound"], pred["bound"], gold["bound"] == pred["bound"]),
        "direction": (gold["direction"], pred["direction"], gold["direction"] == pred["direction"]),
        "period": (
            f"{gold['period_start']}..{gold['period_end']}",
            f"{pred['period_start']}..{pred['period_end']}",
            (gold["period_start"], gold["period_end"]) == (pred["period_start"], pred["period_end"]),
        ),
        "countries": (gold["countries"], pred["countries"], gold["countries"] == pred["countries"]),
        "metric": _metric_check(gold.get("metric", ""), pred["metric"]),
    }
    for name, (expected, got, ok) in checks.items():
        if ok:
            scores.right[name] += 1
        else:
            scores.problems.append(
                f"{doc_id} {gold['surface']!r} at {gold['start']}: {name} expected {expected!r}, got {got!r}"
            )
    if checks["value"][2] and checks["unit"][2]:
        scores.value_unit += 1
    if all(checks[name][2] for name in ALL_FIELDS):
        scores.all_fields += 1


def _metric_check(gold: str | list[str], got: str) -> tuple[Any, str, bool]:
    accepted = [gold] if isinstance(gold, str) else list(gold)
    return (accepted[0] if len(accepted) == 1 else accepted, got, got in accepted)


def report(scores: Scores, *, details: bool = True) -> str:
    lines = [f"{scores.gold} gold figures, {scores.predicted} extracted, {scores.matched} matched by span"]
    lines += [f"{name:<22} {value:.3f}" for name, value in scores.summary().items()]
    if details and scores.problems:
        lines += ["", f"{len(scores.problems)} problems:"] + [f"  {p}" for p in scores.problems]
    return "\n".join(lines) + "\n"
