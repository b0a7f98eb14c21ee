"""A unit merged together and split up again on one day has no day of its own (no version), but
the lineage of the units around it names it: its own lineage answers too, with its name."""

from __future__ import annotations

import pytest

from raadhuis.services import register
from raadhuis.store.database import Store

DATASET = """
format: raadhuis/1
organisations:
  - {id: GM9901, name: Duinwijk, kind: gemeente, assumption: true}
units:
  - {id: DIR, name: Directie, kind: directie, organisation: GM9901, from: 2020-01-01, assumption: true}
  - {id: A, name: Alfa, kind: afdeling, parent: DIR, organisation: GM9901, from: 2020-01-01, assumption: true}
  - {id: B, name: Beta, kind: afdeling, parent: DIR, organisation: GM9901, from: 2020-01-01, assumption: true}
events:
  - {id: e1, type: merge, date: 2022-01-01, organisation: GM9901, units: [A, B],
     into: {id: AB, name: Alfa en Beta, kind: afdeling, parent: DIR}, assumption: true}
  - {id: e2, type: split, date: 2022-01-01, organisation: GM9901, unit: AB,
     into: [{id: C, name: Gamma, kind: afdeling, parent: DIR}, {id: D, name: Delta, kind: afdeling, parent: DIR}],
     assumption: true}
"""


def test_the_lineage_of_a_unit_without_a_day_of_its_own(sqlite_store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "duinwijk.yaml"
    path.write_text(DATASET, encoding="utf-8")
    register.import_dataset(sqlite_store, path, who="test", reason="test")
    around = register.lineage_of(sqlite_store, "GM9901", "C")
    assert "AB" in {p["id"] for p in around["predecessors"]}
    own = register.lineage_of(sqlite_store, "GM9901", "AB")
    assert own["unit"] == {"id": "AB", "name": "Alfa en Beta", "from": None, "to": None}
    assert own["versions"] == []
    assert {p["id"] for p in own["predecessors"]} == {"A", "B"}
    assert {p["id"] for p in own["successors"]} == {"C", "D"}
    with pytest.raises(register.NotFound):
        register.lineage_of(sqlite_store, "GM9901", "NIEMAND")


def test_its_page_says_so_and_shows_its_lineage(sqlite_store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from raadhuis.web.app import create_app

    path = tmp_path / "duinwijk.yaml"
    path.write_text(DATASET, encoding="utf-8")
    register.import_dataset(sqlite_store, path, who="test", reason="test")
    with TestClient(create_app(sqlite_store), base_url="http://127.0.0.1") as client:
        gamma = client.get("/o/GM9901/u/C", params={"at": "2022-06-01"}).text
        assert 'href="/o/GM9901/u/AB' in gamma  # the lineage graph links to it
        page = client.get("/o/GM9901/u/AB")
        assert page.status_code == 200
        assert "<h1>Alfa en Beta</h1>" in page.text
        assert "werd op 1 januari 2022 gevormd en dezelfde dag weer opgedeeld" in page.text
        assert "Alfa" in page.text and "Gamma" in page.text and "Delta" in page.text
        english = client.get("/o/GM9901/u/AB", params={"lang": "en"}).text
        assert "formed on 1 January 2022" in english
        assert client.get("/o/GM9901/u/NIEMAND").status_code == 404
