"""Yearly figures, demand per task field, and peer reference figures: checks and readers.

Two dataset ``extensions`` sections (checked when a dataset is imported, so a bad figure names
its file, line and field and nothing is written):

``figures``: one entry per organisation and year::

    - {organisation: GM0168, year: 2017, inhabitants: 22500, formatie_fte: 160.5,
       bezetting_fte: 150.2, apparaatskosten: 14000000, wage_bill: 10500000,
       external_hire: 1200000, overhead: 7000000, total_expenses: 65000000,
       sources: [{source: jaarrekening-2017, page: "12"}]}

``demand``: what a task field asks, in FTE or as a norm per 1,000 inhabitants::

    - {organisation: GM0168, task_field: "6.1", norm_per_1000: 0.9, assumption: "VNG-kental"}

Peer figures come from a CSV file ``cbs_code;year;indicator;value`` (``read_peer_csv``); the
indicator is a BBV key (see :mod:`raadhuis.reference.bbv_indicators`) or ``inwoners``.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.paths import Path
from raadhuis.reference.bbv_indicators import KEYS

Errors = list[tuple[Path, str]]

AMOUNT_FIELDS = (
    "formatie_fte",
    "bezetting_fte",
    "apparaatskosten",
    "wage_bill",
    "external_hire",
    "overhead",
    "total_expenses",
)
FIGURE_FIELDS = frozenset({"organisation", "year", "inhabitants", *AMOUNT_FIELDS, "sources", "assumption"})
DEMAND_FIELDS = frozenset({"organisation", "task_field", "fte", "norm_per_1000", "sources", "assumption"})
INHABITANTS = "inwoners"  # the peer indicator that places a peer in a size class
PEER_INDICATORS = (*KEYS, INHABITANTS)
PEER_COLUMNS = ("cbs_code", "year", "indicator", "value")
MIN_YEAR, MAX_YEAR = 1800, 2200


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_year(value: Any, path: Path, errors: Errors) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        errors.append((path, f"expected the year as a whole number such as 2017, got {value!r}"))
    elif not MIN_YEAR <= value <= MAX_YEAR:
        errors.append((path, f"expected a year between {MIN_YEAR} and {MAX_YEAR}, got {value}"))


def _check_sources(entry: dict[str, Any], path: Path, errors: Errors) -> None:
    raw = entry.get("sources")
    if raw is not None:
        if not isinstance(raw, list):
            errors.append(((*path, "sources"), "expected a list of citations ({source: id, page?, quote?})"))
        else:
            for j, cit in enumerate(raw):
                ok = isinstance(cit, str) or (isinstance(cit, dict) and isinstance(cit.get("source"), str))
                if not ok:
                    errors.append(((*path, "sources", j), "expected a source id or {source: id, page?, quote?}"))
    assumption = entry.get("assumption")
    if assumption is not None and not isinstance(assumption, str | bool):
        errors.append(((*path, "assumption"), "expected a text saying what is assumed (or true)"))


def _entries(value: Any, path: Path, errors: Errors, what: str) -> list[tuple[Path, dict[str, Any]]]:
    if not isinstance(value, list):
        errors.append((path, f"expected a list of {what}, got {type(value).__name__}"))
        return []
    out = []
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            errors.append(((*path, i), f"expected one {what[:-1] if what.endswith('s') else what} as a mapping"))
            continue
        out.append(((*path, i), entry))
    return out


def check_figures(value: Any, path: Path) -> Errors:
    """Errors in a ``figures`` section: unknown fields, negative or non-numeric amounts, bad years."""
    errors: Errors = []
    seen: dict[tuple[str, int], Path] = {}
    for p, entry in _entries(value, path, errors, "yearly figures"):
        for key in sorted(set(entry) - FIGURE_FIELDS):
            errors.append(((*p, key), f"unknown figure {key!r}; expected one of: {', '.join(sorted(FIGURE_FIELDS))}"))
        org = entry.get("organisation")
        if not isinstance(org, str) or not org.strip():
            errors.append(((*p, "organisation"), "expected the organisation id (e.g. GM0168)"))
        if "year" not in entry:
            errors.append(((*p, "year"), "the year is missing"))
        else:
            _check_year(entry["year"], (*p, "year"), errors)
        inh = entry.get("inhabitants")
        if inh is not None:
            if not isinstance(inh, int) or isinstance(inh, bool):
                errors.append(((*p, "inhabitants"), f"expected a whole number of inhabitants, got {inh!r}"))
            elif inh < 0:
                errors.append(((*p, "inhabitants"), f"inhabitants cannot be negative, got {inh}"))
        for key in AMOUNT_FIELDS:
            v = entry.get(key)
            if v is None:
                continue
            if not _is_number(v):
                errors.append(((*p, key), f"expected a number, got {v!r}"))
            elif v < 0:
                errors.append(((*p, key), f"cannot be negative, got {v}"))
        _check_sources(entry, p, errors)
        if isinstance(org, str) and isinstance(entry.get("year"), int):
            k = (org, entry["year"])
            if k in seen:
                errors.append(((*p, "year"), f"{org} has figures for {k[1]} twice (also at {_show(seen[k])})"))
            seen.setdefault(k, p)
    return errors


def check_demand(value: Any, path: Path) -> Errors:
    """Errors in a ``demand`` section: each entry has a task field and exactly one of fte / norm."""
    errors: Errors = []
    for p, entry in _entries(value, path, errors, "demand entries"):
        for key in sorted(set(entry) - DEMAND_FIELDS):
            errors.append(((*p, key), f"unknown field {key!r}; expected one of: {', '.join(sorted(DEMAND_FIELDS))}"))
        if not isinstance(entry.get("organisation"), str) or not entry["organisation"].strip():
            errors.append(((*p, "organisation"), "expected the organisation id (e.g. GM0168)"))
        code = entry.get("task_field")
        if not isinstance(code, str) or not re.fullmatch(r"\d\.\d+[a-z]?", code.strip()):
            errors.append(((*p, "task_field"), f'expected a BBV task field code as text such as "6.1", got {code!r}'))
        given = [k for k in ("fte", "norm_per_1000") if entry.get(k) is not None]
        if len(given) != 1:
            errors.append((p, "expected exactly one of 'fte' or 'norm_per_1000'"))
        for k in given:
            v = entry[k]
            if not _is_number(v) or v < 0:
                errors.append(((*p, k), f"expected a number of at least 0, got {v!r}"))
        _check_sources(entry, p, errors)
    return errors


def _show(path: Path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


# --- peer figures from CSV -------------------------------------------------------------


@dataclass(frozen=True)
class PeerFigure:
    cbs_code: str
    year: int
    indicator: str
    value: float
    line: int

    @property
    def key(self) -> str:
        return f"{self.cbs_code}:{self.year}:{self.indicator}"

    def to_dict(self) -> dict[str, Any]:
        return {"cbs_code": self.cbs_code, "year": self.year, "indicator": self.indicator, "value": self.value}


def cbs_code(text: str) -> str | None:
    """GM0168, 0168 or 168 → GM0168; None when it is not a municipality code."""
    t = text.strip().upper()
    digits = t[2:] if t.startswith("GM") else t
    return f"GM{int(digits):04d}" if digits.isdigit() and len(digits) <= 4 else None


def parse_number(text: str) -> float | None:
    """A number as Dutch or English text: 12,5 / 1.234,5 / 12.5. None when it is not one."""
    t = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in t and "." in t:
        t = t.replace(".", "").replace(",", ".")  # Dutch thousands separator with a decimal comma
    elif "," in t:
        t = t.replace(",", ".")
    try:
        value = float(t)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_peer_csv(text: str, file: str) -> list[PeerFigure]:
    """Rows ``cbs_code;year;indicator;value`` (a header line with those names is optional).

    Raises :class:`InputErrors` naming file, line and column for every bad cell.
    """
    errors: list[InputError] = []
    out: list[PeerFigure] = []
    seen: dict[str, int] = {}
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text), delimiter=";")
    for line_no, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if line_no == 1 and [c.lower() for c in cells[:4]] == list(PEER_COLUMNS):
            continue

        def err(col: int, message: str, _line: int = line_no) -> None:
            errors.append(InputError(file, _line, PEER_COLUMNS[col], message, column=str(col + 1)))

        if len(cells) != 4:
            errors.append(
                InputError(
                    file,
                    line_no,
                    "(regel)",
                    f"expected 4 columns separated by ';' ({';'.join(PEER_COLUMNS)}), found {len(cells)}",
                )
            )
            continue
        code = cbs_code(cells[0])
        if code is None:
            err(0, f"expected a CBS municipality code such as GM0168, got {cells[0]!r}")
        year = int(cells[1]) if cells[1].isdigit() else None
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            err(1, f"expected a year as a whole number such as 2021, got {cells[1]!r}")
        ind = cells[2].lower()
        if ind not in PEER_INDICATORS:
            err(2, f"unknown indicator {cells[2]!r}; expected one of: {', '.join(PEER_INDICATORS)}")
        value = parse_number(cells[3])
        if value is None:
            err(3, f"expected a number (decimal comma or point), got {cells[3]!r}")
        elif value < 0:
            err(3, f"cannot be negative, got {cells[3]!r}")
        if code is None or year is None or ind not in PEER_INDICATORS or value is None or value < 0:
            continue
        fig = PeerFigure(code, year, ind, value, line_no)
        if fig.key in seen:
            err(2, f"{code} {year} {ind} appears twice (also on line {seen[fig.key]})")
            continue
        seen[fig.key] = line_no
        out.append(fig)
    if errors:
        raise InputErrors(errors)
    if not out:
        raise InputErrors(
            [InputError(file, None, "(file)", "no peer figures found; expected cbs_code;year;indicator;value")]
        )
    return out


def entries_of(section: Any, organisation: str) -> Iterable[dict[str, Any]]:
    """The entries of a stored list section that belong to one organisation."""
    if not isinstance(section, list):
        return []
    return [e for e in section if isinstance(e, dict) and e.get("organisation") == organisation]
