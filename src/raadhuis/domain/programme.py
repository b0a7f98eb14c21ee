"""Programmes and projects (programma, project): budget, people, milestones, progress readings.

A programme belongs to one organisation and runs over a period with fuzzy ends. Every fact in it
carries its own evidence (citations, or an assumption saying what is assumed and why), because a
budget line, a reading and a project leader usually come from different sentences of a source.

Progress is read on the organisation's own scale: a reading keeps the value exactly as the source
wrote it (the letter "G"), and the scale says what that value means (groen). A scale whose meaning
is not in the source carries its assumption, and every reading on it shows that mark.

The rules that need nothing but the programme and its scales are here (:func:`problems`); the
references to units, posts, events and challenges are checked by the canonical form.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Citation

Where = tuple[str | int, ...]  # a place inside one programme, e.g. ("budget", 0, "allocations")


class ProgrammeStatus(str, Enum):
    PLANNED = "planned"  # gepland
    RUNNING = "running"  # lopend
    COMPLETED = "completed"  # afgerond
    STOPPED = "stopped"  # gestopt


class MilestoneStatus(str, Enum):
    PLANNED = "planned"  # gepland
    REACHED = "reached"  # gehaald (on ``status_date``)
    MISSED = "missed"  # niet gehaald
    CANCELLED = "cancelled"  # vervallen


class Reading(str, Enum):
    """What a value on a scale means, as a traffic light."""

    GREEN = "green"  # groen
    AMBER = "amber"  # oranje
    RED = "red"  # rood


class EventRelation(str, Enum):
    """How change events of the register relate to a programme."""

    REASON = "reason"  # aanleiding: the events are why the programme (or a part of it) exists
    PART = "part"  # onderdeel: the programme made these changes
    RESULT = "result"  # gevolg: the changes follow from the programme


@dataclass(frozen=True)
class Statement:
    """A fact in words (a goal, an approach, a principle), with its own evidence."""

    text: str
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class ScaleLevel:
    value: str  # as sources write it, e.g. "G"
    reading: Reading
    label: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False  # e.g. "the source gives only the letter"


@dataclass(frozen=True)
class ProgressScale:
    """An organisation's (or one programme's) scale for progress readings."""

    id: str
    organisation: str | None
    name: str
    levels: tuple[ScaleLevel, ...]
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    def level(self, value: str) -> ScaleLevel | None:
        wanted = value.strip()
        return next((lv for lv in self.levels if lv.value == wanted), None)

    def assumed(self, level: ScaleLevel) -> bool | str:
        """The assumption behind what ``level`` means: its own, else the scale's."""
        return level.assumption or self.assumption


@dataclass(frozen=True)
class Period:
    """From ``start`` up to and including ``end`` (either may be unknown)."""

    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    def certainly_outside(self, when: FuzzyDate) -> bool:
        """True only when every day ``when`` may mean lies before the start or after the end."""
        if self.start is not None and when.end < self.start.start:
            return True
        return self.end is not None and when.start > self.end.end

    def overlaps(self, day: date) -> bool:
        """May the programme run on ``day``? Unknown ends count as open."""
        if self.start is not None and day < self.start.start:
            return False
        return self.end is None or day <= self.end.end


@dataclass(frozen=True)
class Allocation:
    purpose: str
    amount: float
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Spend:
    """Money spent (realisation): one entry, as a source or a form gives it."""

    amount: float
    date: FuzzyDate | None = None
    purpose: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class BudgetYear:
    year: int
    total: float | None
    currency: str = "EUR"
    allocations: tuple[Allocation, ...] = ()
    spending: tuple[Spend, ...] = ()
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    @property
    def allocated(self) -> float:
        return sum(a.amount for a in self.allocations)

    @property
    def spent(self) -> float | None:
        """What was spent, or None when no source (or form) gives it: unknown is not zero."""
        return sum(s.amount for s in self.spending) if self.spending else None


@dataclass(frozen=True)
class Owner:
    """Who owns the programme: a unit, a post, or (when a source names neither) a description."""

    unit: str | None = None
    post: str | None = None
    name: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class ProgrammePost:
    """A post or role in the programme: a post created for it (a project leader for a year), or a
    role per domain (a business consultant per domain), linked to the register's posts."""

    role: str
    post: str | None = None  # a post in the register (its period comes from the register's events)
    unit: str | None = None  # the unit (domain) the role serves
    count: int | None = None  # how many, when a source gives a number rather than posts
    created_for: bool = False  # the post was created for the programme
    leads: bool = False  # leads the programme or project (projectleider)
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Milestone:
    id: str
    title: str
    date: FuzzyDate | None = None  # when it is (or was) due
    status: MilestoneStatus = MilestoneStatus.PLANNED
    status_date: FuzzyDate | None = None  # when it was reached, missed or cancelled
    outside_period: bool | str = False  # says so explicitly when the date lies outside the period
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class ProgressReading:
    date: FuzzyDate
    value: str  # exactly as the source wrote it
    scale: str | None = None  # the scale's id; default: the programme's scale
    note: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class LinkedEvents:
    """Change events in the register (e.g. a restructuring) and how they relate to the programme."""

    events: tuple[str, ...]
    relation: EventRelation
    title: str | None = None
    note: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Programme:
    id: str
    organisation: str
    name: str
    kind: str = "programma"  # programma, project, deelproject …
    goal: Statement | None = None
    approach: Statement | None = None
    principles: tuple[Statement, ...] = ()
    period: Period = field(default_factory=Period)
    status: ProgrammeStatus | None = None
    owner: Owner | None = None
    budget: tuple[BudgetYear, ...] = ()
    posts: tuple[ProgrammePost, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    progress: tuple[ProgressReading, ...] = ()
    scale: str | None = None  # the default scale of its readings
    scales: tuple[ProgressScale, ...] = ()  # scales declared for this programme only
    units: tuple[str, ...] = ()
    task_fields: tuple[str, ...] = ()
    challenges: tuple[str, ...] = ()
    events: tuple[LinkedEvents, ...] = ()
    part_of: str | None = None  # the programme this one is a part (deelproject) of
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    # --- budget

    @property
    def currency(self) -> str:
        return self.budget[0].currency if self.budget else "EUR"

    @property
    def total(self) -> float | None:
        """The budget over every year, or None when a year's total is unknown (or there is none)."""
        if not self.budget or any(b.total is None for b in self.budget):
            return None
        return sum(b.total for b in self.budget if b.total is not None)

    @property
    def spent(self) -> float | None:
        """Spent over every budget year; None unless every year's realisation is known."""
        values = [b.spent for b in self.budget]
        if not values or any(v is None for v in values):
            return None
        return sum(v for v in values if v is not None)

    def budget_year(self, year: int) -> BudgetYear | None:
        return next((b for b in self.budget if b.year == year), None)

    # --- progress

    def scale_of(self, reading: ProgressReading) -> str | None:
        return reading.scale or self.scale

    def readings_until(self, day: date | None) -> list[ProgressReading]:
        """The readings known on ``day`` (all when None), oldest first; ties keep their order."""
        chosen = [r for r in self.progress if day is None or r.date.start <= day]
        return sorted(chosen, key=lambda r: r.date.start)

    def latest_reading(self, day: date | None = None) -> ProgressReading | None:
        readings = self.readings_until(day)
        return readings[-1] if readings else None

    def milestone(self, milestone_id: str) -> Milestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)

    def leaders(self) -> list[ProgrammePost]:
        return [p for p in self.posts if p.leads]

    # --- changes a form records (each gives a new version of the programme)

    def with_reading(self, reading: ProgressReading) -> Programme:
        return replace(self, progress=(*self.progress, reading))

    def with_spend(self, year: int, spend: Spend, currency: str = "EUR") -> Programme:
        years = list(self.budget)
        for i, b in enumerate(years):
            if b.year == year:
                years[i] = replace(b, spending=(*b.spending, spend))
                break
        else:
            years.append(BudgetYear(year, None, currency, spending=(spend,)))
            years.sort(key=lambda b: b.year)
        return replace(self, budget=tuple(years))

    def with_milestone(self, milestone: Milestone) -> Programme:
        """The programme with ``milestone`` replacing the one with its id (or added)."""
        found = False
        out = []
        for m in self.milestones:
            if m.id == milestone.id:
                out.append(milestone)
                found = True
            else:
                out.append(m)
        if not found:
            out.append(milestone)
        return replace(self, milestones=tuple(out))


def problems(programme: Programme, scales: Mapping[str, ProgressScale]) -> list[tuple[Where, str]]:
    """What is wrong with a programme on its own: amounts, budget, milestones, readings.

    ``scales`` are the scales its readings may use (the organisation's and its own), by id."""
    out: list[tuple[Where, str]] = []
    seen_years: dict[int, int] = {}
    currencies = {b.currency for b in programme.budget}
    for i, b in enumerate(programme.budget):
        here: Where = ("budget", i)
        if b.year in seen_years:
            out.append(
                (here + ("year",), f"the budget of {b.year} is given twice (also at budget[{seen_years[b.year]}])")
            )
        seen_years.setdefault(b.year, i)
        if len(currencies) > 1:
            out.append(
                (
                    here + ("currency",),
                    f"expected one currency for the whole programme, got {', '.join(sorted(currencies))}",
                )
            )
        if b.total is not None and b.total < 0:
            out.append((here + ("total",), f"an amount cannot be negative, got {_amount(b.total)}"))
        for j, a in enumerate(b.allocations):
            if a.amount < 0:
                out.append(
                    (here + ("allocations", j, "amount"), f"an amount cannot be negative, got {_amount(a.amount)}")
                )
        if b.total is not None and b.allocated > b.total + 0.005:
            out.append(
                (
                    here + ("allocations",),
                    f"the allocations add up to {_amount(b.allocated)}, more than the total of {_amount(b.total)} for {b.year}",
                )
            )
        for j, s in enumerate(b.spending):
            if s.amount < 0:
                out.append((here + ("spending", j, "amount"), f"an amount cannot be negative, got {_amount(s.amount)}"))
            if s.date is not None and not (s.date.start.year <= b.year <= s.date.end.year):
                out.append((here + ("spending", j, "date"), f"a spend of budget year {b.year} dated {s.date}"))
    ids: dict[str, int] = {}
    for k, m in enumerate(programme.milestones):
        here = ("milestones", k)
        if m.id in ids:
            out.append((here + ("id",), f"milestone id {m.id!r} is used twice (also at milestones[{ids[m.id]}])"))
        ids.setdefault(m.id, k)
        if m.date is not None and not m.outside_period and programme.period.certainly_outside(m.date):
            out.append(
                (
                    here + ("date",),
                    f"milestone date {m.date} lies outside the programme's period ({_period(programme.period)}); "
                    "say so with 'outside_period' if that is right",
                )
            )
        if m.status is MilestoneStatus.REACHED and m.status_date is None:
            out.append((here + ("status_date",), "a reached milestone needs 'status_date': when it was reached"))
    if programme.period.start and programme.period.end and programme.period.end.end < programme.period.start.start:
        out.append(
            (
                ("period", "to"),
                f"expected an end on or after the start ({programme.period.start}), got {programme.period.end}",
            )
        )
    for k, r in enumerate(programme.progress):
        scale_id = programme.scale_of(r)
        where: Where = (
            ("progress", k, "scale") if r.scale else ("scale",) if programme.scale else ("progress", k, "scale")
        )
        if scale_id is None:
            out.append((("progress", k, "scale"), "a reading needs a scale: give 'scale' here or on the programme"))
            continue
        scale = scales.get(scale_id)
        if scale is None:
            known = ", ".join(sorted(scales)) or "none declared"
            out.append((where, f"unknown progress scale {scale_id!r}; expected one of: {known}"))
            continue
        if scale.level(r.value) is None:
            values = ", ".join(lv.value for lv in scale.levels)
            out.append(
                (("progress", k, "value"), f"value {r.value!r} is not on scale {scale_id!r}; expected one of: {values}")
            )
    for k, p in enumerate(programme.posts):
        if p.count is not None and p.count < 1:
            out.append((("posts", k, "count"), f"expected a count of at least 1, got {p.count}"))
    return out


def scale_problems(scale: ProgressScale) -> list[tuple[Where, str]]:
    out: list[tuple[Where, str]] = []
    seen: dict[str, int] = {}
    for j, lv in enumerate(scale.levels):
        if lv.value in seen:
            out.append(
                (("levels", j, "value"), f"value {lv.value!r} is on the scale twice (also at levels[{seen[lv.value]}])")
            )
        seen.setdefault(lv.value, j)
    if not scale.levels:
        out.append((("levels",), "a scale needs at least one level"))
    return out


def scales_for(programme: Programme, organisation_scales: Iterable[ProgressScale]) -> dict[str, ProgressScale]:
    """The scales a programme's readings may use: its own, then its organisation's."""
    out = {s.id: s for s in organisation_scales if s.organisation in (None, programme.organisation)}
    out.update({s.id: s for s in programme.scales})
    return out


def _amount(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _period(period: Period) -> str:
    return f"{period.start or '?'} to {period.end or 'open'}"
