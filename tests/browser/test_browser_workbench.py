"""The workbench in a real browser: the Losser reorganisation, lineage, diff, upload."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser

BROKEN = "format: raadhuis/1\norganisation: GM0168\nevents:\n  - id: x\n    type: explode\n    date: 2014-01-01\n"
VALID = (
    "format: raadhuis/1\norganisation: GM0168\nevents:\n  - id: up-1\n    type: establish\n"
    "    date: 2014-01-01\n    unit: {id: UP, name: Uploadafdeling, kind: afdeling}\n"
)


def units_on_chart(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(page.eval_on_selector_all("#chart g.unit[data-unit]", "els => els.map(e => e.dataset.unit)"))


def test_date_step_replaces_reo_and_welzijn_by_bsp(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    page.get_by_role("link", name="Losser", exact=True).click()
    page.fill("#at", "2011-12-31")
    page.get_by_role("button", name="Tonen").click()
    assert {"REO", "WEL"} <= units_on_chart(page)
    shot(page, "01-losser-2011-12-31")
    page.click("#next-event")
    page.wait_for_url("**at=2012-01-01**")
    on_chart = units_on_chart(page)
    assert "BSP" in on_chart and not {"REO", "WEL"} & on_chart
    shot(page, "02-losser-2012-01-01")
    # Keyboard: focus a unit and press Enter to open it.
    page.focus('#chart g.unit[data-unit="BSP"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/u/BSP**")
    assert page.locator("h1").inner_text().startswith("Beleid, Strategie en Projecten")


def test_lineage_of_bsp(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/o/GM0168/u/BSP?at=2012-01-01")
    graph = page.locator("svg.lineage")
    assert graph.is_visible()
    text = graph.inner_html()
    assert "REO" in text and "WEL" in text
    shot(page, "03-bsp-lineage")


def test_diff_two_dates(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/o/GM0168/diff")
    page.fill("#start", "2011-12-31")
    page.fill("#end", "2012-01-01")
    page.get_by_role("button", name="Vergelijken").click()
    page.wait_for_url("**end=2012-01-01**")
    page.wait_for_selector("li.c-merge")
    assert page.locator("li.c-merge").count() == 1
    assert page.locator('#chart g.unit[data-mark="merged"]').count() == 3  # BSP, and REO and WEL struck through
    assert page.locator("#chart g.unit.gone").count() == 2
    shot(page, "04-diff")


def test_english_and_png_export(page, live_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/o/GM0168?at=2012-01-01&lang=en")
    assert page.locator("h2#chart-h").inner_text() == "Organisation chart"
    with page.expect_download() as info:
        page.click("#export-png")
    target = tmp_path / "chart.png"
    info.value.save_as(target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.goto(live_url + "/?lang=nl")


def test_upload_broken_then_valid(page, live_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken, valid = tmp_path / "kapot.yaml", tmp_path / "goed.yaml"
    broken.write_text(BROKEN, "utf-8")
    valid.write_text(VALID, "utf-8")
    page.goto(live_url + "/upload")
    page.set_input_files("#file", str(broken))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    alert = page.get_by_role("alert")
    assert "kapot.yaml, regel 5" in alert.inner_text() and "explode" in alert.inner_text()
    shot(page, "05-upload-error")
    page.set_input_files("#file", str(valid))
    with page.expect_navigation():  # the preview is a new page: read it once it has arrived
        page.get_by_role("button", name="Voorbeeld bekijken").click()
    # The preview says the event in words (its kind and the unit's name), not its id.
    preview = page.locator("main").inner_text()
    assert "Uploadafdeling" in preview and "up-1" not in preview
    shot(page, "06-upload-preview")
    page.fill("#reason", "browsertest")
    page.get_by_role("button", name="Definitief inlezen").click()
    page.wait_for_url("**/o/GM0168**")
    page.goto(live_url + "/o/GM0168?at=2015-01-01")
    assert "UP" in units_on_chart(page)
    shot(page, "07-after-upload")


def test_collapse_and_expand_with_keyboard(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/o/GM0518?at=2018-01-01")
    assert {"HGR", "WSP"} <= units_on_chart(page)
    page.focus('#chart g.unit[data-unit="SZW"]')
    page.keyboard.press(" ")  # Space folds, Enter opens the unit
    page.wait_for_url("**collapsed=SZW**")
    assert not {"HGR", "WSP"} & units_on_chart(page)
    assert page.evaluate("document.activeElement.dataset.unit") == "SZW"  # focus stays on the folded unit
    shot(page, "08-den-haag-collapsed")
    page.click('#chart [data-toggle="SZW"]')
    page.wait_for_url(lambda url: "collapsed" not in url)
    assert {"HGR", "WSP"} <= units_on_chart(page)
    shot(page, "09-den-haag-expanded")


def test_tablet_width_has_no_horizontal_page_scroll(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 768, "height": 1024})
    for url in ("/o/GM0168?at=2012-01-01", "/o/GM0168/timeline", "/o/GM0168/u/BSP?at=2012-01-01", "/o/GM0168/edit"):
        page.goto(live_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (url, overflow)
    shot(page, "10-tablet-edit")


def test_timeline_cooperations_and_edit_errors(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/o/GM0168/timeline?lang=en")
    planned = page.locator("section[aria-labelledby=planned-h]")
    assert "wiz-naar-enschede" in planned.inner_html()
    shot(page, "11-timeline-en")
    page.goto(live_url + "/o/GM0168/cooperations?lang=nl")
    assert page.locator("table tbody tr").count() >= 5
    shot(page, "12-cooperations")
    page.goto(live_url + "/o/GM0168/edit?action=add_post&unit=BSP")
    page.fill("#f-post", "BSP-x")
    page.fill("#f-title", "Adviseur")
    page.fill("#f-fte", "veel")
    page.get_by_role("button", name="Opslaan").click()
    assert page.locator("#fte-error").is_visible() and page.locator("#reason-error").is_visible()
    assert page.locator("#f-fte").get_attribute("aria-invalid") == "true"
    shot(page, "13-edit-errors")
