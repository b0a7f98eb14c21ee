"""What changed between two days, in words: each change with its event, decision and sources;
the chart of the second day with what is gone drawn struck through. Opened from a day being
viewed (``?at=``), it shows what changed since the day before."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.i18n.formatting import format_date
from raadhuis.services import differences, web_queries
from raadhuis.web import chart
from raadhuis.web.access import READ, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import lang_of, parse_day, parse_view, render, tr

router = APIRouter()

LEGEND = ("added", "removed", "moved", "renamed", "merged", "split", "transferred", "fte_changed")


def days(dates: list[str], start: str | None, end: str | None, at: str | None) -> tuple[date, date]:
    """The two days to compare: as given; from a day being viewed, that day and the one before;
    otherwise the last day something happened and the day before it."""
    if start or end:
        last = date.fromisoformat(dates[-1]) if dates else date.today()
        d2 = parse_day(end, last)
        return parse_day(start, d2 - timedelta(days=1)), d2
    d2 = parse_day(at, date.fromisoformat(dates[-1]) if dates else date.today())
    return d2 - timedelta(days=1), d2


def gone_under(rows: list[dict[str, Any]], gone: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The second day's rows with the units that are gone put back where they stood (under their
    old parent if it is still there, else at the top), so the chart shows them struck through."""
    ids = {r["id"] for r in rows}
    out = list(rows)
    for g in gone:
        if g["id"] in ids:
            continue
        parent = g.get("parent") if g.get("parent") in ids else None
        row = dict(g, parent=parent, posts=0, fte=0.0, filled_fte=0.0)
        # Right after its parent's row (or at the end): the layout keeps the rows' order.
        at = next((i + 1 for i, r in enumerate(out) if r["id"] == parent), len(out))
        out.insert(at, row)
        ids.add(g["id"])
    return out


@router.get("/o/{org}/diff", dependencies=[require(READ)], response_class=HTMLResponse)
def diff_page(
    request: Request,
    org: str,
    start: str | None = None,
    end: str | None = None,
    at: str | None = None,
    view: str | None = None,
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    v = parse_view(view)
    d1, d2 = days(web_queries.event_dates(store, org), start, end, at)
    reading = differences.describe(store, org, d1, d2, v, lang)
    data = reading.diff
    d1, d2 = date.fromisoformat(data["from"]), date.fromisoformat(data["to"])
    org_id = data["organisation"]["id"]

    def say(key: str, **values: object) -> str:
        return tr(key, lang, **values)

    title = tr(
        "wb.diff_title",
        lang,
        org=data["organisation"]["name"],
        start=format_date(d1, lang),
        end=format_date(d2, lang),
        view=tr(f"view.{v.value}", lang),
    )
    staffing = web_queries.staffing_by_unit(store, org_id, d2, v)
    rows = gone_under(chart.with_staffing(reading.after, staffing), reading.gone)
    svg = chart.orgchart_svg(rows, lang, title, marks=reading.marks, embedded=True)
    return render(
        request,
        "diff.html",
        title=title,
        org=data["organisation"],
        data=data,
        reading=reading,
        svg=trusted(svg),
        start=data["from"],
        end=data["to"],
        at=data["to"],
        view=v.value,
        since_day_before=d2 - d1 == timedelta(days=1),
        legend=[m for m in LEGEND if m in set(reading.marks.values())],
        event_label=lambda entry: differences.event_label(entry, say, lang),
    )
