"""`raadhuis serve`: the workbench on this computer only, unless told otherwise.

With ``workers > 1`` (PostgreSQL only) uvicorn starts that many processes; each builds
its app with :func:`app_from_environment` from the variables set here, and they share
the register and its signing key through the database.
"""

from __future__ import annotations

import json
import os

import uvicorn
from fastapi import FastAPI

from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings

_ENV = "RAADHUIS_WEB_SETTINGS"


def run(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 8000,
    lang: str = "nl",
    settings: WebSettings | None = None,
    workers: int = 1,
) -> None:
    settings = settings or WebSettings()
    if workers > 1:
        os.environ["RAADHUIS_DATABASE_URL"] = store.url
        os.environ[_ENV] = json.dumps(
            {
                "mode": settings.mode.value,
                "hosts": list(settings.allowed_hosts),
                "tls": settings.secure_cookies,
                "lang": lang,
            }
        )
        store.dispose()
        uvicorn.run(
            "raadhuis.web.server:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            proxy_headers=True,
        )
        return
    uvicorn.run(create_app(store, lang=lang, settings=settings), host=host, port=port, log_level="info")


def app_from_environment() -> FastAPI:
    """The app a worker process runs (see :func:`run`)."""
    from raadhuis.store.database import resolve_url
    from raadhuis.web.settings import oidc_from_env

    raw = json.loads(os.environ.get(_ENV, "{}"))
    settings = WebSettings(
        mode=Mode(raw.get("mode", "accounts")),
        allowed_hosts=tuple(raw.get("hosts") or WebSettings().allowed_hosts),
        secure_cookies=bool(raw.get("tls")),
        oidc=oidc_from_env(),
    )
    return create_app(Store(resolve_url(None)), lang=raw.get("lang", "nl"), settings=settings)
