"""The audit trail: who changed what in an organisation's register, when and why, with the
record before and after, filterable by unit, event, person, period and reason, and as CSV.

Everything comes from the record log (``changeset`` + ``record``), which is never
overwritten: each change is a new version of a record, each retraction a version marked
retracted. For an event the trail also shows its effect on the units it touches (their
name, parent, kind and FTE the day before and on the day it takes effect), as the register
knows them now.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import View
from raadhuis.formats.excel_export import safe_text
from raadhuis.services.register import resolve_organisation
from raadhuis.store import repository as repo
from raadhuis.store.database import Store
from raadhuis.store.tables import Changeset, Record

PAGE = 50
_LONG = 300  # longer values are cut in the page (the CSV and JSON keep them whole)


@dataclass(frozen=True)
class TrailFilter:
    unit: str | None = None
    event: str | None = None
    who: str | None = None
    since: date | None = None  # recorded on or after this day
    until: date | None = None  # recorded on or before this day
    text: str | None = None  # in the reason
    kind: str | None = None  # event, organisation, extension, or a section's kind

    def as_dict(self) -> dict[str, str]:
        return {k: (v.isoformat() if isinstance(v, date) else str(v)) for k, v in vars(self).items() if v}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """A record's data as dotted paths → leaf values, so two versions compare field by field."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, sub in value.items():
            out.update(_flatten(sub, f"{prefix}.{key}" if prefix else str(key)))
        return out or {prefix: {}}
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out = {}
        for i, sub in enumerate(value):
            out.update(_flatten(sub, f"{prefix}[{i}]"))
        return out
    return {prefix: value}


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def field_changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[dict[str, str]]:
    """The fields that differ between two versions of a record (before, after as text)."""
    old = _flatten(before) if before else {}
    new = _flatten(after) if after else {}
    out = []
    for path in sorted(set(old) | set(new)):
        if old.get(path) != new.get(path):
            out.append({"field": path, "before": text_of(old.get(path)), "after": text_of(new.get(path))})
    return out


def event_units(data: dict[str, Any]) -> list[str]:
    """The units an event record touches (the same subjects the timeline indexes)."""
    from raadhuis.canonical.decode import event_from_dict

    try:
        return event_from_dict(dict(data), 0).subjects()
    except Exception:  # noqa: BLE001 - an old version the decoder no longer reads still shows, without units
        return []


def _touches(data: dict[str, Any], unit: str) -> bool:
    return unit in event_units(data)


def _conditions(s: Session, org: str, f: TrailFilter) -> list[Any]:
    cond: list[Any] = [
        or_(Record.organisation == org, and_(Record.kind == "organisation", Record.key == org)),
    ]
    if f.event:
        cond += [Record.kind == "event", Record.key == f.event]
    if f.kind:
        cond.append(Record.kind == f.kind)
    if f.who:
        cond.append(func.lower(Changeset.recorded_by).contains(f.who.strip().lower()))
    if f.text:
        cond.append(func.lower(Changeset.reason).contains(f.text.strip().lower()))
    if f.since:
        cond.append(Changeset.recorded_at >= datetime.combine(f.since, datetime.min.time(), UTC))
    if f.until:
        cond.append(Changeset.recorded_at < datetime.combine(f.until + timedelta(days=1), datetime.min.time(), UTC))
    return cond


def trail(store: Store, organisation: str, f: TrailFilter | None = None, page: int = 1) -> dict[str, Any]:
    """One page of the trail of ``organisation``, newest change first."""
    f = f or TrailFilter()
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        cond = _conditions(s, org.id, f)
        joined = select(Changeset.id).join(Record, Record.changeset_id == Changeset.id).where(*cond)
        rows: list[Any]
        if f.unit:  # a unit's trail: the events that touch it, in any version (read from the data)
            rows = list(
                s.execute(
                    select(Record, Changeset)
                    .join(Changeset, Record.changeset_id == Changeset.id)
                    .where(*cond, Record.kind == "event")
                    .order_by(Changeset.id.desc(), Record.id)
                ).all()
            )
            rows = [(r, c) for r, c in rows if _touches(r.data, f.unit)]
            ids = list(dict.fromkeys(c.id for _, c in rows))
        else:
            ids = list(s.execute(joined.group_by(Changeset.id).order_by(Changeset.id.desc())).scalars())
        pages = max(1, -(-len(ids) // PAGE))
        page = min(max(1, page), pages)
        shown = ids[(page - 1) * PAGE : page * PAGE]
        if not f.unit:
            rows = (
                list(
                    s.execute(
                        select(Record, Changeset)
                        .join(Changeset, Record.changeset_id == Changeset.id)
                        .where(*cond, Changeset.id.in_(shown))
                        .order_by(Changeset.id.desc(), Record.id)
                    ).all()
                )
                if shown
                else []
            )
        by_changeset: dict[int, list[tuple[Record, Changeset]]] = {}
        wanted = set(shown)
        for r, c in rows:
            if c.id in wanted:
                by_changeset.setdefault(c.id, []).append((r, c))
        previous = _previous_versions(s, [r for cid in shown for r, _ in by_changeset[cid]])
        effects = _Effects(s, org.id)
        entries = []
        for cid in shown:
            cs = by_changeset[cid][0][1]
            changes = [
                _change(r, previous.get((r.kind, r.organisation, r.key, r.version - 1)), effects)
                for r, _ in by_changeset[cid]
            ]
            entries.append(
                {
                    "changeset": cs.id,
                    "recorded_at": _aware(cs.recorded_at).isoformat(),
                    "recorded_by": cs.recorded_by,
                    "reason": cs.reason,
                    "origin": cs.origin,
                    "changes": changes,
                }
            )
        return {
            "organisation": {"id": org.id, "name": org.name},
            "filter": f.as_dict(),
            "page": page,
            "pages": pages,
            "changesets": len(ids),
            "entries": entries,
        }


def _previous_versions(s: Session, records: list[Record]) -> dict[tuple[str, str, str, int], dict[str, Any]]:
    wanted: dict[tuple[str, str], set[str]] = {}
    for r in records:
        if r.version > 1:
            wanted.setdefault((r.kind, r.organisation), set()).add(r.key)
    out: dict[tuple[str, str, str, int], dict[str, Any]] = {}
    for (kind, org), keys in wanted.items():
        key_list = sorted(keys)
        for i in range(0, len(key_list), 500):
            for key, version, data in s.execute(
                select(Record.key, Record.version, Record.data).where(
                    Record.kind == kind, Record.organisation == org, Record.key.in_(key_list[i : i + 500])
                )
            ).all():
                out[(kind, org, key, version)] = data
    return out


def _change(r: Record, before: dict[str, Any] | None, effects: _Effects) -> dict[str, Any]:
    if r.retracted:
        action, after = "retracted", None
        before = r.data
    elif r.version == 1 or before is None:
        action, after = "added", r.data
    else:
        action, after = "changed", r.data
    out: dict[str, Any] = {
        "kind": r.kind,
        "key": r.key,
        "version": r.version,
        "action": action,
        "fields": field_changes(before, after),
        "before": before,
        "after": after,
        "units": event_units(r.data) if r.kind == "event" else [],
        "effect": effects.of(r.data) if r.kind == "event" else [],
    }
    if r.kind == "event":
        out["date"] = str(r.data.get("date", ""))
    return out


class _Effects:
    """An event's effect on its units: their attributes the day before it takes effect and on
    that day, in the view it belongs to, as the register knows them now."""

    def __init__(self, s: Session, org: str) -> None:
        self.s, self.org = s, org
        self.units: dict[tuple[date, View], dict[str, Any]] = {}
        self.fte: dict[tuple[date, View], dict[str, tuple[float, float, int]]] = {}

    def _at(self, day: date, view: View) -> tuple[dict[str, Any], dict[str, tuple[float, float, int]]]:
        key = (day, view)
        if key not in self.units:
            self.units[key] = repo.units_as_of(self.s, self.org, day, view)
            self.fte[key] = repo.fte_by_unit(self.s, self.org, day, view)
        return self.units[key], self.fte[key]

    def _describe(self, units: dict[str, Any], fte: dict[str, tuple[float, float, int]], uid: str) -> dict[str, Any]:
        unit = units.get(uid)
        if unit is None:
            return {}
        total, filled, posts = fte.get(uid, (0.0, 0.0, 0))
        return {
            "name": unit.name,
            "parent": unit.parent or "",
            "kind": unit.kind,
            "fte": round(total, 4),
            "filled_fte": round(filled, 4),
            "posts": posts,
        }

    @staticmethod
    def _name(units: dict[str, Any], uid: Any) -> str | None:
        unit = units.get(uid) if uid else None
        return str(unit.name) if unit is not None else (str(uid) if uid else None)

    def of(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            day = FuzzyDate.parse(str(data.get("date"))).effective
        except Exception:  # noqa: BLE001 - no readable date: no effect to show
            return []
        view = View.ACTUAL if data.get("status", "realised") == "realised" else View.PLANNED
        before_units, before_fte = self._at(day - timedelta(days=1), view)
        after_units, after_fte = self._at(day, view)
        out = []
        for uid in event_units(data):
            before = self._describe(before_units, before_fte, uid)
            after = self._describe(after_units, after_fte, uid)
            fields = [
                {"field": k, "before": before.get(k), "after": after.get(k)}
                for k in ("name", "parent", "kind", "posts", "fte", "filled_fte")
                if before.get(k) != after.get(k) and (before.get(k) or after.get(k))
            ]
            for f in fields:  # a parent is shown by its name (its id stays in before/after)
                if f["field"] == "parent":
                    f["before_name"] = self._name(before_units, f["before"])
                    f["after_name"] = self._name(after_units, f["after"])
            out.append(
                {
                    "unit": uid,
                    "name": after.get("name") or before.get("name") or uid,
                    "on": day.isoformat(),
                    "view": view.value,
                    "existed": bool(before),
                    "exists": bool(after),
                    "fields": fields,
                }
            )
        return out


CSV_COLUMNS = (
    "changeset",
    "recorded_at",
    "recorded_by",
    "reason",
    "origin",
    "kind",
    "key",
    "version",
    "action",
    "field",
    "before",
    "after",
)


def trail_csv(store: Store, organisation: str, f: TrailFilter | None = None) -> str:
    """The whole filtered trail as CSV, one row per changed field; no cell runs as a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    first = trail(store, organisation, f, 1)
    for page in range(1, first["pages"] + 1):
        data = first if page == 1 else trail(store, organisation, f, page)
        for entry in data["entries"]:
            for change in entry["changes"]:
                lines = [(change["kind"], change["key"], f) for f in change["fields"]]
                for eff in change["effect"]:  # the unit before and after, beside the record itself
                    lines += [("unit", f"{eff['unit']}@{eff['on']}", f) for f in eff["fields"]]
                for kind, key, line in lines or [(change["kind"], change["key"], {})]:
                    row = [
                        entry["changeset"],
                        entry["recorded_at"],
                        entry["recorded_by"],
                        entry["reason"],
                        entry["origin"],
                        kind,
                        key,
                        change["version"],
                        change["action"],
                        line.get("field", ""),
                        text_of(line.get("before")),
                        text_of(line.get("after")),
                    ]
                    writer.writerow([safe_text(v) if isinstance(v, str) else v for v in row])
    return buffer.getvalue()


def short(value: str) -> str:
    return value if len(value) <= _LONG else value[: _LONG - 1] + "…"
