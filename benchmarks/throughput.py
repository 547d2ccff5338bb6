"""Extraction throughput over a generated corpus, against quantulum3 on the same text.

    python benchmarks/throughput.py [--mb 10] [--sample-kb 200] [--repeat 5]

Documents are generated from templates one at a time, extracted and dropped,
so memory is bounded by the largest document, not the corpus. quantulum3 (a
benchmark-only dependency: pip install quantulum3) is slow, so both extractors
are timed on the same sample, repeatedly, and the medians compared; the full
corpus is then run through ours alone for MB/s and sentences/s.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.documents import Document
from dashboard.extract import extract_document
from dashboard.sentences import split_sentences

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
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def sentence(rng: random.Random) -> str:
    a, b = rng.choice(PAIRS)
    value = f"{rng.uniform(1, 900):.1f}"
    return rng.choice(TEMPLATES).format(
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
    )


def documents(megabytes: float, seed: int = 7) -> Iterator[Document]:
    """Generated documents of 2-6 KB until ``megabytes`` of text, one at a time."""
    rng = random.Random(seed)
    total, index = 0, 0
    while total < megabytes * 1_000_000:
        paragraphs = []
        size = rng.randint(2_000, 6_000)
        while sum(map(len, paragraphs)) < size:
            paragraphs.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))))
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


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    args.add_argument(
        "--sample-kb", type=float, default=200.0, help="sample both extractors run on (default 200)"
    )
    args.add_argument(
        "--repeat", type=int, default=5, help="timed runs per extractor on the sample (default 5)"
    )
    opts = args.parse_args()
    warnings.filterwarnings("ignore")

    sample = list(documents(opts.sample_kb / 1000, seed=11))
    sample_mb = sum(len(d.text.encode()) for d in sample) / 1e6
    ours(sample[:2])  # load word lists and the unit registry before timing
    theirs(sample[:2])
    ours_s = median_seconds(ours, sample, opts.repeat)
    theirs_s = median_seconds(theirs, sample, max(1, opts.repeat // 2))
    print(f"sample: {sample_mb:.2f} MB, {len(sample)} documents")
    print(f"  ours       median {ours_s:7.3f} s  {sample_mb / ours_s:8.2f} MB/s")
    print(f"  quantulum3 median {theirs_s:7.3f} s  {sample_mb / theirs_s:8.3f} MB/s")
    print(f"  ratio (ours / quantulum3 throughput): {theirs_s / ours_s:.0f}x")

    rss_before = peak_rss_mb()
    total_bytes = sentences = figures = largest = 0
    start = time.perf_counter()
    for doc in documents(opts.mb):
        size = len(doc.text.encode())
        total_bytes += size
        largest = max(largest, size)
        sentences += len(split_sentences(doc.text))
        figures += len(extract_document(doc))
    seconds = time.perf_counter() - start
    print(
        f"corpus: {total_bytes / 1e6:.1f} MB, {sentences:,} sentences, {figures:,} figures, "
        f"largest document {largest:,} bytes"
    )
    print(
        f"  {total_bytes / 1e6 / seconds:.2f} MB/s, {sentences / seconds:,.0f} sentences/s "
        f"in {seconds:.1f} s on one core"
    )
    print(f"  peak RSS {peak_rss_mb():.0f} MB (before the corpus {rss_before:.0f} MB)")


if __name__ == "__main__":
    main()
