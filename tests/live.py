"""Helpers for tests that need a real server or real processes: uvicorn in a thread on a free
port, the ``raadhuis`` command as a subprocess, and a PostgreSQL schema a subprocess can reach."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import create_engine, text

from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.conftest import PG_URL

RAADHUIS = [sys.executable, "-m", "raadhuis.cli"]


@contextmanager
def live_server(store: Store, app: Any = None) -> Iterator[str]:
    """The workbench over ``store`` (or ``app``, an app made with other settings) served by
    uvicorn in a thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app or create_app(store), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:  # startup takes a few milliseconds; give up after 20 s
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def raadhuis(
    db: str, *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``raadhuis --db DB ARGS`` in a process of its own, as an operator runs it."""
    return subprocess.run(
        [*RAADHUIS, "--db", db, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env(env),
        check=False,
    )


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ, RAADHUIS_LANG="nl", PYTHONUNBUFFERED="1")
    env.update(extra or {})
    return env


@contextmanager
def pg_schema_url() -> Iterator[str]:
    """A fresh PostgreSQL schema, as a URL a subprocess can open (search_path in the options)."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
