"""Hypothesis strategies: random but valid organisation histories, built as a user would."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Post, Staffing, StaffingKind, Status, Unit

ORG = "GM9999"
PARTNER = "GM9998"  # a second organisation in the register, for transfers between the two
OUTSIDE = "GM0153"  # an organisation outside the register: a transfer there makes the unit leave
START = date(2000, 1, 1)

OPS = [
    "establish",
    "rename",
    "move",
    "merge",
    "absorb",
    "split",
    "dissolve",
    "add_post",
    "change_post",
    "remove_post",
    "bundle",
    "transfer_out",
    "convert",
]


@st.composite
def histories(draw: st.DrawFn, max_steps: int = 25, partner: bool = False) -> list[Event]:
    """A list of events whose realised part is always applicable. A shadow of the actual
    state (unit parents and organisations, posts, temporary units) is kept to choose valid
    targets; planned events may target anything that exists in the actual state at the time.

    Splits give every post and sub-unit to one of the resulting units; conversions keep the
    unit's id or take a new one. With ``partner`` the events belong to two organisations, ORG and
    PARTNER, which transfer units to each other (with their sub-units and posts); such a transfer
    is the only event on its day, so what it moves can be compared on the day before and the day
    itself."""
    parents: dict[str, str | None] = {}
    org_of: dict[str, str] = {}
    posts: dict[str, str] = {}
    temporary: set[str] = set()
    events: list[Event] = []
    counter = 0
    day = START
    alone = False  # the last event was a transfer between the two: the next one takes another day

    def new_id(prefix: str) -> str:
        nonlocal counter
        counter += 1
        return f"{prefix}{counter}"

    def descendants(uid: str) -> set[str]:
        out = {uid}
        changed = True
        while changed:
            changed = False
            for u, p in parents.items():
                if p in out and u not in out:
                    out.add(u)
                    changed = True
        return out

    def children(uid: str) -> list[str]:
        return sorted(u for u, p in parents.items() if p == uid)

    def add(org: str, etype: EventType, status: Status, **kw: object) -> None:
        events.append(
            Event(
                id=new_id("e"),
                type=etype,
                date=FuzzyDate.of_day(day),
                organisation=org,
                status=status,
                seq=len(events),
                **kw,
            )
        )  # type: ignore[arg-type]

    def establish(org: str, uid: str, unit: Unit) -> None:
        add(org, EventType.ESTABLISH, Status.REALISED, new_unit=unit)
        parents[uid] = unit.parent
        org_of[uid] = org

    roots: dict[str, str] = {}
    for org in [ORG, PARTNER] if partner else [ORG]:
        root = new_id("U")
        roots[org] = root
        establish(org, root, Unit(root, f"Concern {root}", "concern"))
        for _ in range(draw(st.integers(1, 4))):
            uid = new_id("U")
            temp = draw(st.booleans())  # a temporary unit, for conversions later on
            establish(org, uid, Unit(uid, f"Afdeling {uid}", "afdeling", root, temporary=temp))
            if temp:
                temporary.add(uid)

    steps = draw(st.integers(0, max_steps))
    for _ in range(steps):
        delta = draw(st.sampled_from([0, 1, 30, 180, 365]))
        day = day + timedelta(days=max(delta, 1 if alone else 0))
        alone = False
        status = draw(st.sampled_from([Status.REALISED] * 4 + [Status.DECIDED, Status.NOT_REALISED, Status.PROPOSED]))
        realised = status is Status.REALISED
        org = draw(st.sampled_from(sorted(roots)))
        root = roots[org]
        # Posts, conversions and transfers weigh more: they are what FTE and lineage properties look at.
        op = draw(
            st.sampled_from(OPS + ["add_post"] * 3 + ["convert"] * 2 + (["transfer_between"] * 3 if partner else []))
        )
        units = sorted(u for u in parents if org_of[u] == org)
        leaves = [u for u in units if u != root and not children(u)]
        non_root = [u for u in units if u != root]
        own_posts = sorted(p for p, u in posts.items() if org_of[u] == org)
        if op == "establish":
            uid = new_id("U")
            parent = draw(st.sampled_from(units))
            temp = draw(st.booleans())
            add(org, EventType.ESTABLISH, status, new_unit=Unit(uid, f"Team {uid}", "team", parent, temporary=temp))
            if realised:
                parents[uid] = parent
                org_of[uid] = org
                if temp:
                    temporary.add(uid)
        elif op == "rename" and non_root:
            uid = draw(st.sampled_from(non_root))
            add(org, EventType.RENAME, status, unit=uid, changes={"name": f"Hernoemd {uid} {len(events)}"})
        elif op == "move" and non_root:
            uid = draw(st.sampled_from(non_root))
            options = [u for u in units if u not in descendants(uid)]
            if options:
                parent = draw(st.sampled_from(options))
                add(org, EventType.MOVE, status, unit=uid, target=parent)
                if realised:
                    parents[uid] = parent
        elif op in ("merge", "absorb") and len(leaves) >= 2:
            chosen = draw(st.lists(st.sampled_from(leaves), min_size=2, max_size=3, unique=True))
            if op == "merge":
                uid = new_id("U")
                add(
                    org,
                    EventType.MERGE,
                    status,
                    units=tuple(chosen),
                    new_unit=Unit(uid, f"Samen {uid}", "afdeling", root),
                )
                if realised:
                    for c in chosen:
                        del parents[c]
                        temporary.discard(c)
                        posts.update({p: uid for p, u in posts.items() if u == c})
                    parents[uid] = root
                    org_of[uid] = org
            else:
                target, gone = chosen[0], chosen[1:]
                add(org, EventType.ABSORB, status, units=tuple(gone), target=target)
                if realised:
                    for c in gone:
                        del parents[c]
                        temporary.discard(c)
                        posts.update({p: target for p, u in posts.items() if u == c})
        elif op == "split" and non_root:
            # Any unit splits, with each post and each sub-unit given to one of the resulting units.
            uid = draw(st.sampled_from(non_root))
            parent = parents[uid]
            new_ids = [new_id("U") for _ in range(draw(st.integers(2, 3)))]
            mine = sorted(p for p, u in posts.items() if u == uid)
            subs = children(uid)
            post_to = {p: draw(st.sampled_from(new_ids)) for p in mine}
            unit_to = {c: draw(st.sampled_from(new_ids)) for c in subs}
            add(
                org,
                EventType.SPLIT,
                status,
                unit=uid,
                new_units=tuple(Unit(n, f"Deel {n}", "team", parent) for n in new_ids),
                allocation={n: tuple(p for p in mine if post_to[p] == n) for n in new_ids if n in post_to.values()},
                sub_units={n: tuple(c for c in subs if unit_to[c] == n) for n in new_ids if n in unit_to.values()},
            )
            if realised:
                del parents[uid]
                temporary.discard(uid)
                for n in new_ids:
                    parents[n] = parent
                    org_of[n] = org
                posts.update(post_to)
                parents.update(unit_to)
        elif op == "convert" and temporary & set(units):
            uid = draw(st.sampled_from(sorted(temporary & set(units))))
            options = [u for u in units if u not in descendants(uid)]
            new_parent = draw(st.sampled_from(options)) if options and draw(st.booleans()) else None
            target = new_id("U") if draw(st.booleans()) else None  # a new id: the definitive unit is named
            changes: dict[str, object] = {"name": f"Definitief {uid}"} if target or draw(st.booleans()) else {}
            if new_parent is not None:
                changes["parent"] = new_parent
            add(org, EventType.CONVERT, status, unit=uid, target=target, changes=changes)
            if realised:
                temporary.discard(uid)
                parent = new_parent if new_parent is not None else parents[uid]
                if target is None:
                    parents[uid] = parent
                else:
                    for c in children(uid):
                        parents[c] = target
                    del parents[uid]
                    parents[target] = parent
                    org_of[target] = org
                    posts.update({p: target for p, u in posts.items() if u == uid})
        elif op in ("dissolve", "transfer_out") and leaves:
            uid = draw(st.sampled_from(leaves))
            if op == "dissolve":
                add(org, EventType.DISSOLVE, status, unit=uid)
            else:
                add(org, EventType.TRANSFER_OUT, status, unit=uid, other_organisation=OUTSIDE)
            if realised:
                del parents[uid]
                temporary.discard(uid)
                for p in [p for p, u in posts.items() if u == uid]:
                    del posts[p]
        elif op == "transfer_between" and non_root:
            # To the other organisation, with sub-units and posts, under one of its units or at its top.
            uid = draw(st.sampled_from(non_root))
            other = next(o for o in roots if o != org)
            there = sorted(u for u in parents if org_of[u] == other)
            parent = draw(st.sampled_from([None, *there]))
            day = day + timedelta(days=1)
            add(org, EventType.TRANSFER_OUT, status, unit=uid, other_organisation=other, target=parent)
            alone = True
            if realised:
                for u in descendants(uid):
                    org_of[u] = other
                parents[uid] = parent
        elif op == "add_post":
            uid = draw(st.sampled_from(units))
            pid = new_id("P")
            fte = draw(st.sampled_from([0.5, 0.89, 1.0, 2.0]))
            kind = draw(st.sampled_from(list(StaffingKind)))
            add(
                org,
                EventType.ADD_POST,
                status,
                post=Post(
                    pid,
                    uid,
                    f"Functie {pid}",
                    fte,
                    "10",
                    ("manager",) if draw(st.booleans()) else (),
                    (Staffing(kind, fte),),
                ),
            )
            if realised:
                posts[pid] = uid
        elif op == "change_post" and own_posts:
            pid = draw(st.sampled_from(own_posts))
            fte_now = draw(st.sampled_from([0.0, 0.6, 1.5]))
            add(org, EventType.CHANGE_POST, status, post_id=pid, changes={"fte": fte_now})
        elif op == "remove_post" and own_posts:
            pid = draw(st.sampled_from(own_posts))
            add(org, EventType.REMOVE_POST, status, post_id=pid)
            if realised:
                del posts[pid]
        elif op == "bundle" and len(units) >= 2 and own_posts:
            target = draw(st.sampled_from(units))
            moving = tuple(p for p in own_posts if posts[p] != target)[:2]
            if moving:
                add(org, EventType.BUNDLE, status, posts=moving, target=target, function="communicatie")
                if realised:
                    for p in moving:
                        posts[p] = target
    return events


def sample_days(events: list[Event]) -> list[date]:
    """Days around every event date: before, on and after."""
    days = {START - timedelta(days=1)}
    for e in events:
        d = e.date.effective
        days.update({d - timedelta(days=1), d, d + timedelta(days=1)})
    return sorted(days)
