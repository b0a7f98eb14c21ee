"""Cooperation trajectories (samenwerkingstrajecten) and the 3K assessment of their options.

A **trajectory** is several organisations exploring cooperation: who takes part, what started
it, the goals and constraints it is held to (each a named criterion), who steers it (a body and
its members, by post), its phases and milestones (dates as the source writes them), the
candidate tasks (a BBV task field or a named task; "pm" is *pro memorie*) and, per task, the
**options** (stay alone; a service agreement with a centre municipality; a shared service
organisation — bedrijfsvoeringsorganisatie; one joint unit; a regional pool).

An **assessment** is one assessor's judgement of one option: a score per criterion (the 3K's —
kosten, kwaliteit, kwetsbaarheid — or the trajectory's own criteria) on the trajectory's declared
scale, with the reasoning and the evidence. A **cooperation outcome** says what became of a
chosen option (the cooperation it became, by which decision) and what the cooperation was
expected to bring and brought, each effect with its source.

Plain frozen values and the rules between them; no I/O. The checks against the register
(participants, decisions, sources, units) are in canonical/trajectories.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from raadhuis.domain.model import Citation
from raadhuis.domain.written_dates import WrittenDate

THREE_K: tuple[str, ...] = ("kosten", "kwaliteit", "kwetsbaarheid")

Problems = list[tuple[tuple[str | int, ...], str]]  # (path inside the item, what is wrong)


class TrajectoryStatus(str, Enum):
    PROPOSED = "proposed"  # suggested (e.g. by a recommendation), not yet begun
    EXPLORING = "exploring"  # under way
    DECIDED = "decided"  # a choice was made
    STOPPED = "stopped"  # ended without cooperation
    COMPLETED = "completed"  # ended, the chosen cooperation exists


class MilestoneStatus(str, Enum):
    PLANNED = "planned"
    REALISED = "realised"
    NOT_REALISED = "not_realised"


class CriterionKind(str, Enum):
    GOAL = "goal"  # doel: what cooperation must secure
    CONSTRAINT = "constraint"  # afbakening, randvoorwaarde: what it may not touch
    CRITERION = "criterion"  # another yardstick (e.g. for the choice of partners)
    DRIVER = "driver"  # what forces the cooperation (context; may be scored too)


class OptionKind(str, Enum):
    ALONE = "alone"  # zelfstandig blijven
    SERVICE_AGREEMENT = "service_agreement"  # dienstverlening door een centrumgemeente (DVO)
    SHARED_SERVICE = "shared_service"  # gezamenlijke uitvoeringsorganisatie (bedrijfsvoeringsorganisatie)
    JOINT_UNIT = "joint_unit"  # één gezamenlijke eenheid
    POOL = "pool"  # regionale pool van specialisten
    OTHER = "other"


class PoolKey(str, Enum):
    INHABITANTS = "inhabitants"
    FTE = "fte"  # FTE on the task's task field (or units), from the register
    EXPECTED_USE = "expected_use"


class EffectKind(str, Enum):
    EXPECTED = "expected"
    REALISED = "realised"


class Direction(str, Enum):
    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"
    MIXED = "mixed"


class Bound(str, Enum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


# --- the parts of a trajectory ------------------------------------------------------------


@dataclass(frozen=True)
class TrajectoryParticipant:
    organisation: str
    role: str = "deelnemer"
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Criterion:
    id: str
    kind: CriterionKind
    name: str
    text: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Question:
    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Member:
    """A seat in a governance body, by post: the post's title, in which organisation, and the
    post's id in the register when it is known there."""

    post: str
    organisation: str | None = None
    post_id: str | None = None


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    role: str | None = None  # what it does in the trajectory ("stuurt de samenwerkingstaken aan")
    members: tuple[Member, ...] = ()
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    start: WrittenDate | None = None
    end: WrittenDate | None = None
    status: MilestoneStatus = MilestoneStatus.PLANNED
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Milestone:
    id: str
    title: str
    date: WrittenDate
    status: MilestoneStatus = MilestoneStatus.PLANNED
    phase: str | None = None
    decision_moment: bool = False  # a moment at which a body decides (besluitvorming)
    body: str | None = None  # who meets or decides: raad, college, de drie raden …
    decision: str | None = None  # the decision taken, once it is (a decision id)
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    def window_passed(self, day: dt.date) -> bool:
        return self.date.passed(day)


@dataclass(frozen=True)
class TaskUnit:
    """The unit that does a candidate task in one participant, where the task has no task field."""

    organisation: str
    unit: str


@dataclass(frozen=True)
class Task:
    id: str
    name: str
    task_field: str | None = None  # BBV taakveld code
    pro_memorie: bool = False  # "pm": named for completeness, not (yet) taken up
    written: str | None = None  # the task as the source writes it, when that differs from name
    units: tuple[TaskUnit, ...] = ()
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Amount:
    value: float
    per: str = "year"  # year or once
    currency: str = "EUR"
    bound: Bound = Bound.EXACT
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Figure:
    """A number one participant brings to a pool's cost key (inhabitants, expected use)."""

    value: float
    year: int | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class PoolInput:
    organisation: str
    inhabitants: Figure | None = None
    expected_use: Figure | None = None


@dataclass(frozen=True)
class Specialist:
    role: str
    fte: float | None = None


@dataclass(frozen=True)
class Pool:
    specialists: tuple[Specialist, ...] = ()
    cost: Amount | None = None  # what the pool costs together
    key: PoolKey | None = None  # the chosen cost key (None: not chosen yet; every key is shown)
    inputs: tuple[PoolInput, ...] = ()

    def input_of(self, organisation: str) -> PoolInput | None:
        return next((i for i in self.inputs if i.organisation == organisation), None)


@dataclass(frozen=True)
class Option:
    id: str
    task: str
    kind: OptionKind
    name: str
    legal_form: str | None = None  # a key of reference.legal_forms
    centre: str | None = None  # the centre municipality of a service agreement
    description: str | None = None
    pool: Pool | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Scale:
    """The scale scores are given on: whole steps from ``minimum`` to ``maximum``, each step
    optionally with its label (e.g. -2 "veel slechter" … +2 "veel beter")."""

    minimum: float = -2
    maximum: float = 2
    step: float = 1
    labels: tuple[tuple[float, str], ...] = ()

    def contains(self, score: float) -> bool:
        if not self.minimum <= score <= self.maximum:
            return False
        steps = (score - self.minimum) / self.step
        return abs(steps - round(steps)) < 1e-9

    def values(self) -> list[float]:
        n = int(round((self.maximum - self.minimum) / self.step))
        return [self.minimum + i * self.step for i in range(n + 1)]

    def label(self, score: float) -> str | None:
        return next((text for value, text in self.labels if value == score), None)

    def text(self) -> str:
        return f"{_num(self.minimum)}..{_num(self.maximum)}" + (f" step {_num(self.step)}" if self.step != 1 else "")


def _num(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Origin:
    """What started a trajectory: the decisions (ids), or what the source says happened."""

    text: str | None = None
    date: WrittenDate | None = None
    decisions: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Trajectory:
    id: str
    name: str
    participants: tuple[TrajectoryParticipant, ...]
    status: TrajectoryStatus = TrajectoryStatus.EXPLORING
    origin: Origin | None = None
    questions: tuple[Question, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    governance: tuple[Body, ...] = ()
    phases: tuple[Phase, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    tasks: tuple[Task, ...] = ()
    options: tuple[Option, ...] = ()
    scale: Scale = field(default_factory=Scale)
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    def participant_ids(self) -> list[str]:
        return [p.organisation for p in self.participants]

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def options_for(self, task_id: str) -> list[Option]:
        return [o for o in self.options if o.task == task_id]

    def criterion_ids(self) -> list[str]:
        """What a score may be about: the 3K's, then the trajectory's own criteria."""
        return list(THREE_K) + [c.id for c in self.criteria if c.id not in THREE_K]

    def milestones_in_order(self) -> list[Milestone]:
        return sorted(self.milestones, key=lambda m: (m.date.start, m.date.end))

    def problems(self) -> Problems:
        """What does not fit inside the trajectory itself (paths within the item)."""
        out: Problems = []
        parts = self.participant_ids()
        _unique(out, "participants", parts, "organisation", "participant")
        for name, items in (
            ("criteria", self.criteria),
            ("governance", self.governance),
            ("phases", self.phases),
            ("milestones", self.milestones),
            ("tasks", self.tasks),
            ("options", self.options),
        ):
            _unique(out, name, [i.id for i in items], "id", name.rstrip("s"))
        for i, c in enumerate(self.criteria):
            if c.id in THREE_K:
                out.append((("criteria", i, "id"), f"{c.id!r} is one of the 3K's, which every trajectory has already"))
        for i, body in enumerate(self.governance):
            for j, m in enumerate(body.members):
                if m.organisation is not None and m.organisation not in parts:
                    out.append(
                        (
                            ("governance", i, "members", j, "organisation"),
                            f"organisation {m.organisation!r} is not a participant of trajectory {self.id!r}",
                        )
                    )
        phase_ids = {p.id for p in self.phases}
        for i, ms in enumerate(self.milestones):
            if ms.phase is not None and ms.phase not in phase_ids:
                out.append((("milestones", i, "phase"), f"unknown phase {ms.phase!r}; expected one of the phases"))
        for i, p in enumerate(self.phases):
            if p.start is not None and p.end is not None and p.end.end < p.start.start:
                out.append((("phases", i, "end"), f"the phase ends ({p.end.text}) before it starts ({p.start.text})"))
        task_ids = {t.id for t in self.tasks}
        for i, t in enumerate(self.tasks):
            for j, tu in enumerate(t.units):
                if tu.organisation not in parts:
                    out.append(
                        (
                            ("tasks", i, "units", j, "organisation"),
                            f"organisation {tu.organisation!r} is not a participant of trajectory {self.id!r}",
                        )
                    )
        for i, o in enumerate(self.options):
            if o.task not in task_ids:
                out.append(
                    (
                        ("options", i, "task"),
                        f"option {o.id!r} is for task {o.task!r}, which is not a task of trajectory {self.id!r}",
                    )
                )
            if o.centre is not None and o.centre not in parts:
                out.append(
                    (
                        ("options", i, "centre"),
                        f"organisation {o.centre!r} is not a participant of trajectory {self.id!r}",
                    )
                )
            if o.pool is not None and o.kind is not OptionKind.POOL:
                out.append((("options", i, "pool"), "only an option of kind 'pool' has a pool"))
            if o.pool is not None:
                for j, inp in enumerate(o.pool.inputs):
                    if inp.organisation not in parts:
                        out.append(
                            (
                                ("options", i, "pool", "inputs", j, "organisation"),
                                f"organisation {inp.organisation!r} is not a participant of trajectory {self.id!r}",
                            )
                        )
        if not self.scale.minimum < self.scale.maximum or self.scale.step <= 0:
            out.append((("scale",), f"expected minimum < maximum and a positive step, got {self.scale.text()}"))
        for j, (value, _label) in enumerate(self.scale.labels):
            if not self.scale.contains(value):
                out.append((("scale", "labels", j), f"label for {value:g}, which is not on the scale"))
        return out


def _unique(out: Problems, list_name: str, values: list[str], key: str, what: str) -> None:
    seen: set[str] = set()
    for i, v in enumerate(values):
        if v in seen:
            out.append(((list_name, i, key), f"{what} {v!r} is listed twice"))
        seen.add(v)


# --- assessments ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    criterion: str  # kosten, kwaliteit, kwetsbaarheid, or a criterion id of the trajectory
    score: float | None  # None: a judgement in words only
    reasoning: str | None = None
    figures_at: dt.date | None = None  # the day of the register's figures the assessor looked at
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Assessment:
    trajectory: str
    option: str
    by: str  # who scored: a person, a consultant, a body
    scores: tuple[Score, ...]
    date: WrittenDate | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    @property
    def key(self) -> str:
        return assessment_key(self.trajectory, self.option, self.by)

    def problems(self, trajectory: Trajectory) -> Problems:
        out: Problems = []
        option = trajectory.option(self.option)
        if option is None:
            out.append((("option",), f"option {self.option!r} is not an option of trajectory {trajectory.id!r}"))
        allowed = trajectory.criterion_ids()
        seen: set[str] = set()
        for i, s in enumerate(self.scores):
            if s.criterion not in allowed:
                out.append(
                    (
                        ("scores", i, "criterion"),
                        f"unknown criterion {s.criterion!r}; expected one of {', '.join(allowed)}",
                    )
                )
            if s.criterion in seen:
                out.append((("scores", i, "criterion"), f"criterion {s.criterion!r} is scored twice"))
            seen.add(s.criterion)
            if s.score is not None and not trajectory.scale.contains(s.score):
                out.append(
                    (
                        ("scores", i, "score"),
                        f"score {s.score:g} is off the scale {trajectory.scale.text()} of trajectory {trajectory.id!r}",
                    )
                )
        return out


def slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text.strip())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-") or "-"


def assessment_key(trajectory: str, option: str, by: str) -> str:
    """One record per trajectory, option and assessor: scoring again makes a new version of it."""
    return f"{trajectory}/{option}/{slug(by)}"


@dataclass(frozen=True)
class Cell:
    """One option on one criterion: every assessor's score."""

    criterion: str
    option: str
    scores: tuple[tuple[Assessment, Score], ...]


def side_by_side(trajectory: Trajectory, task_id: str, assessments: Iterable[Assessment]) -> list[list[Cell]]:
    """The options of one task side by side: a row per criterion (the 3K's first, then the
    trajectory's criteria that someone scored), a column per option, in the trajectory's order."""
    options = trajectory.options_for(task_id)
    option_ids = {o.id for o in options}
    mine = [a for a in assessments if a.trajectory == trajectory.id and a.option in option_ids]
    scored = {s.criterion for a in mine for s in a.scores}
    rows = list(THREE_K) + [c.id for c in trajectory.criteria if c.id in scored]
    out: list[list[Cell]] = []
    for criterion in rows:
        row = []
        for o in options:
            found = tuple((a, s) for a in mine if a.option == o.id for s in a.scores if s.criterion == criterion)
            row.append(Cell(criterion, o.id, found))
        out.append(row)
    return out


# --- a regional pool: the cost split --------------------------------------------------------


@dataclass(frozen=True)
class Share:
    organisation: str
    weight: float | None  # the participant's figure for the key; None when missing
    share: float | None  # fraction of the cost (0..1); None when it cannot be computed
    amount: float | None  # euro; None when the cost or a weight is missing
    assumption: bool | str = False  # the weight rests on an assumption


@dataclass(frozen=True)
class Split:
    key: PoolKey
    shares: tuple[Share, ...]
    missing: tuple[str, ...]  # participants without a figure for this key

    @property
    def complete(self) -> bool:
        return not self.missing


Weight = tuple[float, bool | str]  # (value, assumption mark)


def cost_split(
    participants: Iterable[str], key: PoolKey, weights: Mapping[str, Weight | None], cost: float | None
) -> Split:
    """Each participant's share of a pool's cost by one key: weight / total weight.

    A participant without a figure makes the whole split unknown (the total is unknown), so
    every share is None and the missing ones are named — never a split over the others only."""
    parts = list(participants)
    missing = tuple(p for p in parts if weights.get(p) is None)
    total = sum(w[0] for p in parts if (w := weights.get(p)) is not None)
    shares = []
    for p in parts:
        w = weights.get(p)
        value, mark = (w[0], w[1]) if w is not None else (None, False)
        share = value / total if not missing and total > 0 and value is not None else None
        amount = share * cost if share is not None and cost is not None else None
        shares.append(Share(p, value, share, amount, mark))
    return Split(key, tuple(shares), missing)


# --- what a cooperation brought -------------------------------------------------------------


@dataclass(frozen=True)
class Effect:
    kind: EffectKind
    criteria: tuple[str, ...]  # among the 3K's
    text: str
    direction: Direction | None = None
    organisation: str | None = None  # for whom (e.g. Losser's saving)
    amount: Amount | None = None
    as_of: WrittenDate | None = None  # when it was expected or observed
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class OutcomeOrigin:
    """Where a cooperation came from: the trajectory, the task and the option chosen, the decision."""

    trajectory: str | None = None
    task: str | None = None
    option: str | None = None
    decision: str | None = None
    text: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class CooperationOutcome:
    cooperation: str
    effects: tuple[Effect, ...] = ()
    origin: OutcomeOrigin | None = None
    rationale: str | None = None  # why it was chosen, as the source says
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    def expected(self) -> list[Effect]:
        return [e for e in self.effects if e.kind is EffectKind.EXPECTED]

    def realised(self) -> list[Effect]:
        return [e for e in self.effects if e.kind is EffectKind.REALISED]

    def problems(self, trajectory: Trajectory | None) -> Problems:
        out: Problems = []
        for i, e in enumerate(self.effects):
            for j, c in enumerate(e.criteria):
                if c not in THREE_K:
                    out.append((("effects", i, "criteria", j), f"expected one of {', '.join(THREE_K)}, got {c!r}"))
        o = self.origin
        if o is None or o.trajectory is None:
            if o is not None and (o.task or o.option):
                out.append((("origin", "trajectory"), "a task or option needs the trajectory it belongs to"))
            return out
        if trajectory is None:
            out.append((("origin", "trajectory"), f"unknown trajectory {o.trajectory!r}"))
            return out
        if o.task is not None and trajectory.task(o.task) is None:
            out.append((("origin", "task"), f"task {o.task!r} is not a task of trajectory {trajectory.id!r}"))
        if o.option is not None:
            option = trajectory.option(o.option)
            if option is None:
                out.append(
                    (("origin", "option"), f"option {o.option!r} is not an option of trajectory {trajectory.id!r}")
                )
            elif o.task is not None and option.task != o.task:
                out.append((("origin", "option"), f"option {o.option!r} is for task {option.task!r}, not {o.task!r}"))
        return out
