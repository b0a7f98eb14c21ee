"""The org chart as PDF: one page when it fits, tiles with labels when it does not; text stays extractable."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from raadhuis.render.orgchart import layout_orgchart
from raadhuis.render.pdf import orgchart_pdf, plan_pages

NASTY = "<script>alert(\"x\")</script> & 'quotes'"


def unit(uid: str, name: str, parent: str | None, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": uid,
        "name": name,
        "kind": "afdeling",
        "parent": parent,
        "depth": 0,
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
    rows = [unit("dir", "Directie", None, kind="directie")]
    for c in range(clusters):
        rows.append(unit(f"c{c}", f"Cluster {c}", "dir", kind="cluster"))
        for d in range(departments):
            rows.append(unit(f"c{c}d{d}", f"Afdeling {c}.{d}", f"c{c}"))
            rows.extend(unit(f"c{c}d{d}t{t}", f"Team {c}.{d}.{t}", f"c{c}d{d}", kind="team") for t in range(teams))
    return rows


SMALL = [
    unit("gem", "Gemeente Losser", None, fte=3.0, filled_fte=2.5),
    unit("ow", "Openbare Werken", "gem", abbreviation="OW", vacancy_fte=1.5),
    unit("x", NASTY, "gem", temporary=True),
]


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def test_small_chart_is_one_page_with_title_date_and_names() -> None:
    pdf = orgchart_pdf(layout_orgchart(SMALL), "Losser 2017", marks={"ow": "added"}, on=date(2017, 12, 14))
    reader = read(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in (
        "Losser 2017",
        "14 december 2017",
        "Pagina 1 van 1",
        "Gemeente Losser",
        "Openbare Werken",
        "bezet 2,50 van 3,00 fte",
        "V 1,50",
        "nieuw",
        "tijdelijke eenheid",
        "alert",
    ):
        assert expected in text, expected
    assert "<script>" in text.replace("\n", "")
    assert reader.metadata is not None and reader.metadata.title == "Losser 2017"
    # A4 landscape.
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height) and round(float(box.width)) == 842


def test_english_and_portrait() -> None:
    pdf = orgchart_pdf(
        layout_orgchart(SMALL), "Losser", page_size="A3", landscape=False, lang="en", on=date(2020, 1, 2)
    )
    page = read(pdf).pages[0]
    assert float(page.mediabox.height) > float(page.mediabox.width)
    text = page.extract_text()
    assert "Page 1 of 1" in text and "2 January 2020" in text and "2.50 of 3.00 FTE filled" in text


def test_thousand_units_are_tiled_over_labelled_pages() -> None:
    rows = synthetic()
    layout = layout_orgchart(rows)
    pdf = orgchart_pdf(layout, "Synthetische gemeente", on=date(2024, 1, 1))
    reader = read(pdf)
    pages = len(reader.pages)
    print(
        f"\n{len(rows)} units, chart {layout.width:.0f} x {layout.height:.0f}: {pages} A4 pages, {len(pdf) // 1024} KiB"
    )
    assert pages > 1
    texts = [p.extract_text() for p in reader.pages]
    # First the overview: the whole chart with the part on each page marked.
    assert "Overzicht: welk deel op welke pagina" in texts[0] and "blz. 2" in texts[0]
    assert f"Pagina 2 van {pages} · rij 1, kolom 1" in texts[1]
    # Each page says where the chart goes on ...
    assert "rechts verder op blz. 3" in texts[1].replace("\n", " ")
    assert all("Synthetische gemeente" in t for t in texts)
    # ... and the index at the end gives each unit's page.
    assert "Register: eenheden en hun pagina" in texts[-1]
    index = "\n".join(t for t in texts if "Register: eenheden" in t)
    assert "Team 7.5.19" in index and "Directie" in index
    everything = "\n".join(texts[1:])
    # Every unit name is printed somewhere in full.
    missing = [r["name"] for r in rows if r["name"] not in everything]
    assert missing == []
    # Bigger paper, fewer pages.
    assert len(read(orgchart_pdf(layout, "x", page_size="A1")).pages) < pages


def test_tiles_overlap_so_every_unit_is_whole_on_some_page() -> None:
    layout = layout_orgchart(synthetic())
    scale, tiles = plan_pages(layout, "A4", landscape=True, min_font=6.0)
    assert scale == pytest.approx(0.6)
    assert len({(t.row, t.column) for t in tiles}) == len(tiles) > 1
    for n in layout.nodes:
        assert any(t.x <= n.x and n.x + n.w <= t.x + t.w and t.y <= n.y and n.y + n.h <= t.y + t.h for t in tiles), n.id
    # Tiles cover the chart: every part of it is printed.
    assert min(t.x for t in tiles) == 0 and max(t.x + t.w for t in tiles) >= layout.width
    assert max(t.y + t.h for t in tiles) >= layout.height
    # A small chart fits one page, scaled down at most to fit, never up.
    scale, tiles = plan_pages(layout_orgchart(SMALL))
    assert scale == 1.0 and len(tiles) == 1


def test_poster_is_the_smallest_sheet_that_holds_the_chart_readably() -> None:
    from raadhuis.render.pdf import poster_size

    layout = layout_orgchart(synthetic(clusters=2, departments=4, teams=8))
    size = poster_size(layout)
    assert size in ("A3", "A2", "A1", "A0")
    assert len(read(orgchart_pdf(layout, "Poster", page_size="poster")).pages) == 1
    assert poster_size(layout_orgchart(SMALL)) == "A3"


def test_bad_page_size_is_refused() -> None:
    with pytest.raises(ValueError, match="A4"):
        orgchart_pdf(layout_orgchart(SMALL), "x", page_size="B7")


def test_empty_chart_still_gives_a_page() -> None:
    assert len(read(orgchart_pdf(layout_orgchart([]), "Leeg")).pages) == 1
