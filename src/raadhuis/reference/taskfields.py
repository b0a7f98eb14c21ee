"""The BBV/Iv3 task fields (taakvelden), versioned by year.

Municipal budgets are reported per taakveld since the BBV renewal of 2017 (before that the
BBV used "functies"; this list does not cover them). The list changed in 2023, when the
sub-fields of 6.71, 6.72, 6.81 and 6.82 were split and 6.2 and 6.4 were renamed, and in 2024,
when 8.1 got its Omgevingswet name. Each definition holds over the years
``valid_from_year .. valid_to_year`` (inclusive; ``None`` = still valid).

Sources (cited in docs/definities.md):
- Besluit begroting en verantwoording provincies en gemeenten (BBV), bijlage "Taakvelden
  gemeenten", as renewed by Besluit van 2016 (Stb. 2016, 64), valid from begrotingsjaar 2017.
  Ministerie van BZK. https://wetten.overheid.nl/BWBR0010461
- Iv3-informatievoorschrift gemeenten en gemeenschappelijke regelingen 2023, versie 1.0,
  Ministerie van BZK, §1 "Belangrijkste wijzigingen" (blad 4-5): split of 6.71/6.72/6.81/6.82
  and renames of 6.2 and 6.4. https://www.rijksoverheid.nl/documenten/richtlijnen (Iv3 2023)
- Iv3-informatievoorschrift gemeenten en gemeenschappelijke regelingen 2024, Ministerie van
  BZK: 8.1 "Ruimtelijke ordening" → "Ruimte en leefomgeving" and hoofdtaakveld 8 renamed with
  the Omgevingswet (in force 1 January 2024). The year of this rename is taken from budgets
  that use the new name; check it against the voorschrift itself when it is at hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIRST_YEAR = 2017

SOURCES: tuple[dict[str, str], ...] = (
    {
        "title": "Besluit begroting en verantwoording provincies en gemeenten, bijlage taakvelden gemeenten",
        "publisher": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "date": "2016-02-17 (Stb. 2016, 64), geldig vanaf begrotingsjaar 2017",
        "url": "https://wetten.overheid.nl/BWBR0010461",
    },
    {
        "title": "Iv3-informatievoorschrift gemeenten en gemeenschappelijke regelingen 2023, versie 1.0",
        "publisher": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "date": "2022",
        "url": "https://www.rijksoverheid.nl/documenten/richtlijnen/2023/12/15/"
        "iv3-informatievoorschrift-gemeenten-en-gemeenschappelijke-regelingen-2022",
    },
    {
        "title": "Iv3-informatievoorschrift gemeenten en gemeenschappelijke regelingen 2024",
        "publisher": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "date": "2023",
        "url": "https://www.rijksoverheid.nl/onderwerpen/financien-gemeenten-en-provincies",
    },
)
VERSION = "bbv-iv3-2017+2023+2024"


@dataclass(frozen=True)
class MainTask:
    """A hoofdtaakveld (0..8)."""

    code: int
    name: str


@dataclass(frozen=True)
class TaskFieldDef:
    code: str
    name: str
    main_task: MainTask
    valid_from_year: int
    valid_to_year: int | None = None  # inclusive; None while still valid
    replaces: tuple[str, ...] = ()  # codes this one succeeds (2023 split)

    def valid_in(self, year: int) -> bool:
        return self.valid_from_year <= year and (self.valid_to_year is None or year <= self.valid_to_year)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "main_task": {"code": self.main_task.code, "name": self.main_task.name},
            "valid_from_year": self.valid_from_year,
            "valid_to_year": self.valid_to_year,
            "replaces": list(self.replaces),
        }


_MAIN = {
    0: "Bestuur en ondersteuning",
    1: "Veiligheid",
    2: "Verkeer, vervoer en waterstaat",
    3: "Economie",
    4: "Onderwijs",
    5: "Sport, cultuur en recreatie",
    6: "Sociaal domein",
    7: "Volksgezondheid en milieu",
    8: "Volkshuisvesting, ruimtelijke ordening en stedelijke vernieuwing",
}
_MAIN_8_2024 = "Volkshuisvesting, leefomgeving en stedelijke vernieuwing"

# (code, name, from, to, replaces). Years inclusive.
_ROWS: tuple[tuple[str, str, int, int | None, tuple[str, ...]], ...] = (
    ("0.1", "Bestuur", 2017, None, ()),
    ("0.2", "Burgerzaken", 2017, None, ()),
    ("0.3", "Beheer overige gebouwen en gronden", 2017, None, ()),
    ("0.4", "Overhead", 2017, None, ()),
    ("0.5", "Treasury", 2017, None, ()),
    ("0.61", "OZB woningen", 2017, None, ()),
    ("0.62", "OZB niet-woningen", 2017, None, ()),
    ("0.63", "Parkeerbelasting", 2017, None, ()),
    ("0.64", "Belastingen overig", 2017, None, ()),
    ("0.7", "Algemene uitkering en overige uitkeringen gemeentefonds", 2017, None, ()),
    ("0.8", "Overige baten en lasten", 2017, None, ()),
    ("0.9", "Vennootschapsbelasting (VpB)", 2017, None, ()),
    ("0.10", "Mutaties reserves", 2017, None, ()),
    ("0.11", "Resultaat van de rekening van baten en lasten", 2017, None, ()),
    ("1.1", "Crisisbeheersing en brandweer", 2017, None, ()),
    ("1.2", "Openbare orde en veiligheid", 2017, None, ()),
    ("2.1", "Verkeer en vervoer", 2017, None, ()),
    ("2.2", "Parkeren", 2017, None, ()),
    ("2.3", "Recreatieve havens", 2017, None, ()),
    ("2.4", "Economische havens en waterwegen", 2017, None, ()),
    ("2.5", "Openbaar vervoer", 2017, None, ()),
    ("3.1", "Economische ontwikkeling", 2017, None, ()),
    ("3.2", "Fysieke bedrijfsinfrastructuur", 2017, None, ()),
    ("3.3", "Bedrijfsloket en bedrijfsregelingen", 2017, None, ()),
    ("3.4", "Economische promotie", 2017, None, ()),
    ("4.1", "Openbaar basisonderwijs", 2017, None, ()),
    ("4.2", "Onderwijshuisvesting", 2017, None, ()),
    ("4.3", "Onderwijsbeleid en leerlingzaken", 2017, None, ()),
    ("5.1", "Sportbeleid en activering", 2017, None, ()),
    ("5.2", "Sportaccommodaties", 2017, None, ()),
    ("5.3", "Cultuurpresentatie, cultuurproductie en cultuurparticipatie", 2017, None, ()),
    ("5.4", "Musea", 2017, None, ()),
    ("5.5", "Cultureel erfgoed", 2017, None, ()),
    ("5.6", "Media", 2017, None, ()),
    ("5.7", "Openbaar groen en (openlucht) recreatie", 2017, None, ()),
    ("6.1", "Samenkracht en burgerparticipatie", 2017, None, ()),
    ("6.2", "Wijkteams", 2017, 2022, ()),
    ("6.2", "Toegang en eerstelijnsvoorzieningen", 2023, None, ()),
    ("6.3", "Inkomensregelingen", 2017, None, ()),
    ("6.4", "Begeleide participatie", 2017, 2022, ()),
    ("6.4", "WSW en beschut werk", 2023, None, ()),
    ("6.5", "Arbeidsparticipatie", 2017, None, ()),
    ("6.6", "Maatwerkvoorzieningen (WMO)", 2017, None, ()),
    ("6.71", "Maatwerkdienstverlening 18+", 2017, 2022, ()),
    ("6.71a", "Hulp bij het huishouden (WMO)", 2023, None, ("6.71",)),
    ("6.71b", "Begeleiding (WMO)", 2023, None, ("6.71",)),
    ("6.71c", "Dagbesteding (WMO)", 2023, None, ("6.71",)),
    ("6.71d", "Overige maatwerkarrangementen (WMO)", 2023, None, ("6.71",)),
    ("6.72", "Maatwerkdienstverlening 18-", 2017, 2022, ()),
    ("6.72a", "Jeugdhulp begeleiding", 2023, None, ("6.72",)),
    ("6.72b", "Jeugdhulp behandeling", 2023, None, ("6.72",)),
    ("6.72c", "Jeugdhulp dagbesteding", 2023, None, ("6.72",)),
    ("6.72d", "Jeugdhulp zonder verblijf overig", 2023, None, ("6.72",)),
    ("6.73a", "Pleegzorg", 2023, None, ("6.72",)),
    ("6.73b", "Gezinsgericht", 2023, None, ("6.72",)),
    ("6.73c", "Jeugdhulp met verblijf overig", 2023, None, ("6.72",)),
    ("6.74a", "Jeugdhulp behandeling GGZ zonder verblijf", 2023, None, ("6.72",)),
    ("6.74b", "Jeugdhulp crisis/LTA/GGZ-verblijf", 2023, None, ("6.72",)),
    ("6.74c", "Gesloten plaatsing", 2023, None, ("6.72",)),
    ("6.81", "Geëscaleerde zorg 18+", 2017, 2022, ()),
    ("6.81a", "Beschermd wonen (WMO)", 2023, None, ("6.81",)),
    ("6.81b", "Maatschappelijke- en vrouwenopvang (WMO)", 2023, None, ("6.81",)),
    ("6.82", "Geëscaleerde zorg 18-", 2017, 2022, ()),
    ("6.82a", "Jeugdbescherming", 2023, None, ("6.82",)),
    ("6.82b", "Jeugdreclassering", 2023, None, ("6.82",)),
    ("7.1", "Volksgezondheid", 2017, None, ()),
    ("7.2", "Riolering", 2017, None, ()),
    ("7.3", "Afval", 2017, None, ()),
    ("7.4", "Milieubeheer", 2017, None, ()),
    ("7.5", "Begraafplaatsen en crematoria", 2017, None, ()),
    ("8.1", "Ruimtelijke ordening", 2017, 2023, ()),
    ("8.1", "Ruimte en leefomgeving", 2024, None, ()),
    ("8.2", "Grondexploitatie (niet bedrijventerreinen)", 2017, None, ()),
    ("8.3", "Wonen en bouwen", 2017, None, ()),
)


def _main_task(code: str, from_year: int) -> MainTask:
    number = int(code.split(".")[0])
    if number == 8 and from_year >= 2024:
        return MainTask(8, _MAIN_8_2024)
    return MainTask(number, _MAIN[number])


def _build() -> tuple[TaskFieldDef, ...]:
    out: list[TaskFieldDef] = []
    for code, name, start, end, replaces in _ROWS:
        if code.startswith("8.") and start < 2024 and (end is None or end >= 2024):
            # Hoofdtaakveld 8 got a new name in 2024: split the row so each year has one name.
            out.append(TaskFieldDef(code, name, _main_task(code, start), start, 2023, replaces))
            out.append(TaskFieldDef(code, name, _main_task(code, 2024), 2024, end, replaces))
        else:
            out.append(TaskFieldDef(code, name, _main_task(code, start), start, end, replaces))
    return tuple(out)


TASK_FIELDS: tuple[TaskFieldDef, ...] = _build()


class UnknownTaskField(LookupError):
    """A task-field code that is not on the official list in the given year."""


def _check_year(year: int) -> None:
    if year < FIRST_YEAR:
        raise ValueError(
            f"taakvelden bestaan vanaf begrotingsjaar {FIRST_YEAR} (daarvoor gebruikte het BBV functies); "
            f"gevraagd jaar {year}"
        )


# The rows are written in the order of the BBV annex (0.9 before 0.10, 6.6 before 6.71).
_ORDER = {code: i for i, (code, *_rest) in reversed(list(enumerate(_ROWS)))}


def task_fields(year: int) -> list[TaskFieldDef]:
    """The official list valid in ``year``, in the order of the BBV annex."""
    _check_year(year)
    return sorted((t for t in TASK_FIELDS if t.valid_in(year)), key=lambda t: _ORDER[t.code])


def task_field(code: str, year: int) -> TaskFieldDef:
    """The definition of ``code`` in ``year``; raises :class:`UnknownTaskField` with the valid choice."""
    _check_year(year)
    wanted = code.strip()
    for t in TASK_FIELDS:
        if t.code == wanted and t.valid_in(year):
            return t
    successors = [t.code for t in TASK_FIELDS if wanted in t.replaces and t.valid_in(year)]
    hint = f"; vanaf 2023 opgesplitst in {', '.join(successors)}" if successors else ""
    raise UnknownTaskField(f"taakveld {wanted!r} staat niet op de BBV-lijst van {year}{hint}")


def is_valid(code: str, year: int) -> bool:
    try:
        task_field(code, year)
    except (UnknownTaskField, ValueError):
        return False
    return True


def main_tasks(year: int) -> list[MainTask]:
    _check_year(year)
    return [MainTask(n, _MAIN_8_2024 if n == 8 and year >= 2024 else name) for n, name in _MAIN.items()]


def sort_key(code: str) -> tuple[int, str]:
    """Order codes as the BBV annex does; unknown codes go last, alphabetically."""
    return (_ORDER.get(code, len(_ORDER)), code)
