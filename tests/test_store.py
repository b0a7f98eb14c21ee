"""The store on SQLite and PostgreSQL: the read models agree with replaying the events,
imports are all-or-nothing, history is kept, and export/import round-trips."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.encode import dataset_to_dict
from raadhuis.domain.engine import replay
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Organisation, View
from raadhuis.services import register
from raadhuis.store.database import Store
from tests.strategies import ORG, PARTNER, histories, sample_days

LOSSER = """format: raadhuis/1
organisation: GM0168
organisations:
  - {id: GM0168, name: Losser, kind: gemeente, province: Overijssel}
  - {id: GM0153, name: Enschede, kind: gemeente}
sources:
  - {id: s000, title: Aanpassing ambtelijke organisatie Losser, publisher: gemeente Losser, date: 2011-09-15}
  - {id: s001, title: Rekenkamerrapport Losser, publisher: Rekenkamercommissie Losser, date: 2017-12-14}
decisions:
  - {id: d1, body: college, date: 2011-09-13, title: Herijking doorontwikkeling organisatiestructuur, sources: [s000]}
units:
  - {id: OW, name: Openbare Werken, kind: afdeling, from: 2009, assumption: true}
  - {id: REO, name: Ruimtelijke & Economische Ontwikkeling, kind: afdeling, from: 2009, assumption: true}
  - {id: WEL, name: Welzijn, kind: afdeling, from: 2009, assumption: true}
  - {id: VVH, name: Vergunningverlening en Handhaving, kind: afdeling, from: 2009, assumption: true}
  - {id: WIZ, name: Werk Inkomen en Zorg, kind: afdeling, from: 2009, assumption: true}
posts:
  - {id: p1, unit: REO, title: Beleidsmedewerker, fte: 0.89, from: 2010, assumption: true,
     staffing: [{kind: employee, fte: 0.89}]}
events:
  - id: e1
    type: merge
    date: 2012-01-01
    units: [REO, WEL]
    into: {id: BSP, name: "Beleid, Strategie en Projecten", kind: afdeling}
    decision: d1
    sources: [{source: s000, quote: "gaan op in de nieuwe afdeling BSP"}]
  - id: e2
    type: transfer_out
    date: 2012-01-01
    unit: WIZ
    to: GM0153
    status: not_realised
    decision: d1
    realised_by: s001
    sources: [s000, s001]
  - id: e3
    type: add_post
    date: 2012-01-01
    post: {id: regie, unit: BSP, title: Regiefunctionaris, fte: 1, roles: [strategic]}
    sources: [s000]
"""


def load(store: Store, tmp_path: Path, text: str = LOSSER, name: str = "losser.yaml") -> register.ImportResult:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return register.import_dataset(store, path, who="tester", reason="test")


def names(data: dict) -> list[str]:
    return sorted(u["id"] for u in data["units"])


def test_losser_before_and_after_2012(store: Store, tmp_path: Path) -> None:
    load(store, tmp_path)
    assert names(register.show(store, "GM0168", date(2011, 12, 31))) == ["OW", "REO", "VVH", "WEL", "WIZ"]
    actual = register.show(store, "losser", date(2012, 1, 1))
    assert names(actual) == ["BSP", "OW", "VVH", "WIZ"]  # the transfer of WIZ was never realised
    planned = register.show(store, "168", date(2012, 1, 1), View.PLANNED)
    assert names(planned) == ["BSP", "OW", "VVH"]
    bsp = next(u for u in actual["units"] if u["id"] == "BSP")
    assert bsp["fte"] == pytest.approx(1.89) and bsp["posts"] == 2  # REO's post followed the merge
    assert {"id", "name", "kind", "parent"} <= set(bsp)
    lin = register.lineage_of(store, "GM0168", "BSP")
    assert sorted((p["id"], p["name"], p["date"]) for p in lin["predecessors"]) == [
        ("REO", "Ruimtelijke & Economische Ontwikkeling", "2012-01-01"),
        ("WEL", "Welzijn", "2012-01-01"),
    ]
    assert lin["successors"] == []
    reo = register.lineage_of(store, "GM0168", "REO")
    assert [s["id"] for s in reo["successors"]] == ["BSP"]
    wiz = register.lineage_of(store, "GM0168", "WIZ", View.PLANNED)
    assert wiz["successors"][0]["organisation"] == "GM0153"


def test_diff_timeline_and_not_realised(store: Store, tmp_path: Path) -> None:
    load(store, tmp_path)
    d = register.diff(store, "GM0168", date(2011, 12, 31), date(2012, 1, 1))
    kinds = {c["id"]: c["change"] for c in d["changes"]}
    assert kinds == {"BSP": "merged", "REO": "merged", "WEL": "merged"}
    tl = register.timeline(store, "GM0168", statuses=["not_realised"])
    assert [e["id"] for e in tl["events"]] == ["e2"]
    e2 = tl["events"][0]
    assert e2["decision"]["body"] == "college" and {s["source"] for s in e2["sources"]} == {"s000", "s001"}
    assert [e["id"] for e in register.not_realised(store, "GM0168")["events"]] == ["e2"]
    full = register.timeline(store, "GM0168", start=date(2012, 1, 1))
    assert {e["id"] for e in full["events"]} == {"e1", "e2", "e3"}


def test_reimport_is_idempotent_and_changes_are_versioned(store: Store, tmp_path: Path) -> None:
    first = load(store, tmp_path)
    again = load(store, tmp_path)
    assert again.written["event"]["added"] == 0 and again.written["event"]["changed"] == 0
    changed = LOSSER.replace("title: Regiefunctionaris, fte: 1", "title: Regiefunctionaris, fte: 0.8")
    third = load(store, tmp_path, changed, "losser-v2.yaml")
    assert third.written["event"]["changed"] == 1
    hist = register.history_of_event(store, "GM0168", "e3")
    assert [v["version"] for v in hist] == [1, 2]
    assert hist[0]["superseded_at"] is not None and hist[1]["superseded_at"] is None
    assert hist[0]["recorded_by"] == "tester" and hist[0]["data"]["post"]["fte"] == 1
    assert first.changeset != third.changeset


def test_what_was_known_at_an_earlier_moment(store: Store, tmp_path: Path) -> None:
    load(store, tmp_path)
    before_change = datetime.now(UTC)
    renamed = (
        LOSSER + """  - {id: e4, type: rename, date: 2013-01-01, unit: OW, name: Openbare Ruimte, assumption: true}\n"""
    )
    load(store, tmp_path, renamed, "v2.yaml")
    now_view = register.show(store, "GM0168", date(2014, 1, 1))
    then_view = register.show(store, "GM0168", date(2014, 1, 1), known_at=before_change)
    ow_now = next(u for u in now_view["units"] if u["id"] == "OW")
    ow_then = next(u for u in then_view["units"] if u["id"] == "OW")
    assert (ow_now["name"], ow_then["name"]) == ("Openbare Ruimte", "Openbare Werken")


def test_retract_keeps_the_log(store: Store, tmp_path: Path) -> None:
    load(store, tmp_path)
    register.retract_event(store, "GM0168", "e3", "tester", "dubbel ingevoerd")
    assert register.show(store, "GM0168", date(2012, 6, 1))["totals"]["posts"] == 1
    hist = register.history_of_event(store, "GM0168", "e3")
    assert hist[-1]["retracted"] is True and hist[-1]["reason"] == "dubbel ingevoerd"
    # Retracting an event that others depend on is refused.
    from raadhuis.canonical.errors import InputErrors

    with pytest.raises(InputErrors):
        register.retract_event(store, "GM0168", "REO@2009", "tester", "")  # the merge e1 needs REO


def test_export_import_round_trip(store: Store, tmp_path: Path, sqlite_store: Store) -> None:
    load(store, tmp_path)
    exported = dataset_to_dict(register.export_dataset(store, "GM0168"))
    path = tmp_path / "export.yaml"
    path.write_text(yaml.safe_dump(exported, allow_unicode=True, sort_keys=False), "utf-8")
    other = Store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    register.import_dataset(other, path)
    for day in (date(2010, 6, 1), date(2011, 12, 31), date(2012, 1, 1), date(2020, 1, 1)):
        for view in View:
            a = register.show(store, "GM0168", day, view)
            b = register.show(other, "GM0168", day, view)
            assert a["units"] == b["units"] and a["totals"] == b["totals"]
    assert dataset_to_dict(register.export_dataset(other, "GM0168")) == exported
    other.dispose()


def dataset_of(events: list[Event], *organisations: Organisation) -> str:
    orgs = list(organisations) or [Organisation(ORG, "Proefgemeente"), Organisation("GM0153", "Enschede")]
    ds = Dataset(organisations=orgs, events=events)
    return yaml.safe_dump(dataset_to_dict(ds), allow_unicode=True, sort_keys=False)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(events=histories(max_steps=15))
def test_store_as_of_equals_replay(events: list[Event], tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    store = Store(f"sqlite:///{tmp / 'p.sqlite'}")
    try:
        path = tmp / "ds.yaml"
        path.write_text(dataset_of(events), "utf-8")
        register.import_dataset(store, path)
        for view in View:
            for day in sample_days(events):
                snap = replay(events, ORG, day, view)
                stored = register.snapshot(store, ORG, day, view)
                assert stored.units == snap.units, (view, day)
                assert stored.posts == snap.posts, (view, day)
        # Export, import elsewhere: the same state on every day.
        out = tmp / "out.yaml"
        out.write_text(yaml.safe_dump(dataset_to_dict(register.export_dataset(store, ORG))), "utf-8")
        other = Store(f"sqlite:///{tmp / 'q.sqlite'}")
        register.import_dataset(other, out)
        for day in sample_days(events):
            assert register.snapshot(other, ORG, day).units == replay(events, ORG, day).units
        other.dispose()
    finally:
        store.dispose()


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(events=histories(max_steps=20, partner=True))
def test_two_organisations_with_transfers_in_the_store_equal_replay(
    events: list[Event], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Both organisations' read models equal the replay of the two together, and so does a fresh
    register that imported one organisation's export (it carries the other's events: the two
    histories need each other)."""
    tmp = tmp_path_factory.mktemp("two")
    store = Store(f"sqlite:///{tmp / 'p.sqlite'}")
    other = Store(f"sqlite:///{tmp / 'q.sqlite'}")
    members = {ORG, PARTNER}
    try:
        path = tmp / "ds.yaml"
        path.write_text(dataset_of(events, Organisation(ORG, "Proefgemeente"), Organisation(PARTNER, "Buurgemeente")))
        register.import_dataset(store, path)
        out = tmp / "out.yaml"
        exported = register.export_dataset(store, PARTNER)
        out.write_text(yaml.safe_dump(dataset_to_dict(exported)), "utf-8")
        register.import_dataset(other, out)
        joined = any(e.type is EventType.TRANSFER_OUT and e.other_organisation in members for e in events)
        assert {e.organisation for e in exported.events} == (members if joined else {PARTNER})
        for view in View:
            for org in (ORG, PARTNER):
                for day in sample_days(events):
                    snap = replay(events, org, day, view, members)
                    for st in (store, other) if joined or org == PARTNER else (store,):
                        stored = register.snapshot(st, org, day, view)
                        assert (stored.units, stored.posts) == (snap.units, snap.posts), (view, org, day)
    finally:
        store.dispose()
        other.dispose()


def test_postgres_agrees_with_sqlite(pg_store: Store, sqlite_store: Store, tmp_path: Path) -> None:
    from hypothesis import find

    events = find(histories(max_steps=25), lambda evs: len(evs) > 20)
    path = tmp_path / "ds.yaml"
    path.write_text(dataset_of(events), "utf-8")
    for st in (pg_store, sqlite_store):
        register.import_dataset(st, path)
    for day in sample_days(events):
        assert register.show(pg_store, ORG, day) == register.show(sqlite_store, ORG, day)
        assert register.diff(pg_store, ORG, day - timedelta(days=400), day) == register.diff(
            sqlite_store, ORG, day - timedelta(days=400), day
        )


def test_extension_sections_of_two_organisations_are_both_kept(sqlite_store: Store, tmp_path: Path) -> None:
    def dataset(org: str, name: str, year: int) -> str:
        return (
            f"format: raadhuis/1\norganisation: {org}\norganisations:\n  - {{id: {org}, name: {name}}}\n"
            f"extensions:\n  programmes:\n    - {{name: Programma {name}, year: {year}}}\n"
        )

    load(sqlite_store, tmp_path, dataset("GM0168", "Losser", 2024), "a.yaml")
    load(sqlite_store, tmp_path, dataset("GM0153", "Enschede", 2025), "b.yaml")
    losser = register.export_dataset(sqlite_store, "GM0168").extensions["programmes"]
    enschede = register.export_dataset(sqlite_store, "GM0153").extensions["programmes"]
    # Each item keeps the organisation it went to, so it goes back there from any export.
    assert losser == [{"organisation": "GM0168", "name": "Programma Losser", "year": 2024}]
    assert enschede == [{"organisation": "GM0153", "name": "Programma Enschede", "year": 2025}]
    everything = register.export_dataset(sqlite_store).extensions["programmes"]
    assert len(everything) == 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events=histories(max_steps=20))
def test_unit_fte_read_model_equals_summing_the_posts(events: list[Event]) -> None:
    from raadhuis.domain.engine import build_history
    from raadhuis.store.repository import unit_fte_rows

    for view in View:
        h = build_history(events, ORG, view)
        rows = unit_fte_rows(ORG, view, h.posts)
        for day in sample_days(events):
            summed: dict[str, list[float]] = {}
            for v in h.posts:
                if v.valid_from <= day < v.valid_to:
                    acc = summed.setdefault(v.value.unit, [0.0, 0.0, 0])
                    acc[0] += v.value.fte
                    acc[1] += v.value.filled_fte
                    acc[2] += 1
            read = {
                r["unit_id"]: [r["fte"], r["filled_fte"], r["posts"]]
                for r in rows
                if r["valid_from"] <= day < r["valid_to"]
            }
            assert set(read) == set(summed), (view, day)
            for unit, (f, b, n) in summed.items():
                assert read[unit][0] == pytest.approx(f) and read[unit][1] == pytest.approx(b) and read[unit][2] == n


def test_as_of_answers_are_reused_only_until_the_next_write(store: Store, tmp_path: Path) -> None:
    load(store, tmp_path)
    first = register.show(store, "GM0168", date(2013, 3, 1))
    same_period = register.show(store, "GM0168", date(2014, 3, 1))
    assert same_period["at"] == "2014-03-01" and same_period["units"] == first["units"]
    renamed = (
        LOSSER + "  - {id: e5, type: rename, date: 2013-01-01, unit: OW, name: Openbare Ruimte, assumption: true}\n"
    )
    load(store, tmp_path, renamed, "v2.yaml")  # a write that changes an earlier day
    after = register.show(store, "GM0168", date(2013, 3, 1))
    assert next(u["name"] for u in after["units"] if u["id"] == "OW") == "Openbare Ruimte"
    assert next(u["name"] for u in register.show(store, "GM0168", date(2012, 6, 1))["units"] if u["id"] == "OW") == (
        "Openbare Werken"
    )
