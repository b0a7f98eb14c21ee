from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.domain.dates import DateError, FuzzyDate, Precision


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "label"),
    [
        ("2011-09-13", date(2011, 9, 13), date(2011, 9, 13), Precision.DAY, "2011-09-13"),
        ("2012-01", date(2012, 1, 1), date(2012, 1, 31), Precision.MONTH, "2012-01"),
        ("2009", date(2009, 1, 1), date(2009, 12, 31), Precision.YEAR, "2009"),
        ("2018-Q2", date(2018, 4, 1), date(2018, 6, 30), Precision.QUARTER, "Q2 2018"),
        ("2018-34", date(2018, 4, 1), date(2018, 6, 30), Precision.QUARTER, "Q2 2018"),
        ("2008-summer", date(2008, 6, 1), date(2008, 8, 31), Precision.SEASON, "zomer 2008"),
        ("2008-22", date(2008, 6, 1), date(2008, 8, 31), Precision.SEASON, "zomer 2008"),
        ("2012-voorjaar", date(2012, 3, 1), date(2012, 5, 31), Precision.SEASON, "voorjaar 2012"),
        ("2008-winter", date(2008, 12, 1), date(2009, 2, 28), Precision.SEASON, "winter 2008"),
        ("2009-H1", date(2009, 1, 1), date(2009, 6, 30), Precision.HALF, "1e helft 2009"),
    ],
)
def test_parse_forms(text: str, start: date, end: date, precision: Precision, label: str) -> None:
    d = FuzzyDate.parse(text)
    assert (d.start, d.end, d.precision, d.label("nl")) == (start, end, precision, label)
    assert d.effective == start
    # The EDTF form parses back to the same interval.
    assert FuzzyDate.parse(d.edtf) == d


@pytest.mark.parametrize("bad", ["2009-13-01", "2011-02-30", "13-09-2011", "2018-Q5", "begin 2009", "", "2012-foo"])
def test_malformed_dates_say_what_is_expected(bad: str) -> None:
    with pytest.raises(DateError, match="expected"):
        FuzzyDate.parse(bad)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_day_round_trip(d: date) -> None:
    fd = FuzzyDate.parse(d.isoformat())
    assert fd.start == fd.end == d and fd.text == d.isoformat()


@given(st.integers(1900, 2100), st.integers(1, 4))
def test_quarters_cover_three_months(year: int, q: int) -> None:
    fd = FuzzyDate.parse(f"{year}-Q{q}")
    assert fd.start.month == 3 * q - 2 and fd.end.month == 3 * q and fd.start <= fd.end
