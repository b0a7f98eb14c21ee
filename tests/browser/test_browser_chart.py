"""The org chart as its users use it: a 1,000-unit organisation (zoom, fit, search, focus, levels),
Losser on a phone, the list for keyboard and screen reader, and the exports with names that say
what they are. Every step is a click or typing; the steps of a task are counted."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from raadhuis.services import register
from raadhuis.store.database import Store
from tests.browser.conftest import ROOT, SCREENSHOTS, shot
from tests.live import live_server

pytestmark = pytest.mark.browser

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402 - the benchmark's synthetic organisation


@pytest.fixture(scope="module")
def big_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Losser and a synthetic organisation of 1,000 units (Synthetica, GM9000) on a live server."""
    import json

    folder = tmp_path_factory.mktemp("big")
    dataset = folder / "synthetica.json"
    dataset.write_text(json.dumps(generate(units=1000, posts=2000, years=0, seed=3)), "utf-8")
    store = Store(f"sqlite:///{folder / 'raadhuis.sqlite'}")
    register.import_dataset(store, ROOT / "examples" / "losser.yaml", who="test", reason="browser fixture")
    register.import_dataset(store, dataset, who="test", reason="1.000 eenheden")
    with live_server(store) as url:
        yield url
    store.dispose()


@pytest.fixture
def big(browser: Any, big_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((big_url, "data:", "blob:")) else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.base = big_url
    yield pg
    context.close()
    assert not outside, f"requests outside the server: {outside}"
    assert not errors, f"errors in the page: {errors}"


def chart_shot(page: Any, name: str) -> Path:
    """The chart area only (a full-page picture of a 1,000-unit page takes seconds)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.locator("#chart").screenshot(path=str(path))
    return path


def view_shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def zoom(page: Any) -> int:
    return int(page.inner_text("#zoom-level").rstrip("%"))


def drawn(page: Any) -> int:
    return int(page.locator("#chart g.unit").count())


def in_view(page: Any, selector: str) -> bool:
    """Whether the element is inside the chart's box on screen."""
    box = page.locator("#chart").bounding_box()
    el = page.locator(selector).bounding_box()
    return bool(
        el
        and el["x"] >= box["x"] - 1
        and el["y"] >= box["y"] - 1
        and el["x"] + el["width"] <= box["x"] + box["width"] + 1
        and el["y"] + el["height"] <= box["y"] + box["height"] + 1
    )


def test_a_thousand_units_open_readable_fit_to_screen_and_zoom_to_a_search_hit(big: Any) -> None:
    page = big
    page.goto(page.base + "/")
    page.get_by_role("link", name="Synthetica").click()  # step 1
    # A large organisation opens with fewer levels, and says so.
    note = page.locator("#levels-note").inner_text()
    assert "Getoond: 3 niveaus van 5" in note and "1.000 eenheden" in note, note
    first = drawn(page)
    assert 10 < first <= 150
    view_shot(page, "chart-1000-first-view")
    page.select_option("#levels", "alle")  # all levels: the select submits itself
    page.wait_for_url("**levels=alle**")
    assert drawn(page) == 1000
    page.click("[data-zoom=fit]")  # "Passend maken"
    assert zoom(page) < 25
    chart_shot(page, "chart-1000-fit")
    # Searching brings the unit into view at a readable size, without reloading the page.
    url = page.url
    page.fill("#find", "Team U777")
    page.keyboard.press("Enter")
    assert page.inner_text("#find-status") == "1 gevonden"
    assert page.url == url
    assert zoom(page) >= 90
    assert in_view(page, '#chart g.unit[data-unit="U777"]')
    assert page.evaluate("document.activeElement.dataset.unit") == "U777"
    chart_shot(page, "chart-1000-zoomed")
    # Dragging pans; keyboard + and − zoom on the chart area.
    before = page.get_attribute("#chart svg", "viewBox")
    b = page.locator("#chart").bounding_box()
    page.mouse.move(b["x"] + 500, b["y"] + 300)
    page.mouse.down()
    page.mouse.move(b["x"] + 200, b["y"] + 150, steps=6)
    page.mouse.up()
    assert page.get_attribute("#chart svg", "viewBox") != before
    assert page.url == url  # a drag does not open a unit
    page.focus("#chart")
    level = zoom(page)
    page.keyboard.press("+")
    assert zoom(page) > level
    page.keyboard.press("0")
    assert zoom(page) < 25


def test_a_unit_below_the_levels_shown_is_found_and_its_branch_shown_alone(big: Any) -> None:
    page = big
    page.goto(page.base + "/o/GM9000")
    assert page.locator('#chart g.unit[data-unit="U901"]').count() == 0  # a team below the levels shown
    page.fill("#find", "Team U901")
    page.keyboard.press("Enter")  # not drawn: the server opens the way to it
    page.wait_for_url("**find=Team+U901**")
    assert page.locator('#chart g.unit.highlight[data-unit="U901"]').count() == 1
    assert in_view(page, '#chart g.unit[data-unit="U901"]')
    view_shot(page, "chart-1000-found-deep")
    assert page.inner_text("#focus-hit") == "Alleen Team U901 en onderdelen tonen"
    page.click("#focus-hit")
    page.wait_for_url("**focus=U901**")
    assert drawn(page) == 1
    crumbs = page.locator("ol.crumbs li").all_inner_texts()
    assert crumbs[0] == "Concern" and crumbs[-1] == "Team U901"
    page.click(f"ol.crumbs a:text-is('{crumbs[1]}')")  # up one branch: its directie
    assert 1 < drawn(page) < 1000
    page.click("#unfocus")  # "Hele organisatie tonen"
    assert page.locator("#levels-note").count() == 1


def test_losser_on_a_phone(browser: Any, big_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    page.goto(big_url + "/o/GM0168?at=01-01-2012")
    assert page.locator("h1").inner_text() == "Losser op 1 januari 2012 (feitelijk)"
    assert page.locator(".note").inner_text() == "01-01-2012 gelezen als 1 januari 2012"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert page.locator("#chart svg").is_visible() and page.locator(".chart-tools").is_visible()
    # The table reads as labelled cards at this width.
    cell = page.locator("table.units tbody tr").first.locator("td").first
    assert page.evaluate("el => getComputedStyle(el, '::before').content", cell.element_handle()).startswith('"Soort')
    shot(page, "chart-losser-phone")
    context.close()


def test_the_list_beside_the_chart_reaches_every_unit_by_keyboard(big: Any) -> None:
    page = big
    page.goto(page.base + "/o/GM0168?at=2012-01-01")
    # The skip link is the first stop in the chart section and jumps over the drawing.
    page.focus("#find")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Sla het organogram over: naar de lijst"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#list-h"
    links = page.locator("#unit-tree a").all_inner_texts()
    assert links == [
        "Beleid, Strategie en Projecten",
        "Openbare Werken",
        "Vergunning Verlening en Handhaving",
        "Werk, Inkomen & Zorg",
    ]
    assert "1,00 fte, bezetting onbekend" in page.locator("#unit-tree").inner_text()
    page.locator("#unit-tree a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/u/BSP**")


def test_chart_as_pdf_in_two_steps_with_a_name_that_says_what_it_is(big: Any, tmp_path: Path) -> None:
    page = big
    page.goto(page.base + "/")
    page.get_by_role("link", name="Losser", exact=True).click()  # step 1: Losser, today
    with page.expect_download() as info:
        page.get_by_role("button", name="PDF").click()  # step 2
    download = info.value
    assert download.suggested_filename.startswith("GM0168-organogram-") and download.suggested_filename.endswith(".pdf")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    png = _pdf_to_png(target, "chart-losser-pdf")
    assert png.stat().st_size > 10_000
    # A3 for the synthetic organisation: several pages with an overview and an index.
    page.goto(page.base + "/o/GM9000?levels=alle")
    page.select_option("#paper", "a3")
    with page.expect_download() as info:
        page.click("#export-pdf")
    assert info.value.suggested_filename.startswith("GM9000-organogram-")
    big_pdf = tmp_path / "big.pdf"
    info.value.save_as(big_pdf)
    _pdf_to_png(big_pdf, "chart-1000-pdf-a3", pages=2)
    with page.expect_download() as info:
        page.click("#export-png")
    assert info.value.suggested_filename.startswith("GM9000-organogram-") and info.value.suggested_filename.endswith(
        ".png"
    )
    with page.expect_download() as info:
        page.click("#export-svg")
    assert info.value.suggested_filename.endswith(".svg")


def _pdf_to_png(pdf: Path, name: str, pages: int = 1) -> Path:
    """Render the PDF as a printer would (pdftoppm) into the screenshots, to look at."""
    out = ROOT / "test-artifacts" / "screenshots" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(["pdftoppm", "-r", "100", "-l", str(pages), "-png", str(pdf), str(out)], check=True)
    except FileNotFoundError:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    made = sorted(out.parent.glob(f"{name}-*.png"))
    assert made
    return made[0]
