"""What a reorganisation changes, between a baseline and a scenario on one day: pure functions.

Rules (also in docs/scenarios.md):

- **Headline figures**: units, posts, formatie (budgeted FTE), bezetting (staffed FTE of working
  lines: own staff, external hire, loan in). Posts without any staffing recorded are counted apart
  (``unrecorded_posts``): their bezetting is unknown, not zero.
- **Pyramid**: per management layer (the top manager is layer 1, a manager reporting to a layer-1
  manager is layer 2, …) the number of managers, the headcount of their direct reports (unknown
  where staffing is not recorded) and the budgeted FTE reporting to them, from the same chain of
  command as the span of control (``span_of_control.bosses``).
- **Staff who change unit or manager**: every working staffing line (a person, or the post's
  title where no name is recorded) whose post moves to another unit, whose manager post changes,
  or whose post is gone in the scenario (its function lapses).
- **Cooperations affected**: a cooperation in force whose task fields are carried by a unit the
  scenario adds, removes, moves, merges or splits, or whose FTE changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from raadhuis.analysis import span_of_control as soc
from raadhuis.analysis.common import WORKING_KINDS, rounded
from raadhuis.domain.compare import UnitChange
from raadhuis.domain.model import Cooperation, Snapshot


@dataclass
class Headline:
    units: int
    posts: int
    formatie_fte: float
    bezetting_fte: float
    unrecorded_posts: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "posts": self.posts,
            "formatie_fte": rounded(self.formatie_fte),
            "bezetting_fte": rounded(self.bezetting_fte) if self.unrecorded_posts == 0 else None,
            "bezetting_known_fte": rounded(self.bezetting_fte),
            "unrecorded_posts": self.unrecorded_posts,
        }


def headline(snapshot: Snapshot) -> Headline:
    formatie = staffed = 0.0
    unrecorded = 0
    for post in snapshot.posts.values():
        formatie += post.fte
        if not post.staffing:
            unrecorded += 1
            continue
        staffed += sum(s.fte for s in post.staffing if s.kind in WORKING_KINDS and s.fte > 0)
    return Headline(len(snapshot.units), len(snapshot.posts), formatie, staffed, unrecorded)


@dataclass
class Layer:
    layer: int
    managers: int = 0
    headcount: int = 0  # working staffing lines reporting directly to the layer's managers
    fte: float = 0.0  # their FTE
    formation_fte: float = 0.0  # the budgeted FTE of the posts reporting directly to them (as if filled)
    known: bool = True  # False: some posts reporting here have no staffing recorded (headcount a lower bound)

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "managers": self.managers,
            "headcount": self.headcount if self.known else None,
            "fte": rounded(self.fte),
            "formation_fte": rounded(self.formation_fte),
            "known": self.known,
        }


def pyramid(
    snapshot: Snapshot, span: soc.SpanOfControl | None = None, chain: Mapping[str, str | None] | None = None
) -> list[Layer]:
    """Managers and their direct reports per management layer, top first (``span`` and ``chain``:
    the snapshot's span of control and ``soc.bosses``, when made already)."""
    chain = soc.bosses(snapshot) if chain is None else chain
    managers = {p.id for p in snapshot.posts.values() if "manager" in p.roles}
    depth: dict[str, int] = {}

    def layer_of(post_id: str) -> int:
        # Walk up the chain of manager posts until one whose layer is known (or the top).
        path: list[str] = []
        current: str | None = post_id
        while current is not None and current not in depth and current not in path:
            path.append(current)
            boss = chain.get(current)
            current = boss if boss in managers and boss != current else None
        base = depth[current] if current is not None and current in depth else 0
        for i, pid in enumerate(reversed(path)):
            depth[pid] = base + i + 1
        return depth[post_id]

    span = span or soc.span_of_control(snapshot)
    layers: dict[int, Layer] = {}
    for m in span.managers:
        if m.post not in managers:
            continue
        n = layer_of(m.post)
        item = layers.setdefault(n, Layer(n))
        item.managers += 1
        item.headcount += m.headcount
        item.fte += m.fte
        item.known = item.known and m.known
    for pid, boss in chain.items():
        if boss is not None and boss != pid and boss in depth:
            layers[depth[boss]].formation_fte += snapshot.posts[pid].fte
    return [layers[k] for k in sorted(layers)]


@dataclass(frozen=True)
class StaffChange:
    person: str  # the name recorded, or the post's title
    named: bool  # whether a name is recorded
    post: str
    fte: float
    unit_before: str
    unit_after: str | None  # None: the post is gone
    manager_before: str | None
    manager_after: str | None
    kinds: tuple[str, ...]  # "unit", "manager", "post_gone"

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "named": self.named,
            "post": self.post,
            "fte": rounded(self.fte),
            "unit_before": self.unit_before,
            "unit_after": self.unit_after,
            "manager_before": self.manager_before,
            "manager_after": self.manager_after,
            "kinds": list(self.kinds),
        }


def staff_changes(
    before: Snapshot,
    after: Snapshot,
    bosses_before: Mapping[str, str | None] | None = None,
    bosses_after: Mapping[str, str | None] | None = None,
) -> list[StaffChange]:
    """Working staffing lines of ``before`` whose unit or manager differs in ``after`` (or whose post
    is gone); ``bosses_…``: ``soc.bosses`` of each, when made already."""
    boss_a = soc.bosses(before) if bosses_before is None else bosses_before
    boss_b = soc.bosses(after) if bosses_after is None else bosses_after
    out: list[StaffChange] = []
    for pid in sorted(before.posts):
        post = before.posts[pid]
        # What changed first, the working lines only then: a scenario moves a few of the posts.
        new = after.posts.get(pid)
        kinds: list[str] = []
        if new is None:
            kinds.append("post_gone")
        else:
            if new.unit != post.unit:
                kinds.append("unit")
            if boss_b.get(pid) != boss_a.get(pid):
                kinds.append("manager")
        if not kinds:
            continue
        lines = [s for s in post.staffing if s.kind in WORKING_KINDS and s.fte > 0]
        if not lines:
            continue
        for s in lines:
            out.append(
                StaffChange(
                    s.person or post.title,
                    s.person is not None,
                    pid,
                    s.fte,
                    post.unit,
                    new.unit if new is not None else None,
                    boss_a.get(pid),
                    boss_b.get(pid) if new is not None else None,
                    tuple(kinds),
                )
            )
    return out


STRUCTURAL = frozenset({"added", "removed", "moved", "merged", "split", "fte_changed", "changed", "renamed"})


@dataclass
class AffectedCooperation:
    id: str
    name: str
    task_fields: list[str]
    units: list[str] = field(default_factory=list)  # the changed units carrying those task fields
    changes: list[str] = field(default_factory=list)  # how each of those units changed

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "task_fields": self.task_fields,
            "units": self.units,
            "changes": self.changes,
        }


def cooperations_affected(
    before: Snapshot, after: Snapshot, changes: Iterable[UnitChange], cooperations: Iterable[Cooperation]
) -> list[AffectedCooperation]:
    """Cooperations in force whose task fields are carried by a unit the scenario changes."""
    carried: dict[str, list[tuple[str, str]]] = {}
    for ch in changes:
        if ch.change not in STRUCTURAL:
            continue
        unit = after.units.get(ch.id) or before.units.get(ch.id)
        if unit is None:
            continue
        for share in unit.task_fields:
            carried.setdefault(share.code, []).append((ch.id, ch.change))
    out = []
    for c in cooperations:
        hits = [hit for code in c.task_fields for hit in carried.get(code, [])]
        if not hits:
            continue
        unique = list(dict.fromkeys(hits))
        out.append(
            AffectedCooperation(c.id, c.name, list(c.task_fields), [u for u, _ in unique], [k for _, k in unique])
        )
    return out


def delta(before: float | int | None, after: float | int | None) -> float | None:
    """After minus before, when both are known."""
    if before is None or after is None:
        return None
    return rounded(float(after) - float(before))


def span_summary(span: soc.SpanOfControl) -> dict[str, Any]:
    return {
        "managers": len(span.managers),
        "mean": rounded(span.mean),
        "median": rounded(span.median),
        "maximum": span.maximum,
        "minimum": span.minimum,
        "layers": span.layers,
        "distribution": dict(span.distribution),
        "outside_band": len(span.outside_band),
        "unrecorded_posts": span.unrecorded_posts,
        "known": span.mean is not None,
    }


def per_unit_fte(snapshot: Snapshot) -> dict[str, float]:
    out: dict[str, float] = {}
    for p in snapshot.posts.values():
        out[p.unit] = out.get(p.unit, 0.0) + p.fte
    return out


def names(snapshot: Snapshot) -> Mapping[str, str]:
    return {uid: u.name for uid, u in snapshot.units.items()}
