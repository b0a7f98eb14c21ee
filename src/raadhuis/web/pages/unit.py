"""One unit on a day: posts and staffing, task fields, managers, history, lineage, sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.domain.model import View
from raadhuis.i18n.engine import uncertain_labels
from raadhuis.reference import taskfields
from raadhuis.services import register, studies, web_queries
from raadhuis.web.access import READ, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import lang_of, parse_day, parse_view, render, tr
from raadhuis.web.lineage_svg import lineage_svg

router = APIRouter()


def _task_field_name(code: str, year: int) -> str:
    """The BBV task field's name next to its number ('0.1 Bestuur'); '' for a code not on that year's list."""
    try:
        return taskfields.task_field(code, year).name
    except (taskfields.UnknownTaskField, ValueError):
        return ""


@router.get("/o/{org}/u/{unit}", dependencies=[require(READ)], response_class=HTMLResponse)
def unit_page(request: Request, org: str, unit: str, at: str | None = None, view: str | None = None) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    day, v = parse_day(at), parse_view(view)
    try:
        detail = web_queries.unit_detail(store, org, unit, day, v)
    except register.NotFound:
        without = _without_a_day(request, org, unit, v)
        if without is None:
            raise
        return without
    org_id = detail["organisation"]["id"]
    # An event with an imprecise date that touches the unit leaves this day open: said at the top.
    uncertain = uncertain_labels(register.show(store, org_id, day, v)["uncertain"], lang).get(detail["id"], [])
    lineage = register.lineage_of(store, org_id, unit, v)
    history = register.timeline(store, org_id, unit=unit, lang=lang)["events"]
    org_names = register.organisation_names(store)
    svg = _drawn(lineage, detail["name"], lang, org_names, href=f"/o/{org_id}/u/")
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
        org_names=org_names,
        unit_names=register.unit_names(store, org_id, v),
        task_field_name=lambda code: _task_field_name(code, day.year),
    )


def _without_a_day(request: Request, org: str, unit: str, view: View) -> Response | None:
    """The page of a unit the lineage names that has no version of its own (made and unmade on one
    day), reached from the lineage graph of the units around it; None for a unit nobody names."""
    store, lang = request.app.state.store, lang_of(request)
    try:
        lineage = register.lineage_of(store, org, unit, view)
    except register.NotFound:
        return None
    if lineage["versions"]:
        return None
    org_id = lineage["organisation"]["id"]
    org_names = register.organisation_names(store)
    svg = _drawn(lineage, lineage["unit"]["name"], lang, org_names, href=f"/o/{org_id}/u/")
    made = next((p["date"] for p in lineage["predecessors"]), None)
    return render(
        request,
        "unit_without_day.html",
        title=f"{lineage['unit']['name']} — {lineage['organisation']['name']}",
        unit=lineage["unit"],
        org=lineage["organisation"],
        made=made,
        lineage=lineage,
        lineage_svg=trusted(svg),
        org_names=org_names,
        unit_names=register.unit_names(store, org_id, view),
    )


@router.get("/o/{org}/u/{unit}/lineage.svg", dependencies=[require(READ)])
def lineage_file(request: Request, org: str, unit: str, view: str | None = None) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    lineage = register.lineage_of(store, org, unit, parse_view(view))
    svg = _drawn(lineage, lineage["unit"]["name"], lang, register.organisation_names(store))
    return Response(svg, media_type="image/svg+xml")


def _drawn(lineage: dict[str, Any], name: str, lang: str, org_names: dict[str, str], href: str = "") -> str:
    """The lineage graph of a unit, titled and labelled in ``lang``; ``href``: where its units link to."""

    def label(kind: str) -> str:
        return tr(f"event.{kind}", lang)

    return lineage_svg(lineage, tr("lineage.title", lang, unit=name), href, label, lang, org_names)
