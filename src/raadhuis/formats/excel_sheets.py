"""Read a formatieplan (Excel or CSV) into rows: the first step of a formatieplan import.

:func:`read_formatieplan` turns an untidy user workbook into :class:`FormatieRow` values (or
raises every problem at once, naming sheet, row and column); :func:`sniff_mapping` guesses which
column holds what. Planning the events is formats/excel_plan.py; saying in words what they do is
i18n/formatieplan.py. Matching rules are in docs/excel.md.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.model import (
    Source,
    StaffingKind,
)
from raadhuis.formats.mapping import ColumnMapping, guess_mapping, guessed_fields, normalise

# --- reading -------------------------------------------------------------------------


@dataclass(frozen=True)
class FormatieRow:
    """One sheet row: a post, or one staffing line of a post."""

    file: str
    sheet: str | None
    row: int  # 1-based sheet row (CSV: line)
    unit_path: tuple[str, ...] = ()
    unit_code: str | None = None
    post_id: str | None = None
    title: str | None = None
    fte: float | None = None  # formatie
    filled_fte: float | None = None  # bezetting
    scale: str | None = None
    staffing_kind: StaffingKind | None = None
    person: str | None = None
    task_field: str | None = None
    columns: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # field → "C (Formatie)"

    def error(self, field_name: str, message: str) -> InputError:
        return InputError(
            self.file, self.row, field_name, message, sheet=self.sheet, column=self.columns.get(field_name)
        )


@dataclass(frozen=True)
class SkippedRow:
    sheet: str | None
    row: int
    reason: str


class FormatieRows(list[FormatieRow]):
    """The rows read, plus the rows passed over on purpose (totals, group headings)."""

    def __init__(self, rows: Iterable[FormatieRow] = (), skipped: Iterable[SkippedRow] = ()) -> None:
        super().__init__(rows)
        self.skipped = list(skipped)


@dataclass
class _Grid:
    sheet: str | None  # None for CSV
    rows: list[list[Any]]


# Words a staffing kind is written as, normalised. Dutch first; the enum values also count.
STAFFING_WORDS: dict[str, StaffingKind] = {
    **{k.value.replace("_", " "): k for k in StaffingKind},
    "eigen personeel": StaffingKind.EMPLOYEE,
    "eigen": StaffingKind.EMPLOYEE,
    "personeel": StaffingKind.EMPLOYEE,
    "in dienst": StaffingKind.EMPLOYEE,
    "vast": StaffingKind.EMPLOYEE,
    "tijdelijk": StaffingKind.EMPLOYEE,
    "ambtenaar": StaffingKind.EMPLOYEE,
    "medewerker": StaffingKind.EMPLOYEE,
    "eigen medewerker": StaffingKind.EMPLOYEE,
    "loondienst": StaffingKind.EMPLOYEE,
    "bezet": StaffingKind.EMPLOYEE,
    "vacature": StaffingKind.VACANCY,
    "vacant": StaffingKind.VACANCY,
    "open": StaffingKind.VACANCY,
    "onbezet": StaffingKind.VACANCY,
    "niet bezet": StaffingKind.VACANCY,
    "inhuur": StaffingKind.EXTERNAL_HIRE,
    "externe inhuur": StaffingKind.EXTERNAL_HIRE,
    "extern": StaffingKind.EXTERNAL_HIRE,
    "ingehuurd": StaffingKind.EXTERNAL_HIRE,
    "zzp": StaffingKind.EXTERNAL_HIRE,
    "zzp er": StaffingKind.EXTERNAL_HIRE,
    "interim": StaffingKind.EXTERNAL_HIRE,
    "uitzendkracht": StaffingKind.EXTERNAL_HIRE,
    "payroll": StaffingKind.EXTERNAL_HIRE,
    "hire": StaffingKind.EXTERNAL_HIRE,
    "inleen": StaffingKind.LOAN_IN,
    "ingeleend": StaffingKind.LOAN_IN,
    "lenen": StaffingKind.LOAN_IN,
    "detachering in": StaffingKind.LOAN_IN,
    "loan in": StaffingKind.LOAN_IN,
    "detachering": StaffingKind.SECONDMENT_OUT,
    "gedetacheerd": StaffingKind.SECONDMENT_OUT,
    "uitgeleend": StaffingKind.SECONDMENT_OUT,
    "uitleen": StaffingKind.SECONDMENT_OUT,
    "detachering uit": StaffingKind.SECONDMENT_OUT,
    "secondment": StaffingKind.SECONDMENT_OUT,
}

_TOTAL = re.compile(r"^\s*(sub|eind|generaal |grand )?tota(a)?l\b", re.IGNORECASE)
_TASK_FIELD = re.compile(r"(\d{1,2})\s*[.,]\s*(\d{1,2})")
_NUMBER = re.compile(r"^[+-]?[0-9][0-9.,]*$")
_DASHES = {"-", "–", "—", "n.v.t.", "nvt", "n.v.t"}
# A formula-protected text written by our own export: an apostrophe before = + - @.
_ESCAPED = re.compile(r"^'(?=[=+\-@\t\r])")


def read_formatieplan(path: str | Path, mapping: ColumnMapping) -> FormatieRows:
    """Read rows from an .xlsx or .csv file; every problem is collected and raised together."""
    file = Path(path)
    problems = mapping.problems()
    if problems:
        raise InputErrors([InputError(str(file), None, "(mapping)", p) for p in problems])
    grids = _read_grids(file, mapping.sheet)
    wanted = mapping.columns()

    def score(headers: list[str]) -> int:
        found = _locate(headers, wanted)
        return sum(len(v) for v in found.values())

    best = _find_header(grids, score, mapping.header_row, mapping.header_rows)
    if best is None:
        raise InputErrors([_missing_columns(file, grids, mapping)])
    grid, first, span, headers = best
    located = _locate(headers, wanted)
    missing = [n for name, names in wanted.items() for n in names if n not in located.get(name, {})]
    if missing:
        raise InputErrors(
            [
                InputError(
                    str(file),
                    first,
                    "(kopregel)",
                    f"kolom {m!r} niet gevonden; gevonden kolommen: {', '.join(repr(h) for h in headers if h)}",
                    sheet=grid.sheet,
                )
                for m in missing
            ]
        )
    return _rows(file, grid, first + span, headers, located, mapping)


def sniff_mapping(path: str | Path, sheet: str | None = None) -> ColumnMapping:
    """A first mapping for an unknown file: the header row that most looks like a formatieplan."""
    file = Path(path)
    grids = _read_grids(file, sheet)
    best = _find_header(grids, lambda headers: guessed_fields(guess_mapping(headers)), None, None)
    if best is None:
        raise InputErrors([InputError(str(file), None, "(kopregel)", "geen kopregel met bekende kolomnamen gevonden")])
    grid, first, span, headers = best
    mapping = guess_mapping([h for h in headers if h])
    mapping.sheet, mapping.header_row, mapping.header_rows = grid.sheet, first, span
    return mapping


def read_headers(path: str | Path, mapping: ColumnMapping) -> list[str]:
    """The column headers as this mapping's header row(s) read them (for a mapping screen)."""
    grids = _read_grids(Path(path), mapping.sheet)
    best = _find_header(grids, lambda h: guessed_fields(guess_mapping(h)), mapping.header_row, mapping.header_rows)
    return [h for h in best[3] if h] if best else []


def file_source(path: str | Path, source_id: str, title: str | None = None, when: date | None = None) -> Source:
    """The uploaded file as the source the imported events cite."""
    file = Path(path)
    return Source(
        id=source_id, title=title or file.name, kind="dataset", date=when.isoformat() if when else None, file=file.name
    )


def _read_grids(file: Path, sheet: str | None) -> list[_Grid]:
    suffix = file.suffix.lower()
    if suffix in (".csv", ".txt"):
        return [_Grid(None, _read_csv(file))]
    if suffix not in (".xlsx", ".xlsm"):
        raise InputErrors(
            [
                InputError(
                    str(file),
                    None,
                    "(file)",
                    f"verwacht een .xlsx- of .csv-bestand, gevonden {suffix or 'geen extensie'!r}",
                )
            ]
        )
    try:
        # Not read-only: merged ranges are only known in the normal mode.
        wb = openpyxl.load_workbook(file, data_only=True)
    except OSError as exc:
        from raadhuis.formats.kinds import os_problem

        raise InputErrors([InputError(str(file), None, "(file)", f"cannot read the file: {os_problem(exc)}")]) from None
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or non-xlsx file
        raise InputErrors(
            [
                InputError(
                    str(file), None, "(file)", "not a readable Excel workbook (.xlsx): damaged, or of another kind"
                )
            ]
        ) from None
    if sheet is not None:
        match = [ws for ws in wb.worksheets if normalise(ws.title) == normalise(sheet)]
        if not match:
            names = ", ".join(repr(ws.title) for ws in wb.worksheets)
            raise InputErrors([InputError(str(file), None, "sheet", f"blad {sheet!r} bestaat niet; wel: {names}")])
        sheets = match
    else:
        sheets = list(wb.worksheets)
    return [_Grid(ws.title, _sheet_values(ws)) for ws in sheets]


def _sheet_values(ws: Any) -> list[list[Any]]:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    # A merged range shows its value in every cell it covers: merged headers and unit
    # columns merged down over several teams then read as users see them.
    for rng in ws.merged_cells.ranges:
        value = ws.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if r - 1 < len(rows):
                    row = rows[r - 1]
                    while len(row) < c:
                        row.append(None)
                    row[c - 1] = value
    return rows


def _read_csv(file: Path) -> list[list[Any]]:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        from raadhuis.formats.kinds import os_problem

        raise InputErrors([InputError(str(file), None, "(file)", f"cannot read the file: {os_problem(exc)}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Dutch Windows
    sample = "\n".join(line for line in text.splitlines()[:20] if line.strip())
    counts = {d: sample.count(d) for d in (";", "\t", ",")}
    delimiter = ";" if counts[";"] else max(counts, key=lambda d: counts[d])
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value).replace("\xa0", " ")).strip()


def _header_texts(rows: list[list[Any]], first: int, span: int) -> list[str]:
    width = max((len(rows[i]) for i in range(first - 1, min(first - 1 + span, len(rows)))), default=0)
    out = []
    for c in range(width):
        parts: list[str] = []
        for i in range(first - 1, min(first - 1 + span, len(rows))):
            text = _cell_text(rows[i][c] if c < len(rows[i]) else None)
            if text and text not in parts:  # a header merged down over both rows counts once
                parts.append(text)
        out.append(" ".join(parts))
    return out


def _locate(headers: list[str], wanted: dict[str, list[str]]) -> dict[str, dict[str, int]]:
    """Field → {column name: column index}, by header text (normalised) or column letter."""
    norm = [normalise(h) for h in headers]
    out: dict[str, dict[str, int]] = {}
    for name, columns in wanted.items():
        for col in columns:
            key = normalise(col)
            idx = next((i for i, h in enumerate(norm) if h and h == key), None)
            if idx is None and re.fullmatch(r"[A-Za-z]{1,3}", col.strip()):
                idx = openpyxl.utils.column_index_from_string(col.strip().upper()) - 1
            if idx is not None:
                out.setdefault(name, {})[col] = idx
    return out


def _find_header(
    grids: list[_Grid], score: Callable[[list[str]], int], row: int | None, span: int | None
) -> tuple[_Grid, int, int, list[str]] | None:
    best: tuple[int, _Grid, int, int, list[str]] | None = None
    for grid in grids:
        starts = [row] if row is not None else range(1, min(len(grid.rows), 30) + 1)
        for first in starts:
            for s in [span] if span is not None else [1, 2]:
                headers = _header_texts(grid.rows, first, s)
                points = score(headers)
                # Ties go to the earlier sheet, earlier row and the single-row header.
                if points > 0 and (best is None or points > best[0]):
                    best = (points, grid, first, s, headers)
    return None if best is None else best[1:]


def _missing_columns(file: Path, grids: list[_Grid], mapping: ColumnMapping) -> InputError:
    wanted = ", ".join(repr(c) for cols in mapping.columns().values() for c in cols)
    where = f"blad {mapping.sheet!r}" if mapping.sheet else "geen van de bladen"
    return InputError(
        str(file), mapping.header_row, "(kopregel)", f"{where} heeft een kopregel met de kolommen {wanted}"
    )


def _rows(
    file: Path, grid: _Grid, start: int, headers: list[str], located: dict[str, dict[str, int]], mapping: ColumnMapping
) -> FormatieRows:
    labels = {
        name: ", ".join(f"{get_column_letter(i + 1)} ({headers[i] or col})" for col, i in cols.items())
        for name, cols in located.items()
    }
    # Whitespace in cells is collapsed before splitting, so " / " also splits "A  /  B".
    separator = re.sub(r"\s+", " ", mapping.separator)
    used_cols = sorted({i for cols in located.values() for i in cols.values()})
    errors: list[InputError] = []
    out: list[FormatieRow] = []
    skipped: list[SkippedRow] = []
    for number in range(start, len(grid.rows) + 1):
        cells = grid.rows[number - 1]

        def get(name: str, cells: list[Any] = cells) -> Any:
            idx = next(iter(located[name].values())) if name in located else None
            return cells[idx] if idx is not None and idx < len(cells) else None

        texts = [_cell_text(c) for c in cells]
        if not any(texts[i] for i in used_cols if i < len(texts)):
            continue  # blank row
        if any(_TOTAL.match(t) for t in texts if t):
            skipped.append(SkippedRow(grid.sheet, number, "totaalregel"))
            continue
        row_errors: list[tuple[str, str]] = []

        def text(name: str, get: Callable[[str], Any] = get) -> str | None:
            value = _ESCAPED.sub("", _cell_text(get(name)))
            return value or None

        def number_of(
            name: str, get: Callable[[str], Any] = get, errs: list[tuple[str, str]] = row_errors
        ) -> float | None:
            value = get(name)
            try:
                return parse_fte(value)
            except ValueError as exc:
                errs.append((name, str(exc)))
                return None

        path: tuple[str, ...] = ()
        if "unit_path" in located:
            parts: list[str] = []
            for idx in located["unit_path"].values():
                value = _ESCAPED.sub("", _cell_text(cells[idx] if idx < len(cells) else None))
                if value:
                    parts.extend(value.split(separator) if len(located["unit_path"]) == 1 else [value])
            path = tuple(p.strip() for p in parts if p.strip())
            if mapping.root and path and normalise(path[0]) == normalise(mapping.root):
                path = path[1:]
        unit_code, post_id, title = text("unit_code"), text("post_id"), text("title")
        fte, filled = number_of("fte"), number_of("filled_fte")
        kind_text = text("staffing_kind")
        kind = None
        if kind_text:
            kind = STAFFING_WORDS.get(normalise(kind_text))
            if kind is None:
                row_errors.append(
                    (
                        "staffing_kind",
                        f"onbekende soort bezetting {kind_text!r}; verwacht eigen personeel, vacature, inhuur, inleen of detachering",
                    )
                )
        task_field = None
        if tf := text("task_field"):
            m = _TASK_FIELD.search(tf)
            if m is None:
                row_errors.append(("task_field", f"verwacht een BBV-taakveldcode zoals 6.3, gevonden {tf!r}"))
            else:
                task_field = f"{int(m[1])}.{int(m[2])}"
        scale = text("scale")
        if scale:
            scale = re.sub(r"^(salaris)?schaal\s*", "", scale, flags=re.IGNORECASE) or scale
        if not (path or unit_code or post_id):
            if title or fte is not None or filled is not None:
                row_errors.append(("unit_path" if "unit_path" in located else "unit_code", "de eenheid ontbreekt"))
        elif not title and fte is None and filled is None and not kind and not post_id:
            skipped.append(SkippedRow(grid.sheet, number, "alleen een eenheid, geen functie of fte (tussenkop)"))
            continue
        elif not title and not post_id:
            row_errors.append(("title", "de functie ontbreekt"))
        row = FormatieRow(
            file=str(file),
            sheet=grid.sheet,
            row=number,
            unit_path=path,
            unit_code=unit_code,
            post_id=post_id,
            title=title,
            fte=fte,
            filled_fte=filled,
            scale=scale,
            staffing_kind=kind,
            person=text("person"),
            task_field=task_field,
            columns=labels,
        )
        errors.extend(row.error(name, message) for name, message in row_errors)
        out.append(row)
    if errors:
        raise InputErrors(errors)
    return FormatieRows(out, skipped)


def parse_fte(value: Any) -> float | None:
    """An FTE as users type it: 0,89 / 0.89 / "1.234,5" / 1 ; blank or a dash is None.

    With both '.' and ',' the last one is the decimal sign; a single ',' or '.' is the
    decimal sign; several of one kind are thousand separators.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"verwacht een aantal fte zoals 0,89, gevonden {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    else:
        shown = _cell_text(value)
        # "2,5 fte" is written often enough to accept the unit.
        text = re.sub(r"fte$", "", shown.replace(" ", "").replace("'", ""), flags=re.IGNORECASE)
        if not text or text.lower() in _DASHES:
            return None
        if not _NUMBER.match(text):
            raise ValueError(f"verwacht een aantal fte zoals 0,89, gevonden {shown!r}")
        if "," in text and "." in text:
            decimal = "," if text.rfind(",") > text.rfind(".") else "."
            thousands = "." if decimal == "," else ","
            text = text.replace(thousands, "").replace(decimal, ".")
        elif text.count(",") == 1:
            text = text.replace(",", ".")
        elif text.count(",") > 1 or text.count(".") > 1:
            text = text.replace(",", "").replace(".", "")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"verwacht een aantal fte zoals 0,89, gevonden {value!r}") from None
    if number < 0:
        raise ValueError(f"fte kan niet negatief zijn, gevonden {str(number).replace('.', ',')}")
    return round(number, 4)
