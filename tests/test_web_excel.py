"""The formatieplan upload page: sheet in, events in words, commit writes exactly those."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.encode import dataset_to_dict
from raadhuis.domain.model import Organisation, Source
from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.webtools import csrf_token

_spec = importlib.util.spec_from_file_location("excel_workbooks", Path(__file__).parent / "fixtures/excel/workbooks.py")
assert _spec and _spec.loader
W = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(W)


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    ds = Dataset(
        organisations=[Organisation(W.ORG, "Testdorp")],
        sources=[Source("begroting-2024", "Begroting 2024")],
        events=W.base_events(),
    )
    text = yaml.safe_dump(dataset_to_dict(ds), allow_unicode=True, sort_keys=False)
    register.import_dataset(sqlite_store, "testdorp.yaml", who="test", reason="fixture", text=text)
    with TestClient(create_app(sqlite_store), base_url="http://127.0.0.1") as c:
        c.get("/")
        yield c


def test_excel_preview_then_commit(client: TestClient, tmp_path: Path) -> None:
    csrf = csrf_token(client)
    book = W.messy_workbook(tmp_path / "formatieplan.xlsx").read_bytes()
    settings = {"csrf": csrf, "at": W.AT.isoformat(), "id_prefix": "xl2025", "source": "src-fp-2025"}
    r = client.post(f"/o/{W.ORG}/excel", data=settings, files={"file": ("formatieplan.xlsx", book)})
    assert r.status_code == 200, r.text
    assert "Team Participatie" in r.text and "Jobcoach" in r.text
    token = re.search(rf'action="/o/{W.ORG}/excel/([A-Za-z0-9_-]+)"', r.text).group(1)  # type: ignore[union-attr]
    before = client.get(f"/api/v1/organisations/{W.ORG}", params={"at": W.AT.isoformat()}).json()
    assert "team-participatie" not in {u["id"] for u in before["units"]}
    r = client.post(
        f"/o/{W.ORG}/excel/{token}",
        data=dict(settings, decision="commit", who="hr", reason="fp 2025"),
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    after = client.get(f"/api/v1/organisations/{W.ORG}", params={"at": W.AT.isoformat()}).json()
    assert "team-participatie" in {u["id"] for u in after["units"]}
    events = client.get(f"/api/v1/organisations/{W.ORG}/timeline").json()["events"]
    assert [e["id"] for e in events if e["id"].startswith("xl2025")] == [f"xl2025-00{i}" for i in range(1, 5)]
    assert all(e["sources"][0]["source"] == "src-fp-2025" for e in events if e["id"].startswith("xl2025"))


def test_broken_workbook_names_sheet_row_column(client: TestClient, tmp_path: Path) -> None:
    csrf = csrf_token(client)
    book = W.broken_workbook(tmp_path / "kapot.xlsx").read_bytes()
    r = client.post(f"/o/{W.ORG}/excel", data={"csrf": csrf, "at": "2025-01-01"}, files={"file": ("kapot.xlsx", book)})
    assert r.status_code == 422
    alert = r.text.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert "kapot.xlsx, blad &#39;Formatie&#39;, rij 2, kolom C" in alert and "ong. 2" in alert
    assert "raadhuis-uploads" not in r.text
