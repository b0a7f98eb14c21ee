"""Checks of a decoded dataset against itself and against what the register already holds.

Run by every door before anything is written (and again inside the write's lock): references
(a decision an event names), the history (every realised event must fit the organisation on its
date, with the events already stored), and each section's own cross-references.
"""

from __future__ import annotations

from collections.abc import Mapping

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.paths import Errors, Path
from raadhuis.canonical.sections import SECTIONS, CheckContext, Known, NothingKnown
from raadhuis.domain.engine import EngineError, build_history
from raadhuis.domain.events import Event
from raadhuis.domain.model import View
from raadhuis.domain.order import place
from raadhuis.domain.transfers import Pair, together, transfer_pairs


def check_dataset(
    ds: Dataset, errors: Errors, known_events: Mapping[str, list[Event]], known: Known | None = None
) -> None:
    """All checks, in the order a reader can act on them; every problem goes into ``errors``."""
    # Not "known or …": the store's Known is also a Mapping, empty (falsy) until it has read events.
    known = known if known is not None else NothingKnown()
    check_references(ds, errors, known)
    if not errors:
        check_history(ds, errors, known_events, known)
    for name, section in SECTIONS.items():
        items = ds.section(name)
        if items and section.check is not None:
            section.check(items, CheckContext(ds, known, errors))


def check_references(ds: Dataset, errors: Errors, known: Known) -> None:
    decisions = {d.id for d in ds.decisions} | {k for _, k in known.record_keys("decision")}
    by_key = {(e.organisation, e.id): e for e in ds.events}
    for key, path in ds.origins.items():
        ev = by_key.get(key)
        if ev is not None and ev.decision and ev.decision not in decisions:
            errors.append(
                (path[:2] + ("decision",), f"unknown decision {ev.decision!r}; expected one of the decisions listed")
            )


def check_history(ds: Dataset, errors: Errors, known: Mapping[str, list[Event]], register: Known | None = None) -> None:
    """Replay each organisation's realised events: every event must fit the state on its date.

    The dataset's events first get the positions they will be stored with (domain/order.place),
    so this check and the write that follows see the same order. Organisations that transfer
    units to one another are replayed together (domain/transfers.py), so a transfer from this
    dataset into an organisation already in the register is checked on both sides; ``register``
    says which organisations are in the register besides the dataset's own."""
    placed: dict[str, list[Event]] = {}
    for org in ds.organisation_ids():
        placed[org] = place([e for e in ds.events if e.organisation == org], known.get(org, []))
    members = set(ds.organisation_ids()) | (register.organisation_ids() if register is not None else set())

    def events_of(org: str) -> list[Event]:
        mine = placed.get(org, [])
        new_ids = {e.id for e in mine}
        return [e for e in known.get(org, []) if e.id not in new_ids] + mine

    pairs: set[Pair] = register.transfers() if register is not None else set()
    group: set[str] = set()
    frontier = set(ds.organisation_ids())
    while frontier - group:  # the organisations the dataset's own are connected to, through their events
        group |= frontier
        pairs |= {p for org in frontier for p in transfer_pairs(events_of(org))}
        frontier = together(group, pairs, members)
    events = [e for org in sorted(group) for e in events_of(org)]
    reported: set[tuple[str, str, str]] = set()
    for org in sorted(group, key=lambda o: (o not in placed, o)):
        try:
            ds.histories[org] = build_history(events, org, View.ACTUAL, members)
        except EngineError as exc:
            key = (exc.event.organisation, exc.event.id, exc.message)
            if key in reported:
                continue
            reported.add(key)
            if (exc.event.organisation, exc.event.id) not in ds.origins and ds.events:
                errors.append(_stored_event_broken(ds, [e for mine in placed.values() for e in mine], exc))
                continue
            path = ds.origins.get((exc.event.organisation, exc.event.id), ("events",))
            steps = tuple(int(x) if x.isdigit() else x for x in exc.field.split("."))
            errors.append((path + steps if len(path) == 2 else path, exc.message))
    by_org = {(e.organisation, e.id): e for mine in placed.values() for e in mine}
    ds.events = [by_org.get((e.organisation, e.id), e) for e in ds.events]


def _stored_event_broken(ds: Dataset, mine: list[Event], exc: EngineError) -> tuple[Path, str]:
    """An event already in the register that this dataset's events make impossible (one
    dissolves a unit a stored event later adds a post to): named, at the last of the
    dataset's events on or before it — the likely cause."""
    day = exc.event.date.effective
    before = [e for e in mine if e.date.effective <= day] or mine or ds.events
    cause = max(before, key=lambda e: (e.date.effective, e.seq))
    path = ds.origins.get((cause.organisation, cause.id), ("events",))
    return path, f"event {exc.event.id!r} already in the register (on {exc.event.date}) no longer fits: {exc.message}"
