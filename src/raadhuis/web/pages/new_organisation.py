"""A new organisation from a form (issue 13): name, CBS code, kind, start date, the first top unit
and a source; no ids, no YAML. 'Bekijken' shows in words what will be recorded (the import's
checks as a dry run, nothing written); 'Opslaan' writes it with a required reason through the
same service a dataset import uses (services/new_organisation.py), then opens the new
organisation's page. Only whoever may write on every organisation may add one."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.services import new_organisation as service
from raadhuis.web.access import WRITE, author, may_write, require, require_every
from raadhuis.web.common import check_csrf, lang_of, render, tr
from raadhuis.web.guard import off_loop

router = APIRouter()

FIELDS = ("name", "kind", "cbs_code", "province", "date", "unit_name", "unit_kind", "source_title", "source_url")
FIELD_LABELS = {f: f"org.f.{f}" for f in FIELDS} | {"reason": "chg.f.reason"}


def _page(
    request: Request,
    form: dict[str, Any],
    errors: list[InputError] | None = None,
    said: list[str] | None = None,
    digest: str = "",
    status: int = 200,
) -> Response:
    lang = lang_of(request)
    errors = [e.localized(lang) for e in errors or []]
    by_field: dict[str, list[str]] = {}
    for e in errors:
        by_field.setdefault(e.field if e.field in FIELD_LABELS else "other", []).append(e.message)
    return render(
        request,
        "new_organisation.html",
        status,
        title=tr("org.new", lang),
        form=form,
        errors=errors,
        by_field=by_field,
        field_labels=FIELD_LABELS,
        said=said,
        digest=digest,
        org_kinds=service.ORG_KINDS,
        unit_kinds=[(k, service.unit_kind_word(k, lang)) for k in service.UNIT_KINDS],
    )


@router.get("/organisations/new", dependencies=[require_every(WRITE)], response_class=HTMLResponse)
def new_organisation_form(request: Request) -> Response:
    return _page(request, {"kind": "gemeente", "unit_kind": "concern"})


@router.post("/organisations/new", dependencies=[require_every(WRITE)], response_class=HTMLResponse)
async def new_organisation_submit(request: Request) -> Response:
    """'Bekijken' shows what will be recorded; 'Opslaan' saves exactly that, with a reason."""
    posted = await check_csrf(request)
    form = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
    store, lang = request.app.state.store, lang_of(request)
    authorise = may_write(request)
    try:
        proposal = service.propose(store, form, lang)
        await off_loop(service.check, store, proposal, authorise)
    except InputErrors as exc:
        return _page(request, form, exc.errors, status=422)
    digest = service.digest(proposal)
    if form.get("step") != "save" or form.get("digest") != digest:
        return _page(request, form, said=proposal.said, digest=digest)
    reason = " ".join(str(form.get("reason") or "").split())
    if not reason:
        error = InputError(service.ORIGIN, None, "reason", tr("org.err.reason", lang))
        return _page(request, form, [error], proposal.said, digest, status=422)
    try:
        await off_loop(service.save, store, proposal, author(request), reason, authorise)
    except InputErrors as exc:
        return _page(request, form, exc.errors, status=422)
    return RedirectResponse(f"/o/{proposal.organisation}", status_code=303)


COOP_LABELS = {
    "name": "coop.f.name",
    "legal_form": "coop.f.legal_form",
    "date": "coop.f.date",
    "source_title": "org.f.source_title",
    "reason": "chg.f.reason",
} | {f"participant_{i}": "coop.f.participants" for i in range(1, service.MAX_PARTICIPANTS + 1)}


def _coop_page(
    request: Request,
    org: str,
    form: dict[str, Any],
    errors: list[InputError] | None = None,
    said: list[str] | None = None,
    digest: str = "",
    status: int = 200,
) -> Response:
    from raadhuis.reference.legal_forms import LEGAL_FORMS
    from raadhuis.services import register

    lang = lang_of(request)
    store = request.app.state.store
    with store.session() as s:
        found = register.organisation_summary(register.resolve_organisation(s, org))
    errors = [e.localized(lang) for e in errors or []]
    by_field: dict[str, list[str]] = {}
    for e in errors:
        by_field.setdefault(e.field if e.field in COOP_LABELS else "other", []).append(e.message)
    return render(
        request,
        "new_cooperation.html",
        status,
        title=tr("coop.new", lang) + " — " + found["name"],
        org=found,
        form=form,
        errors=errors,
        by_field=by_field,
        field_labels=COOP_LABELS,
        said=said,
        digest=digest,
        legal_forms=[(f.key, f.label(lang)) for f in LEGAL_FORMS],
        others=[o["name"] for o in register.list_organisations(store, None) if o["id"] != found["id"]],
        max_participants=service.MAX_PARTICIPANTS,
    )


@router.get("/o/{org}/cooperations/new", dependencies=[require(WRITE)], response_class=HTMLResponse)
def new_cooperation_form(request: Request, org: str) -> Response:
    return _coop_page(request, org, {})


@router.post("/o/{org}/cooperations/new", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def new_cooperation_submit(request: Request, org: str) -> Response:
    """'Bekijken' shows what will be recorded; 'Opslaan' saves exactly that, with a reason (write on
    every participant, as an import of it needs)."""
    posted = await check_csrf(request)
    form = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
    store, lang = request.app.state.store, lang_of(request)
    authorise = may_write(request)
    try:
        proposal = service.propose_cooperation(store, org, form, lang)
        await off_loop(service.check, store, proposal, authorise)
    except InputErrors as exc:
        return _coop_page(request, org, form, exc.errors, status=422)
    digest = service.digest(proposal)
    if form.get("step") != "save" or form.get("digest") != digest:
        return _coop_page(request, org, form, said=proposal.said, digest=digest)
    reason = " ".join(str(form.get("reason") or "").split())
    if not reason:
        error = InputError(service.ORIGIN, None, "reason", tr("org.err.reason", lang))
        return _coop_page(request, org, form, [error], proposal.said, digest, status=422)
    try:
        await off_loop(service.save, store, proposal, author(request), reason, authorise)
    except InputErrors as exc:
        return _coop_page(request, org, form, exc.errors, status=422)
    return RedirectResponse(f"/o/{proposal.organisation}/cooperations", status_code=303)
