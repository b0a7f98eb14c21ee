"""Salary tables: import one from CSV or Excel into the register, list them, pick the one for a day.

The register's own tables (section ``salary_tables``) come first; a register without any uses the
tables Raadhuis ships (the VNG's published tables, :mod:`raadhuis.reference.salary_tables`), with
their citation. An imported table cites its publication, or says it is illustrative: a table with
neither is refused, because every cost figure from it would look sourced.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.decode import decode_source
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.salary_tables import NAME, decode_table, table_to_dict
from raadhuis.canonical.sections import DecodeContext
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Citation
from raadhuis.domain.salary import SalaryRow, SalaryTable, table_on
from raadhuis.formats.salary import read_salary_file
from raadhuis.reference import salary_tables as ref
from raadhuis.services import sections as sec
from raadhuis.services.register import StoreKnown, write_dataset
from raadhuis.store.database import Store

SHIPPED_SOURCE = "vng-salaristabel-gemeenteambtenaren"


@lru_cache(maxsize=1)
def shipped() -> tuple[SalaryTable, ...]:
    """The tables Raadhuis ships, read by the same reader a user's file goes through."""
    out = []
    for part in read_salary_file(ref.CSV):
        table_id, name, title = ref.TABLES[part.valid_from]
        out.append(
            SalaryTable(
                id=table_id,
                name=name,
                valid_from=FuzzyDate.parse(part.valid_from),
                rows=tuple(SalaryRow(r["scale"], r["step"], r["monthly"]) for r in part.rows),
                citations=(Citation(SHIPPED_SOURCE, quote=title),),
            )
        )
    return tuple(out)


def shipped_source() -> dict[str, Any]:
    return {
        "id": SHIPPED_SOURCE,
        "title": "Salaristabel gemeenteambtenaren (CAR-UWO bijlage IIa), VNG",
        "kind": "document",
        "publisher": ref.PUBLISHER,
        "url": ref.URL,
        "reference": "Artikel 99: BIJLAGE IIa, versies per 1 oktober 2019 en per 1 juli 2020",
    }


def tables(store: Store) -> tuple[list[SalaryTable], bool]:
    """The register's tables, or (when it has none) the shipped ones; and whether they are shipped."""
    own: list[SalaryTable] = sec.items(store, NAME)
    if own:
        return own, False
    return list(shipped()), True


def table_for(store: Store, day: date, table_id: str | None = None) -> tuple[SalaryTable | None, bool]:
    """The table for ``day`` (or the one asked for by id) and whether it is at a later price level."""
    found, _ = tables(store)
    if table_id:
        match = [t for t in found + list(shipped()) if t.id == table_id]
        if not match:
            known = ", ".join(t.id for t in found)
            raise InputErrors(
                [InputError("(table)", None, "table", f"unknown salary table {table_id!r}; known: {known}")]
            )
        return match[0], match[0].valid_from.effective > day
    return table_on(found, day)


def summaries(store: Store) -> dict[str, Any]:
    found, is_shipped = tables(store)
    return {
        "shipped": is_shipped,
        "tables": [
            {
                "id": t.id,
                "name": t.name,
                "valid_from": t.valid_from.text,
                "scales": t.scales(),
                "rows": len(t.rows),
                "charges": t.charges,
                "sources": [c.to_dict() for c in t.citations],
                "assumption": t.assumption,
            }
            for t in found
        ],
        "source": shipped_source() if is_shipped else None,
    }


def import_tables(
    store: Store,
    path: str | Path,
    who: str,
    name: str | None = None,
    source_title: str | None = None,
    source_url: str | None = None,
    illustrative: str | None = None,
    charges: float | None = None,
    data: bytes | None = None,
    file_name: str | None = None,
    dry_run: bool = False,
) -> dict[str, Any]:
    """Read a CSV or Excel salary table and record it (one table per valid-from day): all or nothing."""
    label = file_name or Path(path).name
    parts = read_salary_file(path, data, label)
    if not source_title and not illustrative:
        raise InputErrors(
            [
                InputError(
                    label,
                    None,
                    "(source)",
                    "say where the table comes from (--source with the publication's title) or that it is "
                    "illustrative (--illustrative with the reason)",
                )
            ]
        )
    base = name or Path(label).stem
    raw_source = None
    if source_title:
        raw_source = {"id": _slug(source_title), "title": source_title, "kind": "document"}
        if source_url:
            raw_source["url"] = source_url
    ctx = DecodeContext(None)
    items: list[SalaryTable] = []
    for part in parts:
        raw: dict[str, Any] = {
            "id": _slug(f"{base}-{part.valid_from}"),
            "name": f"{base} per {part.valid_from}",
            "valid_from": part.valid_from,
            "rows": part.rows,
        }
        if charges is not None:
            raw["charges"] = charges
        if raw_source:
            raw["sources"] = [{"source": raw_source["id"]}]
        if illustrative:
            raw["assumption"] = illustrative
        table = decode_table(raw, (NAME, len(items)), ctx)
        if table is not None:
            items.append(table)
    if ctx.errors:
        raise InputErrors([InputError(label, None, ".".join(map(str, p)), m) for p, m in ctx.errors])
    from raadhuis.canonical.check import check_dataset
    from raadhuis.canonical.paths import Errors, path_text

    ds = Dataset(sections={NAME: items})
    if raw_source:
        errs: Errors = []
        ds.sources.append(decode_source(raw_source, ("sources", 0), errs, None))
    with store.write(also=["salary_tables"]) as s:  # shared records: the register's lock for them
        known = StoreKnown(s)
        errors: Errors = []
        check_dataset(ds, errors, known, known)
        if errors:
            raise InputErrors([InputError(label, None, path_text(p), m) for p, m in errors])
        result = write_dataset(s, ds, label, who, f"salaristabel {label}", dry_run, None, known)
    return {
        "file": label,
        "tables": [table_to_dict(t) | {"rows": len(t.rows)} for t in items],
        "changeset": result.changeset,
        "changed": result.changed,
        "dry_run": dry_run,
    }


def _slug(text: str) -> str:
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80] or "salaristabel"
