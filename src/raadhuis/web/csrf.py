"""Cross-site request forgery guard for the form posts: a per-browser token in a cookie,
repeated in a hidden field. A page from another site cannot read the cookie, so it
cannot fill in the field."""

from __future__ import annotations

import secrets

COOKIE = "raadhuis_csrf"
FIELD = "csrf"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def valid(cookie: str | None, submitted: object) -> bool:
    return bool(cookie) and isinstance(submitted, str) and secrets.compare_digest(cookie or "", submitted)
