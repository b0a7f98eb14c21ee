"""API for audit studies and their follow-up: the same service functions as the CLI and the pages.

Include with ``app.include_router(router)`` (the prefix /api/v1 is part of the router). Reading a
study needs READ on the organisation in the path; the lists across the register show what the
caller may read. Recording a status needs STUDY (the role ``onderzoeker``) on the organisation that
follows the recommendation up: a JSON body, recorded under the caller's name; ``dry_run`` checks
and answers what would change; ``version`` is the version the change was made on (409 when
someone recorded the same status in between; ``-1`` for a status not yet recorded).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Query, Request

from raadhuis.services import studies as svc
from raadhuis.web.access import READ, STUDY, author, can, require
from raadhuis.web.api.routes import _JSON, _require_type
from raadhuis.web.common import lang_of, parse_day, parse_moment

router = APIRouter(prefix="/api/v1", tags=["studies"])

AT = Query(None, description="the day a status held (YYYY-MM-DD), default today")
KNOWN_AT = Query(None, description="as the register knew it at this moment (ISO 8601), default now")


def _store(request: Request) -> Any:
    return request.app.state.store


def _visible(request: Request) -> Any:
    return lambda org: can(request, READ, org)


@router.get("/studies", dependencies=[require(READ, org=None)], summary="Rekenkameronderzoeken / audit studies")
def studies(request: Request, organisation: str | None = None, known_at: str | None = KNOWN_AT) -> dict[str, Any]:
    return svc.list_studies(
        _store(request), organisation, parse_moment(known_at), lang_of(request), visible=_visible(request)
    )


@router.get(
    "/organisations/{org}/studies/{study}",
    dependencies=[require(READ)],
    summary="Eén onderzoek als rapport / one study as a report",
)
def study(
    request: Request, org: str, study: str, at: str | None = AT, known_at: str | None = KNOWN_AT
) -> dict[str, Any]:
    return svc.study_detail(_store(request), org, study, parse_day(at), parse_moment(known_at), lang_of(request))


@router.get(
    "/recommendations",
    dependencies=[require(READ, org=None)],
    summary="Aanbevelingen en hun stand / recommendations and where they stand",
)
def recommendations(
    request: Request,
    organisation: str | None = None,
    status: str | None = Query(None, description="a state, or 'overdue'"),
    audit_body: str | None = None,
    at: str | None = AT,
    known_at: str | None = KNOWN_AT,
) -> dict[str, Any]:
    return svc.recommendations(
        _store(request),
        organisation,
        status,
        parse_day(at),
        parse_moment(known_at),
        audit_body,
        lang_of(request),
        visible=_visible(request),
    )


@router.get(
    "/follow-up/monitor",
    dependencies=[require(READ, org=None)],
    summary="Opvolgingsmonitor / follow-up monitor",
)
def monitor(
    request: Request,
    organisation: str | None = None,
    audit_body: str | None = None,
    at: str | None = AT,
    known_at: str | None = KNOWN_AT,
) -> dict[str, Any]:
    return svc.monitor(
        _store(request),
        organisation,
        audit_body,
        parse_day(at),
        parse_moment(known_at),
        lang_of(request),
        visible=_visible(request),
    )


@router.post(
    "/organisations/{org}/studies/{study}/recommendations/{number}/status",
    dependencies=[require(STUDY)],
    summary="Stand van een aanbeveling vastleggen / record a recommendation's status",
)
def record_status(
    request: Request,
    org: str,
    study: str,
    number: str,
    body: dict[str, Any] = Body(  # noqa: B008
        ...,
        examples=[{"status": "in_uitvoering", "date": "2019-03", "source": "rib-2019-03", "quote": "…", "reason": "…"}],
    ),
    dry_run: bool = False,
    version: int | None = Query(None, description="the version the change was made on; -1: new"),
) -> dict[str, Any]:
    _require_type(request, _JSON)
    change = svc.StatusChange(
        org,
        study,
        number,
        str(body.get("status") or ""),
        str(body.get("date") or ""),
        body.get("source"),
        body.get("new_source"),
        body.get("quote"),
        None if body.get("page") is None else str(body["page"]),
        body.get("text"),
    )
    return svc.record_status(
        _store(request),
        change,
        author(request),
        str(body.get("reason") or ""),
        "api",
        dry_run,
        lang_of(request),
        version,
    )
