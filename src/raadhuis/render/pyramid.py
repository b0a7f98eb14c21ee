"""The layers of management as a pyramid: an SVG for the comparison page.

One bar per management layer, top first, as wide as the formation directly below that layer's
managers; the bar's text says the layer, the number of managers and the FTE, so the drawing does
not rely on its shape alone. Every text is escaped; no style attribute (the page's CSP).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_fte

WIDTH, BAR, GAP, TOP = 320.0, 26.0, 6.0, 28.0


def pyramid_svg(title: str, layers: Iterable[Mapping[str, Any]], lang: str = "nl", widest: float | None = None) -> str:
    items = list(layers)
    height = TOP + max(1, len(items)) * (BAR + GAP) + 8
    most = widest or max((float(x.get("formation_fte") or 0.0) for x in items), default=0.0) or 1.0
    label = t("scn.pyramid_title", lang, name=title)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pyramid" viewBox="0 0 {WIDTH:g} {height:g}" role="img" '
        f"aria-label={quoteattr(label)}>",
        f"<title>{escape(label)}</title>",
        f'<text x="{WIDTH / 2:g}" y="16" text-anchor="middle" class="pyramid-title">{escape(title)}</text>',
    ]
    if not items:
        out.append(
            f'<text x="{WIDTH / 2:g}" y="{TOP + 14:g}" text-anchor="middle">{escape(t("scn.no_managers", lang))}</text>'
        )
    for i, layer in enumerate(items):
        fte = float(layer.get("formation_fte") or 0.0)
        w = max(40.0, (WIDTH - 20) * fte / most)
        y = TOP + i * (BAR + GAP)
        text = t("scn.pyramid_label", lang, n=layer["layer"], managers=layer["managers"], fte=format_fte(fte, lang))
        out.append(
            f'<rect class="pyramid-bar" x="{(WIDTH - w) / 2:.1f}" y="{y:g}" width="{w:.1f}" height="{BAR:g}" rx="3"/>'
        )
        out.append(
            f'<text class="pyramid-text" x="{WIDTH / 2:g}" y="{y + BAR / 2 + 4:g}" text-anchor="middle">{escape(text)}</text>'
        )
    out.append("</svg>")
    return "".join(out)
