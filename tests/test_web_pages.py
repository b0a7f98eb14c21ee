"""The server-rendered pages: status, key content, language, escaping, CSRF, forms, upload."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.webtools import csrf_token

ROOT = Path(__file__).resolve().parents[1]
LOSSER = ROOT / "examples" / "losser.yaml"
WEB = ROOT / "src" / "raadhuis" / "web"
NASTY = "<b>\"x\" & 'y'</b>"


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    with TestClient(create_app(sqlite_store), base_url="http://127.0.0.1") as c:
        c.get("/")  # receive the CSRF cookie, as a browser would on its first page
        yield c


def token(client: TestClient) -> str:
    return csrf_token(client)


def chart_units(html: str) -> set[str]:
    return set(re.findall(r'class="unit[^"]*" data-unit="([^"]+)"', html))


def test_organisation_list_and_search(client: TestClient) -> None:
    html = client.get("/").text
    assert 'href="/o/GM0168"' in html and "Losser" in html
    assert "Losser" not in client.get("/", params={"q": "zzz"}).text.split("<main", 1)[1]


def test_the_organisation_list_shows_words_and_dutch_dates_not_codes(client: TestClient) -> None:
    rows = client.get("/").text.split("<tbody>", 1)[1]
    # The audit committee has no CBS code: its internal id is not shown in its place.
    assert ">rekenkamercommissie-losser<" not in rows and "<td>rekenkamercommissie</td>" in rows
    assert "13 september 2011 – 1 januari 2017" in rows and "2011-09-13" not in rows
    english = client.get("/", params={"lang": "en"}).text.split("<tbody>", 1)[1]
    assert "<td>municipality</td>" in english and "<td>audit committee</td>" in english


def test_organisation_page_moves_through_the_merge(client: TestClient) -> None:
    before = client.get("/o/GM0168", params={"at": "2011-12-31"})
    assert before.status_code == 200
    assert {"REO", "WEL"} <= chart_units(before.text) and "BSP" not in chart_units(before.text)
    assert 'id="next-event" href="/o/GM0168?at=2012-01-01' in before.text
    after = client.get("/o/GM0168", params={"at": "2012-01-01"}).text
    assert "BSP" in chart_units(after) and not {"REO", "WEL"} & chart_units(after)
    assert "Beleid, Strategie en Projecten" in after


def test_chart_search_highlight_collapse_and_exports(client: TestClient) -> None:
    html = client.get("/o/GM0168", params={"at": "2011-12-31", "find": "welzijn"}).text
    assert re.search(r'class="unit[^"]*highlight[^"]*" data-unit="WEL"', html)
    svg = client.get("/o/GM0168/chart.svg", params={"at": "2012-01-01"})
    assert svg.headers["content-type"].startswith("image/svg+xml") and svg.text.startswith("<svg")
    assert 'data-unit="BSP"' in svg.text


def test_unit_page_has_posts_lineage_history_and_sources(client: TestClient) -> None:
    html = client.get("/o/GM0168/u/BSP", params={"at": "2018-01-01"}).text
    assert "Regiefunctionaris" in html and "BSP-hoofd" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="lineage"' in html
    assert 'href="/o/GM0168/u/REO"' in html and 'href="/o/GM0168/u/WEL"' in html
    assert "gaan op in" in html or "<q>" in html  # the quote from the decision document
    assert client.get("/o/GM0168/u/NOPE").status_code == 404
    # The unit's kind in words (issue 13): Dutch as stored, English translated.
    assert "<dd>afdeling</dd>" in html
    english = client.get("/o/GM0168/u/BSP", params={"at": "2018-01-01", "lang": "en"}).text
    assert "<dd>department</dd>" in english and "(department" in english  # the lineage list too
    client.get("/", params={"lang": "nl"})


def test_timeline_diff_and_cooperations(client: TestClient) -> None:
    html = client.get("/o/GM0168/timeline").text
    planned, realised = html.split('id="realised-h"')
    assert "wiz-naar-enschede" in planned and "bsp-samenvoeging" in realised
    only = client.get("/o/GM0168/timeline", params=[("status", "not_realised")]).text
    assert "ev-wiz-naar-enschede" in only and "ev-bsp-samenvoeging" not in only
    diff = client.get("/o/GM0168/diff", params={"start": "2011-12-31", "end": "2012-01-01"}).text
    assert re.search(r"data-unit=\"BSP\"[^>]*data-mark=\"merged\"", diff) and diff.count('class="change c-merge"') == 1
    said = re.sub(r"<[^>]+>", "", re.search(r'<p class="said">(.*?)</p>', diff, re.S).group(1)).strip()
    assert said == "REO en Welzijn samengevoegd tot BSP (nieuw)"
    # REO and Welzijn are still on the chart, struck through; the planned move of WIZ is not a removal.
    assert len(re.findall(r'class="unit gone[^"]*" data-unit="(?:REO|WEL)"', diff)) == 2
    assert "WIZ</a> zou overgaan naar Enschede" in diff
    planned = client.get("/o/GM0168/diff", params={"at": "2012-01-01", "view": "planned"}).text
    assert "WIZ</a> gaat over naar Enschede" in planned and 'data-mark="transferred"' in planned
    assert "opgeheven" not in re.sub(r"<svg.*?</svg>", "", planned, flags=re.S)
    coops = client.get("/o/GM0168/cooperations").text
    h1 = coops[coops.index("<h1>") : coops.index("</h1>")]
    assert "Losser" in h1 and "GM0168" not in h1  # the organisation by name (issue 13)
    assert "Cooperations — Losser</h1>" in client.get("/o/GM0168/cooperations", params={"lang": "en"}).text
    client.get("/", params={"lang": "nl"})
    assert "Samenwerking Enschede-Losser" in coops and "<svg" in coops


def test_language_switch_is_remembered(client: TestClient) -> None:
    assert "Organisaties" in client.get("/").text
    english = client.get("/", params={"lang": "en"})
    assert "Organisations" in english.text and '<html lang="en">' in english.text
    assert "Organisations" in client.get("/").text  # the cookie keeps the choice
    assert "Organisaties" in client.get("/", params={"lang": "nl"}).text


def test_names_are_escaped(client: TestClient, sqlite_store: Store) -> None:
    event = {
        "id": "x1",
        "type": "establish",
        "date": "2013-01-01",
        "title": NASTY,
        "unit": {"id": "X", "name": NASTY, "kind": "team", "parent": "OW"},
    }
    r = client.post("/api/v1/organisations/GM0168/events", params={"who": "t", "reason": "escape test"}, json=[event])
    assert r.status_code == 201, r.text
    for url in (
        "/o/GM0168?at=2014-01-01",
        "/o/GM0168/u/X?at=2014-01-01",
        "/o/GM0168/timeline",
        "/o/GM0168/diff?start=2012-06-01&end=2013-06-01",
    ):
        html = client.get(url).text
        assert NASTY not in html, url
        assert "&lt;b&gt;" in html, url


def test_forms_need_the_csrf_token(client: TestClient) -> None:
    form = {"action": "rename", "unit": "OW", "name": "Buitendienst", "date": "2013-01-01", "reason": "b"}
    assert client.post("/o/GM0168/edit", data=form).status_code == 403
    assert client.post("/o/GM0168/edit", data=dict(form, csrf="forged")).status_code == 403
    r = client.post("/o/GM0168/edit", data=dict(form, csrf=token(client)), follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/o/GM0168?at=2013-01-01")
    assert "Buitendienst" in client.get("/o/GM0168", params={"at": "2013-02-01"}).text


def test_edit_errors_are_shown_next_to_the_fields(client: TestClient) -> None:
    form = {
        "action": "add_post",
        "post": "OW-x",
        "unit": "OW",
        "title": "Medewerker",
        "fte": "veel",
        "date": "2013-01-01",
        "who": "a",
        "reason": "",
        "csrf": token(client),
    }
    r = client.post("/o/GM0168/edit", data=form)
    assert r.status_code == 422
    assert 'id="reason-error"' in r.text and 'id="fte-error"' in r.text and "veel" in r.text
    # The history check of an import, reached through the form: REO is gone in 2013.
    form = dict(form, fte="0.5", unit="REO", reason="test")
    r = client.post("/o/GM0168/edit", data=form)
    assert r.status_code == 422 and 'id="unit-error"' in r.text and "REO" in r.text
    form = dict(form, action="change_post", post="BSP-regie", staffing="employee 0.5 Jan\nvacancy 0.5", fte="")
    r = client.post("/o/GM0168/edit", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    unit = client.get("/api/v1/organisations/GM0168/units/BSP", params={"at": "2013-06-01"}).json()
    post = next(p for p in unit["posts"] if p["id"] == "BSP-regie")
    assert post["staffing"] == [{"kind": "employee", "fte": 0.5, "person": "Jan"}, {"kind": "vacancy", "fte": 0.5}]


def test_upload_preview_commit_and_cancel(client: TestClient) -> None:
    broken = b"format: raadhuis/1\norganisation: GM0168\nevents:\n  - id: x\n    type: explode\n    date: 2014-01-01\n"
    r = client.post("/upload", data={"csrf": token(client)}, files={"file": ("broken.yaml", broken)})
    assert r.status_code == 422 and "broken.yaml, regel 5" in r.text and "explode" in r.text
    good = (
        b"format: raadhuis/1\norganisation: GM0168\nevents:\n  - id: up-1\n    type: establish\n"
        b"    date: 2014-01-01\n    unit: {id: UP, name: Uploadafdeling, kind: afdeling}\n"
    )
    r = client.post("/upload", data={"csrf": token(client)}, files={"file": ("good.yaml", good)})
    assert r.status_code == 200 and "1 januari 2014 — oprichting: Uploadafdeling (gerealiseerd)" in r.text
    assert "<code>up-1</code>" not in r.text and "Organisaties: Losser" in r.text  # words, not ids
    upload_token = re.search(r'action="/upload/([A-Za-z0-9_-]+)"', r.text).group(1)  # type: ignore[union-attr]
    assert "Uploadafdeling" not in client.get("/o/GM0168?at=2015-01-01").text
    r = client.post(f"/upload/{upload_token}", data={"csrf": token(client), "decision": "commit", "reason": ""})
    assert r.status_code == 422 and "reason" in r.text
    r = client.post(
        f"/upload/{upload_token}",
        data={"csrf": token(client), "decision": "commit", "reason": "upload test"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert "Uploadafdeling" in client.get("/o/GM0168?at=2015-01-01").text
    # The token is used up; a cancel of an unknown upload says so.
    r = client.post(f"/upload/{upload_token}", data={"csrf": token(client), "decision": "cancel"})
    assert r.status_code == 404
    r = client.post("/upload/../../etc", data={"csrf": token(client), "decision": "commit"})
    assert r.status_code in (404, 405)


def test_no_external_requests_in_templates_and_static() -> None:
    for path in list((WEB / "templates").glob("*.html")) + list((WEB / "static").glob("*")):
        text = path.read_text("utf-8")
        # The SVG namespace is an identifier, not a request.
        urls = [
            u for u in re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"')]*", text) if "www.w3.org/2000/svg" not in u
        ]
        assert not urls, (path.name, urls)


def test_every_input_has_a_label(client: TestClient) -> None:
    for url in ("/", "/o/GM0168", "/o/GM0168/edit?action=add_post", "/upload", "/o/GM0168/diff", "/o/GM0168/timeline"):
        html = client.get(url).text
        labelled = set(re.findall(r'<label for="([^"]+)"', html))
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
            if 'type="hidden"' in tag or 'type="radio"' in tag or 'type="checkbox"' in tag:
                continue  # radios and checkboxes sit inside their <label>
            ident = re.search(r'id="([^"]+)"', tag)
            assert ident and ident.group(1) in labelled, (url, tag)


def test_other_events_in_dataset_format(client: TestClient) -> None:
    common = {"reason": "test", "csrf": token(client), "date": "2013-01-01"}
    for uid in ("T1", "T2"):
        form = dict(common, action="establish", unit=uid, name=f"Team {uid}", kind="team", parent="OW")
        assert client.post("/o/GM0168/edit", data=form, follow_redirects=False).status_code == 303
    merge = (
        "id: web-merge\ntype: merge\ndate: 2014-01-01\nunits: [T1, T2]\n"
        "into: {id: T12, name: Team Samen, kind: team, parent: OW}\n"
    )
    form = dict(common, action="other", event_yaml=merge)
    r = client.post("/o/GM0168/edit", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    lineage = client.get("/api/v1/organisations/GM0168/units/T12/lineage").json()
    assert {p["id"] for p in lineage["predecessors"]} == {"T1", "T2"}
    # A unit that is already gone: refused, the message next to the YAML field.
    bad = merge.replace("web-merge", "web-merge-2").replace("T12", "T99").replace("2014", "2015")
    r = client.post("/o/GM0168/edit", data=dict(form, event_yaml=bad))
    assert r.status_code == 422 and 'id="event_yaml-error"' in r.text and "T1" in r.text


def test_language_switch_keeps_the_page_state(client: TestClient) -> None:
    html = client.get("/o/GM0168", params={"at": "2012-01-01", "view": "planned"}).text
    assert 'href="/o/GM0168?at=2012-01-01&amp;view=planned&amp;lang=en"' in html


def test_retract_an_event_keeps_the_history_consistent(client: TestClient) -> None:
    page = client.get("/o/GM0168/events/bsp-samenvoeging/retract")
    assert page.status_code == 200 and "Versie 1" in page.text and "fixture" in page.text
    # BSP's later posts depend on the merge: withdrawing it is refused, nothing changes.
    form = {"csrf": token(client), "reason": "test", "confirm": "yes"}
    r = client.post("/o/GM0168/events/bsp-samenvoeging/retract", data=form)
    assert r.status_code == 422 and "bsp-samenvoeging" in r.text
    assert "BSP" in chart_units(client.get("/o/GM0168?at=2012-06-01").text)
    # A planned transfer that never happened can go — once confirmed.
    unconfirmed = {k: v for k, v in form.items() if k != "confirm"}
    r = client.post("/o/GM0168/events/wiz-naar-enschede/retract", data=unconfirmed)
    assert r.status_code == 422 and 'id="confirm-error"' in r.text or "vinkje" in r.text
    r = client.post("/o/GM0168/events/wiz-naar-enschede/retract", data=form, follow_redirects=False)
    assert r.status_code == 303
    assert "ev-wiz-naar-enschede" not in client.get("/o/GM0168/timeline").text
    assert client.post("/o/GM0168/events/nope/retract", data=form).status_code == 404


def test_pdf_export_follows_date_and_folding(client: TestClient) -> None:
    r = client.get("/o/GM0168/chart.pdf", params={"at": "2012-01-01"})
    if r.status_code == 501:
        pytest.skip("the PDF renderer (raadhuis.render.pdf) is not installed")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf" and r.content[:5] == b"%PDF-"
    assert 'filename="GM0168-organogram-2012-01-01.pdf"' in r.headers["content-disposition"]


def test_sources_page_and_api_show_support_and_gaps(client: TestClient) -> None:
    r = client.get("/o/GM0168/sources")
    assert r.status_code == 200 and "Aanpassing structuur ambtelijke organisatie Losser" in r.text
    data = client.get("/api/v1/organisations/GM0168/sources").json()
    assert data["organisation"] == "GM0168" and data["sources"] and data["unsupported"] == []
    assert any(f["kind"] == "event" for s in data["sources"] for f in s["facts"])


def shown(html: str) -> str:
    """What a reader sees of a page's main part: its text, without tags and their attributes (an id
    in a link's address or a form's value is not on the screen)."""
    import html as markup

    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style|title)\b.*?</\1>", " ", main, flags=re.S)
    main = re.sub(r'<small id="[^"]*-hint">.*?</small>', " ", main, flags=re.S)  # how to type a day: both forms
    return re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", main)))


ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_sources_page_says_each_fact_in_words_not_its_code(client: TestClient) -> None:
    html = client.get("/o/GM0168/sources").text
    text = shown(html)
    assert "Bronnen — Losser" in text and "GM0168" not in text
    for code in ("bsp-samenvoeging", "OW@2011-09-13", "slim-leunen", "college-2011-09-13", "event ", "cooperation "):
        assert code not in text, code
    assert not ISO_DAY.search(text)
    # The kind as a Dutch word; an event by its title or its kind and unit, with its day in words.
    assert (
        "gebeurtenis: REO en Welzijn gaan op in de nieuwe afdeling Beleid, Strategie en Projecten, 1 januari 2012"
        in text
    )
    assert "gebeurtenis: oprichting: Openbare Werken, 13 september 2011" in text
    assert "samenwerkingsverband: Slim leunen" in text and "organisatie: Losser" in text
    assert "besluit: college, 13 september 2011: Herijking" in text
    assert "gegevensbestand · CBS" in text  # the source's kind in words too
    # Each fact links to its page (the id only in the address).
    assert 'href="/o/GM0168/timeline#ev-bsp-samenvoeging"' in html
    assert 'href="/o/GM0168/cooperations#coop-slim-leunen"' in html
    english = shown(client.get("/o/GM0168/sources", params={"lang": "en"}).text)
    client.get("/", params={"lang": "nl"})
    assert "Sources — Losser" in english
    assert "event: establish: Openbare Werken, 13 September 2011" in english
    assert "cooperation: Slim leunen" in english and "gebeurtenis" not in english


def test_unit_page_shows_no_post_ids_and_dates_in_words(client: TestClient) -> None:
    html = client.get("/o/GM0168/u/BSP", params={"at": "2017-12-31"}).text
    text = shown(html)
    assert "BSP-hoofd" not in text and "BSP-regie" not in text and ">Id<" not in html
    assert "post=BSP-hoofd" in html  # the post's id stays in the change form's address
    assert '<table class="stack posts">' in html and 'data-label="Rollen"' in html  # cards on a phone
    assert not ISO_DAY.search(text)
    assert "Periode 1 januari 2012 – heden" in text
    assert "1 januari 2012: Ruimtelijke & Economische Ontwikkeling (samenvoeging)" in text  # predecessors
    assert "1 januari 2012 – heden: Beleid, Strategie en Projecten (afdeling)" in text  # versions
    svg = html.split('class="lineage"', 1)[1].split("</svg>", 1)[0]
    assert "1 januari 2012" in svg and ">WEL<" not in svg  # the drawing: days in words, units by name
    english = shown(client.get("/o/GM0168/u/BSP", params={"at": "2017-12-31", "lang": "en"}).text)
    client.get("/", params={"lang": "nl"})
    assert "1 January 2012 – present" in english and not ISO_DAY.search(english)
    # A unit gone to another organisation (planned): the organisation by name, no code.
    wiz = shown(client.get("/o/GM0168/u/WIZ", params={"at": "2012-06-01", "view": "planned"}).text)
    assert "(Enschede)" in wiz and "GM0153" not in wiz and not ISO_DAY.search(wiz)


def test_cooperations_say_an_unknown_start_in_words_and_stack_on_a_phone(client: TestClient) -> None:
    html = client.get("/o/GM0168/cooperations").text
    text = shown(html)
    assert "? –" not in text and "begin onbekend – heden" in text and "2012 – heden" in text
    assert '<table class="stack coops">' in html  # the shared card pattern of app.css
    assert 'data-label="Periode"' in html and 'data-label="Deelnemers"' in html
    english = shown(client.get("/o/GM0168/cooperations", params={"lang": "en"}).text)
    client.get("/", params={"lang": "nl"})
    assert "start unknown – present" in english and "Losser (customer)" in english


def test_scenario_and_timeline_name_events_and_units_not_their_ids(client: TestClient) -> None:
    text = shown(client.get("/o/GM0168/scenarios/herijking-2011").text)
    for code in ("bsp-samenvoeging", "wiz-naar-enschede", "hoofd-wiz-2017", "college-2011-09-13", "'WIZ'"):
        assert code not in text, code
    assert "eenheid 'Werk, Inkomen & Zorg' bestaat niet op 1 januari 2017" in text
    assert "besluit college, 13 september 2011: Herijking" in text
    timeline = shown(client.get("/o/GM0168/timeline").text)
    assert "bestaat niet op 1 januari 2017" in timeline and "2017-01-01" not in timeline
    start = shown(client.get("/").text)
    assert "13 september 2011 – " in start and not ISO_DAY.search(start)


def test_organisation_page_says_unit_kinds_in_the_readers_language(client: TestClient) -> None:
    english = client.get("/o/GM0168", params={"at": "2012-06-01", "lang": "en"}).text
    client.get("/", params={"lang": "nl"})
    assert '<td data-label="Kind">department</td>' in english and ">afdeling<" not in english


def test_the_total_staffing_is_unknown_where_the_posts_record_none(client: TestClient) -> None:
    # Losser on 1 January 2012: one post (BSP), its staffing not recorded: the sum is not 0,00.
    html = client.get("/o/GM0168", params={"at": "2012-01-01"}).text
    total = re.search(r'<td class="num" id="total-filled">(.*?)</td>', html, re.S)
    assert total and total.group(1).strip() == "onbekend"
