"""The tasks of issue 13's "done when", done as a new user would: clicks and typing, steps counted,
screenshots to look at."""

from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


def test_a_losser_on_1_january_2012_and_what_changed_since_the_day_before_in_4_steps(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    steps = 0
    page.get_by_role("link", name="Losser").click()
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
