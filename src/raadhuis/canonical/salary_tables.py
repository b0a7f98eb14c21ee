"""The section ``salary_tables``: monthly amounts per scale and step, valid from a day.

One table is one record (kind ``salary_table``, shared: a table such as the Cao Gemeenten one
holds for every municipality). Checks: the rules of :func:`raadhuis.domain.salary.problems`
(a row once, amounts above 0, steps from 0, a charges percentage in range) and the sources cited.
A table without a citation must say it is an assumption (an illustrative table): every cost
figure computed from it then carries that mark.
"""

from __future__ import annotations

from typing import Any

from raadhuis.canonical.evidence import amount, amount_out, proof, proof_out, when
from raadhuis.canonical.paths import Path
from raadhuis.canonical.programmes import check_sources
from raadhuis.canonical.sections import CheckContext, DecodeContext, Section, register
from raadhuis.canonical.values import assumption
from raadhuis.domain import salary as dom
from raadhuis.domain.salary import SalaryRow, SalaryTable, parse_scale

NAME = "salary_tables"
KIND = "salary_table"


def decode_table(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> SalaryTable | None:
    valid = when(raw, "valid_from", path, ctx)
    if valid is None:
        if raw.get("valid_from") is None:
            ctx.error(path + ("valid_from",), "expected the day the table is valid from")
        return None
    rows = []
    for j, r in enumerate(raw.get("rows", []) or []):
        here = path + ("rows", j)
        parsed = parse_scale(str(r.get("scale", "")))
        if parsed is None or parsed[1] is not None:
            ctx.error(here + ("scale",), f"expected a salary scale such as 8, 10A or 11, got {r.get('scale')!r}")
            continue
        monthly = amount(r.get("monthly"), here + ("monthly",), ctx)
        if monthly is None:
            continue
        rows.append(SalaryRow(parsed[0], int(r.get("step", 0)), monthly))
    charges = raw.get("charges")
    return SalaryTable(
        id=str(raw["id"]),
        name=str(raw["name"]),
        valid_from=valid,
        rows=tuple(rows),
        currency=str(raw.get("currency", "EUR")),
        charges=amount(charges, path + ("charges",), ctx) if charges is not None else None,
        charges_assumption=assumption({"assumption": raw.get("charges_assumption", False)}),
        **proof(raw),
    )


def table_to_dict(t: SalaryTable) -> dict[str, Any]:
    out: dict[str, Any] = {"id": t.id, "name": t.name, "valid_from": t.valid_from.text}
    if t.currency != "EUR":
        out["currency"] = t.currency
    if t.charges is not None:
        out["charges"] = amount_out(t.charges)
    if t.charges_assumption:
        out["charges_assumption"] = t.charges_assumption
    out["rows"] = [{"scale": r.scale, "step": r.step, "monthly": amount_out(r.monthly)} for r in t.rows]
    return out | proof_out(t)


def _check(items: list[SalaryTable], ctx: CheckContext) -> None:
    sources = ctx.source_ids()
    seen: dict[str, int] = {}
    for i, t in enumerate(items):
        path: Path = (NAME, i)
        if t.id in seen:
            ctx.error(path + ("id",), f"salary table {t.id!r} is given twice (also at salary_tables[{seen[t.id]}])")
        seen.setdefault(t.id, i)
        for where, message in dom.problems(t):
            ctx.error(path + where, message)
        if not t.citations and not t.assumption:
            ctx.error(
                path + ("sources",),
                "expected the publication the table comes from (sources), or 'assumption' saying it is illustrative",
            )
        check_sources(table_to_dict(t), path, sources, ctx)


SALARY_TABLES = register(
    Section(
        name=NAME,
        kind=KIND,
        decode=decode_table,
        encode=table_to_dict,
        key=lambda t: t.id,
        owner=lambda t: None,
        check=_check,
        description="Salary tables: monthly amounts per scale and step, valid from a day (personnel cost of scenarios).",
    )
)
