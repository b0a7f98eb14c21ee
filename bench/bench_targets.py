"""Issue 16's targets, each against its floor (the bare work) in the same run, on a store that holds
the synthetic organisation of bench/generate.py (SQLite file or PostgreSQL URL).

    .venv/bin/python bench/generate.py -o /tmp/syn.json
    .venv/bin/raadhuis --db /tmp/syn.sqlite import /tmp/syn.json
    .venv/bin/python bench/bench_targets.py --db /tmp/syn.sqlite                 # queries
    .venv/bin/python bench/bench_targets.py --db /tmp/syn.sqlite --api           # + the API under load
    .venv/bin/python bench/bench_targets.py --db /tmp/syn.sqlite --only-api      # the API alone
    .venv/bin/python bench/bench_targets.py --db postgresql://postgres@127.0.0.1:5432/test?options=-csearch_path%3Dsyn \\
        --api --workers 1,2

Queries (in this process, ``--runs`` pairs after a warm-up, product and floor in turn, A B A B):

- as-of cold: ``register.show`` encoded to JSON as the API sends it, with every kept answer
  dropped first (what the first read after a write finds); floor: the database driver reading the
  same unit rows and FTE sums for the day, ``json.loads`` of each unit, ``json.dumps`` of the rows;
- as-of repeated: the same question again (the kept answer);
- diff of one year and of twenty: ``register.diff``, cold; floor: the driver reading the unit
  versions that begin or end between the two days and decoding them;
- lineage of a merged unit: ``register.lineage_of``; floor: the driver reading the organisation's
  lineage links and the unit's versions.

With ``--api`` the product runs as ``raadhuis serve`` (uvicorn, ``--workers`` processes, a free
port on 127.0.0.1) and the floor as uvicorn serving the product's own answer bytes from memory;
``--clients`` asyncio clients (httpx, raw bytes, no decoding) ask for the as-of tree for
``--seconds``, without and with gzip accepted; each load of the product is followed at once by the
same load of the floor, ``--rounds`` such pairs (the medians; the ratio is the median of the pairs'
ratios), so that other work on a shared machine weighs on both alike. Also: 304 Not Modified for a client that
sends the ETag (median over 200 requests on one connection), the resident memory of each worker
after the load, and with more than one worker, whether a write through the server is seen by the
next read on every worker (the Losser example is loaded into the store for that when missing).
Bounded: at most 50 clients and 60 s per load; every server is stopped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from raadhuis.domain.model import View
from raadhuis.services import register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store, resolve_url
from raadhuis.web import answers

ORG = "GM9000"
ROOT = Path(__file__).resolve().parents[1]
_dumps = json.dumps


# --- the floors: the database driver, no product code -----------------------------------------


class Driver:
    """A bare DBAPI connection to the same store (sqlite3 or psycopg)."""

    def __init__(self, url: str) -> None:
        self.sqlite = url.startswith("sqlite")
        if self.sqlite:
            import sqlite3

            self.conn: Any = sqlite3.connect(url.split("///", 1)[1])
        else:
            import psycopg

            self.conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))

    def rows(self, sql: str, *params: Any) -> list[Any]:
        if not self.sqlite:
            sql = sql.replace("?", "%s")
        cur = self.conn.cursor()
        cur.execute(sql, params)
        out = cur.fetchall()
        cur.close()
        if not self.sqlite:
            self.conn.rollback()
        return list(out)

    def close(self) -> None:
        self.conn.close()


def _loads(value: Any) -> Any:
    return value if isinstance(value, dict) else json.loads(value)


def floor_as_of(db: Driver, day: date) -> int:
    d = day.isoformat()
    units = db.rows(
        "SELECT data FROM unit_version WHERE organisation = ? AND view = 'actual' AND valid_from <= ? AND valid_to > ?",
        ORG,
        d,
        d,
    )
    fte = {
        u: (f, b, n)
        for u, f, b, n in db.rows(
            "SELECT unit_id, fte, filled_fte, posts FROM unit_fte"
            " WHERE organisation = ? AND view = 'actual' AND valid_from <= ? AND valid_to > ?",
            ORG,
            d,
            d,
        )
    }
    rows = []
    for (data,) in units:
        unit = _loads(data)
        f, b, n = fte.get(unit["id"], (0.0, 0.0, 0))
        rows.append(dict(unit, fte=f, filled_fte=b, posts=n))
    return len(_dumps(rows))


def floor_diff(db: Driver, start: date, end: date) -> int:
    a, b = start.isoformat(), end.isoformat()
    rows = db.rows(
        "SELECT unit_id, valid_from, valid_to, data FROM unit_version WHERE organisation = ? AND view = 'actual'"
        " AND ((valid_from > ? AND valid_from <= ?) OR (valid_to > ? AND valid_to <= ?))",
        ORG,
        a,
        b,
        a,
        b,
    )
    return len([_loads(data) for *_, data in rows])


def floor_lineage(db: Driver, unit: str) -> int:
    links = db.rows(
        "SELECT source, target, day, event_id, type FROM lineage_link WHERE organisation = ? AND view = 'actual'", ORG
    )
    versions = db.rows(
        "SELECT valid_from, valid_to, name, kind, parent_id FROM unit_version"
        " WHERE organisation = ? AND view = 'actual' AND unit_id = ? ORDER BY valid_from",
        ORG,
        unit,
    )
    return len(links) + len(versions)


# --- timing --------------------------------------------------------------------------------


def forget() -> None:
    """Drop every kept answer: what the first read after a write finds (its revision is new)."""
    register._AS_OF.items.clear()  # noqa: SLF001 - the bench measures both sides of the reuse
    register._UNITS.items.clear()  # noqa: SLF001
    register._UNCERTAIN.items.clear()  # noqa: SLF001
    answers.KEPT.items.clear()


def _ms(fn: Callable[[], Any], cold: bool) -> float:
    if cold:
        forget()
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def paired(product: Callable[[], Any], floor: Callable[[], Any] | None, runs: int, cold: bool) -> dict[str, float]:
    """Medians of product and floor, run in turn, and the median of the ratios pair by pair."""
    product()
    if floor:
        floor()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(_ms(product, cold))
        if floor:
            b.append(_ms(floor, False))
    out = {"product": statistics.median(a)}
    if b:
        out["floor"] = statistics.median(b)
        out["ratio"] = statistics.median(x / y for x, y in zip(a, b, strict=True))
    return out


def merged_unit(store: Store) -> str:
    """A unit with both predecessors and successors, as bench_core.py picks it."""
    with store.session() as s:
        links = repo.lineage_links(s, ORG, View.ACTUAL)
        known = set(repo.unit_names(s, ORG, View.ACTUAL))  # a link may name a unit that never had a day of its own
    both = sorted({link.target for link in links} & {link.source for link in links} & known)
    return both[len(both) // 2] if both else sorted({link.target for link in links} or {"U1"})[0]


def queries(store: Store, url: str, runs: int) -> list[tuple[str, dict[str, float], str]]:
    db = Driver(url)
    day = date(2024, 7, 1)
    unit = merged_unit(store)
    encode = answers._encode  # noqa: SLF001 - the bytes the API sends
    cases: list[tuple[str, Callable[[], Any], Callable[[], Any] | None, bool, str]] = [
        (
            f"as-of cold {day} (`register.show` → JSON)",
            lambda: encode(register.show(store, ORG, day)),
            lambda: floor_as_of(db, day),
            True,
            "≤ 2× floor and ≤ 60 ms",
        ),
        (
            f"as-of repeated {day}",
            lambda: register.show(store, ORG, day),
            None,
            False,
            "≤ 5 ms",
        ),
        (
            "diff one year 2014-07-01 → 2015-07-01 (cold)",
            lambda: register.diff(store, ORG, date(2014, 7, 1), date(2015, 7, 1)),
            lambda: floor_diff(db, date(2014, 7, 1), date(2015, 7, 1)),
            True,
            "≤ 100 ms",
        ),
        (
            "diff twenty years 2005-01-01 → 2024-12-31 (cold)",
            lambda: register.diff(store, ORG, date(2005, 1, 1), date(2024, 12, 31)),
            lambda: floor_diff(db, date(2005, 1, 1), date(2024, 12, 31)),
            True,
            "≤ 500 ms",
        ),
        (
            f"lineage of {unit}",
            lambda: register.lineage_of(store, ORG, unit),
            lambda: floor_lineage(db, unit),
            True,
            "≤ 20 ms",
        ),
    ]
    out = []
    for label, product, floor, cold, target in cases:
        out.append((label, paired(product, floor, runs, cold), target))
        print(f"  {label}: {out[-1][1]}", file=sys.stderr, flush=True)
    db.close()
    return out


# --- the API under load --------------------------------------------------------------------

_FLOOR_SERVER = """
import sys, uvicorn
body = open(sys.argv[1], "rb").read()
headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
if sys.argv[3] == "gzip":
    headers.append((b"content-encoding", b"gzip"))
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A server in a child process on a free loopback port, stopped on leaving."""

    def __init__(self, argv: list[str], ready_path: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.argv = [a.replace("{port}", str(self.port)) for a in argv]
        self.ready_path = ready_path

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started = time.perf_counter()
        while True:
            try:
                if httpx.get(self.base + self.ready_path, timeout=30).status_code < 500:
                    return self
            except httpx.HTTPError:
                pass
            if time.perf_counter() - started > 120 or self.proc.poll() is not None:
                self.__exit__()
                raise RuntimeError(f"the server did not start: {' '.join(self.argv)}")
            time.sleep(0.3)

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each process serving requests (the workers; one process alone when
        there is one worker)."""
        pids = _children(self.proc.pid)
        serving = [p for p in pids if not _children(p)] or [self.proc.pid]
        return [_rss_mb(p) for p in serving]


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out += [int(c) for c in (task / "children").read_text().split()]
    deeper = [g for c in out for g in _children(c)]
    return out + deeper


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _load(base: str, path: str, clients: int, seconds: float, gzip: bool) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    headers = {"Accept-Encoding": "gzip" if gzip else "identity"}

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=60, headers=headers) as http:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    async with http.stream("GET", path) as response:
                        async for _ in response.aiter_raw():
                            pass
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    latencies.append(time.perf_counter() - started)
                else:
                    errors += 1

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]
    return {
        "rps": len(latencies) / elapsed,
        # The clients' own share of the machine (cores): on 2 cores what they take, the servers cannot.
        "client_cores": (time.process_time() - cpu) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000,
        "errors": errors,
    }


def _median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def load(base: str, path: str, clients: int, seconds: float, gzip: bool) -> dict[str, float]:
    return asyncio.run(_load(base, path, clients, seconds, gzip))


def not_modified_ms(base: str, path: str, n: int = 200) -> dict[str, float]:
    with httpx.Client(base_url=base, timeout=30) as http:
        etag = http.get(path).headers["etag"]
        times = []
        for _ in range(n):
            started = time.perf_counter()
            r = http.get(path, headers={"If-None-Match": etag})
            times.append((time.perf_counter() - started) * 1000)
            assert r.status_code == 304, r.status_code
        server = float(r.headers.get("server-timing", "app;dur=0").split("dur=")[1])
    return {"p50": statistics.median(times), "p95": sorted(times)[round(0.95 * (n - 1))], "server_last": server}


def across_workers(base: str, store: Store, reads: int = 20) -> str:
    """A write through the server, then ``reads`` reads on fresh connections (any worker): how
    many show it. Losser (examples/losser.yaml) is loaded first when the store lacks it."""
    with store.session() as s:
        known = {o.id for o in repo.organisations(s)}
    if "GM0168" not in known:
        register.import_dataset(store, ROOT / "examples" / "losser.yaml", who="bench", reason="bench: workers")
    day = date(2040, 1, 1) + timedelta(days=int(time.time()) % 3000)
    path = f"/api/v1/organisations/GM0168?at={day}"
    first = httpx.get(base + path, timeout=30).json()
    unit = first["units"][-1]
    for _ in range(reads):  # every worker keeps the answer before the write
        httpx.get(base + path, timeout=30, headers={"Connection": "close"})
    name = f"{unit['name'].split(' (bench')[0]} (bench {int(time.time())})"
    event = {"id": f"bench-{int(time.time() * 1000)}", "type": "rename", "date": str(day), "unit": unit["id"]}
    event["name"] = name
    r = httpx.post(
        base + "/api/v1/organisations/GM0168/events",
        params={"reason": "bench: a write seen by every worker"},
        json=[event],
        timeout=120,
    )
    assert r.status_code == 201, r.text
    seen = 0
    for _ in range(reads):
        body = httpx.get(base + path, timeout=30, headers={"Connection": "close"}).json()
        seen += any(u["id"] == unit["id"] and u["name"] == name for u in body["units"])
    return f"{seen}/{reads}"


def api(url: str, store: Store, workers: list[int], clients: int, seconds: float, rounds: int = 1) -> list[str]:
    raadhuis = str(Path(sys.executable).with_name("raadhuis"))
    day = date(2024, 7, 1)
    path = f"/api/v1/organisations/{ORG}?at={day}"
    lines: list[str] = []
    results: dict[int, dict[str, Any]] = {}
    floor: dict[str, Any] = {}
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"raadhuis-bench-{os.getpid()}"
    tmp.mkdir(exist_ok=True)
    for n in workers:
        argv = [raadhuis, "--db", url, "serve", "--port", "{port}", "--no-examples", "--workers", str(n)]
        with Server(argv, "/api/v1/organisations") as server:
            plain = httpx.get(server.base + path, timeout=120, headers={"Accept-Encoding": "identity"})
            (tmp / "plain.json").write_bytes(plain.content)
            with (
                httpx.Client(timeout=120) as http,
                http.stream("GET", server.base + path, headers={"Accept-Encoding": "gzip"}) as r,
            ):
                raw = b"".join(r.iter_raw())
                assert r.headers.get("content-encoding") == "gzip"
            (tmp / "packed.gz").write_bytes(raw)
            for _ in range(3 * n):  # every worker has the answer (the repeated case of the target)
                httpx.get(server.base + path, timeout=120)
            res: dict[str, Any] = {"size": len(plain.content), "gz": len(raw)}
            with contextlib.ExitStack() as floors:
                if n == workers[0]:
                    # The floor servers wait beside the product's: each load of the product is
                    # followed at once by the same load of the floor (a pair), ``rounds`` times,
                    # so that the other work on the machine weighs on both alike.
                    bare = {
                        kind: floors.enter_context(
                            Server([sys.executable, "-c", _FLOOR_SERVER, str(tmp / file), "{port}", kind], "/")
                        )
                        for kind, file in (("plain", "plain.json"), ("gzip", "packed.gz"))
                    }
                runs: dict[str, list[dict[str, float]]] = {"plain": [], "gzip": []}
                floor_runs: dict[str, list[dict[str, float]]] = {"plain": [], "gzip": []}
                for _ in range(rounds):
                    for kind in ("plain", "gzip"):
                        runs[kind].append(load(server.base, path, clients, seconds, gzip=kind == "gzip"))
                        if n == workers[0]:
                            floor_runs[kind].append(load(bare[kind].base, path, clients, seconds, gzip=kind == "gzip"))
            for kind in ("plain", "gzip"):
                res[kind] = _median_run(runs[kind])
                if n == workers[0]:
                    floor[kind] = _median_run(floor_runs[kind])
                    pairs = [a["rps"] / b["rps"] for a, b in zip(runs[kind], floor_runs[kind], strict=True)]
                    res[f"{kind}_ratio"] = statistics.median(pairs)
                    res[f"{kind}_ratios"] = pairs
            res["304"] = not_modified_ms(server.base, path)
            res["rss"] = server.worker_rss_mb()
            print(f"  {n} worker(s): {res}", file=sys.stderr, flush=True)
            if n > 1:
                res["across"] = across_workers(server.base, store)
                print(f"  seen by the next reads: {res['across']}", file=sys.stderr, flush=True)
            results[n] = res
        if n == workers[0]:
            print(f"  floor: {floor}", file=sys.stderr, flush=True)
    first = results[workers[0]]
    lines.append(
        f"| as-of tree, {clients} clients × {seconds:.0f} s, 1 worker, identity ({first['size'] / 1e6:.2f} MB) |"
        f" {first['plain']['rps']:.1f} req/s, p95 {first['plain']['p95']:.0f} ms |"
        f" {floor['plain']['rps']:.1f} req/s | {first['plain_ratio']:.2f} | ≥ 0.8 |"
    )
    lines.append(
        f"| same, gzip accepted ({first['gz'] / 1e6:.2f} MB sent) |"
        f" {first['gzip']['rps']:.1f} req/s, p95 {first['gzip']['p95']:.0f} ms |"
        f" {floor['gzip']['rps']:.1f} req/s | {first['gzip_ratio']:.2f} | ≥ 0.8 |"
    )
    lines.append(
        f"| 304 Not Modified with the ETag (client, one connection) | p50 {first['304']['p50']:.1f} ms,"
        f" p95 {first['304']['p95']:.1f} ms (server {first['304']['server_last']:.1f} ms) | | | ≤ 5 ms |"
    )
    for n, res in results.items():
        lines.append(
            f"| resident memory per worker, {n} worker(s), after the load | "
            + ", ".join(f"{mb:.0f} MB" for mb in res["rss"])
            + " | | | < 500 MB |"
        )
        if n > 1:
            one = results[workers[0]]
            for kind in ("plain", "gzip"):
                lines.append(
                    f"| {n} workers vs 1, {kind} | {res[kind]['rps']:.1f} vs {one[kind]['rps']:.1f} req/s"
                    f" (the clients used {res[kind]['client_cores']:.2f} and {one[kind]['client_cores']:.2f}"
                    f" of {os.cpu_count()} cores) | | {res[kind]['rps'] / one[kind]['rps']:.2f} | ≥ 1.7 |"
                )
            lines.append(
                f"| a write through the server seen by the next reads ({n} workers) | {res['across']} | | | all |"
            )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="SQLite path or PostgreSQL URL holding the synthetic organisation")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--api", action="store_true", help="also the API under load (starts servers)")
    ap.add_argument("--only-api", action="store_true", help="the API under load only, not the queries")
    ap.add_argument("--workers", default="1", help="comma-separated worker counts, e.g. 1,2 (more than 1: PostgreSQL)")
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument(
        "--rounds", type=int, default=3, help="pairs of loads (product, then floor) per question of the API"
    )
    args = ap.parse_args()
    args.clients = max(1, min(args.clients, 50))  # a loopback test, not a flood
    args.seconds = max(1.0, min(args.seconds, 60.0))
    args.rounds = max(1, min(args.rounds, 10))
    url = resolve_url(args.db)
    store = Store(url)
    print(f"store: {url.split('://')[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    print("\n| question | product (median) | floor (median) | ratio (median of pairs) | target |")
    print("|---|---:|---:|---:|---|")
    for label, res, target in [] if args.only_api else queries(store, url, args.runs):
        floor = f"{res['floor']:.1f} ms" if "floor" in res else ""
        ratio = f"{res['ratio']:.2f}" if "ratio" in res else ""
        print(f"| {label} | {res['product']:.1f} ms | {floor} | {ratio} | {target} |", flush=True)
    if args.api or args.only_api:
        for line in api(url, store, [int(n) for n in args.workers.split(",")], args.clients, args.seconds, args.rounds):
            print(line, flush=True)
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
    store.dispose()


if __name__ == "__main__":
    main()
