"""Trajectories in a real browser, driven by clicks: WOL's participants, constraints, tasks and
milestones; a consultant adds two options for one task, scores both and sees them side by side
with the register's own figures; bad input refused at its field; what Enschede–Losser saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from raadhuis.services import register
from raadhuis.store.database import Store
from tests.browser.conftest import shot
from tests.live import live_server

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

# Wormerland's legal department, so that the register has figures to put beside the scores.
# Test data, marked as such: the seed describes no units.
WORMERLAND_JZ = """\
format: raadhuis/1
organisation: GM0880
events:
  - {id: wl-jz, type: establish, date: 2007-01-01, assumption: "testgegevens",
     unit: {id: JZ, name: Juridische Zaken, kind: team, task_fields: [{code: "0.4", share: 1.0}]}}
  - {id: wl-jz-1, type: add_post, date: 2007-01-01, assumption: "testgegevens",
     post: {id: JZ-1, unit: JZ, title: Juridisch adviseur, fte: 1.0, staffing: [{kind: employee, fte: 0.8, person: A}]}}
"""


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'raadhuis.sqlite'}")
    for name in ("losser.yaml", "wol.yaml"):
        register.import_dataset(store, ROOT / "examples" / name, who="test", reason="browser fixture")
    register.import_dataset(store, "wormerland.yaml", who="test", reason="browser fixture", text=WORMERLAND_JZ)
    with live_server(store) as url:
        yield url
    store.dispose()


def _open_wol(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    page.get_by_role("navigation", name="Organisaties").get_by_role("link", name="Samenwerkingstrajecten").click()
    page.get_by_role("link", name="Samenwerking Wormerland – Oostzaan – Landsmeer (WOL)").click()
    page.wait_for_url("**/trajectories/wol-2007-2009")


def test_who_explored_what_with_whom_under_which_constraints_and_when(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    _open_wol(page, live_url)
    participants = page.locator("ul.participants")
    for name in ("Wormerland", "Oostzaan", "Landsmeer"):
        assert participants.get_by_role("link", name=name).is_visible()
    constraints = page.locator("#criteria-constraint")
    assert constraints.get_by_text("Dienstverlening lokaal (front-office functies)").first.is_visible()
    tasks = page.locator("table.tasks tbody tr")
    assert tasks.count() == 8
    assert page.locator("#task-communicatie .badge.pm").inner_text() == "pro memorie"
    axis = page.locator("svg.time-axis")
    assert axis.is_visible() and axis.locator("g.milestone").count() == 7
    assert axis.locator("g.milestone.s-realised").count() == 2
    row = page.locator("#ms-raadsbijeenkomst")
    assert (
        "Na de zomer 2008" in row.inner_text() and "1 september – 30 november 2008 (bij benadering)" in row.inner_text()
    )
    assert "periode voorbij" in row.inner_text()
    shot(page, "traj-01-wol")


def test_a_consultant_scores_two_options_and_sees_them_beside_the_register(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    _open_wol(page, live_url)
    page.get_by_role("link", name="Juridische Zaken", exact=True).click()
    page.wait_for_url("**/tasks/juridische-zaken")
    assert "Voor deze taak zijn nog geen opties vastgelegd." in page.locator("main").inner_text()
    for option_id, name, kind, centre in (
        ("jz-zelf", "Zelf blijven doen", "alone", ""),
        ("jz-dvo", "DVO met Wormerland als centrumgemeente", "service_agreement", "GM0880"),
    ):
        page.get_by_role("link", name="Optie toevoegen").click()
        page.fill("#f-id", option_id)
        page.fill("#f-name", name)
        page.select_option("#f-kind", kind)
        if centre:
            page.select_option("#f-centre", centre)
        page.fill("#f-assumption", "Illustratieve optie van de adviseur (browsertest).")
        page.fill("#f-reason", "opties voor Juridische Zaken")
        page.get_by_role("button", name="Voorbeeld bekijken").click()
        assert "Voorbeeld: dit wordt vastgelegd" in page.locator("h1").inner_text()
        page.get_by_role("button", name="Opslaan").click()
        page.wait_for_url("**/tasks/juridische-zaken?saved=*")
    shot(page, "traj-02-two-options")
    for option_id, score, reasoning in (
        ("jz-zelf", "-1", "Eén jurist: uitval legt het werk stil."),
        ("jz-dvo", "1", "Een groter team vangt uitval op."),
    ):
        page.select_option("#f-option", option_id)
        page.fill("#f-by", "K. Adviseur")
        page.select_option("#f-score-kwetsbaarheid", score)
        page.fill("#f-reasoning-kwetsbaarheid", reasoning)
        page.fill("#f-reason", "eerste weging")
        page.get_by_role("button", name="Voorbeeld bekijken").click()
        assert reasoning in page.locator("ul.preview-item").inner_text()  # the score in words, with its reasoning
        page.get_by_role("button", name="Opslaan").click()
        page.wait_for_url("**/tasks/juridische-zaken?saved=*")
    row = page.locator('table.side-by-side tr[data-criterion="kwetsbaarheid"]')
    assert row.locator('td[data-option="jz-zelf"] .value').inner_text() == "-1"
    assert row.locator('td[data-option="jz-dvo"] .value').inner_text() == "+1"
    assert page.locator('svg.scores-chart g.bar[data-option="jz-dvo"]').count() == 1
    wormerland = page.locator('table.register-figures tr[data-organisation="GM0880"]')
    cells = wormerland.locator("td")
    assert cells.nth(0).inner_text() == "1" and cells.nth(1).inner_text() == "1"  # 1 fte, 1 post
    assert "ja" in cells.nth(4).inner_text()  # depends on one person
    assert "testgegevens" not in wormerland.inner_text() and "aanname" in wormerland.inner_text()
    oostzaan = page.locator('table.register-figures tr[data-organisation="GM0431"]')
    assert "geen eenheden in het register" in oostzaan.inner_text()
    page.locator("#sbs-h").scroll_into_view_if_needed()
    shot(page, "traj-03-side-by-side")


def test_bad_input_is_refused_at_its_field(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    _open_wol(page, live_url)
    page.get_by_role("link", name="Mijlpaal vastleggen", exact=True).click()
    page.fill("#f-id", "evaluatie-2")
    page.fill("#f-title", "Tweede tussenevaluatie")
    page.fill("#f-date", "ergens volgend jaar")
    page.fill("#f-assumption", "browsertest")
    page.fill("#f-reason", "test")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    error = page.locator("#date-error")
    error.wait_for()  # the answer is a new page: wait for it before looking
    assert error.is_visible() and "verwacht een datum zoals geschreven" in error.inner_text()
    assert page.locator("#f-date").get_attribute("aria-invalid") == "true"
    shot(page, "traj-04-bad-date")
    page.fill("#f-date", "eind 2009")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/trajectories/wol-2007-2009?saved=*")
    assert "eind 2009" in page.locator("#ms-evaluatie-2").inner_text()


def test_what_the_enschede_losser_cooperation_saved(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    page.get_by_role("link", name="Losser", exact=True).click()
    page.get_by_role("navigation", name="Losser").get_by_role("link", name="Samenwerkingen").click()
    row = page.locator("#coop-enschede-losser-bedrijfsvoering")
    assert "ten minste € 600.000 per jaar" in row.inner_text()
    row.get_by_text("Onderbouwing en citaten").click()
    assert row.get_by_text(
        "De samenwerking heeft gezorgd voor een kostenbesparing (tenminste zes ton per jaar)."
    ).is_visible()
    row.scroll_into_view_if_needed()
    shot(page, "traj-05-enschede-losser")


def test_a_participant_timeline_lists_the_milestones(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/")
    page.get_by_role("link", name="Oostzaan").click()
    page.get_by_role("navigation", name="Oostzaan").get_by_role("link", name="Tijdlijn").click()
    page.wait_for_url("**/timeline*")  # count the milestones of the timeline page, not of the page before it
    section = page.locator("section.trajectory-milestones")
    section.locator("li").first.wait_for()
    assert (
        section.locator("li").count() >= 7 and "Begin 2009" in section.inner_text()
    )  # the seed's seven, and any recorded since
    shot(page, "traj-06-timeline")
