"""A synthetic organisation at national scale: 10,000 units, 100,000 posts, 20 years of events.

Deterministic for a seed. The organisation starts on 2005-01-01 as a tree (concern →
directies → afdelingen → teams → bureaus) with posts and staffing, and then changes every
year the way real ones do: renames, moves, merges, splits, dissolutions, new and removed
posts, FTE and staffing changes. A shadow of the state keeps every event valid.

    python bench/generate.py --units 10000 --posts 100000 --years 20 -o /tmp/synthetica.json
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date
from pathlib import Path
from typing import Any

ORG = "GM9000"
KINDS = ["concern", "directie", "afdeling", "team", "bureau"]
STAFFING = ["employee"] * 14 + ["vacancy", "external_hire", "loan_in"]
TASK_FIELDS = ["0.1", "0.2", "0.4", "1.2", "2.1", "3.1", "4.2", "5.1", "6.1", "6.3", "6.6", "7.2", "7.3", "8.1", "8.3"]


def _tree(n_units: int, rng: random.Random) -> list[dict[str, Any]]:
    """A balanced-ish tree: branching 10 at the top, then 8-12 per level."""
    units = [{"id": "U0", "name": "Concern", "kind": "concern", "parent": None}]
    frontier = ["U0"]
    depth = 0
    while len(units) < n_units:
        depth += 1
        nxt = []
        for parent in frontier:
            for _ in range(rng.randint(8, 12)):
                if len(units) >= n_units:
                    break
                uid = f"U{len(units)}"
                kind = KINDS[min(depth, len(KINDS) - 1)]
                units.append(
                    {
                        "id": uid,
                        "name": f"{kind.capitalize()} {uid}",
                        "kind": kind,
                        "parent": parent,
                        "task_fields": [{"code": rng.choice(TASK_FIELDS), "share": 1.0}],
                    }
                )
                nxt.append(uid)
        frontier = nxt
    return units


def generate(units: int = 10_000, posts: int = 100_000, years: int = 20, seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    start = date(2005, 1, 1)
    tree = _tree(units, rng)
    parent = {u["id"]: u["parent"] for u in tree}
    children: dict[str, set[str]] = {u["id"]: set() for u in tree}
    for u in tree:
        if u["parent"]:
            children[u["parent"]].add(u["id"])
    unit_ids = [u["id"] for u in tree]
    post_unit: dict[str, str] = {}
    post_rows = []
    managers: set[str] = set()
    for i in range(posts):
        uid = unit_ids[i] if i < len(unit_ids) else rng.choice(unit_ids[1:])
        pid = f"P{i}"
        fte = rng.choice([0.5, 0.67, 0.8, 0.89, 1.0, 1.0, 1.0])
        roles = ["manager"] if uid not in managers else [rng.choice(["execution", "execution", "policy", "strategic"])]
        managers.add(uid)
        kind = rng.choice(STAFFING)
        post_rows.append(
            {
                "id": pid,
                "unit": uid,
                "title": f"Functie {i % 400}",
                "fte": fte,
                "scale": str(rng.randint(6, 14)),
                "roles": roles,
                "staffing": [{"kind": kind, "fte": fte}],
                "from": start.isoformat(),
                "assumption": True,
            }
        )
        post_unit[pid] = uid
    unit_rows = [dict(u, **{"from": start.isoformat(), "assumption": True}) for u in tree]
    for row in unit_rows:
        if row["parent"] is None:
            del row["parent"]
            row.pop("task_fields", None)

    events: list[dict[str, Any]] = []
    counter = 0

    def ev(day: date, etype: str, **kw: Any) -> None:
        nonlocal counter
        counter += 1
        events.append({"id": f"E{counter}", "type": etype, "date": day.isoformat(), "assumption": True, **kw})

    def leaves() -> list[str]:
        return [u for u, ch in children.items() if not ch and u != "U0"]

    for year in range(start.year + 1, start.year + years + 1):
        day = date(year, 1, 1)
        live = [u for u in parent if u != "U0"]
        leaf = leaves()
        for uid in rng.sample(live, 40):
            ev(day, "rename", unit=uid, name=f"{uid} ({year})")
        for uid in rng.sample(live, 25):
            # Move under a unit that is not in its own subtree: its grandparent's sibling or the concern.
            gp = parent.get(parent[uid] or "U0") or "U0"
            if gp != parent[uid] and gp in parent and not _under(gp, uid, parent):
                ev(day, "move", unit=uid, parent=gp)
                children[parent[uid]].discard(uid)
                parent[uid] = gp
                children[gp].add(uid)
        for _ in range(15):  # merges of two sibling leaves into a new unit
            leaf = leaves()
            a = rng.choice(leaf)
            sibs = [s for s in sorted(children[parent[a]]) if s != a and not children[s]]
            if not sibs:
                continue
            b = rng.choice(sibs)
            new = f"M{year}_{a}_{b}"
            p = parent[a]
            ev(day, "merge", units=[a, b], into={"id": new, "name": f"Samengevoegd {new}", "kind": "team", "parent": p})
            for gone in (a, b):
                children[p].discard(gone)
                del parent[gone]
                del children[gone]
                for pid, u in post_unit.items():
                    if u == gone:
                        post_unit[pid] = new
            parent[new] = p
            children[new] = set()
            children[p].add(new)
        for _ in range(8):  # splits of a leaf in two
            uid = rng.choice(leaves())
            p = parent[uid]
            a, b = f"S{year}_{uid}_a", f"S{year}_{uid}_b"
            # A split names where every post goes (here: all to the first part); a leaf has no sub-units.
            mine = [pid for pid, u in post_unit.items() if u == uid]
            ev(
                day,
                "split",
                unit=uid,
                into=[
                    {"id": a, "name": f"Deel {a}", "kind": "team", "parent": p, **({"posts": mine} if mine else {})},
                    {"id": b, "name": f"Deel {b}", "kind": "team", "parent": p},
                ],
            )
            children[p].discard(uid)
            del parent[uid]
            del children[uid]
            for pid, u in post_unit.items():
                if u == uid:
                    post_unit[pid] = a
            for x in (a, b):
                parent[x] = p
                children[x] = set()
                children[p].add(x)
        for uid in rng.sample(leaves(), 5):  # dissolutions; their posts end with them
            ev(day, "dissolve", unit=uid)
            children[parent[uid]].discard(uid)
            del parent[uid]
            del children[uid]
            for pid in [pid for pid, u in post_unit.items() if u == uid]:
                del post_unit[pid]
        live_posts = list(post_unit)
        for pid in rng.sample(live_posts, 2000):
            fte = rng.choice([0.5, 0.8, 1.0])
            kind = rng.choice(STAFFING)
            ev(day, "change_post", post=pid, set={"fte": fte, "staffing": [{"kind": kind, "fte": fte}]})
        for pid in rng.sample(live_posts, 400):
            ev(day, "remove_post", post=pid)
            del post_unit[pid]
        live = [u for u in parent if u != "U0"]
        for i in range(400):
            pid = f"N{year}_{i}"
            uid = rng.choice(live)
            ev(
                day,
                "add_post",
                post={
                    "id": pid,
                    "unit": uid,
                    "title": f"Nieuwe functie {i % 50}",
                    "fte": 1.0,
                    "scale": "10",
                    "roles": ["execution"],
                    "staffing": [{"kind": rng.choice(STAFFING), "fte": 1.0}],
                },
            )
            post_unit[pid] = uid
    return {
        "format": "raadhuis/1",
        "organisation": ORG,
        "description": f"Synthetic organisation for benchmarks (seed {seed}); every fact is an assumption.",
        "organisations": [{"id": ORG, "name": "Synthetica", "kind": "gemeente", "assumption": True}],
        "units": unit_rows,
        "posts": post_rows,
        "events": events,
    }


def _under(candidate: str, root: str, parent: dict[str, str | None]) -> bool:
    cur: str | None = candidate
    while cur is not None:
        if cur == root:
            return True
        cur = parent.get(cur)
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    data = generate(args.units, args.posts, args.years, args.seed)
    args.output.write_text(json.dumps(data), "utf-8")
    print(f"{args.output}: {len(data['units'])} units, {len(data['posts'])} posts, {len(data['events'])} events")


if __name__ == "__main__":
    main()
