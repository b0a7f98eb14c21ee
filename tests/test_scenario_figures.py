"""The figures of a comparison made once per organisation: a snapshot of the same organisation on
another day gets the figures it would get on its own, with its own day; another organisation its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from raadhuis.analysis import span_of_control as soc
from raadhuis.analysis.cost import PostCost, cost_of_posts, personnel_cost
from raadhuis.analysis.reorganisation import headline, per_unit_fte
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Post, Snapshot, Staffing, StaffingKind, Unit, View
from raadhuis.domain.salary import SalaryRow, SalaryTable
from raadhuis.services.scenario_figures import Figures, same_organisation

ORG = "GM0001"
TABLE = SalaryTable(
    "t",
    "Tabel",
    FuzzyDate.parse("2020-07-01"),
    tuple(SalaryRow("11", step, 3526.0 + 146 * step) for step in range(12)),
)
EMP = (Staffing(StaffingKind.EMPLOYEE, 1.0, person="Jan"),)
UNITS = {"TOP": Unit("TOP", "Directie", "directie"), "A": Unit("A", "A", "afdeling", parent="TOP")}
POSTS = {
    "d": Post("d", "TOP", "Directeur", 1.0, scale="11", roles=("manager",), staffing=EMP),
    "h": Post("h", "A", "Hoofd A", 1.0, scale="11/3", roles=("manager",), staffing=EMP),
    "m": Post("m", "A", "Medewerker", 0.8, scale="11", staffing=EMP),
    "x": Post("x", "A", "Stagiair", 1.0),  # no scale: its cost is unknown
}


def _snap(day: date, units: dict[str, Unit] = UNITS, posts: dict[str, Post] = POSTS) -> Snapshot:
    return Snapshot(ORG, day, View.ACTUAL, units, posts)


def test_same_organisation_means_the_same_units_and_posts_in_the_same_order() -> None:
    a = _snap(date(2021, 1, 1))
    assert same_organisation(a, _snap(date(2022, 1, 1)))
    assert same_organisation(a, _snap(date(2021, 1, 1), dict(UNITS), {k: replace(v) for k, v in POSTS.items()}))
    assert not same_organisation(a, _snap(date(2021, 1, 1), posts=dict(POSTS, m=replace(POSTS["m"], unit="TOP"))))
    assert not same_organisation(a, _snap(date(2021, 1, 1), units=dict(UNITS, A=replace(UNITS["A"], name="B"))))
    assert not same_organisation(a, _snap(date(2021, 1, 1), posts=dict(reversed(POSTS.items()))))
    assert not same_organisation(a, replace(a, organisation="GM0002"))


def test_the_same_organisation_on_another_day_gets_its_own_figures_with_its_own_day() -> None:
    args = {"table": TABLE, "charges": 30.0, "step_rule": "maximum", "charges_assumption": None}
    first, later = _snap(date(2020, 1, 1)), _snap(date(2020, 6, 1))
    figures = Figures((1, 15), args | {"later_price_level": True})
    for snap in (first, later, first):
        assert figures.span(snap).to_dict() == soc.span_of_control(snap, (1, 15)).to_dict()
        assert figures.head(snap) == headline(snap)
        assert figures.bosses(snap) == soc.bosses(snap)
        alone = personnel_cost(snap, **args, later_price_level=True)
        assert figures.cost(snap).to_dict(with_posts=True) == alone.to_dict(with_posts=True)
        assert figures.cost(snap).assumption == alone.assumption  # the price level names the snapshot's day
    assert figures.head(first) is figures.head(later)  # made once for the one organisation
    moved = _snap(date(2020, 6, 1), posts=dict(POSTS, m=replace(POSTS["m"], unit="TOP")))
    assert figures.span(moved).to_dict() == soc.span_of_control(moved, (1, 15)).to_dict()
    assert figures.cost(moved).by_unit == personnel_cost(moved, **args).by_unit
    assert figures.cost(moved).by_unit != figures.cost(later).by_unit
    no_table = Figures((1, 15), args | {"table": None, "later_price_level": False})
    assert no_table.cost(first).to_dict() == personnel_cost(first, None, 30.0).to_dict()


def test_a_cost_from_the_posts_costed_before_is_the_cost_made_anew() -> None:
    snap = _snap(date(2021, 1, 1))
    costed = cost_of_posts(snap.posts, TABLE, 40.0, "middle")
    again = personnel_cost(snap, TABLE, 40.0, "middle", costed=costed)
    assert again.to_dict(with_posts=True) == personnel_cost(snap, TABLE, 40.0, "middle").to_dict(with_posts=True)
    assert again.unknown_posts == ["x"] and again.total is None


def test_post_costs_made_before_are_reused_only_for_the_very_same_posts() -> None:
    known: dict[int, tuple[Post, PostCost]] = {}
    first = cost_of_posts(POSTS, TABLE, 40.0, "maximum", known)
    assert first == cost_of_posts(POSTS, TABLE, 40.0, "maximum")
    assert {p.id for p, _ in known.values()} == set(POSTS)
    changed = dict(POSTS, m=replace(POSTS["m"], fte=0.5))  # a new post object: its cost made anew
    again = cost_of_posts(changed, TABLE, 40.0, "maximum", known)
    assert again == cost_of_posts(changed, TABLE, 40.0, "maximum")
    assert again.known < first.known


def test_pyramid_fte_and_staff_changes_are_those_made_anew_and_a_full_figures_says_so() -> None:
    from raadhuis.analysis.reorganisation import per_unit_fte, pyramid, staff_changes
    from raadhuis.services import scenario_figures

    figures = Figures((1, 15), {"table": None, "charges": 30.0, "step_rule": "maximum"})
    before = _snap(date(2020, 1, 1))
    after = _snap(date(2020, 1, 1), posts=dict(POSTS, m=replace(POSTS["m"], unit="TOP")))
    for _ in range(2):
        assert figures.pyramid(after) == pyramid(after)
        assert figures.fte(after) == per_unit_fte(after)
        assert figures.staff_changes(before, after) == staff_changes(before, after)
        assert figures.staff_changes(after, before) == staff_changes(after, before)
    assert figures.staff_changes(before, after) != figures.staff_changes(after, before)
    assert not figures.full()
    for i in range(scenario_figures.MAX_KINDS):
        figures.head(_snap(date(2020, 1, 1), posts=dict(POSTS, m=replace(POSTS["m"], fte=i / 10))))
    assert figures.full()


def test_vulnerability_from_unit_figures_made_before_is_the_one_made_anew() -> None:
    from raadhuis.analysis.vulnerability import UnitFiguresMade, vulnerability

    made = UnitFiguresMade()
    before = _snap(date(2020, 1, 1))
    after = _snap(date(2020, 1, 1), posts=dict(POSTS, m=replace(POSTS["m"], staffing=())))
    for snap in (before, after, before):
        assert vulnerability(snap, made=made).to_dict() == vulnerability(snap).to_dict()
    assert vulnerability(after, made=made).to_dict() != vulnerability(before, made=made).to_dict()


def test_span_with_the_chain_of_command_made_before_is_the_span_made_anew() -> None:
    # A post reporting elsewhere, a unit without a manager and an unmanaged post: every rule of the chain.
    units = dict(UNITS, B=Unit("B", "B", "team", parent="A"), C=Unit("C", "C", "team"))
    posts = dict(
        POSTS,
        b=Post("b", "B", "Medewerker B", 1.0, staffing=EMP),
        r=Post("r", "A", "Adviseur", 0.5, reports_to="d", staffing=EMP),
        c=Post("c", "C", "Los", 1.0, staffing=EMP),
    )
    snap = _snap(date(2021, 1, 1), units, posts)
    alone = soc.span_of_control(snap, (2, 3))
    assert soc.span_of_control(snap, (2, 3), soc.bosses(snap)) == alone
    assert Figures((2, 3), {"table": None}).span(snap) == alone


def test_other_units_with_the_same_posts_share_what_the_posts_make_and_keep_their_own_count() -> None:
    args = {"table": TABLE, "charges": 30.0, "step_rule": "maximum", "charges_assumption": None}
    figures = Figures((1, 15), args | {"later_price_level": False})
    base = _snap(date(2020, 1, 1))
    renamed = _snap(date(2020, 1, 1), units=dict(UNITS, A=replace(UNITS["A"], name="Anders")))
    grown = _snap(date(2020, 1, 1), units=dict(UNITS, B=Unit("B", "B", "team", parent="A")))
    for snap in (base, renamed, grown):
        assert figures.head(snap) == headline(snap)
        assert figures.fte(snap) == per_unit_fte(snap)
        alone = personnel_cost(snap, **args)
        assert figures.cost(snap).to_dict(with_posts=True) == alone.to_dict(with_posts=True)
    assert figures.head(grown).units == 3 and figures.head(base).units == 2
    assert figures.fte(renamed) is figures.fte(base)  # made once for the one set of posts
    other = _snap(date(2020, 1, 1), posts=dict(POSTS, m=replace(POSTS["m"], fte=0.5)))
    assert figures.fte(other) == per_unit_fte(other) != figures.fte(base)
    assert figures.head(other) == headline(other) != figures.head(base)


def _wide() -> tuple[dict[str, Unit], dict[str, Post]]:
    """Three afdelingen of two teams each, managers in most, one team without, staff of every kind."""
    units = {"TOP": Unit("TOP", "Directie", "directie")}
    posts = {"d": Post("d", "TOP", "Directeur", 1.0, roles=("manager",), staffing=EMP)}
    for a in "ABC":
        units[a] = Unit(a, a, "afdeling", parent="TOP")
        posts[f"{a}-h"] = Post(f"{a}-h", a, f"Hoofd {a}", 1.0, roles=("manager",), staffing=EMP)
        for t in "12":
            team = f"{a}{t}"
            units[team] = Unit(team, team, "team", parent=a)
            if team != "B2":  # a team without a manager: its staff report to its afdeling's
                posts[f"{team}-l"] = Post(f"{team}-l", team, "Teamleider", 1.0, roles=("manager",), staffing=EMP)
            posts[f"{team}-m"] = Post(f"{team}-m", team, "Medewerker", 0.7, staffing=EMP * 2)
            posts[f"{team}-v"] = Post(
                f"{team}-v", team, "Vacature", 0.3, staffing=(Staffing(StaffingKind.VACANCY, 0.3),)
            )
            posts[f"{team}-x"] = Post(f"{team}-x", team, "Onbekend", 0.5)
    posts["r"] = Post("r", "A1", "Adviseur", 0.4, reports_to="d", staffing=EMP)
    return units, posts


def test_a_span_lent_by_the_same_posts_under_other_units_is_the_span_made_anew() -> None:
    units, posts = _wide()
    base = _snap(date(2021, 1, 1), units, posts)
    lent = (soc.span_of_control(base, (2, 4)), soc.bosses(base))
    moves = [
        {"A1": replace(units["A1"], parent="B")},  # a team to another afdeling
        {"B2": replace(units["B2"], parent="C")},  # the team without a manager
        {"C": replace(units["C"], parent=None)},  # an afdeling out of the line: its head at the top
        {"A": replace(units["A"], parent="B"), "B1": replace(units["B1"], name="Anders")},
        {},  # nothing moved: every span lent
    ]
    for changed in moves:
        snap = _snap(date(2021, 1, 1), dict(units, **changed), posts)
        alone = soc.span_of_control(snap, (2, 4))
        assert soc.span_of_control(snap, (2, 4), soc.bosses(snap), lent) == alone, changed
        assert Figures((2, 4), {"table": None}).span(snap) == alone
    figures = Figures((2, 4), {"table": None})
    figures.span(base)  # lends its spans to the moved organisations after it
    for changed in moves:
        snap = _snap(date(2021, 1, 1), dict(units, **changed), posts)
        assert figures.span(snap) == soc.span_of_control(snap, (2, 4)), changed
    assert lent[0] == soc.span_of_control(base, (2, 4))  # the span lent is not changed


def test_a_units_vulnerability_made_before_is_reused_only_for_the_same_unit_posts_and_cooperations() -> None:
    from raadhuis.analysis.vulnerability import UnitFiguresMade, vulnerability
    from raadhuis.domain.model import Cooperation, TaskFieldShare

    units, posts = _wide()
    units = {
        k: replace(u, task_fields=(TaskFieldShare("0.1", 1.0),)) if k.startswith("A") else u for k, u in units.items()
    }
    leunen = Cooperation("c1", "Samen", "leunen", task_fields=("0.1",))
    formal = Cooperation("c2", "Regeling", "gemeenschappelijke regeling", task_fields=("0.1",))
    made = UnitFiguresMade()
    base = _snap(date(2021, 1, 1), units, posts)
    cases = [
        (base, ()),
        (_snap(date(2021, 1, 1), dict(units, A1=replace(units["A1"], parent="B")), posts), ()),  # moved: the same items
        (_snap(date(2021, 1, 1), dict(units, A1=replace(units["A1"], name="Anders")), posts), ()),  # renamed
        (base, (leunen,)),  # another cooperation in force
        (base, (formal, leunen)),
        (_snap(date(2021, 1, 1), units, dict(posts, **{"A1-m": replace(posts["A1-m"], staffing=())})), ()),
        (base, ()),
    ]
    for snap, coops in cases:
        assert vulnerability(snap, coops, made=made).to_dict() == vulnerability(snap, coops).to_dict()
    again = vulnerability(base, made=made).units
    assert all(a is b for a, b in zip(again, vulnerability(base, made=made).units, strict=True))
