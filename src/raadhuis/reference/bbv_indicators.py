"""The BBV mandatory policy indicators for taakveld 0 "Bestuur en ondersteuning".

Since 2017 every municipal budget and annual account must show five indicators about its own
organisation (Regeling beleidsindicatoren gemeenten, under the BBV). The definitions below are the ones published with the indicators on
waarstaatjegemeente.nl (VNG), in our words; the formulas are how municipalities compute them in
their budgets (e.g. Berg en Dal, jaarverslag 2020, shows bezetting as 198 FTE divided by 34,992/1,000
inhabitants).

Inhabitants are those on 1 January of the year (CBS, Bevolking op 1 januari).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SOURCES: tuple[dict[str, str], ...] = (
    {
        "title": "Regeling beleidsindicatoren gemeenten (verplichte beleidsindicatoren, taakveld 0 Bestuur en ondersteuning)",
        "publisher": "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "date": "2016 (geldig vanaf begrotingsjaar 2017)",
        "url": "https://wetten.overheid.nl/ (zoek: Regeling beleidsindicatoren gemeenten)",
    },
    {
        "title": "Besluit begroting en verantwoording provincies en gemeenten (BBV)",
        "publisher": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "date": "2016-02-17 (Stb. 2016, 64)",
        "url": "https://wetten.overheid.nl/BWBR0010461",
    },
    {
        "title": "Waarstaatjegemeente.nl, dashboard Verplichte beleidsindicatoren BBV, definities",
        "publisher": "Vereniging van Nederlandse Gemeenten (VNG)",
        "date": "geraadpleegd 2026",
        "url": "https://www.waarstaatjegemeente.nl",
    },
    {
        "title": "Commissie BBV, Notitie overhead",
        "publisher": "Commissie Besluit Begroting en Verantwoording",
        "date": "2016",
        "url": "https://www.commissiebbv.nl",
    },
)
VERSION = "bbv-beleidsindicatoren-2017"


@dataclass(frozen=True)
class IndicatorDef:
    key: str
    name_nl: str
    name_en: str
    unit_nl: str
    unit_en: str
    definition_nl: str
    definition_en: str
    formula: str
    inputs: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name_nl": self.name_nl,
            "name_en": self.name_en,
            "unit_nl": self.unit_nl,
            "unit_en": self.unit_en,
            "definition_nl": self.definition_nl,
            "definition_en": self.definition_en,
            "formula": self.formula,
            "inputs": list(self.inputs),
        }


INDICATORS: tuple[IndicatorDef, ...] = (
    IndicatorDef(
        "formatie",
        "Formatie",
        "Establishment",
        "fte per 1.000 inwoners",
        "FTE per 1,000 inhabitants",
        "De toegestane formatie (volgens het formatieplan) in fte van het ambtelijk apparaat voor het "
        "begrotingsjaar, op peildatum 1 januari; niet het werkelijk aantal werkzame fte.",
        "The authorised establishment (per the formation plan) in FTE of the civil service for the budget "
        "year, on reference date 1 January; not the FTE actually working.",
        "formatie_fte / (inwoners / 1000)",
        ("formatie_fte", "inhabitants"),
    ),
    IndicatorDef(
        "bezetting",
        # "eigen personeel": not the filled FTE that show and the Excel export give (which counts hire and loans in too).
        "Bezetting eigen personeel (BBV)",
        "Staffing, own employees (BBV)",
        "fte per 1.000 inwoners",
        "FTE per 1,000 inhabitants",
        "Het werkelijk aantal fte dat werkzaam is (de feitelijke invulling van de formatie), dus niet de "
        "toegestane formatieve omvang uit het formatieplan; in Raadhuis het eigen personeel (inhuur, inleen "
        "en detachering tellen niet mee), op peildatum 1 januari.",
        "The FTE actually working (how the establishment is actually filled), not the authorised size from "
        "the formation plan; in Raadhuis the own employees (hire, loans in and secondments out do not "
        "count), on reference date 1 January.",
        "bezetting_fte / (inwoners / 1000)",
        ("bezetting_fte", "inhabitants"),
    ),
    IndicatorDef(
        "apparaatskosten",
        "Apparaatskosten",
        "Operating costs of the organisation",
        "kosten per inwoner (€)",
        "cost per inhabitant (€)",
        "Apparaatskosten (organisatiekosten): alle personele en materiële kosten die verbonden zijn aan het "
        "functioneren van de organisatie (salarissen, organisatie-, huisvestings-, materieel- en "
        "automatiseringskosten), exclusief griffie en bestuur.",
        "All staff and material costs of running the organisation (salaries, organisation, housing, "
        "equipment and IT costs), excluding the council clerk's office (griffie) and the governing bodies.",
        "apparaatskosten / inwoners",
        ("apparaatskosten", "inhabitants"),
    ),
    IndicatorDef(
        "externe_inhuur",
        "Externe inhuur",
        "External hire",
        "kosten als % van totale loonsom + totale kosten inhuur externen",
        "cost as % of total wage bill + total cost of external hire",
        "Kosten van werkzaamheden die tegen betaling door externen worden verricht zonder arbeidsovereenkomst "
        "of aanstelling bij de gemeente, als percentage van de totale loonsom plus de totale kosten van "
        "inhuur externen.",
        "Cost of work done for payment by outsiders without an employment contract or appointment with the "
        "municipality, as a percentage of the total wage bill plus the total cost of external hire.",
        "100 × externe_inhuur / (loonsom + externe_inhuur)",
        ("external_hire_cost", "wage_bill"),
    ),
    IndicatorDef(
        "overhead",
        "Overhead",
        "Overhead",
        "% van totale lasten",
        "% of total expenses",
        "Kosten van taakveld 0.4 Overhead: alle kosten die samenhangen met de sturing en ondersteuning van "
        "medewerkers in het primaire proces (o.a. financiën, P&O, inkoop, juridische zaken, ICT, facilitaire "
        "zaken, DIV, leidinggevenden primair proces), als percentage van de totale lasten (exclusief "
        "toevoegingen aan reserves).",
        "Cost of task field 0.4 Overhead: all costs of steering and supporting staff in the primary process "
        "(finance, HR, procurement, legal, IT, facilities, records, managers of the primary process), as a "
        "percentage of total expenses (excluding additions to reserves).",
        "100 × overhead / totale_lasten",
        ("overhead_cost", "total_expenses"),
    ),
)

_BY_KEY = {i.key: i for i in INDICATORS}
KEYS: tuple[str, ...] = tuple(_BY_KEY)


def indicator(key: str) -> IndicatorDef:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"onbekende BBV-indicator {key!r}; verwacht een van: {', '.join(KEYS)}") from None


# CBS gemeentegrootteklassen (Gebieden in Nederland; classificatie "Gemeentegrootte en
# stedelijkheid"): eight classes by inhabitants on 1 January. Lower bound inclusive.
SIZE_CLASS_SOURCE: dict[str, str] = {
    "title": "Gemeentegrootte en stedelijkheid (classificatie); tabel Gebieden in Nederland",
    "publisher": "Centraal Bureau voor de Statistiek (CBS)",
    "date": "2015-2025",
    "url": "https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentegrootte-en-stedelijkheid",
}


@dataclass(frozen=True)
class SizeClass:
    code: int
    lower: int  # inclusive
    upper: int | None  # exclusive; None = no upper bound
    label_nl: str
    label_en: str

    def contains(self, inhabitants: int) -> bool:
        return inhabitants >= self.lower and (self.upper is None or inhabitants < self.upper)


SIZE_CLASSES: tuple[SizeClass, ...] = (
    SizeClass(1, 0, 5_000, "minder dan 5 000 inwoners", "fewer than 5,000 inhabitants"),
    SizeClass(2, 5_000, 10_000, "5 000 tot 10 000 inwoners", "5,000 to 10,000 inhabitants"),
    SizeClass(3, 10_000, 20_000, "10 000 tot 20 000 inwoners", "10,000 to 20,000 inhabitants"),
    SizeClass(4, 20_000, 50_000, "20 000 tot 50 000 inwoners", "20,000 to 50,000 inhabitants"),
    SizeClass(5, 50_000, 100_000, "50 000 tot 100 000 inwoners", "50,000 to 100,000 inhabitants"),
    SizeClass(6, 100_000, 150_000, "100 000 tot 150 000 inwoners", "100,000 to 150,000 inhabitants"),
    SizeClass(7, 150_000, 250_000, "150 000 tot 250 000 inwoners", "150,000 to 250,000 inhabitants"),
    SizeClass(8, 250_000, None, "250 000 of meer inwoners", "250,000 inhabitants or more"),
)


def size_class(inhabitants: int) -> SizeClass:
    if inhabitants < 0:
        raise ValueError(f"aantal inwoners kan niet negatief zijn, kreeg {inhabitants}")
    for c in SIZE_CLASSES:
        if c.contains(inhabitants):
            return c
    raise AssertionError("size classes cover all non-negative numbers")  # pragma: no cover
