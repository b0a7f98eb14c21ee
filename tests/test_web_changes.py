"""Recording a change without ids (issue 13): units and posts by name as of the day, a decision
and a source picked or added on the spot, the effect shown first, then saved with a reason through
Store.write; bad input gives a Dutch message next to its field and writes nothing. And the
formatieplan as an Excel workbook from the organisation's page."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient

from raadhuis.domain.model import View
from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.webtools import BASE_URL, csrf_token

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="test", reason="fixture")
    with TestClient(create_app(sqlite_store), base_url=BASE_URL) as c:
        c.get("/")
        yield c


def _post(client: TestClient, fields: dict[str, Any], step: str = "preview", url: str = "/o/GM0168/change") -> Any:
    data = dict(fields, csrf=csrf_token(client), step=step)
    return client.post(url, data=data, follow_redirects=False)


def _save(client: TestClient, fields: dict[str, Any]) -> Any:
    """Look at the effect, then save what it showed (as the page does)."""
    r = _post(client, fields)
    assert r.status_code == 200, r.text
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', r.text)
    assert digest, "no effect shown"
    return _post(client, dict(fields, digest=digest.group(1)), "save")


def _events(client: TestClient) -> list[dict[str, Any]]:
    return client.get("/api/v1/organisations/GM0168/timeline").json()["events"]  # type: ignore[no-any-return]


TEAM = {
    "action": "establish",
    "name": "Team Communicatie",
    "parent": "Beleid, Strategie en Projecten",
    "date": "1-3-2013",
    "source": "Aanpassing structuur ambtelijke organisatie Losser",
    "quote": "een team communicatie",
    "reason": "nieuw team volgens het besluit",
}


def test_a_team_under_a_department_by_names(client: TestClient) -> None:
    before = len(_events(client))
    r = _post(client, TEAM)
    # The effect first: in words, on the chart with the new unit marked; nothing written yet.
    assert r.status_code == 200
    assert "Team Communicatie" in r.text and 'data-mark="added"' in r.text
    assert "opgericht" in r.text.lower() or "nieuw" in r.text.lower()
    assert len(_events(client)) == before
    r = _save(client, TEAM)
    assert r.status_code == 303, r.text
    assert r.headers["location"].startswith("/o/GM0168/audit?event=")
    events = _events(client)
    assert len(events) == before + 1
    new = next(e for e in events if e["type"] == "establish" and e["data"]["unit"]["name"] == "Team Communicatie")
    unit = new["data"]["unit"]
    # The id is made from the name, the parent found by its name, the kind one level below a department.
    assert unit["id"] == "team-communicatie" and unit["parent"] == "BSP" and unit["kind"] == "team"
    assert new["effective"] == "2013-03-01"
    assert new["sources"][0]["source"] == "losser-2011-aanpassing" and new["sources"][0]["quote"]
    # The history says who and why, and what in words: the effect's sentence is the event's title,
    # the units are named (the parent by its name, not its code).
    assert new["title"] == "Team Communicatie opgericht onder BSP (nieuw)"
    page = client.get(r.headers["location"]).text
    assert "nieuw team volgens het besluit" in page and "Team Communicatie opgericht onder BSP" in page
    assert "Eenheid Team Communicatie op 1 maart 2013" in page
    assert '<td class="after">Beleid, Strategie en Projecten</td>' in page


def test_merge_with_a_new_decision_and_a_new_source(client: TestClient) -> None:
    fields = {
        "action": "merge",
        "units": ["Openbare Werken", "VTH"],
        "name": "Fysiek Domein",
        "abbreviation": "FD",
        "date": "2018-01-01",
        "decision_body": "college",
        "decision_date": "10-12-2017",
        "decision_title": "Vorming fysiek domein",
        "source_title": "Collegebesluit fysiek domein",
        "source_url": "https://example.org/besluit.pdf",
        "quote": "OW en VVH gaan samen",
        "reason": "besluit college",
    }
    r = _save(client, fields)
    assert r.status_code == 303, r.text
    merge = next(e for e in _events(client) if e["type"] == "merge" and e["data"]["into"]["id"] == "FD")
    assert merge["data"]["units"] == ["OW", "VVH"] and merge["data"]["into"]["id"] == "FD"
    assert merge["decision"]["title"] == "Vorming fysiek domein" and merge["decision"]["date"] == "2017-12-10"
    assert merge["sources"][0]["title"] == "Collegebesluit fysiek domein"
    shown = client.get("/o/GM0168", params={"at": "2018-01-02"}).text
    assert "Fysiek Domein" in shown


def test_bad_input_is_named_at_its_field_in_dutch_and_nothing_is_written(client: TestClient) -> None:
    before = _events(client)
    fields = {
        "action": "add_post",
        "unit": "Afdeling die niet bestaat",
        "post_title": "Adviseur",
        "fte": "veel",
        "date": "31-02-2013",
        "source": "Een bron die er niet is",
        "reason": "",
    }
    r = _post(client, fields)
    assert r.status_code == 422
    for name in ("unit", "fte", "date", "source"):
        assert f'id="{name}-error"' in r.text, name
    assert "Er is geen eenheid ‘Afdeling die niet bestaat’" in r.text
    assert "Verwacht een getal" in r.text and "Verwacht een datum" in r.text
    # The list above the form names each field by its label, linked to it (no field codes).
    assert '<a href="#f-unit">Eenheid</a>: Er is geen eenheid' in r.text
    assert '<a href="#f-source">Bron</a>:' in r.text and "<code>source</code>" not in r.text
    # A change that the register's check refuses: REO is gone in 2013 (found by its name on the day).
    r = _post(client, dict(fields, unit="Welzijn", fte="0,5", date="2013-01-01", source=""))
    assert r.status_code == 422 and 'id="unit-error"' in r.text
    # No reason: the effect stays, the reason is asked for, nothing is saved.
    good = dict(fields, unit="BSP", fte="0,5", date="2013-01-01", source="")
    r = _save(client, good)
    assert r.status_code == 422 and 'id="reason-error"' in r.text and "Geef een reden op" in r.text
    assert _events(client) == before


def test_saving_what_was_not_shown_is_refused(client: TestClient) -> None:
    r = _post(client, TEAM)
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', r.text).group(1)  # type: ignore[union-attr]
    before = len(_events(client))
    r = _post(client, dict(TEAM, name="Team Anders", digest=digest), "save")
    assert r.status_code == 200 and 'id="effect-note"' in r.text and "Team Anders" in r.text
    assert len(_events(client)) == before


SPLIT = {
    "action": "split",
    "unit": "Openbare Werken",
    "name_1": "Wegen",
    "name_2": "Groen",
    "date": "2018-06-01",
    "reason": "splitsing volgens het besluit",
}


def _opzichter(client: TestClient) -> None:
    """A second post in Openbare Werken (the example has one), so that a split has two to divide."""
    add = {"action": "add_post", "unit": "OW", "post_title": "Opzichter", "fte": "1", "date": "2018-01-01"}
    assert _save(client, dict(add, reason="tweede formatieplaats")).status_code == 303


def test_a_split_divides_the_posts_over_its_new_units_by_name(client: TestClient, sqlite_store: Store) -> None:
    _opzichter(client)
    # The form asks, per post of the unit that splits, which new unit it goes to (the first by default).
    r = _post(client, SPLIT)
    assert r.status_code == 200, r.text
    assert 'name="post_to.OW-hoofd"' in r.text and 'name="post_to.OW-opzichter"' in r.text
    assert "naar welke nieuwe eenheid" in r.text
    chosen = dict(SPLIT, **{"post_to.OW-opzichter": "Groen"})
    r = _post(client, chosen)
    division = re.search(r'<ul id="effect-allocation".*?</ul>', r.text, re.S)
    assert division, "the effect shows the division"
    assert "Opzichter — Openbare Werken gaat naar Groen" in division.group(0)
    assert "Afdelingshoofd Openbare Werken — Openbare Werken gaat naar Wegen" in division.group(0)
    r = _save(client, chosen)
    assert r.status_code == 303, r.text
    # As of the day each post is under the new unit chosen for it.
    snap = register.snapshot(sqlite_store, "GM0168", date(2018, 6, 1), View.ACTUAL)
    under = {p.title: snap.units[p.unit].name for p in snap.posts.values() if p.unit in snap.units}
    assert under["Opzichter"] == "Groen"
    assert under["Afdelingshoofd Openbare Werken"] == "Wegen"
    assert "OW" not in snap.units


def test_a_split_to_a_unit_that_is_not_one_of_its_new_units_is_refused(client: TestClient) -> None:
    _opzichter(client)
    before = len(_events(client))
    r = _post(client, dict(SPLIT, **{"post_to.OW-opzichter": "Plantsoenen"}), "save")
    assert r.status_code == 422
    # A Dutch message at the field, in the list of problems under the field's label; nothing written.
    assert 'id="post_to.OW-opzichter-error"' in r.text
    assert "‘Plantsoenen’ is geen van de nieuwe eenheden (Wegen, Groen)" in r.text
    assert "Naar welke nieuwe eenheid</a>" in r.text
    r = _post(client, dict(SPLIT, **{"post_to.BSP-beleid": "Groen"}))
    assert r.status_code == 422 and "hoort op die dag niet (meer) bij Openbare Werken" in r.text
    assert len(_events(client)) == before


@pytest.mark.parametrize(
    ("fields", "check"),
    [
        ({"action": "rename", "unit": "Openbare Werken", "name": "Buitendienst"}, lambda e: e["data"]["name"]),
        ({"action": "move", "unit": "Openbare Werken", "parent": "", "top": "1"}, lambda e: e["type"] == "move"),
        ({"action": "dissolve", "unit": "OW"}, lambda e: e["data"]["unit"] == "OW"),
        ({"action": "absorb", "units": ["VTH"], "into": "Openbare Werken"}, lambda e: e["data"]["into"] == "OW"),
        (
            {"action": "split", "unit": "Openbare Werken", "name_1": "Wegen", "name_2": "Groen"},
            lambda e: [u["name"] for u in e["data"]["into"]] == ["Wegen", "Groen"],
        ),
        ({"action": "change", "unit": "OW", "task_fields": "2.1 60%, 5.7 40%"}, lambda e: e["data"]["set"]),
        (
            {
                "action": "add_post",
                "unit": "OW",
                "post_title": "Opzichter",
                "fte": "0,8",
                "staffing_kind": "vacancy",
                "staffed_fte": "0,8",
            },
            lambda e: (
                e["data"]["post"]["id"] == "OW-opzichter" and e["data"]["post"]["staffing"][0]["kind"] == "vacancy"
            ),
        ),
        ({"action": "transfer_out", "unit": "OW", "to": "Enschede"}, lambda e: e["data"]["to"] == "GM0153"),
    ],
)
def test_every_kind_of_change_by_name(client: TestClient, fields: dict[str, Any], check: Any) -> None:
    r = _save(client, dict(fields, date="2018-06-01", reason="test"))
    assert r.status_code == 303, r.text
    event = next(e for e in reversed(_events(client)) if e["type"] == fields["action"])
    assert check(event)


def test_post_changes_by_name(client: TestClient) -> None:
    choices = client.get("/o/GM0168/change/choices", params={"at": "2018-01-01"}).json()
    label = next(p["value"] for p in choices["posts"] if p["value"].startswith("Regiefunctionaris"))
    r = _save(
        client,
        {
            "action": "change_post",
            "post": label,
            "fte": "0,5",
            "staffing_kind": "employee",
            "staffed_fte": "0,5",
            "person": "Jan",
            "date": "2018-01-01",
            "reason": "test",
        },
    )
    assert r.status_code == 303, r.text
    r = _save(
        client,
        {"action": "move_post", "post": label, "into": "Openbare Werken", "date": "2018-02-01", "reason": "test"},
    )
    assert r.status_code == 303, r.text
    r = _save(
        client,
        {
            "action": "remove_post",
            "post": label.replace("Beleid, Strategie en Projecten", "Openbare Werken"),
            "date": "2018-03-01",
            "reason": "test",
        },
    )
    assert r.status_code == 303, r.text


def test_live_effect_fragment_and_lists_follow_the_date(client: TestClient) -> None:
    r = _post(client, TEAM, url="/o/GM0168/change/preview")
    assert r.status_code == 200 and 'id="save"' in r.text and "<html" not in r.text
    r = _post(client, dict(TEAM, parent="Welzijn", date="2013-01-01"), url="/o/GM0168/change/preview")
    assert r.status_code == 200 and 'id="save"' not in r.text and "Welzijn" in r.text
    old = {u["value"] for u in client.get("/o/GM0168/change/choices", params={"at": "31-12-2011"}).json()["units"]}
    new = {u["value"] for u in client.get("/o/GM0168/change/choices", params={"at": "2012-01-01"}).json()["units"]}
    assert "Welzijn" in old and "Welzijn" not in new and "Beleid, Strategie en Projecten" in new


def test_forms_need_the_csrf_token(client: TestClient) -> None:
    assert client.post("/o/GM0168/change", data=dict(TEAM, step="preview")).status_code == 403
    assert client.post("/o/GM0168/change/preview", data=dict(TEAM, csrf="forged")).status_code == 403


def test_every_form_renders_in_both_languages(client: TestClient) -> None:
    from raadhuis.services.changes import ACTIONS

    for action in ACTIONS:
        for lang in ("nl", "en"):
            r = client.get("/o/GM0168/change", params={"action": action, "at": "2013-01-01", "lang": lang})
            assert r.status_code == 200, (action, lang)
            assert "chg." not in r.text, (action, lang)  # no message key left untranslated
            labelled = set(re.findall(r'<label for="([^"]+)"', r.text))
            for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", r.text):
                if 'type="hidden"' in tag or 'type="checkbox"' in tag:
                    continue
                ident = re.search(r'id="([^"]+)"', tag)
                assert ident and ident.group(1) in labelled, (action, tag)


def test_formatieplan_as_excel_from_the_organisation_page(client: TestClient) -> None:
    page = client.get("/o/GM0168", params={"at": "2012-01-01"}).text
    link = re.search(r'href="(/o/GM0168/formatieplan\.xlsx\?[^"]+)"', page)
    assert link, "no Excel link on the organisation's page"
    r = client.get(link.group(1).replace("&amp;", "&"))
    assert r.status_code == 200
    assert 'filename="GM0168-formatieplan-2012-01-01.xlsx"' in r.headers["content-disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    assert any(c.value == "BSP" for c in cells)


def test_a_post_with_two_lines_of_staffing_in_words(client: TestClient) -> None:
    fields = {
        "action": "add_post",
        "unit": "Openbare Werken",
        "post_title": "Medewerker groen",
        "fte": "2",
        "staffing_kind": "employee",
        "staffed_fte": "1",
        "person": "Piet",
        "staffing_kind_2": "vacancy",
        "staffed_fte_2": "1",
        "date": "2018-01-01",
        "reason": "test",
    }
    r = _save(client, fields)
    assert r.status_code == 303, r.text
    unit = client.get("/api/v1/organisations/GM0168/units/OW", params={"at": "2018-01-02"}).json()
    post = next(p for p in unit["posts"] if p["title"] == "Medewerker groen")
    assert post["staffing"] == [{"kind": "employee", "fte": 1.0, "person": "Piet"}, {"kind": "vacancy", "fte": 1.0}]
    page = client.get("/o/GM0168/u/OW", params={"at": "2018-01-02"}).text
    assert "eigen personeel 1,00 Piet" in page and "vacature 1,00" in page
    # A second line with an FTE but no kind is named at its own field.
    r = _post(client, dict(fields, staffing_kind_2="", post_title="Medewerker riolering"))
    assert r.status_code == 422 and 'id="staffing_kind_2-error"' in r.text


def test_the_excel_export_says_things_in_words(client: TestClient) -> None:
    r = client.get("/o/GM0168/formatieplan.xlsx", params={"at": "2017-06-01"})
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    posts = [[c.value for c in row] for row in wb["Formatie"].iter_rows()]
    head = posts[0]
    roles = [row[head.index("Rollen")] for row in posts[1:] if row[0] == "OW-hoofd"]
    assert roles == ["leidinggevende"]
    about = {row[0].value: row[1].value for row in wb["Over"].iter_rows()}
    assert about["Peildatum"] == "1 juni 2017" and about["Weergave"] == "feitelijk"
    statuses = {row[-1] for row in list(wb["Samenwerkingen"].iter_rows(values_only=True))[1:]}
    assert statuses and statuses <= {"gerealiseerd", "besloten", "voorgesteld", "niet gerealiseerd"}
