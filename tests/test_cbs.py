"""CBS municipalities: the historical XML against published counts, the table reader, the queries."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from raadhuis.canonical.errors import InputErrors
from raadhuis.formats.cbs import (
    MunicipalityPeriod,
    UnknownProvince,
    count_by_year,
    load_cbs_xml,
    municipalities_at,
    read_cbs_table,
    read_cbs_xml,
)

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CBS_XML = SHARED_DATA / "cbs-gemeentelijke-indeling.xml"

# Number of municipalities on 1 January as published by CBS (Statistics Netherlands).
# 1990-2018: the CBS series "aantal gemeenten per 1 januari" as reproduced by Parlement.com /
# compendiumpolitiek.nl ("Aantal gemeenten") and decentraalbestuur.nl ("Aantallen gemeenten per
# 1 januari"), confirmed by CBS news releases for 2003 (489), 2007 (443), 2013 (408), 2015 (393),
# 2016 (390), 2017 (388). 2019-2023: CBS news releases of December each year ("Nederland telt
# vanaf 1 januari 2019 355 gemeenten", 2022: 345 "per 24 maart valt Weesp nog af", 2023: 342).
# 2024 and 2025: 342 (CBS "Gemeentelijke indeling op 1 januari"; no mergers took effect then).
PUBLISHED_COUNT_ON_1_JANUARY = {
    1990: 672, 1991: 647, 1992: 647, 1993: 646, 1994: 636, 1995: 633, 1996: 625, 1997: 572,
    1998: 548, 1999: 538, 2000: 537, 2001: 504, 2002: 496, 2003: 489, 2004: 483, 2005: 467,
    2006: 458, 2007: 443, 2008: 443, 2009: 441, 2010: 431, 2011: 418, 2012: 415, 2013: 408,
    2014: 403, 2015: 393, 2016: 390, 2017: 388, 2018: 380, 2019: 355, 2020: 355, 2021: 352,
    2022: 345, 2023: 342, 2024: 342, 2025: 342,
}  # fmt: skip


@pytest.fixture(scope="module")
def cbs_xml() -> Path:
    if not CBS_XML.exists():
        reason = f"CBS reference data not found at {CBS_XML} (expected ../shared/data next to the project)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return CBS_XML


@pytest.fixture(scope="module")
def periods(cbs_xml: Path) -> list[MunicipalityPeriod]:
    return read_cbs_xml(cbs_xml)


# --- the real XML ------------------------------------------------------------------------------


@pytest.mark.shared
def test_count_on_1_january_equals_published_cbs_figure_for_every_year(cbs_xml: Path) -> None:
    classification = load_cbs_xml(cbs_xml)
    assert classification.years == list(range(1990, 2026))
    counts = count_by_year(classification.periods, classification.years)
    assert counts == {year: PUBLISHED_COUNT_ON_1_JANUARY[year] for year in classification.years}


@pytest.mark.shared
def test_parsing_the_whole_file(cbs_xml: Path) -> None:
    # How fast is printed, not asserted: timing belongs in bench/, a busy machine must not fail tests.
    started = time.perf_counter()
    periods = read_cbs_xml(cbs_xml)
    print(f"\nCBS XML: {len(periods)} periods in {time.perf_counter() - started:.2f} s")
    assert len(periods) > 700


@pytest.mark.shared
def test_losser_exists_in_overijssel_throughout(periods: list[MunicipalityPeriod]) -> None:
    losser = [p for p in periods if p.code == "GM0168"]
    assert losser == [MunicipalityPeriod("GM0168", "Losser", "PV23", "Overijssel", date(1970, 1, 1), None)]
    for year in range(1990, 2026):
        found = municipalities_at(periods, date(year, 7, 1), province="Overijssel")
        assert "GM0168" in {p.code for p in found}


@pytest.mark.shared
def test_municipality_merged_on_1_january_2019_is_present_before_and_absent_after(
    periods: list[MunicipalityPeriod],
) -> None:
    # Haren (GM0017) was added to Groningen on 1 January 2019; einddatum is that first day without it.
    haren = [p for p in periods if p.code == "GM0017"]
    assert [(p.name, p.end) for p in haren] == [("Haren", date(2019, 1, 1))]
    assert "GM0017" in {p.code for p in municipalities_at(periods, date(2018, 12, 31))}
    assert "GM0017" not in {p.code for p in municipalities_at(periods, date(2019, 1, 1))}
    # Its successor exists from that same day: no gap and no overlap.
    assert "GM0014" in {p.code for p in municipalities_at(periods, date(2019, 1, 1))}


@pytest.mark.shared
def test_mid_year_merger_and_province_change(periods: list[MunicipalityPeriod]) -> None:
    # Weesp was added to Amsterdam on 24 March 2022.
    assert "GM0457" in {p.code for p in municipalities_at(periods, date(2022, 3, 23))}
    assert "GM0457" not in {p.code for p in municipalities_at(periods, date(2022, 3, 24))}
    # Vianen moved from Zuid-Holland to Utrecht on 1 January 2002: two periods, joined without a gap.
    vianen = [(p.province_name, p.begin, p.end) for p in periods if p.code == "GM0620"]
    assert vianen == [
        ("Zuid-Holland", date(1970, 1, 1), date(2002, 1, 1)),
        ("Utrecht", date(2002, 1, 1), date(2019, 1, 1)),
    ]


@pytest.mark.shared
def test_name_change_starts_a_new_period(periods: list[MunicipalityPeriod]) -> None:
    hengelo = [(p.name, p.begin, p.end) for p in periods if p.code == "GM0164"]
    assert hengelo == [("Hengelo", date(1970, 1, 1), date(2025, 1, 1)), ("Hengelo (O.)", date(2025, 1, 1), None)]


@pytest.mark.shared
def test_province_filter_by_name_code_or_number(periods: list[MunicipalityPeriod]) -> None:
    day = date(2024, 1, 1)
    overijssel = municipalities_at(periods, day, province="overijssel")
    assert len(overijssel) == 25
    assert {p.province_code for p in overijssel} == {"PV23"}
    assert municipalities_at(periods, day, province="PV23") == overijssel
    assert municipalities_at(periods, day, province="23") == overijssel
    assert municipalities_at(periods, day, province="Fryslân") == municipalities_at(periods, day, province="Friesland")
    assert sum(len(municipalities_at(periods, day, province=f"PV{n}")) for n in range(20, 32)) == 342
    with pytest.raises(UnknownProvince, match="Overijssel"):
        municipalities_at(periods, day, province="Overijsel")


# --- XML errors --------------------------------------------------------------------------------

XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<gemeentelijke_indeling xmlns="http://nlextract.nl">\n'


def write_xml(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "indeling.xml"
    path.write_text(XML_HEAD + body + "</gemeentelijke_indeling>\n", encoding="utf-8")
    return path


def test_xml_merges_years_and_applies_rename_on_1_january_of_the_edition(tmp_path: Path) -> None:
    path = write_xml(
        tmp_path,
        """<indeling jaar="2000"><provincie code="23" naam="Overijssel">
  <gemeente code="168" naam="Losser" begindatum="1970-01-01"/>
  <gemeente code="1" naam="Oud" begindatum="1980-01-01"/>
</provincie></indeling>
<indeling jaar="2001"><provincie code="23" naam="Overijssel">
  <gemeente code="168" naam="Losser" begindatum="1970-01-01"/>
  <gemeente code="1" naam="Oud" begindatum="1980-01-01" einddatum="2001-01-01"/>
  <gemeente code="2" naam="Nieuw" begindatum="2001-01-01"/>
</provincie></indeling>
<indeling jaar="2002"><provincie code="23" naam="Overijssel">
  <gemeente code="168" naam="Losser (O.)" begindatum="1970-01-01"/>
  <gemeente code="2" naam="Nieuw" begindatum="2001-01-01"/>
</provincie></indeling>
""",
    )
    assert read_cbs_xml(path) == [
        MunicipalityPeriod("GM0001", "Oud", "PV23", "Overijssel", date(1980, 1, 1), date(2001, 1, 1)),
        MunicipalityPeriod("GM0002", "Nieuw", "PV23", "Overijssel", date(2001, 1, 1), None),
        MunicipalityPeriod("GM0168", "Losser", "PV23", "Overijssel", date(1970, 1, 1), date(2002, 1, 1)),
        MunicipalityPeriod("GM0168", "Losser (O.)", "PV23", "Overijssel", date(2002, 1, 1), None),
    ]


def test_xml_errors_name_line_field_and_expectation(tmp_path: Path) -> None:
    path = write_xml(
        tmp_path,
        """<indeling jaar="2000"><provincie code="23" naam="Overijssel">
  <gemeente code="168" naam="Losser" begindatum="1970-01-01"/>
  <gemeente code="x1" naam="Fout" begindatum="1970-01-01"/>
  <gemeente code="3" naam="Fout" begindatum="1970-13-01"/>
  <gemeente code="4" naam="" begindatum="1970-01-01"/>
  <gemeente code="5" naam="Omgekeerd" begindatum="1990-01-01" einddatum="1980-01-01"/>
</provincie></indeling>
""",
    )
    with pytest.raises(InputErrors) as caught:
        read_cbs_xml(path)
    found = [(e.line, e.field) for e in caught.value.errors]
    assert found == [(5, "gemeente@code"), (6, "gemeente@begindatum"), (7, "gemeente@naam"), (8, "gemeente@einddatum")]
    assert all(e.file == str(path) for e in caught.value.errors)
    assert "'1970-13-01'" in caught.value.errors[1].message and "JJJJ-MM-DD" in caught.value.errors[1].message


def test_xml_wrong_namespace_and_nesting_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text(
        '<gemeentelijke_indeling><gemeente code="1" naam="A" begindatum="2000-01-01"/></gemeentelijke_indeling>'
    )
    with pytest.raises(InputErrors) as caught:
        read_cbs_xml(path)
    assert "http://nlextract.nl" in str(caught.value)

    nested = write_xml(tmp_path, '<gemeente code="1" naam="A" begindatum="2000-01-01"/>\n')
    with pytest.raises(InputErrors, match="binnen <provincie>"):
        read_cbs_xml(nested)


def test_xml_overlapping_periods_of_one_code_are_refused(tmp_path: Path) -> None:
    path = write_xml(
        tmp_path,
        """<indeling jaar="2000"><provincie code="23" naam="Overijssel">
  <gemeente code="1" naam="A" begindatum="1970-01-01"/>
  <gemeente code="1" naam="B" begindatum="1990-01-01"/>
</provincie></indeling>
""",
    )
    with pytest.raises(InputErrors) as caught:
        read_cbs_xml(path)
    assert caught.value.errors[0].line == 5
    assert "niet-overlappende" in caught.value.errors[0].message


def test_xml_entity_expansion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        '<gemeentelijke_indeling xmlns="http://nlextract.nl">&b;</gemeentelijke_indeling>\n'
    )
    with pytest.raises(InputErrors, match="veiligheidsredenen"):
        read_cbs_xml(path)


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = write_xml(tmp_path, '<indeling jaar="2000">\n<provincie code="23" naam="O">\n</indeling>\n')
    with pytest.raises(InputErrors) as caught:
        read_cbs_xml(path)
    assert caught.value.errors[0].line == 5
    assert caught.value.errors[0].field == "xml"


# --- the CBS table -----------------------------------------------------------------------------

HEADER = ["Gemeentecode", "GemeentecodeGM", "Gemeentenaam", "Provinciecode", "ProvinciecodePV", "Provincienaam"]
ROWS = [
    ["0168", "GM0168", "Losser", "23", "PV23", "Overijssel"],
    ["0014", "GM0014", "Groningen", "20", "PV20", "Groningen"],
    ["0080", "GM0080", "Leeuwarden", "21", "PV21", "Fryslân"],
]
DAY = date(2025, 1, 1)
EXPECTED = [
    MunicipalityPeriod("GM0014", "Groningen", "PV20", "Groningen", DAY, None),
    MunicipalityPeriod("GM0080", "Leeuwarden", "PV21", "Fryslân", DAY, None),
    MunicipalityPeriod("GM0168", "Losser", "PV23", "Overijssel", DAY, None),
]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Gemeenten_alfabetisch"
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_xlsx_table(tmp_path: Path) -> None:
    # Excel often turns the codes into numbers; both forms must be read.
    rows: list[list[object]] = [HEADER, [168, "GM0168", "Losser", 23, "PV23", "Overijssel"], ROWS[1], ROWS[2], []]
    path = write_xlsx(tmp_path / "gemeenten.xlsx", rows)
    periods = read_cbs_table(path, DAY)
    assert periods == EXPECTED
    assert [p.code for p in municipalities_at(periods, DAY, province="Friesland")] == ["GM0080"]


@pytest.mark.parametrize(("delimiter", "encoding"), [(";", "utf-8-sig"), (",", "utf-8"), (";", "utf-8")])
def test_csv_table(tmp_path: Path, delimiter: str, encoding: str) -> None:
    path = tmp_path / "gemeenten.csv"
    path.write_text("\n".join(delimiter.join(row) for row in [HEADER, *ROWS]) + "\n", encoding=encoding)
    assert read_cbs_table(path, DAY) == EXPECTED


def test_csv_with_only_some_columns(tmp_path: Path) -> None:
    path = tmp_path / "gemeenten.csv"
    path.write_text("GemeentecodeGM;Gemeentenaam;Provinciecode;Provincienaam\nGM0168;Losser;23;Overijssel\n")
    assert read_cbs_table(path, DAY) == [EXPECTED[2]]


def test_xlsx_broken_row_names_sheet_row_and_column_and_returns_nothing(tmp_path: Path) -> None:
    broken = ["0169", "GM0170", "", "23", "PV23", "Overijssel"]  # codes disagree, no name
    path = write_xlsx(tmp_path / "gemeenten.xlsx", [HEADER, *ROWS, broken])
    with pytest.raises(InputErrors) as caught:
        read_cbs_table(path, DAY)
    errors = caught.value.errors
    assert [(e.sheet, e.line, e.column, e.field) for e in errors] == [
        ("Gemeenten_alfabetisch", 5, "B", "GemeentecodeGM"),
        ("Gemeenten_alfabetisch", 5, "C", "Gemeentenaam"),
    ]
    assert "GM0169" in errors[0].message and "verwacht dezelfde code" in errors[0].message
    assert "blad 'Gemeenten_alfabetisch', rij 5, kolom C" in str(errors[1])


def test_csv_broken_row_names_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "gemeenten.csv"
    lines = [HEADER, *ROWS, ["abc", "GM0001", "X", "23", "PV2", "Overijssel"], ROWS[0]]
    path.write_text("\n".join(";".join(row) for row in lines) + "\n", encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        read_cbs_table(path, DAY)
    assert [(e.line, e.column, e.field) for e in caught.value.errors] == [
        (5, "Gemeentecode", "Gemeentecode"),
        (5, "ProvinciecodePV", "ProvinciecodePV"),
        (6, "GemeentecodeGM", "Gemeentecode"),  # GM0168 again
    ]
    assert "rij 2" in caught.value.errors[2].message


def test_table_missing_column_and_wrong_file_type(tmp_path: Path) -> None:
    path = tmp_path / "gemeenten.csv"
    path.write_text("Gemeentecode;Gemeentenaam;Provinciecode\n168;Losser;23\n", encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        read_cbs_table(path, DAY)
    assert [(e.line, e.field) for e in caught.value.errors] == [(1, "Provincienaam")]

    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(";".join(HEADER).encode() + b"\n0080;GM0080;Leeuwarden;21;PV21;Frysl\xe2n\n")
    with pytest.raises(InputErrors, match="UTF-8"):
        read_cbs_table(latin1, DAY)

    with pytest.raises(InputErrors, match=r"\.xlsx- of \.csv"):
        read_cbs_table(tmp_path / "gemeenten.ods", DAY)

    not_a_workbook = tmp_path / "kapot.xlsx"
    not_a_workbook.write_text("geen zip")
    with pytest.raises(InputErrors, match="Excel"):
        read_cbs_table(not_a_workbook, DAY)


# --- queries on hand-made periods --------------------------------------------------------------


def test_queries_use_half_open_intervals() -> None:
    old = MunicipalityPeriod("GM0001", "Oud", "PV23", "Overijssel", date(1980, 1, 1), date(2001, 1, 1))
    new = MunicipalityPeriod("GM0002", "Nieuw", "PV23", "Overijssel", date(2001, 1, 1), None)
    mid = MunicipalityPeriod("GM0003", "Kort", "PV21", "Friesland", date(2000, 7, 1), date(2001, 7, 1))
    periods = [new, old, mid]
    assert municipalities_at(periods, date(2000, 12, 31)) == [old, mid]
    assert municipalities_at(periods, date(2001, 1, 1)) == [new, mid]
    assert municipalities_at(periods, date(2001, 1, 1), province="PV21") == [mid]
    assert count_by_year(periods) == {1980: 1, 1981: 1, 2000: 1, 2001: 2} | {y: 1 for y in range(1982, 2000)}
    assert count_by_year(periods, [2001, 2002]) == {2001: 2, 2002: 1}
    assert count_by_year([]) == {}
