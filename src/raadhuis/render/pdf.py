"""The org chart as a PDF (reportlab), drawn from the same ``ChartLayout`` as the SVG.

A chart that fits a page at a readable size is printed on one page. A larger chart is
printed at the smallest readable scale (unit names at ``min_font`` points) and cut into
tiles, one per page, each with the title, the date and its row and column, so the pages
can be laid out on a table or taped together.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from reportlab.lib import pagesizes
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from raadhuis.i18n.formatting import format_date
from raadhuis.render.orgchart import (
    EXTERNAL_FILL,
    EXTERNAL_TEXT,
    MARKS,
    UNCERTAIN_FILL,
    VACANCY_FILL,
    VACANCY_TEXT,
    ChartLayout,
    ChartNode,
    fmt_fte,
    fte_line,
    legend_entries,
    mark_label,
    meta_line,
    wrap,
)

__all__ = ["MIN_FONT", "POSTER_SIZES", "Tile", "orgchart_pdf", "plan_pages", "poster_size"]

NAME_SIZE = 12.0  # the unit-name font size in chart units; the SVG uses the same
SMALL_SIZE = 10.0  # the smallest text that matters (kind, FTE) sets the readable scale
# Printed, the kind and FTE lines are never smaller than this (points); unit names are 1.2 times it.
MIN_FONT = 7.0
POSTER_SIZES = ("A3", "A2", "A1", "A0")
PAGE_MARGIN = 28.0
HEADER_H = 34.0
FOOTER_H = 22.0

_PAGE_SIZES = {
    "A4": pagesizes.A4,
    "A3": pagesizes.A3,
    "A2": pagesizes.A2,
    "A1": pagesizes.A1,
    "A0": pagesizes.A0,
    "A5": pagesizes.A5,
    "LETTER": pagesizes.LETTER,
    "LEGAL": pagesizes.LEGAL,
    "TABLOID": pagesizes.TABLOID,
}

_WORDS = {
    "page": {"nl": "Pagina {i} van {n}", "en": "Page {i} of {n}"},
    "tile": {"nl": "rij {r}, kolom {c}", "en": "row {r}, column {c}"},
    "made": {"nl": "Gemaakt met Raadhuis op {d}", "en": "Made with Raadhuis on {d}"},
    "overview": {"nl": "Overzicht: welk deel op welke pagina", "en": "Overview: which part on which page"},
    "overview_help": {
        "nl": "Het organogram staat op {n} pagina's; elk kader is één pagina. Achterin staan de eenheden met hun pagina.",
        "en": "The chart is printed on {n} pages; each frame is one page. The index at the end lists each unit's page.",
    },
    "index": {"nl": "Register: eenheden en hun pagina", "en": "Index: units and their page"},
    "page_ref": {"nl": "blz. {n}", "en": "p. {n}"},
    # Helvetica (built into every PDF reader) has no arrows: guillemets and words instead.
    "go_right": {"nl": "rechts verder op blz. {n} »", "en": "continues right on p. {n} »"},
    "go_left": {"nl": "« links verder op blz. {n}", "en": "« continues left on p. {n}"},
    "go_up": {"nl": "erboven: blz. {n}", "en": "above: p. {n}"},
    "go_down": {"nl": "eronder: blz. {n}", "en": "below: p. {n}"},
}

INK = HexColor("#101828")
GREY = HexColor("#475467")
LINE = HexColor("#667085")
BORDER = HexColor("#98a2b3")
WHITE = HexColor("#ffffff")
GONE_FILL = HexColor("#f2f4f7")


def _word(key: str, lang: str, **values: object) -> str:
    entry = _WORDS[key]
    return (entry.get(lang) or entry["nl"]).format(**values)


def _page_size(page_size: str | tuple[float, float], landscape: bool) -> tuple[float, float]:
    if isinstance(page_size, str):
        size = _PAGE_SIZES.get(page_size.upper())
        if size is None:
            raise ValueError(
                f"page_size {page_size!r}: expected one of {', '.join(_PAGE_SIZES)} or (width, height) in points"
            )
    else:
        size = (float(page_size[0]), float(page_size[1]))
    w, h = float(size[0]), float(size[1])
    return (max(w, h), min(w, h)) if landscape else (min(w, h), max(w, h))


def orgchart_pdf(
    layout: ChartLayout,
    title: str,
    marks: Mapping[str, str] | None = None,
    page_size: str | tuple[float, float] = "A4",
    landscape: bool = True,
    *,
    lang: str = "nl",
    highlight: Collection[str] = frozenset(),
    min_font: float = MIN_FONT,
    on: date | None = None,
) -> bytes:
    """The chart as PDF bytes; split over several pages when it does not fit at ``min_font`` points.

    ``page_size`` "poster" picks the smallest of A3, A2, A1 and A0 on which the whole chart fits
    on one page at ``min_font``. A chart over several pages starts with an overview page (the
    whole chart, the pages marked on it), says on each page's edges on which page it goes on,
    and ends with an index of the units and the page each one is on."""
    marks = dict(marks or {})
    if isinstance(page_size, str) and page_size.lower() == "poster":
        page_size = poster_size(layout, landscape, min_font)
    pw, ph = _page_size(page_size, landscape)
    aw, ah = _area(pw, ph)
    scale, tiles = plan_pages(layout, page_size, landscape, min_font)
    day_text = format_date(on or date.today(), lang)
    legend = legend_entries(layout, marks, highlight)
    several = len(tiles) > 1
    first_tile_page = 2 if several else 1
    page_of = {(t.row, t.column): first_tile_page + i for i, t in enumerate(tiles)}
    index = _index_entries(layout, tiles, page_of) if several else []
    index_pages = _index_page_count(len(index), ph) if several else 0
    total = (1 if several else 0) + len(tiles) + index_pages

    buf = BytesIO()
    canvas = Canvas(buf, pagesize=(pw, ph), invariant=True)
    canvas.setTitle(title)
    canvas.setAuthor("Raadhuis")
    canvas.setSubject(mark_label("chart", lang))
    if several:
        _header(canvas, title, day_text, pw, ph, 1, total, None, lang, note=_word("overview", lang))
        _overview(canvas, layout, tiles, page_of, marks, pw, ph, lang)
        canvas.showPage()
    for tile in tiles:
        number = page_of[(tile.row, tile.column)]
        label = (tile.row, tile.column) if several else None
        _header(canvas, title, day_text, pw, ph, number, total, label, lang)
        _legend(canvas, legend, lang)
        if several:
            _references(canvas, tile, page_of, pw, ph, lang)
        x0, y0 = tile.x, tile.y
        top = ph - PAGE_MARGIN - HEADER_H
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(PAGE_MARGIN, top - ah, aw, ah)
        canvas.clipPath(clip, stroke=0, fill=0)

        def px(x: float, x0: float = x0) -> float:
            return PAGE_MARGIN + (x - x0) * scale

        def py(y: float, y0: float = y0, top: float = top) -> float:
            return top - (y - y0) * scale

        _draw(canvas, layout, marks, highlight, lang, px, py, scale, (x0, y0, x0 + tile.w, y0 + tile.h))
        canvas.restoreState()
        canvas.showPage()
    if several:
        _index(canvas, index, title, day_text, pw, ph, total - index_pages + 1, total, lang)
    canvas.save()
    return buf.getvalue()


def poster_size(layout: ChartLayout, landscape: bool = True, min_font: float = MIN_FONT) -> str:
    """The smallest of A3, A2, A1, A0 that holds the whole chart on one page at ``min_font``."""
    for size in POSTER_SIZES:
        if len(plan_pages(layout, size, landscape, min_font)[1]) == 1:
            return size
    return POSTER_SIZES[-1]


def _index_entries(
    layout: ChartLayout, tiles: list[Tile], page_of: Mapping[tuple[int, int], int]
) -> list[tuple[str, int]]:
    """(unit name, page) for every unit: the first page on which its box is whole."""
    out = []
    for n in layout.nodes:
        page = next(
            (
                page_of[(t.row, t.column)]
                for t in tiles
                if t.x <= n.x and n.x + n.w <= t.x + t.w and t.y <= n.y and n.y + n.h <= t.y + t.h
            ),
            None,
        )
        if page is None:  # larger than a page: where its top-left corner is
            page = next(
                (page_of[(t.row, t.column)] for t in tiles if t.x <= n.x < t.x + t.w and t.y <= n.y < t.y + t.h),
                page_of[(tiles[0].row, tiles[0].column)],
            )
        out.append((str(n.row.get("name") or n.id), page))
    return sorted(out, key=lambda e: (e[0].lower(), e[1]))


_INDEX_LINE = 11.0
_INDEX_COLUMNS = 3


def _index_rows_per_page(ph: float) -> int:
    return max(1, int((ph - 2 * PAGE_MARGIN - HEADER_H - FOOTER_H - 20) // _INDEX_LINE))


def _index_page_count(entries: int, ph: float) -> int:
    per_page = _index_rows_per_page(ph) * _INDEX_COLUMNS
    return max(1, math.ceil(entries / per_page))


def _index(
    canvas: Canvas,
    entries: list[tuple[str, int]],
    title: str,
    day: str,
    pw: float,
    ph: float,
    first: int,
    total: int,
    lang: str,
) -> None:
    rows = _index_rows_per_page(ph)
    per_page = rows * _INDEX_COLUMNS
    col_w = (pw - 2 * PAGE_MARGIN) / _INDEX_COLUMNS
    for p in range(_index_page_count(len(entries), ph)):
        _header(canvas, title, day, pw, ph, first + p, total, None, lang, note=_word("index", lang))
        chunk = entries[p * per_page : (p + 1) * per_page]
        top = ph - PAGE_MARGIN - HEADER_H - 12
        canvas.setFont("Helvetica", 8.5)
        canvas.setFillColor(INK)
        for i, (name, page) in enumerate(chunk):
            col, line = divmod(i, rows)
            x = PAGE_MARGIN + col * col_w
            y = top - line * _INDEX_LINE
            ref = _word("page_ref", lang, n=page)
            room = col_w - stringWidth(ref, "Helvetica", 8.5) - 14
            shown = wrap(name, room, lambda t: stringWidth(t, "Helvetica", 8.5), 1) or [name]
            canvas.drawString(x, y, shown[0])
            canvas.drawRightString(x + col_w - 8, y, ref)
        canvas.showPage()


def _overview(
    canvas: Canvas,
    layout: ChartLayout,
    tiles: list[Tile],
    page_of: Mapping[tuple[int, int], int],
    marks: Mapping[str, str],
    pw: float,
    ph: float,
    lang: str,
) -> None:
    """The whole chart small, boxes and lines only, with each page's part outlined and numbered."""
    aw, ah = _area(pw, ph)
    right = max(t.x + t.w for t in tiles)
    bottom = max(t.y + t.h for t in tiles)
    k = min(aw / max(right, 1.0), ah / max(bottom, 1.0))
    top = ph - PAGE_MARGIN - HEADER_H

    def px(x: float) -> float:
        return PAGE_MARGIN + x * k

    def py(y: float) -> float:
        return top - y * k

    canvas.setStrokeColor(LINE)
    canvas.setLineWidth(0.4)
    for e in layout.edges:
        path = canvas.beginPath()
        (x, y), *rest = e.points
        path.moveTo(px(x), py(y))
        for x, y in rest:
            path.lineTo(px(x), py(y))
        canvas.drawPath(path, stroke=1, fill=0)
    for n in layout.nodes:
        mark = marks.get(n.id)
        canvas.setFillColor(HexColor(MARKS[mark][0]) if mark in MARKS else HexColor("#d0d5dd"))
        canvas.rect(px(n.x), py(n.y + n.h), n.w * k, n.h * k, stroke=0, fill=1)
    for t in tiles:
        canvas.setStrokeColor(HexColor(MARKS["moved"][0]))
        canvas.setLineWidth(1.2)
        canvas.rect(px(t.x), py(t.y + t.h), t.w * k, t.h * k, stroke=1, fill=0)
        label = _word("page_ref", lang, n=page_of[(t.row, t.column)])
        canvas.setFont("Helvetica-Bold", 11)
        lw = stringWidth(label, "Helvetica-Bold", 11) + 8
        cx, cy = px(t.x) + 4, py(t.y) - 16
        canvas.setFillColor(WHITE)
        canvas.rect(cx - 2, cy - 4, lw, 15, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.drawString(cx + 2, cy, label)
    canvas.setFont("Helvetica", 9)
    canvas.setFillColor(GREY)
    canvas.drawString(PAGE_MARGIN, PAGE_MARGIN + 4, _word("overview_help", lang, n=len(tiles)))


def _references(
    canvas: Canvas, tile: Tile, page_of: Mapping[tuple[int, int], int], pw: float, ph: float, lang: str
) -> None:
    """On each edge of a tile with a neighbour: on which page the chart goes on."""
    aw, ah = _area(pw, ph)
    top = ph - PAGE_MARGIN - HEADER_H
    mid_y = top - ah / 2
    canvas.setFont("Helvetica-Bold", 8)
    canvas.setFillColor(HexColor(MARKS["moved"][0]))
    r, c = tile.row, tile.column
    if (r, c + 1) in page_of:
        text = _word("go_right", lang, n=page_of[(r, c + 1)])
        canvas.saveState()
        canvas.translate(pw - PAGE_MARGIN / 2 + 3, mid_y)
        canvas.rotate(90)
        canvas.drawCentredString(0, 0, text)
        canvas.restoreState()
    if (r, c - 1) in page_of:
        text = _word("go_left", lang, n=page_of[(r, c - 1)])
        canvas.saveState()
        canvas.translate(PAGE_MARGIN / 2 + 3, mid_y)
        canvas.rotate(90)
        canvas.drawCentredString(0, 0, text)
        canvas.restoreState()
    if (r - 1, c) in page_of:
        canvas.drawRightString(pw - PAGE_MARGIN, top + 4, _word("go_up", lang, n=page_of[(r - 1, c)]))
    if (r + 1, c) in page_of:
        canvas.drawRightString(pw - PAGE_MARGIN, PAGE_MARGIN + 4, _word("go_down", lang, n=page_of[(r + 1, c)]))


def _area(pw: float, ph: float) -> tuple[float, float]:
    return pw - 2 * PAGE_MARGIN, ph - 2 * PAGE_MARGIN - HEADER_H - FOOTER_H


@dataclass(frozen=True)
class Tile:
    """The part of the chart (chart coordinates) printed on one page; ``row`` and ``column`` count from 1."""

    row: int
    column: int
    x: float
    y: float
    w: float
    h: float


def plan_pages(
    layout: ChartLayout,
    page_size: str | tuple[float, float] = "A4",
    landscape: bool = True,
    min_font: float = MIN_FONT,
) -> tuple[float, list[Tile]]:
    """The print scale and the pages: one page if the chart fits at ``min_font``, else overlapping tiles.

    Neighbouring tiles overlap by one unit box (plus a margin), so every unit is whole on at
    least one page; tiles with nothing on them are left out.
    """
    pw, ph = _page_size(page_size, landscape)
    aw, ah = _area(pw, ph)
    cw, ch = max(layout.width, 1.0), max(layout.height, 1.0)
    fit = min(aw / cw, ah / ch)
    readable = min_font / SMALL_SIZE
    scale = min(fit, 1.0) if fit >= readable else readable
    tile_w, tile_h = aw / scale, ah / scale
    over_x = max((n.w for n in layout.nodes), default=0.0) + 16
    over_y = max((n.h for n in layout.nodes), default=0.0) + 16
    xs = _starts(cw, tile_w, over_x)
    ys = _starts(ch, tile_h, over_y)
    tiles = [
        Tile(r + 1, c + 1, x, y, tile_w, tile_h)
        for r, y in enumerate(ys)
        for c, x in enumerate(xs)
        if _tile_has_content(layout, x, y, tile_w, tile_h)
    ]
    return scale, tiles or [Tile(1, 1, 0.0, 0.0, tile_w, tile_h)]


def _starts(total: float, tile: float, overlap: float) -> list[float]:
    if total <= tile + 1e-9:
        return [0.0]
    step = tile - overlap if tile - overlap > tile / 4 else tile
    count = 1 + math.ceil((total - tile) / step - 1e-9)
    return [i * step for i in range(count)]


def _tile_has_content(layout: ChartLayout, x0: float, y0: float, w: float, h: float) -> bool:
    for n in layout.nodes:
        if n.x < x0 + w and n.x + n.w > x0 and n.y < y0 + h and n.y + n.h > y0:
            return True
    for e in layout.edges:
        for (ax, ay), (bx, by) in zip(e.points, e.points[1:], strict=False):
            if min(ax, bx) < x0 + w and max(ax, bx) > x0 and min(ay, by) < y0 + h and max(ay, by) > y0:
                return True
    return False


def _header(
    canvas: Canvas,
    title: str,
    day: str,
    pw: float,
    ph: float,
    i: int,
    n: int,
    tile: tuple[int, int] | None,
    lang: str,
    note: str | None = None,
) -> None:
    y = ph - PAGE_MARGIN - 14
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica-Bold", 13)
    right = _word("page", lang, i=i, n=n) + (f" · {_word('tile', lang, r=tile[0], c=tile[1])}" if tile else "")
    room = pw - 2 * PAGE_MARGIN - stringWidth(right, "Helvetica", 9) - 24
    shown = wrap(title, room, lambda t: stringWidth(t, "Helvetica-Bold", 13), 1) or [""]
    canvas.drawString(PAGE_MARGIN, y, shown[0])
    canvas.setFont("Helvetica", 9)
    canvas.setFillColor(GREY)
    canvas.drawRightString(pw - PAGE_MARGIN, y, right)
    canvas.drawString(PAGE_MARGIN, y - 14, _word("made", lang, d=day) + (f" · {note}" if note else ""))
    canvas.setStrokeColor(BORDER)
    canvas.setLineWidth(0.5)
    canvas.line(PAGE_MARGIN, y - 20, pw - PAGE_MARGIN, y - 20)


def _legend(canvas: Canvas, entries: list[str], lang: str) -> None:
    if not entries:
        return
    y = PAGE_MARGIN + 4
    x = PAGE_MARGIN
    canvas.setFont("Helvetica-Bold", 8)
    canvas.setFillColor(INK)
    title = mark_label("legend", lang) + ":"
    canvas.drawString(x, y + 2, title)
    x += stringWidth(title, "Helvetica-Bold", 8) + 8
    for key in entries:
        if key in MARKS:
            colour, symbol = MARKS[key]
            canvas.setFillColor(HexColor(colour))
            canvas.rect(x, y, 10, 10, stroke=0, fill=1)
            canvas.setFillColor(WHITE)
            canvas.setFont("Helvetica-Bold", 7)
            canvas.drawCentredString(x + 5, y + 2.5, symbol)
        elif key == "temporary":
            canvas.setStrokeColor(GREY)
            canvas.setDash(2, 1.5)
            canvas.rect(x, y, 10, 10, stroke=1, fill=0)
            canvas.setDash()
        elif key == "uncertain":
            canvas.setFillColor(HexColor(UNCERTAIN_FILL))
            canvas.circle(x + 5, y + 5, 5, stroke=0, fill=1)
            canvas.setFillColor(WHITE)
            canvas.setFont("Helvetica-Bold", 7)
            canvas.drawCentredString(x + 5, y + 2.5, "?")
        elif key == "gone":
            canvas.setFillColor(GONE_FILL)
            canvas.setStrokeColor(GREY)
            canvas.setDash(2, 1.5)
            canvas.rect(x, y, 10, 10, stroke=1, fill=1)
            canvas.setDash()
            canvas.setStrokeColor(HexColor(MARKS["removed"][0]))
            canvas.line(x + 1.5, y + 5, x + 8.5, y + 5)
        elif key in ("vacancy", "external"):
            fill, ink, letter = (
                (VACANCY_FILL, VACANCY_TEXT, "V") if key == "vacancy" else (EXTERNAL_FILL, EXTERNAL_TEXT, "I")
            )
            canvas.setFillColor(HexColor(fill))
            canvas.roundRect(x, y, 10, 10, 4, stroke=0, fill=1)
            canvas.setFillColor(HexColor(ink))
            canvas.setFont("Helvetica-Bold", 7)
            canvas.drawCentredString(x + 5, y + 2.5, letter)
        else:
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(1.5)
            canvas.rect(x, y, 10, 10, stroke=1, fill=0)
        label = mark_label(key, lang)
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica", 8)
        canvas.drawString(x + 13, y + 2, label)
        x += 13 + stringWidth(label, "Helvetica", 8) + 12


def _draw(
    canvas: Canvas,
    layout: ChartLayout,
    marks: Mapping[str, str],
    highlight: Collection[str],
    lang: str,
    px: Callable[[float], float],
    py: Callable[[float], float],
    s: float,
    window: tuple[float, float, float, float],
) -> None:
    wx0, wy0, wx1, wy1 = window
    canvas.setStrokeColor(LINE)
    canvas.setLineWidth(1.0 * s)
    for e in layout.edges:
        xs, ys = [p[0] for p in e.points], [p[1] for p in e.points]
        if min(xs) > wx1 or max(xs) < wx0 or min(ys) > wy1 or max(ys) < wy0:
            continue  # on another page: drawing it clipped away only makes the file larger
        path = canvas.beginPath()
        (x, y), *rest = e.points
        path.moveTo(px(x), py(y))
        for x, y in rest:
            path.lineTo(px(x), py(y))
        canvas.drawPath(path, stroke=1, fill=0)
    for n in layout.nodes:
        if n.x > wx1 or n.x + n.w < wx0 or n.y > wy1 or n.y + n.h < wy0:
            continue
        _node(canvas, n, marks.get(n.id), n.id in highlight, lang, px, py, s)


def _node(
    canvas: Canvas,
    n: ChartNode,
    mark: str | None,
    hl: bool,
    lang: str,
    px: Callable[[float], float],
    py: Callable[[float], float],
    s: float,
) -> None:
    row = n.row
    x, y, w, h = px(n.x), py(n.y + n.h), n.w * s, n.h * s  # (x, y) is the bottom-left corner on the page
    if hl:
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(2.5 * s)
        canvas.roundRect(x - 3 * s, y - 3 * s, w + 6 * s, h + 6 * s, 6 * s, stroke=1, fill=0)
    colour: Color = HexColor(MARKS[mark][0]) if mark in MARKS else BORDER
    canvas.setFillColor(GONE_FILL if row.get("gone") else WHITE)
    canvas.setStrokeColor(colour if mark in MARKS else (GREY if row.get("temporary") else BORDER))
    canvas.setLineWidth((2.0 if mark in MARKS else 1.0) * s)
    if row.get("temporary") or row.get("gone"):
        canvas.setDash(5 * s, 3 * s)
    canvas.roundRect(x, y, w, h, 4 * s, stroke=1, fill=1)
    canvas.setDash()
    left = 10.0
    if mark in MARKS:
        canvas.setFillColor(colour)
        canvas.rect(x, y, 14 * s, h, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        canvas.setFont("Helvetica-Bold", 10 * s)
        canvas.drawCentredString(x + 7 * s, y + h - 14 * s, MARKS[mark][1])
        left = 20.0
    text_w = n.w - 8 - left
    if row.get("uncertain"):  # a "?" in the top right corner, as on screen
        canvas.setFillColor(HexColor(UNCERTAIN_FILL))
        canvas.circle(x + w - 12 * s, y + h - 12 * s, 7 * s, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        canvas.setFont("Helvetica-Bold", 9 * s)
        canvas.drawCentredString(x + w - 12 * s, y + h - 15 * s, "?")
        text_w -= 16

    def measure_name(t: str) -> float:
        return float(stringWidth(t, "Helvetica-Bold", NAME_SIZE))

    def measure_meta(t: str) -> float:
        return float(stringWidth(t, "Helvetica", SMALL_SIZE))

    gone = bool(row.get("gone"))
    canvas.setFillColor(GREY if gone else INK)
    canvas.setFont("Helvetica-Bold", NAME_SIZE * s)
    ty = 16.0
    for line in wrap(str(row.get("name") or n.id), text_w, measure_name, 2):
        canvas.drawString(x + left * s, y + h - ty * s, line)
        if mark == "removed" or gone:
            canvas.setStrokeColor(HexColor(MARKS["removed"][0]))
            canvas.setLineWidth(1.2 * s)
            lx = x + left * s
            canvas.line(lx, y + h - (ty - 4) * s, lx + min(measure_name(line), text_w) * s, y + h - (ty - 4) * s)
        ty += 14.5
    # Badges on the right of the meta row, as on screen.
    bx = n.w - 6
    for key, letter, fill, ink in (
        ("external", "I", EXTERNAL_FILL, EXTERNAL_TEXT),
        ("vacancy", "V", VACANCY_FILL, VACANCY_TEXT),
    ):
        value = _num(row.get(f"{key}_fte"))
        if value <= 0:
            continue
        text = f"{letter} {fmt_fte(value, lang)}"
        bw = stringWidth(text, "Helvetica-Bold", 9) + 8
        bx -= bw
        canvas.setFillColor(HexColor(fill))
        canvas.roundRect(x + bx * s, y + 27 * s, bw * s, 14 * s, 6 * s, stroke=0, fill=1)
        canvas.setFillColor(HexColor(ink))
        canvas.setFont("Helvetica-Bold", 9 * s)
        canvas.drawCentredString(x + (bx + bw / 2) * s, y + 31 * s, text)
        bx -= 4
    canvas.setFillColor(GREY)
    canvas.setFont("Helvetica", SMALL_SIZE * s)
    meta = meta_line(row)
    if meta:
        canvas.drawString(x + left * s, y + 30 * s, (wrap(meta, max(bx - left - 2, 20.0), measure_meta, 1) or [""])[0])
    canvas.drawString(x + left * s, y + 12 * s, (wrap(fte_line(row, lang), text_w + 4, measure_meta, 1) or [""])[0])
    if n.collapsed:
        # Hidden children: a "+" under the box, as on screen.
        cx, cy, r = x + w / 2, y, 7 * s
        canvas.setFillColor(WHITE)
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(1.0 * s)
        canvas.circle(cx, cy, r, stroke=1, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica-Bold", 11 * s)
        canvas.drawCentredString(cx, cy - 4 * s, "+")


def _num(value: object) -> float:
    if isinstance(value, int | float | str):
        try:
            return float(value)
        except ValueError:
            return 0.0
    return 0.0
