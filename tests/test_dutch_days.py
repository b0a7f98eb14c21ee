"""A day typed the Dutch way (31-12-2011, 31 december 2011) is read wherever a person types
one — CLI options, the edit form, query parameters of pages and the API, a token's expiry —
and shown back the Dutch way; a day that does not exist is a clear error naming what was
expected, in the reader's language."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from raadhuis.cli import app
from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.test_web_pages import LOSSER
from tests.webtools import BASE_URL, csrf_token

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite"
    assert runner.invoke(app, ["--db", str(path), "import", str(LOSSER), "-m", "t"]).exit_code == 0
    return path


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    with TestClient(create_app(sqlite_store), base_url=BASE_URL) as c:
        c.get("/")
        yield c


def cli(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize("typed", ["31-12-2011", "31/12/2011", "31 december 2011", "2011-12-31"])
def test_cli_options_and_arguments(db: Path, typed: str) -> None:
    code, out = cli(db, "show", "GM0168", "--at", typed, "--format", "json")
    assert code == 0
    assert json.loads(out[out.index("{") :])["at"] == "2011-12-31"
    code, out = cli(db, "diff", "GM0168", typed, "1 januari 2012")
    assert code == 0 and "van 31 december 2011 tot 1 januari 2012" in out
    if typed != "2011-12-31":
        assert f"{typed} gelezen als 31 december 2011" in out  # says which day it understood
    result = runner.invoke(
        app, ["--db", str(db), "timeline", "GM0168", "--from", typed, "--to", "31-12-2012", "--format", "json"]
    )
    events = json.loads(result.stdout)["events"]
    assert result.exit_code == 0 and events and {e["date_label"] for e in events} == {"1 januari 2012"}  # in words


def test_cli_known_at_and_bad_days(db: Path) -> None:
    code, out = cli(db, "show", "GM0168", "--at", "1-1-2012", "--known-at", "31-12-2099")
    assert code == 0 and "31-12-2099 gelezen als 31 december 2099" in out
    code, out = cli(db, "show", "GM0168", "--at", "30-02-2012")
    assert code == 2 and "verwacht een datum als 31-12-2011 of 2011-12-31; gevonden: '30-02-2012'" in out
    code, out = cli(db, "--lang", "en", "show", "GM0168", "--at", "30-02-2012")
    assert code == 2 and "expected a date such as 31-12-2011 or 2011-12-31; got: '30-02-2012'" in out


def test_token_expiry_typed_the_dutch_way(db: Path) -> None:
    result = runner.invoke(
        app,
        ["--db", str(db), "user", "add", "jan", "--role", "redacteur", "--org", "GM0168", "--password-stdin"],
        input="een-lang-genoeg-wachtwoord",
    )
    assert result.exit_code == 0, result.output
    code, out = cli(db, "token", "add", "jan", "--scope", "read", "--expires", "31-12-2030", "--format", "json")
    assert code == 0, out
    assert json.loads(out[out.index("{") :])["expires_at"].startswith("2030-12-31")
    code, out = cli(db, "token", "add", "jan", "--scope", "read", "--expires", "32-12-2030")
    assert code == 2 and "32-12-2030" in out and "Traceback" not in out


def test_pages_and_api_query_parameters(client: TestClient) -> None:
    page = client.get("/o/GM0168", params={"at": "31 december 2011"})
    assert page.status_code == 200 and "Losser op 31 december 2011" in page.text
    assert "31 december 2011 gelezen als 31 december 2011" in page.text
    api = client.get("/api/v1/organisations/GM0168", params={"at": "31-12-2011"})
    assert api.status_code == 200 and api.json()["at"] == "2011-12-31"
    diff = client.get("/api/v1/organisations/GM0168/diff", params={"from": "31-12-2011", "to": "1 januari 2012"})
    assert diff.status_code == 200 and diff.json()["to"] == "2012-01-01"
    bad = client.get("/api/v1/organisations/GM0168", params={"at": "31-13-2011"})
    assert bad.status_code == 400
    assert (
        bad.json()["errors"][0]["message"] == "verwacht een datum als 31-12-2011 of 2011-12-31; gevonden: '31-13-2011'"
    )
    en = client.get("/o/GM0168", params={"at": "31-13-2011", "lang": "en"})
    assert en.status_code == 400 and "expected a date such as 31-12-2011 or 2011-12-31" in en.text


def test_edit_form_date_typed_the_dutch_way(client: TestClient) -> None:
    form = {
        "csrf": csrf_token(client),
        "action": "rename",
        "unit": "OW",
        "name": "Openbare Ruimte",
        "date": "1-1-2013",
        "reason": "nieuwe naam",
        "who": "tester",
    }
    r = client.post("/o/GM0168/edit", data=form, follow_redirects=False)
    assert r.status_code == 303, re.sub(r"\s+", " ", r.text)[-1500:]
    shown = client.get("/api/v1/organisations/GM0168", params={"at": "2013-01-01"}).json()
    assert {u["name"] for u in shown["units"]} >= {"Openbare Ruimte"}
    bad = client.post("/o/GM0168/edit", data=dict(form, date="31-02-2013"), follow_redirects=False)
    assert bad.status_code == 422
    assert "verwacht een" in bad.text and "JJJJ-MM-DD" in bad.text and "spring" not in bad.text


def test_dataset_dates_stay_iso_but_the_message_is_dutch(tmp_path: Path, db: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: raadhuis/1\norganisation: GM0168\nevents:\n"
        "  - {id: e1, type: rename, date: 13-09-2011, unit: OW, name: X}\n",
        "utf-8",
    )
    code, out = cli(db, "validate", str(bad))
    assert code == 1
    assert "events[0].date: verwacht een datum als 2011-12-31 (JJJJ-MM-DD), 2011-12, 2011" in out
    assert "or" not in out.split("events[0].date:")[1].split(";")[0].split()
