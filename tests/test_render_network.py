"""The cooperation network SVG: valid, escaped, accessible, deterministic, focus in the centre."""

from __future__ import annotations

import math
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring

from raadhuis.render.network import network_svg

SVG = "{http://www.w3.org/2000/svg}"
NASTY = "<script>alert(\"x\")</script> & 'quotes'"

ORGS = {"GM0168": "Losser", "GM0153": "Enschede", "GM0164": "Hengelo", "GM0173": "Oldenzaal", "GM0183": "Tubbergen"}
COOPS = {
    "rt": ("Regio Twente", list(ORGS)),
    "bvo": ("Bedrijfsvoering Enschede-Losser", ["GM0168", "GM0153"]),
    "x": (NASTY, ["GM0168", "GM0173"]),
}


def data() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = [{"id": k, "label": v, "kind": "organisation"} for k, v in ORGS.items()]
    nodes += [{"id": k, "label": v[0], "kind": "cooperation"} for k, v in COOPS.items()]
    edges = [
        {
            "source": o,
            "target": c,
            "label": "centrumgemeente" if (o, c) == ("GM0153", "bvo") else "deelnemer",
            "weight": 0.5 if c == "bvo" else 0.1,
        }
        for c, (_, members) in COOPS.items()
        for o in members
    ]
    return nodes, edges


def centres(root: Any) -> dict[str, tuple[float, float]]:
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("data-node"):
            r = g.find(f"{SVG}rect")
            out[g.get("data-node")] = (
                float(r.get("x")) + float(r.get("width")) / 2,
                float(r.get("y")) + float(r.get("height")) / 2,
            )
    return out


def test_network_is_valid_accessible_and_escaped() -> None:
    nodes, edges = data()
    svg = network_svg(nodes, edges, "nl", focus="GM0168", title="Losser & partners")
    assert "<script" not in svg
    root = fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Losser & partners: 3 samenwerkingsverband(en), 5 organisatie(s), 9 verbinding(en)"
    assert root.find(f"{SVG}title").text == "Losser & partners"
    groups = {g.get("data-node"): g for g in root.iter(f"{SVG}g") if g.get("data-node")}
    assert set(groups) == set(ORGS) | set(COOPS)
    assert groups["x"].get("aria-label") == NASTY and groups["x"].get("tabindex") == "0"
    assert groups["x"].find(f"{SVG}title").text.startswith(NASTY)
    assert "kind-focus" in groups["GM0168"].get("class")
    assert "kind-cooperation" in groups["rt"].get("class")
    lines = [ln for ln in root.iter(f"{SVG}line") if ln.get("class") == "link"]
    assert len(lines) == len(edges)
    widths = {(ln.get("data-source"), ln.get("data-target")): float(ln.get("stroke-width")) for ln in lines}
    assert widths[("GM0153", "bvo")] > widths[("GM0153", "rt")]
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "link-label"]
    # The common label is given once in the legend, the exception on its line.
    assert labels == ["centrumgemeente"]
    assert "lijn zonder tekst: deelnemer" in "".join(root.itertext())


def test_focus_in_centre_cooperations_inside_partners_outside() -> None:
    nodes, edges = data()
    pos = centres(fromstring(network_svg(nodes, edges, focus="GM0168")))
    cx, cy = pos["GM0168"]

    def r(nid: str) -> float:
        return math.hypot(pos[nid][0] - cx, pos[nid][1] - cy)

    assert {round(r(c)) for c in COOPS} == {round(r("rt"))} and r("rt") > 100
    assert all(r(o) > r("rt") + 100 for o in ORGS if o != "GM0168")
    # Without an explicit focus the best-connected organisation is in the centre.
    assert centres(fromstring(network_svg(nodes, edges)))["GM0168"] == (cx, cy)


def test_network_is_deterministic_and_has_no_overlaps() -> None:
    nodes, edges = data()
    assert network_svg(nodes, edges) == network_svg(nodes, edges)
    many = [{"id": f"o{i}", "label": f"Gemeente {i}", "kind": "organisation"} for i in range(40)]
    many += [{"id": f"c{i}", "label": f"Regeling {i}", "kind": "cooperation"} for i in range(12)]
    links = [
        {"source": f"o{i}", "target": f"c{(i * 7 + k) % 12}", "label": "", "weight": 1}
        for i in range(40)
        for k in range(2)
    ]
    root = fromstring(network_svg(many, links, "en"))
    rects = [g.find(f"{SVG}rect") for g in root.iter(f"{SVG}g") if g.get("data-node")]
    boxes = [(float(r.get("x")), float(r.get("y")), float(r.get("width")), float(r.get("height"))) for r in rects]
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert not (x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1)
    assert "Cooperation network" in root.find(f"{SVG}title").text


def test_bad_edges_are_refused() -> None:
    nodes, _ = data()
    with pytest.raises(ValueError, match="edge 0: target 'nope'"):
        network_svg(nodes, [{"source": "GM0168", "target": "nope", "label": "", "weight": 1}])
    with pytest.raises(ValueError, match="focus"):
        network_svg(nodes, [], focus="GM9999")


def test_empty_network() -> None:
    root = fromstring(network_svg([], [], "nl"))
    assert "Geen samenwerkingsverbanden" in "".join(root.itertext())
