"""Hardening of the web: security headers and a CSP without inline script or style on every
response, the Host check (DNS rebinding), the signed CSRF token, cross-site posts, safe
links for users' URLs, a 404 that lists nothing, and uploads cleaned up at shutdown."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from raadhuis.render.links import link_target
from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import WebSettings, for_serving, host_allowed
from tests.webtools import BASE_URL, csrf_token

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "src" / "raadhuis" / "web"
XSS_DATASET = """format: raadhuis/1
organisation: GM0168
sources:
  - id: boos
    title: Kwaadaardige bron
    url: "javascript:alert(3)"
  - id: goed
    title: Goede bron
    url: https://www.losser.nl/besluit
events:
  - id: xss-1
    type: establish
    date: 2013-01-01
    unit: {id: XSS, name: Testeenheid, kind: team, parent: OW}
    sources: [boos, goed]
"""


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="test", reason="fixture")
    with TestClient(create_app(sqlite_store), base_url=BASE_URL) as c:
        yield c


def _csp(response: object) -> str:
    return str(response.headers["content-security-policy"])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/o/GM0168",
        "/o/GM0168/u/BSP",
        "/api/v1/organisations",
        "/static/app.css",
        "/nope",
        "/o/GM9999",
        "/api/v1/docs",
        "/api/v1/organisations/GM0168/report.html",
    ],
)
def test_security_headers_on_every_response(client: TestClient, url: str) -> None:
    r = client.get(url)
    csp = _csp(r)
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"].startswith("'self'")
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"
    assert "camera=()" in r.headers["permissions-policy"] and "geolocation=()" in r.headers["permissions-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    assert "strict-transport-security" not in r.headers  # only behind TLS


def test_hsts_and_secure_cookie_behind_tls(sqlite_store: Store) -> None:
    app = create_app(sqlite_store, settings=WebSettings(secure_cookies=True))
    with TestClient(app, base_url="https://127.0.0.1") as c:
        r = c.get("/")
        assert r.headers["strict-transport-security"].startswith("max-age=")
        cookie = r.headers["set-cookie"]
        assert cookie.startswith("__Host-raadhuis=") and "Secure" in cookie and "HttpOnly" in cookie
        assert "samesite=lax" in cookie.lower() and "Path=/" in cookie


def _inline_styles_and_scripts(html: str) -> list[str]:
    found = [m for m in re.findall(r"<script\b[^>]*>", html) if "src=" not in m]
    found += re.findall(r"<[^>]+\sstyle=\"[^\"]*\"", html)
    found += re.findall(r"<[^>]+\son[a-z]+=", html)
    return found


def test_templates_and_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for path in (WEB / "templates").glob("*.html"):
        text = path.read_text("utf-8")
        assert "<style" not in text and not _inline_styles_and_scripts(text), path.name
    allowed = set(re.findall(r"'sha256-[^']+'", _csp(client.get("/"))))
    for url in (
        "/",
        "/o/GM0168?at=2012-01-01",
        "/o/GM0168/diff?start=2011-12-31&end=2012-01-01",
        "/o/GM0168/cooperations",
        "/o/GM0168/dashboard",
        "/o/GM0168/u/BSP",
        "/o/GM0168/timeline",
        "/o/GM0168/edit",
        "/api/v1/organisations/GM0168/report.html?at=2017-12-31",
        "/api/v1/docs",
    ):
        html = client.get(url).text
        assert not _inline_styles_and_scripts(html), url
        for block in re.findall(r"<style>(.*?)</style>", html, re.S):  # the renderers' own, allowed by hash
            digest = "'sha256-" + base64.b64encode(hashlib.sha256(block.encode()).digest()).decode() + "'"
            assert digest in allowed, url


def test_foreign_host_header_is_refused_and_nothing_is_written(client: TestClient) -> None:
    r = client.get("/api/v1/organisations", headers={"Host": "evil.example"})
    assert r.status_code == 400 and "evil.example" in r.text and "Losser" not in r.text
    event = {"id": "dns-1", "type": "rename", "date": "2013-01-01", "unit": "OW", "name": "Overgenomen"}
    r = client.post(
        "/api/v1/organisations/GM0168/events", params={"reason": "x"}, json=[event], headers={"Host": "evil.example"}
    )
    assert r.status_code == 400
    assert "Overgenomen" not in client.get("/o/GM0168", params={"at": "2014-01-01"}).text
    for host in ("127.0.0.1:8103", "localhost", "[::1]:8000"):
        assert client.get("/", headers={"Host": host}).status_code == 200, host


def test_who_is_served_follows_the_serve_options() -> None:
    from raadhuis.web.settings import Mode

    assert for_serving().mode is Mode.SINGLE  # raadhuis serve: one user, no accounts
    assert for_serving("localhost").mode is Mode.SINGLE
    assert for_serving(multi_user=True).mode is Mode.ACCOUNTS
    assert for_serving("10.0.0.5").mode is Mode.ACCOUNTS  # beyond loopback: always accounts
    assert for_serving("0.0.0.0", allowed_hosts=["r.gemeente.nl"]).mode is Mode.ACCOUNTS
    assert for_serving("0.0.0.0", public=True, allowed_hosts=["r.gemeente.nl"]).mode is Mode.PUBLIC


def test_host_names_from_the_serve_options() -> None:
    assert for_serving().allowed_hosts == ("127.0.0.1", "localhost", "::1")
    assert "register.gemeente.nl" in for_serving("10.0.0.5", allowed_hosts=["register.gemeente.nl"]).allowed_hosts
    assert "10.0.0.5" in for_serving("10.0.0.5").allowed_hosts
    assert host_allowed("a.gemeente.nl:443", ("*.gemeente.nl",)) and not host_allowed(
        "gemeente.nl.evil", ("*.gemeente.nl",)
    )


def test_csrf_token_is_tied_to_the_signed_browser_cookie(client: TestClient, sqlite_store: Store) -> None:
    form = {"action": "rename", "unit": "OW", "name": "Buitendienst", "date": "2013-01-01", "reason": "b"}
    assert client.post("/o/GM0168/edit", data=form).status_code == 403  # no token
    assert client.post("/o/GM0168/edit", data=dict(form, csrf="forged")).status_code == 403
    # A planted cookie (a double-submit value someone else chose) is not signed: refused.
    with TestClient(create_app(sqlite_store), base_url=BASE_URL) as other:
        other.cookies.set("raadhuis", "planted")
        assert other.post("/o/GM0168/edit", data=dict(form, csrf="planted")).status_code == 403
        # A real token, but of another browser: refused too.
        stolen = csrf_token(other)
    assert client.post("/o/GM0168/edit", data=dict(form, csrf=stolen)).status_code == 403
    r = client.post("/o/GM0168/edit", data=dict(form, csrf=csrf_token(client)), follow_redirects=False)
    assert r.status_code == 303


def test_cross_site_post_is_refused_before_any_route(client: TestClient) -> None:
    form = {
        "action": "rename",
        "unit": "OW",
        "name": "X",
        "date": "2013-01-01",
        "reason": "b",
        "csrf": csrf_token(client),
    }
    r = client.post("/o/GM0168/edit", data=form, headers={"Origin": "https://evil.example"})
    # A page in the reader's language (web/errors.py); the API answers JSON (test_web_errors).
    assert r.status_code == 403 and "Een wijziging vanaf een andere website wordt geweigerd." in r.text
    r = client.post("/o/GM0168/edit", data=form, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    r = client.post("/o/GM0168/edit", data=form, headers={"Origin": BASE_URL}, follow_redirects=False)
    assert r.status_code == 303


def test_only_http_https_and_mailto_become_links(client: TestClient, sqlite_store: Store) -> None:
    for bad in (
        "javascript:alert(3)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/x",
        "http:/x",
        "",
        None,
    ):
        assert link_target(bad) is None, bad
    for good in ("https://www.losser.nl/besluit", "http://example.org", "mailto:griffie@losser.nl"):
        assert link_target(good) == good
    register.import_dataset(sqlite_store, "xss.yaml", who="test", reason="xss", text=XSS_DATASET)
    html = client.get("/api/v1/organisations/GM0168/report.html", params={"at": "2014-01-01"}).text
    assert "javascript:alert(3)" in html  # shown, as text
    assert 'href="javascript' not in html.lower()
    assert '<a href="https://www.losser.nl/besluit">' in html
    for url in ("/o/GM0168/sources", "/o/GM0168/u/XSS?at=2014-01-01", "/o/GM0168/timeline"):
        assert 'href="javascript' not in client.get(url).text.lower(), url


def test_not_found_lists_no_organisations(client: TestClient) -> None:
    for url in ("/o/GM9999", "/api/v1/organisations/GM9999"):
        r = client.get(url)
        assert r.status_code == 404
        assert "GM0168" not in r.text and "Losser" not in r.text.split("<main", 1)[-1], url


def test_uncommitted_uploads_are_removed_when_the_server_stops(sqlite_store: Store) -> None:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="test", reason="fixture")
    good = b"format: raadhuis/1\norganisation: GM0168\nevents: []\n"
    app = create_app(sqlite_store)
    with TestClient(app, base_url=BASE_URL) as c:
        r = c.post("/upload", data={"csrf": csrf_token(c)}, files={"file": ("good.yaml", good)})
        assert r.status_code == 200, r.text
        folder = app.state.upload_dir.folder
        assert any(folder.iterdir())
    assert not folder.exists()
