"""Programmes and challenges through every door: the CLI and its JSON contract (docs/programmas.md),
the API (reads, a reading/milestone/spend with preview and save, bad input, roles), the Excel export
of budgets, and the W3C round trip. One service answers them all (services/programmes.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.namespace import RDF
from typer.testing import CliRunner

from raadhuis.cli import app as cli_app
from raadhuis.formats.w3c_org import RDH, dataset_to_graph, graph_to_dataset
from raadhuis.services import accounts, programmes, register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import Mode, WebSettings
from tests.webtools import BASE_URL, sign_in

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "examples" / n for n in ("losser.yaml", "den-haag.yaml", "jaarverslag-2024.yaml")]
ORG, PID = "voorbeeldgemeente-2024", "dienstverlening-2024"
PASSWORD = "een-lang-wachtwoord-voor-de-test"
runner = CliRunner()


def cli(db: Path, *args: str, lang: str = "nl") -> tuple[int, str]:
    result = runner.invoke(cli_app, ["--db", str(db), "--lang", lang, *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite"
    for f in EXAMPLES:
        code, out = cli(path, "import", str(f), "-m", "test")
        assert code == 0, out
    return path


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    for f in EXAMPLES:
        register.import_dataset(store, f, who="test", reason="fixture")
    with TestClient(create_app(store), base_url=BASE_URL) as c:
        yield c


def quotes(items: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [c.get("quote", "") for c in items]


# --- CLI ----------------------------------------------------------------------------------------


def test_programme_json_keeps_the_contract_of_the_issue(db: Path) -> None:
    code, out = cli(db, "programme", ORG, PID, "--format", "json")
    assert code == 0, out
    d = json.loads(out)
    assert {"budget", "milestones", "progress", "owner", "posts", "sources"} <= set(d)
    b = d["budget"]
    assert {"total", "currency", "allocations", "spent"} <= set(b)
    assert (b["total"], b["currency"], b["spent"]) == (150000, "EUR", None)  # no spend known: null, not 0
    [a] = b["allocations"]
    assert set(a) >= {"purpose", "amount"} and a["amount"] == 100000 and "extra menskracht" in a["purpose"]
    assert all({"title", "date", "status"} <= set(m) for m in d["milestones"])
    assert [m["status"] for m in d["milestones"]] == ["reached", "reached", "planned"]
    [r] = d["progress"]
    assert (r["date"], r["value"], r["reading"]) == ("2024", "G", "green") and r["reading_assumption"]
    assert d["owner"]["name"] and quotes(d["owner"]["sources"])
    lead = next(p for p in d["posts"] if p["leads"])
    assert (lead["role"], lead["from"], lead["until"]) == ("projectleider", "2024-08", "2025-08")
    assert all(c["quote"] and c["source"] == "jaarverslag-2024" and c["about"] for c in d["sources"])


def test_cli_answers_the_users_questions_with_quotes(db: Path) -> None:
    code, out = cli(db, "programme", ORG, PID)
    assert code == 0, out
    flat = " ".join(out.split())
    # What it costs and what the money is for, with the quote.
    assert "Budget: € 150.000, besteding onbekend" in flat
    assert "€ 100.000 — extra menskracht" in flat and "Het budget van € 150.000 voor dienstverlening" in flat
    # How it is doing and since when: the letter as written, its reading marked as assumed.
    assert "Voortgang: G (groen, betekenis aangenomen) sinds 2024" in flat and '"Voortgangsindicator G"' in flat
    # Who leads it and until when.
    assert "projectleider (Projectleider dienstverlening) [leidt]" in flat
    assert "Vanaf augustus 2024 tot augustus 2025 (besloten)" in flat and "voor de duur van een jaar" in flat
    code, out = cli(db, "programme", ORG, PID, lang="en")
    assert "Budget: € 150,000, spending unknown" in " ".join(out.split())


def test_cli_lists_programmes_and_challenges_on_task_fields(db: Path, tmp_path: Path) -> None:
    code, out = cli(db, "programmes", "--format", "json")
    assert code == 0 and {p["id"] for p in json.loads(out)["programmes"]} >= {PID, "dna-dienstverlening"}
    code, out = cli(db, "programmes", ORG, "--at", "2023-06-01", "--format", "json")
    assert json.loads(out)["programmes"] == []
    for org, field in (("GM0518", "Taakveld 8.1 Ruimte en leefomgeving"), ("GM0168", "Taakveld 0.4 Overhead")):
        code, out = cli(db, "challenges", org)
        flat = " ".join(out.split())
        assert code == 0 and "Omgevingswet" in flat and field in flat
        assert "vraag onbekend (geen bron noemt fte of geld); telt niet mee" in flat
    code, out = cli(db, "challenges", "GM0518", "--format", "json")
    rows = {c["id"]: c for c in json.loads(out)["challenges"]}
    assert [t["code"] for t in rows["omgevingswet"]["task_fields"]] == ["8.1", "8.3"]
    assert rows["omgevingswet"]["sources"][0]["quote"]
    code, out = cli(db, "programme", ORG, "bestaat-niet")
    assert code == 1 and "dienstverlening-2024" in out and "Traceback" not in out


def test_cli_writes_the_budgets_as_excel_without_formulas(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.xlsx"
    code, out = cli(db, "programmes", ORG, "--xlsx", str(target))
    assert code == 0, out
    wb = openpyxl.load_workbook(target)
    rows = list(wb["Budgetten"].iter_rows(values_only=True))
    assert rows[1][2:7] == (2024, 150000, 100000, 50000, "onbekend")  # spent unknown, not 0
    assert list(wb["Verdeling"].iter_rows(values_only=True))[1][3] == 100000


# --- API ----------------------------------------------------------------------------------------


def test_api_reads_the_same_answers(client: TestClient) -> None:
    d = client.get(f"/api/v1/organisations/{ORG}/programmes/{PID}").json()
    assert d["budget"]["total"] == 150000 and d["latest"]["value"] == "G" and d["version"] == 1
    listed = client.get("/api/v1/programmes").json()["programmes"]
    assert {p["organisation"] for p in listed} == {"GM0168", "GM0518", ORG}
    assert client.get(f"/api/v1/organisations/{ORG}/programmes", params={"at": "2023-01-01"}).json()["programmes"] == []
    ch = client.get("/api/v1/organisations/GM0518/challenges").json()["challenges"]
    assert {c["id"] for c in ch} == {"drie-decentralisaties", "omgevingswet"}
    assert client.get(f"/api/v1/organisations/{ORG}/programmes/nope").status_code == 404


def test_api_records_a_reading_a_milestone_and_a_spend(client: TestClient) -> None:
    base = f"/api/v1/organisations/{ORG}/programmes/{PID}"
    reading = {"date": "2025-03", "value": "O", "assumption": "eigen waarneming"}
    preview = client.post(f"{base}/progress", json=reading, params={"reason": "maart", "dry_run": "true"})
    assert preview.status_code == 200 and preview.json()["changeset"] is None  # a preview records nothing
    assert client.get(base).json()["version"] == 1  # the preview wrote nothing
    saved = client.post(f"{base}/progress", json=reading, params={"reason": "maart", "version": 1})
    assert saved.status_code == 201 and saved.json()["changeset"] is not None
    stale = client.post(f"{base}/progress", json=dict(reading, value="R"), params={"reason": "x", "version": 1})
    assert stale.status_code == 409
    bad = client.post(f"{base}/progress", json=dict(reading, value="Z"), params={"reason": "x", "version": 2})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"].endswith("value")
    r = client.post(
        f"{base}/milestones",
        json={"milestone": "opdracht-afgerond", "status": "reached", "status_date": "2025-08", "assumption": "test"},
        params={"reason": "gehaald", "version": 2},
    )
    assert r.status_code == 201, r.text
    r = client.post(
        f"{base}/spending",
        json={"year": 2024, "amount": -5, "source": "jaarverslag-2024"},
        params={"reason": "fout", "version": 3},
    )
    assert r.status_code == 422 and "amount" in r.json()["errors"][0]["field"]
    r = client.post(
        f"{base}/spending",
        json={"year": 2024, "amount": "12.500", "date": "2024-11", "assumption": "factuur"},
        params={"reason": "factuur", "version": 3},
    )
    assert r.status_code == 201, r.text
    d = client.get(base).json()
    assert d["latest"]["value"] == "O" and d["latest"]["since"] == "2025-03"
    assert next(m for m in d["milestones"] if m["id"] == "opdracht-afgerond")["status"] == "reached"
    assert (d["budget"]["spent"], d["budget"]["spent_share"]) == (12500, 0.0833)
    assert [h["reason"] for h in d["history"]] == ["fixture", "maart", "gehaald", "factuur"]
    xlsx = client.get(f"/api/v1/organisations/{ORG}/programmes.xlsx")
    wb = openpyxl.load_workbook(BytesIO(xlsx.content))
    spend = list(wb["Uitgaven"].iter_rows(values_only=True))[1]
    assert spend[1:4] == (2024, "2024-11", 12500) and spend[6] == "factuur"


def test_api_writes_need_the_write_role(sqlite_store: Store) -> None:
    for f in EXAMPLES:
        register.import_dataset(sqlite_store, f, who="test", reason="fixture")
    accounts.add_user(sqlite_store, "lezer", "test", password=PASSWORD, grants=[(ORG, "lezer")])
    app = create_app(sqlite_store, settings=WebSettings(mode=Mode.ACCOUNTS))
    with TestClient(app, base_url=BASE_URL) as c:
        sign_in(c, "lezer", PASSWORD)
        assert c.get(f"/api/v1/organisations/{ORG}/programmes/{PID}").status_code == 200
        r = c.post(
            f"/api/v1/organisations/{ORG}/programmes/{PID}/progress",
            json={"date": "2025-03", "value": "G", "assumption": "x"},
            params={"reason": "r"},
        )
        assert r.status_code == 403
        assert [p["organisation"] for p in c.get("/api/v1/programmes").json()["programmes"]] == [ORG]
    assert programmes.programme(sqlite_store, ORG, PID)["version"] == 1


# --- W3C ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_w3c_export_carries_programmes_and_reads_back(sqlite_store: Store, fmt: str) -> None:
    for f in EXAMPLES:
        register.import_dataset(sqlite_store, f, who="test", reason="fixture")
    programmes.record_reading(sqlite_store, ORG, PID, {"date": "2025-03", "value": "O", "assumption": "x"}, "a", "r", 1)
    for org, section in ((ORG, "programmes"), ("GM0518", "challenges")):
        ds = register.export_dataset(sqlite_store, org)
        g = dataset_to_graph(ds, org)
        kind = RDH.Programme if section == "programmes" else RDH.Challenge
        assert set(g.subjects(RDF.type, kind))
        back = graph_to_dataset(Graph().parse(data=g.serialize(format=fmt), format=fmt))
        assert back.sections[section] == ds.sections[section]
