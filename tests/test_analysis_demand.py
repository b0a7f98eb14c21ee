"""Demand per task field: entered demand plus the challenges that land there; a challenge without
a figure is listed and counts nothing."""

from __future__ import annotations

from datetime import date

from raadhuis.analysis.capacity import capacity
from raadhuis.analysis.demand import Demand, demand_per_task_field
from raadhuis.domain.challenge import Challenge, ChallengeDemand, ChallengeTaskField
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Post, Snapshot, Staffing, StaffingKind, TaskFieldShare, Unit, View

DAY = date(2024, 6, 1)


def challenge(
    cid: str, codes: list[tuple[str, float | None]], *demand: ChallengeDemand, start: str = "2020"
) -> Challenge:
    return Challenge(
        cid,
        "GM0001",
        cid.title(),
        tuple(ChallengeTaskField(c, s) for c, s in codes),
        FuzzyDate.parse(start),
        demand=demand,
    )


def test_a_challenge_without_a_figure_is_listed_not_counted() -> None:
    result = demand_per_task_field({}, [challenge("omgevingswet", [("8.1", None), ("8.3", None)])], DAY)
    assert result.task_fields["8.1"].fte is None and result.task_fields["8.1"].challenges == ["omgevingswet"]
    (line,) = result.challenges
    assert not line.counted and line.reasons[0].id == "capacity.challenge_without_figure"


def test_fte_is_put_on_the_only_field_the_named_field_or_split_by_share() -> None:
    only = challenge("a", [("6.6", None)], ChallengeDemand(fte=2.0))
    named = challenge("b", [("8.1", None), ("8.3", None)], ChallengeDemand(fte=1.0, task_field="8.3"))
    shared = challenge("c", [("0.4", 0.25), ("0.2", 0.75)], ChallengeDemand(fte=4.0))
    unsplit = challenge("d", [("7.4", None), ("7.2", None)], ChallengeDemand(fte=3.0))
    result = demand_per_task_field({"6.6": Demand(fte=1.5)}, [only, named, shared, unsplit], DAY)
    fields = result.task_fields
    assert fields["6.6"].fte == 3.5  # entered 1.5 plus the challenge's 2
    assert fields["8.3"].fte == 1.0 and fields["8.1"].fte is None
    assert (fields["0.4"].fte, fields["0.2"].fte) == (1.0, 3.0)
    assert fields["7.4"].fte is None and fields["7.4"].challenges == ["d"]
    assert next(c for c in result.challenges if c.id == "d").reasons[0].id == "capacity.challenge_not_split"


def test_money_is_listed_and_years_and_dates_are_respected() -> None:
    money = challenge("geld", [("0.4", None)], ChallengeDemand(amount=600000))
    later = challenge("later", [("8.1", None)], ChallengeDemand(fte=1.0), start="2030")
    other_year = challenge("ander-jaar", [("8.3", None)], ChallengeDemand(fte=1.0, year=2023))
    result = demand_per_task_field({}, [money, later, other_year], DAY)
    assert result.task_fields["0.4"].fte is None and result.task_fields["0.4"].parts[0].amount == 600000
    assert {c.id for c in result.challenges} == {"geld", "ander-jaar"}
    assert result.task_fields["8.3"].fte is None


def test_capacity_compares_staffing_with_challenge_demand() -> None:
    unit = Unit("VTH", "Vergunningen", "afdeling", task_fields=(TaskFieldShare("8.3", 1.0),))
    post = Post("p", "VTH", "Vergunningverlener", 2.0, staffing=(Staffing(StaffingKind.EMPLOYEE, 2.0),))
    snap = Snapshot("GM0001", DAY, View.ACTUAL, {"VTH": unit}, {"p": post})
    c = capacity(snap, {}, challenges=[challenge("omgevingswet", [("8.3", None)], ChallengeDemand(fte=3.0))])
    (field,) = c.task_fields
    assert (field.code, field.staffed_fte, field.demand_fte, field.gap) == ("8.3", 2.0, 3.0, -1.0)
    assert any(r.id == "capacity.shortage" for r in field.reasons)
    assert c.to_dict()["task_fields"][0]["challenges"] == ["omgevingswet"]
