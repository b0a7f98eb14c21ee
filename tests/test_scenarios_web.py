"""Scenarios through the API and the pages (TestClient over loopback): the same service, errors that
name their place and write nothing, 409 on an older version, exports as files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient

from raadhuis.services import register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.scenario_world import losser_2011
from tests.webtools import BASE_URL, csrf_token

API = "/api/v1/organisations/GM0168"


@pytest.fixture
def client(store: Store, tmp_path: Path) -> TestClient:
    register.import_dataset(store, losser_2011(tmp_path), who="test", reason="Losser 2011")
    return TestClient(create_app(store), base_url=BASE_URL)


def _changesets(client: TestClient) -> int:
    with client.app.state.store.session() as s:  # type: ignore[attr-defined]
        return repo.last_changeset(s) or 0


def test_api_branch_edit_compare_promote(client: TestClient) -> None:
    r = client.post(
        f"{API}/scenarios", json={"name": "Drie afdelingen", "from": "2011-09-01", "effective_by": "2012-01-01"}
    )
    assert r.status_code == 201, r.text
    sid = r.json()["scenario"]["id"]
    r = client.get(f"{API}/scenarios/{sid}")
    version = int(r.headers["X-Raadhuis-Version"])
    merge = {
        "type": "merge",
        "date": "2012-01-01",
        "units": ["REO", "WEL"],
        "into": {"name": "BSP", "abbreviation": "BSP"},
    }
    r = client.post(f"{API}/scenarios/{sid}/events", json={"events": [merge], "version": version})
    assert r.status_code == 200, r.text
    # The same version again: someone else changed the scenario since; refused, who and when told.
    r = client.post(
        f"{API}/scenarios/{sid}/events",
        json={"events": [{"type": "dissolve", "date": "2012-02-01", "unit": "OW"}], "version": version},
    )
    assert r.status_code == 409 and r.json()["changes"][0]["recorded_by"]
    before = _changesets(client)
    r = client.post(
        f"{API}/scenarios/{sid}/events", json={"events": [{"type": "move", "date": "2012-02-01", "unit": "NOPE"}]}
    )
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert fields == {"events[0].parent"} or "events[0].unit" in fields
    assert _changesets(client) == before
    r = client.get(f"{API}/scenario-comparison", params={"scenario": [sid]})
    assert r.status_code == 200 and [c["key"] for c in r.json()["columns"]] == ["baseline", sid]
    r = client.get(f"{API}/scenario-comparison", params={"scenario": [sid], "format": "xlsx"})
    assert r.headers["content-disposition"] == 'attachment; filename="GM0168-scenariovergelijking-2012-01-01.xlsx"'
    assert "Vergelijking" in openpyxl.load_workbook(io.BytesIO(r.content)).sheetnames
    r = client.get(f"{API}/scenario-comparison", params={"scenario": [sid], "format": "pdf"})
    assert r.content[:5] == b"%PDF-"
    r = client.post(f"{API}/scenarios/{sid}/promote", json={"decision": {"body": "college", "date": "2011-09-13"}})
    assert r.status_code == 422 and {e["field"] for e in r.json()["errors"]} == {"decision.title"}
    r = client.post(
        f"{API}/scenarios/{sid}/promote",
        json={"decision": {"body": "college", "date": "2011-09-13", "title": "Herijking"}},
    )
    assert r.status_code == 200, r.text
    planned = client.get("/api/v1/organisations/GM0168", params={"at": "2012-01-01", "view": "planned"}).json()
    assert "BSP" in [u["id"] for u in planned["units"]]


def test_api_refuses_other_content_and_bad_salary_files(client: TestClient) -> None:
    r = client.post(f"{API}/scenarios", content="name=x", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code in (415, 422)
    r = client.post(
        "/api/v1/salary-tables",
        params={"name": "Proef", "illustrative": "test"},
        content="schaal;periodiek;maandbedrag;geldig_vanaf\n11;x;3000;2020-07-01\n",
        headers={"Content-Type": "text/csv"},
    )
    assert r.status_code == 422
    (error,) = r.json()["errors"]
    assert (error["line"], error["column"], error["field"]) == (2, "2", "periodiek")
    r = client.post(
        "/api/v1/salary-tables",
        params={"name": "Proef", "illustrative": "test"},
        content="schaal;periodiek;maandbedrag;geldig_vanaf\n11;0;3000;2020-07-01\n",
        headers={"Content-Type": "text/csv"},
    )
    assert r.status_code == 201 and r.json()["tables"][0]["id"] == "proef-2020-07-01"
    again = client.post(  # the same table again: nothing new is recorded
        "/api/v1/salary-tables",
        params={"name": "Proef", "illustrative": "test"},
        content="schaal;periodiek;maandbedrag;geldig_vanaf\n11;0;3000;2020-07-01\n",
        headers={"Content-Type": "text/csv"},
    )
    assert again.status_code == 200 and again.json()["changeset"] is None, again.text
    assert client.get("/api/v1/salary-tables").json()["shipped"] is False


def test_pages_refuse_without_csrf_and_show_errors_at_their_field(client: TestClient) -> None:
    r = client.post("/o/GM0168/scenarios", data={"name": "X", "from": "2011-09-01"}, follow_redirects=False)
    assert r.status_code == 403
    token = csrf_token(client, "/o/GM0168/scenarios")
    r = client.post(
        "/o/GM0168/scenarios", data={"csrf": token, "name": "", "from": "31-02-2011"}, follow_redirects=False
    )
    assert r.status_code == 422
    assert re.search(r'id="name-error">[^<]*verplicht|naam van het scenario', r.text)
    assert 'id="from-error"' in r.text
    r = client.post(
        "/o/GM0168/scenarios", data={"csrf": token, "name": "Proef", "from": "1-9-2011"}, follow_redirects=False
    )
    assert r.status_code == 303
    r = client.post(
        "/o/GM0168/scenarios/proef/edit",
        data={"csrf": token, "action": "move", "unit": "WIZ", "parent": "WIZ", "date": "1-1-2012"},
        follow_redirects=False,
    )
    assert r.status_code == 422 and "kringloop" in r.text
    page = client.get("/o/GM0168/scenarios/proef")
    assert page.status_code == 200 and 'src="/static/scenario.js"' in page.text
    assert "style=" not in page.text.split("<svg", 1)[0]  # no inline style in the page around the chart


def test_an_export_of_another_kind_is_refused_in_words(client: TestClient) -> None:
    r = client.get("/o/GM0168/scenario-comparison.docx", params={"scenario": ["x"]})
    assert r.status_code == 404
    assert "Een vergelijking is er als .xlsx of .pdf, niet als .docx." in r.text and "expected" not in r.text


def test_the_forms_that_pick_a_post_list_the_scenarios_posts_and_the_others_do_not(client: TestClient) -> None:
    r = client.post(f"{API}/scenarios", json={"name": "Met een adviseur", "from": "2011-09-01"})
    sid = r.json()["scenario"]["id"]
    post = {"id": "OW-adviseur", "unit": "OW", "title": "Adviseur wegen", "fte": 1.0, "scale": "10"}
    r = client.post(
        f"{API}/scenarios/{sid}/events", json={"events": [{"type": "add_post", "date": "2011-10-01", "post": post}]}
    )
    assert r.status_code == 200, r.text
    page = f"/o/GM0168/scenarios/{sid}"
    for action in ("move_post", "change_post", "remove_post"):
        text = client.get(page, params={"action": action}).text
        assert 'name="post"' in text and 'value="OW-adviseur"' in text and "Adviseur wegen" in text, action
    for action in ("move", "rename", "add_post"):
        text = client.get(page, params={"action": action}).text
        assert 'name="post"' not in text and 'value="OW-adviseur"' not in text, action
