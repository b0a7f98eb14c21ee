"""The trajectory commands as a user drives them: answers with their quotes, a stable JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from raadhuis.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False, env={"COLUMNS": "200"})
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "r.sqlite"
    for name in ("wol.yaml", "losser.yaml"):
        code, out = run(path, "import", str(ROOT / "examples" / name), "-m", "test")
        assert code == 0, out
    return path


def test_trajectory_json_gives_participants_tasks_milestones_criteria_sources(db: Path) -> None:
    code, out = run(db, "trajectory", "wol-2007-2009", "--at", "2008-10-15", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [p["organisation"] for p in data["participants"]] == ["GM0880", "GM0431", "GM0415"]
    tasks = [(k["name"], k["task_field"], k["pro_memorie"]) for k in data["tasks"]]
    assert len([t for t in tasks if not t[2]]) == 7 and ("Communicatie", None, True) in tasks
    assert {"name", "task_field", "pro_memorie"} <= set(data["tasks"][0])
    milestones = [(m["title"], m["date"], m["precision"], m["status"], m["window_passed"]) for m in data["milestones"]]
    assert milestones[0] == (
        "Verkenningsronde bij de drie colleges",
        "augustus/september 2007",
        "month",
        "realised",
        True,
    )
    assert ("Gezamenlijke raadsbijeenkomst", "Na de zomer 2008", "season", "planned", False) in milestones
    assert milestones[-1][:3] == ("Besluitvorming over vervolg van de samenwerking", "Begin 2009", "quarter")
    assert {c["kind"] for c in data["criteria"]} == {"constraint", "goal", "criterion", "driver"}
    assert data["sources"][0]["id"] == "wol-presentatie"


def test_trajectory_text_answers_with_quotes(db: Path) -> None:
    code, out = run(db, "trajectory", "wol-2007-2009")
    assert code == 0
    assert "Afbakening" in out and "Bestuurlijke zelfstandigheid" in out
    assert '"De drie gemeentesecretarissen sturen de zeven samenwerkingstaken aan"' in out
    assert "Communicatie (geen taakveld (benoemde taak)) — pro memorie" in out
    assert '"Begin 2009 Besluitvorming over vervolg van de samenwerking"' in out


def test_trajectories_of_an_organisation_and_in_english(db: Path) -> None:
    code, out = run(db, "trajectories", "GM0880", "--format", "json")
    assert code == 0 and [t["id"] for t in json.loads(out)["trajectories"]] == ["wol-2007-2009"]
    code, out = run(db, "--lang", "en", "trajectories")
    assert code == 0 and "Cooperation trajectories" in out


def test_assess_shows_the_options_side_by_side_with_the_register_figures(db: Path) -> None:
    code, out = run(db, "assess", "regionale-pool-2017", "strategische-capaciteit", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [o["id"] for o in data["options"]] == ["pool", "zelf-investeren", "slim-leunen-en-lenen"]
    assert [r["criterion"]["id"] for r in data["rows"]] == ["kosten", "kwaliteit", "kwetsbaarheid"]
    assert data["register"]["participants"][0]["missing"]  # no task field and no unit: missing, not zero
    code, out = run(db, "assess", "regionale-pool-2017", "strategische-capaciteit")
    assert code == 0 and "-1 slechter" in out and '"Deze werkwijze biedt geen continuïteit' in out


def test_bad_ids_are_errors_without_a_traceback(db: Path) -> None:
    code, out = run(db, "trajectory", "bestaat-niet")
    assert code == 1 and "samenwerkingstraject 'bestaat-niet' niet gevonden" in out and "Traceback" not in out
    # Close to a trajectory or a task that is there: the answer names it.
    code, out = run(db, "trajectory", "wol-2007")
    assert code == 1 and "Bedoelt u: Samenwerking Wormerland – Oostzaan – Landsmeer (WOL) (wol-2007-2009)?" in out
    code, out = run(db, "assess", "wol-2007-2009", "fusie")
    assert code == 1 and "taak 'fusie' niet gevonden" in out and "in traject wol-2007-2009" in out
    code, out = run(db, "assess", "wol-2007-2009", "juridische-zaak")
    assert code == 1 and "Bedoelt u: Juridische Zaken (juridische-zaken)?" in out
    code, out = run(db, "trajectories", "GM9999")
    assert code == 1 and "Traceback" not in out


def test_outcomes_say_what_enschede_losser_saved_with_the_quote(db: Path) -> None:
    code, out = run(db, "outcomes", "GM0168")
    assert code == 0
    assert "bereikt: kosten verbeterd, ten minste € 600.000 per jaar (2017)" in out
    assert '"De samenwerking heeft gezorgd voor een kostenbesparing (tenminste zes ton per jaar)."' in out
    code, out = run(db, "outcomes", "GM0880", "--format", "json")
    assert code == 0 and json.loads(out) == {}
    data = json.loads(run(db, "outcomes", "--format", "json")[1])
    saving = next(e for e in data["enschede-losser-bedrijfsvoering"]["effects"] if e["amount"])
    assert saving["amount"] == {"value": 600000, "per": "year", "currency": "EUR", "bound": "at_least"}


def test_assess_text_keeps_every_assumption_mark_and_the_pool_cost(db: Path, tmp_path: Path) -> None:
    # Scores read from a report's words are assumptions: the mark stays on the screen (not eaten as markup).
    code, out = run(db, "assess", "regionale-pool-2017", "strategische-capaciteit")
    assert code == 0 and "-1 slechter [aanname] — Rekenkamercommissie Losser" in out
    assert "[aanname: Score -1 (slechter) is onze lezing" in out
    # The pool of the documented example: cost and shares rest on illustrative figures, and say so.
    import re

    docs = (ROOT / "docs" / "samenwerking.md").read_text(encoding="utf-8")
    example = re.search(r"## Een voorbeeld\n\n```yaml\n(.*?)```", docs, re.S)
    assert example is not None
    (tmp_path / "jz.yaml").write_text(example.group(1), encoding="utf-8")
    other = tmp_path / "jz.sqlite"
    code, out = run(other, "import", str(tmp_path / "jz.yaml"), "-m", "voorbeeld")
    assert code == 0, out
    code, out = run(other, "assess", "jz-verkenning", "jz")
    assert code == 0
    assert "Kosten van de pool: € 90.000 per jaar [aanname: illustratief]" in out
    assert "Wormerland 64% (€ 57.600) [aanname: illustratief], Oostzaan 36% (€ 32.400) [aanname: illustratief]" in out
    assert "+1 beter [aanname] — Adviesbureau (illustratief)" in out


def test_trajectory_text_gives_the_questions_and_phases_and_the_timeline_its_milestones(db: Path) -> None:
    code, out = run(db, "trajectory", "wol-2007-2009")
    assert code == 0
    assert "Vragen van de verkenning" in out and "Kan samenwerking versterking opleveren?" in out
    assert "Fasen" in out and "Verkenningsronde (augustus/september 2007) — gehouden" in out
    # A participant's timeline has no events of its own here, but the trajectory's milestones are on it.
    code, out = run(db, "timeline", "GM0880")
    assert code == 0 and "Mijlpalen van samenwerkingstrajecten" in out
    assert "Februari 2008 (1 februari – 29 februari 2008) — Informatiebijeenkomsten raden — gehouden [aanname:" in out
    assert "Begin 2009 (1 januari – 31 maart 2009 (bij benadering)) — Besluitvorming over vervolg van de" in out
    assert "gepland, periode voorbij, beslismoment" in out
