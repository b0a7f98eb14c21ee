"""A formatieplan from Excel through the browser: a broken sheet is refused with sheet, row
and column; a valid one shows what will change, and lands only after "commit"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


def formatieplan(path: Path, fte_regie: object) -> Path:
    """The way a P&O advisor keeps it: a title above the header, Dutch decimals as text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Formatie 2018"
    ws.append(["Formatieplan gemeente Losser 2018"])
    ws.append([])
    ws.append(["Afdeling", "Functie", "Formatie", "Bezetting", "Soort"])
    ws.append(["Beleid, Strategie en Projecten ", "Regiefunctionaris", fte_regie, "1,0", "eigen personeel"])
    ws.append(["Beleid, Strategie en Projecten", "Beleidsmedewerker wonen", "0,89", "0,89", "inhuur"])
    wb.save(path)
    return path


def test_excel_broken_then_valid(page, live_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = formatieplan(tmp_path / "formatieplan-kapot.xlsx", "veel")
    valid = formatieplan(tmp_path / "formatieplan-2018.xlsx", "1,0")
    page.goto(live_url + "/o/GM0168/excel")
    page.set_input_files("#file", str(broken))
    page.fill("#at", "2018-01-01")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    text = page.get_by_role("alert").inner_text()
    assert "Formatie 2018" in text and "rij 4" in text and "kolom C" in text, text
    shot(page, "10-excel-error")
    page.goto(live_url + "/o/GM0168?at=2018-06-01")
    before = page.content()
    assert "Beleidsmedewerker wonen" not in before
    page.goto(live_url + "/o/GM0168/excel")
    page.set_input_files("#file", str(valid))
    page.fill("#at", "2018-01-01")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    preview = page.content()
    assert "Beleidsmedewerker wonen" in preview
    shot(page, "11-excel-preview")
    page.fill("#reason", "formatieplan 2018")
    page.get_by_role("button", name="Definitief inlezen").click()
    page.wait_for_load_state()
    page.goto(live_url + "/o/GM0168/u/BSP?at=2018-06-01")
    assert "Beleidsmedewerker wonen" in page.content()
    shot(page, "12-excel-committed")
