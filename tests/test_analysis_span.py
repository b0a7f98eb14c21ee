"""Span of control on hand-built snapshots; the arithmetic is in the comments."""

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from raadhuis.analysis.span_of_control import compare, span_of_control
from raadhuis.domain.model import Post, Snapshot, Staffing, StaffingKind, Unit, View

E, V, H, L, S = (
    StaffingKind.EMPLOYEE,
    StaffingKind.VACANCY,
    StaffingKind.EXTERNAL_HIRE,
    StaffingKind.LOAN_IN,
    StaffingKind.SECONDMENT_OUT,
)


def snap(units, posts):
    return Snapshot("GM9999", date(2024, 1, 1), View.ACTUAL, {u.id: u for u in units}, {p.id: p for p in posts})


def post(pid, unit, *lines, roles=(), fte=1.0, reports_to=None):
    return Post(
        pid, unit, pid, fte, roles=roles, staffing=tuple(Staffing(k, f) for k, f in lines), reports_to=reports_to
    )


M = ("manager",)


def example():
    units = [
        Unit("C", "Concern", "concern"),
        Unit("D1", "Domein 1", "domein", parent="C"),
        Unit("D2", "Domein 2", "domein", parent="C"),
        Unit("D3", "Domein 3", "domein", parent="C"),
        Unit("T1", "Team 1", "team", parent="D1"),  # no manager: reports go to D1's manager
        Unit("T2", "Team 2", "team", parent="D2"),
    ]
    posts = [
        post("gs", "C", (E, 1.0), roles=M),
        post("d1m", "D1", (E, 1.0), roles=M),
        post("d1a", "D1", (E, 1.0)),
        post("d1b", "D1", (E, 1.0)),
        post("d1c", "D1", (V, 1.0)),  # a vacancy is nobody's report
        post("t1a", "T1", (E, 0.5), (H, 0.5)),  # two people sharing a post: 2 reports, 1.0 FTE
        post("d2m", "D2", (V, 1.0), roles=M),  # vacant manager post
        post("t2m", "T2", (E, 0.8), roles=M, fte=0.8),
        post("t2a", "T2", (E, 1.0), (L, 0.5), fte=1.5),
        post("t2b", "T2", (S, 1.0)),  # seconded out: works elsewhere
        post("d3m", "D3", (E, 1.0), roles=M),  # a manager with no reports
    ]
    return snap(units, posts)


def test_direct_reports_per_manager():
    result = span_of_control(example())
    by = {m.post: m for m in result.managers}
    # gs: managers of the child units D1 (1 person), D2 (vacant: 0), D3 (1 person) = 2 heads, 2.0 FTE
    assert (by["gs"].headcount, by["gs"].fte) == (2, 2.0)
    # d1m: d1a + d1b (2 × 1.0) + T1's t1a (0.5 + 0.5, two people) = 4 heads, 3.0 FTE
    assert (by["d1m"].headcount, by["d1m"].fte) == (4, 3.0)
    # d2m (vacant itself): T2's manager t2m 0.8 = 1 head, 0.8 FTE
    assert (by["d2m"].headcount, round(by["d2m"].fte, 2)) == (1, 0.8)
    # t2m: t2a employee 1.0 + loan in 0.5 = 2 heads, 1.5 FTE; t2b seconded out does not count
    assert (by["t2m"].headcount, by["t2m"].fte) == (2, 1.5)
    assert by["d3m"].headcount == 0
    assert by["d2m"].vacant and not by["gs"].vacant


def test_totals_layers_distribution_and_band():
    result = span_of_control(example())
    # working lines: gs 1, d1m 1, d1a 1, d1b 1, t1a 2, t2m 1, t2a 2, d3m 1 = 10
    assert result.total_headcount == 10
    # spans 2 + 4 + 1 + 2 + 0 = 9, plus the top manager gs herself = 10
    assert sum(m.headcount for m in result.managers) + result.top_headcount + result.unmanaged_headcount == 10
    assert result.top_headcount == 1 and result.unmanaged_headcount == 0
    # C → D2 → T2 has three managed units
    assert result.layers == 3
    assert result.units_without_manager == ["T1"]
    # spans sorted: 0, 1, 2, 2, 4 → median 2, mean 9 / 5 = 1.8
    assert result.median == 2 and result.mean == 1.8
    assert (result.minimum, result.maximum) == (0, 4)
    assert result.distribution == {"0": 1, "1-5": 4, "6-10": 0, "11-15": 0, "16-20": 0, ">20": 0}
    assert result.outside_band == ["d3m"]
    ids = {r.id for r in result.reasons}
    assert {"span.below_band", "span.manager_vacant", "span.unit_without_manager"} <= ids
    below = next(r for r in result.reasons if r.id == "span.below_band")
    assert "d3m" in below.nl and "fewer than 1" in below.en
    json.dumps(result.to_dict())


def test_narrow_band_flags_wide_spans():
    result = span_of_control(example(), band=(0, 3))
    assert result.outside_band == ["d1m"]  # 4 > 3
    assert any(r.id == "span.above_band" and r.subject == "d1m" for r in result.reasons)


def test_reports_to_overrides_the_unit_line():
    s = example()
    s.posts["d1a"] = post("d1a", "D1", (E, 1.0), reports_to="gs")
    by = {m.post: m for m in span_of_control(s).managers}
    # d1a moves from d1m (4 → 3) to gs (2 → 3)
    assert by["d1m"].headcount == 3 and by["gs"].headcount == 3


def test_deputy_manager_reports_to_the_line_manager_of_the_same_unit():
    s = snap(
        [Unit("A", "Afdeling", "afdeling")],
        [post("a1", "A", (E, 1.0), roles=M), post("a2", "A", (E, 1.0), roles=M), post("x", "A", (E, 1.0))],
    )
    by = {m.post: m for m in span_of_control(s).managers}
    # a1 (lowest id) is the line manager: x and the deputy a2 report to a1
    assert by["a1"].headcount == 2 and by["a2"].headcount == 0


def test_no_managers_at_all():
    s = snap([Unit("A", "Afdeling", "afdeling")], [post("x", "A", (E, 1.0)), post("y", "A", (V, 1.0))])
    result = span_of_control(s)
    assert result.managers == [] and result.mean is None and result.layers == 0
    assert result.unmanaged_headcount == 1 and result.total_headcount == 1
    assert {"span.no_managers", "span.unmanaged"} <= {r.id for r in result.reasons}


def _flat_org(sizes, prefix):
    """A concern with one manager and one unit per size, each with a manager and `size` employees."""
    units = [Unit("C", "Concern", "concern")]
    posts = [post("gs", "C", (E, 1.0), roles=M)]
    for i, size in enumerate(sizes):
        uid = f"{prefix}{i}"
        units.append(Unit(uid, uid, "domein" if prefix == "dom" else "afdeling", parent="C"))
        posts.append(post(f"{uid}-m", uid, (E, 1.0), roles=M))
        posts += [post(f"{uid}-{j}", uid, (E, 1.0)) for j in range(size)]
    return snap(units, posts)


def test_seed_003_three_domains_to_five_departments_reduces_staff_per_manager():
    # Seed 003 (annual report 2024) says three domains became five departments "to bring the number of
    # staff per manager to manageable proportions"; it gives no head counts, so these 60 staff are
    # illustrative. Before: 3 domains of 24, 20, 16 → mean (24 + 20 + 16) / 3 = 20 per domain manager.
    # After: the same 60 staff in 5 departments of 12 → 12 per department head.
    before = _flat_org([24, 20, 16], "dom")
    after = _flat_org([12, 12, 12, 12, 12], "afd")
    result = compare(before, after)
    b = {m.post: m.headcount for m in result.before.managers}
    a = {m.post: m.headcount for m in result.after.managers}
    assert b == {"gs": 3, "dom0-m": 24, "dom1-m": 20, "dom2-m": 16}
    assert a["gs"] == 5 and all(a[f"afd{i}-m"] == 12 for i in range(5))
    # means over all manager posts: before (3 + 60) / 4 = 15.75; after (5 + 60) / 6 = 10.83
    assert result.before.mean == 15.75 and round(result.after.mean, 2) == 10.83
    # with the default band 1..15 all three domain managers (24, 20, 16) were above it; after it nobody is
    assert result.before.outside_band == ["dom0-m", "dom1-m", "dom2-m"] and result.after.outside_band == []
    assert "span.compare.fewer_per_manager" in {r.id for r in result.reasons}
    assert result.to_dict()["summary"]["managers"] == {"before": 4, "after": 6}


@st.composite
def random_orgs(draw):
    n = draw(st.integers(1, 8))
    units = []
    for i in range(n):
        parent = None if i == 0 or draw(st.booleans()) and i > 3 else f"U{draw(st.integers(0, i - 1))}"
        units.append(Unit(f"U{i}", f"U{i}", "team", parent=parent))
    kinds = st.sampled_from(list(StaffingKind))
    posts = []
    for j in range(draw(st.integers(0, 20))):
        unit = f"U{draw(st.integers(0, n - 1))}"
        lines = draw(st.lists(st.tuples(kinds, st.sampled_from([0.0, 0.5, 1.0])), max_size=3))
        others = [p.id for p in posts]
        reports_to = draw(st.sampled_from([None, *others])) if others else None
        posts.append(post(f"P{j}", unit, *lines, roles=M if draw(st.booleans()) else (), reports_to=reports_to))
    return snap(units, posts)


@settings(max_examples=200, deadline=None)
@given(random_orgs())
def test_every_working_line_lands_exactly_once(s):
    result = span_of_control(s)
    working = sum(1 for p in s.posts.values() for line in p.staffing if line.kind in (E, H, L) and line.fte > 0)
    assert result.total_headcount == working
    assert sum(m.headcount for m in result.managers) + result.top_headcount + result.unmanaged_headcount == working
