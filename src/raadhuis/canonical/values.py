"""Decoding the small values every record has: dates, citations, assumptions, enum members.

Shared by the core decoder (decode.py) and the sections (studies, programmes, …), so a date, a
citation or an assumption means the same in every part of a dataset.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from raadhuis.canonical.paths import Errors, Path
from raadhuis.domain.dates import DateError, FuzzyDate
from raadhuis.domain.model import Citation


@lru_cache(maxsize=8192)
def _parse_text(value: str) -> FuzzyDate:
    # A national dataset repeats a few thousand date texts hundreds of thousands of times;
    # FuzzyDate is immutable, so one parse per text is enough.
    return FuzzyDate.parse(value)


def fuzzy_date(value: Any) -> FuzzyDate:
    """A date as a source gives it (any precision); raises DateError."""
    return _parse_text(value) if type(value) is str else FuzzyDate.parse(value)


def date_at(value: Any, path: Path, errors: Errors) -> FuzzyDate | None:
    """``fuzzy_date``, with a failure added to ``errors`` at ``path`` instead of raised."""
    try:
        return fuzzy_date(value)
    except DateError as exc:
        errors.append((path, str(exc)))
        return None


def citations(raw: dict[str, Any]) -> tuple[Citation, ...]:
    """The ``sources`` of a record: ids, or mappings with source, page and quote."""
    out = []
    for c in raw.get("sources", []) or []:
        if isinstance(c, str):
            out.append(Citation(c))
        else:
            page = c.get("page")
            out.append(Citation(c["source"], str(page) if page is not None else None, c.get("quote")))
    return tuple(out)


def citations_out(items: tuple[Citation, ...]) -> list[dict[str, Any]]:
    return [c.to_dict() for c in items]


def assumption(raw: dict[str, Any]) -> bool | str:
    """``true``, or the text that says what is assumed and why (kept, not reduced to true)."""
    value = raw.get("assumption", False)
    if isinstance(value, str):
        return value.strip() or False
    return bool(value)


def member(enum: Any, value: Any) -> Any:
    """The enum member for ``value``; unknown values raise the Enum's ValueError.

    A dictionary lookup: calling an Enum class costs several times more, per field of hundreds
    of thousands of rows."""
    found = enum._value2member_map_.get(value) if isinstance(value, str) else None
    return found if found is not None else enum(value)


def finite(value: Any, path: Path, errors: Errors, minimum: float | None = 0.0) -> float | None:
    """A finite number (not NaN or infinity), at least ``minimum``; else an error at ``path``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        errors.append((path, f"expected a number, got {value!r}"))
        return None
    if isinstance(value, bool) or not math.isfinite(number):
        errors.append((path, f"expected a finite number, got {value!r}"))
        return None
    if minimum is not None and number < minimum:
        errors.append((path, f"expected a number of at least {minimum:g}, got {number:g}"))
        return None
    return number
