"""Withdraw an event: it stays in the log, marked retracted; the rest of the history must still fit."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.services import register
from raadhuis.services.concurrency import EditConflict
from raadhuis.web.access import WRITE, author, require
from raadhuis.web.common import check_csrf, conflict_error, lang_of, render, seen_of, tr
from raadhuis.web.guard import off_loop

router = APIRouter()


def _page(
    request: Request, org: str, event_id: str, errors: list[InputError], status: int = 200, reason: str = ""
) -> Response:
    history = register.history_of_event(request.app.state.store, org, event_id)
    with request.app.state.store.session() as s:
        row = register.resolve_organisation(s, org)
    return render(
        request,
        "retract.html",
        status,
        title=f"{tr('web.retract', lang_of(request))}: {event_id}",
        org={"id": row.id, "name": row.name},
        event_id=event_id,
        history=history,
        errors=errors,
        reason=reason,
        seen=register.org_version(request.app.state.store, row.id),
    )


@router.get("/o/{org}/events/{event_id}/retract", dependencies=[require(WRITE)], response_class=HTMLResponse)
def retract_form(request: Request, org: str, event_id: str) -> Response:
    return _page(request, org, event_id, [])


@router.post("/o/{org}/events/{event_id}/retract", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def retract_submit(request: Request, org: str, event_id: str) -> Response:
    form = await check_csrf(request)
    lang = lang_of(request)
    who, reason = author(request), str(form.get("reason") or "").strip()
    missing = [InputError("(form)", None, "reason", tr("web.reason_required", lang))] if not reason else []
    if form.get("confirm") != "yes":  # withdrawing is asked twice: the page, then this box
        missing.append(InputError("(form)", None, "confirm", tr("auth.confirm_required", lang)))
    if missing:
        return _page(request, org, event_id, missing, 422, reason)
    try:
        await off_loop(register.retract_event, request.app.state.store, org, event_id, who, reason, seen=seen_of(form))
    except EditConflict as exc:
        return _page(request, org, event_id, [conflict_error(exc, lang)], 409, reason)
    except InputErrors as exc:
        return _page(request, org, event_id, exc.errors, 422, reason)
    return RedirectResponse(f"/o/{org}/timeline", status_code=303)
