"""Decisions never carried out, across organisations, and the latest day with data.

An event that was decided and whose date has passed without being recorded as realised is
*overdue*: "besloten, datum verstreken, niet als gerealiseerd vastgelegd". Together with the
events recorded as not realised (the WIZ transfer Losser decided in 2011), these are the
decisions never carried out. The day an event's date has passed is the last day its date may
mean (the end of "2e kwartaal 2018"), so an imprecise date is not called late too soon.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, select

from raadhuis.domain.dates import DateError, FuzzyDate
from raadhuis.domain.model import View
from raadhuis.domain.transfers import is_arrival
from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_date
from raadhuis.services import register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from raadhuis.store.tables import EventRow

OVERDUE = "overdue"
NOT_REALISED = "not_realised"


def is_overdue(status: str, date_text: str, today: date | None = None) -> bool:
    """Decided, and every day its date may mean has passed, without being recorded as realised."""
    if status != "decided":
        return False
    try:
        end = FuzzyDate.parse(date_text).end
    except DateError:
        return False
    return end < (today or date.today())


def not_carried_out(
    store: Store, organisations: Iterable[str] | None = None, today: date | None = None, lang: str = "nl"
) -> list[dict[str, Any]]:
    """Every decided event never carried out, of the given organisations (all when None): the ones
    recorded as not realised and the ones overdue; each with its organisation, decision and sources."""
    today = today or date.today()
    with store.session() as s:
        cond = [EventRow.status.in_(["decided", "not_realised"])]
        if organisations is not None:
            cond.append(EventRow.organisation.in_(list(organisations)))
        rows = list(s.execute(select(EventRow).where(*cond).order_by(EventRow.effective, EventRow.seq)).scalars())
        sources = {d["id"]: d for d in repo.current_data(s, "source")}
        decisions = {d["id"]: d for d in repo.current_data(s, "decision")}
    names = {o["id"]: o["name"] for o in register.list_organisations(store)}
    out = []
    for r in rows:
        if is_arrival(r.event_id):
            continue  # another organisation's transfer arriving here: its decision is the sender's, listed there
        if r.status == "decided" and not is_overdue(r.status, r.date_text, today):
            continue  # decided, its date still to come: not (yet) a decision left undone
        data = r.data
        cited = []
        for c in data.get("sources", []) or []:  # type: ignore[attr-defined]
            item = {"source": c} if isinstance(c, str) else dict(c)
            item["title"] = sources.get(item["source"], {}).get("title")
            cited.append(item)
        why = NOT_REALISED if r.status == "not_realised" else OVERDUE
        out.append(
            {
                "organisation": {"id": r.organisation, "name": names.get(r.organisation, r.organisation)},
                "id": r.event_id,
                "type": r.type,
                "type_label": t(f"event.{r.type}", lang),
                "title": data.get("title"),
                "date": r.date_text,
                "date_label": format_date(r.date_text, lang),
                "effective": r.effective.isoformat(),
                "status": r.status,
                "why": why,
                "why_label": t(f"wb.why.{why}", lang),
                "units": r.units.split(),
                "decision": decisions.get(r.decision) if r.decision else None,
                "sources": cited,
                "realised_by": data.get("realised_by"),
                "assumption": bool(data.get("assumption")),
            }
        )
    return out


def latest_day(store: Store, organisation: str, view: View = View.ACTUAL, today: date | None = None) -> date:
    """The latest day with data: the end of the last year in which an event (of the view) took
    effect or for which year figures were entered — not today when the data end years ago."""
    from raadhuis.services.analysis import figure_years

    today = today or date.today()
    with store.session() as s:
        org = register.resolve_organisation(s, organisation)
        cond = [EventRow.organisation == org.id]
        if view is View.ACTUAL:
            cond.append(EventRow.status == "realised")
        last = s.execute(select(func.max(EventRow.effective)).where(*cond)).scalar()
        org_id = org.id
    years = [last.year] if last else []
    years += figure_years(store, org_id)
    if not years:
        return today
    return min(today, date(max(years), 12, 31))


def latest_note(day: date, chosen: bool, lang: str = "nl", today: date | None = None) -> str | None:
    """What the dashboard and the report say when they chose the day themselves."""
    if chosen:
        return None
    return t("wb.latest_day", lang, date=format_date(day, lang), today=format_date(today or date.today(), lang))
