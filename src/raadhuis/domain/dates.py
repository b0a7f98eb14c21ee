"""Event dates with an honest precision.

Sources rarely give a day: "begin 2009", "Q2 2018", "na de zomer 2008". A
:class:`FuzzyDate` keeps what the source said (its precision) and the interval it
covers, following EDTF (ISO 8601-2): a year ``2009``, a month ``2012-01``, a day
``2011-09-13``, a quarter ``2018-Q2`` (EDTF ``2018-34``) and a season
``2008-summer`` (EDTF ``2008-22``).  The engine applies an event at the first day of
its interval, so an event dated "2018-Q2" shapes the organisation from 2018-04-01;
the display keeps saying "2018-Q2".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"


# EDTF level 2 sub-year groupings: 21-24 seasons (northern hemisphere), 33-36 quarters,
# 40-41 halves.
_SEASONS = {
    "spring": 21,
    "lente": 21,
    "voorjaar": 21,
    "summer": 22,
    "zomer": 22,
    "autumn": 23,
    "fall": 23,
    "herfst": 23,
    "najaar": 23,
    "winter": 24,
}
_SEASON_NAMES_NL = {21: "voorjaar", 22: "zomer", 23: "najaar", 24: "winter"}
_SEASON_NAMES_EN = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_SEASON_START_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_HALF = re.compile(r"^(\d{4})-[Hh]([12])$")
_SEASON = re.compile(r"^(\d{4})-([A-Za-z]+)$")


class DateError(ValueError):
    """A date text that is not one of the accepted forms."""


EXPECTED_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1..Q4, YYYY-H1/H2 or YYYY-spring/summer/autumn/winter"


@dataclass(frozen=True, order=False)
class FuzzyDate:
    """A date as a source gives it: the first and last day it may mean, and its precision."""

    start: date
    end: date  # inclusive last day
    precision: Precision
    text: str  # canonical text, e.g. "2018-Q2"

    @staticmethod
    def parse(value: object) -> FuzzyDate:
        if isinstance(value, FuzzyDate):
            return value
        if isinstance(value, date):
            return FuzzyDate.of_day(value)
        if isinstance(value, int) and 1000 <= value <= 9999:
            value = str(value)
        if not isinstance(value, str):
            raise DateError(f"expected a date ({EXPECTED_FORMS}), got {value!r}")
        text = value.strip()
        try:
            if m := _DAY.match(text):
                d = date(int(m[1]), int(m[2]), int(m[3]))
                return FuzzyDate.of_day(d)
            if m := _MONTH.match(text):
                year, month = int(m[1]), int(m[2])
                if 21 <= month <= 24:
                    return _season(year, month)
                if 33 <= month <= 36:
                    return _quarter(year, month - 32)
                if 40 <= month <= 41:
                    return _half(year, month - 39)
                last = calendar.monthrange(year, month)[1]
                return FuzzyDate(
                    date(year, month, 1), date(year, month, last), Precision.MONTH, f"{year:04d}-{month:02d}"
                )
            if m := _YEAR.match(text):
                year = int(m[1])
                return FuzzyDate(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, f"{year:04d}")
            if m := _QUARTER.match(text):
                return _quarter(int(m[1]), int(m[2]))
            if m := _HALF.match(text):
                return _half(int(m[1]), int(m[2]))
            if (m := _SEASON.match(text)) and m[2].lower() in _SEASONS:
                return _season(int(m[1]), _SEASONS[m[2].lower()])
        except ValueError as exc:  # e.g. month 13, day 31 in April
            raise DateError(f"expected a valid date ({EXPECTED_FORMS}), got {text!r}: {exc}") from None
        raise DateError(f"expected a date ({EXPECTED_FORMS}), got {text!r}")

    @staticmethod
    def of_day(d: date) -> FuzzyDate:
        return FuzzyDate(d, d, Precision.DAY, d.isoformat())

    @property
    def effective(self) -> date:
        """The day the engine applies an event with this date: the first day it may mean."""
        return self.start

    def uncertain_on(self, day: date) -> bool:
        """Whether it is unknown on ``day`` if something with this date has happened yet: the day
        lies in the date's window but is not its last day. The engine applies it from the first
        day (:attr:`effective`), so on the days in between its answer rests on that choice; from
        the last day on, it has happened whatever day it was. A day-precise date is never uncertain."""
        return self.precision is not Precision.DAY and self.start <= day < self.end

    @property
    def edtf(self) -> str:
        """The EDTF (ISO 8601-2) form, for exchange."""
        if self.precision is Precision.QUARTER:
            return f"{self.start.year:04d}-{32 + (self.start.month - 1) // 3 + 1}"
        if self.precision is Precision.HALF:
            return f"{self.start.year:04d}-{40 if self.start.month == 1 else 41}"
        if self.precision is Precision.SEASON:
            code = {3: 21, 6: 22, 9: 23, 12: 24}[self.start.month]
            return f"{self.start.year:04d}-{code}"
        return self.text

    def label(self, lang: str = "nl") -> str:
        """How people read it: '2018-Q2' → 'Q2 2018', '2008-summer' → 'zomer 2008'."""
        y = self.start.year
        if self.precision is Precision.QUARTER:
            return f"Q{(self.start.month - 1) // 3 + 1} {y}"
        if self.precision is Precision.HALF:
            half = 1 if self.start.month == 1 else 2
            return f"{half}e helft {y}" if lang == "nl" else f"H{half} {y}"
        if self.precision is Precision.SEASON:
            code = {3: 21, 6: 22, 9: 23, 12: 24}[self.start.month]
            names = _SEASON_NAMES_NL if lang == "nl" else _SEASON_NAMES_EN
            return f"{names[code]} {y}"
        return self.text

    def __str__(self) -> str:
        return self.text


def _quarter(year: int, q: int) -> FuzzyDate:
    start = date(year, 3 * (q - 1) + 1, 1)
    end_month = 3 * q
    end = date(year, end_month, calendar.monthrange(year, end_month)[1])
    return FuzzyDate(start, end, Precision.QUARTER, f"{year:04d}-Q{q}")


def _half(year: int, h: int) -> FuzzyDate:
    start = date(year, 1 if h == 1 else 7, 1)
    end = date(year, 6, 30) if h == 1 else date(year, 12, 31)
    return FuzzyDate(start, end, Precision.HALF, f"{year:04d}-H{h}")


def _season(year: int, code: int) -> FuzzyDate:
    month = _SEASON_START_MONTH[code]
    start = date(year, month, 1)
    # Three months; winter runs into the next year.
    end_month_start = date(year + (1 if month == 12 else 0), (month + 2 - 1) % 12 + 1, 1)
    end = end_month_start.replace(day=calendar.monthrange(end_month_start.year, end_month_start.month)[1])
    return FuzzyDate(start, end, Precision.SEASON, f"{year:04d}-{_SEASON_NAMES_EN[code]}")


def parse_day(value: object) -> date:
    """A single day, for 'as of' questions and interval bounds: YYYY-MM-DD."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError as exc:
            raise DateError(f"expected a valid day YYYY-MM-DD, got {value!r}: {exc}") from None
    raise DateError(f"expected a day YYYY-MM-DD, got {value!r}")


# The open end of an interval [from, to): far enough for any organisation's plans.
END_OF_TIME = date(9999, 12, 31)
BEGIN_OF_TIME = date(1, 1, 1)


def day_before(d: date) -> date:
    return d - timedelta(days=1)
