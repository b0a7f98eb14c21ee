"""Audit studies through every door: the CLI and its JSON contract, the API (reads, a status
change, bad input, roles), the pages (study, monitor, form, unit and cooperation register), the
report and the W3C export. One service answers them all (services/studies.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF
from sqlalchemy import func, select
from typer.testing import CliRunner

from raadhuis.cli import app as cli_app
from raadhuis.formats.w3c_org import RDH, dataset_to_graph, graph_to_dataset
from raadhuis.report.data import report_data
from raadhuis.report.html import report_html
from raadhuis.report.pdf import report_pdf
from raadhuis.services import accounts, register, studies
from raadhuis.services.studies import StatusChange
from raadhuis.store.database import Store
from raadhuis.store.tables import Record
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings
from tests.webtools import BASE_URL, csrf_token, sign_in

ROOT = Path(__file__).resolve().parents[1]
LOSSER = ROOT / "examples" / "losser.yaml"
STUDY = "rekenkamer-losser-2017"
PASSWORD = "een-lang-wachtwoord-voor-de-test"
runner = CliRunner()


def cli(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli_app, ["--db", str(db), "--lang", "nl", *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def losser_db(tmp_path: Path) -> Path:
    db = tmp_path / "r.sqlite"
    code, out = cli(db, "import", str(LOSSER), "-m", "test")
    assert code == 0, out
    return db


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    register.import_dataset(store, LOSSER, who="test", reason="fixture")
    with TestClient(create_app(store), base_url=BASE_URL) as c:
        yield c


def _follow_ups(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Record).where(Record.kind == "follow_up")) or 0


# --- CLI ----------------------------------------------------------------------------------------


def test_study_json_contract(losser_db: Path) -> None:
    code, out = cli(losser_db, "study", "GM0168", STUDY, "--format", "json")
    assert code == 0, out
    d = json.loads(out)
    [q] = d["questions"]
    assert set(q) >= {"number", "text", "sub_questions"} and len(q["sub_questions"]) == 5
    assert all({"number", "text"} <= set(sq) and isinstance(sq["number"], str) for sq in q["sub_questions"])
    assert [r["number"] for r in d["recommendations"]] == ["1", "2", "3a", "3b"]
    for r in d["recommendations"]:
        assert isinstance(r["number"], str) and r["text"] and r["addressee"] == "onbekend"
        assert set(r["response"]) >= {"kind", "text"} and r["response"]["kind"] == "onbekend"
        assert set(r["status"]) >= {"value", "since"} and r["status"]["value"] == "onbekend"
    # Every item carries its sources, with quotes.
    for key in ("findings", "conclusions", "recommendations"):
        for item in d[key]:
            assert item["sources"] and all(c["quote"] for c in item["sources"]), (key, item.get("id"))
    for sq in q["sub_questions"]:
        assert sq["sources"][0]["quote"] == sq["text"]
    assert len(d["findings"]) == 34 and len(d["conclusions"]) == 3
    assert d["hearing"]["changed"] == 16


def test_cli_answers_a_researchers_questions_with_quotes(losser_db: Path) -> None:
    code, out = cli(losser_db, "study", "Losser", STUDY)
    assert code == 0, out
    flat = " ".join(out.split())
    # What it asked, found, concluded and recommended, each with its quote.
    assert "Is de ambtelijke organisatie voldoende toegerust om uitvoering te geven" in flat
    assert '"De afdeling Beleid, Strategie en Projecten is vooral bezig met beleidsontwikkeling' in flat
    assert "Slim samenwerken geeft impuls, maar biedt geen structurele oplossing" in flat
    assert "3b. Wees pragmatisch in regionale samenwerking" in flat
    # To whom, and what the college answered: not in the report — said so.
    assert "Gericht aan: onbekend: Het rapport zegt bij geen enkele aanbeveling" in flat
    assert "Reactie van het college: onbekend: Het rapport (definitieve versie) bevat geen bestuurlijke reactie" in flat
    # Which hearing comments changed the text.
    assert "16 van de 17 reacties veranderden de tekst" in flat
    assert "tekst niet aangepast: Geen. We kiezen voor de term 'slim leunen'" in flat
    code, out = cli(losser_db, "recommendations", "GM0168", "--format", "json")
    rows = json.loads(out)["recommendations"]
    assert [(r["number"], r["status"]["value"]) for r in rows] == [(n, "onbekend") for n in ("1", "2", "3a", "3b")]


def test_cli_records_a_status_and_refuses_bad_input(losser_db: Path) -> None:
    args = ["follow-up", "GM0168", STUDY, "3a", "--new-source", "Raadsinformatiebrief 2019", "-m", "rib"]
    code, out = cli(losser_db, *args, "--status", "klaar", "--date", "2019-03")
    assert code == 1 and "status: verwacht een van: open, in_uitvoering" in out and "niets opgeslagen" in out
    code, out = cli(losser_db, *args, "--status", "open", "--date", "2016-01")
    assert code == 1 and "follow_up[0].date: de stand is gedateerd 2016-01, vóór het onderzoek" in out
    code, out = cli(losser_db, *args, "--status", "in_uitvoering", "--date", "2019-03", "--dry-run")
    assert code == 0 and "onbekend → Na opslaan: in uitvoering" in out and "Proefrun" in out
    code, out = cli(losser_db, "recommendations", "GM0168", "--status", "in_uitvoering", "--format", "json")
    assert json.loads(out)["recommendations"] == []
    code, out = cli(losser_db, *args, "--status", "in_uitvoering", "--date", "2019-03")
    assert code == 0 and "vastgelegd in wijziging" in out, out
    code, out = cli(losser_db, "recommendations", "GM0168", "--status", "in_uitvoering", "--format", "json")
    [row] = json.loads(out)["recommendations"]
    assert (
        row["number"] == "3a" and row["status"]["since"] == "2019-03" and row["status"]["recorded_by"].endswith("(cli)")
    )
    code, out = cli(losser_db, "monitor", "--format", "json")
    m = json.loads(out)
    assert m["totals"]["counts"]["in_uitvoering"] == 1 and m["totals"]["counts"]["onbekend"] == 3


# --- API ----------------------------------------------------------------------------------------


def test_api_reads_and_records(client: TestClient, store: Store) -> None:
    listed = client.get("/api/v1/studies").json()["studies"]
    assert [s["id"] for s in listed] == [STUDY]
    d = client.get(f"/api/v1/organisations/GM0168/studies/{STUDY}", params={"at": "2020-01-01"}).json()
    assert [r["number"] for r in d["recommendations"]] == ["1", "2", "3a", "3b"]
    url = f"/api/v1/organisations/GM0168/studies/{STUDY}/recommendations/1/status"
    body = {"status": "uitgevoerd", "date": "2020-06", "new_source": "Jaarverslag 2020", "reason": "jaarverslag"}
    r = client.post(url, json=dict(body, status="klaar"))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "status"
    assert "verwacht een van" in r.json()["errors"][0]["message"]
    r = client.post(url, json=dict(body, reason=""))
    assert r.status_code == 422 and [e["field"] for e in r.json()["errors"]] == ["reason"]
    r = client.post(url.replace("/1/", "/7/"), json=body)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "follow_up[0].recommendation"
    assert _follow_ups(store) == 0
    preview = client.post(url, json=body, params={"dry_run": "true"}).json()
    assert preview["after"]["value"] == "uitgevoerd" and preview["result"]["changeset"] is None
    assert _follow_ups(store) == 0
    saved = client.post(url, json=body, params={"version": -1}).json()
    assert saved["result"]["changeset"] is not None and _follow_ups(store) == 1
    # The same status again, made on "new": someone recorded it in between → 409, nothing written.
    again = client.post(url, json=dict(body, text="anders"), params={"version": -1})
    assert again.status_code == 409
    m = client.get("/api/v1/follow-up/monitor", params={"at": "2021-01-01"}).json()
    assert m["by_organisation"][0]["counts"]["uitgevoerd"] == 1
    r = client.get("/api/v1/recommendations", params={"status": "uitgevoerd"}).json()["recommendations"]
    assert [x["number"] for x in r] == ["1"] and r[0]["status"]["sources"][0]["title"] == "Jaarverslag 2020"


def test_recording_a_status_needs_the_onderzoeker_role(sqlite_store: Store) -> None:
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    accounts.add_user(sqlite_store, "lezer", "test", password=PASSWORD, grants=[("GM0168", "lezer")])
    accounts.add_user(sqlite_store, "onderzoeker", "test", password=PASSWORD, grants=[("GM0168", "onderzoeker")])
    app = create_app(sqlite_store, settings=WebSettings(mode=Mode.ACCOUNTS))
    page = f"/o/GM0168/studies/{STUDY}/r/3a/status"
    form = {"status": "open", "date": "2018-02", "new_source": "Raadsbesluit 2018", "reason": "besluit", "step": "save"}
    with TestClient(app, base_url=BASE_URL) as c:
        sign_in(c, "lezer", PASSWORD)
        assert c.get(f"/o/GM0168/studies/{STUDY}").status_code == 200
        assert "Stand vastleggen" not in c.get(f"/o/GM0168/studies/{STUDY}").text
        assert c.post(page, data=dict(form, csrf=csrf_token(c))).status_code == 403
    assert _follow_ups(sqlite_store) == 0
    with TestClient(app, base_url=BASE_URL) as c:
        sign_in(c, "onderzoeker", PASSWORD)
        r = c.post(page, data=dict(form, csrf=csrf_token(c)), follow_redirects=False)
        assert r.status_code == 303
    [(entry, meta)] = [
        x
        for x in studies._read(sqlite_store).recorded.items()  # noqa: SLF001 - who recorded it
    ]
    assert meta["recorded_by"] == "onderzoeker" and entry == ("GM0168", f"{STUDY}.3a.2018-02")


# --- pages --------------------------------------------------------------------------------------


def test_study_page_reads_as_a_report(client: TestClient) -> None:
    html = client.get(f"/o/GM0168/studies/{STUDY}").text
    order = [
        html.index(f'id="{x}"')
        for x in ("questions", "method", "findings", "conclusions", "recommendations", "hearing")
    ]
    assert order == sorted(order)
    assert 'href="/o/GM0168/u/BSP?at=2017-12-14"' in html  # a finding links to its unit as the study saw it
    assert "Het rapport (definitieve versie) bevat geen bestuurlijke reactie" in html
    assert "16 van de 17 reacties veranderden de tekst" in html
    assert "<q>Rekenkamer moet zijn: rekenkamercommissie</q>" in html
    assert "J.P. Gebben" in html and "Agenda van Twente" in html  # every interview and document as a source


def test_monitor_page_filters(client: TestClient) -> None:
    html = client.get("/monitor", params={"at": "2025-01-01"}).text
    assert "Termijn verstreken, stand onbekend" in html and "Losser" in html
    rows = re.findall(r'#rec-(\w+)">', client.get("/monitor", params={"status": "uitgevoerd"}).text)
    assert rows == []
    rows = re.findall(r'#rec-(\w+)">', client.get("/monitor", params={"status": "onbekend"}).text)
    assert rows == ["1", "2", "3a", "3b"]
    assert client.get("/monitor", params={"at": "morgen"}).status_code == 400


def test_status_form_previews_then_saves_and_shows_errors(client: TestClient, store: Store) -> None:
    page = f"/o/GM0168/studies/{STUDY}/r/2/status"
    assert "Stand vastleggen" in client.get(page).text
    bad = {
        "csrf": csrf_token(client),
        "status": "in_uitvoering",
        "date": "2016-05",
        "source": STUDY,
        "reason": "x",
        "step": "preview",
    }
    r = client.post(page, data=bad)
    assert r.status_code == 422 and "vóór het onderzoek" in r.text
    assert _follow_ups(store) == 0
    good = dict(bad, date="2019-Q2", quote="Investeer in extra capaciteit op strategie.")
    r = client.post(page, data=good)
    assert r.status_code == 200 and "Voorbeeld" in r.text and 'name="version" value="-1"' in r.text
    words = " ".join(re.sub(r"<[^>]+>", " ", r.text).split())
    assert "Stand: in uitvoering, per 2e kwartaal 2019" in words, words
    assert "Citaat: “Investeer in extra capaciteit op strategie.”" in words and "Bron: " in words
    for key in ("status:", "date:", "sources:", "source:", "quote:", "recommendation:", "study:", "in_uitvoering"):
        assert key not in words, key
    assert _follow_ups(store) == 0
    r = client.post(page, data=dict(good, step="save", version="-1"), follow_redirects=False)
    assert r.status_code == 303 and _follow_ups(store) == 1
    html = client.get(r.headers["location"]).text
    assert "in uitvoering" in html and "Opgeslagen in wijziging" in html


def test_unit_page_and_cooperation_register_show_the_findings(client: TestClient) -> None:
    unit = client.get("/o/GM0168/u/BSP", params={"at": "2017-12-14"}).text
    assert "Bevindingen uit onderzoeken" in unit and "door te weinig capaciteit" in unit
    assert "De afdeling Beleid, Strategie en Projecten is vooral bezig met beleidsontwikkeling" in unit
    coops = client.get("/o/GM0168/cooperations").text
    row = coops.split('id="coop-enschede-losser-bedrijfsvoering"', 1)[1].split("</tr>", 1)[0]
    assert f"/studies/{STUDY}#f-landelijk-minder-in-beeld" in row


# --- report and W3C -----------------------------------------------------------------------------


def test_report_has_a_section_on_open_recommendations(sqlite_store: Store) -> None:
    from datetime import date

    from pypdf import PdfReader

    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    data = report_data(sqlite_store, "GM0168", date(2025, 1, 1))
    assert [r["number"] for r in data["recommendations"]] == ["1", "2", "3a", "3b"]
    html = report_html(data)
    assert "Openstaande aanbevelingen" in html and "standaardtermijn van 24 maanden" in html
    import io

    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(report_pdf(data))).pages]
    text = " ".join(pages)
    assert "Openstaande aanbevelingen" in text and "3b. Wees pragmatisch in regionale samenwerking" in text
    # The heading is on the page where the table begins, not alone at the foot of the page before.
    [page] = [p for p in pages if "Openstaande aanbevelingen" in p]
    assert "1. Ga slim om met de capaciteit van de organisatie" in page


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_w3c_export_carries_studies_and_recommendations_and_reads_back(store: Store, fmt: str) -> None:
    register.import_dataset(store, LOSSER, who="test", reason="fixture")
    studies.record_status(
        store,
        StatusChange("GM0168", STUDY, "3a", "in_uitvoering", "2019-03", source=STUDY, quote="bijv."),
        "t",
        "r",
        "test",
    )
    ds = register.export_dataset(store, "GM0168")
    g = dataset_to_graph(ds, "GM0168")
    recs = set(g.subjects(RDF.type, RDH.Recommendation))
    assert len(recs) == 4
    study_node = next(g.subjects(RDF.type, RDH.Study))
    body = URIRef(g.value(study_node, PROV.wasAttributedTo))
    assert str(body).endswith("/organisation/rekenkamercommissie-losser") and (body, RDF.type, PROV.Agent) in g
    assert str(g.value(study_node, RDH.about)).endswith("/organisation/GM0168")
    assert all((r, PROV.wasDerivedFrom, study_node) in g for r in recs)
    status = next(g.subjects(RDF.type, RDH.FollowUp))
    assert str(g.value(status, RDH.statusOf)).endswith("/recommendation/3a")
    text = g.serialize(format=fmt)
    back = graph_to_dataset(Graph().parse(data=text, format=fmt))
    assert back.sections["studies"] == ds.sections["studies"]
    assert back.sections["follow_up"] == ds.sections["follow_up"]
