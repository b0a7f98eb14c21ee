"""Dashboard "Toegerust?": the analyses of one organisation on a day, with server-side charts."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.report.html import context
from raadhuis.report.labels import L
from raadhuis.services import analysis, programmes
from raadhuis.web.access import READ, require
from raadhuis.web.chart import file_name
from raadhuis.web.common import analysis_day, lang_of, parse_view, render

router = APIRouter()


@router.get("/o/{org}/dashboard", dependencies=[require(READ)], response_class=HTMLResponse)
def dashboard(request: Request, org: str, at: str | None = Query(None), view: str = Query("actual")) -> Response:
    lang = lang_of(request)
    v = parse_view(view)
    day, note = analysis_day(request.app.state.store, org, at, v, lang)
    result = analysis.analyse(request.app.state.store, org, day, v)
    # The same context as the report (minus the org chart and sources, which have their own pages).
    ctx = context({"lang": lang, "analysis": result, "units": [], "sources": [], "assumptions": []})
    ctx.pop("lang")
    ctx.pop("programmes", None)
    return render(
        request,
        "dashboard.html",
        title=f"{L('dashboard', lang)} — {result['organisation']['name']}",
        org=result["organisation"],
        at=day.isoformat(),
        view=v.value,
        day_note=note,
        programmes=programmes.overview(request.app.state.store, result["organisation"]["id"], day, lang),
        report_name=file_name(result["organisation"]["id"], "rapport", day, v.value, ext="pdf"),
        **{k: val for k, val in ctx.items() if k not in ("org", "title")},
    )
