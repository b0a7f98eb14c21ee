"""Salary tables: monthly amounts per scale and step (periodiek), valid from a day.

A post carries its salary scale (``Post.scale``, e.g. ``"11"``); a salary table gives the monthly
amount for each (scale, step). Where the post does not say its step — the register keeps a scale,
not who is on which step — a **step rule** chooses one, and the figure says so (an assumption):

* ``maximum`` (default): the scale's highest step. Formation budgets are commonly reckoned at the
  maximum of the scale, so a budget does not fall short when staff move up.
* ``middle``: the middle step (the lower of two when the count is even).
* ``minimum``: step 0.

A scale written as ``"11/7"`` names scale 11, step 7: then no rule is needed.

Pure: no I/O, mypy strict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Citation

STEP_RULES = ("maximum", "middle", "minimum")
DEFAULT_STEP_RULE = "maximum"

_SCALE = re.compile(r"^\s*(?:schaal\s+)?(\d{1,2}[a-z]?)\s*(?:[/.]\s*(\d{1,2}))?\s*$", re.IGNORECASE)

Where = tuple[str | int, ...]


def parse_scale(text: str | None) -> tuple[str, int | None] | None:
    """``"11"`` → ("11", None); ``"schaal 10a"`` → ("10A", None); ``"11/7"`` → ("11", 7); else None."""
    if text is None:
        return None
    m = _SCALE.match(str(text))
    if m is None:
        return None
    return m.group(1).upper(), int(m.group(2)) if m.group(2) is not None else None


@dataclass(frozen=True)
class SalaryRow:
    scale: str
    step: int
    monthly: float  # gross per month at full time (1 FTE)


@dataclass(frozen=True)
class SalaryTable:
    id: str
    name: str
    valid_from: FuzzyDate
    rows: tuple[SalaryRow, ...]
    currency: str = "EUR"
    charges: float | None = None  # employer's charges as a percentage of salary (e.g. 40.0), if the table says
    charges_assumption: bool | str = False  # why that percentage (it is rarely a sourced figure)
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False  # true or why: an illustrative table says so here

    def amounts(self) -> dict[tuple[str, int], float]:
        return {(r.scale, r.step): r.monthly for r in self.rows}

    def steps(self, scale: str) -> list[int]:
        return sorted(r.step for r in self.rows if r.scale == scale)

    def scales(self) -> list[str]:
        return sorted({r.scale for r in self.rows}, key=_scale_order)


def _scale_order(scale: str) -> tuple[int, str]:
    digits = "".join(ch for ch in scale if ch.isdigit())
    return (int(digits) if digits else 0, scale)


def rule_step(steps: list[int], rule: str) -> int:
    """The step a rule picks among a scale's steps (sorted)."""
    if rule == "minimum":
        return steps[0]
    if rule == "middle":
        return steps[(len(steps) - 1) // 2]
    return steps[-1]


def table_on(tables: Iterable[SalaryTable], day: date) -> tuple[SalaryTable | None, bool]:
    """The table valid on ``day`` (the latest that started on or before it); when none started
    yet, the earliest one, with ``True`` (a price level later than the day: the caller marks it)."""
    known = sorted(tables, key=lambda t: (t.valid_from.effective, t.id))
    valid = [t for t in known if t.valid_from.effective <= day]
    if valid:
        return valid[-1], False
    return (known[0], True) if known else (None, False)


def problems(table: SalaryTable) -> list[tuple[Where, str]]:
    out: list[tuple[Where, str]] = []
    seen: dict[tuple[str, int], int] = {}
    for i, r in enumerate(table.rows):
        key = (r.scale, r.step)
        if key in seen:
            out.append((("rows", i), f"scale {r.scale} step {r.step} is given twice (also at rows[{seen[key]}])"))
        seen.setdefault(key, i)
        if r.monthly <= 0:
            out.append((("rows", i, "monthly"), f"expected a monthly amount above 0, got {r.monthly:g}"))
        if r.step < 0:
            out.append((("rows", i, "step"), f"expected a step of at least 0, got {r.step}"))
    if not table.rows:
        out.append((("rows",), "expected at least one row (scale, step, monthly amount)"))
    if table.charges is not None and not 0 <= table.charges <= 200:
        out.append((("charges",), f"expected a percentage between 0 and 200, got {table.charges:g}"))
    return out
