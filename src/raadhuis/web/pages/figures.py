"""Recording an organisation's BBV year figures (inhabitants, formatie and bezetting, apparaatskosten,
loonsom, inhuur, overhead, totale lasten) for one year: the fields first, the difference with what
is stored shown, then saved with a reason (services/year_figures.py; editors only)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.i18n.formatting import format_fte, format_money, format_number
from raadhuis.services import changes, register, year_figures
from raadhuis.web.access import WRITE, author, require
from raadhuis.web.common import check_csrf, lang_of, render, tr
from raadhuis.web.guard import off_loop

router = APIRouter()


def shown(key: str, value: Any, lang: str) -> str:
    """A figure as people read it: '22.500', '160,50 fte', '€ 14.000.000'; unknown when missing."""
    if value is None:
        return tr("fig.unknown", lang)
    if key in year_figures.FTE_FIELDS:
        return format_fte(value, lang)
    if key in year_figures.MONEY_FIELDS:
        return format_money(value, lang)
    return format_number(value, lang, 0)


def _page(
    request: Request,
    org: str,
    form: dict[str, Any],
    errors: list[InputError] | None = None,
    proposal: year_figures.Proposal | None = None,
    saved: str = "",
    status: int = 200,
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    with store.session() as s:
        found = register.organisation_summary(register.resolve_organisation(s, org))
    errors = errors or []
    by_field: dict[str, list[str]] = {}
    for e in errors:
        by_field.setdefault(e.field, []).append(e.localized(lang).message)
    stored = year_figures.current(store, found["id"])
    lists = changes.choices(store, found["id"], date.today(), lang=lang)
    return render(
        request,
        "figures_form.html",
        status,
        title=tr("fig.title", lang, org=found["name"]),
        org=found,
        form=form,
        fields=year_figures.FIELDS,
        errors=[e.localized(lang) for e in errors],
        by_field=by_field,
        proposal=proposal,
        rows=[
            dict(r, before=shown(r["field"], r["before"], lang), after=shown(r["field"], r["after"], lang))
            for r in (proposal.rows if proposal else [])
        ],
        stored=[
            {
                "year": e.get("year"),
                "cells": [shown(k, e.get(k), lang) for k in year_figures.FIELDS],
                "assumption": e.get("assumption"),
            }
            for e in stored
        ],
        sources=lists.sources,
        saved=saved,
    )


@router.get("/o/{org}/figures", dependencies=[require(WRITE)], response_class=HTMLResponse)
def figures_form(request: Request, org: str, year: str = "", saved: str = "") -> Response:
    """The form for one year's figures, filled with what is stored for that year."""
    store = request.app.state.store
    with store.session() as s:
        org_id = register.resolve_organisation(s, org).id
    form: dict[str, Any] = {"year": year}
    for e in year_figures.current(store, org_id):
        if str(e.get("year")) == year:
            form.update({k: str(v).replace(".", ",") for k, v in e.items() if k in year_figures.FIELDS})
            if e.get("assumption"):
                form["assumption"] = str(e["assumption"])
    return _page(request, org_id, form, saved=saved)


@router.post("/o/{org}/figures", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def figures_submit(request: Request, org: str) -> Response:
    """'Verschil bekijken' shows what changes; 'Opslaan' saves what was shown, with a reason."""
    posted = await check_csrf(request)
    form = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
    lang = lang_of(request)
    store = request.app.state.store
    with store.session() as s:
        org_id = register.resolve_organisation(s, org).id
    try:
        proposal = await off_loop(year_figures.propose, store, org_id, form, lang)
    except InputErrors as exc:
        return _page(request, org_id, form, exc.errors, status=422)
    if form.get("step") != "save":
        return _page(request, org_id, form, proposal=proposal)
    if form.get("digest") != proposal.digest:  # not what was shown: show what would change now
        if form.get("entry_digest") != proposal.entry_digest:  # the reader changed the form
            return _page(request, org_id, form, proposal=proposal)
        # The same figures, but the stored ones changed since the preview: say so, save nothing.
        changed = InputError(year_figures.ORIGIN, None, "year", tr("fig.err.changed", lang, year=proposal.year))
        return _page(request, org_id, form, [changed], proposal, status=409)
    reason = " ".join(str(form.get("reason") or "").split())
    if not reason:
        error = InputError(year_figures.ORIGIN, None, "reason", tr("chg.err.reason", lang))
        return _page(request, org_id, form, [error], proposal, status=422)
    try:
        await off_loop(year_figures.save, store, proposal, author(request), reason, lang)
    except InputErrors as exc:
        return _page(request, org_id, form, exc.errors, proposal, status=422)
    return RedirectResponse(f"/o/{org_id}/figures?year={proposal.year}&saved=1", status_code=303)
