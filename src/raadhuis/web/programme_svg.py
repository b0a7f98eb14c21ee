"""Server-rendered SVG for programmes: the budget used as a bar, and the programme on a time axis.

Both draw what services/programmes.py answers, nothing else. The bar fills the share spent of
the total; with no spend known it stays empty with a dashed outline (unknown is not zero). The
time axis shows the programme's period as a band (open to the right when its end is unknown),
each milestone over the window its written date is read as (a diamond; filled when reached,
crossed when missed or cancelled), and each progress reading as a coloured dot carrying the value
as the source wrote it. Every text is escaped; the same facts are in the tables beside the
drawings. No inline style (the pages' policy forbids it): colours are presentation attributes and
web/static/programmes.css sets the fonts.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from raadhuis.domain.dates import FuzzyDate

READING_COLOURS = {"green": "#1a7f37", "amber": "#d48806", "red": "#b42318"}
UNKNOWN_COLOUR = "#98a2b3"
MILESTONE_COLOURS = {"reached": "#1a7f37", "planned": "#0b5cad", "missed": "#b42318", "cancelled": "#667085"}

_LEFT, _ROW, _TOP = 20, 30, 56


def budget_bar_svg(share: float | None, label: str, width: int = 160, height: int = 16) -> str:
    """The share spent of the budget as a bar; ``None``: nothing known spent, an empty dashed bar."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="budget-bar" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(label)}><title>{escape(label)}</title>'
    ]
    if share is None:
        out.append(
            f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="#ffffff" stroke="{UNKNOWN_COLOUR}" '
            'stroke-dasharray="4 3"/>'
        )
    else:
        filled = max(0.0, min(1.0, share)) * (width - 2)
        colour = "#b42318" if share > 1 else "#0b5cad"
        out.append(f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="#ffffff" stroke="#667085"/>')
        out.append(f'<rect class="spent" x="1" y="1" width="{filled:.1f}" height="{height - 2}" fill="{colour}"/>')
    out.append("</svg>")
    return "".join(out)


def _window(text: str | None) -> tuple[date, date] | None:
    if not text:
        return None
    try:
        d = FuzzyDate.parse(text)
    except Exception:  # noqa: BLE001 - a date the register holds always parses; draw nothing otherwise
        return None
    return d.start, d.end


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _x(day: date, first: date, last: date, width: float) -> float:
    span = max(1, (last - first).days)
    return _LEFT + (day - first).days / span * width


def programme_axis_svg(
    p: dict[str, Any], title: str, words: dict[str, str], today: date | None = None, width: int = 1200
) -> str:
    """Period band, milestones and readings of one programme answer (``services.programmes.programme``).

    ``words``: labels for the rows and statuses (``period``, ``readings``, ``open_end``, ``today``
    and one per milestone status and reading)."""
    period = (_window(p["period"]["from"]), _window(p["period"]["to"]))
    milestones = [(m, _window(m["date"])) for m in p["milestones"]]
    readings = [(r, _window(r["date"])) for r in p["progress"]]
    days = [w for pair in period if pair for w in pair]
    days += [w for _, win in milestones + readings if win for w in win]
    if not days:
        return ""
    first = date(min(days).year, 1, 1)
    last = date(max(days).year + 1, 1, 1)
    if period[0] and not period[1]:
        # An open end: room to show it, up to today when the programme may still run.
        until = max(period[0][0].year + 2, (today.year + 1) if today else 0)
        last = date(max(last.year, until), 1, 1)
    inner = width - 2 * _LEFT - 470
    drawn = [(m, w) for m, w in milestones if w]
    height = _TOP + 2 * _ROW + _ROW * len(drawn) + 40
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="programme-axis" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
    ]
    bottom = height - 30
    for year in range(first.year, last.year + 1):
        x = _x(date(year, 1, 1), first, last, inner)
        out.append(f'<line x1="{x:.1f}" y1="{_TOP - 20}" x2="{x:.1f}" y2="{bottom}" stroke="#d0d7de"/>')
        if year < last.year:
            mid = _x(date(year, 7, 1), first, last, inner)
            out.append(f'<text class="tick" x="{mid:.1f}" y="{_TOP - 26}" text-anchor="middle">{year}</text>')
    out.append(f'<line x1="{_LEFT}" y1="{_TOP - 16}" x2="{_LEFT + inner:.1f}" y2="{_TOP - 16}" stroke="#3d444d"/>')
    # the period
    y = _TOP
    if period[0] or period[1]:
        start = period[0][0] if period[0] else first
        end = period[1][1] if period[1] else last
        x1, x2 = _x(start, first, last, inner), _x(end, first, last, inner)
        dash = ' stroke-dasharray="5 4"' if p["period"]["assumption"] or not period[1] else ""
        label = (
            f"{words['period']}: {p['period']['from_label'] or '?'} – {p['period']['to_label'] or words['open_end']}"
        )
        out.append(
            f'<g class="period"><title>{escape(label)}</title><rect x="{x1:.1f}" y="{y:.1f}" '
            f'width="{max(3, x2 - x1):.1f}" height="16" fill="#eef3f8" stroke="#8c959f"{dash}/>'
            f'<text x="{_LEFT + inner + 10:.1f}" y="{y + 13:.1f}">{escape(label)}</text></g>'
        )
    # the readings, on one row
    y = _TOP + _ROW
    shown = [(r, w) for r, w in readings if w]
    row = words["readings"] if shown else f"{words['readings']}: {words.get('no_reading', '')}"
    out.append(f'<text class="row" x="{_LEFT + inner + 10:.1f}" y="{y + 13:.1f}">{escape(row)}</text>')
    for r, win in shown:
        assert win is not None  # noqa: S101 - filtered above
        x1, x2 = _x(win[0], first, last, inner), _x(win[1], first, last, inner)
        if x2 - x1 > 12:
            out.append(
                f'<line x1="{x1:.1f}" y1="{y + 8:.1f}" x2="{x2:.1f}" y2="{y + 8:.1f}" stroke="#98a2b3" '
                'stroke-width="2" stroke-dasharray="2 3"/>'
            )
        cx = (x1 + x2) / 2
        colour = READING_COLOURS.get(r["reading"] or "", UNKNOWN_COLOUR)
        meaning = words.get(f"reading.{r['reading']}", words.get("reading.unknown", ""))
        tip = f"{r['date_label']}: {r['value']} ({meaning})"
        dash = ' stroke-dasharray="2 2"' if r["reading_assumption"] or r["assumption"] else ""
        out.append(
            f'<g class="reading r-{escape(r["reading"] or "unknown")}" data-value={quoteattr(r["value"])}>'
            f"<title>{escape(tip)}</title>"
            f'<circle cx="{cx:.1f}" cy="{y + 8:.1f}" r="10" fill="{colour}" stroke="#1f2328"{dash}/>'
            f'<text class="value" x="{cx:.1f}" y="{y + 12:.1f}" text-anchor="middle" fill="#ffffff">'
            f"{escape(r['value'][:3])}</text></g>"
        )
    # the milestones, one row each
    for i, (m, win) in enumerate(drawn):
        assert win is not None  # noqa: S101 - filtered above
        y = _TOP + 2 * _ROW + i * _ROW
        x1, x2 = _x(win[0], first, last, inner), _x(win[1], first, last, inner)
        colour = MILESTONE_COLOURS.get(m["status"], "#475467")
        status = words.get(f"mstatus.{m['status']}", m["status"])
        out.append(
            f'<g class="milestone m-{escape(m["status"])}" data-milestone={quoteattr(m["id"])}>'
            f"<title>{escape(m['date_label'])}: {escape(m['title'])} ({escape(status)})</title>"
            f'<rect x="{x1:.1f}" y="{y + 2:.1f}" width="{max(2, x2 - x1):.1f}" height="12" fill="{colour}" '
            f'fill-opacity="0.15" stroke="{colour}"' + (' stroke-dasharray="4 3"' if m["assumption"] else "") + "/>"
        )
        cx = (x1 + x2) / 2
        fill = colour if m["status"] == "reached" else "#ffffff"
        out.append(
            f'<path d="M{cx:.1f} {y - 1:.1f} l8 9 l-8 9 l-8 -9 z" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
        )
        if m["status"] in ("missed", "cancelled"):
            out.append(
                f'<path d="M{cx - 5:.1f} {y + 3:.1f} l10 10 M{cx + 5:.1f} {y + 3:.1f} l-10 10" stroke="{colour}" '
                'stroke-width="2"/>'
            )
        out.append(
            f'<text x="{_LEFT + inner + 10:.1f}" y="{y + 13:.1f}"><tspan class="when">{escape(m["date_label"])}</tspan> '
            f"{escape(_short(m['title']))} — {escape(status)}</text></g>"
        )
    if today is not None and first <= today < last:
        x = _x(today, first, last, inner)
        out.append(
            f'<g class="today"><line x1="{x:.1f}" y1="{_TOP - 20}" x2="{x:.1f}" y2="{bottom}" stroke="#bf4b00" '
            f'stroke-width="2"/><text x="{x + 4:.1f}" y="{bottom + 16}" fill="#bf4b00">{escape(words["today"])}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)
