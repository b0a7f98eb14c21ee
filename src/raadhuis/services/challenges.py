"""Challenges (opgaven): which land on which task fields, from when, with what demand and source.

Used by the CLI (``raadhuis challenges``), the API, the pages, the capacity analysis and the
programme answers. A challenge without a figure is listed with ``demand_known: false``: it is
known, and what it asks is not.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from raadhuis.domain.challenge import Challenge
from raadhuis.domain.programme import Programme
from raadhuis.i18n.programmes import date_label
from raadhuis.reference.taskfields import FIRST_YEAR, TASK_FIELDS, is_valid, task_field
from raadhuis.services import register
from raadhuis.services import sections as sec
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

NAME = "challenges"


def task_field_name(code: str, at: date | None = None) -> str:
    """The BBV name of a task field in the year of ``at`` (today when None); a code that is not on
    that year's list gets its name from the last year it was."""
    year = max((at or date.today()).year, FIRST_YEAR)
    if is_valid(code, year):
        return task_field(code, year).name
    known = [t for t in TASK_FIELDS if t.code == code]
    return max(known, key=lambda t: t.valid_from_year).name if known else code


def challenges_of(store: Store, organisation: str | None = None) -> list[Challenge]:
    items: list[Challenge] = sec.items(store, NAME, organisation)
    return sorted(items, key=lambda c: (c.organisation, c.start.start if c.start else date.min, c.name))


def _cite(citations: Any, sources: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for c in citations:
        item = c.to_dict()
        item["title"] = sources.get(c.source, {}).get("title") or c.source
        out.append(item)
    return out


def challenge_summaries(store: Store, organisation: str) -> list[dict[str, Any]]:
    return [{"id": c.id, "name": c.name, "task_fields": c.codes()} for c in challenges_of(store, organisation)]


def challenges(
    store: Store, organisation: str | None = None, at: date | None = None, lang: str = "nl"
) -> dict[str, Any]:
    """The challenges of an organisation (or all); with ``at``: those that land on that day."""
    org = None
    if organisation:
        with store.session() as s:
            org = register.organisation_summary(register.resolve_organisation(s, organisation))
    with store.session() as s:
        sources = {d["id"]: d for d in repo.current_data(s, "source")}
    programmes: list[Programme] = sec.items(store, "programmes", org["id"] if org else None)
    rows = []
    for c in challenges_of(store, org["id"] if org else None):
        if at is not None and not c.lands_on(at):
            continue
        rows.append(
            {
                "id": c.id,
                "organisation": c.organisation,
                "name": c.name,
                "description": c.description,
                "from": c.start.text if c.start else None,
                "to": c.end.text if c.end else None,
                "from_label": date_label(c.start, lang),
                "to_label": date_label(c.end, lang),
                "task_fields": [
                    {
                        "code": t.code,
                        "name": task_field_name(t.code, at),
                        "share": t.share,
                        "sources": _cite(t.citations, sources),
                        "assumption": t.assumption,
                    }
                    for t in c.task_fields
                ],
                "demand": [
                    {
                        "fte": d.fte,
                        "amount": d.amount,
                        "currency": d.currency if d.amount is not None else None,
                        "task_field": d.task_field,
                        "year": d.year,
                        "sources": _cite(d.citations, sources),
                        "assumption": d.assumption,
                    }
                    for d in c.demand
                ],
                "demand_known": bool(c.demand),
                "programmes": [
                    {"id": p.id, "name": p.name}
                    for p in programmes
                    if p.organisation == c.organisation and c.id in p.challenges
                ],
                "sources": _cite(c.citations, sources),
                "assumption": c.assumption,
            }
        )
    return {"organisation": org, "at": at.isoformat() if at else None, "challenges": rows}
