"""Programmes in a real browser, driven by clicks as a control advisor would: from the organisation's
dashboard to its programmes (the latest reading as a badge, the budget as a bar), the 2024
programme of seed 003 (what it costs and what the money is for, how it is doing and since when,
who leads it and until when, each with its quote), then a progress reading recorded through the
form (a bad date refused at its field, then previewed and saved under the user's name).
Screenshots in test-artifacts/screenshots/programmes-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from raadhuis.services import register
from raadhuis.store.database import Store
from tests.browser.conftest import shot
from tests.live import live_server

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
ORG_NAME = "Voorbeeldgemeente (jaarverslag 2024, naam niet in de bron)"


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The workbench with the seed-003 annual report loaded as well (the conftest loads two examples)."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'raadhuis.sqlite'}")
    for name in ("losser.yaml", "den-haag.yaml", "jaarverslag-2024.yaml"):
        register.import_dataset(store, ROOT / "examples" / name, who="test", reason="browser fixture")
    with live_server(store) as url:
        yield url
    store.dispose()


def _open_programme(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    page.get_by_role("link", name=ORG_NAME, exact=True).first.click()
    page.get_by_role("navigation", name=ORG_NAME).get_by_role("link", name="Toegerust?").click()
    dash = page.locator("#d-programmes").locator("xpath=..")
    assert "Verbetering dienstverlening via organisatieontwikkeling" in dash.inner_text()
    dash.get_by_role("link", name="Alle programma's en opgaven").click()
    page.wait_for_url("**/programmes")
    row = page.locator('tr[data-programme="dienstverlening-2024"]')
    assert row.locator(".badge.reading.r-green").inner_text().startswith("G")
    assert "€ 150.000, besteding onbekend" in row.inner_text()
    assert row.locator("svg.budget-bar").count() == 1
    shot(page, "programmes-01-overview")
    row.get_by_role("link", name="Verbetering dienstverlening via organisatieontwikkeling").click()
    page.wait_for_url("**/programmes/dienstverlening-2024")


def test_the_programme_page_answers_cost_progress_and_lead(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    _open_programme(page, live_url)
    budget = page.locator("#budget").inner_text()
    assert "€ 150.000" in budget and "extra menskracht" in budget and "€ 100.000" in budget
    assert "Het budget van € 150.000 voor dienstverlening wordt voor € 100.000 ingezet" in budget
    assert "besteding onbekend" in budget  # no spend known: not € 0
    latest = page.locator("#latest").inner_text()
    assert "G" in latest and "groen" in latest and "betekenis aangenomen" in latest and "sinds 2024" in latest
    assert "Voortgangsindicator G" in latest
    lead = page.locator("#lead").inner_text()
    assert "Projectleider dienstverlening" in lead and "augustus 2024" in lead and "augustus 2025" in lead
    assert "voor de duur van een jaar" in page.locator("#people").inner_text() or "duur van een jaar" in lead
    axis = page.locator("svg.programme-axis")
    assert axis.locator("g.milestone").count() == 3 and axis.locator("g.reading").count() == 1
    shot(page, "programmes-02-programme")


def test_record_a_progress_reading_through_the_form(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    _open_programme(page, live_url)
    page.get_by_role("link", name="Voortgangsmeting vastleggen").click()
    page.fill("#f-date", "ergens in maart")
    page.select_option("#f-value", "O")
    page.fill("#f-assumption", "Eigen waarneming van de controller; nog niet in een bron.")
    page.fill("#f-reason", "Kwartaalgesprek maart 2025")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    error = page.locator(".field.invalid").first.inner_text()
    assert "ergens in maart" in error  # refused at its field, nothing written
    shot(page, "programmes-03-form-error")
    page.fill("#f-date", "2025-03")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    assert "Er is nog niets opgeslagen" in page.locator("main").inner_text()
    preview = page.locator("ul.preview-item").inner_text()
    assert "Voortgangsmeting van maart 2025: O (oranje)" in preview  # the change in words, no record keys
    assert "value:" not in preview
    shot(page, "programmes-04-preview")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/programmes/dienstverlening-2024?saved=*")
    assert "Opgeslagen als wijziging" in page.locator("main").inner_text()
    latest = page.locator("#latest").inner_text()
    assert "O" in latest and "oranje" in latest and "sinds maart 2025" in latest
    readings = page.locator("table.readings tbody tr")
    assert readings.count() == 2 and "Kwartaalgesprek" not in readings.nth(1).inner_text()
    assert page.locator("svg.programme-axis g.reading.r-amber").count() == 1
    assert "Kwartaalgesprek maart 2025" in page.locator("#history").inner_text()
    shot(page, "programmes-05-saved")
