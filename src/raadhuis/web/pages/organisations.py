"""The list of organisations (one organisation's chart is in :mod:`raadhuis.web.pages.orgchart`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.services import register
from raadhuis.services.access import ALL
from raadhuis.web.access import READ, WRITE, can, require
from raadhuis.web.common import lang_of, render, tr

router = APIRouter()


@router.get("/", dependencies=[require(READ, org=None)], response_class=HTMLResponse)
def organisations(request: Request, q: str = "") -> Response:
    orgs = [o for o in register.list_organisations(request.app.state.store, q or None) if can(request, READ, o["id"])]
    return render(
        request,
        "organisations.html",
        title=tr("organisations", lang_of(request)),
        orgs=orgs,
        q=q,
        may_add=can(request, WRITE, ALL),
    )
