"""Dates, numbers and counts as people write them: one place for pages, report, CLI and Excel export.

Dutch first: "1 januari 2012", "2e kwartaal 2018", "voorjaar 2012", "4,00 van 5,00 fte",
"1 formatieplaats". English on request: "1 January 2012", "2nd quarter 2018".

Reading a date typed by a person is here too (:func:`read_day`): 31-12-2011 and 2011-12-31
both mean the last day of 2011, wherever a day is asked (CLI, web, API), and
:func:`understood` says which day was read when the text was not already the ISO form.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from raadhuis.domain.dates import DateError, FuzzyDate, Precision
from raadhuis.domain.written_dates import MONTHS_NL, parse_written

MONTHS = {
    "nl": MONTHS_NL,  # the one list, which the written dates read too
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_SEASONS = {
    "nl": {3: "voorjaar", 6: "zomer", 9: "najaar", 12: "winter"},
    "en": {3: "spring", 6: "summer", 9: "autumn", 12: "winter"},
}
_ORDINAL_EN = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "nl"


def format_day(day: date, lang: str = "nl") -> str:
    """A single day: '1 januari 2012' (English '1 January 2012')."""
    return f"{day.day} {MONTHS[_lang(lang)][day.month - 1]} {day.year}"


def format_date(value: Any, lang: str = "nl", empty: str = "") -> str:
    """Any date the register holds, in words: a day, a month, a quarter, a half year, a season or a year.

    ``value`` may be a ``date``, a ``datetime`` (its day), a :class:`FuzzyDate` or its text
    ('2012-01-01', '2018-Q2', '2012-spring', '2017'); ``None`` or '' gives ``empty``. A text
    that is no date at all is returned as it is, so nothing is hidden.
    """
    if value is None or value == "":
        return empty
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return format_day(value, lang)
    try:
        fd = FuzzyDate.parse(value)
    except DateError:
        return str(value)
    return format_fuzzy(fd, lang)


def format_fuzzy(fd: FuzzyDate, lang: str = "nl") -> str:
    lang = _lang(lang)
    y = fd.start.year
    if fd.precision is Precision.DAY:
        return format_day(fd.start, lang)
    if fd.precision is Precision.MONTH:
        return f"{MONTHS[lang][fd.start.month - 1]} {y}"
    if fd.precision is Precision.QUARTER:
        q = (fd.start.month - 1) // 3 + 1
        return f"{q}e kwartaal {y}" if lang == "nl" else f"{_ORDINAL_EN[q]} quarter {y}"
    if fd.precision is Precision.HALF:
        h = 1 if fd.start.month == 1 else 2
        return f"{h}e helft {y}" if lang == "nl" else f"{_ORDINAL_EN[h]} half {y}"
    if fd.precision is Precision.SEASON:
        return f"{_SEASONS[lang][fd.start.month]} {y}"
    return str(y)


LOCAL_TIME = ZoneInfo("Europe/Amsterdam")  # the register's users read times in Dutch time


def moment_text(iso: str, lang: str = "nl") -> str:
    """'1 december 2026, 18:55' in Dutch time, from a stored UTC moment."""
    return format_moment(datetime.fromisoformat(iso).astimezone(LOCAL_TIME), lang)


def format_moment(value: datetime | str | None, lang: str = "nl") -> str:
    """A moment of recording: '3 maart 2025, 14:05'."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        moment = value
    return f"{format_day(moment.date(), lang)}, {moment:%H:%M}"


def format_period(start: Any, end: Any, lang: str = "nl") -> str:
    """'1 januari 2012 – heden' for an open end."""
    until = format_date(end, lang) or ("heden" if _lang(lang) == "nl" else "present")
    return f"{format_date(start, lang)} – {until}"


# ---------------------------------------------------------------- numbers


def format_number(value: Any, lang: str = "nl", digits: int = 2, fixed: bool = False) -> str:
    """A figure as people in that language write it: 1.234,5 in Dutch, 1,234.5 in English.

    With ``fixed`` the decimals stay ('4,00'), as in a formatieplan; otherwise trailing
    zeros go ('4'). ``None`` or '' gives ''. A value that is no number is shown as it is.
    """
    if value is None or value == "":
        return ""
    try:
        text = f"{float(value):,.{digits}f}"
    except (TypeError, ValueError):
        return str(value)
    if not fixed and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.00", "-0.0"):
        text = text[1:]
    return text.translate(str.maketrans(",.", ".,")) if _lang(lang) == "nl" else text


def format_fte(value: Any, lang: str = "nl") -> str:
    """FTE always with two decimals, the way a formatieplan writes it: '4,00'."""
    return format_number(value, lang, 2, fixed=True)


def format_percent(share: float | None, lang: str = "nl", digits: int = 0) -> str:
    """A share 0..1 as a percentage: '45%'."""
    if share is None:
        return ""
    return f"{format_number(100 * share, lang, digits)}%"


def format_money(value: float | None, lang: str = "nl", digits: int = 0) -> str:
    if value is None:
        return ""
    return f"€ {format_number(value, lang, digits, fixed=digits > 0)}"


# ---------------------------------------------------------------- counts

# Nouns with their plural: "1 formatieplaats", "2 formatieplaatsen".
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "unit": {"nl": ("eenheid", "eenheden"), "en": ("unit", "units")},
    "post": {"nl": ("formatieplaats", "formatieplaatsen"), "en": ("post", "posts")},
    "event": {"nl": ("gebeurtenis", "gebeurtenissen"), "en": ("event", "events")},
    "change": {"nl": ("wijziging", "wijzigingen"), "en": ("change", "changes")},
    "error": {"nl": ("fout", "fouten"), "en": ("error", "errors")},
    "organisation": {"nl": ("organisatie", "organisaties"), "en": ("organisation", "organisations")},
    "decision": {"nl": ("besluit", "besluiten"), "en": ("decision", "decisions")},
    "source": {"nl": ("bron", "bronnen"), "en": ("source", "sources")},
    "layer": {"nl": ("laag", "lagen"), "en": ("layer", "layers")},
    "manager": {"nl": ("leidinggevende", "leidinggevenden"), "en": ("manager", "managers")},
    "cooperation": {"nl": ("samenwerking", "samenwerkingen"), "en": ("cooperation", "cooperations")},
    "page": {"nl": ("pagina", "pagina's"), "en": ("page", "pages")},
    "row": {"nl": ("regel", "regels"), "en": ("row", "rows")},
    "person": {"nl": ("persoon", "personen"), "en": ("person", "people")},
    "level": {"nl": ("niveau", "niveaus"), "en": ("level", "levels")},
}


def count(n: int, noun: str, lang: str = "nl") -> str:
    """'1 formatieplaats', '3 formatieplaatsen' (a noun from :data:`NOUNS`)."""
    one, many = NOUNS[noun][_lang(lang)]
    return f"{format_number(n, lang, 0)} {one if n == 1 else many}"


def noun(n: int, noun_key: str, lang: str = "nl") -> str:
    """Only the word, singular or plural for ``n``."""
    one, many = NOUNS[noun_key][_lang(lang)]
    return one if n == 1 else many


def join_words(items: list[str], lang: str = "nl") -> str:
    """'A', 'A en B', 'A, B en C' (English 'A, B and C')."""
    word = "en" if _lang(lang) == "nl" else "and"
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


# ---------------------------------------------------------------- reading a day

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_MONTH_WORDS = {name.lower(): i + 1 for names in MONTHS.values() for i, name in enumerate(names)} | {
    name.lower()[:3]: i + 1 for names in MONTHS.values() for i, name in enumerate(names)
}
_MONTH_WORDS["mrt"] = 3
_MONTH_WORDS["okt"] = 10

DAY_FORMS = {
    "nl": "een datum als 31-12-2011 of 2011-12-31",
    "en": "a date such as 31-12-2011 or 2011-12-31",
}


class DayError(DateError):
    """A day typed by a person that is no day; the message is in the reader's language."""

    def __init__(self, text: str, lang: str = "nl") -> None:
        self.text = text
        lang = _lang(lang)
        got = "gevonden" if lang == "nl" else "got"
        super().__init__(f"{'verwacht' if lang == 'nl' else 'expected'} {DAY_FORMS[lang]}; {got}: {text!r}")


def read_day(value: Any, lang: str = "nl") -> date:
    """A single day from what a person typed: 2011-12-31, 31-12-2011, 31/12/2011, 31.12.2011 or
    '31 december 2011'. Day first is the Dutch order; a month is never read before the day.
    Raises :class:`DayError` (a ``ValueError``) with a message in ``lang``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(text):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _DUTCH.match(text):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif (m := _WORDS.match(text)) and m[2].lower() in _MONTH_WORDS:
        parts = (int(m[3]), _MONTH_WORDS[m[2].lower()], int(m[1]))
    if parts is None:
        raise DayError(text, lang)
    try:
        return date(*parts)
    except ValueError:
        raise DayError(text, lang) from None


def typed_period(value: Any) -> Any:
    """What a person typed for a day, month, quarter or year, in the dataset's form: "14-3-2025"
    and "14 maart 2025" become 2025-03-14, "maart 2025" 2025-03, "1e kwartaal 2025" 2025-Q1.
    Anything else is given back as typed, so that the dataset's own check names the field."""
    text = str(value or "").strip()
    if not text:
        return value
    try:
        return read_day(text).isoformat()
    except DateError:
        pass
    try:
        written = parse_written(text)
        # An approximate reading ("begin 2025") is not what a form asks for: leave it to the check.
        return value if written.approximate else FuzzyDate.parse(written.edtf).text
    except DateError:  # also a range of months, which one field cannot hold
        return value


_ISO_IN_TEXT = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in_words(text: str, lang: str = "nl") -> str:
    """The days an engine message names in the dataset's form, said in words ("bestaat niet op
    2017-01-01" -> "bestaat niet op 1 januari 2017"); a text without them is returned as it is."""

    def said(m: re.Match[str]) -> str:
        try:
            return format_day(date(int(m[1]), int(m[2]), int(m[3])), lang)
        except ValueError:
            return m[0]

    return _ISO_IN_TEXT.sub(said, text)


def is_iso_day(text: Any) -> bool:
    return isinstance(text, str) and bool(re.match(r"^\d{4}-\d{2}-\d{2}$", text.strip()))


def understood(text: Any, day: date, lang: str = "nl") -> str | None:
    """'31-12-2011 gelezen als 31 december 2011' when ``text`` was not already ISO; else None."""
    if text is None or isinstance(text, date) or is_iso_day(str(text)):
        return None
    word = "gelezen als" if _lang(lang) == "nl" else "read as"
    return f"{str(text).strip()} {word} {format_day(day, lang)}"


def understood_period(text: Any, canonical: str, lang: str = "nl") -> str:
    """'maart 2012 gelezen als maart 2012 (2012-03)': what :func:`typed_period` made of ``text``."""
    word = "gelezen als" if _lang(lang) == "nl" else "read as"
    return f"{str(text).strip()} {word} {format_fuzzy(FuzzyDate.parse(canonical), lang)} ({canonical})"


def input_day(day: date) -> str:
    """A day as the workbench's date fields show it: day first, '01-01-2012'."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"
