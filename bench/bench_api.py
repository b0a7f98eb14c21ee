"""Time the REST API at national scale, and load it with concurrent clients on loopback.

    python bench/bench_api.py                     # 10,000 units, 100,000 posts, 20 years
    python bench/bench_api.py --quick             # small organisation, short load test
    python bench/bench_api.py --clients 20 --seconds 15

1. The as-of tree ``GET /api/v1/organisations/GM9000?at=...`` through the app in process
   (``TestClient``), median of ``--runs``: the target is under 150 ms.
2. A load test: uvicorn in a child process on 127.0.0.1 (one worker, a free port), then
   ``--clients`` asyncio clients (httpx) each sending requests one after another for
   ``--seconds`` over a few endpoints. Reports per endpoint: requests, throughput, median
   and 95th-percentile latency, errors. The server is stopped afterwards, whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ORG, generate  # noqa: E402

from raadhuis.services import register  # noqa: E402
from raadhuis.store.database import Store  # noqa: E402

_SERVER = """
import sys, uvicorn
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
uvicorn.run(create_app(Store(sys.argv[1])), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def in_process(store: Store, at: date, runs: int) -> list[tuple[str, float]]:
    from fastapi.testclient import TestClient

    from raadhuis.web.app import create_app

    client = TestClient(create_app(store), base_url="http://127.0.0.1")
    paths = {
        "as-of tree": f"/api/v1/organisations/{ORG}?at={at}",
        "diff one year": f"/api/v1/organisations/{ORG}/diff?from={date(at.year - 1, at.month, at.day)}&to={at}",
    }
    out = []
    for name, path in paths.items():
        assert client.get(path).status_code == 200, path
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200
        out.append((name, statistics.median(times) * 1000))
    return out


async def load(base: str, endpoints: dict[str, str], clients: int, seconds: float) -> dict[str, list[float]]:
    latencies: dict[str, list[float]] = {name: [] for name in endpoints}
    errors: dict[str, int] = {name: 0 for name in endpoints}
    deadline = time.perf_counter() + seconds
    names = list(endpoints)

    async def client(k: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            i = k
            while time.perf_counter() < deadline:
                name = names[i % len(names)]
                i += 1
                started = time.perf_counter()
                try:
                    response = await http.get(endpoints[name])
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    latencies[name].append(time.perf_counter() - started)
                else:
                    errors[name] += 1

    await asyncio.gather(*(client(k) for k in range(clients)))
    return {name: latencies[name] + [-1.0] * errors[name] for name in endpoints}


def load_test(url: str, at: date, clients: int, seconds: float) -> list[tuple[str, int, float, float, float, int]]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", _SERVER, url, str(port)], env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.perf_counter()
        while True:
            try:
                if httpx.get(f"{base}/api/v1/organisations", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.perf_counter() - started > 60 or server.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        endpoints = {
            "as-of tree": f"/api/v1/organisations/{ORG}?at={at}",
            "unit": f"/api/v1/organisations/{ORG}/units/U1?at={at}",
            "lineage": f"/api/v1/organisations/{ORG}/units/U1/lineage",
            "organisations": "/api/v1/organisations",
        }
        results = asyncio.run(load(base, endpoints, clients, seconds))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    out = []
    for name, values in results.items():
        ok = [v for v in values if v >= 0]
        errors = len(values) - len(ok)
        if not ok:
            out.append((name, 0, 0.0, 0.0, 0.0, errors))
            continue
        out.append(
            (name, len(ok), len(ok) / seconds, statistics.median(ok) * 1000, percentile(ok, 0.95) * 1000, errors)
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="500 units, 5,000 posts, 5 years; 5 clients × 5 s")
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--db", help="an existing store (URL or SQLite path) holding the synthetic organisation")
    args = ap.parse_args()
    if args.quick:
        args.units, args.posts, args.years, args.runs, args.clients, args.seconds = 500, 5_000, 5, 5, 5, 5.0
    args.clients = max(1, min(args.clients, 200))  # bounded: this is a loopback test, not a flood
    args.seconds = max(1.0, min(args.seconds, 120.0))
    at = date(2005 + args.years - 1, 7, 1)
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            url = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
        else:
            path = Path(tmp) / "synthetic.json"
            path.write_text(json.dumps(generate(args.units, args.posts, args.years, seed=1)), "utf-8")
            url = f"sqlite:///{Path(tmp) / 'api.sqlite'}"
            register.import_dataset(Store(url), path)
        store = Store(url)
        timed = in_process(store, at, args.runs)
        store.dispose()
        loaded = load_test(url, at, args.clients, args.seconds)
    print(f"\nSynthetic organisation {ORG} on {at}; in-process: median of {args.runs}\n")
    print("| request (TestClient, in process) | median ms |\n|---|---:|")
    for name, ms in timed:
        print(f"| {name} | {ms:.0f} |")
    print(f"\nLoad test: {args.clients} clients for {args.seconds:.0f} s against uvicorn (1 worker) on 127.0.0.1\n")
    print("| endpoint | requests | per second | median ms | p95 ms | errors |\n|---|---:|---:|---:|---:|---:|")
    for name, n, rate, p50, p95, errors in loaded:
        print(f"| {name} | {n} | {rate:.1f} | {p50:.0f} | {p95:.0f} | {errors} |")


if __name__ == "__main__":
    main()
