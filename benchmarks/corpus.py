"""A corpus in the store: ingest throughput, page load and click-to-source latency.

    python benchmarks/corpus.py [--documents 10000] [--database-url postgresql://...]

Generates documents from the throughput benchmark's templates (wire-like: a
quarter of sentences carry figures), ingests them one by one into a fresh store
(a SQLite file in a temporary folder, or the PostgreSQL database named, which
should be empty), then times on the server side, as the app's callbacks run
them: a page load (the layout and the views callback, unfiltered and filtered to
one country pair) and a click (the source panel of a claim, and of a figure).
Medians and 95th percentiles over repeated runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import CORPORA, documents

from dashboard.app import layout
from dashboard.app.callbacks import show_source, update_views
from dashboard.filters import Filters
from dashboard.store import Store


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--documents", type=int, default=10_000, help="documents to ingest (default 10000)")
    args.add_argument("--database-url", help="an empty PostgreSQL database; default a temporary SQLite file")
    opts = args.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        store = Store(opts.database_url or Path(folder) / "figures.db")
        print(f"store: {store.dialect} ({store.label})")
        count = size = figures = 0
        start = time.perf_counter()
        for doc in documents(1e9, CORPORA["wire"], seed=23):
            if count == opts.documents:
                break
            figures += store.ingest(doc).figures
            size += len(doc.text.encode())
            count += 1
            if count % 1000 == 0:
                print(f"  {count:,} documents, {time.perf_counter() - start:.0f} s", flush=True)
        seconds = time.perf_counter() - start
        print(
            f"ingest: {count:,} documents ({size / 1e6:.1f} MB, {figures:,} figures) in {seconds:.1f} s: "
            f"{count / seconds:.0f} documents/s, {size / 1e6 / seconds:.2f} MB/s "
            "(extraction and claims included)"
        )

        claims = store.claims()
        print(f"claims: {len(claims):,}, of which {int(claims['conflict'].sum()):,} in conflict")
        page = timed(
            lambda: (layout.build(store.options(), store.document_count()), update_views(store, Filters())), 7
        )
        pair = Filters(countries=("CHN;RUS",))
        filtered = timed(lambda: update_views(store, pair), 7)
        rng = random.Random(5)
        claim_ids = list(claims["claim_id"])
        figure_ids = list(store.figures(limit=5000)["figure_id"])
        claim_click = timed(lambda: show_source(store, ("claim", rng.choice(claim_ids))), 50)
        figure_click = timed(lambda: show_source(store, ("figure", rng.choice(figure_ids))), 50)
        for name, (median, p95) in (
            ("page load, all figures", page),
            ("page load, China-Russia", filtered),
            ("click a claim", claim_click),
            ("click a table row", figure_click),
        ):
            print(f"{name:26s} median {median:8.1f} ms   p95 {p95:8.1f} ms")
        store.engine.dispose()


if __name__ == "__main__":
    main()
