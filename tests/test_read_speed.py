"""What the read paths of issue 16 keep: a diff read from the units that changed equals the diff
of the two whole days; the as-of tree of the API is sent with an ETag from the register's state
(304 when the client has it, a new one after any write), gzipped when the client accepts it."""

from __future__ import annotations

import gzip
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from raadhuis.canonical.decode import event_from_dict
from raadhuis.domain.compare import diff_units
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Status, View
from raadhuis.services import register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.strategies import ORG, histories, sample_days
from tests.test_store import LOSSER, dataset_of, load


def whole_days_diff(store: Store, org: str, start: date, end: date, view: View) -> dict[str, Any]:
    """The diff as it was made before issue 16: both whole days read, every event between made."""
    structural = {
        t.value
        for t in (
            EventType.MERGE,
            EventType.ABSORB,
            EventType.SPLIT,
            EventType.CONVERT,
            EventType.TRANSFER_OUT,
            EventType.TRANSFER_IN,
        )
    }
    with store.session() as s:
        before = repo.units_as_of(s, org, start, view)
        after = repo.units_as_of(s, org, end, view)
        fte_a = {k: v[0] for k, v in repo.fte_by_unit(s, org, start, view).items()}
        fte_b = {k: v[0] for k, v in repo.fte_by_unit(s, org, end, view).items()}
        full = repo.event_data_of_types(s, org, start, end, structural)
        events: list[Event] = []
        for event_id, etype, status, effective, seq, units_text, conflict in repo.event_digest(s, org, start, end):
            if conflict is not None or not view.admits(Status(status)):
                continue
            if etype in structural:
                events.append(event_from_dict(full[event_id], seq))
            else:
                kind = EventType(etype)
                events.append(
                    Event(event_id, kind, FuzzyDate.of_day(effective), org, seq=seq, units=tuple(units_text.split()))
                )
    changes = diff_units(before, after, fte_a, fte_b, events)
    return {"changes": [c.to_dict() for c in changes], "events": [e.id for e in events]}


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(events=histories(max_steps=15))
def test_diff_of_the_changed_units_equals_the_diff_of_the_whole_days(
    events: list[Event], tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp = tmp_path_factory.mktemp("diff")
    store = Store(f"sqlite:///{tmp / 'd.sqlite'}")
    try:
        path = tmp / "ds.yaml"
        path.write_text(dataset_of(events), "utf-8")
        register.import_dataset(store, path)
        days = sample_days(events)
        pairs = [(a, b) for i, a in enumerate(days) for b in days[i:]][:60]
        for view in View:
            for a, b in pairs:
                got = register.diff(store, ORG, a, b, view)
                want = whole_days_diff(store, ORG, a, b, view)
                assert (got["changes"], got["events"]) == (want["changes"], want["events"]), (view, a, b)
    finally:
        store.dispose()


def test_diff_reads_a_write_that_changes_an_earlier_day(store: Store, tmp_path: Path) -> None:
    load(store, tmp_path)
    first = register.diff(store, "GM0168", date(2012, 6, 1), date(2013, 6, 1))
    assert first["changes"] == []
    renamed = (
        LOSSER + "  - {id: e5, type: rename, date: 2013-01-01, unit: OW, name: Openbare Ruimte, assumption: true}\n"
    )
    load(store, tmp_path, renamed, "v2.yaml")
    second = register.diff(store, "GM0168", date(2012, 6, 1), date(2013, 6, 1))
    assert [(c["id"], c["change"], c["after"]["name"]) for c in second["changes"]] == [
        ("OW", "renamed", "Openbare Ruimte")
    ]
    assert second == register.diff(store, "GM0168", date(2013, 6, 1), date(2012, 6, 1))  # either order


# --- the as-of tree over HTTP ---------------------------------------------------------------


@pytest.fixture
def api(store: Store, tmp_path: Path) -> TestClient:
    load(store, tmp_path)
    return TestClient(create_app(store), base_url="http://127.0.0.1")


TREE = "/api/v1/organisations/GM0168"


def test_as_of_tree_has_an_etag_and_a_client_that_has_it_gets_304(api: TestClient) -> None:
    first = api.get(TREE, params={"at": "2013-03-01"})
    assert first.status_code == 200 and first.headers["etag"].startswith('W/"')
    assert first.json()["at"] == "2013-03-01" and first.headers["x-raadhuis-version"]
    again = api.get(TREE, params={"at": "2013-03-01"}, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == first.headers["etag"]
    # Another day, another view: another answer, another ETag.
    other_day = api.get(TREE, params={"at": "2013-03-02"}, headers={"If-None-Match": first.headers["etag"]})
    planned = api.get(
        TREE, params={"at": "2013-03-01", "view": "planned"}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert other_day.status_code == planned.status_code == 200
    assert len({first.headers["etag"], other_day.headers["etag"], planned.headers["etag"]}) == 3
    assert other_day.json()["at"] == "2013-03-02" and planned.json()["view"] == "planned"


def test_a_write_is_seen_by_the_next_read_of_the_tree(api: TestClient, store: Store, tmp_path: Path) -> None:
    first = api.get(TREE, params={"at": "2013-03-01"})
    assert next(u["name"] for u in first.json()["units"] if u["id"] == "OW") == "Openbare Werken"
    # A write through another store object on the same database: another worker, as far as
    # this app's memory is concerned.
    other = Store(store.url, engine=store.engine)  # its own identity: nothing shared in memory
    renamed = (
        LOSSER + "  - {id: e5, type: rename, date: 2013-01-01, unit: OW, name: Openbare Ruimte, assumption: true}\n"
    )
    load(other, tmp_path, renamed, "v2.yaml")
    after = api.get(TREE, params={"at": "2013-03-01"}, headers={"If-None-Match": first.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != first.headers["etag"]
    assert next(u["name"] for u in after.json()["units"] if u["id"] == "OW") == "Openbare Ruimte"
    assert int(after.headers["x-raadhuis-version"]) > int(first.headers["x-raadhuis-version"])


def test_the_tree_is_gzipped_when_the_client_accepts_it_and_the_same_otherwise(api: TestClient) -> None:
    plain = api.get(TREE, params={"at": "2013-03-01"}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    packed = api.get(TREE, params={"at": "2013-03-01"}, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip" and "Accept-Encoding" in packed.headers["vary"]
    # Vary said once, on either answer and on a 304 (the gzip middleware adds its own to what it passes on).
    again = api.get(TREE, params={"at": "2013-03-01"}, headers={"If-None-Match": plain.headers["etag"]})
    for answer in (plain, packed, again):
        assert answer.headers.get_list("vary") == ["Accept-Encoding"], answer.headers
    assert (
        json.loads(packed.content)
        == json.loads(plain.content)
        == json.loads(gzip.decompress(gzip.compress(plain.content)))
    )
    assert packed.headers["etag"] == plain.headers["etag"]
    # Pages and other answers are compressed by the middleware.
    page = api.get("/o/GM0168", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200 and page.headers.get("content-encoding") == "gzip"


def test_the_tree_body_is_what_the_service_answers(api: TestClient, store: Store) -> None:
    body = api.get(TREE, params={"at": "2013-03-01"}).json()
    assert body == json.loads(json.dumps(register.show(store, "GM0168", date(2013, 3, 1))))
    assert api.get(TREE, params={"at": (date(2013, 3, 1) + timedelta(days=1)).isoformat()}).json()["at"] == "2013-03-02"


def test_a_large_import_leaves_the_planner_statistics_fresh(
    pg_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    def analysed() -> float:
        with pg_store.engine.connect() as conn:
            return float(
                conn.execute(
                    text("SELECT reltuples FROM pg_class WHERE oid = to_regclass('unit_version')")
                ).scalar_one()
            )

    monkeypatch.setattr(register, "ANALYZE_AFTER", 10_000)
    load(pg_store, tmp_path)  # a few events: no ANALYZE
    assert analysed() < 0  # never analysed (PostgreSQL 14 and later say -1)
    monkeypatch.setattr(register, "ANALYZE_AFTER", 1)
    load(pg_store, tmp_path, LOSSER.replace("Openbare Werken", "Openbare Werken en Groen"), "v2.yaml")
    assert analysed() > 0


def _answer(response: Any) -> tuple[int, list[tuple[str, str]], bytes]:
    # Everything a client sees but the time the server took.
    headers = [(k, v) for k, v in response.headers.multi_items() if k != "server-timing"]
    return response.status_code, headers, response.content


def test_a_kept_tree_is_answered_as_the_route_answers_it(api: TestClient) -> None:
    # The first request of each kind goes to the route (nothing kept yet), the second is answered
    # from the kept bytes before the routing (routes.KeptTree): the same status, headers and bytes.
    for encoding in ("identity", "gzip"):
        asks = {"params": {"at": "2013-03-01"}, "headers": {"Accept-Encoding": encoding}}
        routed, kept = api.get(TREE, **asks), api.get(TREE, **asks)  # type: ignore[arg-type]
        assert routed.status_code == 200 and _answer(routed) == _answer(kept)
        assert ("content-security-policy" in routed.headers) and ("server-timing" in kept.headers)
    etag = routed.headers["etag"]
    asks = {"params": {"at": "2013-03-01"}, "headers": {"If-None-Match": etag}}
    not_modified = api.get(TREE, **asks)  # type: ignore[arg-type]
    assert not_modified.status_code == 304 and "x-frame-options" in not_modified.headers
    # What the fast path leaves to the route: a bad day, a bad view, an unknown organisation.
    assert api.get(TREE, params={"at": "2013-13-45"}).status_code == 400
    assert api.get(TREE, params={"at": "2013-03-01", "view": "nope"}).status_code == 400
    assert api.get("/api/v1/organisations/GM9999", params={"at": "2013-03-01"}).status_code == 404


def test_a_kept_tree_still_asks_who_may_read_it(api: TestClient, store: Store) -> None:
    from raadhuis.web.settings import Mode, WebSettings

    assert api.get(TREE, params={"at": "2013-03-01"}).status_code == 200  # kept now
    guarded = TestClient(create_app(store, settings=WebSettings(mode=Mode.ACCOUNTS)), base_url="http://127.0.0.1")
    refused = guarded.get(TREE, params={"at": "2013-03-01"})
    assert refused.status_code == 401 and "units" not in refused.text
    bad_token = guarded.get(TREE, params={"at": "2013-03-01"}, headers={"Authorization": "Bearer nope"})
    assert bad_token.status_code == 401


def test_stored_json_is_read_as_json_reads_it() -> None:
    from raadhuis.store.repository import raw_dict

    for text in ('{"a":1,"b":[1.5,"x",null,true]}', '{"naam":"Één \\u00e9"}', '{"a":{"b":{}}}'):
        assert raw_dict(text) == json.loads(text)
    # Text the store did not write itself (space around it, trailing text) still decodes, or is refused as json refuses it.
    assert raw_dict(' {"a": 1} ') == {"a": 1}
    with pytest.raises(json.JSONDecodeError):
        raw_dict('{"a": 1} x')
