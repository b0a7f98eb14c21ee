"""The analyses through the service, on a small hand-computed dataset and on the seed examples;
the same figure from the service, the CLI and the API; the figures/demand/peer formats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.model import View
from raadhuis.services import analysis, register
from raadhuis.services.examples import load_examples
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

# Hand-computed: DIR (manager D) over A (manager MA, 3 employees + 1 vacancy + 1 hire) and B (no
# manager post: its 2 employees pass to D). A carries task field 6.1 fully, B 0.4 half.
SMALL = """format: raadhuis/1
organisation: GM0999
organisations:
  - {id: GM0999, name: Proefdorp, kind: gemeente, cbs_code: GM0999, province: Utrecht}
  - {id: GM0998, name: Buurdorp, kind: gemeente}
sources:
  - {id: jr2021, title: Jaarrekening 2021 Proefdorp, publisher: gemeente Proefdorp, date: 2022-05-01}
units:
  - {id: DIR, name: Directie, kind: directie, from: 2020, sources: [jr2021]}
  - {id: A, name: Alfa, kind: afdeling, parent: DIR, from: 2020, sources: [jr2021], task_fields: [{code: "6.1", share: 1}]}
  - {id: B, name: Beta, kind: afdeling, parent: DIR, from: 2020, assumption: true, task_fields: [{code: "0.4", share: 0.5}]}
  - {id: C, name: Gamma, kind: team, parent: DIR, from: 2020, assumption: true}
posts:
  - {id: D, unit: DIR, title: Directeur, fte: 1, roles: [manager, strategic], from: 2020, assumption: true,
     staffing: [{kind: employee, fte: 1, person: Dora}]}
  - {id: MA, unit: A, title: Hoofd Alfa, fte: 1, roles: [manager], from: 2020, assumption: true,
     staffing: [{kind: employee, fte: 1, person: Mia}]}
  - {id: A1, unit: A, title: Medewerker, fte: 3, roles: [execution], from: 2020, assumption: true,
     staffing: [{kind: employee, fte: 1, person: Ann}, {kind: employee, fte: 1, person: Bob}, {kind: employee, fte: 0.5, person: Cas}]}
  - {id: A2, unit: A, title: Medewerker, fte: 1, roles: [execution], from: 2020, assumption: true,
     staffing: [{kind: vacancy, fte: 1}]}
  - {id: A3, unit: A, title: Inhuur, fte: 1, roles: [execution], from: 2020, assumption: true,
     staffing: [{kind: external_hire, fte: 1, person: Ext}]}
  - {id: B1, unit: B, title: Adviseur, fte: 2, roles: [policy], from: 2020, assumption: true,
     staffing: [{kind: employee, fte: 1, person: Eva}, {kind: employee, fte: 1, person: Fik}]}
  - {id: MC, unit: C, title: Teamleider Gamma, fte: 1, roles: [manager], from: 2020, assumption: true,
     staffing: [{kind: vacancy, fte: 1}]}
cooperations:
  - {id: leun, name: Leunen op Buurdorp, legal_form: leunen, status: realised, start: 2019, task_fields: ["6.1"],
     participants: [{organisation: GM0999}, {organisation: GM0998}], assumption: "Informele hulp, geen afspraak"}
  - {id: oud, name: Oude regeling, legal_form: openbaar_lichaam, status: realised, start: 2010, end: 2015,
     task_fields: ["0.4"], participants: [{organisation: GM0999}, {organisation: GM0998}], sources: [jr2021]}
extensions:
  figures:
    - {organisation: GM0999, year: 2020, inhabitants: 20000, formatie_fte: 100, bezetting_fte: 90,
       apparaatskosten: 10000000, wage_bill: 8000000, external_hire: 2000000, overhead: 5000000, total_expenses: 50000000}
    - {organisation: GM0999, year: 2021, inhabitants: 25000, formatie_fte: 110, bezetting_fte: 100,
       apparaatskosten: 12500000, wage_bill: 9000000, external_hire: 1000000, overhead: 6000000, total_expenses: 60000000,
       sources: [jr2021]}
    - {organisation: GM0999, year: 2022, formatie_fte: 120, assumption: "inwonertal nog niet bekend"}
  demand:
    - {organisation: GM0999, task_field: "6.1", norm_per_1000: 0.2, assumption: "kental"}
"""

PEERS = """cbs_code;year;indicator;value
GM0001;2021;formatie;4,0
GM0002;2021;formatie;5,0
GM0003;2021;formatie;6,5
GM0001;2021;inwoners;21000
GM0002;2021;inwoners;30000
GM0003;2021;inwoners;80000
"""


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'a.sqlite'}")
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, "utf-8")
    register.import_dataset(s, path)
    return s


AT = date(2021, 6, 30)


def test_span_hand_computed(store: Store) -> None:
    s = analysis.span(store, "GM0999", AT)
    by = {m["post"]: m for m in s["managers"]}
    # D: MA (1) + B's two advisers (no manager in B) + MC is vacant, so nobody; MA: Ann, Bob, Cas, Ext.
    assert by["D"]["headcount"] == 3 and by["D"]["fte"] == 3.0
    assert by["MA"]["headcount"] == 4 and by["MA"]["fte"] == 3.5
    assert by["MC"]["headcount"] == 0 and by["MC"]["vacant"] is True  # a manager with no reports
    assert s["layers"] == 2 and s["top_headcount"] == 1
    assert s["mean"] == round((3 + 4 + 0) / 3, 2)
    assert "B" in s["units_without_manager"]
    assert {r["id"] for r in s["reasons"]} >= {"span.unit_without_manager", "span.manager_vacant", "span.below_band"}
    assert s["definition"] == "span_of_control"
    # Formation: D gets MA 1 + B1 2 + MC 1 = 4 FTE; MA gets 3 + 1 + 1 = 5; MC nothing.
    f = {m["post"]: m["fte"] for m in s["formation"]["managers"]}
    assert f == {"D": 4.0, "MA": 5.0, "MC": 0.0}


def test_unit_with_only_vacancies_and_informal_reliance(store: Store) -> None:
    v = analysis.vulnerability(store, "GM0999", AT)
    units = {i["id"]: i for i in v["units"]}
    gamma = units["C"]
    assert gamma["staffed_fte"] == 0 and gamma["components"]["coverage"] == 30
    assert any(r["id"] == "vulnerability.no_staff" for r in gamma["reasons"])
    tf = {i["id"]: i for i in v["task_fields"]}
    assert tf["6.1"]["informal_reliance"] == ["Leunen op Buurdorp"]
    assert tf["6.1"]["components"]["cooperation"] == 15
    # The old arrangement ended in 2015: not in force on AT, so 0.4 has no cooperation.
    assert tf["0.4"]["cooperations"] == [] and tf["0.4"]["components"]["cooperation"] == 0
    assert [c["id"] for c in v["cooperations_in_force"]] == ["leun"]
    assert any(r["id"] == "vulnerability.organisation_informal_reliance" for r in v["reasons"])


def test_capacity_norm_uses_inhabitants_of_the_year(store: Store) -> None:
    c = analysis.capacity(store, "GM0999", AT)
    tf = {t["code"]: t for t in c["task_fields"]}
    assert tf["6.1"]["demand_fte"] == 5.0  # 0.2 per 1,000 × 25,000
    assert tf["6.1"]["staffed_fte"] == 4.5  # MA 1 + Ann, Bob, Cas 2.5 + Ext 1
    assert tf["6.1"]["gap"] == -0.5
    assert tf["0.4"]["staffed_fte"] == 1.0
    # policy 2 + strategic 1 of classified 1 (MA) + 3 (D strategic counts as strategic) ...
    st = c["strategic"]
    assert st["strategic_policy_fte"] == 3.0 and st["management_fte"] == 1.0 and st["execution_fte"] == 3.5
    assert c["strategic"]["definition"] == "strategic_capacity"


def test_indicators_trend_and_year_without_inhabitants(store: Store) -> None:
    i = analysis.indicators(store, "GM0999", AT)
    v = i["values"]
    assert v["formatie"]["value"] == 4.4  # 110 / 25
    assert v["bezetting"]["value"] == 4.0
    assert v["apparaatskosten"]["value"] == 500.0
    assert v["externe_inhuur"]["value"] == 10.0  # 1 / (9 + 1)
    assert v["overhead"]["value"] == 10.0
    assert v["formatie"]["definition"] == "indicators.formatie"
    trend = {p["year"]: p for p in i["trend"]["formatie"]}
    assert trend[2020]["value"] == 5.0 and trend[2021]["change"] == -0.6
    assert trend[2022]["value"] is None  # no inhabitants: no zero
    later = analysis.indicators(store, "GM0999", date(2022, 3, 1))
    assert later["values"]["formatie"]["value"] is None
    ids = {r["id"] for r in later["reasons"]} | {r["id"] for r in later["values"]["formatie"]["reasons"]}
    assert "indicators.no_inhabitants" in ids
    assert "1 januari 2022" in later["values"]["formatie"]["reasons"][0]["nl"]


def test_year_without_any_figures_is_explained(store: Store) -> None:
    i = analysis.indicators(store, "GM0999", date(2024, 6, 1))
    assert any(r["id"] == "indicators.no_figures" for r in i["reasons"])
    # Formatie and bezetting eigen personeel on 1 January come from the register (also when another
    # day of the year is asked), marked as derived: 10 FTE budgeted, 6.5 FTE own employees.
    assert i["derived"] == {"formatie_fte": 10.0, "bezetting_fte": 6.5}
    assert any(r["id"] == "indicators.derived_from_register" for r in i["reasons"])
    assert all(v["value"] is None for v in i["values"].values())
    # On 1 January itself the posts are at hand: own employees 6.5 FTE (the hire does not count).
    jan1 = analysis.indicators(store, "GM0999", date(2024, 1, 1))
    assert jan1["derived"] == {"formatie_fte": 10.0, "bezetting_fte": 6.5}


def test_peers_import_and_compare(store: Store, tmp_path: Path) -> None:
    assert analysis.peers(store, "GM0999", AT)["reasons"][0]["id"] == "peers.none"
    f = tmp_path / "peers.csv"
    f.write_text(PEERS, "utf-8")
    out = analysis.import_peers(store, f)
    assert out["rows"] == 6 and out["added"] == 6
    p = analysis.peers(store, "GM0999", AT)
    size = p["groups"][0]
    assert size["label_nl"].startswith("grootteklasse 4")
    formatie = next(c for c in size["comparisons"] if c["indicator"] == "formatie")
    assert (
        formatie["peer_median"] == 4.5 and formatie["value"] == 4.4 and formatie["rank"] == 2
    )  # GM0003 is class 5; GM0001 (4.0) is lower


def test_peer_csv_errors_write_nothing(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("GM0001;2021;formatie;4,0\nGM0002;twee;foo;-1\nXX;2021;overhead;1\n", "utf-8")
    with pytest.raises(InputErrors) as exc:
        analysis.import_peers(store, f)
    errs = exc.value.errors
    assert {(e.line, e.column) for e in errs} == {(2, "2"), (2, "3"), (2, "4"), (3, "1")}
    assert all(e.file == str(f) for e in errs)
    with store.session() as s:
        assert repo.current_data(s, analysis.PEER_KIND) == []


@pytest.mark.parametrize(
    ("entry", "field", "words"),
    [
        ("{organisation: GM0999, year: 2021, inhabitants: -5}", "inhabitants", "negative"),
        ("{organisation: GM0999, year: '2021'}", "year", "whole number"),
        ("{organisation: GM0999, year: 2021, fte_per_inwoner: 3}", "fte_per_inwoner", "unknown figure"),
        ("{organisation: GM0999, year: 2021, overhead: veel}", "overhead", "expected a number"),
    ],
)
def test_malformed_figures_name_line_and_field(tmp_path: Path, entry: str, field: str, words: str) -> None:
    s = Store(f"sqlite:///{tmp_path / 'e.sqlite'}")
    path = tmp_path / "bad.yaml"
    path.write_text(
        "format: raadhuis/1\norganisations:\n  - {id: GM0999, name: P, kind: gemeente}\n"
        f"extensions:\n  figures:\n    - {entry}\n",
        "utf-8",
    )
    with pytest.raises(InputErrors) as exc:
        register.import_dataset(s, path)
    err = next(e for e in exc.value.errors if field in e.field)
    assert err.line == 6 and words in err.message
    assert register.list_organisations(s) == []


def test_demand_needs_exactly_one_of_fte_or_norm(tmp_path: Path) -> None:
    from raadhuis.formats.figures import check_demand

    errs = check_demand([{"organisation": "X", "task_field": "6.1", "fte": 1, "norm_per_1000": 2}], ("demand",))
    assert errs and "exactly one" in errs[0][1]
    assert check_demand([{"organisation": "X", "task_field": 6.1, "fte": 1}], ("d",))[0][0] == ("d", 0, "task_field")


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('ex') / 'ex.sqlite'}")
    load_examples(s)
    return s


def test_losser_2017(examples: Store) -> None:
    r = analysis.analyse(examples, "GM0168", date(2017, 12, 31))
    assert r["organisation"]["id"] == "GM0168"
    assert len(r["span"]["managers"]) == 4
    # Informal reliance (slim leunen) is in force and reported for the organisation.
    assert any(c["id"] == "slim-leunen" and c["in_force"] for c in r["cooperations"])
    assert any(x["id"] == "vulnerability.organisation_informal_reliance" for x in r["vulnerability"]["reasons"])
    # No figures for 2017: a reason, never a zero.
    assert all(v["value"] is None for v in r["indicators"]["values"].values())
    assert any(x["id"] == "indicators.no_figures" for x in r["indicators"]["reasons"])


def test_restructuring_2024_lowers_span(examples: Store) -> None:
    c = analysis.span_compare(examples, "voorbeeldgemeente-2024", date(2023, 12, 31), date(2024, 12, 31))
    s = c["summary"]
    assert s["managers"] == {"before": 4, "after": 6}
    # Three domains of 40 FTE became five departments of 24 + a team director: (3+120)/4 → (9+125)/6,
    # where the 9 at concern level include the project leader of the programme (from August 2024).
    assert s["formation_mean_fte"] == {"before": 30.75, "after": 22.33}
    assert any(r["id"] == "span.compare.formation_mean_fte" and "daalt" in r["nl"] for r in c["reasons"])
    planned = analysis.span_compare(
        examples, "voorbeeldgemeente-2024", date(2023, 12, 31), date(2024, 12, 31), after_view=View.PLANNED
    )
    assert planned["after_view"] == "planned"


def _cli_app() -> typer.Typer:
    from raadhuis import cli
    from raadhuis.cli.analysis import register_commands

    if not any(c.callback and c.callback.__name__ == "analyse" for c in cli.app.registered_commands):
        register_commands(cli.app)
    return cli.app


def _client(store: Store) -> TestClient:
    from raadhuis.web.api.analysis import router
    from raadhuis.web.app import create_app
    from raadhuis.web.pages.dashboard import router as pages

    app = create_app(store)
    if not any(getattr(r, "path", "") == "/api/v1/organisations/{org}/analysis" for r in app.routes):
        app.include_router(router)
        app.include_router(pages)
    return TestClient(app, base_url="http://127.0.0.1")


def test_same_figure_from_service_cli_and_api(store: Store, tmp_path: Path) -> None:
    db = str(store.engine.url.database)
    service = analysis.analyse(store, "GM0999", AT)
    run = CliRunner().invoke(_cli_app(), ["--db", db, "analyse", "GM0999", "--at", AT.isoformat(), "--format", "json"])
    assert run.exit_code == 0, run.output
    from_cli = json.loads(run.output)
    from_api = _client(store).get("/api/v1/organisations/GM0999/analysis", params={"at": AT.isoformat()}).json()
    for key in ("span", "vulnerability", "capacity", "indicators", "peers"):
        assert from_cli[key] == from_api[key] == json.loads(json.dumps(service[key]))
    text = CliRunner().invoke(_cli_app(), ["--db", db, "indicators", "GM0999", "--at", AT.isoformat()])
    assert text.exit_code == 0 and "4,4" in text.output
    for name in ("span", "vulnerability", "capacity", "peers"):
        r = _client(store).get(f"/api/v1/organisations/GM0999/analysis/{name}", params={"at": AT.isoformat()})
        assert r.status_code == 200 and r.json() == from_api[name]


def test_cli_errors_and_import_peers(store: Store, tmp_path: Path) -> None:
    db = str(store.engine.url.database)
    app = _cli_app()
    bad = tmp_path / "bad.csv"
    bad.write_text("GM0001;2021;formatie;vier\n", "utf-8")
    r = CliRunner().invoke(app, ["--db", db, "import-peers", str(bad)])
    assert r.exit_code == 1 and "bad.csv, rij 1, kolom 4: value" in r.output
    r = CliRunner().invoke(app, ["--db", db, "span", "nergens"])
    assert r.exit_code == 1
    r = CliRunner().invoke(app, ["--db", db, "span-compare", "GM0999", "2020-06-30", "2021-06-30"])
    assert r.exit_code == 0 and "Leidinggevenden" in r.output


def test_register_commands_on_a_fresh_app() -> None:
    from raadhuis.cli.analysis import register_commands

    app = typer.Typer()
    register_commands(app)
    names = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    assert names == {
        "analyse",
        "span",
        "span-compare",
        "vulnerability",
        "capacity",
        "indicators",
        "peers",
        "import-peers",
        "report",
    }


def test_dashboard_page(store: Store) -> None:
    r = _client(store).get("/o/GM0999/dashboard", params={"at": AT.isoformat()})
    assert r.status_code == 200
    assert 'data-figure="span.mean"' in r.text and "<svg" in r.text and "report.pdf" in r.text
    assert "<script" not in r.text.split("<main", 1)[1].split("</main>")[0]
    assert 'id="def-span_of_control"' in r.text
