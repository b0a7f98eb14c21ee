"""As-of, diff and lineage on an existing store holding the synthetic organisation.

    .venv/bin/python bench/generate.py -o /tmp/raadhuis-syn.json
    .venv/bin/raadhuis --db /tmp/raadhuis-bench.sqlite import /tmp/raadhuis-syn.json
    .venv/bin/python bench/bench_queries.py --db /tmp/raadhuis-bench.sqlite [--runs 20]

Prints a markdown table of medians (after one warm-up). Use a PostgreSQL URL for --db to
measure the server store.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from raadhuis.domain.model import View
from raadhuis.services import register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store, resolve_url

ORG = "GM9000"


def median_ms(fn: Callable[[], Any], runs: int, cold: bool = False) -> float:
    """Median over ``runs`` after a warm-up. ``cold``: the service's reuse of as-of answers
    (valid until the next write) is emptied before each run, as after a write."""
    fn()
    times = []
    for _ in range(runs):
        if cold:
            register._AS_OF.items.clear()  # noqa: SLF001 - the bench measures both sides of the reuse
            register._UNITS.items.clear()  # noqa: SLF001
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    store = Store(resolve_url(args.db))

    def raw_units(day: date) -> Callable[[], Any]:
        def run() -> Any:
            with store.session() as s:
                return repo.units_as_of(s, ORG, day, View.ACTUAL)

        return run

    def raw_fte(day: date) -> Callable[[], Any]:
        def run() -> Any:
            with store.session() as s:
                return repo.fte_by_unit(s, ORG, day, View.ACTUAL)

        return run

    merged = next(u for u in register.show(store, ORG, date(2024, 7, 1))["units"] if u["id"].startswith("M"))["id"]
    cases: list[tuple[str, Callable[[], Any], str]] = []
    for day in (date(2005, 7, 1), date(2015, 7, 1), date(2024, 7, 1)):
        cases.append((f"`register.show` {day}", lambda d=day: register.show(store, ORG, d), "100"))
        cases.append((f"`repository.units_as_of` {day}", raw_units(day), "100"))
        cases.append((f"`repository.fte_by_unit` {day}", raw_fte(day), ""))
    cases.append(
        (
            "`register.diff` one year 2014-07-01 → 2015-07-01",
            lambda: register.diff(store, ORG, date(2014, 7, 1), date(2015, 7, 1)),
            "200",
        )
    )
    cases.append(
        (
            "`register.diff` 2005-07-01 → 2024-07-01",
            lambda: register.diff(store, ORG, date(2005, 7, 1), date(2024, 7, 1)),
            "200",
        )
    )
    cases.append((f"`register.lineage_of` {merged}", lambda: register.lineage_of(store, ORG, merged), ""))
    print(f"| query ({args.db.split('/')[-1]}, median of {args.runs}) | cold ms | repeated ms | target ms |")
    print("|---|---:|---:|---:|")
    for label, fn, target in cases:
        cold = median_ms(fn, args.runs, cold=True)
        warm = median_ms(fn, args.runs)
        print(f"| {label} | {cold:.0f} | {warm:.0f} | {target} |", flush=True)
    store.dispose()


if __name__ == "__main__":
    main()
