"""API for cooperation trajectories: the same service functions as the CLI and the pages, as JSON.

Include with ``app.include_router(router)`` (the prefix /api/v1 is part of the router). Writes
take a JSON body (the item in the dataset format) and ``reason`` in the query, like the other
writes of the API, and are recorded under the caller's name; ``dry_run=true`` checks without
writing; ``version`` is the version of the trajectory the change was made on (a newer one by
someone else: 409). Each route needs the permission on at least one participant.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Query, Request, Response

from raadhuis.services import trajectories as svc
from raadhuis.services.register import NotFound
from raadhuis.web.access import READ, WRITE, author, can, require
from raadhuis.web.api.routes import _JSON, _require_type
from raadhuis.web.common import lang_of, parse_day, recorded
from raadhuis.web.trajectory_access import allowed, participants_may, readable

router = APIRouter(prefix="/api/v1", tags=["trajectories"])

AT = Query(None, description="YYYY-MM-DD, default today: which milestone windows have passed, which figures")


def _store(request: Request) -> Any:
    return request.app.state.store


READ_ANY = [require(READ, org=None)]  # then: on at least one participant
WRITE_ANY = [require(WRITE, org=None)]
VERSION = Query(None, description="the version the change was made on (409 when someone changed it since)")


@router.get("/trajectories", dependencies=READ_ANY, summary="Samenwerkingstrajecten / cooperation trajectories")
def trajectories(request: Request, organisation: str | None = None, at: str | None = AT) -> dict[str, Any]:
    return readable(request, svc.trajectories(_store(request), organisation, parse_day(at), lang_of(request)))


@router.get("/trajectories/{trajectory}", dependencies=READ_ANY, summary="Eén traject / one trajectory")
def trajectory(request: Request, trajectory: str, at: str | None = AT) -> dict[str, Any]:
    allowed(request, trajectory)
    return svc.trajectory(_store(request), trajectory, parse_day(at), lang_of(request))


@router.get(
    "/trajectories/{trajectory}/tasks/{task}/assessment",
    dependencies=READ_ANY,
    summary="De opties van één taak naast elkaar / the options of one task side by side",
)
def assess(request: Request, trajectory: str, task: str, at: str | None = AT) -> dict[str, Any]:
    allowed(request, trajectory)
    return svc.assess(_store(request), trajectory, task, parse_day(at), lang_of(request))


@router.get(
    "/cooperation-outcomes",
    dependencies=READ_ANY,
    summary="Herkomst en effecten van samenwerkingen / cooperation outcomes",
)
def outcomes(request: Request, organisation: str | None = None) -> dict[str, Any]:
    found = svc.outcomes(_store(request), lang_of(request), organisation)
    # Only the cooperations of an organisation the caller may read.
    return {k: o for k, o in found.items() if any(can(request, READ, p["id"]) for p in o["participants"])}


@router.post(
    "/trajectories/{trajectory}/options",
    dependencies=WRITE_ANY,
    status_code=201,
    summary="Optie toevoegen / add an option",
)
def add_option(
    request: Request,
    response: Response,
    trajectory: str,
    option: dict[str, Any] = Body(...),
    reason: str = Query(..., min_length=1, description="why"),
    dry_run: bool = False,
    version: int | None = VERSION,
) -> dict[str, Any]:
    allowed(request, trajectory, WRITE)
    _require_type(request, _JSON)
    result = svc.add_option(_store(request), trajectory, option, author(request), reason, "api", dry_run, version)
    return recorded(response, result.to_dict())


@router.post(
    "/trajectories/{trajectory}/milestones",
    dependencies=WRITE_ANY,
    status_code=201,
    summary="Mijlpaal vastleggen / record a milestone",
)
def record_milestone(
    request: Request,
    response: Response,
    trajectory: str,
    milestone: dict[str, Any] = Body(...),
    reason: str = Query(..., min_length=1, description="why"),
    dry_run: bool = False,
    version: int | None = VERSION,
) -> dict[str, Any]:
    allowed(request, trajectory, WRITE)
    _require_type(request, _JSON)
    store = _store(request)
    result = svc.record_milestone(store, trajectory, milestone, author(request), reason, "api", dry_run, version)
    return recorded(response, result.to_dict())


@router.post("/assessments", dependencies=WRITE_ANY, status_code=201, summary="Een optie beoordelen / score an option")
def score(
    request: Request,
    response: Response,
    assessment: dict[str, Any] = Body(...),
    reason: str = Query(..., min_length=1, description="why"),
    dry_run: bool = False,
    version: int | None = Query(None, description="the version of this assessor's record the change was made on"),
) -> dict[str, Any]:
    _require_type(request, _JSON)
    try:
        participants = svc.participants(_store(request), str(assessment.get("trajectory", "")))
    except NotFound:
        participants = []  # an unknown trajectory: the checks report it at its field
    if participants:
        participants_may(request, WRITE, participants)
    result = svc.score(_store(request), assessment, author(request), reason, "api", dry_run, version)
    return recorded(response, result.to_dict())
