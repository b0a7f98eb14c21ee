"""Evidence: the sources of an organisation and the facts each supports; facts without any."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.services.sources import evidence
from raadhuis.web.access import READ, require
from raadhuis.web.common import lang_of, render, tr

router = APIRouter()


def fact_href(org: str, kind: str, key: str) -> str | None:
    """The page a fact is shown on (its id only in the address), or None when it has none."""
    k = quote(key, safe="")
    anchor = quote(key, safe="@")  # the element's id as the timeline writes it (OW@2011-09-13)
    return {
        "organisation": f"/o/{org}",
        "event": f"/o/{org}/timeline#ev-{anchor}",
        "cooperation": f"/o/{org}/cooperations#coop-{anchor}",
        "programme": f"/o/{org}/programmes/{k}",
        "scenario": f"/o/{org}/scenarios/{k}",
        "study": f"/o/{org}/studies/{k}",
        "trajectory": f"/trajectories/{k}",
    }.get(kind)


@router.get("/o/{org}/sources", dependencies=[require(READ)], response_class=HTMLResponse)
def sources_page(request: Request, org: str) -> Response:
    lang = lang_of(request)
    data = evidence(request.app.state.store, org, lang)
    return render(
        request,
        "sources.html",
        title=f"{tr('sources', lang)} — {data['organisation_name']}",
        data=data,
        org={"id": data["organisation"], "name": data["organisation_name"]},
        href=lambda f: fact_href(data["organisation"], f["kind"], f["id"]),
    )
