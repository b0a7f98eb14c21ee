"""Time all analyses on the synthetic 10,000-unit / 100,000-post organisation (median of 5).

    python bench/bench_analysis.py [--units 10000 --posts 100000 --years 20 --runs 5]

Imports the generated dataset into a temporary SQLite store, then times ``analyse`` (and each
analysis alone) and prints a markdown table. The target is under 2 seconds for ``analyse``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ORG, generate  # noqa: E402

from raadhuis.services import analysis, register  # noqa: E402
from raadhuis.store.database import Store  # noqa: E402


def _median(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.json"
        path.write_text(json.dumps(generate(args.units, args.posts, args.years, seed=1)), "utf-8")
        store = Store(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        started = time.perf_counter()
        register.import_dataset(store, path)
        imported = time.perf_counter() - started
        at = date(2005 + args.years - 1, 12, 31)
        snap = register.snapshot(store, ORG, at)
        rows = [
            ("import (once)", imported),
            ("analyse", _median(lambda: analysis.analyse(store, ORG, at), args.runs)),
            ("span", _median(lambda: analysis.span(store, ORG, at), args.runs)),
            ("vulnerability", _median(lambda: analysis.vulnerability(store, ORG, at), args.runs)),
            ("capacity", _median(lambda: analysis.capacity(store, ORG, at), args.runs)),
            ("indicators", _median(lambda: analysis.indicators(store, ORG, at), args.runs)),
        ]
        print(
            f"Synthetic organisation on {at}: {len(snap.units)} units, {len(snap.posts)} posts (median of {args.runs})\n"
        )
        print("| step | seconds |\n|---|---:|")
        for name, seconds in rows:
            print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
