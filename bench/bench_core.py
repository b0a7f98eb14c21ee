"""Time the register at national scale: import, as-of, diff and lineage, on SQLite and PostgreSQL.

    python bench/bench_core.py                # 10,000 units, 100,000 posts, 20 years
    python bench/bench_core.py --quick        # 500 units, 5,000 posts, 5 years (a minute)
    python bench/bench_core.py --no-pg        # SQLite only
    python bench/bench_core.py --plans        # also print the query plans of the as-of queries

Each import runs in a child process, which reports its own wall time and peak memory
(``ru_maxrss``), so one import's memory does not hide the next. Two imports are measured:
the whole dataset (units and posts as of 2005 plus 20 years of events) and the initial
state alone (the units and posts sections, no yearly events). The queries are then timed
in this process against the full import (median of ``--runs``).

PostgreSQL is used at ``--pg`` (default postgresql://postgres@127.0.0.1:5432/test) in a
schema of its own that is dropped afterwards; it is skipped with a note when unreachable.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ORG, generate  # noqa: E402

from raadhuis.domain.model import View  # noqa: E402
from raadhuis.services import register  # noqa: E402
from raadhuis.store import repository as repo  # noqa: E402
from raadhuis.store.database import Store  # noqa: E402

SCHEMA = "raadhuis_bench"

# Run in a fresh interpreter: import one file into one store, print wall seconds and peak RSS.
_CHILD = """
import json, resource, sys, time
from raadhuis.services import register
from raadhuis.store.database import Store
store = Store(sys.argv[2])
started = time.perf_counter()
result = register.import_dataset(store, sys.argv[1])
wall = time.perf_counter() - started
store.dispose()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "rss_mb": rss, "events": result.events}))
"""


def import_in_child(path: Path, url: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), url], check=True, capture_output=True, text=True, timeout=1800
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm the caches once, as a running server would have them
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


# --- PostgreSQL: a schema of our own ----------------------------------------------------


def pg_urls(base: str) -> tuple[str, str] | None:
    """(admin URL, URL whose search_path is the bench schema), or None when unreachable."""
    try:
        import psycopg

        with psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3) as conn:
            conn.execute("select 1")
    except Exception as exc:  # noqa: BLE001 - any failure means: no PostgreSQL here
        print(f"(PostgreSQL skipped: {exc})", file=sys.stderr)
        return None
    url = base if base.startswith("postgresql+psycopg://") else "postgresql+psycopg://" + base.split("://", 1)[1]
    sep = "&" if "?" in url else "?"
    return base, f"{url}{sep}options=-csearch_path%3D{SCHEMA}"


def pg_reset_schema(admin: str, drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(admin.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        if not drop_only:
            conn.execute(f"CREATE SCHEMA {SCHEMA}")


# --- the measurements -------------------------------------------------------------------


def lineage_unit(store: Store) -> str:
    """A unit with both predecessors and successors if there is one: the longest walk."""
    with store.session() as s:
        links = repo.lineage_links(s, ORG, View.ACTUAL)
    targets = {link.target for link in links}
    sources = {link.source for link in links}
    both = sorted(targets & sources)
    return both[len(both) // 2] if both else sorted(targets or {"U1"})[0]


class Rows(list[tuple[str, Any, str]]):
    """Results, each shown on stderr as soon as it is known (a full run takes a quarter of an hour)."""

    def append(self, row: tuple[str, Any, str]) -> None:
        print(" | ".join(f"{v:.1f}" if isinstance(v, float) else str(v) for v in row), file=sys.stderr, flush=True)
        super().append(row)


def time_queries(store: Store, days: list[date], runs: int) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = Rows()
    for day in days:
        shown = register.show(store, ORG, day)
        note = f"{shown['totals']['units']} units, {shown['totals']['posts']} posts"
        rows.append(
            (f"as-of service `register.show` {day}", median_ms(lambda d=day: register.show(store, ORG, d), runs), note)
        )

        def raw(d: date = day) -> object:
            with store.session() as s:
                return repo.units_as_of(s, ORG, d, View.ACTUAL)

        rows.append((f"as-of raw `repository.units_as_of` {day}", median_ms(raw, runs), ""))
    first, last = days[0], days[-1]
    changes = register.diff(store, ORG, first, last)
    rows.append(
        (
            f"diff `register.diff` {first} → {last}",
            median_ms(lambda: register.diff(store, ORG, first, last), runs),
            f"{len(changes['changes'])} changes, {len(changes['events'])} events",
        )
    )
    mid = days[len(days) // 2]
    yearly = register.diff(store, ORG, mid, date(mid.year + 1, mid.month, mid.day))
    rows.append(
        (
            f"diff `register.diff` one year from {mid}",
            median_ms(lambda: register.diff(store, ORG, mid, date(mid.year + 1, mid.month, mid.day)), runs),
            f"{len(yearly['changes'])} changes",
        )
    )
    unit = lineage_unit(store)
    found = register.lineage_of(store, ORG, unit)
    rows.append(
        (
            f"lineage `register.lineage_of` {unit}",
            median_ms(lambda: register.lineage_of(store, ORG, unit), runs),
            f"{len(found['predecessors'])} predecessors, {len(found['successors'])} successors",
        )
    )
    return rows


def query_plans(store: Store, day: date) -> list[str]:
    """The database's plan for the as-of, diff (event range) and lineage queries."""
    sqlite = store.url.startswith("sqlite")
    explain = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
    queries = {
        "as-of units": "SELECT data FROM unit_version WHERE organisation = :o AND view = 'actual' "
        "AND valid_from <= :d AND valid_to > :d",
        "as-of FTE": "SELECT unit_id, sum(fte), sum(filled_fte), count(*) FROM post_version WHERE organisation = :o "
        "AND view = 'actual' AND valid_from <= :d AND valid_to > :d GROUP BY unit_id",
        "events up to a day": "SELECT * FROM event_row WHERE organisation = :o AND effective <= :d "
        "ORDER BY effective, seq",
        "lineage links": "SELECT * FROM lineage_link WHERE organisation = :o AND view = 'actual'",
        "unit versions": "SELECT * FROM unit_version WHERE organisation = :o AND view = 'actual' AND unit_id = 'U1' "
        "ORDER BY valid_from",
    }
    from sqlalchemy import text

    out = []
    with store.session() as s:
        for name, sql in queries.items():
            rows = s.execute(text(explain + sql), {"o": ORG, "d": day.isoformat() if sqlite else day}).all()
            plan = "; ".join(str(r[-1]) for r in rows)
            out.append(f"{name}: {plan}")
    return out


def bench_backend(
    label: str, url_full: str, url_initial: str, full: Path, initial: Path, days: list[date], args: argparse.Namespace
) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = Rows()
    done = import_in_child(initial, url_initial)
    rows.append(
        (
            f"{label}: import initial state (units + posts, no events)",
            f"{done['wall']:.1f} s",
            f"peak RSS {done['rss_mb']:.0f} MB; {done['events']} events",
        )
    )
    done = import_in_child(full, url_full)
    rows.append(
        (
            f"{label}: import full dataset",
            f"{done['wall']:.1f} s",
            f"peak RSS {done['rss_mb']:.0f} MB; {done['events']} events",
        )
    )
    store = Store(url_full)
    try:
        for name, ms, note in time_queries(store, days, args.runs):
            rows.append((f"{label}: {name}", f"{ms:.0f} ms", note))
        if args.plans:
            for line in query_plans(store, days[-1]):
                print(f"[{label}] {line}")
    finally:
        store.dispose()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="500 units, 5,000 posts, 5 years, 5 runs")
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--plans", action="store_true")
    ap.add_argument("--dataset", type=Path, help="a generated dataset (JSON) to use instead of generating one")
    args = ap.parse_args()
    if args.quick:
        args.units, args.posts, args.years, args.runs = 500, 5_000, 5, 5
    with tempfile.TemporaryDirectory() as tmp:
        data = (
            json.loads(args.dataset.read_text("utf-8"))
            if args.dataset
            else generate(args.units, args.posts, args.years, seed=1)
        )
        full = Path(tmp) / "full.json"
        full.write_text(json.dumps(data), "utf-8")
        initial = Path(tmp) / "initial.json"
        initial.write_text(json.dumps({k: v for k, v in data.items() if k != "events"}), "utf-8")
        n_units, n_posts, n_events = len(data["units"]), len(data["posts"]), len(data.get("events", []))
        del data
        start = date(2005, 1, 1)
        days = [date(start.year + k, 7, 1) for k in (0, args.years // 2, args.years - 1)]
        rows: list[tuple[str, str, str]] = Rows()
        if not args.no_sqlite:
            rows += bench_backend(
                "SQLite",
                f"sqlite:///{Path(tmp) / 'full.sqlite'}",
                f"sqlite:///{Path(tmp) / 'initial.sqlite'}",
                full,
                initial,
                days,
                args,
            )
        urls = None if args.no_pg else pg_urls(args.pg)
        if urls is not None:
            admin, url = urls
            try:
                pg_reset_schema(admin)
                initial_rows = import_in_child(initial, url)
                pg_reset_schema(admin)
                rows.append(
                    (
                        "PostgreSQL: import initial state (units + posts, no events)",
                        f"{initial_rows['wall']:.1f} s",
                        f"peak RSS {initial_rows['rss_mb']:.0f} MB",
                    )
                )
                done = import_in_child(full, url)
                rows.append(
                    ("PostgreSQL: import full dataset", f"{done['wall']:.1f} s", f"peak RSS {done['rss_mb']:.0f} MB")
                )
                store = Store(url)
                try:
                    for name, ms, note in time_queries(store, days, args.runs):
                        rows.append((f"PostgreSQL: {name}", f"{ms:.0f} ms", note))
                    if args.plans:
                        for line in query_plans(store, days[-1]):
                            print(f"[PostgreSQL] {line}")
                finally:
                    store.dispose()
            finally:
                pg_reset_schema(admin, drop_only=True)
    print(
        f"\nSynthetic organisation {ORG}: {n_units} unit rows, {n_posts} post rows, {n_events} events "
        f"over {args.years} years; queries: median of {args.runs}\n"
    )
    print("| measurement | result | notes |\n|---|---:|---|")
    for name, value, note in rows:
        print(f"| {name} | {value} | {note} |")


if __name__ == "__main__":
    main()
