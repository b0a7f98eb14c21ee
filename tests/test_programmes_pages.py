"""Programmes on the pages, in the dashboard and in the council report: the overview (latest reading
as a badge, budget used as a bar, challenges on their task fields), one programme with its quotes,
the forms (preview, then save, attributed; bad input at its field, nothing written; the write role
needed), and the programmes section of the report in HTML and PDF. One service answers them all."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from raadhuis.report.data import report_data
from raadhuis.report.html import report_html
from raadhuis.report.pdf import report_pdf
from raadhuis.services import accounts, programmes, register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from raadhuis.web.programme_svg import budget_bar_svg
from raadhuis.web.settings import Mode, WebSettings
from tests.webtools import BASE_URL, csrf_token, sign_in

ROOT = Path(__file__).resolve().parents[1]
# A record key at the start of a line or item, as a YAML dump of the change would show it.
YAML_KEY = re.compile(
    r"(^|\n|<li>|<pre[^>]*>)\s*-?\s*(progress|value|status|status_date|spending|amount|sources|source|budget|milestones|assumption|year|date|id):",
    re.I,
)
EXAMPLES = [ROOT / "examples" / n for n in ("losser.yaml", "den-haag.yaml", "jaarverslag-2024.yaml")]
ORG, PID = "voorbeeldgemeente-2024", "dienstverlening-2024"
PAGE = f"/o/{ORG}/programmes/{PID}"
PASSWORD = "een-lang-wachtwoord-voor-de-test"


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    for f in EXAMPLES:
        register.import_dataset(sqlite_store, f, who="test", reason="fixture")
    with TestClient(create_app(sqlite_store), base_url=BASE_URL) as c:
        yield c


def flat(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_overview_shows_the_reading_badge_the_budget_bar_and_the_challenges(client: TestClient) -> None:
    html = client.get(f"/o/{ORG}/programmes").text
    assert 'class="badge reading r-green"' in html and "betekenis aangenomen" in html
    assert 'class="budget-bar"' in html and 'class="spent"' not in html  # nothing known spent: an empty bar
    assert "€ 150.000, besteding onbekend" in flat(html)
    den_haag = flat(client.get("/o/GM0518/programmes").text)
    assert "DNA dienstverlening" in den_haag and "Omgevingswet" in den_haag
    assert "8.1 Ruimte en leefomgeving" in den_haag and "telt niet mee" in den_haag
    english = flat(client.get(f"/o/{ORG}/programmes?lang=en").text)
    assert "€ 150,000, spending unknown" in english and "reading assumed" in english


def test_the_programme_page_answers_with_quotes(client: TestClient) -> None:
    html = client.get(PAGE).text
    text = flat(html)
    assert "Het budget van € 150.000 voor dienstverlening wordt voor € 100.000 ingezet voor extra menskracht" in text
    assert "Projectleider dienstverlening (projectleider), vanaf augustus 2024 tot augustus 2025 (besloten)" in text
    assert "sinds 2024" in text and "Voortgangsindicator G" in text
    assert html.count('class="milestone m-') == 3 and 'data-value="G"' in html
    assert "<script>" not in html and 'style="' not in html  # the page policy: no inline script or style
    assert client.get(f"/o/{ORG}/programmes/nope").status_code == 404


def test_a_reading_is_previewed_then_saved_attributed(client: TestClient, sqlite_store: Store) -> None:
    url = f"{PAGE}/record/reading"
    assert client.get(url).status_code == 200
    form = {"csrf": csrf_token(client, url), "date": "2025-03", "value": "O", "assumption": "eigen waarneming"}
    assert client.post(url, data=dict(form, reason="", step="preview")).status_code == 422
    bad = client.post(url, data=dict(form, date="ooit", reason="r", step="preview"))
    assert bad.status_code == 422 and "ooit" in flat(bad.text) and 'class="field invalid"' in bad.text
    preview = client.post(url, data=dict(form, reason="kwartaal", step="preview"))
    assert preview.status_code == 200 and "Er is nog niets opgeslagen" in preview.text
    words = flat(preview.text)
    assert "Voortgangsmeting van maart 2025: O (oranje)" in words and "Aanname: eigen waarneming" in words
    assert not YAML_KEY.search(preview.text), YAML_KEY.search(preview.text)
    assert programmes.programme(sqlite_store, ORG, PID)["version"] == 1  # the preview wrote nothing
    no_csrf = client.post(url, data={k: v for k, v in form.items() if k != "csrf"} | {"reason": "x", "step": "save"})
    assert no_csrf.status_code in (400, 403)
    saved = client.post(url, data=dict(form, reason="kwartaal", step="save", version="1"), follow_redirects=False)
    assert saved.status_code == 303 and "saved=" in saved.headers["location"]
    p = programmes.programme(sqlite_store, ORG, PID)
    assert p["latest"]["value"] == "O" and p["history"][-1]["reason"] == "kwartaal"
    again = client.post(url, data=dict(form, value="R", reason="later", step="save", version="1"))
    assert again.status_code in (409, 422)  # made on version 1, which is gone: refused, not lost
    assert [r["value"] for r in programmes.programme(sqlite_store, ORG, PID)["progress"]] == ["G", "O"]


def test_a_milestone_and_a_spend_through_the_forms(client: TestClient, sqlite_store: Store) -> None:
    url = f"{PAGE}/record/milestone"
    token = csrf_token(client, url)
    form = {"csrf": token, "milestone": "opdracht-afgerond", "status": "reached", "status_date": "2025-08"}
    r = client.post(url, data=dict(form, assumption="test", reason="gehaald", step="save"), follow_redirects=False)
    assert r.status_code == 303, r.text
    url = f"{PAGE}/record/spend"
    bad = client.post(url, data={"csrf": token, "year": "2024", "amount": "veel", "reason": "x", "step": "preview"})
    assert bad.status_code == 422 and "veel" in flat(bad.text)
    r = client.post(
        url,
        data={
            "csrf": token,
            "year": "2024",
            "amount": "12.500",
            "assumption": "factuur",
            "reason": "f",
            "step": "save",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    html = client.get(PAGE).text
    assert "€ 12.500 van € 150.000 besteed (8%)" in flat(html) and 'class="spent"' in html
    assert "gehaald op augustus 2025" in flat(html)


def test_milestone_and_spend_previews_are_words_not_record_keys(client: TestClient) -> None:
    url = f"{PAGE}/record/milestone"
    token = csrf_token(client, url)
    form = {"csrf": token, "milestone": "opdracht-afgerond", "status": "reached", "status_date": "2025-08"}
    r = client.post(url, data=dict(form, assumption="test", reason="gehaald", step="preview"))
    assert r.status_code == 200 and "gehaald op augustus 2025" in flat(r.text), flat(r.text)
    assert "Mijlpaal ‘" in flat(r.text) and "reached" not in flat(r.text) and not YAML_KEY.search(r.text)
    url = f"{PAGE}/record/spend"
    form = {"csrf": token, "year": "2024", "amount": "12.500", "date": "2024-06-01", "purpose": "inhuur"}
    r = client.post(url, data=dict(form, assumption="factuur", reason="f", step="preview"))
    assert r.status_code == 200, flat(r.text)
    assert "Uitgave in begrotingsjaar 2024: € 12.500, op 1 juni 2024, voor inhuur" in flat(r.text)
    assert not YAML_KEY.search(r.text)
    en = client.post(f"{url}?lang=en", data=dict(form, assumption="factuur", reason="f", step="preview"))
    assert en.status_code == 200 and "Spend in budget year 2024: € 12,500, on 1 June 2024, for inhuur" in flat(en.text)


def test_the_forms_need_the_write_role(sqlite_store: Store) -> None:
    for f in EXAMPLES:
        register.import_dataset(sqlite_store, f, who="test", reason="fixture")
    accounts.add_user(sqlite_store, "lezer", "test", password=PASSWORD, grants=[(ORG, "lezer")])
    app = create_app(sqlite_store, settings=WebSettings(mode=Mode.ACCOUNTS))
    with TestClient(app, base_url=BASE_URL) as c:
        sign_in(c, "lezer", PASSWORD)
        assert c.get(PAGE).status_code == 200 and "Voortgangsmeting vastleggen" not in c.get(PAGE).text
        assert c.get(f"{PAGE}/record/reading").status_code == 403
        form = {"csrf": csrf_token(c), "date": "2025-03", "value": "O", "reason": "r", "step": "save"}
        assert c.post(f"{PAGE}/record/reading", data=form).status_code == 403
    assert programmes.programme(sqlite_store, ORG, PID)["version"] == 1


def test_dashboard_and_report_have_a_programmes_section(client: TestClient, sqlite_store: Store) -> None:
    dash = flat(client.get(f"/o/{ORG}/dashboard?at=2024-12-31").text)
    assert (
        "Verbetering dienstverlening via organisatieontwikkeling — G (groen, betekenis aangenomen) sinds 2024" in dash
    )
    data = report_data(sqlite_store, ORG, date(2024, 12, 31))
    html = flat(report_html(data))
    assert "€ 150.000, besteding onbekend" in html and "Voortgangsindicator G" in html
    assert any(a["fact"].startswith("Verbetering dienstverlening") for a in data["assumptions"])
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(report_pdf(data))).pages).split())
    assert "Programma's" in text and "besteding onbekend" in text and "augustus 2025" in text
    before = report_data(sqlite_store, ORG, date(2023, 6, 1))  # before the programme: not in the report
    assert before["programmes"] == []


def test_the_budget_bar_shows_unknown_apart_from_zero() -> None:
    assert 'class="spent"' not in budget_bar_svg(None, "onbekend") and "stroke-dasharray" in budget_bar_svg(None, "x")
    assert 'class="spent" x="1" y="1" width="0.0"' in budget_bar_svg(0.0, "niets besteed")
    assert budget_bar_svg(0.5, "<b>").count("&lt;b&gt;") == 2  # label escaped in title and aria-label
