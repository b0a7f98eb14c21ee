"""A comparison of scenarios as an Excel workbook for the MT and the council.

Sheets: *Vergelijking* (every row of ``services.comparison.tables``: the baseline and each scenario
with its difference in words beside it, coloured by direction; figures as numbers), *Per
scenario* (what no longer fits, units that change, cooperations affected, staff who change unit
or manager) and *Aannames* (what the cost rests on, the salary table and its publication). A
figure that rests on an assumption says so in the column *Aanname*.

No cell can run as a formula: texts are written as strings, and a text that
``excel_export.safe_text`` would guard (it starts with = + - @) is marked as text by Excel's own
quote prefix, not by an apostrophe the reader would see ("+2 (meer)", not "'+2 (meer)").
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from raadhuis.formats.excel_export import safe_text
from raadhuis.i18n import t

FILL = {
    "up": PatternFill("solid", fgColor="FDE7C8"),  # more: warm
    "down": PatternFill("solid", fgColor="D6E6FA"),  # less: cool
    "same": PatternFill("solid", fgColor="EEEEEE"),
}
ASSUMED = PatternFill("solid", fgColor="FFF4E5")
FORMATS = {"fte": "#,##0.00", "money": "€ #,##0", "mean": "0.0", "number": "0"}


def _put(ws: Any, row: int, column: int, value: Any, number_format: str | None = None) -> Any:
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        # Never a formula, whatever the text starts with: a string cell, and one that starts like a
        # formula ("+2 (meer)") is marked as text the way Excel marks it (quotePrefix), so that
        # neither opening nor editing it runs it, and the reader sees no stray apostrophe.
        cell.value = value
        cell.data_type = "s"
        if safe_text(value) != value:
            cell.quotePrefix = True
    else:
        cell.value = value
        if number_format and value is not None:
            cell.number_format = number_format
    return cell


def comparison_workbook(tables: Any, lang: str = "nl") -> bytes:
    """The workbook's bytes for the tables of ``services.comparison.tables``."""

    def say(key: str, **values: object) -> str:
        return t(key, lang, **values)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = say("scn.xlsx.sheet_compare")
    bold = Font(bold=True)
    _put(ws, 1, 1, tables.title).font = Font(bold=True, size=14)
    _put(ws, 2, 1, tables.subtitle)
    row = 4
    n = len(tables.heads)
    head = [say("scn.xlsx.subject"), tables.heads[0]]
    for name in tables.heads[1:]:
        head += [name, say("scn.xlsx.delta", name=name)]
    head.append(say("assumption"))
    for sec in tables.sections:
        _put(ws, row, 1, sec.title).font = Font(bold=True, size=12)
        row += 1
        if sec.note:
            _put(ws, row, 1, sec.note).font = Font(italic=True)
            row += 1
        heads = [say("scn.xlsx.subject"), *sec.heads, say("assumption")] if sec.heads else head
        for c, text in enumerate(heads, start=1):
            _put(ws, row, c, text).font = bold
        row += 1
        for r in sec.rows:
            _put(ws, row, 1, r.label)
            fmt = FORMATS.get(r.kind)
            column = 2
            assumed = False
            for i, cell in enumerate(r.cells):
                value = cell.value if cell.value is not None and r.kind != "text" else cell.text
                target = _put(ws, row, column, value, fmt)
                if cell.assumed:
                    target.fill = ASSUMED
                    assumed = True
                column += 1
                if not sec.heads and i > 0:
                    delta = _put(ws, row, column, cell.delta or "")
                    if cell.direction in FILL:
                        delta.fill = FILL[cell.direction]
                    column += 1
            if assumed:
                _put(ws, row, len(heads), say("assumption"))
            row += 1
        row += 1
    ws.column_dimensions["A"].width = 58
    for c in range(2, 2 * n + 2):
        ws.column_dimensions[get_column_letter(c)].width = 22
    ws.freeze_panes = "B5"

    per = wb.create_sheet(say("scn.xlsx.sheet_per"))
    r = 1
    for item in tables.per_scenario:
        _put(per, r, 1, f"{item['name']} ({item['status']})").font = Font(bold=True, size=12)
        r += 1
        if item["stale"]:
            _put(per, r, 1, say("scn.stale"))
            r += 1
        for key, label in (
            ("conflicts", "scn.conflicts"),
            ("displaced", "scn.displaced"),
        ):
            for c in item[key]:
                _put(per, r, 1, say(label))
                _put(per, r, 2, f"{c['event']} ({c['field']})")
                _put(per, r, 3, c["message"])
                r += 1
        for key, label in (
            ("unit_changes", "scn.unit_changes"),
            ("cooperations", "scn.cooperations"),
            ("staff", "scn.staff"),
        ):
            _put(per, r, 1, say(label)).font = bold
            lines = item[key] or [say("scn.none")]
            for line in lines:
                _put(per, r, 2, line)
                r += 1
        r += 1
    per.column_dimensions["A"].width = 34
    per.column_dimensions["B"].width = 70
    per.column_dimensions["C"].width = 60
    for line in per.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    notes = wb.create_sheet(say("scn.xlsx.sheet_assumptions"))
    _put(notes, 1, 1, say("scn.assumptions")).font = Font(bold=True, size=12)
    r = 2
    for text in tables.assumptions or [say("scn.none")]:
        _put(notes, r, 1, text)
        r += 1
    _put(notes, r + 1, 1, tables.table_note)
    notes.column_dimensions["A"].width = 120
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
