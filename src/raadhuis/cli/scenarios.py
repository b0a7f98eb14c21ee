"""``raadhuis scenario …``: branch an organisation, model changes, compare, export, promote.

Every command calls one function of services/scenarios.py (or services/salary.py) and prints its
answer as text, or with ``--format json`` in the shape documented in docs/cli.md. Errors name the
place (``events[0].unit``) and nothing is written. The author is the computer's user (``… (cli)``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.cli.base import CTX, Fmt, _day, _esc, _fail, _fail_input, _json, _run, app, console
from raadhuis.domain.model import View
from raadhuis.domain.salary import STEP_RULES
from raadhuis.domain.scenario import AfterBranch
from raadhuis.formats.text import TextError, parse, read_text
from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_date, format_fte, format_moment
from raadhuis.services import comparison, register, salary
from raadhuis.services import scenarios as svc

scenario_app = typer.Typer(
    help="Scenario's: een organisatie aftakken, wijzigingen modelleren, vergelijken, bevorderen.", no_args_is_help=True
)
app.add_typer(scenario_app, name="scenario")

Org = Annotated[str, typer.Argument(help="Organisatie (CBS-code, id of naam).")]
Sid = Annotated[str, typer.Argument(help="Id van het scenario.")]
EventId = Annotated[str, typer.Argument(help="Id van de gebeurtenis.")]
Format = Annotated[Fmt, typer.Option("--format", help="text of json")]
Reason = Annotated[str, typer.Option("--reason", help="Waarom (komt in het logboek).")]


def _tr(key: str, **values: object) -> str:
    return t(key, CTX.lang, **values)


def _who() -> str:
    return f"{register.current_user()} (cli)"


def _done(data: dict[str, Any], fmt: Fmt, text: str) -> None:
    if fmt is Fmt.json:
        _json(data)
    else:
        console.print(text, highlight=False)


def _events_from(path: str | None, event: list[str] | None) -> list[Any]:
    """Events from a YAML/JSON file (one event or a list) and from ``--event`` texts (JSON or YAML)."""
    out: list[Any] = []
    sources = [(f"--event[{i}]", e) for i, e in enumerate(event or [])]
    if path:
        sources.insert(0, (path, read_text(path)))
    for name, text in sources:
        try:
            data = parse(text, "json" if str(name).endswith(".json") else "yaml")
        except TextError as exc:
            _fail_input(InputErrors([InputError(str(name), exc.line, "(event)", exc.message)]))
        out.extend(data if isinstance(data, list) else [data])
    if not out:
        _fail_input(InputErrors([InputError("(cli)", None, "[FILE]", "expected a file with events or --event")]))
    return out


@scenario_app.command("new")
def new_cmd(
    org: Org,
    name: Annotated[str, typer.Argument(help="Naam van het scenario.")],
    branch: Annotated[str, typer.Option("--from", help="Aftakdag: 1-9-2011 of 2011-09-01.")],
    planned: Annotated[
        bool, typer.Option("--planned", help="Bovenop de geplande weergave (standaard: feitelijk).")
    ] = False,
    what_if: Annotated[
        bool, typer.Option("--what-if", help="Wat-als: na de aftakdag gebeurt alleen wat het scenario zegt.")
    ] = False,
    owner: Annotated[str | None, typer.Option("--owner", help="Eigenaar (standaard: u).")] = None,
    description: Annotated[str | None, typer.Option("--description", help="Omschrijving.")] = None,
    decide_by: Annotated[str | None, typer.Option("--decide-by", help="Streefdatum besluit.")] = None,
    effective_by: Annotated[str | None, typer.Option("--effective-by", help="Streefdatum ingang.")] = None,
    scenario_id: Annotated[str | None, typer.Option("--id", help="Eigen id (standaard uit de naam).")] = None,
    reason: Reason = "",
    fmt: Format = Fmt.text,
) -> None:
    """Een nieuw scenario (concept), afgetakt op een dag."""
    data = _run(
        svc.new,
        CTX.open(),
        org,
        name,
        branch,
        _who(),
        View.PLANNED if planned else View.ACTUAL,
        AfterBranch.SCENARIO_ONLY if what_if else AfterBranch.REGISTER,
        owner,
        description,
        decide_by,
        effective_by,
        scenario_id,
        reason,
        "cli",
    )
    _done(data, fmt, _tr("scn.cli.new", id=data["scenario"]["id"], day=format_date(data["scenario"]["from"], CTX.lang)))


@scenario_app.command("list")
def list_cmd(org: Org, fmt: Format = Fmt.text) -> None:
    """De scenario's van een organisatie."""
    data = _run(svc.list_scenarios, CTX.open(), org, CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    if not data["scenarios"]:
        console.print(_tr("scn.cli.none"))
        return
    table = Table(title=_tr("scn.cli.list_title", org=data["organisation"]["name"]))
    for col in ("id", "name", "status", "scn.cli.from", "events", "scn.cli.stale"):
        table.add_column(_tr(col))
    for s in data["scenarios"]:
        table.add_row(
            s["id"],
            s["name"],
            _tr("scn.status." + s["status"]),
            format_date(s["from"], CTX.lang),
            str(s["events"]),
            _tr("scn.yes") if s["stale"] else "",
        )
    console.print(table)


@scenario_app.command("show")
def show_cmd(
    org: Org,
    sid: Sid,
    at: Annotated[str | None, typer.Option("--at", help="Dag (standaard: na de laatste wijziging).")] = None,
    fmt: Format = Fmt.text,
) -> None:
    """Een scenario: wat het verandert, de eenheden die ontstaan, wat niet past."""
    data = _run(svc.show, CTX.open(), org, sid, _day(at) if at else None, CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    s = data["scenario"]
    console.print(f"[bold]{_esc(s['name'])}[/bold] ({_tr('scn.status.' + s['status'])})", highlight=False)
    console.print(
        _tr(
            "scn.cli.branch",
            day=format_date(s["from"], CTX.lang),
            view=_tr("view." + s["view"]),
            at=format_date(data["at"], CTX.lang),
        ),
        highlight=False,
    )
    if data["stale"]["stale"]:
        console.print(f"[yellow]{_esc(_tr('scn.stale'))}[/yellow]", highlight=False)
        for c in data["stale"]["changes"]:
            when = format_moment(c["recorded_at"], CTX.lang)
            console.print(f"  {_esc(c['recorded_by'])}, {_esc(when)}: {_esc(c['reason'])}", highlight=False)
    for line in data["changes"]:
        console.print(f"  • {_esc(line['text'])}", highlight=False)
    for c in data["conflicts"]:
        console.print(
            f"  [red]{_esc(_tr('scn.conflicts'))}[/red] {_esc(c['event'])} ({_esc(c['field'])}): {_esc(c['message'])}",
            highlight=False,
        )
    for c in data["displaced"]:
        console.print(
            f"  [yellow]{_esc(_tr('scn.displaced'))}[/yellow] {_esc(c['event'])}: {_esc(c['message'])}", highlight=False
        )
    tot = data["totals"]
    console.print(
        _tr("scn.cli.totals", units=tot["units"], posts=tot["posts"], fte=format_fte(tot["formatie_fte"], CTX.lang)),
        highlight=False,
    )


@scenario_app.command("add-event")
def add_event_cmd(
    org: Org,
    sid: Sid,
    file: Annotated[str | None, typer.Argument(help="YAML- of JSON-bestand met één gebeurtenis of een lijst.")] = None,
    event: Annotated[list[str] | None, typer.Option("--event", help="Een gebeurtenis als JSON of YAML.")] = None,
    version: Annotated[int | None, typer.Option("--version", help="De versie waarop u de wijziging maakte.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Alleen controleren, niets opslaan.")] = False,
    reason: Reason = "",
    fmt: Format = Fmt.text,
) -> None:
    """Voorgestelde gebeurtenissen aan een scenario toevoegen (een bestaande id vervangt die)."""
    events = _events_from(file, event)
    origin = Path(file).name if file and not event else "--event" if event and not file else "cli"
    data = _run(svc.add_events, CTX.open(), org, sid, events, _who(), reason, origin, version, dry_run)
    _done(data, fmt, _tr("scn.cli.added", n=len(data["events"]), ids=", ".join(data["events"])))


@scenario_app.command("remove-event")
def remove_event_cmd(org: Org, sid: Sid, event_id: EventId, reason: Reason = "", fmt: Format = Fmt.text) -> None:
    """Een voorgestelde gebeurtenis uit een scenario halen (de vorige versie bewaart haar)."""
    data = _run(svc.remove_event, CTX.open(), org, sid, event_id, _who(), reason, "cli")
    _done(data, fmt, _tr("scn.cli.removed", id=event_id))


@scenario_app.command("copy")
def copy_cmd(
    org: Org,
    sid: Sid,
    name: Annotated[
        str | None, typer.Option("--name", help="Naam van de kopie (standaard: de naam met '(kopie)').")
    ] = None,
    reason: Reason = "",
    fmt: Format = Fmt.text,
) -> None:
    """Een kopie om mee verder te gaan (concept)."""
    data = _run(svc.copy, CTX.open(), org, sid, _who(), name, reason, "cli")
    _done(data, fmt, _tr("scn.cli.copied", id=data["scenario"]["id"]))


@scenario_app.command("update")
def update_cmd(
    org: Org,
    sid: Sid,
    status: Annotated[str | None, typer.Option("--status", help="draft, submitted of rejected.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Naam van het scenario.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="Omschrijving.")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Eigenaar.")] = None,
    decide_by: Annotated[str | None, typer.Option("--decide-by", help="Streefdatum besluit.")] = None,
    effective_by: Annotated[str | None, typer.Option("--effective-by", help="Streefdatum ingang.")] = None,
    reason: Reason = "",
    fmt: Format = Fmt.text,
) -> None:
    """Naam, omschrijving, eigenaar, streefdata of status van een scenario wijzigen."""
    fields = {"status": status, "name": name, "description": description, "owner": owner}
    fields |= {"decide_by": decide_by, "effective_by": effective_by}
    data = _run(svc.update, CTX.open(), org, sid, _who(), reason, "cli", None, **fields)
    _done(data, fmt, _tr("scn.cli.updated", id=sid, status=_tr("scn.status." + data["scenario"]["status"])))


@scenario_app.command("rebase")
def rebase_cmd(org: Org, sid: Sid, reason: Reason = "", fmt: Format = Fmt.text) -> None:
    """De uitgangssituatie bijwerken: de organisatie zoals zij nu op de aftakdag staat."""
    data = _run(svc.rebase, CTX.open(), org, sid, _who(), reason, "cli")
    _done(data, fmt, _tr("scn.cli.rebased", id=sid))


def _compare(
    org: str, ids: list[str], at: str | None, planned: bool | None, charges: float | None, rule: str, table: str | None
) -> dict[str, Any]:
    if rule not in STEP_RULES:
        _fail(_tr("scn.cli.bad_rule", rules=", ".join(STEP_RULES), rule=rule))
    view = None if planned is None else (View.PLANNED if planned else View.ACTUAL)
    data: dict[str, Any] = _run(
        svc.compare,
        CTX.open(),
        org,
        ids,
        _day(at) if at else None,
        view,
        charges=charges,
        step_rule=rule,
        table_id=table,
        lang=CTX.lang,
    )
    return data


CompareAt = Annotated[str | None, typer.Option("--at", help="Vergelijkingsdag (standaard: na de laatste wijziging).")]
Planned = Annotated[bool | None, typer.Option("--planned/--actual", help="Uitgangssituatie: gepland of feitelijk.")]
Charges = Annotated[
    float | None, typer.Option("--charges", help="Opslag werkgeverslasten in procenten (standaard 40).")
]
Rule = Annotated[str, typer.Option("--step-rule", help="Trede zonder gegeven: maximum, middle of minimum.")]
TableId = Annotated[str | None, typer.Option("--table", help="Id van de salaristabel (standaard: die van de dag).")]


@scenario_app.command("compare")
def compare_cmd(
    org: Org,
    ids: Annotated[list[str], typer.Argument(help="Eén tot vier scenario's.")],
    at: CompareAt = None,
    planned: Planned = None,
    charges: Charges = None,
    rule: Rule = "maximum",
    table: TableId = None,
    fmt: Format = Fmt.text,
) -> None:
    """De uitgangssituatie en scenario's naast elkaar: omvang, kosten, spanwijdte, lagen, taakvelden."""
    data = _compare(org, ids, at, planned, charges, rule, table)
    if fmt is Fmt.json:
        _json(data)
        return
    tables = comparison.tables(data, CTX.lang)
    console.print(f"[bold]{_esc(tables.title)}[/bold]", highlight=False)
    console.print(_esc(tables.subtitle), highlight=False)
    for sec in tables.sections:
        if not sec.rows:
            continue
        grid = Table(title=sec.title, title_justify="left")
        grid.add_column(_tr("scn.xlsx.subject"))
        for head in sec.heads or tables.heads:
            grid.add_column(head, overflow="fold")
        for row in sec.rows:
            grid.add_row(
                row.label,
                *[
                    _esc(
                        c.text + (f" ({_tr('assumption')})" if c.assumed else "") + (f"\n{c.delta}" if c.delta else "")
                    )
                    for c in row.cells
                ],
            )
        console.print(grid)
        if sec.note:
            console.print(f"[dim]{_esc(sec.note)}[/dim]", highlight=False)
    for item in tables.per_scenario:
        console.print(f"[bold]{_esc(item['name'])}[/bold]", highlight=False)
        for key, label in (("cooperations", "scn.cooperations"), ("staff", "scn.staff")):
            console.print(f"  {_esc(_tr(label))}: {_esc('; '.join(item[key]) or _tr('scn.none'))}", highlight=False)
        for c in item["conflicts"] + item["displaced"]:
            console.print(f"  [red]{_esc(c['event'])}[/red]: {_esc(c['message'])}", highlight=False)
    console.print(
        f"{_tr('scn.assumptions')}: {_esc('; '.join(tables.assumptions) or _tr('scn.none'))}", highlight=False
    )
    console.print(f"[dim]{_esc(tables.table_note)}[/dim]", highlight=False)


@scenario_app.command("export")
def export_cmd(
    org: Org,
    ids: Annotated[list[str], typer.Argument(help="Eén tot vier scenario's.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Bestand: .xlsx of .pdf.")],
    at: CompareAt = None,
    planned: Planned = None,
    charges: Charges = None,
    rule: Rule = "maximum",
    table: TableId = None,
) -> None:
    """De vergelijking naar Excel (.xlsx) of PDF (.pdf), voor het MT en de raad."""
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        _fail(_tr("scn.cli.bad_output", name=output.name))
    data = _compare(org, ids, at, planned, charges, rule, table)
    tables = comparison.tables(data, CTX.lang)
    if suffix == ".xlsx":
        from raadhuis.formats.scenario_excel import comparison_workbook

        output.write_bytes(comparison_workbook(tables, CTX.lang))
    else:
        from raadhuis.report.scenario_pdf import comparison_pdf

        output.write_bytes(comparison_pdf(tables, CTX.lang))
    console.print(t("export.ok", CTX.lang, file=str(output)), highlight=False)


@scenario_app.command("promote")
def promote_cmd(
    org: Org,
    sid: Sid,
    body: Annotated[str | None, typer.Option("--body", help="Het orgaan: college, raad, directie …")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Datum van het besluit.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Titel van het besluit.")] = None,
    reference: Annotated[str | None, typer.Option("--reference", help="Kenmerk, bijv. RIS 268795.")] = None,
    decision: Annotated[
        str | None, typer.Option("--decision", help="Id van een besluit dat al in het register staat.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Alleen controleren, niets opslaan.")] = False,
    reason: Reason = "",
    fmt: Format = Fmt.text,
) -> None:
    """Het scenario bevorderen tot plan: besloten gebeurtenissen met hun besluit."""
    raw = None if decision else {"body": body, "date": date, "title": title, "reference": reference}
    data = _run(svc.promote, CTX.open(), org, sid, _who(), reason, raw, decision, "cli", None, dry_run)
    _done(data, fmt, _tr("scn.cli.promoted", id=sid, decision=data["decision"], n=len(data["events"])))


@scenario_app.command("realise")
def realise_cmd(org: Org, sid: Sid, event_id: EventId, reason: Reason = "", fmt: Format = Fmt.text) -> None:
    """Vastleggen dat een bevorderde gebeurtenis is gerealiseerd (de statuswijziging van het register)."""
    data = _run(svc.realise, CTX.open(), org, sid, event_id, _who(), reason, "cli")
    _done(data, fmt, _tr("scn.cli.realised", id=event_id))


@scenario_app.command("salary-import")
def salary_import_cmd(
    file: Annotated[str, typer.Argument(help="CSV of Excel: schaal, periodiek, maandbedrag, geldig_vanaf.")],
    name: Annotated[str | None, typer.Option("--name", help="Naam van de tabel.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Titel van de publicatie.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Adres van de publicatie.")] = None,
    illustrative: Annotated[str | None, typer.Option("--illustrative", help="Waarom de tabel illustratief is.")] = None,
    charges: Annotated[
        float | None, typer.Option("--charges", help="Opslag werkgeverslasten (%) bij deze tabel.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Alleen controleren, niets opslaan.")] = False,
    fmt: Format = Fmt.text,
) -> None:
    """Een salaristabel inlezen: alles of niets; fouten noemen bestand, rij en kolom."""
    from pathlib import Path

    from raadhuis.cli.base import _input_file

    _input_file(Path(file), "salary")
    data = _run(
        salary.import_tables, CTX.open(), file, _who(), name, source, url, illustrative, charges, None, None, dry_run
    )
    _done(
        data, fmt, _tr("scn.cli.salary_imported", n=len(data["tables"]), ids=", ".join(x["id"] for x in data["tables"]))
    )


@scenario_app.command("salary-tables")
def salary_tables_cmd(fmt: Format = Fmt.text) -> None:
    """De salaristabellen die de kosten gebruiken (van het register, of de meegeleverde)."""
    data = _run(salary.summaries, CTX.open())
    if fmt is Fmt.json:
        _json(data)
        return
    for tbl in data["tables"]:
        mark = f" [{_tr('assumption')}]" if tbl["assumption"] else ""
        console.print(
            f"{tbl['id']}: {_esc(tbl['name'])} ({format_date(tbl['valid_from'], CTX.lang)}){mark}", highlight=False
        )
    if data["source"]:
        console.print(f"[dim]{_esc(data['source']['title'])}, {_esc(data['source']['url'])}[/dim]", highlight=False)
