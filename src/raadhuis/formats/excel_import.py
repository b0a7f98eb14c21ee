"""Read a formatieplan (Excel or CSV) and plan the change events it implies.

Three steps, all pure: :func:`read_formatieplan` turns an untidy user workbook into
:class:`FormatieRow` values (or raises every problem at once, naming sheet, row and
column); :func:`plan_changes` compares those rows with the organisation as of a day and
returns only the events needed; :func:`describe` says in words what those events do, which
is the dry run. Matching rules are in docs/excel.md.
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
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import (
    UNIT_KINDS_DEFAULT,
    Citation,
    Post,
    Snapshot,
    Source,
    Staffing,
    StaffingKind,
    TaskFieldShare,
    Unit,
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

STAFFING_LABELS = {
    "nl": {
        StaffingKind.EMPLOYEE: "eigen personeel",
        StaffingKind.VACANCY: "vacature",
        StaffingKind.EXTERNAL_HIRE: "inhuur",
        StaffingKind.LOAN_IN: "inleen",
        StaffingKind.SECONDMENT_OUT: "detachering",
    },
    "en": {
        StaffingKind.EMPLOYEE: "employee",
        StaffingKind.VACANCY: "vacancy",
        StaffingKind.EXTERNAL_HIRE: "external hire",
        StaffingKind.LOAN_IN: "loan in",
        StaffingKind.SECONDMENT_OUT: "secondment out",
    },
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
    except Exception as exc:  # openpyxl raises many kinds for a damaged or non-xlsx file
        raise InputErrors(
            [InputError(str(file), None, "(file)", f"geen leesbaar Excel-bestand (.xlsx): {exc}")]
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
        raise InputErrors(
            [InputError(str(file), None, "(file)", f"kan het bestand niet lezen: {exc.strerror}")]
        ) from None
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
        raise ValueError(f"fte kan niet negatief zijn, gevonden {_fmt(number)}")
    return round(number, 4)


def _fmt(number: float, lang: str = "nl") -> str:
    text = f"{number:.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


# --- planning the events ---------------------------------------------------------------


def _slug(text: str) -> str:
    replaced = text.lower().translate(str.maketrans("àáâäèéêëìíîïòóôöùúûüç", "aaaaeeeeiiiioooouuuuc"))
    return re.sub(r"[^a-z0-9]+", "-", replaced).strip("-") or "x"


def _natural(text: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def _guess_kind(name: str) -> str:
    first = normalise(name).split(" ")[0] if normalise(name) else ""
    return first if first in UNIT_KINDS_DEFAULT else "afdeling"


class _UnitResolver:
    """Finds the unit a row names, and plans the units that do not exist yet."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.units: dict[str, Unit] = dict(snapshot.units)
        self.new: list[str] = []  # ids of planned units, parents first

    def _matches(self, unit: Unit, name: str) -> bool:
        key = normalise(name)
        return key in (normalise(unit.name), normalise(unit.id), normalise(unit.abbreviation or ""))

    def _children(self, parent: str | None) -> list[Unit]:
        return sorted((u for u in self.units.values() if u.parent == parent), key=lambda u: _natural(u.id))

    def _descendants(self, root: str | None) -> list[Unit]:
        out, todo = [], [root]
        while todo:
            kids = self._children(todo.pop())
            out.extend(kids)
            todo.extend(k.id for k in kids)
        return out

    def by_id(self, code: str) -> Unit | None:
        key = normalise(code)
        return next((u for u in self.units.values() if normalise(u.id) == key), None)

    def resolve(self, path: tuple[str, ...], leaf_id: str | None) -> str | str:
        """The unit id for a path; raise ValueError when a name is ambiguous."""
        roots = self._children(None)
        current: str | None = None
        rest = list(path)
        if rest and (hit := [u for u in roots if self._matches(u, rest[0])]):
            current = hit[0].id
            rest.pop(0)
        elif len(roots) == 1:
            current = roots[0].id  # the organisation's top unit, left out of the sheet
        for i, name in enumerate(rest):
            if current is not None and self._matches(self.units[current], name) and not i:
                continue
            child = next((u for u in self._children(current) if self._matches(u, name)), None)
            if child is None:
                # A sheet may skip levels ("Team Werk" without its dienst): a unique
                # match anywhere below is the unit meant.
                below = [u for u in self._descendants(current) if self._matches(u, name)]
                if len(below) > 1:
                    options = ", ".join(self.path_of(u.id) for u in below)
                    raise ValueError(f"eenheid {name!r} komt meer dan eens voor ({options}); geef het volledige pad")
                child = below[0] if below else None
            if child is None:
                last = i == len(rest) - 1
                child = self._plan(name, current, leaf_id if last else None)
            current = child.id
        if current is None:
            raise ValueError("de eenheid ontbreekt")
        return current

    def _plan(self, name: str, parent: str | None, wanted_id: str | None) -> Unit:
        base = wanted_id or _slug(name)
        candidate = base
        if candidate in self.units and parent and not wanted_id:
            candidate = f"{parent}-{base}"
        n = 2
        stem = candidate
        while candidate in self.units:
            candidate = f"{stem}-{n}"
            n += 1
        unit = Unit(id=candidate, name=name, kind=_guess_kind(name), parent=parent)
        self.units[unit.id] = unit
        self.new.append(unit.id)
        return unit

    def path_of(self, uid: str) -> str:
        names: list[str] = []
        current: str | None = uid
        while current is not None and current in self.units:
            names.append(self.units[current].name)
            current = self.units[current].parent
        return " / ".join(reversed(names))


@dataclass
class _Group:
    rows: list[FormatieRow]
    unit: str
    ordinal: int = 0
    post_id: str | None = None  # from the sheet


def _staffing_of(rows: list[FormatieRow]) -> list[Staffing]:
    lines = []
    for r in rows:
        kind = r.staffing_kind or (StaffingKind.EMPLOYEE if r.filled_fte else None)
        if kind is None:
            continue
        fte = (
            r.filled_fte if r.filled_fte else (r.fte or 0.0) if kind is StaffingKind.VACANCY else (r.filled_fte or 0.0)
        )
        if fte > 0:
            lines.append(Staffing(kind=kind, fte=round(fte, 4), person=r.person))
    return lines


def _staffing_key(lines: Iterable[Staffing], with_person: bool) -> list[tuple[str, float, str]]:
    return sorted((s.kind.value, round(s.fte, 4), (s.person or "") if with_person else "") for s in lines)


def _keep_details(new: list[Staffing], old: tuple[Staffing, ...], with_person: bool) -> tuple[Staffing, ...]:
    """The sheet has no lender or cost: keep them from the old line of the same kind and person."""
    pool = list(old)
    out = []
    for line in new:
        match = next(
            (o for o in pool if o.kind is line.kind and (not with_person or (o.person or "") == (line.person or ""))),
            None,
        )
        if match is not None:
            pool.remove(match)
            person = line.person if with_person else match.person
            line = Staffing(line.kind, line.fte, person, match.organisation, match.cost)
        out.append(line)
    return tuple(out)


def _scale_of(rows: list[FormatieRow]) -> str | None:
    scales = list(dict.fromkeys(r.scale for r in rows if r.scale))
    if len(scales) <= 1:
        return scales[0] if scales else None
    # Staffing lines of one post in different scales: the post's scale is the range.
    return "-".join(sorted(scales, key=_natural))


def plan_changes(
    rows: list[FormatieRow],
    snapshot: Snapshot,
    at: date,
    organisation: str,
    id_prefix: str,
    source: str,
    *,
    complete: bool = False,
    duplicates: str = "lines",
) -> list[Event]:
    """The events that bring ``snapshot`` (the organisation as of ``at``) in line with ``rows``.

    Only differences become events. ``complete=True`` says the sheet is the whole
    formatie, so posts missing from it are removed. ``duplicates`` says how rows with the
    same unit and title (and no post id) are read: ``"lines"`` — staffing lines of one
    post, whose formatie is the sum of the rows; ``"posts"`` — one post per row.
    """
    if duplicates not in ("lines", "posts"):
        raise ValueError(f"duplicates must be 'lines' or 'posts', not {duplicates!r}")
    errors: list[InputError] = []
    units = _UnitResolver(snapshot)
    posts_by_id = {normalise(pid): p for pid, p in snapshot.posts.items()}

    groups: dict[tuple[Any, ...], _Group] = {}
    ordinals: dict[tuple[str, str], int] = {}
    for row in rows:
        unit_id: str | None = None
        try:
            if row.unit_code and (known := units.by_id(row.unit_code)) is not None:
                unit_id = known.id
            elif row.unit_path:
                unit_id = units.resolve(row.unit_path, row.unit_code)
            elif row.unit_code:
                raise ValueError(f"eenheidscode {row.unit_code!r} bestaat niet op {at.isoformat()} en er is geen pad")
        except ValueError as exc:
            errors.append(row.error("unit_path" if row.unit_path else "unit_code", str(exc)))
            continue
        if row.post_id:
            existing = posts_by_id.get(normalise(row.post_id))
            if unit_id is None and existing is None:
                errors.append(
                    row.error("post_id", f"formatieplaats {row.post_id!r} bestaat niet en de eenheid ontbreekt")
                )
                continue
            key: tuple[Any, ...] = ("id", normalise(row.post_id))
            group = groups.setdefault(
                key,
                _Group(
                    [], unit_id or (existing.unit if existing else ""), post_id=existing.id if existing else row.post_id
                ),
            )
            if unit_id and group.unit != unit_id and group.rows:
                errors.append(row.error("unit_path", f"formatieplaats {row.post_id!r} staat al in een andere eenheid"))
                continue
            if unit_id:
                group.unit = unit_id
            group.rows.append(row)
            continue
        if unit_id is None or not row.title:
            errors.append(row.error("title", "de functie ontbreekt (of een formatieplaats-id)"))
            continue
        title_key = (unit_id, normalise(row.title))
        if duplicates == "posts":
            ordinal = ordinals.get(title_key, 0)
            ordinals[title_key] = ordinal + 1
        else:
            ordinal = 0
        groups.setdefault(("title", *title_key, ordinal), _Group([], unit_id, ordinal)).rows.append(row)

    by_title: dict[tuple[str, str], list[Post]] = {}
    for post in snapshot.posts.values():
        by_title.setdefault((post.unit, normalise(post.title)), []).append(post)
    for found in by_title.values():
        found.sort(key=lambda p: _natural(p.id))

    taken = set(snapshot.posts)
    matched: set[str] = set()
    moves: list[tuple[str, str]] = []
    changes: list[tuple[str, dict[str, Any]]] = []
    additions: list[Post] = []
    for key, group in groups.items():
        first = group.rows[0]
        existing = None
        if key[0] == "id":
            existing = snapshot.posts.get(group.post_id or "")
        else:
            candidates = [p for p in by_title.get((group.unit, key[2]), []) if p.id not in matched]
            if duplicates == "lines" and len(candidates) > 1:
                ids = ", ".join(p.id for p in candidates)
                errors.append(
                    first.error(
                        "title",
                        f"{units.path_of(group.unit)!r} heeft {len(candidates)} formatieplaatsen {first.title!r} ({ids}); "
                        "voeg een kolom met het formatieplaats-id toe, of lees elke regel als eigen plaats (duplicates: posts)",
                    )
                )
                continue
            existing = candidates[0] if candidates else None
        ftes = [r.fte for r in group.rows if r.fte is not None]
        fte = round(sum(ftes), 4) if ftes else None
        title = next((r.title for r in group.rows if r.title), None)
        scale = _scale_of(group.rows)
        staffing_given = any(k in first.columns for k in ("filled_fte", "staffing_kind"))
        lines = _staffing_of(group.rows)
        if existing is None:
            if fte is None:
                errors.append(first.error("fte", "de formatie (fte) ontbreekt voor een nieuwe formatieplaats"))
                continue
            if not title:
                errors.append(first.error("title", "de functie ontbreekt voor een nieuwe formatieplaats"))
                continue
            pid = group.post_id or _new_post_id(group.unit, title, group.ordinal, taken)
            taken.add(pid)
            additions.append(Post(id=pid, unit=group.unit, title=title, fte=fte, scale=scale, staffing=tuple(lines)))
            continue
        matched.add(existing.id)
        if group.unit and group.unit != existing.unit:
            moves.append((existing.id, group.unit))
        diff: dict[str, Any] = {}
        if fte is not None and round(existing.fte, 4) != fte:
            diff["fte"] = fte
        if scale is not None and scale != existing.scale:
            diff["scale"] = scale
        if title and key[0] == "id" and title != existing.title:
            diff["title"] = title
        # Without a person column the names stay as they are; only kinds and FTE are compared.
        with_person = "person" in first.columns
        if staffing_given and _staffing_key(lines, with_person) != _staffing_key(existing.staffing, with_person):
            diff["staffing"] = _keep_details(lines, existing.staffing, with_person)
        if diff:
            changes.append((existing.id, diff))

    task_fields = _task_fields(rows, groups)
    if errors:
        raise InputErrors(errors)

    events: list[Event] = []
    citation = (Citation(source=source),)

    def add(kind: EventType, **values: Any) -> None:
        n = len(events) + 1
        events.append(
            Event(
                id=f"{id_prefix}-{n:03d}",
                type=kind,
                date=FuzzyDate.of_day(at),
                organisation=organisation,
                seq=n,  # the sheet's order; the same-day order is the domain's (domain/order.py)
                citations=citation,
                assumption=False,
                **values,
            )
        )

    for uid in units.new:
        unit = units.units[uid]
        if uid in task_fields:
            unit = Unit(unit.id, unit.name, unit.kind, unit.parent, task_fields=task_fields.pop(uid))
        add(EventType.ESTABLISH, unit=uid, new_unit=unit)
    for pid, target in moves:
        add(EventType.MOVE_POST, post_id=pid, target=target)
    for pid, diff in changes:
        add(EventType.CHANGE_POST, post_id=pid, changes=diff)
    for post in additions:
        add(EventType.ADD_POST, unit=post.unit, post=post)
    if complete:
        for pid in sorted(set(snapshot.posts) - matched, key=_natural):
            add(EventType.REMOVE_POST, post_id=pid, unit=snapshot.posts[pid].unit)
    for uid, shares in sorted(task_fields.items()):
        current = snapshot.units[uid].task_fields
        if sorted((t.code, round(t.share, 4)) for t in current) != sorted((t.code, t.share) for t in shares):
            add(EventType.CHANGE, unit=uid, changes={"task_fields": shares})
    return events


def _new_post_id(unit: str, title: str, ordinal: int, taken: set[str]) -> str:
    base = f"{unit}-{_slug(title)}"
    n = ordinal + 1
    candidate = base if n == 1 else f"{base}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _task_fields(
    rows: list[FormatieRow], groups: dict[tuple[Any, ...], _Group]
) -> dict[str, tuple[TaskFieldShare, ...]]:
    """A unit's task field shares, weighted by the formatie of its rows on each task field."""
    unit_of = {id(r): g.unit for g in groups.values() for r in g.rows}
    weights: dict[str, dict[str, float]] = {}
    counts: dict[str, dict[str, int]] = {}
    for r in rows:
        if r.task_field and id(r) in unit_of:
            uid = unit_of[id(r)]
            weights.setdefault(uid, {}).setdefault(r.task_field, 0.0)
            weights[uid][r.task_field] += r.fte or 0.0
            counts.setdefault(uid, {}).setdefault(r.task_field, 0)
            counts[uid][r.task_field] += 1
    out = {}
    for uid, per_code in weights.items():
        basis: dict[str, float] = (
            per_code if sum(per_code.values()) > 0 else {k: float(v) for k, v in counts[uid].items()}
        )
        total = sum(basis.values())
        out[uid] = tuple(
            TaskFieldShare(code, round(value / total, 4))
            for code, value in sorted(basis.items(), key=lambda kv: _natural(kv[0]))
        )
    return out


# --- describing (the dry run) ------------------------------------------------------------

_WORDS = {
    "nl": {
        "establish": "Nieuwe eenheid {name!r} ({kind}) onder {parent}, id {id}{tasks}",
        "tasks": ", taakvelden {0}",
        "top": "bovenaan",
        "add_post": "Nieuwe formatieplaats {title!r} in {unit}: formatie {fte} fte{scale}{staffing}, id {id}",
        "change_post": "Formatieplaats {post} wijzigen: {what}",
        "remove_post": "Formatieplaats {post} vervalt",
        "move_post": "Formatieplaats {post} gaat naar {unit}",
        "change": "Taakvelden van {unit}: {what}",
        "other": "{type} {id}",
        "scale": ", schaal {0}",
        "staffing": ", bezetting {0}",
        "none": "geen",
        "fte": "formatie {0} fte",
        "scale_to": "schaal {0}",
        "title_to": "functie {0!r}",
        "staffing_to": "bezetting {0}",
    },
    "en": {
        "establish": "New unit {name!r} ({kind}) under {parent}, id {id}{tasks}",
        "tasks": ", task fields {0}",
        "top": "the top",
        "add_post": "New post {title!r} in {unit}: budget {fte} FTE{scale}{staffing}, id {id}",
        "change_post": "Change post {post}: {what}",
        "remove_post": "Post {post} is removed",
        "move_post": "Post {post} moves to {unit}",
        "change": "Task fields of {unit}: {what}",
        "other": "{type} {id}",
        "scale": ", scale {0}",
        "staffing": ", staffing {0}",
        "none": "none",
        "fte": "budget {0} FTE",
        "scale_to": "scale {0}",
        "title_to": "title {0!r}",
        "staffing_to": "staffing {0}",
    },
}


def describe(events: list[Event], lang: str = "nl", snapshot: Snapshot | None = None) -> list[str]:
    """One sentence per event, in Dutch (default) or English: the dry run's report."""
    words = _WORDS["en" if lang == "en" else "nl"]
    lang = "en" if lang == "en" else "nl"
    names: dict[str, str] = {uid: u.name for uid, u in (snapshot.units.items() if snapshot else [])}
    posts: dict[str, str] = {pid: p.title for pid, p in (snapshot.posts.items() if snapshot else [])}
    for e in events:
        if e.new_unit is not None:
            names[e.new_unit.id] = e.new_unit.name
        if e.post is not None:
            posts[e.post.id] = e.post.title

    def unit(uid: str | None) -> str:
        return f"{names[uid]!r} ({uid})" if uid in names else repr(uid)

    def post(pid: str | None) -> str:
        return f"{posts[pid]!r} ({pid})" if pid in posts else repr(pid)

    def staffing(lines: Iterable[Staffing]) -> str:
        parts = [
            f"{STAFFING_LABELS[lang][s.kind]} {_fmt(s.fte, lang)}" + (f" ({s.person})" if s.person else "")
            for s in lines
        ]
        return "; ".join(parts) or words["none"]

    def shares(fields: Iterable[TaskFieldShare]) -> str:
        return ", ".join(f"{t.code} ({_fmt(t.share * 100, lang)}%)" for t in fields)

    out = []
    for e in events:
        if e.type is EventType.ESTABLISH and e.new_unit is not None:
            u = e.new_unit
            out.append(
                words["establish"].format(
                    name=u.name,
                    kind=u.kind,
                    parent=unit(u.parent) if u.parent else words["top"],
                    id=u.id,
                    tasks=words["tasks"].format(shares(u.task_fields)) if u.task_fields else "",
                )
            )
        elif e.type is EventType.ADD_POST and e.post is not None:
            p = e.post
            out.append(
                words["add_post"].format(
                    title=p.title,
                    unit=unit(p.unit),
                    fte=_fmt(p.fte, lang),
                    id=p.id,
                    scale=words["scale"].format(p.scale) if p.scale else "",
                    staffing=words["staffing"].format(staffing(p.staffing)) if p.staffing else "",
                )
            )
        elif e.type is EventType.CHANGE_POST:
            what = []
            for k, v in e.changes.items():
                if k == "fte":
                    what.append(words["fte"].format(_fmt(v, lang)))
                elif k == "staffing":
                    what.append(words["staffing_to"].format(staffing(v)))
                elif k in ("scale", "title"):
                    what.append(words[f"{k}_to"].format(v))
                else:
                    what.append(f"{k} {v}")
            out.append(words["change_post"].format(post=post(e.post_id), what=", ".join(what)))
        elif e.type is EventType.REMOVE_POST:
            out.append(words["remove_post"].format(post=post(e.post_id)))
        elif e.type is EventType.MOVE_POST:
            out.append(words["move_post"].format(post=post(e.post_id), unit=unit(e.target)))
        elif e.type is EventType.CHANGE and "task_fields" in e.changes:
            out.append(words["change"].format(unit=unit(e.unit), what=shares(e.changes["task_fields"])))
        else:
            out.append(words["other"].format(type=e.type.value, id=e.id))
    return out
