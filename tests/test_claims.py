"""Claims: one quantity reported by several documents, and reports that disagree."""

from __future__ import annotations

import math

import pytest

from dashboard.claims import count, precision, value_range
from dashboard.documents import Document
from dashboard.export import to_csv
from dashboard.filters import Filters

RECORD = Document(
    text="Trade between China and Russia reached a record $190 billion last year, customs data showed.",
    title="Record trade",
    source="Wire A",
    published="2023-03-01",
)
AGREES = Document(
    text="China-Russia trade hit $190.3 billion in 2022, up 29% on the year before, the ministry said.",
    title="Ministry figures",
    source="Wire B",
    published="2023-01-20",
)
ROUNDED = Document(
    text="Bilateral trade between Russia and China was nearly $200 billion in 2022.",
    title="Rounded",
    source="Wire C",
    published="2023-02-02",
)
DISAGREES = Document(
    text="Trade between China and Russia amounted to $150 billion in 2022, an analyst estimated.",
    title="Outlier",
    source="Wire D",
    published="2023-04-04",
)


@pytest.mark.parametrize(
    ("surface", "value", "expected"),
    [
        ("$190 billion", 190e9, 5e9),  # at least two significant digits: 185-195 bn
        ("$200 billion", 200e9, 5e9),  # not 150-250 bn
        ("$190.3 billion", 190.3e9, 0.05e9),
        ("$189.50bn", 189.5e9, 0.05e9),  # a written trailing zero after the point says nothing
        ("1,200 tonnes", 1200.0, 50.0),
        ("1,234 tonnes", 1234.0, 0.5),
        ("40%", 40.0, 0.5),
        ("7%", 7.0, 0.5),
        ("two billion dollars", 2e9, 0.1e9),  # words: approximate
    ],
)
def test_precision_is_half_the_last_written_digit(surface, value, expected):
    assert precision(surface, value) == pytest.approx(expected)


def test_bounds_open_the_range():
    assert value_range(190.0, "=", "190", False, False) == (185.0, 195.0)
    assert value_range(190.0, ">", "190", False, False) == (185.0, math.inf)
    assert value_range(190.0, "<", "190", False, False) == (0.0, 195.0)
    low, high = value_range(203.0, "~", "203", False, False)  # "about": at least 5% either way
    assert low == pytest.approx(192.85) and high == pytest.approx(213.15)
    assert value_range(3.0, "=", "3", True, True) == (-3.5, -2.5)  # a fall is negative


def _rows(*rows: tuple[str, float, str, str]) -> list[dict[str, object]]:
    base = {"metric": "trade", "countries": "CHN;RUS", "flow": "", "kind": "money", "unit": "USD"}
    return [
        {**base, "figure_id": f"d{i}:0", "surface": s, "value": v, "bound": b, "direction": d,
         "period_start": "2022-01-01", "period_end": "2022-12-31"}
        for i, (s, v, b, d) in enumerate(rows)
    ]  # fmt: skip


def test_count_groups_agreeing_values_and_flags_the_rest():
    rows = _rows(
        ("$190 billion", 190e9, "=", ""),
        ("$190.3 billion", 190.3e9, "=", ""),
        ("$150 billion", 150e9, "=", ""),
        ("29%", 29.0, "=", "up"),  # a change is another quantity than a level
    )
    rows[3].update(kind="percent", unit="%")
    (a, a_conflict), (b, b_conflict), (c, c_conflict), (_, d_conflict) = count(rows)
    assert a == b != c
    assert [a_conflict, b_conflict, c_conflict, d_conflict] == [True, True, True, False]


def test_a_rise_and_a_fall_of_the_same_size_disagree():
    rows = _rows(("5%", 5.0, "=", "up"), ("5%", 5.0, "=", "down"))
    for row in rows:
        row.update(kind="percent", unit="%")
    (up, up_conflict), (down, down_conflict) = count(rows)
    assert up != down and up_conflict and down_conflict


def test_figures_without_metric_or_period_stand_alone():
    rows = _rows(("$190 billion", 190e9, "=", ""), ("$190 billion", 190e9, "=", ""))
    rows[1].update(period_start="", period_end="")
    (first, first_conflict), (second, second_conflict) = count(rows)
    assert first != second and not first_conflict and not second_conflict


def test_flows_tell_exports_apart_and_mirror_imports(store):
    store.ingest(
        Document(
            text="China's exports to Russia rose 12.8% in 2022 to $76.1 billion, while imports from Russia "
            "jumped 43.4% to $114.1 billion, customs said.",
            published="2023-01-13",
        )
    )
    store.ingest(Document(text="Russia's exports to China rose 43% in 2022.", published="2023-01-20"))
    store.ingest(
        Document(text="Russian exports to China grew by 20% in 2022, a bank said.", published="2023-02-01")
    )
    frame = store.figures(Filters(kind=("percent",))).set_index("surface")
    flows = store._read("SELECT surface, flow FROM figures").set_index("surface")["flow"]
    assert flows.to_dict() == {
        "12.8%": "CHN>RUS", "$76.1 billion": "CHN>RUS", "43.4%": "RUS>CHN", "$114.1 billion": "RUS>CHN",
        "43%": "RUS>CHN", "20%": "RUS>CHN",
    }  # fmt: skip
    # China's 12.8% rise in exports is not contradicted by Russia's 43%: another flow.
    assert not frame.at["12.8%", "conflict"]
    # Russia's exports to China rose 43% or 20%: a conflict. China's imports from Russia run
    # the same way but are another metric, as customs count them apart.
    assert frame.at["43%", "claim_id"] != frame.at["43.4%", "claim_id"]
    assert frame.at["43%", "conflict"] and frame.at["20%", "conflict"]


def test_claims_across_documents_in_the_store(store):
    for doc in (RECORD, AGREES, ROUNDED, DISAGREES):
        store.ingest(doc)
    money = store.claims(Filters(kind=("money",), metric=("trade",)))
    by_sources = money.sort_values("sources", ascending=False).reset_index(drop=True)
    assert list(by_sources["sources"]) == [3, 1]  # $190bn, $190.3bn and "nearly $200bn"; $150bn
    assert by_sources["conflict"].all()
    assert by_sources.at[0, "low"] == 190e9 and by_sources.at[0, "high"] == 200e9

    reports = store.claim_sources(by_sources.at[0, "claim_id"])
    assert set(reports["title"]) == {"Record trade", "Ministry figures", "Rounded"}
    assert all(s in r for s, r in zip(reports["surface"], reports["sentence"], strict=True))

    conflicts, quantities = store.conflicts()
    assert quantities == 1
    first_only, _ = store.conflicts(per_claim=1)  # a long claim shows its first reports and a count
    assert sorted(first_only["reports"]) == [1, 3] and len(first_only) == 2
    most_reported, _ = store.conflicts(claims_each=1)  # and the rest of a quantity's claims counted
    assert set(most_reported["reports"]) == {3} and set(most_reported["claims"]) == {2}
    assert set(conflicts["surface"]) == {"$190 billion", "$190.3 billion", "$200 billion", "$150 billion"}
    assert conflicts["claim_id"].nunique() == 2

    # The outlier withdrawn, the rest agree.
    store.delete(DISAGREES.doc_id)
    money = store.claims(Filters(kind=("money",)))
    assert list(money["sources"]) == [3] and not money["conflict"].any()
    assert store.conflicts()[0].empty


def test_claim_ids_do_not_depend_on_ingest_order(tmp_path):
    from dashboard.store import Store

    one, two = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    for doc in (RECORD, AGREES, DISAGREES):
        one.ingest(doc)
    for doc in (DISAGREES, AGREES, RECORD):
        two.ingest(doc)
    ids = [s.figures().set_index("figure_id")["claim_id"].sort_index() for s in (one, two)]
    assert ids[0].equals(ids[1])


def test_the_csv_carries_claim_id(store):
    for doc in (RECORD, AGREES):
        store.ingest(doc)
    header = to_csv(store.figures()).splitlines()[0].split(",")
    assert header[-1] == "claim_id"
    rows = store.figures(Filters(kind=("money",)))
    assert rows["claim_id"].nunique() == 1


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_claims_counted_on_ingest_match_a_full_recount(tmp_path, seed):
    """Each ingest reads only the claims a new figure may join; the result must be what
    counting the whole corpus at once gives, whatever the order documents arrive in."""
    import random

    from dashboard.store import Store

    values = ["$190", "$190.3", "$196", "$201", "$207", "$150", "$152", "more than $180"]
    values += ["about $170", "$165", "$240"]
    rng = random.Random(seed)
    rng.shuffle(values)
    store = Store(tmp_path / "f.db")
    for i, value in enumerate(values):
        text = f"Trade between China and Russia reached {value} billion in 2022."
        store.ingest(Document(text=text, doc_id=f"d{i}", published="2023-02-01"))
    _assert_counted(store)
    stored = store._read("SELECT claim_id FROM figures")
    assert len(stored) == len(values) and stored["claim_id"].nunique() >= 2
    # Withdrawing documents recounts what they were part of, the claims table too.
    for doc_id in ("d3", "d7"):
        store.delete(doc_id)
        _assert_counted(store)


def _assert_counted(store) -> None:
    from dashboard import schema

    stored = store._read("SELECT * FROM figures ORDER BY figure_id").to_dict("records")
    assert [(r["claim_id"], bool(r["conflict"])) for r in stored] == count(stored)
    kept = store._read("SELECT * FROM claims ORDER BY claim_id")
    fresh = store._read(f"{schema.CLAIM_ROWS} GROUP BY f.claim_id ORDER BY f.claim_id")
    assert kept.to_numpy().tolist() == fresh.to_numpy().tolist()
