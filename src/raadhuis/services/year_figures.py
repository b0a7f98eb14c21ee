"""The BBV year figures of an organisation (the dataset's ``extensions.figures``: one entry per
organisation and year; see docs/dataset-format.md) recorded from a form: :func:`propose` reads the
fields (numbers as people type them, '14.000.000' or '160,5'), checks them as an import checks
them and says what changes; :func:`save` writes the organisation's figures through Store.write
(register.write_dataset), with who and why. Problems come back as InputErrors naming the field.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.paths import path_text
from raadhuis.canonical.records import merge_extensions
from raadhuis.formats import figures as figfmt
from raadhuis.i18n import t
from raadhuis.services import register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

ORIGIN = "web"
SECTION = "figures"
# The fields of the form, in its order: whole inhabitants, then FTE, then amounts in euros.
FTE_FIELDS = ("formatie_fte", "bezetting_fte")
MONEY_FIELDS = ("apparaatskosten", "wage_bill", "external_hire", "overhead", "total_expenses")
FIELDS = ("inhabitants", *FTE_FIELDS, *MONEY_FIELDS)


def current(store: Store, organisation: str) -> list[dict[str, Any]]:
    """The organisation's year figures as stored, by year."""
    with store.session() as s:
        return _entries(s, register.resolve_organisation(s, organisation).id)


def _entries(s: Any, org: str) -> list[dict[str, Any]]:
    records = [r for r in repo.current_records(s, "extension", org) if r.key == SECTION]
    entries = merge_extensions(records).get(SECTION) or []
    mine = [dict(e) for e in entries if isinstance(e, dict) and e.get("organisation") == org]
    return sorted(mine, key=lambda e: int(e["year"]) if isinstance(e.get("year"), int) else 0)


@dataclass
class Proposal:
    organisation: str
    year: int
    entry: dict[str, Any]  # the year's new entry
    before: dict[str, Any] | None  # the year's entry as stored, if any
    entries: list[dict[str, Any]]  # every year of the organisation after the change
    rows: list[dict[str, Any]] = field(default_factory=list)  # field, before, after, changed
    digest: str = ""  # of the new figures and the stored ones they replace: what the preview showed
    entry_digest: str = ""  # of the new figures alone: whether the reader changed the form since


def _number(text: str, whole: bool) -> float | int | None:
    plain = text.replace(" ", "").replace("€", "")
    if whole or re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", plain):
        plain = plain.replace(".", "")  # 22.500 inhabitants, 14.000.000 euros
    plain = plain.replace(",", ".")
    try:
        value = float(plain)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if whole:
        return int(value) if value.is_integer() else None
    return int(value) if value.is_integer() else value


def propose(store: Store, organisation: str, form: Mapping[str, Any], lang: str = "nl") -> Proposal:
    """The year's figures the form asks for, checked; writes nothing."""
    with store.session() as s:
        org = register.resolve_organisation(s, organisation).id
        sources = {x["id"]: x for x in repo.current_data(s, "source")}
    errors: list[InputError] = []

    def error(fld: str, key: str, **values: object) -> None:
        errors.append(InputError(ORIGIN, None, fld, t(key, lang, **values)))

    def text(key: str) -> str:
        value = form.get(key)
        return " ".join(value.split()) if isinstance(value, str) else ""

    year_text = text("year")
    year = 0
    if not year_text:
        error("year", "chg.err.required")
    elif not re.fullmatch(r"\d{4}", year_text) or not figfmt.MIN_YEAR <= int(year_text) <= figfmt.MAX_YEAR:
        error("year", "fig.err.year", value=year_text)
    else:
        year = int(year_text)
    entry: dict[str, Any] = {"organisation": org, "year": year}
    for key in FIELDS:
        value_text = text(key)
        if not value_text:
            continue
        value = _number(value_text, key == "inhabitants")
        if value is None or value < 0:
            error(key, "fig.err.whole" if key == "inhabitants" else "chg.err.number", value=value_text)
            continue
        entry[key] = value
    if not any(k in entry for k in FIELDS):
        error("inhabitants", "fig.err.something")
    picked = text("source")
    if picked:
        found = [
            sid
            for sid, x in sources.items()
            if sid == picked or str(x.get("title") or "").casefold() == picked.casefold()
        ]
        if len(found) != 1:
            error("source", "chg.err.no_source", name=picked)
        else:
            citation: dict[str, Any] = {"source": found[0]}
            if text("page"):
                citation["page"] = text("page")
            entry["sources"] = [citation]
    if text("assumption"):
        entry["assumption"] = text("assumption")
    if errors:
        raise InputErrors(errors)
    stored = current(store, org)
    before = next((e for e in stored if e.get("year") == year), None)
    entries = sorted([e for e in stored if e.get("year") != year] + [entry], key=lambda e: int(e.get("year") or 0))
    problems = figfmt.check_figures(entries, ("extensions", SECTION))
    if problems:
        raise InputErrors([InputError(ORIGIN, None, _field_of(path_text(p)), m) for p, m in problems])
    rows = []
    for key in FIELDS:
        old, new = (before or {}).get(key), entry.get(key)
        if old is None and new is None:
            continue
        rows.append({"field": key, "before": old, "after": new, "changed": old != new})
    out = Proposal(org, year, entry, before, entries, rows)
    out.digest = _digest(entry, before)
    out.entry_digest = _digest(entry, None)
    return out


def _digest(entry: dict[str, Any], before: dict[str, Any] | None) -> str:
    # What was shown: the new figures and the stored ones they replace. Someone else's save of
    # the same year in between makes another digest, so the form shows the difference again
    # instead of overwriting what it never showed (nothing is lost).
    shown = json.dumps({"entry": entry, "before": before}, sort_keys=True)
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:24]


def _field_of(path: str) -> str:
    tail = path.split(".")[-1].split("[")[0]
    return tail if tail in (*FIELDS, "year", "sources", "assumption") else "year"


def save(store: Store, proposal: Proposal, who: str, reason: str, lang: str = "nl") -> register.ImportResult:
    """Write the organisation's year figures (the one year changed) through Store.write, with who and why."""
    if not reason.strip():
        raise InputErrors([InputError(ORIGIN, None, "reason", t("chg.err.reason", "en"))])
    org = proposal.organisation
    with store.write([org]) as s:
        # The other years as they are now, under the write lock: a save of another year since
        # the preview stays (the proposal's copy of them may be older).
        stored = _entries(s, org)
        if (
            _digest(proposal.entry, next((e for e in stored if e.get("year") == proposal.year), None))
            != proposal.digest
        ):
            raise InputErrors([InputError(ORIGIN, None, "year", t("fig.err.changed", lang, year=proposal.year))])
        entries = sorted(
            [e for e in stored if e.get("year") != proposal.year] + [proposal.entry],
            key=lambda e: int(e.get("year") or 0),
        )
        ds = Dataset(extensions={SECTION: [dict(e) for e in entries]}, default_organisation=org)
        known = register.StoreKnown(s)
        errors: list[tuple[tuple[str | int, ...], str]] = []
        from raadhuis.canonical.check import check_dataset

        check_dataset(ds, errors, known, known)
        if errors:
            raise InputErrors([InputError(ORIGIN, None, _field_of(path_text(p)), m) for p, m in errors])
        return register.write_dataset(s, ds, ORIGIN, who, reason.strip(), False, None, known)
