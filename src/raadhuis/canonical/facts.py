"""Units, posts, staffing and the evidence of an event: decoded the same way wherever they appear
(a dataset's events and periods, a stored record, a read-model row)."""

from __future__ import annotations

from typing import Any

from raadhuis.canonical.values import assumption, citations, member
from raadhuis.domain.model import Post, Staffing, StaffingKind, Status, TaskFieldShare, Unit

UNIT_FIELDS = ("id", "name", "kind", "parent", "abbreviation", "temporary", "expected_end", "functional", "task_fields")
POST_FIELDS = ("id", "unit", "title", "fte", "scale", "roles", "staffing", "reports_to")


def decode_unit(raw: dict[str, Any], parent_default: str | None = None) -> Unit:
    shares = []
    for t in raw.get("task_fields", ()) or ():
        shares.append(
            TaskFieldShare(t) if isinstance(t, str) else TaskFieldShare(t["code"], float(t.get("share", 1.0)))
        )
    expected_end = raw.get("expected_end")
    return Unit(
        id=raw["id"],
        name=raw["name"],
        kind=raw.get("kind", "afdeling"),
        parent=raw.get("parent", parent_default),
        abbreviation=raw.get("abbreviation"),
        temporary=bool(raw.get("temporary", False)),
        expected_end=str(expected_end) if expected_end is not None else None,
        functional=tuple(raw.get("functional", ()) or ()),
        task_fields=tuple(shares),
    )


def decode_staffing(raw: dict[str, Any]) -> Staffing:
    cost = raw.get("cost")
    return Staffing(
        member(StaffingKind, raw["kind"]),
        float(raw["fte"]),
        raw.get("person"),
        raw.get("organisation"),
        float(cost) if cost is not None else None,
    )


def decode_post(raw: dict[str, Any]) -> Post:
    scale = raw.get("scale")
    return Post(
        id=raw["id"],
        unit=raw["unit"],
        title=raw["title"],
        fte=float(raw["fte"]),
        scale=str(scale) if scale is not None else None,
        roles=tuple(raw.get("roles", ()) or ()),
        staffing=tuple(decode_staffing(s) for s in raw.get("staffing", ()) or ()),
        reports_to=raw.get("reports_to"),
    )


def evidence(raw: dict[str, Any]) -> dict[str, Any]:
    """Status, decision, citations and assumption: the evidence fields every event has."""
    return {
        "status": member(Status, raw.get("status", "realised")),
        "decision": raw.get("decision"),
        "citations": citations(raw),
        "assumption": assumption(raw),
    }
