"""The serve command: the web workbench."""

from __future__ import annotations

from typing import Annotated

import typer

from raadhuis.cli.base import CTX, app, err_console
from raadhuis.i18n import t


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Adres; standaard alleen deze computer.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    no_examples: Annotated[
        bool, typer.Option("--no-examples", help="Geen voorbeelden laden bij een lege database.")
    ] = False,
) -> None:
    """Start de webwerkbank (standaard op http://127.0.0.1:8000)."""
    from raadhuis.web.server import run

    store = CTX.open()
    if not no_examples:
        from raadhuis.services.examples import load_examples_if_empty

        for file in load_examples_if_empty(store):
            err_console.print(t("examples.ok", CTX.lang, file=file.name))
    run(store, host=host, port=port, lang=CTX.lang)
