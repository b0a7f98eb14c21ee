"""Page render time for a 1,000-unit organisation (target: under 300 ms on the server).

    .venv/bin/python bench/bench_web.py

Prints the fastest and median server time (the app's Server-Timing header) over 7 runs
per page, as a markdown table. Timing lives here, not in the tests, so a busy machine
cannot fail the test suite.
"""

from __future__ import annotations

import statistics

import yaml
from fastapi.testclient import TestClient

from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app

BUDGET_MS = 300


def synthetic_dataset(directies: int = 10, afdelingen: int = 9, teams: int = 10) -> str:
    """One concern, directies → afdelingen → teams (1 + 10 + 90 + 900 = 1,001 units), two posts per team."""
    units: list[dict[str, object]] = [{"id": "C", "name": "Concern", "kind": "concern", "from": "2020-01-01"}]
    posts: list[dict[str, object]] = []
    for d in range(directies):
        units.append({"id": f"D{d}", "name": f"Directie {d}", "kind": "directie", "parent": "C", "from": "2020-01-01"})
        for a in range(afdelingen):
            aid = f"D{d}A{a}"
            units.append(
                {"id": aid, "name": f"Afdeling {d}.{a}", "kind": "afdeling", "parent": f"D{d}", "from": "2020-01-01"}
            )
            for t in range(teams):
                tid = f"{aid}T{t}"
                units.append(
                    {"id": tid, "name": f"Team {d}.{a}.{t}", "kind": "team", "parent": aid, "from": "2020-01-01"}
                )
                posts.append(
                    {
                        "id": f"{tid}-m",
                        "unit": tid,
                        "title": "Teamleider",
                        "fte": 1.0,
                        "roles": ["manager"],
                        "staffing": [{"kind": "employee", "fte": 1.0}],
                        "from": "2020-01-01",
                    }
                )
                posts.append(
                    {
                        "id": f"{tid}-b",
                        "unit": tid,
                        "title": "Medewerker",
                        "fte": 4.0,
                        "staffing": [{"kind": "employee", "fte": 3.0}, {"kind": "vacancy", "fte": 1.0}],
                        "from": "2020-01-01",
                    }
                )
    data = {
        "format": "raadhuis/1",
        "organisation": "SYN",
        "organisations": [{"id": "SYN", "name": "Synthetische gemeente", "kind": "gemeente"}],
        "units": units,
        "posts": posts,
    }
    return yaml.safe_dump(data, sort_keys=False)


def main() -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'raadhuis.sqlite'}")
        register.import_dataset(store, "synthetic.yaml", who="bench", reason="speed", text=synthetic_dataset())
        urls = [
            "/o/SYN?at=2021-01-01",
            "/o/SYN/u/D3A4?at=2021-01-01",
            "/o/SYN/chart.svg?at=2021-01-01",
            "/api/v1/organisations/SYN?at=2021-01-01",
        ]
        print("| page (1,001 units, 2,000 posts) | fastest ms | median ms | target ms |")
        print("|---|---:|---:|---:|")
        with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
            for url in urls:
                fastest, median = server_ms(client, url)
                print(f"| `{url}` | {fastest:.0f} | {median:.0f} | {BUDGET_MS} |")
        store.dispose()


def server_ms(client: TestClient, url: str, runs: int = 7) -> tuple[float, float]:
    """(fastest, median) server time over ``runs``; the fastest is the page's own cost, the
    median also carries whatever else the machine is doing."""
    assert client.get(url).status_code == 200  # warm caches (templates, layout code)
    times = []
    for _ in range(runs):
        r = client.get(url)
        assert r.status_code == 200
        # Server-side time, as the app measures it (the test client's own transport is not the server).
        times.append(float(r.headers["Server-Timing"].split("dur=")[1]))
    return min(times), statistics.median(times)


if __name__ == "__main__":
    main()
