"""Dates, numbers and counts the Dutch way, and the one rule for reading a typed day."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.i18n import formatting as f


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (date(2012, 1, 1), "1 januari 2012", "1 January 2012"),
        ("2011-12-31", "31 december 2011", "31 December 2011"),
        ("2018-Q2", "2e kwartaal 2018", "2nd quarter 2018"),
        ("2012-spring", "voorjaar 2012", "spring 2012"),
        ("2008-summer", "zomer 2008", "summer 2008"),
        ("2012-03", "maart 2012", "March 2012"),
        ("2018-H1", "1e helft 2018", "1st half 2018"),
        ("2017", "2017", "2017"),
        (datetime(2025, 3, 3, 14, 5), "3 maart 2025", "3 March 2025"),
    ],
)
def test_dates_in_words(value: object, nl: str, en: str) -> None:
    assert f.format_date(value, "nl") == nl
    assert f.format_date(value, "en") == en


def test_no_date_and_not_a_date() -> None:
    assert f.format_date(None) == ""
    assert f.format_date("", empty="heden") == "heden"
    assert f.format_date("ooit") == "ooit"  # shown as it is, never hidden
    assert f.format_period("2012-01-01", None) == "1 januari 2012 – heden"


def test_numbers_the_dutch_way() -> None:
    assert f.format_fte(4) == "4,00"
    assert f.format_fte(1234.5) == "1.234,50"
    assert f.format_fte(4, "en") == "4.00"
    assert f.format_number(0.25) == "0,25"
    assert f.format_number(2.0) == "2"
    assert f.format_number(-0.0001) == "0"
    assert f.format_percent(0.456) == "46%"
    assert f"{f.format_fte(4)} van {f.format_fte(5)} fte" == "4,00 van 5,00 fte"


def test_counts_agree_with_their_noun() -> None:
    assert f.count(1, "post") == "1 formatieplaats"
    assert f.count(3, "post") == "3 formatieplaatsen"
    assert f.count(1, "unit", "en") == "1 unit"
    assert f.count(1000, "unit") == "1.000 eenheden"
    assert f.join_words(["REO", "Welzijn"]) == "REO en Welzijn"
    assert f.join_words(["A", "B", "C"], "en") == "A, B and C"


@pytest.mark.parametrize("text", ["2011-12-31", "31-12-2011", "31/12/2011", "31.12.2011", "31 december 2011"])
def test_a_day_typed_either_way(text: str) -> None:
    assert f.read_day(text) == date(2011, 12, 31)


def test_says_which_day_it_understood() -> None:
    assert f.understood("1-2-2012", f.read_day("1-2-2012")) == "1-2-2012 gelezen als 1 februari 2012"
    assert f.understood("2012-02-01", date(2012, 2, 1)) is None


@pytest.mark.parametrize("text", ["32-12-2011", "2011-13-01", "gisteren", "12-2011", ""])
def test_not_a_day_is_said_in_dutch(text: str) -> None:
    with pytest.raises(f.DayError) as info:
        f.read_day(text)
    assert "verwacht een datum als 31-12-2011 of 2011-12-31" in str(info.value)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_every_day_reads_back_from_both_forms(day: date) -> None:
    assert f.read_day(day.isoformat()) == day
    assert f.read_day(f.input_day(day)) == day
