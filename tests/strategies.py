"""Hypothesis strategies: random but valid organisation histories, built as a user would."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Post, Staffing, StaffingKind, Status, Unit

ORG = "GM9999"
START = date(2000, 1, 1)


@st.composite
def histories(draw: st.DrawFn, max_steps: int = 25) -> list[Event]:
    """A list of events whose realised part is always applicable. A shadow of the actual
    state (unit parents, posts) is kept to choose valid targets; planned events may target
    anything that exists in the actual state at the time."""
    parents: dict[str, str | None] = {}
    posts: dict[str, str] = {}
    events: list[Event] = []
    counter = 0
    day = START

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

    def add(etype: EventType, status: Status, **kw: object) -> None:
        events.append(
            Event(
                id=new_id("e"),
                type=etype,
                date=FuzzyDate.of_day(day),
                organisation=ORG,
                status=status,
                seq=len(events),
                **kw,
            )
        )  # type: ignore[arg-type]

    # A root and a few units to start with.
    root = new_id("U")
    add(EventType.ESTABLISH, Status.REALISED, new_unit=Unit(root, f"Concern {root}", "concern"))
    parents[root] = None
    for _ in range(draw(st.integers(1, 4))):
        uid = new_id("U")
        add(EventType.ESTABLISH, Status.REALISED, new_unit=Unit(uid, f"Afdeling {uid}", "afdeling", root))
        parents[uid] = root

    steps = draw(st.integers(0, max_steps))
    for _ in range(steps):
        day = day + timedelta(days=draw(st.sampled_from([0, 1, 30, 180, 365])))
        status = draw(st.sampled_from([Status.REALISED] * 4 + [Status.DECIDED, Status.NOT_REALISED, Status.PROPOSED]))
        realised = status is Status.REALISED
        op = draw(
            st.sampled_from(
                [
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
                ]
            )
        )
        units = sorted(parents)
        leaves = [u for u in units if u != root and not any(p == u for p in parents.values())]
        non_root = [u for u in units if u != root]
        if op == "establish":
            uid = new_id("U")
            parent = draw(st.sampled_from(units))
            temp = draw(st.booleans())
            add(EventType.ESTABLISH, status, new_unit=Unit(uid, f"Team {uid}", "team", parent, temporary=temp))
            if realised:
                parents[uid] = parent
        elif op == "rename" and non_root:
            uid = draw(st.sampled_from(non_root))
            add(EventType.RENAME, status, unit=uid, changes={"name": f"Hernoemd {uid} {len(events)}"})
        elif op == "move" and non_root:
            uid = draw(st.sampled_from(non_root))
            options = [u for u in units if u not in descendants(uid)]
            if options:
                parent = draw(st.sampled_from(options))
                add(EventType.MOVE, status, unit=uid, target=parent)
                if realised:
                    parents[uid] = parent
        elif op in ("merge", "absorb") and len(leaves) >= 2:
            chosen = draw(st.lists(st.sampled_from(leaves), min_size=2, max_size=3, unique=True))
            if op == "merge":
                uid = new_id("U")
                add(EventType.MERGE, status, units=tuple(chosen), new_unit=Unit(uid, f"Samen {uid}", "afdeling", root))
                if realised:
                    for c in chosen:
                        del parents[c]
                        posts.update({p: uid for p, u in posts.items() if u == c})
                    parents[uid] = root
            else:
                target, gone = chosen[0], chosen[1:]
                add(EventType.ABSORB, status, units=tuple(gone), target=target)
                if realised:
                    for c in gone:
                        del parents[c]
                        posts.update({p: target for p, u in posts.items() if u == c})
        elif op == "split" and leaves:
            uid = draw(st.sampled_from(leaves))
            a, b = new_id("U"), new_id("U")
            parent = parents[uid]
            mine = sorted(p for p, u in posts.items() if u == uid)
            to_b = tuple(mine[::2])
            add(
                EventType.SPLIT,
                status,
                unit=uid,
                new_units=(Unit(a, f"Deel {a}", "team", parent), Unit(b, f"Deel {b}", "team", parent)),
                allocation={b: to_b} if to_b else {},
            )
            if realised:
                del parents[uid]
                parents[a] = parent
                parents[b] = parent
                for p in mine:
                    posts[p] = b if p in to_b else a
        elif op in ("dissolve", "transfer_out") and leaves:
            uid = draw(st.sampled_from(leaves))
            if op == "dissolve":
                add(EventType.DISSOLVE, status, unit=uid)
            else:
                add(EventType.TRANSFER_OUT, status, unit=uid, other_organisation="GM0153")
            if realised:
                del parents[uid]
                for p in [p for p, u in posts.items() if u == uid]:
                    del posts[p]
        elif op == "add_post":
            uid = draw(st.sampled_from(units))
            pid = new_id("P")
            fte = draw(st.sampled_from([0.5, 0.89, 1.0, 2.0]))
            kind = draw(st.sampled_from(list(StaffingKind)))
            add(
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
        elif op == "change_post" and posts:
            pid = draw(st.sampled_from(sorted(posts)))
            add(EventType.CHANGE_POST, status, post_id=pid, changes={"fte": draw(st.sampled_from([0.0, 0.6, 1.5]))})
        elif op == "remove_post" and posts:
            pid = draw(st.sampled_from(sorted(posts)))
            add(EventType.REMOVE_POST, status, post_id=pid)
            if realised:
                del posts[pid]
        elif op == "bundle" and len(units) >= 2 and posts:
            target = draw(st.sampled_from(units))
            moving = tuple(sorted(p for p, u in posts.items() if u != target)[:2])
            if moving:
                add(EventType.BUNDLE, status, posts=moving, target=target, function="communicatie")
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
