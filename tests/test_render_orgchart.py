"""The org chart: layout from unit rows, and the SVG (valid, escaped, accessible, marks and legend)."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring
from hypothesis import given, settings
from hypothesis import strategies as st

from raadhuis.render.orgchart import MARKS, estimate_width, layout_orgchart, orgchart_svg, wrap

SVG = "{http://www.w3.org/2000/svg}"
NASTY = "<script>alert(\"x\")</script> & 'quotes'"


def unit(uid: str, name: str, parent: str | None, depth: int = 0, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": uid,
        "name": name,
        "kind": "afdeling",
        "parent": parent,
        "depth": depth,
        "abbreviation": None,
        "temporary": False,
        "expected_end": None,
        "task_fields": [],
        "posts": 1,
        "fte": 1.0,
        "filled_fte": 1.0,
    }
    row.update(extra)
    return row


def synthetic(clusters: int = 8, departments: int = 6, teams: int = 20) -> list[dict[str, Any]]:
    """A municipality of about 1,000 units: directie → clusters → afdelingen → teams."""
    rows = [unit("dir", "Directie", None, kind="directie")]
    for c in range(clusters):
        rows.append(unit(f"c{c}", f"Cluster {c}", "dir", 1, kind="cluster"))
        for d in range(departments):
            rows.append(unit(f"c{c}d{d}", f"Afdeling {c}.{d}", f"c{c}", 2))
            rows.extend(unit(f"c{c}d{d}t{t}", f"Team {c}.{d}.{t}", f"c{c}d{d}", 3, kind="team") for t in range(teams))
    return rows


LOSSER = [
    unit("gem", "Gemeente Losser", None, kind="gemeente", abbreviation="GL", fte=3.0, filled_fte=3.0),
    unit("ow", "Openbare Werken", "gem", 1, abbreviation="OW", fte=31.5, filled_fte=28.0, vacancy_fte=3.5),
    unit("bsp", "Beleid, Strategie en Projecten", "gem", 1, abbreviation="BSP", external_fte=2.0),
    unit("wiz", "Werk, Inkomen en Zorg", "gem", 1, abbreviation="WIZ", temporary=True, expected_end="2012"),
    unit("x", NASTY, "bsp", 2, abbreviation="<&>"),
    unit("bsp2", "Regie", "bsp", 2),
]


def parse(svg: str) -> Any:
    return fromstring(svg)


def test_layout_nodes_and_edges() -> None:
    layout = layout_orgchart(LOSSER)
    assert [n.id for n in layout.nodes] == [r["id"] for r in LOSSER]
    gem, ow, bsp, wiz = (layout.node(k) for k in ("gem", "ow", "bsp", "wiz"))
    assert gem and ow and bsp and wiz
    assert gem.has_children and not ow.has_children and not gem.collapsed
    assert ow.y > gem.y + gem.h and ow.x < bsp.x < wiz.x
    assert gem.cx == pytest.approx((ow.cx + wiz.cx) / 2)
    assert {(e.source, e.target) for e in layout.edges} == {
        ("gem", "ow"),
        ("gem", "bsp"),
        ("gem", "wiz"),
        ("bsp", "x"),
        ("bsp", "bsp2"),
    }
    for e in layout.edges:
        s, t = layout.node(e.source), layout.node(e.target)
        assert s and t
        assert e.points[0] == (s.cx, s.y + s.h)
        # Orthogonal segments only.
        assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(e.points, e.points[1:], strict=False))
    assert all(n.x >= 0 and n.x + n.w <= layout.width and n.y + n.h <= layout.height for n in layout.nodes)


def test_collapsed_and_max_depth_hide_children() -> None:
    layout = layout_orgchart(LOSSER, collapsed={"bsp"})
    assert {n.id for n in layout.nodes} == {"gem", "ow", "bsp", "wiz"}
    bsp = layout.node("bsp")
    assert bsp and bsp.collapsed and bsp.has_children
    assert layout.hidden == 2
    top = layout_orgchart(LOSSER, max_depth=0)
    assert [n.id for n in top.nodes] == ["gem"] and top.nodes[0].collapsed and top.edges == []
    svg = orgchart_svg(layout)
    toggles = {t.get("data-toggle"): t for t in parse(svg).iter(f"{SVG}g") if t.get("class") == "toggle"}
    assert set(toggles) == {"gem", "bsp"}
    assert toggles["bsp"].get("aria-expanded") == "false" and "+" in "".join(toggles["bsp"].itertext())
    assert toggles["gem"].get("aria-expanded") == "true"


def test_forest_and_orphans_are_roots() -> None:
    rows = [unit("a", "A", None), unit("b", "B", "gone"), unit("a1", "A1", "a", 1)]
    layout = layout_orgchart(rows)
    a, b = layout.node("a"), layout.node("b")
    assert a and b and a.y == b.y and a.x + a.w < b.x


def test_bad_rows_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="cycle"):
        layout_orgchart([unit("a", "A", "b"), unit("b", "B", "a")])
    with pytest.raises(ValueError, match="'id'"):
        layout_orgchart([{"name": "zonder id"}])
    with pytest.raises(ValueError, match="twice"):
        layout_orgchart([unit("a", "A", None), unit("a", "A", None)])


def test_svg_is_valid_accessible_and_escaped() -> None:
    svg = orgchart_svg(layout_orgchart(LOSSER), title="Losser & <Enschede>")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("aria-label", "").startswith("Losser & <Enschede>")
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox", ""))
    assert root.find(f"{SVG}title").text == "Losser & <Enschede>"
    assert root.find(f"{SVG}style") is not None
    units = {g.get("data-unit"): g for g in root.iter(f"{SVG}g") if "unit" in (g.get("class") or "").split()}
    assert set(units) == {r["id"] for r in LOSSER}
    nasty = units["x"]
    assert nasty.get("tabindex") == "0"
    assert nasty.find(f"{SVG}title").text.startswith(NASTY + " (<&>)")
    assert nasty.get("aria-label") == NASTY
    drawn = "".join(t.text or "" for t in nasty.iter(f"{SVG}text"))
    assert "alert" in drawn
    # Names are wrapped inside the box: no visible line runs much past the box width.
    lines = [t.text or "" for t in units["bsp"].iter(f"{SVG}text") if t.get("class") == "name"]
    assert len(lines) == 2
    assert "Beleid, Strategie en Projecten".startswith(" ".join(lines).removesuffix("…"))


def test_svg_shows_fte_badges_and_temporary() -> None:
    root = parse(orgchart_svg(layout_orgchart(LOSSER)))
    units = {g.get("data-unit"): g for g in root.iter(f"{SVG}g") if "unit" in (g.get("class") or "").split()}
    ow_text = [t.text for t in units["ow"].iter(f"{SVG}text")]
    assert "bezet 28,00 van 31,50 fte" in ow_text and "OW · afdeling" in ow_text
    assert [g.get("class") for g in units["ow"].iter(f"{SVG}g") if "badge" in (g.get("class") or "")] == [
        "badge vacancy"
    ]
    assert [g.get("class") for g in units["bsp"].iter(f"{SVG}g") if "badge" in (g.get("class") or "")] == [
        "badge external"
    ]
    assert "temporary" in units["wiz"].get("class")
    assert "tot 2012" in units["wiz"].find(f"{SVG}title").text
    english = parse(orgchart_svg(layout_orgchart(LOSSER), lang="en"))
    texts = [t.text for t in english.iter(f"{SVG}text")]
    assert "28.00 of 31.50 FTE filled" in texts and "temporary unit" in texts


def test_marks_colour_units_and_fill_the_legend() -> None:
    marks = {"ow": "added", "x": "removed", "bsp": "moved", "wiz": "renamed", "bsp2": "fte_changed", "nope": "split"}
    root = parse(orgchart_svg(layout_orgchart(LOSSER), marks=marks, highlight={"bsp2"}))
    legend = [g.get("data-mark") for g in root.iter(f"{SVG}g") if g.get("class") == "legend-item"]
    assert legend == [
        "added",
        "removed",
        "moved",
        "renamed",
        "fte_changed",
        "temporary",
        "vacancy",
        "external",
        "highlight",
    ]
    units = {g.get("data-unit"): g for g in root.iter(f"{SVG}g") if "unit" in (g.get("class") or "").split()}
    assert "mark-added" in units["ow"].get("class")
    assert any(r.get("fill") == MARKS["added"][0] for r in units["ow"].iter(f"{SVG}rect"))
    assert any(line.get("class") == "strike" for line in units["x"].iter(f"{SVG}line"))
    assert "highlight" in units["bsp2"].get("class")
    assert any(r.get("class") == "highlight-ring" for r in units["bsp2"].iter(f"{SVG}rect"))
    legend_text = [t.text for g in root.iter(f"{SVG}g") if g.get("class") == "legend" for t in g.iter(f"{SVG}text")]
    assert "nieuw" in legend_text and "formatie gewijzigd" in legend_text


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("state", list(MARKS))
def test_mark_colours_meet_wcag_aa_against_white(state: str) -> None:
    ratio = (1.0 + 0.05) / (_luminance(MARKS[state][0]) + 0.05)
    assert ratio >= 4.5, f"{state}: contrast {ratio:.2f}"


def test_thousand_units_stay_readable_in_compact_mode() -> None:
    rows = synthetic()
    assert 1000 <= len(rows) <= 1100
    start = time.perf_counter()
    compact = layout_orgchart(rows)
    took = time.perf_counter() - start
    wide = layout_orgchart(rows, compact=False)
    svg = orgchart_svg(compact, marks={rows[5]["id"]: "added"})
    print(
        f"\n{len(rows)} units: compact {compact.width:.0f} x {compact.height:.0f} ({took * 1000:.0f} ms), "
        f"side by side {wide.width:.0f} x {wide.height:.0f}, SVG {len(svg) // 1024} KiB"
    )
    assert len(compact.nodes) == len(rows)
    assert compact.width < 15_000 and compact.width * 10 < wide.width
    assert compact.height < 4_000
    assert len(parse(svg).findall(f".//{SVG}g[@data-unit]")) == len(rows)
    # Compact charts never overlap.
    boxes = sorted(compact.nodes, key=lambda n: (n.x, n.y))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b.x >= a.x + a.w:
                break
            assert not (a.y < b.y + b.h and b.y < a.y + a.h), (a.id, b.id)


def test_very_wide_chart_folds_one_more_level() -> None:
    rows = synthetic(clusters=30, departments=6, teams=3)
    layout = layout_orgchart(rows)
    print(f"\n{len(rows)} units, 180 departments: {layout.width:.0f} x {layout.height:.0f}")
    assert layout.width <= 12_000
    assert any(n.stacked and n.has_children for n in layout.nodes)


def test_empty_chart() -> None:
    layout = layout_orgchart([])
    root = parse(orgchart_svg(layout))
    assert layout.nodes == [] and root.get("role") == "img"
    assert "Geen eenheden" in "".join(root.itertext())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCW.-' "), max_size=80), st.integers(40, 300))
def test_wrap_fits_the_box_and_keeps_the_text(text: str, width: int) -> None:
    measure = estimate_width(12, bold=True)
    lines = wrap(text, width, measure, 2)
    assert len(lines) <= 2
    assert all(measure(line) <= width for line in lines)
    joined = "".join(line.removesuffix("…") for line in lines)
    if not any(line.endswith("…") for line in lines):
        # Nothing cut: the words come back, at most split by a hyphen.
        assert joined.replace("-", "").replace(" ", "") == "".join(text.split()).replace("-", "")


def test_long_dutch_compound_is_hyphenated() -> None:
    lines = wrap("Bedrijfsvoeringsexpertisecentrum", 160, estimate_width(12, bold=True), 2)
    assert (
        len(lines) == 2
        and lines[0].endswith("-")
        and "".join(lines).replace("-", "") == "Bedrijfsvoeringsexpertisecentrum"
    )


def test_a_measure_remembers_its_texts_and_gives_the_same_widths() -> None:
    from raadhuis.render import orgchart

    measure = estimate_width(11)
    assert estimate_width(11) is measure  # one per size and weight
    first = [measure(t) for t in ("Team Wijkzaken", "Afdeling Ruimte", "iii", "WWW")]
    assert [measure(t) for t in ("Team Wijkzaken", "Afdeling Ruimte", "iii", "WWW")] == first
    assert measure("iii") < measure("WWW")
    for i in range(orgchart.MEASURED + 1):  # bounded: forgetting gives the same widths again
        measure(f"tekst {i}")
    assert measure("Team Wijkzaken") == first[0]
