"""Evidence: the sources of an organisation and the facts each supports; facts without any."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.services.sources import evidence
from raadhuis.web.access import READ, require
from raadhuis.web.common import lang_of, render, tr

router = APIRouter()


@router.get("/o/{org}/sources", dependencies=[require(READ)], response_class=HTMLResponse)
def sources_page(request: Request, org: str) -> Response:
    lang = lang_of(request)
    data = evidence(request.app.state.store, org)
    return render(
        request,
        "sources.html",
        title=f"{tr('sources', lang)} — {data['organisation']}",
        data=data,
        org={"id": data["organisation"]},
    )
