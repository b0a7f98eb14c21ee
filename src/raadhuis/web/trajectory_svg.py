"""Server-rendered SVG for trajectories: milestones on a time axis, and scores per criterion.

Both draw what services/trajectories.py answers, nothing else: the time axis places each
milestone over the window its written date is read as (an approximate reading drawn with a
dashed outline), the phases as bands above it, and a line for the reference day; the score
chart draws, per criterion, one bar per option from 0 on the trajectory's scale. Every text is
escaped; the same facts are in the tables next to the drawings. The drawings carry no style of
their own (the pages' policy allows no inline style): web/static/trajectories.css styles them.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

STATUS_COLOURS = {"realised": "#1a7f37", "planned": "#0b5cad", "not_realised": "#b3261e"}
OPTION_COLOURS = ("#0b5cad", "#b54708", "#0e7470", "#7a3db8", "#8a5a00", "#475467")

_LEFT, _ROW, _TOP = 20, 34, 64


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _x(day: date, first: date, last: date, width: float) -> float:
    span = max(1, (last - first).days)
    return _LEFT + (day - first).days / span * width


def time_axis_svg(
    milestones: list[dict[str, Any]],
    phases: list[dict[str, Any]],
    title: str,
    today: date,
    today_label: str,
    status_label: dict[str, str],
    legend: dict[str, str] | None = None,
    width: int = 1100,
) -> str:
    """Milestones (each with ``start``, ``end``, ``date`` as written, ``title``, ``status``,
    ``approximate``) over their windows on one axis; ``phases`` with written ``start``/``end`` above."""
    if not milestones:
        return ""
    starts = [_day(m["start"]) for m in milestones] + [_day(p["start"]["start"]) for p in phases if p.get("start")]
    ends = [_day(m["end"]) for m in milestones] + [_day(p["end"]["end"]) for p in phases if p.get("end")]
    first = date(min(starts).year, 1, 1)
    last = date(max(ends).year + 1, 1, 1)
    inner = width - 2 * _LEFT - 340  # room on the right of the axis for the labels of the last window
    band = 26 if any(p.get("start") and p.get("end") for p in phases) else 0
    legend = legend or {}
    height = _TOP + band + _ROW * len(milestones) + 30 + (30 if legend else 0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="time-axis" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
    ]
    # years
    for year in range(first.year, last.year + 1):
        x = _x(date(year, 1, 1), first, last, inner)
        out.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 24}" x2="{x:.1f}" y2="{_TOP + band + _ROW * len(milestones)}" stroke="#d0d7de"/>'
        )
        if year < last.year:
            mid = _x(date(year, 7, 1), first, last, inner)
            out.append(f'<text class="tick" x="{mid:.1f}" y="{_TOP - 30}" text-anchor="middle">{year}</text>')
    out.append(f'<line x1="{_LEFT}" y1="{_TOP - 20}" x2="{_LEFT + inner:.1f}" y2="{_TOP - 20}" stroke="#3d444d"/>')
    # phases
    for p in phases:
        if not (p.get("start") and p.get("end")):
            continue
        x1 = _x(_day(p["start"]["start"]), first, last, inner)
        x2 = _x(_day(p["end"]["end"]), first, last, inner) + 1
        out.append(
            f'<g class="phase" data-phase={quoteattr(p["id"])}><rect x="{x1:.1f}" y="{_TOP - 14}" width="{max(3, x2 - x1):.1f}" '
            f'height="18" fill="#eef3f8" stroke="#8c959f"/>'
            f'<text x="{x2 + 6:.1f}" y="{_TOP}">{escape(p["name"])}</text></g>'
        )
    # milestones
    for i, m in enumerate(milestones):
        y = _TOP + band + i * _ROW
        x1 = _x(_day(m["start"]), first, last, inner)
        x2 = _x(_day(m["end"]), first, last, inner) + 1
        colour = STATUS_COLOURS.get(m["status"], "#475467")
        dash = ' stroke-dasharray="4 3"' if m.get("approximate") else ""
        fill = colour if m["status"] == "realised" else "#ffffff"
        label = f"{m['date']} — {m['title']}"
        out.append(
            f'<g class="milestone s-{escape(m["status"])}" data-milestone={quoteattr(m["id"])}>'
            f"<title>{escape(label)} ({escape(m.get('window', ''))}; {escape(status_label.get(m['status'], m['status']))})</title>"
            f'<rect x="{x1:.1f}" y="{y:.1f}" width="{max(4, x2 - x1):.1f}" height="16" rx="3" fill="{fill}" '
            f'fill-opacity="0.35" stroke="{colour}" stroke-width="2"{dash}/>'
            + (
                f'<path d="M{x1 - 2:.1f} {y + 8:.1f} l6 -8 l6 8 l-6 8 z" fill="{colour}"/>'
                if m.get("decision_moment")
                else ""
            )
            + f'<text x="{x2 + 8:.1f}" y="{y + 13:.1f}"><tspan class="when">{escape(m["date"])}</tspan> '
            f"{escape(m['title'])}</text></g>"
        )
    if first <= today < last:
        x = _x(today, first, last, inner)
        bottom = height - (30 if legend else 0)
        out.append(
            f'<g class="today"><line x1="{x:.1f}" y1="{_TOP - 24}" x2="{x:.1f}" y2="{bottom - 14}" stroke="#bf4b00" '
            f'stroke-width="2"/><text x="{x + 4:.1f}" y="{bottom - 4}" fill="#bf4b00">{escape(today_label)}</text></g>'
        )
    if legend:
        y = height - 22
        items = [
            (
                f'<rect x="0" y="-11" width="22" height="12" rx="3" fill="{STATUS_COLOURS["realised"]}" fill-opacity="0.35" '
                f'stroke="{STATUS_COLOURS["realised"]}" stroke-width="2"/>',
                legend.get("realised", ""),
            ),
            (
                f'<rect x="0" y="-11" width="22" height="12" rx="3" fill="#fff" stroke="{STATUS_COLOURS["planned"]}" '
                'stroke-width="2"/>',
                legend.get("planned", ""),
            ),
            (
                '<rect x="0" y="-11" width="22" height="12" rx="3" fill="#fff" stroke="#475467" stroke-width="2" '
                'stroke-dasharray="4 3"/>',
                legend.get("approximate", ""),
            ),
            (
                f'<path d="M4 -5 l6 -8 l6 8 l-6 8 z" fill="{STATUS_COLOURS["planned"]}"/>',
                legend.get("decision_moment", ""),
            ),
        ]
        x = float(_LEFT)
        out.append(f'<g class="legend" transform="translate(0 {y})">')
        for shape, text in items:
            out.append(f'<g transform="translate({x:.0f} 0)">{shape}<text x="30" y="0">{escape(text)}</text></g>')
            x += 48 + 7.5 * len(text)
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _signed(value: float) -> str:
    return f"{value:+g}" if value else "0"


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def scores_svg(data: dict[str, Any], title: str, not_scored: str, width: int = 900, assumed_word: str = "") -> str:
    """Per criterion (row) one bar per option, from 0 to the option's score on the scale (the mean
    when several assessors scored it, with their number). ``data`` is what ``assess`` answers. A
    bar resting on a score marked as an assumption has a dashed outline and says ``assumed_word``."""
    options = data["options"]
    rows = data["rows"]
    if not options or not rows:
        return ""
    lo, hi = float(data["scale"]["min"]), float(data["scale"]["max"])
    label_w, bar_h, gap = 170, 16, 14
    inner = width - label_w - 60
    row_h = bar_h * len(options) + gap
    legend_h = 22 * len(options) + 10
    height = 40 + row_h * len(rows) + legend_h

    def x(v: float) -> float:
        return label_w + (v - lo) / (hi - lo) * inner

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="scores-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
    ]
    for v in data["scale"]["values"]:
        vx = x(float(v["value"]))
        out.append(f'<line x1="{vx:.1f}" y1="26" x2="{vx:.1f}" y2="{40 + row_h * len(rows)}" stroke="#d0d7de"/>')
        out.append(f'<text class="tick" x="{vx:.1f}" y="20" text-anchor="middle">{_signed(float(v["value"]))}</text>')
    zero = x(min(max(0.0, lo), hi))
    out.append(f'<line x1="{zero:.1f}" y1="26" x2="{zero:.1f}" y2="{40 + row_h * len(rows)}" stroke="#3d444d"/>')
    for r, row in enumerate(rows):
        top = 36 + r * row_h
        out.append(f'<text x="6" y="{top + row_h / 2:.1f}">{escape(row["criterion"]["name"])}</text>')
        for k, cell in enumerate(row["cells"]):
            y = top + k * bar_h
            colour = OPTION_COLOURS[k % len(OPTION_COLOURS)]
            values = [float(s["score"]) for s in cell["scores"] if s["score"] is not None]
            mean = _mean(values)
            name = options[k]["name"]
            if mean is None:
                out.append(
                    f'<text class="tick" x="{zero + 4:.1f}" y="{y + 12:.1f}" data-option={quoteattr(cell["option"])}>'
                    f"{escape(name)}: {escape(not_scored)}</text>"
                )
                continue
            x1, x2 = sorted((zero, x(mean)))
            text = _signed(round(mean, 2))
            text = text.replace(".", ",") if data.get("lang") == "nl" else text
            count = f" (n={len(values)})" if len(values) > 1 else ""
            assumed = any(s.get("assumption") for s in cell["scores"] if s["score"] is not None)
            if assumed and assumed_word:
                count += f" ({assumed_word})"
            outline = ' stroke="#3d444d" stroke-dasharray="4 2"' if assumed else ""
            out.append(
                f'<g class="bar{" assumed" if assumed else ""}" data-option={quoteattr(cell["option"])} '
                f"data-criterion={quoteattr(row['criterion']['id'])} "
                f'data-score="{mean:g}"><title>{escape(name)}: {escape(text)}{escape(count)}</title>'
                f'<rect x="{x1:.1f}" y="{y:.1f}" width="{max(2, x2 - x1):.1f}" height="{bar_h - 3}" fill="{colour}"{outline}/>'
                + (
                    f'<text x="{x1 - 4:.1f}" y="{y + 12:.1f}" text-anchor="end">{escape(text)}{escape(count)}</text></g>'
                    if mean < 0
                    else f'<text x="{x2 + 4:.1f}" y="{y + 12:.1f}">{escape(text)}{escape(count)}</text></g>'
                )
            )
    ly = 40 + row_h * len(rows) + 8
    for k, o in enumerate(options):
        colour = OPTION_COLOURS[k % len(OPTION_COLOURS)]
        out.append(
            f'<rect x="{label_w}" y="{ly + 22 * k}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{label_w + 20}" y="{ly + 22 * k + 12}">{escape(o["name"])}</text>'
        )
    out.append("</svg>")
    return "".join(out)
