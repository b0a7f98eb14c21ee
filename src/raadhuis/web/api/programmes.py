"""API for programmes and challenges: the same service functions as the CLI, the pages and the report.

Include with ``app.include_router(router)`` (the prefix /api/v1 is part of the router). Reading
needs READ on the organisation in the path (the list across the register shows what the caller may
read). Recording a reading, a milestone or a spend needs WRITE on the organisation: a JSON body
with the form's fields, ``reason`` in the query, recorded under the caller's name; ``dry_run=true``
answers what would change without writing; ``version`` is the version of the programme the change
was made on (409 when someone changed it since).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import Response

from raadhuis.services import challenges as challenge_svc
from raadhuis.services import programmes as svc
from raadhuis.web.access import READ, WRITE, author, can, require
from raadhuis.web.api.routes import _JSON, _require_type
from raadhuis.web.common import lang_of, parse_day, recorded

router = APIRouter(prefix="/api/v1", tags=["programmes"])

AT = Query(None, description="YYYY-MM-DD: programmes that run on that day, readings up to it (default: all)")
VERSION = Query(None, description="the version of the programme the change was made on (409 when changed since)")
REASON = Query(..., min_length=1, description="why")


def _store(request: Request) -> Any:
    return request.app.state.store


def _at(value: str | None) -> date | None:
    return parse_day(value) if value and value.strip() else None


@router.get("/programmes", dependencies=[require(READ, org=None)], summary="Programma's / programmes")
def all_programmes(request: Request, organisation: str | None = None, at: str | None = AT) -> dict[str, Any]:
    data = svc.programmes(_store(request), organisation, _at(at), lang_of(request))
    data["programmes"] = [p for p in data["programmes"] if can(request, READ, p["organisation"])]
    return data


@router.get("/organisations/{org}/programmes", dependencies=[require(READ)], summary="Programma's van een organisatie")
def programmes(request: Request, org: str, at: str | None = AT) -> dict[str, Any]:
    return svc.programmes(_store(request), org, _at(at), lang_of(request))


@router.get(
    "/organisations/{org}/programmes/{programme}",
    dependencies=[require(READ)],
    summary="Eén programma: budget, voortgang, mensen, mijlpalen, bronnen / one programme",
)
def programme(request: Request, org: str, programme: str, at: str | None = AT) -> dict[str, Any]:
    return svc.programme(_store(request), org, programme, _at(at), lang_of(request))


@router.get(
    "/organisations/{org}/programmes.xlsx",
    dependencies=[require(READ)],
    summary="Budgetten van de programma's als Excel / programme budgets as Excel",
)
def budgets_xlsx(request: Request, org: str) -> Response:
    from raadhuis.formats.programme_excel import budgets_workbook

    data = svc.programmes(_store(request), org, None, lang_of(request))
    name = f"programmabudgetten-{data['organisation']['id']}.xlsx"
    return Response(
        budgets_workbook(data, lang_of(request)),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/organisations/{org}/challenges", dependencies=[require(READ)], summary="Opgaven / challenges")
def challenges(request: Request, org: str, at: str | None = AT) -> dict[str, Any]:
    return challenge_svc.challenges(_store(request), org, _at(at), lang_of(request))


@router.get("/challenges", dependencies=[require(READ, org=None)], summary="Alle opgaven / all challenges")
def all_challenges(request: Request, at: str | None = AT) -> dict[str, Any]:
    data = challenge_svc.challenges(_store(request), None, _at(at), lang_of(request))
    data["challenges"] = [c for c in data["challenges"] if can(request, READ, c["organisation"])]
    return data


def _record(
    request: Request,
    response: Response,
    fn: Any,
    org: str,
    programme: str,
    body: dict[str, Any],
    reason: str,
    dry_run: bool,
    version: int | None,
) -> dict[str, Any]:
    _require_type(request, _JSON)
    form = {k: (v if isinstance(v, str) or v is None else str(v)) for k, v in body.items()}
    body = fn(_store(request), org, programme, form, author(request), reason, version, dry_run, lang_of(request))
    return recorded(response, body)


@router.post(
    "/organisations/{org}/programmes/{programme}/progress",
    dependencies=[require(WRITE)],
    status_code=201,
    summary="Voortgangsmeting vastleggen / record a progress reading",
)
def record_reading(
    request: Request,
    response: Response,
    org: str,
    programme: str,
    body: dict[str, Any] = Body(  # noqa: B008
        ..., examples=[{"date": "2025-03", "value": "G", "source": "jaarverslag-2024", "quote": "…"}]
    ),
    reason: str = REASON,
    dry_run: bool = False,
    version: int | None = VERSION,
) -> dict[str, Any]:
    return _record(request, response, svc.record_reading, org, programme, body, reason, dry_run, version)


@router.post(
    "/organisations/{org}/programmes/{programme}/milestones",
    dependencies=[require(WRITE)],
    status_code=201,
    summary="Mijlpaal vastleggen of bijwerken / record or update a milestone",
)
def record_milestone(
    request: Request,
    response: Response,
    org: str,
    programme: str,
    body: dict[str, Any] = Body(  # noqa: B008
        ..., examples=[{"milestone": "opdracht-afgerond", "status": "reached", "status_date": "2025-08"}]
    ),
    reason: str = REASON,
    dry_run: bool = False,
    version: int | None = VERSION,
) -> dict[str, Any]:
    return _record(request, response, svc.record_milestone, org, programme, body, reason, dry_run, version)


@router.post(
    "/organisations/{org}/programmes/{programme}/spending",
    dependencies=[require(WRITE)],
    status_code=201,
    summary="Uitgave vastleggen / record a spend",
)
def record_spend(
    request: Request,
    response: Response,
    org: str,
    programme: str,
    body: dict[str, Any] = Body(  # noqa: B008
        ..., examples=[{"year": 2024, "amount": 12500, "date": "2024-11", "source": "jaarverslag-2024"}]
    ),
    reason: str = REASON,
    dry_run: bool = False,
    version: int | None = VERSION,
) -> dict[str, Any]:
    return _record(request, response, svc.record_spend, org, programme, body, reason, dry_run, version)
