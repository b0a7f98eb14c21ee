"""An organisation's timeline as its readers see it: the register's events (with decision and
sources) and the milestones of the cooperation trajectories it takes part in. Composed here,
above both, so that the register does not reach up to the trajectories."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from raadhuis.services import register
from raadhuis.services.trajectories import milestones_of
from raadhuis.store.database import Store


def timeline(
    store: Store,
    organisation: str,
    start: date | None = None,
    end: date | None = None,
    statuses: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    unit: str | None = None,
    lang: str = "nl",
) -> dict[str, Any]:
    """``{"organisation", "events", "milestones"}``: the events as :func:`register.timeline`
    gives them; the milestones a list of their own, not events."""
    data = register.timeline(store, organisation, start, end, statuses, types, unit, lang)
    data["milestones"] = milestones_of(store, data["organisation"]["id"], lang=lang)
    return data
