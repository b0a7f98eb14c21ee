"""Small pieces the section codecs share: evidence in and out, statements, amounts, enum members.

A section's items hold many small facts, each with its own ``sources`` and ``assumption``; these
helpers decode and encode them the same way in every section (programmes, challenges, …).
"""

from __future__ import annotations

from typing import Any

from raadhuis.canonical.paths import Path
from raadhuis.canonical.sections import DecodeContext
from raadhuis.canonical.values import assumption, citations, date_at, finite
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Citation
from raadhuis.domain.programme import Statement


def proof(raw: dict[str, Any]) -> dict[str, Any]:
    """``citations`` and ``assumption`` of a mapping, as keyword arguments of a domain object."""
    return {"citations": citations(raw), "assumption": assumption(raw)}


def proof_out(item: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cites: tuple[Citation, ...] = item.citations
    if cites:
        out["sources"] = [c.to_dict() for c in cites]
    if item.assumption:
        out["assumption"] = item.assumption
    return out


def statement(value: Any) -> Statement | None:
    """A fact in words: plain text, or ``{text, sources, assumption}``."""
    if value is None:
        return None
    if isinstance(value, str):
        return Statement(value)
    return Statement(str(value.get("text", "")), **proof(value))


def statement_out(s: Statement) -> Any:
    if not s.citations and not s.assumption:
        return s.text
    return {"text": s.text, **proof_out(s)}


def when(raw: dict[str, Any], key: str, path: Path, ctx: DecodeContext) -> FuzzyDate | None:
    value = raw.get(key)
    return None if value is None else date_at(value, path + (key,), ctx.errors)


def amount(value: Any, path: Path, ctx: DecodeContext) -> float | None:
    """A finite number; whether it may be negative is a rule of the domain, checked later."""
    return None if value is None else finite(value, path, ctx.errors, minimum=None)


def amount_out(value: float) -> int | float:
    """Whole amounts as whole numbers, so the file reads 150000 and not 150000.0."""
    return int(value) if float(value).is_integer() else value


def choice(enum: Any, value: Any, path: Path, ctx: DecodeContext, default: Any = None) -> Any:
    if value is None:
        return default
    found = enum._value2member_map_.get(value) if isinstance(value, str) else None
    if found is None:
        ctx.error(path, f"expected one of {', '.join(m.value for m in enum)}, got {value!r}")
        return default
    return found


def organisation_of(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> str | None:
    org = raw.get("organisation", ctx.default_organisation)
    if not org:
        ctx.error(path + ("organisation",), "expected the organisation (here or as the dataset's 'organisation')")
        return None
    return str(org)
