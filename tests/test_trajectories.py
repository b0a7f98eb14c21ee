"""Trajectories through the register: bad input names file, line and field and writes nothing;
exports hold a trajectory in exactly its participants' exports; the service answers the
trajectory, the options side by side with the register's figures, and the pool split; the
forms' writes are checked and attributed. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from raadhuis.canonical.errors import InputErrors
from raadhuis.formats.dataset import dump_dataset, load_dataset
from raadhuis.formats.w3c_org import dataset_to_graph, from_text, graph_to_dataset, to_turtle
from raadhuis.services import register
from raadhuis.services import trajectories as svc
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Three municipalities; A and B have a legal department on task field 0.4 with staffing, C none.
REGISTER = """\
format: raadhuis/1
organisations:
  - {id: GM0001, name: Aadorp, assumption: "test"}
  - {id: GM0002, name: Beedorp, assumption: "test"}
  - {id: GM0003, name: Ceedorp, assumption: "test"}
  - {id: GM0004, name: Buiten, assumption: "test"}
sources:
  - {id: plan, title: Plan van aanpak, kind: document}
  - {id: cbs, title: Bevolking op 1 januari, kind: dataset}
events:
  - {id: a-jz, type: establish, date: 2020-01-01, organisation: GM0001, assumption: test,
     unit: {id: JZ, name: Juridische Zaken, kind: afdeling, task_fields: [{code: "0.4", share: 1.0}]}}
  - {id: a-p1, type: add_post, date: 2020-01-01, organisation: GM0001, assumption: test,
     post: {id: JZ-1, unit: JZ, title: Jurist, fte: 1.0, staffing: [{kind: employee, fte: 1.0, person: Anna}]}}
  - {id: b-jz, type: establish, date: 2020-01-01, organisation: GM0002,
     unit: {id: JUR, name: Juridisch, kind: team, task_fields: [{code: "0.4", share: 0.5}]}, sources: [plan]}
  - {id: b-p1, type: add_post, date: 2020-01-01, organisation: GM0002, sources: [plan],
     post: {id: J1, unit: JUR, title: Jurist, fte: 2.0, staffing: [{kind: employee, fte: 1.0, person: Bas}, {kind: vacancy, fte: 1.0}]}}
  - {id: b-p2, type: add_post, date: 2020-01-01, organisation: GM0002, sources: [plan],
     post: {id: J2, unit: JUR, title: Jurist, fte: 1.0, staffing: [{kind: external_hire, fte: 1.0, person: Cor}]}}
"""

TRAJECTORY = """\
format: raadhuis/1
trajectories:
  - id: abc
    name: Samenwerking A–B–C
    status: exploring
    sources: [plan]
    participants:
      - {organisation: GM0001, sources: [plan]}
      - {organisation: GM0002, sources: [plan]}
      - {organisation: GM0003, sources: [plan]}
    criteria:
      - {id: zelfstandig, kind: constraint, name: Bestuurlijke zelfstandigheid, sources: [plan]}
    milestones:
      - {id: start, title: Start, date: Februari 2021, status: realised, sources: [plan]}
      - {id: besluit, title: Besluit, date: Begin 2022, decision_moment: true, sources: [plan]}
    tasks:
      - {id: jz, name: Juridische Zaken, task_field: "0.4", sources: [plan]}
      - {id: com, name: Communicatie, pro_memorie: true, sources: [plan]}
    options:
      - {id: alleen, task: jz, kind: alone, name: Zelf blijven doen, sources: [plan]}
      - {id: dvo, task: jz, kind: service_agreement, name: DVO met Aadorp, centre: GM0001, legal_form: dvo, sources: [plan]}
      - id: pool
        task: jz
        kind: pool
        name: Pool van juristen
        sources: [plan]
        pool:
          key: inhabitants
          specialists: [{role: jurist omgevingsrecht, fte: 1}]
          cost: {value: 120000, per: year, assumption: "begroting nog niet vastgesteld"}
          inputs:
            - {organisation: GM0001, inhabitants: {value: 10000, year: 2021, sources: [cbs]}, expected_use: {value: 1, assumption: "schatting"}}
            - {organisation: GM0002, inhabitants: {value: 20000, year: 2021, sources: [cbs]}, expected_use: {value: 1, assumption: "schatting"}}
            - {organisation: GM0003, inhabitants: {value: 30000, year: 2021, sources: [cbs]}}
"""


def _import(store: Store, text: str, name: str) -> None:
    path_text = text
    register.import_dataset(store, name, who="test", reason="fixture", text=path_text)


@pytest.fixture
def filled(store: Store) -> Store:
    _import(store, REGISTER, "register.yaml")
    _import(store, TRAJECTORY, "trajectory.yaml")
    return store


# --- bad input ------------------------------------------------------------------------------


def _errors(text: str, name: str = "bad.yaml", store: Store | None = None) -> list[Any]:
    with pytest.raises(InputErrors) as caught:
        if store is None:
            load_dataset(text, name)
        else:
            register.import_dataset(store, name, who="test", reason="bad", text=text)
    return caught.value.errors


def _change(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_a_participant_not_in_the_register_is_refused_at_its_line_and_nothing_is_written(store: Store) -> None:
    _import(store, REGISTER, "register.yaml")
    bad = _change(TRAJECTORY, "{organisation: GM0003, sources: [plan]}", "{organisation: GM0999, sources: [plan]}")
    errors = {e.field: e for e in _errors(bad, "bad.yaml", store)}
    e = errors.pop("trajectories[0].participants[2].organisation")
    assert (e.file, e.line) == ("bad.yaml", 10)
    # C's figures in the pool now belong to no participant: said where they are.
    assert list(errors) == ["trajectories[0].options[2].pool.inputs[2].organisation"]
    assert "'GM0999' is not in the register" in e.message
    with store.session() as s:
        assert repo.current_records(s, "trajectory") == []


def test_a_milestone_date_that_does_not_parse_is_refused_at_its_line() -> None:
    bad = REGISTER + TRAJECTORY.split("format: raadhuis/1\n", 1)[1]
    bad = _change(bad, "date: Begin 2022", "date: ergens in 2022")
    (e,) = _errors(bad)
    assert (
        e.field == "trajectories[0].milestones[1].date"
        and e.line == bad.splitlines().index(next(x for x in bad.splitlines() if "ergens in 2022" in x)) + 1
    )
    assert "expected a date as written" in e.message and "'ergens in 2022'" in e.message


def test_an_option_for_a_task_not_in_the_trajectory_is_refused() -> None:
    bad = REGISTER + TRAJECTORY.split("format: raadhuis/1\n", 1)[1]
    bad = _change(bad, "{id: alleen, task: jz,", "{id: alleen, task: wmo,")
    (e,) = _errors(bad)
    assert e.field == "trajectories[0].options[0].task"
    assert e.message == "option 'alleen' is for task 'wmo', which is not a task of trajectory 'abc'"


def test_a_score_off_the_declared_scale_is_refused_and_nothing_is_written(filled: Store) -> None:
    bad = "format: raadhuis/1\nassessments:\n  - trajectory: abc\n    option: dvo\n    by: Adviseur\n    scores:\n"
    bad += "      - {criterion: kosten, score: 1, reasoning: goedkoper}\n      - {criterion: kwetsbaarheid, score: 5, reasoning: x}\n"
    (e,) = _errors(bad, "scores.yaml", filled)
    assert (e.file, e.line, e.field) == ("scores.yaml", 8, "assessments[0].scores[1].score")
    assert e.message == "score 5 is off the scale -2..2 of trajectory 'abc'"
    assert e.text("nl").endswith("score 5 valt buiten de schaal -2..2 van traject 'abc'")
    with filled.session() as s:
        assert repo.current_records(s, "assessment") == []


def test_an_assessment_of_an_unknown_trajectory_option_or_criterion_is_refused(filled: Store) -> None:
    for old, new, field in (
        ("trajectory: abc", "trajectory: xyz", "assessments[0].trajectory"),
        ("option: dvo", "option: fusie", "assessments[0].option"),
        ("criterion: kosten", "criterion: prijs", "assessments[0].scores[0].criterion"),
    ):
        text = "format: raadhuis/1\nassessments:\n  - trajectory: abc\n    option: dvo\n    by: A\n"
        text += "    scores: [{criterion: kosten, score: 1, reasoning: r}]\n"
        (e,) = _errors(_change(text, old, new), "a.yaml", filled)
        assert e.field == field


def test_an_outcome_of_an_unknown_cooperation_is_refused(filled: Store) -> None:
    text = "format: raadhuis/1\ncooperation_outcomes:\n  - cooperation: nergens\n    effects:\n"
    text += "      - {kind: realised, criteria: [kosten], text: goedkoper, sources: [plan]}\n"
    (e,) = _errors(text, "o.yaml", filled)
    assert e.field == "cooperation_outcomes[0].cooperation" and e.line == 3


def test_the_schema_refuses_an_unknown_option_kind_and_criterion_of_an_effect() -> None:
    bad = REGISTER + TRAJECTORY.split("format: raadhuis/1\n", 1)[1]
    errors = _errors(_change(bad, "kind: alone", "kind: fusie"))
    assert [e.field for e in errors] == ["trajectories[0].options[0].kind"]


# --- exports, imports and the W3C round trip --------------------------------------------------


def test_a_trajectory_is_in_exactly_its_participants_exports(filled: Store) -> None:
    for org, expected in (("GM0001", True), ("GM0002", True), ("GM0003", True), ("GM0004", False)):
        ds = register.export_dataset(filled, org)
        assert bool(ds.sections.get("trajectories")) is expected, org
        assert not ds.extensions  # nothing of the trajectory leaks as free text


def test_the_wol_trajectory_is_only_in_wol_exports(store: Store) -> None:
    for name in ("losser.yaml", "wol.yaml"):
        register.import_dataset(store, EXAMPLES / name, who="test", reason="examples")
    ids = {
        org: [t.id for t in register.export_dataset(store, org).sections.get("trajectories", [])]
        for org in ("GM0880", "GM0168")
    }
    assert ids["GM0880"] == ["wol-2007-2009"]
    assert "wol-2007-2009" not in ids["GM0168"]
    # Losser's assessments and outcomes go with their trajectories and cooperations.
    losser = register.export_dataset(store, "GM0168")
    assert {a.trajectory for a in losser.sections["assessments"]} == {"vvh-enschede-2011", "regionale-pool-2017"}
    assert "enschede-losser-bedrijfsvoering" in {o.cooperation for o in losser.sections["cooperation_outcomes"]}
    assert "cooperation_outcomes" not in register.export_dataset(store, "GM0880").sections


def test_importing_an_export_records_nothing(filled: Store) -> None:
    text = dump_dataset(register.export_dataset(filled))
    result = register.import_dataset(filled, "export.yaml", who="test", reason="again", text=text)
    assert result.changed is False


def test_w3c_round_trip_keeps_trajectories_assessments_and_outcomes(store: Store) -> None:
    for name in ("losser.yaml", "wol.yaml"):
        register.import_dataset(store, EXAMPLES / name, who="test", reason="examples")
    for org in ("GM0168", "GM0880"):
        ds = register.export_dataset(store, org)
        turtle = to_turtle(dataset_to_graph(ds, org))
        assert "rdh:writtenDate" in turtle and "rdh:participant" in turtle
        back = graph_to_dataset(from_text(turtle, "turtle"))
        for name in ("trajectories", "assessments", "cooperation_outcomes"):
            key = {
                "trajectories": lambda i: i.id,
                "assessments": lambda i: i.key,
                "cooperation_outcomes": lambda i: i.cooperation,
            }[name]
            assert sorted(ds.sections.get(name, []), key=key) == sorted(back.sections.get(name, []), key=key), name
    assert "Na de zomer 2008" in to_turtle(dataset_to_graph(register.export_dataset(store, "GM0880"), "GM0880"))


# --- the service ---------------------------------------------------------------------------


def test_trajectory_json_contract(filled: Store) -> None:
    data = svc.trajectory(filled, "abc", date(2021, 6, 1))
    assert [p["organisation"] for p in data["participants"]] == ["GM0001", "GM0002", "GM0003"]
    assert [(k["name"], k["task_field"], k["pro_memorie"]) for k in data["tasks"]] == [
        ("Juridische Zaken", "0.4", False),
        ("Communicatie", None, True),
    ]
    ms = {m["id"]: m for m in data["milestones"]}
    assert (ms["besluit"]["date"], ms["besluit"]["precision"], ms["besluit"]["approximate"]) == (
        "Begin 2022",
        "quarter",
        True,
    )
    assert (ms["start"]["status"], ms["start"]["window_passed"], ms["besluit"]["window_passed"]) == (
        "realised",
        True,
        False,
    )
    assert [c["id"] for c in data["criteria"]] == ["zelfstandig"]
    assert [s["id"] for s in data["sources"]] == ["plan"]


def test_assess_puts_the_register_figures_beside_the_options(filled: Store) -> None:
    data = svc.assess(filled, "abc", "jz", date(2021, 6, 1))
    assert [o["id"] for o in data["options"]] == ["alleen", "dvo", "pool"]
    figures = {p["organisation"]: p for p in data["register"]["participants"]}
    a, b, c = figures["GM0001"], figures["GM0002"], figures["GM0003"]
    assert (a["budgeted_fte"], a["posts"], a["people"], a["single_person"]) == (1.0, 1, 1, True)
    assert a["assumption"] == ["a-jz", "a-p1"]  # figures resting on assumed facts say so
    # B's team carries 0.4 for half: 1.5 of 3 FTE budgeted; one vacancy; one external hire.
    assert (b["budgeted_fte"], b["posts"], b["people"], b["single_person"]) == (1.5, 2, 2, False)
    assert (b["vacancy_share"], b["external_share"]) == (pytest.approx(1 / 3, abs=1e-3), 0.5)
    assert b["assumption"] == [] and b["missing"] == []
    # C has no units at all: every figure is missing, and says why.
    assert c["budgeted_fte"] is None and [m["id"] for m in c["missing"]] == ["no_units"]


def test_the_pool_split_changes_with_the_key_and_names_what_is_missing(filled: Store) -> None:
    (pool,) = svc.assess(filled, "abc", "jz", date(2021, 6, 1))["pools"]
    splits = {s["key"]: s for s in pool["splits"]}
    assert splits["inhabitants"]["chosen"] and splits["inhabitants"]["complete"]
    assert [s["amount"] for s in splits["inhabitants"]["shares"]] == [20000, 40000, 60000]
    assert splits["inhabitants"]["shares"][0]["sources"][0]["source"] == "cbs"
    # FTE from the register: C has none, so that split is unknown rather than split over A and B.
    assert not splits["fte"]["complete"] and [m["id"] for m in splits["fte"]["missing"]] == ["GM0003"]
    assert all(s["share"] is None for s in splits["fte"]["shares"])
    # Expected use is an assumption for A and B and missing for C.
    assert [m["id"] for m in splits["expected_use"]["missing"]] == ["GM0003"]
    assert splits["expected_use"]["shares"][0]["assumption"] == "schatting"
    assert pool["cost"]["assumption"] == "begroting nog niet vastgesteld"


def test_a_consultant_scores_two_options_and_sees_them_side_by_side(filled: Store) -> None:
    for option, kwets in (("alleen", -1), ("dvo", 1)):
        item = {
            "trajectory": "abc",
            "option": option,
            "by": "K. Adviseur",
            "date": "maart 2021",
            "scores": [
                {"criterion": "kwetsbaarheid", "score": kwets, "reasoning": "één jurist", "figures_at": "2021-06-01"},
                {"criterion": "zelfstandig", "score": 0, "reasoning": "blijft"},
            ],
        }
        preview = svc.score(filled, item, "K. Adviseur", "eerste weging", dry_run=True)
        assert preview.written["assessment"]["added"] == 1 and preview.changeset is None
        saved = svc.score(filled, item, "K. Adviseur", "eerste weging")
        assert saved.changeset is not None
    data = svc.assess(filled, "abc", "jz", date(2021, 6, 1))
    rows = {r["criterion"]["id"]: r for r in data["rows"]}
    assert list(rows) == ["kosten", "kwaliteit", "kwetsbaarheid", "zelfstandig"]
    cells = {c["option"]: c for c in rows["kwetsbaarheid"]["cells"]}
    assert [s["score"] for s in cells["alleen"]["scores"]] == [-1]
    assert [(s["score"], s["label"], s["by"]) for s in cells["dvo"]["scores"]] == [(1, "beter", "K. Adviseur")]
    assert cells["pool"]["scores"] == []
    with filled.session() as s:
        history = repo.record_history(s, "assessment", "", "abc/dvo/k-adviseur")
    assert (history[-1]["recorded_by"], history[-1]["reason"]) == ("K. Adviseur", "eerste weging")


def test_writes_need_who_and_reason_and_are_checked_like_an_import(filled: Store) -> None:
    with pytest.raises(InputErrors) as caught:
        svc.add_option(filled, "abc", {"id": "x", "task": "jz", "kind": "alone", "name": "X"}, "", "")
    assert [e.field for e in caught.value.errors] == ["who", "reason"]
    with pytest.raises(InputErrors) as caught:
        svc.add_option(filled, "abc", {"id": "x", "task": "wmo", "kind": "alone", "name": "X"}, "a", "b")
    assert caught.value.errors[0].field.endswith("options[3].task")
    with pytest.raises(InputErrors) as caught:
        svc.record_milestone(filled, "abc", {"id": "m", "title": "M", "date": "straks"}, "a", "b")
    assert caught.value.errors[0].field.endswith("milestones[2].date")
    assert len(svc.trajectory(filled, "abc")["options"]) == 3  # nothing written


def test_recording_a_milestone_as_realised_makes_a_new_version(filled: Store) -> None:
    svc.record_milestone(
        filled,
        "abc",
        {
            "id": "besluit",
            "title": "Besluit",
            "date": "Begin 2022",
            "status": "realised",
            "decision_moment": True,
            "sources": ["plan"],
        },
        "Secretaris",
        "raad besloot",
    )
    ms = {m["id"]: m for m in svc.trajectory(filled, "abc")["milestones"]}
    assert ms["besluit"]["status"] == "realised" and len(ms) == 2
    with filled.session() as s:
        versions = repo.record_history(s, "trajectory", "", "abc")
    assert [v["recorded_by"] for v in versions] == ["test", "Secretaris"]


def test_the_timeline_lists_trajectory_milestones_apart_from_events(filled: Store) -> None:
    from raadhuis.services.timeline import timeline

    data = timeline(filled, "GM0002")
    assert {e["id"] for e in data["events"]} == {"b-jz", "b-p1", "b-p2"}
    assert [(m["trajectory"]["id"], m["id"]) for m in data["milestones"]] == [("abc", "start"), ("abc", "besluit")]
    assert timeline(filled, "GM0004")["milestones"] == []
    # The register's own timeline holds its events only.
    assert "milestones" not in register.timeline(filled, "GM0002")


def test_trajectories_of_one_organisation(filled: Store) -> None:
    assert [t["id"] for t in svc.trajectories(filled, "GM0003")["trajectories"]] == ["abc"]
    assert svc.trajectories(filled, "GM0004")["trajectories"] == []
    with pytest.raises(register.NotFound):
        svc.trajectory(filled, "nope")
    with pytest.raises(register.NotFound):
        svc.assess(filled, "abc", "nope")


def test_the_enschede_losser_outcome_with_its_source(store: Store) -> None:
    register.import_dataset(store, EXAMPLES / "losser.yaml", who="test", reason="example")
    out = svc.outcomes(store)["enschede-losser-bedrijfsvoering"]
    saving = next(e for e in out["effects"] if e["kind"] == "realised" and "kosten" in e["criteria"])
    assert saving["amount"] == {"value": 600000, "per": "year", "currency": "EUR", "bound": "at_least"}
    assert any("tenminste zes ton per jaar" in c["quote"] for c in saving["sources"])
    assert yaml.safe_dump(out)  # plain data


def test_a_chosen_option_becomes_a_cooperation_linked_back_to_its_trajectory(store: Store) -> None:
    from tests.test_docs import DOCS, blocks

    example = next(
        b for b in blocks(DOCS / "samenwerking.md") if b.lang == "yaml" and "cooperation_outcomes:" in b.text
    )
    register.import_dataset(store, "voorbeeld.yaml", who="test", reason="docs example", text=example.text)
    data = svc.trajectory(store, "jz-verkenning")
    assert data["outcomes"] == [
        {
            "cooperation": {"id": "jz-dvo", "name": "DVO Juridische Zaken Oostzaan–Wormerland"},
            "task": "jz",
            "option": "dvo",
            "decision": None,
        }
    ]
    out = svc.outcomes(store, organisation="GM0431")["jz-dvo"]
    assert out["origin"]["trajectory"] == {"id": "jz-verkenning", "name": "Verkenning Juridische Zaken"}
    assert out["effects"][0]["assumption"] == "illustratief"
    # An origin that names an option of another task is refused, at its field.
    bad = example.text.replace(
        "origin: {trajectory: jz-verkenning, task: jz, option: dvo}",
        "origin: {trajectory: jz-verkenning, task: com, option: dvo}",
    )
    (e,) = _errors(bad, "bad.yaml")
    assert (
        e.field == "cooperation_outcomes[0].origin.option" and e.message == "option 'dvo' is for task 'jz', not 'com'"
    )


def test_the_report_says_what_the_cooperations_brought(sqlite_store: Store) -> None:
    import re
    from io import BytesIO

    from pypdf import PdfReader

    from raadhuis.report import report_data, report_html, report_pdf

    for name in ("losser.yaml", "wol.yaml"):
        register.import_dataset(sqlite_store, EXAMPLES / name, who="test", reason="examples")
    data = report_data(sqlite_store, "GM0168", date(2017, 12, 31))
    saving = "bereikt: kosten verbeterd, ten minste € 600.000 per jaar (2017)"
    html = report_html(data)
    assert saving in html and "Regionale pool van strategen en specialisten" in html
    pdf = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(BytesIO(report_pdf(data))).pages))
    assert "ten minste € 600.000 per jaar" in pdf
    # The effect's source is in the report's sources, and its assumption in the assumptions.
    assert any(s["id"] == "losser-2011-aanpassing" for s in data["sources"])
    assert any("positieve resultaten" in a["assumption"] for a in data["assumptions"])
    wol = report_data(sqlite_store, "GM0880", date(2008, 10, 1))
    assert [t["id"] for t in wol["trajectories"]] == ["wol-2007-2009"] and wol["outcomes"] == []
