"""Single sign-on with OpenID Connect (Authlib): the authorization-code flow with PKCE,
``state`` and ``nonce``; the ID token's signature checked against the provider's keys and
its ``iss``, ``aud``, ``exp`` and ``nonce`` checked (joserfc). The person must already have
an account (made by a beheerder); an identity alone gives no role.

Configured with ``RAADHUIS_OIDC_ISSUER``, ``RAADHUIS_OIDC_CLIENT_ID``,
``RAADHUIS_OIDC_CLIENT_SECRET`` (see docs/multi-user.md).
"""

from __future__ import annotations

import time
from typing import Any

from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from raadhuis.services import accounts
from raadhuis.web.access import AccessRefused, public
from raadhuis.web.common import lang_of, render, tr
from raadhuis.web.pages.account import finish_signin, local_target
from raadhuis.web.settings import Mode, OidcSettings

router = APIRouter()
COOKIE = "raadhuis_sso"
_SALT = "raadhuis-sso"
_MAX_AGE = 600  # the round trip to the provider takes at most ten minutes
_CACHE_SECONDS = 3600
_cache: dict[str, tuple[float, dict[str, Any]]] = {}


class SsoError(Exception):
    pass


def _settings(request: Request) -> OidcSettings:
    settings = request.app.state.settings
    if settings.mode is not Mode.ACCOUNTS or settings.oidc is None:
        raise AccessRefused(404, "auth.no_accounts")
    oidc: OidcSettings = settings.oidc
    return oidc


async def _json(client: AsyncOAuth2Client, url: str) -> dict[str, Any]:
    cached = _cache.get(url)
    if cached is not None and time.monotonic() - cached[0] < _CACHE_SECONDS:
        return cached[1]
    response = await client.request("GET", url, withhold_token=True, timeout=10)
    if response.status_code != 200:
        raise SsoError(f"{url} answered {response.status_code}")
    data: dict[str, Any] = response.json()
    _cache[url] = (time.monotonic(), data)
    return data


def _client(oidc: OidcSettings, request: Request) -> AsyncOAuth2Client:
    redirect = str(request.base_url).rstrip("/") + "/signin/oidc/callback"
    return AsyncOAuth2Client(
        client_id=oidc.client_id,
        client_secret=oidc.client_secret,
        scope="openid email profile",
        redirect_uri=redirect,
        code_challenge_method="S256",
    )


async def _discovery(client: AsyncOAuth2Client, oidc: OidcSettings) -> dict[str, Any]:
    meta = await _json(client, oidc.issuer.rstrip("/") + "/.well-known/openid-configuration")
    if meta.get("issuer") != oidc.issuer:
        raise SsoError(f"the provider calls itself {meta.get('issuer')!r}, not {oidc.issuer!r}")
    return meta


def _serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(request.app.state.secret, salt=_SALT)


@router.get("/signin/oidc", dependencies=[public()])
async def start(request: Request, next: str = "/") -> Response:  # noqa: A002 - the URL's word
    oidc = _settings(request)
    async with _client(oidc, request) as client:
        try:
            meta = await _discovery(client, oidc)
        except Exception as exc:  # noqa: BLE001 - the provider unreachable or odd: say so, no traceback
            return _failed(request, str(exc) or type(exc).__name__)
        state, nonce, verifier = generate_token(32), generate_token(32), generate_token(48)
        url, _ = client.create_authorization_url(
            meta["authorization_endpoint"], state=state, code_verifier=verifier, nonce=nonce
        )
    response = RedirectResponse(url, status_code=303)
    value = _serializer(request).dumps(
        {"state": state, "nonce": nonce, "verifier": verifier, "next": local_target(next)}
    )
    response.set_cookie(
        COOKIE,
        value,
        max_age=_MAX_AGE,
        httponly=True,
        samesite="lax",  # the provider sends the browser back with a top-level GET
        secure=request.app.state.settings.secure_cookies,
        path="/signin/oidc",
    )
    return response


@router.get("/signin/oidc/callback", dependencies=[public()])
async def callback(request: Request, code: str = "", state: str = "", error: str = "") -> Response:
    oidc = _settings(request)
    try:
        saved = _serializer(request).loads(request.cookies.get(COOKIE, ""), max_age=_MAX_AGE)
    except BadSignature:
        return _failed(request, "the sign-in took too long or did not start here; try again")
    if error:
        return _failed(request, error)
    if not code or not isinstance(saved, dict) or state != saved.get("state"):
        return _failed(request, "the answer does not belong to this sign-in (state)")
    async with _client(oidc, request) as client:
        try:
            meta = await _discovery(client, oidc)
            token = await client.fetch_token(
                meta["token_endpoint"], code=code, code_verifier=saved["verifier"], state=state
            )
            keys = KeySet.import_key_set(await _json(client, meta["jwks_uri"]))  # type: ignore[arg-type]
            claims = _verified_claims(str(token.get("id_token", "")), keys, oidc, str(saved["nonce"]))
        except (SsoError, JoseError, OSError, ValueError, KeyError) as exc:
            return _failed(request, str(exc) or type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - an OAuth error from the provider: say so, no traceback
            return _failed(request, str(exc) or type(exc).__name__)
    email = claims.get("email") if claims.get("email_verified", True) is True else None
    try:
        user_id = accounts.oidc_user(
            request.app.state.store, oidc.issuer, str(claims["sub"]), email, claims.get("preferred_username")
        )
    except accounts.AccountError as exc:
        return _failed(request, tr(exc.key, lang_of(request), **exc.values), 403, plain=True)
    response = finish_signin(request, user_id, "oidc", str(saved.get("next") or "/"))
    response.delete_cookie(COOKIE, path="/signin/oidc")
    return response


def _verified_claims(id_token: str, keys: KeySet, oidc: OidcSettings, nonce: str) -> dict[str, Any]:
    if not id_token:
        raise SsoError("the provider sent no ID token")
    decoded = jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256"])
    registry = jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": oidc.issuer},
        aud={"essential": True, "value": oidc.client_id},
        sub={"essential": True},
        exp={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    registry.validate(decoded.claims)
    return dict(decoded.claims)


def _failed(request: Request, reason: str, status: int = 401, plain: bool = False) -> Response:
    lang = lang_of(request)
    message = reason if plain else tr("auth.sso_failed", lang, reason=reason)
    settings = request.app.state.settings
    return render(
        request,
        "signin.html",
        status,
        title=tr("auth.sign_in_title", lang),
        error=message,
        name="",
        next="/",
        oidc=settings.oidc,
    )
