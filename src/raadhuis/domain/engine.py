"""The temporal engine: replay change events into states, histories and lineage.

Pure functions over :mod:`raadhuis.domain.events`; no I/O. Two entry points:

* :func:`replay` — the organisation as of a day, by applying the admitted events in
  order. It is the definition of "as of"; the store's interval tables must agree with it
  (a property test checks that).
* :func:`build_history` — the same replay, kept as half-open intervals [from, to) per
  unit and post version, plus lineage links; the store saves these for fast queries.

Organisations that transfer units to one another are replayed together
(:func:`build_histories`): a ``transfer_out`` to an organisation in the same replay takes the unit
with its sub-units, posts and staffing out of the one and into the other in one step, whole or not
at all, so FTE is conserved across the two. A transfer to an organisation outside the replay (not
in the register) simply makes the unit leave. Which organisations go together:
:mod:`raadhuis.domain.transfers`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from itertools import groupby
from typing import Any

from raadhuis.domain.dates import END_OF_TIME
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Post, Snapshot, Staffing, StaffingKind, TaskFieldShare, Unit, View
from raadhuis.domain.order import order_key, ordered
from raadhuis.domain.transfers import arrival_id, together, transfer_pairs


class EngineError(ValueError):
    """An event that cannot apply to the organisation as it stands on its date."""

    def __init__(self, event: Event, field_name: str, message: str) -> None:
        super().__init__(message)
        self.event = event
        self.field = field_name
        self.message = message

    def __str__(self) -> str:
        return f"event {self.event.id} ({self.event.type.value}, {self.event.date}): {self.field}: {self.message}"


@dataclass(frozen=True)
class LineageLink:
    """Unit ``source`` continued (partly) in ``target`` on ``date`` through an event."""

    source: str  # unit id, or "ORG:unit" for a unit of another organisation
    target: str
    date: date
    event: str
    type: EventType


_MISSING: Any = object()


class _Table(dict[str, Any]):
    """The units or posts of a state, with two extras the engine needs at scale.

    * An index from a group key (a unit's parent, a post's unit) to the members, so
      "the sub-units of X" and "the posts of X" do not scan the whole organisation.
    * A journal of what was overwritten, so a failed event is undone whole: an event
      either applies completely or not at all (the planned view passes over events that
      no longer fit, and must not keep half of one).
    """

    def __init__(self, group: Any) -> None:
        super().__init__()
        self._group = group
        self.index: dict[str | None, set[str]] = {}
        self.log: list[tuple[str, Any]] | None = None

    def members(self, key: str | None) -> list[str]:
        return sorted(self.index.get(key, ()))

    def _unindex(self, key: str) -> None:
        old = self.get(key, _MISSING)
        if old is not _MISSING:
            bucket = self.index.get(self._group(old))
            if bucket is not None:
                bucket.discard(key)

    def _raw_set(self, key: str, value: Any) -> None:
        self._unindex(key)
        super().__setitem__(key, value)
        self.index.setdefault(self._group(value), set()).add(key)

    def _raw_del(self, key: str) -> None:
        self._unindex(key)
        super().__delitem__(key)

    def __setitem__(self, key: str, value: Any) -> None:
        if self.log is not None:
            self.log.append((key, self.get(key, _MISSING)))
        self._raw_set(key, value)

    def __delitem__(self, key: str) -> None:
        if self.log is not None:
            self.log.append((key, self.get(key, _MISSING)))
        self._raw_del(key)

    def pop(self, key: str, *default: Any) -> Any:
        if key not in self:
            if default:
                return default[0]
            raise KeyError(key)
        value = self[key]
        del self[key]
        return value

    def fill(self, items: Mapping[str, Any]) -> None:
        """Put many items into an empty table, no journal kept (a state made from a snapshot): the
        same content and index as setting each, without looking up what each would overwrite."""
        if self or self.log is not None:
            for key, value in items.items():
                self[key] = value
            return
        super().update(items)
        group, index = self._group, self.index
        for key, value in items.items():
            index.setdefault(group(value), set()).add(key)

    def undo(self) -> None:
        for key, old in reversed(self.log or []):
            if old is _MISSING:
                if key in self:
                    self._raw_del(key)
            else:
                self._raw_set(key, old)


def _unit_table() -> _Table:
    return _Table(lambda u: u.parent)


def _post_table() -> _Table:
    return _Table(lambda p: p.unit)


@dataclass
class State:
    units: dict[str, Unit] = field(default_factory=_unit_table)
    posts: dict[str, Post] = field(default_factory=_post_table)

    @classmethod
    def of(cls, units: Mapping[str, Unit], posts: Mapping[str, Post]) -> State:
        """A state holding these units and posts (the organisation on a day), indexed as the engine needs."""
        unit_table, post_table = _unit_table(), _post_table()
        unit_table.fill(units)
        post_table.fill(posts)
        return cls(unit_table, post_table)

    def children_of(self, uid: str) -> list[str]:
        if isinstance(self.units, _Table):
            return self.units.members(uid)
        return sorted(u.id for u in self.units.values() if u.parent == uid)

    def posts_in(self, uid: str) -> list[str]:
        if isinstance(self.posts, _Table):
            return self.posts.members(uid)
        return sorted(p.id for p in self.posts.values() if p.unit == uid)


@dataclass
class Effect:
    units: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)
    links: list[LineageLink] = field(default_factory=list)
    arrival: Event | None = None  # in the receiving organisation: the transfer in, as derived from the sender's event
    # in the sending organisation, for a transfer to one replayed with it: the receiver and its effect
    there: tuple[str, Effect] | None = None


UNIT_ATTRIBUTES = ("name", "kind", "abbreviation", "temporary", "expected_end", "functional", "task_fields")
POST_ATTRIBUTES = ("title", "fte", "scale", "roles", "staffing", "reports_to")


def admitted(events: Iterable[Event], organisation: str, view: View) -> list[Event]:
    return ordered(e for e in events if e.organisation == organisation and view.admits(e.status))


Outcome = Any  # what applying one event gives: an Effect, or an Effect per organisation


def _settle(day_events: list[Event], apply_one: Callable[[Event], Outcome]) -> Iterator[tuple[Event, Any]]:
    pending = day_events
    while pending:
        failed: list[tuple[Event, EngineError]] = []
        for event in pending:
            try:
                outcome = apply_one(event)
            except EngineError as exc:
                failed.append((event, exc))
                continue
            yield event, outcome
        if len(failed) == len(pending):
            yield from failed
            return
        pending = [event for event, _ in failed]


def settle(state: State, day_events: list[Event]) -> Iterator[tuple[Event, Effect | EngineError]]:
    """Apply the events of one day in order (domain/order.py); an event that cannot apply yet is
    tried again after the others of that day, as long as another one applied meanwhile. Yields
    each event with its effect, or — for what still does not fit — with its error."""
    yield from _settle(day_events, lambda event: apply(state, event))


def _joint_order(events: list[Event], several: bool) -> list[Event]:
    # The domain's order (domain/order.py); between organisations on one day, by organisation, so
    # the replay does not depend on the order the events were passed in.
    if not several:
        return ordered(events)
    return sorted(events, key=lambda e: (order_key(e), e.organisation))


def group_of(
    events: Iterable[Event], organisation: str, members: Iterable[str] | None = None
) -> tuple[list[Event], set[str]]:
    """The events (as a list) and the organisations replayed together to answer for ``organisation``.

    ``members`` are the organisations in the register (by default: those with events here); a
    transfer to any other organisation makes the unit leave."""
    events = list(events)
    inside = {organisation} | (set(members) if members is not None else {e.organisation for e in events})
    return events, together({organisation}, transfer_pairs(events), inside)


class _Joint:
    """The states of organisations replayed together, day by day."""

    def __init__(self, events: Iterable[Event], organisations: Iterable[str], view: View) -> None:
        self.view = view
        self.states = {org: State() for org in sorted(set(organisations))}
        mine = [e for e in events if e.organisation in self.states and view.admits(e.status)]
        self.events = _joint_order(mine, len(self.states) > 1)
        # One organisation (no transfers to one replayed with it): straight to apply, one call less per event.
        self.apply_one: Callable[[Event], Effect] = (
            partial(apply, next(iter(self.states.values()))) if len(self.states) == 1 else self.apply
        )

    def run(self, until: date | None = None) -> Iterator[tuple[date, Event, Effect | EngineError]]:
        # self.events is in order already: group it per day without sorting again (order.by_day would).
        for day, group in groupby(self.events, key=lambda e: e.date.effective):
            day_events = list(group)
            if until is not None and day > until:
                return
            for event, outcome in _settle(day_events, self.apply_one):
                yield day, event, outcome

    def apply(self, event: Event) -> Effect:
        """The event's effect on its organisation; a transfer to one replayed with it also carries
        the receiver's effect (``Effect.there``)."""
        state = self.states[event.organisation]
        receiver = event.other_organisation if event.type is EventType.TRANSFER_OUT else None
        if receiver is None or receiver == event.organisation or receiver not in self.states:
            return apply(state, event)
        there = self.states[receiver]
        here_effect, there_effect = Effect(), Effect()
        with _journal(state, there):
            units, posts = _depart(state, event, here_effect)
            there_effect.arrival = _arrive(there, event, units, posts, there_effect)
        here_effect.there = (receiver, there_effect)
        return here_effect


def replay(
    events: Iterable[Event],
    organisation: str,
    at: date,
    view: View = View.ACTUAL,
    members: Iterable[str] | None = None,
) -> Snapshot:
    """The organisation as of ``at``: every admitted event dated on or before it, in order.

    In the planned view an event that no longer fits (its unit was already planned away)
    is passed over, as :func:`build_history` does; in the actual view it is an error.
    Organisations it transfers units to or receives them from are replayed with it (see
    :func:`group_of` for ``members``).
    """
    events, group = group_of(events, organisation, members)
    joint = _Joint(events, group, view)
    for _day, _event, outcome in joint.run(until=at):
        if isinstance(outcome, EngineError) and view is View.ACTUAL:
            raise outcome
    state = joint.states[organisation]
    return Snapshot(organisation, at, view, dict(state.units), dict(state.posts))


@dataclass(frozen=True)
class Version:
    """One state of a unit or post over [valid_from, valid_to)."""

    id: str
    valid_from: date
    valid_to: date
    value: Any  # Unit or Post


@dataclass
class History:
    organisation: str
    view: View
    units: list[Version] = field(default_factory=list)
    posts: list[Version] = field(default_factory=list)
    links: list[LineageLink] = field(default_factory=list)
    conflicts: list[EngineError] = field(default_factory=list)  # planned events that no longer fit
    applied: list[str] = field(default_factory=list)  # event ids, in order
    arrivals: list[Event] = field(default_factory=list)  # transfers in, derived from the senders' events


def build_history(
    events: Iterable[Event], organisation: str, view: View = View.ACTUAL, members: Iterable[str] | None = None
) -> History:
    """Replay all admitted events, keeping every version as an interval (with the organisations
    it transfers units to or receives them from; see :func:`group_of` for ``members``)."""
    events, group = group_of(events, organisation, members)
    return build_histories(events, group, view)[organisation]


def build_histories(
    events: Iterable[Event], organisations: Iterable[str], view: View = View.ACTUAL
) -> dict[str, History]:
    """The histories of organisations replayed together (those that transfer units to one another).

    A transfer out to one of them moves the unit between the two in one step; to any other
    organisation the unit leaves. In the actual view an event that does not fit is an error; in
    the planned view it is passed over — both halves of a transfer — and kept as a conflict of the
    organisation whose event it is."""
    joint = _Joint(events, organisations, view)
    histories = {org: History(org, view) for org in joint.states}
    opened: dict[str, tuple[dict[str, tuple[date, Unit]], dict[str, tuple[date, Post]]]] = {
        org: ({}, {}) for org in joint.states
    }
    for day, event, outcome in joint.run():
        if isinstance(outcome, EngineError):
            if view is View.ACTUAL:
                raise outcome
            histories[event.organisation].conflicts.append(outcome)
            continue
        org = event.organisation
        histories[org].applied.append(event.id)
        open_units, open_posts = opened[org]
        _record(histories[org], joint.states[org], outcome, day, open_units, open_posts)
        if outcome.there is not None:
            there, effect = outcome.there
            open_units, open_posts = opened[there]
            _record(histories[there], joint.states[there], effect, day, open_units, open_posts)
            histories[there].arrivals.append(effect.arrival)  # type: ignore[arg-type]
    for org, history in histories.items():
        open_units, open_posts = opened[org]
        for uid, (start, unit) in open_units.items():
            history.units.append(Version(uid, start, END_OF_TIME, unit))
        for pid, (start, post) in open_posts.items():
            history.posts.append(Version(pid, start, END_OF_TIME, post))
    return histories


def _record(
    history: History,
    state: State,
    effect: Effect,
    day: date,
    open_units: dict[str, tuple[date, Unit]],
    open_posts: dict[str, tuple[date, Post]],
) -> None:
    """Close the versions an applied event ended and open the ones it began."""

    def close(open_map: dict[str, tuple[date, Any]], out: list[Version], key: str) -> None:
        start, value = open_map.pop(key)
        if start < day:  # several changes on one day leave only the last state
            out.append(Version(key, start, day, value))

    for uid in effect.units:
        if uid in open_units:
            close(open_units, history.units, uid)
        if uid in state.units:
            open_units[uid] = (day, state.units[uid])
    for pid in effect.posts:
        if pid in open_posts:
            close(open_posts, history.posts, pid)
        if pid in state.posts:
            open_posts[pid] = (day, state.posts[pid])
    history.links.extend(effect.links)


# --- applying one event -----------------------------------------------------------


@contextmanager
def _journal(*states: State) -> Iterator[None]:
    """Keep what the body overwrites in the states' tables and undo it all if it raises an
    EngineError: an event — both halves of a transfer — applies completely or not at all."""
    tables = [t for st in states for t in (st.units, st.posts) if isinstance(t, _Table)]
    for table in tables:
        table.log = []
    try:
        yield
    except EngineError:
        for table in tables:
            table.undo()
        raise
    finally:
        for table in tables:
            table.log = None


def apply(state: State, event: Event) -> Effect:
    """Apply ``event`` to ``state`` in place; raise :class:`EngineError` if it cannot apply.

    The journal of :func:`_journal`, written out: this runs once per event (a context manager
    per event was a sixth of a large replay's time)."""
    handler = _HANDLERS[event.type]
    effect = Effect()
    units, posts = state.units, state.posts
    journaled = isinstance(units, _Table) and isinstance(posts, _Table)
    if journaled:
        units.log, posts.log = [], []  # type: ignore[attr-defined]
    try:
        handler(state, event, effect)
    except EngineError:
        if journaled:
            units.undo()  # type: ignore[attr-defined]
            posts.undo()  # type: ignore[attr-defined]
        raise
    finally:
        if journaled:
            units.log = posts.log = None  # type: ignore[attr-defined]
    return effect


def _need_unit(state: State, event: Event, uid: str | None, field_name: str = "unit") -> Unit:
    if not uid:
        raise EngineError(event, field_name, "a unit id is required")
    unit = state.units.get(uid)
    if unit is None:
        raise EngineError(event, field_name, f"unit {uid!r} does not exist on {event.date.effective.isoformat()}")
    return unit


def _need_post(state: State, event: Event, pid: str | None) -> Post:
    if not pid:
        raise EngineError(event, "post", "a post id is required")
    post = state.posts.get(pid)
    if post is None:
        raise EngineError(event, "post", f"post {pid!r} does not exist on {event.date.effective.isoformat()}")
    return post


def _check_parent(state: State, event: Event, unit_id: str, parent: str | None, field_name: str) -> None:
    if parent is None:
        return
    if parent not in state.units:
        raise EngineError(
            event, field_name, f"parent unit {parent!r} does not exist on {event.date.effective.isoformat()}"
        )
    # Walk up from the new parent: meeting the unit itself means a cycle.
    seen = {unit_id}
    current: str | None = parent
    while current is not None:
        if current in seen:
            raise EngineError(event, field_name, f"making {parent!r} the parent of {unit_id!r} creates a cycle")
        seen.add(current)
        current = state.units[current].parent if current in state.units else None


def _add_unit(state: State, event: Event, unit: Unit, effect: Effect, field_name: str = "unit") -> None:
    if unit.id in state.units:
        raise EngineError(
            event,
            f"{field_name}.id",
            f"unit {unit.id!r} already exists on {event.date.effective.isoformat()}; "
            "a unit has one line parent at a time (end it or move it instead)",
        )
    _check_parent(state, event, unit.id, unit.parent, f"{field_name}.parent")
    state.units[unit.id] = unit
    effect.units.add(unit.id)


def _end_unit(
    state: State,
    event: Event,
    uid: str,
    effect: Effect,
    heirs: dict[str, str] | None = None,
    default_heir: str | None = None,
) -> None:
    """Remove a unit; its posts and sub-units go to an heir, or end with it if there is none."""
    del state.units[uid]
    effect.units.add(uid)
    for child_id in state.children_of(uid):
        if default_heir is None:
            raise EngineError(
                event,
                "unit",
                f"unit {uid!r} still has sub-unit {child_id!r}; move or end it first",
            )
        state.units[child_id] = replace(state.units[child_id], parent=default_heir)
        effect.units.add(child_id)
    for post in [state.posts[pid] for pid in state.posts_in(uid)]:
        heir = (heirs or {}).get(post.id, default_heir)
        if heir is None:
            del state.posts[post.id]
        else:
            state.posts[post.id] = replace(post, unit=heir)
        effect.posts.add(post.id)


def _establish(state: State, event: Event, effect: Effect) -> None:
    if event.new_unit is None:
        raise EngineError(event, "unit", "establish needs the new unit (id, name, kind)")
    _add_unit(state, event, event.new_unit, effect)


def _rename(state: State, event: Event, effect: Effect) -> None:
    unit = _need_unit(state, event, event.unit)
    name = event.changes.get("name")
    if not name:
        raise EngineError(event, "name", "rename needs the new name")
    state.units[unit.id] = replace(
        unit, name=str(name), abbreviation=event.changes.get("abbreviation", unit.abbreviation)
    )
    effect.units.add(unit.id)


def _move(state: State, event: Event, effect: Effect) -> None:
    unit = _need_unit(state, event, event.unit)
    _check_parent(state, event, unit.id, event.target, "parent")
    state.units[unit.id] = replace(unit, parent=event.target)
    effect.units.add(unit.id)


def _merge(state: State, event: Event, effect: Effect) -> None:
    if len(event.units) < 2:
        raise EngineError(event, "units", "a merge needs at least two units")
    if event.new_unit is None:
        raise EngineError(event, "into", "a merge needs the new unit it forms (id, name, kind)")
    for uid in event.units:
        _need_unit(state, event, uid, "units")
    # The new unit may take the parent of a merged unit: establish it after they are gone.
    day = event.date.effective
    new_id = event.new_unit.id
    if new_id in state.units:
        raise EngineError(
            event, "into.id", f"unit {new_id!r} already exists; use absorb to merge into an existing unit"
        )
    state.units[new_id] = replace(event.new_unit, parent=None)
    for uid in event.units:
        _end_unit(state, event, uid, effect, default_heir=new_id)
        effect.links.append(LineageLink(uid, new_id, day, event.id, event.type))
    state.units.pop(new_id)
    _add_unit(state, event, event.new_unit, effect, "into")


def _absorb(state: State, event: Event, effect: Effect) -> None:
    target = _need_unit(state, event, event.target, "into")
    if not event.units:
        raise EngineError(event, "units", "absorb needs the units that go into the receiving unit")
    for uid in event.units:
        if uid == target.id:
            raise EngineError(event, "units", f"unit {uid!r} cannot be absorbed into itself")
        _need_unit(state, event, uid, "units")
    for uid in event.units:
        _end_unit(state, event, uid, effect, default_heir=target.id)
        effect.links.append(LineageLink(uid, target.id, event.date.effective, event.id, event.type))
    # A unit absorbed into its own descendant would leave a cycle; _check_parent catches it.
    _check_parent(state, event, target.id, state.units[target.id].parent, "into")


def _split(state: State, event: Event, effect: Effect) -> None:
    """The unit ends; each resulting unit takes the posts and sub-units the event gives it. Every
    post and sub-unit must go somewhere: a split that leaves one unallocated is refused."""
    unit = _need_unit(state, event, event.unit)
    if len(event.new_units) < 2:
        raise EngineError(event, "into", "a split needs at least two resulting units")
    new_ids = [u.id for u in event.new_units]
    day = event.date.effective.isoformat()
    post_heirs = _allocated(event, event.allocation, new_ids, "posts", set(state.posts_in(unit.id)), "post")
    unit_heirs = _allocated(event, event.sub_units, new_ids, "units", set(state.children_of(unit.id)), "sub-unit")
    for pid in state.posts_in(unit.id):
        if pid not in post_heirs:
            raise EngineError(
                event,
                "into",
                f"post {pid!r} of unit {unit.id!r} is not allocated on {day}; "
                "name it in the 'posts' of one of the resulting units",
            )
    for child in state.children_of(unit.id):
        if child not in unit_heirs:
            raise EngineError(
                event,
                "into",
                f"sub-unit {child!r} of unit {unit.id!r} is not allocated on {day}; "
                "name it in the 'units' of one of the resulting units",
            )
    for new in event.new_units:
        if new.id in state.units and new.id != unit.id:
            raise EngineError(event, "into.id", f"unit {new.id!r} already exists on {day}")
    # The new units are placed first so the heirs exist, then established properly once the old one is gone.
    for new in event.new_units:
        if new.id != unit.id:
            state.units[new.id] = replace(new, parent=None)
    for child, heir in unit_heirs.items():
        state.units[child] = replace(state.units[child], parent=heir)
        effect.units.add(child)
    # A resulting unit may keep the old id: what is allocated to it stays where it is.
    _end_unit(state, event, unit.id, effect, heirs=post_heirs, default_heir=unit.id if unit.id in new_ids else None)
    for new in event.new_units:
        state.units.pop(new.id, None)
    for new in event.new_units:
        _add_unit(state, event, new, effect, "into")
        effect.links.append(LineageLink(unit.id, new.id, event.date.effective, event.id, event.type))


def _allocated(
    event: Event,
    allocation: dict[str, tuple[str, ...]],
    new_ids: list[str],
    key: str,
    present: set[str],
    what: str,
) -> dict[str, str]:
    """What a split gives each resulting unit (``into[].posts`` or ``into[].units``), checked:
    only what the unit has, each thing to one resulting unit."""
    heirs: dict[str, str] = {}
    for target, items in allocation.items():
        if target not in new_ids:
            raise EngineError(event, "into", f"{what}s are allocated to {target!r}, which is not a resulting unit")
        field_name = f"into.{new_ids.index(target)}.{key}"
        for item in items:
            if item not in present:
                raise EngineError(event, field_name, f"{what} {item!r} is not in unit {event.unit!r}")
            if item in heirs:
                raise EngineError(
                    event, field_name, f"{what} {item!r} is allocated twice ({heirs[item]!r} and {target!r})"
                )
            heirs[item] = target
    return heirs


def _depart(state: State, event: Event, effect: Effect) -> tuple[list[Unit], list[Post]]:
    """The unit leaves with its sub-units and their posts; returns them as they were, the unit first
    and every parent before its sub-units."""
    unit = _need_unit(state, event, event.unit)
    if not event.other_organisation:
        raise EngineError(event, "to", "a transfer out needs the receiving organisation")
    subtree = _subtree(state, unit.id)
    units = [state.units[uid] for uid in subtree]
    posts = [state.posts[pid] for uid in subtree for pid in state.posts_in(uid)]
    for uid in reversed(subtree):
        _end_unit(state, event, uid, effect)
    other = f"{event.other_organisation}:{event.other_unit or unit.id}"
    effect.links.append(LineageLink(unit.id, other, event.date.effective, event.id, event.type))
    return units, posts


def _transfer_out(state: State, event: Event, effect: Effect) -> None:
    _depart(state, event, effect)


def _arrive(state: State, event: Event, units: list[Unit], posts: list[Post], effect: Effect) -> Event:
    """The receiving half of a transfer: the units and posts that left the sender arrive, the unit
    under ``parent`` (or at the top) and with the id ``other_unit`` when given. Returns the transfer in
    as the receiving organisation's history shows it."""
    receiver = str(event.other_organisation)
    day = event.date.effective
    root = units[0]
    new_root = event.other_unit or root.id

    def here(uid: str | None) -> str | None:
        return new_root if uid == root.id else uid

    if event.target is not None and event.target not in state.units:
        raise EngineError(
            event, "parent", f"parent unit {event.target!r} does not exist in {receiver} on {day.isoformat()}"
        )
    arriving_root = replace(root, id=new_root, parent=event.target)
    for u in units:
        arriving = arriving_root if u is root else replace(u, parent=here(u.parent))
        if arriving.id in state.units:
            raise EngineError(
                event,
                "other_unit" if u is root else "unit",
                f"unit {arriving.id!r} already exists in {receiver} on {day.isoformat()}; "
                "give the unit its id there with 'other_unit'",
            )
        state.units[arriving.id] = arriving
        effect.units.add(arriving.id)
    for p in posts:
        if p.id in state.posts:
            raise EngineError(event, "unit", f"post {p.id!r} already exists in {receiver} on {day.isoformat()}")
        state.posts[p.id] = replace(p, unit=str(here(p.unit)))
        effect.posts.add(p.id)
    effect.links.append(LineageLink(f"{event.organisation}:{root.id}", new_root, day, event.id, EventType.TRANSFER_IN))
    return Event(
        id=arrival_id(event.organisation, event.id),
        type=EventType.TRANSFER_IN,
        date=event.date,
        organisation=receiver,
        status=event.status,
        seq=-1,  # it arrives at the start of the day: before the receiver's own events of that day
        new_unit=arriving_root,
        other_organisation=event.organisation,
        other_unit=root.id,
        decision=event.decision,
        citations=event.citations,
        assumption=event.assumption,
        title=event.title,
        description=event.description,
    )


def _transfer_in(state: State, event: Event, effect: Effect) -> None:
    if event.new_unit is None:
        raise EngineError(event, "unit", "a transfer in needs the unit as it arrives (id, name, kind)")
    if not event.other_organisation:
        raise EngineError(event, "from", "a transfer in needs the organisation it comes from")
    _add_unit(state, event, event.new_unit, effect)
    other = f"{event.other_organisation}:{event.other_unit or event.new_unit.id}"
    effect.links.append(LineageLink(other, event.new_unit.id, event.date.effective, event.id, event.type))


def _subtree(state: State, root: str) -> list[str]:
    out = [root]
    i = 0
    while i < len(out):
        out.extend(state.children_of(out[i]))
        i += 1
    return out


def _dissolve(state: State, event: Event, effect: Effect) -> None:
    unit = _need_unit(state, event, event.unit)
    _end_unit(state, event, unit.id, effect)


def _convert(state: State, event: Event, effect: Effect) -> None:
    """A temporary unit becomes definitive. It keeps its id, or takes the id in ``into``: then the
    temporary unit ends and the definitive one takes its posts and sub-units. Either way the
    temporary unit is the definitive one's origin (a lineage link; with one id, a link from the unit
    to itself that :func:`raadhuis.domain.compare.lineage` reads as the unit's earlier form)."""
    unit = _need_unit(state, event, event.unit)
    if not unit.temporary:
        raise EngineError(event, "unit", f"unit {unit.id!r} is not temporary; only a temporary unit converts")
    changes = dict(event.changes)
    new = _changed_unit(event, unit, changes)
    new = replace(new, temporary=False, expected_end=None, parent=changes.get("parent", unit.parent))
    new_id = event.target or unit.id
    day = event.date.effective
    if new_id == unit.id:
        _check_parent(state, event, unit.id, new.parent, "parent")
        state.units[unit.id] = new
        effect.units.add(unit.id)
    else:
        if new_id in state.units:
            raise EngineError(event, "into.id", f"unit {new_id!r} already exists on {day.isoformat()}")
        state.units[new_id] = replace(new, id=new_id, parent=None)  # the heir exists while the old one ends
        _end_unit(state, event, unit.id, effect, default_heir=new_id)
        state.units.pop(new_id)
        _add_unit(state, event, replace(new, id=new_id), effect, "into")
    effect.links.append(LineageLink(unit.id, new_id, day, event.id, event.type))


def _changed_unit(event: Event, unit: Unit, changes: dict[str, Any]) -> Unit:
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "parent":
            continue
        if key not in UNIT_ATTRIBUTES:
            raise EngineError(
                event, f"set.{key}", f"unknown unit attribute; expected one of {', '.join(UNIT_ATTRIBUTES)}"
            )
        if key == "task_fields":
            value = tuple(v if isinstance(v, TaskFieldShare) else TaskFieldShare(**v) for v in value)
        if key == "functional":
            value = tuple(value)
        values[key] = value
    return replace(unit, **values)


def _change(state: State, event: Event, effect: Effect) -> None:
    unit = _need_unit(state, event, event.unit)
    if not event.changes:
        raise EngineError(event, "set", "a change needs at least one attribute to set")
    new = _changed_unit(event, unit, event.changes)
    if "parent" in event.changes:
        _check_parent(state, event, unit.id, event.changes["parent"], "set.parent")
        new = replace(new, parent=event.changes["parent"])
    state.units[unit.id] = new
    effect.units.add(unit.id)


def _bundle(state: State, event: Event, effect: Effect) -> None:
    target = _need_unit(state, event, event.target, "into")
    post_ids = list(event.posts)
    for uid in event.units:
        _need_unit(state, event, uid, "units")
        if not event.posts:  # no posts named: the function's posts are all posts of the unit
            post_ids.extend(state.posts_in(uid))
    if not post_ids:
        raise EngineError(event, "posts", "bundling needs posts (or units whose posts move)")
    for pid in post_ids:
        post = _need_post(state, event, pid)
        state.posts[pid] = replace(post, unit=target.id)
        effect.posts.add(pid)
    for uid in sorted({u for u in event.units}):
        effect.links.append(LineageLink(uid, target.id, event.date.effective, event.id, event.type))


def _add_post(state: State, event: Event, effect: Effect) -> None:
    post = event.post
    if post is None:
        raise EngineError(event, "post", "add_post needs the post (id, unit, title, fte)")
    if post.id in state.posts:
        raise EngineError(event, "post.id", f"post {post.id!r} already exists on {event.date.effective.isoformat()}")
    _need_unit(state, event, post.unit, "post.unit")
    state.posts[post.id] = post
    effect.posts.add(post.id)


def _change_post(state: State, event: Event, effect: Effect) -> None:
    post = _need_post(state, event, event.post_id)
    values: dict[str, Any] = {}
    for key, value in event.changes.items():
        if key not in POST_ATTRIBUTES:
            raise EngineError(
                event, f"set.{key}", f"unknown post attribute; expected one of {', '.join(POST_ATTRIBUTES)}"
            )
        if key == "staffing":
            value = tuple(
                v if isinstance(v, Staffing) else Staffing(StaffingKind(v["kind"]), float(v["fte"])) for v in value
            )
        if key == "roles":
            value = tuple(value)
        values[key] = value
    if not values:
        raise EngineError(event, "set", "change_post needs at least one attribute to set")
    state.posts[post.id] = replace(post, **values)
    effect.posts.add(post.id)


def _remove_post(state: State, event: Event, effect: Effect) -> None:
    post = _need_post(state, event, event.post_id)
    del state.posts[post.id]
    effect.posts.add(post.id)


def _move_post(state: State, event: Event, effect: Effect) -> None:
    post = _need_post(state, event, event.post_id)
    _need_unit(state, event, event.target, "into")
    state.posts[post.id] = replace(post, unit=str(event.target))
    effect.posts.add(post.id)


_HANDLERS = {
    EventType.ESTABLISH: _establish,
    EventType.RENAME: _rename,
    EventType.MOVE: _move,
    EventType.MERGE: _merge,
    EventType.ABSORB: _absorb,
    EventType.SPLIT: _split,
    EventType.TRANSFER_OUT: _transfer_out,
    EventType.TRANSFER_IN: _transfer_in,
    EventType.DISSOLVE: _dissolve,
    EventType.CONVERT: _convert,
    EventType.CHANGE: _change,
    EventType.BUNDLE: _bundle,
    EventType.ADD_POST: _add_post,
    EventType.CHANGE_POST: _change_post,
    EventType.REMOVE_POST: _remove_post,
    EventType.MOVE_POST: _move_post,
}
