"""Pages for cooperation trajectories: the list, one trajectory with its milestones on a time
axis, the options of one task side by side (table and chart, with the register's own figures),
and the forms to add an option, record a milestone and score an option — each previewed first
(checked as an import, nothing written), then saved under the signed-in author's name, refused
when someone else changed the trajectory in between.

A trajectory belongs to several organisations: its pages need the permission on at least one
of its participants (READ to see it, WRITE to change it), checked here after the route's rule."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.trajectory import THREE_K
from raadhuis.i18n.errors import translate
from raadhuis.i18n.trajectories import change_lines, day_text
from raadhuis.reference.legal_forms import LEGAL_FORMS
from raadhuis.services import sources as source_service
from raadhuis.services import trajectories as svc
from raadhuis.services.concurrency import EditConflict
from raadhuis.web.access import READ, WRITE, author, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import check_csrf, conflict_error, lang_of, parse_day, render, tr
from raadhuis.web.trajectory_access import allowed, readable
from raadhuis.web.trajectory_forms import (
    ORIGIN,
    assessment_from_form,
    form_field,
    milestone_from_form,
    option_from_form,
    text,
)
from raadhuis.web.trajectory_svg import scores_svg, time_axis_svg

router = APIRouter()
OPTION_KINDS = ("alone", "service_agreement", "shared_service", "joint_unit", "pool", "other")
POOL_KEYS = ("inhabitants", "fte", "expected_use")
MILESTONE_STATUSES = ("planned", "realised", "not_realised")


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/trajectories", dependencies=[require(READ, org=None)], response_class=HTMLResponse)
def all_trajectories(request: Request) -> Response:
    return _list(request, None)


@router.get("/o/{org}/trajectories", dependencies=[require(READ)], response_class=HTMLResponse)
def trajectories_of(request: Request, org: str) -> Response:
    return _list(request, org)


def _list(request: Request, org: str | None) -> Response:
    lang = lang_of(request)
    data = readable(request, svc.trajectories(_store(request), org, date.today(), lang))
    return render(
        request,
        "trajectories.html",
        title=tr("traj.trajectories", lang),
        data=data,
        org=data["organisation"],
    )


@router.get("/trajectories/{trajectory}", dependencies=[require(READ, org=None)], response_class=HTMLResponse)
def trajectory_page(request: Request, trajectory: str, at: str | None = None, saved: str | None = None) -> Response:
    allowed(request, trajectory)
    lang = lang_of(request)
    day = parse_day(at)
    data = svc.trajectory(_store(request), trajectory, day, lang)
    status_label = {s: tr(f"traj.ms.{s}", lang) for s in MILESTONE_STATUSES}
    svg = time_axis_svg(
        data["milestones"],
        data["phases"],
        tr("traj.time_axis", lang) + f": {data['name']}",
        day,
        f"{tr('traj.today', lang) if at is None else ''} {day_text(day, lang)}".strip(),
        status_label,
        {
            "realised": tr("traj.ms.realised", lang),
            "planned": tr("traj.ms.planned", lang),
            "approximate": tr("traj.approximate", lang),
            "decision_moment": tr("traj.decision_moment", lang),
        },
    )
    criteria: dict[str, list[dict[str, Any]]] = {}
    for c in data["criteria"]:
        criteria.setdefault(c["kind"], []).append(c)
    return render(
        request,
        "trajectory.html",
        title=data["name"],
        t=data,
        at=day,
        at_text=day_text(day, lang),
        criteria=criteria,
        svg=trusted(svg),
        saved=saved,
    )


@router.get(
    "/trajectories/{trajectory}/tasks/{task}", dependencies=[require(READ, org=None)], response_class=HTMLResponse
)
def assess_page(
    request: Request, trajectory: str, task: str, at: str | None = None, saved: str | None = None
) -> Response:
    allowed(request, trajectory)
    return _assess(request, trajectory, task, parse_day(at), {}, [], saved=saved)


def _assess(
    request: Request,
    trajectory: str,
    task: str,
    day: date,
    form: dict[str, str],
    errors: list[InputError],
    status: int = 200,
    saved: str | None = None,
) -> Response:
    store, lang = _store(request), lang_of(request)
    data = svc.assess(store, trajectory, task, day, lang)
    data["lang"] = lang
    whole = svc.trajectory(store, trajectory, day, lang)
    svg = scores_svg(
        data, tr("traj.scores_chart", lang), tr("traj.not_scored", lang), assumed_word=tr("assumption", lang)
    )
    form = form or {"by": author(request), "figures_at": day.isoformat()}
    return render(
        request,
        "trajectory_assess.html",
        status,
        title=f"{tr('traj.assess', lang)} — {data['task']['name']}",
        d=data,
        whole=whole,
        at=day,
        at_text=day_text(day, lang),
        svg=trusted(svg),
        criteria=_criteria(whole, lang),
        form=form,
        errors=errors,
        by_field=_by_field(errors, lang),
        sources=_sources(store),
        saved=saved,
        author=author(request),
        option_choices=[(o["id"], o["name"]) for o in data["options"]],
        own_scored=any(
            k.startswith(("score-", "reasoning-")) and v and k.split("-", 1)[1] not in THREE_K for k, v in form.items()
        ),
        score_choices=[
            (f"{v['value']:g}", f"{v['value']:+g}" + (f" {v['label']}" if v["label"] else ""))
            for v in data["scale"]["values"]
        ],
    )


def _criteria(whole: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    return [{"id": k, "name": tr(f"traj.k.{k}", lang)} for k in THREE_K] + [
        {"id": c["id"], "name": c["name"]} for c in whole["criteria"]
    ]


def _by_field(errors: list[InputError], lang: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in errors:
        out.setdefault(e.field, []).append(translate(e.message, lang))
    return out


def _sources(store: Any) -> list[tuple[str, str]]:
    """The register's sources as (id, label) for a form's choice."""
    records = sorted(source_service.source_records(store).values(), key=lambda s: s["id"])
    return [(s["id"], f"{s['id']} — {s.get('title') or ''}") for s in records]


def _posted(posted: Any) -> dict[str, str]:
    return {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}


def _mapped(exc: InputErrors, item: dict[str, Any], kind: str) -> list[InputError]:
    return [InputError(e.file, e.line, form_field(e.field, item, kind), e.message) for e in exc.errors]


def _saved(url: str, changeset: int | None) -> Response:
    return RedirectResponse(f"{url}?saved={changeset if changeset is not None else 0}", status_code=303)


def _names(store: Any, whole: dict[str, Any], lang: str) -> dict[str, dict[str, str]]:
    """Ids → names for the words of a preview: tasks, options, participants, phases, criteria,
    sources (by title) and legal forms."""
    return {
        "task": {k["id"]: k["name"] for k in whole["tasks"]},
        "option": {o["id"]: o["name"] for o in whole["options"]},
        "organisation": {p["organisation"]: p["name"] for p in whole["participants"]},
        "phase": {p["id"]: p["name"] for p in whole["phases"]},
        "criterion": {c["id"]: c["name"] for c in _criteria(whole, lang)},
        "source": {s["id"]: s.get("title") or s["id"] for s in source_service.source_records(store).values()},
        "legal_form": {f.key: f.label(lang) for f in LEGAL_FORMS},
    }


def _preview(
    request: Request,
    kind: str,
    action: str,
    back: str,
    form: dict[str, str],
    item: dict[str, Any],
    result: Any,
    names: dict[str, dict[str, str]],
) -> Response:
    lang = lang_of(request)
    return render(
        request,
        "trajectory_preview.html",
        title=tr("traj.preview_title", lang),
        kind=kind,
        action=action,
        back=back,
        form=form,
        change_lines=change_lines(kind, item, names, lang),
        result=result,
        author=author(request),
    )


@router.post(
    "/trajectories/{trajectory}/tasks/{task}/score",
    dependencies=[require(WRITE, org=None)],
    response_class=HTMLResponse,
)
async def score_submit(request: Request, trajectory: str, task: str) -> Response:
    allowed(request, trajectory, WRITE)
    form = _posted(await check_csrf(request))
    store = _store(request)
    day = parse_day(form.get("at") or None)
    whole = svc.trajectory(store, trajectory, day, lang_of(request))
    errors: list[InputError] = []
    item = assessment_from_form(form, trajectory, [c["id"] for c in _criteria(whole, "nl")], errors)
    who, reason = author(request), text(form, "reason")
    options = {o["id"] for o in whole["options"] if o["task"] == task}
    if item["option"] and item["option"] not in options:
        errors.append(
            InputError(ORIGIN, None, "option", f"option {item['option']!r} is not an option of task {task!r}")
        )
    result = None
    try:
        if not errors:
            result = svc.score(store, item, who, reason, ORIGIN, dry_run=True)
    except EditConflict as exc:
        errors.append(conflict_error(exc, lang_of(request)))
    except InputErrors as exc:
        errors += _mapped(exc, item, "assessment")
    if errors:
        return _assess(request, trajectory, task, day, form, errors, 422)
    url = f"/trajectories/{trajectory}/tasks/{task}"
    if form.get("step") != "save":
        names = _names(store, svc.trajectory(store, trajectory, day, lang_of(request)), lang_of(request))
        return _preview(request, "score", f"{url}/score", url, form, item, result, names)
    try:
        saved = svc.score(store, item, who, reason, ORIGIN)
    except InputErrors as exc:  # changed in between, or no longer valid: show it on the form
        found = (
            [conflict_error(exc, lang_of(request))]
            if isinstance(exc, EditConflict)
            else _mapped(exc, item, "assessment")
        )
        return _assess(request, trajectory, task, day, form, found, 409 if isinstance(exc, EditConflict) else 422)
    return _saved(url, saved.changeset)


# --- add an option, record a milestone --------------------------------------------------------


def _form_page(
    request: Request,
    kind: str,
    trajectory: str,
    form: dict[str, str],
    errors: list[InputError],
    status: int = 200,
) -> Response:
    store, lang = _store(request), lang_of(request)
    whole = svc.trajectory(store, trajectory, date.today(), lang)
    title = tr("traj.add_option" if kind == "option" else "traj.record_milestone", lang)
    return render(
        request,
        "trajectory_form.html",
        status,
        title=f"{title} — {whole['name']}",
        kind=kind,
        t=whole,
        form=form | {"version": form.get("version") or str(whole["version"] or "")},
        author=author(request),
        errors=errors,
        by_field=_by_field(errors, lang),
        sources=_sources(store),
        task_choices=[(k["id"], k["name"] + (" (pm)" if k["pro_memorie"] else "")) for k in whole["tasks"]],
        kind_choices=[(k, tr(f"traj.ok.{k}", lang)) for k in OPTION_KINDS],
        key_choices=[(k, tr(f"traj.key.{k}", lang)) for k in POOL_KEYS],
        legal_forms=[(f.key, f.label(lang)) for f in LEGAL_FORMS],
        participant_choices=[(p["organisation"], p["name"]) for p in whole["participants"]],
        status_choices=[(s, tr(f"traj.ms.{s}", lang)) for s in MILESTONE_STATUSES],
        phase_choices=[(p["id"], p["name"]) for p in whole["phases"]],
    )


@router.get(
    "/trajectories/{trajectory}/options/new", dependencies=[require(WRITE, org=None)], response_class=HTMLResponse
)
def option_form(request: Request, trajectory: str, task: str = "") -> Response:
    allowed(request, trajectory, WRITE)
    return _form_page(request, "option", trajectory, {"task": task}, [])


@router.get(
    "/trajectories/{trajectory}/milestones/new", dependencies=[require(WRITE, org=None)], response_class=HTMLResponse
)
def milestone_form(request: Request, trajectory: str, milestone: str = "") -> Response:
    allowed(request, trajectory, WRITE)
    form: dict[str, str] = {}
    if milestone:  # record what became of a planned milestone: start from what is known
        whole = svc.trajectory(_store(request), trajectory, date.today(), lang_of(request))
        known = next((m for m in whole["milestones"] if m["id"] == milestone), None)
        if known:
            form |= {k: str(known.get(k) or "") for k in ("id", "title", "date", "status", "phase", "body")}
            form["decision_moment"] = "1" if known["decision_moment"] else ""
            form["description"] = known.get("description") or ""
            cited = known["sources"][0] if known["sources"] else {}
            form["source"], form["quote"] = cited.get("source", ""), cited.get("quote", "")
            form["assumption"] = known["assumption"] if isinstance(known["assumption"], str) else ""
    return _form_page(request, "milestone", trajectory, form, [])


@router.post(
    "/trajectories/{trajectory}/options/new", dependencies=[require(WRITE, org=None)], response_class=HTMLResponse
)
async def option_submit(request: Request, trajectory: str) -> Response:
    return await _submit(request, trajectory, "option")


@router.post(
    "/trajectories/{trajectory}/milestones/new", dependencies=[require(WRITE, org=None)], response_class=HTMLResponse
)
async def milestone_submit(request: Request, trajectory: str) -> Response:
    return await _submit(request, trajectory, "milestone")


async def _submit(request: Request, trajectory: str, kind: str) -> Response:
    allowed(request, trajectory, WRITE)
    form = _posted(await check_csrf(request))
    store = _store(request)
    errors: list[InputError] = []
    item = option_from_form(form, errors) if kind == "option" else milestone_from_form(form, errors)
    who, reason = author(request), text(form, "reason")
    version = int(form["version"]) if form.get("version", "").isdigit() else None
    write = svc.add_option if kind == "option" else svc.record_milestone
    result = None
    status = 422
    try:
        if not errors:
            result = write(store, trajectory, item, who, reason, ORIGIN, True, version)
    except EditConflict as exc:
        errors.append(conflict_error(exc, lang_of(request)))
        status = 409
    except InputErrors as exc:
        errors += _mapped(exc, item, kind)
    if errors:
        return _form_page(request, kind, trajectory, form, errors, status)
    action = f"/trajectories/{trajectory}/{'options' if kind == 'option' else 'milestones'}/new"
    back = f"/trajectories/{trajectory}"
    if kind == "option":
        back += f"/tasks/{item['task']}"
    if form.get("step") != "save":
        names = _names(store, svc.trajectory(store, trajectory, date.today(), lang_of(request)), lang_of(request))
        return _preview(request, kind, action, back, form, item, result, names)
    try:
        saved = write(store, trajectory, item, who, reason, ORIGIN, False, version)
    except EditConflict as exc:
        return _form_page(request, kind, trajectory, form, [conflict_error(exc, lang_of(request))], 409)
    return _saved(back, saved.changeset)
