"""Upload a dataset: check it (dry run) and show what would change, then commit or cancel."""

from __future__ import annotations

import contextlib
from pathlib import PurePath
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.formats.dataset import load_dataset
from raadhuis.i18n.events import event_words
from raadhuis.i18n.formatting import format_date
from raadhuis.services import register
from raadhuis.web.access import WRITE, author, may_write, require
from raadhuis.web.common import check_csrf, lang_of, render, tr
from raadhuis.web.guard import off_loop
from raadhuis.web.uploads import Uploads

router = APIRouter()


def uploads(request: Request) -> Uploads:
    if request.app.state.upload_dir is None:
        request.app.state.upload_dir = Uploads()
    return request.app.state.upload_dir  # type: ignore[no-any-return]


@router.get("/upload", dependencies=[require(WRITE, org=None)], response_class=HTMLResponse)
def upload_form(request: Request) -> Response:
    return render(request, "upload.html", title=tr("web.upload", lang_of(request)), errors=[])


def _preview(
    request: Request, token: str, name: str, text: str, status: int = 200, errors: list[InputError] | None = None
) -> Response:
    store = request.app.state.store
    result = register.import_dataset(store, name, dry_run=True, text=text)
    kind = "json" if name.lower().endswith(".json") else "yaml"
    ds = load_dataset(text, name, kind)
    lang = lang_of(request)
    names = _unit_names(ds, store)
    events = [_told(e, names, lang) for e in ds.events]
    org_names = register.organisation_names(store) | {o.id: o.name for o in ds.organisations}
    return render(
        request,
        "preview.html",
        status,
        title=tr("web.preview_title", lang_of(request)),
        token=token,
        name=name,
        result=result,
        events=events,
        org_names=org_names,
        errors=errors or [],
    )


def _unit_names(ds: Any, store: Any) -> dict[str, str]:
    """The units by name: as the register knows them, then as the file names its new ones."""
    names: dict[str, str] = {}
    for org in {e.organisation for e in ds.events}:
        with contextlib.suppress(register.NotFound):  # an organisation the register does not hold yet
            names.update(register.unit_names(store, org))
    for e in ds.events:
        for unit in (e.new_unit, *e.new_units):
            if unit is not None and unit.name:
                names[unit.id] = unit.name
    return names


def _told(e: Any, names: dict[str, str], lang: str) -> dict[str, Any]:
    """An event of the file in words, as the register would say it (one rule: event_words): its
    units by name, its day in words; no id."""
    data: dict[str, Any] = {"type": e.type.value, "title": e.title, "description": e.description}
    if e.post is not None:
        data["post"] = {"title": e.post.title, "unit": e.post.unit}
    return {
        "date": format_date(e.date.text, lang),
        "type": e.type.value,
        "status": e.status.value,
        "words": event_words(data, lang, names, e.subjects()),
    }


@router.post("/upload", dependencies=[require(WRITE, org=None)], response_class=HTMLResponse)
async def upload_submit(request: Request) -> Response:
    form = await check_csrf(request)
    lang = lang_of(request)
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return render(
            request,
            "upload.html",
            422,
            title=tr("web.upload", lang),
            errors=[InputError("(upload)", None, "file", "choose a YAML or JSON file")],
        )
    name = PurePath(file.filename).name
    if not name.lower().endswith((".yaml", ".yml", ".json")):
        name += ".yaml"  # the dataset format is YAML unless the name says JSON
    try:
        text = (await file.read()).decode("utf-8")
    except UnicodeDecodeError:
        return render(
            request,
            "upload.html",
            422,
            title=tr("web.upload", lang),
            errors=[InputError(name, None, "(file)", "expected UTF-8 text")],
        )
    # Checking and previewing run in a worker thread: a large file must not stop other requests.
    try:
        await off_loop(
            register.import_dataset,
            request.app.state.store,
            name,
            dry_run=True,
            text=text,
            authorise=may_write(request),
        )
    except InputErrors as exc:
        return render(request, "upload.html", 422, title=tr("web.upload", lang), errors=exc.errors, file_name=name)
    token = uploads(request).put(name, text.encode("utf-8"))
    return await off_loop(_preview, request, token, name, text)


@router.post("/upload/{token}", dependencies=[require(WRITE, org=None)], response_class=HTMLResponse)
async def upload_decide(request: Request, token: str) -> Response:
    form = await check_csrf(request)
    lang = lang_of(request)
    stored = uploads(request).get(token)
    if stored is None or stored.suffix.lower() not in (".yaml", ".yml", ".json"):
        return render(
            request,
            "upload.html",
            404,
            title=tr("web.upload", lang),
            errors=[InputError("(upload)", None, "token", tr("web.upload_gone", lang))],
        )
    name, text = stored.name, stored.read_text("utf-8")
    if form.get("decision") != "commit":
        uploads(request).drop(token)
        return render(request, "upload.html", title=tr("web.upload", lang), errors=[], notice=tr("web.cancelled", lang))
    who, reason = author(request), str(form.get("reason") or "").strip()
    missing = [InputError("(form)", None, "reason", tr("web.reason_required", lang))] if not reason else []
    if missing:
        return await off_loop(_preview, request, token, name, text, 422, missing)
    result = await off_loop(
        register.import_dataset,
        request.app.state.store,
        name,
        who=who,
        reason=reason,
        text=text,
        authorise=may_write(request),
    )
    uploads(request).drop(token)
    org = result.organisations[0] if result.organisations else ""
    return RedirectResponse(f"/o/{org}?saved={result.changeset}" if org else "/", status_code=303)
