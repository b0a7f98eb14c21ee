"""CBS municipalities: the historical classification (NLExtract XML) and the CBS table (xlsx/csv).

Both readers produce :class:`MunicipalityPeriod` values: one municipality under one name in one
province for a half-open interval ``[begin, end)``. In the XML ``einddatum`` is the first day
on which the municipality no longer exists: the successor of a merger has ``begindatum`` equal
to the ``einddatum`` of the municipalities it replaces, and only the exclusive reading gives the
published CBS count on 1 January (see docs/cbs.md).

Every problem in an input becomes an :class:`InputError`; a reader either returns everything
or raises :class:`InputErrors` and returns nothing.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl, Locator

import defusedxml.sax
from defusedxml import DefusedXmlException

from raadhuis.canonical.errors import InputError, InputErrors

NAMESPACE = "http://nlextract.nl"
MAX_ERRORS = 50  # after this many, more messages about the same broken file help nobody


@dataclass(frozen=True)
class MunicipalityPeriod:
    """One municipality under one name in one province, valid on ``begin <= day < end``."""

    code: str  # "GM0168"
    name: str
    province_code: str  # "PV23"
    province_name: str
    begin: date
    end: date | None  # exclusive: the first day it no longer exists in this form; None = still exists

    def valid_on(self, day: date) -> bool:
        return self.begin <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class CbsClassification:
    """The periods of an XML file and the years (editions, ``indeling jaar``) it covers."""

    periods: list[MunicipalityPeriod]
    years: list[int]


def municipality_code(number: int) -> str:
    return f"GM{number:04d}"


def province_code(number: int) -> str:
    return f"PV{number:02d}"


# --- XML ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Observation:
    """One ``gemeente`` element in one yearly edition."""

    year: int
    code: str
    name: str
    province_code: str
    province_name: str
    begin: date
    end: date | None
    line: int


_PARENT: dict[str, str | None] = {
    "gemeentelijke_indeling": None,
    "indeling": "gemeentelijke_indeling",
    "provincie": "indeling",
    "gemeente": "provincie",
}


class _WrongDocument(Exception):
    """The root element shows that this is not a CBS classification file."""


_INTEGER = re.compile(r"\s*\d+\s*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Handler(ContentHandler):
    def __init__(self, file: str) -> None:
        super().__init__()
        self.file = file
        self.errors: list[InputError] = []
        self.observations: list[_Observation] = []
        self.years: list[int] = []
        self._locator: Locator | None = None
        self._stack: list[str] = []
        self._year: int | None = None
        self._province: tuple[str, str] | None = None
        self._dates: dict[str, date] = {}  # the file repeats a few hundred distinct dates many times

    def setDocumentLocator(self, locator: Locator) -> None:  # noqa: N802 - SAX API name
        self._locator = locator

    def _line(self) -> int | None:
        return self._locator.getLineNumber() if self._locator is not None else None

    def _error(self, field: str, message: str) -> None:
        self.errors.append(InputError(self.file, self._line(), field, message))

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl) -> None:  # noqa: N802
        uri, local = name
        parent = self._stack[-1] if self._stack else None
        self._stack.append(local)
        if uri != NAMESPACE or local not in _PARENT:
            found = f"<{local}> zonder namespace" if uri is None else f"<{local}> in namespace {uri}"
            self._error(
                local, f"onverwacht element {found}; verwacht <gemeentelijke_indeling> in namespace {NAMESPACE}"
            )
            if parent is None:
                raise _WrongDocument  # a different kind of file: one message says it all
            return
        if _PARENT[local] != parent:
            expected = f"binnen <{_PARENT[local]}>" if _PARENT[local] else "als hoofdelement"
            self._error(local, f"<{local}> staat {expected} verwacht, niet binnen <{parent}>")
            return
        values = {key[1]: value for key, value in attrs.items() if key[0] is None}
        if local == "indeling":
            self._year = self._integer(values, "indeling", "jaar", low=1800, high=2200)
            if self._year is not None:
                self.years.append(self._year)
        elif local == "provincie":
            number = self._integer(values, "provincie", "code", low=1, high=99)
            naam = self._text(values, "provincie", "naam")
            self._province = (province_code(number), naam) if number is not None and naam is not None else None
        elif local == "gemeente":
            self._gemeente(values)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        self._stack.pop()

    def _gemeente(self, values: dict[str, str]) -> None:
        number = self._integer(values, "gemeente", "code", low=1, high=9999)
        naam = self._text(values, "gemeente", "naam")
        begin = self._date(values, "gemeente", "begindatum", required=True)
        end = self._date(values, "gemeente", "einddatum", required=False)
        if begin is not None and end is not None and end <= begin:
            self._error("gemeente@einddatum", f"einddatum {end} moet na begindatum {begin} liggen")
            return
        if number is None or naam is None or begin is None or self._year is None or self._province is None:
            return  # the cause has been reported already
        self.observations.append(
            _Observation(self._year, municipality_code(number), naam, *self._province, begin, end, self._line() or 0)
        )

    def _integer(self, values: dict[str, str], element: str, attribute: str, low: int, high: int) -> int | None:
        raw = values.get(attribute)
        if raw is None:
            self._error(f"{element}@{attribute}", "verplicht attribuut ontbreekt; verwacht een geheel getal")
            return None
        if not _INTEGER.fullmatch(raw) or not low <= int(raw) <= high:
            self._error(
                f"{element}@{attribute}", f"verwacht een geheel getal van {low} tot en met {high}, gevonden {raw!r}"
            )
            return None
        return int(raw)

    def _text(self, values: dict[str, str], element: str, attribute: str) -> str | None:
        raw = values.get(attribute, "").strip()
        if not raw:
            self._error(f"{element}@{attribute}", "verwacht een niet-lege naam")
            return None
        return raw

    def _date(self, values: dict[str, str], element: str, attribute: str, required: bool) -> date | None:
        raw = values.get(attribute)
        if raw is None:
            if required:
                self._error(f"{element}@{attribute}", "verplicht attribuut ontbreekt; verwacht een datum JJJJ-MM-DD")
            return None
        known = self._dates.get(raw)
        if known is not None:
            return known
        try:
            if not _ISO_DATE.fullmatch(raw):
                raise ValueError(raw)
            parsed = self._dates[raw] = date.fromisoformat(raw)
            return parsed
        except ValueError:
            self._error(f"{element}@{attribute}", f"verwacht een datum JJJJ-MM-DD, gevonden {raw!r}")
            return None


def load_cbs_xml(path: str | Path) -> CbsClassification:
    """Read the NLExtract/CBS gemeentelijke-indeling XML into periods, plus the years it covers."""
    file = str(path)
    handler = _Handler(file)
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        parser.parse(file)
    except _WrongDocument:
        pass
    except SAXParseException as exc:
        handler.errors.append(InputError(file, exc.getLineNumber(), "xml", f"geen geldige XML: {exc.getMessage()}"))
    except DefusedXmlException as exc:
        handler.errors.append(InputError(file, handler._line(), "xml", f"geweigerd om veiligheidsredenen: {exc}"))
    except OSError as exc:
        raise InputErrors([InputError(file, None, "bestand", f"kan niet gelezen worden: {exc.strerror}")]) from exc
    if not handler.errors and not handler.observations:
        handler.errors.append(InputError(file, None, "gemeente", "verwacht ten minste één <gemeente>"))
    periods = _periods(file, handler.observations, handler.errors) if not handler.errors else []
    if handler.errors:
        raise InputErrors(handler.errors[:MAX_ERRORS])
    return CbsClassification(periods, sorted(set(handler.years)))


def read_cbs_xml(path: str | Path) -> list[MunicipalityPeriod]:
    """The municipality periods of the XML, sorted by code and begin date."""
    return load_cbs_xml(path).periods


def _periods(file: str, observations: list[_Observation], errors: list[InputError]) -> list[MunicipalityPeriod]:
    """Merge the yearly observations into periods.

    Observations with the same code and ``begindatum`` are one existence of a municipality
    (``einddatum`` is only filled in in the last editions). Within it, a change of name or
    province takes effect on 1 January of the first edition that shows it: the source gives
    no other date for it.
    """
    existences: dict[tuple[str, date], list[_Observation]] = defaultdict(list)
    for obs in observations:
        existences[(obs.code, obs.begin)].append(obs)

    periods: list[MunicipalityPeriod] = []
    for (code, begin), group in existences.items():
        group.sort(key=lambda o: o.year)
        ends = {o.end for o in group if o.end is not None}
        if len(ends) > 1:
            last = max(group, key=lambda o: o.line)
            errors.append(
                InputError(
                    file,
                    last.line,
                    "gemeente@einddatum",
                    f"{code} (begindatum {begin}) heeft verschillende einddatums: {', '.join(sorted(map(str, ends)))}",
                )
            )
            continue
        end = ends.pop() if ends else None
        runs: list[list[_Observation]] = []
        for obs in group:
            if runs and _form(runs[-1][-1]) == _form(obs):
                runs[-1].append(obs)
            else:
                runs.append([obs])
        start = begin
        for index, run in enumerate(runs):
            first = run[0]
            run_end = date(runs[index + 1][0].year, 1, 1) if index + 1 < len(runs) else end
            if run_end is not None and run_end <= start:
                errors.append(
                    InputError(
                        file,
                        first.line,
                        "gemeente@naam",
                        f"{code}: naam of provincie wijzigt in editie {runs[index + 1][0].year if index + 1 < len(runs) else first.year}, "
                        f"verwacht na het begin ({start}) en vóór het einde ({end}) van de gemeente",
                    )
                )
                break
            periods.append(
                MunicipalityPeriod(code, first.name, first.province_code, first.province_name, start, run_end)
            )
            if run_end is not None:
                start = run_end

    periods.sort(key=lambda p: (p.code, p.begin))
    for before, after in zip(periods, periods[1:], strict=False):
        if before.code == after.code and (before.end is None or before.end > after.begin):
            line = min((o.line for o in observations if o.code == after.code and o.begin == after.begin), default=None)
            errors.append(
                InputError(
                    file,
                    line,
                    "gemeente@begindatum",
                    f"{after.code} begint op {after.begin} terwijl dezelfde code nog geldig is "
                    f"van {before.begin} tot {before.end or 'heden'}; verwacht niet-overlappende perioden",
                )
            )
    return periods


def _form(obs: _Observation) -> tuple[str, str, str]:
    return (obs.name, obs.province_code, obs.province_name)


# --- CBS table (xlsx / csv) --------------------------------------------------------------------

COLUMNS = ("Gemeentecode", "GemeentecodeGM", "Gemeentenaam", "Provinciecode", "ProvinciecodePV", "Provincienaam")


@dataclass(frozen=True)
class _Cell:
    row: int
    column: str  # spreadsheet letter, or the header name for csv
    value: Any


def read_cbs_table(path: str | Path, valid_on: date) -> list[MunicipalityPeriod]:
    """Read a CBS municipality list (xlsx or csv) that is valid on ``valid_on``.

    The table says nothing about before or after that day: every period begins on
    ``valid_on`` and is open-ended. Columns are found by header name (case-insensitive); the
    numeric and prefixed code columns may each be absent, but not both, and must agree when
    both are present.
    """
    file = str(path)
    suffix = Path(file).suffix.lower()
    if suffix == ".xlsx":
        sheet, rows = _xlsx_rows(file)
    elif suffix in (".csv", ".txt"):
        sheet, rows = None, _csv_rows(file)
    else:
        raise InputErrors(
            [InputError(file, None, "bestand", f"verwacht een .xlsx- of .csv-bestand, gevonden {suffix!r}")]
        )
    table = _Table(file, sheet)
    periods = table.periods(rows, valid_on)
    if table.errors:
        raise InputErrors(table.errors[:MAX_ERRORS])
    return periods


def _xlsx_rows(file: str) -> tuple[str, list[list[_Cell]]]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputErrors([InputError(file, None, "bestand", f"verwacht een Excel-werkmap (.xlsx): {exc}")]) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [
            [_Cell(r, get_column_letter(c), value) for c, value in enumerate(values, start=1)]
            for r, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
        return sheet.title, rows
    finally:
        workbook.close()


def _csv_rows(file: str) -> list[list[_Cell]]:
    try:
        with open(file, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        raise InputErrors([InputError(file, None, "bestand", f"verwacht tekst in UTF-8: {exc.reason}")]) from exc
    except OSError as exc:
        raise InputErrors([InputError(file, None, "bestand", f"kan niet gelezen worden: {exc.strerror}")]) from exc
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    raw_rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    names = [name.strip() for name in raw_rows[0]] if raw_rows else []
    return [
        [_Cell(r, names[c] if c < len(names) and names[c] else str(c + 1), value) for c, value in enumerate(values)]
        for r, values in enumerate(raw_rows, start=1)
    ]


class _Table:
    """Checks the rows of one CBS table and turns them into periods, collecting every error."""

    def __init__(self, file: str, sheet: str | None) -> None:
        self.file = file
        self.sheet = sheet
        self.errors: list[InputError] = []
        self.where: dict[str, int] = {}  # column name -> index in a row
        self.header: list[_Cell] = []

    def error(self, cell: _Cell | None, row: int, field: str, message: str) -> None:
        column = cell.column if cell is not None else None
        self.errors.append(InputError(self.file, row, field, message, sheet=self.sheet, column=column))

    def cell(self, row: Sequence[_Cell], name: str) -> _Cell | None:
        """The cell of column ``name`` in ``row``; None when the table has no such column."""
        index = self.where.get(name)
        if index is None:
            return None
        return row[index] if index < len(row) else _Cell(row[0].row, self.header[index].column, None)

    def periods(self, rows: list[list[_Cell]], valid_on: date) -> list[MunicipalityPeriod]:
        header_index = next((i for i, row in enumerate(rows) if any(_text(c.value) for c in row)), None)
        if header_index is None:
            self.error(
                None, 1, "kop", f"verwacht een kopregel met de kolommen {', '.join(COLUMNS)}; het bestand is leeg"
            )
            return []
        self.header = rows[header_index]
        for index, cell in enumerate(self.header):
            for name in COLUMNS:
                if _text(cell.value).casefold() == name.casefold():
                    self.where[name] = index
        header_row = self.header[0].row
        for alternatives in _NEEDED:
            if not any(name in self.where for name in alternatives):
                wanted = " of ".join(alternatives)
                self.error(None, header_row, wanted, f"kolom ontbreekt in de kopregel; verwacht {wanted}")
        if self.errors:
            return []

        periods: list[MunicipalityPeriod] = []
        seen: dict[str, int] = {}
        for row in rows[header_index + 1 :]:
            if not any(_text(c.value) for c in row):
                continue
            period = self.period(row, valid_on)
            if period is None:
                continue
            if period.code in seen:
                where = self.cell(row, "GemeentecodeGM") or self.cell(row, "Gemeentecode")
                message = f"{period.code} staat al in rij {seen[period.code]}; verwacht elke gemeente één keer"
                self.error(where, row[0].row, "Gemeentecode", message)
                continue
            seen[period.code] = row[0].row
            periods.append(period)
        if not self.errors and not periods:
            self.error(None, header_row + 1, "Gemeentecode", "verwacht ten minste één gemeente onder de kopregel")
        return sorted(periods, key=lambda p: p.code)

    def period(self, row: Sequence[_Cell], valid_on: date) -> MunicipalityPeriod | None:
        before = len(self.errors)
        gm = self.code(row, "Gemeentecode", "GM", 4)
        pv = self.code(row, "Provinciecode", "PV", 2)
        names: dict[str, str] = {}
        for name in ("Gemeentenaam", "Provincienaam"):
            cell = self.cell(row, name)
            names[name] = _text(cell.value if cell is not None else None)
            if not names[name]:
                self.error(cell, row[0].row, name, "verwacht een niet-lege naam")
        if len(self.errors) > before or gm is None or pv is None:
            return None
        return MunicipalityPeriod(gm, names["Gemeentenaam"], pv, names["Provincienaam"], valid_on, None)

    def code(self, row: Sequence[_Cell], numeric_name: str, prefix: str, width: int) -> str | None:
        """The code as ``GM0168``/``PV23`` from the numeric or the prefixed column; both must agree."""
        prefixed_name = numeric_name + prefix
        found: list[tuple[str, _Cell]] = []
        numeric = self.cell(row, numeric_name)
        if numeric is not None:
            raw = _text(numeric.value)
            if not re.fullmatch(rf"\d{{1,{width}}}", raw) or int(raw) == 0:
                self.error(
                    numeric,
                    numeric.row,
                    numeric_name,
                    f"verwacht een getal van 1 tot {width} cijfers, gevonden {raw!r}",
                )
                return None
            found.append((f"{prefix}{int(raw):0{width}d}", numeric))
        prefixed = self.cell(row, prefixed_name)
        if prefixed is not None:
            raw = _text(prefixed.value)
            if not re.fullmatch(rf"(?i){prefix}\d{{{width}}}", raw) or int(raw[2:]) == 0:
                message = f"verwacht {prefix} gevolgd door {width} cijfers, gevonden {raw!r}"
                self.error(prefixed, prefixed.row, prefixed_name, message)
                return None
            found.append((raw.upper(), prefixed))
        if len(found) == 2 and found[0][0] != found[1][0]:
            message = f"{found[1][0]} past niet bij {numeric_name} {found[0][0]}; verwacht dezelfde code"
            self.error(found[1][1], found[1][1].row, prefixed_name, message)
            return None
        return found[0][0] if found else None


_NEEDED = (
    ("Gemeentecode", "GemeentecodeGM"),
    ("Gemeentenaam",),
    ("Provinciecode", "ProvinciecodePV"),
    ("Provincienaam",),
)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- Queries -----------------------------------------------------------------------------------


# The province has been officially called Fryslân since 1997; CBS files use either name.
_PROVINCE_ALIASES = {"fryslan": "friesland"}


def _fold(text: str) -> str:
    """Case- and accent-insensitive form, so that 'fryslan' finds 'Fryslân'."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return _PROVINCE_ALIASES.get(folded, folded)


class UnknownProvince(ValueError):
    def __init__(self, province: str, known: Iterable[str]) -> None:
        self.province = province
        self.known = sorted(set(known))
        super().__init__(f"onbekende provincie {province!r}; verwacht een van: {', '.join(self.known)}")


def _province_matcher(periods: Sequence[MunicipalityPeriod], province: str) -> set[str]:
    """The province codes meant by a name ('Overijssel'), a code ('PV23') or a number ('23')."""
    wanted = province.strip()
    if re.fullmatch(r"(?i)(pv)?\d{1,2}", wanted):
        code = province_code(int(wanted[2:] if wanted[:2].upper() == "PV" else wanted))
        codes = {p.province_code for p in periods if p.province_code == code}
    else:
        codes = {p.province_code for p in periods if _fold(p.province_name) == _fold(wanted)}
    if not codes:
        raise UnknownProvince(province, (p.province_name for p in periods))
    return codes


def municipalities_at(
    periods: Sequence[MunicipalityPeriod], day: date, province: str | None = None
) -> list[MunicipalityPeriod]:
    """The municipalities that exist on ``day``, optionally in one province, sorted by code.

    Raises :class:`UnknownProvince` when ``province`` matches no province in ``periods``.
    """
    codes = _province_matcher(periods, province) if province is not None else None
    found = [p for p in periods if p.valid_on(day) and (codes is None or p.province_code in codes)]
    return sorted(found, key=lambda p: p.code)


def count_by_year(periods: Sequence[MunicipalityPeriod], years: Iterable[int] | None = None) -> dict[int, int]:
    """The number of municipalities on 1 January of each year.

    Without ``years``: every year from the first 1 January on or after the earliest begin up to
    the last year in which something begins or ends. Counts for years before a source's first
    edition only include municipalities that still existed then, so for the XML pass
    ``CbsClassification.years``.
    """
    if years is None:
        years = _default_years(periods)
    return {year: sum(1 for p in periods if p.valid_on(date(year, 1, 1))) for year in years}


def _default_years(periods: Sequence[MunicipalityPeriod]) -> Iterator[int]:
    if not periods:
        return iter(())
    earliest = min(p.begin for p in periods)
    first = earliest.year if (earliest.month, earliest.day) == (1, 1) else earliest.year + 1
    last = max(max(p.begin.year for p in periods), max((p.end.year for p in periods if p.end), default=0))
    return iter(range(first, last + 1))
