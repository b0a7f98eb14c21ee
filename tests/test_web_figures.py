"""The BBV year figures form: one year's figures typed as people type them, the difference with
what is stored shown first, then saved with a reason through Store.write (the dataset's
``extensions.figures``); bad input gives a Dutch message at its field and writes nothing; editors only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from raadhuis.services import register, year_figures
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.webtools import BASE_URL, csrf_token

ROOT = Path(__file__).resolve().parents[1]
URL = "/o/GM0168/figures"


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="test", reason="fixture")
    with TestClient(create_app(sqlite_store), base_url=BASE_URL) as c:
        c.get("/")
        yield c


def _post(client: TestClient, fields: dict[str, Any], step: str = "preview") -> Any:
    return client.post(URL, data=dict(fields, csrf=csrf_token(client), step=step), follow_redirects=False)


def _save(client: TestClient, fields: dict[str, Any]) -> Any:
    r = _post(client, fields)
    assert r.status_code == 200, r.text
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', r.text)
    entry = re.search(r'name="entry_digest" value="([0-9a-f]+)"', r.text)
    assert digest and entry, "no difference shown"
    return _post(client, dict(fields, digest=digest.group(1), entry_digest=entry.group(1)), "save")


def test_a_save_over_figures_changed_since_the_preview_is_refused_not_lost(
    client: TestClient, sqlite_store: Store
) -> None:
    # Anna and Bram both look at 2017; Anna saves first.
    bram = _post(client, dict(YEAR, inhabitants="30.000"))
    shown = {k: re.search(rf'name="{k}" value="([0-9a-f]+)"', bram.text).group(1) for k in ("digest", "entry_digest")}  # type: ignore[union-attr]
    assert _save(client, YEAR).status_code == 303
    # Bram saves what he was shown: refused, with what would change now; Anna's figures stay.
    r = _post(client, dict(YEAR, inhabitants="30.000", **shown), "save")
    assert r.status_code == 409 and "intussen door iemand anders gewijzigd" in r.text
    assert "22.500" in re.search(r'<table id="effect-table">.*?</table>', r.text, re.S).group(0)  # type: ignore[union-attr]
    [entry] = year_figures.current(sqlite_store, "GM0168")
    assert entry["inhabitants"] == 22500
    # Looking again and saving then is his choice, and works.
    assert _save(client, dict(YEAR, inhabitants="30.000")).status_code == 303
    assert year_figures.current(sqlite_store, "GM0168")[0]["inhabitants"] == 30000


YEAR = {
    "year": "2017",
    "inhabitants": "22.500",
    "formatie_fte": "160,5",
    "apparaatskosten": "14.000.000",
    "source": "Aanpassing structuur ambtelijke organisatie Losser",
    "page": "12",
    "reason": "jaarrekening 2017",
}


def test_year_figures_shown_then_saved_with_a_reason(client: TestClient, sqlite_store: Store) -> None:
    r = client.get(URL)
    assert r.status_code == 200 and "Jaarcijfers (BBV)" in r.text and 'id="nav-figures"' in r.text
    r = _post(client, YEAR)
    # The difference first: unknown now, the typed figures as people read them; nothing written yet.
    assert r.status_code == 200
    table = re.search(r'<table id="effect-table">.*?</table>', r.text, re.S)
    assert table and "22.500" in table.group(0) and "160,50" in table.group(0)
    assert "€ 14.000.000" in table.group(0) and "onbekend" in table.group(0)
    assert year_figures.current(sqlite_store, "GM0168") == []
    # Saving without a reason is refused at the field.
    r = _save(client, dict(YEAR, reason=""))
    assert r.status_code == 422 and 'id="reason-error"' in r.text
    r = _save(client, YEAR)
    assert r.status_code == 303, r.text
    [entry] = year_figures.current(sqlite_store, "GM0168")
    assert entry["year"] == 2017 and entry["inhabitants"] == 22500 and entry["formatie_fte"] == 160.5
    assert entry["apparaatskosten"] == 14_000_000 and entry["sources"][0]["page"] == "12"
    # Who and why are recorded; a second year adds to the first, a change of a year replaces it.
    with sqlite_store.session() as s:
        [version] = repo.record_history(s, "extension", "GM0168", "figures")
    assert version["reason"] == "jaarrekening 2017" and version["recorded_by"]
    later = {"year": "2018", "inhabitants": "22600", "overhead": "7.000.000,50", "reason": "jaarrekening 2018"}
    assert _save(client, later).status_code == 303
    r = _post(client, dict(YEAR, inhabitants="22.550"))
    assert "<strong>22.550</strong>" in r.text
    assert _save(client, dict(YEAR, inhabitants="22.550")).status_code == 303
    by_year = {e["year"]: e for e in year_figures.current(sqlite_store, "GM0168")}
    assert sorted(by_year) == [2017, 2018] and by_year[2017]["inhabitants"] == 22550
    assert by_year[2018]["overhead"] == 7_000_000.5
    page = client.get(URL + "?year=2017&saved=1").text
    assert 'id="saved"' in page and 'value="22550"' in page


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"year": "twintig", "inhabitants": "1"}, "year", "Verwacht een jaar als 2017"),
        ({"year": "2017", "inhabitants": "-5"}, "inhabitants", "Verwacht een geheel getal"),
        ({"year": "2017", "overhead": "veel"}, "overhead", "veel"),
        ({"year": "2017"}, "inhabitants", "ten minste één cijfer"),
        ({"year": "2017", "inhabitants": "1", "source": "Bestaat niet"}, "source", "geen bron"),
    ],
)
def test_bad_figures_are_refused_at_their_field(
    client: TestClient, sqlite_store: Store, fields: dict[str, Any], field: str, words: str
) -> None:
    r = _post(client, dict(fields, reason="test"), "save")
    assert r.status_code == 422
    assert f'id="{field}-error"' in r.text and words in r.text
    assert year_figures.current(sqlite_store, "GM0168") == []


def test_the_form_needs_the_csrf_token(client: TestClient) -> None:
    r = client.post(URL, data=dict(YEAR, step="save"), follow_redirects=False)
    assert r.status_code == 403
