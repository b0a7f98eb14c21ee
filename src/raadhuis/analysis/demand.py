"""Demand per task field: the entered demand (FTE or a norm) plus the challenges that land there.

This is the one place where demand is put together; the capacity analysis compares it with the
staffed FTE, and a scenario can call it for a planned organisation.

- The entered demand (dataset section ``demand``): FTE, or a norm per 1,000 inhabitants ×
  inhabitants ÷ 1,000.
- A challenge (opgave) that lands on the day: each of its demand figures for the year in FTE is
  counted on the task field it names; without one, on the challenge's only task field, or split
  over its task fields by their shares. A figure in money is listed, not turned into FTE.
- A challenge without a figure, or whose FTE cannot be put on a task field, is listed on each of
  its task fields and counts nothing: missing is not a finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from raadhuis.analysis.common import Reason, rounded
from raadhuis.domain.challenge import Challenge, ChallengeDemand


@dataclass(frozen=True)
class Demand:
    """What a task field asks: FTE entered directly, or a norm per 1,000 inhabitants."""

    fte: float | None = None
    norm_per_1000: float | None = None
    source: str | None = None  # where the figure or norm comes from


@dataclass(frozen=True)
class DemandPart:
    """One contribution to a task field's demand: counted (``fte``) or only listed."""

    task_field: str
    origin: str  # "demand" (entered) or "challenge"
    fte: float | None = None  # counted FTE; None when not counted
    challenge: str | None = None
    name: str | None = None
    amount: float | None = None  # a demand in money (listed, not counted)
    currency: str | None = None
    assumption: bool | str = False
    source: str | None = None

    @property
    def counted(self) -> bool:
        return self.fte is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "task_field": self.task_field,
            "origin": self.origin,
            "challenge": self.challenge,
            "name": self.name,
            "fte": rounded(self.fte),
            "amount": rounded(self.amount),
            "currency": self.currency,
            "counted": self.counted,
            "assumption": self.assumption,
            "source": self.source,
        }


@dataclass
class TaskFieldDemand:
    code: str
    parts: list[DemandPart] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    @property
    def fte(self) -> float | None:
        """The counted demand; None when nothing is counted (unknown, not zero)."""
        counted = [p.fte for p in self.parts if p.fte is not None]
        return sum(counted) if counted else None

    @property
    def challenges(self) -> list[str]:
        return list(dict.fromkeys(p.challenge for p in self.parts if p.challenge))


@dataclass
class ChallengeLine:
    """A challenge as the capacity analysis lists it: where it lands and what of it is counted."""

    id: str
    name: str
    task_fields: list[str]
    fte: float | None  # counted FTE over its task fields
    amount: float | None  # demand in money (listed)
    currency: str | None
    reasons: list[Reason]
    assumption: bool | str = False

    @property
    def counted(self) -> bool:
        return self.fte is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "task_fields": self.task_fields,
            "fte": rounded(self.fte),
            "amount": rounded(self.amount),
            "currency": self.currency,
            "counted": self.counted,
            "assumption": self.assumption,
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass
class DemandResult:
    task_fields: dict[str, TaskFieldDemand]
    challenges: list[ChallengeLine]


def demand_per_task_field(
    entered: Mapping[str, Demand],
    challenges: Iterable[Challenge],
    at: date,
    inhabitants: int | None = None,
) -> DemandResult:
    """Demand per task field on ``at``: the entered demand and every challenge that lands then."""
    fields: dict[str, TaskFieldDemand] = {}

    def on(code: str) -> TaskFieldDemand:
        return fields.setdefault(code, TaskFieldDemand(code))

    for code, d in entered.items():
        item = on(code)
        if d.fte is not None:
            item.parts.append(DemandPart(code, "demand", d.fte, source=d.source))
        elif d.norm_per_1000 is not None:
            if inhabitants is None:
                item.parts.append(DemandPart(code, "demand", None, source=d.source))
                item.reasons.append(
                    Reason(
                        "capacity.norm_without_inhabitants",
                        f"Voor taakveld {code} is een norm per 1.000 inwoners opgegeven, maar geen inwonertal.",
                        f"Task field {code} has a norm per 1,000 inhabitants, but no number of inhabitants was given.",
                        subject=code,
                    )
                )
            else:
                item.parts.append(DemandPart(code, "demand", d.norm_per_1000 * inhabitants / 1000, source=d.source))
    lines = []
    for ch in challenges:
        if ch.lands_on(at):
            lines.append(_challenge(ch, at.year, on))
    return DemandResult(fields, lines)


def _challenge(ch: Challenge, year: int, on: Any) -> ChallengeLine:
    codes = ch.codes()
    line = ChallengeLine(ch.id, ch.name, codes, None, None, None, [], ch.assumption)
    demands = ch.demand_in(year)
    listed: set[str] = set()

    def list_on(
        code: str, amount: float | None = None, currency: str | None = None, d: ChallengeDemand | None = None
    ) -> None:
        on(code).parts.append(
            DemandPart(
                code,
                "challenge",
                None,
                ch.id,
                ch.name,
                amount,
                currency,
                d.assumption if d is not None else ch.assumption,
            )
        )
        listed.add(code)

    if not codes:
        line.reasons.append(
            Reason(
                "capacity.challenge_without_task_field",
                f"Opgave {ch.name} noemt geen taakveld; zij staat in de lijst maar telt op geen taakveld mee.",
                f"Challenge {ch.name} names no task field; it is listed but counted on none.",
                subject=ch.id,
            )
        )
    if not demands:
        line.reasons.append(
            Reason(
                "capacity.challenge_without_figure",
                f"Voor opgave {ch.name} is geen vraag in fte of geld bekend ({year}); zij telt niet mee.",
                f"No demand in FTE or money is known for challenge {ch.name} ({year}); it is not counted.",
                subject=ch.id,
                params={"year": year},
            )
        )
    for d in demands:
        if d.amount is not None:
            line.amount = (line.amount or 0.0) + d.amount
            line.currency = d.currency
            line.reasons.append(
                Reason(
                    "capacity.challenge_in_money",
                    f"Opgave {ch.name} vraagt {_nl_amount(d.amount)} {d.currency}; een bedrag wordt niet omgerekend "
                    "naar fte en telt niet mee.",
                    f"Challenge {ch.name} asks {d.amount:,.0f} {d.currency}; an amount is not converted into FTE "
                    "and is not counted.",
                    subject=ch.id,
                    params={"amount": d.amount, "currency": d.currency},
                )
            )
            for code in [d.task_field] if d.task_field else codes:
                list_on(code, d.amount, d.currency, d)
            continue
        if d.fte is None:
            continue
        targets = _split(d, ch)
        if targets is None:
            line.reasons.append(
                Reason(
                    "capacity.challenge_not_split",
                    f"De vraag van opgave {ch.name} ({_nl(d.fte)} fte) is niet over haar taakvelden te verdelen: "
                    "geef per taakveld een aandeel of noem het taakveld bij de vraag.",
                    f"The demand of challenge {ch.name} ({d.fte:g} FTE) cannot be put on its task fields: give each "
                    "task field a share, or name the task field with the demand.",
                    subject=ch.id,
                )
            )
            for code in codes:
                list_on(code, d=d)
            continue
        for code, share in targets:
            on(code).parts.append(DemandPart(code, "challenge", d.fte * share, ch.id, ch.name, assumption=d.assumption))
            line.fte = (line.fte or 0.0) + d.fte * share
    for code in codes:
        if code not in listed and not any(p.challenge == ch.id for p in on(code).parts):
            list_on(code)
    return line


def _split(d: ChallengeDemand, ch: Challenge) -> list[tuple[str, float]] | None:
    """Where an FTE demand goes: its own task field, the only one, or by share; None if unknown."""
    if d.task_field is not None:
        return [(d.task_field, 1.0)]
    if len(ch.task_fields) == 1:
        return [(ch.task_fields[0].code, 1.0)]
    if ch.task_fields and all(t.share is not None for t in ch.task_fields):
        return [(t.code, float(t.share or 0.0)) for t in ch.task_fields]
    return None


def _nl(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _nl_amount(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")
