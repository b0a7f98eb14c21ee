"""The list of organisations, and one organisation on a day with its org chart."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.services import register, web_queries
from raadhuis.web import chart
from raadhuis.web.access import READ, can, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import lang_of, neighbours, parse_day, parse_view, render, tr

router = APIRouter()


@router.get("/", dependencies=[require(READ, org=None)], response_class=HTMLResponse)
def organisations(request: Request, q: str = "") -> Response:
    orgs = [o for o in register.list_organisations(request.app.state.store, q or None) if can(request, READ, o["id"])]
    return render(request, "organisations.html", title=tr("organisations", lang_of(request)), orgs=orgs, q=q)


def chart_title(show: dict, lang: str) -> str:  # type: ignore[type-arg]
    return tr(
        "show.title", lang, org=show["organisation"]["name"], at=show["at"], view=tr(f"view.{show['view']}", lang)
    )


@router.get("/o/{org}", dependencies=[require(READ)], response_class=HTMLResponse)
def organisation(
    request: Request, org: str, at: str | None = None, view: str | None = None, find: str = "", collapsed: str = ""
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    day, v = parse_day(at), parse_view(view)
    show = register.show(store, org, day, v)
    org_id = show["organisation"]["id"]
    dates = web_queries.event_dates(store, org_id)
    prev_date, next_date = neighbours(dates, day)
    needle = find.strip().lower()
    highlight = {
        u["id"] for u in show["units"] if needle and (needle in u["name"].lower() or needle == u["id"].lower())
    }
    staffing = web_queries.staffing_by_unit(store, org_id, day, v)
    title = chart_title(show, lang)
    closed = collapsed_set(collapsed)
    rows = chart.with_staffing(show["units"], staffing)
    svg = chart.orgchart_svg(rows, lang, title, highlight=highlight, collapsed=closed)
    return render(
        request,
        "organisation.html",
        title=title,
        show=show,
        org=show["organisation"],
        at=day.isoformat(),
        view=v.value,
        prev_date=prev_date,
        next_date=next_date,
        find=find,
        highlight=highlight,
        staffing=staffing,
        svg=trusted(svg),
        pdf=chart.pdf_available(),
        collapsed=",".join(sorted(closed)),
    )


def collapsed_set(value: str) -> set[str]:
    """Units folded in the chart, from ``?collapsed=A,B`` (kept in the URL, so a link shows the same chart)."""
    return {x.strip() for x in value.split(",") if x.strip()}


def _chart_rows(request: Request, org: str, at: str | None, view: str | None) -> tuple[dict[str, Any], list[Any]]:
    store = request.app.state.store
    day, v = parse_day(at), parse_view(view)
    show = register.show(store, org, day, v)
    staffing = web_queries.staffing_by_unit(store, show["organisation"]["id"], day, v)
    return show, chart.with_staffing(show["units"], staffing)


@router.get("/o/{org}/chart.svg", dependencies=[require(READ)])
def chart_svg(
    request: Request, org: str, at: str | None = None, view: str | None = None, collapsed: str = ""
) -> Response:
    lang = lang_of(request)
    show, rows = _chart_rows(request, org, at, view)
    svg = chart.orgchart_svg(rows, lang, chart_title(show, lang), collapsed=collapsed_set(collapsed))
    name = f"{show['organisation']['id']}-{show['at']}.svg"
    return Response(svg, media_type="image/svg+xml", headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/o/{org}/chart.pdf", dependencies=[require(READ)])
def chart_pdf(
    request: Request, org: str, at: str | None = None, view: str | None = None, collapsed: str = ""
) -> Response:
    lang = lang_of(request)
    show, rows = _chart_rows(request, org, at, view)
    pdf = chart.orgchart_pdf(rows, chart_title(show, lang), collapsed=collapsed_set(collapsed), lang=lang)
    if pdf is None:
        raise HTTPException(501, "PDF export needs the render package, which is not installed")
    name = f"{show['organisation']['id']}-{show['at']}.pdf"
    return Response(
        pdf, media_type="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
