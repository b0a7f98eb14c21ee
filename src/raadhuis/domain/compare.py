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
    change: str  # added, removed, renamed, moved, merged, split, changed, fte_changed
    name: str
    before: dict[str, Any] | None = None  # the unit's attributes at the first date
    after: dict[str, Any] | None = None  # ... and at the second
    fte_before: float | None = None
    fte_after: float | None = None
    events: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)  # merged into / split into / came from

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
) -> list[UnitChange]:
    """What changed between two states. ``events`` (those between the dates) say *why*:
    a unit that disappears through a merge is 'merged', one that appears from a split is
    'split', rather than a bare removal or addition."""
    fte_before = fte_before or {}
    fte_after = fte_after or {}
    merged_into: dict[str, list[str]] = {}
    split_from: dict[str, list[str]] = {}
    event_ids: dict[str, list[str]] = {}
    for ev in events:
        for uid in ev.subjects():
            event_ids.setdefault(uid, []).append(ev.id)
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

    changes: list[UnitChange] = []
    for uid in sorted(set(before) | set(after)):
        a, b = before.get(uid), after.get(uid)
        fa, fb = fte_before.get(uid), fte_after.get(uid)
        evs = event_ids.get(uid, [])
        if a is None and b is not None:
            kind = (
                "split"
                if uid in split_from and len(split_from[uid]) == 1
                else ("merged" if uid in split_from else "added")
            )
            changes.append(
                UnitChange(uid, kind, b.name, None, unit_attributes(b), None, fb, evs, split_from.get(uid, []))
            )
        elif b is None and a is not None:
            kind = "removed"
            if uid in merged_into:
                kind = "split" if len(merged_into[uid]) > 1 else "merged"
            changes.append(
                UnitChange(uid, kind, a.name, unit_attributes(a), None, fa, None, evs, merged_into.get(uid, []))
            )
        elif a is not None and b is not None:
            fte_differs = round(fa or 0.0, 6) != round(fb or 0.0, 6)
            if a == b and not fte_differs:  # most units do not change: skip building their attributes
                continue
            attrs_a, attrs_b = unit_attributes(a), unit_attributes(b)
            differing = [k for k in COMPARED if attrs_a[k] != attrs_b[k]]
            if not differing and not fte_differs:
                continue
            if "parent" in differing:
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


@dataclass(frozen=True)
class LineageStep:
    id: str
    date: date
    event: str
    type: str
    depth: int


def lineage(links: Iterable[LineageLink], unit: str) -> tuple[list[LineageStep], list[LineageStep]]:
    """Predecessors and successors of ``unit``, transitively, each with the date and event
    that connected it. Links only run forward in time, so the walk cannot loop; a unit met
    twice is reported once, at its nearest distance."""
    forward: dict[str, list[LineageLink]] = {}
    backward: dict[str, list[LineageLink]] = {}
    for link in links:
        if link.source == link.target:
            continue
        forward.setdefault(link.source, []).append(link)
        backward.setdefault(link.target, []).append(link)

    def walk(index: dict[str, list[LineageLink]], start: str, forward_dir: bool) -> list[LineageStep]:
        out: list[LineageStep] = []
        seen = {start}
        queue: deque[tuple[str, int]] = deque([(start, 0)])
        while queue:
            current, depth = queue.popleft()
            for link in sorted(index.get(current, []), key=lambda k: (k.date, k.event)):
                nxt = link.target if forward_dir else link.source
                if nxt in seen:
                    continue
                seen.add(nxt)
                out.append(LineageStep(nxt, link.date, link.event, link.type.value, depth + 1))
                queue.append((nxt, depth + 1))
        return out

    return walk(backward, unit, False), walk(forward, unit, True)
