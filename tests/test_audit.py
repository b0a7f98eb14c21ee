"""The audit trail (who, when, why, before and after; filters; CSV without formulas), "what
did we know on date X" in the pages, and two people editing the same unit."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from raadhuis.services import accounts, audit, register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings
from tests.webtools import BASE_URL, csrf_token, sign_in

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "een lang wachtwoord"


@pytest.fixture
def losser(store: Store) -> Store:
    register.import_dataset(store, ROOT / "examples" / "losser.yaml", who="test", reason="fixture")
    register.import_dataset(store, ROOT / "examples" / "den-haag.yaml", who="test", reason="fixture")
    for name in ("anna", "bert"):
        accounts.add_user(store, name, "test", password=PASSWORD, grants=[("GM0168", "redacteur")])
    return store


def signed_in(store: Store, name: str) -> TestClient:
    client = TestClient(create_app(store, settings=WebSettings(mode=Mode.ACCOUNTS)), base_url=BASE_URL)
    client.__enter__()
    sign_in(client, name, PASSWORD)
    return client


@pytest.fixture
def anna(losser: Store) -> Iterator[TestClient]:
    c = signed_in(losser, "anna")
    yield c
    c.__exit__(None, None, None)


@pytest.fixture
def bert(losser: Store) -> Iterator[TestClient]:
    c = signed_in(losser, "bert")
    yield c
    c.__exit__(None, None, None)


def seen_on(client: TestClient, url: str) -> str:
    found = re.search(r'name="seen" value="(\d+)"', client.get(url).text)
    assert found, url
    return found.group(1)


def rename(client: TestClient, unit: str, name: str, reason: str, seen: str) -> object:
    form = {"action": "rename", "unit": unit, "name": name, "date": "2013-01-01", "reason": reason, "seen": seen}
    return client.post("/o/GM0168/edit", data=dict(form, csrf=csrf_token(client)), follow_redirects=False)


def test_trail_shows_who_when_why_and_before_after(anna: TestClient, losser: Store) -> None:
    r = rename(anna, "OW", "Buitendienst", "raadsbesluit 12", seen_on(anna, "/o/GM0168/edit"))
    assert r.status_code == 303  # type: ignore[attr-defined]
    page = anna.get("/o/GM0168/audit")
    assert page.status_code == 200
    first = page.text.split('<li class="changeset"', 2)[1]  # newest first
    assert "anna" in first and "raadsbesluit 12" in first
    assert re.search(r"<td class=\"before\">Openbare Werken</td><td class=\"after\">Buitendienst</td>", first)
    assert "1 januari 2013" in first
    # Filters: the unit, the person, the reason, the period; and the unit page links to it.
    assert "raadsbesluit 12" in anna.get("/o/GM0168/audit", params={"unit": "OW"}).text
    assert "raadsbesluit 12" not in anna.get("/o/GM0168/audit", params={"unit": "BSP"}).text
    assert "raadsbesluit 12" not in anna.get("/o/GM0168/audit", params={"who": "bert"}).text
    assert "raadsbesluit 12" in anna.get("/o/GM0168/audit", params={"q": "RAADSBESLUIT"}).text
    assert "raadsbesluit 12" not in anna.get("/o/GM0168/audit", params={"to": "2020-01-01"}).text
    today = datetime.now(UTC).date().isoformat()
    assert "raadsbesluit 12" in anna.get("/o/GM0168/audit", params={"from": today, "to": today}).text
    assert 'href="/o/GM0168/audit?unit=BSP"' in anna.get("/o/GM0168/u/BSP").text
    data = anna.get("/api/v1/organisations/GM0168/audit", params={"unit": "OW"}).json()
    change = data["entries"][0]["changes"][0]
    assert data["entries"][0]["recorded_by"] == "anna" and change["action"] == "added"
    assert change["effect"][0]["fields"] == [{"field": "name", "before": "Openbare Werken", "after": "Buitendienst"}]


def test_retraction_is_confirmed_and_in_the_trail(anna: TestClient) -> None:
    page = anna.get("/o/GM0168/events/wiz-naar-enschede/retract")
    seen = re.search(r'name="seen" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    form = {"reason": "nooit doorgegaan", "seen": seen, "csrf": csrf_token(anna)}
    assert anna.post("/o/GM0168/events/wiz-naar-enschede/retract", data=form).status_code == 422  # not confirmed
    r = anna.post("/o/GM0168/events/wiz-naar-enschede/retract", data=dict(form, confirm="yes"), follow_redirects=False)
    assert r.status_code == 303
    trail = anna.get("/o/GM0168/audit", params={"event": "wiz-naar-enschede"}).text
    assert "ingetrokken" in trail and "nooit doorgegaan" in trail and "anna" in trail
    assert trail.count('<li class="changeset"') == 2  # entered by the fixture, retracted by anna


def test_csv_export_runs_no_formula(anna: TestClient, losser: Store) -> None:
    rename(
        anna,
        "OW",
        '=HYPERLINK("http://evil.example")',
        "+1 vanwege -reorganisatie @team",
        seen_on(anna, "/o/GM0168/edit"),
    )
    r = anna.get("/o/GM0168/audit.csv", params={"who": "anna"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="audittrail-GM0168.csv"' in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["changeset", "recorded_at", "recorded_by", "reason"]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert any(row[3] == "'+1 vanwege -reorganisatie @team" for row in rows[1:])
    assert any(row[5] == "unit" and row[9] == "name" and row[11].startswith("'=HYPERLINK") for row in rows[1:])


def test_what_did_we_know_on_a_date(anna: TestClient, losser: Store) -> None:
    before = datetime.now(UTC).isoformat()
    rename(anna, "OW", "Buitendienst", "later inzicht", seen_on(anna, "/o/GM0168/edit"))
    now = anna.get("/o/GM0168", params={"at": "2013-06-01"}).text
    assert "Buitendienst" in now
    then = anna.get("/o/GM0168", params={"at": "2013-06-01", "known_at": before})
    assert then.status_code == 200 and "Buitendienst" not in then.text and "Openbare Werken" in then.text
    assert 'id="known-at-banner"' in then.text
    assert anna.get("/o/GM0168", params={"known_at": "gisteren"}).status_code == 400
    # The trail links every change to the register as it stood right after it.
    assert "known_at=" in anna.get("/o/GM0168/audit").text


def test_two_editors_of_one_unit_the_second_gets_a_conflict(anna: TestClient, bert: TestClient, losser: Store) -> None:
    seen_a = seen_on(anna, "/o/GM0168/edit")
    seen_b = seen_on(bert, "/o/GM0168/edit")  # both opened the form on the same version
    assert rename(anna, "OW", "Buitendienst", "eerste", seen_a).status_code == 303  # type: ignore[attr-defined]
    r = rename(bert, "OW", "Gemeentewerken", "tweede", seen_b)
    assert r.status_code == 409  # type: ignore[attr-defined]
    text = r.text  # type: ignore[attr-defined]
    assert "OW is gewijzigd sinds u dit formulier opende: door anna" in text and "eerste" in text
    assert 'value="Gemeentewerken"' in text  # what bert typed is still in the form
    assert "Gemeentewerken" not in bert.get("/o/GM0168", params={"at": "2013-06-01"}).text  # nothing saved
    # Another unit on the same old version is no conflict; resending with the new version is allowed.
    assert rename(bert, "BSP", "Beleid en Strategie", "ander", seen_b).status_code == 303  # type: ignore[attr-defined]
    newer = re.search(r'name="seen" value="(\d+)"', text).group(1)  # type: ignore[union-attr]
    # The version the conflict page gave: anna's change is known now, BSP's touches another unit.
    assert rename(bert, "OW", "Gemeentewerken", "tweede, bewust", newer).status_code == 303  # type: ignore[attr-defined]
    names = [h["reason"] for h in audit.trail(losser, "GM0168", audit.TrailFilter(unit="OW"))["entries"]]
    assert names[:2] == ["tweede, bewust", "eerste"]  # both kept, in order


def test_api_conflict_is_409_with_the_change(losser: Store) -> None:
    token = accounts.add_token(losser, "anna", ["write:GM0168"], "test")["token"]
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(losser, settings=WebSettings(mode=Mode.ACCOUNTS)), base_url=BASE_URL) as c:
        version = c.get("/api/v1/organisations/GM0168", headers=auth).headers["x-raadhuis-version"]
        event = {"id": "api-1", "type": "rename", "date": "2013-01-01", "unit": "OW", "name": "Eén"}
        r = c.post(
            "/api/v1/organisations/GM0168/events", params={"reason": "a", "seen": version}, json=[event], headers=auth
        )
        assert r.status_code == 201, r.text
        event2 = dict(event, id="api-2", name="Twee")
        r = c.post(
            "/api/v1/organisations/GM0168/events", params={"reason": "b", "seen": version}, json=[event2], headers=auth
        )
        assert r.status_code == 409
        assert r.json()["changes"][0]["recorded_by"] == "anna" and r.json()["changes"][0]["units"] == ["OW"]


def _shown(html: str) -> str:
    """The page's text as a reader sees it: no tags, so no id in an address or a form value."""
    import html as markup

    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    main = re.sub(r"<details\b.*?</details>", " ", main, flags=re.S)  # the record's own fields, folded away
    return re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", main)))


def test_trail_says_events_in_words_and_filters_by_words(anna: TestClient) -> None:
    html = anna.get("/o/GM0168/audit").text
    text = _shown(html)
    for code in ("OW@2011-09-13", "bsp-samenvoeging", "Gebeurtenis (id)", "Organisatiegegevens GM0168"):
        assert code not in text, code
    assert "Gebeurtenis oprichting: Openbare Werken , 13 september 2011" in text
    assert (
        "REO en Welzijn gaan op in de nieuwe afdeling Beleid, Strategie en Projecten (samenvoeging, 1 januari 2012)"
        in text
    )
    assert "Organisatiegegevens Losser" in text
    # The filters are choices in words; the ids only as their values.
    assert '<select id="f-event" name="event">' in html and '<select id="f-unit" name="unit">' in html
    assert '<option value="OW@2011-09-13">oprichting: Openbare Werken, 13 september 2011</option>' in html
    assert '<option value="REO">Ruimtelijke &amp; Economische Ontwikkeling</option>' in html
    # An old link with the event's id still filters, and the choice shows it selected.
    one = anna.get("/o/GM0168/audit", params={"event": "bsp-samenvoeging"}).text
    assert one.count('<li class="changeset"') == 1
    assert '<option value="bsp-samenvoeging" selected>' in one
    english = _shown(anna.get("/o/GM0168/audit", params={"lang": "en"}).text)
    anna.get("/", params={"lang": "nl"})
    assert "Event establish: Openbare Werken , 13 September 2011" in english and "all events" in english
