"""Audit studies and the follow-up of their recommendations: one function per question.

The CLI (``raadhuis studies|study|recommendations|monitor|follow-up``), the API (/api/v1/studies …),
the pages and the report call these functions and show what they return: plain data, every item
with its sources and quotes, every unknown as "onbekend" with why. Valid time is ``at`` (the day
a status held); record time is ``known_at`` (what the register knew then).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.sections import SECTIONS, DecodeContext
from raadhuis.canonical.studies import DATE_FIELDS, FOLLOW_UP, LINK_KINDS, STUDIES
from raadhuis.domain.dates import DateError, FuzzyDate
from raadhuis.domain.model import Citation, Source, View
from raadhuis.domain.study import (
    DEFAULT_TERM_MONTHS,
    Addressee,
    FollowUp,
    FollowUpState,
    Recommendation,
    ResponseKind,
    State,
    Status,
    Study,
    deadline_of,
    entries_for,
    follow_up_state,
    overdue_days,
    past_term_unknown,
)
from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_number
from raadhuis.i18n.studies import date_label
from raadhuis.services import register
from raadhuis.services.register import ImportResult, NotFound, resolve_organisation
from raadhuis.services.sections import write_items
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

# The order in which the monitor shows the states: done first, unknown last.
STATES = (
    State.UITGEVOERD,
    State.IN_UITVOERING,
    State.OPEN,
    State.NIET_UITGEVOERD,
    State.NIET_OVERGENOMEN,
    State.VERVALLEN,
    State.ONBEKEND,
)


@dataclass
class _Register:
    """What the answers need from the register, read once per question."""

    studies: list[Study]
    entries: list[FollowUp]
    recorded: dict[tuple[str, str], dict[str, Any]]  # (organisation, key) → who, when, why of the version
    names: dict[str, str]
    sources: dict[str, dict[str, Any]]
    cooperations: dict[str, str]
    decisions: dict[str, str]
    programmes: dict[str, str] | None  # None: no programmes section registered (ids unchecked)
    organisations: list[str]


def _read(store: Store, known_at: datetime | None = None) -> _Register:
    with store.session() as s:
        ctx = DecodeContext(None)
        studies = []
        for r in repo.current_records(s, SECTIONS[STUDIES].kind, None, known_at):
            item = SECTIONS[STUDIES].decode(r.data, (STUDIES,), ctx)
            if item is not None:
                studies.append(item)
        entries, recorded = [], {}
        for r, meta in repo.current_records_recorded(s, SECTIONS[FOLLOW_UP].kind, known_at):
            entry = SECTIONS[FOLLOW_UP].decode(r.data, (FOLLOW_UP,), ctx)
            if entry is not None:
                entries.append(entry)
                recorded[(r.organisation, r.key)] = meta
        if ctx.errors:  # the store holds what the checks let through: this is a changed store
            raise InputErrors([InputError("<store>", None, str(p), m) for p, m in ctx.errors])
        orgs = repo.organisations(s)
        programmes: dict[str, str] | None = None
        if "programmes" in SECTIONS:
            section = SECTIONS["programmes"]
            programmes = {}
            for r in repo.current_records(s, section.kind, None, known_at):
                item = section.decode(r.data, ("programmes",), DecodeContext(None))
                if item is not None:
                    data = section.encode(item)
                    programmes[section.key(item)] = str(data.get("name") or data.get("title") or section.key(item))
        return _Register(
            studies=studies,
            entries=entries,
            recorded=recorded,
            names={o.id: o.name for o in orgs},
            sources={d["id"]: d for d in repo.current_data(s, "source", None, known_at)},
            cooperations={d["id"]: d.get("name", d["id"]) for d in repo.current_data(s, "cooperation", None, known_at)},
            decisions={d["id"]: d.get("title", d["id"]) for d in repo.current_data(s, "decision", None, known_at)},
            programmes=programmes,
            organisations=[o.id for o in orgs],
        )


def _org_id(store: Store, ref: str | None) -> str | None:
    if ref is None:
        return None
    with store.session() as s:
        return resolve_organisation(s, ref).id


def _concerns(study: Study, org: str | None) -> bool:
    return org is None or org == study.audit_body or org in study.about


# Which organisations the asker may read (the web doors pass the signed-in user's rule); None: all.
Visible = Callable[[str], bool] | None


def _seen(study: Study, visible: Visible) -> bool:
    return visible is None or any(visible(o) for o in (study.audit_body, *study.about))


def _find(reg: _Register, org: str, study_id: str) -> Study:
    for study in reg.studies:
        if study.id == study_id and _concerns(study, org):
            return study
    known = ", ".join(s.id for s in reg.studies if _concerns(s, org)) or "none"
    raise NotFound("study", study_id, f"studies of {org}: {known}")


# --- pieces of an answer ----------------------------------------------------------------------


def _cite(items: Iterable[Citation], reg: _Register) -> list[dict[str, Any]]:
    out = []
    for c in items:
        src = reg.sources.get(c.source, {})
        out.append(
            {
                "source": c.source,
                "title": src.get("title"),
                "kind": src.get("kind", "document"),
                "page": c.page,
                "quote": c.quote,
            }
        )
    return out


def _date(value: FuzzyDate | None, lang: str) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"value": value.text, "label": date_label(value, lang), "start": value.start.isoformat()}


def _assumption(value: bool | str) -> str | bool | None:
    return value if value else None


def _org(reg: _Register, org_id: str) -> dict[str, str]:
    return {"id": org_id, "name": reg.names.get(org_id, org_id)}


def _unit_names(store: Store, org: str, day: date) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Units, posts and events of ``org`` by id → name, as the register has them on ``day``
    (a unit renamed later keeps the name the study knew); events by title."""
    try:
        snap = register.snapshot(store, org, day, View.ACTUAL)
    except NotFound:
        return {}, {}, {}
    units = {u.id: u.name for u in snap.units.values()}
    posts = {p.id: p.title for p in snap.posts.values()}
    with store.session() as s:
        events = {str(d["id"]): str(d.get("title") or d["id"]) for d in repo.current_data(s, "event", org)}
    return units, posts, events


def _links(study: Study, reg: _Register, store: Store, lang: str) -> dict[str, dict[str, Any]]:
    """Names for the ids the findings link to, per organisation: what the register knows and says."""
    day = (study.dates.final or study.dates.draft or study.dates.start or FuzzyDate.of_day(date.today())).start
    return {
        org: dict(zip(("units", "posts", "events"), _unit_names(store, org, day), strict=True)) for org in study.about
    }


def _finding(study: Study, f: Any, reg: _Register, names: dict[str, dict[str, Any]]) -> dict[str, Any]:
    org = f.organisation or study.about[0]
    links: dict[str, list[dict[str, Any]]] = {}
    for kind in LINK_KINDS:
        ids = getattr(f.links, kind)
        if not ids:
            continue
        out = []
        for ref in ids:
            if kind in ("units", "posts", "events"):
                known = names.get(org, {}).get(kind, {})
                out.append({"id": ref, "name": known.get(ref, ref), "checked": True, "organisation": org})
            elif kind == "cooperations":
                out.append({"id": ref, "name": reg.cooperations.get(ref, ref), "checked": True})
            elif kind == "decisions":
                out.append({"id": ref, "name": reg.decisions.get(ref, ref), "checked": True})
            else:
                checked = reg.programmes is not None
                name = (reg.programmes or {}).get(ref, ref)
                out.append({"id": ref, "name": name, "checked": checked})
        links[kind] = out
    return {
        "id": f.id,
        "question": f.question,
        "title": f.title,
        "text": f.text,
        "organisation": org,
        "links": links,
        "sources": _cite(f.citations, reg),
        "assumption": _assumption(f.assumption),
    }


def _state(
    study: Study, rec: Recommendation, org: str, reg: _Register, day: date, lang: str
) -> tuple[FollowUpState, dict[str, Any], list[dict[str, Any]]]:
    entries = entries_for(reg.entries, study.id, rec.number, org)
    state = follow_up_state(study, rec, entries, day)
    status: dict[str, Any] = {
        "value": state.state.value,
        "label": t(f"study.state.{state.state.value}", lang),
        "since": state.since.text if state.since else None,
        "since_label": date_label(state.since, lang) if state.since else None,
        "organisation": org,
        "from_council": state.from_council,
        "text": state.entry.text if state.entry else None,
        "sources": _cite(state.entry.citations, reg) if state.entry else [],
        "recorded_by": None,
        "recorded_at": None,
        "why": None,
    }
    if state.entry is not None:
        meta = reg.recorded.get((org, state.entry.key), {})
        status.update(recorded_by=meta.get("recorded_by"), recorded_at=meta.get("recorded_at"))
    elif state.state is State.ONBEKEND:
        status["why"] = study.why_missing("follow_up") or study.why_missing("council")
    history = []
    for e in entries:
        meta = reg.recorded.get((org, e.key), {})
        history.append(
            {
                "date": e.date.text,
                "date_label": date_label(e.date, lang),
                "status": e.status.value,
                "label": t(f"study.state.{e.status.value}", lang),
                "text": e.text,
                "sources": _cite(e.citations, reg),
                "assumption": _assumption(e.assumption),
                "in_effect": e.date.start <= day,
                **{k: meta.get(k) for k in ("recorded_by", "recorded_at", "reason", "version")},
            }
        )
    return state, status, history


def _recommendation(
    study: Study, rec: Recommendation, org: str, reg: _Register, day: date, lang: str
) -> dict[str, Any]:
    state, status, history = _state(study, rec, org, reg, day, lang)
    deadline = deadline_of(study, rec)
    response = rec.response
    kind = response.kind if response is not None else ResponseKind.ONBEKEND
    late, past = overdue_days(state, deadline, day), past_term_unknown(state, deadline, day)
    return {
        "study": study.id,
        "number": rec.number,
        "title": rec.title,
        "text": rec.text,
        "addressee": rec.addressee.value,
        "addressee_label": t(f"study.addressee.{rec.addressee.value}", lang),
        "addressee_why": study.why_missing("addressees") if rec.addressee is Addressee.ONBEKEND else None,
        "conclusions": list(rec.conclusions),
        "response": {
            "kind": kind.value,
            "label": t(f"study.response.{kind.value}", lang),
            "text": response.text if response else None,
            "sources": _cite(response.citations, reg) if response else [],
            "why": study.why_missing("responses") if kind is ResponseKind.ONBEKEND else None,
        },
        "adopted": study.adopted(rec),
        "deadline": None
        if deadline is None
        else {
            "date": deadline.day.isoformat(),
            "label": date_label(FuzzyDate.of_day(deadline.day), lang),
            "assumed": deadline.assumed,
            "basis": deadline.basis,
            "note": t(
                "study.deadline.assumed",
                lang,
                months=DEFAULT_TERM_MONTHS,
                basis=t(f"study.basis.{deadline.basis}", lang),
            )
            if deadline.assumed
            else None,
        },
        "status": status,
        "overdue_days": late,
        "past_term_days": past,
        "overdue_label": t("study.overdue_by", lang, days=format_number(late, lang, 0)) if late is not None else None,
        "past_term_label": t("study.past_term_by", lang, days=format_number(past, lang, 0))
        if past is not None
        else None,
        "history": history,
        "sources": _cite(rec.citations, reg),
        "assumption": _assumption(rec.assumption),
    }


def _summary(study: Study, reg: _Register, lang: str) -> dict[str, Any]:
    return {
        "id": study.id,
        "title": study.title,
        "subtitle": study.subtitle,
        "kind": study.kind,
        "audit_body": _org(reg, study.audit_body),
        "about": [_org(reg, o) for o in study.about],
        "final": _date(study.dates.final, lang),
        "counts": {
            "questions": sum(1 + len(q.sub_questions) for q in study.questions),
            "findings": len(study.findings),
            "conclusions": len(study.conclusions),
            "recommendations": len(study.recommendations),
        },
        "sources": _cite(study.citations, reg),
    }


# --- the questions ------------------------------------------------------------------------------


def _began(study: Study) -> date:
    began = study.dates.study_began()
    return began.start if began is not None else date.min


def list_studies(
    store: Store,
    organisation: str | None = None,
    known_at: datetime | None = None,
    lang: str = "nl",
    visible: Visible = None,
) -> dict[str, Any]:
    """The studies in the register (by an audit body or about an organisation), newest first."""
    org = _org_id(store, organisation)
    reg = _read(store, known_at)
    found = [s for s in reg.studies if _concerns(s, org) and _seen(s, visible)]
    found.sort(key=_began, reverse=True)
    return {
        "organisation": _org(reg, org) if org else None,
        "known_at": known_at.isoformat() if known_at else None,
        "studies": [_summary(s, reg, lang) for s in found],
    }


def study_detail(
    store: Store,
    organisation: str,
    study_id: str,
    at: date | None = None,
    known_at: datetime | None = None,
    lang: str = "nl",
) -> dict[str, Any]:
    """One study read as a report: question → sub-questions → findings → conclusions →
    recommendations → response → follow-up, each item with its sources and quotes."""
    org = _org_id(store, organisation)
    assert org is not None
    day = at or date.today()
    reg = _read(store, known_at)
    study = _find(reg, org, study_id)
    follow_org = org if org in study.about else study.about[0]
    names = _links(study, reg, store, lang)
    findings = [_finding(study, f, reg, names) for f in study.findings]
    by_question: dict[str, list[str]] = {}
    for f in study.findings:
        by_question.setdefault(f.question, []).append(f.id)
    follows: dict[str, list[str]] = {}
    for r in study.recommendations:
        for number in r.conclusions:
            follows.setdefault(number, []).append(r.number)
    norms_why = study.why_missing("norms")
    questions = [
        {
            "number": q.number,
            "text": q.text,
            "sources": _cite(q.citations, reg),
            "sub_questions": [
                {
                    "number": sq.number,
                    "text": sq.text,
                    "norms": [{"text": n.text, "sources": _cite(n.citations, reg)} for n in sq.norms],
                    "norms_why": norms_why if not sq.norms else None,
                    "findings": by_question.get(sq.number, []),
                    "sources": _cite(sq.citations, reg),
                }
                for sq in q.sub_questions
            ],
        }
        for q in study.questions
    ]
    method = []
    for m in study.method:
        src = reg.sources.get(m.source or "", {})
        method.append(
            {
                "kind": m.kind.value,
                "label": t(f"study.method.{m.kind.value}", lang),
                "source": {"id": m.source, "title": src.get("title"), "kind": src.get("kind")} if m.source else None,
                "person": m.person,
                "role": m.role,
                "date": _date(m.date, lang),
                "title": m.title or src.get("title"),
                "participants": m.participants,
                "text": m.text,
                "sources": _cite(m.citations, reg),
                "assumption": _assumption(m.assumption),
            }
        )
    hearing = None
    if study.hearing is not None:
        h = study.hearing
        rows = [
            {
                "page": r.page,
                "draft_text": r.draft_text,
                "comment": r.comment,
                "processing": r.processing,
                "outcome": r.outcome.value,
                "outcome_label": t(f"study.outcome.{r.outcome.value}", lang),
                "changed": r.outcome.value != "niet_aangepast",
                "note": r.note,
                "sources": _cite(r.citations, reg),
            }
            for r in h.rows
        ]
        hearing = {
            "kind": h.kind,
            "by": h.by,
            "date": _date(h.date, lang),
            "date_why": study.why_missing("hearing_date") if h.date is None else None,
            "rows": rows,
            "changed": sum(1 for r in rows if r["changed"]),
            "sources": _cite(h.citations, reg),
        }
    council = None
    if study.council is not None:
        c = study.council
        council = {
            "decision": {"id": c.decision, "title": reg.decisions.get(c.decision, c.decision)} if c.decision else None,
            "date": _date(c.date, lang),
            "adopted": c.adopted,
            "amendments": [
                {
                    "text": a.text,
                    "recommendation": a.recommendation,
                    "adopted": a.adopted,
                    "sources": _cite(a.citations, reg),
                }
                for a in c.amendments
            ],
            "sources": _cite(c.citations, reg),
        }
    dates = {key: _date(getattr(study.dates, key), lang) for key in DATE_FIELDS}
    date_why = {
        key: study.why_missing("hearing_date" if key == "hearing" else key) for key in DATE_FIELDS if dates[key] is None
    }

    def statement(value: Any, why_key: str) -> dict[str, Any]:
        if value is None:
            return {"text": None, "sources": [], "why": study.why_missing(why_key)}
        return {"text": value.text, "sources": _cite(value.citations, reg), "why": None}

    return {
        **_summary(study, reg, lang),
        "description": study.description,
        "authors": study.authors,
        "at": day.isoformat(),
        "known_at": known_at.isoformat() if known_at else None,
        "organisation": _org(reg, follow_org),
        "dates": dates,
        "dates_why": date_why,
        "dates_sources": _cite(study.dates.citations, reg),
        "missing": dict(study.missing),
        "questions": questions,
        "method": method,
        "findings": findings,
        "conclusions": [
            {
                "number": c.number,
                "title": c.title,
                "text": c.text,
                "findings": list(c.findings),
                "recommendations": follows.get(c.number, []),
                "sources": _cite(c.citations, reg),
                "assumption": _assumption(c.assumption),
            }
            for c in study.conclusions
        ],
        "recommendations": [_recommendation(study, r, follow_org, reg, day, lang) for r in study.recommendations],
        "response": statement(study.response, "responses"),
        "hearing": hearing,
        "nawoord": statement(study.nawoord, "nawoord"),
        "council": council,
        "council_why": study.why_missing("council") if council is None else None,
        "assumption": _assumption(study.assumption),
    }


def _rows(
    reg: _Register, org: str | None, audit_body: str | None, day: date, lang: str, visible: Visible = None
) -> list[dict[str, Any]]:
    """Every (study, recommendation, organisation) the filters admit, with its state on ``day``."""
    out = []
    for study in reg.studies:
        if not _seen(study, visible):
            continue
        if audit_body is not None and study.audit_body != audit_body:
            continue
        if org is not None and not _concerns(study, org):
            continue
        for about in study.about:
            if org is not None and org != study.audit_body and about != org:
                continue
            if visible is not None and not (visible(about) or visible(study.audit_body)):
                continue
            for rec in study.recommendations:
                row = _recommendation(study, rec, about, reg, day, lang)
                row.update(
                    study_title=study.title,
                    audit_body=_org(reg, study.audit_body),
                    organisation=_org(reg, about),
                )
                out.append(row)
    return out


def recommendations(
    store: Store,
    organisation: str | None = None,
    status: str | None = None,
    at: date | None = None,
    known_at: datetime | None = None,
    audit_body: str | None = None,
    lang: str = "nl",
    visible: Visible = None,
) -> dict[str, Any]:
    """Recommendations and where each stands on ``at`` (as known at ``known_at``); ``status`` filters
    on a state (open, in_uitvoering, uitgevoerd, niet_uitgevoerd, vervallen, niet_overgenomen, onbekend)
    or on "overdue"."""
    if status is not None and status not in {s.value for s in State} | {"overdue"}:
        allowed = ", ".join([s.value for s in STATES] + ["overdue"])
        raise InputErrors([InputError("(request)", None, "status", f"expected one of {allowed}, got {status!r}")])
    day = at or date.today()
    org, body = _org_id(store, organisation), _org_id(store, audit_body)
    reg = _read(store, known_at)
    rows = _rows(reg, org, body, day, lang, visible)
    if status == "overdue":
        rows = [r for r in rows if r["overdue_days"] is not None]
    elif status is not None:
        rows = [r for r in rows if r["status"]["value"] == status]
    return {
        "organisation": _org(reg, org) if org else None,
        "audit_body": _org(reg, body) if body else None,
        "at": day.isoformat(),
        "known_at": known_at.isoformat() if known_at else None,
        "status": status,
        "recommendations": rows,
    }


def _counts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    counts = {s.value: 0 for s in STATES}
    for r in rows:
        counts[r["status"]["value"]] += 1
    return {
        "counts": counts,
        "total": len(rows),
        "overdue": sum(1 for r in rows if r["overdue_days"] is not None),
        "past_term_unknown": sum(1 for r in rows if r["past_term_days"] is not None),
    }


def monitor(
    store: Store,
    organisation: str | None = None,
    audit_body: str | None = None,
    at: date | None = None,
    known_at: datetime | None = None,
    lang: str = "nl",
    visible: Visible = None,
) -> dict[str, Any]:
    """The follow-up monitor: per organisation and per audit body, how many recommendations stand
    where on ``at``; which are overdue and by how long; which are past their term with no known status."""
    day = at or date.today()
    org, body = _org_id(store, organisation), _org_id(store, audit_body)
    reg = _read(store, known_at)
    rows = _rows(reg, org, body, day, lang, visible)
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {"organisation": {}, "audit_body": {}}
    for r in rows:
        groups["organisation"].setdefault(r["organisation"]["id"], []).append(r)
        groups["audit_body"].setdefault(r["audit_body"]["id"], []).append(r)

    def table(kind: str) -> list[dict[str, Any]]:
        return [
            {**_org(reg, key), **_counts(items)}
            for key, items in sorted(groups[kind].items(), key=lambda kv: reg.names.get(kv[0], kv[0]))
        ]

    def late(key: str) -> list[dict[str, Any]]:
        items = [r for r in rows if r[key] is not None]
        return sorted(items, key=lambda r: -int(r[key]))

    studied = set(groups["organisation"])
    return {
        "at": day.isoformat(),
        "known_at": known_at.isoformat() if known_at else None,
        "organisation": _org(reg, org) if org else None,
        "audit_body": _org(reg, body) if body else None,
        "term_months": DEFAULT_TERM_MONTHS,
        "states": [{"value": s.value, "label": t(f"study.state.{s.value}", lang)} for s in STATES],
        "by_organisation": table("organisation"),
        "by_audit_body": table("audit_body"),
        "totals": _counts(rows),
        "overdue": late("overdue_days"),
        "past_term_unknown": late("past_term_days"),
        "organisations_without": 0
        if org or body
        else len(
            [o for o in reg.organisations if o not in studied and not any(s.audit_body == o for s in reg.studies)]
        ),
        "recommendations": rows,
    }


def findings_about(
    store: Store, organisation: str, unit: str | None = None, cooperation: str | None = None, lang: str = "nl"
) -> list[dict[str, Any]]:
    """The findings of studies that name a unit of ``organisation`` (or a cooperation), with their
    study and quotes: what a unit's page and the cooperation register show."""
    org = _org_id(store, organisation)
    reg = _read(store)
    out = []
    for study in reg.studies:
        for f in study.findings:
            owner = f.organisation or study.about[0]
            hit = (unit is not None and owner == org and unit in f.links.units) or (
                cooperation is not None and cooperation in f.links.cooperations
            )
            if hit:
                out.append(
                    {
                        "study": {"id": study.id, "title": study.title, "audit_body": _org(reg, study.audit_body)},
                        "organisation": owner,
                        "final": _date(study.dates.final, lang),
                        "id": f.id,
                        "question": f.question,
                        "title": f.title,
                        "text": f.text,
                        "sources": _cite(f.citations, reg),
                        "assumption": _assumption(f.assumption),
                    }
                )
    return out


def findings_by_cooperation(store: Store, lang: str = "nl") -> dict[str, list[dict[str, Any]]]:
    """Per cooperation id, the findings that name it (for the cooperation register)."""
    reg = _read(store)
    out: dict[str, list[dict[str, Any]]] = {}
    for study in reg.studies:
        for f in study.findings:
            for coop in f.links.cooperations:
                out.setdefault(coop, []).append(
                    {
                        "study": {"id": study.id, "title": study.title, "organisation": study.about[0]},
                        "id": f.id,
                        "title": f.title,
                        "sources": _cite(f.citations, reg),
                    }
                )
    return out


def open_recommendations(store: Store, organisation: str, at: date, lang: str = "nl") -> list[dict[str, Any]]:
    """For the report: the recommendations about ``organisation`` not done, lapsed or rejected on ``at``."""
    done = {State.UITGEVOERD.value, State.VERVALLEN.value, State.NIET_OVERGENOMEN.value}
    rows = recommendations(store, organisation, None, at, None, None, lang)["recommendations"]
    return [
        r for r in rows if r["status"]["value"] not in done and r["organisation"]["id"] == _org_id(store, organisation)
    ]


# --- recording a status ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    """A status change as a door (form, CLI, API) gives it, before it is checked."""

    organisation: str
    study: str
    recommendation: str
    status: str
    date: str
    source: str | None = None  # an existing source
    new_source: str | None = None  # or the title of a new one
    quote: str | None = None
    page: str | None = None
    text: str | None = None


def _slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in out.split("-") if part)[:80] or "bron"


NEW = -1  # ``expected_version`` for "this status is new": not yet recorded on that date


def record_status(
    store: Store,
    change: StatusChange,
    who: str | None,
    reason: str,
    origin: str,
    dry_run: bool = False,
    lang: str = "nl",
    expected_version: int | None = None,
) -> dict[str, Any]:
    """Record one status change of a recommendation (one small record; the study is not rewritten).

    Checked as an import checks it; every problem is an :class:`InputErrors` naming the field, and
    nothing is written. With ``dry_run``: what would be recorded, and the status before and after."""
    errors: list[InputError] = []
    try:
        org = _org_id(store, change.organisation)
    except NotFound as exc:
        raise InputErrors([InputError(origin, None, "organisation", str(exc))]) from None
    assert org is not None
    if change.status not in {s.value for s in Status}:
        allowed = ", ".join(s.value for s in Status)
        errors.append(InputError(origin, None, "status", f"expected one of {allowed}, got {change.status!r}"))
    when = None
    try:
        when = FuzzyDate.parse(change.date.strip())
    except DateError as exc:
        errors.append(InputError(origin, None, "date", str(exc)))
    if not change.source and not (change.new_source or "").strip():
        errors.append(InputError(origin, None, "source", t("study.source_required", "en")))
    if not reason.strip():
        errors.append(InputError(origin, None, "reason", "a reason is required"))
    if errors:
        raise InputErrors(errors)
    assert when is not None
    new_sources: list[Source] = []
    source_id = change.source or ""
    if not source_id:
        title = (change.new_source or "").strip()
        source_id = f"{_slug(title)}-{when.text}"
        new_sources.append(Source(id=source_id, title=title, kind="document", date=None, organisation=org))
    entry = FollowUp(
        study=change.study,
        recommendation=change.recommendation,
        organisation=org,
        date=when,
        status=Status(change.status),
        text=(change.text or "").strip() or None,
        citations=(Citation(source_id, (change.page or "").strip() or None, (change.quote or "").strip() or None),),
    )
    reg = _read(store)
    study = next((s for s in reg.studies if s.id == change.study and _concerns(s, org)), None)
    before = after = None
    if study is not None and (rec := study.recommendation(change.recommendation)) is not None:
        day = max(date.today(), when.start)
        before = _state(study, rec, org, reg, day, lang)[1]
        others = [e for e in reg.entries if e.key != entry.key or e.organisation != org]
        after = _state(study, rec, org, replace(reg, entries=[*others, entry]), day, lang)[1]
    with store.session() as s:
        version = repo.current_version(s, SECTIONS[FOLLOW_UP].kind, org, entry.key)
    # A form previews on one version and saves later: what it saw is what it may replace.
    expected = (
        None if expected_version is None else {(org, entry.key): None if expected_version == NEW else expected_version}
    )
    result: ImportResult = write_items(
        store, FOLLOW_UP, [entry], who, reason, origin, dry_run, expected=expected, sources=new_sources
    )
    return {
        "result": result.to_dict(),
        "entry": SECTIONS[FOLLOW_UP].encode(entry),
        "new_sources": [{"id": src.id, "title": src.title} for src in new_sources],
        "version": version,  # the entry's current version before this write (None: new)
        "before": before,
        "after": after,
    }


def sources_for(store: Store, organisation: str) -> list[dict[str, Any]]:
    """The sources a status change may cite: those recorded for the organisation, and the studies' own."""
    org = _org_id(store, organisation)
    with store.session() as s:
        return [
            {"id": d["id"], "title": d.get("title") or d["id"], "date": d.get("date")}
            for d in repo.current_data(s, "source")
            if d.get("organisation") in (org, None)
        ]
