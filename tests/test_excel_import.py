"""Formatieplan import: untidy workbooks and CSV in, only the needed change events out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.engine import build_history, replay
from raadhuis.domain.events import EventType
from raadhuis.domain.model import Citation, Staffing, StaffingKind, TaskFieldShare, Unit
from raadhuis.formats.excel_plan import plan_changes
from raadhuis.formats.excel_sheets import file_source, parse_fte, read_formatieplan, sniff_mapping
from raadhuis.formats.mapping import ColumnMapping
from raadhuis.i18n.formatieplan import describe

_spec = importlib.util.spec_from_file_location("excel_workbooks", Path(__file__).parent / "fixtures/excel/workbooks.py")
assert _spec and _spec.loader
W = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(W)

E, V, HIRE = StaffingKind.EMPLOYEE, StaffingKind.VACANCY, StaffingKind.EXTERNAL_HIRE


@pytest.fixture
def history():
    events = W.base_events()
    return events, replay(events, W.ORG, W.AT)


MESSY_MAPPING = ColumnMapping(
    unit_path=["Afdeling", "Team"],
    title="Functie",
    scale="Schaal",
    fte="Formatie",
    filled_fte="Bezetting FTE",
    staffing_kind="Bezetting Soort",
    person="Medewerker",
    task_field="Taakveld",
)


def test_messy_workbook_is_read_as_users_see_it(tmp_path) -> None:
    path = W.messy_workbook(tmp_path / "formatieplan.xlsx")
    rows = read_formatieplan(path, MESSY_MAPPING)
    # Title block, the two header rows, blank rows and the totals row are not data.
    assert [r.row for r in rows] == [6, 7, 8, 9, 11, 12, 13, 14, 16, 17]
    assert [(s.row, s.reason) for s in rows.skipped] == [(19, "totaalregel")]
    first, second = rows[0], rows[1]
    assert first.sheet == "Formatie 2025"
    assert first.unit_path == ("Dienst SZW", "Team Werk")  # trailing space gone
    assert second.unit_path == ("Dienst SZW", "Team Werk")  # merged cell A6:A9
    assert (first.fte, second.fte, second.filled_fte) == (2.5, None, 0.89)  # decimal commas as text
    assert second.title == "Beleidsmedewerker" and second.staffing_kind is E
    assert rows[2].staffing_kind is HIRE
    assert rows[4].task_field == "6.3"  # "6.3 Inkomensregelingen"
    assert rows[6].scale == "9"  # "schaal 9"
    assert rows[8].unit_path == ("Dienst Ruimte",) and rows[8].staffing_kind is V
    assert first.columns["fte"] == "E (Formatie)"
    assert first.columns["filled_fte"] == "F (Bezetting FTE)"


def test_sniffed_mapping_finds_sheet_and_two_row_header(tmp_path) -> None:
    path = W.messy_workbook(tmp_path / "formatieplan.xlsx")
    m = sniff_mapping(path)
    assert (m.sheet, m.header_row, m.header_rows) == ("Formatie 2025", 4, 2)
    assert m.unit_path == ["Afdeling", "Team"]
    assert (m.fte, m.filled_fte, m.staffing_kind, m.person) == (
        "Formatie",
        "Bezetting FTE",
        "Bezetting Soort",
        "Medewerker",
    )


def test_dry_run_then_import_of_messy_workbook(tmp_path, history) -> None:
    events, snapshot = history
    rows = read_formatieplan(W.messy_workbook(tmp_path / "f.xlsx"), MESSY_MAPPING)
    planned = plan_changes(rows, snapshot, W.AT, W.ORG, "xl2025", "src-formatieplan-2025")

    assert [(e.id, e.type) for e in planned] == [
        ("xl2025-001", EventType.ESTABLISH),
        ("xl2025-002", EventType.CHANGE_POST),
        ("xl2025-003", EventType.ADD_POST),
        ("xl2025-004", EventType.CHANGE),
    ]
    establish, change, add, taskfields = planned
    assert establish.new_unit == Unit(
        "team-participatie", "Team Participatie", "team", parent="szw", task_fields=(TaskFieldShare("6.4", 1.0),)
    )
    assert change.post_id == "werk-bm"
    assert change.changes == {
        "fte": 2.5,
        "staffing": (Staffing(E, 1.0, "A. Jansen"), Staffing(E, 0.89, "B. de Vries"), Staffing(HIRE, 0.5)),
    }
    assert add.post is not None
    assert (add.post.id, add.post.unit, add.post.title, add.post.fte, add.post.scale) == (
        "team-participatie-jobcoach",
        "team-participatie",
        "Jobcoach",
        2.0,
        "9",
    )
    assert add.post.staffing == (Staffing(E, 1.0, "E. Visser"), Staffing(V, 1.0))
    assert taskfields.unit == "inkomen" and taskfields.changes == {"task_fields": (TaskFieldShare("6.3", 1.0),)}
    for e in planned:
        assert e.assumption is False
        assert e.citations == (Citation("src-formatieplan-2025"),)
        assert e.date.effective == W.AT and e.organisation == W.ORG

    # The dry run in words.
    text = describe(planned, snapshot=snapshot)
    assert text[0] == (
        "Nieuwe eenheid 'Team Participatie' (team) onder 'Dienst SZW' (szw), id team-participatie, taakvelden 6.4 (100%)"
    )
    assert text[1].startswith("Formatieplaats 'Beleidsmedewerker' (werk-bm) wijzigen: formatie 2,50 fte")
    assert "inhuur 0,5" in text[1]
    assert describe(planned, "en", snapshot)[3] == "Task fields of 'Team Inkomen' (inkomen): 6.3 (100%)"

    # The events apply cleanly on top of the history, and the result is what the sheet says.
    history_after = build_history(events + planned, W.ORG)
    assert history_after.applied[-4:] == [e.id for e in planned]
    after = replay(events + planned, W.ORG, W.AT)
    assert after.posts["werk-bm"].fte == 2.5 and after.posts["werk-bm"].filled_fte == pytest.approx(2.39)
    assert after.posts["werk-tl"] == snapshot.posts["werk-tl"]  # roles kept, nothing changed
    assert after.posts["ink-cm"].staffing[1].organisation == "Bureau X"  # lender and cost kept

    # Importing the same sheet again is a no-op.
    assert plan_changes(rows, after, W.AT, W.ORG, "again", "src-formatieplan-2025") == []


def test_complete_sheet_removes_missing_posts(tmp_path, history) -> None:
    events, snapshot = history
    rows = read_formatieplan(W.messy_workbook(tmp_path / "f.xlsx"), MESSY_MAPPING)
    without_pm = [r for r in rows if r.title != "Projectmanager"]
    assert not any(e.type is EventType.REMOVE_POST for e in plan_changes(without_pm, snapshot, W.AT, W.ORG, "x", "s"))
    planned = plan_changes(without_pm, snapshot, W.AT, W.ORG, "x", "s", complete=True)
    removed = [e for e in planned if e.type is EventType.REMOVE_POST]
    assert [e.post_id for e in removed] == ["ruimte-pm"]
    assert "ruimte-pm" not in replay(events + planned, W.ORG, W.AT).posts


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_csv_with_semicolons_paths_and_root(tmp_path, history, encoding) -> None:
    events, snapshot = history
    path = W.csv_export(tmp_path / "hr.csv", encoding)
    mapping = sniff_mapping(path)
    mapping.root = "Concern"
    assert mapping.unit_path == ["Organisatieonderdeel"] and mapping.sheet is None
    rows = read_formatieplan(path, mapping)
    assert rows[0].unit_path == ("Dienst SZW", "Team Werk")
    assert rows[-2].person == "René Müller"
    planned = plan_changes(rows, snapshot, W.AT, W.ORG, "hr", "src-hr")
    # Only the new bureau and its post: everything else matches (blank scale means "unchanged").
    assert [e.type for e in planned] == [EventType.ESTABLISH, EventType.ADD_POST]
    assert planned[0].new_unit == Unit("bureau-vergunningen", "Bureau Vergunningen", "bureau", parent="ruimte")
    post = planned[1].post
    assert post is not None and (post.id, post.fte) == ("bureau-vergunningen-adviseur", 1.8)
    assert [s.kind for s in post.staffing] == [StaffingKind.LOAN_IN, E]
    build_history(events + planned, W.ORG)


def test_duplicates_as_separate_posts_get_stable_ordinal_ids(tmp_path, history) -> None:
    events, snapshot = history
    mapping = sniff_mapping(W.csv_export(tmp_path / "hr.csv"))
    mapping.root = "Concern"
    rows = read_formatieplan(tmp_path / "hr.csv", mapping)
    adviseurs = [r for r in rows if r.title == "Adviseur"]
    planned = plan_changes(adviseurs, snapshot, W.AT, W.ORG, "hr", "src-hr", duplicates="posts")
    posts = [e.post for e in planned if e.type is EventType.ADD_POST]
    assert [(p.id, p.fte) for p in posts if p] == [
        ("bureau-vergunningen-adviseur", 1.0),
        ("bureau-vergunningen-adviseur-2", 0.8),
    ]
    again = plan_changes(adviseurs, snapshot, W.AT, W.ORG, "hr", "src-hr", duplicates="posts")
    assert [e.post.id for e in again if e.post] == [p.id for p in posts if p]
    after = replay(events + planned, W.ORG, W.AT)
    # Read the same rows against the new state: the k-th row matches the k-th post.
    assert plan_changes(adviseurs, after, W.AT, W.ORG, "hr2", "src-hr", duplicates="posts") == []
    # Reading them as staffing lines of one post is now ambiguous, and says so.
    with pytest.raises(InputErrors) as exc:
        plan_changes(adviseurs, after, W.AT, W.ORG, "hr2", "src-hr")
    assert "formatieplaats-id" in exc.value.errors[0].message


def test_broken_workbook_reports_every_problem_with_sheet_row_and_column(tmp_path) -> None:
    path = W.broken_workbook(tmp_path / "fout.xlsx")
    mapping = ColumnMapping(
        unit_path=["Afdeling"], title="Functie", fte="Formatie", filled_fte="Bezetting", staffing_kind="Soort"
    )
    with pytest.raises(InputErrors) as exc:
        read_formatieplan(path, mapping)
    got = [(e.sheet, e.line, e.field, e.column) for e in exc.value.errors]
    assert got == [
        ("Formatie", 2, "fte", "C (Formatie)"),
        ("Formatie", 3, "fte", "C (Formatie)"),
        ("Formatie", 4, "staffing_kind", "E (Soort)"),
        ("Formatie", 5, "unit_path", "A (Afdeling)"),
    ]
    messages = [e.message for e in exc.value.errors]
    assert "'ong. 2'" in messages[0] and "negatief" in messages[1] and "'stagiair'" in messages[2]
    assert str(exc.value.errors[0]).startswith(f"{path}, blad 'Formatie', rij 2, kolom C (Formatie): fte:")


def test_unknown_unit_code_and_missing_columns(tmp_path, history) -> None:
    _, snapshot = history
    path = tmp_path / "codes.csv"
    path.write_text("Kostenplaats;Functie;FTE\nwerk;Beleidsmedewerker;2\nXX99;Jurist;1\n", "utf-8")
    mapping = sniff_mapping(path)
    assert mapping.unit_code == "Kostenplaats"
    rows = read_formatieplan(path, mapping)
    with pytest.raises(InputErrors) as exc:
        plan_changes(rows, snapshot, W.AT, W.ORG, "c", "s")
    (error,) = exc.value.errors
    assert (error.line, error.field, error.column) == (3, "unit_code", "A (Kostenplaats)")
    assert "'XX99'" in error.message
    with pytest.raises(InputErrors) as exc:
        read_formatieplan(path, ColumnMapping(unit_code="Kostenplaats", title="Functienaam"))
    assert "'Functienaam'" in exc.value.errors[0].message


def test_parse_fte_forms() -> None:
    assert parse_fte("0,89") == 0.89
    assert parse_fte(" 1.234,5 ") == 1234.5
    assert parse_fte("1,234.5") == 1234.5
    assert parse_fte("1.000.000") == 1000000
    assert parse_fte(0.8) == 0.8 and parse_fte(1) == 1.0
    assert parse_fte("") is None and parse_fte("-") is None and parse_fte(None) is None
    for bad in ("ong. 1", "1 fte?", "-1", True):
        with pytest.raises(ValueError):
            parse_fte(bad)


def test_file_source_is_a_dataset(tmp_path) -> None:
    src = file_source(tmp_path / "formatieplan 2025.xlsx", "src-fp-2025")
    assert (src.id, src.kind, src.title, src.file) == (
        "src-fp-2025",
        "dataset",
        "formatieplan 2025.xlsx",
        "formatieplan 2025.xlsx",
    )


def test_without_person_column_names_are_kept(tmp_path, history) -> None:
    _, snapshot = history
    path = tmp_path / "zonder_namen.csv"
    path.write_text(
        "Team;Functie;Formatie;Bezetting\nTeam Werk;Beleidsmedewerker;2;1\nTeam Werk;Beleidsmedewerker;;1\n", "utf-8"
    )
    rows = read_formatieplan(path, sniff_mapping(path))
    (change,) = plan_changes(rows, snapshot, W.AT, W.ORG, "n", "s")
    # B. de Vries went from 0,89 to 1 fte; the names come from the register, not the sheet.
    assert change.changes == {"staffing": (Staffing(E, 1.0, "A. Jansen"), Staffing(E, 1.0, "B. de Vries"))}


def test_new_organisation_from_an_empty_register(tmp_path) -> None:
    from datetime import date

    from raadhuis.domain.model import Snapshot, View

    path = tmp_path / "nieuw.csv"
    path.write_text(
        "Afdeling,Team,Functie,FTE\nTotaalzorg,Team Wmo,Consulent,2.5 fte\nTotaalzorg,,Manager,1\nTotaal,,,3.5\n",
        "utf-8",
    )
    rows = read_formatieplan(path, sniff_mapping(path))
    assert [r.unit_path for r in rows] == [("Totaalzorg", "Team Wmo"), ("Totaalzorg",)]
    assert [s.row for s in rows.skipped] == [4]
    empty = Snapshot("GM0002", date(2025, 1, 1), View.ACTUAL)
    planned = plan_changes(rows, empty, date(2025, 1, 1), "GM0002", "n", "s")
    assert [(e.type.value, e.new_unit.id if e.new_unit else e.post.id if e.post else None) for e in planned] == [
        ("establish", "totaalzorg"),
        ("establish", "team-wmo"),
        ("add_post", "team-wmo-consulent"),
        ("add_post", "totaalzorg-manager"),
    ]
    assert planned[0].new_unit is not None and planned[0].new_unit.parent is None
    history = build_history(planned, "GM0002")
    assert len(history.applied) == 4
