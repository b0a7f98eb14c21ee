"""Upload a formatieplan (Excel or CSV): see the events it implies in words, then commit or cancel."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import PurePath
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.services import formatieplan, register
from raadhuis.web.access import WRITE, author, require
from raadhuis.web.common import check_csrf, lang_of, parse_day, render, tr
from raadhuis.web.guard import off_loop
from raadhuis.web.pages.upload import uploads

router = APIRouter()


def _org_id(request: Request, org: str) -> str:
    with request.app.state.store.session() as s:
        return register.resolve_organisation(s, org).id


def _form_page(
    request: Request, org_id: str, form: dict[str, Any], errors: list[InputError], status: int = 200, notice: str = ""
) -> Response:
    return render(
        request,
        "excel.html",
        status,
        title=tr("web.upload_excel", lang_of(request)),
        org={"id": org_id},
        form=form,
        errors=errors,
        notice=notice,
    )


@router.get("/o/{org}/excel", dependencies=[require(WRITE)], response_class=HTMLResponse)
def excel_form(request: Request, org: str) -> Response:
    org_id = _org_id(request, org)
    today = date.today()
    # Left empty, the ids follow the sheet's name and date as on the command line (formatieplan.default_ids).
    form = {"at": today.isoformat(), "id_prefix": "", "source": ""}
    return _form_page(request, org_id, form, [])


def _settings(form: Any) -> dict[str, Any]:
    return {
        "at": str(form.get("at") or ""),
        "id_prefix": str(form.get("id_prefix") or "").strip() or None,
        "source": str(form.get("source") or "").strip() or None,
        "complete": bool(form.get("complete")),
    }


@router.post("/o/{org}/excel", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def excel_submit(request: Request, org: str) -> Response:
    form = await check_csrf(request)
    org_id = _org_id(request, org)
    settings = _settings(form)
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return _form_page(
            request, org_id, settings, [InputError("(upload)", None, "file", "choose an .xlsx or .csv file")], 422
        )
    token = uploads(request).put(PurePath(file.filename).name, await file.read())
    return await off_loop(_preview, request, org_id, token, settings)


def _preview(
    request: Request,
    org_id: str,
    token: str,
    settings: dict[str, Any],
    status: int = 200,
    errors: list[InputError] | None = None,
) -> Response:
    path = uploads(request).get(token)
    if path is None:
        return _form_page(
            request,
            org_id,
            settings,
            [InputError("(upload)", None, "token", tr("web.upload_gone", lang_of(request)))],
            404,
        )
    try:
        planned = formatieplan.plan(
            request.app.state.store,
            org_id,
            path,
            parse_day(settings["at"]),
            settings["id_prefix"],
            settings["source"],
            settings["complete"],
            lang_of(request),
        )
    except InputErrors as exc:
        uploads(request).drop(token)
        # The user knows the file by its name, not by where the server keeps it.
        errors = [dataclasses.replace(e, file=PurePath(e.file).name) for e in exc.errors]
        return _form_page(request, org_id, settings, errors, 422)
    return render(
        request,
        "excel_preview.html",
        status,
        title=tr("web.preview_title", lang_of(request)),
        org={"id": org_id},
        token=token,
        name=path.name,
        planned=planned,
        settings=settings,
        errors=errors or [],
    )


@router.post("/o/{org}/excel/{token}", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def excel_decide(request: Request, org: str, token: str) -> Response:
    form = await check_csrf(request)
    lang = lang_of(request)
    org_id = _org_id(request, org)
    settings = _settings(form)
    path = uploads(request).get(token)
    if path is None:
        return _form_page(
            request, org_id, settings, [InputError("(upload)", None, "token", tr("web.upload_gone", lang))], 404
        )
    if form.get("decision") != "commit":
        uploads(request).drop(token)
        return _form_page(request, org_id, settings, [], notice=tr("web.cancelled", lang))
    who, reason = author(request), str(form.get("reason") or "").strip()
    missing = [InputError("(form)", None, "reason", tr("web.reason_required", lang))] if not reason else []
    if missing:
        return await off_loop(_preview, request, org_id, token, settings, 422, missing)
    result = await off_loop(
        formatieplan.commit,
        request.app.state.store,
        org_id,
        path,
        parse_day(settings["at"]),
        settings["id_prefix"],
        settings["source"],
        who,
        reason,
        settings["complete"],
    )
    uploads(request).drop(token)
    return RedirectResponse(f"/o/{org_id}?at={settings['at']}&saved={result.changeset}", status_code=303)
