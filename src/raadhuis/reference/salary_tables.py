"""The salary tables for municipal staff that Raadhuis ships: the VNG's published tables.

Source: the VNG's publication of the salary table for municipal staff, "Artikel 99: BIJLAGE IIa —
Salaristabel gemeenteambtenaren ... nieuwe structuur" on caruwo.vng.nl (the CAR-UWO site of the
Vereniging van Nederlandse Gemeenten), two versions of that page:

* per 1 oktober 2019 (scales 1–18 with 10A and 11A, periodieken 0–11);
* per 1 juli 2020 (the same structure; about 2% higher).

The amounts are gross monthly salaries at full time, in whole euros, as published; the CSV
(``salary/cao-gemeenten.csv``) is in the same format a user imports (``raadhuis scenario
salary-import``), so the one reader reads both. A test checks that every scale rises with its
periodieken and every scale starts and ends above the one before it. The page notes that an
amount below the statutory minimum wage is raised to it; the low scales are used as printed.

Employer's charges (werkgeverslasten: IKB, pension, social premiums) are not in the table: the
percentage is a setting of each comparison and is marked as an assumption.
"""

from __future__ import annotations

from pathlib import Path

CSV = Path(__file__).parent / "salary" / "cao-gemeenten.csv"
URL = "https://caruwo.vng.nl/ArtikelenPrint.aspx?artikel=99%3ABIJLAGE%20IIa"
PUBLISHER = "Vereniging van Nederlandse Gemeenten (VNG)"

# valid from → (id, name, the publication's own title)
TABLES: dict[str, tuple[str, str, str]] = {
    "2019-10-01": (
        "cao-gemeenten-2019-10-01",
        "Salaristabel gemeenteambtenaren per 1 oktober 2019",
        "Artikel 99: BIJLAGE IIa, Salaristabel gemeenteambtenaren per 1 oktober 2019, nieuwe structuur",
    ),
    "2020-07-01": (
        "cao-gemeenten-2020-07-01",
        "Salaristabel gemeenteambtenaren per 1 juli 2020",
        "Artikel 99: BIJLAGE IIa, Salaristabel gemeenteambtenaren per 1 juli 2020, nieuwe structuur",
    ),
}

# The employer's charges a comparison uses unless told otherwise: no source gives one figure for
# every municipality, so it is an assumption and says so wherever a cost is shown.
DEFAULT_CHARGES = 40.0
