"""Issue 14's speed: comparing two scenarios, and one edit of a scenario with its chart redrawn.

    .venv/bin/python bench/bench_scenarios.py                       # a 1,000-unit organisation (made here)
    .venv/bin/python bench/bench_scenarios.py --db /tmp/syn.sqlite  # the 10,000-unit one of generate.py

Makes two scenarios of the synthetic organisation GM9000 (bench/generate.py), branched the day after
its last event: one moves a team to another afdeling and renames an afdeling, the other moves two
other teams. Then, ``--runs`` times after a warm-up, in turn with the floor:

- the comparison (``services.scenarios.compare`` of the two, the figures of page, Excel and PDF)
  cold, with every kept start, evaluation and as-of answer dropped first (as after a write of the
  register), and repeated;
- one edit (``services.scenarios.add_events``: the team moved back and forth) and the scenario's
  page with its chart (``GET /o/GM9000/scenarios/…`` in process): what the consultant waits for
  after a drop on the chart;
- the floor: the database driver reading the units and posts of the organisation on the day and
  decoding them (what any comparison must at least read).

Targets (issue 14): comparison ≤ 1 s for 1,000 units and ≤ 5 s for 10,000; edit and redraw ≤ 300 ms
for 1,000 units. The scenarios stay in the store (a second run makes two more).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_targets import Driver, _loads, forget  # noqa: E402
from generate import ORG, generate  # noqa: E402

from raadhuis.services import register  # noqa: E402
from raadhuis.services import scenarios as svc  # noqa: E402
from raadhuis.store.database import Store, resolve_url  # noqa: E402


def floor_snapshot(db: Driver, day: date) -> int:
    d = day.isoformat()
    n = 0
    for table in ("unit_version", "post_version"):
        rows = db.rows(
            f"SELECT data FROM {table} WHERE organisation = ? AND view = 'actual' AND valid_from <= ? AND valid_to > ?",  # noqa: S608 - two fixed names
            ORG,
            d,
            d,
        )
        n += len([_loads(data) for (data,) in rows])
    return n


def forget_all() -> None:
    forget()
    svc._KEPT.clear()  # noqa: SLF001 - cold: nothing kept, as after a write of the register


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def pairs(product: Callable[[], Any], floor: Callable[[], Any], runs: int, cold: bool) -> dict[str, float]:
    product()
    floor()
    a, b = [], []
    for _ in range(runs):
        if cold:
            forget_all()
        a.append(timed(product))
        b.append(timed(floor))
    return {
        "product": statistics.median(a),
        "floor": statistics.median(b),
        "ratio": statistics.median(x / y for x, y in zip(a, b, strict=True)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="a store holding GM9000 (default: make a 1,000-unit one in a temporary file)")
    ap.add_argument("--units", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            url = resolve_url(args.db)
        else:
            path = Path(tmp) / "syn.json"
            path.write_text(json.dumps(generate(args.units, args.units * 10, 5, seed=1)), "utf-8")
            url = f"sqlite:///{Path(tmp) / 'scen.sqlite'}"
            register.import_dataset(Store(url), path, who="bench", reason="bench: scenarios")
        store = Store(url)
        run(store, url, args.runs)
        store.dispose()


def run(store: Store, url: str, runs: int) -> None:
    last = next(o for o in register.list_organisations(store) if o["id"] == ORG)["last_event"]
    branch = date.fromisoformat(last) + timedelta(days=1)
    day = branch + timedelta(days=30)
    shown = register.show(store, ORG, branch)
    by_depth: dict[int, list[dict[str, Any]]] = {}
    for u in shown["units"]:
        by_depth.setdefault(u["depth"], []).append(u)
    deepest = max(d for d in by_depth if len(by_depth[d]) >= 4)
    leaves = by_depth[deepest]
    parents = [u for u in by_depth[deepest - 1] if u["id"] not in {leaf["parent"] for leaf in leaves[:3]}]
    team, other_a, other_b = leaves[0], leaves[1], leaves[2]
    target = parents[0]
    renamed = by_depth[min(1, deepest - 1)][0]
    stamp = int(time.time())

    def move(eid: str, unit: dict[str, Any], parent: str) -> dict[str, Any]:
        return {"id": eid, "type": "move", "date": day.isoformat(), "unit": unit["id"], "parent": parent}

    a = svc.new(
        store,
        ORG,
        f"Bench A {stamp}",
        branch.isoformat(),
        "bench",
        origin="bench",
        events=[
            move("a-move", team, target["id"]),
            {"id": "a-rename", "type": "rename", "date": day.isoformat(), "unit": renamed["id"], "name": "Hernoemd"},
        ],
    )["scenario"]["id"]
    b = svc.new(
        store,
        ORG,
        f"Bench B {stamp}",
        branch.isoformat(),
        "bench",
        origin="bench",
        events=[move("b-move-1", other_a, target["id"]), move("b-move-2", other_b, target["id"])],
    )["scenario"]["id"]
    db = Driver(url)
    units = shown["totals"]["units"]
    print(f"GM9000: {units} units, {shown['totals']['posts']} posts on {branch}; scenarios {a} and {b} on {day}")
    print("\n| question | product (median) | floor (median) | ratio | target |\n|---|---:|---:|---:|---|")
    target_ms = 1000 if units <= 2000 else 5000
    for label, cold in (("cold", True), ("repeated", False)):
        res = pairs(lambda: svc.compare(store, ORG, [a, b], at=day), lambda: floor_snapshot(db, day), runs, cold)
        print(
            f"| compare two scenarios, {units:,} units, {label} | {res['product']:.0f} ms | {res['floor']:.0f} ms |"
            f" {res['ratio']:.1f} | ≤ {target_ms:,} ms |",
            flush=True,
        )
    from fastapi.testclient import TestClient

    from raadhuis.web.app import create_app

    client = TestClient(create_app(store), base_url="http://127.0.0.1")
    page = f"/o/{ORG}/scenarios/{a}"
    assert client.get(page).status_code == 200
    parents_cycle = [target["id"], team["parent"]]
    count = [0]

    def edit_and_redraw() -> None:
        count[0] += 1
        parent = parents_cycle[count[0] % 2]
        svc.add_events(store, ORG, a, [move("a-move", team, parent)], "bench", "bench: one edit", "bench")
        response = client.get(page)
        assert response.status_code == 200 and team["id"] in response.text

    res = pairs(edit_and_redraw, lambda: floor_snapshot(db, day), runs, cold=False)
    print(
        f"| one edit and the scenario's page with its chart, {units:,} units | {res['product']:.0f} ms |"
        f" {res['floor']:.0f} ms | {res['ratio']:.1f} | ≤ 300 ms (1,000 units) |",
        flush=True,
    )
    db.close()


if __name__ == "__main__":
    main()
