"""Salary tables: the shipped VNG tables, reading CSV and Excel (errors name file, row and column;
nothing written), importing into the register, and the cost a comparison takes from them."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from raadhuis.canonical.errors import InputErrors
from raadhuis.formats.salary import read_salary_file
from raadhuis.reference import salary_tables as ref
from raadhuis.services import register, salary
from raadhuis.services import scenarios as sc
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from tests.scenario_world import losser_2011

ORDER = [
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "10",
    "10A",
    "11",
    "11A",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
]


def test_shipped_tables_rise_with_step_and_scale_and_cite_the_vng() -> None:
    tables = salary.shipped()
    assert [t.valid_from.text for t in tables] == list(ref.TABLES)
    for t in tables:
        amounts = t.amounts()
        assert t.scales() == ORDER
        for scale in ORDER:
            steps = [amounts[(scale, s)] for s in range(12)]
            assert steps == sorted(steps) and len(set(steps)) == 12, scale
        for low, high in zip(ORDER, ORDER[1:], strict=False):
            assert amounts[(low, 0)] < amounts[(high, 0)] and amounts[(low, 11)] < amounts[(high, 11)]
        assert t.citations and t.citations[0].source == salary.SHIPPED_SOURCE
    july, october = tables[1].amounts(), tables[0].amounts()
    assert (october[("11", 0)], july[("11", 0)], july[("18", 11)]) == (3456, 3526, 10061)  # as published
    assert salary.shipped_source()["url"] == ref.URL


def _csv(text: str) -> bytes:
    return text.encode("utf-8")


def test_csv_errors_name_row_and_column() -> None:
    data = _csv(
        "schaal;periodiek;maandbedrag;geldig_vanaf\n9;1;abc;2020-07-01\nnegen;x;1;31-02-2020\n9;1;2.845,00;1-7-2020\n"
    )
    with pytest.raises(InputErrors) as caught:
        read_salary_file("t.csv", data)
    found = {(e.line, e.column, e.field) for e in caught.value.errors}
    assert found == {(2, "3", "maandbedrag"), (3, "1", "schaal"), (3, "2", "periodiek"), (3, "4", "geldig_vanaf")}
    assert caught.value.errors[0].text() == (
        "t.csv, rij 2, kolom 3: maandbedrag: verwacht een maandbedrag boven 0 zoals 3.526,00; gevonden: 'abc'"
    )
    with pytest.raises(InputErrors, match="missing: periodiek"):
        read_salary_file("t.csv", _csv("schaal,bedrag,geldig vanaf\n9,1,2020-07-01\n"))
    with pytest.raises(InputErrors, match="given twice"):
        read_salary_file("t.csv", _csv("schaal;trede;bedrag;geldig_vanaf\n9;1;10;2020-07-01\n9;1;11;2020-07-01\n"))


def test_excel_is_read_with_sheet_row_and_column() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Salaristabel"
    ws.append(["Schaal", "Periodiek", "Maandbedrag", "Geldig vanaf"])
    ws.append(["11", 0, 3526, "2020-07-01"])
    ws.append(["11", 1, -5, "2020-07-01"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(InputErrors) as caught:
        read_salary_file("t.xlsx", buf.getvalue())
    (e,) = caught.value.errors
    assert (e.sheet, e.line, e.column, e.field) == ("Salaristabel", 3, "C", "maandbedrag")
    ws.delete_rows(3)
    buf = io.BytesIO()
    wb.save(buf)
    (table,) = read_salary_file("t.xlsx", buf.getvalue())
    assert table.valid_from == "2020-07-01" and table.rows == [{"scale": "11", "step": 0, "monthly": 3526.0}]


def test_import_a_table_and_compare_with_it(store: Store, tmp_path: Path) -> None:
    register.import_dataset(store, losser_2011(tmp_path), who="test", reason="Losser")
    path = tmp_path / "tabel.csv"
    path.write_text(
        "schaal;periodiek;maandbedrag;geldig_vanaf\n11;0;3000;2011-01-01\n11;1;3100;2011-01-01\n", encoding="utf-8"
    )
    with store.session() as s:
        before = repo.last_changeset(s)
    with pytest.raises(InputErrors, match="illustrative"):
        salary.import_tables(store, path, "hr")
    with store.session() as s:
        assert repo.last_changeset(s) == before
    done = salary.import_tables(store, path, "hr", name="Proeftabel", illustrative="Bedragen verzonnen voor de test")
    assert done["tables"][0]["id"] == "proeftabel-2011-01-01"
    assert salary.tables(store)[1] is False  # the register's own table now, not the shipped ones
    sid = sc.new(store, "GM0168", "Een post", "2011-09-01", "consultant")["scenario"]["id"]
    sc.add_events(
        store,
        "GM0168",
        sid,
        [
            {
                "type": "add_post",
                "date": "2012-01-01",
                "post": {"id": "P", "unit": "OW", "title": "Adviseur", "fte": 0.5, "scale": "11"},
            }
        ],
        "consultant",
    )
    compared = sc.compare(store, "GM0168", [sid], charges=30)
    cost = compared["columns"][1]["cost"]
    assert cost["total"] == pytest.approx(3100 * 12 * 1.3 * 0.5)
    assert "Bedragen verzonnen voor de test" in cost["assumption"]  # the illustrative mark travels with the figure
    assert "opslag werkgeverslasten 30% (aanname, instelbaar)" in cost["assumption"]
    assert compared["salary_table"]["shipped"] is False
