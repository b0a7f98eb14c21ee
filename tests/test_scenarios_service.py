"""The scenario service on SQLite and PostgreSQL: branch, model, compare, promote, realise; stale
scenarios and their conflicts; bad input names its place and writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.model import View
from raadhuis.services import register
from raadhuis.services import scenarios as sc
from raadhuis.services.register import NotFound
from raadhuis.services.sections import RecordConflict
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from tests.scenario_world import EXAMPLES, losser_2011

ORG = "GM0168"
FIVE_TO_THREE = [
    {
        "type": "merge",
        "date": "2012-01-01",
        "units": ["REO", "WEL"],
        "into": {"id": "BSP", "name": "Beleid, Strategie en Projecten", "abbreviation": "BSP", "kind": "afdeling"},
    },
    {"type": "transfer_out", "date": "2012-01-01", "unit": "WIZ", "to": "GM0153"},
    {
        "type": "add_post",
        "date": "2012-01-01",
        "post": {"id": "BSP-regie", "unit": "BSP", "title": "Regiefunctionaris", "fte": 1.0, "scale": "11"},
    },
    {
        "type": "add_post",
        "date": "2012-01-01",
        "post": {
            "id": "BSP-hoofd",
            "unit": "BSP",
            "title": "Afdelingshoofd BSP",
            "fte": 1.0,
            "scale": "13",
            "roles": ["manager"],
            "staffing": [{"kind": "employee", "fte": 1.0, "person": "A. de Jong"}],
        },
    },
]


@pytest.fixture
def losser(store: Store, tmp_path: Path) -> Store:
    register.import_dataset(store, losser_2011(tmp_path), who="test", reason="Losser, september 2011")
    return store


def _changesets(store: Store) -> int:
    with store.session() as s:
        return repo.last_changeset(s) or 0


def _branch(store: Store, name: str = "Van vijf naar drie afdelingen") -> str:
    return str(sc.new(store, ORG, name, "1-9-2011", "consultant", effective_by="2012-01-01")["scenario"]["id"])


def test_branch_model_compare_promote_and_realise(losser: Store) -> None:
    store = losser
    three = _branch(store)
    added = sc.add_events(store, ORG, three, FIVE_TO_THREE, "consultant", "de nota van 2011")
    assert added["events"][0] == "bsp-samenvoeging-2012-01-01"  # ids made by the rule when not given
    five = _branch(store, "Vijf afdelingen houden")
    sc.add_events(
        store,
        ORG,
        five,
        [
            {
                "type": "add_post",
                "date": "2012-01-01",
                "post": {"id": "REO-regie", "unit": "REO", "title": "Regiefunctionaris", "fte": 1.0, "scale": "11"},
            }
        ],
        "consultant",
    )
    shown = sc.show(store, ORG, three)
    assert [u["id"] for u in shown["units"]] == ["BSP", "OW", "VVH"]
    assert shown["marks"] == {"BSP": "merged", "REO": "merged", "WEL": "merged", "WIZ": "transferred"}
    assert {g["id"] for g in shown["gone"]} == {"REO", "WEL", "WIZ"}  # drawn struck through where they stood
    assert "REO en Welzijn worden samengevoegd tot BSP (nieuw)" in [c["text"] for c in shown["changes"]]
    assert shown["conflicts"] == [] and shown["stale"]["stale"] is False

    compared = sc.compare(store, ORG, [three, five])
    base, a, b = compared["columns"]
    assert compared["at"] == "2012-01-01"
    assert (base["figures"]["units"], a["figures"]["units"], b["figures"]["units"]) == (5, 3, 5)
    assert a["delta"]["units"] == -2 and b["delta"]["units"] == 0
    assert a["span"]["managers"] == 1 and b["span"]["managers"] == 0
    # Cost: scale 13 and 11 at their maximum step, at the price level of the first shipped table (no
    # table is valid in 2012), with 40% employer's charges — and the figure says all three.
    assert a["cost"]["total"] == pytest.approx((6178 + 5017) * 12 * 1.4)
    assert "prijspeil 1 oktober 2019" in a["cost"]["assumption"]
    assert "trede: maximum van de schaal" in a["cost"]["assumption"]
    assert compared["salary_table"]["publication"]["url"].startswith("https://caruwo.vng.nl/")
    assert [d for d in compared["over_time"]["days"]] == ["2011-09-01", "2012-01-01"]

    promoted = sc.promote(
        store,
        ORG,
        three,
        "gemeentesecretaris",
        "college besluit",
        decision={"body": "college", "date": "13-09-2011", "title": "Herijking organisatiestructuur"},
    )
    assert promoted["decision"] == "college-2011-09-13"
    planned = register.show(store, ORG, date(2012, 1, 1), View.PLANNED)
    assert [u["id"] for u in planned["units"]] == ["BSP", "OW", "VVH"]
    actual = register.show(store, ORG, date(2012, 1, 1), View.ACTUAL)
    assert {u["id"] for u in actual["units"]} == {"OW", "REO", "WEL", "VVH", "WIZ"}
    timeline = register.timeline(store, ORG)["events"]
    decided = [e for e in timeline if e["status"] == "decided"]
    assert {e["id"] for e in decided} == set(promoted["events"])
    assert all(e["decision"]["id"] == "college-2011-09-13" for e in decided)
    assert sc.load(store, ORG, three)[0].status.value == "decided"
    # A promoted scenario is not its own staleness, and it is not edited any more.
    assert sc.show(store, ORG, three)["stale"]["stale"] is False
    with pytest.raises(InputErrors, match="promoted to plan"):
        sc.add_events(store, ORG, three, FIVE_TO_THREE[:1], "consultant")
    # Realisation event by event: the register's status change of an event.
    sc.realise(store, ORG, three, "bsp-samenvoeging-2012-01-01", "gemeentesecretaris")
    actual = register.show(store, ORG, date(2012, 1, 1), View.ACTUAL)
    assert {u["id"] for u in actual["units"]} == {"OW", "BSP", "VVH", "WIZ"}
    history = register.history_of_event(store, ORG, "bsp-samenvoeging-2012-01-01")
    assert [h["data"].get("status", "realised") for h in history] == ["decided", "realised"]


def test_a_stale_scenario_lists_its_conflicts_and_keeps_everything(losser: Store) -> None:
    store = losser
    sid = _branch(store)
    sc.add_events(store, ORG, sid, FIVE_TO_THREE, "consultant")
    # Meanwhile the register learns that Welzijn was dissolved in October 2011.
    register.add_events(
        store,
        ORG,
        [{"id": "wel-opgeheven", "type": "dissolve", "date": "2011-10-01", "unit": "WEL", "assumption": "test"}],
        "registrar",
        "Welzijn opgeheven",
        "test",
    )
    shown = sc.show(store, ORG, sid)
    assert shown["stale"]["stale"] is True
    assert shown["stale"]["changes"][0]["recorded_by"] == "registrar"
    conflict = shown["conflicts"][0]
    assert conflict["event"] == "bsp-samenvoeging-2012-01-01" and conflict["field"] == "events[0].units"
    assert conflict["message_en"] == "unit 'WEL' does not exist on 2012-01-01"
    assert len(sc.load(store, ORG, sid)[0].events) == 4  # nothing lost
    before = _changesets(store)
    with pytest.raises(InputErrors, match="rebase"):
        sc.promote(store, ORG, sid, "x", decision={"body": "college", "date": "2011-09-13", "title": "T"})
    assert _changesets(store) == before
    sc.rebase(store, ORG, sid, "consultant")
    assert sc.show(store, ORG, sid)["stale"]["stale"] is False
    # The event that no longer fits still blocks the promotion, by name.
    with pytest.raises(InputErrors) as caught:
        sc.promote(store, ORG, sid, "x", decision={"body": "college", "date": "2011-09-13", "title": "T"})
    assert any(e.field == "events[0].units" for e in caught.value.errors)


@pytest.mark.parametrize(
    ("events", "field", "message"),
    [
        (
            [{"type": "move", "date": "2012-02-01", "unit": "NOPE", "parent": "OW"}],
            "events[0].unit",
            "unit 'NOPE' does not exist",
        ),
        (
            [{"type": "rename", "date": "2011-08-01", "unit": "OW", "name": "X"}],
            "events[0].date",
            "expected a date after the branch day",
        ),
        (
            [{"type": "rename", "date": "2012-13-45", "unit": "OW", "name": "X"}],
            "events[0].date",
            "expected a valid date",
        ),
        ([{"type": "teleport", "date": "2012-02-01", "unit": "OW"}], "events[0].type", "expected one of"),
        ([{"type": "rename", "date": "2012-02-01", "unit": "OW"}], "events[0].name", "needs 'name'"),
        (["not an event"], "events[0]", "expected an event in the dataset format"),
        (
            [{"type": "rename", "date": "2012-02-01", "unit": "OW", "name": "X", "status": "realised"}],
            "events[0].status",
            "proposals",
        ),
    ],
)
def test_bad_events_name_their_place_and_write_nothing(losser: Store, events: list, field: str, message: str) -> None:  # type: ignore[type-arg]
    sid = _branch(losser)
    before = _changesets(losser)
    with pytest.raises(InputErrors) as caught:
        sc.add_events(losser, ORG, sid, events, "consultant")
    assert any(e.field == field and message in e.message for e in caught.value.errors), caught.value.errors
    assert _changesets(losser) == before


def test_bad_scenarios_and_comparisons(losser: Store) -> None:
    before = _changesets(losser)
    with pytest.raises(InputErrors) as caught:
        sc.new(losser, ORG, "", "31-02-2011", "consultant")
    assert {e.field for e in caught.value.errors} == {"name", "from"}
    with pytest.raises(NotFound, match="scenario 'nope'"):
        sc.show(losser, ORG, "nope")
    assert _changesets(losser) == before
    sid = _branch(losser)
    with pytest.raises(InputErrors, match="at most 4"):
        sc.compare(losser, ORG, [sid] * 1 + ["a", "b", "c", "d"])
    with pytest.raises(InputErrors, match="compare on that day or later"):
        sc.compare(losser, ORG, [sid], at=date(2011, 1, 1))
    with pytest.raises(InputErrors, match="step rule|expected one of"):
        sc.compare(losser, ORG, [sid], step_rule="random")
    with pytest.raises(InputErrors, match="cannot become|decided by promoting"):
        sc.update(losser, ORG, sid, "consultant", status="decided")


def test_an_edit_on_an_older_version_is_refused(losser: Store) -> None:
    sid = _branch(losser)
    _, version = sc.load(losser, ORG, sid)
    sc.add_events(losser, ORG, sid, FIVE_TO_THREE[:1], "one", version=version)
    with pytest.raises(RecordConflict):
        sc.add_events(losser, ORG, sid, FIVE_TO_THREE[1:2], "two", version=version)


def test_copy_remove_and_status(losser: Store) -> None:
    sid = _branch(losser)
    sc.add_events(losser, ORG, sid, FIVE_TO_THREE, "consultant")
    copied = sc.copy(losser, ORG, sid, "consultant2", "Variant B")["scenario"]
    assert copied["id"] == "variant-b" and copied["copied_from"] == sid and copied["events"] == 4
    # Taking out the merge would leave the posts of BSP without their unit: refused, by name.
    with pytest.raises(InputErrors, match="would no longer fit"):
        sc.remove_event(losser, ORG, "variant-b", "bsp-samenvoeging-2012-01-01", "consultant2")
    sc.remove_event(losser, ORG, "variant-b", "wiz-overgang-2012-01-01", "consultant2")
    assert sc.load(losser, ORG, "variant-b")[0].event("wiz-overgang-2012-01-01") is None
    sc.update(losser, ORG, sid, "consultant", status="submitted")
    statuses = {x["id"]: x["status"] for x in sc.list_scenarios(losser, ORG)["scenarios"]}
    assert statuses == {sid: "submitted", "variant-b": "draft"}
    history = register_history(losser, sid)
    assert [h["recorded_by"] for h in history] == ["consultant", "consultant", "consultant"]


def register_history(store: Store, sid: str) -> list[dict]:  # type: ignore[type-arg]
    with store.session() as s:
        return repo.record_history(s, "scenario", ORG, sid)


def test_the_examples_compare_and_export_import_records_nothing(store: Store, tmp_path: Path) -> None:
    for name in ("losser.yaml", "jaarverslag-2024.yaml"):
        register.import_dataset(store, EXAMPLES / name, who="test", reason="examples")
    compared = sc.compare(store, "voorbeeldgemeente-2024", ["drie-domeinen", "vijf-afdelingen"])
    _, a, b = compared["columns"]
    assert (a["span"]["managers"], b["span"]["managers"]) == (4, 6)
    assert b["formation"]["mean_fte"] < a["formation"]["mean_fte"]  # fewer staff per manager
    assert b["formation"]["maximum_fte"] == 25.0 and a["formation"]["maximum_fte"] == 42.0
    assert a["cost"]["assumption"] and b["cost"]["total"] is not None
    losser_ = sc.show(store, ORG, "herijking-2011")
    assert [u["id"] for u in losser_["units"]] == ["BSP", "OW", "VVH"] and losser_["conflicts"] == []
    # The plan and what happened part in 2017: the head of WIZ is a register event the scenario displaces.
    assert [d["event"] for d in sc.show(store, ORG, "herijking-2011", at=date(2017, 1, 1))["displaced"]] == [
        "hoofd-wiz-2017"
    ]
    from raadhuis.formats.dataset import dump_dataset

    exported = tmp_path / "export.yaml"
    exported.write_text(dump_dataset(register.export_dataset(store)), encoding="utf-8")
    again = register.import_dataset(store, exported, who="test", reason="again")
    assert again.changed is False


def test_posts_and_fte_resting_on_assumptions_carry_the_mark_and_unknown_stays_unknown(store: Store) -> None:
    from raadhuis.services import comparison

    register.import_dataset(store, EXAMPLES / "jaarverslag-2024.yaml", who="test", reason="examples")
    data = sc.compare(store, "voorbeeldgemeente-2024", ["drie-domeinen", "vijf-afdelingen"])
    for col in data["columns"]:  # the example's formatie is illustrative, and says so in JSON
        assert "illustratie" in col["figures"]["assumption"].lower()
        assert col["formation"]["assumption"]
    tables = comparison.tables(data, "nl")
    rows = {r.label: r for s in tables.sections for r in s.rows}
    for label in ("Formatieplaatsen", "Formatie (fte)", "Formatie per leidinggevende (gemiddeld, fte)"):
        assert all(c.assumed for c in rows[label].cells), label
    assert not any(c.assumed for c in rows["Eenheden"].cells)  # unit counts rest on no post's figures
    bezetting = rows["Bezetting (fte)"].cells
    assert all(c.text == "onbekend" and not c.assumed for c in bezetting)  # unknown, not an assumption
    assert any("formatieplaatsen en fte rusten op aannames" in a for a in tables.assumptions)
    # Over time, the formatie rests on the same posts: the same mark (the unit counts none).
    over = next(s for s in tables.sections if s.key == "over_time")
    formatie = [r for r in over.rows if r.label.endswith("Formatie (fte)")]
    assert formatie and all(c.assumed for r in formatie for c in r.cells if c.text != "—")
    assert not any(c.assumed for r in over.rows if r.label.endswith("Eenheden") for c in r.cells)


def test_a_scenario_without_assumed_posts_has_no_formatie_mark(losser: Store) -> None:
    from raadhuis.services import comparison

    sid = _branch(losser)
    sc.add_events(losser, ORG, sid, FIVE_TO_THREE, "consultant", "model")
    data = sc.compare(losser, ORG, [sid])
    assert [c["figures"]["assumption"] for c in data["columns"]] == [None, None]
    rows = {r.label: r for s in comparison.tables(data, "nl").sections for r in s.rows}
    assert not any(c.assumed for c in rows["Formatie (fte)"].cells)
    assert rows["Personeelslasten formatie per jaar"].cells[1].assumed  # the cost still rests on its step rule


def test_excel_shows_differences_without_a_stray_apostrophe_and_runs_no_formula(losser: Store) -> None:
    from io import BytesIO

    import openpyxl

    from raadhuis.formats.scenario_excel import comparison_workbook
    from raadhuis.services import comparison

    sid = str(sc.new(losser, ORG, "=1+1", "1-9-2011", "consultant")["scenario"]["id"])
    sc.add_events(losser, ORG, sid, FIVE_TO_THREE, "consultant", "model")
    data = sc.compare(losser, ORG, [sid])
    sheet = openpyxl.load_workbook(BytesIO(comparison_workbook(comparison.tables(data, "nl"), "nl")))["Vergelijking"]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert "+2 (meer)" in cells and "'+2 (meer)" not in cells  # what the reader sees
    assert cells["+2 (meer)"].quotePrefix and cells["+2 (meer)"].data_type == "s"
    head = next(v for v in cells if v.startswith("=1+1"))
    assert cells[head].quotePrefix and cells[head].data_type == "s"  # a name like a formula stays text
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_a_post_the_register_marks_as_assumed_later_carries_the_mark_in_the_next_comparison(losser: Store) -> None:
    sid = _branch(losser)
    sc.add_events(losser, ORG, sid, FIVE_TO_THREE, "consultant", "model")
    assert sc.compare(losser, ORG, [sid])["columns"][0]["figures"]["assumption"] is None
    post = {"id": "REO-schatting", "unit": "REO", "title": "Adviseur", "fte": 1.0, "scale": "10"}
    event = {"id": "reo-schatting", "type": "add_post", "date": "2011-10-01", "status": "realised", "post": post}
    register.add_events(losser, ORG, [event | {"assumption": "fte geschat"}], "test", "een aanname", "test")
    baseline = sc.compare(losser, ORG, [sid])["columns"][0]  # what was kept is of the register before the write
    assert baseline["figures"]["assumption"] == "fte geschat"


def test_a_scenarios_page_shows_its_baseline_as_the_register_now_has_it(losser: Store) -> None:
    sid = _branch(losser)
    sc.add_events(losser, ORG, sid, FIVE_TO_THREE, "consultant", "model")
    before = sc.show(losser, ORG, sid)
    post = {"id": "OW-later", "unit": "OW", "title": "Adviseur", "fte": 0.5, "scale": "10"}
    event = {"id": "ow-later", "type": "add_post", "date": "2011-11-01", "status": "realised", "post": post}
    register.add_events(losser, ORG, [event], "test", "later in the register", "test")
    after = sc.show(losser, ORG, sid)  # the register's later event is in the baseline and in the scenario
    assert after["baseline"]["posts"] == before["baseline"]["posts"] + 1
    assert after["baseline"]["formatie_fte"] == before["baseline"]["formatie_fte"] + 0.5
    assert after["totals"]["posts"] == before["totals"]["posts"] + 1


def test_an_id_made_for_a_new_event_is_free_in_the_register_as_it_now_is(losser: Store) -> None:
    sid = _branch(losser)
    rename = {"type": "rename", "date": "2012-01-01", "unit": "OW", "name": "Openbare Werken"}
    made = sc.add_events(losser, ORG, sid, [rename], "consultant", "model")["events"][0]
    sc.remove_event(losser, ORG, sid, made, "consultant")
    taken = {"id": made, "type": "rename", "date": "2011-10-01", "status": "realised", "unit": "OW", "name": "OW"}
    register.add_events(losser, ORG, [taken], "test", "the register takes the id", "test")
    again = sc.add_events(losser, ORG, sid, [rename], "consultant", "model")["events"][0]
    assert again != made and again.startswith(made)


def test_a_repeated_comparison_or_one_with_other_settings_answers_as_a_first_one(losser: Store) -> None:
    sid = _branch(losser)
    sc.add_events(losser, ORG, sid, FIVE_TO_THREE, "consultant", "model")
    other = _branch(losser, "Alles bij het oude")
    settings: list[dict[str, Any]] = [{}, {"band": (3, 7)}, {"charges": 10.0, "step_rule": "minimum"}, {}]
    answers = [sc.compare(losser, ORG, [sid, other], **kw) for kw in settings]
    for kw, answer in zip(settings, answers, strict=True):
        sc._KEPT.clear()  # noqa: SLF001 - a first comparison: nothing kept
        assert sc.compare(losser, ORG, [sid, other], **kw) == answer
    assert answers[0] == answers[3]
    assert answers[1]["band"] == [3, 7]
    assert answers[2]["columns"][1]["cost"]["known"] < answers[0]["columns"][1]["cost"]["known"]


def test_a_scenario_event_with_the_id_of_a_register_event_is_refused_and_written_nowhere(losser: Store) -> None:
    sid = _branch(losser)
    with losser.session() as s:
        taken = next(k for k in sorted(repo.current_keys(s, "event", ORG)) if "WEL" not in k)
        assert repo.current_keys_among(s, "event", ORG, [taken, "vrij"]) == {taken}
    before = _changesets(losser)
    rename = {"id": taken, "type": "rename", "date": "2012-01-01", "unit": "WEL", "name": "Welzijn en Zorg"}
    with pytest.raises(InputErrors) as caught:
        sc.add_events(losser, ORG, sid, [rename], "consultant", "model")
    assert "already an event of GM0168 in the register" in str(caught.value)
    assert _changesets(losser) == before


def test_scenarios_compared_together_have_the_columns_each_has_alone(losser: Store) -> None:
    # One scenario changes the posts (a merge, new posts); the other keeps them and moves and renames
    # units, so its figures are made from what the baseline lends it (the same posts).
    emp = [{"kind": "employee", "fte": 1.0, "person": "P"}]
    posts = [
        ("OW-hoofd", "OW", ["manager"], emp),
        ("OW-1", "OW", [], emp),
        ("WIZ-hoofd", "WIZ", ["manager"], emp),
        ("WIZ-1", "WIZ", [], emp + [{"kind": "external_hire", "fte": 0.5}]),
        ("WIZ-2", "WIZ", [], [{"kind": "vacancy", "fte": 1.0}]),
        ("REO-1", "REO", [], []),
    ]
    register.add_events(
        losser,
        ORG,
        [
            {
                "id": f"post-{pid}",
                "type": "add_post",
                "date": "2011-09-14",
                "post": {"id": pid, "unit": unit, "title": pid, "fte": 1.0, "scale": "10", "roles": roles}
                | ({"staffing": staffing} if staffing else {}),
            }
            for pid, unit, roles, staffing in posts
        ],
        "registrar",
        "formatie",
        "test",
    )
    merged = sc.new(losser, ORG, "Drie afdelingen", "2011-09-15", "consultant")["scenario"]["id"]
    sc.add_events(losser, ORG, merged, FIVE_TO_THREE, "consultant", "model")
    moved = sc.new(losser, ORG, "WIZ onder OW", "2011-09-15", "consultant")["scenario"]["id"]
    sc.add_events(
        losser,
        ORG,
        moved,
        [
            {"type": "move", "date": "2012-01-01", "unit": "WIZ", "parent": "OW"},
            {"type": "rename", "date": "2012-01-01", "unit": "REO", "name": "Ruimte en Economie"},
        ],
        "consultant",
        "model",
    )
    day = date(2012, 1, 1)
    together = sc.compare(losser, ORG, [merged, moved], at=day)
    assert together["columns"][2]["unit_changes"]  # the move and the rename are there
    assert together["columns"][2]["staff_changes"]  # WIZ's staff report to OW's head now
    for sid in (merged, moved):
        sc._KEPT.clear()  # noqa: SLF001 - alone and first: nothing lent by the other
        alone = sc.compare(losser, ORG, [sid], at=day)
        assert alone["columns"][0] == together["columns"][0]
        assert alone["columns"][1] == next(c for c in together["columns"] if c["key"] == sid)
