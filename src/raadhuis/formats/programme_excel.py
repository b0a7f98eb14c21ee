"""Programme budgets as an Excel workbook: what each programme has, what it is for, what was spent.

Sheets: *Budgetten* (one row per programme and budget year: total, allocated, not allocated,
spent), *Verdeling* (each allocation: purpose and amount) and *Uitgaven* (each spend recorded).
Amounts are numbers; an amount no source gives is the word *onbekend* (unknown), never 0. A
figure that rests on an assumption says so in the column *Aanname*; the column *Citaat* holds the
quote it rests on.

Made from the answer of ``services.programmes.programmes`` (the one service). No cell can run as
a formula: texts go through ``excel_export.safe_text`` and are written as strings.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from raadhuis.formats.excel_export import safe_text
from raadhuis.i18n import t

ASSUMED = PatternFill("solid", fgColor="FFF4E5")
MONEY = "#,##0.00"


def _put(ws: Any, row: int, column: int, value: Any, money: bool = False) -> None:
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
    else:
        cell.value = value
        if money and value is not None:
            cell.number_format = MONEY


def _quotes(sources: list[dict[str, Any]]) -> str:
    return " | ".join(f"{c['quote']} ({c.get('title') or c['source']})" for c in sources if c.get("quote"))


def _assumption(value: Any, lang: str) -> str:
    if not value:
        return ""
    return value if isinstance(value, str) else t("assumption", lang)


def budgets_workbook(data: dict[str, Any], lang: str = "nl") -> bytes:
    """The workbook for the answer of ``services.programmes.programmes``."""
    unknown = t("programme.unknown", lang)
    wb = openpyxl.Workbook()
    sheets: list[tuple[Any, list[str], list[tuple[list[Any], Any]]]] = []

    def say(key: str) -> str:
        return t(key, lang)

    budget_rows: list[tuple[list[Any], Any]] = []
    allocation_rows: list[tuple[list[Any], Any]] = []
    spend_rows: list[tuple[list[Any], Any]] = []
    for p in data["programmes"]:
        b = p["budget"]
        if not b["years"]:
            budget_rows.append(([p["name"], p["id"], unknown, unknown, "", "", unknown, "", "", ""], False))
        for y in b["years"]:
            row = [
                p["name"],
                p["id"],
                y["year"],
                y["total"] if y["total"] is not None else unknown,
                y["allocated"],
                y["unallocated"] if y["unallocated"] is not None else unknown,
                y["spent"] if y["spent"] is not None else unknown,
                b["currency"],
                _assumption(y["assumption"], lang),
                _quotes(y["sources"]),
            ]
            budget_rows.append((row, y["assumption"]))
        for a in b["allocations"]:
            row = [p["name"], a["year"], a["purpose"], a["amount"], b["currency"], _assumption(a["assumption"], lang)]
            allocation_rows.append((row + [_quotes(a["sources"])], a["assumption"]))
        for x in b["spending"]:
            row = [p["name"], x["year"], x["date"] or "", x["amount"], b["currency"], x["purpose"] or ""]
            spend_rows.append((row + [_assumption(x["assumption"], lang), _quotes(x["sources"])], x["assumption"]))
    ws = wb.active
    ws.title = say("programme.xlsx.budgets")
    sheets.append(
        (
            ws,
            [
                say("programme"),
                "id",
                say("programme.year"),
                say("programme.total"),
                say("programme.allocations"),
                say("programme.unallocated"),
                say("programme.spent"),
                say("programme.currency"),
                say("programme.xlsx.assumption"),
                say("programme.quote"),
            ],
            budget_rows,
        )
    )
    sheets.append(
        (
            wb.create_sheet(say("programme.allocations")),
            [
                say("programme"),
                say("programme.year"),
                say("programme.purpose"),
                say("programme.amount"),
                say("programme.currency"),
                say("programme.xlsx.assumption"),
                say("programme.quote"),
            ],
            allocation_rows,
        )
    )
    sheets.append(
        (
            wb.create_sheet(say("programme.xlsx.spending")),
            [
                say("programme"),
                say("programme.year"),
                say("programme.date"),
                say("programme.amount"),
                say("programme.currency"),
                say("programme.purpose"),
                say("programme.xlsx.assumption"),
                say("programme.quote"),
            ],
            spend_rows,
        )
    )
    money_headers = {say("programme.total"), say("programme.allocations"), say("programme.unallocated")}
    money_headers |= {say("programme.spent"), say("programme.amount")}
    for sheet, headers, rows in sheets:
        for c, h in enumerate(headers, 1):
            _put(sheet, 1, c, h)
            sheet.cell(row=1, column=c).font = Font(bold=True)
            sheet.column_dimensions[get_column_letter(c)].width = 40 if c in (1, len(headers)) else 16
        for r, (values, assumed) in enumerate(rows, 2):
            for c, v in enumerate(values, 1):
                _put(sheet, r, c, v, money=headers[c - 1] in money_headers)
                sheet.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
                if assumed:
                    sheet.cell(row=r, column=c).fill = ASSUMED
        sheet.freeze_panes = "A2"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
