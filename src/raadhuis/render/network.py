"""The cooperation network as a standalone SVG: rings around the focus municipality.

The layout is deterministic (the same data always gives the same picture): the focus
organisation in the centre, the cooperations (samenwerkingsverbanden) on an inner ring in
the order given, and the other participants on an outer ring, each as close as the spacing
allows to the mean direction of the cooperations it takes part in, so lines stay short and
seldom cross. Line thickness follows the edge weight (e.g. a participant's share).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from raadhuis.render.orgchart import estimate_width, wrap

__all__ = ["network_svg"]

NODE_W = 150.0
NODE_H = 44.0
MARGIN = 32.0
TITLE_H = 34.0

_WORDS = {
    "title": {"nl": "Samenwerkingsnetwerk", "en": "Cooperation network"},
    "summary": {
        "nl": "{title}: {c} samenwerkingsverband(en), {o} organisatie(s), {e} verbinding(en)",
        "en": "{title}: {c} cooperation(s), {o} organisation(s), {e} link(s)",
    },
    "focus": {"nl": "centrale organisatie", "en": "focus organisation"},
    "cooperation": {"nl": "samenwerkingsverband", "en": "cooperation"},
    "organisation": {"nl": "organisatie", "en": "organisation"},
    "empty": {"nl": "Geen samenwerkingsverbanden", "en": "No cooperations"},
    "legend": {"nl": "Legenda", "en": "Legend"},
    "common": {"nl": "lijn zonder tekst: {label}", "en": "unlabelled line: {label}"},
}

_STYLE = """
.rh-network{font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;}
.rh-network .link{stroke:#667085;stroke-opacity:.75;fill:none;}
.rh-network .link-label{font-size:10px;fill:#344054;paint-order:stroke;stroke:#ffffff;stroke-width:3px;}
.rh-network .node rect{stroke-width:1.5;}
.rh-network .node text{font-size:11px;}
.rh-network .kind-focus rect{fill:#1d2939;stroke:#1d2939;} .rh-network .kind-focus text{fill:#ffffff;font-weight:700;}
.rh-network .kind-cooperation rect{fill:#e6f4f1;stroke:#0e7470;} .rh-network .kind-cooperation text{fill:#0b4f4c;font-weight:600;}
.rh-network .kind-organisation rect{fill:#ffffff;stroke:#475467;} .rh-network .kind-organisation text{fill:#101828;}
.rh-network .node:focus rect,.rh-network .node:hover rect{stroke-width:3;}
.rh-network .node:focus{outline:none;}
.rh-network .chart-title{font-size:16px;font-weight:700;fill:#101828;}
.rh-network .legend text{font-size:11px;fill:#101828;}
"""


def _word(key: str, lang: str, **values: object) -> str:
    entry = _WORDS[key]
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text


def _a(value: object) -> str:
    return quoteattr(str(value))


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _weight(edge: Mapping[str, Any]) -> float:
    for key in ("weight", "share"):
        value = edge.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            return float(value)
    return 0.0


def network_svg(
    nodes: Sequence[Mapping[str, Any]],
    edges: Sequence[Mapping[str, Any]],
    lang: str = "nl",
    *,
    focus: str | None = None,
    title: str | None = None,
) -> str:
    """Draw ``nodes`` (id, label, kind: organisation | cooperation) and ``edges`` (source, target, label, weight).

    ``focus`` is the organisation in the centre; without it, the organisation with the most
    links. Every edge must join two known nodes.
    """
    by_id: dict[str, Mapping[str, Any]] = {}
    for i, node in enumerate(nodes):
        if "id" not in node:
            raise ValueError(f"node {i}: field 'id' is missing (expected the organisation or cooperation id)")
        by_id[str(node["id"])] = node
    degree = dict.fromkeys(by_id, 0)
    links: list[tuple[str, str, Mapping[str, Any]]] = []
    for i, edge in enumerate(edges):
        ends = []
        for end in ("source", "target"):
            value = edge.get(end)
            if value is None or str(value) not in by_id:
                raise ValueError(f"edge {i}: {end} {value!r} is not one of the nodes")
            ends.append(str(value))
        links.append((ends[0], ends[1], edge))
        degree[ends[0]] += 1
        degree[ends[1]] += 1

    def kind(nid: str) -> str:
        return "cooperation" if str(by_id[nid].get("kind", "")) == "cooperation" else "organisation"

    coops = [nid for nid in by_id if kind(nid) == "cooperation"]
    orgs = [nid for nid in by_id if kind(nid) == "organisation"]
    if focus is not None and focus not in by_id:
        raise ValueError(f"focus {focus!r} is not one of the nodes")
    if focus is None and orgs:
        focus = max(orgs, key=lambda nid: degree[nid])  # max keeps the first of equals
    others = [nid for nid in orgs if nid != focus]
    # Cooperations that share a partner sit side by side, the best-connected partner's first,
    # so each partner's lines fan out over one sector instead of crossing the centre.
    rank = {nid: i for i, nid in enumerate(sorted(others, key=lambda nid: -degree[nid]))}
    first_partner: dict[str, int] = {}
    for s, t, _ in links:
        for coop, partner in ((s, t), (t, s)):
            if coop in by_id and kind(coop) == "cooperation" and partner in rank:
                first_partner[coop] = min(first_partner.get(coop, len(rank)), rank[partner])
    position = {nid: i for i, nid in enumerate(coops)}
    coops.sort(key=lambda nid: (first_partner.get(nid, len(rank)), position[nid]))
    inner, outer = (coops, others) if coops else (others, [])

    pos: dict[str, tuple[float, float]] = {}
    spacing = NODE_W + 24
    r1 = max(230.0, len(inner) * spacing / (2 * math.pi)) if inner else 0.0
    if focus is not None:
        pos[focus] = (0.0, 0.0)
    inner_angle = {nid: -math.pi / 2 + 2 * math.pi * i / len(inner) for i, nid in enumerate(inner)}
    for nid, a in inner_angle.items():
        pos[nid] = (r1 * math.cos(a), r1 * math.sin(a))
    r2 = 0.0
    if outer:
        r2 = max(r1 + 210.0, len(outer) * spacing / (2 * math.pi))
        for nid, a in _outer_angles(outer, links, inner_angle, r2, spacing).items():
            pos[nid] = (r2 * math.cos(a), r2 * math.sin(a))

    # The drawing is cropped to the nodes: a ring with few partners leaves no empty half.
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    width = max(max(xs) - min(xs) + NODE_W + 2 * MARGIN, 420.0)
    height = max(ys) - min(ys) + NODE_H + 2 * MARGIN + TITLE_H + 28
    cx = (width - (max(xs) - min(xs))) / 2 - min(xs)
    cy = TITLE_H + MARGIN + NODE_H / 2 - min(ys)

    heading = title or _word("title", lang)
    summary = _word("summary", lang, title=heading, c=len(coops), o=len(orgs), e=len(links))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rh-network" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" role="img" aria-label={_a(summary)}>',
        f"<title>{escape(heading)}</title>",
        f"<desc>{escape(summary)}</desc>",
        f"<style>{_STYLE}</style>",
        f'<rect x="0" y="0" width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
        f'<text class="chart-title" x="{_n(MARGIN)}" y="24">{escape(heading)}</text>',
    ]
    if not by_id:
        out.append(f'<text x="{_n(MARGIN)}" y="{_n(TITLE_H + 30)}">{escape(_word("empty", lang))}</text></svg>')
        return "\n".join(out)

    top = max((_weight(e) for _, _, e in links), default=0.0)
    # A label on most lines (typically "deelnemer") is said once in the legend instead of on every line.
    counts: dict[str, int] = {}
    for _, _, edge in links:
        text = str(edge.get("label") or "")
        if text:
            counts[text] = counts.get(text, 0) + 1
    common = max(counts, key=lambda k: counts[k]) if counts else ""
    if len(links) < 4 or counts.get(common, 0) * 2 <= len(links):
        common = ""
    out.append('<g class="links">')
    labels: list[str] = []
    for s, t, edge in links:
        (x1, y1), (x2, y2) = pos[s], pos[t]
        w = 1.0 + (3.0 * _weight(edge) / top if top else 0.0)
        label = str(edge.get("label") or "")
        tip = f"{by_id[s].get('label', s)} – {by_id[t].get('label', t)}" + (f": {label}" if label else "")
        out.append(
            f'<line class="link" data-source={_a(s)} data-target={_a(t)} x1="{_n(cx + x1)}" y1="{_n(cy + y1)}" '
            f'x2="{_n(cx + x2)}" y2="{_n(cy + y2)}" stroke-width="{_n(w)}"><title>{escape(tip)}</title></line>'
        )
        if label and label != common:
            mx, my = cx + (x1 + x2) / 2, cy + (y1 + y2) / 2
            labels.append(
                f'<text class="link-label" x="{_n(mx)}" y="{_n(my)}" text-anchor="middle">{escape(label)}</text>'
            )
    out.append("</g>")
    out.append('<g class="link-labels">')
    out.extend(labels)
    out.append("</g>")

    measure = estimate_width(11, bold=True)
    out.append('<g class="nodes">')
    for nid, (x, y) in pos.items():
        node_kind = "focus" if nid == focus else kind(nid)
        label = str(by_id[nid].get("label") or nid)
        lines = wrap(label, NODE_W - 14, measure, 2)
        left, top_y = cx + x - NODE_W / 2, cy + y - NODE_H / 2
        out.append(
            f'<g class="node kind-{node_kind}" data-node={_a(nid)} tabindex="0" aria-label={_a(label)}>'
            f"<title>{escape(label)} ({escape(_word(node_kind, lang))})</title>"
            f'<rect x="{_n(left)}" y="{_n(top_y)}" width="{_n(NODE_W)}" height="{_n(NODE_H)}" '
            f'rx="{_n(NODE_H / 2 if node_kind == "cooperation" else 6)}"/>'
        )
        first = cy + y + (4 if len(lines) == 1 else -3)
        for i, line in enumerate(lines):
            out.append(f'<text x="{_n(cx + x)}" y="{_n(first + 13 * i)}" text-anchor="middle">{escape(line)}</text>')
        out.append("</g>")
    out.append("</g>")

    out.append(f'<g class="legend" aria-label={_a(_word("legend", lang))}>')
    lx, ly = MARGIN, height - 26
    for key in ("focus", "cooperation", "organisation"):
        if key == "focus" and focus is None:
            continue
        text = _word(key, lang)
        out.append(
            f'<g class="legend-item node kind-{key}" data-kind="{key}"><rect x="{_n(lx)}" y="{_n(ly)}" width="18" '
            f'height="14" rx="{7 if key == "cooperation" else 3}"/></g>'
            f'<text x="{_n(lx + 24)}" y="{_n(ly + 11)}">{escape(text)}</text>'
        )
        lx += 24 + estimate_width(11)(text) + 20
    if common:
        text = _word("common", lang, label=common)
        out.append(
            f'<g class="legend-item" data-kind="common-label"><line x1="{_n(lx)}" y1="{_n(ly + 7)}" x2="{_n(lx + 18)}" '
            f'y2="{_n(ly + 7)}" stroke="#667085" stroke-width="2"/></g><text x="{_n(lx + 24)}" y="{_n(ly + 11)}">'
            f"{escape(text)}</text>"
        )
    out.append("</g></svg>")
    return "\n".join(out)


def _outer_angles(
    outer: list[str],
    links: list[tuple[str, str, Mapping[str, Any]]],
    inner_angle: Mapping[str, float],
    radius: float,
    spacing: float,
) -> dict[str, float]:
    """Angles on the outer ring: each node towards the mean direction of its cooperations, kept apart."""
    wish: dict[str, float] = {}
    for i, nid in enumerate(outer):
        vx = vy = 0.0
        for s, t, _ in links:
            other = t if s == nid else s if t == nid else None
            if other is not None and other in inner_angle:
                vx += math.cos(inner_angle[other])
                vy += math.sin(inner_angle[other])
        if abs(vx) < 1e-9 and abs(vy) < 1e-9:
            wish[nid] = -math.pi / 2 + 2 * math.pi * i / len(outer)
        else:
            wish[nid] = math.atan2(vy, vx)
    index = {nid: i for i, nid in enumerate(outer)}
    order = sorted(outer, key=lambda nid: (wish[nid] % (2 * math.pi), index[nid]))
    n = len(order)
    full = 2 * math.pi
    # Nodes at their wished angles, pushed apart just enough that neighbouring boxes keep clear.
    min_sep = 2 * math.asin(min(1.0, spacing / (2 * radius)))
    if n > 1 and n * min_sep < full:
        angles = [wish[nid] % full for nid in order]
        for _ in range(500):
            moved = False
            for i in range(n):
                j = (i + 1) % n
                gap = angles[j] - angles[i] + (full if j == 0 else 0.0)
                if gap < min_sep - 1e-9:
                    push = (min_sep - gap) / 2
                    angles[i] -= push
                    angles[j] += push
                    moved = True
            if not moved:
                return dict(zip(order, angles, strict=True))
    elif n == 1:
        return {order[0]: wish[order[0]]}
    # Crowded ring: evenly spaced, turned so that on average each node sits at its wished angle.
    step = full / n
    sx = sum(math.cos(wish[nid] - step * i) for i, nid in enumerate(order))
    sy = sum(math.sin(wish[nid] - step * i) for i, nid in enumerate(order))
    offset = math.atan2(sy, sx)
    return {nid: offset + step * i for i, nid in enumerate(order)}
