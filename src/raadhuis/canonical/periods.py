"""The ``units`` and ``posts`` sections: facts with a period [from, to), turned into events.

A second period of the same id that starts where the first ends becomes a change; periods that
overlap are an error (a unit cannot have two parents at once). The events are numbered in the
order they are made (their position); on one day the domain's order applies (domain/order.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from raadhuis.canonical.facts import POST_FIELDS, UNIT_FIELDS, decode_post, decode_unit, evidence
from raadhuis.canonical.paths import Errors
from raadhuis.canonical.values import date_at
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.events import Event, EventType

if TYPE_CHECKING:
    from raadhuis.canonical.dataset import Dataset


def decode_periods(data: dict[str, Any], section: str, default_org: str | None, errors: Errors, ds: Dataset) -> None:
    """Turn the units/posts sections (a fact with [from, to)) into events.

    A second period of the same id that starts where the first ends becomes a change;
    periods that overlap are an error: a unit cannot have two parents at once.
    """
    entries = data.get(section, []) or []
    periods: dict[tuple[str, str], list[tuple[FuzzyDate, FuzzyDate | None, int]]] = {}
    parsed: list[tuple[int, str, FuzzyDate, FuzzyDate | None]] = []
    for i, raw in enumerate(entries):
        org = raw.get("organisation", default_org)
        if not org:
            errors.append(
                ((section, i, "organisation"), "expected the organisation (here or as the dataset's 'organisation')")
            )
            continue
        start = date_at(raw["from"], (section, i, "from"), errors)
        end = date_at(raw["to"], (section, i, "to"), errors) if raw.get("to") is not None else None
        if start is None or (raw.get("to") is not None and end is None):
            continue
        if end is not None and end.effective <= start.effective:
            errors.append(((section, i, "to"), f"expected a date after 'from' ({start}), got {end}"))
            continue
        parsed.append((i, org, start, end))
    if section == "units":
        _parent_cycles(entries, parsed, errors)
    # Where each (id, organisation) has a period starting, to find the one that continues a period.
    starts: dict[tuple[Any, Any, str], list[int]] = {}
    for k, r in enumerate(entries):
        starts.setdefault((r.get("id"), r.get("organisation", default_org), str(r.get("from"))), []).append(k)
    for i, org, start, end in parsed:
        raw = entries[i]
        key = (org, raw["id"])
        earlier = periods.setdefault(key, [])
        kind = "unit" if section == "units" else "post"
        event_type: EventType
        previous_contiguous = False
        for s, e, j in earlier:
            overlaps = start.effective < (e.effective if e else _FAR) and s.effective < (end.effective if end else _FAR)
            if overlaps:
                what = (
                    "two parents at once"
                    if section == "units" and entries[j].get("parent") != raw.get("parent")
                    else "overlapping periods"
                )
                errors.append(
                    (
                        (section, i, "from"),
                        f"{kind} {raw['id']!r} overlaps its period at {section}[{j}] ({s} to {e or 'open'}): {what}",
                    )
                )
                break
            if e is not None and e.effective == start.effective:
                previous_contiguous = True
        else:
            earlier.append((start, end, i))
            proof = evidence(raw)
            n_before = len(ds.events)
            if section == "units":
                unit = decode_unit({k: raw[k] for k in UNIT_FIELDS if k in raw})
                if previous_contiguous:
                    changes = {k: getattr(unit, k) for k in UNIT_FIELDS if k != "id"}
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}",
                            EventType.CHANGE,
                            start,
                            org,
                            seq=len(ds.events),
                            unit=unit.id,
                            changes=changes,
                            **proof,
                        )
                    )
                else:
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}",
                            EventType.ESTABLISH,
                            start,
                            org,
                            seq=len(ds.events),
                            new_unit=unit,
                            description=raw.get("description"),
                            **proof,
                        )
                    )
                event_type = EventType.DISSOLVE
            else:
                post = decode_post({k: raw[k] for k in POST_FIELDS if k in raw})
                if previous_contiguous:
                    changes = {k: getattr(post, k) for k in POST_FIELDS if k not in ("id", "unit")}
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}",
                            EventType.MOVE_POST,
                            start,
                            org,
                            seq=len(ds.events),
                            post_id=post.id,
                            target=post.unit,
                            **proof,
                        )
                    )
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}+",
                            EventType.CHANGE_POST,
                            start,
                            org,
                            seq=len(ds.events),
                            post_id=post.id,
                            changes=changes,
                            **proof,
                        )
                    )
                else:
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}",
                            EventType.ADD_POST,
                            start,
                            org,
                            seq=len(ds.events),
                            post=post,
                            **proof,
                        )
                    )
                event_type = EventType.REMOVE_POST
            for ev in ds.events[n_before:]:
                ds.origins[(org, ev.id)] = (section, i)
            if end is not None:
                # A later contiguous period turns this end into a change; drop the end then.
                nxt = [k for k in starts.get((raw["id"], org, str(raw.get("to"))), []) if k != i]
                if nxt:
                    continue
                ev_id = f"{raw['id']}@{end}-end"
                seq = len(ds.events)
                if section == "units":
                    ds.events.append(Event(ev_id, event_type, end, org, seq=seq, unit=raw["id"], **proof))
                else:
                    ds.events.append(Event(ev_id, event_type, end, org, seq=seq, post_id=raw["id"], **proof))
                ds.origins[(org, ev_id)] = (section, i, "to")


_FAR = FuzzyDate.parse("9999-12-31").effective


def _parent_cycles(
    entries: list[dict[str, Any]], parsed: list[tuple[int, str, FuzzyDate, FuzzyDate | None]], errors: Errors
) -> None:
    """Units whose declared parents go round (A under B, B under C, C under A) on some day:
    named as a cycle, at the first of them in the file. Without this the history check would
    meet the first of them before its parent exists and say only that the parent does not."""
    periods: dict[tuple[str, str], list[tuple[Any, Any, str | None, int]]] = {}
    for i, org, start, end in parsed:
        raw = entries[i]
        periods.setdefault((org, str(raw["id"])), []).append(
            (start.effective, end.effective if end else _FAR, raw.get("parent"), i)
        )

    def entry_on(org: str, uid: str, day: Any) -> tuple[Any, Any, str | None, int] | None:
        return next((p for p in periods.get((org, uid), ()) if p[0] <= day < p[1]), None)

    reported: set[frozenset[str]] = set()
    for i, org, start, _end in parsed:
        day = start.effective
        path: list[str] = []
        uid: str | None = str(entries[i]["id"])
        while uid is not None and uid not in path and len(path) <= len(periods):
            here = entry_on(org, uid, day)
            if here is None:
                break
            path.append(uid)
            uid = here[2]
        if uid is None or uid not in path:
            continue
        cycle = path[path.index(uid) :]
        if frozenset(cycle) in reported:
            continue
        reported.add(frozenset(cycle))
        first = min(cycle, key=lambda u: entry_on(org, u, day)[3])  # type: ignore[index]
        at = cycle.index(first)
        ring = cycle[at:] + cycle[:at]
        where = entry_on(org, first, day)[3]  # type: ignore[index]
        if len(ring) == 1:
            message = f"unit {ring[0]!r} is its own parent (on {start})"
        else:
            text = " → ".join(repr(u) for u in [*ring, ring[0]])
            message = f"units {text} form a cycle: each has the next as its parent (on {start})"
        errors.append((("units", where, "parent"), message))
