"""The events of an organisation: planned and realised side by side, with decisions and sources."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.domain.events import EventType
from raadhuis.domain.model import Status
from raadhuis.services import register
from raadhuis.web.access import READ, require
from raadhuis.web.common import lang_of, render, tr

router = APIRouter()


@router.get("/o/{org}/timeline", dependencies=[require(READ)], response_class=HTMLResponse)
def timeline_page(
    request: Request,
    org: str,
    type: list[str] = Query(default=[]),  # noqa: A002 - the URL's word
    status: list[str] = Query(default=[]),
) -> Response:
    lang = lang_of(request)
    types = [x for x in type if x in EventType.values()]
    statuses = [x for x in status if x in {s.value for s in Status}]
    data = register.timeline(request.app.state.store, org, statuses=statuses or None, types=types or None, lang=lang)
    events = data["events"]
    return render(
        request,
        "timeline.html",
        title=tr("timeline.title", lang, org=data["organisation"]["name"]),
        org=data["organisation"],
        realised=[e for e in events if e["status"] == "realised"],
        planned=[e for e in events if e["status"] != "realised"],
        types=types,
        statuses=statuses,
        all_types=EventType.values(),
        all_statuses=[s.value for s in Status],
    )
