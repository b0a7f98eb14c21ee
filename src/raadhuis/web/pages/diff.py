"""What changed between two days: marked on the chart and listed."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.services import register, web_queries
from raadhuis.web import chart
from raadhuis.web.access import READ, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import lang_of, parse_day, parse_view, render, tr

router = APIRouter()

MARKED = ("added", "removed", "moved", "renamed", "merged", "split", "fte_changed")


@router.get("/o/{org}/diff", dependencies=[require(READ)], response_class=HTMLResponse)
def diff_page(
    request: Request, org: str, start: str | None = None, end: str | None = None, view: str | None = None
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    v = parse_view(view)
    dates = web_queries.event_dates(store, org)
    default_end = date.fromisoformat(dates[-1]) if dates else date.today()
    default_start = date.fromisoformat(dates[-2]) if len(dates) > 1 else default_end
    d1, d2 = parse_day(start, default_start), parse_day(end, default_end)
    data = register.diff(store, org, d1, d2, v)
    marks = {c["id"]: c["change"] for c in data["changes"] if c["change"] in MARKED}
    show = register.show(store, org, date.fromisoformat(data["to"]), v)
    title = tr(
        "diff.title",
        lang,
        org=data["organisation"]["name"],
        start=data["from"],
        end=data["to"],
        view=tr(f"view.{v.value}", lang),
    )
    staffing = web_queries.staffing_by_unit(store, org, date.fromisoformat(data["to"]), v)
    svg = chart.orgchart_svg(chart.with_staffing(show["units"], staffing), lang, title, marks=marks)
    return render(
        request,
        "diff.html",
        title=title,
        org=data["organisation"],
        data=data,
        svg=trusted(svg),
        start=data["from"],
        end=data["to"],
        view=v.value,
        marks=MARKED,
        colours=chart.MARK_COLOURS,
    )
