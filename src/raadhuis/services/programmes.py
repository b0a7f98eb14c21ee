"""Programmes and projects: the questions the CLI, the API, the pages and the report ask.

* :func:`programmes` — an organisation's programmes (or all), optionally those running on a day;
* :func:`programme` — one programme whole: budget, people, milestones, progress, sources, history;
* :func:`record_reading`, :func:`record_milestone`, :func:`record_spend` — a form's change: a new
  version of the programme record, previewed first (``dry_run``) and saved only if nobody changed
  the programme in between (the version the preview showed);
* :func:`timeline_entries` — programme periods and milestones for the organisation's timeline.

Every answer is plain data for JSON. A figure that rests on an assumption carries the mark
(``assumption``) beside it; what no source gives is ``null`` with a reason, never zero.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from raadhuis.canonical.programmes import programme_to_dict
from raadhuis.canonical.sections import SECTIONS, DecodeContext
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Citation, View
from raadhuis.domain.programme import (
    BudgetYear,
    Milestone,
    Programme,
    ProgressReading,
    ProgressScale,
    Spend,
    scales_for,
)
from raadhuis.i18n import t
from raadhuis.i18n.formatting import typed_period
from raadhuis.i18n.programmes import date_label
from raadhuis.services import register
from raadhuis.services import sections as sec
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

NAME = "programmes"
KIND = "programme"
ORIGIN = "web"


# --- reading what the register holds ----------------------------------------------------------


def _org(store: Store, organisation: str) -> dict[str, Any]:
    with store.session() as s:
        return register.organisation_summary(register.resolve_organisation(s, organisation))


def _programmes_of(store: Store, org_id: str | None, known_at: datetime | None = None) -> list[Programme]:
    items: list[Programme] = sec.items(store, NAME, org_id, known_at)
    return sorted(items, key=lambda p: p.organisation)  # within one organisation: the order it gave them


def _scales(store: Store, org_id: str) -> list[ProgressScale]:
    found: list[ProgressScale] = sec.items(store, "progress_scales", org_id)
    return found


def find(store: Store, organisation: str, programme_id: str) -> Programme:
    org = _org(store, organisation)
    for p in _programmes_of(store, org["id"]):
        if p.id == programme_id:
            return p
    known = ", ".join(p.id for p in _programmes_of(store, org["id"])) or "none"
    raise register.NotFound("programme", programme_id, f"in {org['id']}; known programmes: {known}")


class _Register:
    """What a programme refers to in the register of its organisation: units, posts, events."""

    def __init__(self, store: Store, org_id: str) -> None:
        with store.session() as s:
            self.unit_names = repo.unit_names(s, org_id, View.PLANNED)
            self.events: list[Event] = repo.events_of(s, org_id)
            self.sources = {d["id"]: d for d in repo.current_data(s, "source")}
        self.by_id = {e.id: e for e in self.events}

    def post(self, post_id: str) -> dict[str, Any]:
        """A post's title and unit, when it began and when it ends (or is planned to), with evidence."""
        out: dict[str, Any] = {"title": None, "unit": None, "from": None, "until": None, "until_status": None}
        for e in self.events:
            if e.type is EventType.ADD_POST and e.post is not None and e.post.id == post_id:
                out.update(
                    title=e.post.title,
                    unit=e.post.unit,
                    fte=e.post.fte,
                    **{"from": e.date.text},
                    from_sources=self.cite(e.citations),
                    from_assumption=e.assumption,
                )
            elif e.type is EventType.REMOVE_POST and e.post_id == post_id:
                out.update(
                    until=e.date.text,
                    until_status=e.status.value,
                    until_sources=self.cite(e.citations),
                    until_assumption=e.assumption,
                )
        return out

    def event(self, event_id: str, lang: str) -> dict[str, Any]:
        e = self.by_id.get(event_id)
        if e is None:
            return {"id": event_id, "date": None, "type": None, "title": None, "label": event_id}
        names = [self.unit_names.get(u, u) for u in e.subjects()]
        label = e.title or f"{t('event.' + e.type.value, lang)}: {', '.join(names)}"
        return {
            "id": e.id,
            "date": e.date.text,
            "date_label": date_label(e.date, lang),
            "effective": e.date.effective.isoformat(),
            "type": e.type.value,
            "status": e.status.value,
            "title": e.title,
            "label": label,
        }

    def cite(self, citations: tuple[Citation, ...]) -> list[dict[str, Any]]:
        out = []
        for c in citations:
            item = c.to_dict()
            item["title"] = self.sources.get(c.source, {}).get("title") or c.source
            out.append(item)
        return out


def _history(store: Store, p: Programme) -> list[dict[str, Any]]:
    with store.session() as s:
        return repo.record_history(s, KIND, p.organisation, p.id)


def _first_recorded(history: list[dict[str, Any]], test: Any) -> dict[str, Any] | None:
    """Who recorded a fact first: the earliest version of the record in which ``test(data)`` holds."""
    for h in history:
        if not h["retracted"] and test(h["data"]):
            return {
                "version": h["version"],
                "at": h["recorded_at"],
                "by": h["recorded_by"],
                "reason": h["reason"],
            }
    return None


def _amount(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _period(p: Programme, reg: _Register, lang: str) -> dict[str, Any]:
    return {
        "from": p.period.start.text if p.period.start else None,
        "to": p.period.end.text if p.period.end else None,
        "from_label": date_label(p.period.start, lang),
        "to_label": date_label(p.period.end, lang),
        "sources": reg.cite(p.period.citations),
        "assumption": p.period.assumption,
    }


def _reading(
    p: Programme, r: ProgressReading, scales: dict[str, ProgressScale], reg: _Register, lang: str
) -> dict[str, Any]:
    scale = scales.get(p.scale_of(r) or "")
    level = scale.level(r.value) if scale else None
    return {
        "date": r.date.text,
        "date_label": date_label(r.date, lang),
        "value": r.value,
        "reading": level.reading.value if level else None,
        "label": (level.label if level and level.label else None),
        "reading_assumption": scale.assumed(level) if scale and level else False,
        "scale": scale.id if scale else p.scale_of(r),
        "scale_name": scale.name if scale else None,
        "note": r.note,
        "sources": reg.cite(r.citations),
        "assumption": r.assumption,
    }


def _budget(p: Programme, reg: _Register) -> dict[str, Any]:
    years = []
    allocations = []
    spending = []
    reasons: list[dict[str, str]] = []
    for b in p.budget:
        years.append(
            {
                "year": b.year,
                "total": _amount(b.total),
                "allocated": _amount(b.allocated),
                "unallocated": _amount(b.total - b.allocated) if b.total is not None else None,
                "spent": _amount(b.spent),
                "sources": reg.cite(b.citations),
                "assumption": b.assumption,
            }
        )
        for a in b.allocations:
            allocations.append(
                {
                    "year": b.year,
                    "purpose": a.purpose,
                    "amount": _amount(a.amount),
                    "sources": reg.cite(a.citations),
                    "assumption": a.assumption,
                }
            )
        for x in b.spending:
            spending.append(
                {
                    "year": b.year,
                    "date": x.date.text if x.date else None,
                    "amount": _amount(x.amount),
                    "purpose": x.purpose,
                    "sources": reg.cite(x.citations),
                    "assumption": x.assumption,
                }
            )
        if b.spent is None:
            reasons.append(
                {
                    "id": "programme.spent_unknown",
                    "nl": f"Besteding {b.year} onbekend: geen bron noemt wat er is uitgegeven.",
                    "en": f"Spending {b.year} unknown: no source says what was spent.",
                }
            )
        if b.total is not None and b.spent is not None and b.spent > b.total:
            reasons.append(
                {
                    "id": "programme.overspent",
                    "nl": f"In {b.year} is meer uitgegeven dan begroot.",
                    "en": f"More was spent than budgeted in {b.year}.",
                }
            )
    if not p.budget:
        reasons.append(
            {
                "id": "programme.no_budget",
                "nl": "Geen budget bekend: geen bron noemt een bedrag.",
                "en": "No budget known: no source gives an amount.",
            }
        )
    total, spent = p.total, p.spent
    allocated = sum(b.allocated for b in p.budget) if p.budget else None
    return {
        "total": _amount(total),
        "currency": p.currency,
        "allocated": _amount(allocated),
        "unallocated": _amount(total - allocated) if total is not None and allocated is not None else None,
        "allocations": allocations,
        "spent": _amount(spent),
        "spent_known": spent is not None,
        "spent_share": round(spent / total, 4) if spent is not None and total else None,
        "spending": spending,
        "years": years,
        "sources": [c for b in p.budget for c in reg.cite(b.citations)],
        "assumption": next((b.assumption for b in p.budget if b.assumption), False),
        "reasons": reasons,
    }


def _statement(s: Any, reg: _Register) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"text": s.text, "sources": reg.cite(s.citations), "assumption": s.assumption}


_CITE_KEYS = ("sources", "from_sources", "until_sources")


def _all_sources(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every citation in a programme's answer, once each, with the part it supports (``about``)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()

    def walk(node: Any, about: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _CITE_KEYS and isinstance(value, list):
                    for c in value:
                        mark = (c.get("source"), c.get("quote"), c.get("page"))
                        if mark not in seen:
                            seen.add(mark)
                            out.append(dict(c, about=about))
                else:
                    walk(value, about)
        elif isinstance(node, list):
            for value in node:
                walk(value, about)

    walk({"sources": data.get("own_sources", [])}, "programme")
    for key, value in data.items():
        if key not in ("history", "sources", "own_sources", "scales", "challenges", "latest", "leads"):
            walk(value, key)
    return out


def _view(store: Store, p: Programme, at: date | None, lang: str, full: bool) -> dict[str, Any]:
    reg = _Register(store, p.organisation)
    scales = scales_for(p, _scales(store, p.organisation))
    readings = p.readings_until(at)
    history = _history(store, p) if full else []
    progress = []
    for r in readings:
        reading = _reading(p, r, scales, reg, lang)
        if full:
            mark = programme_to_dict(replace(p, progress=(r,)))["progress"][0]
            reading["recorded"] = _first_recorded(history, lambda d, m=mark: m in (d.get("progress") or []))
        progress.append(reading)
    latest = progress[-1] if progress else None
    if latest is not None:
        # "Since when": the first of the readings, ending in the latest, that say the same.
        since = latest
        for earlier in reversed(progress[:-1]):
            if earlier["value"] != latest["value"] or earlier["scale"] != latest["scale"]:
                break
            since = earlier
        latest = dict(latest, since=since["date"], since_label=since["date_label"])
    posts = []
    for x in p.posts:
        item: dict[str, Any] = {
            "role": x.role,
            "post": x.post,
            "unit": x.unit,
            "unit_name": reg.unit_names.get(x.unit) if x.unit else None,
            "count": x.count,
            "created_for": x.created_for,
            "leads": x.leads,
            "sources": reg.cite(x.citations),
            "assumption": x.assumption,
        }
        if x.post:
            found = reg.post(x.post)
            item.update(
                title=found["title"],
                post_unit=found["unit"],
                post_unit_name=reg.unit_names.get(found["unit"] or "", found["unit"]),
                **{"from": found["from"]},
                from_label=date_label(found["from"], lang),
                from_sources=found.get("from_sources", []),
                until=found["until"],
                until_label=date_label(found["until"], lang),
                until_status=found["until_status"],
                until_sources=found.get("until_sources", []),
                until_assumption=found.get("until_assumption", False),
            )
        posts.append(item)
    milestones: list[dict[str, Any]] = []
    for m in p.milestones:
        row: dict[str, Any] = {
            "id": m.id,
            "title": m.title,
            "date": m.date.text if m.date else None,
            "date_label": date_label(m.date, lang),
            "effective": m.date.effective.isoformat() if m.date else None,
            "status": m.status.value,
            "status_date": m.status_date.text if m.status_date else None,
            "status_date_label": date_label(m.status_date, lang),
            "outside_period": m.outside_period,
            "sources": reg.cite(m.citations),
            "assumption": m.assumption,
        }
        if full:
            row["recorded"] = _first_recorded(
                history,
                lambda d, mid=m.id, st=m.status.value: any(
                    x.get("id") == mid and x.get("status") == st for x in d.get("milestones") or []
                ),
            )
        milestones.append(row)
    owner = None
    if p.owner is not None:
        owner = {
            "unit": p.owner.unit,
            "unit_name": reg.unit_names.get(p.owner.unit) if p.owner.unit else None,
            "post": p.owner.post,
            "post_title": reg.post(p.owner.post)["title"] if p.owner.post else None,
            "name": p.owner.name,
            "sources": reg.cite(p.owner.citations),
            "assumption": p.owner.assumption,
        }
    out: dict[str, Any] = {
        "id": p.id,
        "organisation": p.organisation,
        "name": p.name,
        "kind": p.kind,
        "part_of": p.part_of,
        "description": p.description,
        "status": p.status.value if p.status else None,
        "period": _period(p, reg, lang),
        "owner": owner,
        "budget": _budget(p, reg),
        "progress": progress,
        "latest": latest,
        "milestones": milestones,
        "posts": posts,
        "leads": [x for x in posts if x["leads"]],
        "own_sources": reg.cite(p.citations),
        "assumption": p.assumption,
    }
    if full:
        from raadhuis.services.challenges import challenge_summaries, task_field_name

        challenge_rows = {c["id"]: c for c in challenge_summaries(store, p.organisation)}
        out.update(
            goal=_statement(p.goal, reg),
            approach=_statement(p.approach, reg),
            principles=[_statement(s, reg) for s in p.principles],
            units=[{"id": u, "name": reg.unit_names.get(u, u)} for u in p.units],
            task_fields=[{"code": c, "name": task_field_name(c, at)} for c in p.task_fields],
            challenges=[challenge_rows.get(c, {"id": c, "name": c, "task_fields": []}) for c in p.challenges],
            events=[
                {
                    "relation": e.relation.value,
                    "title": e.title,
                    "note": e.note,
                    "events": [reg.event(x, lang) for x in e.events],
                    "sources": reg.cite(e.citations),
                    "assumption": e.assumption,
                }
                for e in p.events
            ],
            scales=[_scale_view(s) for s in scales.values()],
        )
        current = [h for h in history if h["superseded_at"] is None and not h["retracted"]]
        out["version"] = current[-1]["version"] if current else None
        out["history"] = [{k: v for k, v in h.items() if k != "data"} for h in history]
        out["sources"] = _all_sources(out)
        parts = [x for x in _programmes_of(store, p.organisation) if x.part_of == p.id]
        out["parts"] = [{"id": x.id, "name": x.name} for x in parts]
    return out


def _scale_view(s: ProgressScale) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "levels": [
            {"value": lv.value, "reading": lv.reading.value, "label": lv.label, "assumption": s.assumed(lv)}
            for lv in s.levels
        ],
        "assumption": s.assumption,
    }


# --- the questions ------------------------------------------------------------------------------


def programmes(
    store: Store, organisation: str | None = None, at: date | None = None, lang: str = "nl"
) -> dict[str, Any]:
    """The programmes of an organisation (or of every organisation); with ``at``: those that may
    run on that day, each with its latest reading on or before it."""
    org = _org(store, organisation) if organisation else None
    items = [p for p in _programmes_of(store, org["id"] if org else None) if at is None or p.period.overlaps(at)]
    return {
        "organisation": org,
        "at": at.isoformat() if at else None,
        "programmes": [_view(store, p, at, lang, full=False) for p in items],
    }


def programme(
    store: Store, organisation: str, programme_id: str, at: date | None = None, lang: str = "nl"
) -> dict[str, Any]:
    """One programme whole: its budget, people, milestones, progress, links, sources and history."""
    p = find(store, organisation, programme_id)
    out = _view(store, p, at, lang, full=True)
    out["organisation"] = _org(store, p.organisation)
    out["at"] = at.isoformat() if at else None
    return out


def overview(store: Store, organisation: str, at: date | None, lang: str = "nl") -> list[dict[str, Any]]:
    """The programmes running on ``at``, each with its answers in words for the dashboard and the
    council report: the latest reading and since when, the budget and what for, who leads and
    until when — the same words as the CLI (i18n/programmes.py)."""
    from raadhuis.i18n.programmes import amount_label, budget_text, lead_text, reading_text

    out = []
    for p in programmes(store, organisation, at, lang)["programmes"]:
        b = p["budget"]
        assumptions = []
        if b["assumption"]:
            assumptions.append(b["assumption"])
        if p["latest"] and p["latest"]["reading_assumption"]:
            assumptions.append(p["latest"]["reading_assumption"])
        for x in p["leads"]:
            if x.get("until_assumption"):
                assumptions.append(x["until_assumption"])
        quotes = [
            c
            for part in (b["sources"], (p["latest"] or {}).get("sources", []), *(x["sources"] for x in p["leads"]))
            for c in part
        ]
        out.append(
            dict(
                p,
                reading_text=reading_text(p["latest"], lang),
                budget_text=budget_text(b, lang),
                lead_text="; ".join(lead_text(x, lang) for x in p["leads"]),
                allocation_lines=[
                    f"{amount_label(a['amount'], b['currency'], lang)}: {a['purpose']}" for a in b["allocations"]
                ],
                assumptions=list(dict.fromkeys(assumptions)),  # each a text, or True (assumed, no words)
                quotes=list({(c["source"], c.get("quote")): c for c in quotes if c.get("quote")}.values()),
            )
        )
    return out


def timeline_entries(store: Store, organisation: str, lang: str = "nl") -> list[dict[str, Any]]:
    """Each programme's period and milestones, for the timeline beside the events."""
    out = []
    org = _org(store, organisation)
    for p in _programmes_of(store, org["id"]):
        out.append(
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "status": p.status.value if p.status else None,
                "from": p.period.start.text if p.period.start else None,
                "to": p.period.end.text if p.period.end else None,
                "from_label": date_label(p.period.start, lang),
                "to_label": date_label(p.period.end, lang),
                "effective": p.period.start.effective.isoformat() if p.period.start else None,
                "milestones": [
                    {
                        "id": m.id,
                        "title": m.title,
                        "date": m.date.text if m.date else None,
                        "date_label": date_label(m.date, lang),
                        "effective": m.date.effective.isoformat() if m.date else None,
                        "status": m.status.value,
                        "status_date_label": date_label(m.status_date, lang),
                    }
                    for m in sorted(p.milestones, key=lambda m: m.date.start if m.date else date.max)
                ],
                "events": [x for link in p.events for x in link.events],
            }
        )
    return out


# --- recording from a form: a new version of the programme ------------------------------------


def _decode_one(raw: dict[str, Any], key: str) -> Any:
    """A piece of a programme from a form's canonical dict, through the one decoder."""
    from raadhuis.canonical.errors import InputError, InputErrors
    from raadhuis.canonical.paths import path_text

    ctx = DecodeContext(None)
    shell = {"id": "x", "name": "x", "organisation": "x", key: [raw]}
    item = SECTIONS[NAME].decode(shell, (), ctx)
    if ctx.errors or item is None:
        raise InputErrors([InputError(ORIGIN, None, path_text(p), m) for p, m in ctx.errors])
    return item


def _cites(source: str | None, quote: str | None, page: str | None = None) -> list[dict[str, Any]]:
    if not source:
        return []
    c: dict[str, Any] = {"source": source}
    if page:
        c["page"] = page
    if quote:
        c["quote"] = quote
    return [c]


def _evidence(form: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    sources = _cites(form.get("source"), form.get("quote"), form.get("page"))
    if sources:
        out["sources"] = sources
    if form.get("assumption"):
        out["assumption"] = form["assumption"]
    return out


def _write(
    store: Store,
    before: Programme,
    after: Programme,
    who: str,
    reason: str,
    base_version: int | None,
    dry_run: bool,
    lang: str,
) -> dict[str, Any]:
    result = sec.write_items(
        store,
        NAME,
        [after],
        who,
        reason,
        ORIGIN,
        dry_run,
        expected={(before.organisation, before.id): base_version} if base_version is not None else None,
    )
    return {
        "programme": before.id,
        "organisation": before.organisation,
        "dry_run": dry_run,
        "changed": result.changed,
        "changeset": result.changeset,
        "base_version": base_version,
        "before": programme_to_dict(before),
        "after": programme_to_dict(after),
    }


def record_reading(
    store: Store,
    organisation: str,
    programme_id: str,
    form: dict[str, Any],
    who: str,
    reason: str,
    base_version: int | None = None,
    dry_run: bool = False,
    lang: str = "nl",
) -> dict[str, Any]:
    """A progress reading (date, value as the source writes it, scale, source) added to the programme."""
    p = find(store, organisation, programme_id)
    raw: dict[str, Any] = {"date": typed_period(form.get("date")), "value": form.get("value")}
    if form.get("scale"):
        raw["scale"] = form["scale"]
    if form.get("note"):
        raw["note"] = form["note"]
    raw.update(_evidence(form))
    reading: ProgressReading = _decode_one(_required(raw, ("date", "value"), "progress"), "progress").progress[0]
    return _write(store, p, p.with_reading(reading), who, reason, base_version, dry_run, lang)


def record_milestone(
    store: Store,
    organisation: str,
    programme_id: str,
    form: dict[str, Any],
    who: str,
    reason: str,
    base_version: int | None = None,
    dry_run: bool = False,
    lang: str = "nl",
) -> dict[str, Any]:
    """A milestone's new status (gehaald on a date, niet gehaald, vervallen), or a new milestone."""
    p = find(store, organisation, programme_id)
    mid = str(form.get("milestone") or "").strip()
    old = p.milestone(mid) if mid else None
    raw: dict[str, Any] = {
        "id": mid or f"m{len(p.milestones) + 1}",
        "title": form.get("title") or (old.title if old else None),
        "status": form.get("status") or "planned",
    }
    day = typed_period(form.get("date")) or (old.date.text if old and old.date else None)
    if day:
        raw["date"] = day
    if form.get("status_date"):
        raw["status_date"] = typed_period(form["status_date"])
    if old is not None and old.outside_period:
        raw["outside_period"] = old.outside_period
    evidence = _evidence(form)
    old_cites = [c.to_dict() for c in old.citations] if old else []
    raw["sources"] = old_cites + evidence.get("sources", [])
    if not raw["sources"]:
        raw.pop("sources")
    if evidence.get("assumption") or (old and old.assumption):
        raw["assumption"] = evidence.get("assumption") or (old.assumption if old else False)
    milestone: Milestone = _decode_one(_required(raw, ("title",), "milestones"), "milestones").milestones[0]
    return _write(store, p, p.with_milestone(milestone), who, reason, base_version, dry_run, lang)


def record_spend(
    store: Store,
    organisation: str,
    programme_id: str,
    form: dict[str, Any],
    who: str,
    reason: str,
    base_version: int | None = None,
    dry_run: bool = False,
    lang: str = "nl",
) -> dict[str, Any]:
    """Money spent in a budget year (realisation), with its date and source."""
    p = find(store, organisation, programme_id)
    raw_year = str(form.get("year") or "").strip()
    if not raw_year.isdigit():
        from raadhuis.canonical.errors import InputError, InputErrors

        raise InputErrors([InputError(ORIGIN, None, "year", f"expected a budget year such as 2024, got {raw_year!r}")])
    spend_raw: dict[str, Any] = {"amount": _number(form.get("amount"), "amount")}
    if form.get("date"):
        spend_raw["date"] = typed_period(form["date"])
    if form.get("purpose"):
        spend_raw["purpose"] = form["purpose"]
    spend_raw.update(_evidence(form))
    budget_raw = {"year": int(raw_year), "currency": p.currency, "spending": [spend_raw]}
    year: BudgetYear = _decode_one(budget_raw, "budget").budget[0]
    spend: Spend = year.spending[0]
    return _write(store, p, p.with_spend(year.year, spend, p.currency), who, reason, base_version, dry_run, lang)


def _required(raw: dict[str, Any], keys: tuple[str, ...], where: str) -> dict[str, Any]:
    from raadhuis.canonical.errors import InputError, InputErrors

    missing = [k for k in keys if raw.get(k) in (None, "")]
    if missing:
        raise InputErrors([InputError(ORIGIN, None, k, "this field is required") for k in missing])
    return raw


def _number(value: Any, field: str) -> float:
    """An amount as people type it: 12.500, 12500, 12500,50 or 12,500.50."""
    from raadhuis.canonical.errors import InputError, InputErrors
    from raadhuis.formats.figures import parse_number

    text = str(value or "").strip().replace("€", "").strip()
    # Dutch thousands dots without decimals ("12.500") read as twelve thousand five hundred.
    if text.count(".") >= 1 and "," not in text and all(len(x) == 3 for x in text.split(".")[1:]):
        text = text.replace(".", "")
    number = parse_number(text) if text else None
    if number is None:
        raise InputErrors([InputError(ORIGIN, None, field, f"expected an amount such as 12500, got {value!r}")])
    return number


parse_amount = _number  # the same reading of a typed amount, for the words of a preview
