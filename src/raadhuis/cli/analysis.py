"""Commands for "Is de organisatie toegerust?": the analyses, peer figures and the report.

``register_commands(app)`` adds them to a Typer app (the CLI's, or a fresh one in tests).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from raadhuis.cli import base as cli
from raadhuis.domain.model import View
from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_date
from raadhuis.report.labels import L
from raadhuis.report.view import (
    assumed,
    doers_text,
    indicator_name,
    indicator_rows,
    item_reasons,
    reason_text,
    score_text,
    summary_lines,
)
from raadhuis.services import analysis
from raadhuis.services.analysis import number

console = cli.console

Org = Annotated[str, typer.Argument(help="Organisatie: CBS-code (GM0168) of slug.")]
At = Annotated[str | None, typer.Option("--at", help="Peildatum JJJJ-MM-DD (standaard vandaag).")]
Planned = Annotated[bool, typer.Option("--planned", help="Geplande in plaats van feitelijke stand.")]


class ReportFmt(str, Enum):
    pdf = "pdf"
    html = "html"


def _esc(value: Any) -> str:
    from rich.markup import escape

    return escape(str(value))


def _analysis_day(org: str, at: str | None, planned: bool) -> Any:
    """The day asked for, else the latest day with data (said on stderr), not today."""
    from raadhuis.services import follow_up

    if at is not None:
        return cli._day(at)
    day = cli._run(follow_up.latest_day, cli.CTX.open(), org, cli._view(planned))
    cli.err_console.print(follow_up.latest_note(day, False, cli.CTX.lang), highlight=False)
    return day


def _reasons(reasons: list[dict[str, Any]], lang: str, limit: int = 20) -> None:
    for r in reasons[:limit]:
        console.print(f"  • {_esc(reason_text(r, lang))}", highlight=False, soft_wrap=True)
    if len(reasons) > limit:
        console.print(f"  • {L('more', lang, n=len(reasons) - limit)}", highlight=False)


def print_span(data: dict[str, Any], lang: str) -> None:
    table = Table(title=L("span", lang))
    for col in ("post", "unit", "reports", "fte", "formation_mean"):
        table.add_column(L(col, lang), justify="right" if col in ("reports", "fte", "formation_mean") else "left")
    fte_of = {m["post"]: m["fte"] for m in data["formation"]["managers"]}
    for m in data["managers"][:50]:
        table.add_row(
            m["title"],
            m["unit"],
            L("unknown", lang) if m["headcount"] is None else str(m["headcount"]),
            number(m["fte"], lang),
            number(fte_of.get(m["post"]), lang),
        )
    console.print(table)
    console.print(
        f"{L('managers', lang)}: {len(data['managers'])} · {L('layers', lang)}: {data['layers']} · "
        f"{L('mean_reports', lang)}: {L('unknown', lang) if data['mean'] is None else number(data['mean'], lang)} · "
        f"{L('formation_mean', lang)}: {assumed(number(data['formation']['mean_fte'], lang), data['formation'], lang)}",
        highlight=False,
    )
    _reasons(data["reasons"], lang)


def print_vulnerability(data: dict[str, Any], lang: str) -> None:
    for group in (data["task_fields"], data["units"]):
        if not group:
            continue
        table = Table(
            title=f"{L('vulnerability', lang)}: {L('task_field' if group[0]['kind'] == 'task_field' else 'unit', lang)}"
        )
        for col in ("name", "score", "people", "why"):
            table.add_column(L(col, lang))
        for i in group[:40]:
            name = f"{i['id']} {i['name']}" if i["kind"] == "task_field" else i["name"]
            table.add_row(
                name,
                assumed(score_text(i, lang), i, lang),
                str(i["people"]),
                "\n".join(item_reasons(i, lang)),
            )
        console.print(table)
    _reasons(data["reasons"], lang)


def print_capacity(data: dict[str, Any], lang: str) -> None:
    if data["task_fields"]:
        table = Table(title=L("capacity", lang))
        for col in ("task_field", "staffed", "budgeted", "demand", "gap"):
            table.add_column(L(col, lang))
        for t in data["task_fields"]:
            table.add_row(
                f"{t['code']} {t['name']}",
                number(t["staffed_fte"], lang),
                number(t["budgeted_fte"], lang),
                number(t["demand_fte"], lang),
                assumed(number(t["gap"], lang), t, lang),
            )
        console.print(table)
    st = data["strategic"]

    def share(v: float | None) -> str:
        return "–" if v is None else f"{number(100 * v, lang, 1)}%"

    console.print(
        f"{L('strategic_share', lang)}: {share(st['strategic_share'])} · {L('execution_share', lang)}: "
        f"{share(st['execution_share'])} · {L('doers', lang)}: {doers_text(st['organisation_of_doers'], lang)}",
        highlight=False,
    )
    _reasons(data["reasons"] + st["reasons"] + [x for t in data["task_fields"] for x in t["reasons"]], lang)


def print_indicators(data: dict[str, Any], lang: str) -> None:
    table = Table(title=L("indicators", lang, year=data["year"]))
    for col in ("indicator", "value", "unit_of", "change"):
        table.add_column(L(col, lang))
    years = [y for y in data["years"] if y != data["year"]]
    for y in years[-5:]:
        table.add_column(str(y))
    for row in indicator_rows({"indicators": data}, lang):
        past = {p[0]: p[1] for p in row["trend"]}
        table.add_row(
            row["name"],
            assumed(row["value"], row, lang),
            row["unit"],
            row["change"],
            *[number(past.get(y), lang) for y in years[-5:]],
        )
    console.print(table)
    _reasons([x for v in data["values"].values() for x in v["reasons"]] + data["reasons"], lang)


def print_peers(data: dict[str, Any], lang: str) -> None:
    for g in data["groups"]:
        table = Table(title=f"{L('peers', lang)}: {g['label_' + lang]} ({g['members']})")
        for col in ("indicator", "value", "peer_median", "rank"):
            table.add_column(L(col, lang))
        for c in g["comparisons"]:
            table.add_row(
                indicator_name(c["indicator"], lang),
                number(c["value"], lang),
                number(c["peer_median"], lang),
                f"{c['rank']} / {c['of']}" if c["rank"] else "–",
            )
        console.print(table)
    _reasons(data["reasons"], lang)


def register_commands(app: typer.Typer) -> None:
    """Add the analysis commands to ``app`` (the Typer app of raadhuis.cli)."""

    @app.command()
    def analyse(
        org: Org,
        at: At = None,
        planned: Planned = False,
        fmt: Annotated[str, typer.Option("--format", help="text of json")] = "text",
    ) -> None:
        """Is de organisatie toegerust? Alle analyses op een datum."""
        data = cli._run(analysis.analyse, cli.CTX.open(), org, _analysis_day(org, at, planned), cli._view(planned))
        if fmt == "json":
            cli._json(data)
            return
        lang = cli.CTX.lang
        console.print(
            f"[bold]{_esc(data['organisation']['name'])}[/bold] — {L('title', lang, date=format_date(data['at'], lang))}",
            highlight=False,
        )
        for line in summary_lines(data, lang):
            console.print(f"• {_esc(line)}", highlight=False, soft_wrap=True)
        print_indicators(data["indicators"], lang)
        print_peers(data["peers"], lang)
        print_span(data["span"], lang)
        print_vulnerability(data["vulnerability"], lang)
        print_capacity(data["capacity"], lang)

    def _single(name: str, fn: Any, printer: Any, doc: str) -> None:
        def command(
            org: Org,
            at: At = None,
            planned: Planned = False,
            fmt: Annotated[str, typer.Option("--format", help="text of json")] = "text",
        ) -> None:
            data = cli._run(fn, cli.CTX.open(), org, _analysis_day(org, at, planned), cli._view(planned))
            if fmt == "json":
                cli._json(data)
            else:
                printer(data, cli.CTX.lang)

        command.__doc__ = doc
        app.command(name)(command)

    _single("span", analysis.span, print_span, "Spanwijdte van leidinggevenden en lagen op een datum.")
    _single("vulnerability", analysis.vulnerability, print_vulnerability, "Kwetsbaarheid per taakveld en eenheid.")
    _single("capacity", analysis.capacity, print_capacity, "Capaciteit per taakveld en strategische capaciteit.")
    _single("indicators", analysis.indicators, print_indicators, "BBV-beleidsindicatoren met verloop over de jaren.")
    _single("peers", analysis.peers, print_peers, "BBV-indicatoren vergeleken met grootteklasse en provincie.")

    @app.command("span-compare")
    def span_compare(
        org: Org,
        before: Annotated[str, typer.Argument(help="Eerste datum JJJJ-MM-DD.")],
        after: Annotated[str, typer.Argument(help="Tweede datum JJJJ-MM-DD.")],
        planned: Annotated[
            bool, typer.Option("--planned", help="De tweede datum in de geplande stand (plan tegenover feit).")
        ] = False,
        fmt: Annotated[str, typer.Option("--format", help="text of json")] = "text",
    ) -> None:
        """Spanwijdte voor en na, bijvoorbeeld rond een reorganisatie."""
        data = cli._run(
            analysis.span_compare,
            cli.CTX.open(),
            org,
            cli._day(before),
            cli._day(after),
            View.ACTUAL,
            cli._view(planned),
        )
        if fmt == "json":
            cli._json(data)
            return
        lang = cli.CTX.lang
        table = Table(title=f"{L('span', lang)}: {data['before_at']} → {data['after_at']}")
        for col in ("", data["before_at"], data["after_at"]):
            table.add_column(col)
        s = data["summary"]
        for key, label in (
            ("managers", "managers"),
            ("mean", "mean_reports"),
            ("layers", "layers"),
            ("formation_mean_fte", "formation_mean"),
        ):
            table.add_row(L(label, lang), number(s[key]["before"], lang), number(s[key]["after"], lang))
        console.print(table)
        _reasons(data["reasons"], lang)

    @app.command("import-peers")
    def import_peers(
        file: Annotated[Path, typer.Argument(help="CSV: cbs_code;year;indicator;value (decimale komma mag).")],
        fmt: Annotated[str, typer.Option("--format", help="text of json")] = "text",
    ) -> None:
        """Lees vergelijkingscijfers van andere gemeenten in: alles of niets."""
        cli._input_file(file, "peers")
        data = cli._run(analysis.import_peers, cli.CTX.open(), file)
        if fmt == "json":
            cli._json(data)
            return
        console.print(
            t(
                "cli.peers_imported",
                cli.CTX.lang,
                rows=data["rows"],
                file=file,
                added=data["added"],
                changed=data["changed"],
            ),
            highlight=False,
        )

    @app.command()
    def report(
        org: Org,
        at: At = None,
        planned: Planned = False,
        fmt: Annotated[ReportFmt, typer.Option("--format", help="pdf of html")] = ReportFmt.pdf,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Bestand (standaard ORG-DATUM.pdf/html).")
        ] = None,
    ) -> None:
        """Rapport 'Stand van de organisatie op DATUM' als PDF of HTML."""
        from raadhuis.report import report_data, report_html, report_pdf

        day = _analysis_day(org, at, planned)
        data = cli._run(report_data, cli.CTX.open(), org, day, cli._view(planned), cli.CTX.lang)
        stem = f"{data['analysis']['organisation']['id']}-rapport{'-gepland' if planned else ''}-{day.isoformat()}"
        target = output or Path(f"{stem}.{fmt.value}")
        if fmt is ReportFmt.pdf:
            target.write_bytes(report_pdf(data))
        else:
            target.write_text(report_html(data), "utf-8")
        console.print(t("cli.written", cli.CTX.lang, file=target), highlight=False)
