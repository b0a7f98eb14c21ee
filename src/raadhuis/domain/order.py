"""The order of events: one rule, whichever door an event came through.

Events apply on the first day of their date. On one day:

1. every event but the ends of units, by **position**;
2. then units that end (``dissolve``, ``transfer_out``), by position — after the posts and
   sub-units of that day have moved, begun or ended, so an ending unit does not take them along.

The **position** is the order in which events were given: a file's order (the ``units`` periods,
then ``posts``, then ``events``), a form's or a sheet's order; events recorded earlier come before
events recorded later (:func:`place`). An event that cannot apply yet on its day — a team under a
department that a merge of the same day forms, a department that ends on the day its team ends —
is tried again after the other events of that day (``engine.settle``); only what still does not
fit is an error (actual view) or a conflict (planned view).

No door sets an order of its own: each gives its events in a list, and :func:`place` numbers the
events a write adds after those already recorded, so a dry run and the real write see the same
order and the order does not depend on the door (a property test checks both).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from itertools import groupby

from raadhuis.domain.events import Event, EventType

FIRST, LAST = 1, 2
PHASE: dict[EventType, int] = {t: FIRST for t in EventType} | {EventType.DISSOLVE: LAST, EventType.TRANSFER_OUT: LAST}


def order_key(event: Event) -> tuple[date, int, int]:
    return (event.date.effective, PHASE[event.type], event.seq)


def ordered(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=order_key)


def by_day(events: Iterable[Event]) -> Iterator[tuple[date, list[Event]]]:
    """Ordered events grouped per day they take effect."""
    for day, group in groupby(ordered(events), key=lambda e: e.date.effective):
        yield day, list(group)


def place(new: Iterable[Event], known: Iterable[Event]) -> list[Event]:
    """The positions ``new`` events get when added to ``known`` ones (those already recorded).

    A new version of a known event keeps its position; an event the register does not know yet
    comes after every known one, in the order given."""
    positions = {(e.organisation, e.id): e.seq for e in known}
    base = max(positions.values(), default=-1) + 1
    out: list[Event] = []
    fresh = 0
    for e in new:
        at = positions.get((e.organisation, e.id))
        if at is None:
            at = base + fresh
            fresh += 1
        out.append(e if e.seq == at else replace(e, seq=at))
    return out
