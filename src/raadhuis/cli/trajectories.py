"""Commands for cooperation trajectories: ``trajectories``, ``trajectory`` and ``assess``.

Each prints the answer of services/trajectories.py — as text with the quote behind every fact,
or with ``--format json`` in the shape documented in docs/cli.md.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.table import Table

from raadhuis.cli.base import CTX, Fmt, _day, _esc, _json, _run, app, console
from raadhuis.i18n import t
from raadhuis.i18n.trajectories import day_text
from raadhuis.services import trajectories as svc
from raadhuis.services.analysis import number

At = Annotated[
    str | None,
    typer.Option("--at", help="Peildatum JJJJ-MM-DD: welke mijlpalen voorbij zijn, welke cijfers (standaard vandaag)."),
]


def _tr(key: str, **values: object) -> str:
    return t(key, CTX.lang, **values)


def _quotes(sources: list[dict[str, Any]]) -> str:
    out = []
    for c in sources:
        where = c.get("title") or c["source"]
        out.append(f'"{c["quote"]}" ({where})' if c.get("quote") else str(where))
    return "; ".join(out)


def _print_quotes(sources: list[dict[str, Any]], indent: str = "    ") -> None:
    for c in sources:
        if c.get("quote"):
            console.print(f'{indent}[dim]"{_esc(c["quote"])}"[/dim]', highlight=False, soft_wrap=True)


def _assumption(value: Any) -> str:
    if not value:
        return ""
    return f" [{_tr('assumption')}{': ' + str(value) if isinstance(value, str) else ''}]"


@app.command("trajectories")
def trajectories_cmd(
    org: Annotated[str | None, typer.Argument(help="Organisatie (CBS-code of slug); zonder: alle.")] = None,
    at: At = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Samenwerkingstrajecten (van één organisatie, of alle)."""
    data = _run(svc.trajectories, CTX.open(), org, _day(at), CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    if not data["trajectories"]:
        console.print(_tr("traj.none"))
        return
    table = Table(title=_tr("traj.trajectories"))
    for col in ("id", "name", "status", "traj.participants", "traj.tasks", "traj.milestones"):
        table.add_column(_tr(col))
    for tr in data["trajectories"]:
        table.add_row(
            tr["id"],
            tr["name"],
            tr["status_label"],
            ", ".join(p["name"] for p in tr["participants"]),
            str(tr["tasks"]) + (f" ({tr['pro_memorie']} pm)" if tr["pro_memorie"] else ""),
            str(tr["milestones"]),
        )
    console.print(table)


@app.command("trajectory")
def trajectory_cmd(
    trajectory_id: Annotated[str, typer.Argument(metavar="ID", help="Id van het traject, bijv. wol-2007-2009.")],
    at: At = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Eén samenwerkingstraject: deelnemers, afbakening en doelen, sturing, taken, mijlpalen — met citaten."""
    data = _run(svc.trajectory, CTX.open(), trajectory_id, _day(at), CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    console.print(
        f"[bold]{_esc(data['name'])}[/bold] ({_esc(data['status_label'])}){_esc(_assumption(data['assumption']))}"
    )
    if data["description"]:
        console.print(_esc(data["description"]), soft_wrap=True)
    _print_quotes(data["evidence"], "  ")
    console.print(f"\n[bold]{_tr('traj.participants')}[/bold]")
    for p in data["participants"]:
        console.print(f"  {_esc(p['name'])} ({p['organisation']}), {_esc(p['role'])}", highlight=False)
        _print_quotes(p["sources"])
    if data["origin"]:
        o = data["origin"]
        when = f" — {o['date']['date']}" if o.get("date") else ""
        console.print(f"\n[bold]{_tr('traj.origin')}[/bold]: {_esc(o['text'] or '')}{_esc(when)}", highlight=False)
        for d in o["decisions"]:
            console.print(
                f"  {_tr('decision')}: {_esc(d.get('body', ''))} {_esc(d.get('date', ''))} — {_esc(d.get('title', d['id']))}"
            )
        _print_quotes(o["sources"])
    if data["questions"]:
        console.print(f"\n[bold]{_tr('traj.questions')}[/bold]")
    for q in data["questions"]:
        console.print(f"  {_esc(q['text'])}", soft_wrap=True, highlight=False)
        _print_quotes(q["sources"])
    for kind in ("constraint", "goal", "criterion", "driver"):
        items = [c for c in data["criteria"] if c["kind"] == kind]
        if items:
            console.print(f"\n[bold]{_tr('traj.ckp.' + kind)}[/bold]")
        for c in items:
            console.print(f"  {_esc(c['name'])}" + (f": {_esc(c['text'])}" if c["text"] else ""), soft_wrap=True)
            _print_quotes(c["sources"])
    if data["governance"]:
        console.print(f"\n[bold]{_tr('traj.governance')}[/bold]")
    for b in data["governance"]:
        members = ", ".join(
            f"{m['post']} {m['organisation']['name']}" if m["organisation"] else m["post"] for m in b["members"]
        )
        console.print(f"  {_esc(b['name'])}: {_esc(b['role'] or '')} ({_esc(members)})", soft_wrap=True)
        _print_quotes(b["sources"])
    if data["phases"]:
        console.print(f"\n[bold]{_tr('traj.phases')}[/bold]")
    for ph in data["phases"]:
        start, end = ph["start"], ph["end"]
        when = ""
        if start:
            when = f" ({start['date']}" + (f" – {end['date']}" if end and end["date"] != start["date"] else "") + ")"
        text = f"  {ph['name']}{when} — {ph['status_label']}" + (f": {ph['description']}" if ph["description"] else "")
        console.print(_esc(text + _assumption(ph["assumption"])), soft_wrap=True, highlight=False)
        _print_quotes(ph["sources"])
    console.print(f"\n[bold]{_tr('traj.tasks')}[/bold]")
    for k in data["tasks"]:
        field = (
            f"{k['task_field']} {k['task_field_name'] or ''}".strip() if k["task_field"] else _tr("traj.no_task_field")
        )
        pm = f" — {_tr('traj.pro_memorie')}" if k["pro_memorie"] else ""
        console.print(f"  {_esc(k['name'])} ({_esc(field)}){pm}{_esc(_assumption(k['assumption']))}", soft_wrap=True)
        _print_quotes(k["sources"])
    console.print(f"\n[bold]{_tr('traj.milestones')}[/bold]")
    for m in data["milestones"]:
        passed = f", {_tr('traj.window_passed')}" if m["window_passed"] else ""
        moment = f", {_tr('traj.decision_moment')}" if m["decision_moment"] else ""
        console.print(
            f"  {_esc(m['date'])} ({_esc(m['window'])}): {_esc(m['title'])} — {m['status_label']}{passed}{moment}"
            f"{_esc(_assumption(m['assumption']))}",
            highlight=False,
            soft_wrap=True,
        )
        _print_quotes(m["sources"])
    if data["sources"]:
        console.print(f"\n[bold]{_tr('sources')}[/bold]")
    for src in data["sources"]:
        meta = ", ".join(str(src[k]) for k in ("publisher", "date") if src.get(k))
        console.print(f"  {_esc(src['title'] or src['id'])}" + (f" ({_esc(meta)})" if meta else ""), soft_wrap=True)


def _num(value: Any, digits: int = 2) -> str:
    if value is None:
        return _tr("traj.missing")
    return number(value, CTX.lang, digits)


@app.command("assess")
def assess_cmd(
    trajectory_id: Annotated[str, typer.Argument(metavar="ID", help="Id van het traject.")],
    task: Annotated[str, typer.Argument(metavar="TASK", help="Id van de taak, bijv. juridische-zaken.")],
    at: At = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """De opties van één taak naast elkaar: scores op de 3K's en de eigen criteria, met de registercijfers."""
    data = _run(svc.assess, CTX.open(), trajectory_id, task, _day(at), CTX.lang)
    if fmt is Fmt.json:
        _json(data)
        return
    console.print(f"[bold]{_esc(data['trajectory']['name'])} — {_esc(data['task']['name'])}[/bold]")
    if not data["options"]:
        console.print(_tr("traj.no_options"))
    else:
        table = Table(title=f"{_tr('traj.side_by_side')} ({_tr('traj.scale')} {data['scale']['text']})")
        table.add_column(_tr("traj.criterion"))
        for o in data["options"]:
            table.add_column(f"{o['name']}\n({o['kind_label']})")
        for row in data["rows"]:
            cells = []
            for cell in row["cells"]:
                parts = []
                for s in cell["scores"]:
                    value = _tr("traj.words_only") if s["score"] is None else f"{s['score']:+g}"
                    label = f" {s['label']}" if s["label"] else ""
                    mark = f" [{_tr('assumption')}]" if s["assumption"] else ""
                    parts.append(_esc(f"{value}{label}{mark} — {s['by']}"))  # the mark is text, not markup
                cells.append("\n".join(parts) or "–")
            table.add_row(row["criterion"]["name"], *cells)
        console.print(table)
        for row in data["rows"]:
            for cell in row["cells"]:
                for s in cell["scores"]:
                    said = " ".join(x for x in (s["reasoning"] or "", _quotes(s["sources"])) if x)
                    console.print(
                        f"  {_esc(row['criterion']['name'])} / {_esc(cell['option'])}: {_esc(said)}"
                        f"{_esc(_assumption(s['assumption']))}",
                        highlight=False,
                        soft_wrap=True,
                    )
    reg = data["register"]
    table = Table(title=_tr("traj.register_figures") + f" ({day_text(date.fromisoformat(reg['at']), CTX.lang)})")
    for col in (
        "organisation",
        "traj.budgeted",
        "traj.posts",
        "traj.staffed",
        "traj.people",
        "traj.single_person",
        "traj.vacancy",
        "traj.external",
        "traj.vulnerability_score",
    ):
        table.add_column(_tr(col))
    for p in reg["participants"]:

        def pct(v: Any) -> str:
            return _tr("traj.missing") if v is None else f"{_num(100 * v, 0)}%"

        single = (
            _tr("traj.missing") if p["single_person"] is None else _tr("traj.yes" if p["single_person"] else "traj.no")
        )
        table.add_row(
            p["name"],
            _num(p["budgeted_fte"]),
            _tr("traj.missing") if p["posts"] is None else str(p["posts"]),
            _num(p["staffed_fte"]),
            _tr("traj.missing") if p["people"] is None else str(p["people"]),
            single,
            pct(p["vacancy_share"]),
            pct(p["external_share"]),
            _num(p["score"], 1),
        )
    console.print(table)
    for p in reg["participants"]:
        for m in p["missing"]:
            console.print(f"  {_esc(p['name'])}: {_tr('traj.missing')} — {_esc(m['text'])}", highlight=False)
        if p["assumption"]:
            console.print(f"  {_esc(p['name'])}: {_tr('traj.rests_on_assumption', ids=', '.join(p['assumption']))}")
    for pool in data["pools"]:
        console.print(f"\n[bold]{_tr('traj.pool')}[/bold] ({_esc(pool['option'])})")
        cost = pool["cost"]
        if cost and cost.get("value") is not None:
            amount = f"€ {_num(cost['value'], 0)} {_tr('traj.per.' + cost['per'])}" if cost.get("per") else ""
            cost_text = f"{amount or _num(cost['value'], 0)}{_assumption(cost.get('assumption'))}"
            quoted = _quotes(cost.get("sources") or [])
            console.print(
                _esc(f"  {_tr('traj.pool_cost')}: {cost_text}" + (f" {quoted}" if quoted else "")), highlight=False
            )
        else:
            console.print(_esc(f"  {_tr('traj.pool_cost')}: {_tr('traj.missing')}"), highlight=False)
        for split in pool["splits"]:
            chosen = f" ({_tr('traj.chosen_key')})" if split["chosen"] else ""
            if not split["complete"]:
                names = ", ".join(m["name"] for m in split["missing"])
                console.print(f"  {split['key_label']}{chosen}: {_tr('traj.split_incomplete', orgs=names)}")
                continue
            shares = ", ".join(
                f"{s['organisation']['name']} {_num(100 * s['share'], 1)}%"
                + (f" (€ {_num(s['amount'], 0)})" if s["amount"] is not None else "")
                + _assumption(s["assumption"])
                for s in split["shares"]
            )
            console.print(_esc(f"  {split['key_label']}{chosen}: {shares}"), highlight=False)


@app.command("outcomes")
def outcomes_cmd(
    org: Annotated[str | None, typer.Argument(help="Organisatie (CBS-code of slug); zonder: alle.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Wat samenwerkingen zouden opleveren en opleverden (kosten, kwaliteit, kwetsbaarheid) — met citaten."""
    data = _run(svc.outcomes, CTX.open(), CTX.lang, org)
    if fmt is Fmt.json:
        _json(data)
        return
    if not data:
        console.print(_tr("traj.no_outcomes"))
    for o in data.values():
        console.print(f"[bold]{_esc(o['name'] or o['cooperation'])}[/bold]")
        if o["origin"] and o["origin"]["trajectory"]:
            t = o["origin"]["trajectory"]
            console.print(f"  {_tr('traj.from_trajectory')}: {_esc(t['name'] or t['id'])}")
        if o["rationale"]:
            console.print(f"  {_tr('traj.rationale')}: {_esc(o['rationale'])}", soft_wrap=True)
            _print_quotes(o["sources"])
        for e in o["effects"]:
            console.print(f"  {_esc(svc.effect_line(e, CTX.lang))}", highlight=False, soft_wrap=True)
            _print_quotes(e["sources"])
