"""Forms that change the register: each produces one change event, checked like an import."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Status, View
from raadhuis.i18n.errors import translate
from raadhuis.services import register
from raadhuis.services.concurrency import EditConflict
from raadhuis.web.access import WRITE, author, require
from raadhuis.web.common import check_csrf, conflict_error, lang_of, render, seen_of, tr
from raadhuis.web.forms import ACTIONS, FIELDS, ORIGIN, event_from_form, form_field
from raadhuis.web.guard import off_loop

router = APIRouter()


def _page(request: Request, org_id: str, form: dict[str, str], errors: list[InputError], status: int = 200) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    show = register.show(store, org_id, date.today(), View.PLANNED)
    action = form.get("action") or "rename"
    if action not in ACTIONS:
        action = "rename"
    by_field: dict[str, list[str]] = {}
    for e in errors:
        by_field.setdefault(e.field, []).append(translate(e.message, lang))
    return render(
        request,
        "edit.html",
        status,
        title=f"{tr('web.edit', lang)} — {show['organisation']['name']}",
        org=show["organisation"],
        units=show["units"],
        form=form,
        action=action,
        actions=ACTIONS,
        fields=FIELDS[action],
        errors=errors,
        by_field=by_field,
        statuses=[s.value for s in Status],
    )


@router.get("/o/{org}/edit", dependencies=[require(WRITE)], response_class=HTMLResponse)
def edit_form(request: Request, org: str, action: str = "rename", unit: str = "", post: str = "") -> Response:
    with request.app.state.store.session() as s:
        org_id = register.resolve_organisation(s, org).id
    form = {
        "action": action,
        "unit": unit,
        "post": post,
        "date": date.today().isoformat(),
        "seen": str(register.org_version(request.app.state.store, org_id)),
    }
    return _page(request, org_id, form, [])


@router.post("/o/{org}/edit", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def edit_submit(request: Request, org: str) -> Response:
    posted = await check_csrf(request)
    store, lang = request.app.state.store, lang_of(request)
    with store.session() as s:
        org_id = register.resolve_organisation(s, org).id
    form = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
    who, reason = author(request), form.get("reason", "").strip()
    errors: list[InputError] = []
    if not reason:
        errors.append(InputError(ORIGIN, None, "reason", tr("web.reason_required", lang)))
    try:
        event = event_from_form(form, org_id)
    except InputErrors as exc:
        return _page(request, org_id, form, errors + exc.errors, 422)
    if errors:
        return _page(request, org_id, form, errors, 422)
    try:
        result = await off_loop(
            register.write_events, store, org_id, [event], who, reason, origin=ORIGIN, seen=seen_of(form)
        )
    except EditConflict as exc:
        # Nothing saved; the form keeps what was typed and now knows the newer version.
        form["seen"] = str(register.org_version(store, org_id))
        return _page(request, org_id, form, [conflict_error(exc, lang)], 409)
    except InputErrors as exc:
        if form.get("action") == "other":  # the whole event is one field; keep the path in the message
            mapped = [InputError(e.file, e.line, "event_yaml", f"{e.field}: {e.message}") for e in exc.errors]
        else:
            mapped = [InputError(e.file, e.line, form_field(e.field), e.message) for e in exc.errors]
        return _page(request, org_id, form, mapped, 422)
    at = FuzzyDate.parse(event.date.text).effective.isoformat()
    view = "actual" if event.status is Status.REALISED else "planned"
    return RedirectResponse(f"/o/{org_id}?at={at}&view={view}&saved={result.changeset}", status_code=303)
