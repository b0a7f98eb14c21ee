"""Capacity per task field and strategic capacity; the arithmetic is in the comments."""

import json
from datetime import date

from pytest import approx

from raadhuis.analysis.capacity import Demand, capacity, strategic_capacity
from raadhuis.domain.model import Post, Snapshot, Staffing, StaffingKind, TaskFieldShare, Unit, View

E, V, H = StaffingKind.EMPLOYEE, StaffingKind.VACANCY, StaffingKind.EXTERNAL_HIRE


def post(pid, unit, roles, *lines, fte=1.0):
    return Post(pid, unit, pid, fte, roles=roles, staffing=tuple(Staffing(k, f) for k, f in lines))


def example():
    units = [
        Unit("A", "Ruimte", "afdeling", task_fields=(TaskFieldShare("8.3", 0.6), TaskFieldShare("8.1", 0.4))),
        Unit("B", "Staf", "staf"),
        Unit("C", "Bestuur", "afdeling", task_fields=(TaskFieldShare("0.4", 0.7), TaskFieldShare("0.1", 0.6))),
    ]
    posts = [
        post("a1", "A", ("policy",), (E, 1.0)),
        post("a2", "A", ("execution",), (E, 1.0)),
        post("a3", "A", ("execution",), (H, 0.5), (V, 0.5)),
        post("a4", "A", ("manager",), (E, 1.0)),
        post("b1", "B", ("execution",), (E, 1.0)),
        post("b2", "B", (), (E, 0.8)),
        post("c1", "C", ("execution",), (E, 1.0)),
    ]
    return Snapshot("GM0168", date(2020, 1, 1), View.ACTUAL, {u.id: u for u in units}, {p.id: p for p in posts})


def test_staffed_fte_per_task_field_and_gaps():
    demand = {"8.3": Demand(fte=3.0), "8.1": Demand(norm_per_1000=0.05), "5.7": Demand(fte=0.5)}
    result = capacity(example(), demand, inhabitants=20_000, task_field_names={"8.3": "Wonen en bouwen"})
    by = {t.code: t for t in result.task_fields}
    # unit A staffed: 1.0 + 1.0 + 0.5 (hire) + 1.0 = 3.5 FTE (the 0.5 vacancy is not staffed); budgeted 4.0
    # 8.3: 3.5 × 0.6 = 2.1 staffed against 3.0 demanded → gap −0.9
    assert by["8.3"].staffed_fte == approx(2.1) and by["8.3"].budgeted_fte == approx(2.4)
    assert by["8.3"].gap == approx(-0.9) and by["8.3"].name == "Wonen en bouwen"
    assert any(r.id == "capacity.shortage" for r in by["8.3"].reasons)
    # 8.1: 3.5 × 0.4 = 1.4 staffed; demand 0.05 per 1,000 × 20,000 = 1.0 → gap +0.4
    assert by["8.1"].demand_fte == approx(1.0) and by["8.1"].gap == approx(0.4)
    # 5.7: nobody works on it, 0.5 demanded → gap −0.5
    assert by["5.7"].staffed_fte == 0 and by["5.7"].gap == -0.5
    # unit B has no task fields: 1.0 + 0.8 = 1.8 unassigned; C's shares exceed 1, nothing unassigned there
    assert result.unassigned_fte == approx(1.8)
    assert [r.subject for r in result.reasons if r.id == "capacity.shares_above_one"] == ["C"]
    assert [t.code for t in result.task_fields] == ["0.1", "0.4", "5.7", "8.1", "8.3"]
    json.dumps(result.to_dict())


def test_norm_without_inhabitants_gives_a_reason_not_a_number():
    result = capacity(example(), {"8.1": Demand(norm_per_1000=0.05)})
    t = {t.code: t for t in result.task_fields}["8.1"]
    assert t.demand_fte is None and t.gap is None
    assert [r.id for r in t.reasons] == ["capacity.norm_without_inhabitants"]


def test_strategic_capacity_by_role():
    s = strategic_capacity(example())
    # policy a1 1.0; management a4 1.0; execution a2 1.0 + a3 0.5 + b1 1.0 + c1 1.0 = 3.5; no role b2 0.8
    assert (s.strategic_policy_fte, s.management_fte, s.execution_fte, s.unclassified_fte) == (1.0, 1.0, 3.5, 0.8)
    # shares of the classified 5.5 FTE: strategic 1 / 5.5, execution 3.5 / 5.5 = 0.64 < 0.8
    assert s.strategic_share == approx(1 / 5.5) and s.execution_share == approx(3.5 / 5.5)
    assert not s.organisation_of_doers
    assert [r.id for r in s.reasons] == ["capacity.unclassified"]


def test_organisation_of_doers():
    units = {"A": Unit("A", "A", "afdeling")}
    posts = {f"x{i}": post(f"x{i}", "A", ("execution",), (E, 1.0)) for i in range(9)}
    posts["p"] = post("p", "A", ("strategic", "execution"), (E, 1.0))  # strategic wins over execution
    s = strategic_capacity(Snapshot("GM1", date(2024, 1, 1), View.ACTUAL, units, posts))
    # 9 execution / 10 classified = 0.9 ≥ 0.8
    assert s.execution_share == 0.9 and s.organisation_of_doers
    assert s.reasons[0].id == "capacity.doers" and "90%" in s.reasons[0].nl


def test_no_roles_at_all():
    units = {"A": Unit("A", "A", "afdeling")}
    posts = {"x": post("x", "A", (), (V, 1.0))}
    s = strategic_capacity(Snapshot("GM1", date(2024, 1, 1), View.ACTUAL, units, posts))
    assert s.strategic_share is None and not s.organisation_of_doers
    assert s.reasons[0].id == "capacity.no_roles"
