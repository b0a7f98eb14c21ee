"""What every analysis shares: the reasons it gives, and how staffing counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from raadhuis.domain.model import Post, Snapshot, Staffing, StaffingKind

# People who actually work in a post. A vacancy has nobody; a secondment out means the person
# works elsewhere, so neither counts as a report or as staffed capacity.
WORKING_KINDS = frozenset({StaffingKind.EMPLOYEE, StaffingKind.EXTERNAL_HIRE, StaffingKind.LOAN_IN})
BORROWED_KINDS = frozenset({StaffingKind.EXTERNAL_HIRE, StaffingKind.LOAN_IN})


@dataclass(frozen=True)
class Reason:
    """One explanation behind a figure, in Dutch and English, with a stable message id."""

    id: str
    nl: str
    en: str
    subject: str | None = None  # the unit, post or task field it is about
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "nl": self.nl, "en": self.en}
        if self.subject is not None:
            out["subject"] = self.subject
        if self.params:
            out["params"] = dict(self.params)
        return out


def working_lines(post: Post) -> list[Staffing]:
    return [s for s in post.staffing if s.kind in WORKING_KINDS and s.fte > 0]


def staffed_fte(posts: Iterable[Post]) -> float:
    return sum(s.fte for p in posts for s in working_lines(p))


def budgeted_fte(posts: Iterable[Post]) -> float:
    return sum(p.fte for p in posts)


def open_fte(post: Post) -> float:
    """Budgeted FTE nobody works in: the post's FTE minus what is filled, never below zero."""
    return max(0.0, post.fte - post.filled_fte)


def ancestors(snapshot: Snapshot, unit_id: str) -> list[str]:
    """The unit itself, then its parents up to the root (guarded against cycles in bad data)."""
    out: list[str] = []
    current: str | None = unit_id
    while current is not None and current not in out:
        out.append(current)
        unit = snapshot.units.get(current)
        current = unit.parent if unit is not None else None
    return out


def median(values: Iterable[float]) -> float | None:
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return None
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)
