"""CBS municipalities in the register: import the classification, list by date and province."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from raadhuis.formats.cbs import (
    MunicipalityPeriod,
    count_by_year,
    load_cbs_xml,
    municipalities_at,
    read_cbs_table,
)
from raadhuis.services.register import current_user
from raadhuis.store import municipalities as cbs_store
from raadhuis.store import repository as repo
from raadhuis.store.database import Store


def import_cbs(
    store: Store, path: str | Path, valid_on: date | None = None, who: str | None = None, reason: str = ""
) -> dict[str, Any]:
    """Read the CBS XML (all years) or a CBS table (valid on one date) and make it the
    register's classification. Earlier imports stay in the log, closed, not deleted."""
    file = Path(path)
    if file.suffix.lower() == ".xml":
        classification = load_cbs_xml(file)
        periods, years = classification.periods, classification.years
    else:
        periods = read_cbs_table(file, valid_on or date.today())
        years = []
    # The classification is replaced as a whole: one writer at a time (store.write).
    with store.write(also=["municipalities"]) as s:
        cs = repo.new_changeset(s, who or current_user(), reason or f"CBS-indeling {file.name}", str(file))
        cbs_store.supersede_current(s, cs.recorded_at)
        rows = [
            {
                "code": p.code,
                "name": p.name,
                "province_code": p.province_code,
                "province_name": p.province_name,
                "begin": p.begin,
                "end": p.end,
                "changeset_id": cs.id,
                "superseded_at": None,
            }
            for p in periods
        ]
        cbs_store.add_periods(s, rows)
        # The editions covered are kept so counts are given only for years the source covers.
        repo.put_records(s, cs, "cbs_edition", [("", "current", {"file": file.name, "years": years})])
        return {"file": str(file), "periods": len(periods), "years": years, "changeset": cs.id}


def _periods(store: Store, day: date | None = None) -> list[MunicipalityPeriod]:
    with store.session() as s:
        rows = cbs_store.current_periods(s, day)
        return [MunicipalityPeriod(r.code, r.name, r.province_code, r.province_name, r.begin, r.end) for r in rows]


def municipalities(store: Store, at: date, province: str | None = None) -> list[dict[str, Any]]:
    """The municipalities on a day, optionally in one province (name or code)."""
    periods = municipalities_at(_periods(store, at), at, province)
    return [
        {
            "code": p.code,
            "name": p.name,
            "province": p.province_name,
            "province_code": p.province_code,
            "begin": p.begin.isoformat(),
            "end": p.end.isoformat() if p.end else None,
        }
        for p in periods
    ]


def counts_per_year(store: Store, years: Sequence[int] | None = None) -> dict[int, int]:
    periods = _periods(store)
    if years is None:
        with store.session() as s:
            editions = repo.current_data(s, "cbs_edition")
        # Before the first edition the file lists only survivors, after the last it knows nothing:
        # count only the years the imported source covers.
        years = list(editions[0]["years"]) if editions and editions[0]["years"] else []
    return count_by_year(periods, years)


def has_municipalities(store: Store) -> bool:
    with store.session() as s:
        return cbs_store.count_current(s) > 0
