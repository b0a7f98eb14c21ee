"""Salary tables from CSV or Excel: one row per (scale, step) with its monthly amount and valid-from day.

Columns (a header row, names in Dutch or English, in any order):

| column | also | what |
|---|---|---|
| ``schaal`` | ``scale`` | the salary scale: 1 … 18, 10A, 11A |
| ``periodiek`` | ``trede``, ``step`` | the step within the scale: 0, 1, 2 … |
| ``maandbedrag`` | ``bedrag``, ``monthly``, ``amount`` | gross per month at full time; 1.234,56 or 1234.56 |
| ``geldig_vanaf`` | ``valid_from`` | the day the amounts hold from: 2020-07-01 or 1-7-2020 |

Rows with different valid-from days become different tables (one per day). CSV: separated by
``;`` or ``,`` (as the header row shows), UTF-8 with or without BOM. Excel: the first sheet, or
the sheet named ``Salaristabel``. Every problem is an :class:`InputError` naming the file, the
row, the column and what was expected; nothing is returned unless the whole file reads.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.dates import DateError
from raadhuis.domain.salary import parse_scale
from raadhuis.formats.figures import parse_number

COLUMNS: dict[str, tuple[str, ...]] = {
    "scale": ("schaal", "scale", "salarisschaal"),
    "step": ("periodiek", "trede", "step"),
    "monthly": ("maandbedrag", "bedrag", "monthly", "amount"),
    "valid_from": ("geldig_vanaf", "geldig vanaf", "valid_from", "valid from"),
}
SHEET = "salaristabel"


@dataclass(frozen=True)
class TableRows:
    """The rows of one valid-from day, as canonical row dicts."""

    valid_from: str  # ISO day
    rows: list[dict[str, Any]]


def read_salary_file(path: str | Path, data: bytes | None = None, name: str | None = None) -> list[TableRows]:
    """The tables in a CSV or Excel file (one per valid-from day). Raises InputErrors."""
    from raadhuis.formats.kinds import os_problem

    label = name or Path(path).name
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputErrors([InputError(label, None, "(file)", f"cannot read the file: {os_problem(exc)}")]) from None
    if label.lower().endswith((".xlsx", ".xlsm")):
        title, rows = _excel_rows(data, label)
        return _read_rows(rows, label, sheet=title)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputErrors([InputError(label, None, "(file)", "expected a CSV file in UTF-8")]) from None
    return read_salary_csv(text, label)


def read_salary_csv(text: str, label: str) -> list[TableRows]:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows = [(i, row) for i, row in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter), 1)]
    return _read_rows(rows, label, sheet=None)


def _excel_rows(data: bytes, label: str) -> tuple[str, list[tuple[int, list[Any]]]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or non-xlsx file
        raise InputErrors([InputError(label, None, "(file)", f"not a readable Excel file (.xlsx): {exc}")]) from None
    ws = next((w for w in wb.worksheets if w.title.strip().lower() == SHEET), wb.worksheets[0])
    out = [(i, list(row)) for i, row in enumerate(ws.iter_rows(values_only=True), 1)]
    wb.close()
    return str(ws.title), out


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _read_rows(rows: Iterable[tuple[int, list[Any]]], label: str, sheet: str | None) -> list[TableRows]:
    """``sheet``: the Excel sheet's name (cells keep their types), or None for CSV (all text)."""
    errors: list[InputError] = []
    header: dict[str, int] | None = None
    tables: dict[str, list[dict[str, Any]]] = {}
    seen: dict[tuple[str, str, int], int] = {}

    def err(line: int, key: str, message: str) -> None:
        col = header[key] if header and key in header else None
        column = (_letter(col) if sheet is not None else str(col + 1)) if col is not None else None
        field = COLUMNS[key][0] if key in COLUMNS else key
        errors.append(InputError(label, line, field, message, sheet=sheet, column=column))

    for line, raw in rows:
        cells = ["" if c is None else str(c).strip() for c in raw]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if header is None:
            names = [c.lower() for c in cells]
            header = {}
            for key, options in COLUMNS.items():
                found = next((i for i, n in enumerate(names) if n in options), None)
                if found is not None:
                    header[key] = found
            missing = [COLUMNS[k][0] for k in COLUMNS if k not in header]
            if missing:
                errors.append(
                    InputError(
                        label,
                        line,
                        "(header)",
                        f"expected a header row with the columns {', '.join(v[0] for v in COLUMNS.values())}; "
                        f"missing: {', '.join(missing)}",
                    )
                )
                break
            continue

        def cell(key: str, _cells: list[str] = cells, _raw: list[Any] = raw, _at: dict[str, int] = header) -> Any:
            i = _at[key]
            return (_raw[i] if sheet is not None else _cells[i]) if i < len(_cells) else ""

        scale_text = str(cell("scale") or "").strip()
        parsed = parse_scale(scale_text)
        if parsed is None or parsed[1] is not None:
            err(line, "scale", f"expected a salary scale such as 8, 10A or 11, got {scale_text!r}")
        step_value = cell("step")
        step = _whole(step_value)
        if step is None or not 0 <= step <= 99:
            err(line, "step", f"expected a step as a whole number from 0, got {str(step_value)!r}")
        monthly_value = cell("monthly")
        monthly = float(monthly_value) if isinstance(monthly_value, int | float) else parse_number(str(monthly_value))
        if monthly is None or monthly <= 0:
            err(line, "monthly", f"expected a monthly amount above 0 such as 3.526,00, got {str(monthly_value)!r}")
        valid = _day(cell("valid_from"))
        if valid is None:
            err(line, "valid_from", f"expected a day such as 2020-07-01 or 1-7-2020, got {str(cell('valid_from'))!r}")
        if parsed is None or parsed[1] is not None or step is None or monthly is None or monthly <= 0 or valid is None:
            continue
        key3 = (valid, parsed[0], step)
        if key3 in seen:
            err(line, "step", f"scale {parsed[0]} step {step} from {valid} is given twice (also on row {seen[key3]})")
            continue
        seen[key3] = line
        tables.setdefault(valid, []).append({"scale": parsed[0], "step": step, "monthly": monthly})
    if header is None and not errors:
        errors.append(InputError(label, None, "(file)", "the file holds no rows"))
    if header is not None and not tables and not errors:
        errors.append(InputError(label, None, "(file)", "the file holds a header row but no amounts"))
    if errors:
        raise InputErrors(errors)
    return [TableRows(day, tables[day]) for day in sorted(tables)]


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def _day(value: Any) -> str | None:
    from datetime import date, datetime

    from raadhuis.i18n.formatting import read_day

    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return read_day(str(value)).isoformat()
    except DateError:  # DayError, what read_day raises, is one
        return None
