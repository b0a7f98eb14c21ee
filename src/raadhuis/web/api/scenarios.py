"""API for scenarios (/api/v1/organisations/{org}/scenarios …) and salary tables (/api/v1/salary-tables).

The same service functions as ``raadhuis scenario`` and the pages. Writes take JSON (or, for a
salary table, the CSV or Excel file itself as the body), which a cross-site form cannot send
without the browser asking first. A change made on an older version of a scenario is refused with
409, saying who changed it since.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, HTTPException, Query, Request
from fastapi.responses import Response

from raadhuis.domain.model import View
from raadhuis.domain.scenario import AfterBranch
from raadhuis.services import comparison, salary
from raadhuis.services import scenarios as svc
from raadhuis.web.access import READ, WRITE, author, require
from raadhuis.web.common import lang_of, parse_day, parse_view, recorded
from raadhuis.web.guard import off_loop

router = APIRouter(prefix="/api/v1", tags=["scenarios"])

_JSON = ("application/json",)
_TABLE = (
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _store(request: Request) -> Any:
    return request.app.state.store


def _require_type(request: Request, allowed: tuple[str, ...]) -> str:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in allowed:
        raise HTTPException(415, f"expected Content-Type one of {', '.join(allowed)}, got {kind or 'none'!r}")
    return kind


def _body(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise HTTPException(422, "expected a JSON object")
    return data


BASE = "/organisations/{org}/scenarios"


@router.get(BASE, dependencies=[require(READ)], summary="Scenario's / scenarios of an organisation")
def scenarios(request: Request, org: str) -> dict[str, Any]:
    return svc.list_scenarios(_store(request), org, lang_of(request))


@router.post(BASE, dependencies=[require(WRITE)], status_code=201, summary="Nieuw scenario / new scenario")
def new(request: Request, org: str, data: dict[str, Any] = Body(...)) -> dict[str, Any]:
    """Body: ``{"name", "from", "view"?, "after_branch"?, "owner"?, "description"?, "decide_by"?,
    "effective_by"?, "id"?, "events"?, "reason"?}``."""
    _require_type(request, _JSON)
    data = _body(data)
    try:
        view = View(data.get("view") or "actual")
        after = AfterBranch(data.get("after_branch") or "register")
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return svc.new(
        _store(request),
        org,
        str(data.get("name") or ""),
        data.get("from"),
        author(request),
        view,
        after,
        data.get("owner"),
        data.get("description"),
        data.get("decide_by"),
        data.get("effective_by"),
        data.get("id"),
        str(data.get("reason") or ""),
        "api",
        data.get("events"),
    )


@router.get(BASE + "/{scenario}", dependencies=[require(READ)], summary="Een scenario / one scenario")
def show(request: Request, response: Response, org: str, scenario: str, at: str | None = None) -> dict[str, Any]:
    data = svc.show(_store(request), org, scenario, parse_day(at) if at else None, lang_of(request))
    # The version to send back with a change (optimistic concurrency).
    response.headers["X-Raadhuis-Version"] = str(data["scenario"]["version"])
    return data


@router.patch(BASE + "/{scenario}", dependencies=[require(WRITE)], summary="Scenario wijzigen / update a scenario")
def update(request: Request, org: str, scenario: str, data: dict[str, Any] = Body(...)) -> dict[str, Any]:
    """Body: any of ``name``, ``description``, ``owner``, ``decide_by``, ``effective_by``, ``status``; ``version``, ``reason``."""
    _require_type(request, _JSON)
    data = _body(data)
    fields = {k: data.get(k) for k in ("name", "description", "owner", "decide_by", "effective_by", "status")}
    return svc.update(
        _store(request),
        org,
        scenario,
        author(request),
        str(data.get("reason") or ""),
        "api",
        data.get("version"),
        **fields,
    )


@router.post(
    BASE + "/{scenario}/events", dependencies=[require(WRITE)], summary="Voorstellen toevoegen / add proposed events"
)
def add_events(request: Request, org: str, scenario: str, data: dict[str, Any] = Body(...)) -> dict[str, Any]:
    """Body: ``{"events": [event in the dataset format (id optional)], "version"?, "reason"?, "dry_run"?}``."""
    _require_type(request, _JSON)
    data = _body(data)
    events = data.get("events")
    if not isinstance(events, list):
        raise HTTPException(422, "expected 'events': a list of events in the dataset format")
    return svc.add_events(
        _store(request),
        org,
        scenario,
        events,
        author(request),
        str(data.get("reason") or ""),
        "api",
        data.get("version"),
        bool(data.get("dry_run")),
    )


@router.delete(
    BASE + "/{scenario}/events/{event_id}", dependencies=[require(WRITE)], summary="Voorstel weghalen / remove an event"
)
def remove_event(
    request: Request, org: str, scenario: str, event_id: str, reason: str = "", version: int | None = None
) -> dict[str, Any]:
    return svc.remove_event(_store(request), org, scenario, event_id, author(request), reason, "api", version)


@router.post(BASE + "/{scenario}/copy", dependencies=[require(WRITE)], status_code=201, summary="Kopiëren / copy")
def copy(request: Request, org: str, scenario: str, data: dict[str, Any] = Body(default={})) -> dict[str, Any]:
    data = _body(data)
    return svc.copy(
        _store(request), org, scenario, author(request), data.get("name"), str(data.get("reason") or ""), "api"
    )


@router.post(BASE + "/{scenario}/rebase", dependencies=[require(WRITE)], summary="Uitgangssituatie bijwerken / rebase")
def rebase(request: Request, org: str, scenario: str, reason: str = "") -> dict[str, Any]:
    return svc.rebase(_store(request), org, scenario, author(request), reason, "api")


@router.post(
    BASE + "/{scenario}/promote", dependencies=[require(WRITE)], summary="Bevorderen tot plan / promote to plan"
)
async def promote(request: Request, org: str, scenario: str, data: dict[str, Any] = Body(...)) -> dict[str, Any]:
    """Body: ``{"decision": {"body", "date", "title", "reference"?} | "decision_id", "version"?, "reason"?, "dry_run"?}``."""
    _require_type(request, _JSON)
    data = _body(data)
    raw = data.get("decision") if isinstance(data.get("decision"), dict) else None
    return await off_loop(
        svc.promote,
        _store(request),
        org,
        scenario,
        author(request),
        str(data.get("reason") or ""),
        raw,
        data.get("decision_id"),
        "api",
        data.get("version"),
        bool(data.get("dry_run")),
    )


@router.post(
    BASE + "/{scenario}/events/{event_id}/realise",
    dependencies=[require(WRITE)],
    summary="Gerealiseerd vastleggen / record as realised",
)
def realise(request: Request, org: str, scenario: str, event_id: str, reason: str = "") -> dict[str, Any]:
    return svc.realise(_store(request), org, scenario, event_id, author(request), reason, "api")


@router.get(
    "/organisations/{org}/scenario-comparison",
    dependencies=[require(READ)],
    summary="Scenario's vergelijken / compare scenarios (JSON, xlsx, pdf)",
)
async def compare(
    request: Request,
    org: str,
    scenario: list[str] = Query(..., description="one to four scenario ids"),
    at: str | None = None,
    view: str | None = Query(None, description="actual or planned; default the first scenario's"),
    charges: float | None = Query(None, description="employer's charges, percent"),
    step_rule: str = "maximum",
    table: str | None = None,
    format: str = Query("json", description="json, xlsx or pdf"),
) -> Any:
    if format not in ("json", "xlsx", "pdf"):
        raise HTTPException(422, f"expected format json, xlsx or pdf, got {format!r}")
    lang = lang_of(request)
    data = await off_loop(
        svc.compare,
        _store(request),
        org,
        scenario,
        parse_day(at) if at else None,
        parse_view(view) if view else None,
        charges=charges,
        step_rule=step_rule,
        table_id=table,
        lang=lang,
    )
    if format == "json":
        return data
    return export_response(data, format, lang)


def export_response(data: dict[str, Any], fmt: str, lang: str) -> Response:
    """The comparison as an Excel or PDF download (the page's export buttons use it too)."""
    tables = comparison.tables(data, lang)
    if fmt == "xlsx":
        from raadhuis.formats.scenario_excel import comparison_workbook

        body, media = comparison_workbook(tables, lang), XLSX
    else:
        from raadhuis.report.scenario_pdf import comparison_pdf

        body, media = comparison_pdf(tables, lang), "application/pdf"
    name = f"{tables.file_stem}.{fmt}"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/salary-tables", dependencies=[require(READ, org=None)], summary="Salaristabellen / salary tables")
def salary_tables(request: Request) -> dict[str, Any]:
    return salary.summaries(_store(request))


@router.post(
    "/salary-tables",
    dependencies=[require(WRITE, org=None)],
    status_code=201,
    summary="Salaristabel inlezen / import a salary table (CSV or xlsx body)",
)
async def import_salary(
    request: Request,
    response: Response,
    name: str = Query(..., min_length=1, description="the table's name"),
    source: str | None = Query(None, description="the publication's title"),
    url: str | None = None,
    illustrative: str | None = Query(None, description="why the table is illustrative"),
    charges: float | None = None,
    dry_run: bool = False,
) -> dict[str, Any]:
    kind = _require_type(request, _TABLE)
    body = await request.body()
    file_name = f"{name}.{'xlsx' if kind == XLSX else 'csv'}"
    result = await off_loop(
        salary.import_tables,
        _store(request),
        file_name,
        author(request),
        name,
        source,
        url,
        illustrative,
        charges,
        body,
        file_name,
        dry_run,
    )
    return recorded(response, result)
