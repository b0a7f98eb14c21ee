"""No internal code on a screen, days in words, tables usable at phone width (issue 13), in a real
browser and by clicks as a reader would: from the start page to Losser's sources, from a fact there
to its event and on to a unit, and the cooperations at 375 px without sideways scrolling.
Screenshots in test-artifacts/screenshots/words-*.png."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser

ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_from_the_start_page_to_sources_and_a_unit_in_words(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    page.get_by_role("link", name="Losser", exact=True).first.click()
    page.wait_for_url(re.compile(r".*/o/GM0168(\?.*)?$"))
    page.get_by_role("navigation", name="Losser").get_by_role("link", name="Bronnen", exact=True).click()
    page.wait_for_url("**/o/GM0168/sources")
    assert page.locator("h1").inner_text() == "Bronnen — Losser"
    main = page.locator("main").inner_text()
    assert "gebeurtenis: oprichting: Openbare Werken, 13 september 2011" in main
    assert "samenwerkingsverband: Slim leunen" in main
    for code in ("bsp-samenvoeging", "OW@2011-09-13", "slim-leunen", "GM0168"):
        assert code not in main, code
    assert not ISO_DAY.search(main)
    shot(page, "words-01-sources")
    # A fact links to its event on the timeline; the event names its units, and one opens the unit.
    page.get_by_role(
        "link", name="REO en Welzijn gaan op in de nieuwe afdeling Beleid, Strategie en Projecten"
    ).first.click()
    page.wait_for_url("**/o/GM0168/timeline#ev-bsp-samenvoeging")
    card = page.locator("#ev-bsp-samenvoeging")
    card.get_by_role("link", name="Beleid, Strategie en Projecten", exact=True).click()
    page.wait_for_url("**/o/GM0168/u/BSP**")
    page.locator("#posts-h").wait_for()
    # (The day field's hint shows both ways to type a day, 31-12-2011 and 2011-12-31: left out.)
    unit = page.locator("main").inner_text().replace(page.locator("#at-hint").inner_text(), "")
    assert page.locator("#at").input_value() == "01-01-2012"  # the day the event took effect, typed the Dutch way
    assert "1 januari 2012 – heden" in unit and "Regiefunctionaris" in unit
    assert "BSP-hoofd" not in unit and "BSP-regie" not in unit and not ISO_DAY.search(unit)
    shot(page, "words-02-unit")


def test_cooperations_fit_a_phone(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(live_url + "/o/GM0168")
    page.get_by_role("navigation", name="Losser").get_by_role("link", name="Samenwerkingen", exact=True).click()
    page.wait_for_url("**/o/GM0168/cooperations")
    page.locator("table.coops").wait_for()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways: {width} px wide"
    # Each card says what its cells are (a label drawn before the cell); the unknown start in words.
    period = page.locator('#coop-regio-twente td[data-label="Periode"]')
    assert period.inner_text().strip() == "begin onbekend – heden"
    label = period.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Periode: "', label
    shot(page, "words-03-cooperations-phone")
