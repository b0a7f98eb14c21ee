"""The CBS classification in the store: periods of municipalities, superseded (never deleted) by a new import."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.orm import Session

from raadhuis.store.tables import MunicipalityRow


def supersede_current(session: Session, at: datetime) -> None:
    """Close the current classification: its rows stay, with the moment they stopped being current."""
    session.execute(update(MunicipalityRow).where(MunicipalityRow.superseded_at.is_(None)).values(superseded_at=at))


def add_periods(session: Session, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 5000):
        session.execute(insert(MunicipalityRow), rows[i : i + 5000])


def current_periods(session: Session, day: date | None = None) -> list[MunicipalityRow]:
    """The current classification's periods; with ``day``, only those in force that day."""
    cond: list[Any] = [MunicipalityRow.superseded_at.is_(None)]
    if day is not None:
        cond += [MunicipalityRow.begin <= day, or_(MunicipalityRow.end.is_(None), MunicipalityRow.end > day)]
    return list(session.execute(select(MunicipalityRow).where(and_(*cond))).scalars())


def count_current(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).select_from(MunicipalityRow).where(MunicipalityRow.superseded_at.is_(None)))
        or 0
    )
