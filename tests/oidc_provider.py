"""A small OpenID Connect provider for the tests, started on loopback: discovery, an
authorization endpoint that signs in one configured person at once, a token endpoint that
checks the code, the client secret and the PKCE verifier, and the signing keys. ID tokens are
RS256-signed with joserfc. Nothing is downloaded; every key is made when the test starts."""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import uvicorn
from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey


@dataclass
class Provider:
    issuer: str
    client_id: str = "raadhuis"
    client_secret: str = "geheim-van-de-test"
    person: dict[str, Any] = field(default_factory=lambda: {"sub": "u-1001", "email": "anna@losser.nl"})
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, parameters={"kid": "k1"}))
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    tamper: str = ""  # "nonce", "audience", "issuer", "signature": make the next ID token wrong

    def id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "email_verified": True,
            **self.person,
        }
        key = self.key
        if self.tamper == "nonce":
            claims["nonce"] = "another"
        elif self.tamper == "audience":
            claims["aud"] = "someone-else"
        elif self.tamper == "issuer":
            claims["iss"] = "https://evil.example"
        elif self.tamper == "signature":
            key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
        return jwt.encode({"alg": "RS256", "kid": "k1"}, claims, key)


def provider_app(p: Provider) -> FastAPI:
    app = FastAPI()

    @app.get("/.well-known/openid-configuration")
    def discovery() -> dict[str, Any]:
        return {
            "issuer": p.issuer,
            "authorization_endpoint": f"{p.issuer}/authorize",
            "token_endpoint": f"{p.issuer}/token",
            "jwks_uri": f"{p.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }

    @app.get("/authorize")
    def authorize(request: Request) -> RedirectResponse:
        q = request.query_params
        if q.get("client_id") != p.client_id or q.get("response_type") != "code" or "openid" not in q.get("scope", ""):
            raise HTTPException(400, "bad authorization request")
        if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
            raise HTTPException(400, "PKCE required")
        code = secrets.token_urlsafe(16)
        p.codes[code] = {
            "nonce": q.get("nonce"),
            "challenge": q["code_challenge"],
            "redirect_uri": q["redirect_uri"],
        }
        return RedirectResponse(f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q.get('state', '')})}", 302)

    @app.post("/token")
    def token(
        request: Request,
        grant_type: str = Form(...),
        code: str = Form(...),
        redirect_uri: str = Form(...),
        code_verifier: str = Form(...),
        client_id: str | None = Form(None),
        client_secret: str | None = Form(None),
    ) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        if auth.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(auth[6:]).decode().partition(":")
        if (client_id, client_secret) != (p.client_id, p.client_secret):
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        grant = p.codes.pop(code, None)
        if grant_type != "authorization_code" or grant is None or grant["redirect_uri"] != redirect_uri:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        digest = base64.urlsafe_b64encode(hashlib.sha256(code_verifier.encode()).digest()).rstrip(b"=").decode()
        if digest != grant["challenge"]:
            return JSONResponse({"error": "invalid_grant", "error_description": "PKCE"}, status_code=400)
        return JSONResponse(
            {
                "access_token": secrets.token_urlsafe(16),
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": p.id_token(grant["nonce"]),
            }
        )

    @app.get("/jwks")
    def jwks() -> dict[str, Any]:
        return KeySet([p.key]).as_dict(private=False)

    return app


@contextmanager
def running_provider() -> Iterator[Provider]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    p = Provider(issuer=f"http://127.0.0.1:{port}")
    server = uvicorn.Server(uvicorn.Config(provider_app(p), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started and time.time() < deadline:
        time.sleep(0.02)
    assert server.started, "the test OIDC provider did not start"
    try:
        yield p
    finally:
        server.should_exit = True
        thread.join(5)
