"""The events of an organisation: planned and realised side by side, with decisions and sources;
filtered by date range, status and type, a page at a time."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.domain.events import EventType
from raadhuis.domain.model import Status
from raadhuis.i18n.formatting import format_date
from raadhuis.i18n.trajectories import day_text
from raadhuis.services import programmes
from raadhuis.services.timeline import timeline as timeline_of
from raadhuis.web.access import READ, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import lang_of, parse_day, render, tr
from raadhuis.web.trajectory_svg import time_axis_svg

router = APIRouter()

PAGE_SIZE = 50


@router.get("/o/{org}/timeline", dependencies=[require(READ)], response_class=HTMLResponse)
def timeline_page(
    request: Request,
    org: str,
    type: list[str] = Query(default=[]),  # noqa: A002 - the URL's word
    status: list[str] = Query(default=[]),
    start: str = "",
    end: str = "",
    page: int = 1,
) -> Response:
    lang = lang_of(request)
    types = [x for x in type if x in EventType.values()]
    statuses = [x for x in status if x in {s.value for s in Status}]
    d1 = parse_day(start) if start.strip() else None
    d2 = parse_day(end) if end.strip() else None
    if d1 and d2 and d2 < d1:
        d1, d2 = d2, d1
    data = timeline_of(
        request.app.state.store, org, start=d1, end=d2, statuses=statuses or None, types=types or None, lang=lang
    )
    events = data["events"]
    pages = max(1, -(-len(events) // PAGE_SIZE))
    page = min(max(1, page), pages)
    shown = events[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]

    def page_url(n: int) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("page", "lang")]
        return f"/o/{data['organisation']['id']}/timeline?{urlencode([*params, ('page', str(n))])}"

    period = ""
    if d1 or d2:
        period = tr(
            "wb.period", lang, start=format_date(d1, lang) if d1 else "…", end=format_date(d2, lang) if d2 else "…"
        )
    return render(
        request,
        "timeline.html",
        title=tr("timeline.title", lang, org=data["organisation"]["name"]),
        org=data["organisation"],
        realised=[e for e in shown if e["status"] == "realised"],
        planned=[e for e in shown if e["status"] != "realised"],
        milestones=data["milestones"],
        milestone_axis=trusted(_milestone_axis(data["milestones"], data["organisation"]["name"], lang)),
        programmes=programmes.timeline_entries(request.app.state.store, data["organisation"]["id"], lang),
        types=types,
        statuses=statuses,
        all_types=EventType.values(),
        all_statuses=[s.value for s in Status],
        start=d1.isoformat() if d1 else "",
        end=d2.isoformat() if d2 else "",
        period=period,
        found=len(events),
        page=page,
        pages=pages,
        prev_url=page_url(page - 1) if page > 1 else None,
        next_url=page_url(page + 1) if page < pages else None,
    )


def _milestone_axis(milestones: list[dict[str, Any]], name: str, lang: str) -> str:
    """The milestones of the organisation's trajectories on a time axis, drawn as on the trajectory page."""
    today = date.today()
    return time_axis_svg(
        milestones,
        [],
        f"{tr('traj.on_timeline', lang)}: {name}",
        today,
        f"{tr('traj.today', lang)} {day_text(today, lang)}",
        {s: tr(f"traj.ms.{s}", lang) for s in ("planned", "realised", "not_realised")},
        {
            "realised": tr("traj.ms.realised", lang),
            "planned": tr("traj.ms.planned", lang),
            "approximate": tr("traj.approximate", lang),
            "decision_moment": tr("traj.decision_moment", lang),
        },
    )
