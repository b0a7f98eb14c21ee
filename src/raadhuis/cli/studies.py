"""Commands for audit studies and their follow-up: ``studies``, ``study``, ``recommendations``,
``monitor`` and ``follow-up`` (record a status).

Each prints what services/studies.py answers — as text with the quote behind every item, or with
``--format json`` in the shape documented in docs/cli.md. ``--at`` is the day a status held (valid
time), ``--known-at`` the moment whose knowledge is shown (record time).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from raadhuis.cli.base import CTX, Fmt, _day, _esc, _json, _moment, _run, app, console
from raadhuis.i18n import t
from raadhuis.i18n.studies import date_label
from raadhuis.services import register
from raadhuis.services import studies as svc

At = Annotated[
    str | None, typer.Option("--at", help="Stand op deze dag (JJJJ-MM-DD of DD-MM-JJJJ; standaard vandaag).")
]
KnownAt = Annotated[
    str | None,
    typer.Option("--known-at", help="Zoals het register het wist op dit moment (JJJJ-MM-DD of ISO-tijdstip)."),
]
Format = Annotated[Fmt, typer.Option("--format", help="text of json")]


def _tr(key: str, **values: object) -> str:
    return t(key, CTX.lang, **values)


def _quotes(sources: list[dict[str, Any]], indent: str = "    ") -> None:
    for c in sources:
        if c.get("quote"):
            where = c["source"]
            page = f", p. {c['page']}" if c.get("page") else ""
            console.print(
                f'{indent}[dim]"{_esc(c["quote"])}" — {_esc(where)}{_esc(page)}[/dim]', highlight=False, soft_wrap=True
            )


def _unknown(why: str | None) -> str:
    return _tr("study.unknown_because", why=why) if why else _tr("study.unknown")


def _status_text(r: dict[str, Any]) -> str:
    st = r["status"]
    text = str(st["label"])
    if st["since_label"]:
        text += f" ({_tr('study.since')} {st['since_label']})"
    if r["overdue_label"]:
        text += f" — {r['overdue_label']}"
    elif r["past_term_label"]:
        text += f" — {r['past_term_label']}"
    return text


@app.command("studies")
def studies_cmd(
    org: Annotated[str | None, typer.Argument(help="Organisatie of rekenkamer(commissie); zonder: alle.")] = None,
    known_at: KnownAt = None,
    fmt: Format = Fmt.text,
) -> None:
    """Rekenkameronderzoeken in het register (over een organisatie, of van een rekenkamer)."""
    data = _run(svc.list_studies, CTX.open(), org, _moment(known_at), CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    if not data["studies"]:
        console.print(_tr("cli.studies.none"))
        return
    table = Table(title=_tr("study.studies"))
    for key in ("id", "study.title", "study.audit_body", "study.about", "study.date.final", "study.recommendations"):
        table.add_column(_tr(key))
    for s in data["studies"]:
        table.add_row(
            s["id"],
            s["title"],
            s["audit_body"]["name"],
            ", ".join(o["name"] for o in s["about"]),
            s["final"]["label"] if s["final"] else _tr("study.unknown"),
            str(s["counts"]["recommendations"]),
        )
    console.print(table)


@app.command("study")
def study_cmd(
    org: Annotated[
        str, typer.Argument(help="De organisatie waarover het onderzoek gaat, of de rekenkamer(commissie).")
    ],
    study: Annotated[str, typer.Argument(help="Id van het onderzoek (zie: raadhuis studies ORG).")],
    at: At = None,
    known_at: KnownAt = None,
    fmt: Format = Fmt.text,
) -> None:
    """Eén onderzoek als rapport: vraag, deelvragen, bevindingen, conclusies, aanbevelingen, reactie, opvolging."""
    d = _run(svc.study_detail, CTX.open(), org, study, _day(at), _moment(known_at), CTX.lang)
    if fmt is Fmt.json:
        _json(d)
        return
    console.print(f"[bold]{_esc(d['title'])}[/bold]" + (f" — {_esc(d['subtitle'])}" if d.get("subtitle") else ""))
    console.print(f"{_tr('study.audit_body')}: {_esc(d['audit_body']['name'])}", highlight=False)
    console.print(f"{_tr('study.about')}: {_esc(', '.join(o['name'] for o in d['about']))}", highlight=False)
    if d.get("authors"):
        console.print(f"{_tr('study.authors')}: {_esc(d['authors'])}", highlight=False)
    for key, value in d["dates"].items():
        label = value["label"] if value else _unknown(d["dates_why"].get(key))
        console.print(f"{_tr('study.date.' + key)}: {_esc(label)}", highlight=False)
    _quotes(d["dates_sources"])
    for q in d["questions"]:
        console.print(f"\n[bold]{_tr('study.question')}[/bold]: {_esc(q['text'])}", highlight=False, soft_wrap=True)
        _quotes(q["sources"][-1:])
        for sq in q["sub_questions"]:
            console.print(f"  {_esc(sq['number'])}. {_esc(sq['text'])}", highlight=False, soft_wrap=True)
            if not sq["norms"]:
                console.print(f"     {_tr('study.norms')}: {_esc(_unknown(sq['norms_why']))}", highlight=False)
            for n in sq["norms"]:
                console.print(f"     {_tr('study.norms')}: {_esc(n['text'])}", highlight=False)
    console.print(f"\n[bold]{_tr('study.method')}[/bold]")
    for m in d["method"]:
        who = ", ".join(x for x in (m.get("person"), m.get("role")) if x) or m.get("title") or ""
        when = f" ({m['date']['label']}{', ' + _tr('assumption') if m.get('assumption') else ''})" if m["date"] else ""
        console.print(f"  {m['label']}: {_esc(who)}{_esc(when)}", highlight=False)
    console.print(f"\n[bold]{_tr('study.findings')}[/bold]")
    for f in d["findings"]:
        console.print(f"  [{_esc(f['question'])}] [bold]{_esc(f['title'])}[/bold]", highlight=False, soft_wrap=True)
        if f.get("text"):
            console.print(f"     {_esc(f['text'])}", highlight=False, soft_wrap=True)
        for kind, items in f["links"].items():
            names = ", ".join(
                f"{x['name']} ({x['id']})" + ("" if x["checked"] else f" — {_tr('study.unchecked')}") for x in items
            )
            console.print(f"     {_tr('study.link.' + kind)}: {_esc(names)}", highlight=False)
        _quotes(f["sources"], "     ")
    console.print(f"\n[bold]{_tr('study.conclusions')}[/bold]")
    for c in d["conclusions"]:
        console.print(f"  [bold]{_esc(c['number'])}. {_esc(c['title'])}[/bold]", highlight=False, soft_wrap=True)
        if c.get("text"):
            console.print(f"     {_esc(c['text'])}", highlight=False, soft_wrap=True)
        console.print(
            f"     {_tr('study.rests_on')}: {_esc(', '.join(c['findings']))}", highlight=False, soft_wrap=True
        )
        _quotes(c["sources"], "     ")
    console.print(f"\n[bold]{_tr('study.recommendations')}[/bold]")
    for r in d["recommendations"]:
        console.print(f"  [bold]{_esc(r['number'])}. {_esc(r['title'])}[/bold]", highlight=False, soft_wrap=True)
        if r.get("text"):
            console.print(f"     {_esc(r['text'])}", highlight=False, soft_wrap=True)
        _quotes(r["sources"], "     ")
        addressee = r["addressee_label"] if r["addressee"] != "onbekend" else _unknown(r["addressee_why"])
        console.print(f"     {_tr('study.addressee')}: {_esc(addressee)}", highlight=False, soft_wrap=True)
        console.print(f"     {_tr('study.follows_from')}: {', '.join(r['conclusions'])}", highlight=False)
        resp = r["response"]
        answer = resp["label"] + (f": {resp['text']}" if resp["text"] else "")
        if resp["kind"] == "onbekend":
            answer = _unknown(resp["why"])
        console.print(f"     {_tr('study.response')}: {_esc(answer)}", highlight=False, soft_wrap=True)
        _quotes(resp["sources"], "       ")
        console.print(f"     {_tr('study.follow_up')}: {_esc(_status_text(r))}", highlight=False, soft_wrap=True)
        if r["status"]["value"] == "onbekend" and r["status"]["why"]:
            console.print(f"       {_esc(r['status']['why'])}", highlight=False, soft_wrap=True)
        if r["deadline"]:
            note = f" ({r['deadline']['note']})" if r["deadline"]["note"] else ""
            console.print(f"     {_tr('study.deadline')}: {_esc(r['deadline']['label'] + note)}", highlight=False)
        _quotes(r["status"]["sources"], "       ")
    h = d["hearing"]
    if h:
        console.print(
            f"\n[bold]{_tr('study.hearing')}[/bold] ({_esc(h['kind'])}, {_esc(h['by'] or '')}): "
            + _tr("study.hearing.changed", n=h["changed"], total=len(h["rows"])),
            highlight=False,
        )
        for row in h["rows"]:
            draft = f' "{row["draft_text"]}"' if row["draft_text"] else " —"
            console.print(
                f"  p. {_esc(row['page'] or '?')}{_esc(draft)}: {_esc(row['comment'])} → [bold]{_esc(row['outcome_label'])}[/bold]: "
                f"{_esc(row['processing'])}" + (f" ({_esc(row['note'])})" if row["note"] else ""),
                highlight=False,
                soft_wrap=True,
            )
            _quotes(row["sources"], "     ")
    for key, label in (("nawoord", "study.nawoord"), ("response", "study.general_response")):
        value = d[key]
        console.print(
            f"\n{_tr(label)}: {_esc(value['text'] or _unknown(value['why']))}", highlight=False, soft_wrap=True
        )
    council = d["council"]
    text = _unknown(d["council_why"]) if council is None else (council["date"] or {}).get("label", "")
    console.print(f"{_tr('study.council')}: {_esc(text)}", highlight=False, soft_wrap=True)


@app.command("recommendations")
def recommendations_cmd(
    org: Annotated[str | None, typer.Argument(help="Organisatie of rekenkamer(commissie); zonder: alle.")] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Alleen deze stand: open, in_uitvoering, uitgevoerd, niet_uitgevoerd, vervallen, "
            "niet_overgenomen, onbekend, of overdue (over de termijn).",
        ),
    ] = None,
    at: At = None,
    known_at: KnownAt = None,
    audit_body: Annotated[
        str | None, typer.Option("--audit-body", help="Alleen van deze rekenkamer(commissie).")
    ] = None,
    fmt: Format = Fmt.text,
) -> None:
    """Aanbevelingen en hun stand op een dag (zoals bekend op een moment)."""
    data = _run(svc.recommendations, CTX.open(), org, status, _day(at), _moment(known_at), audit_body, CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    if not data["recommendations"]:
        console.print(_tr("cli.recommendations.none"))
        return
    table = Table(title=f"{_tr('study.recommendations')} — {_tr('monitor.at')} {date_label(data['at'], CTX.lang)}")
    for key in ("study.study", "study.recommendation", "study.addressee", "study.response", "study.status"):
        table.add_column(_tr(key))
    for r in data["recommendations"]:
        table.add_row(
            f"{r['study_title']} ({r['organisation']['name']})",
            f"{r['number']}. {r['title']}",
            r["addressee_label"],
            r["response"]["label"],
            _status_text(r),
        )
    console.print(table)


@app.command("monitor")
def monitor_cmd(
    org: Annotated[
        str | None, typer.Argument(help="Organisatie of rekenkamer(commissie); zonder: het hele register.")
    ] = None,
    audit_body: Annotated[
        str | None, typer.Option("--audit-body", help="Alleen van deze rekenkamer(commissie).")
    ] = None,
    at: At = None,
    known_at: KnownAt = None,
    fmt: Format = Fmt.text,
) -> None:
    """Opvolgingsmonitor: per organisatie en per rekenkamer hoeveel aanbevelingen waar staan, en wat over de termijn is."""
    data = _run(svc.monitor, CTX.open(), org, audit_body, _day(at), _moment(known_at), CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    states = data["states"]
    for key, rows in (
        ("monitor.by_organisation", data["by_organisation"]),
        ("monitor.by_audit_body", data["by_audit_body"]),
    ):
        table = Table(title=f"{_tr(key)} — {_tr('monitor.at')} {date_label(data['at'], CTX.lang)}")
        table.add_column(_tr("organisation"))
        for s in states:
            table.add_column(s["label"], justify="right")
        table.add_column(_tr("monitor.total"), justify="right")
        table.add_column(_tr("study.overdue"), justify="right")
        table.add_column(_tr("study.past_term_unknown"), justify="right")
        for row in rows:
            table.add_row(
                row["name"],
                *(str(row["counts"][s["value"]]) for s in states),
                str(row["total"]),
                str(row["overdue"]),
                str(row["past_term_unknown"]),
            )
        console.print(table)
    for key, days in (("study.overdue", "overdue_days"), ("study.past_term_unknown", "past_term_days")):
        items = data["overdue" if days == "overdue_days" else "past_term_unknown"]
        if items:
            console.print(f"[bold]{_tr(key)}[/bold]")
            for r in items:
                console.print(
                    f"  {_esc(r['organisation']['name'])}, {_esc(r['study_title'])}, {_esc(r['number'])}: "
                    f"{_esc(_status_text(r))}",
                    highlight=False,
                    soft_wrap=True,
                )
    console.print(_tr("monitor.term_note", months=data["term_months"]), highlight=False, soft_wrap=True)


@app.command("follow-up")
def follow_up_cmd(
    org: Annotated[str, typer.Argument(help="De organisatie die de aanbeveling opvolgt.")],
    study: Annotated[str, typer.Argument(help="Id van het onderzoek.")],
    recommendation: Annotated[
        str, typer.Argument(help="Nummer van de aanbeveling zoals het rapport het geeft (1, 3a).")
    ],
    status: Annotated[
        str, typer.Option("--status", help="open, in_uitvoering, uitgevoerd, niet_uitgevoerd, vervallen of onbekend.")
    ],
    on: Annotated[str, typer.Option("--date", help="Datum waarop de stand gold (mag onscherp: 2019, 2019-Q2).")],
    reason: Annotated[str, typer.Option("-m", "--reason", help="Waarom deze wijziging (verplicht).")],
    source: Annotated[str | None, typer.Option("--source", help="Id van een bron in het register.")] = None,
    new_source: Annotated[str | None, typer.Option("--new-source", help="Of: de titel van een nieuwe bron.")] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="Citaat uit de bron.")] = None,
    page: Annotated[str | None, typer.Option("--page", help="Pagina in de bron.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Wat er is gedaan.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Alleen controleren en tonen; niets opslaan.")] = False,
    fmt: Format = Fmt.text,
) -> None:
    """De stand van een aanbeveling vastleggen (één klein record; het onderzoek zelf blijft ongewijzigd)."""
    change = svc.StatusChange(org, study, recommendation, status, on, source, new_source, quote, page, text)
    who = f"{register.current_user()} (cli)"
    data = _run(svc.record_status, CTX.open(), change, who, reason, "cli", dry_run, CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    before, after = data["before"], data["after"]
    if before and after:
        console.print(
            f"{_tr('study.status_form.before')}: {_esc(before['label'])} → {_tr('study.status_form.after')}: {_esc(after['label'])}"
        )
    result = data["result"]
    if dry_run:
        console.print(_tr("cli.follow_up.dry_run"))
    elif not result["changed"]:
        console.print(_tr("study.status_form.unchanged"))
    else:
        console.print(_tr("cli.follow_up.saved", changeset=result["changeset"]))
