"""Import a formatieplan (Excel or CSV): plan the events it implies, show them, write them.

The reading is :mod:`raadhuis.formats.excel_sheets`, the planning :mod:`raadhuis.formats.excel_plan`; this use case ties them
to the store, so the web page and the API do exactly what a dry run showed.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from raadhuis.canonical.dataset import Dataset
from raadhuis.domain.events import Event
from raadhuis.domain.model import View
from raadhuis.formats.excel_plan import plan_changes
from raadhuis.formats.excel_sheets import file_source, read_formatieplan, sniff_mapping
from raadhuis.formats.mapping import ColumnMapping
from raadhuis.i18n.formatieplan import describe
from raadhuis.services import register
from raadhuis.store.database import Store


def default_ids(path: str | Path, at: date) -> tuple[str, str]:
    """The id prefix of the events and the id of the source that a sheet gets unless the user
    chooses others — the same through every door, so the same sheet gives the same ids."""
    stem = Path(path).stem
    return f"xl-{stem}-{at.isoformat()}", f"bron-{stem}-{at.isoformat()}"


def plan(
    store: Store,
    organisation: str,
    path: str | Path,
    at: date,
    id_prefix: str | None = None,
    source_id: str | None = None,
    complete: bool = False,
    lang: str = "nl",
    mapping: ColumnMapping | None = None,
) -> dict[str, Any]:
    """What the sheet would change on ``at``: the events, in words, and the column mapping used
    (a saved mapping, or one guessed from the headers).
    Raises InputErrors (sheet, row, column) for an unreadable sheet."""
    prefix_default, source_default = default_ids(path, at)
    id_prefix, source_id = id_prefix or prefix_default, source_id or source_default
    mapping = mapping or sniff_mapping(path)
    rows = read_formatieplan(path, mapping)
    snap = register.snapshot(store, organisation, at, View.ACTUAL)
    events = plan_changes(
        rows, snap, at, snap.organisation, id_prefix, source_id, complete=complete, duplicates=mapping.duplicates
    )
    return {
        "organisation": snap.organisation,
        "at": at.isoformat(),
        "mapping": asdict(mapping),
        "rows": len(rows),
        "events": events,
        "sentences": describe(events, lang, snap),
    }


def commit(
    store: Store,
    organisation: str,
    path: str | Path,
    at: date,
    id_prefix: str | None,
    source_id: str | None,
    who: str,
    reason: str,
    complete: bool = False,
    title: str | None = None,
    dry_run: bool = False,
    mapping: ColumnMapping | None = None,
) -> register.ImportResult:
    """Write the planned events, citing the sheet itself as their source."""
    prefix_default, source_default = default_ids(path, at)
    id_prefix, source_id = id_prefix or prefix_default, source_id or source_default
    planned = plan(store, organisation, path, at, id_prefix, source_id, complete, mapping=mapping)
    events: list[Event] = planned["events"]
    extra = Dataset(sources=[file_source(path, source_id, title, at)])
    return register.write_events(
        store,
        planned["organisation"],
        events,
        who,
        reason,
        origin=f"excel:{Path(path).name}",
        dry_run=dry_run,
        extra=extra,
    )
