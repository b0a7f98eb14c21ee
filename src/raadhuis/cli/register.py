"""Commands about the register itself: the database, the organisations, as-of, diff, lineage, timeline, history."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.tree import Tree

from raadhuis import __version__
from raadhuis.cli.base import CTX, Fmt, _day, _esc, _json, _moment, _run, _view, app, console
from raadhuis.i18n import t
from raadhuis.i18n.formatting import count, format_date, format_fte
from raadhuis.services import register
from raadhuis.services.timeline import timeline as timeline_of
from raadhuis.store.database import current_revision, describe_url


@app.command()
def init() -> None:
    """Maak of upgrade de database (migraties)."""
    store = CTX.open()
    console.print(t("init.ok", CTX.lang, url=describe_url(store.url)))


@app.command()
def info(fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text) -> None:
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


@app.command()
def orgs(
    search: Annotated[str | None, typer.Option("--search", "-s", help="Zoeken op naam of code.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
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
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """De organisatie op een datum (feitelijk of gepland)."""
    day = _day(at)
    data = _run(register.show, CTX.open(), org, day, _view(planned), _moment(known_at))
    if fmt is Fmt.json:
        _json(data)
        return
    lang = CTX.lang
    title = t(
        "show.title",
        lang,
        org=data["organisation"]["name"],
        at=format_date(day, lang),
        view=t(f"view.{data['view']}", lang),
    )
    if not data["units"]:
        console.print(title, highlight=False)
        console.print(t("show.empty", lang, org=data["organisation"]["name"]))
        return
    tree = Tree(f"[bold]{_esc(title)}[/bold]")
    nodes: dict[str | None, Any] = {None: tree}
    # Units an event with an imprecise date touches on this day: "?" and the window, as on the chart.
    from raadhuis.i18n.engine import uncertain_labels, window_label

    uncertain = uncertain_labels(data["uncertain"], lang)
    for u in data["units"]:
        label = f"{_esc(u['name'])} [dim]({_esc(u['id'])}, {_esc(u['kind'])}"
        if u["posts"]:
            label += f", {format_fte(u['fte'], lang)} {t('cli.fte', lang)}"
        label += ")[/dim]"
        if u["temporary"]:
            label += f" [yellow]{t('cli.temporary', lang)}[/yellow]"
        if u["id"] in uncertain:
            label += f" [magenta]? {_esc('; '.join(uncertain[u['id']]))}[/magenta]"
        parent = u["parent"] if u["parent"] in nodes else None
        nodes[u["id"]] = nodes[parent].add(label)
    console.print(tree)
    tot = data["totals"]
    console.print(
        t(
            "show.totals",
            lang,
            units=count(tot["units"], "unit", lang),
            posts=count(tot["posts"], "post", lang),
            fte=f"{format_fte(tot['fte'], lang)} {t('cli.fte', lang)}",
            filled=f"{format_fte(tot['filled_fte'], lang)} {t('cli.fte', lang)}",
        ),
        highlight=False,
    )
    if data["uncertain"]:  # which events leave this day open, and what the answer assumed
        names = register.unit_names(CTX.open(), data["organisation"]["id"], _view(planned))  # also units gone
        names.update({u["id"]: u["name"] for u in data["units"]})
        console.print(t("uncertain.title", lang), highlight=False)
        for e in data["uncertain"]:
            window = e["window"]
            what = t(
                "uncertain.event",
                lang,
                event=f"{t('event.' + e['type'], lang)} ({e['event']})",
                date=format_date(e["date"], lang),
                units=", ".join(names.get(uid, uid) for uid in e["units"]),
            )
            label = window_label(date.fromisoformat(window["from"]), date.fromisoformat(window["to"]), lang)
            console.print(f"  ? {what} — {label}", highlight=False)
        console.print(t("uncertain.help", lang), highlight=False)


@app.command()
def diff(
    org: Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")],
    start: Annotated[str, typer.Argument(metavar="FROM", help="Eerste datum JJJJ-MM-DD.")],
    end: Annotated[str, typer.Argument(metavar="TO", help="Tweede datum JJJJ-MM-DD.")],
    planned: Annotated[bool, typer.Option("--planned", help="Geplande in plaats van feitelijke stand.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Wat veranderde tussen twee datums, in woorden, met gebeurtenis, besluit en bron."""
    if fmt is Fmt.json:
        _json(_run(register.diff, CTX.open(), org, _day(start), _day(end), _view(planned)))
        return
    from raadhuis.services.differences import describe, event_label

    lang = CTX.lang
    reading = _run(describe, CTX.open(), org, _day(start), _day(end), _view(planned), lang)
    data = reading.diff
    console.print(
        t(
            "wb.diff_title",
            lang,
            org=data["organisation"]["name"],
            start=format_date(data["from"], lang),
            end=format_date(data["to"], lang),
            view=t(f"view.{data['view']}", lang),
        ),
        highlight=False,
    )
    if not reading.changes and not reading.not_realised:
        console.print(t("wb.diff_none", lang))
        return

    def say(key: str, **values: object) -> str:
        return t(key, lang, **values)

    def told(items: list[Any]) -> None:
        for said in items:
            console.print(f"- {said.text()}", highlight=False, soft_wrap=True)
            e = said.event
            if e is None:
                continue
            console.print(
                f"    {t('wb.event', lang)}: {e.get('title') or t('event.' + e['type'], lang)} ({event_label(e, say, lang)})",
                highlight=False,
                soft_wrap=True,
            )
            if e.get("decision"):
                d = e["decision"]
                console.print(
                    f"    {t('wb.decision', lang)}: {d['body']}, {format_date(d['date'], lang)} — {d['title']}",
                    highlight=False,
                )
            for c in e.get("sources") or []:
                where = f", {t('web.page', lang)} {c['page']}" if c.get("page") else ""
                quote = f' "{c["quote"]}"' if c.get("quote") else ""
                console.print(
                    f"    {t('wb.source', lang)}: {c.get('title') or c['source']}{where}{quote}",
                    highlight=False,
                    soft_wrap=True,
                )

    told(reading.changes)
    if reading.fte:
        console.print(t("wb.fte_h", lang) + ":", highlight=False)
        for line in reading.fte:
            console.print(f"- {line}", highlight=False)
    if reading.not_realised:
        console.print(t("wb.not_realised_h", lang) + ":", highlight=False)
        told(reading.not_realised)


@app.command()
def lineage(
    org: Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")],
    unit: Annotated[str, typer.Argument(help="Id of naam van de eenheid.")],
    planned: Annotated[bool, typer.Option("--planned", help="Geplande in plaats van feitelijke stand.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
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
            if p.get("until"):  # the unit itself, before a conversion that kept its id
                where += f" ({t('lineage.earlier_form', lang, until=p['until'])})"
            console.print(
                f"    {format_date(p['date'], lang)}  {p['name']} ({p['id']}){where} — {t('event.' + p['type'], lang)} ({p['event']})",
                highlight=False,
            )


@app.command()
def timeline(
    org: Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")],
    start: Annotated[str | None, typer.Option("--from", help="Vanaf deze dag (31-12-2011 of 2011-12-31).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Tot en met deze dag.")] = None,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="proposed, decided, realised, not_realised")
    ] = None,
    type_: Annotated[
        list[str] | None,
        typer.Option("--type", help="Alleen gebeurtenissen van deze soort (herhaalbaar), bijv. merge."),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Alleen gebeurtenissen van deze eenheid (haar id).")
    ] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """De gebeurtenissen in volgorde, met besluit en bronnen."""
    data = _run(
        timeline_of,
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
    else:
        _timeline_table(data, lang)
    _timeline_milestones(data.get("milestones") or [], lang)


def _timeline_milestones(milestones: list[dict[str, Any]], lang: str) -> None:
    """The milestones of the organisation's cooperation trajectories, as the timeline page lists them."""
    if not milestones:
        return
    console.print(f"\n[bold]{_esc(t('traj.on_timeline', lang))}[/bold]")
    for m in milestones:
        notes = [m["status_label"]]
        if m.get("window_passed") and m.get("status") == "planned":
            notes.append(t("traj.window_passed", lang))
        if m.get("decision_moment"):
            notes.append(t("traj.decision_moment", lang))
        line = f"  {m['date']} ({m['window']}) — {m['title']} — {', '.join(notes)}"
        if m.get("assumption"):
            why = m["assumption"]
            line += f" [{t('assumption', lang)}" + (f": {why}" if isinstance(why, str) else "") + "]"
        line += f" ({m['trajectory']['name']})"
        console.print(_esc(line), highlight=False, soft_wrap=True)


def _timeline_table(data: dict[str, Any], lang: str) -> None:
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
            f"{dec['body']} {format_date(dec['date'], lang)}" if dec else "",
            srcs,
        )
    console.print(table)


@app.command("not-realised")
def not_realised_cmd(
    org: Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")],
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
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
    org: Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")],
    event: Annotated[str, typer.Argument(help="Id van de gebeurtenis.")],
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Alle vastgelegde versies van een gebeurtenis: wie, wanneer, waarom."""
    data = _run(register.history_of_event, CTX.open(), org, event)
    if fmt is Fmt.json:
        _json(data)
        return
    for v in data:
        console.print(
            f"v{v['version']}  {v['recorded_at']}  {v['recorded_by']}  {v['reason']}"
            f"{'  (' + t('cli.retracted', CTX.lang) + ')' if v['retracted'] else ''}",
            highlight=False,
        )


@app.command()
def retract(
    org: Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")],
    event: Annotated[str, typer.Argument(help="Id van de gebeurtenis.")],
    reason: Annotated[str, typer.Option("--reason", "-m", help="Waarom deze wijziging.")] = "",
) -> None:
    """Trek een gebeurtenis in (blijft in het logboek bewaard)."""
    _run(register.retract_event, CTX.open(), org, event, None, reason)
    console.print(t("cli.retract.ok", CTX.lang, event=event), highlight=False)
