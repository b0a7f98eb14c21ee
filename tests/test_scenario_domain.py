"""Scenarios in the domain: the definition (baseline + placed proposals, replayed) and the fast path
from the organisation on the branch day agree; the rules; salary tables and personnel cost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raadhuis.analysis.cost import personnel_cost
from raadhuis.analysis.reorganisation import headline, pyramid, staff_changes
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.engine import build_history
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Post, Snapshot, Staffing, StaffingKind, Status, Unit, View
from raadhuis.domain.salary import SalaryRow, SalaryTable, parse_scale, rule_step, table_on
from raadhuis.domain.scenario import (
    AfterBranch,
    Scenario,
    ScenarioStatus,
    baseline_events,
    evaluate,
    evaluate_from,
    later_events,
    problems,
)
from tests.strategies import ORG, START, histories


def _start(events: list[Event], scenario: Scenario) -> Snapshot:
    """The organisation on the branch day as the read models give it: build_history's intervals."""
    history = build_history([e for e in events if scenario.view.admits(e.status)], ORG, scenario.view)
    day = scenario.branch_day
    units = {v.id: v.value for v in history.units if v.valid_from <= day < v.valid_to}
    posts = {v.id: v.value for v in history.posts if v.valid_from <= day < v.valid_to}
    return Snapshot(ORG, day, scenario.view, units, posts)


@st.composite
def proposals(draw: st.DrawFn, units: list[str], after: date) -> list[Event]:
    """Proposed events that may or may not fit: moves, dissolutions, new units and posts."""
    out: list[Event] = []
    for i in range(draw(st.integers(0, 6))):
        day = FuzzyDate.of_day(after + timedelta(days=draw(st.integers(1, 400))))
        kind = draw(st.sampled_from(["move", "dissolve", "establish", "add_post", "rename"]))
        pick = draw(st.sampled_from(units + ["NOPE"])) if units else "NOPE"
        common = {"id": f"p{i}", "date": day, "organisation": ORG, "status": Status.PROPOSED, "seq": i}
        if kind == "move":
            target = draw(st.sampled_from(units + [None])) if units else None
            out.append(Event(type=EventType.MOVE, unit=pick, target=target, **common))  # type: ignore[arg-type]
        elif kind == "dissolve":
            out.append(Event(type=EventType.DISSOLVE, unit=pick, **common))  # type: ignore[arg-type]
        elif kind == "establish":
            unit = Unit(f"N{i}", f"Nieuw {i}", "team", parent=pick if pick != "NOPE" else None)
            out.append(Event(type=EventType.ESTABLISH, new_unit=unit, **common))  # type: ignore[arg-type]
        elif kind == "add_post":
            post = Post(f"P{i}", pick, "Adviseur", 1.0, scale="10")
            out.append(Event(type=EventType.ADD_POST, post=post, **common))  # type: ignore[arg-type]
        else:
            out.append(Event(type=EventType.RENAME, unit=pick, changes={"name": f"Andere naam {i}"}, **common))  # type: ignore[arg-type]
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_path_agrees_with_the_definition(data: st.DataObject) -> None:
    events = data.draw(histories(max_steps=20))
    view = data.draw(st.sampled_from([View.ACTUAL, View.PLANNED]))
    after_branch = data.draw(st.sampled_from(list(AfterBranch)))
    last = max(e.date.effective for e in events)
    branch = START + timedelta(days=data.draw(st.integers(0, max(0, (last - START).days))))
    units = sorted({u for e in events for u in e.subjects()})
    mine = data.draw(proposals(units, branch))
    scenario = Scenario("s", ORG, "S", FuzzyDate.of_day(branch), view, after_branch, events=tuple(mine))
    days = sorted(
        {branch, branch + timedelta(days=200), branch + timedelta(days=500), *(e.date.effective for e in mine)}
    )
    slow = evaluate(events, scenario, days)
    start = _start(events, scenario)
    fast = evaluate_from(start, scenario, days, later_events(baseline_events(events, scenario), scenario))
    for day in days:
        assert fast.at(day).units == slow.at(day).units, day
        assert fast.at(day).posts == slow.at(day).posts, day
    assert [str(c) for c in fast.conflicts] == [str(c) for c in slow.conflicts]
    assert sorted(str(c) for c in fast.displaced) == sorted(str(c) for c in slow.displaced)
    assert fast.applied == slow.applied


def _unit_event(i: str, day: str, **kw: object) -> Event:
    return Event(i, EventType.ESTABLISH, FuzzyDate.parse(day), ORG, **kw)  # type: ignore[arg-type]


BASE = [
    _unit_event("e1", "2011-09-13", new_unit=Unit("REO", "REO", "afdeling")),
    _unit_event("e2", "2011-09-13", new_unit=Unit("WEL", "Welzijn", "afdeling")),
    Event("e3", EventType.RENAME, FuzzyDate.parse("2017"), ORG, unit="WEL", changes={"name": "Welzijn en Zorg"}),
]
MERGE = Event(
    "m",
    EventType.MERGE,
    FuzzyDate.parse("2012-01-01"),
    ORG,
    status=Status.PROPOSED,
    units=("REO", "WEL"),
    new_unit=Unit("BSP", "Beleid, Strategie en Projecten", "afdeling"),
)


def test_a_what_if_leaves_the_registers_later_events_out() -> None:
    on_top = Scenario("a", ORG, "A", FuzzyDate.parse("2011-09-01"), events=(MERGE,))
    what_if = replace(on_top, after_branch=AfterBranch.SCENARIO_ONLY)
    # On top of the register: the departments of 13 September come, then merge; the rename of 2017
    # finds WEL gone — a register event displaced by the scenario, named.
    result = evaluate(BASE, on_top, [date(2012, 1, 1)])
    assert set(result.at(date(2012, 1, 1)).units) == {"BSP"}
    assert [c.event.id for c in result.displaced] == ["e3"]
    # A what-if from 1 September: the register's later events do not happen, so neither does the merge.
    alone = evaluate(BASE, what_if, [date(2012, 1, 1)])
    assert alone.at(date(2012, 1, 1)).units == {}
    assert [c.event.id for c in alone.conflicts] == ["m"]
    assert "unit 'REO' does not exist on 2012-01-01" in str(alone.conflicts[0])


def test_a_promoted_scenarios_own_events_replace_the_registers() -> None:
    decided = replace(MERGE, status=Status.DECIDED, decision="college")
    register = [*BASE, replace(MERGE, status=Status.REALISED)]
    scenario = Scenario("a", ORG, "A", FuzzyDate.parse("2011-09-01"), status=ScenarioStatus.DECIDED, events=(decided,))
    result = evaluate(register, scenario, [date(2012, 1, 1)])
    assert result.conflicts == [] and set(result.at(date(2012, 1, 1)).units) == {"BSP"}


def test_rules_of_a_scenario() -> None:
    early = replace(MERGE, id="x", date=FuzzyDate.parse("2011-08-01"))
    realised = replace(MERGE, id="y", status=Status.REALISED)
    other = replace(MERGE, id="z", organisation="GM0001")
    s = Scenario("a", ORG, "A", FuzzyDate.parse("2011-09-01"), events=(MERGE, MERGE, early, realised, other))
    found = {(".".join(map(str, where)), message.split(":")[0]) for where, message in problems(s)}
    assert ("events.1.id", "event id 'm' is given twice in the scenario (also at events[0])") in found
    assert any(
        w == "events.2.date" and m.startswith("expected a date after the branch day 2011-09-01") for w, m in found
    )
    assert ("events.3.status", "a scenario's events are proposals") in found
    assert any(w == "events.4.organisation" for w, _ in found)
    with pytest.raises(ValueError, match="branches on 2011-09-01"):
        evaluate(BASE, s, [date(2011, 1, 1)])


TABLE = SalaryTable(
    "t",
    "Tabel",
    FuzzyDate.parse("2020-07-01"),
    tuple(SalaryRow("11", step, 3526.0 + 146 * step) for step in range(12)) + (SalaryRow("8", 0, 2459.0),),
)


def test_scales_steps_and_the_table_of_a_day() -> None:
    assert parse_scale("11") == ("11", None)
    assert parse_scale("schaal 10a") == ("10A", None)
    assert parse_scale("11/7") == ("11", 7)
    assert parse_scale("elf") is None and parse_scale(None) is None
    assert rule_step(list(range(12)), "maximum") == 11
    assert rule_step(list(range(12)), "middle") == 5
    assert rule_step(list(range(12)), "minimum") == 0
    later = replace(TABLE, id="t2", valid_from=FuzzyDate.parse("2021-01-01"))
    assert table_on([TABLE, later], date(2020, 12, 31)) == (TABLE, False)
    assert table_on([TABLE, later], date(2021, 1, 1)) == (later, False)
    assert table_on([later, TABLE], date(2012, 1, 1)) == (TABLE, True)  # the earliest, at its price level
    assert table_on([], date(2012, 1, 1)) == (None, False)


def test_personnel_cost_by_hand() -> None:
    posts = {
        "a": Post("a", "U", "Adviseur", 1.0, scale="11"),  # maximum step: 3526 + 146 × 11 = 5132
        "b": Post("b", "U", "Medewerker", 0.5, scale="11/0"),  # step given: 3526
    }
    snap = Snapshot(ORG, date(2021, 1, 1), View.ACTUAL, {"U": Unit("U", "U", "afdeling")}, posts)
    cost = personnel_cost(snap, TABLE, 40.0)
    assert cost.total == pytest.approx(5132 * 12 * 1.4 + 3526 * 12 * 1.4 * 0.5)
    assert cost.by_unit == {"U": cost.total}
    assert "trede: maximum van de schaal" in (cost.assumption or "")
    assert "opslag werkgeverslasten 40% (aanname, instelbaar)" in (cost.assumption or "")
    # A post without a scale: the total is unknown, the known part is given apart.
    posts["c"] = Post("c", "U", "Stagiair", 1.0)
    cost = personnel_cost(replace(snap, posts=posts), TABLE, 40.0)
    assert cost.total is None and cost.unknown_posts == ["c"] and cost.known > 0
    assert cost.to_dict()["total"] is None
    # No table at all: unknown, and said why.
    assert personnel_cost(snap, None, 40.0).reasons[0].id == "cost.no_table"


def test_headline_pyramid_and_staff_changes() -> None:
    units = {"TOP": Unit("TOP", "Directie", "directie"), "A": Unit("A", "A", "afdeling", parent="TOP")}
    emp = (Staffing(StaffingKind.EMPLOYEE, 1.0, person="Jan"),)
    posts = {
        "d": Post("d", "TOP", "Directeur", 1.0, roles=("manager",), staffing=emp),
        "h": Post("h", "A", "Hoofd A", 1.0, roles=("manager",), staffing=emp),
        "m1": Post("m1", "A", "Medewerker", 1.0, staffing=(Staffing(StaffingKind.EMPLOYEE, 0.8, person="Piet"),)),
        "m2": Post("m2", "A", "Medewerker", 1.0),
    }
    before = Snapshot(ORG, date(2020, 1, 1), View.ACTUAL, units, posts)
    head = headline(before)
    assert (head.units, head.posts, head.formatie_fte, head.unrecorded_posts) == (2, 4, 4.0, 1)
    assert head.to_dict()["bezetting_fte"] is None  # one post without staffing: unknown, not 2.8
    layers = pyramid(before)
    assert [(x.layer, x.managers) for x in layers] == [(1, 1), (2, 1)]
    # Piet's post moves to the top unit: his unit and his manager change.
    moved = dict(posts, m1=replace(posts["m1"], unit="TOP"))
    after = Snapshot(ORG, date(2020, 1, 1), View.ACTUAL, units, moved)
    changes = staff_changes(before, after)
    assert [(c.person, c.kinds, c.manager_before, c.manager_after) for c in changes] == [
        ("Piet", ("unit", "manager"), "h", "d")
    ]
