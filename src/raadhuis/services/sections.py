"""Reading and writing the items of a registered section (studies, programmes, …; see canonical/sections.py).

The section services (services/studies.py and the like) answer their questions with
:func:`items`, and record a change — a new follow-up status, a progress reading, a score — with
:func:`write_items`: the same checks as a dataset import, a new version only of what changed,
attributed (who, when, why), nothing written when a check fails, nothing recorded when nothing
changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from raadhuis.canonical.check import check_dataset
from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.paths import Errors, path_text
from raadhuis.canonical.sections import SECTIONS, DecodeContext, organisations_of
from raadhuis.domain.model import Source
from raadhuis.services.concurrency import EditConflict
from raadhuis.services.register import ImportResult, StoreKnown, write_dataset
from raadhuis.store import repository as repo
from raadhuis.store.database import Store


def items(store: Store, name: str, organisation: str | None = None, known_at: datetime | None = None) -> list[Any]:
    """The current items of section ``name`` (or as the register knew them at ``known_at``);
    with ``organisation``: those it owns or that concern it."""
    section = SECTIONS[name]
    with store.session() as s:
        records = repo.current_records(s, section.kind, None, known_at)
    ctx = DecodeContext(None)
    out = []
    for r in records:
        item = section.decode(r.data, (name,), ctx)
        if item is None:
            continue
        if organisation is None or organisation == section.owner(item) or organisation in section.concerns(item):
            out.append(item)
    if ctx.errors:
        raise InputErrors([InputError("<store>", None, path_text(p), m) for p, m in ctx.errors])
    return out


class RecordConflict(EditConflict):
    """Someone recorded a newer version of the item since the one this change was made on
    (answered like an edit conflict: 409, who changed it, when and why); nothing was written."""

    def __init__(
        self, origin: str, name: str, org: str, key: str, seen: int | None, found: int | None, newer: list[Any]
    ) -> None:
        message = (
            f"{name} item {key!r} changed since version {seen} (now {found}); look at the change again before saving"
        )
        InputErrors.__init__(self, [InputError(origin, None, "version", message)])
        self.organisation, self.seen, self.units = org, seen or 0, [key]
        self.changes = [
            {
                "version": h["version"],
                "recorded_by": h["recorded_by"],
                "recorded_at": h["recorded_at"],
                "reason": h["reason"],
                "units": [key],
            }
            for h in newer
        ] or [{"version": found, "recorded_by": "?", "recorded_at": "", "reason": "", "units": [key]}]


def write_items(
    store: Store,
    name: str,
    new_items: Iterable[Any],
    who: str | None,
    reason: str,
    origin: str,
    dry_run: bool = False,
    expected: Mapping[tuple[str, str], int | None] | None = None,
    sources: Iterable[Source] = (),
) -> ImportResult:
    """Record new or changed items of section ``name``, checked as an import checks them.

    ``expected`` maps (organisation, key) to the version the change was made on (None: the item
    is new): when the stored version differs — someone else recorded a change in between —
    nothing is written and the error says so (a form's preview, then its save). ``sources`` are new
    sources the items cite (a form may name one), written in the same changeset."""
    section = SECTIONS[name]
    new_items = list(new_items)
    concerned = sorted({org for item in new_items for org in organisations_of(section, item)})
    with store.write(concerned) as s:
        for (org, key), version in (expected or {}).items():
            found = repo.current_version(s, section.kind, org, key, lock=True)
            if found != version:
                newer = [h for h in repo.record_history(s, section.kind, org, key) if h["version"] > (version or 0)]
                raise RecordConflict(origin, name, org, key, version, found, newer)
        ds = Dataset(sources=list(sources), sections={name: new_items})
        known = StoreKnown(s)
        errors: Errors = []
        check_dataset(ds, errors, known, known)
        if errors:
            raise InputErrors([InputError(origin, None, path_text(p), m) for p, m in errors])
        return write_dataset(s, ds, origin, who, reason, dry_run, None, known)
