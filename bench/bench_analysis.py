"""Time the analyses on the synthetic 10,000-unit / 100,000-post organisation (median of 5).

    python bench/bench_analysis.py [--units 10000 --posts 100000 --years 20 --runs 5] [--db PATH]

Without ``--db`` it generates the dataset and imports it into a temporary SQLite store (a minute or
two); with ``--db`` it uses that store, importing into it only when the file does not exist yet.
It prints a markdown table with the reading of the snapshot (``register.snapshot``) apart from
the analyses on the snapshot once read (what :mod:`raadhuis.services.analysis` does after its
read): each alone, their sum, and all of them together as ``analyse`` runs them after its read
(vulnerability and capacity then share the figures of each unit's posts); and ``analyse`` end to
end (one read of the store and every analysis). The target (issue 16) is 1 second for the analyses.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ORG, generate  # noqa: E402

from raadhuis.analysis import span_of_control as soc  # noqa: E402
from raadhuis.domain.model import View  # noqa: E402
from raadhuis.services import analysis, register  # noqa: E402
from raadhuis.store.database import Store  # noqa: E402


def _median(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _timed_analyses(store: Store, at: date, runs: int) -> list[tuple[str, float]]:
    # The service's own steps after its read of the store, each under the same collector pause
    # as the public functions, so the rows add up to what ``analyse`` spends on the analyses.
    inp = analysis._load(store, ORG, at, View.ACTUAL)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("span of control (with formation)", lambda: analysis._span(inp, soc.DEFAULT_BAND)),
        ("vulnerability", lambda: analysis._vulnerability(inp)),
        ("capacity", lambda: analysis._capacity(inp)),
        ("indicators (incl. formatie from the store)", lambda: analysis._indicators(inp, store)),
    ]
    rows = []
    for name, step in steps:
        rows.append((name, _median(analysis._collector_paused(step), runs)))
    rows.append(("all analyses (sum)", sum(t for _, t in rows)))

    def together() -> None:
        # What ``analyse`` does after its read, each run from scratch: the units' assumptions too
        # (the rows above make them once, in the first run of the first step).
        inp._units_made = None  # noqa: SLF001 - from scratch
        analysis._analyses(inp, store, soc.DEFAULT_BAND)

    rows.append(
        (
            "all analyses as `analyse` runs them (with peers; figures shared)",
            _median(analysis._collector_paused(together), runs),
        )
    )
    return rows


def _store(args: argparse.Namespace, tmp: str) -> tuple[Store, float | None]:
    db = Path(args.db) if args.db else Path(tmp) / "bench.sqlite"
    store = Store(f"sqlite:///{db}")
    if args.db and db.exists():
        return store, None
    path = Path(tmp) / "synthetic.json"
    path.write_text(json.dumps(generate(args.units, args.posts, args.years, seed=1)), "utf-8")
    started = time.perf_counter()
    register.import_dataset(store, path)
    return store, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", help="SQLite file to use (imported into when it does not exist yet)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store, imported = _store(args, tmp)
        at = date(2005 + args.years - 1, 12, 31)
        snap = register.snapshot(store, ORG, at)
        rows: list[tuple[str, float]] = []
        if imported is not None:
            rows.append(("import (once, not a median)", imported))
        rows.append(
            ("snapshot load (`register.snapshot`)", _median(lambda: register.snapshot(store, ORG, at), args.runs))
        )
        rows.extend(_timed_analyses(store, at, args.runs))
        rows.append(("`analyse` end to end", _median(lambda: analysis.analyse(store, ORG, at), args.runs)))
        command = (
            f"python bench/bench_analysis.py --units {args.units} --posts {args.posts} --years {args.years} "
            f"--runs {args.runs}" + (f" --db {args.db}" if args.db else "")
        )
        print(
            f"Synthetic organisation {ORG} on {at}: {len(snap.units)} units, {len(snap.posts)} posts; "
            f"median of {args.runs} runs; Python {platform.python_version()} on {platform.machine()}.\n"
            f"Reproduce: `{command}`\n"
        )
        print("| step | seconds |\n|---|---:|")
        for name, seconds in rows:
            print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
