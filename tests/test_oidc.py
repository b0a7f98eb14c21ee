"""Single sign-on through OpenID Connect, against a small provider the test starts on loopback
(tests/oidc_provider.py): the account is found by e-mail the first time and by subject after;
an identity without an account, a wrong nonce, audience, issuer or signature, a forged state:
all refused, nobody signed in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx2
import pytest
from fastapi.testclient import TestClient

from raadhuis.services import accounts, register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.pages import sso
from raadhuis.web.settings import Mode, OidcSettings, WebSettings
from tests.oidc_provider import Provider, running_provider
from tests.webtools import BASE_URL

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def provider() -> Iterator[Provider]:
    sso._cache.clear()
    with running_provider() as p:
        yield p
    sso._cache.clear()


@pytest.fixture
def client(sqlite_store: Store, provider: Provider) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="test", reason="fixture")
    accounts.add_user(sqlite_store, "anna", "test", email="anna@losser.nl", grants=[("GM0168", "redacteur")])
    oidc = OidcSettings(provider.issuer, provider.client_id, provider.client_secret, label="Gemeente-account")
    app = create_app(sqlite_store, settings=WebSettings(mode=Mode.ACCOUNTS, oidc=oidc))
    with TestClient(app, base_url=BASE_URL) as c:
        yield c


def round_trip(client: TestClient, next_page: str = "/o/GM0168") -> object:
    """Press the button, let the provider answer, come back: as the browser would."""
    start = client.get("/signin/oidc", params={"next": next_page}, follow_redirects=False)
    assert start.status_code == 303, start.text
    at_provider = httpx2.get(start.headers["location"], follow_redirects=False)
    assert at_provider.status_code == 302, at_provider.text
    back = urlsplit(at_provider.headers["location"])
    assert back.path == "/signin/oidc/callback"
    return client.get(f"{back.path}?{back.query}", follow_redirects=False)


def test_sign_in_button_and_round_trip(client: TestClient, sqlite_store: Store) -> None:
    assert "Aanmelden met Gemeente-account" in client.get("/signin").text
    r = round_trip(client)
    assert r.status_code == 303 and r.headers["location"] == "/o/GM0168", r.text  # type: ignore[attr-defined]
    page = client.get("/o/GM0168")
    assert page.status_code == 200 and 'href="/account">anna</a>' in page.text
    # Linked by subject now: a changed e-mail address still finds anna.
    client.post("/signout", data={"csrf": page.text.split('name="csrf-token" content="')[1].split('"')[0]})
    from raadhuis.store.tables import AppUser

    with sqlite_store.session() as s:
        user = s.query(AppUser).filter_by(name="anna").one()
        assert user.oidc_subject == "u-1001" and user.oidc_issuer.startswith("http://127.0.0.1:")


def test_an_identity_without_an_account_gets_no_access(client: TestClient, provider: Provider) -> None:
    provider.person = {"sub": "u-2002", "email": "onbekend@elders.nl"}
    r = round_trip(client)
    assert r.status_code == 403 and "Er is geen account voor deze identiteit" in r.text  # type: ignore[attr-defined]
    assert client.get("/o/GM0168", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("tamper", ["nonce", "audience", "issuer", "signature"])
def test_a_wrong_id_token_is_refused(client: TestClient, provider: Provider, tamper: str) -> None:
    provider.tamper = tamper
    r = round_trip(client)
    assert r.status_code == 401 and "Aanmelden via eenmalige aanmelding is mislukt" in r.text  # type: ignore[attr-defined]
    assert client.get("/o/GM0168", follow_redirects=False).status_code == 303


def test_a_forged_state_or_missing_cookie_is_refused(client: TestClient) -> None:
    start = client.get("/signin/oidc", follow_redirects=False)
    at_provider = httpx2.get(start.headers["location"], follow_redirects=False)
    back = urlsplit(at_provider.headers["location"])
    forged = back.query.replace("state=", "state=x")
    assert client.get(f"{back.path}?{forged}", follow_redirects=False).status_code == 401
    client.cookies.delete(sso.COOKIE, path="/signin/oidc")
    client.cookies.clear()
    assert client.get(f"{back.path}?{back.query}", follow_redirects=False).status_code == 401


def test_no_single_sign_on_without_configuration(sqlite_store: Store) -> None:
    app = create_app(sqlite_store, settings=WebSettings(mode=Mode.ACCOUNTS))
    with TestClient(app, base_url=BASE_URL) as c:
        assert "Aanmelden met" not in c.get("/signin").text
        assert c.get("/signin/oidc").status_code == 404
