"""The REST API (/api/v1): the same service functions as the pages and the CLI, as JSON.

Errors are ``{"errors": [{"field", "message", "line"}]}`` with a 4xx status. Posts take
JSON (or YAML for a dataset) only, which a cross-site form cannot send without the
browser asking first, so they need no CSRF token.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, HTTPException, Query, Request, Response
from starlette._utils import get_route_path
from starlette.types import ASGIApp, Receive, Scope, Send

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.services import register, web_queries
from raadhuis.services.timeline import timeline as timeline_of
from raadhuis.web import answers
from raadhuis.web.access import READ, WRITE, allowed_everywhere, author, can, may_write, require
from raadhuis.web.common import lang_of, parse_day, parse_view, recorded
from raadhuis.web.guard import off_loop

router = APIRouter(tags=["register"])

_JSON = ("application/json",)
_DATASET = ("application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")


def _require_type(request: Request, allowed: tuple[str, ...]) -> None:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in allowed:
        raise HTTPException(415, f"expected Content-Type one of {', '.join(allowed)}, got {kind or 'none'!r}")


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/organisations", dependencies=[require(READ, org=None)], summary="Organisaties / organisations")
def organisations(request: Request, q: str | None = None) -> list[dict[str, Any]]:
    return [o for o in register.list_organisations(_store(request), q) if can(request, READ, o["id"])]


def _tree_etag(state: tuple[Any, ...]) -> tuple[str, dict[str, str]]:
    # The ETag is the register's state (web/answers.py): 304 when the client has it; the version
    # to send back as ?seen= with a change (optimistic concurrency) is part of that state.
    return answers.etag_of("as-of", *state), {"X-Raadhuis-Version": str(state[2])}


@router.get(
    "/organisations/{org}",
    dependencies=[require(READ)],
    summary="Een organisatie op een datum / an organisation as of a date",
)
async def organisation(
    request: Request,
    response: Response,
    org: str,
    at: str | None = Query(None, description="YYYY-MM-DD, default today"),
    view: str = Query("actual", description="actual or planned"),
) -> Response:
    store, day, chosen = _store(request), parse_day(at), parse_view(view)
    # The state (one indexed query, ~0.1 ms) is read on the event loop: under load the hop to a
    # worker thread and back cost more than the query. Making the answer runs in a worker thread.
    state = register.as_of_state(store, org, day, chosen)
    etag, headers = _tree_etag(state)
    return await answers.send(request, etag, lambda: register.show(store, org, day, chosen), headers)


class KeptTree:
    """ASGI middleware: a GET of the as-of tree (``{prefix}{org}``) whose answer is kept (or a 304)
    is answered here, with what :func:`organisation` would answer, before FastAPI's routing and
    dependencies (under load they cost as much as the rest of the request). Everything else goes on
    to the app: other requests, and this one when the answer is not kept, when the access rule
    would have to read the database (or refuses), or when the day, the view or the organisation is
    wrong (the route says what)."""

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path = get_route_path(scope)
            org = path[len(self.prefix) :] if path.startswith(self.prefix) else ""
            if org and "/" not in org:
                kept = _kept_tree(Request(scope, receive), org)
                if kept is not None:
                    await kept(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def _kept_tree(request: Request, org: str) -> Response | None:
    if not allowed_everywhere(request, READ):
        return None
    query = request.query_params
    try:
        day, chosen = parse_day(query.get("at")), parse_view(query.get("view", "actual"))
        state = register.as_of_state(_store(request), org, day, chosen)
    except (HTTPException, register.NotFound):
        return None
    etag, headers = _tree_etag(state)
    return answers.send_kept(request, etag, headers)


@router.get(
    "/organisations/{org}/event-dates", dependencies=[require(READ)], summary="Dagen met gebeurtenissen / event dates"
)
def event_dates(request: Request, org: str) -> list[str]:
    return web_queries.event_dates(_store(request), org)


@router.get(
    "/organisations/{org}/diff",
    dependencies=[require(READ)],
    summary="Verschil tussen twee datums / difference between two dates",
)
def diff(
    request: Request,
    org: str,
    start: str = Query(..., alias="from"),
    end: str = Query(..., alias="to"),
    view: str = "actual",
) -> dict[str, Any]:
    return register.diff(_store(request), org, parse_day(start), parse_day(end), parse_view(view))


@router.get(
    "/organisations/{org}/units/{unit}",
    dependencies=[require(READ)],
    summary="Een eenheid op een datum / a unit as of a date",
)
def unit(request: Request, org: str, unit: str, at: str | None = None, view: str = "actual") -> dict[str, Any]:
    return web_queries.unit_detail(_store(request), org, unit, parse_day(at), parse_view(view))


@router.get(
    "/organisations/{org}/units/{unit}/lineage", dependencies=[require(READ)], summary="Herkomst en opvolging / lineage"
)
def lineage(request: Request, org: str, unit: str, view: str = "actual") -> dict[str, Any]:
    return register.lineage_of(_store(request), org, unit, parse_view(view))


@router.get("/organisations/{org}/timeline", dependencies=[require(READ)], summary="Tijdlijn / timeline")
def timeline(
    request: Request,
    org: str,
    start: str | None = Query(None, alias="from"),
    end: str | None = Query(None, alias="to"),
    status: list[str] = Query(default=[]),
    type: list[str] = Query(default=[]),
    unit: str | None = None,  # noqa: A002 - the URL's word
    lang: str = "nl",
) -> dict[str, Any]:
    return timeline_of(
        _store(request),
        org,
        parse_day(start) if start else None,
        parse_day(end) if end else None,
        status or None,
        type or None,
        unit,
        lang,
    )


@router.get(
    "/organisations/{org}/cooperations",
    dependencies=[require(READ)],
    summary="Samenwerkingen van een organisatie / its cooperations",
)
def cooperations_of(request: Request, org: str) -> dict[str, Any]:
    return web_queries.cooperations(_store(request), org)


@router.get(
    "/organisations/{org}/sources",
    dependencies=[require(READ)],
    summary="Bronnen en de feiten die ze onderbouwen / sources and facts",
)
def sources_of(request: Request, org: str) -> dict[str, Any]:
    from raadhuis.services.sources import evidence

    return evidence(_store(request), org)


@router.get("/cooperations", dependencies=[require(READ, org=None)], summary="Alle samenwerkingen / all cooperations")
def cooperations(request: Request) -> dict[str, Any]:
    return web_queries.cooperations(_store(request))


@router.post(
    "/organisations/{org}/events",
    dependencies=[require(WRITE)],
    status_code=201,
    summary="Gebeurtenissen toevoegen / add events (dataset format)",
)
def add_events(
    request: Request,
    response: Response,
    org: str,
    events: list[dict[str, Any]] = Body(...),
    reason: str = Query(..., min_length=1, description="why"),
    dry_run: bool = False,
    seen: int | None = Query(
        None,
        description="the register version you read (X-Raadhuis-Version); refused with 409 when the same "
        "units changed since",
    ),
) -> dict[str, Any]:
    _require_type(request, _JSON)
    result = register.add_events(
        _store(request),
        org,
        events,
        author(request),
        reason,
        origin="api",
        dry_run=dry_run,
        seen=seen,
        lang=lang_of(request),
    )
    return recorded(response, result.to_dict())


@router.post(
    "/datasets",
    dependencies=[require(WRITE, org=None)],
    summary="Een dataset inlezen / import a dataset (YAML or JSON body)",
)
async def import_dataset(
    request: Request,
    reason: str = Query(..., min_length=1),
    dry_run: bool = False,
    name: str = "upload",
) -> dict[str, Any]:
    _require_type(request, _DATASET)
    kind = request.headers["content-type"].split(";")[0].strip().lower()
    try:
        text = (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        raise InputErrors([InputError(name, None, "(body)", "expected UTF-8 text")]) from None
    suffix = ".json" if kind == "application/json" else ".yaml"
    filename = name if name.endswith((".json", ".yaml", ".yml")) else name + suffix
    # In a worker thread: a large import must not stop the server answering others.
    result = await off_loop(
        register.import_dataset,
        _store(request),
        filename,
        who=author(request),
        reason=reason,
        dry_run=dry_run,
        text=text,
        authorise=may_write(request),
    )
    return result.to_dict()
