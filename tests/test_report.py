"""The report: the same figures as the CLI and the API, self-contained HTML, a PDF that renders."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from raadhuis.report import report_data, report_html, report_pdf
from raadhuis.services import analysis
from raadhuis.services.analysis import number
from raadhuis.store.database import Store
from tests.conftest import need
from tests.test_analysis_service import AT, _cli_app, _client, examples, store  # noqa: F401 - the fixtures are reused


def _pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages))


def test_pdf_has_the_same_figures_as_cli_and_api(store: Store, tmp_path: Path) -> None:  # noqa: F811
    pdf = report_pdf(report_data(store, "GM0999", AT))
    text = _pdf_text(pdf)
    api = _client(store).get("/api/v1/organisations/GM0999/analysis", params={"at": AT.isoformat()}).json()
    formatie = number(api["indicators"]["values"]["formatie"]["value"], "nl")
    mean = number(api["span"]["mean"], "nl")
    assert formatie == "4,4" and mean == "2,33"
    cli = CliRunner().invoke(
        _cli_app(), ["--db", str(store.engine.url.database), "analyse", "GM0999", "--at", AT.isoformat()]
    )
    assert cli.exit_code == 0
    for figure in (formatie, mean):
        assert figure in text and figure in cli.output
    assert "Stand van de organisatie op 30 juni 2021" in text
    for heading in ("Organogram", "Spanwijdte", "Kwetsbaarheid", "Samenwerkingen", "Bronnen", "Aannames"):
        assert heading in text
    assert "Jaarrekening 2021 Proefdorp" in text  # a cited source
    assert (
        "Aannames Deze feiten" in text and "Leunen op Buurdorp Informele hulp, geen afspraak" in text
    )  # the assumption, with its reason
    via_api = _client(store).get("/api/v1/organisations/GM0999/report.pdf", params={"at": AT.isoformat()})
    assert via_api.headers["content-type"] == "application/pdf"
    assert formatie in _pdf_text(via_api.content)


def test_pdf_in_english(store: Store) -> None:  # noqa: F811
    text = _pdf_text(report_pdf(report_data(store, "GM0999", AT, lang="en")))
    assert "State of the organisation on 30 June 2021" in text and "Span of control" in text and "4.4" in text


def test_pdf_pages_render(store: Store, tmp_path: Path) -> None:  # noqa: F811
    need(shutil.which("pdftoppm") is not None, "pdftoppm (apt package poppler-utils)")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(report_pdf(report_data(store, "GM0999", AT)))
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == len(PdfReader(str(pdf)).pages) >= 5
    assert all(p.stat().st_size > 2000 for p in pages)


def test_html_is_self_contained(store: Store) -> None:  # noqa: F811
    html = report_html(report_data(store, "GM0999", AT))
    assert "<script" not in html and "<link" not in html and 'src="http' not in html
    assert html.count("<svg") >= 3  # org chart, span distribution, vulnerability, trends
    assert 'data-indicator="formatie"' in html and ">4,4<" in html
    via_api = _client(store).get("/api/v1/organisations/GM0999/report.html", params={"at": AT.isoformat()})
    assert via_api.status_code == 200 and ">4,4<" in via_api.text


def test_names_are_escaped(tmp_path: Path) -> None:
    s = Store(f"sqlite:///{tmp_path / 'x.sqlite'}")
    path = tmp_path / "x.yaml"
    path.write_text(
        "format: raadhuis/1\norganisation: GM0997\norganisations:\n  - {id: GM0997, name: '<b>Dorp</b> & co', kind: gemeente}\n"
        "units:\n  - {id: U, name: '<script>x</script>', kind: afdeling, from: 2020, assumption: true}\n",
        "utf-8",
    )
    from raadhuis.services import register

    register.import_dataset(s, path)
    data = report_data(s, "GM0997", AT)
    html = report_html(data)
    assert "<script>x" not in html and "&lt;script&gt;" in html
    assert "<b>Dorp" not in html
    assert "&lt;b&gt;Dorp" in _pdf_text(report_pdf(data)).replace("<b>Dorp", "&lt;b&gt;Dorp")


def test_report_cli_writes_files(store: Store, tmp_path: Path) -> None:  # noqa: F811
    db = str(store.engine.url.database)
    for fmt in ("pdf", "html"):
        out = tmp_path / f"r.{fmt}"
        r = CliRunner().invoke(
            _cli_app(), ["--db", db, "report", "GM0999", "--at", AT.isoformat(), "--format", fmt, "-o", str(out)]
        )
        assert r.exit_code == 0, r.output
        assert out.stat().st_size > 1000


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_seed_examples_report(lang: str, tmp_path: Path) -> None:
    from raadhuis.services.examples import load_examples

    s = Store(f"sqlite:///{tmp_path / 'e.sqlite'}")
    load_examples(s)
    data = report_data(s, "GM0168", AT.replace(year=2017, month=12, day=31), lang=lang)
    assert data["sources"] and data["assumptions"]
    text = _pdf_text(report_pdf(data))
    assert "Losser" in text
    # The cooperation table in words (issue 13): status, legal form and partners, never their codes.
    words = {"nl": ("niet gerealiseerd", "Openbaar lichaam"), "en": ("not realised", "Public body")}[lang]
    html = report_html(data)
    coop_table = html[html.index('id="s-coop"') : html.index("</section>", html.index('id="s-coop"'))]
    for word in words:
        assert word in coop_table and word in text
    assert "Enschede, Almelo, Losser, Borne" in coop_table
    assert "GM0168" not in coop_table and "not_realised" not in coop_table and "openbaar_lichaam" not in coop_table
    assert "Enschede, Almelo, Losser, Borne" in text  # the PDF's table too
    assert analysis.DEFINITIONS["span_of_control"].startswith("docs/definities.md#")


def test_the_summary_says_when_a_mean_span_rests_on_posts_not_recorded(examples: Store) -> None:  # noqa: F811
    """Losser's register holds its department heads and one post under them: "0 direct reports"
    is what the register holds, not a finding, and the summary says so."""
    from datetime import date

    from raadhuis.report.view import summary_lines

    result = analysis.analyse(examples, "GM0168", date(2017, 12, 31))
    line = summary_lines(result)[0]
    assert "gemiddeld 0 directe medewerkers volgens het register" in line
    assert "(bij 3 van de 4 geen formatieplaatsen eronder vastgelegd; bij 1 de bezetting onbekend)" in line
    english = summary_lines(result, "en")[0]
    assert (
        "according to the register (for 3 of the 4 no posts recorded under them; for 1 the staffing unknown)" in english
    )
    # A mean over recorded posts and staffing needs no such words.
    for m in result["span"]["managers"]:
        m.update(headcount=2, report_posts=["a", "b"])
    assert "volgens het register" not in summary_lines(result)[0]
