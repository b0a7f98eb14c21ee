"""The pure parts of trajectories: dates as written, the rules inside a trajectory, the 3K
matrix and the cost split of a regional pool."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.domain.dates import DateError, Precision
from raadhuis.domain.trajectory import (
    Assessment,
    Option,
    OptionKind,
    PoolKey,
    Scale,
    Score,
    Task,
    Trajectory,
    TrajectoryParticipant,
    cost_split,
    side_by_side,
)
from raadhuis.domain.written_dates import MONTHS_NL, parse_written


@pytest.mark.parametrize(
    "text,start,end,precision,approximate,edtf",
    [
        ("Februari 2008", "2008-02-01", "2008-02-29", "month", False, "2008-02"),
        ("augustus/september 2007", "2007-08-01", "2007-09-30", "month", False, "2007-08/2007-09"),
        ("Vierde kwartaal 2008", "2008-10-01", "2008-12-31", "quarter", False, "2008-36"),
        ("4e kwartaal 2008", "2008-10-01", "2008-12-31", "quarter", False, "2008-36"),
        ("Q2 2018", "2018-04-01", "2018-06-30", "quarter", False, "2018-34"),
        ("tweede helft 2008", "2008-07-01", "2008-12-31", "half", False, "2008-41"),
        ("voorjaar 2012", "2012-03-01", "2012-05-31", "season", False, "2012-21"),
        ("Begin 2009", "2009-01-01", "2009-03-31", "quarter", True, "2009-33~"),
        ("begin van 2009", "2009-01-01", "2009-03-31", "quarter", True, "2009-33~"),
        ("Medio 2008", "2008-06-01", "2008-08-31", "season", True, "2008-22~"),
        ("Na de zomer 2008", "2008-09-01", "2008-11-30", "season", True, "2008-23~"),
        ("Na de zomer van 2008", "2008-09-01", "2008-11-30", "season", True, "2008-23~"),
        ("eind 2008", "2008-10-01", "2008-12-31", "quarter", True, "2008-36~"),
        ("13 september 2011", "2011-09-13", "2011-09-13", "day", False, "2011-09-13"),
        ("2009", "2009-01-01", "2009-12-31", "year", False, "2009"),
        ("2008-Q4", "2008-10-01", "2008-12-31", "quarter", False, "2008-36"),
    ],
)
def test_a_date_as_written_keeps_its_text_and_gets_a_window(
    text: str, start: str, end: str, precision: str, approximate: bool, edtf: str
) -> None:
    wd = parse_written(text)
    assert wd.text == text  # never replaced by the reading
    assert (wd.start.isoformat(), wd.end.isoformat()) == (start, end)
    assert (wd.precision.value, wd.approximate, wd.edtf) == (precision, approximate, edtf)


@pytest.mark.parametrize("text", ["ooit", "na de zomer", "31 april 2009", "december/januari 2009", "", "Q5 2008", 3.5])
def test_a_date_that_does_not_parse_says_what_is_expected(text: object) -> None:
    with pytest.raises(DateError, match="expected a date as written"):
        parse_written(text)


@given(st.integers(1900, 2100), st.sampled_from(MONTHS_NL))
def test_every_month_name_reads_as_its_month(year: int, month: str) -> None:
    wd = parse_written(f"{month.capitalize()} {year}")
    assert wd.precision is Precision.MONTH and wd.start.year == year
    assert wd.start.month == MONTHS_NL.index(month) + 1 and not wd.approximate


def test_a_window_has_passed_only_after_its_last_day() -> None:
    wd = parse_written("Vierde kwartaal 2008")
    assert not wd.passed(date(2008, 12, 31)) and wd.passed(date(2009, 1, 1))


def _trajectory(**kw: object) -> Trajectory:
    base: dict[str, object] = {
        "id": "t",
        "name": "T",
        "participants": (TrajectoryParticipant("GM0001"), TrajectoryParticipant("GM0002")),
        "tasks": (Task("jz", "Juridische Zaken", "0.4"),),
        "options": (
            Option("alleen", "jz", OptionKind.ALONE, "Zelf doen"),
            Option("dvo", "jz", OptionKind.SERVICE_AGREEMENT, "DVO", "dvo", "GM0001"),
        ),
    }
    base.update(kw)
    return Trajectory(**base)  # type: ignore[arg-type]


def test_problems_inside_a_trajectory_are_named_at_their_path() -> None:
    t = _trajectory(
        options=(
            Option("x", "bestaat-niet", OptionKind.ALONE, "X"),
            Option("y", "jz", OptionKind.SERVICE_AGREEMENT, "Y", centre="GM9999"),
        ),
    )
    problems = dict(t.problems())
    assert problems[("options", 0, "task")].startswith("option 'x' is for task 'bestaat-niet', which is not a task")
    assert "'GM9999' is not a participant" in problems[("options", 1, "centre")]
    assert _trajectory().problems() == []


def test_a_score_off_the_declared_scale_is_a_problem() -> None:
    t = _trajectory(scale=Scale(1, 5))
    a = Assessment("t", "dvo", "adviseur", (Score("kosten", 6), Score("kwaliteit", 2.5), Score("onbekend", 3)))
    problems = dict(a.problems(t))
    assert problems[("scores", 0, "score")] == "score 6 is off the scale 1..5 of trajectory 't'"
    assert problems[("scores", 1, "score")] == "score 2.5 is off the scale 1..5 of trajectory 't'"
    assert problems[("scores", 2, "criterion")].startswith("unknown criterion 'onbekend'")


def test_options_side_by_side_put_the_3ks_first_and_every_assessor_in_the_cell() -> None:
    t = _trajectory()
    a1 = Assessment("t", "alleen", "A", (Score("kwetsbaarheid", -1),))
    a2 = Assessment("t", "dvo", "A", (Score("kwetsbaarheid", 2), Score("kosten", 1)))
    a3 = Assessment("t", "dvo", "B", (Score("kwetsbaarheid", 1),))
    rows = side_by_side(t, "jz", [a1, a2, a3])
    assert [r[0].criterion for r in rows] == ["kosten", "kwaliteit", "kwetsbaarheid"]
    assert [c.option for c in rows[2]] == ["alleen", "dvo"]
    assert [s.score for _, s in rows[2][1].scores] == [2, 1]
    assert rows[1][0].scores == ()  # nobody scored kwaliteit: empty, not zero


def test_a_cost_split_follows_the_key_and_is_unknown_when_a_figure_is_missing() -> None:
    parts = ["A", "B", "C"]
    by_inhabitants = cost_split(
        parts, PoolKey.INHABITANTS, {"A": (10000, False), "B": (30000, False), "C": (60000, False)}, 100000
    )
    assert [s.amount for s in by_inhabitants.shares] == [10000, 30000, 60000]
    by_fte = cost_split(parts, PoolKey.FTE, {"A": (2, False), "B": (1, "aanname"), "C": (1, False)}, 100000)
    assert [s.share for s in by_fte.shares] == [0.5, 0.25, 0.25]
    assert by_fte.shares[1].assumption == "aanname"
    missing = cost_split(parts, PoolKey.EXPECTED_USE, {"A": (1, False), "B": None}, 100000)
    assert missing.missing == ("B", "C") and not missing.complete
    assert all(s.share is None and s.amount is None for s in missing.shares)
    no_cost = cost_split(parts, PoolKey.FTE, {"A": (1, False), "B": (1, False), "C": (2, False)}, None)
    assert [s.share for s in no_cost.shares] == [0.25, 0.25, 0.5] and all(s.amount is None for s in no_cost.shares)
