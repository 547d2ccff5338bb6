"""Extraction throughput over a generated corpus, against quantulum3 on the same text.

    python benchmarks/throughput.py [--mb 10] [--sample-kb 100] [--repeat 5] [--pure]

Documents are generated from templates one at a time, extracted and dropped,
so memory is bounded by the largest document, not the corpus. quantulum3 (a
benchmark-only dependency: pip install quantulum3) is slow, so both extractors
are timed on the same sample, repeatedly, and the medians compared; the full
corpus is then run through ours alone for MB/s and sentences/s. ``--pure`` runs the
extractor's sources where ``setup.py`` has compiled them, so the two builds can be compared.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import random
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _sources_only(path: str) -> importlib.machinery.FileFinder:
    """A finder for the package's own folders that sees its sources, not its compiled modules."""
    if not Path(path).resolve().is_relative_to(ROOT / "dashboard"):
        raise ImportError  # every other folder as usual: numpy and pandas are compiled too
    return importlib.machinery.FileFinder(
        path, (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)
    )


if "--pure" in sys.argv:  # before the package is imported
    sys.path_hooks.insert(0, _sources_only)
    sys.path_importer_cache.clear()

from dashboard.compiled import compiled_files  # noqa: E402
from dashboard.documents import Document  # noqa: E402
from dashboard.extract import extract_document  # noqa: E402
from dashboard.sentences import split_sentences  # noqa: E402

PAIRS = [
    ("China", "Russia"), ("the United States", "China"), ("India", "Russia"), ("the EU", "China"),
    ("Japan", "South Korea"), ("Brazil", "Argentina"), ("Germany", "Poland"), ("Turkey", "Iraq"),
]  # fmt: skip
AMOUNTS = [
    "${v} billion",
    "€{v}bn",
    "US${v} million",
    "{v} billion yuan",
    "Rs {v} lakh crore",
    "£{v}m",
    "USD {v}bn",
]
QUANTITIES = ["{v} million tonnes", "{v} bcm", "{v} million barrels per day", "{v} million TEU"]
PERIODS = [
    "last year",
    "in 2022",
    "in the first quarter",
    "so far this year",
    "in the 12 months to March",
    "in FY23",
]
BOUNDS = ["", "about ", "more than ", "nearly ", "up to "]
TEMPLATES = [
    "{a}'s exports to {b} rose {p}% {period} to {bound}{amount}, customs data showed.",
    "Trade between {a} and {b} reached {bound}{amount} {period}, according to the commerce ministry.",
    "{a} imported {quantity} from {b} {period}, up {p} per cent from a year earlier.",
    "The deficit with {b} widened by {amount} {period}, officials in {a} said.",
    "That was roughly {p}% of {a}'s total imports.",
    "{a} and {b} signed {n} agreements on {day} during a visit by the prime minister.",
    "Analysts expect growth of between {p}% and {p2}% next year as demand recovers.",
    "The talks, which lasted {n} days, covered tariffs of {p}% on steel and aluminium.",
]
# Wire copy is mostly not figures: who met whom, what they said, the background.
# These sentences carry names, dates, years and counts that are not figures.
PROSE = [
    "{a} and {b} have grown closer since {year}, when their leaders met at the G20 summit.",
    '"We will continue to deepen our cooperation," {person} told reporters in {capital} on {day}.',
    "{person}, who has led the ministry since {year}, said the talks had been constructive.",
    "The visit is the first by a {a_adj} head of government to {b} in {n} years.",
    "Officials did not say when the next round of negotiations would take place.",
    "{a} has sought new markets for its goods as relations with the West have soured.",
    "The agreement still needs to be ratified by parliaments in both countries.",
    "Critics say the deal leaves {a} dependent on a single buyer for its energy.",
    "{person} is due to travel to {capital} later this month for a meeting of the {n}-member group.",
    "Shares of state-owned exporters were little changed in {capital} on {day}.",
]
PEOPLE = ["Li Qiang", "Alexander Novak", "Gina Raimondo", "Piyush Goyal", "Valdis Dombrovskis"]
CAPITALS = ["Beijing", "Moscow", "Washington", "New Delhi", "Brussels", "Tokyo", "Berlin"]
ADJECTIVES = ["Chinese", "Russian", "Indian", "German", "Japanese", "Brazilian"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def sentence(rng: random.Random, figure_share: float) -> str:
    """One sentence: with ``figure_share`` probability a figure template, else prose."""
    a, b = rng.choice(PAIRS)
    value = f"{rng.uniform(1, 900):.1f}"
    templates = TEMPLATES if rng.random() < figure_share else PROSE
    return rng.choice(templates).format(
        a=a,
        b=b,
        p=rng.randint(1, 60),
        p2=rng.randint(61, 90),
        n=rng.randint(2, 30),
        day=rng.choice(DAYS),
        period=rng.choice(PERIODS),
        bound=rng.choice(BOUNDS),
        amount=rng.choice(AMOUNTS).format(v=value),
        quantity=rng.choice(QUANTITIES).format(v=value),
        year=rng.randint(1992, 2022),
        person=rng.choice(PEOPLE),
        capital=rng.choice(CAPITALS),
        a_adj=rng.choice(ADJECTIVES),
    )


def documents(megabytes: float, figure_share: float, seed: int = 7) -> Iterator[Document]:
    """Generated documents of 2-6 KB until ``megabytes`` of text, one at a time."""
    rng = random.Random(seed)
    total, index = 0, 0
    while total < megabytes * 1_000_000:
        paragraphs = []
        size = rng.randint(2_000, 6_000)
        while sum(map(len, paragraphs)) < size:
            paragraphs.append(" ".join(sentence(rng, figure_share) for _ in range(rng.randint(2, 5))))
        text = "\n\n".join(paragraphs)
        total += len(text.encode())
        index += 1
        yield Document(text=text, doc_id=f"bench-{index}", published="2023-05-24")


def ours(docs: list[Document]) -> int:
    return sum(len(extract_document(d)) for d in docs)


def theirs(docs: list[Document]) -> int:
    from quantulum3 import parser

    return sum(len(parser.parse(d.text)) for d in docs)


def median_seconds(run, docs: list[Document], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(docs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# The seed article, real wire copy, has figures in 4 of its 24 sentences; the
# dev set's excerpts were cut around figures. Both shapes are measured.
CORPORA = {"wire": 0.25, "dense": 1.0}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    args.add_argument(
        "--sample-kb", type=float, default=100.0, help="sample both extractors run on (default 100)"
    )
    args.add_argument(
        "--repeat", type=int, default=5, help="timed runs per extractor on the sample (default 5)"
    )
    args.add_argument(
        "--pure", action="store_true", help="run the extractor's sources, not its compiled modules (setup.py)"
    )
    opts = args.parse_args()
    warnings.filterwarnings("ignore")
    if compiled := [
        name for name, module in sys.modules.items() if name.startswith("dashboard.") and _is_compiled(module)
    ]:
        print(f"extractor: {len(compiled)} modules compiled with mypyc (--pure runs their sources)")
    else:
        print("extractor: pure Python" + (" (--pure)" if compiled_files() else ""))
    for name, share in CORPORA.items():
        print(f"{name} corpus: a figure template for {share:.0%} of sentences, prose for the rest")
        compare(share, opts.sample_kb, opts.repeat)
        throughput(share, opts.mb)


def _is_compiled(module: object) -> bool:
    return str(getattr(module, "__file__", "") or "").endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def compare(share: float, sample_kb: float, repeat: int) -> None:
    sample = list(documents(sample_kb / 1000, share, seed=11))
    sample_mb = sum(len(d.text.encode()) for d in sample) / 1e6
    ours(sample[:2])  # load word lists and the unit registry before timing
    theirs(sample[:2])
    ours_s = median_seconds(ours, sample, repeat)
    theirs_s = median_seconds(theirs, sample, max(1, repeat // 2))
    print(f"  sample: {sample_mb:.2f} MB, {len(sample)} documents")
    print(f"    ours       median {ours_s:7.3f} s  {sample_mb / ours_s:8.2f} MB/s")
    print(f"    quantulum3 median {theirs_s:7.3f} s  {sample_mb / theirs_s:8.3f} MB/s")
    print(f"    ratio (ours / quantulum3 throughput): {theirs_s / ours_s:.0f}x")


def throughput(share: float, megabytes: float) -> None:
    rss_before = peak_rss_mb()
    total_bytes = sentences = figures = largest = 0
    seconds = 0.0
    for doc in documents(megabytes, share):
        size = len(doc.text.encode())
        total_bytes += size
        largest = max(largest, size)
        sentences += len(split_sentences(doc.text))  # counted apart, not timed
        start = time.perf_counter()
        figures += len(extract_document(doc))
        seconds += time.perf_counter() - start
    print(
        f"  corpus: {total_bytes / 1e6:.1f} MB, {sentences:,} sentences, {figures:,} figures "
        f"({figures / total_bytes * 1000:.1f} per KB), largest document {largest:,} bytes"
    )
    print(
        f"    {total_bytes / 1e6 / seconds:.2f} MB/s, {sentences / seconds:,.0f} sentences/s "
        f"in {seconds:.1f} s on one core"
    )
    print(f"    peak RSS {peak_rss_mb():.0f} MB (before the corpus {rss_before:.0f} MB)")


if __name__ == "__main__":
    main()
