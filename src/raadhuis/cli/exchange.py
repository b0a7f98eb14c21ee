"""Commands that read files into the register and write it out: datasets, W3C ORG, Excel/CSV."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from raadhuis.cli.base import (
    CTX,
    Fmt,
    _day,
    _fail,
    _input_file,
    _json,
    _moment,
    _run,
    _view,
    app,
    console,
    err_console,
)
from raadhuis.i18n import t
from raadhuis.services import exchange, register


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="Dataset(s): YAML of JSON, of W3C ORG (.ttl/.jsonld).")],
    reason: Annotated[str, typer.Option("--reason", "-m", help="Waarom deze wijziging.")] = "",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Alleen controleren, niets opslaan.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Lees een dataset in: alles of niets, met wie, wanneer en waarom."""
    for file in files:  # every file checked before anything is read or written
        _input_file(file, "dataset")
        _run(exchange.input_kind, file)
    store = CTX.open()
    results = []
    for file in files:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=fmt is Fmt.json,
        ) as bar:
            task = bar.add_task(file.name, total=2)

            def progress(stage: str, done: int, total: int, _task: Any = task, _name: str = file.name) -> None:
                bar.update(
                    _task,
                    description=f"{_name}: {stage}",
                    completed=(1 if stage == "rebuild" else 0) + (done / total if total else 1),
                )

            result = _run(exchange.import_file, store, file, reason=reason, dry_run=dry_run, progress=progress)
        results.append(result)
        if fmt is Fmt.text:
            key = "import.unchanged" if not result.changed else ("import.dry" if dry_run else "import.ok")
            console.print(
                t(key, CTX.lang, file=file, events=result.events, changeset=result.changeset), highlight=False
            )
            if result.conflicts:
                console.print(t("import.conflicts", CTX.lang))
                from raadhuis.i18n.errors import conflict_words

                for org, items in result.conflicts.items():
                    for c in items:
                        console.print(f"  {org}: {conflict_words(c, CTX.lang)}", highlight=False)
    if fmt is Fmt.json:
        _json([r.to_dict() for r in results])


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Dataset(s): YAML of JSON.")],
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Controleer een dataset tegen het schema en de historie in de database; schrijft niets."""
    for file in files:
        _input_file(file, "dataset")
        _run(exchange.input_kind, file)
    store = CTX.open()
    out = []
    for file in files:
        result = _run(exchange.import_file, store, file, dry_run=True)
        out.append(
            {
                "file": str(file),
                "valid": True,
                "organisations": result.organisations,
                "events": result.events,
                "conflicts": result.conflicts,
            }
        )
        if fmt is Fmt.text:
            console.print(
                t("validate.ok", CTX.lang, file=file, orgs=len(result.organisations), events=result.events),
                highlight=False,
            )
    if fmt is Fmt.json:
        _json(out)


class ExportFmt(str, Enum):
    yaml = "yaml"
    json = "json"
    jsonld = "jsonld"
    turtle = "turtle"
    xlsx = "xlsx"
    csv = "csv"


@app.command()
def export(
    org: Annotated[str | None, typer.Argument(help="Organisatie (CBS-code of slug); leeg = alles.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Bestand (map voor csv); anders stdout.")
    ] = None,
    fmt: Annotated[
        ExportFmt, typer.Option("--format", help="yaml, json, jsonld, turtle, xlsx of csv.")
    ] = ExportFmt.yaml,
    at: Annotated[str | None, typer.Option("--at", help="Peildatum (xlsx/csv; W3C ORG: stand op die dag).")] = None,
    planned: Annotated[bool, typer.Option("--planned", help="Geplande stand (xlsx/csv).")] = False,
    known_at: Annotated[str | None, typer.Option("--known-at", help="Zoals bekend op dit moment.")] = None,
) -> None:
    """Exporteer: dataset (YAML/JSON, opnieuw in te lezen), W3C ORG (JSON-LD/Turtle) of Excel/CSV."""
    store = CTX.open()
    if fmt in (ExportFmt.xlsx, ExportFmt.csv):
        if org is None or output is None:
            _fail(t("cli.export_needs_org", CTX.lang))
        paths = _run(exchange.export_file, store, org, fmt.value, output, _day(at), _view(planned), CTX.lang)
        for p in paths:
            err_console.print(t("export.ok", CTX.lang, file=p))
        return
    text = _run(exchange.export_text, store, org, fmt.value, _day(at) if at else None, _moment(known_at))
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, "utf-8")
        err_console.print(t("export.ok", CTX.lang, file=output))


@app.command("import-excel")
def import_excel(
    file: Annotated[Path, typer.Argument(help="Formatieplan of HR-export: .xlsx of .csv.")],
    org: Annotated[str, typer.Option("--org", help="Organisatie (CBS-code of slug).")],
    at: Annotated[str, typer.Option("--at", help="Stand per JJJJ-MM-DD.")],
    mapping: Annotated[Path | None, typer.Option("--mapping", help="Opgeslagen kolomindeling (.json/.yaml).")] = None,
    save_mapping: Annotated[Path | None, typer.Option("--save-mapping", help="Kolomindeling bewaren.")] = None,
    complete: Annotated[
        bool, typer.Option("--complete", help="Het blad is de hele formatie: ontbrekende plaatsen vervallen.")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Toon wat er zou veranderen; niets opslaan.")] = False,
    reason: Annotated[str, typer.Option("--reason", "-m", help="Waarom deze wijziging.")] = "",
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Lees een formatieplan uit Excel/CSV in: alleen wat veranderde wordt een gebeurtenis."""
    from raadhuis.formats.excel_sheets import sniff_mapping
    from raadhuis.formats.mapping import ColumnMapping
    from raadhuis.services import formatieplan

    _input_file(file, "excel")
    if mapping:
        _input_file(mapping, "mapping")
    store = CTX.open()
    day = _day(at)
    cmap = _run(ColumnMapping.load, mapping) if mapping else _run(sniff_mapping, file)
    if save_mapping:
        cmap.save(save_mapping)
    prefix, source_id = formatieplan.default_ids(file, day)
    planned_changes = _run(formatieplan.plan, store, org, file, day, prefix, source_id, complete, CTX.lang, cmap)
    if fmt is Fmt.text:
        for line in planned_changes["sentences"]:
            console.print(f"• {line}", highlight=False)
        if not planned_changes["events"]:
            console.print(t("cli.no_changes", CTX.lang))
    if dry_run or not planned_changes["events"]:
        if fmt is Fmt.json:
            _json({"dry_run": True, "rows": planned_changes["rows"], "changes": planned_changes["sentences"]})
        return
    result = _run(
        formatieplan.commit,
        store,
        org,
        file,
        day,
        prefix,
        source_id,
        register.current_user(),
        reason or f"formatieplan {file.name} per {day.isoformat()}",
        complete,
        None,
        False,
        cmap,
    )
    if fmt is Fmt.json:
        _json(dict(result.to_dict(), changes=planned_changes["sentences"]))
    else:
        console.print(
            t("import.ok", CTX.lang, file=file, events=len(planned_changes["events"]), changeset=result.changeset),
            highlight=False,
        )
