"""The record codec: a dataset as the records the store keeps, and back.

A record is (kind, organisation, key, data) where ``data`` is the canonical dict of one item:
exactly what ``export`` writes and ``import`` reads, so a stored record, an exported item and an
imported one compare equal when nothing changed — and importing an export records nothing.
An event's position (its place among the same-day events of one phase, see domain/order.py) is
not part of its data: the store keeps it beside the record (``record.position``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from raadhuis.canonical.dataset import FORMAT, Dataset
from raadhuis.canonical.decode import decode_dataset, event_from_dict
from raadhuis.canonical.encode import dataset_to_dict
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.paths import Errors, path_text
from raadhuis.canonical.sections import SECTIONS, by_kind, organisations_of
from raadhuis.domain.order import ordered
from raadhuis.domain.transfers import together, transfer_pairs

# The kinds of the core records, and the dataset section each comes from.
CORE_KINDS = {
    "organisation": "organisations",
    "source": "sources",
    "decision": "decisions",
    "cooperation": "cooperations",
}

RecordItem = tuple[str, str, dict[str, Any]]  # (organisation or "", key, data)


@dataclass(frozen=True)
class Stored:
    """One current record as the store gives it back."""

    organisation: str
    key: str
    data: dict[str, Any]
    position: int = 0


def record_dicts(ds: Dataset) -> dict[str, list[RecordItem]]:
    """The dataset as records for the store: kind → [(organisation, key, data)]."""
    full = dataset_to_dict(ds)
    out: dict[str, list[RecordItem]] = {
        kind: [("", item["id"], item) for item in full.get(section, [])] for kind, section in CORE_KINDS.items()
    }
    out["event"] = [(ev.organisation, ev.id, data) for ev, data in zip(ds.events, full["events"], strict=True)]
    out["extension"] = extension_records(full.get("extensions", {}), ds.default_organisation)
    for name, section in SECTIONS.items():
        items = ds.sections.get(name, [])
        out[section.kind] = [
            (section.owner(item) or "", section.key(item), data)
            for item, data in zip(items, full.get(name, []), strict=True)
        ]
    return out


def event_positions(ds: Dataset) -> dict[tuple[str, str], int]:
    """(organisation, event id) → the event's position as given (the door's order)."""
    return {(e.organisation, e.id): e.seq for e in ds.events}


def dataset_from_records(records: dict[str, list[Stored]]) -> Dataset:
    """Inverse of :func:`record_dicts`: rebuild a Dataset from stored canonical data."""
    data: dict[str, Any] = {"format": FORMAT}
    for kind, section in CORE_KINDS.items():
        if records.get(kind):
            data[section] = [r.data for r in records[kind]]
    for name, sec in SECTIONS.items():
        if records.get(sec.kind):
            data[name] = [r.data for r in records[sec.kind]]
    errors: Errors = []
    ds = decode_dataset(data, errors)
    if errors:
        raise InputErrors([InputError("<store>", None, path_text(p), m) for p, m in errors])
    ds.events = ordered(event_from_dict(r.data, r.position) for r in records.get("event", []))
    ds.extensions = merge_extensions(records.get("extension", []))
    return ds


def extension_records(extensions: dict[str, Any], default_org: str | None) -> list[RecordItem]:
    """Extension sections as records, one per section and organisation: a list section's
    items go to the organisation they name (or the dataset's), so a second dataset with
    its own ``figures`` adds to — and does not replace — another organisation's. An item keeps
    the organisation it went to, so it goes back to the same one from any export."""
    out: list[RecordItem] = []
    for name, value in extensions.items():
        if isinstance(value, list):
            groups: dict[str, list[Any]] = {}
            for item in value:
                org = str((item.get("organisation") if isinstance(item, dict) else None) or default_org or "")
                if org and isinstance(item, dict) and "organisation" not in item:
                    item = {"organisation": org, **item}
                groups.setdefault(org, []).append(item)
            out.extend((org, name, {"value": items}) for org, items in groups.items())
        else:
            out.append((default_org or "", name, {"value": value}))
    return out


def merge_extensions(records: Iterable[Stored]) -> dict[str, Any]:
    """Stored extension records back into sections: lists are joined."""
    out: dict[str, Any] = {}
    for r in records:
        key, value = r.key, r.data["value"]
        if key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def cited_sources(data: Any) -> set[str]:
    """Every source id a canonical dict cites, at any depth (``sources: [id | {source: id}]``)."""
    found: set[str] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "sources" and isinstance(inner, list):
                    for c in inner:
                        if isinstance(c, str):
                            found.add(c)
                        elif isinstance(c, dict) and isinstance(c.get("source"), str):
                            found.add(c["source"])
                            stack.append(c)
                else:
                    stack.append(inner)
        elif isinstance(value, list):
            stack.extend(value)
    return found


def restrict(ds: Dataset, org: str) -> Dataset:
    """One organisation's dataset: itself and its events (with those of the organisations joined to
    it by transfers), the cooperations it takes part in and their partners, the decisions and
    sources it has or cites or that were recorded for it, the section items about it. Extensions are kept as given (the caller reads the organisation's own)."""
    coops = [c for c in ds.cooperations if any(p.organisation == org for p in c.participants)]
    # With the events of the organisations it transfers units to or receives them from: the engine
    # replays them together, so its history needs theirs (domain/transfers.py).
    joined = together({org}, transfer_pairs(ds.events), ds.organisation_ids())
    events = [e for e in ds.events if e.organisation in joined]
    sections = {
        name: [i for i in items if org in organisations_of(SECTIONS[name], i)]
        for name, items in ds.sections.items()
        if SECTIONS[name].parent is None
    }
    # Items that belong to another item (an assessment to its trajectory) go where their parent goes.
    kept = {"cooperations": {c.id for c in coops}}
    kept |= {name: {SECTIONS[name].key(i) for i in items} for name, items in sections.items()}
    for name, items in ds.sections.items():
        parent = SECTIONS[name].parent
        if parent is not None:
            sections[name] = [
                i
                for i in items
                if parent[1](i) in kept.get(parent[0], set()) or org in organisations_of(SECTIONS[name], i)
            ]
    sections = {k: v for k, v in sections.items() if v}
    partner_ids = joined | {p.organisation for c in coops for p in c.participants}
    partner_ids |= {e.other_organisation for e in events if e.other_organisation}
    for name, items in sections.items():
        for item in items:
            partner_ids |= organisations_of(SECTIONS[name], item)
    event_decisions = {e.decision for e in events if e.decision}
    decisions = [d for d in ds.decisions if d.organisation == org or d.id in event_decisions]
    orgs = [o for o in ds.organisations if o.id in partner_ids]
    part = Dataset(orgs, [], decisions, coops, events, {}, sections, ds.description, org)
    cited = cited_sources(dataset_to_dict(part))
    part.sources = [s for s in ds.sources if s.id in cited or s.organisation == org]
    part.extensions = dict(ds.extensions)
    return part


def section_of_kind(kind: str) -> str | None:
    """The dataset section name of a record kind, for core and registered kinds."""
    if kind in CORE_KINDS:
        return CORE_KINDS[kind]
    section = by_kind(kind)
    return section.name if section else None
