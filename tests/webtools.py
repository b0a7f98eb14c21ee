"""Helpers for tests that drive the web app: the CSRF token a page gives this browser."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

BASE_URL = "http://127.0.0.1"  # the app answers loopback host names only (see raadhuis.web.settings)


def csrf_token(client: TestClient, page: str = "/") -> str:
    """The token of this client's browser cookie, as every page carries it."""
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', client.get(page).text)
    assert found, f"no CSRF token on {page}"
    return found.group(1)


def sign_in(client: TestClient, name: str, password: str) -> None:
    """Sign in through the real form, as a browser does."""
    token = csrf_token(client, "/signin")
    r = client.post("/signin", data={"csrf": token, "name": name, "password": password}, follow_redirects=False)
    assert r.status_code == 303, r.text
