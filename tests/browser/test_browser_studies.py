"""Audit studies in a real browser, driven by clicks as a rekenkamer researcher would: the Losser
study read as a report (question, findings with their unit, conclusions, recommendations, the
college's response, the hearing table, the follow-up), a status recorded through the form (a
bad date refused at its field, then previewed and saved), and the follow-up monitor filtered.
Screenshots in test-artifacts/screenshots/studies-*.png."""

from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


def _open_study(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("navigation", name="Organisaties").get_by_role("link", name="Onderzoeken", exact=True).click()
    page.get_by_role("link", name="Toekomstbestendigheid van de ambtelijke organisatie").click()
    page.wait_for_url("**/studies/rekenkamer-losser-2017**")


def test_study_page_answers_the_researchers_questions(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    _open_study(page)
    assert page.locator("h1").inner_text().startswith("Toekomstbestendigheid van de ambtelijke organisatie")
    # What it asked: the question and five sub-questions.
    questions = page.locator("#questions")
    assert "Is de ambtelijke organisatie voldoende toegerust" in questions.inner_text()
    assert page.locator("#questions ol.sub-questions > li").count() == 5
    # What it found and concluded, each with its quote.
    assert page.locator("article.finding").count() == 34
    assert page.locator("article.conclusion").count() == 3
    # What it recommended and to whom, what the college answered, where the follow-up stands.
    recs = page.locator("article.recommendation")
    assert recs.count() == 4
    rec3a = page.locator("#rec-3a")
    text = rec3a.inner_text()
    assert "Zoek naar structurele samenwerking in regio" in text
    assert "Het rapport zegt bij geen enkele aanbeveling of zij aan de raad of aan het college is gericht" in text
    assert "bevat geen bestuurlijke reactie van het college" in text
    assert "Geen brondocument zegt iets over de opvolging" in text
    # Which hearing comments changed the text.
    page.get_by_role("link", name="Hoor en wederhoor").first.click()
    assert "16 van de 17 reacties veranderden de tekst" in page.locator("#hearing").inner_text()
    assert page.locator("table.hearing tr.o-niet_aangepast").count() == 1
    shot(page, "studies-01-losser-study")
    # A finding links to its unit; the unit's page shows the findings about it.
    page.locator("#f-te-weinig-capaciteit").get_by_role("link", name="Beleid, Strategie en Projecten").click()
    page.wait_for_url("**/u/BSP**")
    assert "Bevindingen uit onderzoeken" in page.locator("main").inner_text()
    shot(page, "studies-02-unit-findings")


def test_record_a_status_then_see_it_in_the_monitor(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    _open_study(page)
    page.locator("#rec-3a").get_by_role("link", name="Stand vastleggen").click()
    page.select_option("#f-status", "in_uitvoering")
    page.fill("#f-date", "2016-05")  # before the study: refused
    page.fill("#f-new_source", "Raadsinformatiebrief regionale samenwerking maart 2019")
    page.fill("#f-quote", "De colleges verkennen een gezamenlijke pool.")
    page.fill("#f-reason", "raadsinformatiebrief")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    errors = page.locator(".errors")
    assert "vóór het onderzoek" in errors.inner_text()
    shot(page, "studies-03-status-form-error")
    page.fill("#f-date", "2019-03")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    assert "in uitvoering" in page.locator("main").inner_text()
    shot(page, "studies-04-status-preview")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**saved=**")
    status = page.locator("#rec-3a dd.status").inner_text()
    assert "in uitvoering" in status and "maart 2019" in status
    shot(page, "studies-05-status-saved")
    # The monitor: filtered on Losser and on "in uitvoering".
    page.get_by_role("navigation", name="Organisaties").get_by_role("link", name="Opvolging").click()
    page.select_option("#f-organisation", "GM0168")
    page.select_option("#f-status", "in_uitvoering")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**status=in_uitvoering**")
    rows = page.locator("table.recommendations tbody tr")
    assert rows.count() == 1 and "3a. Zoek naar structurele samenwerking in regio" in rows.first.inner_text()
    by_org = page.locator("table.monitor").first.inner_text()
    assert "Losser" in by_org
    shot(page, "studies-06-monitor")
    # Back to the day before the status: the monitor counts it as unknown then.
    page.fill("#f-at", "2019-02-28")
    page.select_option("#f-status", "")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**at=2019-02-28**")
    assert page.locator("table.recommendations tbody tr").count() == 4
    assert "in uitvoering" not in page.locator("table.recommendations").inner_text()
    shot(page, "studies-07-monitor-earlier")
