"""The consultant's task in a real browser, by clicks and typing: branch Losser on 1 September 2011,
model the 2011 change (five departments to three), an alternative that keeps five (a unit dragged
onto another on the chart, then taken out again), compare both side by side (span, FTE, cost),
export the comparison to PDF and Excel, and promote the chosen scenario to plan with the college's
decision; the planned view then shows it. Bad input is refused at its field."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from raadhuis.services import register
from raadhuis.store.database import Store
from tests.browser.conftest import SCREENSHOTS, shot
from tests.live import live_server
from tests.scenario_world import losser_2011

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    store = Store(f"sqlite:///{folder / 'raadhuis.sqlite'}")
    register.import_dataset(store, losser_2011(folder), who="test", reason="Losser zoals in september 2011")
    with live_server(store) as url:
        yield url
    store.dispose()


def _branch(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Naam *", exact=True).fill(name)
    page.get_by_label("Aftakdag").fill("1-9-2011")
    page.get_by_label("Streefdatum ingang").fill("1-1-2012")
    page.get_by_role("button", name="Scenario maken").click()
    page.wait_for_selector("#scn-chart")


def _pick(page, action: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Andere wijziging").select_option(label=action)
    page.locator("#pick-action").click()
    page.wait_for_selector("#action-form")


def _add(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Toevoegen aan het scenario").click()
    page.wait_for_selector("#saved")


def _add_post(page, unit: str, title: str, scale: str, role: str, kind: str, person: str = "") -> None:  # type: ignore[no-untyped-def]
    _pick(page, "Een formatieplaats toevoegen")
    form = page.locator("#action-form")
    form.get_by_label("Eenheid").select_option(label=unit)
    form.get_by_label("Functie *", exact=True).fill(title)
    form.locator("#f-scale").fill(scale)
    form.get_by_label(role).check()
    form.get_by_label("Bezetting").select_option(label=kind)
    form.get_by_label("Bezet (fte)").fill("1")
    if person:
        form.get_by_label("Naam medewerker").fill(person)
    _add(page)


def _drag(page, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    a = page.locator(f'#scn-chart g.unit[data-unit="{source}"]').bounding_box()
    b = page.locator(f'#scn-chart g.unit[data-unit="{target}"]').bounding_box()
    page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(a["x"] + a["width"] / 2 + 20, a["y"] + a["height"] / 2 + 10, steps=4)
    page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2, steps=8)
    page.mouse.up()


def test_branch_model_compare_export_and_promote(page, live_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    page.get_by_role("link", name="Losser", exact=True).click()
    page.get_by_role("link", name="Scenario's", exact=True).click()
    _branch(page, "Van vijf naar drie afdelingen")
    assert "afgetakt op 1 september 2011" in page.locator("p.meta").inner_text()

    # The 2011 change: REO and Welzijn merge into BSP, WIZ goes to Enschede, BSP gets a head and a regiefunctionaris.
    _pick(page, "Eenheden samenvoegen tot een nieuwe")
    form = page.locator("#action-form")
    form.get_by_label("Eenheden die samengaan", exact=False).select_option(["REO", "WEL"])
    form.get_by_label("Naam van de nieuwe eenheid").fill("Beleid, Strategie en Projecten")
    form.get_by_label("Afkorting").fill("BSP")
    assert form.get_by_label("Datum", exact=False).input_value() == "01-01-2012"
    _add(page)
    _pick(page, "Een eenheid laten overgaan naar een andere organisatie")
    form = page.locator("#action-form")
    form.get_by_label("Eenheid").select_option(label="Werk, Inkomen & Zorg (WIZ)")
    form.get_by_label("Naar organisatie").select_option(label="Enschede")
    _add(page)
    _add_post(
        page,
        "Beleid, Strategie en Projecten (BSP)",
        "Afdelingshoofd BSP",
        "13",
        "leidinggevende",
        "eigen personeel",
        "A. de Jong",
    )
    _add_post(page, "Beleid, Strategie en Projecten (BSP)", "Regiefunctionaris", "11", "strategisch", "vacature")
    changes = page.locator("#changes").inner_text()
    assert "REO en Welzijn worden samengevoegd tot BSP (nieuw)" in changes
    assert "WIZ gaat over naar Enschede" in changes
    units = page.locator("#scn-chart g.unit:not(.gone)")
    assert sorted(units.evaluate_all("els => els.map(e => e.getAttribute('data-unit'))")) == ["BSP", "OW", "VVH"]
    shot(page, "scenario-five-to-three")

    # Bad input: an FTE that is no number is refused at its field, nothing is added.
    _pick(page, "Een formatieplaats toevoegen")
    form = page.locator("#action-form")
    form.get_by_label("Functie *", exact=True).fill("Adviseur")
    form.get_by_label("Formatie (fte) *", exact=True).fill("veel")
    form.get_by_role("button", name="Toevoegen aan het scenario").click()
    error = page.locator("#fte-error")
    assert "verwacht een getal zoals 0,8" in error.inner_text()
    assert page.locator("#events li").count() == 4
    shot(page, "scenario-bad-input")

    # The alternative: five departments, the regiefunctionaris at REO. A drag on the chart moves
    # Welzijn under REO; it shows at once, and is taken out again (five departments stay).
    page.get_by_role("link", name="Scenario's", exact=True).first.click()
    _branch(page, "Vijf afdelingen houden")
    _add_post(
        page, "Ruimtelijke & Economische Ontwikkeling (REO)", "Regiefunctionaris", "11", "strategisch", "vacature"
    )
    _drag(page, "WEL", "REO")
    page.wait_for_selector("#saved")
    welzijn = page.locator('#scn-chart g.unit[data-unit="WEL"]')
    assert "mark-moved" in (welzijn.get_attribute("class") or "")
    assert "Welzijn gaat vallen onder REO" in page.locator("#changes").inner_text()
    shot(page, "scenario-dragged")
    page.get_by_role("button", name="Welzijn gaat vallen onder REO weghalen").click()  # the change in words, no id
    page.wait_for_selector("#saved")
    assert page.locator("#events li").count() == 1

    # Compare both, side by side: span, FTE and cost.
    page.get_by_label("Van vijf naar drie afdelingen").check()
    page.get_by_role("button", name="Vergelijken", exact=True).click()
    page.wait_for_selector("#table-figures")
    figures = page.locator("#table-figures")
    assert "Uitgangssituatie (register, feitelijk)" in figures.locator("thead").inner_text()
    units_row = figures.locator("tr", has_text="Eenheden").inner_text()
    assert "5" in units_row and "3" in units_row and "2 (minder)" in units_row
    cost_row = figures.locator("tr", has_text="Personeelslasten formatie per jaar").inner_text()
    assert "€ 188.076" in cost_row and "aanname" in cost_row  # scales 13 and 11 at their maximum, 40% charges
    span = page.locator("#table-span")
    assert "Leidinggevenden" in span.inner_text()
    assert "prijspeil 1 oktober 2019" in page.locator("#assumptions").inner_text()
    shot(page, "scenario-compare")

    # Export to PDF and Excel, and look at them.
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Naar PDF").click()
    pdf = tmp_path / pdf_download.value.suggested_filename
    pdf_download.value.save_as(pdf)
    assert pdf.name == "GM0168-scenariovergelijking-2012-01-01.pdf" and pdf.read_bytes()[:5] == b"%PDF-"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(SCREENSHOTS / "scenario-compare-pdf")],
        check=True,
    )
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Naar Excel").click()
    xlsx = tmp_path / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx)
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb["Vergelijking"]
    texts = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Personeelslasten formatie per jaar" in texts and 188076.0 in texts
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)  # nothing runs as a formula

    # Promote the chosen one with the college's decision; the planned view then shows it.
    page.get_by_role("link", name="Scenario's", exact=True).first.click()
    page.get_by_role("link", name="Van vijf naar drie afdelingen").click()
    page.get_by_role("link", name="Bevorderen tot plan").click()
    page.get_by_label("Orgaan", exact=False).fill("college")
    page.get_by_label("Datum van het besluit").fill("13-09-2011")
    page.get_by_label("Titel").fill("Herijking doorontwikkeling organisatiestructuur gemeente Losser")
    page.get_by_role("button", name="Bevorderen tot plan").click()
    page.wait_for_url("**/o/GM0168?at=2012-01-01&view=planned*")
    planned = page.locator("#chart g.unit").evaluate_all("els => els.map(e => e.getAttribute('data-unit'))")
    assert sorted(planned) == ["BSP", "OW", "VVH"]
    shot(page, "scenario-promoted-planned-view")
    page.get_by_role("link", name="Tijdlijn").click()
    timeline = page.locator("main").inner_text()
    assert "Herijking doorontwikkeling organisatiestructuur gemeente Losser" in timeline and "besloten" in timeline
