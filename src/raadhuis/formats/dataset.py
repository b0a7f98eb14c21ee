"""The dataset format ("organisation as code"): YAML or JSON, described by a JSON Schema.

``load_dataset`` reads, checks against the schema, converts to domain objects and checks
the history by replaying it; every problem becomes an :class:`InputError` with file,
line, field and what was expected. ``dump_dataset`` writes the canonical form back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path as FsPath
from typing import Any

import jsonschema

from raadhuis.domain.dates import DateError, FuzzyDate
from raadhuis.domain.engine import EngineError, History, build_history
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import (
    Citation,
    Cooperation,
    Decision,
    Organisation,
    Participant,
    Post,
    Source,
    Staffing,
    StaffingKind,
    Status,
    TaskFieldShare,
    Unit,
    View,
)
from raadhuis.formats.errors import InputError, InputErrors
from raadhuis.formats.text import Path, TextError, line_finder, parse, path_text

__all__ = [
    "Dataset",
    "load_dataset",
    "read_dataset",
    "dataset_to_dict",
    "event_to_dict",
    "event_from_dict",
    "check_history",
    "path_text",
]

FORMAT = "raadhuis/1"


@cache
def schema() -> dict[str, Any]:
    text = resources.files("raadhuis.formats").joinpath("schema/dataset.schema.json").read_text("utf-8")
    return dict(json.loads(text))


@cache
def _validator() -> jsonschema.protocols.Validator:
    checker = jsonschema.FormatChecker()

    def _fuzzy(value: object) -> bool:
        FuzzyDate.parse(value)
        return True

    checker.checks("fuzzy-date", raises=DateError)(_fuzzy)

    return jsonschema.Draft7Validator(schema(), format_checker=checker)


@cache
def _fast_validator() -> Callable[[Any], Any]:
    """The same schema compiled to Python (fastjsonschema): some fifty times quicker than
    jsonschema on a national-scale dataset, but it stops at the first error."""
    import fastjsonschema

    def fuzzy(value: object) -> bool:
        try:
            _parse_text(value) if type(value) is str else FuzzyDate.parse(value)
        except DateError:
            return False
        return True

    validate: Callable[[Any], Any] = fastjsonschema.compile(schema(), formats={"fuzzy-date": fuzzy})
    return validate


def _fast_valid(data: Any) -> bool:
    import fastjsonschema

    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@dataclass
class Dataset:
    organisations: list[Organisation] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    cooperations: list[Cooperation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extensions: dict[str, Any] = field(default_factory=dict)
    description: str | None = None
    default_organisation: str | None = None  # the dataset's top-level 'organisation'
    origins: dict[tuple[str, str], Path] = field(default_factory=dict)  # (org, event id) → path
    # The actual history per organisation, as computed by the check; the store reuses it.
    histories: dict[str, History] = field(default_factory=dict, repr=False, compare=False)

    def organisation_ids(self) -> list[str]:
        ids = [o.id for o in self.organisations]
        ids.extend(e.organisation for e in self.events if e.organisation not in ids)
        return list(dict.fromkeys(ids))


# --- reading -----------------------------------------------------------------------


def read_dataset(path: str | FsPath, known_events: Mapping[str, list[Event]] | None = None) -> Dataset:
    file = FsPath(path)
    try:
        text = file.read_text("utf-8")
    except OSError as exc:
        raise InputErrors([InputError(str(file), None, "(file)", f"cannot read the file: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise InputErrors([InputError(str(file), None, "(file)", "expected UTF-8 text")]) from None
    kind = "json" if file.suffix.lower() == ".json" else "yaml"
    return load_dataset(text, str(file), kind, known_events)


def load_dataset(
    text: str, filename: str = "<dataset>", kind: str = "yaml", known_events: Mapping[str, list[Event]] | None = None
) -> Dataset:
    """Parse and check a dataset. ``known_events`` are events already in the store, per
    organisation: the new ones must fit with them. Raises :class:`InputErrors`."""
    try:
        data = parse(text, kind)
    except TextError as exc:
        raise InputErrors([InputError(filename, exc.line, "(document)", exc.message)]) from None
    errors: list[tuple[Path, str]] = []
    if not isinstance(data, dict):
        errors.append(((), "expected a mapping with sections such as organisations, units, events"))
    elif not _fast_valid(data):
        # The compiled validator only says "no"; jsonschema then finds every error and where.
        for err in _validator().iter_errors(data):
            errors.append((tuple(err.absolute_path), _schema_message(err)))
    dataset = Dataset()
    if not errors:
        dataset = _convert(data, errors)
    if not errors:
        check_history(dataset, errors, known_events if known_events is not None else {})
    if errors:
        lines = line_finder(text)
        raise InputErrors([InputError(filename, lines(p), path_text(p), m) for p, m in _unique(errors)])
    return dataset


def _unique(errors: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    seen: set[tuple[Path, str]] = set()
    out = []
    for e in errors:
        if e not in seen:
            seen.add(e)
            out.append(e)
    return out


def _schema_message(err: jsonschema.ValidationError) -> str:
    validator = err.validator
    if validator == "enum":
        return f"expected one of {', '.join(map(str, err.validator_value))}, got {err.instance!r}"
    if validator == "required":
        return str(err.message).replace("is a required property", "is required")
    if validator == "minimum":
        return f"expected a number of at least {err.validator_value}, got {err.instance!r}"
    if validator == "maximum":
        return f"expected a number of at most {err.validator_value}, got {err.instance!r}"
    if validator == "type":
        return f"expected {err.validator_value}, got {err.instance!r}"
    if validator in ("unevaluatedProperties", "additionalProperties"):
        return f"unknown field: {err.message}"
    if validator == "pattern":
        return f"expected text matching {err.validator_value}, got {err.instance!r}"
    if validator == "format" and err.cause is not None:
        return str(err.cause)
    if validator in ("oneOf", "anyOf"):
        return f"not one of the accepted forms: {err.instance!r}"
    return str(err.message)


# --- converting ---------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _parse_text(value: str) -> FuzzyDate:
    # A national dataset repeats a few thousand date texts hundreds of thousands of times;
    # FuzzyDate is immutable, so one parse per text is enough.
    return FuzzyDate.parse(value)


def _date(value: Any, path: Path, errors: list[tuple[Path, str]]) -> FuzzyDate | None:
    try:
        return _parse_text(value) if type(value) is str else FuzzyDate.parse(value)
    except DateError as exc:
        errors.append((path, str(exc)))
        return None


def _citations(raw: dict[str, Any]) -> tuple[Citation, ...]:
    out = []
    for c in raw.get("sources", []) or []:
        if isinstance(c, str):
            out.append(Citation(c))
        else:
            page = c.get("page")
            out.append(Citation(c["source"], str(page) if page is not None else None, c.get("quote")))
    return tuple(out)


def _assumption(raw: dict[str, Any]) -> bool | str:
    """``true``, or the text that says what is assumed and why (kept, not reduced to true)."""
    value = raw.get("assumption", False)
    if isinstance(value, str):
        return value.strip() or False
    return bool(value)


def _unit(raw: dict[str, Any], parent_default: str | None = None) -> Unit:
    shares = []
    for t in raw.get("task_fields", []) or []:
        shares.append(
            TaskFieldShare(t) if isinstance(t, str) else TaskFieldShare(t["code"], float(t.get("share", 1.0)))
        )
    expected_end = raw.get("expected_end")
    return Unit(
        id=raw["id"],
        name=raw["name"],
        kind=raw.get("kind", "afdeling"),
        parent=raw.get("parent", parent_default),
        abbreviation=raw.get("abbreviation"),
        temporary=bool(raw.get("temporary", False)),
        expected_end=str(expected_end) if expected_end is not None else None,
        functional=tuple(raw.get("functional", []) or []),
        task_fields=tuple(shares),
    )


def _staffing(raw: dict[str, Any]) -> Staffing:
    return Staffing(
        kind=_member(StaffingKind, raw["kind"]),
        fte=float(raw["fte"]),
        person=raw.get("person"),
        organisation=raw.get("organisation"),
        cost=float(raw["cost"]) if raw.get("cost") is not None else None,
    )


def _post(raw: dict[str, Any]) -> Post:
    scale = raw.get("scale")
    return Post(
        id=raw["id"],
        unit=raw["unit"],
        title=raw["title"],
        fte=float(raw["fte"]),
        scale=str(scale) if scale is not None else None,
        roles=tuple(raw.get("roles", []) or []),
        staffing=tuple(_staffing(s) for s in raw.get("staffing", []) or []),
        reports_to=raw.get("reports_to"),
    )


UNIT_FIELDS = ("id", "name", "kind", "parent", "abbreviation", "temporary", "expected_end", "functional", "task_fields")
POST_FIELDS = ("id", "unit", "title", "fte", "scale", "roles", "staffing", "reports_to")

# Ordering on one day: periods from the posts section end first, then those of the units
# section (deepest first), then units begin (file order), then posts begin, then the
# explicit events in file order. The ranges fit a 32-bit integer column.
_SEQ_POST_END = -1_500_000_000
_SEQ_UNIT_END_STEP = -10_000_000
_SEQ_POST_START = 10_000_000
_SEQ_EVENTS = 20_000_000


def _convert(data: dict[str, Any], errors: list[tuple[Path, str]]) -> Dataset:
    ds = Dataset(
        description=data.get("description"),
        extensions=dict(data.get("extensions", {}) or {}),
        default_organisation=data.get("organisation"),
    )
    default_org = data.get("organisation")
    for raw in data.get("organisations", []) or []:
        ds.organisations.append(
            Organisation(
                id=raw["id"],
                name=raw["name"],
                kind=raw.get("kind", "gemeente"),
                slug=raw.get("slug"),
                cbs_code=raw.get("cbs_code") or (raw["id"] if str(raw["id"]).startswith("GM") else None),
                province=raw.get("province"),
                citations=_citations(raw),
                assumption=_assumption(raw),
            )
        )
    for i, raw in enumerate(data.get("sources", []) or []):
        src_date = raw.get("date")
        if src_date is not None:
            _date(src_date, ("sources", i, "date"), errors)
        ds.sources.append(
            Source(
                id=raw["id"],
                title=raw["title"],
                kind=raw.get("kind", "document"),
                publisher=raw.get("publisher"),
                date=str(src_date) if src_date is not None else None,
                reference=raw.get("reference"),
                url=raw.get("url"),
                file=raw.get("file"),
            )
        )
    for i, raw in enumerate(data.get("decisions", []) or []):
        _date(raw["date"], ("decisions", i, "date"), errors)
        ds.decisions.append(
            Decision(
                id=raw["id"],
                body=raw["body"],
                date=str(raw["date"]),
                title=raw["title"],
                organisation=raw.get("organisation", default_org),
                reference=raw.get("reference"),
                citations=_citations(raw),
                assumption=_assumption(raw),
            )
        )
    for i, raw in enumerate(data.get("cooperations", []) or []):
        for key in ("start", "end"):
            if raw.get(key) is not None:
                _date(raw[key], ("cooperations", i, key), errors)
        ds.cooperations.append(
            Cooperation(
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
                status=Status(raw.get("status", "realised")),
                contributions=tuple(
                    (int(c["year"]), str(c.get("organisation", "")), float(c["amount"]))
                    for c in raw.get("contributions", []) or []
                ),
                description=raw.get("description"),
                citations=_citations(raw),
                assumption=_assumption(raw),
            )
        )
    _convert_periods(data, "units", default_org, errors, ds)
    _convert_periods(data, "posts", default_org, errors, ds)
    for i, raw in enumerate(data.get("events", []) or []):
        path: Path = ("events", i)
        org = raw.get("organisation", default_org)
        if not org:
            errors.append(
                (path + ("organisation",), "expected the organisation (here or as the dataset's 'organisation')")
            )
            continue
        event = _event(raw, org, _SEQ_EVENTS + i, path, errors)
        if event is not None:
            origin_key = (org, event.id)
            if origin_key in ds.origins:
                errors.append(
                    (
                        path + ("id",),
                        f"event id {event.id!r} is used twice (also at {path_text(ds.origins[origin_key])})",
                    )
                )
                continue
            ds.origins[origin_key] = path
            ds.events.append(event)
    _check_references(ds, errors)
    from raadhuis.formats.extensions import check as check_extensions

    errors.extend(check_extensions(ds.extensions))
    return ds


def _member(enum: Any, value: Any) -> Any:
    # A dictionary lookup: calling an Enum class costs several times more, per field of
    # hundreds of thousands of rows. Unknown values still raise the Enum's ValueError.
    member = enum._value2member_map_.get(value) if isinstance(value, str) else None
    return member if member is not None else enum(value)


def _evidence(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        "status": _member(Status, raw.get("status", "realised")),
        "decision": raw.get("decision"),
        "citations": _citations(raw),
        "assumption": _assumption(raw),
    }


def _convert_periods(
    data: dict[str, Any], section: str, default_org: str | None, errors: list[tuple[Path, str]], ds: Dataset
) -> None:
    """Turn the units/posts sections (a fact with [from, to)) into events.

    A second period of the same id that starts where the first ends becomes a change;
    periods that overlap are an error: a unit cannot have two parents at once.
    """
    entries = data.get(section, []) or []
    periods: dict[tuple[str, str], list[tuple[FuzzyDate, FuzzyDate | None, int]]] = {}
    parsed: list[tuple[int, str, FuzzyDate, FuzzyDate | None]] = []
    for i, raw in enumerate(entries):
        org = raw.get("organisation", default_org)
        if not org:
            errors.append(
                ((section, i, "organisation"), "expected the organisation (here or as the dataset's 'organisation')")
            )
            continue
        start = _date(raw["from"], (section, i, "from"), errors)
        end = _date(raw["to"], (section, i, "to"), errors) if raw.get("to") is not None else None
        if start is None or (raw.get("to") is not None and end is None):
            continue
        if end is not None and end.effective <= start.effective:
            errors.append(((section, i, "to"), f"expected a date after 'from' ({start}), got {end}"))
            continue
        parsed.append((i, org, start, end))
    depth = _depths(entries) if section == "units" else {}
    # Where each (id, organisation) has a period starting, to find the one that continues a period.
    starts: dict[tuple[Any, Any, str], list[int]] = {}
    for k, r in enumerate(entries):
        starts.setdefault((r.get("id"), r.get("organisation", default_org), str(r.get("from"))), []).append(k)
    offset = 0 if section == "units" else _SEQ_POST_START
    for i, org, start, end in parsed:
        raw = entries[i]
        key = (org, raw["id"])
        earlier = periods.setdefault(key, [])
        kind = "unit" if section == "units" else "post"
        event_type: EventType
        previous_contiguous = False
        for s, e, j in earlier:
            overlaps = start.effective < (e.effective if e else _FAR) and s.effective < (end.effective if end else _FAR)
            if overlaps:
                what = (
                    "two parents at once"
                    if section == "units" and entries[j].get("parent") != raw.get("parent")
                    else "overlapping periods"
                )
                errors.append(
                    (
                        (section, i, "from"),
                        f"{kind} {raw['id']!r} overlaps its period at {section}[{j}] ({s} to {e or 'open'}): {what}",
                    )
                )
                break
            if e is not None and e.effective == start.effective:
                previous_contiguous = True
        else:
            earlier.append((start, end, i))
            evidence = _evidence(raw)
            n_before = len(ds.events)
            if section == "units":
                unit = _unit({k: raw[k] for k in UNIT_FIELDS if k in raw})
                if previous_contiguous:
                    changes = {k: getattr(unit, k) for k in UNIT_FIELDS if k != "id"}
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}",
                            EventType.CHANGE,
                            start,
                            org,
                            seq=offset + i,
                            unit=unit.id,
                            changes=changes,
                            **evidence,
                        )
                    )
                else:
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}",
                            EventType.ESTABLISH,
                            start,
                            org,
                            seq=offset + i,
                            new_unit=unit,
                            description=raw.get("description"),
                            **evidence,
                        )
                    )
                event_type = EventType.DISSOLVE
            else:
                post = _post({k: raw[k] for k in POST_FIELDS if k in raw})
                if previous_contiguous:
                    changes = {k: getattr(post, k) for k in POST_FIELDS if k not in ("id", "unit")}
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}",
                            EventType.MOVE_POST,
                            start,
                            org,
                            seq=offset + i,
                            post_id=post.id,
                            target=post.unit,
                            **evidence,
                        )
                    )
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}+",
                            EventType.CHANGE_POST,
                            start,
                            org,
                            seq=offset + i,
                            post_id=post.id,
                            changes=changes,
                            **evidence,
                        )
                    )
                else:
                    ds.events.append(
                        Event(
                            f"{raw['id']}@{start}",
                            EventType.ADD_POST,
                            start,
                            org,
                            seq=offset + i,
                            post=post,
                            **evidence,
                        )
                    )
                event_type = EventType.REMOVE_POST
            for ev in ds.events[n_before:]:
                ds.origins[(org, ev.id)] = (section, i)
            if end is not None:
                # A later contiguous period turns this end into a change; drop the end then.
                nxt = [k for k in starts.get((raw["id"], org, str(raw.get("to"))), []) if k != i]
                if nxt:
                    continue
                ev_id = f"{raw['id']}@{end}-end"
                if section == "units":
                    seq = _SEQ_UNIT_END_STEP * (depth.get(raw["id"], 0) + 1) + i
                else:
                    seq = _SEQ_POST_END + i
                if section == "units":
                    ds.events.append(Event(ev_id, event_type, end, org, seq=seq, unit=raw["id"], **evidence))
                else:
                    ds.events.append(Event(ev_id, event_type, end, org, seq=seq, post_id=raw["id"], **evidence))
                ds.origins[(org, ev_id)] = (section, i, "to")


_FAR = FuzzyDate.parse("9999-12-31").effective


def _depths(entries: list[dict[str, Any]]) -> dict[str, int]:
    parent = {e.get("id"): e.get("parent") for e in entries}
    out: dict[str, int] = {}
    for uid in parent:
        d, cur, seen = 0, parent.get(uid), {uid}
        while cur is not None and cur not in seen:
            seen.add(cur)
            d += 1
            cur = parent.get(cur)
        out[str(uid)] = d
    return out


def _event(raw: dict[str, Any], org: str, seq: int, path: Path, errors: list[tuple[Path, str]]) -> Event | None:
    when = _date(raw["date"], path + ("date",), errors)
    if when is None:
        return None
    etype = _member(EventType, raw["type"])
    kw: dict[str, Any] = dict(_evidence(raw))
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
        return _unit(value)

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
            if "task_fields" in changes:
                changes["task_fields"] = _unit(
                    {"id": "x", "name": "x", "task_fields": changes["task_fields"]}
                ).task_fields
            kw["changes"] = changes
        elif etype is EventType.SPLIT:
            if not isinstance(into, list) or len(into) < 2:
                errors.append((path + ("into",), "a split needs 'into': a list of at least two new units"))
            else:
                kw["new_units"] = tuple(_unit(u) for u in into)
                kw["allocation"] = {u["id"]: tuple(u.get("posts", [])) for u in into if u.get("posts")}
        elif etype is EventType.TRANSFER_OUT:
            kw["other_organisation"] = need("to", "the organisation the unit goes to")
            kw["other_unit"] = raw.get("other_unit")
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
            kw["post"] = _post(post)
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
                changes["staffing"] = tuple(_staffing(s) for s in changes["staffing"])
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


def _check_references(ds: Dataset, errors: list[tuple[Path, str]]) -> None:
    decisions = {d.id for d in ds.decisions}
    by_key = {(e.organisation, e.id): e for e in ds.events}
    for key, path in ds.origins.items():
        ev = by_key.get(key)
        if ev is not None and ev.decision and ev.decision not in decisions:
            errors.append(
                (path[:2] + ("decision",), f"unknown decision {ev.decision!r}; expected one of the decisions listed")
            )


def check_history(ds: Dataset, errors: list[tuple[Path, str]], known: Mapping[str, list[Event]]) -> None:
    """Replay each organisation's realised events: every event must fit the state on its date."""
    for org in ds.organisation_ids():
        new_ids = {e.id for e in ds.events if e.organisation == org}
        events = [e for e in known.get(org, []) if e.id not in new_ids]
        events += [e for e in ds.events if e.organisation == org]
        try:
            ds.histories[org] = build_history(events, org, View.ACTUAL)
        except EngineError as exc:
            path = ds.origins.get((org, exc.event.id), ("events",))
            field_path = path + tuple(exc.field.split(".")) if len(path) == 2 else path
            errors.append((field_path, exc.message))


# --- writing -------------------------------------------------------------------------


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
            dict(unit_to_dict(u), **({"posts": list(ev.allocation[u.id])} if u.id in ev.allocation else {}))
            for u in ev.new_units
        ]
    if t is EventType.BUNDLE:
        if ev.posts:
            out["posts"] = list(ev.posts)
        if ev.function:
            out["function"] = ev.function
    if t is EventType.TRANSFER_OUT:
        out["to"] = ev.other_organisation
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


def dataset_to_dict(ds: Dataset) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT}
    if ds.description:
        out["description"] = ds.description
    if ds.organisations:
        out["organisations"] = []
        for o in ds.organisations:
            item: dict[str, Any] = {"id": o.id, "name": o.name, "kind": o.kind}
            for key in ("slug", "cbs_code", "province"):
                if getattr(o, key):
                    item[key] = getattr(o, key)
            if o.citations:
                item["sources"] = [c.to_dict() for c in o.citations]
            if o.assumption:
                item["assumption"] = o.assumption
            out["organisations"].append(item)
    if ds.sources:
        out["sources"] = [{k: v for k, v in vars(s).items() if v is not None} for s in ds.sources]
    if ds.decisions:
        out["decisions"] = []
        for d in ds.decisions:
            item = {k: v for k, v in vars(d).items() if v is not None and k not in ("citations", "assumption")}
            if d.assumption:
                item["assumption"] = d.assumption
            if d.citations:
                item["sources"] = [c.to_dict() for c in d.citations]
            out["decisions"].append(item)
    if ds.cooperations:
        out["cooperations"] = [cooperation_to_dict(c) for c in ds.cooperations]
    out["events"] = [event_to_dict(e) for e in ds.events]
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


def raise_if(errors: list[InputError]) -> None:
    if errors:
        raise InputErrors(errors)


def event_from_dict(data: dict[str, Any], seq: int = 0) -> Event:
    """Rebuild an event from its canonical form (as stored). Raises InputErrors if the
    stored form does not convert, which means the store was changed behind our back."""
    errors: list[tuple[Path, str]] = []
    event = _event(data, data["organisation"], seq, (), errors)
    if event is None or errors:
        raise InputErrors([InputError("<store>", None, path_text(p), m) for p, m in errors])
    return event


def dataset_from_parts(
    organisations: list[Organisation],
    sources: list[Source],
    decisions: list[Decision],
    cooperations: list[Cooperation],
    events: list[Event],
    extensions: dict[str, Any] | None = None,
) -> Dataset:
    return Dataset(
        organisations, sources, decisions, cooperations, sorted(events, key=lambda e: e.sort_key), extensions or {}
    )


def organisation_to_dict(o: Organisation) -> dict[str, Any]:
    return dataset_to_dict(Dataset(organisations=[o]))["organisations"][0]  # type: ignore[no-any-return]


def record_dicts(ds: Dataset) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
    """The dataset as records for the store: kind → [(organisation, key, data)]."""
    full = dataset_to_dict(ds)
    out: dict[str, list[tuple[str, str, dict[str, Any]]]] = {
        "organisation": [("", o["id"], o) for o in full.get("organisations", [])],
        "source": [("", s["id"], s) for s in full.get("sources", [])],
        "decision": [("", d["id"], d) for d in full.get("decisions", [])],
        "cooperation": [("", c["id"], c) for c in full.get("cooperations", [])],
        "event": [],
        "extension": extension_records(full.get("extensions", {}), ds.default_organisation),
    }
    for ev, data in zip(ds.events, full["events"], strict=True):
        data["_seq"] = ev.seq  # ``full`` is ours alone: no copy needed
        out["event"].append((ev.organisation, ev.id, data))
    return out


def dataset_from_records(records: dict[str, list[dict[str, Any]]]) -> Dataset:
    """Inverse of :func:`record_dicts`: rebuild a Dataset from stored canonical data."""
    data: dict[str, Any] = {"format": FORMAT}
    for kind, section in (
        ("organisation", "organisations"),
        ("source", "sources"),
        ("decision", "decisions"),
        ("cooperation", "cooperations"),
    ):
        if records.get(kind):
            data[section] = records[kind]
    errors: list[tuple[Path, str]] = []
    ds = _convert(data, errors)
    if errors:
        raise InputErrors([InputError("<store>", None, path_text(p), m) for p, m in errors])
    ds.events = sorted(
        (
            event_from_dict({k: v for k, v in r.items() if k != "_seq"}, int(r.get("_seq", 0)))
            for r in records.get("event", [])
        ),
        key=lambda e: e.sort_key,
    )
    ds.extensions = merge_extensions(records.get("extension", []))
    return ds


def extension_records(extensions: dict[str, Any], default_org: str | None) -> list[tuple[str, str, dict[str, Any]]]:
    """Extension sections as records, one per section and organisation: a list section's
    items go to the organisation they name (or the dataset's), so a second dataset with
    its own ``figures`` adds to — and does not replace — another organisation's."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    for name, value in extensions.items():
        if isinstance(value, list):
            groups: dict[str, list[Any]] = {}
            for item in value:
                org = item.get("organisation") if isinstance(item, dict) else None
                groups.setdefault(str(org or default_org or ""), []).append(item)
            out.extend((org, name, {"value": items}) for org, items in groups.items())
        else:
            out.append((default_org or "", name, {"value": value}))
    return out


def merge_extensions(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Stored extension records (with ``_key``) back into sections: lists are joined."""
    out: dict[str, Any] = {}
    for r in records:
        key, value = r["_key"], r["value"]
        if key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out
