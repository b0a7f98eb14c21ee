"""Ordinary mistakes on the command line: a sentence in Dutch (English with --lang en) that names
the file or the field and what was expected, a non-zero exit code, and never a traceback or the
operating system's English."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from raadhuis.cli import app
from tests.conftest import shared_path
from tests.test_store import LOSSER

runner = CliRunner()
LEAKS = ("Traceback", "Errno", "No such file", "Is a directory", "codec can't decode", "Usage:", "Error:")


def run(db: Path, *args: str, lang: str | None = None) -> tuple[int, str]:
    head = ["--db", str(db)] + (["--lang", lang] if lang else [])
    result = runner.invoke(app, [*head, *args])
    for leak in LEAKS if lang != "en" else ("Traceback", "Errno", "No such file", "codec can't decode"):
        assert leak not in result.output, result.output
    return result.exit_code, " ".join(result.output.split())  # as one line: the console wraps


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("RAADHUIS_LANG", raising=False)
    (tmp_path / "losser.yaml").write_text(LOSSER, "utf-8")
    path = tmp_path / "r.sqlite"
    code, out = run(path, "import", "losser.yaml", "-m", "test")
    assert code == 0, out
    return path


def events_in(db: Path) -> int:
    result = runner.invoke(app, ["--db", str(db), "orgs", "--format", "json"])
    return sum(o["events"] for o in json.loads(result.output))


def test_a_missing_file_names_it_where_it_was_looked_for_and_what_was_expected(db: Path, tmp_path: Path) -> None:
    for command in (["import"], ["validate"]):
        code, out = run(db, *command, "mijn-organisatie.yaml")
        assert code == 1
        assert f"het bestand mijn-organisatie.yaml bestaat niet (gezocht in {tmp_path})" in out
        assert "Verwacht: dataset (YAML of JSON) of W3C ORG (Turtle of JSON-LD)" in out
    code, out = run(db, "import-excel", "formatieplan.xlsx", "--org", "GM0168", "--at", "2025-01-01")
    assert code == 1 and "het bestand formatieplan.xlsx bestaat niet" in out and "Excel-werkmap (.xlsx)" in out
    code, out = run(db, "import-cbs", "../data/cbs.xml")
    assert code == 1 and "de map ../data bestaat niet" in out and "CBS-gemeentelijke indeling" in out
    code, out = run(db, "import", "mijn-organisatie.yaml", lang="en")
    assert code == 1 and "the file mijn-organisatie.yaml does not exist" in out and "Expected: a dataset" in out


def test_a_folder_where_a_file_is_expected(db: Path, tmp_path: Path) -> None:
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "a.yaml").write_text(LOSSER, "utf-8")
    code, out = run(db, "import", "datasets")
    assert code == 1
    assert "datasets is een map, geen bestand" in out and "In die map staan onder meer: a.yaml" in out
    code, out = run(db, "import-excel", "datasets", "--org", "GM0168", "--at", "2025-01-01")
    assert code == 1 and "datasets is een map, geen bestand. Verwacht: een formatieplan" in out


def test_a_workbook_given_to_import_names_the_command_that_reads_it(db: Path, tmp_path: Path) -> None:
    before = events_in(db)
    code, out = run(db, "export", "GM0168", "--format", "xlsx", "--at", "2017-12-31", "-o", "losser.xlsx")
    assert code == 0, out
    code, out = run(db, "import", "losser.xlsx")
    assert code == 1
    assert "losser.xlsx is een Excel-werkmap, geen dataset" in out
    assert "raadhuis import-excel losser.xlsx --org ORGANISATIE --at DATUM --dry-run" in out
    assert "er is niets opgeslagen" in out and events_in(db) == before
    # By its content, not its name: a workbook renamed .yaml is still one.
    shutil.copy(tmp_path / "losser.xlsx", tmp_path / "hernoemd.yaml")
    code, out = run(db, "validate", "hernoemd.yaml")
    assert code == 1 and "hernoemd.yaml is een Excel-werkmap" in out
    code, out = run(db, "import", "losser.xlsx", lang="en")
    assert code == 1 and "losser.xlsx is an Excel workbook, not a dataset" in out and "raadhuis import-excel" in out


def test_other_kinds_given_to_import(db: Path, tmp_path: Path) -> None:
    (tmp_path / "rapport.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    code, out = run(db, "import", "rapport.pdf")
    assert code == 1 and "rapport.pdf is een PDF-document, geen dataset" in out
    assert "raadhuis template dataset" in out  # where to start instead
    (tmp_path / "gemeenten.csv").write_text("code;naam\nGM0168;Losser\n", "utf-8")
    code, out = run(db, "import", "gemeenten.csv")
    assert code == 1 and "gemeenten.csv is een CSV-bestand" in out and "raadhuis import-excel" in out
    cbs = shared_path("data", "cbs-gemeentelijke-indeling.xml")
    code, out = run(db, "import", str(cbs))
    assert code == 1 and "is de CBS-gemeentelijke indeling (XML)" in out
    assert f"raadhuis import-cbs {cbs}" in out


def test_json_ld_is_recognised_by_its_content(db: Path, tmp_path: Path) -> None:
    code, out = run(db, "export", "GM0168", "--format", "jsonld", "-o", "losser.json")
    assert code == 0, out
    code, out = run(db, "import", "losser.json", "--dry-run")
    assert code == 0, out  # read as W3C ORG, not refused as a dataset without sections


def test_an_unreadable_or_damaged_file(db: Path, tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_bytes(bytes(range(256)) * 4)
    code, out = run(db, "import", "kapot.yaml")
    assert code == 1 and "kapot.yaml is een bestand dat geen tekst is" in out
    (tmp_path / "kapot.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    code, out = run(db, "import-excel", "kapot.xlsx", "--org", "GM0168", "--at", "2025-01-01")
    assert code == 1 and "kapot.xlsx: (file): geen leesbare Excel-werkmap (.xlsx): beschadigd" in out
    code, out = run(db, "import-excel", "kapot.xlsx", "--org", "GM0168", "--at", "2025-01-01", lang="en")
    assert code == 1 and "not a readable Excel workbook (.xlsx): damaged" in out
    (tmp_path / "fout.yaml").write_text("format: raadhuis/1\norganisations:\n  - id: x\n   name: [\n", "utf-8")
    code, out = run(db, "validate", "fout.yaml")
    assert code == 1 and "fout.yaml:4: (document): geen geldige YAML" in out
    (tmp_path / "leeg.yaml").write_text("", "utf-8")
    code, out = run(db, "import", "leeg.yaml")
    assert code == 1 and "leeg.yaml is een leeg bestand" in out


def test_an_unknown_organisation_or_unit_suggests_close_names(db: Path) -> None:
    code, out = run(db, "show", "Loser", "--at", "2012-01-01")
    assert code == 1 and "organisatie 'Loser' niet gevonden. Bedoelt u: Losser (GM0168)?" in out
    assert "Alle organisaties: raadhuis orgs" in out
    code, out = run(db, "lineage", "GM0168", "BPS")
    assert code == 1 and "eenheid 'BPS' niet gevonden. Bedoelt u: Beleid, Strategie en Projecten (BSP)?" in out
    assert "raadhuis show GM0168 --at DATUM" in out
    code, out = run(db, "lineage", "GM0168", "welzjn")
    assert code == 1 and "Welzijn (WEL)" in out
    code, out = run(db, "show", "Loser", lang="en")
    assert code == 1 and "organisation 'Loser' not found. Did you mean: Losser (GM0168)?" in out


def test_a_port_in_use_says_which_and_how_to_choose_another(db: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out = run(db, "serve", "--port", str(port), "--no-examples")
        assert code == 1
        assert f"poort {port} op 127.0.0.1 is al in gebruik" in out
        assert "Kies een andere poort met --port, bijvoorbeeld: raadhuis serve --port" in out
        code, out = run(db, "serve", "--port", str(port), "--no-examples", lang="en")
        assert code == 1 and f"port {port} on 127.0.0.1 is already in use" in out


def test_an_address_that_is_not_this_computers(db: Path) -> None:
    code, out = run(db, "serve", "--host", "192.0.2.1", "--allowed-host", "x.example", "--no-examples")
    assert code == 1 and "het adres 192.0.2.1 is niet van deze computer" in out


def test_usage_errors_are_dutch(db: Path) -> None:
    code, out = run(db, "show")
    assert code == 2 and "het argument org ontbreekt" in out
    assert "Gebruik:" in out and "show [OPTIES]" in out and "show --help" in out
    code, out = run(db, "show", "GM0168", "--bogus")
    assert code == 2 and "onbekende optie: --bogus" in out
    code, out = run(db, "shw", "GM0168")
    assert code == 2 and "onbekend commando 'shw' (bedoelt u 'show'?)" in out
    code, out = run(db, "show", "GM0168", "--format", "xml")
    assert code == 2 and "ongeldige waarde voor --format: 'xml' is geen van: 'text', 'json'" in out
    code, out = run(db, "show", "GM0168", "--at", "31-13-2011")
    assert code == 2 and "verwacht een datum als 31-12-2011 of 2011-12-31; gevonden: '31-13-2011'" in out
    code, out = run(db, "show", "GM0168", "--known-at", "gisteren")
    assert code == 2 and "of een tijdstip als 2011-12-31T12:00; gevonden: 'gisteren'" in out
    code, out = run(db, "shw", lang="en")
    assert code == 2 and "No such command 'shw'" in out


def test_an_error_inside_raadhuis_is_one_sentence(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from raadhuis.services import register

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("internals")

    monkeypatch.setattr(register, "list_organisations", broken)
    monkeypatch.delenv("RAADHUIS_DEBUG", raising=False)
    code, out = run(db, "orgs")
    assert code == 1 and "er ging iets mis in Raadhuis zelf (RuntimeError); er is niets opgeslagen" in out
    assert "RAADHUIS_DEBUG=1" in out and "internals" not in out


@pytest.mark.parametrize("command", [[], ["serve"], ["show"], ["scenario"]])
def test_a_help_screen_is_dutch_and_english_on_request(db: Path, command: list[str]) -> None:
    # Typer's own words (panel titles, usage line, the help option, defaults) in the reader's language.
    code, out = run(db, *command, "--help")
    assert code == 0 and "Gebruik:" in out and "Deze hulp tonen en stoppen." in out
    for english in ("Usage", "Options", "Arguments", "Commands", "Show this message", "[default", "[required]"):
        assert english not in out, (english, out)
    code, out = run(db, *command, "--help", lang="en")
    assert code == 0 and "Usage:" in out and "Show this message and exit." in out and "Opties" not in out
    # ... and back: the words are set per run, not once per process.
    assert "Deze hulp tonen en stoppen." in run(db, *command, "--help")[1]


def test_an_error_in_what_was_typed_names_the_option_as_typed(db: Path) -> None:
    code, out = run(db, "scenario", "new", "GM0168", "Proef", "--from", "2030-01-01", "--decide-by", "morgen")
    assert code == 1 and "--decide-by: verwacht een datum" in out and "cli:" not in out and "decide_by" not in out
    code, out = run(db, "scenario", "new", "GM0168", "Proef", "--from", "31-13-2011")
    assert code == 1 and "--from: verwacht een datum als 31-12-2011" in out
    code, out = run(db, "scenario", "add-event", "GM0168", "iets")
    assert code == 1 and "verwacht een bestand met gebeurtenissen of --event" in out
