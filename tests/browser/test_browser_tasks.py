"""The tasks of issue 13's "done when", done as a new user would: clicks and typing, steps counted,
screenshots to look at."""

from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


def test_a_losser_on_1_january_2012_and_what_changed_since_the_day_before_in_4_steps(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    steps = 0
    page.get_by_role("link", name="Losser", exact=True).click()
    steps += 1
    page.get_by_label("Peildatum").fill("1-1-2012")  # typed the Dutch way
    steps += 1
    page.get_by_role("button", name="Tonen").click()
    steps += 1
    assert page.locator("h1").inner_text() == "Losser op 1 januari 2012 (feitelijk)"
    assert page.locator(".note").inner_text() == "1-1-2012 gelezen als 1 januari 2012"
    on_chart = set(page.eval_on_selector_all("#chart g.unit[data-unit]", "els => els.map(e => e.dataset.unit)"))
    assert on_chart == {"BSP", "OW", "VVH", "WIZ"}
    shot(page, "task-a-1-losser-2012-01-01")
    page.locator("nav.orgnav").get_by_role("link", name="Verschil").click()
    steps += 1
    assert steps <= 4
    assert page.locator("h1").inner_text() == (
        "Wat veranderde bij Losser van 31 december 2011 tot 1 januari 2012 (feitelijk)"
    )
    sentences = page.locator("p.said").all_inner_texts()
    assert sentences[0] == "REO en Welzijn samengevoegd tot BSP (nieuw)"
    assert "Nieuwe formatieplaats Regiefunctionaris bij BSP (1,00 fte)" in sentences
    merge = page.locator("li.c-merge")
    assert "college, 13 september 2011 — Herijking doorontwikkeling organisatiestructuur" in merge.inner_text()
    assert "Aanpassing structuur ambtelijke organisatie Losser" in merge.inner_text()
    # The transfer of WIZ, decided but never carried out, is said as such, not as a removal.
    assert "WIZ zou overgaan naar Enschede" in page.locator("#planned-h + ul").inner_text()
    assert page.locator("#chart g.unit.gone").count() == 2
    shot(page, "task-a-2-what-changed")


def test_b_every_decision_never_carried_out_across_organisations_with_its_source_in_3_steps(
    page, live_url: str
) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    steps = 0
    page.locator("header.top").get_by_role("link", name="Niet uitgevoerd").click()
    steps += 1
    assert steps <= 3
    assert page.locator("h1").inner_text() == "Besloten, niet uitgevoerd"
    losser = page.locator("section", has=page.get_by_role("heading", name="Losser"))
    row = losser.locator("tr", has_text="Overgang van de afdeling Werk, Inkomen & Zorg")
    assert "besloten, niet gerealiseerd" in row.inner_text()
    assert "college, 13 september 2011" in row.inner_text()
    assert "Aanpassing structuur ambtelijke organisatie Losser" in row.inner_text()
    # Den Haag: decided for 2018, never recorded as realised.
    den_haag = page.locator("section", has=page.get_by_role("heading", name="'s-Gravenhage"))
    assert "besloten, datum verstreken, niet als gerealiseerd vastgelegd" in den_haag.inner_text()
    assert "2e kwartaal 2018" in den_haag.inner_text()
    shot(page, "task-b-not-carried-out")


def test_d_the_council_report_in_3_steps_on_the_latest_day_with_data(page, live_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.browser.test_browser_chart import _pdf_to_png

    page.goto(live_url + "/")
    steps = 0
    page.get_by_role("link", name="Losser", exact=True).click()
    steps += 1
    page.locator("nav.orgnav").get_by_role("link", name="Toegerust?").click()
    steps += 1
    assert "31 december 2017" in page.locator("#day-note").inner_text()
    assert "laatste datum met gegevens" in page.locator("#day-note").inner_text()
    # What the data do not say is not a finding.
    body = page.locator("main").inner_text()
    assert "Organisatie van doeners\nniet te bepalen" in body
    assert "onvoldoende gegevens" in body and "100% van de formatie is vacant" not in body
    shot(page, "task-d-1-dashboard")
    with page.expect_download() as info:
        page.get_by_role("link", name="Rapport downloaden (PDF)").click()
    steps += 1
    assert steps <= 3
    assert info.value.suggested_filename == "GM0168-rapport-2017-12-31.pdf"
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    _pdf_to_png(target, "task-d-2-report", pages=4)
