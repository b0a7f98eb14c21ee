"""A new organisation from a form (issue 13): name, CBS code, kind, start date (Dutch input), the
first top unit and a source; what will be recorded shown first, then saved with a reason through
the service a dataset import uses; bad input gives a Dutch message next to its field and writes
nothing; only whoever may write on every organisation may use it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from raadhuis.domain.model import View
from raadhuis.services import accounts, register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings
from tests.webtools import BASE_URL, csrf_token, sign_in

ROOT = Path(__file__).resolve().parents[1]
URL = "/organisations/new"
NEW = {
    "name": "Nieuwstad",
    "kind": "gemeente",
    "cbs_code": "gm 9999",
    "province": "Flevoland",
    "date": "1-1-2012",
    "unit_name": "Concernstaf Nieuwstad",
    "unit_kind": "concern",
    "source_title": "Raadsbesluit instelling ambtelijke organisatie Nieuwstad",
}


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="test", reason="fixture")
    with TestClient(create_app(sqlite_store), base_url=BASE_URL) as c:
        c.get("/")
        yield c


def _post(client: TestClient, fields: dict[str, Any], step: str = "preview") -> Any:
    return client.post(URL, data=dict(fields, csrf=csrf_token(client), step=step), follow_redirects=False)


def _changesets(store: Store) -> int:
    with store.session() as s:
        return len(repo.changesets(s, limit=1000))


def test_the_list_links_to_the_form_and_the_form_asks_no_ids(client: TestClient) -> None:
    page = client.get("/").text
    assert 'href="/organisations/new"' in page
    form = client.get(URL)
    assert form.status_code == 200
    for name in ("name", "cbs_code", "kind", "date", "unit_name", "source_title", "reason"):
        assert f'name="{name}"' in form.text
    assert 'name="id"' not in form.text
    # Unit kinds in words, the stored name only as the value (issue 13).
    assert '<option value="concern" selected>concern</option>' in form.text
    assert '<option value="afdeling">afdeling</option>' in form.text


def test_preview_then_save_puts_the_organisation_in_the_register(client: TestClient, sqlite_store: Store) -> None:
    before = _changesets(sqlite_store)
    shown = _post(client, NEW)
    assert shown.status_code == 200, shown.text
    assert "Een nieuwe organisatie Nieuwstad (gemeente), CBS-code GM9999" in shown.text
    assert "Vanaf 1 januari 2012 met als bovenste eenheid Concernstaf Nieuwstad" in shown.text
    assert _changesets(sqlite_store) == before  # the preview writes nothing
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', shown.text)
    assert digest
    # Saving without a reason: refused at the reason field, nothing written.
    bare = _post(client, dict(NEW, digest=digest.group(1)), "save")
    assert bare.status_code == 422
    assert 'id="reason-error"' in bare.text and "vul een reden in" in bare.text
    assert _changesets(sqlite_store) == before
    saved = _post(client, dict(NEW, digest=digest.group(1), reason="Nieuwe gemeente na herindeling"), "save")
    assert saved.status_code == 303
    assert saved.headers["location"] == "/o/GM9999"
    assert client.get("/o/GM9999").status_code == 200
    with sqlite_store.session() as s:
        found = register.resolve_organisation(s, "Nieuwstad")
        assert found.id == "GM9999"
        last = repo.changesets(s, limit=1)[0]
        assert last.reason == "Nieuwe gemeente na herindeling"
        assert last.recorded_by == register.current_user()
    snap = register.snapshot(sqlite_store, "GM9999", date(2012, 1, 1), View.ACTUAL)
    assert [u.name for u in snap.units.values()] == ["Concernstaf Nieuwstad"]
    assert register.snapshot(sqlite_store, "GM9999", date(2011, 12, 31), View.ACTUAL).units == {}
    # The same organisation again is refused at its field.
    again = _post(client, NEW)
    assert again.status_code == 422 and "staat al in het register (GM9999)" in again.text


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"cbs_code": "GM168"}, "cbs_code", "verwacht GM en vier cijfers (bijv. GM0168), niet 'GM168'"),
        ({"cbs_code": ""}, "cbs_code", "een gemeente heeft een CBS-code"),
        ({"date": "31-2-2012"}, "date", ""),
        ({"name": ""}, "name", "vul de naam van de organisatie in"),
        ({"unit_name": ""}, "unit_name", "vul de naam van de bovenste eenheid in"),
    ],
)
def test_bad_input_refused_at_its_field_nothing_written(
    client: TestClient, sqlite_store: Store, fields: dict[str, str], field: str, message: str
) -> None:
    before = _changesets(sqlite_store)
    for step in ("preview", "save"):
        r = _post(client, dict(NEW, reason="test", digest="0", **fields), step)
        assert r.status_code == 422
        assert f'id="{field}-error"' in r.text and message in html.unescape(r.text)
        assert 'id="save"' not in r.text
    assert _changesets(sqlite_store) == before
    with sqlite_store.session() as s, pytest.raises(register.NotFound):
        register.resolve_organisation(s, "Nieuwstad")


def test_a_non_municipal_organisation_needs_no_cbs_code(client: TestClient, sqlite_store: Store) -> None:
    fields = dict(NEW, name="Veiligheidsregio Twente", kind="gemeenschappelijke_regeling", cbs_code="")
    shown = _post(client, fields)
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', shown.text)
    assert digest, shown.text
    saved = _post(client, dict(fields, digest=digest.group(1), reason="partner"), "save")
    assert saved.headers["location"] == "/o/veiligheidsregio-twente"


def test_english(client: TestClient) -> None:
    client.cookies.set("lang", "en")
    r = client.get(URL + "?lang=en")
    assert "New organisation" in r.text
    assert '<option value="afdeling">department</option>' in r.text and ">afdeling<" not in r.text
    assert '<option value="concern" selected>whole organisation</option>' in r.text


def test_a_reader_and_an_editor_of_one_organisation_are_refused(sqlite_store: Store) -> None:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="test", reason="fixture")
    password = "correct horse battery"
    accounts.add_user(sqlite_store, "lezer", "test", password=password, grants=[("*", "lezer")])
    accounts.add_user(sqlite_store, "redacteur", "test", password=password, grants=[("GM0168", "redacteur")])
    accounts.add_user(sqlite_store, "alles", "test", password=password, grants=[("*", "redacteur")])
    before = _changesets(sqlite_store)
    for name in ("lezer", "redacteur"):
        with TestClient(create_app(sqlite_store, settings=WebSettings(mode=Mode.ACCOUNTS)), base_url=BASE_URL) as c:
            sign_in(c, name, password)
            assert 'href="/organisations/new"' not in c.get("/").text
            assert c.get(URL).status_code == 403
            r = c.post(URL, data=dict(NEW, csrf=csrf_token(c), step="save", reason="x"), follow_redirects=False)
            assert r.status_code == 403
    assert _changesets(sqlite_store) == before
    with TestClient(create_app(sqlite_store, settings=WebSettings(mode=Mode.ACCOUNTS)), base_url=BASE_URL) as c:
        sign_in(c, "alles", password)
        assert 'href="/organisations/new"' in c.get("/").text
        assert c.get(URL).status_code == 200


COOP = {
    "name": "Belastingsamenwerking Oost",
    "legal_form": "openbaar_lichaam",
    "date": "1-1-2014",
    "participant_1": "Enschede",
    "source_title": "Gemeenschappelijke regeling Belastingsamenwerking Oost",
}


def _coop_post(client: TestClient, fields: dict[str, Any], step: str = "preview") -> Any:
    data = dict(fields, csrf=csrf_token(client), step=step)
    return client.post("/o/GM0168/cooperations/new", data=data, follow_redirects=False)


def test_a_cooperation_by_names_shown_then_saved(client: TestClient, sqlite_store: Store) -> None:
    assert 'href="/o/GM0168/cooperations/new"' in client.get("/o/GM0168/cooperations").text
    before = _changesets(sqlite_store)
    shown = _coop_post(client, COOP)
    assert shown.status_code == 200, shown.text
    text = html.unescape(shown.text)
    assert "Een samenwerkingsverband Belastingsamenwerking Oost (Openbaar lichaam) van Losser, Enschede" in text
    assert "Vanaf 1 januari 2014" in text
    assert _changesets(sqlite_store) == before
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', shown.text)
    assert digest
    saved = _coop_post(client, dict(COOP, digest=digest.group(1), reason="GR per 2014"), "save")
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == "/o/GM0168/cooperations"
    coops = client.get("/api/v1/organisations/GM0168/cooperations").json()
    found = [c for c in coops["cooperations"] if c["name"] == "Belastingsamenwerking Oost"]
    assert found and found[0]["legal_form"] == "openbaar_lichaam"
    assert {p["organisation"] for p in found[0]["participants"]} == {"GM0168", "GM0153"}
    with sqlite_store.session() as s:
        assert repo.changesets(s, limit=1)[0].reason == "GR per 2014"


def test_a_cooperation_with_an_unknown_participant_is_refused(client: TestClient, sqlite_store: Store) -> None:
    before = _changesets(sqlite_store)
    r = _coop_post(client, dict(COOP, participant_1="Atlantis", reason="x", digest="0"), "save")
    assert r.status_code == 422
    assert 'id="participant_1-error"' in r.text and "staat niet in het register" in html.unescape(r.text)
    assert _changesets(sqlite_store) == before


def test_ids_made_from_names_never_overwrite_a_record(client: TestClient, sqlite_store: Store) -> None:
    for reason in ("eerste", "tweede"):
        shown = _coop_post(client, COOP)
        digest = re.search(r'name="digest" value="([0-9a-f]+)"', shown.text)
        assert digest
        assert _coop_post(client, dict(COOP, digest=digest.group(1), reason=reason), "save").status_code == 303
    coops = client.get("/api/v1/organisations/GM0168/cooperations").json()["cooperations"]
    ids = sorted(c["id"] for c in coops if c["name"] == "Belastingsamenwerking Oost")
    assert ids == ["belastingsamenwerking-oost", "belastingsamenwerking-oost-2"]
