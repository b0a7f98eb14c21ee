"""The browser cookie and the cross-site request forgery guard.

Every browser gets one cookie, signed with the register's key (itsdangerous): a random
browser id and, once signed in, the session id. The CSRF token in each form is an HMAC
of the browser id under the same key, so it belongs to that browser's cookie: a value
planted in a cookie by someone else is not signed and is thrown away, and a token made
for one browser fails for another. Signing in gives the browser a new id (and so a new
token): a session can not be fixed in advance.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

FIELD = "csrf"
_SALT = "raadhuis-browser"
_MAX_AGE = 30 * 24 * 3600  # a browser id older than this is renewed


@dataclass
class BrowserCookie:
    browser: str
    session: str | None = None  # the raw session id (only its hash is stored)
    changed: bool = False


def cookie_name(request: Request) -> str:
    # Behind TLS the __Host- prefix makes the browser refuse the cookie from any other host.
    return "__Host-raadhuis" if request.app.state.settings.secure_cookies else "raadhuis"


def _serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(request.app.state.secret, salt=_SALT)


def browser_cookie(request: Request) -> BrowserCookie:
    """This browser's cookie, verified; a fresh one (to be set) when missing or forged."""
    cached = getattr(request.state, "browser_cookie", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    raw = request.cookies.get(cookie_name(request))
    value: Any = None
    if raw:
        try:
            value = _serializer(request).loads(raw, max_age=_MAX_AGE)
        except BadSignature:
            value = None
    if isinstance(value, dict) and isinstance(value.get("b"), str):
        session = value.get("s") if isinstance(value.get("s"), str) else None
        cookie = BrowserCookie(value["b"], session)
    else:
        cookie = BrowserCookie(secrets.token_urlsafe(24), None, changed=True)
    request.state.browser_cookie = cookie
    return cookie


def start_session(request: Request, session: str | None) -> None:
    """After signing in (or out): a new browser id, with ``session`` (or none)."""
    request.state.browser_cookie = BrowserCookie(secrets.token_urlsafe(24), session, changed=True)


def write_cookie(request: Request, response: Response) -> None:
    cookie: BrowserCookie | None = getattr(request.state, "browser_cookie", None)
    if cookie is None or not cookie.changed:
        return
    value = _serializer(request).dumps({"b": cookie.browser, "s": cookie.session})
    response.set_cookie(
        cookie_name(request),
        value,
        httponly=True,
        samesite="lax",
        secure=request.app.state.settings.secure_cookies,
        path="/",
    )


def cookie_header(request: Request) -> str | None:
    """The ``Set-Cookie`` value :func:`write_cookie` would add (None when the cookie is unchanged),
    for middleware that adds it to a response already on its way."""
    cookie: BrowserCookie | None = getattr(request.state, "browser_cookie", None)
    if cookie is None or not cookie.changed:
        return None
    carrier = Response()
    write_cookie(request, carrier)
    return next(v.decode("latin-1") for k, v in carrier.raw_headers if k == b"set-cookie")


def token_for(request: Request) -> str:
    """The CSRF token of this browser, for the hidden field of every form."""
    key = str(request.app.state.secret).encode("utf-8")
    browser = browser_cookie(request).browser
    return hmac.new(key, f"csrf|{browser}".encode(), hashlib.sha256).hexdigest()


def valid(request: Request, submitted: object) -> bool:
    return isinstance(submitted, str) and hmac.compare_digest(token_for(request), submitted)
