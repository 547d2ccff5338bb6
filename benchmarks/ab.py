"""Two installs of the extractor timed on the same generated corpus, in alternating processes.

    python benchmarks/ab.py OLD_CHECKOUT NEW_CHECKOUT [--runs 3] [--mb 4]

Each checkout is a clone with its own ``.venv`` (``bash scripts/install.sh '.[bench]'``); each
run starts a fresh process per checkout, old then new, so a machine that slows or speeds up
over the minutes weighs on both alike. Prints milliseconds per MB for the wire-like and the
dense corpus of ``throughput.py``, each run and the medians, and the new one's change.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
from pathlib import Path

# Run inside each checkout's own interpreter: times extraction of one corpus, in ms per MB.
_TIMER = """
import sys, time
sys.path.insert(0, "benchmarks"); sys.path.insert(0, ".")
from throughput import documents
from dashboard.extract import extract_document
docs = list(documents({mb}, {share}))
size = sum(len(d.text.encode()) for d in docs) / 1e6
for d in docs[:30]:
    extract_document(d)
start = time.perf_counter()
for d in docs:
    extract_document(d)
print((time.perf_counter() - start) / size * 1000)
"""

_CORPORA = {"wire-like": 0.25, "dense": 1.0}


def ms_per_mb(checkout: Path, share: float, megabytes: float) -> float:
    """One fresh process of ``checkout``'s interpreter timing one corpus."""
    python = checkout / ".venv" / "bin" / "python"
    code = _TIMER.format(mb=megabytes, share=share)
    out = subprocess.run([str(python), "-c", code], cwd=checkout, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("old", type=Path, help="the checkout to compare against")
    args.add_argument("new", type=Path, help="the checkout measured")
    args.add_argument("--runs", type=int, default=3, help="alternating runs per corpus (default 3)")
    args.add_argument("--mb", type=float, default=4.0, help="MB of each corpus per run (default 4)")
    opts = args.parse_args()
    for name, share in _CORPORA.items():
        old: list[float] = []
        new: list[float] = []
        for _ in range(opts.runs):
            old.append(ms_per_mb(opts.old, share, opts.mb))
            new.append(ms_per_mb(opts.new, share, opts.mb))
        a, b = statistics.median(old), statistics.median(new)
        runs_old, runs_new = (", ".join(f"{x:.0f}" for x in xs) for xs in (old, new))
        print(f"{name}: old {runs_old} ms/MB, median {a:.0f}")
        print(f"{' ' * len(name)}  new {runs_new} ms/MB, median {b:.0f} ({b / a - 1:+.1%})")


if __name__ == "__main__":
    main()
