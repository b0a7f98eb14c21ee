"""API for "Is de organisatie toegerust?": the analyses as JSON, and the report as PDF or HTML.

Include with ``app.include_router(router)`` (the prefix /api/v1 is part of the router).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.services import analysis
from raadhuis.web.access import READ, require
from raadhuis.web.chart import file_name
from raadhuis.web.common import analysis_day, lang_of, parse_day, parse_view

router = APIRouter(prefix="/api/v1", tags=["analyses"])

AT = Query(None, description="31-12-2017 or 2017-12-31; default the latest day with data")
VIEW = Query("actual", description="actual or planned")


def _store(request: Request) -> Any:
    return request.app.state.store


def _day(request: Request, org: str, at: str | None, view: str) -> tuple[Any, Any]:
    """(day, view): the day asked for, else the latest day with data."""
    v = parse_view(view)
    return analysis_day(_store(request), org, at, v)[0], v


@router.get("/organisations/{org}/analysis", dependencies=[require(READ)], summary="Alle analyses / all analyses")
def analyse(request: Request, org: str, at: str | None = AT, view: str = VIEW) -> dict[str, Any]:
    return analysis.analyse(_store(request), org, *_day(request, org, at, view))


@router.get("/organisations/{org}/analysis/span", dependencies=[require(READ)], summary="Spanwijdte / span of control")
def span(request: Request, org: str, at: str | None = AT, view: str = VIEW) -> dict[str, Any]:
    return analysis.span(_store(request), org, *_day(request, org, at, view))


@router.get(
    "/organisations/{org}/analysis/span-compare",
    dependencies=[require(READ)],
    summary="Spanwijdte voor en na / span before and after",
)
def span_compare(
    request: Request,
    org: str,
    before: str = Query(..., description="YYYY-MM-DD"),
    after: str = Query(..., description="YYYY-MM-DD"),
    after_view: str = Query("actual", description="actual or planned (plan against fact)"),
) -> dict[str, Any]:
    return analysis.span_compare(
        _store(request), org, parse_day(before), parse_day(after), after_view=parse_view(after_view)
    )


@router.get(
    "/organisations/{org}/analysis/vulnerability", dependencies=[require(READ)], summary="Kwetsbaarheid / vulnerability"
)
def vulnerability(request: Request, org: str, at: str | None = AT, view: str = VIEW) -> dict[str, Any]:
    return analysis.vulnerability(_store(request), org, *_day(request, org, at, view))


@router.get("/organisations/{org}/analysis/capacity", dependencies=[require(READ)], summary="Capaciteit / capacity")
def capacity(request: Request, org: str, at: str | None = AT, view: str = VIEW) -> dict[str, Any]:
    return analysis.capacity(_store(request), org, *_day(request, org, at, view))


@router.get(
    "/organisations/{org}/analysis/indicators", dependencies=[require(READ)], summary="BBV-indicatoren / BBV indicators"
)
def indicators(request: Request, org: str, at: str | None = AT, view: str = VIEW) -> dict[str, Any]:
    return analysis.indicators(_store(request), org, *_day(request, org, at, view))


@router.get(
    "/organisations/{org}/analysis/peers", dependencies=[require(READ)], summary="Vergelijking / peer comparison"
)
def peers(request: Request, org: str, at: str | None = AT, view: str = VIEW) -> dict[str, Any]:
    return analysis.peers(_store(request), org, *_day(request, org, at, view))


def _report(request: Request, org: str, at: str | None, view: str) -> dict[str, Any]:
    from raadhuis.report import report_data

    lang = request.query_params.get("lang") or lang_of(request)
    return report_data(_store(request), org, *_day(request, org, at, view), "en" if lang == "en" else "nl")


@router.get(
    "/organisations/{org}/report.pdf",
    dependencies=[require(READ)],
    summary="Rapport (PDF) / report (PDF)",
    response_class=Response,
)
def report_pdf(request: Request, org: str, at: str | None = AT, view: str = VIEW) -> Response:
    from raadhuis.report import report_pdf as render

    data = _report(request, org, at, view)
    a = data["analysis"]
    name = file_name(a["organisation"]["id"], "rapport", a["at"], a.get("view", view), ext="pdf")
    return Response(
        render(data), media_type="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get(
    "/organisations/{org}/report.html",
    dependencies=[require(READ)],
    summary="Rapport (HTML) / report (HTML)",
    response_class=HTMLResponse,
)
def report_html(request: Request, org: str, at: str | None = AT, view: str = VIEW) -> HTMLResponse:
    from raadhuis.report import report_html as render

    return HTMLResponse(render(_report(request, org, at, view)))
