"""Form fields → a change event in the dataset format, so a form passes the same checks
as an import. Problems come back as InputErrors whose ``field`` is a form field name."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from raadhuis.canonical.decode import event_from_dict
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import StaffingKind
from raadhuis.formats.text import TextError, parse

ACTIONS = ("establish", "rename", "move", "dissolve", "change", "add_post", "change_post", "remove_post", "other")
ORIGIN = "web"

# Which form fields each action shows (the common ones — date, status, decision, source — always).
FIELDS: dict[str, tuple[str, ...]] = {
    "establish": ("unit", "name", "kind", "parent", "abbreviation"),
    "rename": ("unit", "name"),
    "move": ("unit", "parent"),
    "dissolve": ("unit",),
    "change": ("unit", "kind", "abbreviation", "task_fields"),
    "add_post": ("post", "unit", "title", "fte", "scale", "manager", "staffing"),
    "change_post": ("post", "title", "fte", "scale", "staffing"),
    "remove_post": ("post",),
    # Any other change (merge, split, absorb, transfer, bundle, …) as one event in the dataset format.
    "other": ("event_yaml",),
}


def _text(form: Mapping[str, Any], key: str) -> str:
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


def _number(value: str, field: str, errors: list[InputError]) -> float | None:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        errors.append(InputError(ORIGIN, None, field, f"expected a number such as 0.8, got {value!r}"))
        return None
    if number < 0:
        errors.append(InputError(ORIGIN, None, field, f"expected a number of at least 0, got {value!r}"))
        return None
    return number


def parse_task_fields(text: str, errors: list[InputError]) -> list[dict[str, Any]]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        code, _, share = part.partition(":")
        item: dict[str, Any] = {"code": code.strip()}
        if share.strip():
            value = _number(share.strip(), "task_fields", errors)
            if value is not None and value > 1:
                errors.append(
                    InputError(ORIGIN, None, "task_fields", f"expected a share between 0 and 1, got {share!r}")
                )
            item["share"] = value
        out.append(item)
    return out


def parse_staffing(text: str, errors: list[InputError]) -> list[dict[str, Any]]:
    kinds = {k.value for k in StaffingKind}
    out = []
    for n, line in enumerate(filter(None, (x.strip() for x in text.splitlines())), start=1):
        words = line.split(None, 2)
        if len(words) < 2 or words[0] not in kinds:
            errors.append(
                InputError(
                    ORIGIN,
                    n,
                    "staffing",
                    f"line {n}: expected 'kind fte [name]' with kind one of {', '.join(sorted(kinds))}, got {line!r}",
                )
            )
            continue
        fte = _number(words[1], "staffing", errors)
        item: dict[str, Any] = {"kind": words[0], "fte": fte}
        if len(words) > 2:
            item["person"] = words[2]
        out.append(item)
    return out


def event_from_form(form: Mapping[str, Any], organisation: str) -> Event:
    """The event a submitted edit form describes. Raises InputErrors naming form fields."""
    action = _text(form, "action")
    errors: list[InputError] = []
    if action not in ACTIONS:
        raise InputErrors([InputError(ORIGIN, None, "action", f"expected one of {', '.join(ACTIONS)}, got {action!r}")])

    def need(key: str) -> str:
        value = _text(form, key)
        if not value:
            errors.append(InputError(ORIGIN, None, key, "this field is required"))
        return value

    if action == "other":
        return _event_from_yaml(_text(form, "event_yaml"), organisation)
    day = _typed_day(need("date"))
    raw: dict[str, Any] = {
        "id": f"web-{day or 'x'}-{action}-{secrets.token_hex(3)}",
        "type": action,
        "date": day,
        "organisation": organisation,
        "status": _text(form, "status") or "realised",
    }
    for key in ("decision", "title_event"):
        if _text(form, key):
            raw["decision" if key == "decision" else "title"] = _text(form, key)
    if _text(form, "source"):
        raw["sources"] = [{"source": _text(form, "source")}]
    if action == "establish":
        unit: dict[str, Any] = {"id": need("unit"), "name": need("name"), "kind": _text(form, "kind") or "afdeling"}
        for key in ("parent", "abbreviation"):
            if _text(form, key):
                unit[key] = _text(form, key)
        raw["unit"] = unit
    elif action in ("rename", "move", "dissolve", "change"):
        raw["unit"] = need("unit")
        if action == "rename":
            raw["name"] = need("name")
        elif action == "move":
            raw["parent"] = _text(form, "parent") or None
        elif action == "change":
            changes: dict[str, Any] = {}
            for key in ("kind", "abbreviation"):
                if _text(form, key):
                    changes[key] = _text(form, key)
            if _text(form, "task_fields"):
                changes["task_fields"] = parse_task_fields(_text(form, "task_fields"), errors)
            if not changes:
                errors.append(
                    InputError(ORIGIN, None, "kind", "fill in at least one of kind, abbreviation, task fields")
                )
            raw["set"] = changes
    elif action == "add_post":
        fte_text = need("fte")
        post: dict[str, Any] = {
            "id": need("post"),
            "unit": need("unit"),
            "title": need("title"),
            "fte": _number(fte_text, "fte", errors) if fte_text else None,
        }
        if _text(form, "scale"):
            post["scale"] = _text(form, "scale")
        if form.get("manager"):
            post["roles"] = ["manager"]
        if _text(form, "staffing"):
            post["staffing"] = parse_staffing(_text(form, "staffing"), errors)
        raw["post"] = post
    else:
        raw["post"] = need("post")
        if action == "change_post":
            changes = {}
            for key in ("title", "scale"):
                if _text(form, key):
                    changes[key] = _text(form, key)
            if _text(form, "fte"):
                changes["fte"] = _number(_text(form, "fte"), "fte", errors)
            if _text(form, "staffing") or form.get("clear_staffing"):
                changes["staffing"] = parse_staffing(_text(form, "staffing"), errors)
            if not changes:
                errors.append(InputError(ORIGIN, None, "fte", "fill in at least one of title, FTE, scale, staffing"))
            raw["set"] = changes
    if errors:
        raise InputErrors(errors)
    try:
        return event_from_dict(raw, seq=0)
    except InputErrors as exc:
        raise InputErrors([InputError(ORIGIN, None, form_field(e.field), e.message) for e in exc.errors]) from None


def _event_from_yaml(text: str, organisation: str) -> Event:
    if not text:
        raise InputErrors([InputError(ORIGIN, None, "event_yaml", "this field is required")])
    try:
        data = parse(text, "yaml")
    except TextError as exc:
        raise InputErrors([InputError(ORIGIN, exc.line, "event_yaml", exc.message)]) from None
    if not isinstance(data, dict) or not {"id", "type", "date"} <= set(data):
        raise InputErrors([InputError(ORIGIN, None, "event_yaml", "expected one event: a mapping with id, type, date")])
    if data.get("type") not in EventType.values():
        raise InputErrors(
            [InputError(ORIGIN, None, "event_yaml", f"expected type one of {', '.join(EventType.values())}")]
        )
    data["organisation"] = organisation
    data["id"] = str(data["id"])
    data["date"] = str(data["date"])
    try:
        return event_from_dict(data, seq=0)
    except InputErrors as exc:
        raise InputErrors(
            [InputError(ORIGIN, None, "event_yaml", f"{e.field}: {e.message}") for e in exc.errors]
        ) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise InputErrors([InputError(ORIGIN, None, "event_yaml", f"not a valid event: {exc}")]) from None


def form_field(path: str) -> str:
    """The form field an error path such as ``events[web-…].post.unit`` belongs to."""
    parts = [p.split("[")[0] for p in path.replace("]", "").split(".")]
    tail = parts[-1]
    if tail == "id":
        return "post" if "post" in parts else "unit"
    return {"into": "unit", "new_unit": "unit", "set": "fte"}.get(tail, tail)


def _typed_day(text: str) -> str:
    """A day typed the Dutch way (31-12-2011, 31 december 2011) as the dataset writes it
    (2011-12-31); anything else (2012, 2012-Q1, a typo) is left for the dataset's own check."""
    from raadhuis.i18n.formatting import DayError, read_day

    try:
        return read_day(text, "en").isoformat() if text else text
    except DayError:
        return text
