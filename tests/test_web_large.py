"""A 1,000-unit organisation renders whole: every unit on the chart and in the API.
(How fast is measured in bench/bench_web.py, not here.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bench.bench_web import synthetic_dataset
from fastapi.testclient import TestClient

from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('large') / 'raadhuis.sqlite'}")
    register.import_dataset(store, "synthetic.yaml", who="test", reason="large", text=synthetic_dataset())
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c
    store.dispose()


def test_thousand_units_on_page_chart_and_api(client: TestClient) -> None:
    assert client.get("/api/v1/organisations/SYN?at=2021-01-01").json()["totals"]["units"] == 1001
    page = client.get("/o/SYN?at=2021-01-01")
    assert page.status_code == 200 and "Server-Timing" in page.headers
    svg = client.get("/o/SYN/chart.svg?at=2021-01-01").text
    assert svg.count('data-unit="') >= 1001 and "Team 9.8.9" in svg  # every unit drawn
    assert client.get("/o/SYN/u/D3A4?at=2021-01-01").status_code == 200
