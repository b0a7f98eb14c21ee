"""The CLI as users drive it: Dutch by default, English on request, stable JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.encode import dataset_to_dict
from raadhuis.cli import app
from raadhuis.domain.model import Organisation, Source
from tests.conftest import shared_path
from tests.test_store import LOSSER

runner = CliRunner()


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def losser_db(tmp_path: Path) -> Path:
    db = tmp_path / "r.sqlite"
    ds = tmp_path / "losser.yaml"
    ds.write_text(LOSSER, "utf-8")
    code, out = run(db, "import", str(ds), "-m", "test")
    assert code == 0, out
    return db


def test_show_json_shape_and_views(losser_db: Path) -> None:
    code, out = run(losser_db, "show", "GM0168", "--at", "2011-12-31", "--format", "json")
    data = json.loads(out)
    assert sorted(u["id"] for u in data["units"]) == ["OW", "REO", "VVH", "WEL", "WIZ"]
    for u in data["units"]:
        assert {"id", "name", "kind", "parent"} <= set(u) and u["parent"] is None
    _, out = run(losser_db, "show", "GM0168", "--at", "2012-01-01", "--format", "json")
    assert sorted(u["id"] for u in json.loads(out)["units"]) == ["BSP", "OW", "VVH", "WIZ"]
    _, out = run(losser_db, "show", "GM0168", "--at", "2012-01-01", "--planned", "--format", "json")
    assert sorted(u["id"] for u in json.loads(out)["units"]) == ["BSP", "OW", "VVH"]


def test_text_is_dutch_by_default_and_english_on_request(losser_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    _, nl = run(losser_db, "lineage", "GM0168", "BSP")
    assert "Voorgangers" in nl and "samenvoeging" in nl and "REO" in nl and "WEL" in nl
    result = runner.invoke(app, ["--db", str(losser_db), "--lang", "en", "lineage", "GM0168", "BSP"])
    assert "Predecessors" in result.output and "merge" in result.output


def test_lineage_and_diff_json(losser_db: Path) -> None:
    _, out = run(losser_db, "lineage", "GM0168", "BSP", "--format", "json")
    data = json.loads(out)
    assert sorted((p["id"], p["date"]) for p in data["predecessors"]) == [("REO", "2012-01-01"), ("WEL", "2012-01-01")]
    assert all({"id", "name", "date"} <= set(p) for p in data["predecessors"]) and data["successors"] == []
    _, out = run(losser_db, "diff", "GM0168", "2011-12-31", "2012-01-01", "--format", "json")
    assert json.loads(out)["counts"] == {"merged": 3}
    _, out = run(losser_db, "timeline", "GM0168", "--status", "not_realised", "--format", "json")
    assert [e["id"] for e in json.loads(out)["events"]] == ["e2"]


def test_errors_name_the_place_and_exit_nonzero(losser_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(LOSSER.replace("date: 2012-01-01\n    units: [REO, WEL]", "date: 2012-13-01\n    units: [REO, WEL]"))
    result = runner.invoke(app, ["--db", str(losser_db), "import", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:" in result.output and "events[0].date" in result.output and "niets opgeslagen" in result.output
    result = runner.invoke(app, ["--db", str(losser_db), "show", "GM9999"])
    assert result.exit_code == 1 and "GM9999" in result.output
    # A day typed the Dutch way is read, and said how it was read; a day that does not exist is refused.
    result = runner.invoke(app, ["--db", str(losser_db), "show", "GM0168", "--at", "31-12-2011"])
    assert result.exit_code == 0 and "31-12-2011 gelezen als 31 december 2011" in result.output
    result = runner.invoke(app, ["--db", str(losser_db), "show", "GM0168", "--at", "32-12-2011"])
    assert result.exit_code != 0 and "verwacht een datum als 31-12-2011 of 2011-12-31" in result.output


def test_export_import_round_trip_through_files(losser_db: Path, tmp_path: Path) -> None:
    for fmt, suffix in (("yaml", "yaml"), ("json", "json"), ("turtle", "ttl"), ("jsonld", "jsonld")):
        out = tmp_path / f"export.{suffix}"
        code, text = run(losser_db, "export", "GM0168", "--format", fmt, "-o", str(out))
        assert code == 0, text
        other = tmp_path / f"other-{fmt}.sqlite"
        code, text = run(other, "import", str(out))
        assert code == 0, text
        for day in ("2011-12-31", "2012-01-01", "2020-01-01"):
            a = json.loads(run(losser_db, "show", "GM0168", "--at", day, "--format", "json")[1])
            b = json.loads(run(other, "show", "GM0168", "--at", day, "--format", "json")[1])
            assert a["units"] == b["units"], (fmt, day)


def test_sources_lists_support_and_flags_unsupported(losser_db: Path, tmp_path: Path) -> None:
    _, out = run(losser_db, "sources", "GM0168", "--format", "json")
    data = json.loads(out)
    by_id = {s["id"]: s for s in data["sources"]}
    assert {f["id"] for f in by_id["s001"]["facts"]} == {"e2"}
    assert "e1" in {f["id"] for f in by_id["s000"]["facts"]}
    # The test dataset declares Losser without a source: that fact is flagged, nothing else.
    assert [(f["kind"], f["id"]) for f in data["unsupported"]] == [("organisation", "GM0168")]
    unsourced = LOSSER + "  - {id: e9, type: rename, date: 2014-01-01, unit: OW, name: Openbare Ruimte}\n"
    path = tmp_path / "v2.yaml"
    path.write_text(unsourced, "utf-8")
    run(losser_db, "import", str(path))
    _, out = run(losser_db, "sources", "GM0168", "--unsupported", "--format", "json")
    assert [f["id"] for f in json.loads(out)["unsupported"]] == ["GM0168", "e9"]


def test_excel_dry_run_then_commit_and_broken_sheet(tmp_path: Path) -> None:
    from tests.fixtures.excel.workbooks import ORG, base_events, broken_workbook, messy_workbook

    ds = Dataset(
        organisations=[Organisation(ORG, "Testdorp")],
        sources=[Source("begroting-2024", "Begroting 2024")],
        events=base_events(),
    )
    path = tmp_path / "testdorp.yaml"
    path.write_text(yaml.safe_dump(dataset_to_dict(ds), allow_unicode=True), "utf-8")
    db = tmp_path / "x.sqlite"
    assert run(db, "import", str(path))[0] == 0
    before = run(db, "show", ORG, "--at", "2025-01-01", "--format", "json")[1]
    messy = messy_workbook(tmp_path / "formatieplan.xlsx")
    code, out = run(db, "import-excel", str(messy), "--org", ORG, "--at", "2025-01-01", "--dry-run")
    assert code == 0 and "•" in out
    assert run(db, "show", ORG, "--at", "2025-01-01", "--format", "json")[1] == before  # dry run wrote nothing
    code, out = run(db, "import-excel", str(messy), "--org", ORG, "--at", "2025-01-01", "-m", "formatieplan 2025")
    assert code == 0, out
    assert run(db, "show", ORG, "--at", "2025-01-01", "--format", "json")[1] != before
    again = run(db, "import-excel", str(messy), "--org", ORG, "--at", "2025-01-01", "--dry-run")[1]
    assert "Geen wijzigingen" in again  # only what changed becomes an event
    after = run(db, "show", ORG, "--at", "2025-01-01", "--format", "json")[1]
    broken = broken_workbook(tmp_path / "kapot.xlsx")
    result = runner.invoke(app, ["--db", str(db), "import-excel", str(broken), "--org", ORG, "--at", "2025-06-01"])
    assert result.exit_code == 1 and "blad" in result.output and "rij" in result.output and "kolom" in result.output
    assert run(db, "show", ORG, "--at", "2025-01-01", "--format", "json")[1] == after


def test_municipalities_counts_match_cbs(tmp_path: Path) -> None:
    from tests.test_cbs import PUBLISHED_COUNT_ON_1_JANUARY

    db = tmp_path / "m.sqlite"
    code, out = run(db, "import-cbs", str(shared_path("data", "cbs-gemeentelijke-indeling.xml")))
    assert code == 0, out
    counts = {
        r["year"]: r["count"] for r in json.loads(run(db, "municipalities", "--count-by-year", "--format", "json")[1])
    }
    assert counts == PUBLISHED_COUNT_ON_1_JANUARY
    data = json.loads(run(db, "municipalities", "--at", "2023-01-01", "--format", "json")[1])
    assert len(data) == 342 and all(set(m) >= {"code", "name"} and len(m["code"]) == 6 for m in data)
    over = json.loads(
        run(db, "municipalities", "--at", "2012-01-01", "--province", "Overijssel", "--format", "json")[1]
    )
    assert {"code": "GM0168", "name": "Losser"}.items() <= next(m for m in over if m["code"] == "GM0168").items()
