"""`raadhuis serve`: the workbench on this computer only, unless told otherwise."""

from __future__ import annotations

import uvicorn

from raadhuis.store.database import Store
from raadhuis.web.app import create_app


def run(store: Store, host: str = "127.0.0.1", port: int = 8000, lang: str = "nl") -> None:
    uvicorn.run(create_app(store, lang=lang), host=host, port=port, log_level="info")
