"""The org chart (organogram): unit rows → a tidy-tree layout → a standalone, accessible SVG.

``layout_orgchart`` takes the rows of ``services.register.show(...)["units"]``; the SVG and
the PDF (``render.pdf``) are both drawn from the same ``ChartLayout``, so the two agree.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from raadhuis.i18n.engine import ENGINE_MESSAGES
from raadhuis.i18n.formatting import format_fte
from raadhuis.render.tidy_tree import Box, tidy_layout

__all__ = [
    "MARKS",
    "ChartEdge",
    "ChartLayout",
    "ChartNode",
    "fmt_fte",
    "fte_line",
    "layout_orgchart",
    "legend_entries",
    "mark_label",
    "orgchart_svg",
    "wrap",
]

NODE_W = 184.0
NODE_H = 80.0
MARGIN = 24.0
STACK_THRESHOLD = 5  # a parent with more small children than this gets a vertical list
STACK_ROWS = 12  # a vertical list longer than this is cut into columns (a screen is wider than tall)
MAX_WIDE = 12_000.0  # wider than this, fold one level deeper into vertical lists
NATURAL_W, NATURAL_H = 2_400.0, 1_600.0  # a chart within this keeps the plain arrangement
LANDSCAPE = 1.5  # the width : height of the screen or page a large chart is fitted to

# Diff states → (colour, symbol). Every colour reaches WCAG AA (≥ 4.5:1) against white,
# both as text on white and as white text on the colour (checked in the tests).
MARKS: dict[str, tuple[str, str]] = {
    "added": ("#1a7f37", "+"),
    "removed": ("#b42318", "x"),
    "moved": ("#1d5fb8", ">"),
    "renamed": ("#7a3db8", "R"),
    "merged": ("#b54708", "&"),
    "split": ("#0e7470", "/"),
    "fte_changed": ("#8a5a00", "#"),
    "transferred": ("#a21caf", "»"),
    "changed": ("#475467", "*"),
}

_LABELS: dict[str, dict[str, str]] = {
    "added": {"nl": "nieuw", "en": "added"},
    "removed": {"nl": "opgeheven", "en": "removed"},
    "moved": {"nl": "verplaatst", "en": "moved"},
    "renamed": {"nl": "hernoemd", "en": "renamed"},
    "merged": {"nl": "samengevoegd", "en": "merged"},
    "split": {"nl": "gesplitst", "en": "split"},
    "fte_changed": {"nl": "formatie gewijzigd", "en": "FTE changed"},
    "transferred": {"nl": "naar andere organisatie", "en": "to another organisation"},
    "changed": {"nl": "gewijzigd", "en": "changed"},
    "temporary": {"nl": "tijdelijke eenheid", "en": "temporary unit"},
    "vacancy": {"nl": "vacature (fte)", "en": "vacancy (FTE)"},
    "external": {"nl": "inhuur (fte)", "en": "external hire (FTE)"},
    "highlight": {"nl": "zoekresultaat", "en": "search match"},
    "gone": {"nl": "bestaat niet meer (doorgestreept)", "en": "no longer exists (struck through)"},
    "legend": {"nl": "Legenda", "en": "Legend"},
    "chart": {"nl": "Organogram", "en": "Organisation chart"},
    "units": {"nl": "eenheden", "en": "units"},
    "fte": {"nl": "formatie {fte} fte, bezetting {filled} fte", "en": "budgeted {fte} FTE, filled {filled} FTE"},
    "fte_line": {"nl": "bezet {filled} van {fte} fte", "en": "{filled} of {fte} FTE filled"},
    "fte_unknown": {"nl": "{fte} fte, bezetting onbekend", "en": "{fte} FTE, staffing unknown"},
    "partly_unknown": {"nl": " (deels onbekend)", "en": " (partly unknown)"},
    "no_budget": {"nl": "geen formatie", "en": "no budgeted FTE"},
    "gone_line": {"nl": "bestaat niet meer", "en": "no longer exists"},
    "unknown": {"nl": "bezetting onbekend", "en": "staffing unknown"},
    "expand": {"nl": "Uitklappen", "en": "Expand"},
    "collapse": {"nl": "Inklappen", "en": "Collapse"},
    "until": {"nl": "tot", "en": "until"},
    "empty": {"nl": "Geen eenheden", "en": "No units"},
}

# A unit an event with an imprecise date touches on the chart's day (FuzzyDate.uncertain_on): a "?".
_LABELS["uncertain"] = ENGINE_MESSAGES["uncertain.short"]
UNCERTAIN_FILL = "#92400e"

VACANCY_FILL = "#fef0c7"
VACANCY_TEXT = "#7a2e0e"
EXTERNAL_FILL = "#e0eaff"
EXTERNAL_TEXT = "#1f3a8a"


def mark_label(key: str, lang: str = "nl") -> str:
    entry = _LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["nl"]


def fmt_fte(value: float, lang: str = "nl") -> str:
    """FTE as a formatieplan writes it: two decimals, a decimal comma in Dutch ('4,00')."""
    return format_fte(value, lang)


def fte_line(row: Mapping[str, Any], lang: str = "nl") -> str:
    """The FTE line of a box: 'bezet 4,00 van 5,00 fte', or what is not known.

    ``unknown_fte`` is the budget of posts without any staffing recorded: nobody said who
    fills them, which is not the same as saying nobody does."""
    budget, filled, unknown = _num(row, "fte"), _num(row, "filled_fte"), _num(row, "unknown_fte")
    if row.get("gone"):
        return mark_label("gone_line", lang)
    if budget <= 0 and filled <= 0:
        return mark_label("no_budget", lang)
    if unknown > 0 and unknown >= budget - 1e-9:
        return mark_label("fte_unknown", lang).format(fte=fmt_fte(budget, lang))
    text = mark_label("fte_line", lang).format(filled=fmt_fte(filled, lang), fte=fmt_fte(budget, lang))
    return text + (mark_label("partly_unknown", lang) if unknown > 0 else "")


@dataclass(frozen=True)
class ChartNode:
    """A drawn unit: ``x``/``y`` top-left in chart coordinates, ``row`` the unit row it shows."""

    id: str
    x: float
    y: float
    w: float
    h: float
    row: dict[str, Any]
    has_children: bool
    collapsed: bool
    depth: int = 0
    stacked: bool = False

    @property
    def cx(self) -> float:
        return self.x + self.w / 2


@dataclass(frozen=True)
class ChartEdge:
    """A line from parent to child as an orthogonal polyline."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]


@dataclass
class ChartLayout:
    nodes: list[ChartNode]
    edges: list[ChartEdge]
    width: float
    height: float
    hidden: int = 0  # units not drawn because a parent is collapsed or deeper than max_depth
    _by_id: dict[str, ChartNode] = field(default_factory=dict, repr=False)

    def node(self, unit_id: str) -> ChartNode | None:
        if not self._by_id:
            self._by_id = {n.id: n for n in self.nodes}
        return self._by_id.get(unit_id)


def _num(row: Mapping[str, Any], key: str) -> float:
    value = row.get(key)
    try:
        return float(value) if value is not None else 0.0
    except (TypeError, ValueError):
        return 0.0


def layout_orgchart(
    units: list[dict[str, Any]],
    collapsed: Collection[str] = frozenset(),
    max_depth: int | None = None,
    *,
    compact: bool = True,
    stack_threshold: int = STACK_THRESHOLD,
    expanded: Collection[str] = frozenset(),
) -> ChartLayout:
    """Lay out the unit rows (as from ``register.show``) as an org chart.

    Units whose parent is absent from ``units`` are roots (several roots stand side by side).
    Children of a unit in ``collapsed``, and units deeper than ``max_depth`` (roots are 0),
    are hidden (except below a unit in ``expanded``: the way to a search hit stays open); such a
    unit keeps ``has_children`` and is marked ``collapsed``. With
    ``compact`` a unit with more than ``stack_threshold`` childless children lists them
    vertically; if the chart is still very wide, one more level is folded.
    """
    for i, row in enumerate(units):
        if "id" not in row:
            raise ValueError(f"unit row {i}: field 'id' is missing (expected the unit id)")
    rows = {str(r["id"]): r for r in units}
    if len(rows) != len(units):
        raise ValueError("unit rows: an id occurs twice (expected one row per unit)")
    all_children: dict[str, list[str]] = {}
    roots: list[str] = []
    for r in units:
        uid, parent = str(r["id"]), r.get("parent")
        if parent is not None and str(parent) in rows and str(parent) != uid:
            all_children.setdefault(str(parent), []).append(uid)
        else:
            roots.append(uid)

    shown: dict[str, list[str]] = {}
    closed: set[str] = set()
    depth_of: dict[str, int] = {}
    todo = [(r, 0) for r in roots]
    while todo:
        uid, depth = todo.pop()
        if uid in depth_of:
            raise ValueError(f"unit {uid!r}: the parent links form a cycle")
        depth_of[uid] = depth
        kids = all_children.get(uid, [])
        if kids and (uid in collapsed or (max_depth is not None and depth >= max_depth and uid not in expanded)):
            closed.add(uid)
            continue
        if kids:
            shown[uid] = kids
            todo.extend((c, depth + 1) for c in kids)
    # A unit neither drawn nor hidden under a closed one can only sit in a cycle of parent links.
    cyclic = sorted(set(rows) - set(depth_of) - _descendants(all_children, closed))
    if cyclic:
        raise ValueError(f"units {', '.join(cyclic[:5])}: the parent links form a cycle")

    sizes = {uid: (NODE_W, NODE_H) for uid in depth_of}
    if not compact:
        tree = tidy_layout(roots, shown, sizes)
    else:
        tree = tidy_layout(roots, shown, sizes, stack_threshold=stack_threshold)
        if tree.width > NATURAL_W or tree.height > NATURAL_H:
            # Too large to read whole: of the compact arrangements (lists of leaves, or of whole
            # small branches; in one column or cut into columns) take the one that fits a
            # landscape screen or page best, never wider than MAX_WIDE when one is narrower.
            candidates = [tree] + [
                tidy_layout(roots, shown, sizes, stack_threshold=stack_threshold, stack_depth=d, stack_rows=r)
                for d, r in ((1, STACK_ROWS), (2, 2 * STACK_ROWS), (2, 4 * STACK_ROWS), (2, None))
            ]
            narrow = [c for c in candidates if c.width <= MAX_WIDE] or candidates
            tree = min(narrow, key=lambda c: max(c.width / LANDSCAPE, c.height))
    boxes = {k: _offset(b) for k, b in tree.boxes.items()}
    nodes = [
        ChartNode(
            uid, b.x, b.y, b.w, b.h, dict(rows[uid]), bool(all_children.get(uid)), uid in closed, b.depth, b.stacked
        )
        for uid, b in boxes.items()
    ]
    order = {uid: i for i, uid in enumerate(rows)}
    nodes.sort(key=lambda n: order[n.id])
    edges: list[ChartEdge] = []
    half_gap = (tree.level_pitch - max((b.h for b in boxes.values()), default=0.0)) / 2
    for parent, kids in shown.items():
        pb = boxes[parent]
        for c in kids:
            edges.append(ChartEdge(parent, c, _route(pb, boxes[c], boxes, half_gap)))
    return ChartLayout(nodes, edges, tree.width + 2 * MARGIN, tree.height + 2 * MARGIN, len(rows) - len(depth_of))


def _descendants(children: Mapping[str, list[str]], tops: Iterable[str]) -> set[str]:
    out: set[str] = set()
    todo = [c for t in tops for c in children.get(t, [])]
    while todo:
        c = todo.pop()
        if c in out:
            continue
        out.add(c)
        todo.extend(children.get(c, []))
    return out


def _offset(b: Box) -> Box:
    return Box(
        b.key, b.x + MARGIN, b.y + MARGIN, b.w, b.h, b.depth, b.stacked, None if b.bus_x is None else b.bus_x + MARGIN
    )


def _route(p: Box, c: Box, boxes: Mapping[str, Box], half_gap: float) -> tuple[tuple[float, float], ...]:
    if not c.stacked or c.bus_x is None:
        mid = p.bottom + half_gap
        if abs(p.cx - c.cx) < 0.5:
            return ((p.cx, p.bottom), (c.cx, c.y))
        return ((p.cx, p.bottom), (p.cx, mid), (c.cx, mid), (c.cx, c.y))
    cy = c.y + c.h / 2
    if p.stacked:
        # Inside a vertical list: down the bus on the parent's left, then across.
        return ((c.bus_x, p.bottom), (c.bus_x, cy), (c.x, cy))
    mid = p.bottom + half_gap
    return ((p.cx, p.bottom), (p.cx, mid), (c.bus_x, mid), (c.bus_x, cy), (c.x, cy))


# ---------------------------------------------------------------- text


def wrap(text: str, max_width: float, measure: Callable[[str], float], max_lines: int = 2) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines no wider than ``max_width``; an ellipsis marks a cut."""
    words = text.split()
    if not words:
        return []
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(words):
        word = words[i]
        trial = f"{current} {word}" if current else word
        if measure(trial) <= max_width:
            current = trial
            i += 1
            continue
        if not current:
            # A single word longer than the line (Dutch compounds): break it with a hyphen.
            cut = len(word) - 1
            while cut > 1 and measure(word[:cut] + "-") > max_width:
                cut -= 1
            if cut < 1:
                lines.append(word)
                i += 1
            else:
                lines.append(word[:cut] + "-")
                words[i] = word[cut:]
        else:
            lines.append(current)
            current = ""
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
        current = ""
    cut_off = i < len(words) or bool(current)
    if cut_off and lines:
        last = lines[-1]
        while last and measure(last + "…") > max_width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    return lines


@lru_cache(maxsize=16)
def estimate_width(font_size: float, bold: bool = False) -> Callable[[str], float]:
    """A width estimate for a sans-serif font when no font metrics are at hand (the browser draws the SVG).

    One measure per size and weight, remembering the texts it measured: a redraw of a chart (after
    each edit of a scenario) measures the same names and figures, each several times while wrapping."""
    narrow = set("iljtfrI.,:;'|!() ")
    wide = set("mwMWOQGDH@%")
    factor = 0.60 if bold else 0.56
    known: dict[str, float] = {}

    def measure(text: str) -> float:
        found = known.get(text)
        if found is None:
            units = sum(0.32 if ch in narrow else 0.85 if ch in wide else 0.62 if ch.isupper() else 0.55 for ch in text)
            found = units * font_size * factor / 0.55
            if len(known) >= MEASURED:
                known.clear()  # bounded: a server draws many organisations
            known[text] = found
        return found

    return measure


MEASURED = 50_000  # texts one measure remembers


# ---------------------------------------------------------------- SVG


def _style() -> str:
    """The chart's CSS (orgchart.css beside this module) with a rule per diff mark.

    A downloaded SVG carries it in a ``<style>`` element; a chart inside a page leaves it out
    and the page links the same file (a page's security policy allows no inline styles)."""
    base = (Path(__file__).parent / "orgchart.css").read_text("utf-8")
    marks = "".join(
        f".rh-orgchart .unit.mark-{key} .box{{stroke:{colour};stroke-width:2.5;}}\n"
        for key, (colour, _symbol) in MARKS.items()
    )
    return base + marks


STYLE = _style()
# The name web.security hashes for the page's Content-Security-Policy (an SVG drawn with its <style>).
_STYLE = STYLE

TITLE_H = 32.0
LEGEND_H = 28.0


def _a(value: object) -> str:
    return quoteattr(str(value))


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def orgchart_svg(
    layout: ChartLayout,
    highlight: Collection[str] = frozenset(),
    marks: Mapping[str, str] | None = None,
    lang: str = "nl",
    title: str | None = None,
    embedded: bool = False,
) -> str:
    """A standalone SVG of the chart; each unit is a focusable ``<g class="unit" data-unit="ID">``
    with ``data-box="x y w h"`` (its box in the SVG's coordinates, for zooming to it).

    ``marks`` maps unit id → diff state (see ``MARKS``), ``highlight`` outlines units
    (search matches); a row with ``gone`` set (a unit that no longer exists at the end of a
    diff) is drawn struck through. With ``embedded`` the ``<style>`` is left out: the page
    links ``orgchart.css`` instead. All text is escaped.
    """
    marks = dict(marks or {})
    heading = title or mark_label("chart", lang)
    top = TITLE_H
    width = max(layout.width, 360.0)
    legend, legend_h = _legend_svg(legend_entries(layout, marks, highlight), top + layout.height, width, lang)
    height = top + max(layout.height, 60.0) + legend_h
    summary = f"{heading}: {len(layout.nodes)} {mark_label('units', lang)}"
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rh-orgchart" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" role="img" aria-label={_a(summary)}>',
        f"<title>{escape(heading)}</title>",
        f"<desc>{escape(summary)}</desc>",
        *([] if embedded else [f"<style>{STYLE}</style>"]),
        f'<rect x="0" y="0" width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
        f'<text class="chart-title" x="{_n(MARGIN)}" y="22">{escape(heading)}</text>',
    ]
    if not layout.nodes:
        out.append(f'<text class="meta" x="{_n(MARGIN)}" y="{_n(top + 30)}">{escape(mark_label("empty", lang))}</text>')
    out.append(f'<g class="chart" transform="translate(0 {_n(top)})">')
    out.append('<g class="edges">')
    for e in layout.edges:
        d = "M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in e.points)
        out.append(f'<path class="edge" data-source={_a(e.source)} data-target={_a(e.target)} d="{d}"/>')
    out.append("</g>")
    out.append('<g class="units">')
    measure_name = estimate_width(12, bold=True)
    measure_meta = estimate_width(11)
    for node in layout.nodes:
        out.extend(_unit_svg(node, marks.get(node.id), node.id in highlight, lang, measure_name, measure_meta, top))
    out.append("</g></g>")
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out)


def _tooltip(node: ChartNode, mark: str | None, lang: str) -> str:
    row = node.row
    parts = [str(row.get("name") or node.id)]
    if row.get("abbreviation"):
        parts[0] += f" ({row['abbreviation']})"
    if row.get("kind"):
        parts.append(str(row["kind"]))
    parts.append(fte_line(row, lang))
    if _num(row, "vacancy_fte") > 0:
        parts.append(f"{mark_label('vacancy', lang)}: {fmt_fte(_num(row, 'vacancy_fte'), lang)}")
    if _num(row, "external_fte") > 0:
        parts.append(f"{mark_label('external', lang)}: {fmt_fte(_num(row, 'external_fte'), lang)}")
    if row.get("temporary"):
        end = row.get("expected_end")
        parts.append(mark_label("temporary", lang) + (f" ({mark_label('until', lang)} {end})" if end else ""))
    if mark:
        parts.append(mark_label(mark, lang))
    if row.get("gone") and mark != "removed":
        parts.append(mark_label("gone", lang))
    parts.extend(str(label) for label in row.get("uncertain") or [])
    return " — ".join(parts)


def meta_line(row: Mapping[str, Any]) -> str:
    bits = [str(row[k]) for k in ("abbreviation", "kind") if row.get(k)]
    return " · ".join(bits)


def _unit_svg(
    node: ChartNode,
    mark: str | None,
    hl: bool,
    lang: str,
    measure_name: Callable[[str], float],
    measure_meta: Callable[[str], float],
    top: float = 0.0,
) -> list[str]:
    row = node.row
    gone = bool(row.get("gone"))
    classes = ["unit"]
    if gone:
        classes.append("gone")
    if row.get("temporary"):
        classes.append("temporary")
    if mark:
        classes.append(f"mark-{mark}")
    if hl:
        classes.append("highlight")
    if node.collapsed:
        classes.append("collapsed")
    uncertain = bool(row.get("uncertain"))
    if uncertain:
        classes.append("uncertain")
    x, y, w, h = node.x, node.y, node.w, node.h
    name = str(row.get("name") or node.id)
    out = [
        f'<g class="{" ".join(classes)}" data-unit={_a(node.id)} tabindex="0" aria-label={_a(name)}'
        + f' data-box="{_n(x)} {_n(y + top)} {_n(w)} {_n(h)}"'
        + (f" data-mark={_a(mark)}" if mark else "")
        + ">",
        f"<title>{escape(_tooltip(node, mark, lang))}</title>",
    ]
    if hl:
        out.append(
            f'<rect class="highlight-ring" x="{_n(x - 4)}" y="{_n(y - 4)}" width="{_n(w + 8)}" '
            f'height="{_n(h + 8)}" rx="8"/>'
        )
    out.append(f'<rect class="box" x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="5"/>')
    left = x + 10
    if mark in MARKS:
        colour, symbol = MARKS[mark]
        out.append(f'<rect class="strip" x="{_n(x)}" y="{_n(y)}" width="14" height="{_n(h)}" rx="3" fill="{colour}"/>')
        out.append(
            f'<text class="strip-text" x="{_n(x + 7)}" y="{_n(y + 15)}" text-anchor="middle">{escape(symbol)}</text>'
        )
        left = x + 20
    toggle_room = 26 if node.stacked and node.has_children else 8
    if uncertain:  # a "?" in the top right corner, left of a list's toggle
        cx = x + w - toggle_room - 6
        out.append(
            f'<g class="uncertain-mark"><title>{escape("; ".join(map(str, row["uncertain"])))}</title>'
            f'<circle cx="{_n(cx)}" cy="{_n(y + 12)}" r="7" fill="{UNCERTAIN_FILL}"/>'
            f'<text class="strip-text" x="{_n(cx)}" y="{_n(y + 16)}" text-anchor="middle">?</text></g>'
        )
        toggle_room += 16
    text_w = x + w - toggle_room - left
    lines = wrap(name, text_w, measure_name, 2)
    ty = y + 17
    for line in lines:
        out.append(f'<text class="name" x="{_n(left)}" y="{_n(ty)}">{escape(line)}</text>')
        if mark == "removed" or gone:
            out.append(
                f'<line class="strike" x1="{_n(left)}" x2="{_n(left + min(measure_name(line), text_w))}" '
                f'y1="{_n(ty - 4)}" y2="{_n(ty - 4)}"/>'
            )
        ty += 15
    # The meta row (abbreviation · kind) shares its line with the vacancy and hire badges on the right.
    bx = x + w - 6
    for key, label in (("external", "I"), ("vacancy", "V")):
        value = _num(row, f"{key}_fte")
        if value <= 0:
            continue
        text = f"{label} {fmt_fte(value, lang)}"
        bw = measure_meta(text) * 10 / 11 + 8
        bx -= bw
        out.append(
            f'<g class="badge {key}"><title>{escape(mark_label(key, lang))}: {escape(fmt_fte(value, lang))}</title>'
            f'<rect x="{_n(bx)}" y="{_n(y + h - 41)}" width="{_n(bw)}" height="15" rx="7"/>'
            f'<text x="{_n(bx + bw / 2)}" y="{_n(y + h - 30)}" text-anchor="middle">{escape(text)}</text></g>'
        )
        bx -= 4
    meta = meta_line(row)
    if meta:
        meta_lines = wrap(meta, max(bx - left - 2, 20.0), measure_meta, 1)
        if meta_lines:
            out.append(f'<text class="meta" x="{_n(left)}" y="{_n(y + h - 30)}">{escape(meta_lines[0])}</text>')
    fte = (wrap(fte_line(row, lang), text_w + 4, measure_meta, 1) or [""])[0]
    out.append(f'<text class="fte" x="{_n(left)}" y="{_n(y + h - 12)}">{escape(fte)}</text>')
    if node.has_children:
        sign = "+" if node.collapsed else "−"
        verb = mark_label("expand" if node.collapsed else "collapse", lang)
        cx, cy = (x + w - 12, y + 12) if node.stacked else (x + w / 2, y + h)
        out.append(
            f'<g class="toggle" data-toggle={_a(node.id)} role="button" aria-label={_a(f"{verb}: {name}")} '
            f'aria-expanded="{"false" if node.collapsed else "true"}"><title>{escape(verb)}</title>'
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="8"/>'
            f'<text x="{_n(cx)}" y="{_n(cy + 4.5)}" text-anchor="middle">{sign}</text></g>'
        )
    out.append("</g>")
    return out


def legend_entries(layout: ChartLayout, marks: Mapping[str, str], highlight: Collection[str]) -> list[str]:
    ids = {n.id for n in layout.nodes}
    used = {m for u, m in marks.items() if u in ids}
    entries = [m for m in MARKS if m in used]
    rows = [n.row for n in layout.nodes]
    if any(r.get("temporary") for r in rows):
        entries.append("temporary")
    if any(_num(r, "vacancy_fte") > 0 for r in rows):
        entries.append("vacancy")
    if any(_num(r, "external_fte") > 0 for r in rows):
        entries.append("external")
    if any(r.get("gone") for r in rows):
        entries.append("gone")
    if any(r.get("uncertain") for r in rows):
        entries.append("uncertain")
    if any(h in ids for h in highlight):
        entries.append("highlight")
    return entries


def _legend_svg(entries: list[str], y0: float, width: float, lang: str) -> tuple[list[str], float]:
    """The legend rows under the chart, wrapped to ``width``; and their height."""
    if not entries:
        return [], 0.0
    measure = estimate_width(11)
    y = y0 + 6
    title = mark_label("legend", lang)
    out = [
        f'<g class="legend" aria-label={_a(title)}>',
        f'<text class="legend-title" x="{_n(MARGIN)}" y="{_n(y + 12)}">{escape(title)}:</text>',
    ]
    x = MARGIN + measure(title) + 16
    for key in entries:
        label = mark_label(key, lang)
        if x + 22 + measure(label) > width - MARGIN and x > MARGIN + measure(title) + 16:
            x = MARGIN + measure(title) + 16
            y += LEGEND_H - 6
        out.append(f'<g class="legend-item" data-mark={_a(key)}>')
        if key in MARKS:
            colour, symbol = MARKS[key]
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="16" height="16" rx="3" fill="{colour}"/>'
                f'<text class="strip-text" x="{_n(x + 8)}" y="{_n(y + 12)}" text-anchor="middle">{escape(symbol)}</text>'
            )
        elif key == "temporary":
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="16" height="16" rx="3" fill="#ffffff" stroke="#475467" '
                'stroke-dasharray="4 3"/>'
            )
        elif key in ("vacancy", "external"):
            fill, ink, letter = (
                (VACANCY_FILL, VACANCY_TEXT, "V") if key == "vacancy" else (EXTERNAL_FILL, EXTERNAL_TEXT, "I")
            )
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y + 1)}" width="16" height="15" rx="7" fill="{fill}"/>'
                f'<text x="{_n(x + 8)}" y="{_n(y + 12)}" text-anchor="middle" fill="{ink}">{letter}</text>'
            )
        elif key == "uncertain":
            out.append(
                f'<circle cx="{_n(x + 8)}" cy="{_n(y + 8)}" r="7" fill="{UNCERTAIN_FILL}"/>'
                f'<text class="strip-text" x="{_n(x + 8)}" y="{_n(y + 12)}" text-anchor="middle">?</text>'
            )
        elif key == "gone":
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="16" height="16" rx="3" fill="#f2f4f7" stroke="#667085" '
                f'stroke-dasharray="3 2"/><line x1="{_n(x + 2)}" x2="{_n(x + 14)}" y1="{_n(y + 8)}" '
                f'y2="{_n(y + 8)}" stroke="#b42318" stroke-width="1.5"/>'
            )
        else:
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="16" height="16" rx="3" fill="none" stroke="#101828" '
                'stroke-width="3"/>'
            )
        out.append(f'<text x="{_n(x + 22)}" y="{_n(y + 12)}">{escape(label)}</text></g>')
        x += 22 + measure(label) + 18
    out.append("</g>")
    return out, y + LEGEND_H - y0
