"""The one place where pages turn units into an org chart (SVG or PDF).

The drawing belongs to :mod:`raadhuis.render`; where a piece of it is missing the
workbench draws a plain indented tree (or a two-column network) with the same hooks
(``g.unit[data-unit]``, ``[data-toggle]``) so the page script and the tests work either way.
"""

from __future__ import annotations

import importlib
from datetime import date
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
    "transferred": "#a21caf",
    "changed": "#475467",
}


def with_staffing(units: list[dict[str, Any]], staffing: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    """Unit rows with the vacancy and external-hire FTE the chart shows as badges, and the budget
    of posts without any staffing recorded (shown as "bezetting onbekend", not as vacant)."""
    out = []
    for u in units:
        st = staffing.get(u["id"], {})
        out.append(
            dict(
                u,
                vacancy_fte=st.get("vacancy", 0.0),
                external_fte=st.get("external_hire", 0.0),
                unknown_fte=st.get("unknown", 0.0),
                open_fte=st.get("open", 0.0),
            )
        )
    return out


def file_name(
    org_id: str, what: str, at: str | date, view: str = "actual", part: str | None = None, ext: str = ""
) -> str:
    """A file name that says what it holds: ``GM0168-organogram-2012-01-01.pdf``; the planned view
    and a part of the organisation are named too (``GM0168-organogram-BSP-gepland-2012-01-01.pdf``)."""
    day = at.isoformat() if isinstance(at, date) else str(at)
    bits = [org_id, what]
    if part:
        bits.append("".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in part))
    if view == "planned":
        bits.append("gepland")
    bits.append(day)
    return "-".join(bits) + (f".{ext}" if ext else "")


def orgchart_svg(
    units: list[dict[str, Any]],
    lang: str,
    title: str,
    highlight: set[str] | None = None,
    marks: dict[str, str] | None = None,
    collapsed: set[str] | None = None,
    max_depth: int | None = None,
    embedded: bool = False,
    expanded: set[str] | None = None,
) -> str:
    return drawing(units, lang, title, highlight, marks, collapsed, max_depth, embedded, expanded)[0]


def drawing(
    units: list[dict[str, Any]],
    lang: str,
    title: str,
    highlight: set[str] | None = None,
    marks: dict[str, str] | None = None,
    collapsed: set[str] | None = None,
    max_depth: int | None = None,
    embedded: bool = False,
    expanded: set[str] | None = None,
) -> tuple[str, int]:
    """The SVG and how many units it draws (folded ones and those below the levels shown are not)."""
    highlight = highlight or set()
    marks = marks or {}
    if _layout is not None and _svg is not None:
        layout = _layout(units, collapsed or set(), max_depth, expanded=expanded or set())
        svg = str(_svg(layout, highlight=highlight, marks=marks, lang=lang, title=title, embedded=embedded))
        return svg, len(layout.nodes)
    return _fallback_svg(units, title, highlight, marks), len(units)


# --- what part of the organisation the chart shows ------------------------------------------

# A chart that draws more units than this at first opens with fewer levels (the user adds them):
# beyond it, the whole chart fitted to a screen is too small to read.
FIRST_VIEW_UNITS = 150


def subtree(units: list[dict[str, Any]], top: str) -> list[dict[str, Any]]:
    """The rows of ``top`` and everything under it, in the same order, depths counted from ``top``."""
    children: dict[str, list[str]] = {}
    for u in units:
        if u.get("parent"):
            children.setdefault(str(u["parent"]), []).append(str(u["id"]))
    keep = {top}
    todo = [top]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in keep:
                keep.add(c)
                todo.append(c)
    base = next((int(u.get("depth", 0)) for u in units if u["id"] == top), 0)
    out = []
    for u in units:
        if u["id"] in keep:
            row = dict(u, depth=int(u.get("depth", 0)) - base)
            if u["id"] == top:
                row["parent"] = None
            out.append(row)
    return out


def depth_count(units: list[dict[str, Any]]) -> int:
    """How many levels the rows have (1 for a flat list)."""
    return 1 + max((int(u.get("depth", 0)) for u in units), default=-1) if units else 0


def first_levels(units: list[dict[str, Any]], budget: int = FIRST_VIEW_UNITS) -> int | None:
    """The levels a large chart opens with: as many as keep it within ``budget`` units (at least 2);
    None when the whole chart is small enough."""
    if len(units) <= budget:
        return None
    per_depth: dict[int, int] = {}
    for u in units:
        d = int(u.get("depth", 0))
        per_depth[d] = per_depth.get(d, 0) + 1
    levels, drawn = 0, 0
    for d in sorted(per_depth):
        if drawn + per_depth[d] > budget and levels >= 2:
            break
        drawn += per_depth[d]
        levels += 1
    return levels if levels < depth_count(units) else None


def ancestors(units: list[dict[str, Any]], unit_id: str) -> list[dict[str, Any]]:
    """The rows above ``unit_id``, from the top down (not the unit itself)."""
    by_id = {u["id"]: u for u in units}
    out: list[dict[str, Any]] = []
    current = by_id.get(unit_id)
    seen: set[str] = set()
    while current is not None and current.get("parent") and current["parent"] not in seen:
        seen.add(current["parent"])
        current = by_id.get(current["parent"])
        if current is not None:
            out.append(current)
    return list(reversed(out))


def matches(units: list[dict[str, Any]], needle: str) -> list[dict[str, Any]]:
    """Rows whose name contains ``needle``, or whose id or abbreviation is it (case does not matter)."""
    n = needle.strip().lower()
    if not n:
        return []
    return [
        u
        for u in units
        if n in str(u.get("name", "")).lower()
        or n == str(u["id"]).lower()
        or n == str(u.get("abbreviation") or "").lower()
    ]


def pdf_available() -> bool:
    return _layout is not None and _pdf is not None


def orgchart_pdf(
    units: list[dict[str, Any]],
    title: str,
    marks: dict[str, str] | None = None,
    collapsed: set[str] | None = None,
    lang: str = "nl",
    max_depth: int | None = None,
    page_size: str = "A4",
    landscape: bool = True,
) -> bytes | None:
    """PDF bytes, or None when no PDF renderer is installed."""
    if not pdf_available():
        return None
    layout = _layout(units, collapsed or set(), max_depth)
    return bytes(_pdf(layout, title=title, marks=marks or {}, lang=lang, page_size=page_size, landscape=landscape))


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
