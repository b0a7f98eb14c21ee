"""One organisation on a day: the org chart that scales (levels, focus on a unit, search), its
exports (SVG, PDF on A4, A3 or a poster; the PNG is drawn in the browser) and the same units
as a list and a table for the keyboard and screen readers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.i18n.engine import uncertain_labels
from raadhuis.i18n.formatting import format_date, moment_text, understood
from raadhuis.render.orgchart import STYLE, fte_line
from raadhuis.services import register, web_queries
from raadhuis.web import chart
from raadhuis.web.access import READ, public, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import lang_of, neighbours, parse_day, parse_moment, parse_view, render, tr

router = APIRouter()

# Paper for the PDF: (value in the URL, page size, landscape).
PAPERS = {
    "a4": ("A4", True),
    "a4-staand": ("A4", False),
    "a3": ("A3", True),
    "a3-staand": ("A3", False),
    "poster": ("poster", True),
}


def chart_title(show: dict[str, Any], lang: str, focus_name: str | None = None) -> str:
    title = tr(
        "show.title",
        lang,
        org=show["organisation"]["name"],
        at=format_date(show["at"], lang),
        view=tr(f"view.{show['view']}", lang),
    )
    return f"{title} — {focus_name}" if focus_name else title


def collapsed_set(value: str) -> set[str]:
    """Units folded in the chart, from ``?collapsed=A,B`` (kept in the URL, so a link shows the same chart)."""
    return {x.strip() for x in value.split(",") if x.strip()}


@dataclass
class ChartState:
    """What the chart shows, read from the query: the part (focus), the levels, the folds and the hits."""

    all_rows: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    focus: dict[str, Any] | None = None
    focus_path: list[dict[str, Any]] = field(default_factory=list)
    focus_missing: str = ""
    levels: int | None = None  # None: all levels
    levels_param: str = ""  # as it goes back into links ("" when the page chose)
    automatic: bool = False  # the page chose fewer levels because the chart is large
    closed: set[str] = field(default_factory=set)
    hits: list[dict[str, Any]] = field(default_factory=list)
    opened: set[str] = field(default_factory=set)  # the way to the hits: open whatever the levels
    drawn: int = 0  # units on the chart, once drawn

    @property
    def max_depth(self) -> int | None:
        return None if self.levels is None else self.levels - 1

    @property
    def depth(self) -> int:
        return chart.depth_count(self.rows)


def chart_state(
    rows: list[dict[str, Any]], find: str = "", collapsed: str = "", levels: str = "", focus: str = ""
) -> ChartState:
    state = ChartState(rows, rows, closed=collapsed_set(collapsed))
    focus = focus.strip()
    if focus:
        top = next((r for r in rows if r["id"] == focus), None)
        if top is None:
            state.focus_missing = focus
        else:
            state.focus, state.focus_path = top, chart.ancestors(rows, focus)
            state.rows = chart.subtree(rows, focus)
    levels = levels.strip().lower()
    if levels.isdigit() and int(levels) > 0:
        state.levels, state.levels_param = int(levels), levels
    elif levels in ("alle", "all"):
        state.levels, state.levels_param = None, "alle"
    else:
        state.levels = chart.first_levels(state.rows)
        state.automatic = state.levels is not None
    state.hits = chart.matches(state.rows, find)
    # A hit is always drawn: the units above it open, whatever is folded or the levels shown.
    for hit in state.hits[:20]:
        for above in chart.ancestors(state.rows, hit["id"]):
            state.closed.discard(above["id"])
            state.opened.add(above["id"])
    return state


def tree(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows as nested items ``{"row": …, "children": […]}`` for the list beside the chart."""
    items: dict[str, dict[str, Any]] = {r["id"]: {"row": r, "children": []} for r in rows}
    roots: list[dict[str, Any]] = []
    for r in rows:
        parent = items.get(r.get("parent") or "")
        (parent["children"] if parent is not None and r.get("parent") != r["id"] else roots).append(items[r["id"]])
    return roots


def _rows(
    request: Request, org: str, at: str | None, view: str | None, known_at: datetime | None = None
) -> tuple[dict[str, Any], list[Any]]:
    store = request.app.state.store
    day, v = parse_day(at), parse_view(view)
    show = register.show(store, org, day, v, known_at=known_at)  # known_at: replayed from the record log
    # Staffing by kind comes from the current read model only; for an earlier moment it is left out (and said so).
    staffing = web_queries.staffing_by_unit(store, show["organisation"]["id"], day, v) if known_at is None else {}
    rows = chart.with_staffing(show["units"], staffing)
    # Units an event with an imprecise date touches on this day: marked on the chart, the list and the table.
    labels = uncertain_labels(show.get("uncertain", []), lang_of(request))
    return show, [dict(r, uncertain=labels[r["id"]]) if r["id"] in labels else r for r in rows]


@router.get("/o/{org}", dependencies=[require(READ)], response_class=HTMLResponse)
def organisation(
    request: Request,
    org: str,
    at: str | None = None,
    view: str | None = None,
    find: str = "",
    collapsed: str = "",
    levels: str = "",
    focus: str = "",
    known_at: str | None = None,
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    moment = parse_moment(known_at)  # "what did we know then"
    show, rows = _rows(request, org, at, view, moment)
    day, v = date.fromisoformat(show["at"]), show["view"]
    org_id = show["organisation"]["id"]
    dates = web_queries.event_dates(store, org_id)
    prev_date, next_date = neighbours(dates, day)
    state = chart_state(rows, find, collapsed, levels, focus)
    title = chart_title(show, lang, state.focus["name"] if state.focus else None)
    svg, state.drawn = chart.drawing(
        state.rows,
        lang,
        title,
        highlight={h["id"] for h in state.hits},
        collapsed=state.closed,
        max_depth=state.max_depth,
        embedded=True,
        expanded=state.opened,
    )
    return render(
        request,
        "organisation.html",
        title=title,
        show=show,
        org=show["organisation"],
        at=show["at"],
        view=v,
        understood=understood(at, day, lang) if at else None,
        prev_date=prev_date,
        next_date=next_date,
        find=find,
        state=state,
        tree=tree(state.rows),
        level_options=list(range(1, max(state.depth, 1) + 1)),
        names=sorted({r["name"] for r in rows}, key=str.lower),
        svg=trusted(svg),
        pdf=chart.pdf_available(),
        papers=list(PAPERS),
        collapsed=",".join(sorted(state.closed)),
        file_stem=chart.file_name(org_id, "organogram", day, v, state.focus["id"] if state.focus else None),
        fte_text=lambda row: fte_line(row, lang),
        known_at=known_at or "",
        known_at_text=moment_text(moment.isoformat(), lang) if moment else "",
    )


@router.get("/favicon.ico", dependencies=[public()], include_in_schema=False)
def favicon() -> Response:
    # Browsers ask for /favicon.ico on pages that name none (the API's JSON, a PDF).
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/orgchart.css", dependencies=[public()], include_in_schema=False)
def orgchart_css() -> Response:
    """The chart's look, the same rules a downloaded SVG carries inside it."""
    return Response(STYLE, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


def _export_state(rows: list[dict[str, Any]], collapsed: str, levels: str, focus: str) -> ChartState:
    # An export shows what the screen showed; with no levels in the URL it shows everything.
    return chart_state(rows, "", collapsed, levels or "alle", focus)


@router.get("/o/{org}/chart.svg", dependencies=[require(READ)])
def chart_svg(
    request: Request,
    org: str,
    at: str | None = None,
    view: str | None = None,
    collapsed: str = "",
    levels: str = "",
    focus: str = "",
) -> Response:
    lang = lang_of(request)
    show, rows = _rows(request, org, at, view)
    state = _export_state(rows, collapsed, levels, focus)
    title = chart_title(show, lang, state.focus["name"] if state.focus else None)
    svg = chart.orgchart_svg(state.rows, lang, title, collapsed=state.closed, max_depth=state.max_depth)
    name = chart.file_name(
        show["organisation"]["id"],
        "organogram",
        show["at"],
        show["view"],
        state.focus["id"] if state.focus else None,
        "svg",
    )
    return Response(svg, media_type="image/svg+xml", headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/o/{org}/chart.pdf", dependencies=[require(READ)])
def chart_pdf(
    request: Request,
    org: str,
    at: str | None = None,
    view: str | None = None,
    collapsed: str = "",
    levels: str = "",
    focus: str = "",
    paper: str = "a4",
) -> Response:
    lang = lang_of(request)
    if paper not in PAPERS:
        raise HTTPException(400, f"expected one of {', '.join(PAPERS)}, got {paper!r}")
    size, landscape = PAPERS[paper]
    show, rows = _rows(request, org, at, view)
    state = _export_state(rows, collapsed, levels, focus)
    title = chart_title(show, lang, state.focus["name"] if state.focus else None)
    pdf = chart.orgchart_pdf(
        state.rows,
        title,
        collapsed=state.closed,
        lang=lang,
        max_depth=state.max_depth,
        page_size=size,
        landscape=landscape,
    )
    if pdf is None:
        raise HTTPException(501, tr("web.no_pdf", lang))
    name = chart.file_name(
        show["organisation"]["id"],
        "organogram",
        show["at"],
        show["view"],
        state.focus["id"] if state.focus else None,
        "pdf",
    )
    return Response(
        pdf, media_type="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
