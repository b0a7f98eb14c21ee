"""The sources command: what each source supports, and facts without source or assumption."""

from __future__ import annotations

from typing import Annotated

import typer

from raadhuis.cli.base import CTX, Fmt, _esc, _json, _run, app, console
from raadhuis.i18n import t


@app.command()
def sources(
    org: Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")],
    unsupported: Annotated[
        bool, typer.Option("--unsupported", help="Alleen feiten zonder bron en zonder aanname.")
    ] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Bronnen en de feiten die ze onderbouwen; feiten zonder bron of aanname-markering."""
    from raadhuis.services.sources import evidence

    data = _run(evidence, CTX.open(), org)
    if fmt is Fmt.json:
        _json(data if not unsupported else {"organisation": data["organisation"], "unsupported": data["unsupported"]})
        return
    if not unsupported:
        for src in data["sources"]:
            head = f"[bold]{_esc(src.get('title') or src['id'])}[/bold]"
            meta = ", ".join(str(src[k]) for k in ("publisher", "date") if src.get(k))
            console.print(head + (f" ({_esc(meta)})" if meta else ""))
            for f in src["facts"]:
                where = f" — {t('cli.page', CTX.lang)} {f['page']}" if f.get("page") else ""
                quote = f' — "{f["quote"]}"' if f.get("quote") else ""
                console.print(
                    f"  {f['kind']} {_esc(f['id'])}: {_esc(f['label'])}{_esc(where)}{_esc(quote)}", highlight=False
                )
        console.print(t("cli.assumptions", CTX.lang, n=len(data["assumptions"])))
    console.print(t("cli.unsupported", CTX.lang, n=len(data["unsupported"])))
    for f in data["unsupported"]:
        console.print(f"  {f['kind']} {_esc(f['id'])}: {_esc(f['label'])}", highlight=False)
