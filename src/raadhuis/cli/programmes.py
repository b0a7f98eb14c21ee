"""Commands for programmes and challenges: ``programmes``, ``programme`` and ``challenges``.

Each prints the answer of services/programmes.py or services/challenges.py — as text with the
quote behind every fact, or with ``--format json`` in the shape documented in docs/cli.md and
docs/programmas.md (the programme's ``budget``, ``milestones``, ``progress``, ``owner``, ``posts``
and ``sources`` are a contract).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from raadhuis.cli.base import CTX, Fmt, _day, _esc, _json, _run, app, console, err_console
from raadhuis.i18n import programmes as words
from raadhuis.i18n import t
from raadhuis.i18n.programmes import amount_label
from raadhuis.services import challenges as challenge_svc
from raadhuis.services import programmes as svc

At = Annotated[
    str | None,
    typer.Option(
        "--at", help="Peildatum JJJJ-MM-DD: programma's die dan lopen, metingen tot die dag (standaard: alles)."
    ),
]


def _tr(key: str, **values: object) -> str:
    return t(key, CTX.lang, **values)


def _mark(value: Any) -> str:
    """The assumption mark: '[aanname: what is assumed]'."""
    if not value:
        return ""
    return f" [{_tr('assumption')}{': ' + str(value) if isinstance(value, str) else ''}]"


def _quotes(sources: list[dict[str, Any]], indent: str = "    ") -> None:
    for c in sources:
        if c.get("quote"):
            console.print(
                f'{indent}[dim]"{_esc(c["quote"])}" ({_esc(c.get("title") or c["source"])})[/dim]',
                highlight=False,
                soft_wrap=True,
            )


def _line(text: str, indent: str = "  ") -> None:
    console.print(f"{indent}{_esc(text)}", highlight=False, soft_wrap=True)


def reading_text(r: dict[str, Any] | None) -> str:
    return words.reading_text(r, CTX.lang)


def budget_text(b: dict[str, Any]) -> str:
    return words.budget_text(b, CTX.lang)


def _period(p: dict[str, Any]) -> str:
    start = p["from_label"] or _tr("programme.start_unknown")
    end = p["to_label"] or _tr("programme.until_unknown")
    return f"{start} – {end}"


@app.command("programmes")
def programmes_cmd(
    org: Annotated[str | None, typer.Argument(help="Organisatie (CBS-code of slug); zonder: alle.")] = None,
    at: At = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
    xlsx: Annotated[
        Path | None, typer.Option("--xlsx", help="Budgetten, verdeling en uitgaven ook als Excel-bestand schrijven.")
    ] = None,
) -> None:
    """Programma's en projecten: stand, budget en laatste voortgangsmeting."""
    data = _run(svc.programmes, CTX.open(), org, _day(at) if at else None, CTX.lang)
    if xlsx is not None:
        from raadhuis.formats.programme_excel import budgets_workbook

        xlsx.write_bytes(budgets_workbook(data, CTX.lang))
        err_console.print(_tr("programme.xlsx.written", path=str(xlsx)), highlight=False)
    if fmt is Fmt.json:
        _json(data)
        return
    if not data["programmes"]:
        console.print(_tr("programmes.none"))
        return
    table = Table(title=_tr("programmes"))
    for col in ("organisation", "id", "programme", "programme.status", "programme.period", "programme.budget"):
        table.add_column(_tr(col))
    table.add_column(_tr("programme.latest"))
    for p in data["programmes"]:
        status = _tr(f"pstatus.{p['status']}") if p["status"] else _tr("pstatus.unknown")
        table.add_row(
            p["organisation"],
            p["id"],
            p["name"],
            status,
            _period(p["period"]),
            budget_text(p["budget"]),
            reading_text(p["latest"]),
        )
    console.print(table)


@app.command("programme")
def programme_cmd(
    org: Annotated[str, typer.Argument(help="Organisatie (CBS-code, slug of id).")],
    programme_id: Annotated[
        str, typer.Argument(metavar="ID", help="Id van het programma, bijv. dienstverlening-2024.")
    ],
    at: At = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Eén programma: budget en verdeling, voortgang, leiding, mijlpalen, opgaven — met citaten."""
    p = _run(svc.programme, CTX.open(), org, programme_id, _day(at) if at else None, CTX.lang)
    if fmt is Fmt.json:
        _json(p)
        return
    status = _tr(f"pstatus.{p['status']}") if p["status"] else _tr("pstatus.unknown")
    console.print(f"[bold]{_esc(p['name'])}[/bold] ({_esc(p['kind'])}, {status}){_esc(_mark(p['assumption']))}")
    console.print(_esc(p["organisation"]["name"]), highlight=False)
    _quotes([c for c in p["sources"] if c["about"] == "programme"], "  ")
    console.print(
        f"\n[bold]{_tr('programme.period')}[/bold]: {_esc(_period(p['period']))}{_esc(_mark(p['period']['assumption']))}"
    )
    _quotes(p["period"]["sources"])
    if p["owner"]:
        o = p["owner"]
        who = o["unit_name"] or o["post_title"] or o["name"] or o["unit"] or o["post"]
        console.print(
            f"[bold]{_tr('programme.owner')}[/bold]: {_esc(who)}{_esc(_mark(o['assumption']))}", soft_wrap=True
        )
        _quotes(o["sources"])
    for key in ("goal", "approach"):
        if p.get(key):
            console.print(f"[bold]{_tr('programme.' + key)}[/bold]: {_esc(p[key]['text'])}", soft_wrap=True)
            _quotes(p[key]["sources"])
    if p.get("principles"):
        console.print(f"[bold]{_tr('programme.principles')}[/bold]")
        for s in p["principles"]:
            _line(f"- {s['text']}{_mark(s['assumption'])}")
        _quotes(p["principles"][0]["sources"])
    b = p["budget"]
    console.print(
        f"\n[bold]{_tr('programme.budget')}[/bold]: {_esc(budget_text(b))}{_esc(_mark(b['assumption']))}",
        soft_wrap=True,
    )
    for y in b["years"]:
        total = (
            amount_label(y["total"], b["currency"], CTX.lang) if y["total"] is not None else _tr("programme.no_budget")
        )
        _line(f"{y['year']}: {_tr('programme.total')} {total}")
        _quotes(y["sources"])
        for a in [a for a in b["allocations"] if a["year"] == y["year"]]:
            _line(
                f"{amount_label(a['amount'], b['currency'], CTX.lang)} — {a['purpose']}{_mark(a['assumption'])}", "    "
            )
            _quotes(a["sources"], "      ")
        if y["unallocated"]:
            _line(f"{amount_label(y['unallocated'], b['currency'], CTX.lang)} — {_tr('programme.unallocated')}", "    ")
        spent = (
            amount_label(y["spent"], b["currency"], CTX.lang)
            if y["spent"] is not None
            else _tr("programme.spent_unknown")
        )
        _line(f"{_tr('programme.spent')} {y['year']}: {spent}", "    ")
    for x in b["spending"]:
        when = x["date"] or str(x["year"])
        _line(
            f"{when}: {amount_label(x['amount'], b['currency'], CTX.lang)} {x['purpose'] or ''}{_mark(x['assumption'])}",
            "    ",
        )
        _quotes(x["sources"], "      ")
    console.print(f"\n[bold]{_tr('programme.progress')}[/bold]: {_esc(reading_text(p['latest']))}", soft_wrap=True)
    for r in p["progress"]:
        meaning = _tr(f"reading.{r['reading']}") if r["reading"] else _tr("programme.reading_unknown")
        _line(f"{r['date_label']}: {r['value']} ({meaning}){_mark(r['reading_assumption'])}{_mark(r['assumption'])}")
        _quotes(r["sources"])
    if p["posts"]:
        console.print(f"\n[bold]{_tr('programme.people')}[/bold]")
    for x in p["posts"]:
        parts = [x["role"]]
        if x.get("title"):
            parts.append(f"({x['title']})")
        if x["unit_name"]:
            parts.append(f"— {_tr('programme.serves')} {x['unit_name']}")
        if x["count"]:
            parts.append(f"× {x['count']}")
        if x["leads"]:
            parts.append(f"[{_tr('programme.leads')}]")
        if x["created_for"]:
            parts.append(f"[{_tr('programme.created_for')}]")
        if x.get("from") or x.get("until"):
            until = x.get("until_label") or _tr("programme.until_unknown")
            status = f" ({_tr('status.' + x['until_status'])})" if x.get("until_status") else ""
            parts.append(
                f"{_tr('programme.from')} {x.get('from_label') or '?'} {_tr('programme.until').lower()} {until}{status}"
            )
        _line(" ".join(parts) + _mark(x["assumption"]) + _mark(x.get("until_assumption")))
        _quotes(x["sources"])
        _quotes([c for c in x.get("until_sources", []) if c not in x["sources"]])
    if p["milestones"]:
        console.print(f"\n[bold]{_tr('programme.milestones')}[/bold]")
    for m in p["milestones"]:
        status = _tr(f"mstatus.{m['status']}")
        if m["status"] == "reached" and m["status_date_label"]:
            status = _tr("mstatus.reached_on", date=m["status_date_label"])
        _line(f"{m['date_label'] or '?'}: {m['title']} — {status}{_mark(m['assumption'])}")
        _quotes(m["sources"])
    if p.get("challenges"):
        console.print(f"\n[bold]{_tr('programme.of_challenges')}[/bold]")
        for c in p["challenges"]:
            _line(f"{c['name']} ({', '.join(c['task_fields']) or _tr('challenge.no_task_field')})")
    for link in p.get("events", []):
        console.print(f"\n[bold]{_tr('programme.events')}[/bold] ({_tr('relation.' + link['relation'])})")
        if link["title"]:
            _line(link["title"])
        for e in link["events"]:
            _line(f"{e.get('date_label') or '?'}: {e['label']}", "    ")
        _quotes(link["sources"])


@app.command("challenges")
def challenges_cmd(
    org: Annotated[str | None, typer.Argument(help="Organisatie (CBS-code of slug); zonder: alle.")] = None,
    at: At = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Opgaven: op welke taakvelden zij landen, vanaf wanneer, met welke vraag — met citaten."""
    data = _run(challenge_svc.challenges, CTX.open(), org, _day(at) if at else None, CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    if not data["challenges"]:
        console.print(_tr("challenges.none"))
        return
    for c in data["challenges"]:
        since = f" — {_tr('challenge.from').lower()} {c['from_label']}" if c["from_label"] else ""
        console.print(
            f"[bold]{_esc(c['name'])}[/bold] ({_esc(c['organisation'])}){_esc(since)}{_esc(_mark(c['assumption']))}",
            soft_wrap=True,
        )
        _quotes(c["sources"], "  ")
        if not c["task_fields"]:
            _line(_tr("challenge.no_task_field"))
        for f in c["task_fields"]:
            share = f" ({round(100 * f['share'])}%)" if f["share"] is not None else ""
            _line(f"{_tr('programme.task_field')} {f['code']} {f['name']}{share}{_mark(f['assumption'])}")
            _quotes(f["sources"])
        if not c["demand_known"]:
            _line(f"{_tr('challenge.demand')}: {_tr('challenge.demand_unknown')}")
        for d in c["demand"]:
            what = (
                f"{d['fte']} fte"
                if d["fte"] is not None
                else amount_label(d["amount"], d["currency"] or "EUR", CTX.lang)
            )
            where = f" ({d['task_field']})" if d["task_field"] else ""
            year = f" {d['year']}" if d["year"] else ""
            _line(f"{_tr('challenge.demand')}{year}: {what}{where}{_mark(d['assumption'])}")
            _quotes(d["sources"])
        if c["programmes"]:
            _line(f"{_tr('challenge.programmes')}: {', '.join(p['name'] for p in c['programmes'])}")
