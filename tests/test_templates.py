"""raadhuis template: the starting dataset and the formatieplan come with the product and are
accepted as they are; what a user then changes in them is read back."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from raadhuis.cli import app

runner = CliRunner()


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_dataset_template_validates_and_imports_as_it_is(here: Path) -> None:
    db = here / "r.sqlite"
    code, out = run(db, "template", "dataset", "-o", "mijn-organisatie.yaml")
    assert code == 0 and "Sjabloon geschreven: mijn-organisatie.yaml" in out
    assert "raadhuis validate mijn-organisatie.yaml" in out
    text = (here / "mijn-organisatie.yaml").read_text("utf-8")
    assert text.startswith("# Raadhuis — sjabloon voor een dataset") and "raadhuis import mijn-organisatie.yaml" in text
    code, out = run(db, "validate", "mijn-organisatie.yaml")
    assert code == 0 and "is geldig: 1 organisatie(s), 9 gebeurtenissen" in out
    code, out = run(db, "import", "mijn-organisatie.yaml", "-m", "eerste vastlegging")
    assert code == 0, out
    year = yaml.safe_load(text)["units"][0]["from"]
    code, out = run(db, "show", "mijn-gemeente", "--at", str(year), "--format", "json")
    shown = json.loads(out)
    assert shown["organisation"]["name"] == "Mijn gemeente"
    assert sorted(u["id"] for u in shown["units"]) == ["BV", "DIR", "SD", "SD-WMO"]
    assert shown["totals"]["posts"] == 5 and shown["totals"]["fte"] == 8
    code, out = run(db, "sources", "mijn-gemeente", "--unsupported")
    assert code == 0 and "Zonder bron en zonder aanname: 0" in out  # every fact in it has its source


def test_dataset_template_for_a_named_organisation_in_english(here: Path) -> None:
    db = here / "r.sqlite"
    code, out = run(
        db,
        "--lang",
        "en",
        "template",
        "dataset",
        "--org",
        "GM9999",
        "--name",
        "Voorbeeldstad: de stad",
        "--at",
        "1-1-2020",
        "-o",
        "my.yaml",
    )
    assert code == 0, out
    text = (here / "my.yaml").read_text("utf-8")
    assert text.startswith("# Raadhuis — template of a dataset") and "sjabloon" not in text
    data = yaml.safe_load(text)
    assert data["organisation"] == "GM9999" and data["organisations"][0]["name"] == "Voorbeeldstad: de stad"
    assert {u["from"] for u in data["units"]} == {__import__("datetime").date(2020, 1, 1)}
    code, out = run(db, "validate", "my.yaml")
    assert code == 0, out
    # Written to the screen without -o; an existing file is not overwritten.
    code, out = run(db, "template", "dataset")
    assert code == 0 and "format: raadhuis/1" in out
    code, out = run(db, "template", "dataset", "-o", "my.yaml")
    assert code == 1 and "my.yaml bestaat al; er is niets overschreven" in out


def test_formatieplan_template_round_trip(here: Path) -> None:
    db = here / "r.sqlite"
    assert run(db, "template", "dataset", "--at", "2025-01-01", "-o", "d.yaml")[0] == 0
    assert run(db, "import", "d.yaml", "-m", "start")[0] == 0
    # Without an organisation: the starting dataset's formatie, so the two go together.
    code, out = run(db, "template", "formatieplan", "--at", "2025-01-01", "-o", "leeg.xlsx")
    assert code == 0 and "raadhuis import-excel leeg.xlsx --org mijn-gemeente --at 2025-01-01 --dry-run" in out
    code, out = run(db, "import-excel", "leeg.xlsx", "--org", "mijn-gemeente", "--at", "2025-01-01", "--dry-run")
    assert code == 0 and "Geen wijzigingen." in out
    # With an organisation of the register: its formatie on the day; read back, nothing changes.
    code, out = run(db, "template", "formatieplan", "--org", "mijn-gemeente", "--at", "2025-01-01", "-o", "f.xlsx")
    assert code == 0, out
    code, out = run(db, "import-excel", "f.xlsx", "--org", "mijn-gemeente", "--at", "2025-01-01", "--dry-run")
    assert code == 0 and "Geen wijzigingen." in out
    # The user changes a cell: that change, and only that, is proposed and then saved.
    wb = openpyxl.load_workbook(here / "f.xlsx")
    assert wb.sheetnames == ["Formatieplan", "Eenheden", "Toelichting"]
    assert "--dry-run" in " ".join(str(c.value) for c in wb["Toelichting"]["A"])
    ws = wb["Formatieplan"]
    headers = [c.value for c in ws[1]]
    title_col, fte_col = headers.index("Functie") + 1, headers.index("Formatie (fte)") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, title_col).value == "Consulent Wmo")
    ws.cell(row, fte_col).value = 4
    wb.save(here / "f.xlsx")
    code, out = run(db, "import-excel", "f.xlsx", "--org", "mijn-gemeente", "--at", "2025-01-01", "--dry-run")
    assert code == 0 and "Consulent Wmo" in out and "4,00" in out and "Geen wijzigingen" not in out
    code, out = run(db, "import-excel", "f.xlsx", "--org", "mijn-gemeente", "--at", "2025-01-01", "-m", "meer Wmo")
    assert code == 0, out
    code, out = run(db, "show", "mijn-gemeente", "--at", "2025-01-01", "--format", "json")
    assert json.loads(out)["totals"]["fte"] == 9


def test_formatieplan_needs_a_file_and_a_known_organisation(here: Path) -> None:
    db = here / "r.sqlite"
    code, out = run(db, "template", "formatieplan")
    assert code == 1 and "geef een bestandsnaam met -o" in out
    code, out = run(db, "template", "formatieplan", "--org", "Loser", "-o", "f.xlsx")
    assert code == 1 and "organisatie 'Loser' niet gevonden" in out and not (here / "f.xlsx").exists()
