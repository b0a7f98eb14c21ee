"""Challenges (opgaven): demand that lands on task fields, such as the Omgevingswet.

A challenge names the task fields it lands on and, where a source gives it, the demand it brings
in FTE or in money. A challenge without a figure is a known challenge all the same: the capacity
analysis lists it and counts nothing for it (missing is not a finding).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Citation

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class ChallengeTaskField:
    code: str  # BBV task field, e.g. "8.1"
    share: float | None = None  # the part of the challenge's demand on this task field (0..1)
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class ChallengeDemand:
    """What a challenge asks, in FTE or in money, for one year or for as long as it lasts."""

    fte: float | None = None
    amount: float | None = None
    currency: str = "EUR"
    task_field: str | None = None  # on one of the challenge's task fields; else split by their shares
    year: int | None = None  # the year it applies to; None: every year the challenge runs
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Challenge:
    id: str
    organisation: str
    name: str
    task_fields: tuple[ChallengeTaskField, ...] = ()
    start: FuzzyDate | None = None  # from when it lands ('from' in the file)
    end: FuzzyDate | None = None
    demand: tuple[ChallengeDemand, ...] = ()
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    def codes(self) -> list[str]:
        return [t.code for t in self.task_fields]

    def lands_on(self, day: date) -> bool:
        """Does it weigh on ``day``? A challenge without a known start counts from always."""
        if self.start is not None and day < self.start.start:
            return False
        return self.end is None or day <= self.end.end

    def demand_in(self, year: int) -> list[ChallengeDemand]:
        return [d for d in self.demand if d.year is None or d.year == year]


def problems(challenge: Challenge) -> list[tuple[Where, str]]:
    """What is wrong with a challenge on its own (task-field codes are checked against the BBV list
    by the canonical form, which knows the reference data)."""
    out: list[tuple[Where, str]] = []
    codes = challenge.codes()
    seen: dict[str, int] = {}
    for j, t in enumerate(challenge.task_fields):
        if t.code in seen:
            out.append(
                (("task_fields", j), f"task field {t.code!r} is given twice (also at task_fields[{seen[t.code]}])")
            )
        seen.setdefault(t.code, j)
        if t.share is not None and not 0 <= t.share <= 1:
            out.append((("task_fields", j, "share"), f"expected a share between 0 and 1, got {t.share:g}"))
    shares = [t.share for t in challenge.task_fields if t.share is not None]
    if sum(shares) > 1 + 1e-9:
        out.append((("task_fields",), f"the shares add up to {sum(shares):g}, more than 1"))
    for k, d in enumerate(challenge.demand):
        here: Where = ("demand", k)
        if (d.fte is None) == (d.amount is None):
            out.append((here, "expected exactly one of 'fte' or 'amount'"))
        for key, value in (("fte", d.fte), ("amount", d.amount)):
            if value is not None and value < 0:
                out.append((here + (key,), f"expected a number of at least 0, got {value:g}"))
        if d.task_field is not None and d.task_field not in codes:
            out.append(
                (
                    here + ("task_field",),
                    f"task field {d.task_field!r} is not one the challenge lands on ({', '.join(codes) or 'none'})",
                )
            )
    if challenge.start and challenge.end and challenge.end.end < challenge.start.start:
        out.append((("to",), f"expected an end on or after the start ({challenge.start}), got {challenge.end}"))
    return out
