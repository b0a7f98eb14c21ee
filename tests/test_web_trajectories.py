"""Trajectories on the web: the API answers, the pages show what it answers, and the forms
preview, refuse bad input at its field, and save attributed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from raadhuis.services import register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.settings import WebSettings
from tests.webtools import BASE_URL, csrf_token

ROOT = Path(__file__).resolve().parents[1]
NASTY = "<b>\"x\" & 'y'</b>"


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    for name in ("losser.yaml", "wol.yaml"):
        register.import_dataset(sqlite_store, ROOT / "examples" / name, who="test", reason="fixture")
    # One user on this computer; the author of every change is this name, never one typed in a form.
    with TestClient(create_app(sqlite_store, settings=WebSettings(author="Consultant")), base_url=BASE_URL) as c:
        c.get("/")
        yield c


def token(client: TestClient) -> str:
    return csrf_token(client)


def test_api_trajectory_and_assessment(client: TestClient) -> None:
    data = client.get("/api/v1/trajectories/wol-2007-2009").json()
    assert [p["organisation"] for p in data["participants"]] == ["GM0880", "GM0431", "GM0415"]
    assert [m["date"] for m in data["milestones"]][-1] == "Begin 2009"
    listing = client.get("/api/v1/trajectories", params={"organisation": "GM0168"}).json()
    assert {t["id"] for t in listing["trajectories"]} == {"vvh-enschede-2011", "regionale-pool-2017"}
    side = client.get("/api/v1/trajectories/vvh-enschede-2011/tasks/vvh/assessment", params={"at": "2017-12-31"}).json()
    losser = side["register"]["participants"][0]
    assert (losser["organisation"], losser["budgeted_fte"], losser["posts"]) == ("GM0168", 1.0, 1)
    assert losser["staffed_fte"] is None and losser["missing"][0]["id"] == "vulnerability.missing_staffing"
    assert client.get("/api/v1/trajectories/nope").status_code == 404
    assert client.get("/api/v1/trajectories/wol-2007-2009", params={"at": "gisteren"}).status_code == 400
    outcomes = client.get("/api/v1/cooperation-outcomes").json()
    assert outcomes["enschede-losser-bedrijfsvoering"]["effects"][1]["amount"]["value"] == 600000


def test_api_writes_are_checked_and_dry_run_writes_nothing(client: TestClient) -> None:
    option = {
        "id": "dvo-wormerland",
        "task": "juridische-zaken",
        "kind": "service_agreement",
        "name": "DVO",
        "centre": "GM0880",
        "assumption": "test",
    }
    params = {"reason": "proef", "dry_run": "true"}
    r = client.post("/api/v1/trajectories/wol-2007-2009/options", json=option, params=params)
    assert r.status_code == 200 and r.json()["changeset"] is None  # a preview records nothing
    assert client.get("/api/v1/trajectories/wol-2007-2009").json()["options"] == []
    bad = dict(option, task="fusie")
    r = client.post("/api/v1/trajectories/wol-2007-2009/options", json=bad, params=dict(params, dry_run="false"))
    assert r.status_code == 422
    (err,) = r.json()["errors"]
    assert err["field"] == "trajectories[0].options[0].task"
    assert (
        err["message"]
        == "optie 'dvo-wormerland' is voor taak 'fusie', maar dat is geen taak van traject 'wol-2007-2009'"
    )
    r = client.post("/api/v1/trajectories/wol-2007-2009/options", json=option, params=dict(params, dry_run="false"))
    assert r.status_code == 201 and r.json()["changeset"]
    score = {
        "trajectory": "wol-2007-2009",
        "option": "dvo-wormerland",
        "by": "api",
        "scores": [{"criterion": "kosten", "score": 9}],
    }
    r = client.post("/api/v1/assessments", json=score, params=dict(params, dry_run="false"))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "assessments[0].scores[0].score"


def test_trajectory_page_shows_participants_constraints_tasks_and_the_time_axis(client: TestClient) -> None:
    html = client.get("/trajectories/wol-2007-2009").text
    for text in (
        "Wormerland",
        "Oostzaan",
        "Landsmeer",
        "Bestuurlijke zelfstandigheid",
        "Dienstverlening lokaal (front-office functies)",
    ):
        assert text in html
    assert "<q>De drie gemeentesecretarissen sturen de zeven samenwerkingstaken aan</q>" in html
    assert html.count('class="milestone s-') == 7 and "Na de zomer 2008" in html
    assert 'data-milestone="besluitvorming"' in html
    assert re.search(r'id="task-communicatie">.*?pro memorie', html, re.S)
    assert "1 september – 30 november 2008 (bij benadering)" in html
    english = client.get("/trajectories/wol-2007-2009", params={"lang": "en"}).text
    assert "Milestones on a time axis" in english and "1 September – 30 November 2008 (approximately)" in english


def test_timeline_and_cooperation_register_show_trajectories(client: TestClient) -> None:
    html = client.get("/o/GM0431/timeline").text
    assert "Mijlpalen van samenwerkingstrajecten" in html and "Vierde kwartaal 2008" in html
    coops = client.get("/o/GM0168/cooperations").text
    row = coops.split('id="coop-enschede-losser-bedrijfsvoering"', 1)[1].split("</tr>", 1)[0]
    assert "ten minste € 600.000 per jaar" in row and "tenminste zes ton per jaar" in row
    assert "/trajectories/vvh-enschede-2011" in coops


def test_a_participants_timeline_marks_assumed_milestones_and_passed_windows(client: TestClient) -> None:
    html = client.get("/o/GM0880/timeline").text

    def item(milestone: str) -> str:
        return html.split(f'id="tm-wol-2007-2009-{milestone}"', 1)[1].split("</li>", 1)[0]

    # 'Gehouden' is read from the source, not said by it: the mark and its reason are on the timeline too.
    held = item("informatiebijeenkomsten")
    assert "gehouden" in held and 'class="badge assumption"' in held and "zegt de bron niet" in held
    # A planned milestone whose window is over: whether it happened is unknown, and the page says so.
    planned = item("besluitvorming")
    assert "gepland" in planned and "periode voorbij" in planned and "assumption" not in planned
    assert "periode voorbij" not in item("verkenningsronde")  # held: nothing left unknown
    # ... and on a time axis, as on the trajectory page: one mark per milestone, decision moments too.
    axis = html.split('class="time-axis"', 1)[1].split("</svg>", 1)[0]
    assert axis.count('class="milestone ') == 7 and 'data-milestone="besluitvorming"' in axis


def test_the_cooperation_register_names_legal_forms_and_the_chart_marks_assumed_scores(client: TestClient) -> None:
    coops = client.get("/o/GM0168/cooperations").text
    assert ">Openbaar lichaam<" in coops and ">Dienstverleningsovereenkomst (DVO)<" in coops
    assert ">openbaar_lichaam<" not in coops and ">dvo<" not in coops  # a glossary term, never the code
    html = client.get("/trajectories/regionale-pool-2017/tasks/strategische-capaciteit").text
    chart = html.split('class="scores-chart"', 1)[1].split("</svg>", 1)[0]
    # Every score of the example is a reading of the report's words: each bar says so.
    assert chart.count('class="bar assumed"') == chart.count('class="bar') == 6  # six scored cells
    assert "-1 (aanname)" in chart and "+1 (aanname)" in chart


def test_option_form_previews_then_saves_attributed(client: TestClient, sqlite_store: Store) -> None:
    form = {
        "csrf": token(client),
        "step": "preview",
        "task": "juridische-zaken",
        "id": "jz-dvo",
        "name": NASTY,
        "kind": "service_agreement",
        "centre": "GM0880",
        "legal_form": "dvo",
        "assumption": "illustratie voor de test",
        "reason": "optie verkennen",
    }
    preview = client.post("/trajectories/wol-2007-2009/options/new", data=form)
    assert preview.status_code == 200 and "Voorbeeld" in preview.text
    assert NASTY not in preview.text and "&lt;b&gt;" in preview.text  # escaped
    # In words, never YAML with record keys (issue 13): the task and the centre by name, the kind in words.
    assert "<pre" not in preview.text
    words = preview.text.split('<ul class="preview-item">')[1].split("</ul>")[0]
    for key in ("task:", "kind:", "centre:", "legal_form:", "assumption:", "jz-dvo", "GM0880", "service_agreement"):
        assert key not in words
    assert "voor de taak Juridische Zaken: dienstverlening door een centrumgemeente" in words
    assert (
        "Centrumgemeente: Wormerland" in words
        and "Rechtsvorm: Dienstverleningsovereenkomst (DVO)" in words
        and "Aanname: illustratie voor de test" in words
    )
    with sqlite_store.session() as s:
        assert len(repo.record_history(s, "trajectory", "", "wol-2007-2009")) == 1  # nothing written yet
    saved = client.post("/trajectories/wol-2007-2009/options/new", data=dict(form, step="save"), follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"].startswith(
        "/trajectories/wol-2007-2009/tasks/juridische-zaken?saved="
    )
    with sqlite_store.session() as s:
        assert repo.record_history(s, "trajectory", "", "wol-2007-2009")[-1]["recorded_by"] == "Consultant"
    assert 'name="who"' not in client.get("/trajectories/wol-2007-2009/options/new").text  # the author is not typed


def test_option_form_refuses_bad_input_at_its_field(client: TestClient) -> None:
    form = {
        "csrf": token(client),
        "step": "preview",
        "task": "juridische-zaken",
        "id": "x",
        "name": "X",
        "kind": "alone",
        "reason": "b",
    }
    r = client.post("/trajectories/wol-2007-2009/options/new", data=form)
    assert r.status_code == 422 and 'id="source-error"' in r.text and "verwacht een bron of een aanname" in r.text
    r = client.post(
        "/trajectories/wol-2007-2009/options/new",
        data=dict(form, assumption="x", centre="GM0168", kind="service_agreement"),
    )
    assert r.status_code == 422 and 'id="centre-error"' in r.text and "is geen deelnemer van traject" in r.text
    assert client.post("/trajectories/wol-2007-2009/options/new", data=dict(form, csrf="vals")).status_code == 403


def test_milestone_form_records_what_became_of_a_planned_milestone(client: TestClient) -> None:
    page = client.get("/trajectories/wol-2007-2009/milestones/new", params={"milestone": "raadsbijeenkomst"}).text
    assert 'value="Na de zomer 2008"' in page
    form = {
        "csrf": token(client),
        "step": "save",
        "id": "raadsbijeenkomst",
        "title": "Gezamenlijke raadsbijeenkomst",
        "date": "ergens",
        "status": "realised",
        "assumption": "test",
        "reason": "verslag",
    }
    bad = client.post("/trajectories/wol-2007-2009/milestones/new", data=form)
    assert (
        bad.status_code == 422 and 'id="date-error"' in bad.text and "verwacht een datum zoals geschreven" in bad.text
    )
    en = client.post(
        "/trajectories/wol-2007-2009/milestones/new",
        params={"lang": "en"},
        data=dict(form, date="Na de zomer 2008", step="preview"),
    )
    words = en.text.split('<ul class="preview-item">')[1].split("</ul>")[0]
    assert "Milestone ‘Gezamenlijke raadsbijeenkomst’ (Na de zomer 2008, " in words and "): took place" in words
    assert "Assumption: test" in words and "status:" not in words and "realised" not in words
    ok = client.post(
        "/trajectories/wol-2007-2009/milestones/new", data=dict(form, date="Na de zomer 2008"), follow_redirects=False
    )
    assert ok.status_code == 303
    data = client.get("/api/v1/trajectories/wol-2007-2009").json()
    assert next(m for m in data["milestones"] if m["id"] == "raadsbijeenkomst")["status"] == "realised"


def test_score_form_refuses_a_score_without_reasoning_and_one_off_the_scale(client: TestClient) -> None:
    url = "/trajectories/regionale-pool-2017/tasks/strategische-capaciteit/score"
    form = {
        "csrf": token(client),
        "step": "preview",
        "option": "pool",
        "by": "K",
        "reason": "r",
        "score-kosten": "1",
    }
    r = client.post(url, data=form)
    assert r.status_code == 422 and 'id="reasoning-kosten-error"' in r.text
    r = client.post(url, data=dict(form, **{"score-kosten": "7", "reasoning-kosten": "duur"}))
    assert r.status_code == 422 and 'id="score-kosten-error"' in r.text and "valt buiten de schaal -2..2" in r.text
    r = client.post(url, data=dict(form, **{"reasoning-kosten": "gedeelde kosten"}))
    assert r.status_code == 200 and "gedeelde kosten" in r.text  # the preview
    words = r.text.split('<ul class="preview-item">')[1].split("</ul>")[0]
    assert "<pre" not in r.text and "criterion:" not in words and "reasoning:" not in words and "option:" not in words
    assert "Kosten: score +1 — gedeelde kosten" in words and "door K" in words


def test_a_change_made_on_an_older_version_is_refused(client: TestClient) -> None:
    """Two people open the milestone form; the second save finds the first one's change: 409."""
    page = client.get("/trajectories/wol-2007-2009/milestones/new", params={"milestone": "tussenevaluatie"}).text
    seen = re.search(r'name="version" value="(\d+)"', page)
    assert seen
    form = {
        "csrf": token(client),
        "step": "save",
        "id": "tussenevaluatie",
        "title": "Eerste tussenevaluatie korte termijn samenwerkingstaken",
        "date": "Medio 2008",
        "status": "realised",
        "assumption": "test",
        "reason": "gehouden",
        "version": seen[1],
    }
    assert (
        client.post("/trajectories/wol-2007-2009/milestones/new", data=form, follow_redirects=False).status_code == 303
    )
    late = client.post("/trajectories/wol-2007-2009/milestones/new", data=dict(form, status="not_realised"))
    assert late.status_code == 409 and "Consultant" in late.text
    api = client.post(
        "/api/v1/trajectories/wol-2007-2009/milestones",
        json={"id": "x", "title": "X", "date": "2009", "assumption": "t"},
        params={"reason": "r", "version": seen[1]},
    )
    assert api.status_code == 409


def test_a_reader_of_another_organisation_may_not_see_the_trajectory(sqlite_store: Store) -> None:
    from raadhuis.services import accounts
    from raadhuis.web.settings import Mode
    from tests.webtools import sign_in

    for name in ("losser.yaml", "wol.yaml"):
        register.import_dataset(sqlite_store, ROOT / "examples" / name, who="test", reason="fixture")
    accounts.add_user(sqlite_store, "lezer", "test", password="correct horse battery", grants=[("GM0168", "lezer")])
    with TestClient(create_app(sqlite_store, settings=WebSettings(mode=Mode.ACCOUNTS)), base_url=BASE_URL) as c:
        sign_in(c, "lezer", "correct horse battery")
        assert c.get("/trajectories/vvh-enschede-2011").status_code == 200
        assert c.get("/trajectories/wol-2007-2009").status_code == 403
        assert c.get("/api/v1/trajectories/wol-2007-2009").status_code == 403
        listed = {t["id"] for t in c.get("/api/v1/trajectories").json()["trajectories"]}
        assert listed == {"vvh-enschede-2011", "regionale-pool-2017"}
        r = c.post("/api/v1/trajectories/vvh-enschede-2011/milestones", json={"id": "x"}, params={"reason": "r"})
        assert r.status_code == 403  # a reader does not write
