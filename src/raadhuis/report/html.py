"""The report as one self-contained HTML page: inline CSS, inline SVG, no script, nothing fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from raadhuis.i18n.formatting import format_date
from raadhuis.render.links import link_target
from raadhuis.render.orgchart import layout_orgchart, orgchart_svg
from raadhuis.report import charts, view
from raadhuis.report.labels import DEFINITION_TEXT, L
from raadhuis.services.analysis import DEFINITIONS, number

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["link_target"] = link_target  # only http, https and mailto become links


def _trusted(svg: str) -> Markup:
    """SVG built here and in raadhuis.render, where every piece of text is escaped."""
    return Markup(svg)  # noqa: S704 - see the docstring


def date_text(day: str, lang: str) -> str:
    return format_date(day, lang)


def context(data: dict[str, Any]) -> dict[str, Any]:
    """What the report template (and the dashboard) needs, charts included."""
    lang = data["lang"]
    result = data["analysis"]
    svg = ""
    if data["units"]:
        layout = layout_orgchart(data["units"])
        svg = orgchart_svg(layout, lang=lang, title=L("chart", lang))
    rows = view.indicator_rows(result, lang)
    for r in rows:
        r["svg"] = (
            _trusted(charts.line_svg(r["trend"], f"{r['name']} — {L('trend', lang)}", lang)) if r["trend"] else ""
        )
    return {
        "lang": lang,
        "L": lambda key, **v: L(key, lang, **v),
        "num": lambda value, digits=2: number(value, lang, digits),
        "reason": lambda r: view.reason_text(r, lang),
        "doers": lambda value: view.doers_text(value, lang),
        "score": lambda item: view.score_text(item, lang),
        "why": lambda item: view.item_reasons(item, lang),
        "indicator_name": lambda key: view.indicator_name(key, lang),
        "r": result,
        "org": result["organisation"],
        "title": L("title", lang, date=date_text(result["at"], lang)),
        "title_date": date_text(result["at"], lang),
        "summary": view.summary_lines(result, lang),
        "orgchart": _trusted(svg),
        "distribution_svg": _trusted(charts.bar_svg(view.distribution_items(result), L("distribution", lang), lang)),
        "vulnerability_svg": _trusted(charts.hbar_svg(view.vulnerability_items(result), L("vulnerability", lang), lang))
        if view.vulnerability_items(result)
        else "",
        "indicator_rows": rows,
        "sources": data["sources"],
        "assumptions": data["assumptions"],
        "trajectories": data.get("trajectories", []),
        "outcomes": data.get("outcomes", []),
        "uncertain": data.get("uncertain", []),
        "recommendations": data.get("recommendations", []),
        "programmes": data.get("programmes", []),
        "definitions": [(k, DEFINITION_TEXT[k][lang], DEFINITIONS[k], L(f"def.{k}", lang)) for k in DEFINITION_TEXT],
    }


def report_html(data: dict[str, Any]) -> str:
    return _ENV.get_template("report.html").render(**context(data))
