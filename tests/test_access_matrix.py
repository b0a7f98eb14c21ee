"""The authorisation matrix, built from the app's own route table: every route × every
role (on its own organisation and on another), anonymous, and a token of each scope.

A route without a rule fails ``test_every_route_has_one_rule``. A route with a path
parameter this test has no sample for fails ``test_matrix`` until one is added below.
The expected answers are written out here (``ALLOWED``), not taken from the app.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from raadhuis.services import accounts, register
from raadhuis.store.database import Store
from raadhuis.web.access import route_table, unruled
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings
from tests.webtools import BASE_URL, sign_in

ROOT = Path(__file__).resolve().parents[1]
OWN, OTHER = "GM0168", "GM0518"  # Losser (the roles are on it) and Den Haag
PASSWORD = "correct horse battery"
ROLES = ("lezer", "redacteur", "onderzoeker", "beheerder")
# What each permission lets through, by role: the table the app must agree with.
ALLOWED = {
    "read": {"lezer", "redacteur", "onderzoeker", "beheerder"},
    "write": {"redacteur", "beheerder"},
    "study": {"onderzoeker", "beheerder"},
    "admin": {"beheerder"},
}
# What a token of each scope lets through (its user is beheerder of OWN).
TOKEN_ALLOWS = {"read": {"read"}, f"write:{OWN}": {"read", "write"}, f"study:{OWN}": {"read", "study"}}
SAMPLES = {"unit": "BSP", "event_id": "bsp-samenvoeging", "token": "A" * 24, "token_id": "999999"}
SAMPLES |= {"trajectory": "vvh-enschede-2011", "task": "vvh"}
SAMPLES |= {
    "scenario": "herijking-2011",
    "fmt": "pdf",
}  # Losser's scenario in the example  # a trajectory Losser takes part in
SAMPLES |= {"study": "rekenkamer-losser-2017", "number": "3a"}  # the Losser rekenkamer study of 2017
SAMPLES |= {"programme": "losser-flexibel-en-verbonden", "what": "reading"}  # a programme of Losser, a form


@pytest.fixture
def world(store: Store) -> Iterator[tuple[Store, dict[str, str]]]:
    for name in ("losser.yaml", "den-haag.yaml"):
        register.import_dataset(store, ROOT / "examples" / name, who="test", reason="matrix")
    for role in ROLES:
        accounts.add_user(store, role, "test", password=PASSWORD, grants=[(OWN, role)])
    tokens = {scope: accounts.add_token(store, "beheerder", [scope], "test")["token"] for scope in TOKEN_ALLOWS}
    yield store, tokens


def _app(store: Store, mode: Mode) -> TestClient:
    return TestClient(create_app(store, settings=WebSettings(mode=mode)), base_url=BASE_URL)


def _url(path: str, org: str) -> str:
    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "org":
            return org
        assert name in SAMPLES, f"add a sample value for path parameter {{{name}}} to SAMPLES in this test"
        return SAMPLES[name]

    return re.sub(r"\{(\w+)(?::\w+)?\}", fill, path)


def _cases(client: TestClient) -> list[tuple[str, str, object]]:
    out = []
    for entry in route_table(client.app):  # type: ignore[arg-type]
        if entry.kind != "api":
            continue
        for method in entry.methods:
            if method == "HEAD":
                continue
            orgs = (OWN, OTHER) if "{org}" in entry.path else (OWN,)
            for org in orgs:
                out.append((method, _url(entry.path, org), (entry.rules[0], "{org}" in entry.path and org)))
    return out


def _refused(r: object, api: bool, anonymous: bool) -> bool:
    """Did the rule refuse (not the route's own checks, such as a missing CSRF token)?"""
    status = r.status_code  # type: ignore[attr-defined]
    if anonymous:
        if api:
            return status == 401 and r.json()["errors"][0]["code"] in ("sign_in", "bad_token")  # type: ignore[attr-defined]
        return status == 303 and r.headers["location"].startswith("/signin")  # type: ignore[attr-defined]
    if status != 403:
        return False
    if api:
        return r.json()["errors"][0]["code"] in ("forbidden", "forbidden_org", "token_scope")  # type: ignore[attr-defined]
    return "geen rechten" in r.text  # type: ignore[attr-defined]


def _expect(rule: object, org: object, role: str | None, scope: str | None) -> bool:
    kind, permission = rule.kind, rule.permission  # type: ignore[attr-defined]
    if kind == "public":
        return True
    if role is None and scope is None:
        return False  # anonymous
    if kind == "signed_in":
        return True
    if getattr(rule, "every", False):
        return False  # on every organisation (adding one): no role here is granted on all of them
    own = org in (False, OWN)  # False: the route names no organisation ("on some organisation")
    if scope is not None:  # the token's user is beheerder of OWN only
        return own and permission.value in TOKEN_ALLOWS[scope]
    return own and role in ALLOWED[permission.value]


def _call(client: TestClient, method: str, url: str, headers: dict[str, str] | None = None) -> object:
    # No CSRF token and no body: an allowed route stops at its own checks, nothing is written.
    return client.request(method, url, headers=headers, follow_redirects=False)


def test_every_route_has_one_rule(sqlite_store: Store) -> None:
    app = create_app(sqlite_store)
    assert unruled(app) == []
    # And the test notices a route without one.
    bare = APIRouter()

    @bare.get("/o/{org}/forgotten")
    def forgotten() -> dict[str, str]:
        return {}

    app.include_router(bare)
    assert unruled(app) == ["GET /o/{org}/forgotten: 0 rules"]


def test_matrix(world: tuple[Store, dict[str, str]]) -> None:
    store, tokens = world
    wrong: list[str] = []
    with _app(store, Mode.ACCOUNTS) as anonymous:
        cases = _cases(anonymous)
        assert len(cases) > 50
        for method, url, (rule, org) in cases:
            api = url.startswith("/api/")
            r = _call(anonymous, method, url)
            if _refused(r, api, True) == _expect(rule, org, None, None):
                wrong.append(f"anonymous {method} {url}: {r.status_code}")  # type: ignore[attr-defined]
    for role in ROLES:
        with _app(store, Mode.ACCOUNTS) as client:
            sign_in(client, role, PASSWORD)
            for method, url, (rule, org) in cases:
                r = _call(client, method, url)
                if _refused(r, url.startswith("/api/"), False) == _expect(rule, org, role, None):
                    wrong.append(f"{role} {method} {url}: {r.status_code}")  # type: ignore[attr-defined]
    with _app(store, Mode.ACCOUNTS) as client:
        for scope, token in tokens.items():
            for method, url, (rule, org) in cases:
                if not url.startswith("/api/"):
                    continue
                r = _call(client, method, url, {"Authorization": f"Bearer {token}"})
                if _refused(r, True, False) == _expect(rule, org, None, scope):
                    wrong.append(f"token {scope} {method} {url}: {r.status_code}")  # type: ignore[attr-defined]
        r = client.get(f"/api/v1/organisations/{OWN}", headers={"Authorization": "Bearer rh_not-a-token"})
        assert r.status_code == 401 and r.json()["errors"][0]["code"] == "bad_token"
    wrong += _public_and_single(store)
    assert not wrong, "\n".join(wrong)


def _public_and_single(store: Store) -> list[str]:
    wrong = []
    with _app(store, Mode.PUBLIC) as client:  # a published register: no write route is reachable
        for method, url, (rule, _org) in _cases(client):
            r = _call(client, method, url)
            writes = rule.kind == "signed_in" or (rule.kind == "permission" and rule.permission.value != "read")
            if writes and r.status_code != 404:  # type: ignore[attr-defined]
                wrong.append(f"public {method} {url}: {r.status_code}, expected 404")  # type: ignore[attr-defined]
            if not writes and r.status_code in (401, 403):  # type: ignore[attr-defined]
                wrong.append(f"public {method} {url}: {r.status_code}, expected readable")  # type: ignore[attr-defined]
    with _app(store, Mode.SINGLE) as client:  # the single-user workbench: everything, no account
        for method, url, _rule in _cases(client):
            r = _call(client, method, url)
            if _refused(r, url.startswith("/api/"), False) or r.status_code == 401:  # type: ignore[attr-defined]
                wrong.append(f"single user {method} {url}: {r.status_code}")  # type: ignore[attr-defined]
    return wrong
