"""The command line: thin, every command calls a service and prints its answer.

Dutch by default; ``--lang en`` (or an English locale) for English. Each question
command has ``--format json`` whose shape is documented in docs/cli.md and kept stable.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.tree import Tree

from raadhuis import __version__
from raadhuis.domain.dates import DateError, parse_day
from raadhuis.domain.model import View
from raadhuis.formats.errors import InputErrors
from raadhuis.i18n import detect, t
from raadhuis.services import exchange, register
from raadhuis.store.database import Store, current_revision, describe_url, resolve_url

app = typer.Typer(
    help="Raadhuis — register van de ambtelijke organisatie.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)


class Fmt(str, Enum):
    text = "text"
    json = "json"


class _Ctx:
    db: str | None = None
    lang: str = "nl"
    store: Store | None = None

    def open(self) -> Store:
        if self.store is None:
            self.store = Store(resolve_url(self.db))
        return self.store


CTX = _Ctx()


@app.callback()
def _main(
    db: Annotated[
        str | None, typer.Option("--db", help="Database: SQLite file path or URL (postgresql://...).")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Taal / language: nl of en.")] = None,
    version: Annotated[bool, typer.Option("--version", help="Versie tonen.")] = False,
) -> None:
    if version:
        console.print(f"raadhuis {__version__}")
        raise typer.Exit()
    CTX.db = db
    CTX.lang = detect(lang)
    CTX.store = None


def _day(value: str | None, default: date | None = None) -> date:
    if value is None:
        return default or date.today()
    try:
        return parse_day(value)
    except DateError as exc:
        raise typer.BadParameter(str(exc)) from None


def _moment(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date or date-time (ISO 8601), got {value!r}") from None
    if moment.tzinfo is None:
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
        if len(value) == 10:  # a bare day means: by the end of that day
            moment = moment.replace(hour=23, minute=59, second=59)
    return moment


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _fail_input(exc: InputErrors) -> None:
    for e in exc.errors:
        err_console.print(
            f"[red]{t('error', CTX.lang)}[/red] {_esc(e.text(CTX.lang))}", highlight=False, soft_wrap=True
        )
    err_console.print(t("errors.count", CTX.lang, n=len(exc.errors)))
    raise typer.Exit(1)


def _fail(message: str) -> None:
    from raadhuis.i18n.errors import translate

    err_console.print(
        f"[red]{t('error', CTX.lang)}[/red] {_esc(translate(message, CTX.lang))}", highlight=False, soft_wrap=True
    )
    raise typer.Exit(1)


def _run(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except InputErrors as exc:
        _fail_input(exc)
    except register.NotFound as exc:
        _fail(str(exc))


def _view(planned: bool) -> View:
    return View.PLANNED if planned else View.ACTUAL


# --- store -----------------------------------------------------------------------------


@app.command()
def init() -> None:
    """Maak of upgrade de database (migraties)."""
    store = CTX.open()
    console.print(t("init.ok", CTX.lang, url=describe_url(store.url)))


@app.command()
def info(fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text) -> None:
    """Toon waar de database staat en wat erin zit."""
    store = CTX.open()
    orgs = register.list_organisations(store)
    data = {
        "version": __version__,
        "database": describe_url(store.url),
        "schema_revision": current_revision(store.engine),
        "organisations": len(orgs),
        "language": CTX.lang,
    }
    if fmt is Fmt.json:
        _json(data)
        return
    for key in ("database", "schema_revision", "organisations"):
        console.print(f"{t(key, CTX.lang)}: {data[key]}", highlight=False)


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="Dataset(s): YAML of JSON, of W3C ORG (.ttl/.jsonld).")],
    reason: Annotated[str, typer.Option("--reason", "-m", help="Waarom deze wijziging.")] = "",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Alleen controleren, niets opslaan.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Lees een dataset in: alles of niets, met wie, wanneer en waarom."""
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
            key = "import.dry" if dry_run else "import.ok"
            console.print(
                t(key, CTX.lang, file=file, events=result.events, changeset=result.changeset), highlight=False
            )
            if result.conflicts:
                console.print(t("import.conflicts", CTX.lang))
                for org, items in result.conflicts.items():
                    for c in items:
                        console.print(f"  {org}: {c}", highlight=False)
    if fmt is Fmt.json:
        _json([r.to_dict() for r in results])


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Dataset(s): YAML of JSON.")],
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Controleer een dataset tegen het schema en de historie in de database; schrijft niets."""
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
            _fail(
                "xlsx/csv: geef een organisatie en --output"
                if CTX.lang == "nl"
                else "xlsx/csv: give an organisation and --output"
            )
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


@app.command()
def orgs(
    search: Annotated[str | None, typer.Option("--search", "-s", help="Zoeken op naam of code.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Lijst van organisaties in het register."""
    data = register.list_organisations(CTX.open(), search)
    if fmt is Fmt.json:
        _json(data)
        return
    table = Table(title=t("organisations", CTX.lang))
    for col in ("id", "name", "kind", "events"):
        table.add_column(t(col, CTX.lang))
    for o in data:
        table.add_row(o["id"], o["name"], o["kind"], str(o["events"]))
    console.print(table)


@app.command()
def show(
    org: Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")],
    at: Annotated[str | None, typer.Option("--at", help="Peildatum JJJJ-MM-DD (standaard vandaag).")] = None,
    planned: Annotated[bool, typer.Option("--planned", help="Geplande in plaats van feitelijke stand.")] = False,
    known_at: Annotated[
        str | None, typer.Option("--known-at", help="Zoals het register het wist op dit moment.")
    ] = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """De organisatie op een datum (feitelijk of gepland)."""
    day = _day(at)
    data = _run(register.show, CTX.open(), org, day, _view(planned), _moment(known_at))
    if fmt is Fmt.json:
        _json(data)
        return
    lang = CTX.lang
    title = t(
        "show.title", lang, org=data["organisation"]["name"], at=day.isoformat(), view=t(f"view.{data['view']}", lang)
    )
    if not data["units"]:
        console.print(title, highlight=False)
        console.print(t("show.empty", lang, org=data["organisation"]["name"]))
        return
    tree = Tree(f"[bold]{_esc(title)}[/bold]")
    nodes: dict[str | None, Any] = {None: tree}
    for u in data["units"]:
        label = f"{_esc(u['name'])} [dim]({_esc(u['id'])}, {_esc(u['kind'])}"
        if u["posts"]:
            label += f", {u['fte']:g} fte"
        label += ")[/dim]"
        if u["temporary"]:
            label += " [yellow]tijdelijk[/yellow]" if lang == "nl" else " [yellow]temporary[/yellow]"
        parent = u["parent"] if u["parent"] in nodes else None
        nodes[u["id"]] = nodes[parent].add(label)
    console.print(tree)
    tot = data["totals"]
    console.print(
        t(
            "show.totals",
            lang,
            units=tot["units"],
            posts=tot["posts"],
            fte=f"{tot['fte']:g}",
            filled=f"{tot['filled_fte']:g}",
        ),
        highlight=False,
    )


def _esc(value: Any) -> str:
    from rich.markup import escape

    return escape(str(value))


@app.command()
def diff(
    org: Annotated[str, typer.Argument()],
    start: Annotated[str, typer.Argument(metavar="FROM", help="Eerste datum JJJJ-MM-DD.")],
    end: Annotated[str, typer.Argument(metavar="TO", help="Tweede datum JJJJ-MM-DD.")],
    planned: Annotated[bool, typer.Option("--planned")] = False,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Wat veranderde tussen twee datums."""
    data = _run(register.diff, CTX.open(), org, _day(start), _day(end), _view(planned))
    if fmt is Fmt.json:
        _json(data)
        return
    lang = CTX.lang
    console.print(
        t(
            "diff.title",
            lang,
            org=data["organisation"]["name"],
            start=data["from"],
            end=data["to"],
            view=t(f"view.{data['view']}", lang),
        ),
        highlight=False,
    )
    if not data["changes"]:
        console.print(t("diff.none", lang))
        return
    table = Table()
    for col in ("unit", "status", "name"):
        table.add_column(t(col, lang))
    table.add_column("")
    for ch in data["changes"]:
        detail = ""
        if ch["change"] in ("merged", "split") and ch["related"]:
            detail = "→ " + ", ".join(ch["related"]) if ch["after"] is None else "← " + ", ".join(ch["related"])
        elif ch["change"] == "renamed":
            detail = f"{ch['before']['name']} → {ch['after']['name']}"
        elif ch["change"] == "moved":
            detail = f"{ch['before']['parent']} → {ch['after']['parent']}"
        elif ch["change"] == "fte_changed":
            detail = f"{ch['fte_before'] or 0:g} → {ch['fte_after'] or 0:g} fte"
        table.add_row(ch["id"], t(f"change.{ch['change']}", lang), ch["name"], detail)
    console.print(table)


@app.command()
def lineage(
    org: Annotated[str, typer.Argument()],
    unit: Annotated[str, typer.Argument(help="Id of naam van de eenheid.")],
    planned: Annotated[bool, typer.Option("--planned")] = False,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Herkomst en opvolging van een eenheid (samenvoegingen, splitsingen, overgangen)."""
    data = _run(register.lineage_of, CTX.open(), org, unit, _view(planned))
    if fmt is Fmt.json:
        _json(data)
        return
    lang = CTX.lang
    u = data["unit"]
    console.print(t("lineage.title", lang, unit=f"{u['name']} ({u['id']})"), highlight=False)
    for key in ("predecessors", "successors"):
        items = data[key]
        console.print(f"  {t('lineage.' + key, lang)}:", highlight=False)
        if not items:
            console.print(f"    {t('lineage.none', lang)}")
        for p in items:
            where = "" if p["organisation"] == data["organisation"]["id"] else f" [{p['organisation']}]"
            console.print(
                f"    {p['date']}  {p['name']} ({p['id']}){where} — {t('event.' + p['type'], lang)} ({p['event']})",
                highlight=False,
            )


@app.command()
def timeline(
    org: Annotated[str, typer.Argument()],
    start: Annotated[str | None, typer.Option("--from")] = None,
    end: Annotated[str | None, typer.Option("--to")] = None,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="proposed, decided, realised, not_realised")
    ] = None,
    type_: Annotated[list[str] | None, typer.Option("--type")] = None,
    unit: Annotated[str | None, typer.Option("--unit")] = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """De gebeurtenissen in volgorde, met besluit en bronnen."""
    data = _run(
        register.timeline,
        CTX.open(),
        org,
        _day(start) if start else None,
        _day(end) if end else None,
        status,
        type_,
        unit,
        CTX.lang,
    )
    if fmt is Fmt.json:
        _json(data)
        return
    lang = CTX.lang
    console.print(t("timeline.title", lang, org=data["organisation"]["name"]), highlight=False)
    if not data["events"]:
        console.print(t("timeline.empty", lang))
        return
    table = Table()
    for col in ("date", "type", "status", "unit", "decision", "sources"):
        table.add_column(t(col, lang))
    for e in data["events"]:
        srcs = ", ".join(s.get("title") or s["source"] for s in e["sources"])
        if e["assumption"]:
            srcs = (srcs + "; " if srcs else "") + t("assumption", lang)
        status_text = t(f"status.{e['status']}", lang)
        if e["conflict"]:
            status_text += f" ({t('timeline.conflict', lang)})"
        dec = e["decision"]
        table.add_row(
            e["date_label"],
            t(f"event.{e['type']}", lang),
            status_text,
            " ".join(e["units"]),
            f"{dec['body']} {dec['date']}" if dec else "",
            srcs,
        )
    console.print(table)


@app.command("not-realised")
def not_realised_cmd(
    org: Annotated[str, typer.Argument()],
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Besloten of voorgestelde gebeurtenissen die niet zijn gerealiseerd."""
    data = _run(register.not_realised, CTX.open(), org)
    if fmt is Fmt.json:
        _json(data)
        return
    for e in data["events"]:
        console.print(
            f"{e['date_label']}  {t('event.' + e['type'], CTX.lang)}  {' '.join(e['units'])}  "
            f"— {e.get('realised_by') or ''}",
            highlight=False,
        )


@app.command()
def history(
    org: Annotated[str, typer.Argument()],
    event: Annotated[str, typer.Argument(help="Id van de gebeurtenis.")],
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Alle vastgelegde versies van een gebeurtenis: wie, wanneer, waarom."""
    data = _run(register.history_of_event, CTX.open(), org, event)
    if fmt is Fmt.json:
        _json(data)
        return
    for v in data:
        console.print(
            f"v{v['version']}  {v['recorded_at']}  {v['recorded_by']}  {v['reason']}"
            f"{'  (ingetrokken)' if v['retracted'] else ''}",
            highlight=False,
        )


@app.command()
def retract(
    org: Annotated[str, typer.Argument()],
    event: Annotated[str, typer.Argument()],
    reason: Annotated[str, typer.Option("--reason", "-m")] = "",
) -> None:
    """Trek een gebeurtenis in (blijft in het logboek bewaard)."""
    _run(register.retract_event, CTX.open(), org, event, None, reason)
    console.print("ok")


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


@app.command()
def examples(fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text) -> None:
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
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Lees de CBS-gemeentelijke indeling in."""
    from raadhuis.services.municipalities import import_cbs

    data = _run(import_cbs, CTX.open(), file, _day(valid_on) if valid_on else None)
    if fmt is Fmt.json:
        _json(data)
        return
    console.print(
        f"{data['periods']} perioden ingelezen uit {file}"
        if CTX.lang == "nl"
        else f"{data['periods']} periods imported from {file}",
        highlight=False,
    )


@app.command()
def municipalities(
    at: Annotated[str | None, typer.Option("--at", help="Peildatum JJJJ-MM-DD (standaard vandaag).")] = None,
    province: Annotated[str | None, typer.Option("--province", help="Provincie: naam of code.")] = None,
    count_by_year: Annotated[bool, typer.Option("--count-by-year", help="Aantal per 1 januari per jaar.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Gemeenten volgens de CBS-indeling op een datum."""
    from raadhuis.formats.cbs import UnknownProvince
    from raadhuis.services import municipalities as mun

    store = CTX.open()
    if not mun.has_municipalities(store):
        _fail(
            "geen CBS-indeling in het register; lees die eerst in met: raadhuis import-cbs BESTAND"
            if CTX.lang == "nl"
            else "no CBS classification in the register; import it first: raadhuis import-cbs FILE"
        )
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
    reason: Annotated[str, typer.Option("--reason", "-m")] = "",
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Lees een formatieplan uit Excel/CSV in: alleen wat veranderde wordt een gebeurtenis."""
    from raadhuis.formats.excel_import import sniff_mapping
    from raadhuis.formats.mapping import ColumnMapping
    from raadhuis.services import formatieplan

    store = CTX.open()
    day = _day(at)
    cmap = _run(ColumnMapping.load, mapping) if mapping else _run(sniff_mapping, file)
    if save_mapping:
        cmap.save(save_mapping)
    prefix = f"xl-{file.stem}-{day.isoformat()}"
    source_id = f"bron-{file.stem}-{day.isoformat()}"
    planned_changes = _run(formatieplan.plan, store, org, file, day, prefix, source_id, complete, CTX.lang, cmap)
    if fmt is Fmt.text:
        for line in planned_changes["sentences"]:
            console.print(f"• {line}", highlight=False)
        if not planned_changes["events"]:
            console.print("Geen wijzigingen." if CTX.lang == "nl" else "No changes.")
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


@app.command()
def sources(
    org: Annotated[str, typer.Argument()],
    unsupported: Annotated[
        bool, typer.Option("--unsupported", help="Alleen feiten zonder bron en zonder aanname.")
    ] = False,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Bronnen en de feiten die ze onderbouwen; feiten zonder bron of aanname-markering."""
    from raadhuis.services.sources import evidence

    data = _run(evidence, CTX.open(), org)
    if fmt is Fmt.json:
        _json(data if not unsupported else {"organisation": data["organisation"], "unsupported": data["unsupported"]})
        return
    nl = CTX.lang == "nl"
    if not unsupported:
        for src in data["sources"]:
            head = f"[bold]{_esc(src.get('title') or src['id'])}[/bold]"
            meta = ", ".join(str(src[k]) for k in ("publisher", "date") if src.get(k))
            console.print(head + (f" ({_esc(meta)})" if meta else ""))
            for f in src["facts"]:
                where = f" — p. {f['page']}" if f.get("page") else ""
                quote = f' — "{f["quote"]}"' if f.get("quote") else ""
                console.print(
                    f"  {f['kind']} {_esc(f['id'])}: {_esc(f['label'])}{_esc(where)}{_esc(quote)}", highlight=False
                )
        console.print(("Aannames: " if nl else "Assumptions: ") + str(len(data["assumptions"])))
    console.print(
        ("Zonder bron en zonder aanname: " if nl else "Without source or assumption: ") + str(len(data["unsupported"]))
    )
    for f in data["unsupported"]:
        console.print(f"  {f['kind']} {_esc(f['id'])}: {_esc(f['label'])}", highlight=False)


def _register_more() -> None:
    # The analysis commands live in their own module; registered here so `raadhuis --help` lists them.
    from raadhuis.cli_analysis import register_commands

    register_commands(app)


_register_more()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
