"""Optimistic concurrency: a form (or an API call) says which version of the register it saw;
a write that would change units someone else changed since is refused with a clear conflict.

The version is the newest changeset among the organisation's records when the form was
opened (:func:`org_version`). Inside the write's transaction :func:`check_unchanged`
looks only at event records newer than that and refuses when one touches the same units
or posts: two people editing different units do not get in each other's way, two editing
the same unit do — and the second one is told who changed it, when and why; nothing of
either is lost or silently overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.events import Event
from raadhuis.store.tables import Changeset, OrganisationRow, Record


class EditConflict(InputErrors):
    """Someone else changed the same units after this form was opened; nothing was written."""

    def __init__(self, org: str, seen: int, changes: list[dict[str, Any]]) -> None:
        units = sorted({u for c in changes for u in c["units"]})
        last = changes[-1]
        message = (
            f"changed by someone else since you opened the form: {', '.join(units)} "
            f"(by {last['recorded_by']} at {last['recorded_at']}: {last['reason']!r}); nothing was saved"
        )
        super().__init__([InputError("(form)", None, "seen", message)])
        self.organisation = org
        self.seen = seen
        self.changes = changes
        self.units = units


def org_version(s: Session, org: str) -> int:
    """The newest changeset among the organisation's records (0 when there is none)."""
    value = s.execute(select(func.max(Record.changeset_id)).where(Record.organisation == org)).scalar()
    return int(value or 0)


def touched(event: Event) -> set[str]:
    """The units and posts an event touches."""
    out = set(event.subjects())
    for post in (event.post_id, event.post.id if event.post is not None else None):
        if post:
            out.add(post)
    out.update(event.posts)
    return out


def check_unchanged(s: Session, org: str, events: Iterable[Event], seen: int | None) -> None:
    """Refuse the write when an event recorded after changeset ``seen`` touches what these
    events touch. Takes the organisation's row lock first (PostgreSQL), so the check and the
    write that follows it are one step for every writer of this organisation."""
    if seen is None:
        return
    s.execute(select(OrganisationRow.id).where(OrganisationRow.id == org).with_for_update())
    mine = set().union(*(touched(e) for e in events)) if events else set()
    if not mine:
        return
    from raadhuis.canonical.decode import event_from_dict

    newer = s.execute(
        select(Record.data, Changeset.recorded_by, Changeset.recorded_at, Changeset.reason, Changeset.id)
        .join(Changeset, Record.changeset_id == Changeset.id)
        .where(Record.kind == "event", Record.organisation == org, Record.changeset_id > seen)
        .order_by(Changeset.id)
    ).all()
    changes = []
    for data, who, at, reason, cs in newer:
        try:
            theirs = touched(event_from_dict(dict(data), 0))
        except Exception:  # noqa: BLE001 - a version the decoder no longer reads: count it as touching all
            theirs = mine
        common = mine & theirs
        if common:
            moment = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
            changes.append(
                {
                    "changeset": cs,
                    "recorded_by": who,
                    "recorded_at": moment.isoformat(),
                    "reason": reason,
                    "units": sorted(common),
                }
            )
    if changes:
        raise EditConflict(org, seen, changes)
