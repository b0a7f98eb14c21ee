"""The one encoder: domain objects into their canonical dicts — what the record log stores, what
``export`` writes and what ``import`` reads back. No internal field ever appears in it."""

from __future__ import annotations

from typing import Any

from raadhuis.canonical.dataset import FORMAT, Dataset
from raadhuis.canonical.sections import SECTIONS
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Citation, Cooperation, Decision, Organisation, Post, Source, Staffing, Status, Unit


def _evidence_out(
    status: Status, decision: str | None, citations: tuple[Citation, ...], assumption: bool | str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if status is not Status.REALISED:
        out["status"] = status._value_
    if decision:
        out["decision"] = decision
    if citations:
        out["sources"] = [c.to_dict() for c in citations]
    if assumption:
        out["assumption"] = assumption
    return out


def unit_to_dict(unit: Unit) -> dict[str, Any]:
    out: dict[str, Any] = {"id": unit.id, "name": unit.name, "kind": unit.kind}
    if unit.parent is not None:
        out["parent"] = unit.parent
    if unit.abbreviation:
        out["abbreviation"] = unit.abbreviation
    if unit.temporary:
        out["temporary"] = True
    if unit.expected_end:
        out["expected_end"] = unit.expected_end
    if unit.functional:
        out["functional"] = list(unit.functional)
    if unit.task_fields:
        out["task_fields"] = [{"code": t.code, "share": t.share} for t in unit.task_fields]
    return out


def post_to_dict(post: Post) -> dict[str, Any]:
    out: dict[str, Any] = {"id": post.id, "unit": post.unit, "title": post.title, "fte": post.fte}
    if post.scale is not None:
        out["scale"] = post.scale
    if post.roles:
        out["roles"] = list(post.roles)
    if post.staffing:
        out["staffing"] = [_staffing_dict(s) for s in post.staffing]
    if post.reports_to:
        out["reports_to"] = post.reports_to
    return out


def _staffing_dict(s: Staffing) -> dict[str, Any]:
    # Staffing.to_dict without its getattr loop and Enum.value property (the hot path of a write).
    out: dict[str, Any] = {"kind": s.kind._value_, "fte": s.fte}
    if s.person is not None:
        out["person"] = s.person
    if s.organisation is not None:
        out["organisation"] = s.organisation
    if s.cost is not None:
        out["cost"] = s.cost
    return out


def event_to_dict(ev: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ev.id, "type": ev.type._value_, "date": ev.date.text, "organisation": ev.organisation}
    if ev.title:
        out["title"] = ev.title
    if ev.description:
        out["description"] = ev.description
    t = ev.type
    if t in (EventType.ESTABLISH, EventType.TRANSFER_IN) and ev.new_unit is not None:
        out["unit"] = unit_to_dict(ev.new_unit)
    elif ev.unit is not None:
        out["unit"] = ev.unit
    if t is EventType.RENAME:
        out["name"] = ev.changes["name"]
        if ev.changes.get("abbreviation"):
            out["set"] = {"abbreviation": ev.changes["abbreviation"]}
    elif t is EventType.MOVE:
        out["parent"] = ev.target
    elif t is EventType.CONVERT and ev.target:
        out["into"] = {"id": ev.target, **_plain_changes(ev.changes)}
    elif t in (EventType.CHANGE, EventType.CONVERT):
        if ev.changes:
            out["set"] = _plain_changes(ev.changes)
    elif t is EventType.CHANGE_POST:
        out["set"] = _plain_changes(ev.changes)
    if t is EventType.MERGE and ev.new_unit is not None:
        out["units"] = list(ev.units)
        out["into"] = unit_to_dict(ev.new_unit)
    elif t in (EventType.ABSORB, EventType.BUNDLE):
        if ev.units:
            out["units"] = list(ev.units)
        out["into"] = ev.target
    elif t is EventType.SPLIT:
        out["into"] = [
            dict(
                unit_to_dict(u),
                **({"posts": list(ev.allocation[u.id])} if u.id in ev.allocation else {}),
                **({"units": list(ev.sub_units[u.id])} if u.id in ev.sub_units else {}),
            )
            for u in ev.new_units
        ]
    if t is EventType.BUNDLE:
        if ev.posts:
            out["posts"] = list(ev.posts)
        if ev.function:
            out["function"] = ev.function
    if t is EventType.TRANSFER_OUT:
        out["to"] = ev.other_organisation
        if ev.target:
            out["parent"] = ev.target
    if t is EventType.TRANSFER_IN:
        out["from"] = ev.other_organisation
    if t in (EventType.TRANSFER_OUT, EventType.TRANSFER_IN) and ev.other_unit:
        out["other_unit"] = ev.other_unit
    if t is EventType.ADD_POST and ev.post is not None:
        out["post"] = post_to_dict(ev.post)
    elif t in (EventType.CHANGE_POST, EventType.REMOVE_POST, EventType.MOVE_POST):
        out["post"] = ev.post_id
    if t is EventType.MOVE_POST:
        out["into"] = ev.target
    if ev.realised_by:
        out["realised_by"] = ev.realised_by
    out.update(_evidence_out(ev.status, ev.decision, ev.citations, ev.assumption))
    return out


def _plain_changes(changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k == "task_fields":
            v = [{"code": t.code, "share": t.share} for t in v]
        elif k == "staffing":
            v = [_staffing_dict(s) for s in v]
        elif isinstance(v, tuple):
            v = list(v)
        out[k] = v
    return out


def organisation_to_dict(o: Organisation) -> dict[str, Any]:
    item: dict[str, Any] = {"id": o.id, "name": o.name, "kind": o.kind}
    for key in ("slug", "cbs_code", "province"):
        if getattr(o, key):
            item[key] = getattr(o, key)
    if o.citations:
        item["sources"] = [c.to_dict() for c in o.citations]
    if o.assumption:
        item["assumption"] = o.assumption
    return item


def source_to_dict(s: Source) -> dict[str, Any]:
    return {k: v for k, v in vars(s).items() if v is not None}


def decision_to_dict(d: Decision) -> dict[str, Any]:
    item = {k: v for k, v in vars(d).items() if v is not None and k not in ("citations", "assumption")}
    if d.assumption:
        item["assumption"] = d.assumption
    if d.citations:
        item["sources"] = [c.to_dict() for c in d.citations]
    return item


def dataset_to_dict(ds: Dataset) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT}
    if ds.default_organisation:
        out["organisation"] = ds.default_organisation
    if ds.description:
        out["description"] = ds.description
    if ds.organisations:
        out["organisations"] = [organisation_to_dict(o) for o in ds.organisations]
    if ds.sources:
        out["sources"] = [source_to_dict(s) for s in ds.sources]
    if ds.decisions:
        out["decisions"] = [decision_to_dict(d) for d in ds.decisions]
    if ds.cooperations:
        out["cooperations"] = [cooperation_to_dict(c) for c in ds.cooperations]
    out["events"] = [event_to_dict(e) for e in ds.events]
    for name, section in SECTIONS.items():
        items = ds.sections.get(name)
        if items:
            out[name] = [section.encode(i) for i in items]
    if ds.extensions:
        out["extensions"] = ds.extensions
    return out


def cooperation_to_dict(c: Cooperation) -> dict[str, Any]:
    item: dict[str, Any] = {"id": c.id, "name": c.name, "legal_form": c.legal_form}
    if c.participants:
        item["participants"] = [{k: v for k, v in vars(p).items() if v is not None} for p in c.participants]
    for key in ("task_fields", "tasks"):
        if getattr(c, key):
            item[key] = list(getattr(c, key))
    for key in ("start", "end", "description"):
        if getattr(c, key):
            item[key] = getattr(c, key)
    if c.status is not Status.REALISED:
        item["status"] = c.status.value
    if c.contributions:
        item["contributions"] = [{"year": y, "organisation": o, "amount": a} for y, o, a in c.contributions]
    if c.citations:
        item["sources"] = [x.to_dict() for x in c.citations]
    if c.assumption:
        item["assumption"] = c.assumption
    return item
