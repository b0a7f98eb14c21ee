"""The README's tour, letter for letter: every command in "Een korte rondleiding (CLI)" runs,
in order, against a fresh register, from a fresh folder, and says what the README's comment
beside it claims. A command added to the tour without a check here fails the test, so the
README and the product cannot drift apart."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from raadhuis.cli import app
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def tour() -> list[tuple[str, str]]:
    """The tour's command lines and the comment beside each, as the README has them."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Een korte rondleiding (CLI)", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    out = []
    for line in block.splitlines():
        if not line.strip():
            continue
        command, _, comment = line.partition("  # ")
        out.append((command.strip(), comment.strip()))
    return out


def one_line(text: str) -> str:
    return " ".join(text.split())


# Per command line: what its comment claims, checked on the output (one line) and the folder.
Check = Callable[[str, Path], None]


def _examples(out: str, here: Path) -> None:
    assert out.count("Voorbeeld geladen:") == 4  # "de voorbeelddatasets laden"
    for name in ("losser.yaml", "den-haag.yaml", "jaarverslag-2024.yaml", "wol.yaml"):
        assert f"Voorbeeld geladen: {name}" in out


def _orgs(out: str, here: Path) -> None:
    for name in ("Losser", "'s-Gravenhage", "Wormerland", "Oostzaan", "Landsmeer"):
        assert name in out


def _units(*names: str, absent: tuple[str, ...] = ()) -> Check:
    def check(out: str, here: Path) -> None:
        shown = set(re.findall(r"\((\w+), (?:afdeling|team|directie)", out))
        assert set(names) == shown, shown
        for name in absent:
            assert f"({name}," not in out

    return check


def _show_2011(out: str, here: Path) -> None:
    # "Losser: OW, REO, Welzijn, VVH, WIZ", the day written the Dutch way
    assert "Losser op 31 december 2011 (feitelijk)" in out and "Welzijn (WEL" in out
    _units("OW", "REO", "WEL", "VVH", "WIZ")(out, here)


def _show_2012(out: str, here: Path) -> None:
    assert "Losser op 1 januari 2012 (feitelijk)" in out
    _units("OW", "BSP", "VVH", "WIZ")(out, here)  # WIZ still there: the transfer never happened


def _show_planned(out: str, here: Path) -> None:
    assert "Losser op 1 januari 2012 (gepland)" in out
    _units("OW", "BSP", "VVH", absent=("WIZ",))(out, here)  # as decided: without WIZ


def _lineage(out: str, here: Path) -> None:
    predecessors = out.split("Voorgangers:")[1].split("Opvolgers:")[0]
    assert "Ruimtelijke & Economische Ontwikkeling (REO)" in predecessors and "Welzijn (WEL)" in predecessors


def _diff(out: str, here: Path) -> None:
    # "wat veranderde, en waardoor": the change in words, with its decision and source
    assert "REO en Welzijn samengevoegd tot BSP (nieuw)" in out
    assert "Besluit: college, 13 september 2011" in out and "Bron: Aanpassing structuur ambtelijke organisatie" in out
    assert "WIZ zou overgaan naar Enschede" in out  # planned, not realised, and said so


def _timeline(out: str, here: Path) -> None:
    assert "niet gerealiseerd" in out and "overgang naar andere" in out and "WIZ" in out
    assert "samenvoeging" not in out  # only what was decided and not realised


def _template_dataset(out: str, here: Path) -> None:
    assert (here / "mijn-organisatie.yaml").read_text("utf-8").startswith("# Raadhuis — sjabloon")


def _validate(out: str, here: Path) -> None:
    assert "mijn-organisatie.yaml is geldig" in out  # "controleren zonder op te slaan"


def _import(out: str, here: Path) -> None:
    assert "Ingelezen: mijn-organisatie.yaml (9 gebeurtenissen)" in out


def _export_yaml(out: str, here: Path) -> None:
    assert (here / "losser.yaml").exists()
    # "opnieuw inlezen geeft dezelfde stand": reading it back changes nothing
    result = runner.invoke(app, ["import", "losser.yaml", "-m", "terug"])
    assert result.exit_code == 0 and "Niets gewijzigd" in result.output, result.output


def _template_formatieplan(out: str, here: Path) -> None:
    wb = openpyxl.load_workbook(here / "formatieplan.xlsx")
    assert wb.sheetnames[0] == "Formatieplan"


def _import_excel(out: str, here: Path) -> None:
    assert "Geen wijzigingen." in out  # the template as it is: nothing would change


def _export_xlsx(out: str, here: Path) -> None:
    wb = openpyxl.load_workbook(here / "losser-2017.xlsx")
    assert {"Eenheden", "Formatie", "Bezetting"} <= set(wb.sheetnames)


def _turtle(out: str, here: Path) -> None:
    assert "@prefix org: <http://www.w3.org/ns/org#>" in out and "org:Organization" in out


def _unsupported(out: str, here: Path) -> None:
    assert out.startswith("Zonder bron en zonder aanname:")


def _study(out: str, here: Path) -> None:
    assert "Toekomstbestendigheid van de ambtelijke organisatie" in out
    assert '"Definitieve versie 14 december 2017" — rekenkamer-losser-2017' in out  # "met citaten"


def _monitor(out: str, here: Path) -> None:
    assert "Per organisatie — Stand op 1 januari 2025" in out
    assert "Per rekenkamer(commissie) — Stand op 1 januari 2025" in out


def _analyse(out: str, here: Path) -> None:
    for heading in ("Spanwijdte van leidinggevenden", "Kwetsbaarheid", "Capaciteit", "BBV-beleidsindicatoren 2017"):
        assert heading in out


def _report(out: str, here: Path) -> None:
    pdf = here / "stand-losser.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Losser" in text and "31 december 2017" in text


def _import_cbs(out: str, here: Path) -> None:
    assert re.search(r"\d+ perioden ingelezen uit \.\./shared/data/cbs-gemeentelijke-indeling\.xml", out)


def _municipalities(out: str, here: Path) -> None:
    assert "Losser" in out and "Enschede" in out and "Amsterdam" not in out


CHECKS: dict[str, Check] = {
    "raadhuis examples": _examples,
    "raadhuis orgs": _orgs,
    "raadhuis show GM0168 --at 2011-12-31": _show_2011,
    "raadhuis show GM0168 --at 2012-01-01": _show_2012,
    "raadhuis show GM0168 --at 2012-01-01 --planned": _show_planned,
    "raadhuis lineage GM0168 BSP": _lineage,
    "raadhuis diff GM0168 2011-12-31 2012-01-01": _diff,
    "raadhuis timeline GM0168 --status not_realised": _timeline,
    "raadhuis template dataset -o mijn-organisatie.yaml": _template_dataset,
    "raadhuis validate mijn-organisatie.yaml": _validate,
    'raadhuis import mijn-organisatie.yaml -m "eerste vastlegging"': _import,
    "raadhuis export GM0168 -o losser.yaml": _export_yaml,
    "raadhuis template formatieplan --org GM0168 --at 2025-01-01 -o formatieplan.xlsx": _template_formatieplan,
    "raadhuis import-excel formatieplan.xlsx --org GM0168 --at 2025-01-01 --dry-run": _import_excel,
    "raadhuis export GM0168 --format xlsx --at 2017-12-31 -o losser-2017.xlsx": _export_xlsx,
    "raadhuis export GM0168 --format turtle": _turtle,
    "raadhuis sources GM0168 --unsupported": _unsupported,
    "raadhuis study GM0168 rekenkamer-losser-2017": _study,
    "raadhuis monitor --at 2025-01-01": _monitor,
    "raadhuis analyse GM0168 --at 2017-12-31": _analyse,
    "raadhuis report GM0168 --at 2017-12-31 --format pdf -o stand-losser.pdf": _report,
    "raadhuis import-cbs ../shared/data/cbs-gemeentelijke-indeling.xml": _import_cbs,
    "raadhuis municipalities --at 2023-01-01 --province Overijssel": _municipalities,
}


def test_every_tour_command_has_a_check() -> None:
    commands = [command for command, _ in tour()]
    assert commands == list(CHECKS), "the README's tour and this test disagree"


def test_the_tour_runs_letter_for_letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A fresh folder beside ../shared/data (where the README's CBS file is), and a fresh register.
    here = tmp_path / "raadhuis"
    here.mkdir()
    (tmp_path / "shared" / "data").mkdir(parents=True)
    shutil.copy(shared_path("data", "cbs-gemeentelijke-indeling.xml"), tmp_path / "shared" / "data")
    monkeypatch.chdir(here)
    monkeypatch.setenv("RAADHUIS_DATABASE_URL", f"sqlite:///{tmp_path / 'raadhuis.sqlite'}")
    for var in ("LANG", "LC_ALL", "LC_MESSAGES", "RAADHUIS_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    for command, _comment in tour():
        args = shlex.split(command)
        assert args[0] == "raadhuis"
        result = runner.invoke(app, args[1:])
        out = one_line(result.output)
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output and "Fout" not in out, (command, result.output)
        CHECKS[command](out, here)


def test_the_readme_says_how_to_reach_the_installed_command() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    tour_intro = text.split("## Een korte rondleiding (CLI)", 1)[1].split("```sh", 1)[0]
    assert ".venv/bin/raadhuis" in tour_intro and "source .venv/bin/activate" in tour_intro
