"""API for cooperation trajectories: the same service functions as the CLI and the pages, as JSON.

Include with ``app.include_router(router)`` (the prefix /api/v1 is part of the router). Writes
take a JSON body (the item in the dataset format) and ``who``/``reason`` in the query, like the
other writes of the API; ``dry_run=true`` checks without writing.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Query, Request

from raadhuis.services import trajectories as svc
from raadhuis.web.api.routes import _JSON, _require_type
from raadhuis.web.common import lang_of, parse_day

router = APIRouter(prefix="/api/v1", tags=["trajectories"])

AT = Query(None, description="YYYY-MM-DD, default today: which milestone windows have passed, which figures")


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/trajectories", summary="Samenwerkingstrajecten / cooperation trajectories")
def trajectories(request: Request, organisation: str | None = None, at: str | None = AT) -> dict[str, Any]:
    return svc.trajectories(_store(request), organisation, parse_day(at), lang_of(request))


@router.get("/trajectories/{trajectory}", summary="Eén traject / one trajectory")
def trajectory(request: Request, trajectory: str, at: str | None = AT) -> dict[str, Any]:
    return svc.trajectory(_store(request), trajectory, parse_day(at), lang_of(request))


@router.get(
    "/trajectories/{trajectory}/tasks/{task}/assessment",
    summary="De opties van één taak naast elkaar / the options of one task side by side",
)
def assess(request: Request, trajectory: str, task: str, at: str | None = AT) -> dict[str, Any]:
    return svc.assess(_store(request), trajectory, task, parse_day(at), lang_of(request))


@router.get("/cooperation-outcomes", summary="Herkomst en effecten van samenwerkingen / cooperation outcomes")
def outcomes(request: Request) -> dict[str, Any]:
    return svc.outcomes(_store(request), lang_of(request))


@router.post("/trajectories/{trajectory}/options", status_code=201, summary="Optie toevoegen / add an option")
def add_option(
    request: Request,
    trajectory: str,
    option: dict[str, Any] = Body(...),
    who: str = Query(..., description="who makes the change"),
    reason: str = Query(..., min_length=1, description="why"),
    dry_run: bool = False,
) -> dict[str, Any]:
    _require_type(request, _JSON)
    return svc.add_option(_store(request), trajectory, option, who, reason, "api", dry_run).to_dict()


@router.post(
    "/trajectories/{trajectory}/milestones", status_code=201, summary="Mijlpaal vastleggen / record a milestone"
)
def record_milestone(
    request: Request,
    trajectory: str,
    milestone: dict[str, Any] = Body(...),
    who: str = Query(..., description="who makes the change"),
    reason: str = Query(..., min_length=1, description="why"),
    dry_run: bool = False,
) -> dict[str, Any]:
    _require_type(request, _JSON)
    return svc.record_milestone(_store(request), trajectory, milestone, who, reason, "api", dry_run).to_dict()


@router.post("/assessments", status_code=201, summary="Een optie beoordelen / score an option")
def score(
    request: Request,
    assessment: dict[str, Any] = Body(...),
    who: str = Query(..., description="who makes the change"),
    reason: str = Query(..., min_length=1, description="why"),
    dry_run: bool = False,
) -> dict[str, Any]:
    _require_type(request, _JSON)
    return svc.score(_store(request), assessment, who, reason, "api", dry_run).to_dict()
