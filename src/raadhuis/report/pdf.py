"""The report as PDF (reportlab platypus): title page, org chart, indicators with trends, span of
control, vulnerability with reasons, capacity, cooperations, sources and assumptions."""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from raadhuis.render.orgchart import UNCERTAIN_FILL, ChartLayout, layout_orgchart
from raadhuis.report import view
from raadhuis.report.html import date_text
from raadhuis.report.labels import DEFINITION_TEXT, L
from raadhuis.report.view import indicator_name
from raadhuis.services.analysis import DEFINITIONS, number

BLUE = colors.HexColor("#1d5fb8")
INK = colors.HexColor("#1f2933")
GRID = colors.HexColor("#d0d5dd")
ASSUMED = colors.HexColor("#fff4e5")
# The standard PDF fonts know WinAnsi only: write what they cannot draw in plain characters.
_PLAIN = str.maketrans({"→": "->", "≥": ">=", "≤": "<=", "Σ": "som ", "÷": "/", "×": "x", "\u2009": " ", "−": "-"})

_base = getSampleStyleSheet()
S = {
    "title": ParagraphStyle("t", parent=_base["Title"], fontSize=24, leading=30, alignment=0, textColor=INK),
    "sub": ParagraphStyle("s", parent=_base["Normal"], fontSize=14, leading=18, textColor=colors.HexColor("#52606d")),
    "h1": ParagraphStyle("h1", parent=_base["Heading1"], fontSize=16, leading=20, textColor=BLUE, spaceBefore=6),
    "h2": ParagraphStyle("h2", parent=_base["Heading2"], fontSize=12, leading=15, textColor=INK),
    "p": ParagraphStyle("p", parent=_base["Normal"], fontSize=10, leading=13.5),
    "small": ParagraphStyle(
        "sm", parent=_base["Normal"], fontSize=8.5, leading=11, textColor=colors.HexColor("#3e4c59")
    ),
    "cell": ParagraphStyle("c", parent=_base["Normal"], fontSize=8.5, leading=10.5),
    "bullet": ParagraphStyle("b", parent=_base["Normal"], fontSize=10.5, leading=14, leftIndent=10, bulletIndent=0),
}


def _t(text: Any) -> str:
    return escape(str(text).translate(_PLAIN))


def _p(text: Any, style: str = "p") -> Paragraph:
    return Paragraph(_t(text), S[style])


def _table(rows: list[list[Any]], widths: list[float], shade: list[int] | None = None) -> Table:
    cells = [[c if isinstance(c, Flowable | list) else _p(c, "cell") for c in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    style = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in shade or []:
        style.append(("BACKGROUND", (0, i), (-1, i), ASSUMED))
    table.setStyle(TableStyle(style))
    return table


class OrgChart(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The tidy-tree layout scaled to the frame; too wide to read, it becomes an indented list."""

    def __init__(self, layout: ChartLayout, max_height: float) -> None:
        super().__init__()
        self.layout = layout
        self.max_height = max_height
        self.scale = 1.0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        lw, lh = max(self.layout.width, 1), max(self.layout.height, 1)
        self.scale = min(avail_w / lw, min(avail_h, self.max_height) / lh, 1.6)
        self.width, self.height = lw * self.scale, lh * self.scale
        return self.width, self.height

    def draw(self) -> None:
        c, k, h = self.canv, self.scale, self.height
        c.setStrokeColor(colors.HexColor("#98a2b3"))
        c.setLineWidth(0.6)
        for e in self.layout.edges:
            pts = [(x * k, h - y * k) for x, y in e.points]
            for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
                c.line(x1, y1, x2, y2)
        size = max(4.0, min(9.0, 11 * k))
        for n in self.layout.nodes:
            x, y, w, hh = n.x * k, h - (n.y + n.h) * k, n.w * k, n.h * k
            c.setFillColor(colors.HexColor("#eef2f7"))
            c.setStrokeColor(BLUE)
            c.roundRect(x, y, w, hh, 2, stroke=1, fill=1)
            c.setFillColor(INK)
            c.setFont("Helvetica-Bold", size)
            name = str(n.row.get("name", n.id)).translate(_PLAIN)
            while name and c.stringWidth(name, "Helvetica-Bold", size) > w - 4:
                name = name[:-2] + "…" if len(name) > 2 else ""
            c.drawCentredString(x + w / 2, y + hh / 2 - size / 3 + (size * 0.45 if n.row.get("posts") else 0), name)
            if n.row.get("posts"):
                c.setFont("Helvetica", size * 0.85)
                c.drawCentredString(x + w / 2, y + hh / 2 - size, f"{number(n.row.get('fte'), 'nl')} fte")
            if n.row.get("uncertain"):  # an imprecise date leaves this day open for the unit: "?", as on screen
                r = size * 0.6
                c.setFillColor(colors.HexColor(UNCERTAIN_FILL))
                c.circle(x + w - r - 1.5, y + hh - r - 1.5, r, stroke=0, fill=1)
                c.setFillColor(colors.white)
                c.setFont("Helvetica-Bold", size * 0.8)
                c.drawCentredString(x + w - r - 1.5, y + hh - r - 1.5 - size * 0.28, "?")


def _chart_flowables(units: list[dict[str, Any]], lang: str, frame_w: float) -> list[Flowable]:
    if not units:
        return [_p(L("no_units", lang))]
    layout = layout_orgchart(units)
    if frame_w / max(layout.width, 1) >= 0.3:
        return [OrgChart(layout, 170 * mm)]
    # Too wide to read on a page: the tree as an indented list, deepest three levels.
    rows = [u for u in units if u["depth"] <= 2][:120]
    return [
        Paragraph(
            "&nbsp;" * 4 * u["depth"]
            + _t(f"{u['name']} ({number(u['fte'], lang)} fte)" + "".join(f" — {x}" for x in u.get("uncertain") or [])),
            S["cell"],
        )
        for u in rows
    ] + ([_p(L("more", lang, n=len(units) - len(rows)), "small")] if len(units) > len(rows) else [])


def _trend(points: list[tuple[int, float | None]], lang: str, w: float = 48 * mm, h: float = 16 * mm) -> Drawing:
    d = Drawing(w, h)
    known = [v for _, v in points if v is not None]
    d.add(Line(0, 3, w, 3, strokeColor=GRID))
    if not known:
        return d
    lo, hi = min(known), max(known)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    n = len(points)

    def px(i: int) -> float:
        return 4 + (w - 8) * (i / (n - 1) if n > 1 else 0.5)

    def py(v: float) -> float:
        return 6 + (h - 16) * (v - lo) / (hi - lo)

    seg: list[float] = []
    for i, (_, v) in enumerate(points):
        if v is None:
            if len(seg) >= 4:
                d.add(PolyLine(seg, strokeColor=BLUE, strokeWidth=1.2))
            seg = []
        else:
            seg += [px(i), py(v)]
    if len(seg) >= 4:
        d.add(PolyLine(seg, strokeColor=BLUE, strokeWidth=1.2))
    for i, (_year, v) in enumerate(points):
        if v is not None:
            d.add(Rect(px(i) - 1.2, py(v) - 1.2, 2.4, 2.4, fillColor=BLUE, strokeColor=None))
    d.add(String(0, h - 7, f"{points[0][0]}–{points[-1][0]}", fontSize=6, fillColor=INK))
    return d


def _bars(items: list[tuple[str, float]], lang: str, w: float = 150 * mm, h: float = 45 * mm) -> Drawing:
    d = Drawing(w, h)
    peak = max([v for _, v in items] + [1.0])
    slot = w / max(1, len(items))
    base = 12
    d.add(Line(0, base, w, base, strokeColor=GRID))
    for i, (label, v) in enumerate(items):
        bh = (h - base - 12) * v / peak
        x = i * slot + slot * 0.2
        d.add(Rect(x, base, slot * 0.6, bh, fillColor=BLUE, strokeColor=None))
        d.add(String(x + slot * 0.3, base + bh + 2, number(v, lang, 0), fontSize=8, textAnchor="middle"))
        d.add(String(x + slot * 0.3, 2, label, fontSize=8, textAnchor="middle"))
    return d


def _reasons(reasons: list[dict[str, Any]], lang: str, limit: int = 25) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph(_t(view.reason_text(r, lang)), S["small"], bulletText="•") for r in reasons[:limit]
    ]
    if len(reasons) > limit:
        out.append(_p(L("more", lang, n=len(reasons) - limit), "small"))
    return out


def report_pdf(data: dict[str, Any]) -> bytes:
    lang = data["lang"]
    r = data["analysis"]
    org = r["organisation"]
    title = L("title", lang, date=date_text(r["at"], lang))
    buf = BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{org['name']} — {title}",
        author="Raadhuis",
        subject=L("subtitle", lang),
        invariant=True,
    )
    fw = doc.width
    story: list[Flowable] = []

    # Title page
    story += [Spacer(1, 40 * mm), _p(org["name"], "title"), Spacer(1, 4 * mm), _p(title, "sub")]
    story += [_p(L("subtitle", lang), "sub"), Spacer(1, 10 * mm)]
    story += [_p(L("summary", lang), "h2")]
    story += [Paragraph(_t(line), S["bullet"], bulletText="•") for line in view.summary_lines(r, lang)]
    story += [Spacer(1, 10 * mm), _p(L("made_by", lang, view=L("view." + r["view"], lang)), "small")]
    if org.get("cbs_code"):
        story.append(_p(f"CBS: {org['cbs_code']}" + (f" · {org['province']}" if org.get("province") else ""), "small"))
    story.append(PageBreak())

    # Org chart
    story += [_p(L("chart", lang), "h1"), *_chart_flowables(data["units"], lang, fw)]
    if data.get("uncertain"):  # events whose imprecise date leaves this day open (marked "?" on the chart)
        story += [_p(L("uncertain.title", lang), "h2"), _p(L("uncertain.help", lang))]
        story += [
            Paragraph(
                _t(f"{L('uncertain.event', lang, **{k: u[k] for k in ('event', 'date', 'units')})} — {u['label']}"),
                S["bullet"],
                bulletText="•",
            )
            for u in data["uncertain"]
        ]
    story.append(PageBreak())

    # Indicators
    ind = r["indicators"]
    story += [_p(L("indicators", lang, year=ind["year"]), "h1"), _p(L("indicators.intro", lang))]
    rows: list[list[Any]] = [
        [L("indicator", lang), L("value", lang), L("unit_of", lang), L("change", lang), L("trend", lang)]
    ]
    for row in view.indicator_rows(r, lang):
        value = f"{row['value']} ({L('assumption_mark', lang)})" if row.get("assumption") else row["value"]
        rows.append([row["name"], value, row["unit"], row["change"], _trend(row["trend"], lang)])
    story.append(_table(rows, [30 * mm, 24 * mm, 42 * mm, 22 * mm, fw - 118 * mm]))
    reasons = [x for v in ind["values"].values() for x in v["reasons"]] + ind["reasons"]
    story += _reasons(reasons, lang)
    for g in r["peers"]["groups"]:
        story += [Spacer(1, 3 * mm), _p(f"{L('peers', lang)}: {g['label_' + lang]} ({g['members']})", "h2")]
        prow: list[list[Any]] = [[L("indicator", lang), L("value", lang), L("peer_median", lang), L("rank", lang)]]
        for c in g["comparisons"]:
            prow.append(
                [
                    indicator_name(c["indicator"], lang),
                    number(c["value"], lang),
                    number(c["peer_median"], lang),
                    f"{c['rank']} / {c['of']}" if c["rank"] else "–",
                ]
            )
        story.append(_table(prow, [45 * mm, 35 * mm, 35 * mm, 30 * mm]))
    story += _reasons(r["peers"]["reasons"], lang)

    # Span of control
    sp = r["span"]
    span_head: list[Flowable] = [_p(L("span", lang), "h1"), _p(L("span.intro", lang)), Spacer(1, 2 * mm)]
    figs = [
        [L("managers", lang), str(len(sp["managers"]))],
        [L("layers", lang), str(sp["layers"])],
        [L("mean_reports", lang), L("unknown", lang) if sp["mean"] is None else number(sp["mean"], lang)],
        [L("median_reports", lang), number(sp["median"], lang)],
        [L("max_reports", lang), number(sp["maximum"], lang)],
        [L("formation_mean", lang), view.assumed(number(sp["formation"]["mean_fte"], lang), sp["formation"], lang)],
        [L("outside_band", lang, low=sp["band"][0], high=sp["band"][1]), str(len(sp["outside_band"]))],
    ]
    story.append(KeepTogether([*span_head, _table([[L("value", lang), ""], *figs], [100 * mm, 40 * mm])]))
    story += [
        Spacer(1, 2 * mm),
        KeepTogether([_p(L("distribution", lang), "h2"), _bars(view.distribution_items(r), lang)]),
    ]
    fte_of = {m["post"]: m["fte"] for m in sp["formation"]["managers"]}
    mrows: list[list[Any]] = [
        [L("post", lang), L("unit", lang), L("reports", lang), L("fte", lang), L("formation_mean", lang)]
    ]
    for m in sp["managers"][:40]:
        mrows.append(
            [
                m["title"],
                m["unit"],
                L("unknown", lang) if m["headcount"] is None else str(m["headcount"]),
                number(m["fte"], lang),
                number(fte_of.get(m["post"]), lang),
            ]
        )
    story.append(_table(mrows, [56 * mm, 26 * mm, 28 * mm, 18 * mm, fw - 128 * mm]))
    if len(sp["managers"]) > 40:
        story.append(_p(L("more", lang, n=len(sp["managers"]) - 40), "small"))
    story += _reasons(sp["reasons"], lang)

    # Vulnerability
    vu = r["vulnerability"]
    story += [PageBreak(), _p(L("vulnerability", lang), "h1"), _p(L("vulnerability.intro", lang))]
    for group in (vu["task_fields"], vu["units"]):
        if not group:
            continue
        head = L("task_field", lang) if group[0]["kind"] == "task_field" else L("unit", lang)
        vrows: list[list[Any]] = [[head, L("score", lang), L("people", lang), L("why", lang)]]
        for i in group[:30]:
            why = [Paragraph(_t(x), S["cell"], bulletText="•") for x in view.item_reasons(i, lang)] or [_p("–", "cell")]
            name = f"{i['id']} {i['name']}" if i["kind"] == "task_field" else i["name"]
            vrows.append([name, _p(view.assumed(view.score_text(i, lang), i, lang), "cell"), str(i["people"]), why])
        story += [Spacer(1, 2 * mm), _table(vrows, [45 * mm, 16 * mm, 18 * mm, fw - 79 * mm])]
        if len(group) > 30:
            story.append(_p(L("more", lang, n=len(group) - 30), "small"))
    story += _reasons(vu["reasons"], lang)

    # Capacity
    ca = r["capacity"]
    st = ca["strategic"]
    story += [_p(L("capacity", lang), "h1"), _p(L("capacity.intro", lang))]

    def share(v: float | None) -> str:
        return f"{number(100 * v, lang, 1)}%" if v is not None else "–"

    story.append(
        _table(
            [
                [L("value", lang), ""],
                [L("strategic_share", lang), share(st["strategic_share"])],
                [L("execution_share", lang), share(st["execution_share"])],
                [L("doers", lang), view.doers_text(st["organisation_of_doers"], lang)],
            ],
            [100 * mm, 40 * mm],
        )
    )
    if ca["task_fields"]:
        crow: list[list[Any]] = [
            [L("task_field", lang), L("staffed", lang), L("budgeted", lang), L("demand", lang), L("gap", lang)]
        ]
        for t in ca["task_fields"][:40]:
            crow.append(
                [
                    f"{t['code']} {t['name']}",
                    number(t["staffed_fte"], lang),
                    number(t["budgeted_fte"], lang),
                    number(t["demand_fte"], lang),
                    view.assumed(
                        L("unknown", lang) if t["gap"] is None and t.get("unrecorded_fte") else number(t["gap"], lang),
                        t,
                        lang,
                    ),
                ]
            )
        story += [Spacer(1, 2 * mm), _table(crow, [fw - 100 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm])]
    story += _reasons(ca["reasons"] + st["reasons"] + [x for t in ca["task_fields"] for x in t["reasons"]], lang)

    # Cooperations
    story += [_p(L("cooperations", lang), "h1")]
    if r["cooperations"]:
        corows: list[list[Any]] = [
            [L("name", lang), L("legal_form", lang), L("partners", lang), L("status", lang), L("in_force", lang)]
        ]
        shade = []
        for i, c in enumerate(r["cooperations"], start=1):
            corows.append(
                [
                    c["name"],
                    c["legal_form_label"],
                    ", ".join(c["partner_names"]),
                    c["status_label"],
                    L("yes", lang) if c["in_force"] else L("no", lang),
                ]
            )
            if c.get("assumption"):
                shade.append(i)
        story.append(_table(corows, [55 * mm, 30 * mm, 40 * mm, 25 * mm, fw - 150 * mm], shade))
        if shade:
            story.append(_p(L("assumptions.intro", lang), "small"))
    else:
        story.append(_p(L("none", lang)))

    # What the cooperations brought, and the trajectories it takes part in (services/trajectories.py)
    if data.get("outcomes") or data.get("trajectories"):
        story.append(_p(L("traj.outcomes", lang), "h1"))
        for o in data.get("outcomes", []):
            story.append(_p(o["name"] or o["cooperation"], "h2"))
            story += [Paragraph(_t(line), S["small"], bulletText="•") for line in o["lines"]]
        if data.get("trajectories"):
            story.append(_p(L("traj.trajectories", lang), "h2"))
            for tr in data["trajectories"]:
                who = ", ".join(p["name"] for p in tr["participants"])
                story.append(Paragraph(_t(f"{tr['name']} — {tr['status_label']} ({who})"), S["small"], bulletText="•"))

    # Programmes running on the day (services/programmes.py)
    story += [_p(L("programmes", lang), "h1")]
    story.append(_p(L("programme.report_intro", lang, date=date_text(r["at"], lang))))
    progs = data.get("programmes", [])
    if progs:
        prows: list[list[Any]] = [
            [
                L("programme", lang),
                L("programme.budget", lang),
                L("programme.progress", lang),
                L("programme.leader", lang),
            ]
        ]
        pshade = []
        for i, p in enumerate(progs, start=1):
            quotes = " · ".join(f"“{c['quote']}”" for c in p["quotes"])
            prows.append(
                [
                    p["name"] + (f" — {quotes}" if quotes else ""),
                    "; ".join([p["budget_text"], *p["allocation_lines"]]),
                    p["reading_text"],
                    p["lead_text"] or L("programme.unknown", lang),
                ]
            )
            if p["assumptions"]:
                pshade.append(i)
        story.append(_table(prows, [60 * mm, 45 * mm, 35 * mm, fw - 140 * mm], pshade))
        if pshade:
            story.append(_p(L("assumptions.intro", lang), "small"))
    else:
        story.append(_p(L("programmes.none", lang)))

    # Open recommendations of audit studies (services/studies.py)
    # The heading and its introduction go with the table (not alone at the foot of a page).
    rec_head: list[Flowable] = [
        _p(L("report.recommendations", lang), "h1"),
        _p(L("report.recommendations.intro", lang, date=date_text(r["at"], lang))),
    ]
    recs = data.get("recommendations", [])
    if recs:
        rrows: list[list[Any]] = [
            [
                L("study.recommendation", lang),
                L("study.study", lang),
                L("study.status", lang),
                L("study.deadline", lang),
            ]
        ]
        rshade = []
        for i, rec in enumerate(recs, start=1):
            quote = next((c["quote"] for c in rec["sources"] if c.get("quote")), None)
            status = rec["status"]["label"] + (
                f" ({L('study.since', lang)} {rec['status']['since_label']})" if rec["status"]["since_label"] else ""
            )
            if rec["status"]["why"]:
                status += f" — {rec['status']['why']}"
            term = rec["deadline"]["label"] if rec["deadline"] else ""
            if rec["deadline"] and rec["deadline"]["assumed"]:
                term += f" ({rec['deadline']['note']})"
                rshade.append(i)
            late = rec["overdue_label"] or rec["past_term_label"]
            rrows.append(
                [
                    f"{rec['number']}. {rec['title']}" + (f" — “{quote}”" if quote else ""),
                    f"{rec['study_title']} ({rec['audit_body']['name']}); {L('study.response', lang).lower()}: "
                    f"{rec['response']['label']}",
                    status,
                    term + (f"; {late}" if late else ""),
                ]
            )
        story.append(KeepTogether([*rec_head, _table(rrows, [60 * mm, 40 * mm, 40 * mm, fw - 140 * mm], rshade)]))
        if rshade:
            story.append(_p(L("report.recommendations.assumed", lang), "small"))
    else:
        story += [*rec_head, _p(L("report.recommendations.none", lang))]

    # Sources and assumptions
    story += [PageBreak(), _p(L("sources", lang), "h1"), _p(L("sources.intro", lang))]
    for i, s in enumerate(data["sources"], start=1):
        bits = [s["title"]] + [str(s[k]) for k in ("publisher", "date", "reference", "url") if s.get(k)]
        story.append(
            Paragraph(
                _t(", ".join(bits)) + "<br/><font size=7.5>" + _t("; ".join(s["cited_by"][:6])) + "</font>",
                S["small"],
                bulletText=f"{i}.",
            )
        )
    if not data["sources"]:
        story.append(_p(L("none", lang)))
    story += [Spacer(1, 4 * mm), _p(L("assumptions", lang), "h2"), _p(L("assumptions.intro", lang))]
    if data["assumptions"]:
        arows: list[list[Any]] = [[L("fact", lang), L("assumed", lang)]]
        arows += [[a["fact"], a["assumption"]] for a in data["assumptions"][:80]]
        story.append(_table(arows, [fw * 0.5, fw * 0.5], list(range(1, len(arows)))))
    else:
        story.append(_p(L("none", lang)))
    story += [Spacer(1, 4 * mm), KeepTogether([_p(L("definitions", lang), "h2"), _p(L("definitions.intro", lang))])]
    for key, text in DEFINITION_TEXT.items():
        story.append(
            Paragraph(f"<b>{_t(key)}</b>: {_t(text[lang])} <font size=7>({_t(DEFINITIONS[key])})</font>", S["small"])
        )

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#52606d"))
        canvas.drawString(18 * mm, 10 * mm, f"{org['name']} — {title}".translate(_PLAIN))
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, L("page", lang, n=doc.page))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
