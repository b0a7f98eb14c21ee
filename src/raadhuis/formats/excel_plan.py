"""Plan the change events a formatieplan implies: only the differences with the organisation on a day.

:func:`plan_changes` compares the rows read by formats/excel_sheets.py with a snapshot and
returns the events needed (pure). Matching rules are in docs/excel.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import (
    UNIT_KINDS_DEFAULT,
    Citation,
    Post,
    Snapshot,
    Staffing,
    StaffingKind,
    TaskFieldShare,
    Unit,
)
from raadhuis.formats.excel_sheets import FormatieRow
from raadhuis.formats.mapping import normalise

# --- planning the events ---------------------------------------------------------------


def _slug(text: str) -> str:
    replaced = text.lower().translate(str.maketrans("àáâäèéêëìíîïòóôöùúûüç", "aaaaeeeeiiiioooouuuuc"))
    return re.sub(r"[^a-z0-9]+", "-", replaced).strip("-") or "x"


def _natural(text: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def _guess_kind(name: str) -> str:
    first = normalise(name).split(" ")[0] if normalise(name) else ""
    return first if first in UNIT_KINDS_DEFAULT else "afdeling"


class _UnitResolver:
    """Finds the unit a row names, and plans the units that do not exist yet."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.units: dict[str, Unit] = dict(snapshot.units)
        self.new: list[str] = []  # ids of planned units, parents first

    def _matches(self, unit: Unit, name: str) -> bool:
        key = normalise(name)
        return key in (normalise(unit.name), normalise(unit.id), normalise(unit.abbreviation or ""))

    def _children(self, parent: str | None) -> list[Unit]:
        return sorted((u for u in self.units.values() if u.parent == parent), key=lambda u: _natural(u.id))

    def _descendants(self, root: str | None) -> list[Unit]:
        out, todo = [], [root]
        while todo:
            kids = self._children(todo.pop())
            out.extend(kids)
            todo.extend(k.id for k in kids)
        return out

    def by_id(self, code: str) -> Unit | None:
        key = normalise(code)
        return next((u for u in self.units.values() if normalise(u.id) == key), None)

    def resolve(self, path: tuple[str, ...], leaf_id: str | None) -> str | str:
        """The unit id for a path; raise ValueError when a name is ambiguous."""
        roots = self._children(None)
        current: str | None = None
        rest = list(path)
        if rest and (hit := [u for u in roots if self._matches(u, rest[0])]):
            current = hit[0].id
            rest.pop(0)
        elif len(roots) == 1:
            current = roots[0].id  # the organisation's top unit, left out of the sheet
        for i, name in enumerate(rest):
            if current is not None and self._matches(self.units[current], name) and not i:
                continue
            child = next((u for u in self._children(current) if self._matches(u, name)), None)
            if child is None:
                # A sheet may skip levels ("Team Werk" without its dienst): a unique
                # match anywhere below is the unit meant.
                below = [u for u in self._descendants(current) if self._matches(u, name)]
                if len(below) > 1:
                    options = ", ".join(self.path_of(u.id) for u in below)
                    raise ValueError(f"eenheid {name!r} komt meer dan eens voor ({options}); geef het volledige pad")
                child = below[0] if below else None
            if child is None:
                last = i == len(rest) - 1
                child = self._plan(name, current, leaf_id if last else None)
            current = child.id
        if current is None:
            raise ValueError("de eenheid ontbreekt")
        return current

    def _plan(self, name: str, parent: str | None, wanted_id: str | None) -> Unit:
        base = wanted_id or _slug(name)
        candidate = base
        if candidate in self.units and parent and not wanted_id:
            candidate = f"{parent}-{base}"
        n = 2
        stem = candidate
        while candidate in self.units:
            candidate = f"{stem}-{n}"
            n += 1
        unit = Unit(id=candidate, name=name, kind=_guess_kind(name), parent=parent)
        self.units[unit.id] = unit
        self.new.append(unit.id)
        return unit

    def path_of(self, uid: str) -> str:
        names: list[str] = []
        current: str | None = uid
        while current is not None and current in self.units:
            names.append(self.units[current].name)
            current = self.units[current].parent
        return " / ".join(reversed(names))


@dataclass
class _Group:
    rows: list[FormatieRow]
    unit: str
    ordinal: int = 0
    post_id: str | None = None  # from the sheet


def _staffing_of(rows: list[FormatieRow]) -> list[Staffing]:
    lines = []
    for r in rows:
        kind = r.staffing_kind or (StaffingKind.EMPLOYEE if r.filled_fte else None)
        if kind is None:
            continue
        fte = (
            r.filled_fte if r.filled_fte else (r.fte or 0.0) if kind is StaffingKind.VACANCY else (r.filled_fte or 0.0)
        )
        if fte > 0:
            lines.append(Staffing(kind=kind, fte=round(fte, 4), person=r.person))
    return lines


def _staffing_key(lines: Iterable[Staffing], with_person: bool) -> list[tuple[str, float, str]]:
    return sorted((s.kind.value, round(s.fte, 4), (s.person or "") if with_person else "") for s in lines)


def _keep_details(new: list[Staffing], old: tuple[Staffing, ...], with_person: bool) -> tuple[Staffing, ...]:
    """The sheet has no lender or cost: keep them from the old line of the same kind and person."""
    pool = list(old)
    out = []
    for line in new:
        match = next(
            (o for o in pool if o.kind is line.kind and (not with_person or (o.person or "") == (line.person or ""))),
            None,
        )
        if match is not None:
            pool.remove(match)
            person = line.person if with_person else match.person
            line = Staffing(line.kind, line.fte, person, match.organisation, match.cost)
        out.append(line)
    return tuple(out)


def _scale_of(rows: list[FormatieRow]) -> str | None:
    scales = list(dict.fromkeys(r.scale for r in rows if r.scale))
    if len(scales) <= 1:
        return scales[0] if scales else None
    # Staffing lines of one post in different scales: the post's scale is the range.
    return "-".join(sorted(scales, key=_natural))


def plan_changes(
    rows: list[FormatieRow],
    snapshot: Snapshot,
    at: date,
    organisation: str,
    id_prefix: str,
    source: str,
    *,
    complete: bool = False,
    duplicates: str = "lines",
) -> list[Event]:
    """The events that bring ``snapshot`` (the organisation as of ``at``) in line with ``rows``.

    Only differences become events. ``complete=True`` says the sheet is the whole
    formatie, so posts missing from it are removed. ``duplicates`` says how rows with the
    same unit and title (and no post id) are read: ``"lines"`` — staffing lines of one
    post, whose formatie is the sum of the rows; ``"posts"`` — one post per row.
    """
    if duplicates not in ("lines", "posts"):
        raise ValueError(f"duplicates must be 'lines' or 'posts', not {duplicates!r}")
    errors: list[InputError] = []
    units = _UnitResolver(snapshot)
    posts_by_id = {normalise(pid): p for pid, p in snapshot.posts.items()}

    groups: dict[tuple[Any, ...], _Group] = {}
    ordinals: dict[tuple[str, str], int] = {}
    for row in rows:
        unit_id: str | None = None
        try:
            if row.unit_code and (known := units.by_id(row.unit_code)) is not None:
                unit_id = known.id
            elif row.unit_path:
                unit_id = units.resolve(row.unit_path, row.unit_code)
            elif row.unit_code:
                raise ValueError(f"eenheidscode {row.unit_code!r} bestaat niet op {at.isoformat()} en er is geen pad")
        except ValueError as exc:
            errors.append(row.error("unit_path" if row.unit_path else "unit_code", str(exc)))
            continue
        if row.post_id:
            existing = posts_by_id.get(normalise(row.post_id))
            if unit_id is None and existing is None:
                errors.append(
                    row.error("post_id", f"formatieplaats {row.post_id!r} bestaat niet en de eenheid ontbreekt")
                )
                continue
            key: tuple[Any, ...] = ("id", normalise(row.post_id))
            group = groups.setdefault(
                key,
                _Group(
                    [], unit_id or (existing.unit if existing else ""), post_id=existing.id if existing else row.post_id
                ),
            )
            if unit_id and group.unit != unit_id and group.rows:
                errors.append(row.error("unit_path", f"formatieplaats {row.post_id!r} staat al in een andere eenheid"))
                continue
            if unit_id:
                group.unit = unit_id
            group.rows.append(row)
            continue
        if unit_id is None or not row.title:
            errors.append(row.error("title", "de functie ontbreekt (of een formatieplaats-id)"))
            continue
        title_key = (unit_id, normalise(row.title))
        if duplicates == "posts":
            ordinal = ordinals.get(title_key, 0)
            ordinals[title_key] = ordinal + 1
        else:
            ordinal = 0
        groups.setdefault(("title", *title_key, ordinal), _Group([], unit_id, ordinal)).rows.append(row)

    by_title: dict[tuple[str, str], list[Post]] = {}
    for post in snapshot.posts.values():
        by_title.setdefault((post.unit, normalise(post.title)), []).append(post)
    for found in by_title.values():
        found.sort(key=lambda p: _natural(p.id))

    taken = set(snapshot.posts)
    matched: set[str] = set()
    moves: list[tuple[str, str]] = []
    changes: list[tuple[str, dict[str, Any]]] = []
    additions: list[Post] = []
    for key, group in groups.items():
        first = group.rows[0]
        existing = None
        if key[0] == "id":
            existing = snapshot.posts.get(group.post_id or "")
        else:
            candidates = [p for p in by_title.get((group.unit, key[2]), []) if p.id not in matched]
            if duplicates == "lines" and len(candidates) > 1:
                ids = ", ".join(p.id for p in candidates)
                errors.append(
                    first.error(
                        "title",
                        f"{units.path_of(group.unit)!r} heeft {len(candidates)} formatieplaatsen {first.title!r} ({ids}); "
                        "voeg een kolom met het formatieplaats-id toe, of lees elke regel als eigen plaats (duplicates: posts)",
                    )
                )
                continue
            existing = candidates[0] if candidates else None
        ftes = [r.fte for r in group.rows if r.fte is not None]
        fte = round(sum(ftes), 4) if ftes else None
        title = next((r.title for r in group.rows if r.title), None)
        scale = _scale_of(group.rows)
        staffing_given = any(k in first.columns for k in ("filled_fte", "staffing_kind"))
        lines = _staffing_of(group.rows)
        if existing is None:
            if fte is None:
                errors.append(first.error("fte", "de formatie (fte) ontbreekt voor een nieuwe formatieplaats"))
                continue
            if not title:
                errors.append(first.error("title", "de functie ontbreekt voor een nieuwe formatieplaats"))
                continue
            pid = group.post_id or _new_post_id(group.unit, title, group.ordinal, taken)
            taken.add(pid)
            additions.append(Post(id=pid, unit=group.unit, title=title, fte=fte, scale=scale, staffing=tuple(lines)))
            continue
        matched.add(existing.id)
        if group.unit and group.unit != existing.unit:
            moves.append((existing.id, group.unit))
        diff: dict[str, Any] = {}
        if fte is not None and round(existing.fte, 4) != fte:
            diff["fte"] = fte
        if scale is not None and scale != existing.scale:
            diff["scale"] = scale
        if title and key[0] == "id" and title != existing.title:
            diff["title"] = title
        # Without a person column the names stay as they are; only kinds and FTE are compared.
        with_person = "person" in first.columns
        if staffing_given and _staffing_key(lines, with_person) != _staffing_key(existing.staffing, with_person):
            diff["staffing"] = _keep_details(lines, existing.staffing, with_person)
        if diff:
            changes.append((existing.id, diff))

    task_fields = _task_fields(rows, groups)
    if errors:
        raise InputErrors(errors)

    events: list[Event] = []
    citation = (Citation(source=source),)

    def add(kind: EventType, **values: Any) -> None:
        n = len(events) + 1
        events.append(
            Event(
                id=f"{id_prefix}-{n:03d}",
                type=kind,
                date=FuzzyDate.of_day(at),
                organisation=organisation,
                seq=n,  # the sheet's order; the same-day order is the domain's (domain/order.py)
                citations=citation,
                assumption=False,
                **values,
            )
        )

    for uid in units.new:
        unit = units.units[uid]
        if uid in task_fields:
            unit = Unit(unit.id, unit.name, unit.kind, unit.parent, task_fields=task_fields.pop(uid))
        add(EventType.ESTABLISH, unit=uid, new_unit=unit)
    for pid, target in moves:
        add(EventType.MOVE_POST, post_id=pid, target=target)
    for pid, diff in changes:
        add(EventType.CHANGE_POST, post_id=pid, changes=diff)
    for post in additions:
        add(EventType.ADD_POST, unit=post.unit, post=post)
    if complete:
        for pid in sorted(set(snapshot.posts) - matched, key=_natural):
            add(EventType.REMOVE_POST, post_id=pid, unit=snapshot.posts[pid].unit)
    for uid, shares in sorted(task_fields.items()):
        current = snapshot.units[uid].task_fields
        if sorted((t.code, round(t.share, 4)) for t in current) != sorted((t.code, t.share) for t in shares):
            add(EventType.CHANGE, unit=uid, changes={"task_fields": shares})
    return events


def _new_post_id(unit: str, title: str, ordinal: int, taken: set[str]) -> str:
    base = f"{unit}-{_slug(title)}"
    n = ordinal + 1
    candidate = base if n == 1 else f"{base}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _task_fields(
    rows: list[FormatieRow], groups: dict[tuple[Any, ...], _Group]
) -> dict[str, tuple[TaskFieldShare, ...]]:
    """A unit's task field shares, weighted by the formatie of its rows on each task field."""
    unit_of = {id(r): g.unit for g in groups.values() for r in g.rows}
    weights: dict[str, dict[str, float]] = {}
    counts: dict[str, dict[str, int]] = {}
    for r in rows:
        if r.task_field and id(r) in unit_of:
            uid = unit_of[id(r)]
            weights.setdefault(uid, {}).setdefault(r.task_field, 0.0)
            weights[uid][r.task_field] += r.fte or 0.0
            counts.setdefault(uid, {}).setdefault(r.task_field, 0)
            counts[uid][r.task_field] += 1
    out = {}
    for uid, per_code in weights.items():
        basis: dict[str, float] = (
            per_code if sum(per_code.values()) > 0 else {k: float(v) for k, v in counts[uid].items()}
        )
        total = sum(basis.values())
        out[uid] = tuple(
            TaskFieldShare(code, round(value / total, 4))
            for code, value in sorted(basis.items(), key=lambda kv: _natural(kv[0]))
        )
    return out
