"""The audit trail of an organisation: who changed what, when and why, with before and after;
filterable by unit, event, person, period and reason, and exportable as CSV."""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.i18n.formatting import format_date, moment_text
from raadhuis.services import audit
from raadhuis.services.sources import source_records, titled
from raadhuis.web.access import READ, WRITE, can, require
from raadhuis.web.common import lang_of, parse_day, render, tr

router = APIRouter()


def trail_filter(request: Request) -> audit.TrailFilter:
    q = request.query_params

    def day(name: str) -> date | None:
        return parse_day(q.get(name)) if q.get(name) else None

    return audit.TrailFilter(
        unit=q.get("unit") or None,
        event=q.get("event") or None,
        who=q.get("who") or None,
        since=day("from"),
        until=day("to"),
        text=q.get("q") or None,
        kind=q.get("kind") or None,
    )


def _query(f: audit.TrailFilter, **extra: object) -> str:
    names = {"since": "from", "until": "to", "text": "q"}
    params = {names.get(k, k): v for k, v in f.as_dict().items()}
    params.update({k: str(v) for k, v in extra.items()})
    return urlencode(params)


@router.get("/o/{org}/audit", response_class=HTMLResponse, dependencies=[require(READ)])
def audit_page(request: Request, org: str, page: int = 1) -> Response:
    lang = lang_of(request)
    f = trail_filter(request)
    data = audit.trail(request.app.state.store, org, f, page)
    records = source_records(request.app.state.store)
    return render(
        request,
        "audit.html",
        title=tr("audit.title", lang, org=data["organisation"]["name"]),
        org=data["organisation"],
        data=data,
        f=f,
        when=lambda iso: moment_text(iso, lang),
        day=lambda iso: format_date(iso, lang) if len(iso) == 10 else iso,
        short=lambda v: audit.short(titled(v, records)),  # a working mark as the document's title
        origin=lambda text: PurePath(text).name or text,  # a file's name, not where it was on someone's disk
        query=lambda **extra: _query(f, **extra),
        may_retract=can(request, WRITE, data["organisation"]["id"]),
    )


@router.get("/o/{org}/audit.csv", dependencies=[require(READ)])
def audit_csv(request: Request, org: str) -> Response:
    f = trail_filter(request)
    text = audit.trail_csv(request.app.state.store, org, f)
    with request.app.state.store.session() as s:
        from raadhuis.services.register import resolve_organisation

        org_id = resolve_organisation(s, org).id
    return Response(
        "\ufeff" + text,  # a byte-order mark, so Excel reads the UTF-8 as UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="audittrail-{org_id}.csv"'},
    )


@router.get(
    "/api/v1/organisations/{org}/audit",
    dependencies=[require(READ)],
    summary="Audittrail: wie wat wanneer en waarom veranderde / audit trail",
    tags=["register"],
)
def audit_api(request: Request, org: str, page: int = 1) -> dict[str, object]:
    return audit.trail(request.app.state.store, org, trail_filter(request), page)
