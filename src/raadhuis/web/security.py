"""What every response and request passes: the Host check, the cross-site check for
changes, the security headers and the browser cookie.

* **Host**: only the configured host names (loopback by default) are answered, so a
  page on another site can not reach the workbench by DNS rebinding.
* **Cross-site changes**: a POST (PUT, PATCH, DELETE) whose ``Origin`` is another site, or
  that the browser marks ``Sec-Fetch-Site: cross-site``, is refused before any route runs
  (forms carry a CSRF token as well, see :mod:`raadhuis.web.csrf`).
* **Headers** on every response: a Content-Security-Policy without ``'unsafe-inline'``
  (scripts and styles come from /static; the few ``<style>`` blocks the renderers embed
  in an SVG or the report are allowed by their SHA-256, computed here from the same
  constants), frame-ancestors 'none', Referrer-Policy, Permissions-Policy,
  X-Content-Type-Options, and HSTS behind TLS.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from raadhuis.i18n.access_messages import both
from raadhuis.web.settings import host_allowed

_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
_STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.S)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@cache
def style_hashes() -> tuple[str, ...]:
    """The hashes of the ``<style>`` blocks our own renderers write (never of anything a
    user typed): the org chart, the network, and the stand-alone HTML report."""
    found: list[str] = []
    for module in ("raadhuis.render.orgchart", "raadhuis.render.network"):
        try:
            style = __import__(module, fromlist=["_STYLE"])._STYLE
        except (ImportError, AttributeError):  # pragma: no cover - a renderer that has none
            continue
        found.append(_sha256(style))
    report = Path(__file__).resolve().parents[1] / "report" / "templates" / "report.html"
    if report.exists():
        found += [_sha256(block) for block in _STYLE_BLOCK.findall(report.read_text("utf-8"))]
    return tuple(found)


def content_security_policy() -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' " + " ".join(style_hashes()),
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)


def _same_site(request: Request, allowed: tuple[str, ...]) -> bool:
    if request.headers.get("sec-fetch-site", "") == "cross-site":
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser, or an old one: the CSRF token still has to match
    parts = urlsplit(origin)
    return origin != "null" and bool(parts.netloc) and host_allowed(parts.netloc, allowed)


class _Guard:
    """The checks and headers as plain ASGI middleware: the app's answer passes through as it is
    sent (no copy of its body through a stream, as a ``BaseHTTPMiddleware`` makes), with the
    headers added to its start."""

    def __init__(self, app: ASGIApp, page: Callable[..., Response]) -> None:
        self.app = app
        self.page = page
        self.csp = content_security_policy()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        settings = request.app.state.settings
        refusal: Response | None = None
        host = request.headers.get("host", "")
        if not host_allowed(host, settings.allowed_hosts):
            # Plain text on purpose: no page, no names, nothing a rebinding page could use.
            refusal = PlainTextResponse(
                both("auth.bad_host", host=host[:100], hosts=", ".join(settings.allowed_hosts)), status_code=400
            )
        elif request.method in _UNSAFE and not _same_site(request, settings.allowed_hosts):
            if request.url.path.startswith("/api/"):
                refusal = JSONResponse(
                    {"errors": [dict(_message("auth.cross_site", request), field=None, line=None)]}, status_code=403
                )
            else:  # a person's browser: a page in their language, with a way back
                from raadhuis.web.common import LANG_COOKIE

                chosen = (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE))
                request.state.lang = next((v for v in chosen if v in ("nl", "en")), request.app.state.default_lang)
                refusal = self.page(request, 403, _message("auth.cross_site", request)["message"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if refusal is None:
                    from raadhuis.web.csrf import cookie_header

                    cookie = cookie_header(request)
                    if cookie is not None:
                        headers.append("set-cookie", cookie)
                headers.setdefault("Content-Security-Policy", self.csp)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "same-origin")
                headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
                headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
                if settings.secure_cookies:
                    headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                if request.url.path.startswith(("/signin", "/account", "/admin")):
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
        else:
            await self.app(scope, receive, send_with_headers)


def install(app: FastAPI, page: Callable[..., Response]) -> None:
    """Add the checks and headers to ``app`` (outside every other middleware). ``page`` is the
    error page (web.errors.page), given by the app: the error page takes its headers from here."""
    app.add_middleware(_Guard, page=page)


def _message(key: str, request: Request, **values: object) -> dict[str, str]:
    from raadhuis.i18n.access_messages import message

    lang = getattr(request.state, "lang", "nl")
    return {
        "message": message(key, lang, **values),
        "message_nl": message(key, "nl", **values),
        "message_en": message(key, "en", **values),
        "code": key.split(".", 1)[1],
    }
