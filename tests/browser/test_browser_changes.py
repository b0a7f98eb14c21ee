"""Issue 13, task (c), as a new user does it in Chromium: add a team under a department from a
date, with a reason and a source, typing no id — at most 8 steps (clicks and typings, counted
here) — and the history shows who and why. Also a merge by a new decision with its source, a
mistake shown in Dutch next to its field, and the formatieplan downloaded as Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


class Steps:
    """Every click and every typing of the user, counted."""

    def __init__(self, page: Any) -> None:
        self.page, self.n = page, 0

    def click(self, locator: Any) -> None:
        self.n += 1
        locator.click()

    def type(self, selector: str, text: str) -> None:
        self.n += 1
        self.page.fill(selector, text)

    def choose(self, selector: str, value: str) -> None:
        self.n += 1
        self.page.select_option(selector, value)


def test_add_a_team_under_a_department_in_at_most_8_steps(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    steps = Steps(page)
    steps.click(page.get_by_role("link", name="Losser", exact=True))
    steps.click(page.get_by_role("link", name="Wijziging vastleggen"))
    # The click navigates: wait for the form's page before looking (is_visible does not wait).
    page.locator("h2", has_text="Een nieuwe eenheid oprichten").wait_for()
    steps.type("#f-name", "Team Communicatie")
    steps.type("#f-parent", "Beleid, Strategie en Projecten")  # by name, from the list as one types
    steps.type("#f-date", "1-3-2013")
    steps.type("#f-source", "Aanpassing structuur ambtelijke organisatie Losser")
    steps.type("#f-reason", "Team communicatie ingesteld volgens het besluit")
    # The effect shows by itself: in words and on the chart, the new team marked, before saving.
    page.wait_for_selector("#effect #save")
    assert "Team Communicatie" in page.locator("#effect-said").inner_text()
    assert page.locator('#effect #chart g.unit[data-mark="added"]').count() == 1
    shot(page, "c1-team-effect-before-saving")
    steps.click(page.locator("#save"))
    page.wait_for_url("**/audit?event=**")
    assert steps.n <= 8, f"{steps.n} steps"
    # The history: who and why.
    saved = page.locator("#trail li.changeset").first
    assert "Team communicatie ingesteld volgens het besluit" in saved.inner_text()
    author = page.locator("p.author").count() == 0  # the history page has no form; the name is in the entry
    assert author and saved.locator("h2").inner_text().split("—")[-1].strip()
    shot(page, "c2-team-history-who-and-why")
    page.click("#to-chart")
    assert page.locator('#chart g.unit[data-unit="team-communicatie"]').count() == 1
    shot(page, "c3-team-on-the-chart")


def test_merge_by_a_new_decision_with_a_source(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/o/GM0168")
    steps = Steps(page)
    steps.click(page.get_by_role("link", name="Wijziging vastleggen"))
    page.wait_for_load_state()  # change.js is there (a person does not choose within milliseconds)
    steps.choose("#action-pick", "merge")  # the form changes at once (change.js)
    page.wait_for_selector("#f-units-1")
    steps.type("#f-units-1", "Openbare Werken")
    steps.type("#f-units-2", "VTH")  # the abbreviation works as well as the name
    steps.type("#f-name", "Fysiek Domein")
    steps.type("#f-date", "1-1-2018")
    steps.click(page.locator("summary", has_text="Nieuw besluit vastleggen"))
    steps.choose("#f-decision_body", "college")
    steps.type("#f-decision_date", "12-12-2017")
    steps.type("#f-decision_title", "Vorming Fysiek Domein")
    steps.type("#f-source", "Rekenkameronderzoek gemeente Losser")  # a source the list does not hold: refused
    steps.type("#f-reason", "Besluit college")
    page.wait_for_selector(".effect-pending")
    steps.click(page.get_by_role("button", name="Effect bekijken"))
    error = page.locator("#source-error")
    error.wait_for()  # the answer is a new page: wait for it before looking
    assert error.is_visible() and "Er is geen bron" in error.inner_text()
    assert page.locator("#f-source").get_attribute("aria-invalid") == "true"
    shot(page, "c4-merge-source-error")
    title = page.locator("#source-names option").first.get_attribute("value")
    steps.type(
        "#f-source",
        "Rekenkameronderzoek gemeente Losser: Toekomstbestendigheid van de ambtelijke organisatie (definitieve versie)",
    )
    assert title
    page.wait_for_selector("#effect #save")
    said = page.locator("#effect-said").inner_text()
    assert "Fysiek Domein" in said and "samengevoegd" in said
    assert page.locator("#effect #chart g.unit.gone").count() == 2  # OW and VTH struck through
    assert page.locator("#source-error").count() == 0  # the mistake, put right, is no longer shown
    shot(page, "c5-merge-effect")
    steps.click(page.locator("#save"))
    page.wait_for_url("**/audit?event=**")
    assert "Besluit college" in page.locator("#trail").inner_text()
    shot(page, "c6-merge-history")
    print(f"merge with a new decision and a source: {steps.n} steps")


def test_formatieplan_downloads_as_excel(page, live_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/o/GM0168?at=2012-01-01")
    with page.expect_download() as info:
        page.click("#export-xlsx")
    assert info.value.suggested_filename == "GM0168-formatieplan-2012-01-01.xlsx"
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    wb = openpyxl.load_workbook(target)
    assert not any(c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)


def test_the_form_at_phone_width_and_in_english(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_url + "/o/GM0168/change?action=add_post&unit=BSP&at=2018-06-01")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(
        "Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 392).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right))"
    )
    assert overflow <= 0, (overflow, wide)
    page.fill("#f-post_title", "Opzichter")
    page.fill("#f-fte", "0,8")
    page.select_option("#f-staffing_kind", "vacancy")
    page.fill("#f-staffed_fte", "0,8")
    page.wait_for_selector("#effect #save")
    assert "Opzichter" in page.locator("#effect-said").inner_text()
    shot(page, "c7-add-post-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_url + "/o/GM0168/change?action=split&unit=BSP&at=2018-06-01&lang=en")
    assert page.locator("h2", has_text="Split a unit").is_visible()
    page.fill("#f-name_1", "Roads")
    page.fill("#f-name_2", "Parks")
    page.fill("#f-date", "2018-07-01")
    page.wait_for_selector("#effect #save")
    assert "split" in page.locator("#effect-said").inner_text().lower()
    # Each post of the unit: to which new unit, the names typed offered (the first by default).
    division = page.locator("#split-allocation select[data-alloc]")
    assert division.count() >= 1
    assert division.first.locator("option").all_inner_texts() == ["Roads", "Parks"]
    division.first.select_option("Parks")
    page.locator("#effect-allocation", has_text="goes to Parks").wait_for()
    shot(page, "c8-split-english")
    page.goto(live_url + "/?lang=nl")
