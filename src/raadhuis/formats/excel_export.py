"""Export the organisation as of a day to a readable workbook (or CSV files).

Sheets: Eenheden, Formatie, Bezetting, Taakvelden, Samenwerkingen (English names with
``lang="en"``). The Bezetting sheet is laid out as a formatieplan that
:func:`raadhuis.formats.excel_sheets.read_formatieplan` reads back unchanged.

No cell can run as a formula. openpyxl turns any text starting with "=" into a formula
(data type "f") and leaves other text as text; Excel and LibreOffice however evaluate
"+", "-", "@" (and text after a tab or CR) when a CSV is opened or a cell is edited.
So every text that starts with one of those gets a leading apostrophe (the OWASP advice
for CSV injection) and every text cell is forced to data type "s" (an inline string,
never a <f> element). The importer removes that one apostrophe again.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from raadhuis.domain.model import Cooperation, Snapshot, Unit
from raadhuis.i18n import t as message
from raadhuis.i18n.formatieplan import STAFFING_LABELS
from raadhuis.i18n.formatting import format_date

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Text that no spreadsheet runs as a formula: a leading apostrophe before = + - @ tab CR."""
    return "'" + text if text.startswith(DANGEROUS_START) else text


@dataclass
class Table:
    name: str
    headers: list[str]
    rows: list[list[Any]]


_HEADERS = {
    "nl": {
        "units": (
            "Eenheden",
            ["Id", "Naam", "Soort", "Bovenliggende eenheid", "Pad", "Tijdelijk", "Verwacht einde", "Afkorting"],
        ),
        "posts": (
            "Formatie",
            [
                "Formatieplaats",
                "Eenheidscode",
                "Pad",
                "Functie",
                "Formatie (fte)",
                "Schaal",
                "Rollen",
                "Bezetting incl. inhuur en inleen (fte)",
            ],
        ),
        "staffing": (
            "Bezetting",
            [
                "Formatieplaats",
                "Eenheidscode",
                "Pad",
                "Functie",
                "Schaal",
                "Formatie (fte)",
                "Soort bezetting",
                "Bezetting (fte)",
                "Medewerker",
                "Organisatie",
                "Kosten per jaar",
            ],
        ),
        "task_fields": ("Taakvelden", ["Eenheidscode", "Eenheid", "Taakveld", "Aandeel"]),
        "cooperations": (
            "Samenwerkingen",
            ["Id", "Naam", "Rechtsvorm", "Deelnemers", "Taakvelden", "Start", "Einde", "Status"],
        ),
        "yes": "ja",
        "no": "nee",
    },
    "en": {
        "units": ("Units", ["Id", "Name", "Kind", "Parent unit", "Path", "Temporary", "Expected end", "Abbreviation"]),
        "posts": (
            "Posts",
            [
                "Post id",
                "Unit code",
                "Path",
                "Title",
                "Budgeted FTE",
                "Scale",
                "Roles",
                "Filled FTE (incl. hire and loans in)",
            ],
        ),
        "staffing": (
            "Staffing",
            [
                "Post id",
                "Unit code",
                "Path",
                "Title",
                "Scale",
                "Budgeted FTE",
                "Staffing kind",
                "Filled FTE",
                "Person",
                "Organisation",
                "Cost per year",
            ],
        ),
        "task_fields": ("Task fields", ["Unit code", "Unit", "Task field", "Share"]),
        "cooperations": (
            "Cooperations",
            ["Id", "Name", "Legal form", "Participants", "Task fields", "Start", "End", "Status"],
        ),
        "yes": "yes",
        "no": "no",
    },
}


def _tree_order(snapshot: Snapshot) -> list[Unit]:
    out: list[Unit] = []
    todo = list(reversed(snapshot.children(None)))
    while todo:
        unit = todo.pop()
        out.append(unit)
        todo.extend(reversed(snapshot.children(unit.id)))
    # Units whose parent is missing from the snapshot still belong in the list.
    out.extend(u for u in sorted(snapshot.units.values(), key=lambda u: u.id) if u not in out)
    return out


def unit_path(snapshot: Snapshot, uid: str) -> str:
    names: list[str] = []
    current: str | None = uid
    seen: set[str] = set()
    while current is not None and current in snapshot.units and current not in seen:
        seen.add(current)
        names.append(snapshot.units[current].name)
        current = snapshot.units[current].parent
    return " / ".join(reversed(names))


def _word(key: str, code: str, lang: str) -> str:
    """A code as the word people use (``manager`` → ``leidinggevende``); the code when there is none."""
    text = message(f"{key}.{code}", lang)
    return code if text == f"{key}.{code}" else text


def _legal_form(code: str, lang: str) -> str:
    from raadhuis.reference.legal_forms import legal_form

    try:
        return legal_form(code).label(lang)
    except KeyError:
        return code


def tables(snapshot: Snapshot, cooperations: Iterable[Cooperation] = (), lang: str = "nl") -> list[Table]:
    """The export's sheets as plain rows (text is not yet escaped)."""
    words = _HEADERS["en" if lang == "en" else "nl"]
    labels = STAFFING_LABELS["en" if lang == "en" else "nl"]
    yes, no = str(words["yes"]), str(words["no"])
    units = _tree_order(snapshot)
    order = {u.id: i for i, u in enumerate(units)}
    posts = sorted(snapshot.posts.values(), key=lambda p: (order.get(p.unit, len(order)), p.title, p.id))

    def table(key: str, rows: list[list[Any]]) -> Table:
        name, headers = words[key]
        assert isinstance(name, str) and isinstance(headers, list)
        return Table(name, headers, rows)

    unit_rows = [
        [
            u.id,
            u.name,
            u.kind,
            u.parent,
            unit_path(snapshot, u.id),
            yes if u.temporary else no,
            u.expected_end,
            u.abbreviation,
        ]
        for u in units
    ]
    post_rows = [
        [
            p.id,
            p.unit,
            unit_path(snapshot, p.unit),
            p.title,
            p.fte,
            p.scale,
            ", ".join(_word("scn.role", r, lang) for r in p.roles),
            p.filled_fte,
        ]
        for p in posts
    ]
    staffing_rows: list[list[Any]] = []
    for p in posts:
        head = [p.id, p.unit, unit_path(snapshot, p.unit), p.title, p.scale]
        if not p.staffing:
            staffing_rows.append([*head, p.fte, None, None, None, None, None])
        # The formatie stands on the first line only: the importer adds up a post's lines.
        for i, s in enumerate(p.staffing):
            staffing_rows.append(
                [*head, p.fte if i == 0 else None, labels[s.kind], s.fte, s.person, s.organisation, s.cost]
            )
    task_rows = [[u.id, u.name, t.code, t.share] for u in units for t in u.task_fields]
    coop_rows = [
        [
            c.id,
            c.name,
            _legal_form(c.legal_form, lang),
            "; ".join(
                p.organisation + (f" ({p.role}" + (f", {p.share:g}%" if p.share is not None else "") + ")")
                for p in c.participants
            ),
            ", ".join(c.task_fields),
            c.start,
            c.end,
            _word("status", c.status.value, lang),
        ]
        for c in cooperations
    ]
    return [
        table("units", unit_rows),
        table("posts", post_rows),
        table("staffing", staffing_rows),
        table("task_fields", task_rows),
        table("cooperations", coop_rows),
    ]


def export_workbook(
    snapshot: Snapshot, path: str | Path, cooperations: Iterable[Cooperation] = (), lang: str = "nl"
) -> Path:
    """Write the snapshot as an .xlsx: bold frozen header, autofilter, fitted column widths."""
    target = Path(path)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for t in tables(snapshot, cooperations, lang):
        ws = wb.create_sheet(t.name)
        widths = [len(h) for h in t.headers]
        for c, header in enumerate(t.headers, start=1):
            _write(ws, 1, c, header).font = bold
        for r, row in enumerate(t.rows, start=2):
            for c, value in enumerate(row, start=1):
                cell = _write(ws, r, c, value)
                if isinstance(value, float):
                    cell.number_format = "0.00##"
                widths[c - 1] = max(widths[c - 1], len(str(cell.value)) if value is not None else 0)
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(t.headers))}{max(len(t.rows) + 1, 1)}"
    about = wb.create_sheet("Over" if lang != "en" else "About")
    for r, (label, value) in enumerate(
        [
            ("Organisatie" if lang != "en" else "Organisation", snapshot.organisation),
            ("Peildatum" if lang != "en" else "As of", format_date(snapshot.at, lang)),
            ("Weergave" if lang != "en" else "View", _word("view", snapshot.view.value, lang)),
        ],
        start=1,
    ):
        _write(about, r, 1, label).font = bold
        _write(about, r, 2, value)
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 30
    wb.save(target)
    return target


def _write(ws: Any, row: int, column: int, value: Any) -> Any:
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"  # openpyxl made it "f" if it began with "="
    else:
        cell.value = value
    return cell


def export_csv(
    snapshot: Snapshot, directory: str | Path, cooperations: Iterable[Cooperation] = (), lang: str = "nl"
) -> list[Path]:
    """One CSV per sheet in ``directory``, as Excel opens it: UTF-8 with BOM; Dutch: ';' and decimal comma."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    delimiter = "," if lang == "en" else ";"
    written = []
    for t in tables(snapshot, cooperations, lang):
        target = folder / (t.name.lower().replace(" ", "_") + ".csv")
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter)
            writer.writerow([safe_text(h) for h in t.headers])
            for row in t.rows:
                writer.writerow([_csv_value(v, lang) for v in row])
        written.append(target)
    return written


def _csv_value(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text if lang == "en" else text.replace(".", ",")
    return safe_text(str(value))
