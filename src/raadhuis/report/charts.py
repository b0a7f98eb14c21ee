"""Small SVG charts drawn on the server: bars for a distribution, a line for a trend.

No script and nothing fetched: the SVG is text in the page or report. Every chart has a
``<title>`` and ``role="img"`` with a label, and all text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from raadhuis.services.analysis import number

INK = "#1f2933"
BAR = "#1d5fb8"
GRID = "#d0d5dd"
FONT = "system-ui,Arial,sans-serif"  # a presentation attribute: the page's CSP allows no style attribute


def bar_svg(items: Sequence[tuple[str, float]], title: str, lang: str = "nl", width: int = 480) -> str:
    """Vertical bars, one per (label, value), with the value above each bar."""
    height, top, bottom, left = 220, 28, 36, 16
    n = max(1, len(items))
    peak = max([v for _, v in items] + [1.0])
    slot = (width - 2 * left) / n
    plot_h = height - top - bottom
    out = [_open(width, height, title)]
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - left}" y2="{top + plot_h}" stroke="{GRID}"/>')
    for i, (label, value) in enumerate(items):
        h = plot_h * value / peak
        x = left + i * slot + slot * 0.15
        w = slot * 0.7
        y = top + plot_h - h
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{BAR}"/>')
        cx = x + w / 2
        out.append(
            f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="12" fill="{INK}">'
            f"{escape(number(value, lang, 1))}</text>"
        )
        out.append(
            f'<text x="{cx:.1f}" y="{height - bottom + 16:.1f}" text-anchor="middle" font-size="12" '
            f'fill="{INK}">{escape(label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def hbar_svg(
    items: Sequence[tuple[str, float]], title: str, lang: str = "nl", maximum: float = 100, width: int = 560
) -> str:
    """Horizontal bars (e.g. vulnerability scores 0–100), labels on the left."""
    row, top, label_w = 22, 8, 220
    height = top * 2 + row * max(1, len(items))
    plot_w = width - label_w - 50
    out = [_open(width, height, title)]
    for i, (label, value) in enumerate(items):
        y = top + i * row
        w = plot_w * max(0.0, min(value, maximum)) / maximum
        short = label if len(label) <= 34 else label[:33] + "…"
        out.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12" fill="{INK}">{escape(short)}</text>'
        )
        out.append(f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" fill="{BAR}"/>')
        out.append(
            f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" font-size="12" fill="{INK}">'
            f"{escape(number(value, lang, 1))}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def line_svg(points: Sequence[tuple[int, float | None]], title: str, lang: str = "nl", width: int = 300) -> str:
    """A trend over years; a year without a value leaves a gap and an open circle on the axis."""
    height, top, bottom, left, right = 150, 22, 30, 44, 14
    known = [v for _, v in points if v is not None]
    out = [_open(width, height, title)]
    plot_w, plot_h = width - left - right, height - top - bottom
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="{GRID}"/>')
    if not points:
        out.append("</svg>")
        return "".join(out)
    lo, hi = (min(known), max(known)) if known else (0.0, 1.0)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    n = len(points)

    def px(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def py(v: float) -> float:
        return top + plot_h - plot_h * (v - lo) / (hi - lo)

    segment: list[str] = []
    for i, (_, v) in enumerate(points):
        if v is None:
            if len(segment) > 1:
                out.append(f'<polyline fill="none" stroke="{BAR}" stroke-width="2" points="{" ".join(segment)}"/>')
            segment = []
            continue
        segment.append(f"{px(i):.1f},{py(v):.1f}")
    if len(segment) > 1:
        out.append(f'<polyline fill="none" stroke="{BAR}" stroke-width="2" points="{" ".join(segment)}"/>')
    for i, (year, v) in enumerate(points):
        if v is None:
            out.append(f'<circle cx="{px(i):.1f}" cy="{top + plot_h:.1f}" r="3" fill="white" stroke="{INK}"/>')
        else:
            out.append(f'<circle cx="{px(i):.1f}" cy="{py(v):.1f}" r="3" fill="{BAR}"/>')
            out.append(
                f'<text x="{px(i):.1f}" y="{py(v) - 6:.1f}" text-anchor="middle" font-size="10" fill="{INK}">'
                f"{escape(number(v, lang, 1))}</text>"
            )
        if n <= 12 or i % max(1, n // 10) == 0:
            out.append(
                f'<text x="{px(i):.1f}" y="{height - 10}" text-anchor="middle" font-size="10" fill="{INK}">{year}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label={quoteattr(title)} font-family="{FONT}"><title>{escape(title)}</title>'
    )
