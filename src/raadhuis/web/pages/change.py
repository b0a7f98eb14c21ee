"""Recording a change without ids: a form per kind of change (units and posts picked by name as of
the day, a decision and a source picked or added on the spot), the effect shown on the chart
first, then saved with a reason. Every step calls services/changes.py.

Without JavaScript the form shows the effect after 'Effect bekijken'; with change.js the effect
follows the fields as they are filled (the same fragment, from ``/o/{org}/change/preview``). The
save button only comes with an effect shown, and saving refuses what differs from what was shown.

Also here: the formatieplan as an Excel workbook from the organisation's page (the service the
CLI's ``raadhuis export --format xlsx`` calls).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.model import StaffingKind, Status, View
from raadhuis.i18n.formatting import format_date
from raadhuis.services import changes, exchange, register
from raadhuis.services.concurrency import EditConflict
from raadhuis.web import chart
from raadhuis.web.access import READ, WRITE, author, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import check_csrf, conflict_error, lang_of, parse_day, parse_view, render, seen_of, tr
from raadhuis.web.guard import off_loop

router = APIRouter()

# The label a problem's field goes by in the list of problems above the form (the message itself
# stands next to the field too).
FIELD_LABELS = {
    "action": "chg.what",
    "date": "chg.f.date",
    "status": "chg.f.status",
    "unit": "chg.f.unit",
    "units": "chg.f.units",
    "name": "chg.f.name",
    "name_1": "chg.f.names",
    "abbreviation": "chg.f.abbreviation",
    "kind": "chg.f.kind",
    "parent": "chg.f.parent",
    "into": "chg.f.into",
    "to": "chg.f.to",
    "from": "chg.f.from",
    "function": "chg.f.function",
    "task_fields": "chg.f.task_fields",
    "post": "chg.f.post",
    "post_title": "chg.f.post_title",
    "fte": "chg.f.fte",
    "scale": "chg.f.scale",
    "staffing_kind": "chg.f.staffing",
    "staffed_fte": "chg.f.staffed_fte",
    "staffing_kind_2": "chg.f.staffing",
    "staffed_fte_2": "chg.f.staffed_fte",
    "staffing_kind_3": "chg.f.staffing",
    "staffed_fte_3": "chg.f.staffed_fte",
    "decision": "chg.f.decision",
    "decision_body": "chg.f.decision_body",
    "decision_date": "chg.f.decision_date",
    "decision_title": "chg.f.decision_title",
    "source": "chg.f.source",
    "source_title": "chg.f.source_title",
    "source_kind": "chg.f.source_kind",
    "source_date": "chg.f.source_date",
    "source_url": "chg.f.source_url",
    "reason": "chg.f.reason",
    "version": "chg.f.other",
}
FIELD_IDS = {"units": "f-units-1", "name_1": "f-name_1", "action": "action-pick"}


def _day_of(text: str | None) -> date:
    try:
        return parse_day(text) if text else date.today()
    except Exception:  # noqa: BLE001 - a day the form cannot read: the lists of today; the check says why
        return date.today()


def _by_field(errors: list[InputError], lang: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in errors:
        out.setdefault(e.field, []).append(e.localized(lang).message)
    return out


def _effect(request: Request, org_id: str, p: changes.Preview, lang: str) -> dict[str, Any]:
    view_word = tr(f"view.{p.view.value}", lang)
    title = tr("chg.effect_on", lang, day=format_date(p.day, lang), view=view_word)
    svg = chart.orgchart_svg(p.rows, lang, title, marks=p.marks, embedded=True)
    return {
        "said": p.said,
        "svg": trusted(svg),
        "caption": title,
        "records": p.new_records,
        "allocation": p.allocation,
        "legend": [
            m
            for m in ("added", "removed", "moved", "renamed", "merged", "split", "transferred", "fte_changed")
            if m in set(p.marks.values())
        ],
    }


def _page(
    request: Request,
    org: str,
    form: dict[str, Any],
    errors: list[InputError] | None = None,
    effect: dict[str, Any] | None = None,
    digest: str = "",
    note: str = "",
    status: int = 200,
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    with store.session() as s:
        found = register.organisation_summary(register.resolve_organisation(s, org))
    action = str(form.get("action") or "establish")
    if action not in changes.ACTIONS:
        action = "establish"
    status_text = str(form.get("status") or "realised")
    view = View.ACTUAL if status_text == Status.REALISED.value else View.PLANNED
    day = _day_of(str(form.get("date") or ""))
    lists = changes.choices(store, found["id"], day, View.PLANNED if view is View.PLANNED else View.ACTUAL, lang)
    errors = errors or []
    split = _split_fields(form, lists) if action == "split" else None
    return render(
        request,
        "change.html",
        status,
        title=tr("chg.title", lang, org=found["name"]),
        org=found,
        form=form,
        action=action,
        actions=changes.ACTIONS,
        fields=changes.FIELDS[action],
        lists=lists,
        errors=errors,
        by_field=_by_field(errors, lang),
        effect=effect,
        digest=digest,
        note=note,
        statuses=[s.value for s in Status],
        staffing_kinds=[k.value for k in StaffingKind],
        bodies=changes.DECISION_BODIES,
        source_kinds=changes.SOURCE_KINDS,
        max_units=changes.MAX_UNITS,
        max_names=changes.MAX_NAMES,
        staffing_lines=changes.STAFFING_LINES,
        field_labels=FIELD_LABELS,
        field_ids=FIELD_IDS,
        units_given=[u for u in _units_of(form)],
        split=split,
    )


def _split_fields(form: dict[str, Any], lists: changes.Choices) -> dict[str, Any]:
    """What a split form divides: the posts and sub-units of the unit typed, as of the day, each with
    the field that says which new unit it goes to (by name; the names typed so far to choose from)."""
    names = [
        n for n in (" ".join(str(form.get(f"name_{i}") or "").split()) for i in range(1, changes.MAX_NAMES + 1)) if n
    ]
    snap = lists.snapshot
    text = " ".join(str(form.get("unit") or "").split())
    found = changes._find_unit(snap.units, text) if snap is not None and text else []
    if snap is None or len(found) != 1:
        return {"unit": None, "names": names, "posts": [], "units": []}
    posts, subs = changes.split_items(snap, found[0])
    return {
        "unit": snap.units[found[0]].name,
        "names": names,
        "posts": [{"field": f"post_to.{pid}", "label": label} for pid, label in posts],
        "units": [{"field": f"unit_to.{uid}", "label": name} for uid, name in subs],
    }


def _units_of(form: Any) -> list[str]:
    values = form.getlist("units") if hasattr(form, "getlist") else form.get("units", [])
    if isinstance(values, str):
        values = [values]
    return [v for v in values if isinstance(v, str)]


class _Form(dict[str, Any]):
    """The posted fields as a dict that still gives every value of ``units``."""

    def __init__(self, posted: Any) -> None:
        super().__init__({k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"})
        self.units = [v for v in posted.getlist("units") if isinstance(v, str)]

    def getlist(self, key: str) -> list[str]:
        return self.units if key == "units" else ([self[key]] if key in self else [])


@router.get("/o/{org}/change", dependencies=[require(WRITE)], response_class=HTMLResponse)
def change_form(
    request: Request,
    org: str,
    action: str = "establish",
    unit: str = "",
    parent: str = "",
    post: str = "",
    at: str = "",
    status: str = "realised",
) -> Response:
    """The form for one kind of change; ``unit``, ``parent`` and ``post`` (ids, from a link on a
    unit's page) are filled in by name."""
    store = request.app.state.store
    with store.session() as s:
        org_id = register.resolve_organisation(s, org).id
    day = _day_of(at)
    snap = register.snapshot(store, org_id, day, View.PLANNED)
    names = {u.id: u.name for u in snap.units.values()}
    form: dict[str, Any] = {
        "action": action,
        "unit": names.get(unit, unit),
        "parent": names.get(parent, parent),
        "post": changes.post_labels(snap).get(post, post),
        "date": at,
        "status": status,
        "seen": str(register.org_version(store, org_id)),
    }
    return _page(request, org_id, form)


async def _read(request: Request) -> tuple[_Form, str]:
    posted = await check_csrf(request)
    return _Form(posted), lang_of(request)


def _propose(request: Request, org: str, form: _Form, lang: str) -> tuple[changes.Proposal, changes.Preview]:
    store = request.app.state.store
    proposal = changes.propose(store, org, form, lang)
    shown = changes.preview(store, org, proposal, lang)
    return proposal, shown


@router.post("/o/{org}/change", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def change_submit(request: Request, org: str) -> Response:
    """'Effect bekijken' shows the effect; 'Opslaan' saves what the effect showed, with a reason."""
    form, lang = await _read(request)
    store = request.app.state.store
    with store.session() as s:
        org_id = register.resolve_organisation(s, org).id
    try:
        proposal, shown = await off_loop(_propose, request, org_id, form, lang)
    except EditConflict as exc:
        form["seen"] = str(register.org_version(store, org_id))
        return _page(request, org_id, form, [conflict_error(exc, lang)], status=409)
    except InputErrors as exc:
        return _page(request, org_id, form, exc.errors, status=422)
    effect = _effect(request, org_id, shown, lang)
    if form.get("step") != "save":
        return _page(request, org_id, form, effect=effect, digest=proposal.digest)
    if form.get("digest") != proposal.digest:
        # The fields changed after the effect was shown: show the new effect, save nothing yet.
        return _page(request, org_id, form, effect=effect, digest=proposal.digest, note=tr("chg.effect_stale", lang))
    reason = " ".join(str(form.get("reason") or "").split())
    if not reason:
        error = InputError(changes.ORIGIN, None, "reason", tr("chg.err.reason", lang))
        return _page(request, org_id, form, [error], effect, proposal.digest, status=422)
    try:
        titled = changes.with_title(proposal, shown)
        result = await off_loop(changes.save, store, org_id, titled, author(request), reason, seen_of(form))
    except EditConflict as exc:
        form["seen"] = str(register.org_version(store, org_id))
        return _page(request, org_id, form, [conflict_error(exc, lang)], status=409)
    except InputErrors as exc:
        return _page(request, org_id, form, exc.errors, status=422)
    event = proposal.event
    return RedirectResponse(
        f"/o/{org_id}/audit?event={quote(event.id)}&saved={result.changeset}&at={event.date.effective.isoformat()}"
        f"&view={'actual' if event.status is Status.REALISED else 'planned'}",
        status_code=303,
    )


@router.post("/o/{org}/change/preview", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def change_preview(request: Request, org: str) -> Response:
    """The effect of the fields as filled so far, as a fragment for change.js (nothing written)."""
    form, lang = await _read(request)
    store = request.app.state.store
    with store.session() as s:
        org_id = register.resolve_organisation(s, org).id
    errors: list[InputError] = []
    effect = None
    digest = ""
    try:
        proposal, shown = await off_loop(_propose, request, org_id, form, lang)
        effect, digest = _effect(request, org_id, shown, lang), proposal.digest
    except EditConflict as exc:
        errors = [conflict_error(exc, lang)]
    except InputErrors as exc:
        errors = exc.errors
    return render(
        request,
        "_change_effect.html",
        200,
        org={"id": org_id},
        effect=effect,
        digest=digest,
        errors=[e.localized(lang) for e in errors],
        live=True,
        note="",
    )


@router.get("/o/{org}/change/choices", dependencies=[require(WRITE)])
def change_choices(request: Request, org: str, at: str = "", status: str = "realised") -> Response:
    """The units and posts to pick from on a day (change.js fills the lists with them)."""
    store, lang = request.app.state.store, lang_of(request)
    view = View.ACTUAL if status == Status.REALISED.value else View.PLANNED
    lists = changes.choices(store, org, _day_of(at), view, lang)
    return JSONResponse(
        {
            "at": lists.day.isoformat(),
            "units": [{"value": u["label"], "label": u["abbreviation"] or ""} for u in lists.units],
            "posts": [{"value": p["label"], "label": ""} for p in lists.posts],
        }
    )


@router.get("/o/{org}/formatieplan.xlsx", dependencies=[require(READ)])
async def formatieplan_xlsx(request: Request, org: str, at: str | None = None, view: str | None = None) -> Response:
    """The formatieplan on a day as an Excel workbook: units, posts, staffing, task fields,
    cooperations (no cell runs a formula); named ``GM0168-formatieplan-2012-01-01.xlsx``."""
    store, lang = request.app.state.store, lang_of(request)
    day, v = parse_day(at), parse_view(view)
    with store.session() as s:
        org_id = register.resolve_organisation(s, org).id
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "formatieplan.xlsx"
        await off_loop(exchange.export_file, store, org_id, "xlsx", target, day, v, lang)
        body = target.read_bytes()
    name = chart.file_name(org_id, "formatieplan", day, v.value, None, "xlsx")
    return Response(
        body,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
