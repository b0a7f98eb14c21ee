"""One unit on a day: posts and staffing, task fields, managers, history, lineage, sources."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.i18n.engine import uncertain_labels
from raadhuis.services import register, studies, web_queries
from raadhuis.web.access import READ, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import lang_of, parse_day, parse_view, render, tr
from raadhuis.web.lineage_svg import lineage_svg

router = APIRouter()


@router.get("/o/{org}/u/{unit}", dependencies=[require(READ)], response_class=HTMLResponse)
def unit_page(request: Request, org: str, unit: str, at: str | None = None, view: str | None = None) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    day, v = parse_day(at), parse_view(view)
    detail = web_queries.unit_detail(store, org, unit, day, v)
    org_id = detail["organisation"]["id"]
    # An event with an imprecise date that touches the unit leaves this day open: said at the top.
    uncertain = uncertain_labels(register.show(store, org_id, day, v)["uncertain"], lang).get(detail["id"], [])
    lineage = register.lineage_of(store, org_id, unit, v)
    history = register.timeline(store, org_id, unit=unit, lang=lang)["events"]
    title = tr("lineage.title", lang, unit=detail["name"])
    svg = lineage_svg(lineage, title, href=f"/o/{org_id}/u/", label=lambda kind: tr(f"event.{kind}", lang))
    return render(
        request,
        "unit.html",
        title=f"{detail['name']} — {detail['organisation']['name']}",
        unit=detail,
        org=detail["organisation"],
        at=day.isoformat(),
        view=v.value,
        lineage=lineage,
        history=history,
        lineage_svg=trusted(svg),
        findings=studies.findings_about(store, org_id, unit=unit, lang=lang),
        uncertain=uncertain,
    )


@router.get("/o/{org}/u/{unit}/lineage.svg", dependencies=[require(READ)])
def lineage_file(request: Request, org: str, unit: str, view: str | None = None) -> Response:
    lineage = register.lineage_of(request.app.state.store, org, unit, parse_view(view))
    title = tr("lineage.title", lang_of(request), unit=lineage["unit"]["name"])
    return Response(lineage_svg(lineage, title), media_type="image/svg+xml")
