"""Cooperation trajectories: one function per question, for the CLI, the API, the pages and the report.

* :func:`trajectories` — the trajectories (of one organisation, or all), in short;
* :func:`trajectory` — one trajectory whole: participants, criteria, governance, milestones with
  their dates as written (and whether their window has passed), tasks, options, outcomes, sources;
* :func:`assess` — the options of one task side by side: scores per criterion, the register's
  own vulnerability figures per participant beside them, and a pool's cost split per key;
* :func:`milestones_of` — an organisation's trajectory milestones, for its timeline;
* :func:`outcomes` — per cooperation what it came from and what it brought;
* :func:`add_option`, :func:`record_milestone`, :func:`score` — the forms' writes: the new item
  is checked as an import checks it (schema, decoding, cross-references) and recorded attributed
  (who, why); ``dry_run`` is the preview, nothing written.

Plain data out (dicts, lists, ISO dates), the shape documented in docs/cli.md.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

from raadhuis.analysis import vulnerability as vul
from raadhuis.canonical.dataset import FORMAT
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.records import merge_extensions
from raadhuis.canonical.trajectories import TRAJECTORIES, encode_trajectory
from raadhuis.domain.model import Citation, Snapshot, TaskFieldShare, View
from raadhuis.domain.trajectory import (
    THREE_K,
    Assessment,
    CooperationOutcome,
    Option,
    PoolKey,
    Task,
    Trajectory,
    Weight,
    assessment_key,
    cost_split,
    side_by_side,
)
from raadhuis.domain.written_dates import WrittenDate
from raadhuis.formats import figures as figfmt
from raadhuis.formats.dataset import load_dataset
from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_money
from raadhuis.i18n.trajectories import day_text, window_text
from raadhuis.reference.legal_forms import legal_form
from raadhuis.reference.taskfields import TASK_FIELDS
from raadhuis.services import sections
from raadhuis.services.analysis import _load as analysis_inputs
from raadhuis.services.register import ImportResult, NotFound, StoreKnown, close_names, resolve_organisation
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

_TASK_FIELD_NAMES = {}
for _tf in sorted(TASK_FIELDS, key=lambda x: x.valid_from_year):
    _TASK_FIELD_NAMES[_tf.code] = _tf.name


# --- reading ---------------------------------------------------------------------------------


class _Context:
    """What the answers share: names of organisations, sources and decisions, and the language."""

    def __init__(self, store: Store, lang: str) -> None:
        self.lang = lang
        with store.session() as s:
            self.names = {o.id: o.name for o in repo.organisations(s)}
            self.sources = {d["id"]: d for d in repo.current_data(s, "source")}
            self.decisions = {d["id"]: d for d in repo.current_data(s, "decision")}
            self.cooperations = {d["id"]: d for d in repo.current_data(s, "cooperation")}
        self.cited: dict[str, None] = {}  # every source cited in the answer, in order

    def org(self, org_id: str | None) -> dict[str, Any] | None:
        if org_id is None:
            return None
        return {"id": org_id, "name": self.names.get(org_id, org_id)}

    def cites(self, items: tuple[Citation, ...]) -> list[dict[str, Any]]:
        out = []
        for c in items:
            self.cited.setdefault(c.source)
            entry = c.to_dict()
            entry["title"] = self.sources.get(c.source, {}).get("title")
            out.append(entry)
        return out

    def decision(self, decision_id: str | None) -> dict[str, Any] | None:
        if decision_id is None:
            return None
        d = self.decisions.get(decision_id)
        return dict(d) if d else {"id": decision_id}

    def source_list(self) -> list[dict[str, Any]]:
        out = []
        for sid in self.cited:
            src = self.sources.get(sid, {"id": sid})
            out.append({k: src.get(k) for k in ("id", "title", "kind", "publisher", "date", "reference", "url")})
        return out


def _all(store: Store) -> list[Trajectory]:
    return list(sections.items(store, "trajectories"))


def _get(store: Store, trajectory_id: str) -> Trajectory:
    every = _all(store)
    for tr in every:
        if tr.id == trajectory_id:
            return tr
    raise NotFound("trajectory", trajectory_id, suggestions=close_names(trajectory_id, {t.id: t.name for t in every}))


def _assessments(store: Store, trajectory_id: str) -> list[Assessment]:
    return [a for a in sections.items(store, "assessments") if a.trajectory == trajectory_id]


def _miss(missing: str, lang: str, **values: object) -> dict[str, str]:
    """A missing figure: a stable id, and what is missing in words."""
    return {"id": missing, "text": t(f"traj.missing.{missing}", lang, **values)}


def _score_value(value: float | None) -> float | int | None:
    return None if value is None else (int(value) if float(value).is_integer() else value)


def _mark(value: bool | str) -> bool | str:
    return value if value else False


def written(wd: WrittenDate | None, lang: str) -> dict[str, Any] | None:
    """A date as written, with its precision, window and EDTF form (the JSON shape of a milestone date)."""
    if wd is None:
        return None
    return wd.to_dict() | {
        "window": window_text(wd.start, wd.end, wd.approximate, lang),
        "precision_label": t(f"traj.prec.{wd.precision.value}", lang),
    }


def _three_k(lang: str) -> list[dict[str, Any]]:
    return [{"id": k, "kind": "3k", "name": t(f"traj.k.{k}", lang)} for k in THREE_K]


def _task(k: Task, tr: Trajectory, ctx: _Context, assessed: set[str]) -> dict[str, Any]:
    options = tr.options_for(k.id)
    return {
        "id": k.id,
        "name": k.name,
        "task_field": k.task_field,
        "task_field_name": _TASK_FIELD_NAMES.get(k.task_field) if k.task_field else None,
        "pro_memorie": k.pro_memorie,
        "written": k.written,
        "units": [{"organisation": u.organisation, "unit": u.unit} for u in k.units],
        "description": k.description,
        "options": len(options),
        "assessed_options": sum(1 for o in options if o.id in assessed),
        "sources": ctx.cites(k.citations),
        "assumption": _mark(k.assumption),
    }


def _option(o: Option, ctx: _Context) -> dict[str, Any]:
    form = None
    if o.legal_form:
        try:
            form = legal_form(o.legal_form).label(ctx.lang)
        except KeyError:
            form = o.legal_form
    return {
        "id": o.id,
        "task": o.task,
        "kind": o.kind.value,
        "kind_label": t(f"traj.ok.{o.kind.value}", ctx.lang),
        "name": o.name,
        "legal_form": o.legal_form,
        "legal_form_label": form,
        "centre": ctx.org(o.centre),
        "description": o.description,
        "pool": o.pool is not None,
        "sources": ctx.cites(o.citations),
        "assumption": _mark(o.assumption),
    }


def _milestone(m: Any, ctx: _Context, at: date) -> dict[str, Any]:
    d = written(m.date, ctx.lang) or {}
    return {
        "id": m.id,
        "title": m.title,
        **d,
        "status": m.status.value,
        "status_label": t(f"traj.ms.{m.status.value}", ctx.lang),
        "window_passed": m.window_passed(at),
        "phase": m.phase,
        "decision_moment": m.decision_moment,
        "body": m.body,
        "decision": ctx.decision(m.decision),
        "description": m.description,
        "sources": ctx.cites(m.citations),
        "assumption": _mark(m.assumption),
    }


def _summary(tr: Trajectory, ctx: _Context, at: date) -> dict[str, Any]:
    ordered = tr.milestones_in_order()
    upcoming = next((m for m in ordered if not m.window_passed(at) and m.status.value == "planned"), None)
    first = ordered[0].date.start.isoformat() if ordered else None
    last = ordered[-1].date.end.isoformat() if ordered else None
    return {
        "id": tr.id,
        "name": tr.name,
        "status": tr.status.value,
        "status_label": t(f"traj.st.{tr.status.value}", ctx.lang),
        "participants": [ctx.org(p) for p in tr.participant_ids()],
        "tasks": len(tr.tasks),
        "pro_memorie": sum(1 for k in tr.tasks if k.pro_memorie),
        "milestones": len(tr.milestones),
        "period": {"start": first, "end": last},
        "next_milestone": _milestone(upcoming, ctx, at) if upcoming else None,
    }


def trajectories(
    store: Store, organisation: str | None = None, at: date | None = None, lang: str = "nl"
) -> dict[str, Any]:
    """The trajectories one organisation takes part in (or all), each in short."""
    at = at or date.today()
    org_id = None
    if organisation:
        with store.session() as s:
            org_id = resolve_organisation(s, organisation).id
    ctx = _Context(store, lang)
    items = [tr for tr in _all(store) if org_id is None or org_id in tr.participant_ids()]
    return {
        "organisation": ctx.org(org_id),
        "at": at.isoformat(),
        "trajectories": [_summary(tr, ctx, at) for tr in items],
    }


def trajectory(store: Store, trajectory_id: str, at: date | None = None, lang: str = "nl") -> dict[str, Any]:
    """One trajectory whole. ``at`` (default today) decides which milestone windows have passed."""
    at = at or date.today()
    tr = _get(store, trajectory_id)
    ctx = _Context(store, lang)
    assessed = {a.option for a in _assessments(store, tr.id)}
    out = _summary(tr, ctx, at)
    origin = tr.origin
    out.update(
        description=tr.description,
        assumption=_mark(tr.assumption),
        evidence=ctx.cites(tr.citations),
        participants=[
            dict(
                ctx.org(p.organisation) or {}, organisation=p.organisation, role=p.role, sources=ctx.cites(p.citations)
            )
            | {"assumption": _mark(p.assumption)}
            for p in tr.participants
        ],
        origin=None
        if origin is None
        else {
            "text": origin.text,
            "date": written(origin.date, lang),
            "decisions": [ctx.decision(d) for d in origin.decisions],
            "sources": ctx.cites(origin.citations),
            "assumption": _mark(origin.assumption),
        },
        questions=[{"text": q.text, "sources": ctx.cites(q.citations)} for q in tr.questions],
        three_k=_three_k(lang),
        criteria=[
            {
                "id": c.id,
                "kind": c.kind.value,
                "kind_label": t(f"traj.ck.{c.kind.value}", lang),
                "name": c.name,
                "text": c.text,
                "sources": ctx.cites(c.citations),
                "assumption": _mark(c.assumption),
            }
            for c in tr.criteria
        ],
        governance=[
            {
                "id": b.id,
                "name": b.name,
                "role": b.role,
                "members": [
                    {"post": m.post, "organisation": ctx.org(m.organisation), "post_id": m.post_id} for m in b.members
                ],
                "sources": ctx.cites(b.citations),
                "assumption": _mark(b.assumption),
            }
            for b in tr.governance
        ],
        phases=[
            {
                "id": p.id,
                "name": p.name,
                "start": written(p.start, lang),
                "end": written(p.end, lang),
                "status": p.status.value,
                "status_label": t(f"traj.ms.{p.status.value}", lang),
                "description": p.description,
                "sources": ctx.cites(p.citations),
                "assumption": _mark(p.assumption),
            }
            for p in tr.phases
        ],
        milestones=[_milestone(m, ctx, at) for m in tr.milestones_in_order()],
        tasks=[_task(k, tr, ctx, assessed) for k in tr.tasks],
        options=[_option(o, ctx) for o in tr.options],
        scale=_scale(tr, lang),
        outcomes=[
            {
                "cooperation": {"id": o.cooperation, "name": ctx.cooperations.get(o.cooperation, {}).get("name")},
                "task": o.origin.task if o.origin else None,
                "option": o.origin.option if o.origin else None,
                "decision": ctx.decision(o.origin.decision if o.origin else None),
            }
            for o in _outcomes(store)
            if o.origin and o.origin.trajectory == tr.id
        ],
    )
    out["sources"] = ctx.source_list()
    out["version"] = version(store, tr.id)
    return out


def _scale(tr: Trajectory, lang: str) -> dict[str, Any]:
    s = tr.scale
    labels = []
    for v in s.values():
        label = s.label(v)
        if label is None and not s.labels:
            key = f"traj.scale.{v:g}"
            label = t(key, lang) if t(key, lang) != key else None
        labels.append({"value": v, "label": label})
    return {"min": s.minimum, "max": s.maximum, "step": s.step, "text": s.text(), "values": labels}


# --- the options of one task side by side ----------------------------------------------------


def assess(store: Store, trajectory_id: str, task_id: str, at: date | None = None, lang: str = "nl") -> dict[str, Any]:
    """The options of one task side by side, with the register's own vulnerability figures per
    participant beside the judgements, and for a pool option its cost split per key."""
    at = at or date.today()
    tr = _get(store, trajectory_id)
    task = tr.task(task_id)
    if task is None:
        raise NotFound(
            "task",
            task_id,
            f"in trajectory {trajectory_id}",
            close_names(task_id, {k.id: k.name for k in tr.tasks}),
        )
    ctx = _Context(store, lang)
    assessments = _assessments(store, tr.id)
    options = tr.options_for(task.id)
    scale = _scale(tr, lang)
    label_of = {v["value"]: v["label"] for v in scale["values"]}
    names = {c["id"]: c for c in _three_k(lang)}
    names |= {c.id: {"id": c.id, "kind": c.kind.value, "name": c.name} for c in tr.criteria}
    rows = []
    for row in side_by_side(tr, task.id, assessments):
        criterion = row[0].criterion if row else None
        if criterion is None:
            continue
        rows.append(
            {
                "criterion": names[criterion],
                "cells": [
                    {
                        "option": cell.option,
                        "scores": [
                            {
                                "by": a.by,
                                "date": a.date.text if a.date else None,
                                "score": _score_value(s.score),
                                "label": label_of.get(s.score) if s.score is not None else None,
                                "reasoning": s.reasoning,
                                "figures_at": s.figures_at.isoformat() if s.figures_at else None,
                                "sources": ctx.cites(s.citations + a.citations),
                                "assumption": _mark(s.assumption or a.assumption),
                            }
                            for a, s in cell.scores
                        ],
                    }
                    for cell in row
                ],
            }
        )
    register = register_figures(store, tr, task, at, lang)
    pools = [_pool(o, tr, register, store, at, ctx) for o in options if o.pool is not None]
    return {
        "trajectory": {"id": tr.id, "name": tr.name},
        "task": _task(task, tr, ctx, {a.option for a in assessments}),
        "at": at.isoformat(),
        "scale": scale,
        "options": [_option(o, ctx) for o in options],
        "rows": rows,
        "register": register,
        "pools": pools,
        "sources": ctx.source_list(),
    }


_TASK_CODE = "__task__"  # the selection of units that do a task, as one task field for the analysis


def register_figures(store: Store, tr: Trajectory, task: Task, at: date, lang: str = "nl") -> dict[str, Any]:
    """Per participant: FTE and posts on the task, people, single-person dependence, vacancies and
    external hire, from the register on ``at`` (analysis/vulnerability.py). Missing is missing."""
    out = []
    for org_id in tr.participant_ids():
        out.append(_participant_figures(store, org_id, task, at, lang))
    return {"at": at.isoformat(), "task_field": task.task_field, "participants": out}


def _participant_figures(store: Store, org_id: str, task: Task, at: date, lang: str) -> dict[str, Any]:
    with store.session() as s:
        name = resolve_organisation(s, org_id).name
        events = repo.events_of(s, org_id)
    base: dict[str, Any] = {"organisation": org_id, "name": name, "missing": [], "assumption": []}
    empty = dict.fromkeys(
        ("budgeted_fte", "staffed_fte", "posts", "people", "single_person", "vacancy_share", "external_share", "score")
    )
    inp = analysis_inputs(store, org_id, at, View.ACTUAL)
    snap = inp.snapshot
    at_text = day_text(at, lang)
    if not snap.units:
        return base | empty | {"missing": [_miss("no_units", lang, org=name, at=at_text)]}
    units = [tu.unit for tu in task.units if tu.organisation == org_id]
    shares: dict[str, float] = {}
    if units:
        for uid in units:
            if uid in snap.units:
                shares[uid] = 1.0
            else:
                base["missing"].append(_miss("unit_gone", lang, unit=uid, org=name, at=at_text))
    elif task.task_field:
        for u in snap.units.values():
            for share in u.task_fields:
                if share.code == task.task_field and share.share > 0:
                    shares[u.id] = shares.get(u.id, 0.0) + share.share
        if not shares:
            base["missing"].append(_miss("no_unit_with_field", lang, org=name, code=task.task_field))
    else:
        base["missing"].append(_miss("not_linked", lang, org=name))
    if not shares:
        return base | empty
    # The units that do the task, each carrying its share as one task field: the analysis adds up
    # FTE, people and vacancies over exactly that selection.
    subset = Snapshot(
        org_id,
        at,
        View.ACTUAL,
        {uid: replace(snap.units[uid], task_fields=(TaskFieldShare(_TASK_CODE, sh),)) for uid, sh in shares.items()},
        {pid: p for pid, p in snap.posts.items() if p.unit in shares},
    )
    coops = [c for c in inp.cooperations if task.task_field and task.task_field in c.task_fields]
    coops = [replace(c, task_fields=(_TASK_CODE,)) for c in coops]
    result = vul.vulnerability(subset, coops, {_TASK_CODE: task.name})
    item = next((i for i in result.task_fields if i.id == _TASK_CODE), None)
    posts = list(subset.posts.values())
    figures: dict[str, Any] = {
        "units": sorted(shares),
        "budgeted_fte": round(item.budgeted_fte, 2) if item else 0.0,
        "posts": len(posts),
        "cooperations": (item.cooperations + item.informal_reliance) if item else [],
    }
    if item is not None and any(p.staffing for p in posts):
        figures |= {
            "staffed_fte": round(item.staffed_fte, 2),
            "people": item.people,
            "single_person": item.bus_factor_one,
            "vacancy_share": None if item.vacancy_share is None else round(item.vacancy_share, 3),
            "external_share": None if item.external_share is None else round(item.external_share, 3),
            "score": None if item.score is None else round(item.score, 1),
            "reasons": [r.to_dict() for r in item.reasons],
        }
    else:  # nobody recorded is not nobody there: the staffing figures are unknown
        figures |= {
            k: None for k in ("staffed_fte", "people", "single_person", "vacancy_share", "external_share", "score")
        }
    # What the analysis says is missing for a score (posts without staffing recorded, no posts).
    base["missing"] += [{"id": r.id, "text": r.text(lang)} for r in (item.missing if item else [])]
    post_ids = {p.id for p in posts}
    base["assumption"] = sorted(
        {
            e.id
            for e in events
            if e.assumption
            and (set(e.subjects()) & set(shares) or {e.post_id, e.post.id if e.post else None} & post_ids)
        }
    )
    return base | figures


def _pool(o: Option, tr: Trajectory, register: dict[str, Any], store: Store, at: date, ctx: _Context) -> dict[str, Any]:
    assert o.pool is not None
    pool = o.pool
    participants = tr.participant_ids()
    figures = _stored_inhabitants(store, participants, at.year)
    fte = {p["organisation"]: p for p in register["participants"]}
    splits = []
    for key in PoolKey:
        weights: dict[str, Weight | None] = {}
        sources: dict[str, list[dict[str, Any]]] = {}
        for org_id in participants:
            given = pool.input_of(org_id)
            w: Weight | None = None
            if key is PoolKey.INHABITANTS:
                fig = given.inhabitants if given else None
                if fig is not None and (fig.citations or fig.assumption):
                    w = (fig.value, fig.assumption)
                    sources[org_id] = ctx.cites(fig.citations)
                elif org_id in figures:  # the register's yearly figures, with their source
                    value, cites, stored_mark = figures[org_id]
                    w = (value, stored_mark)
                    sources[org_id] = ctx.cites(cites)
            elif key is PoolKey.EXPECTED_USE:
                fig = given.expected_use if given else None
                if fig is not None and (fig.citations or fig.assumption):
                    w = (fig.value, fig.assumption)
                    sources[org_id] = ctx.cites(fig.citations)
            else:
                reg = fte.get(org_id, {})
                if reg.get("budgeted_fte") is not None and not reg.get("missing"):
                    mark: bool | str = (
                        t("traj.rests_on_assumption", ctx.lang, ids=", ".join(reg["assumption"]))
                        if reg["assumption"]
                        else False
                    )
                    w = (float(reg["budgeted_fte"]), mark)
            weights[org_id] = w
        cost = pool.cost.value if pool.cost else None
        split = cost_split(participants, key, weights, cost)
        splits.append(
            {
                "key": key.value,
                "key_label": t(f"traj.key.{key.value}", ctx.lang),
                "chosen": pool.key is key,
                "complete": split.complete,
                "missing": [ctx.org(m) for m in split.missing],
                "shares": [
                    {
                        "organisation": ctx.org(sh.organisation),
                        "weight": sh.weight,
                        "share": None if sh.share is None else round(sh.share, 4),
                        "amount": None if sh.amount is None else round(sh.amount, 2),
                        "sources": sources.get(sh.organisation, []),
                        "assumption": _mark(sh.assumption),
                    }
                    for sh in split.shares
                ],
            }
        )
    return {
        "option": o.id,
        "key": pool.key.value if pool.key else None,
        "cost": None
        if pool.cost is None
        else {
            "value": pool.cost.value,
            "per": pool.cost.per,
            "currency": pool.cost.currency,
            "bound": pool.cost.bound.value,
            "sources": ctx.cites(pool.cost.citations),
            "assumption": _mark(pool.cost.assumption),
        },
        "specialists": [{"role": s.role, "fte": s.fte} for s in pool.specialists],
        "splits": splits,
    }


def _stored_inhabitants(
    store: Store, orgs: list[str], year: int
) -> dict[str, tuple[float, tuple[Citation, ...], bool | str]]:
    """Inhabitants from the register's yearly figures (extension ``figures``): the latest year up
    to ``year``, only when it cites a source or is marked as an assumption."""
    from raadhuis.canonical.values import assumption, citations

    with store.session() as s:
        extensions = merge_extensions(repo.current_records(s, "extension"))
    out: dict[str, tuple[float, tuple[Citation, ...], bool | str]] = {}
    for org_id in orgs:
        best: dict[str, Any] | None = None
        for entry in figfmt.entries_of(extensions.get("figures"), org_id):
            y = entry.get("year")
            usable = isinstance(y, int) and y <= year and entry.get("inhabitants") is not None
            if usable and (best is None or y > best["year"]):
                best = entry
        if best is not None and (best.get("sources") or best.get("assumption")):
            out[org_id] = (float(best["inhabitants"]), citations(best), assumption(best))
    return out


# --- timeline and cooperation register --------------------------------------------------------


def milestones_of(store: Store, organisation: str, at: date | None = None, lang: str = "nl") -> list[dict[str, Any]]:
    """The milestones of the trajectories an organisation takes part in, in date order (its timeline)."""
    at = at or date.today()
    with store.session() as s:
        org_id = resolve_organisation(s, organisation).id
    ctx = _Context(store, lang)
    out = []
    for tr in _all(store):
        if org_id not in tr.participant_ids():
            continue
        for m in tr.milestones:
            out.append(_milestone(m, ctx, at) | {"trajectory": {"id": tr.id, "name": tr.name}})
    return sorted(out, key=lambda m: (m["start"], m["end"], m["trajectory"]["id"]))


def _outcomes(store: Store) -> list[CooperationOutcome]:
    return list(sections.items(store, "cooperation_outcomes"))


def outcomes(store: Store, lang: str = "nl", organisation: str | None = None) -> dict[str, dict[str, Any]]:
    """Per cooperation id: the trajectory it came from and the effects it was expected to bring and
    brought; with ``organisation`` only the cooperations it takes part in."""
    org_id = None
    if organisation:
        with store.session() as s:
            org_id = resolve_organisation(s, organisation).id
    ctx = _Context(store, lang)
    names = {tr.id: tr.name for tr in _all(store)}
    out = {}
    for o in _outcomes(store):
        coop = ctx.cooperations.get(o.cooperation, {})
        members = [p.get("organisation") for p in coop.get("participants", []) or []]
        if org_id is not None and org_id not in members:
            continue
        origin = o.origin
        out[o.cooperation] = {
            "cooperation": o.cooperation,
            "name": coop.get("name"),
            "participants": [ctx.org(m) for m in members if isinstance(m, str)],
            "rationale": o.rationale,
            "sources": ctx.cites(o.citations),
            "origin": None
            if origin is None
            else {
                "trajectory": {"id": origin.trajectory, "name": names.get(origin.trajectory or "")}
                if origin.trajectory
                else None,
                "task": origin.task,
                "option": origin.option,
                "decision": ctx.decision(origin.decision),
                "text": origin.text,
                "sources": ctx.cites(origin.citations),
            },
            "effects": [
                {
                    "kind": e.kind.value,
                    "kind_label": t(f"traj.ek.{e.kind.value}", lang),
                    "criteria": list(e.criteria),
                    "criteria_labels": [t(f"traj.k.{c}", lang) for c in e.criteria],
                    "direction": e.direction.value if e.direction else None,
                    "direction_label": t(f"traj.dir.{e.direction.value}", lang) if e.direction else None,
                    "organisation": ctx.org(e.organisation),
                    "amount": None
                    if e.amount is None
                    else {
                        "value": e.amount.value,
                        "per": e.amount.per,
                        "currency": e.amount.currency,
                        "bound": e.amount.bound.value,
                    },
                    "as_of": written(e.as_of, lang),
                    "text": e.text,
                    "sources": ctx.cites(e.citations),
                    "assumption": _mark(e.assumption),
                }
                for e in o.effects
            ],
        }
    return out


def effect_line(effect: dict[str, Any], lang: str = "nl") -> str:
    """One effect in words, the same in the CLI and the report: 'bereikt: kosten verbeterd, ten
    minste € 600.000 per jaar (2017) — Kostenbesparing …' (an assumption says so)."""
    head = f"{effect['kind_label']}: {', '.join(effect['criteria_labels']).lower()}"
    if effect["direction_label"]:
        head += f" {effect['direction_label']}"
    a = effect["amount"]
    if a:
        bound = {"at_least": t("traj.at_least", lang) + " ", "at_most": t("traj.at_most", lang) + " "}.get(
            a["bound"], ""
        )
        head += f", {bound}{format_money(a['value'], lang)} {t('traj.per.' + a['per'], lang)}"
    if effect["as_of"]:
        head += f" ({effect['as_of']['date']})"
    mark = effect["assumption"]
    if mark:
        head += f" [{t('assumption', lang)}{': ' + mark if isinstance(mark, str) else ''}]"
    return f"{head} — {effect['text']}"


# --- writes (the forms) ----------------------------------------------------------------------


def participants(store: Store, trajectory_id: str) -> list[str]:
    """The organisations a trajectory belongs to (for the doors' permission checks)."""
    return _get(store, trajectory_id).participant_ids()


def version(store: Store, trajectory_id: str) -> int | None:
    """The version of the trajectory's record a form is opened on."""
    with store.session() as s:
        return repo.current_version(s, TRAJECTORIES.kind, "", trajectory_id)


def _checked(store: Store, section: str, item: dict[str, Any], origin: str) -> Any:
    """The item as an import reads it: schema (shape and types), decoding and cross-references."""
    text = json.dumps({"format": FORMAT, section: [item]}, ensure_ascii=False)
    with store.session() as s:
        known = StoreKnown(s)
        return load_dataset(text, origin, "json", known, known).sections[section][0]


def _write(
    store: Store,
    section: str,
    item: dict[str, Any],
    origin: str,
    who: str,
    reason: str,
    dry_run: bool,
    expected: dict[tuple[str, str], int | None] | None = None,
) -> ImportResult:
    """One item checked exactly as an import checks it and recorded attributed; ``expected`` the
    version the change was made on (someone else's change in between refuses it); ``dry_run``
    checks and counts without writing."""
    errors = []
    if not who.strip():
        errors.append(InputError(origin, None, "who", "who is required: the name under which the change is recorded"))
    if not reason.strip():
        errors.append(InputError(origin, None, "reason", "a reason is required"))
    if errors:
        raise InputErrors(errors)
    decoded = _checked(store, section, item, origin)
    return sections.write_items(store, section, [decoded], who.strip(), reason.strip(), origin, dry_run, expected)


def _changed_trajectory(
    store: Store, trajectory_id: str, seen: int | None, change: Any
) -> tuple[dict[str, Any], dict[tuple[str, str], int | None]]:
    data = encode_trajectory(_get(store, trajectory_id))
    current = version(store, trajectory_id)
    change(data)
    return data, {("", trajectory_id): seen if seen is not None else current}


def add_option(
    store: Store,
    trajectory_id: str,
    option: dict[str, Any],
    who: str,
    reason: str,
    origin: str = "web",
    dry_run: bool = False,
    seen: int | None = None,
) -> ImportResult:
    """Add an option for one of the trajectory's tasks: a new version of the trajectory, made on
    version ``seen`` (the one the form showed; default the current one)."""
    existing = {o["id"] for o in encode_trajectory(_get(store, trajectory_id)).get("options", [])}
    if option.get("id") in existing:
        raise InputErrors(
            [
                InputError(
                    origin, None, "id", f"option {option.get('id')!r} already exists in trajectory {trajectory_id!r}"
                )
            ]
        )

    def add(data: dict[str, Any]) -> None:
        data["options"] = list(data.get("options", [])) + [option]

    data, expected = _changed_trajectory(store, trajectory_id, seen, add)
    return _write(store, "trajectories", data, origin, who, reason, dry_run, expected)


def record_milestone(
    store: Store,
    trajectory_id: str,
    milestone: dict[str, Any],
    who: str,
    reason: str,
    origin: str = "web",
    dry_run: bool = False,
    seen: int | None = None,
) -> ImportResult:
    """Record a milestone: a new one, or what became of one with the same id (its status, date)."""

    def put(data: dict[str, Any]) -> None:
        kept = [m for m in data.get("milestones", []) if m["id"] != milestone.get("id")]
        data["milestones"] = kept + [milestone]

    data, expected = _changed_trajectory(store, trajectory_id, seen, put)
    return _write(store, "trajectories", data, origin, who, reason, dry_run, expected)


def score(
    store: Store,
    assessment: dict[str, Any],
    who: str,
    reason: str,
    origin: str = "web",
    dry_run: bool = False,
    seen: int | None = None,
) -> ImportResult:
    """Record one assessor's scores of one option (a new version when they scored it before;
    with ``seen``, refused when that version is no longer the current one)."""
    expected: dict[tuple[str, str], int | None] | None = None
    if seen is not None:
        key = assessment_key(
            str(assessment.get("trajectory")), str(assessment.get("option")), str(assessment.get("by"))
        )
        expected = {("", key): seen}
    return _write(store, "assessments", assessment, origin, who, reason, dry_run, expected)
