"""Issue 13: a source is shown by its document title, never by the working mark "seed 000"
the example datasets use to say which checked copy of a document a fact comes from."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from raadhuis.report import report_data, report_html, report_pdf
from raadhuis.services.examples import load_examples
from raadhuis.services.sources import reference_text
from raadhuis.store.database import Store
from raadhuis.web.app import create_app

REPORT_TITLE = "Rekenkameronderzoek gemeente Losser: Toekomstbestendigheid"
NEWS_TITLE = "Aanpassing structuur ambtelijke organisatie Losser"


@pytest.fixture
def examples(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'e.sqlite'}")
    load_examples(s)
    return s


def test_reference_text_replaces_and_drops_the_marks() -> None:
    records = {
        "a": {"id": "a", "title": "Het rapport", "reference": "seed 001"},
        "b": {"id": "b", "title": "Nieuws", "reference": "seed 000 (nieuwsbericht '15.9.11')"},
        "c": {"id": "c", "title": "Overeenkomst", "reference": "genoemd in seed 001 (lijst); niet geraadpleegd"},
        "d": {"id": "d", "title": "Raadsbesluit", "reference": "RIS 268795"},
    }
    assert reference_text(records["a"], records) is None
    assert reference_text(records["b"], records) == "nieuwsbericht '15.9.11'"
    assert reference_text(records["c"], records) == "genoemd in 'Het rapport' (lijst); niet geraadpleegd"
    assert reference_text(records["d"], records) == "RIS 268795"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_losser_report_shows_document_titles_not_seed_marks(examples: Store, lang: str) -> None:
    data = report_data(examples, "GM0168", date(2017, 12, 31), lang=lang)
    html = report_html(data)
    assert REPORT_TITLE in html and NEWS_TITLE in html
    assert "seed 0" not in html
    pdf = PdfReader(BytesIO(report_pdf(data)))
    text = " ".join((p.extract_text() or "") for p in pdf.pages)
    assert "Losser" in text and "seed 0" not in " ".join(text.split())


def test_losser_sources_page_shows_document_titles_not_seed_marks(examples: Store) -> None:
    with TestClient(create_app(examples), base_url="http://127.0.0.1") as c:
        for path in ("/o/GM0168/sources", "/o/rekenkamercommissie-losser/sources", "/o/GM0168/audit"):
            r = c.get(path)
            assert r.status_code == 200
            assert "seed 0" not in r.text
        assert REPORT_TITLE in c.get("/o/GM0168/sources").text
        # The API keeps the recorded reference as it was entered (a contract), beside the shown text.
        data = c.get("/api/v1/organisations/GM0168/sources").json()
        assert any(s.get("reference") == "seed 001" and s["reference_text"] is None for s in data["sources"])
