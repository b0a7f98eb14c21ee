"""`raadhuis scenario …` as a user drives it: branch, add events from a file and inline, show, compare,
export to PDF and Excel, promote with a decision, realise; bad input names its place, writes nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from raadhuis.cli import app
from tests.scenario_world import EXAMPLES, losser_2011

runner = CliRunner()


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ["--db", str(db), "--lang", "nl", *args], catch_exceptions=False, env={"COLUMNS": "200"}
    )
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite"
    code, out = run(path, "import", str(losser_2011(tmp_path)), "-m", "Losser in september 2011")
    assert code == 0, out
    return path


MERGE = """\
type: merge
date: 2012-01-01
units: [REO, WEL]
into: {name: "Beleid, Strategie en Projecten", abbreviation: BSP, kind: afdeling}
"""


def test_branch_model_compare_export_promote(db: Path, tmp_path: Path) -> None:
    code, out = run(
        db, "scenario", "new", "GM0168", "Van vijf naar drie afdelingen", "--from", "1-9-2011", "--format", "json"
    )
    assert code == 0, out
    sid = json.loads(out)["scenario"]["id"]
    (tmp_path / "samenvoeging.yaml").write_text(MERGE, encoding="utf-8")
    code, out = run(db, "scenario", "add-event", "GM0168", sid, str(tmp_path / "samenvoeging.yaml"))
    assert code == 0 and "bsp-samenvoeging-2012-01-01" in out, out
    event = {
        "type": "add_post",
        "date": "2012-01-01",
        "post": {"unit": "BSP", "title": "Regiefunctionaris", "fte": 1, "scale": "11"},
    }
    code, out = run(db, "scenario", "add-event", "GM0168", sid, "--event", json.dumps(event), "--format", "json")
    assert code == 0 and json.loads(out)["events"] == ["bsp-regiefunctionaris-formatieplaats-2012-01-01"]
    code, out = run(db, "scenario", "show", "GM0168", sid, "--format", "json")
    shown = json.loads(out)
    assert [u["id"] for u in shown["units"]] == ["BSP", "OW", "VVH", "WIZ"]
    code, out = run(db, "scenario", "show", "GM0168", sid)
    assert "REO en Welzijn worden samengevoegd tot BSP (nieuw)" in out
    code, out = run(db, "scenario", "copy", "GM0168", sid, "--name", "Variant B")
    assert code == 0
    code, out = run(db, "scenario", "compare", "GM0168", sid, "variant-b", "--charges", "30", "--format", "json")
    data = json.loads(out)
    assert [c["key"] for c in data["columns"]] == ["baseline", sid, "variant-b"]
    assert data["columns"][1]["cost"]["total"] == pytest.approx(5017 * 12 * 1.3)
    code, out = run(db, "scenario", "compare", "GM0168", sid)
    assert "Personeelslasten formatie per jaar" in out and "aanname" in out
    for suffix in ("pdf", "xlsx"):
        target = tmp_path / f"vergelijking.{suffix}"
        code, out = run(db, "scenario", "export", "GM0168", sid, "variant-b", "--output", str(target))
        assert code == 0, out
    assert (tmp_path / "vergelijking.pdf").read_bytes()[:5] == b"%PDF-"
    assert openpyxl.load_workbook(tmp_path / "vergelijking.xlsx").sheetnames == [
        "Vergelijking",
        "Per scenario",
        "Aannames",
    ]
    code, out = run(
        db,
        "scenario",
        "promote",
        "GM0168",
        sid,
        "--body",
        "college",
        "--date",
        "13-09-2011",
        "--title",
        "Herijking",
        "--format",
        "json",
    )
    assert code == 0, out
    assert json.loads(out)["decision"] == "college-2011-09-13"
    code, out = run(db, "show", "GM0168", "--at", "2012-01-01", "--planned", "--format", "json")
    assert [u["id"] for u in json.loads(out)["units"]] == ["BSP", "OW", "VVH", "WIZ"]
    code, out = run(db, "scenario", "realise", "GM0168", sid, "bsp-samenvoeging-2012-01-01")
    assert code == 0 and "gerealiseerd" in out


def test_bad_input_says_where_and_writes_nothing(db: Path, tmp_path: Path) -> None:
    code, out = run(db, "scenario", "new", "GM0168", "Proef", "--from", "2011-13-01")
    assert code != 0
    code, out = run(db, "scenario", "new", "GM0168", "Proef", "--from", "2011-09-01")
    code, out = run(
        db,
        "scenario",
        "add-event",
        "GM0168",
        "proef",
        "--event",
        '{"type": "move", "date": "2012-01-01", "unit": "NOPE", "parent": "OW"}',
    )
    assert code == 1 and "events[0].unit: eenheid 'NOPE' bestaat niet op 2012-01-01" in out
    assert "er is niets opgeslagen" in out
    code, out = run(db, "scenario", "show", "GM0168", "proef", "--format", "json")
    assert json.loads(out)["events"] == []
    bad = tmp_path / "tabel.csv"
    bad.write_text("schaal;periodiek;maandbedrag;geldig_vanaf\n11;0;drie;2020-07-01\n", encoding="utf-8")
    code, out = run(db, "scenario", "salary-import", str(bad), "--illustrative", "test")
    assert code == 1 and "tabel.csv, rij 2, kolom 3: maandbedrag" in out
    code, out = run(db, "scenario", "salary-tables", "--format", "json")
    assert json.loads(out)["shipped"] is True  # nothing was written: the shipped tables still apply
    code, out = run(db, "scenario", "export", "GM0168", "proef", "--output", str(tmp_path / "x.docx"))
    assert code == 1 and "--output: verwacht een bestand dat eindigt op .xlsx of .pdf; gevonden: 'x.docx'" in out
    assert "Invalid value" not in out  # Dutch, in the project's own words
    code, out = run(db, "scenario", "compare", "GM0168", "proef", "--step-rule", "hoogste")
    assert code == 1 and "--step-rule: verwacht een van" in out and "gevonden: 'hoogste'" in out


def test_events_from_a_file_are_named_by_the_file_and_stale_changes_say_when(db: Path, tmp_path: Path) -> None:
    run(db, "scenario", "new", "GM0168", "Proef", "--from", "2011-09-01")
    bad = tmp_path / "wijzigingen.yaml"
    bad.write_text(MERGE.replace("type: merge", "type: samenvoegen"), encoding="utf-8")
    code, out = run(db, "scenario", "add-event", "GM0168", "proef", str(bad))
    assert code == 1 and "Fout wijzigingen.yaml" in out and "events[0].type" in out and "Fout cli" not in out
    code, out = run(db, "scenario", "add-event", "GM0168", "proef", "--event", '{"type": "dissolve", "unit": "REO"}')
    assert code == 1 and "Fout --event" in out
    # The register changes under the scenario: show says who changed it, and when in words.
    gone = tmp_path / "welzijn.yaml"
    gone.write_text(
        "format: raadhuis/1\norganisation: GM0168\nevents:\n"
        "  - {id: wel-weg, type: dissolve, date: 2011-10-01, unit: WEL, assumption: test}\n",
        encoding="utf-8",
    )
    code, out = run(db, "import", str(gone), "-m", "Welzijn al opgeheven")
    assert code == 0, out
    code, out = run(db, "scenario", "show", "GM0168", "proef")
    assert "De uitgangssituatie is veranderd" in out and "Welzijn al opgeheven" in out
    line = next(x for x in out.splitlines() if "Welzijn al opgeheven" in x)
    assert re.search(
        r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}, \d\d:\d\d",
        line,
    ), line
    assert "T" not in line.split(",")[1]  # no ISO timestamp


def test_the_examples_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "e.sqlite"
    code, out = run(db, "import", str(EXAMPLES / "jaarverslag-2024.yaml"), "-m", "voorbeeld")
    assert code == 0, out
    code, out = run(db, "scenario", "list", "voorbeeldgemeente-2024")
    assert "Optie A: drie domeinen, met teamregisseurs" in out and "verworpen" in out
    code, out = run(
        db, "scenario", "compare", "voorbeeldgemeente-2024", "drie-domeinen", "vijf-afdelingen", "--format", "json"
    )
    cols = json.loads(out)["columns"]
    assert [c["formation"]["mean_fte"] for c in cols[1:]] == [32.75, 22.17]
