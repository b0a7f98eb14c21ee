"""Differences between two states, and lineage through events: pure functions."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from raadhuis.domain.engine import LineageLink
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Unit

# The attributes of a unit that a diff reports. "parent" changing is a move, "name" a rename.
COMPARED = ("name", "kind", "parent", "abbreviation", "temporary", "expected_end", "functional", "task_fields")


@dataclass
class UnitChange:
    id: str
    # added, removed, renamed, moved, merged, split, converted, transferred_out, transferred_in, changed, fte_changed
    change: str
    name: str
    before: dict[str, Any] | None = None  # the unit's attributes at the first date
    after: dict[str, Any] | None = None  # ... and at the second
    fte_before: float | None = None
    fte_after: float | None = None
    events: list[str] = field(default_factory=list)
    # merged into / split into / came from / converted from or into; "ORG:unit" for a unit of another organisation
    related: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # Shallow on purpose: before/after are fresh dicts of plain values already, and
        # dataclasses.asdict's deep copy was most of a large diff's time.
        return {
            "id": self.id,
            "change": self.change,
            "name": self.name,
            "before": self.before,
            "after": self.after,
            "fte_before": self.fte_before,
            "fte_after": self.fte_after,
            "events": list(self.events),
            "related": list(self.related),
        }


def unit_attributes(unit: Unit) -> dict[str, Any]:
    # Built by hand: dataclasses.asdict deep-copies and was most of a large diff's time.
    return {
        "id": unit.id,
        "name": unit.name,
        "kind": unit.kind,
        "parent": unit.parent,
        "abbreviation": unit.abbreviation,
        "temporary": unit.temporary,
        "expected_end": unit.expected_end,
        "functional": list(unit.functional),
        "task_fields": [{"code": t.code, "share": t.share} for t in unit.task_fields],
    }


def diff_units(
    before: dict[str, Unit],
    after: dict[str, Unit],
    fte_before: dict[str, float] | None = None,
    fte_after: dict[str, float] | None = None,
    events: Iterable[Event] = (),
    event_ids: dict[str, list[str]] | None = None,
) -> list[UnitChange]:
    """What changed between two states. ``events`` (those between the dates) say *why*:
    a unit that disappears through a merge is 'merged', one that appears from a split is
    'split', a temporary unit made definitive is 'converted', a unit that leaves for or comes
    from another organisation (with its sub-units) is 'transferred_out' or 'transferred_in',
    rather than a bare removal, addition or move. ``event_ids``: per unit, the ids of all the
    events between the dates that touch it, in order, when the caller has them already (then
    ``events`` need hold only the merges, absorptions, splits, conversions and transfers)."""
    fte_before = fte_before or {}
    fte_after = fte_after or {}
    merged_into: dict[str, list[str]] = {}
    split_from: dict[str, list[str]] = {}
    converted: dict[str, list[str]] = {}  # unit → the units it was converted from or into (none: kept its id)
    sent: dict[str, str] = {}  # unit → "ORG:unit" it became over there
    received: dict[str, str] = {}  # unit → "ORG:unit" it came from
    given = event_ids is not None
    touching: dict[str, list[str]] = event_ids if event_ids is not None else {}
    for ev in events:
        if not given:
            for uid in ev.subjects():
                touching.setdefault(uid, []).append(ev.id)
        if ev.type is EventType.MERGE and ev.new_unit is not None:
            for uid in ev.units:
                merged_into.setdefault(uid, []).append(ev.new_unit.id)
            split_from.setdefault(ev.new_unit.id, []).extend(ev.units)
        elif ev.type is EventType.ABSORB and ev.target:
            for uid in ev.units:
                merged_into.setdefault(uid, []).append(ev.target)
        elif ev.type is EventType.SPLIT and ev.unit:
            for new in ev.new_units:
                split_from.setdefault(new.id, []).append(ev.unit)
            merged_into.setdefault(ev.unit, []).extend(u.id for u in ev.new_units)
        elif ev.type is EventType.CONVERT and ev.unit:
            target = ev.target or ev.unit
            converted.setdefault(ev.unit, [])
            if target != ev.unit:
                converted[ev.unit].append(target)
                converted.setdefault(target, []).append(ev.unit)
        elif ev.type is EventType.TRANSFER_OUT and ev.unit and ev.other_organisation:
            sent[ev.unit] = f"{ev.other_organisation}:{ev.other_unit or ev.unit}"
        elif ev.type is EventType.TRANSFER_IN and ev.new_unit is not None and ev.other_organisation:
            received[ev.new_unit.id] = f"{ev.other_organisation}:{ev.other_unit or ev.new_unit.id}"

    def moved_with(uid: str, state: dict[str, Unit], roots: dict[str, str]) -> str | None:
        # A sub-unit leaves or arrives with the unit above it.
        seen: set[str] = set()
        current: str | None = uid
        while current is not None and current not in seen:
            if current in roots:
                return current
            seen.add(current)
            unit = state.get(current)
            current = unit.parent if unit is not None else None
        return None

    changes: list[UnitChange] = []
    for uid in sorted(set(before) | set(after)):
        a, b = before.get(uid), after.get(uid)
        fa, fb = fte_before.get(uid), fte_after.get(uid)
        evs = touching.get(uid, [])
        if a is None and b is not None:
            related = split_from.get(uid, [])
            arrived = moved_with(uid, after, received) if received else None
            if uid in converted:
                kind, related = "converted", converted[uid]
            elif arrived is not None:
                kind, related = "transferred_in", [received[arrived]] if arrived == uid else [arrived]
            elif uid in split_from and len(split_from[uid]) == 1:
                kind = "split"
            else:
                kind = "merged" if uid in split_from else "added"
            changes.append(UnitChange(uid, kind, b.name, None, unit_attributes(b), None, fb, evs, related))
        elif b is None and a is not None:
            kind = "removed"
            related = merged_into.get(uid, [])
            left = moved_with(uid, before, sent) if sent else None
            if uid in converted:
                kind, related = "converted", converted[uid]
            elif uid in merged_into:
                kind = "split" if len(merged_into[uid]) > 1 else "merged"
            elif left is not None:
                kind, related = "transferred_out", [sent[left]] if left == uid else [left]
            changes.append(UnitChange(uid, kind, a.name, unit_attributes(a), None, fa, None, evs, related))
        elif a is not None and b is not None:
            fte_differs = round(fa or 0.0, 6) != round(fb or 0.0, 6)
            if a == b and not fte_differs:  # most units do not change: skip building their attributes
                continue
            attrs_a, attrs_b = unit_attributes(a), unit_attributes(b)
            differing = [k for k in COMPARED if attrs_a[k] != attrs_b[k]]
            if not differing and not fte_differs:
                continue
            if uid in converted and a.temporary and not b.temporary:
                kind = "converted"
            elif "parent" in differing:
                kind = "moved"
            elif "name" in differing:
                kind = "renamed"
            elif differing:
                kind = "changed"
            else:
                kind = "fte_changed"
            changes.append(UnitChange(uid, kind, b.name, attrs_a, attrs_b, fa, fb, evs))
    return changes


def apply_diff(before: dict[str, Unit], changes: Iterable[UnitChange]) -> dict[str, Unit]:
    """Apply a diff to a state: the inverse check of :func:`diff_units`."""
    from raadhuis.domain.model import TaskFieldShare

    out = dict(before)
    for ch in changes:
        if ch.after is None:
            out.pop(ch.id, None)
            continue
        attrs = dict(ch.after)
        attrs["functional"] = tuple(attrs["functional"])
        attrs["task_fields"] = tuple(TaskFieldShare(**t) for t in attrs["task_fields"])
        out[ch.id] = Unit(**attrs)
    return out


_Day = date  # the field "date" below shadows the type inside the class


@dataclass(frozen=True)
class LineageStep:
    id: str
    date: date
    event: str
    type: str
    depth: int
    # For the unit's own earlier form (a conversion that kept the id): the day that form ended.
    until: _Day | None = None


Node = tuple[str, int]  # a unit id and its form: 0 before its first conversion that kept the id, 1 after, …


def lineage(links: Iterable[LineageLink], unit: str) -> tuple[list[LineageStep], list[LineageStep]]:
    """Predecessors and successors of ``unit``, transitively, each with the date and event
    that connected it. Links only run forward in time, so the walk cannot loop; a unit met
    twice is reported once, at its nearest distance.

    A conversion that keeps the unit's id is a link from the unit to itself: it divides the unit
    into its temporary and its definitive form. The walk starts from the unit's last form, so the
    temporary form is the first predecessor of a converted unit (the step has ``until``), followed
    by what the temporary unit came from. A link arriving on the day of a conversion belongs to the
    form before it, a link leaving on that day to the form after it."""
    links = list(links)
    conversions: dict[str, list[date]] = {}
    for link in links:
        if link.source == link.target and link.type is EventType.CONVERT:
            conversions.setdefault(link.source, []).append(link.date)
    for days in conversions.values():
        days.sort()

    def arriving(uid: str, day: date) -> Node:
        return uid, sum(1 for d in conversions.get(uid, ()) if d < day)

    def leaving(uid: str, day: date) -> Node:
        return uid, sum(1 for d in conversions.get(uid, ()) if d <= day)

    forward: dict[Node, list[tuple[LineageLink, Node]]] = {}
    backward: dict[Node, list[tuple[LineageLink, Node]]] = {}
    for link in links:
        if link.source == link.target:
            if link.type is not EventType.CONVERT:
                continue
            form = conversions[link.source].index(link.date)
            source, target = (link.source, form), (link.source, form + 1)
        else:
            source, target = leaving(link.source, link.date), arriving(link.target, link.date)
        forward.setdefault(source, []).append((link, target))
        backward.setdefault(target, []).append((link, source))

    def walk(index: dict[Node, list[tuple[LineageLink, Node]]], start: Node, forward_dir: bool) -> list[LineageStep]:
        out: list[LineageStep] = []
        seen = {start}
        queue: deque[tuple[Node, int]] = deque([(start, 0)])
        while queue:
            current, depth = queue.popleft()
            for link, nxt in sorted(index.get(current, []), key=lambda k: (k[0].date, k[0].event)):
                if nxt in seen:
                    continue
                seen.add(nxt)
                until = link.date if link.source == link.target and not forward_dir else None
                out.append(LineageStep(nxt[0], link.date, link.event, link.type.value, depth + 1, until))
                queue.append((nxt, depth + 1))
        return out

    start: Node = (unit, len(conversions.get(unit, ())))
    return walk(backward, start, False), walk(forward, start, True)
