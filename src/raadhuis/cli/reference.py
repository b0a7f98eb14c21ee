"""Commands for the examples and the official reference data (CBS municipalities)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from raadhuis.cli.base import CTX, Fmt, _day, _fail, _input_file, _json, _run, app, console
from raadhuis.i18n import t


@app.command()
def examples(fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text) -> None:
    """Laad de voorbeelddatasets (Losser, Den Haag, jaarverslag 2024, Wormerland–Oostzaan–Landsmeer)."""
    from raadhuis.services.examples import load_examples

    results = _run(load_examples, CTX.open())
    if fmt is Fmt.json:
        _json([r.to_dict() for r in results])
        return
    for r in results:
        console.print(t("examples.ok", CTX.lang, file=Path(r.file).name), highlight=False)


@app.command("import-cbs")
def import_cbs_cmd(
    file: Annotated[Path, typer.Argument(help="CBS-indeling: XML (alle jaren) of tabel (xlsx/csv).")],
    valid_on: Annotated[str | None, typer.Option("--valid-on", help="Voor een tabel: geldig op JJJJ-MM-DD.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Lees de CBS-gemeentelijke indeling in."""
    from raadhuis.services.municipalities import import_cbs

    _input_file(file, "cbs")
    data = _run(import_cbs, CTX.open(), file, _day(valid_on) if valid_on else None)
    if fmt is Fmt.json:
        _json(data)
        return
    console.print(
        t("cli.cbs_imported", CTX.lang, n=data["periods"], file=file),
        highlight=False,
    )


@app.command()
def municipalities(
    at: Annotated[str | None, typer.Option("--at", help="Peildatum JJJJ-MM-DD (standaard vandaag).")] = None,
    province: Annotated[str | None, typer.Option("--province", help="Provincie: naam of code.")] = None,
    count_by_year: Annotated[bool, typer.Option("--count-by-year", help="Aantal per 1 januari per jaar.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Gemeenten volgens de CBS-indeling op een datum."""
    from raadhuis.formats.cbs import UnknownProvince
    from raadhuis.services import municipalities as mun

    store = CTX.open()
    if not mun.has_municipalities(store):
        _fail(t("cli.no_cbs", CTX.lang))
    if count_by_year:
        counts = mun.counts_per_year(store)
        if fmt is Fmt.json:
            _json([{"year": y, "count": n} for y, n in counts.items()])
            return
        for y, n in counts.items():
            console.print(f"{y}: {n}", highlight=False)
        return
    try:
        data = mun.municipalities(store, _day(at), province)
    except UnknownProvince as exc:
        _fail(str(exc))
    if fmt is Fmt.json:
        _json(data)
        return
    table = Table(title=f"{t('organisations', CTX.lang)}: {len(data)}")
    for col in ("code", "name", "province"):
        table.add_column(t(col, CTX.lang))
    for m in data:
        table.add_row(m["code"], m["name"], m["province"])
    console.print(table)
