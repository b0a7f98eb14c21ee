"""Checks of a decoded dataset against itself and against what the register already holds.

Run by every door before anything is written (and again inside the write's lock): references
(a decision an event names), the history (every realised event must fit the organisation on its
date, with the events already stored), and each section's own cross-references.
"""

from __future__ import annotations

from collections.abc import Mapping

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.paths import Errors
from raadhuis.canonical.sections import SECTIONS, CheckContext, Known, NothingKnown
from raadhuis.domain.engine import EngineError, build_history
from raadhuis.domain.events import Event
from raadhuis.domain.model import View
from raadhuis.domain.order import place


def check_dataset(
    ds: Dataset, errors: Errors, known_events: Mapping[str, list[Event]], known: Known | None = None
) -> None:
    """All checks, in the order a reader can act on them; every problem goes into ``errors``."""
    # Not "known or …": the store's Known is also a Mapping, empty (falsy) until it has read events.
    known = known if known is not None else NothingKnown()
    check_references(ds, errors, known)
    if not errors:
        check_history(ds, errors, known_events)
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


def check_history(ds: Dataset, errors: Errors, known: Mapping[str, list[Event]]) -> None:
    """Replay each organisation's realised events: every event must fit the state on its date.

    The dataset's events first get the positions they will be stored with (domain/order.place),
    so this check and the write that follows see the same order."""
    placed: list[Event] = []
    for org in ds.organisation_ids():
        stored = known.get(org, [])
        mine = place([e for e in ds.events if e.organisation == org], stored)
        new_ids = {e.id for e in mine}
        placed.extend(mine)
        events = [e for e in stored if e.id not in new_ids] + mine
        try:
            ds.histories[org] = build_history(events, org, View.ACTUAL)
        except EngineError as exc:
            path = ds.origins.get((org, exc.event.id), ("events",))
            field_path = path + tuple(exc.field.split(".")) if len(path) == 2 else path
            errors.append((field_path, exc.message))
    by_org = {(e.organisation, e.id): e for e in placed}
    ds.events = [by_org.get((e.organisation, e.id), e) for e in ds.events]
