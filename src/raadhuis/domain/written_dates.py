"""Dates as a source writes them: "Februari 2008", "na de zomer 2008", "begin 2009".

A plan in a council presentation does not give days. A :class:`WrittenDate` keeps the text
exactly as written (that is what a reader checks against the source) together with how it
is read: the window of days it may mean, the precision of that window, and whether the
reading is approximate ("begin 2009" has no hard edges; "vierde kwartaal 2008" has).

Readings (case does not matter; "van" and "het" may be left out):

==================================  ===========================  =========  ======  ==============
as written                          window                       precision  approx  EDTF
==================================  ===========================  =========  ======  ==============
``13 september 2011``               that day                     day        no      2011-09-13
``februari 2008``                   the month                    month      no      2008-02
``augustus/september 2007``         both months                  month      no      2007-08/2007-09
``vierde kwartaal 2008``, ``Q4``    the quarter                  quarter    no      2008-36
``tweede helft 2008``               the half year                half       no      2008-41
``voorjaar``/``zomer``/``najaar``   the season (3 months)        season     no      2008-23
``begin 2009``                      first quarter                quarter    yes     2009-33~
``medio 2008``                      summer (June–August)         season     yes     2008-22~
``na de zomer 2008``                autumn (September–November) season     yes     2008-23~
``voor de zomer 2008``              spring (March–May)           season     yes     2008-21~
``eind 2008``                       fourth quarter               quarter    yes     2008-36~
``2009``                            the year                     year       no      2009
==================================  ===========================  =========  ======  ==============

The dataset's own forms (``2008-02``, ``2008-Q4``, ``2008-autumn`` …, see dates.py) are read
too. The approximate readings are a choice, documented here and in docs/samenwerking.md, so
that milestones sort and show on a time axis; the written text is never replaced by them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from raadhuis.domain.dates import DateError, FuzzyDate, Precision

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH_SHORT = {m[:3]: i + 1 for i, m in enumerate(MONTHS_NL)} | {"mrt": 3, "okt": 10}
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS_NL)}
_ORDINALS = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4}
_SEASON_WORDS = {"voorjaar": 21, "lente": 21, "zomer": 22, "najaar": 23, "herfst": 23, "winter": 24}
_SEASON_ENGLISH = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

EXPECTED_WRITTEN = (
    "a date as written, such as 'februari 2008', 'na de zomer 2008', 'begin 2009', "
    "'vierde kwartaal 2008', '13 september 2011', or YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Q1..Q4"
)

_YEAR = r"(?P<year>\d{4})"
_OPT = r"(?:\s+(?:van|het))*"  # "begin van 2009", "na de zomer van 2008"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"^{body}$"))
    for name, body in (
        ("day", rf"(?P<day>\d{{1,2}})\s+(?P<month>[a-z]+)\.?\s+{_YEAR}"),
        ("months", rf"(?P<first>[a-z]+)\.?\s*(?:/|-|–|—|\s+tot\s+|\s+en\s+)\s*(?P<month>[a-z]+)\.?\s+{_YEAR}"),
        ("month", rf"(?P<month>[a-z]+)\.?\s+{_YEAR}"),
        ("quarter", rf"(?P<ordinal>eerste|tweede|derde|vierde|[1-4]e)\s+kwartaal{_OPT}\s+{_YEAR}"),
        ("quarter", rf"q(?P<number>[1-4])\s+{_YEAR}"),
        ("half", rf"(?P<ordinal>eerste|tweede|1e|2e)\s+helft{_OPT}\s+{_YEAR}"),
        ("begin", rf"(?:aan\s+het\s+)?begin{_OPT}\s+{_YEAR}"),
        ("medio", rf"(?:medio|midden){_OPT}\s+{_YEAR}"),
        ("end", rf"(?:aan\s+het\s+)?(?:eind|einde){_OPT}\s+{_YEAR}"),
        ("after_summer", rf"na\s+de\s+zomer{_OPT}\s+{_YEAR}"),
        ("before_summer", rf"voor\s+de\s+zomer{_OPT}\s+{_YEAR}"),
        (
            "season",
            rf"(?:in\s+het\s+|in\s+de\s+)?(?P<season>voorjaar|lente|zomer|najaar|herfst|winter){_OPT}\s+{_YEAR}",
        ),
    )
)


@dataclass(frozen=True)
class WrittenDate:
    """A date exactly as a source writes it, and the window of days it is read as."""

    text: str  # as written, e.g. "Na de zomer 2008"
    start: date  # first day it may mean
    end: date  # last day it may mean (inclusive)
    precision: Precision
    approximate: bool = False  # the window is a reading with soft edges ("begin", "medio", "na de zomer")
    edtf: str = ""  # the EDTF (ISO 8601-2) form of the reading, "~" marking an approximate one

    def passed(self, day: date) -> bool:
        """The whole window lies before ``day``."""
        return self.end < day

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.text,
            "precision": self.precision.value,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "approximate": self.approximate,
            "edtf": self.edtf,
        }


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return _MONTH_NUMBER.get(word) or _MONTH_SHORT.get(word[:3] if len(word) >= 3 else word)


def _month_window(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _from_fuzzy(text: str, fd: FuzzyDate, approximate: bool = False) -> WrittenDate:
    return WrittenDate(text, fd.start, fd.end, fd.precision, approximate, fd.edtf + ("~" if approximate else ""))


def _season(text: str, year: int, code: int, approximate: bool) -> WrittenDate:
    return _from_fuzzy(text, FuzzyDate.parse(f"{year}-{_SEASON_ENGLISH[code]}"), approximate)


def _quarter(text: str, year: int, q: int, approximate: bool) -> WrittenDate:
    return _from_fuzzy(text, FuzzyDate.parse(f"{year}-Q{q}"), approximate)


def parse_written(value: object) -> WrittenDate:
    """Read a date as written (see the module's table); raises :class:`DateError`."""
    if isinstance(value, WrittenDate):
        return value
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise DateError(f"expected {EXPECTED_WRITTEN}, got {value!r}")
    text = " ".join(value.split())
    try:
        return _from_fuzzy(text, FuzzyDate.parse(text))
    except DateError:
        pass
    low = text.lower()
    for name, pattern in _PATTERNS:
        m = pattern.match(low)
        if m is None:
            continue
        year = int(m["year"])
        try:
            found = _reading(text, name, m, year)
        except ValueError as exc:  # a day that does not exist, e.g. 31 april
            raise DateError(f"expected {EXPECTED_WRITTEN}, got {text!r}: {exc}") from None
        if found is not None:
            return found
    raise DateError(f"expected {EXPECTED_WRITTEN}, got {text!r}")


def _reading(text: str, name: str, m: re.Match[str], year: int) -> WrittenDate | None:
    if name == "day":
        month = _month(m["month"])
        if month is None:
            return None
        return _from_fuzzy(text, FuzzyDate.of_day(date(year, month, int(m["day"]))))
    if name == "month":
        month = _month(m["month"])
        if month is None:
            return None
        return _from_fuzzy(text, FuzzyDate.parse(f"{year:04d}-{month:02d}"))
    if name == "months":
        first, last = _month(m["first"]), _month(m["month"])
        if first is None or last is None or last < first:
            return None
        start, end = _month_window(year, first, last)
        return WrittenDate(text, start, end, Precision.MONTH, False, f"{year:04d}-{first:02d}/{year:04d}-{last:02d}")
    if name == "quarter":
        q = _ORDINALS[m["ordinal"]] if m.groupdict().get("ordinal") else int(m["number"])
        return _quarter(text, year, q, False)
    if name == "half":
        return _from_fuzzy(text, FuzzyDate.parse(f"{year}-H{_ORDINALS[m['ordinal']]}"))
    if name == "begin":
        return _quarter(text, year, 1, True)
    if name == "end":
        return _quarter(text, year, 4, True)
    if name == "medio":
        return _season(text, year, 22, True)
    if name == "after_summer":
        return _season(text, year, 23, True)
    if name == "before_summer":
        return _season(text, year, 21, True)
    if name == "season":
        return _season(text, year, _SEASON_WORDS[m["season"]], False)
    return None
