"""Transfers between organisations: which organisations' histories depend on which.

A ``transfer_out`` from organisation S to organisation R is one event, recorded with S. When R is
in the register the engine replays S and R together: on the transfer's day the unit leaves S with
its sub-units, posts and staffing and arrives in R, or — when it cannot arrive — neither happens
(see ``engine.build_histories``). So a write to either can change the other's history.

These rules say which organisations go together; they look at every status, because the planned
view admits every event.
"""

from __future__ import annotations

from collections.abc import Iterable

from raadhuis.domain.events import Event, EventType

Pair = tuple[str, str]  # (sending organisation, receiving organisation)

# The arrival of a transfer is shown in the receiver's timeline as a transfer in with the id
# "SENDER:event" — a colon no id of the dataset format may hold, so it never clashes.
ARRIVAL = ":"


def arrival_id(sender: str, event_id: str) -> str:
    return f"{sender}{ARRIVAL}{event_id}"


def is_arrival(event_id: str) -> bool:
    """Whether a timeline entry is the arrival of another organisation's transfer (derived, not recorded here)."""
    return ARRIVAL in event_id


def transfer_pairs(events: Iterable[Event]) -> set[Pair]:
    """(sender, receiver) of every transfer out to another organisation, whatever its status."""
    return {
        (e.organisation, e.other_organisation)
        for e in events
        if e.type is EventType.TRANSFER_OUT and e.other_organisation and e.other_organisation != e.organisation
    }


def together(organisations: Iterable[str], pairs: Iterable[Pair], members: Iterable[str]) -> set[str]:
    """The organisations replayed together with ``organisations``: those connected to them by
    transfers between members of the register, in either direction and further on.

    Both ways, because each side shapes the other: what arrives in R depends on S's state on the
    day, and whether it can arrive (R has no unit with that id, R has the parent it goes under)
    decides whether it leaves S at all. A transfer to an organisation that is not a member makes
    the unit leave and connects nothing."""
    inside = set(members)
    edges: dict[str, set[str]] = {}
    for sender, receiver in pairs:
        if sender in inside and receiver in inside:
            edges.setdefault(sender, set()).add(receiver)
            edges.setdefault(receiver, set()).add(sender)
    out = set(organisations)
    stack = list(out)
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in out:
                out.add(nxt)
                stack.append(nxt)
    return out
