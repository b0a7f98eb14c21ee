"""The one place where pages turn units into an org chart (SVG or PDF).

The drawing belongs to :mod:`raadhuis.render`; where a piece of it is missing the
workbench draws a plain indented tree (or a two-column network) with the same hooks
(``g.unit[data-unit]``, ``[data-toggle]``) so the page script and the tests work either way.
"""

from __future__ import annotations

import importlib
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup


def _optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):  # pragma: no cover - the render package lands piece by piece
        return None


_layout = _optional("raadhuis.render.orgchart", "layout_orgchart")
_svg = _optional("raadhuis.render.orgchart", "orgchart_svg")
_pdf = _optional("raadhuis.render.pdf", "orgchart_pdf") or _optional("raadhuis.render", "orgchart_pdf")
_network = _optional("raadhuis.render.network", "network_svg") or _optional("raadhuis.render", "network_svg")

MARK_COLOURS = {
    "added": "#1a7f37",
    "removed": "#b42318",
    "moved": "#1d5fb8",
    "renamed": "#7a3db8",
    "merged": "#b54708",
    "split": "#0e7470",
    "fte_changed": "#8a5a00",
    "changed": "#475467",
}


def with_staffing(units: list[dict[str, Any]], staffing: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    """Unit rows with the vacancy and external-hire FTE the chart shows as badges."""
    out = []
    for u in units:
        st = staffing.get(u["id"], {})
        out.append(dict(u, vacancy_fte=st.get("vacancy", 0.0), external_fte=st.get("external_hire", 0.0)))
    return out


def orgchart_svg(
    units: list[dict[str, Any]],
    lang: str,
    title: str,
    highlight: set[str] | None = None,
    marks: dict[str, str] | None = None,
    collapsed: set[str] | None = None,
) -> str:
    highlight = highlight or set()
    marks = marks or {}
    if _layout is not None and _svg is not None:
        layout = _layout(units, collapsed or set())
        return str(_svg(layout, highlight=highlight, marks=marks, lang=lang, title=title))
    return _fallback_svg(units, title, highlight, marks)


def pdf_available() -> bool:
    return _layout is not None and _pdf is not None


def orgchart_pdf(
    units: list[dict[str, Any]],
    title: str,
    marks: dict[str, str] | None = None,
    collapsed: set[str] | None = None,
    lang: str = "nl",
) -> bytes | None:
    """PDF bytes, or None when no PDF renderer is installed."""
    if not pdf_available():
        return None
    return bytes(_pdf(_layout(units, collapsed or set()), title=title, marks=marks or {}, lang=lang))


def network_svg(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], lang: str, focus: str | None = None, title: str = ""
) -> str:
    if _network is not None:
        return str(_network(nodes, edges, lang, focus=focus, title=title or None))
    return _fallback_network(nodes, edges)


# --- fallback drawings ------------------------------------------------------------------

_ROW, _INDENT, _WIDTH = 30, 22, 560


def _fallback_svg(units: list[dict[str, Any]], title: str, highlight: set[str], marks: dict[str, str]) -> str:
    has_children = {u["parent"] for u in units if u.get("parent")}
    height = _ROW * (len(units) + 1) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="orgchart" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        f'<text x="8" y="20" font-family="sans-serif" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for i, u in enumerate(units, start=1):
        x, y = 8 + _INDENT * int(u.get("depth", 0)), 10 + _ROW * i
        colour = MARK_COLOURS.get(marks.get(u["id"], ""), "#24292f")
        fill = "#fff3b0" if u["id"] in highlight else "#ffffff"
        label = f"{u['name']} ({u['fte']:g} fte)" if u.get("fte") else u["name"]
        toggle = ""
        if u["id"] in has_children:
            toggle = (
                f'<text data-toggle={quoteattr(u["id"])} x="{x - 2}" y="{y + 16}" font-size="12" '
                f'font-family="sans-serif">▾</text>'
            )
        parts.append(
            f'<g class="unit" data-unit={quoteattr(u["id"])} data-parent={quoteattr(u.get("parent") or "")}>'
            f'<rect x="{x + 10}" y="{y}" width="{_WIDTH - x - 20}" height="{_ROW - 6}" rx="4" fill="{fill}" '
            f'stroke="{colour}" stroke-width="{3 if u["id"] in marks else 1}"/>'
            f'<text x="{x + 16}" y="{y + 16}" font-family="sans-serif" font-size="12" fill="#24292f">'
            f"{escape(label)}</text>{toggle}</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _fallback_network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    orgs = [n for n in nodes if n["kind"] == "organisation"]
    coops = [n for n in nodes if n["kind"] != "organisation"]
    rows = max(len(orgs), len(coops), 1)
    height = 40 * rows + 20
    pos = {n["id"]: (150, 30 + 40 * i) for i, n in enumerate(orgs)}
    pos |= {n["id"]: (550, 30 + 40 * i) for i, n in enumerate(coops)}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="{height}" viewBox="0 0 800 {height}" '
        'role="img" aria-label="network">'
    ]
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#57606a"/>')
    for n in nodes:
        x, y = pos[n["id"]]
        anchor = "end" if n["kind"] == "organisation" else "start"
        dx = -8 if anchor == "end" else 8
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="5" fill="#0b5cad"/><text x="{x + dx}" y="{y + 4}" '
            f'text-anchor="{anchor}" font-family="sans-serif" font-size="12">{escape(n["label"])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def trusted(svg: str) -> Markup:
    """SVG from our renderers, which escape every text and attribute they write, may go
    into a page as markup; nothing else goes through here."""
    return Markup(svg)  # noqa: S704 - built by escaping renderers, see above
