"""Lineage as a left-to-right layered drawing: predecessors → unit → successors.

Columns are the steps away from the unit (``depth`` from the lineage service); each node
links to the column next to it on the way to the unit, labelled with date and event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from raadhuis.i18n.formatting import format_date

_COL, _ROW, _BOX_W, _BOX_H = 330, 70, 200, 44
_LINE = 28  # characters on one line of a box


def _two_lines(name: str) -> tuple[str, str]:
    """A unit's name on at most two lines of a box, broken between words; the rest cut off with '…'."""
    if len(name) <= _LINE:
        return name, ""
    cut = name.rfind(" ", 0, _LINE + 1)
    if cut <= 0:
        cut = _LINE
    first, rest = name[:cut].rstrip(), name[cut:].strip()
    return first, rest if len(rest) <= _LINE else rest[: _LINE - 1] + "…"


def lineage_svg(
    data: dict[str, Any],
    title: str,
    href: str = "",
    label: Callable[[str], str] = lambda kind: kind,
    lang: str = "nl",
    org_names: Mapping[str, str] | None = None,
) -> str:
    """``data`` is what :func:`raadhuis.services.register.lineage_of` returns; ``href`` a
    URL prefix for unit pages of the same organisation (the node id is appended);
    ``label`` names an event type in the reader's language. Dates in words, units and
    organisations by name: no id in the drawing (issue 13)."""
    org_names = org_names or {}
    columns: dict[int, list[dict[str, Any]]] = {0: [dict(data["unit"], date=None, type=None, organisation=None)]}
    for p in data["predecessors"]:
        columns.setdefault(-int(p["depth"]), []).append(p)
    for s in data["successors"]:
        columns.setdefault(int(s["depth"]), []).append(s)
    lo, hi = min(columns), max(columns)
    rows = max(len(v) for v in columns.values())
    width = (hi - lo + 1) * _COL + 20
    height = rows * _ROW + 60
    pos: dict[tuple[int, int], tuple[int, int]] = {}
    for col, items in columns.items():
        top = 40 + (rows - len(items)) * _ROW // 2
        for i, _ in enumerate(items):
            pos[(col, i)] = (10 + (col - lo) * _COL, top + i * _ROW)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lineage" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#57606a"/></marker></defs>',
    ]
    for col, items in columns.items():
        if col == 0:
            continue
        toward = col + 1 if col < 0 else col - 1
        for i, item in enumerate(items):
            x, y = pos[(col, i)]
            for j in range(len(columns.get(toward, []))):
                tx, ty = pos[(toward, j)]
                # Arrows run forward in time: from the older column to the newer one.
                (x1, y1), (x2, y2) = ((x + _BOX_W, y), (tx, ty)) if col < 0 else ((tx + _BOX_W, ty), (x, y))
                y1 += _BOX_H // 2
                y2 += _BOX_H // 2
                out.append(
                    f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#57606a" '
                    'stroke-width="1.5" marker-end="url(#arrow)"/>'
                )
            # Date above and event below the arrow's start, in the gap between the columns.
            lx = x + _BOX_W + 8 if col < 0 else x - _COL + _BOX_W + 8
            mid = y + _BOX_H // 2
            for dy, text in (
                (-7, format_date(item.get("date"), lang)),
                (15, label(item["type"]) if item.get("type") else ""),
            ):
                out.append(
                    f'<text x="{lx}" y="{mid + dy}" font-size="11" font-family="sans-serif" '
                    f'fill="#3d444d">{escape(str(text))}</text>'
                )
    for col, items in columns.items():
        for i, item in enumerate(items):
            x, y = pos[(col, i)]
            main = col == 0
            first, second = _two_lines(str(item.get("name") or item["id"]))
            other = item.get("organisation") and item["organisation"] != data["organisation"]["id"]
            if other:  # a unit of another organisation: its organisation by name on the second line
                second = org_names.get(item["organisation"], item["organisation"])
                first = first if not _two_lines(str(item.get("name") or ""))[1] else first + " …"
            weight = "bold" if main else "normal"
            # The second line: the rest of the name, or (smaller) the other organisation's name.
            size, colour = ("10", "#3d444d") if other else ("12", "#1f2328")
            box = (
                f'<rect x="{x}" y="{y}" width="{_BOX_W}" height="{_BOX_H}" rx="6" '
                f'fill="{"#dbeafe" if main else "#ffffff"}" stroke="{"#0b5cad" if main else "#57606a"}" '
                f'stroke-width="{2 if main else 1}"/>'
                f'<text x="{x + 8}" y="{y + 18}" font-size="12" font-family="sans-serif" fill="#1f2328" '
                f'font-weight="{weight}">{escape(first)}</text>'
                f'<text x="{x + 8}" y="{y + 35}" font-size="{size}" font-family="sans-serif" fill="{colour}" '
                f'font-weight="{weight if not other else "normal"}">{escape(second)}</text>'
            )
            if href and not other and not main:
                out.append(f"<a href={quoteattr(href + str(item['id']))}>{box}</a>")
            else:
                out.append(box)
    out.append("</svg>")
    return "".join(out)
