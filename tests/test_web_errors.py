"""Error pages as a reader meets them: in Dutch (English on request), saying what happened and
what to do, with a way back to where they came from and to the start page, never a traceback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.test_web_pages import LOSSER
from tests.webtools import BASE_URL, csrf_token


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    # A 500 is to be answered by the app, not raised into the test.
    with TestClient(create_app(sqlite_store), base_url=BASE_URL, raise_server_exceptions=False) as c:
        c.get("/")
        yield c


def main_of(html: str) -> str:
    found = re.search(r"<main.*?</main>", html, re.S)
    assert found, html[:500]
    return found.group(0)


def assert_error_page(response: Any, status: int, title: str, *phrases: str) -> str:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    main = main_of(response.text)
    assert f"<h1>{title}</h1>" in main, main
    for phrase in phrases:
        assert phrase in main, (phrase, main)
    assert 'href="/"' in main  # always the way to the start page
    for leak in ("Traceback", 'File "', "Not Found", "Method Not Allowed", "Internal Server Error", '{"detail"'):
        assert leak not in response.text
    assert "Content-Security-Policy" in response.headers
    return main


def test_a_page_that_does_not_exist_is_dutch_with_a_way_back(client: TestClient) -> None:
    r = client.get("/no-such-page", headers={"referer": f"{BASE_URL}/o/GM0168?at=2012-01-01"})
    main = assert_error_page(r, 404, "Pagina niet gevonden", "Controleer het adres")
    # Back to where the reader came from (escaped), and to the start page.
    assert 'href="/o/GM0168?at=2012-01-01"' in main and "Terug naar de vorige pagina" in main
    assert "Naar de startpagina" in main


def test_back_link_only_to_this_site(client: TestClient) -> None:
    r = client.get("/no-such-page", headers={"referer": "https://elders.example/phish"})
    main = assert_error_page(r, 404, "Pagina niet gevonden")
    assert "elders.example" not in main and "Terug naar de vorige pagina" not in main


def test_unknown_organisation_and_unit_pages(client: TestClient) -> None:
    assert_error_page(
        client.get("/o/GM9999"), 404, "Pagina niet gevonden", "organisatie &#39;GM9999&#39; niet gevonden"
    )
    assert_error_page(client.get("/o/GM0168/u/NOPE", params={"at": "2012-01-01"}), 404, "Pagina niet gevonden")


def test_english_on_request(client: TestClient) -> None:
    main = assert_error_page(
        client.get("/no-such-page", params={"lang": "en"}), 404, "Page not found", "Check the address"
    )
    assert "To the start page" in main and "Pagina" not in main


def test_method_not_allowed(client: TestClient) -> None:
    r = client.put("/o/GM0168")
    assert_error_page(r, 405, "Dit kan op deze pagina niet", "Gebruik de knoppen op de pagina zelf")
    assert "GET" in r.headers.get("allow", "")


def test_form_without_csrf_token(client: TestClient) -> None:
    r = client.post("/o/GM0168/edit", data={"kind": "rename"})
    assert_error_page(r, 403, "Geen toegang", "Het formulier is verlopen", "laad de pagina opnieuw")


def test_change_from_another_site(client: TestClient) -> None:
    r = client.post("/o/GM0168/edit", data={"csrf": csrf_token(client)}, headers={"origin": "https://elders.example"})
    assert_error_page(r, 403, "Geen toegang", "andere website wordt geweigerd")
    # The API keeps its JSON answer.
    api = client.post("/api/v1/organisations/GM0168/events", json={}, headers={"origin": "https://elders.example"})
    assert api.status_code == 403 and api.json()["errors"][0]["code"] == "cross_site"


def test_body_too_large(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAADHUIS_MAX_BODY_MB", "0.001")
    r = client.post(
        "/upload",
        files={"file": ("groot.yaml", b"x" * 5000, "application/x-yaml")},
        data={"csrf": csrf_token(client)},
    )
    assert_error_page(r, 413, "Bestand of formulier te groot", "er is niets opgeslagen".capitalize())


def test_an_error_inside_raadhuis_is_a_page_not_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals /usr/lib/python3/site-packages")

    monkeypatch.setattr(register, "list_organisations", broken)
    r = client.get("/", headers={"referer": f"{BASE_URL}/o/GM0168"})
    main = assert_error_page(r, 500, "Er ging iets mis", "fout in Raadhuis zelf", "Terug naar de vorige pagina")
    assert "secret internals" not in r.text and "site-packages" not in r.text and "RuntimeError" not in r.text
    assert 'href="/o/GM0168"' in main
    en = client.get("/", params={"lang": "en"})
    assert en.status_code == 500 and "<h1>Something went wrong</h1>" in en.text


def test_api_errors_stay_json_in_the_readers_language(client: TestClient) -> None:
    r = client.get("/api/v1/no-such-thing")
    assert r.status_code == 404
    assert r.json() == {
        "errors": [{"field": None, "line": None, "message": "Pagina niet gevonden", "message_en": "Page not found"}]
    }
    r = client.get("/api/v1/organisations/GM9999")
    assert r.status_code == 404 and "niet gevonden" in r.json()["errors"][0]["message"]


def test_the_api_docs_link_back_to_the_workbench(client: TestClient) -> None:
    html = client.get("/api/v1/docs").text
    assert '<a href="/">← Terug naar de werkbank</a>' in html
    assert '<a href="/">← Back to the workbench</a>' in client.get("/api/v1/docs", params={"lang": "en"}).text


def test_a_bad_date_in_the_address_is_said_in_the_readers_language(client: TestClient) -> None:
    r = client.get("/o/GM0168", params={"known_at": "gisteren"})
    assert r.status_code == 400
    assert "verwacht een datum als 31-12-2011 of 2011-12-31, of een datum met tijdstip" in r.text
    assert "ISO 8601" not in r.text and "expected" not in r.text
    r = client.get("/o/GM0168", params={"at": "31-13-2011"})
    assert r.status_code == 400 and "verwacht een datum als 31-12-2011 of 2011-12-31; gevonden" in r.text
    english = client.get("/o/GM0168", params={"known_at": "gisteren", "lang": "en"})
    assert "expected a date such as 31-12-2011 or 2011-12-31, or a date and time" in english.text
