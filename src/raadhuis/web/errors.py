"""Error pages in the reader's language, with a way back, and never a traceback.

Every refusal a browser can meet — a page that is not there (404), not allowed (403), a
method the address does not take (405), a body too large (413), a form whose CSRF token does
not match (403), an error inside Raadhuis (500) — is a page with a title that says what
happened, a sentence on what to do, a link back to the page the reader came from (when it is
on this site) and one to the start page. The API answers the same as JSON
(``{"errors": [{"message", "message_en", ...}]}``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from raadhuis.web.common import render, tr

log = logging.getLogger("raadhuis.web")

# The statuses with a title and an explanation of their own (web_messages: web.status.*).
KNOWN = (400, 401, 403, 404, 405, 409, 413, 422, 500, 503)
# What the routing says in English, by status: replaced by the reader's sentence.
_ROUTING_DETAIL = {"Not Found", "Method Not Allowed", "Internal Server Error", "Bad Request", "Forbidden"}


def back_link(request: Request) -> str | None:
    """Where the reader came from, when that is a page of this site other than this one."""
    referer = request.headers.get("referer", "")
    if not referer:
        return None
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.headers.get("host", ""):
        return None
    if parts.scheme not in ("", "http", "https") or not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return None if target == here else target


def title_of(status: int, lang: str) -> str:
    return tr(f"web.status.{status}" if status in KNOWN else "error", lang)


def page(
    request: Request,
    status: int,
    message: str | None = None,
    errors: Sequence[object] | None = None,
    title: str | None = None,
) -> Response:
    """The error page for ``status``: its title, the message (or the status's own sentence),
    the errors, and the ways back."""
    lang = str(getattr(request.state, "lang", "nl"))
    if message in _ROUTING_DETAIL:
        message = None
    if message:  # a check's message is English where it is raised; the page says it in the reader's
        from raadhuis.i18n.errors import translate

        message = translate(message, lang)
    explain = tr(f"web.status.{status}.explain", lang) if status in KNOWN else None
    return render(
        request,
        "error.html",
        status,
        title=title or title_of(status, lang),
        message=message,
        errors=errors,
        explain=explain,
        back=back_link(request),
        code=status,
    )


def api_body(request: Request, status: int, detail: str) -> dict[str, object]:
    from raadhuis.i18n.errors import translate

    lang = str(getattr(request.state, "lang", "nl"))
    if detail in _ROUTING_DETAIL:
        return {
            "errors": [
                {
                    "field": None,
                    "line": None,
                    "message": title_of(status, lang),
                    "message_en": title_of(status, "en"),
                }
            ]
        }
    return {"errors": [{"field": None, "message": translate(detail, lang), "message_en": detail, "line": None}]}


def install(app: FastAPI, api: Callable[[Request], bool]) -> None:
    """Answer the routing's own refusals (no such page, a method not taken) and any error
    inside a page as pages of our own; the API as JSON."""

    @app.exception_handler(StarletteHTTPException)
    async def routing_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        if api(request):
            return JSONResponse(api_body(request, exc.status_code, str(exc.detail)), exc.status_code, headers=headers)
        response = page(request, exc.status_code, str(exc.detail))
        response.headers.update(headers)
        return response

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # Logged in full for whoever runs the server; the reader gets a sentence, not a traceback.
        log.exception("error in %s %s", request.method, request.url.path, exc_info=exc)
        if api(request):
            response: Response = JSONResponse(api_body(request, 500, "Internal Server Error"), 500)
        else:
            response = page(request, 500)
        # This answer leaves outside the middleware that sets the security headers: set them here.
        from raadhuis.web.security import PERMISSIONS_POLICY, content_security_policy

        response.headers["Content-Security-Policy"] = content_security_policy()
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        return response
