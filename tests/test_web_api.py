"""The REST API, in process, on a temporary SQLite store holding the Losser example."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
LOSSER = ROOT / "examples" / "losser.yaml"


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    with TestClient(create_app(sqlite_store), base_url="http://127.0.0.1") as c:
        yield c


def unit_ids(body: dict) -> set[str]:  # type: ignore[type-arg]
    return {u["id"] for u in body["units"]}


def test_organisations_and_search(client: TestClient) -> None:
    orgs = client.get("/api/v1/organisations").json()
    assert "GM0168" in {o["id"] for o in orgs}
    # Losser, and its rekenkamercommissie (an organisation of its own, seed 001).
    found = {o["id"] for o in client.get("/api/v1/organisations", params={"q": "losser"}).json()}
    assert found == {"GM0168", "rekenkamercommissie-losser"}


def test_organisation_as_of_date_shows_the_merge(client: TestClient) -> None:
    before = client.get("/api/v1/organisations/GM0168", params={"at": "2011-12-31"}).json()
    after = client.get("/api/v1/organisations/GM0168", params={"at": "2012-01-01"}).json()
    assert {"REO", "WEL"} <= unit_ids(before) and "BSP" not in unit_ids(before)
    assert "BSP" in unit_ids(after) and not {"REO", "WEL"} & unit_ids(after)
    # The planned view also applies the transfer of WIZ that never happened.
    planned = client.get("/api/v1/organisations/GM0168", params={"at": "2012-06-01", "view": "planned"}).json()
    assert "WIZ" not in unit_ids(planned) and "WIZ" in unit_ids(after)


def test_diff_lineage_timeline_unit_and_cooperations(client: TestClient) -> None:
    diff = client.get("/api/v1/organisations/GM0168/diff", params={"from": "2011-12-31", "to": "2012-01-01"}).json()
    changes = {c["id"]: c["change"] for c in diff["changes"]}
    assert changes["REO"] == "merged" and changes["WEL"] == "merged"
    lineage = client.get("/api/v1/organisations/GM0168/units/BSP/lineage").json()
    assert {p["id"] for p in lineage["predecessors"]} == {"REO", "WEL"}
    timeline = client.get("/api/v1/organisations/GM0168/timeline", params={"status": "not_realised"}).json()
    assert [e["id"] for e in timeline["events"]] == ["wiz-naar-enschede"]
    assert timeline["events"][0]["decision"]["body"]
    unit = client.get("/api/v1/organisations/GM0168/units/BSP", params={"at": "2018-01-01"}).json()
    assert unit["exists"] and {p["id"] for p in unit["posts"]} >= {"BSP-regie", "BSP-hoofd"}
    assert [m["id"] for m in unit["managers"]] == ["BSP-hoofd"]
    coops = client.get("/api/v1/organisations/GM0168/cooperations").json()
    assert "enschede-losser-bedrijfsvoering" in {c["id"] for c in coops["cooperations"]}
    assert any(e["source"] == "GM0153" for e in coops["edges"])


def test_unknown_organisation_and_unit_are_404_with_errors(client: TestClient) -> None:
    for url in (
        "/api/v1/organisations/GM9999",
        "/api/v1/organisations/GM0168/units/NOPE",
        "/api/v1/organisations/GM0168/units/NOPE/lineage",
    ):
        r = client.get(url)
        assert r.status_code == 404, url
        err = r.json()["errors"][0]
        assert set(err) >= {"field", "message", "line"} and "not found" in err["message_en"]
        assert "niet gevonden" in err["message"]  # Dutch by default


def test_bad_query_values_are_400_or_422(client: TestClient) -> None:
    # A day typed the Dutch way is read as the same day as the ISO form (one rule for CLI, web, API).
    r = client.get("/api/v1/organisations/GM0168", params={"at": "31-12-2011"})
    assert r.status_code == 200 and r.json()["at"] == "2011-12-31"
    r = client.get("/api/v1/organisations/GM0168", params={"at": "31-13-2011"})
    assert r.status_code == 400
    error = r.json()["errors"][0]
    assert error["message"] == "verwacht een datum als 31-12-2011 of 2011-12-31; gevonden: '31-13-2011'"
    assert "expected a date" in error["message_en"]
    r = client.get("/api/v1/organisations/GM0168/diff", params={"from": "2011-01-01"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"].endswith("to")


def test_post_events_writes_with_the_import_checks(client: TestClient) -> None:
    event = {"id": "api-rename-ow", "type": "rename", "date": "2013-01-01", "unit": "OW", "name": "Openbare Ruimte"}
    url = "/api/v1/organisations/GM0168/events"
    preview = client.post(url, params={"who": "tester", "reason": "test", "dry_run": "true"}, json=[event])
    assert preview.status_code == 200 and preview.json()["changeset"] is None  # a preview creates nothing
    r = client.post(url, params={"who": "tester", "reason": "test"}, json=[event])
    assert r.status_code == 201, r.text
    assert r.json()["changeset"] is not None
    again = client.post(url, params={"who": "tester", "reason": "test"}, json=[event])
    assert again.status_code == 200 and again.json()["changed"] is False  # the same event again: nothing new
    # Without accounts the API's ?who= names the author, as the CLI's --who does.
    trail = client.get("/api/v1/organisations/GM0168/audit", params={"event": "api-rename-ow"}).json()
    assert trail["entries"][0]["recorded_by"] == "tester"
    names = {u["id"]: u["name"] for u in client.get("/api/v1/organisations/GM0168?at=2013-06-01").json()["units"]}
    assert names["OW"] == "Openbare Ruimte"
    # A unit that does not exist on the date: refused with the field named, nothing written.
    bad = {"id": "api-rename-reo", "type": "rename", "date": "2013-01-01", "unit": "REO", "name": "Terug"}
    r = client.post("/api/v1/organisations/GM0168/events", params={"who": "tester", "reason": "test"}, json=[bad])
    assert r.status_code == 422
    err = r.json()["errors"][0]
    assert "REO" in err["message"] and err["field"]
    timeline = client.get("/api/v1/organisations/GM0168/timeline").json()["events"]
    assert "api-rename-reo" not in {e["id"] for e in timeline}


def test_post_events_reads_a_date_typed_the_dutch_way_and_says_how(client: TestClient) -> None:
    event = {"id": "api-rename-ow-nl", "type": "rename", "date": "1-1-2013", "unit": "OW", "name": "Openbare Ruimte"}
    r = client.post("/api/v1/organisations/GM0168/events", params={"reason": "typed"}, json=[event])
    assert r.status_code == 201, r.text
    assert r.json()["understood"] == ["[0].date: 1-1-2013 gelezen als 1 januari 2013 (2013-01-01)"]
    names = {u["id"]: u["name"] for u in client.get("/api/v1/organisations/GM0168?at=2013-06-01").json()["units"]}
    assert names["OW"] == "Openbare Ruimte"
    timeline = client.get("/api/v1/organisations/GM0168/timeline").json()["events"]
    assert next(e for e in timeline if e["id"] == "api-rename-ow-nl")["date"] == "2013-01-01"
    # The dataset's own form is not reported; English on request.
    iso = dict(event, id="api-rename-ow-iso", date="2014-01-01", name="Openbare Werken")
    r = client.post("/api/v1/organisations/GM0168/events?lang=en", params={"reason": "iso"}, json=[iso])
    assert r.status_code == 201 and r.json()["understood"] == []
    r = client.post(
        "/api/v1/organisations/GM0168/events",
        params={"reason": "en", "lang": "en"},
        json=[dict(event, id="api-rename-ow-en", date="1 maart 2015", name="OR")],
    )
    assert r.json()["understood"] == ["[0].date: 1 maart 2015 read as 1 March 2015 (2015-03-01)"]


def test_post_events_needs_json_who_and_reason(client: TestClient) -> None:
    r = client.post(
        "/api/v1/organisations/GM0168/events?who=x&reason=y", content="[]", headers={"content-type": "text/plain"}
    )
    # A cross-site form can send text/plain without asking; FastAPI refuses it as JSON.
    assert r.status_code in (415, 422) and r.json()["errors"]
    r = client.post("/api/v1/organisations/GM0168/events", params={"who": "x"}, json=[])
    assert r.status_code == 422 and any(e["field"].endswith("reason") for e in r.json()["errors"])
    r = client.post(
        "/api/v1/organisations/GM0168/events",
        params={"who": "x", "reason": "y"},
        json=[{"id": "e", "type": "rename", "date": "2013-13-45", "unit": "OW", "name": "x"}],
    )
    assert r.status_code == 422 and "[0].date" in r.json()["errors"][0]["field"]


def test_dataset_import_dry_run_and_errors_with_line(client: TestClient) -> None:
    good = {
        "format": "raadhuis/1",
        "organisation": "GM0168",
        "events": [
            {
                "id": "api-ds-1",
                "type": "establish",
                "date": "2014-01-01",
                "unit": {"id": "NEW", "name": "Nieuwe afdeling", "kind": "afdeling"},
            }
        ],
    }
    r = client.post(
        "/api/v1/datasets",
        params={"who": "t", "reason": "r", "dry_run": "true"},
        content=json.dumps(good),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 200 and r.json()["dry_run"] is True and r.json()["events"] == 1
    assert "NEW" not in unit_ids(client.get("/api/v1/organisations/GM0168?at=2015-01-01").json())
    broken = "format: raadhuis/1\norganisation: GM0168\nevents:\n  - id: x\n    type: explode\n    date: 2014-01-01\n"
    r = client.post(
        "/api/v1/datasets",
        params={"who": "t", "reason": "r"},
        content=broken,
        headers={"content-type": "application/yaml"},
    )
    assert r.status_code == 422
    err = r.json()["errors"][0]
    assert err["line"] == 5 and "type" in err["field"] and "explode" in err["message"]
    r = client.post(
        "/api/v1/datasets",
        params={"who": "t", "reason": "r"},
        content=json.dumps(good),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 200 and r.json()["changeset"] is not None
    assert "NEW" in unit_ids(client.get("/api/v1/organisations/GM0168?at=2015-01-01").json())


def test_openapi_and_docs_are_served_locally(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/organisations/{org}/diff" in spec["paths"]
    docs = client.get("/api/v1/docs").text
    assert "/api/v1/swagger/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/api/v1/swagger/swagger-ui-bundle.js").status_code == 200
