"""`raadhuis serve`: the workbench on this computer only, unless told otherwise.

With ``workers > 1`` (PostgreSQL only) uvicorn starts that many processes; each builds
its app with :func:`app_from_environment` from the variables set here, and they share
the register and its signing key through the database.

On SIGTERM or Ctrl-C uvicorn stops accepting connections and lets the requests in progress
finish, for at most ``RAADHUIS_SHUTDOWN_GRACE`` seconds; a write still running after that is
abandoned, and the database keeps it whole or not at all (as after a crash: a transaction is
committed entirely or not). The process then ends with status 0.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from raadhuis import limits
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings

_ENV = "RAADHUIS_WEB_SETTINGS"
# Seconds a worker may take to start (import the app, open the store) before uvicorn counts it as hung.
_WORKER_START = 60

log = logging.getLogger("uvicorn.error")


def run(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 8000,
    lang: str = "nl",
    settings: WebSettings | None = None,
    workers: int = 1,
) -> None:
    settings = settings or WebSettings()
    grace = round(limits.shutdown_grace())
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
            # A worker imports the whole app before it answers the supervisor's ping; on a busy host
            # that took longer than uvicorn's 5 s, and the worker was killed and started again.
            timeout_worker_healthcheck=_WORKER_START,
            log_level="info",
            proxy_headers=True,
            timeout_graceful_shutdown=grace,
        )
        return
    config = uvicorn.Config(
        create_app(store, lang=lang, settings=settings),
        host=host,
        port=port,
        log_level="info",
        timeout_graceful_shutdown=grace,
    )
    server = uvicorn.Server(config)
    with _signals_end_quietly():
        server.run()
    workers_left = [t for t in threading.enumerate() if t.name == "AnyIO worker thread"]
    for worker in workers_left:
        worker.join(0.2)  # idle workers end as soon as the event loop has; busy ones do not
    busy = [t for t in workers_left if t.is_alive()]
    if busy:
        # A worker thread still runs a write that uvicorn could not cancel (threads cannot be):
        # leave without it. A transaction is committed whole or not at all.
        log.warning(
            "Stopped while %d request(s) still ran; a change one was saving is saved whole or not at all.", len(busy)
        )
        logging.shutdown()
        os._exit(0)


@contextmanager
def _signals_end_quietly() -> Iterator[None]:
    """uvicorn handles SIGTERM and SIGINT itself and, once shut down, raises the signal again
    for the handler that was there before it; with these handlers that ends in status 0
    rather than in death by signal or a KeyboardInterrupt."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    for sig in previous:
        signal.signal(sig, lambda *_: None)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


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
