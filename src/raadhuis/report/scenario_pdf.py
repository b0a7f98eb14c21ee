"""A comparison of scenarios as PDF (reportlab platypus), for the MT and the council.

The same rows as the page and the workbook (``services.comparison.tables``): per section a table
with the baseline and each scenario, the difference from the baseline in words under each figure
on a background by direction (the words carry the meaning, the colour only helps), figures that
rest on an assumption shaded and marked "aanname"; then per scenario what no longer fits, the
cooperations affected and the staff who change unit or manager; last the assumptions and the
salary table with its publication.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from raadhuis.i18n import t

BLUE = colors.HexColor("#1d5fb8")
INK = colors.HexColor("#1f2933")
GRID = colors.HexColor("#d0d5dd")
ASSUMED = colors.HexColor("#fff4e5")
DIRECTION = {"up": colors.HexColor("#fde7c8"), "down": colors.HexColor("#d6e6fa"), "same": colors.HexColor("#eeeeee")}
# The standard PDF fonts know WinAnsi only: write what they cannot draw in plain characters.
_PLAIN = str.maketrans({"→": "->", "≥": ">=", "≤": "<=", "−": "-", "–": "-", "\u2009": " "})

_base = getSampleStyleSheet()
S = {
    "title": ParagraphStyle("t", parent=_base["Title"], fontSize=18, leading=22, alignment=0, textColor=INK),
    "sub": ParagraphStyle("s", parent=_base["Normal"], fontSize=10, leading=13, textColor=colors.HexColor("#52606d")),
    "h1": ParagraphStyle("h1", parent=_base["Heading2"], fontSize=13, leading=16, textColor=BLUE, spaceBefore=8),
    "p": ParagraphStyle("p", parent=_base["Normal"], fontSize=9, leading=12),
    "note": ParagraphStyle("n", parent=_base["Normal"], fontSize=8, leading=10.5, textColor=colors.HexColor("#3e4c59")),
    "cell": ParagraphStyle("c", parent=_base["Normal"], fontSize=8, leading=10),
    "head": ParagraphStyle("hd", parent=_base["Normal"], fontSize=8, leading=10, fontName="Helvetica-Bold"),
}


def _t(text: Any) -> str:
    return escape(str(text).translate(_PLAIN))


def _p(text: Any, style: str = "p") -> Paragraph:
    return Paragraph(_t(text), S[style])


def _section(sec: Any, heads: list[str], width: float, lang: str) -> list[Any]:
    if not sec.rows:  # nothing to set side by side: the note says why
        return [_p(sec.title, "h1"), _p(sec.note, "note")] if sec.note else []
    columns = sec.heads or heads
    data: list[list[Any]] = [[_p(t("scn.xlsx.subject", lang), "head"), *[_p(h, "head") for h in columns]]]
    styles: list[tuple[Any, ...]] = []
    mark = t("assumption", lang)
    for r, row in enumerate(sec.rows, start=1):
        line: list[Any] = [_p(row.label, "cell")]
        for c, cell in enumerate(row.cells, start=1):
            text = _t(cell.text)
            if cell.assumed:
                text += f" <font size=6.5>({_t(mark)})</font>"
            if cell.delta:
                text += f"<br/><font size=7>{_t(cell.delta)}</font>"
            line.append(Paragraph(text, S["cell"]))
            if cell.direction in DIRECTION:
                styles.append(("BACKGROUND", (c, r), (c, r), DIRECTION[cell.direction]))
            elif cell.assumed:
                styles.append(("BACKGROUND", (c, r), (c, r), ASSUMED))
        data.append(line)
    first = 62 * mm
    rest = (width - first) / max(1, len(columns))
    table = Table(data, colWidths=[first] + [rest] * len(columns), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *styles,
            ]
        )
    )
    out: list[Any] = [_p(sec.title, "h1")]
    if sec.note:
        out.append(_p(sec.note, "note"))
    out += [Spacer(1, 2 * mm), table]
    return out


def pyramid_drawing(pyramids: list[dict[str, Any]], width: float, lang: str) -> Drawing:
    """Per column a pyramid: a bar per management layer, top first, as wide as the formation
    directly below it (the number of managers written on the bar)."""
    layers = max((len(p["layers"]) for p in pyramids), default=0)
    bar_h, gap = 7 * mm, 1.5 * mm
    height = 10 * mm + layers * (bar_h + gap)
    drawing = Drawing(width, height)
    cell = width / max(1, len(pyramids))
    widest = max((x["formation_fte"] or 0.0 for p in pyramids for x in p["layers"]), default=0.0) or 1.0
    for i, p in enumerate(pyramids):
        centre = cell * i + cell / 2
        drawing.add(String(centre, height - 4 * mm, p["name"][:48].translate(_PLAIN), fontSize=7, textAnchor="middle"))
        for j, layer in enumerate(p["layers"]):
            w = max(6 * mm, (cell - 30 * mm) * (layer["formation_fte"] or 0.0) / widest)
            y = height - 10 * mm - (j + 1) * (bar_h + gap) + gap
            drawing.add(Rect(centre - w / 2, y, w, bar_h, fillColor=BLUE, strokeColor=None))
            label = t("scn.pyramid_bar", lang, n=layer["layer"], managers=layer["managers"])
            drawing.add(
                String(centre + w / 2 + 1.5 * mm, y + 2.3 * mm, label.translate(_PLAIN), fontSize=6.5, fillColor=INK)
            )
    return drawing


def comparison_pdf(tables: Any, lang: str = "nl") -> bytes:
    """PDF bytes of the tables of ``services.comparison.tables``."""

    def say(key: str, **values: object) -> str:
        return t(key, lang, **values)

    buf = BytesIO()
    size = landscape(A4)
    doc = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=tables.title,
        author="Raadhuis",
    )
    width = size[0] - 28 * mm
    story: list[Any] = [_p(tables.title, "title"), _p(tables.subtitle, "sub"), Spacer(1, 3 * mm)]
    story.append(_p(say("scn.pdf.legend"), "note"))
    for sec in tables.sections:
        story += _section(sec, tables.heads, width, lang)
        if sec.key == "pyramid" and tables.pyramids:
            story += [Spacer(1, 3 * mm), pyramid_drawing(tables.pyramids, width, lang)]
    story.append(_p(say("scn.pdf.per_scenario"), "h1"))
    for item in tables.per_scenario:
        block: list[Any] = [_p(f"{item['name']} ({item['status']})", "p")]
        if item["stale"]:
            block.append(_p("• " + say("scn.stale"), "cell"))
        for c in item["conflicts"]:
            block.append(_p(f"• {say('scn.conflicts')}: {c['event']} ({c['field']}): {c['message']}", "cell"))
        for c in item["displaced"]:
            block.append(_p(f"• {say('scn.displaced')}: {c['event']} ({c['field']}): {c['message']}", "cell"))
        for key, label in (("cooperations", "scn.cooperations"), ("staff", "scn.staff")):
            lines = item[key]
            block.append(_p(f"{say(label)}: {'; '.join(lines) if lines else say('scn.none')}", "cell"))
        story.append(KeepTogether(block + [Spacer(1, 2 * mm)]))
    story.append(_p(say("scn.assumptions"), "h1"))
    for text in tables.assumptions or [say("scn.none")]:
        story.append(_p("• " + text, "cell"))
    story.append(Spacer(1, 2 * mm))
    story.append(_p(tables.table_note, "note"))

    def footer(canvas: Any, doc_: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#52606d"))
        canvas.drawString(14 * mm, 8 * mm, tables.title.translate(_PLAIN))
        canvas.drawRightString(size[0] - 14 * mm, 8 * mm, say("scn.pdf.page", n=doc_.page))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
