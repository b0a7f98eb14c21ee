"""Sign-in and the audit trail in a real browser, on a workbench served with accounts:
a redacteur of Losser signs in (after a wrong password), changes Losser, reads the change in
the audit trail and signs out; a lezer reads but is shown no way to change anything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from raadhuis.services import accounts, register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings
from tests.browser.conftest import shot
from tests.live import live_server

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "een lang wachtwoord"


@pytest.fixture(scope="module")
def accounts_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from argon2 import PasswordHasher, profiles

    kept = accounts._hasher
    accounts._hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)  # as in tests/conftest.py
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('accounts') / 'raadhuis.sqlite'}")
    for name in ("losser.yaml", "den-haag.yaml"):
        register.import_dataset(store, ROOT / "examples" / name, who="test", reason="browser fixture")
    accounts.add_user(
        store, "anna", "test", password=PASSWORD, display_name="Anna Redacteur", grants=[("GM0168", "redacteur")]
    )
    accounts.add_user(store, "lees", "test", password=PASSWORD, display_name="Raadslid", grants=[("GM0168", "lezer")])
    app = create_app(store, settings=WebSettings(mode=Mode.ACCOUNTS))
    with live_server(store, app) as url:
        yield url
    store.dispose()
    accounts._hasher = kept


@pytest.fixture
def tab(browser: object, accounts_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    outside: list[str] = []
    blocked: list[str] = []
    pg.on(
        "request", lambda r: outside.append(r.url) if not r.url.startswith((accounts_url, "data:", "blob:")) else None
    )
    pg.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    context.close()
    assert not outside and not blocked, (outside, blocked)


def sign_in(page, url: str, name: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#name", name)
    page.fill("#password", password)
    page.get_by_role("button", name="Aanmelden", exact=True).click()


def test_sign_in_change_and_audit_trail(tab, accounts_url: str) -> None:  # type: ignore[no-untyped-def]
    page = tab
    page.goto(accounts_url + "/o/GM0168")
    page.wait_for_url("**/signin?next=%2Fo%2FGM0168")
    shot(page, "auth-1-signin")
    sign_in(page, accounts_url, "anna", "verkeerd wachtwoord")
    assert "Gebruikersnaam of wachtwoord klopt niet" in page.get_by_role("alert").inner_text()
    shot(page, "auth-2-signin-wrong-password")
    sign_in(page, accounts_url, "anna", PASSWORD)
    page.wait_for_url("**/o/GM0168")
    assert page.locator(".user a").inner_text() == "Anna Redacteur"
    page.get_by_role("link", name="Wijziging vastleggen").click()
    page.wait_for_load_state()
    page.select_option("#action-pick", "rename")
    page.wait_for_selector("#f-unit")
    page.fill("#f-unit", "Openbare Werken")
    page.fill("#f-name", "Buitendienst")
    page.fill("#f-date", "2013-01-01")
    page.fill("#f-reason", "besluit college 12 maart")
    page.get_by_role("button", name="Effect bekijken").click()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**saved=**")
    page.get_by_role("link", name="Audittrail").first.click()
    page.wait_for_url("**/o/GM0168/audit")
    newest = page.locator("li.changeset").first
    text = newest.inner_text()
    assert "anna" in text and "besluit college 12 maart" in text
    assert newest.locator("td.before").first.inner_text() == "Openbare Werken"
    assert newest.locator("td.after").first.inner_text() == "Buitendienst"
    shot(page, "auth-3-audit-trail")
    page.get_by_label("Eenheid").select_option(label="Beleid, Strategie en Projecten")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**unit=BSP**")
    assert "besluit college 12 maart" not in page.locator("#trail").inner_text()
    with page.expect_download() as info:
        page.click("#audit-csv")
    assert info.value.suggested_filename == "audittrail-GM0168.csv"
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url("**/signin")
    page.goto(accounts_url + "/o/GM0168/audit")
    page.wait_for_url("**/signin?next=**")


def test_a_lezer_reads_but_is_offered_no_change(tab, accounts_url: str) -> None:  # type: ignore[no-untyped-def]
    page = tab
    page.goto(accounts_url + "/signin")
    sign_in(page, accounts_url, "lees", PASSWORD)
    page.wait_for_url(accounts_url + "/")
    page.get_by_role("link", name="Losser", exact=True).click()
    page.wait_for_url("**/o/GM0168")
    page.wait_for_selector("#export-xlsx")  # the organisation page has loaded, not just its address
    assert page.locator("nav.orgnav a", has_text="Wijziging vastleggen").count() == 0
    assert page.locator("nav.orgnav a", has_text="Audittrail").count() == 1
    assert page.locator("#export-xlsx").count() == 1  # reading includes the formatieplan in Excel
    response = page.goto(accounts_url + "/o/GM0168/change")
    assert response.status == 403
    response = page.goto(accounts_url + "/o/GM0168/edit")
    assert response.status == 403
    assert "geen rechten" in page.get_by_role("alert").inner_text()
    shot(page, "auth-4-lezer-refused")
    response = page.goto(accounts_url + "/o/GM0518")
    assert response.status == 403
