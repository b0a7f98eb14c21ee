"""Excel/CSV export: readable sheets, a lossless round trip, and no formula injection."""

from __future__ import annotations

import csv
import importlib.util
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl

from raadhuis.domain.engine import replay
from raadhuis.domain.model import Cooperation, Participant
from raadhuis.formats.excel_export import export_csv, export_workbook, safe_text
from raadhuis.formats.excel_plan import plan_changes
from raadhuis.formats.excel_sheets import read_formatieplan, sniff_mapping

_spec = importlib.util.spec_from_file_location("excel_workbooks", Path(__file__).parent / "fixtures/excel/workbooks.py")
assert _spec and _spec.loader
W = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(W)

EVIL = '=HYPERLINK("http://x")'


def snapshot_with_evil_names():
    snap = replay(W.base_events(), W.ORG, W.AT)
    snap.units["ruimte"] = replace(snap.units["ruimte"], name=EVIL)
    snap.posts["ruimte-pm"] = replace(snap.posts["ruimte-pm"], title="+31 6 12345678")
    snap.posts["werk-tl"] = replace(snap.posts["werk-tl"], title="@teamleider")
    return snap


COOP = Cooperation(
    "gr-sociaal",
    "GR Sociaal Domein",
    "openbaar_lichaam",
    participants=(Participant(W.ORG, "deelnemer", 40.0), Participant("GM0001", "gastheer", 60.0)),
    task_fields=("6.3", "6.4"),
    start="2015-01-01",
)


def test_workbook_sheets_are_readable(tmp_path) -> None:
    snap = replay(W.base_events(), W.ORG, W.AT)
    path = export_workbook(snap, tmp_path / "org.xlsx", cooperations=[COOP])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Eenheden", "Formatie", "Bezetting", "Taakvelden", "Samenwerkingen", "Over"]
    units = wb["Eenheden"]
    assert [c.value for c in units[1]] == [
        "Id",
        "Naam",
        "Soort",
        "Bovenliggende eenheid",
        "Pad",
        "Tijdelijk",
        "Verwacht einde",
        "Afkorting",
    ]
    assert units["A1"].font.b and units.freeze_panes == "A2" and units.auto_filter.ref == "A1:H6"
    assert units.column_dimensions["E"].width > 20
    # Tree order: the concern, then its diensten with their teams.
    assert [r[0].value for r in units.iter_rows(min_row=2)] == ["concern", "ruimte", "szw", "inkomen", "werk"]
    assert [c.value for c in units[5]][:6] == [
        "inkomen",
        "Team Inkomen",
        "team",
        "szw",
        "Gemeente Testdorp / Dienst SZW / Team Inkomen",
        "nee",
    ]
    staffing = wb["Bezetting"]
    hire = [[c.value for c in r] for r in staffing.iter_rows(min_row=2) if r[6].value == "inhuur"]
    assert hire == [
        [
            "ink-cm",
            "inkomen",
            "Gemeente Testdorp / Dienst SZW / Team Inkomen",
            "Consulent",
            "8",
            None,
            "inhuur",
            1.0,
            None,
            "Bureau X",
            95000.0,
        ]
    ]
    assert [c.value for c in wb["Taakvelden"][2]] == ["werk", "Team Werk", "6.3", 1.0]
    coop = [c.value for c in wb["Samenwerkingen"][2]]
    assert coop[:5] == [
        "gr-sociaal",
        "GR Sociaal Domein",
        "Openbaar lichaam",  # the legal form in words, not its code
        "GM9999 (deelnemer, 40%); GM0001 (gastheer, 60%)",
        "6.3, 6.4",
    ]
    en = openpyxl.load_workbook(export_workbook(snap, tmp_path / "org-en.xlsx", lang="en"))
    assert en.sheetnames[:3] == ["Units", "Posts", "Staffing"]


def test_export_then_import_is_a_no_op(tmp_path) -> None:
    snap = snapshot_with_evil_names()
    path = export_workbook(snap, tmp_path / "org.xlsx")
    mapping = sniff_mapping(path, sheet="Bezetting")
    assert (mapping.post_id, mapping.unit_code, mapping.unit_path) == ("Formatieplaats", "Eenheidscode", ["Pad"])
    rows = read_formatieplan(path, mapping)
    assert {r.title for r in rows} >= {"+31 6 12345678", "@teamleider"}  # the apostrophe is removed again
    assert plan_changes(rows, snap, W.AT, W.ORG, "rt", "src", complete=True) == []
    names = {r[0].value: r[1].value for r in openpyxl.load_workbook(path)["Eenheden"].iter_rows(min_row=2)}
    assert names["ruimte"] == "'" + EVIL and names["werk"] == "Team Werk"


def test_no_cell_is_a_formula_after_reload(tmp_path) -> None:
    path = export_workbook(snapshot_with_evil_names(), tmp_path / "evil.xlsx")
    wb = openpyxl.load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    evil = [c for c in cells if c.value == "'" + EVIL]
    assert [c.coordinate for c in evil] == ["B3"] and evil[0].data_type == "s"
    dangerous = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@\t\r"]
    assert dangerous == []
    # And in the file itself: no formula element anywhere.
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not [n for n in sheets if b"<f>" in z.read(n) or b"<f " in z.read(n)]


def test_csv_export_is_protected_and_readable(tmp_path) -> None:
    snap = snapshot_with_evil_names()
    files = export_csv(snap, tmp_path / "csv", cooperations=[COOP])
    assert [f.name for f in files] == [
        "eenheden.csv",
        "formatie.csv",
        "bezetting.csv",
        "taakvelden.csv",
        "samenwerkingen.csv",
    ]
    raw = files[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Id", "Naam", "Soort"]
    every = [
        cell for f in files for row in csv.reader(f.read_text("utf-8-sig").splitlines(), delimiter=";") for cell in row
    ]
    assert not [c for c in every if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + EVIL in every
    formatie = list(csv.reader(files[1].read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert [
        "werk-bm",
        "werk",
        "Gemeente Testdorp / Dienst SZW / Team Werk",
        "Beleidsmedewerker",
        "2",
        "10",
        "",
        "1,89",
    ] in formatie
    # The Bezetting CSV reads back as a formatieplan too.
    mapping = sniff_mapping(files[2])
    assert plan_changes(read_formatieplan(files[2], mapping), snap, W.AT, W.ORG, "rt", "src") == []


def test_safe_text() -> None:
    assert safe_text("=1+1") == "'=1+1"
    assert safe_text("-5") == "'-5" and safe_text("\tx") == "'\tx"
    assert safe_text("Team Werk") == "Team Werk" and safe_text("") == ""
