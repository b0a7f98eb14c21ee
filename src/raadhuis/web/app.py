"""The web workbench: server-rendered pages and the REST API on one FastAPI app."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from raadhuis.canonical.errors import InputErrors
from raadhuis.i18n import LANGUAGES
from raadhuis.i18n.errors import translate
from raadhuis.services.concurrency import EditConflict
from raadhuis.services.register import NotFound
from raadhuis.store.database import Store
from raadhuis.web import access, answers, errors, security
from raadhuis.web.access import public
from raadhuis.web.common import HERE, LANG_COOKIE, render
from raadhuis.web.settings import WebSettings

API = "/api/v1"
_YEAR = 365 * 24 * 3600
_PACKED = (
    *DEFAULT_EXCLUDED_CONTENT_TYPES,
    "application/pdf",
    "application/zip",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    # Previewed uploads nobody committed or cancelled go with the server.
    if app.state.upload_dir is not None:
        app.state.upload_dir.clear()


class _Language:
    """The reader's language (``?lang=``, else the cookie, else the server's) in ``request.state.lang``,
    the cookie when ``?lang=`` chose another, and how long the app took (``Server-Timing``, up to
    the start of the response). Plain ASGI middleware: the answer passes through as it is sent."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        chosen = request.query_params.get("lang")
        cookie_lang = request.cookies.get(LANG_COOKIE)
        request.state.lang = next((v for v in (chosen, cookie_lang) if v in LANGUAGES), request.app.state.default_lang)
        started = time.perf_counter()

        async def send_timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                # How long the server took, visible in the browser's network panel and used by the speed test.
                headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
                if chosen in LANGUAGES and chosen != cookie_lang:
                    carrier = Response()
                    carrier.set_cookie(LANG_COOKIE, chosen, max_age=_YEAR, samesite="lax", httponly=True)
                    for key, value in carrier.raw_headers:
                        if key == b"set-cookie":
                            headers.append("set-cookie", value.decode("latin-1"))
            await send(message)

        await self.app(scope, receive, send_timed)


def create_app(store: Store, lang: str = "nl", settings: WebSettings | None = None) -> FastAPI:
    """The app over ``store``; ``lang`` is the language when the browser has not chosen one;
    ``settings`` say for whom it is served (default: one user on this computer)."""
    from raadhuis.services.accounts import secret_key
    from raadhuis.web.api.routes import router as api_router
    from raadhuis.web.pages import (
        change,
        coops,
        diff,
        edit,
        excel,
        figures,
        new_organisation,
        organisations,
        orgchart,
        retract,
        sources,
        timeline,
        undone,
        unit,
        upload,
    )

    app = FastAPI(
        title="Raadhuis",
        version="1",
        openapi_url=f"{API}/openapi.json",
        docs_url=None,
        redoc_url=None,
        description="Register van de ambtelijke organisatie / register of the municipal civil service",
        lifespan=_lifespan,
    )
    app.state.store = store
    app.state.default_lang = lang if lang in LANGUAGES else "nl"
    app.state.upload_dir = None
    app.state.settings = settings or WebSettings()
    app.state.secret = secret_key(store)
    # Routes that are not API routes and so carry no rule: anyone may fetch them.
    app.state.public_paths = {"/static", f"{API}/swagger", f"{API}/openapi.json"}
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount(f"{API}/swagger", StaticFiles(directory=str(Path(swagger_ui_bundle.swagger_ui_path))), name="swagger")

    from raadhuis.web.api.routes import KeptTree

    # Inside the language, gzip and security middleware (added after it, so outside it): a kept
    # as-of tree is answered before the routing, with the same headers on it.
    app.add_middleware(KeptTree, prefix=f"{API}/organisations/")
    app.add_middleware(_Language)

    # Compressed when the client accepts it (issue 16); what is compressed already is left alone,
    # and so is an answer that comes gzipped (web/answers.py).
    app.add_middleware(
        GZipMiddleware, minimum_size=answers.MIN_GZIP, compresslevel=answers.GZIP_LEVEL, exclude_content_types=_PACKED
    )
    security.install(app, errors.page)  # outermost: Host check, cross-site check, headers, the browser cookie
    access.install(app, errors.page)

    @app.get(f"{API}/openapi-3.0.json", include_in_schema=False, dependencies=[public()])
    def openapi_for_swagger_ui() -> dict[str, object]:
        # The Swagger UI that PyPI ships (swagger-ui-bundle, 4.x) reads OpenAPI 3.0 only; the
        # description FastAPI makes (3.1) renders under a 3.0 version mark. openapi.json stays 3.1.
        return dict(app.openapi(), openapi="3.0.3")

    @app.get(f"{API}/docs", include_in_schema=False, dependencies=[public()])
    def api_docs(request: Request) -> HTMLResponse:
        # Our own page rather than FastAPI's, whose start-up script is inline (the CSP forbids that).
        return render(request, "api_docs.html", title="Raadhuis API", api=API)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith(API)

    @app.exception_handler(InputErrors)
    async def input_errors(request: Request, exc: InputErrors) -> Response:
        # The reader's language for "message" (Dutch by default); the English original stays
        # in "message_en" for scripts that match on it.
        lang = request.state.lang
        body = {
            "errors": [dict(e.to_dict(), message=translate(e.message, lang), message_en=e.message) for e in exc.errors]
        }
        if is_api(request):
            return JSONResponse(body, status_code=422)
        return errors.page(request, 422, errors=exc.errors)

    @app.exception_handler(EditConflict)
    async def edit_conflict(request: Request, exc: EditConflict) -> Response:
        # 409: someone changed the same units since the version the client sent; nothing written.
        body = {"errors": [dict(e.to_dict(), message_en=e.message) for e in exc.errors], "changes": exc.changes}
        return JSONResponse(body, status_code=409)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        # Not the hint the CLI gives (the known organisations): a reader may not see them all.
        text = f"{exc.what} {exc.ref!r} not found" + (f": {exc.hint}" if exc.what != "organisation" else "")
        if is_api(request):
            message = translate(text, request.state.lang)
            return JSONResponse(
                {"errors": [{"field": exc.what, "message": message, "message_en": text, "line": None}]},
                status_code=404,
            )
        return errors.page(request, 404, text)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"field": ".".join(str(x) for x in e.get("loc", ())), "message": e.get("msg", ""), "line": None}
            for e in exc.errors()
        ]
        if is_api(request):
            return JSONResponse({"errors": problems}, status_code=422)
        return errors.page(request, 400, "; ".join(f"{e['field']}: {e['message']}" for e in problems))

    from raadhuis.web import guard

    errors.install(app, is_api)  # the routing's 404 and 405, and a 500, as pages of our own
    guard.install(app, is_api)  # body size limit; 503 while another change is being saved

    app.include_router(api_router, prefix=API)
    for module in (
        organisations,
        new_organisation,
        orgchart,
        unit,
        timeline,
        diff,
        coops,
        edit,
        change,
        figures,
        upload,
        excel,
        retract,
        sources,
        undone,
    ):
        app.include_router(module.router)
    from raadhuis.web.api.analysis import router as analysis_api
    from raadhuis.web.pages import dashboard

    app.include_router(analysis_api)  # carries its own /api/v1 prefix
    app.include_router(dashboard.router)
    from raadhuis.web.pages import account, audit, sso

    app.include_router(account.router)  # sign-in, sign-out, own account and tokens
    app.include_router(sso.router)  # single sign-on (OpenID Connect)
    app.include_router(audit.router)  # the audit trail (page, CSV, API)
    from raadhuis.web.api.trajectories import router as trajectories_api
    from raadhuis.web.pages import trajectories as trajectory_pages

    app.include_router(trajectories_api)  # carries its own /api/v1 prefix
    app.include_router(trajectory_pages.router)
    from raadhuis.web.api.studies import router as studies_api
    from raadhuis.web.pages import studies as study_pages

    app.include_router(studies_api)  # carries its own /api/v1 prefix
    app.include_router(study_pages.router)  # studies, the follow-up monitor, the status form
    from raadhuis.web.api.programmes import router as programmes_api
    from raadhuis.web.pages import programmes as programme_pages

    app.include_router(programmes_api)  # carries its own /api/v1 prefix
    app.include_router(programme_pages.router)  # overview, one programme, the forms to record
    from raadhuis.web.api.scenarios import router as scenarios_api
    from raadhuis.web.pages import scenarios as scenario_pages

    app.include_router(scenarios_api)  # carries its own /api/v1 prefix
    app.include_router(scenario_pages.router)  # scenarios, the comparison, promoting
    return app
