"""Large read answers of the API sent as they were last encoded, with an ETag and gzip.

The as-of tree of a 10,000-unit organisation is about 2 MB of JSON; encoding it costs more than
reading it from the answers the service keeps (services/register.show). Here the encoded bytes,
and their gzip, are kept per ETag. The ETag is made from the register's own state, read from
the database on every request — the organisation's revision (raised by every write of it, in
any process, under its write lock), the newest changeset among its records, the view, the day
and the last event day on or before it — so every worker of a server, on every host, gives the
same ETag for the same state, and a write through any of them makes a new one: nothing stale is
served, and a client that has the answer gets 304 Not Modified without it being read or sent.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool

# What FastAPI's JSONResponse sends for the same content: the same bytes, encoded once.
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode
GZIP_LEVEL = 6
MIN_GZIP = 1000  # bytes; as the middleware's minimum (web/app.py)


class Encoded:
    """One answer's bytes, and their gzip made on the first request that accepts it."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self._gzip: bytes | None = None
        self._lock = threading.Lock()

    @property
    def packed(self) -> bytes | None:
        """The gzip when made already (bytes, not changed once set), else None."""
        return self._gzip

    def gzipped(self) -> bytes:
        with self._lock:
            if self._gzip is None:
                self._gzip = gzip.compress(self.body, GZIP_LEVEL, mtime=0)
            return self._gzip


class _Kept:
    """The last few encoded answers by ETag (a bound on memory: about 2 MB plain and 0.2 MB gzip
    for the as-of tree of a 10,000-unit organisation)."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self.items: OrderedDict[str, Encoded] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> Encoded | None:
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key: str, value: Encoded) -> None:
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)


KEPT = _Kept()


def etag_of(*state: Any) -> str:
    """A weak ETag (the same for the plain and the gzipped bytes) from the register's state."""
    digest = hashlib.sha256("|".join(str(part) for part in state).encode("utf-8")).hexdigest()[:32]
    return f'W/"{digest}"'


def _matches(request: Request, etag: str) -> bool:
    sent = request.headers.get("if-none-match")
    if not sent:
        return False
    tags = [t.strip() for t in sent.split(",")]
    bare = etag.removeprefix("W/")
    return "*" in tags or any(t.removeprefix("W/") == bare for t in tags)


def _accepts_gzip(request: Request) -> bool:
    # As the gzip middleware decides (web/app.py), so an answer is the same either way.
    return "gzip" in request.headers.get("accept-encoding", "")


def _common(etag: str, headers: dict[str, str] | None) -> dict[str, str]:
    # No Vary here: the gzip middleware adds "Vary: Accept-Encoding" to every answer it passes on
    # unencoded (a second one made it "Accept-Encoding, Accept-Encoding"); an answer sent encoded
    # already, which it leaves alone, says Vary itself (_sent).
    return {"ETag": etag, "Cache-Control": "no-cache", **(headers or {})}


def _key(request: Request, etag: str) -> str:
    # Kept per store as well: two databases (tests, a second app in one process) can be in states
    # with the same numbers, and the ETag names a state of one register only.
    return f"{request.app.state.store.identity}:{etag}"


def _sent(request: Request, kept: Encoded, packed: bytes | None, common: dict[str, str]) -> Response:
    if packed is not None:
        headers = {**common, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        return Response(packed, media_type="application/json", headers=headers)
    return Response(kept.body, media_type="application/json", headers=common)


def _wants_packed(request: Request, kept: Encoded) -> bool:
    return len(kept.body) >= MIN_GZIP and _accepts_gzip(request)


def send_kept(request: Request, etag: str, headers: dict[str, str] | None = None) -> Response | None:
    """What :func:`send` answers when that needs no work: 304, or the kept bytes (or their kept
    gzip); None when the answer is not kept (or its gzip not made yet)."""
    common = _common(etag, headers)
    if _matches(request, etag):
        return Response(status_code=304, headers={**common, "Vary": "Accept-Encoding"})  # passed on as it is
    kept = KEPT.get(_key(request, etag))
    if kept is None:
        return None
    if _wants_packed(request, kept):
        return None if kept.packed is None else _sent(request, kept, kept.packed, common)
    return _sent(request, kept, None, common)


async def send(request: Request, etag: str, make: Callable[[], Any], headers: dict[str, str] | None = None) -> Response:
    """304 when the client has this ETag; else the answer's bytes (made by ``make`` and encoded
    only when not kept), gzipped when the client accepts it, with ``Content-Encoding: gzip`` (the
    gzip middleware leaves an encoded answer alone). Making, encoding and compressing run in a
    worker thread; a kept answer is sent from the event loop."""
    ready = send_kept(request, etag, headers)
    if ready is not None:
        return ready
    key = _key(request, etag)
    kept = KEPT.get(key)
    if kept is None:
        kept = await run_in_threadpool(lambda: Encoded(_encode(make()).encode("utf-8")))
        KEPT.put(key, kept)
    packed = None
    if _wants_packed(request, kept):
        packed = kept.packed if kept.packed is not None else await run_in_threadpool(kept.gzipped)
    return _sent(request, kept, packed, _common(etag, headers))
