"""What keeps one request from stopping the others: a limit on the size of request bodies,
refused while the body arrives (before it is kept whole) with a clear 413, and a clear answer
when another change is being saved (docs/schrijven.md).

Not ``FastAPI(max_body_size=…)``: for a body whose announced size is over the limit it
replaces whatever the app answers with a bare "Content Too Large", which names no limit
and is not in the reader's language.

Heavy work (imports, dry runs, writes that may wait for another writer) runs in a worker
thread (:func:`off_loop`), so the server goes on answering while it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from raadhuis import limits
from raadhuis.i18n.errors import translate
from raadhuis.store.database import WriteBusy

T = TypeVar("T")


class BodyTooLarge(HTTPException):
    """A request body over the limit. An HTTPException, so that FastAPI's body reading
    passes it on unchanged to the handler below."""

    def __init__(self, largest: int) -> None:
        super().__init__(
            413,
            f"the request is too large (the largest accepted is {limits.megabytes(largest)}, "
            f"{limits.SETTINGS['max_body_mb'].env})",
        )


class BodyLimit:
    """ASGI middleware: a body announced or arriving larger than the limit raises
    :class:`BodyTooLarge` at the read that crosses it; nothing more of it is read."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        largest = limits.max_body_bytes()
        announced = Headers(scope=scope).get("content-length", "")
        received = 0
        refused = False

        async def limited() -> Message:
            nonlocal received, refused
            if refused:  # for whoever reads on after the refusal: as if the client had gone
                return {"type": "http.disconnect"}
            if announced.isdigit() and int(announced) > largest:
                refused = True
                raise BodyTooLarge(largest)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > largest:
                    refused = True
                    raise BodyTooLarge(largest)
            return message

        await self.app(scope, limited, send)


async def off_loop(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn`` in a worker thread: an import of 30 MB must not stop other requests."""
    return await run_in_threadpool(fn, *args, **kwargs)


def install(app: FastAPI, is_api: Callable[[Request], bool]) -> None:
    """The body limit, and the answers for a body over it and for a write that waited too
    long for another."""
    # Innermost of the middleware (add_middleware would make it outermost): an endpoint's own
    # read of the body then raises BodyTooLarge where the exception handlers see it, not in
    # a middleware outside them.
    app.user_middleware.append(Middleware(BodyLimit))

    def answer(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        lang = getattr(request.state, "lang", "nl")
        if is_api(request):
            body = {
                "errors": [{"field": None, "line": None, "message": translate(message, lang), "message_en": message}]
            }
            return JSONResponse(body, status_code=status, headers=headers)
        from raadhuis.web import errors

        response = errors.page(request, status, message)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        # The rest of the body is not read: close the connection rather than keep it open.
        return answer(request, 413, str(exc.detail), {"Connection": "close"})

    @app.exception_handler(WriteBusy)
    async def busy(request: Request, exc: WriteBusy) -> Response:
        return answer(request, 503, str(exc), {"Retry-After": "5"})
