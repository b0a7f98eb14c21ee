"""Scenarios: a named branch of one organisation from a day, with proposed changes of its own.

A scenario branches from a day (``branch``) on the actual or the planned view, with proposed events
of any type (canonical event dicts), all dated after that day. Its **baseline** is the
organisation's events admitted by the view (:func:`baseline_events`):

* ``after_branch = register`` (the default): all of them — the scenario goes *on top of* the view,
  so the register's own later events (a decided change next year) still happen;
* ``after_branch = scenario_only``: those dated on or before the branch day — a *what if*: from
  that day on, only the scenario's events happen (three domains kept in 2024 although the register
  records the five departments that came).

A register event with the id of one of the scenario's is left out of the baseline: the scenario's
version counts (a promoted scenario's events are the register's events it made).

Evaluating a scenario (:func:`evaluate`, the definition) replays the baseline's events and the
scenario's events placed after them (``domain.order.place``) as the planned view replays: an event
that does not fit is passed over and kept as a **conflict** (the engine's :class:`EngineError`
names the event and the field); a register event that fits without the scenario but not with it
is **displaced**. Because every scenario event is dated after the branch day, the same answer comes
from the organisation on the branch day plus the later events (:func:`evaluate_from`, what the
service uses: the day's organisation comes from the read models); a test checks that both agree.

Pure: no I/O, mypy strict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.engine import EngineError, State, build_history, settle
from raadhuis.domain.events import Event
from raadhuis.domain.model import Citation, Snapshot, Status, View
from raadhuis.domain.order import by_day, ordered, place

Where = tuple[str | int, ...]


class AfterBranch(str, Enum):
    """What happens after the branch day besides the scenario's events."""

    REGISTER = "register"  # the register's later events in the view go on (on top of the view)
    SCENARIO_ONLY = "scenario_only"  # only the scenario's events (what if)


class ScenarioStatus(str, Enum):
    """Where a scenario stands: concept, ter besluitvorming, besloten, verworpen."""

    DRAFT = "draft"  # concept
    SUBMITTED = "submitted"  # ter besluitvorming
    DECIDED = "decided"  # besloten
    REJECTED = "rejected"  # verworpen


# The statuses a scenario may go to from each status (promoting sets "decided" itself).
NEXT_STATUS: dict[ScenarioStatus, frozenset[ScenarioStatus]] = {
    ScenarioStatus.DRAFT: frozenset({ScenarioStatus.SUBMITTED, ScenarioStatus.REJECTED}),
    ScenarioStatus.SUBMITTED: frozenset({ScenarioStatus.DRAFT, ScenarioStatus.REJECTED}),
    ScenarioStatus.REJECTED: frozenset({ScenarioStatus.DRAFT}),
    ScenarioStatus.DECIDED: frozenset(),
}


@dataclass(frozen=True)
class Baseline:
    """What the scenario was made on: a fingerprint of the organisation on the branch day, and when.

    The fingerprint is of the organisation itself (units and posts on the branch day), not of
    record ids, so an export imported elsewhere is not stale by that alone."""

    digest: str
    noted_at: str | None = None  # ISO moment the baseline was taken (record time)


@dataclass(frozen=True)
class Promotion:
    """The scenario became decided events in the register: the decision and the events it made."""

    decision: str
    events: tuple[str, ...]
    at: str | None = None  # ISO moment of the promotion (record time)


@dataclass(frozen=True)
class Scenario:
    id: str
    organisation: str
    name: str
    branch: FuzzyDate  # 'from': the day it branches (its first day counts)
    view: View = View.ACTUAL  # the baseline's view
    after_branch: AfterBranch = AfterBranch.REGISTER
    status: ScenarioStatus = ScenarioStatus.DRAFT
    events: tuple[Event, ...] = ()  # proposals, in the order they were given (their position)
    owner: str | None = None
    description: str | None = None
    decide_by: FuzzyDate | None = None  # target date of the decision
    effective_by: FuzzyDate | None = None  # target date the change takes effect
    based_on: Baseline | None = None
    copied_from: str | None = None
    promoted: Promotion | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    @property
    def branch_day(self) -> date:
        return self.branch.effective

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def event_ids(self) -> set[str]:
        return {e.id for e in self.events}


def problems(scenario: Scenario) -> list[tuple[Where, str]]:
    """What is wrong with a scenario on its own (references to the register are checked by the
    canonical form, which sees it)."""
    out: list[tuple[Where, str]] = []
    seen: dict[str, int] = {}
    day = scenario.branch_day
    for j, e in enumerate(scenario.events):
        here: Where = ("events", j)
        if e.id in seen:
            out.append(
                (here + ("id",), f"event id {e.id!r} is given twice in the scenario (also at events[{seen[e.id]}])")
            )
        seen.setdefault(e.id, j)
        if e.organisation != scenario.organisation:
            out.append(
                (
                    here + ("organisation",),
                    f"expected the scenario's organisation {scenario.organisation!r}, got {e.organisation!r}",
                )
            )
        if e.date.effective <= day:
            out.append(
                (
                    here + ("date",),
                    f"expected a date after the branch day {day.isoformat()}, got {e.date.text}: a scenario changes "
                    "the organisation from the day after it branches",
                )
            )
        if scenario.promoted is None and e.status is not Status.PROPOSED:
            out.append(
                (
                    here + ("status",),
                    f"a scenario's events are proposals: expected status 'proposed', got {e.status.value!r}",
                )
            )
    if scenario.promoted is not None and scenario.status is not ScenarioStatus.DECIDED:
        out.append(
            (("status",), f"a promoted scenario is decided; expected status 'decided', got {scenario.status.value!r}")
        )
    if scenario.promoted is not None:
        missing = [i for i in scenario.promoted.events if i not in seen]
        if missing:
            out.append((("promoted", "events"), f"not events of the scenario: {', '.join(missing)}"))
    if scenario.decide_by and scenario.effective_by and scenario.effective_by.end < scenario.decide_by.start:
        out.append((("effective_by",), "expected the change to take effect on or after the decision's target date"))
    return out


# --- evaluating --------------------------------------------------------------------------------


@dataclass
class Evaluation:
    """The scenario on the days asked, and what does not fit (every event is applied, whatever days are asked)."""

    scenario: str
    organisation: str
    view: View
    branch_day: date
    snapshots: dict[date, Snapshot] = field(default_factory=dict)
    conflicts: list[EngineError] = field(default_factory=list)  # scenario events that do not fit
    displaced: list[EngineError] = field(default_factory=list)  # register events that fit only without it
    applied: list[str] = field(default_factory=list)  # scenario event ids that applied, in order

    def at(self, day: date) -> Snapshot:
        return self.snapshots[day]


def baseline_events(events: Iterable[Event], scenario: Scenario) -> list[Event]:
    """The baseline: the organisation's events admitted by the scenario's view (up to the branch day
    for a what-if), without those the scenario holds an own version of."""
    day = scenario.branch_day
    own = scenario.event_ids()
    only_before = scenario.after_branch is AfterBranch.SCENARIO_ONLY
    return ordered(
        e
        for e in events
        if e.organisation == scenario.organisation
        and scenario.view.admits(e.status)
        and e.id not in own
        and not (only_before and e.date.effective > day)
    )


def later_events(baseline: Iterable[Event], scenario: Scenario) -> list[Event]:
    """The baseline's events after the branch day: what :func:`evaluate_from` applies besides the scenario's."""
    day = scenario.branch_day
    return [e for e in baseline if e.date.effective > day]


def _days(scenario: Scenario, days: Iterable[date]) -> list[date]:
    wanted = sorted(set(days))
    early = [d for d in wanted if d < scenario.branch_day]
    if early:
        raise ValueError(f"scenario {scenario.id!r} branches on {scenario.branch_day.isoformat()}; asked {early[0]}")
    return wanted


def evaluate(events: Iterable[Event], scenario: Scenario, days: Iterable[date]) -> Evaluation:
    """The definition: the baseline's events and the scenario's placed after them, replayed as the
    planned view replays (what does not fit is passed over and kept as a conflict)."""
    wanted = _days(scenario, days)
    base = baseline_events(events, scenario)
    mine = place(scenario.events, base)
    own = {e.id for e in mine}
    history = build_history(base + mine, scenario.organisation, View.PLANNED)
    alone = {str(c) for c in build_history(base, scenario.organisation, View.PLANNED).conflicts}
    out = Evaluation(scenario.id, scenario.organisation, scenario.view, scenario.branch_day)
    out.conflicts = [c for c in history.conflicts if c.event.id in own]
    out.displaced = [c for c in history.conflicts if c.event.id not in own and str(c) not in alone]
    out.applied = [i for i in history.applied if i in own]
    for day in wanted:
        units = {v.id: v.value for v in history.units if v.valid_from <= day < v.valid_to}
        posts = {v.id: v.value for v in history.posts if v.valid_from <= day < v.valid_to}
        out.snapshots[day] = Snapshot(scenario.organisation, day, scenario.view, units, posts)
    return out


def _state(start: Snapshot) -> State:
    return State.of(start.units, start.posts)


def evaluate_from(start: Snapshot, scenario: Scenario, days: Iterable[date], later: Iterable[Event] = ()) -> Evaluation:
    """The same answer as :func:`evaluate`, from the organisation on the branch day (``start``, in the
    baseline's view) and ``later``: the baseline's events after the branch day (:func:`later_events`;
    none for a what-if)."""
    if start.at != scenario.branch_day:
        raise ValueError(f"start is of {start.at}, the scenario branches on {scenario.branch_day}")
    wanted = _days(scenario, days)
    own = scenario.event_ids()
    after = [e for e in later if e.id not in own and e.date.effective > scenario.branch_day]
    mine = place(scenario.events, after)
    state = _state(start)
    out = Evaluation(scenario.id, scenario.organisation, scenario.view, scenario.branch_day)
    pending = list(wanted)

    def take_until(limit: date | None) -> None:
        while pending and (limit is None or pending[0] < limit):
            day = pending.pop(0)
            out.snapshots[day] = Snapshot(
                scenario.organisation, day, scenario.view, dict(state.units), dict(state.posts)
            )

    mine_ids = {e.id for e in mine}
    displaced: list[EngineError] = []
    for day, day_events in by_day(after + mine):
        take_until(day)
        for event, outcome in settle(state, day_events):
            if isinstance(outcome, EngineError):
                (out.conflicts if event.id in mine_ids else displaced).append(outcome)
            elif event.id in mine_ids:
                out.applied.append(event.id)
    take_until(None)
    if displaced:  # those that do not fit without the scenario either are the register's own conflicts
        state = _state(start)
        alone: set[str] = set()
        for _day, day_events in by_day(after):
            for _event, outcome in settle(state, day_events):
                if isinstance(outcome, EngineError):
                    alone.add(str(outcome))
        out.displaced = [c for c in displaced if str(c) not in alone]
    return out


def change_days(scenario: Scenario) -> list[date]:
    """The branch day and every day a scenario event takes effect: the points of a comparison over time."""
    return sorted({scenario.branch_day} | {e.date.effective for e in scenario.events})
