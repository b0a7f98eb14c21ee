"""Templates that come with the product: a starting dataset and a formatieplan to fill in.

Both are accepted as they are: ``raadhuis validate`` and ``raadhuis import`` take the dataset
without a change, ``raadhuis import-excel`` the formatieplan (after the dataset, or for an
organisation in the register: then it holds that organisation's formatie on the day, and
reading it back changes nothing until a cell is changed).
"""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from pathlib import Path
from string import Template

from raadhuis.domain.model import Snapshot, View
from raadhuis.i18n import t
from raadhuis.store.database import Store

DEFAULT_ORG = "mijn-gemeente"
DEFAULT_FILE = {"nl": "mijn-organisatie.yaml", "en": "my-organisation.yaml"}
_ID = re.compile(r"^[^:/\s][^:/]{0,199}$")


def default_name(lang: str) -> str:
    return t("template.default_name", lang)


def dataset_text(
    org: str = DEFAULT_ORG, name: str | None = None, day: date | None = None, file: str | None = None, lang: str = "nl"
) -> str:
    """The starting dataset as YAML text with explanations in ``lang``: an organisation, a source,
    a decision, four units and five posts with staffing, all from ``day``."""
    if not _ID.match(org):
        from raadhuis.canonical.errors import InputError, InputErrors

        raise InputErrors([InputError("<template>", None, "org", f"expected an id without ':' or '/', got {org!r}")])
    name = name or default_name(lang)
    day = day or date(date.today().year, 1, 1)
    text = resources.files("raadhuis").joinpath("templates", f"dataset.{'en' if lang == 'en' else 'nl'}.yaml")
    return Template(text.read_text("utf-8")).substitute(
        org=org,
        name=json.dumps(name, ensure_ascii=False),  # a quoted YAML string, whatever the name holds
        plain_name=name.replace("\n", " "),
        title=json.dumps(t("template.source_title", lang, name=name), ensure_ascii=False),
        day=day.isoformat(),
        file=file or DEFAULT_FILE.get(lang, DEFAULT_FILE["nl"]),
        description=json.dumps(t("template.description", lang, name=name), ensure_ascii=False),
    )


def formatieplan(
    output: Path, store: Store | None = None, org: str | None = None, day: date | None = None, lang: str = "nl"
) -> Path:
    """A formatieplan workbook (.xlsx) that ``import-excel`` reads: first the sheet to fill in,
    one row per staffing line (the formatie on a post's first line), then the units for
    reference and an explanation. It holds the organisation's posts on ``day`` when ``org`` is
    in the register, otherwise those of the starting dataset, so the two templates go together."""
    day = day or date(date.today().year, 1, 1)
    if org is not None and store is not None:
        from raadhuis.services import register

        snap = register.snapshot(store, org, day, View.ACTUAL)
    else:
        from raadhuis.domain.engine import replay
        from raadhuis.formats.dataset import load_dataset

        ds = load_dataset(dataset_text(DEFAULT_ORG, None, day, None, lang), "<template>")
        snap = replay(ds.events, DEFAULT_ORG, day, View.ACTUAL, {DEFAULT_ORG})
    return _write_formatieplan(snap, output, day, lang)


def _write_formatieplan(snap: Snapshot, output: Path, day: date, lang: str) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from raadhuis.formats.excel_export import safe_text, tables

    units, _posts, staffing, *_ = tables(snap, (), lang)
    wb = openpyxl.Workbook()
    bold = Font(bold=True)
    first = wb.active
    first.title = t("template.sheet", lang)
    for ws, table in ((first, staffing), (wb.create_sheet(units.name), units)):
        for c, header in enumerate(table.headers, start=1):
            ws.cell(1, c, header).font = bold
            ws.column_dimensions[get_column_letter(c)].width = max(12, min(40, len(header) + 4))
        for r, row in enumerate(table.rows, start=2):
            for c, value in enumerate(row, start=1):
                ws.cell(r, c, safe_text(value) if isinstance(value, str) else value)
        ws.freeze_panes = "A2"
    notes = wb.create_sheet(t("template.notes_sheet", lang))
    lines = t("template.notes", lang, org=snap.organisation, day=day.isoformat(), sheet=first.title).split("\n")
    for r, line in enumerate(lines, start=1):
        cell = notes.cell(r, 1, safe_text(line))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if r == 1:
            cell.font = bold
    notes.column_dimensions["A"].width = 110
    wb.save(output)
    return output
