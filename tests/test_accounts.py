"""Accounts as a new user meets them: the first beheerder by command (no default password),
sign-in and sign-out, throttling, disabled users, API tokens and their scopes, the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from raadhuis.cli import app as cli_app
from raadhuis.services import accounts, register
from raadhuis.services.accounts import Throttle
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings
from tests.webtools import BASE_URL, csrf_token, sign_in

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "een lang wachtwoord"
runner = CliRunner()


def cli(db: Path, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(cli_app, ["--db", str(db), *args], input=stdin, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def store(sqlite_store: Store) -> Store:
    for name in ("losser.yaml", "den-haag.yaml"):
        register.import_dataset(sqlite_store, ROOT / "examples" / name, who="test", reason="fixture")
    return sqlite_store


def client_for(store: Store, **settings: object) -> TestClient:
    app = create_app(store, settings=WebSettings(mode=Mode.ACCOUNTS, **settings))  # type: ignore[arg-type]
    return TestClient(app, base_url=BASE_URL)


def test_first_beheerder_by_command_and_no_default_password(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    code, out = cli(db, "user", "list")
    assert code == 0 and "raadhuis user add" in out  # says how to make the first beheerder
    code, out = cli(db, "user", "add", "beheer", "--role", "beheerder", "--org", "alle", stdin="kort\nkort\n")
    assert code == 1 and "minstens 10 tekens" in out
    code, out = cli(
        db, "user", "add", "beheer", "--role", "beheerder", "--org", "alle", stdin=f"{PASSWORD}\nanders!!!!!!\n"
    )
    assert code == 1 and "verschillen" in out
    code, out = cli(
        db, "user", "add", "beheer", "--role", "beheerder", "--org", "alle", stdin=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert code == 0 and "beheer" in out and "alle organisaties" in out
    code, out = cli(
        db, "user", "add", "jan", "--role", "redacteur", "--org", "GM0168", "--password-stdin", stdin=PASSWORD
    )
    assert code == 1 and "GM0168" in out  # no such organisation in an empty register
    code, out = cli(db, "user", "add", "jan", "--role", "redacteur", stdin=PASSWORD)
    assert code == 2 and "--org" in out
    code, out = cli(db, "--lang", "en", "user", "list", "--format", "json")
    users = json.loads(out)
    assert [u["name"] for u in users] == ["beheer"] and users[0]["roles"] == [
        {"organisation": "*", "role": "beheerder"}
    ]
    store = Store(f"sqlite:///{db}")
    from raadhuis.store.tables import AppUser

    with store.session() as s:
        stored = s.query(AppUser).one().password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    # The stored hash signs the beheerder in; nothing else does.
    assert accounts.authenticate(store, "beheer", PASSWORD, "t") > 0
    for wrong in ("", "admin", "beheer", PASSWORD + "x"):
        with pytest.raises(accounts.AccountError):
            accounts.authenticate(store, "beheer", wrong, "t")
    store.dispose()


def test_roles_disable_and_the_access_log_by_command(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    assert cli(db, "examples")[0] == 0
    assert (
        cli(db, "user", "add", "jan", "--role", "redacteur", "--org", "Losser", "--password-stdin", stdin=PASSWORD)[0]
        == 0
    )
    code, out = cli(db, "user", "role", "jan", "lezer", "--org", "GM0518", "-m", "meelezen")
    assert code == 0 and "lezer (GM0518)" in out and "redacteur (GM0168)" in out
    code, out = cli(db, "user", "role", "jan", "baas", "--org", "GM0518")
    assert code == 1 and "lezer, redacteur, onderzoeker of beheerder" in out
    code, out = cli(db, "user", "role", "jan", "geen", "--org", "GM0518")
    assert code == 0 and "GM0518" not in out
    code, out = cli(db, "user", "disable", "jan", "-m", "vertrokken")
    assert code == 0 and "uitgeschakeld" in out
    store = Store(f"sqlite:///{db}")
    with pytest.raises(accounts.AccountError):
        accounts.authenticate(store, "jan", PASSWORD, "t")
    assert cli(db, "user", "disable", "jan", "--enable")[0] == 0
    assert accounts.authenticate(store, "jan", PASSWORD, "t") > 0
    log = accounts.access_events(store)
    actions = [(e["action"], e["organisation"], e["reason"]) for e in reversed(log)]
    assert ("role", "GM0518", "meelezen") in actions and ("disable", None, "vertrokken") in actions
    assert all(e["actor"].endswith("(cli)") for e in log if e["action"] != "signin")
    code, out = cli(db, "user", "log")
    assert code == 0 and "role jan (GM0518)" in out and "after=lezer" in out and "vertrokken" in out
    store.dispose()


def test_sign_in_sign_out_and_a_new_cookie_each_time(store: Store) -> None:
    accounts.add_user(store, "jan", "test", password=PASSWORD, grants=[("GM0168", "redacteur")])
    with client_for(store) as c:
        assert c.get("/o/GM0168", follow_redirects=False).headers["location"] == "/signin?next=%2Fo%2FGM0168"
        before = c.cookies.get("raadhuis")
        r = c.post("/signin", data={"csrf": csrf_token(c, "/signin"), "name": "jan", "password": "fout"})
        assert r.status_code == 401 and "Gebruikersnaam of wachtwoord klopt niet" in r.text
        r = c.post(
            "/signin",
            data={"csrf": csrf_token(c, "/signin"), "name": "JAN ", "password": PASSWORD, "next": "/o/GM0168"},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == "/o/GM0168"
        assert c.cookies.get("raadhuis") != before  # no session fixation
        page = c.get("/o/GM0168")
        assert page.status_code == 200 and 'href="/account">jan</a>' in page.text
        # Sign out ends the session on the server: the old cookie is worth nothing.
        old = c.cookies.get("raadhuis")
        assert c.post("/signout", data={"csrf": csrf_token(c)}, follow_redirects=False).status_code == 303
        assert c.get("/o/GM0168", follow_redirects=False).status_code == 303
    with client_for(store) as replay:
        replay.cookies.set("raadhuis", str(old))
        assert replay.get("/o/GM0168", follow_redirects=False).status_code == 303


def test_next_never_leads_to_another_site(store: Store) -> None:
    accounts.add_user(store, "jan", "test", password=PASSWORD)
    with client_for(store) as c:
        for target in ("https://evil.example/", "//evil.example", "/\\evil.example"):
            r = c.post(
                "/signin",
                data={"csrf": csrf_token(c, "/signin"), "name": "jan", "password": PASSWORD, "next": target},
                follow_redirects=False,
            )
            assert r.headers["location"] == "/", target


def test_throttling_after_failures_per_name(store: Store) -> None:
    accounts.add_user(store, "jan", "test", password=PASSWORD, grants=[("GM0168", "lezer")])
    with client_for(store, throttle=Throttle(per_name=3, per_client=100)) as c:
        for _ in range(3):
            r = c.post("/signin", data={"csrf": csrf_token(c, "/signin"), "name": "jan", "password": "fout"})
            assert r.status_code == 401
        # Now even the right password waits, and the page says how long.
        r = c.post("/signin", data={"csrf": csrf_token(c, "/signin"), "name": "jan", "password": PASSWORD})
        assert r.status_code == 429 and "Probeer het over 15 minuten opnieuw" in r.text
    # Failures older than the window no longer count.
    from raadhuis.store.tables import SigninAttempt

    with store.session() as s, s.begin():
        for row in s.query(SigninAttempt).all():
            row.at = row.at - timedelta(minutes=16)
    assert accounts.authenticate(store, "jan", PASSWORD, "testclient", Throttle(per_name=3)) > 0


def test_disabled_user_loses_session_and_tokens(store: Store) -> None:
    accounts.add_user(store, "jan", "test", password=PASSWORD, grants=[("GM0168", "redacteur")])
    token = accounts.add_token(store, "jan", ["read"], "test")["token"]
    with client_for(store) as c:
        sign_in(c, "jan", PASSWORD)
        assert c.get("/o/GM0168").status_code == 200
        accounts.set_disabled(store, "jan", True, "beheer", "vertrokken")
        assert c.get("/o/GM0168", follow_redirects=False).status_code == 303
        r = c.get("/api/v1/organisations/GM0168", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401


def test_tokens_read_write_scopes_revocation_and_expiry(store: Store) -> None:
    accounts.add_user(store, "jan", "test", password=PASSWORD, grants=[("GM0168", "redacteur")])
    read = accounts.add_token(store, "jan", ["read"], "test")["token"]
    write = accounts.add_token(store, "jan", ["write:Losser"], "test")  # the name resolves to GM0168
    assert write["scopes"] == ["write:GM0168"]
    event = {"id": "tok-1", "type": "rename", "date": "2013-01-01", "unit": "OW", "name": "Openbare Werken en Groen"}
    with client_for(store) as c:
        r = c.get("/api/v1/organisations/GM0168", headers={"Authorization": f"Bearer {read}"})
        assert r.status_code == 200 and r.json()["organisation"]["id"] == "GM0168"
        assert [
            o["id"] for o in c.get("/api/v1/organisations", headers={"Authorization": f"Bearer {read}"}).json()
        ] == ["GM0168"]  # only what jan may read
        r = c.post(
            "/api/v1/organisations/GM0168/events",
            params={"reason": "x"},
            json=[event],
            headers={"Authorization": f"Bearer {read}"},
        )
        assert r.status_code == 403
        err = r.json()["errors"][0]
        assert err["code"] == "token_scope" and "bereik is read" in err["message_nl"]
        assert "scope is read" in err["message_en"] and "write:GM0168" in err["message_en"]
        r = c.post(
            "/api/v1/organisations/GM0518/events",
            params={"reason": "x"},
            json=[dict(event, unit="X")],
            headers={"Authorization": f"Bearer {write['token']}"},
        )
        assert r.status_code == 403
        r = c.post(
            "/api/v1/organisations/GM0168/events",
            params={"reason": "via token", "who": "iemand anders"},  # with accounts, ?who= names nobody
            json=[event],
            headers={"Authorization": f"Bearer {write['token']}"},
        )
        assert r.status_code == 201, r.text
        history = register.history_of_event(store, "GM0168", "tok-1")
        assert history[0]["recorded_by"] == "jan" and history[0]["reason"] == "via token"
        # No token, a wrong one: 401 with both languages and a WWW-Authenticate header.
        r = c.get("/api/v1/organisations/GM0168")
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        assert r.json()["errors"][0]["message_en"] == "Sign in to continue."
        accounts.revoke_token(store, write["id"], "jan")
        assert (
            c.get("/api/v1/organisations/GM0168", headers={"Authorization": f"Bearer {write['token']}"}).status_code
            == 401
        )
        soon = accounts.add_token(store, "jan", ["read"], "test", expires=datetime.now(UTC) - timedelta(seconds=1))
        assert (
            c.get("/api/v1/organisations/GM0168", headers={"Authorization": f"Bearer {soon['token']}"}).status_code
            == 401
        )
    listed = accounts.list_tokens(store, "jan")
    assert all("token" not in t for t in listed) and any(t["revoked_at"] for t in listed)


def test_a_token_never_gives_more_than_its_user(store: Store) -> None:
    accounts.add_user(store, "lezer", "test", password=PASSWORD, grants=[("GM0168", "lezer")])
    token = accounts.add_token(store, "lezer", ["write:GM0168"], "test")["token"]
    with client_for(store) as c:
        r = c.post(
            "/api/v1/organisations/GM0168/events",
            params={"reason": "x"},
            json=[],
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 403
        # And on the account page a lezer is not even offered a write scope.
        sign_in(c, "lezer", PASSWORD)
        page = c.get("/account").text
        assert 'value="write:' not in page
        r = c.post("/account/tokens", data={"csrf": csrf_token(c), "scope": "write:GM0168"})
        assert r.status_code == 403


def test_tokens_on_the_account_page(store: Store) -> None:
    accounts.add_user(store, "jan", "test", password=PASSWORD, grants=[("GM0168", "redacteur")])
    with client_for(store) as c:
        sign_in(c, "jan", PASSWORD)
        r = c.post(
            "/account/tokens", data={"csrf": csrf_token(c), "scope": ["read", "write:GM0168"], "label": "script"}
        )
        assert r.status_code == 201
        import re

        token = re.search(r'<code id="new-token">([^<]+)</code>', r.text).group(1)  # type: ignore[union-attr]
        assert c.get("/api/v1/organisations/GM0168", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        token_id = accounts.list_tokens(store, "jan")[0]["id"]
        assert (
            c.post(
                f"/account/tokens/{token_id}/revoke", data={"csrf": csrf_token(c)}, follow_redirects=False
            ).status_code
            == 303
        )
        assert c.get("/api/v1/organisations/GM0168", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        assert token not in c.get("/account").text  # shown once, never again


def test_token_commands(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    cli(db, "examples")
    cli(db, "user", "add", "jan", "--role", "redacteur", "--org", "GM0168", "--password-stdin", stdin=PASSWORD)
    code, out = cli(db, "token", "add", "jan", "--scope", "read", "--scope", "write:GM0168", "--label", "import")
    token = out.strip().splitlines()[-1]
    assert code == 0 and token.startswith("rh_")
    code, out = cli(db, "token", "add", "jan", "--scope", "schrijf")
    assert code == 1 and "read, write:ORG of study:ORG" in out
    code, out = cli(db, "token", "list", "--format", "json")
    listed = json.loads(out)
    assert listed[0]["scopes"] == ["read", "write:GM0168"] and token not in out
    code, out = cli(db, "token", "revoke", str(listed[0]["id"]))
    assert code == 0 and "ingetrokken" in out
    assert accounts.token_principal(Store(f"sqlite:///{db}"), token) is None


@pytest.fixture
def single(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store), base_url=BASE_URL) as c:
        yield c


def test_single_user_workbench_says_so_and_records_the_os_user(single: TestClient, store: Store) -> None:
    from raadhuis.services.register import current_user

    page = single.get("/o/GM0168").text
    assert f"Eén gebruiker: {current_user()}" in page and "/signin" not in page
    assert single.get("/signin").status_code == 404  # no accounts to sign in to
    form = {
        "action": "rename",
        "unit": "OW",
        "name": "Buitendienst",
        "date": "2013-01-01",
        "reason": "test",
        "who": "iemand anders",
        "csrf": csrf_token(single),
    }
    assert single.post("/o/GM0168/edit", data=form, follow_redirects=False).status_code == 303
    timeline = register.timeline(store, "GM0168")["events"]
    made = next(e for e in timeline if e["type"] == "rename" and e["data"].get("name") == "Buitendienst")
    assert register.history_of_event(store, "GM0168", made["id"])[0]["recorded_by"] == current_user()
