"""The one decoder: canonical dicts (a file's data, or a stored record) into domain objects.

Every problem is added to ``errors`` as (path, what was expected) — the file formats turn that
into file, line and field. Decoding never looks at the store; checks against what is stored are
in :mod:`raadhuis.canonical.check`.
"""

from __future__ import annotations

from typing import Any

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.facts import decode_post, decode_staffing, decode_unit, evidence
from raadhuis.canonical.paths import Errors, Path, path_text
from raadhuis.canonical.periods import decode_periods
from raadhuis.canonical.sections import SECTIONS, DecodeContext
from raadhuis.canonical.values import assumption, citations, date_at, finite, member
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import (
    Cooperation,
    Decision,
    Organisation,
    Participant,
    Source,
    Status,
    Unit,
)


def decode_organisation(raw: dict[str, Any]) -> Organisation:
    return Organisation(
        id=raw["id"],
        name=raw["name"],
        kind=raw.get("kind", "gemeente"),
        slug=raw.get("slug"),
        cbs_code=raw.get("cbs_code") or (raw["id"] if str(raw["id"]).startswith("GM") else None),
        province=raw.get("province"),
        citations=citations(raw),
        assumption=assumption(raw),
    )


def decode_source(raw: dict[str, Any], path: Path, errors: Errors, default_org: str | None) -> Source:
    src_date = raw.get("date")
    if src_date is not None:
        date_at(src_date, path + ("date",), errors)
    return Source(
        id=raw["id"],
        title=raw["title"],
        kind=raw.get("kind", "document"),
        publisher=raw.get("publisher"),
        date=str(src_date) if src_date is not None else None,
        reference=raw.get("reference"),
        url=raw.get("url"),
        file=raw.get("file"),
        organisation=raw.get("organisation", default_org),
    )


def decode_decision(raw: dict[str, Any], path: Path, errors: Errors, default_org: str | None) -> Decision:
    date_at(raw["date"], path + ("date",), errors)
    return Decision(
        id=raw["id"],
        body=raw["body"],
        date=str(raw["date"]),
        title=raw["title"],
        organisation=raw.get("organisation", default_org),
        reference=raw.get("reference"),
        citations=citations(raw),
        assumption=assumption(raw),
    )


def decode_cooperation(raw: dict[str, Any], path: Path, errors: Errors) -> Cooperation:
    for key in ("start", "end"):
        if raw.get(key) is not None:
            date_at(raw[key], path + (key,), errors)
    contributions = []
    for j, c in enumerate(raw.get("contributions", []) or []):
        amount = finite(c["amount"], path + ("contributions", j, "amount"), errors, minimum=None)
        contributions.append((int(c["year"]), str(c.get("organisation", "")), amount or 0.0))
    return Cooperation(
        id=raw["id"],
        name=raw["name"],
        legal_form=raw["legal_form"],
        participants=tuple(
            Participant(p["organisation"], p.get("role", "deelnemer"), p.get("share"))
            for p in raw.get("participants", []) or []
        ),
        task_fields=tuple(raw.get("task_fields", []) or []),
        tasks=tuple(raw.get("tasks", []) or []),
        start=str(raw["start"]) if raw.get("start") is not None else None,
        end=str(raw["end"]) if raw.get("end") is not None else None,
        status=member(Status, raw.get("status", "realised")),
        contributions=tuple(contributions),
        description=raw.get("description"),
        citations=citations(raw),
        assumption=assumption(raw),
    )


# --- a whole dataset ------------------------------------------------------------------------


def decode_dataset(data: dict[str, Any], errors: Errors) -> Dataset:
    """A dataset's canonical dict (checked against the schema) into domain objects.

    Events are numbered in the order they are given — the periods of ``units``, then those of
    ``posts``, then ``events`` — which is their position: the last tie-break of the same-day
    order (domain/order.py)."""
    default_org = data.get("organisation")
    ds = Dataset(
        description=data.get("description"),
        extensions=dict(data.get("extensions", {}) or {}),
        default_organisation=default_org,
    )
    for raw in data.get("organisations", []) or []:
        ds.organisations.append(decode_organisation(raw))
    for i, raw in enumerate(data.get("sources", []) or []):
        ds.sources.append(decode_source(raw, ("sources", i), errors, default_org))
    for i, raw in enumerate(data.get("decisions", []) or []):
        ds.decisions.append(decode_decision(raw, ("decisions", i), errors, default_org))
    for i, raw in enumerate(data.get("cooperations", []) or []):
        ds.cooperations.append(decode_cooperation(raw, ("cooperations", i), errors))
    decode_periods(data, "units", default_org, errors, ds)
    decode_periods(data, "posts", default_org, errors, ds)
    for i, raw in enumerate(data.get("events", []) or []):
        path: Path = ("events", i)
        org = raw.get("organisation", default_org)
        if not org:
            errors.append(
                (path + ("organisation",), "expected the organisation (here or as the dataset's 'organisation')")
            )
            continue
        event = decode_event(raw, org, len(ds.events), path, errors)
        if event is None:
            continue
        origin_key = (org, event.id)
        if origin_key in ds.origins:
            errors.append(
                (path + ("id",), f"event id {event.id!r} is used twice (also at {path_text(ds.origins[origin_key])})")
            )
            continue
        ds.origins[origin_key] = path
        ds.events.append(event)
    for name, section in SECTIONS.items():
        ctx = DecodeContext(default_org, errors)
        items = []
        for i, raw in enumerate(data.get(name, []) or []):
            item = section.decode(raw, (name, i), ctx)
            if item is not None:
                items.append(item)
        if items:
            ds.sections[name] = items
    return ds


def event_from_dict(data: dict[str, Any], seq: int = 0) -> Event:
    """An event from its canonical dict (as stored or built by a form). Raises InputErrors when
    it does not decode — for a stored record that means the store was changed behind our back."""
    errors: Errors = []
    org = data.get("organisation")
    event = decode_event(data, org, seq, (), errors) if org else None
    if not org:
        errors.append((("organisation",), "expected the organisation"))
    if event is None or errors:
        raise InputErrors([InputError("<store>", None, path_text(p), m) for p, m in errors])
    return event


def decode_event(raw: dict[str, Any], org: str, seq: int, path: Path, errors: Errors) -> Event | None:
    """One event from its canonical dict; ``seq`` is its position (see domain/order.py)."""
    when = date_at(raw["date"], path + ("date",), errors)
    if when is None:
        return None
    etype = member(EventType, raw["type"])
    kw: dict[str, Any] = dict(evidence(raw))
    kw.update(
        id=raw["id"],
        type=etype,
        date=when,
        organisation=org,
        seq=seq,
        title=raw.get("title"),
        description=raw.get("description"),
        realised_by=raw.get("realised_by"),
    )
    unit, into = raw.get("unit"), raw.get("into")

    def need(key: str, what: str) -> Any:
        if raw.get(key) is None:
            errors.append((path + (key,), f"a {etype.value} event needs '{key}': {what}"))
            return None
        return raw[key]

    def unit_spec(value: Any, key: str) -> Unit | None:
        if not isinstance(value, dict):
            errors.append((path + (key,), "expected the unit as a mapping with id, name and kind"))
            return None
        return decode_unit(value)

    def unit_id(value: Any, key: str) -> str | None:
        if not isinstance(value, str):
            errors.append((path + (key,), "expected a unit id"))
            return None
        return value

    if etype in (EventType.ESTABLISH, EventType.TRANSFER_IN):
        if need("unit", "the new unit (id, name, kind, parent)") is not None:
            kw["new_unit"] = unit_spec(unit, "unit")
        if etype is EventType.TRANSFER_IN:
            kw["other_organisation"] = need("from", "the organisation the unit comes from")
            kw["other_unit"] = raw.get("other_unit")
    elif etype in (
        EventType.RENAME,
        EventType.MOVE,
        EventType.DISSOLVE,
        EventType.CONVERT,
        EventType.CHANGE,
        EventType.SPLIT,
        EventType.TRANSFER_OUT,
    ):
        if need("unit", "the id of the unit") is not None:
            kw["unit"] = unit_id(unit, "unit")
        if etype is EventType.RENAME:
            kw["changes"] = {"name": need("name", "the new name")}
            if raw.get("set", {}).get("abbreviation"):
                kw["changes"]["abbreviation"] = raw["set"]["abbreviation"]
        elif etype is EventType.MOVE:
            if "parent" not in raw:
                errors.append((path + ("parent",), "a move event needs 'parent': the new parent's id (or null)"))
            kw["target"] = raw.get("parent")
        elif etype in (EventType.CHANGE, EventType.CONVERT):
            changes = dict(raw.get("set", {}) or {})
            if etype is EventType.CHANGE and not changes:
                errors.append((path + ("set",), "a change event needs 'set': the attributes that change"))
            if etype is EventType.CONVERT and into is not None:
                # The definitive unit, under its own id when it takes a new one; what it does not say is kept.
                if not isinstance(into, dict):
                    errors.append((path + ("into",), "expected the definitive unit as a mapping with id and name"))
                elif changes:
                    errors.append(
                        (path + ("set",), "give the definitive unit's attributes in 'into' or in 'set', not both")
                    )
                else:
                    kw["target"] = into["id"]
                    changes = {k: v for k, v in into.items() if k != "id"}
            if "task_fields" in changes:
                changes["task_fields"] = decode_unit(
                    {"id": "x", "name": "x", "task_fields": changes["task_fields"]}
                ).task_fields
            kw["changes"] = changes
        elif etype is EventType.SPLIT:
            if not isinstance(into, list) or len(into) < 2:
                errors.append((path + ("into",), "a split needs 'into': a list of at least two new units"))
            else:
                kw["new_units"] = tuple(decode_unit(u) for u in into)
                kw["allocation"] = {u["id"]: tuple(u.get("posts", [])) for u in into if u.get("posts")}
                kw["sub_units"] = {u["id"]: tuple(u.get("units", [])) for u in into if u.get("units")}
        elif etype is EventType.TRANSFER_OUT:
            kw["other_organisation"] = need("to", "the organisation the unit goes to")
            kw["other_unit"] = raw.get("other_unit")
            kw["target"] = raw.get("parent")  # its parent over there (the receiver in the register)
    elif etype is EventType.MERGE:
        kw["units"] = tuple(need("units", "the ids of the units that merge") or ())
        if need("into", "the new unit (id, name, kind, parent)") is not None:
            kw["new_unit"] = unit_spec(into, "into")
    elif etype is EventType.ABSORB:
        kw["units"] = tuple(need("units", "the ids of the units that are absorbed") or ())
        if need("into", "the id of the receiving unit") is not None:
            kw["target"] = unit_id(into, "into")
    elif etype is EventType.BUNDLE:
        kw["units"] = tuple(raw.get("units", []) or [])
        kw["posts"] = tuple(raw.get("posts", []) or [])
        kw["function"] = raw.get("function")
        if need("into", "the id of the unit that receives the function") is not None:
            kw["target"] = unit_id(into, "into")
        if not kw["units"] and not kw["posts"]:
            errors.append((path + ("posts",), "a bundle needs 'posts' or 'units' whose posts move"))
    elif etype is EventType.ADD_POST:
        post = need("post", "the post (id, unit, title, fte)")
        if isinstance(post, dict):
            kw["post"] = decode_post(post)
        elif post is not None:
            errors.append((path + ("post",), "expected the post as a mapping with id, unit, title and fte"))
    elif etype in (EventType.CHANGE_POST, EventType.REMOVE_POST, EventType.MOVE_POST):
        post = need("post", "the id of the post")
        if post is not None and not isinstance(post, str):
            errors.append((path + ("post",), "expected a post id"))
        kw["post_id"] = post
        if etype is EventType.CHANGE_POST:
            changes = dict(raw.get("set", {}) or {})
            if not changes:
                errors.append((path + ("set",), "a change_post event needs 'set': the attributes that change"))
            if "staffing" in changes:
                changes["staffing"] = tuple(decode_staffing(s) for s in changes["staffing"])
            if "fte" in changes:
                try:
                    changes["fte"] = float(changes["fte"])
                    if changes["fte"] < 0:
                        errors.append((path + ("set", "fte"), f"expected an FTE of at least 0, got {changes['fte']}"))
                except (TypeError, ValueError):
                    errors.append((path + ("set", "fte"), f"expected a number, got {changes['fte']!r}"))
            kw["changes"] = changes
        if etype is EventType.MOVE_POST:
            kw["target"] = need("into", "the id of the unit the post moves to")
    return Event(**kw)
