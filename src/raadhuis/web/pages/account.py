"""Signing in and out, and a user's own account: roles and personal access tokens."""

from __future__ import annotations

from datetime import UTC, datetime, time

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.i18n.formatting import read_day
from raadhuis.services import accounts
from raadhuis.services.access import Permission
from raadhuis.web import csrf
from raadhuis.web.access import AccessRefused, principal, public, signed_in
from raadhuis.web.common import check_csrf, lang_of, render, tr
from raadhuis.web.settings import Mode

router = APIRouter()


def local_target(value: object) -> str:
    """Where to go after signing in: a path on this server, never another site."""
    text = value if isinstance(value, str) else ""
    if not text.startswith("/") or text.startswith("//") or "\\" in text or any(ord(c) < 32 for c in text):
        return "/"
    return text


def _signin_page(request: Request, status: int = 200, error: str = "", name: str = "", target: str = "/") -> Response:
    settings = request.app.state.settings
    if settings.mode is not Mode.ACCOUNTS:
        raise AccessRefused(404, "auth.no_accounts")
    return render(
        request,
        "signin.html",
        status,
        title=tr("auth.sign_in_title", lang_of(request)),
        error=error,
        name=name,
        next=target,
        oidc=settings.oidc,
    )


@router.get("/signin", response_class=HTMLResponse, dependencies=[public()])
def signin_form(request: Request, next: str = "/") -> Response:  # noqa: A002 - the URL's word
    return _signin_page(request, target=local_target(next))


def client_of(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.post("/signin", response_class=HTMLResponse, dependencies=[public()])
async def signin_submit(request: Request) -> Response:
    settings = request.app.state.settings
    if settings.mode is not Mode.ACCOUNTS:
        raise AccessRefused(404, "auth.no_accounts")
    form = await check_csrf(request)
    lang = lang_of(request)
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    target = local_target(form.get("next"))
    try:
        user_id = accounts.authenticate(request.app.state.store, name, password, client_of(request), settings.throttle)
    except accounts.Throttled as exc:
        return _signin_page(request, 429, tr(exc.key, lang, **exc.values), name, target)
    except accounts.AccountError as exc:
        return _signin_page(request, 401, tr(exc.key, lang, **exc.values), name, target)
    return finish_signin(request, user_id, "password", target)


def finish_signin(request: Request, user_id: int, via: str, target: str) -> Response:
    """Open the session and give the browser a new cookie (a new id: no fixation)."""
    settings = request.app.state.settings
    raw = accounts.open_session(request.app.state.store, user_id, via, settings.session_lifetime)
    csrf.start_session(request, raw)
    return RedirectResponse(target, status_code=303)


@router.post("/signout", dependencies=[signed_in()])
async def signout(request: Request) -> Response:
    await check_csrf(request)
    who = principal(request)
    if who.session_id is not None:
        accounts.close_session(request.app.state.store, who.session_id)
    csrf.start_session(request, None)
    return RedirectResponse("/signin", status_code=303)


def _account_page(request: Request, status: int = 200, new_token: str = "", error: str = "") -> Response:
    who = principal(request)
    store = request.app.state.store
    tokens = [t for t in accounts.list_tokens(store, who.name)] if who.user_id is not None else []
    writable = sorted(org for org in who.grants if who.can(Permission.WRITE, org))
    return render(
        request,
        "account.html",
        status,
        title=tr("auth.account", lang_of(request)),
        who=who,
        roles=sorted((org, role.value) for org, roles in who.grants.items() for role in roles),
        tokens=tokens,
        new_token=new_token,
        writable=writable,
        error=error,
    )


@router.get("/account", response_class=HTMLResponse, dependencies=[signed_in()])
def account(request: Request) -> Response:
    return _account_page(request)


def _own_user(request: Request) -> str:
    who = principal(request)
    if who.user_id is None or who.via != "session":
        # The single-user workbench and tokens have no account to put a token on.
        raise AccessRefused(403, "auth.needs_account")
    return who.name


@router.post("/account/tokens", response_class=HTMLResponse, dependencies=[signed_in()])
async def add_token(request: Request) -> Response:
    form = await check_csrf(request)
    name = _own_user(request)
    scopes = [str(s) for s in form.getlist("scope") if str(s).strip()]
    expires_text = str(form.get("expires") or "").strip()
    try:
        expires = datetime.combine(read_day(expires_text, "en"), time.max, UTC) if expires_text else None
    except ValueError:
        return _account_page(request, 422, error=tr("auth.bad_expiry", lang_of(request), value=expires_text))
    who = principal(request)
    for scope in scopes:  # a token never gives more than its user's roles
        word, _, org = scope.partition(":")
        if word in ("write", "study") and not who.can(Permission(word), org or None):
            return _account_page(request, 403, error=tr("auth.forbidden_org", lang_of(request), org=org or scope))
    try:
        made = accounts.add_token(
            request.app.state.store, name, scopes, name, str(form.get("label") or ""), expires=expires
        )
    except accounts.AccountError as exc:
        return _account_page(request, 422, error=tr(exc.key, lang_of(request), **exc.values))
    return _account_page(request, 201, new_token=made["token"])


@router.post("/account/tokens/{token_id}/revoke", response_class=HTMLResponse, dependencies=[signed_in()])
async def revoke_token(request: Request, token_id: int) -> Response:
    await check_csrf(request)
    name = _own_user(request)
    try:
        accounts.revoke_token(request.app.state.store, token_id, name, owner=name)
    except accounts.AccountError as exc:
        return _account_page(request, 404, error=tr(exc.key, lang_of(request), **exc.values))
    return RedirectResponse("/account", status_code=303)
