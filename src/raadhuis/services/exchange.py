"""Exchange formats in and out: dataset (YAML/JSON), W3C ORG (JSON-LD/Turtle), Excel/CSV."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.model import View
from raadhuis.formats import kinds
from raadhuis.formats.dataset import dump_dataset
from raadhuis.formats.text import read_text
from raadhuis.i18n import t
from raadhuis.services import register
from raadhuis.store.database import Store

TEXT_FORMATS = ("yaml", "json", "jsonld", "turtle")
FILE_FORMATS = ("xlsx", "csv")
RDF_SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld"}


def export_text(
    store: Store, organisation: str | None, kind: str, at: date | None = None, known_at: datetime | None = None
) -> str:
    """The organisation (or everything) as text: the canonical dataset, or W3C ORG with
    its full history (or as of ``at``)."""
    ds = register.export_dataset(store, organisation, known_at)
    if kind in ("jsonld", "turtle"):
        from raadhuis.formats.w3c_org import dataset_to_graph, to_jsonld, to_turtle

        if organisation is None:
            raise InputErrors(
                [
                    InputError(
                        "<export>", None, "organisation", "W3C ORG export needs one organisation (CBS code or slug)"
                    )
                ]
            )
        graph = dataset_to_graph(ds, _org_id(store, organisation), at)
        return to_jsonld(graph) if kind == "jsonld" else to_turtle(graph)
    return dump_dataset(ds, "json" if kind == "json" else "yaml")


def _org_id(store: Store, organisation: str) -> str:
    with store.session() as s:
        return register.resolve_organisation(s, organisation).id


def export_file(
    store: Store, organisation: str, kind: str, output: Path, at: date, view: View = View.ACTUAL, lang: str = "nl"
) -> list[Path]:
    """The organisation on a day as an Excel workbook or CSV files (no cell runs a formula)."""
    from raadhuis.formats.excel_export import export_csv, export_workbook

    snap = register.snapshot(store, organisation, at, view)
    coops = [c for c in register.export_dataset(store, snap.organisation).cooperations if c.in_force(at, view)]
    if kind == "xlsx":
        return [export_workbook(snap, output, coops, lang)]
    output.mkdir(parents=True, exist_ok=True)
    return export_csv(snap, output, coops, lang)


class FileKindError(InputErrors):
    """A file of another kind than the command reads (a workbook given to ``import``);
    ``kind`` names it (:mod:`raadhuis.formats.kinds`), so a door can name the right command."""

    def __init__(self, file: str, kind: str, reads: str) -> None:
        # English, like every check; i18n/errors.py has it in Dutch.
        super().__init__([InputError(file, None, "(file)", f"this is {t('kind.' + kind, 'en')}, not {reads}")])
        self.file = file
        self.kind = kind


DATASET_READS = t("expected.dataset", "en")


def input_kind(path: Path) -> str:
    """How ``import`` reads ``path``: ``dataset``, ``turtle`` or ``jsonld`` (by content first,
    so a JSON-LD file named .json is read as JSON-LD); any other kind is refused, naming it."""
    try:
        kind = kinds.kind_of(path)
    except OSError as exc:
        raise InputErrors(
            [InputError(str(path), None, "(file)", f"cannot read the file: {kinds.os_problem(exc)}")]
        ) from None
    if kind in (kinds.DATASET, kinds.JSON):
        return "dataset"
    if kind in (kinds.TURTLE, kinds.JSONLD):
        return kind
    raise FileKindError(str(path), kind, DATASET_READS)


def import_file(
    store: Store, path: Path, who: str | None = None, reason: str = "", dry_run: bool = False, progress: Any = None
) -> register.ImportResult:
    """Import a dataset file (YAML/JSON) or a W3C ORG file (Turtle/JSON-LD) made by Raadhuis;
    a file of another kind is refused with its kind named (:class:`FileKindError`)."""
    kind = input_kind(path)
    rdf = None if kind == "dataset" else kind
    if rdf is None:
        return register.import_dataset(store, path, who=who, reason=reason, dry_run=dry_run, progress=progress)
    from raadhuis.formats.w3c_org import from_text, graph_to_data

    text = read_text(path)
    data = graph_to_data(from_text(text, rdf, str(path)), str(path))
    # Through the dataset form, so the RDF import gets exactly the checks a dataset gets.
    as_yaml = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    inner = str(path) + ".yaml"
    try:
        return register.import_dataset(
            store,
            inner,
            who=who,
            reason=reason or f"import {path.name}",
            dry_run=dry_run,
            progress=progress,
            text=as_yaml,
        )
    except InputErrors as exc:  # name the file the user gave, and the item by its id, not a line of our YAML
        raise InputErrors([_in_graph(e, inner, str(path), data) for e in exc.errors]) from None


def _in_graph(error: InputError, inner: str, file: str, data: dict[str, Any]) -> InputError:
    """An error found in the dataset form of a graph, placed in the graph: the file as given, no
    line (the graph has none of ours), and the item's id next to its place (``events[28]`` is the
    29th event in ``rdh:order``)."""
    if error.file != inner:
        return error
    field = error.field
    match = re.match(r"(\w+)\[(\d+)\]", field)
    if match:
        items = data.get(match.group(1))
        index = int(match.group(2))
        if isinstance(items, list) and index < len(items) and isinstance(items[index], dict) and items[index].get("id"):
            field = f"{field} (id {items[index]['id']!r})"
    return replace(error, file=file, line=None, field=field)
