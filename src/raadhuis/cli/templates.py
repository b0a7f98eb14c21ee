"""raadhuis template: a starting dataset and a formatieplan to fill in, accepted as they are."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from raadhuis.cli.base import CTX, _day, _esc, _run, app, err_console
from raadhuis.i18n import t


class Kind(str, Enum):
    dataset = "dataset"
    formatieplan = "formatieplan"


@app.command()
def template(
    kind: Annotated[Kind, typer.Argument(help="dataset (YAML) of formatieplan (Excel).")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Bestand; een dataset zonder -o gaat naar het scherm.")
    ] = None,
    org: Annotated[
        str | None,
        typer.Option("--org", help="Dataset: id van de organisatie. Formatieplan: een organisatie in het register."),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Dataset: naam van de organisatie.")] = None,
    at: Annotated[
        str | None, typer.Option("--at", help="Startdatum (dataset) of peildatum (formatieplan); standaard 1 januari.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Een bestaand bestand overschrijven.")] = False,
) -> None:
    """Schrijf een sjabloon om in te vullen: een startdataset (YAML) of een formatieplan (Excel)."""
    from raadhuis.services import templates

    lang = CTX.lang
    day = _day(at) if at else None
    if output is not None and output.exists() and not force:
        _say("[red]" + t("error", lang) + "[/red] " + _esc(t("template.exists", lang, file=output)))
        raise typer.Exit(1)
    if kind is Kind.dataset:
        shown = str(output) if output else None
        text = _run(templates.dataset_text, org or templates.DEFAULT_ORG, name, day, shown, lang)
        if output is None:
            sys.stdout.write(text)
            return
        output.write_text(text, "utf-8")
        _say(_esc(t("template.written", lang, file=output)))
        _say(_esc(t("template.next_dataset", lang, file=output)))
        return
    if output is None:
        _say("[red]" + t("error", lang) + "[/red] " + _esc(t("template.needs_output", lang)))
        raise typer.Exit(1)
    store = CTX.open() if org else None
    path = _run(templates.formatieplan, output, store, org, day, lang)
    from datetime import date

    shown_day = (day or date(date.today().year, 1, 1)).isoformat()
    _say(_esc(t("template.written", lang, file=path)))
    _say(_esc(t("template.next_formatieplan", lang, file=path, org=org or templates.DEFAULT_ORG, day=shown_day)))


def _say(text: str) -> None:
    err_console.print(text, highlight=False, soft_wrap=True)
