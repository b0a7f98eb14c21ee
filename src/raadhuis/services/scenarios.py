"""Scenarios: branch an organisation, model changes, cost them, compare options, promote one to plan.

One service for every door (CLI ``raadhuis scenario``, the API under ``/api/v1``, the pages):
each function returns plain data (dicts and lists), or raises :class:`InputErrors` naming the
place (``events[0].unit``) with nothing written, or :class:`register.NotFound`.

* a scenario is one record of the section ``scenarios`` (canonical/scenarios.py), written with
  ``services.sections.write_items``: checked like an import, attributed, a new version only of what
  changed, and refused with a conflict (409) when someone saved a newer version meanwhile;
* evaluating it (domain/scenario.py) starts from the organisation on the branch day — the read
  models' answer for that day and view — and applies the scenario's events; the evaluation is kept
  per (scenario version, baseline changeset), so an edit and a redraw do not read the organisation
  again;
* a scenario is **stale** when the organisation on its branch day differs from the fingerprint it
  was made on; what changed it (who, when, why) and what of the scenario no longer fits (the
  engine's error: which event, which field) are listed, and nothing of the scenario is lost;
* **promoting** writes the scenario's events as decided events of the register with their
  decision, in one transaction with the scenario's new status; realising them is then the
  register's ordinary status change of an event (:func:`realise`).
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from raadhuis.analysis import reorganisation as reorg
from raadhuis.analysis import span_of_control as soc
from raadhuis.analysis.common import rounded
from raadhuis.canonical.check import check_dataset
from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.decode import decode_decision, event_from_dict
from raadhuis.canonical.encode import event_to_dict
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.paths import Errors, path_text
from raadhuis.canonical.scenarios import (
    NAME,
    decode_scenario,
    decode_scenario_event,
    fingerprint,
    scenario_to_dict,
    snapshot_digest,
)
from raadhuis.canonical.sections import DecodeContext
from raadhuis.domain import scenario as dom
from raadhuis.domain.compare import diff_units
from raadhuis.domain.dates import DateError, FuzzyDate
from raadhuis.domain.engine import EngineError, build_history
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Snapshot, StaffingKind, Status, View
from raadhuis.domain.order import place
from raadhuis.domain.salary import DEFAULT_STEP_RULE, STEP_RULES
from raadhuis.domain.scenario import AfterBranch, Baseline, Evaluation, Promotion, Scenario, ScenarioStatus
from raadhuis.reference.salary_tables import DEFAULT_CHARGES
from raadhuis.services import analysis, register, salary
from raadhuis.services import sections as sec
from raadhuis.services.collector import collector_paused
from raadhuis.services.event_words import EVENT_WORDS
from raadhuis.services.register import NotFound, StoreKnown, write_dataset
from raadhuis.services.scenario_figures import Figures
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

MAX_COMPARED = 4  # scenarios side by side next to the baseline
MAX_DAYS = 8  # points of a comparison over time


class _Lru:
    """A few answers kept, newest last; safe for the web server's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Any:
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def drop(self, key: tuple[Any, ...]) -> None:
        with self.lock:
            self.items.pop(key, None)

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)


class _Kept:
    """What is kept for one store: starts, evaluations and analyses. Per Store object, not per URL:
    two stores with one URL (PostgreSQL schemas, a test's) must not share answers."""

    def __init__(self) -> None:
        self.start = _Lru(8)  # (org, view, day, event changeset) → Start
        self.evaluations = _Lru(32)  # (org, scenario, version, event changeset, days) → Evaluation
        self.analyses = _Lru(16)  # (org, view, day, event changeset, scenario, version, band) → analyses
        self.baselines = _Lru(8)  # (org, view, branch day, event changeset, digest, later events, day) → _Drawn
        self.event_ids = _Lru(4)  # (org, event changeset) → the register's event ids
        self.figures = _Lru(2)  # (org, band, cost arguments) → Figures (found by the snapshots' content)
        self.assumed = _Lru(8)  # (org, view, day, event changeset) → the baseline's assumed posts (read-only)


_KEPT: weakref.WeakKeyDictionary[Store, _Kept] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def _kept(store: Store) -> _Kept:
    with _KEPT_LOCK:
        found = _KEPT.get(store)
        if found is None:
            found = _KEPT[store] = _Kept()
        return found


def _now() -> str:
    # To the microsecond: the changesets recorded after it are what made a scenario stale.
    return datetime.now(UTC).isoformat()


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80].rstrip("-") or "scenario"


def _unique(base: str, taken: Iterable[str]) -> str:
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def _day(value: Any, field: str, origin: str) -> FuzzyDate:
    try:
        text = value.isoformat() if isinstance(value, date) else str(value).strip()
        if re.match(r"^\d{1,2}-\d{1,2}-\d{4}$", text):  # typed the Dutch way: one rule for typed days
            from raadhuis.i18n.formatting import read_day

            text = read_day(text).isoformat()
        return FuzzyDate.parse(text)
    except DateError as exc:
        raise InputErrors([InputError(origin, None, field, str(exc))]) from None


# --- reading ---------------------------------------------------------------------------------


def _org_id(store: Store, organisation: str) -> str:
    with store.session() as s:
        return register.resolve_organisation(s, organisation).id


def _records(store: Store, org: str) -> list[tuple[Scenario, int]]:
    with store.session() as s:
        rows = repo.current_records(s, "scenario", org)
        versions = {r.key: repo.current_version(s, "scenario", org, r.key) or 0 for r in rows}
    ctx = DecodeContext(None)
    out = []
    for r in rows:
        item = decode_scenario(r.data, (NAME,), ctx)
        if item is not None:
            out.append((item, versions[r.key]))
    if ctx.errors:
        raise InputErrors([InputError("<store>", None, path_text(p), m) for p, m in ctx.errors])
    return out


def load(store: Store, organisation: str, scenario_id: str) -> tuple[Scenario, int]:
    """A scenario and its version; NotFound names the scenarios there are."""
    org = _org_id(store, organisation)
    found = _records(store, org)
    for item, version in found:
        if item.id == scenario_id:
            return item, version
    known = ", ".join(i.id for i, _ in found) or "none yet"
    raise NotFound("scenario", scenario_id, f"in {org}; scenarios: {known}")


def _event_changeset(store: Store, org: str) -> int:
    with store.session() as s:
        return repo.last_event_changeset(s, org)


@dataclass(frozen=True)
class Start:
    """What every scenario branched from one day in one view starts from: the organisation on that
    day (the read models' answer), the view's later events, and the day's fingerprint."""

    snapshot: Snapshot
    later: tuple[Event, ...]
    digest: str

    def later_for(self, scenario: Scenario) -> list[Event]:
        """The later events the scenario's baseline holds (none for a what-if; not those it has its own version of)."""
        if scenario.after_branch is AfterBranch.SCENARIO_ONLY:
            return []
        own = scenario.event_ids()
        return [e for e in self.later if e.id not in own]

    def fingerprint(self, scenario: Scenario) -> str:
        return fingerprint(self.digest, self.later_for(scenario))


@collector_paused
def start_of(store: Store, org: str, view: View, day: date) -> Start:
    """The start of scenarios branched on ``day`` in ``view`` (kept until the next write of an event)."""
    key = (org, view.value, day, _event_changeset(store, org))
    found = _kept(store).start.get(key)
    if found is None:
        snap = register.snapshot(store, org, day, view)
        with store.session() as s:
            rows = repo.event_rows(s, org, start=day + timedelta(days=1))
        later = tuple(
            event_from_dict(r.data, r.seq) for r in rows if view.admits(Status(r.status)) and r.effective > day
        )
        found = Start(snap, later, snapshot_digest(snap))
        _kept(store).start.put(key, found)
    return found  # type: ignore[no-any-return]


@collector_paused
def evaluation(
    store: Store, scenario: Scenario, days: Iterable[date], version: int | None = None
) -> tuple[Evaluation, Start]:
    """The scenario on ``days`` (and what does not fit) and its start. Kept per (scenario version,
    baseline changeset) when the version is known (a stored scenario)."""
    wanted = tuple(sorted(set(days)))
    start = start_of(store, scenario.organisation, scenario.view, scenario.branch_day)
    key = None
    if version is not None:
        key = (
            scenario.organisation,
            scenario.id,
            version,
            _event_changeset(store, scenario.organisation),
            wanted,
        )
        cached = _kept(store).evaluations.get(key)
        if cached is not None:
            return cached, start
    result = dom.evaluate_from(start.snapshot, scenario, wanted, start.later_for(scenario))
    if key is not None:
        _kept(store).evaluations.put(key, result)
    return result, start


def baseline_of(start: Start, scenario: Scenario, day: date) -> Snapshot:
    """The scenario's baseline on ``day``: the same organisation without the scenario's events."""
    bare = replace(scenario, events=())
    return dom.evaluate_from(start.snapshot, bare, [day], start.later_for(scenario)).at(day)


@dataclass(frozen=True)
class _Drawn:
    """A scenario's baseline on one day as its page draws and compares it (read it, do not change it)."""

    snapshot: Snapshot
    rows: dict[str, dict[str, Any]]  # unit id → its chart row
    fte: dict[str, float]  # unit id → its budgeted FTE
    headline: dict[str, Any]


def _drawn_baseline(store: Store, start: Start, scenario: Scenario, day: date) -> _Drawn:
    """The baseline of :func:`baseline_of` with its chart rows, kept until the next write of an event:
    an edit of the scenario changes its own events, not its baseline, so a redraw reuses it."""
    key = (
        scenario.organisation,
        scenario.view.value,
        scenario.branch_day,
        _event_changeset(store, scenario.organisation),
        start.digest,
        tuple(
            e.id for e in start.later_for(scenario)
        ),  # the later events it holds: the scenario's own versions are left out
        day,
    )
    found: _Drawn | None = _kept(store).baselines.get(key)
    if found is None:
        snap = baseline_of(start, scenario, day)
        found = _Drawn(
            snap, {r["id"]: r for r in unit_rows(snap)}, reorg.per_unit_fte(snap), reorg.headline(snap).to_dict()
        )
        _kept(store).baselines.put(key, found)
    return found


def _evaluate_now(store: Store, scenario: Scenario) -> Evaluation:
    """A scenario not stored (yet) in this form, on its last change day: for the checks of an edit."""
    start = start_of(store, scenario.organisation, scenario.view, scenario.branch_day)
    return dom.evaluate_from(start.snapshot, scenario, [_default_day(scenario)], start.later_for(scenario))


def _days_of(scenario: Scenario) -> list[date]:
    """The days worth looking at: the branch day, each change, and the target date it takes effect."""
    days = set(dom.change_days(scenario))
    if scenario.effective_by is not None and scenario.effective_by.effective > scenario.branch_day:
        days.add(scenario.effective_by.effective)
    return sorted(days)


def _default_day(scenario: Scenario) -> date:
    """After its last change (or on its target date, before it has changes)."""
    return max(_days_of(scenario))


def _conflict(exc: EngineError, scenario: Scenario, lang: str) -> dict[str, Any]:
    from raadhuis.i18n.errors import translate

    index = next((j for j, e in enumerate(scenario.events) if e.id == exc.event.id), None)
    return {
        "event": exc.event.id,
        "type": exc.event.type.value,
        "date": exc.event.date.text,
        "field": f"events[{index}].{exc.field}" if index is not None else exc.field,
        "message": translate(exc.message, lang),
        "message_en": exc.message,
    }


def staleness(store: Store, scenario: Scenario, digest: str) -> dict[str, Any]:
    """Whether the baseline changed since the scenario was made, and the changes that did it."""
    if scenario.based_on is None or scenario.based_on.digest == digest:
        return {"stale": False, "changes": [], "since": scenario.based_on.noted_at if scenario.based_on else None}
    changes: list[dict[str, Any]] = []
    if scenario.based_on.noted_at:
        try:
            moment = datetime.fromisoformat(scenario.based_on.noted_at)
            moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            with store.session() as s:
                changes = repo.event_changesets_since(s, scenario.organisation, moment)
        except ValueError:
            changes = []
    return {"stale": True, "changes": changes, "since": scenario.based_on.noted_at}


def summary(scenario: Scenario, version: int) -> dict[str, Any]:
    return {
        "id": scenario.id,
        "organisation": scenario.organisation,
        "name": scenario.name,
        "status": scenario.status.value,
        "owner": scenario.owner,
        "description": scenario.description,
        "from": scenario.branch.text,
        "view": scenario.view.value,
        "after_branch": scenario.after_branch.value,
        "decide_by": scenario.decide_by.text if scenario.decide_by else None,
        "effective_by": scenario.effective_by.text if scenario.effective_by else None,
        "events": len(scenario.events),
        "copied_from": scenario.copied_from,
        "promoted": (
            {
                "decision": scenario.promoted.decision,
                "events": list(scenario.promoted.events),
                "at": scenario.promoted.at,
            }
            if scenario.promoted
            else None
        ),
        "version": version,
    }


def list_scenarios(store: Store, organisation: str, lang: str = "nl") -> dict[str, Any]:
    """The scenarios of an organisation, each with whether its baseline changed since."""
    with store.session() as s:
        org = register.organisation_summary(register.resolve_organisation(s, organisation))
    rows = []
    for item, version in sorted(_records(store, org["id"]), key=lambda x: (x[0].branch_day, x[0].name)):
        digest = start_of(store, item.organisation, item.view, item.branch_day).fingerprint(item)
        rows.append(summary(item, version) | {"stale": staleness(store, item, digest)["stale"]})
    return {"organisation": org, "scenarios": rows}


@collector_paused
def show(store: Store, organisation: str, scenario_id: str, at: date | None = None, lang: str = "nl") -> dict[str, Any]:
    """One scenario: its events in words, the organisation it makes on ``at`` (default: after its
    last change) as chart rows marked against its baseline on that day (the same organisation
    without the scenario's events), what does not fit, and staleness."""
    from raadhuis.services import differences

    item, version = load(store, organisation, scenario_id)
    day = at or _default_day(item)
    if day < item.branch_day:
        raise InputErrors(
            [
                InputError(
                    "(scenario)",
                    None,
                    "at",
                    f"expected a day on or after the branch day {item.branch_day.isoformat()}, got {day.isoformat()}",
                )
            ]
        )
    result, begun = evaluation(store, item, [day], version)
    base, digest = _drawn_baseline(store, begun, item, day), begun.fingerprint(item)
    after = result.at(day)
    with store.session() as s:
        org = register.organisation_summary(register.resolve_organisation(s, item.organisation))
        org_names = {o.id: o.name for o in repo.organisations(s)}
    rows = unit_rows(after)
    after_rows = {r["id"]: r for r in rows}
    changes = diff_units(base.snapshot.units, after.units, base.fte, reorg.per_unit_fte(after), item.events)
    timeline = {e.id: _entry(e) for e in item.events if e.date.effective <= day and e.id in result.applied}
    diff_json = {
        "view": "planned",
        "from": item.branch_day.isoformat(),
        "to": day.isoformat(),
        "changes": [c.to_dict() for c in changes],
    }

    def say(key: str, **values: object) -> str:
        from raadhuis.i18n import t

        return t(key, lang, **values)

    reading = differences.read(diff_json, timeline, base.rows, after_rows, org_names, say, lang)
    said = {sd.event["id"]: sd.text() for sd in reading.changes if sd.event}
    conflicts = {c.event.id: _conflict(c, item, lang) for c in result.conflicts}
    displaced = [_conflict(c, item, lang) for c in result.displaced]
    events = []
    for j, e in enumerate(item.events):
        events.append(
            {
                "index": j,
                "id": e.id,
                "type": e.type.value,
                "date": e.date.text,
                "title": e.title,
                "text": said.get(e.id),
                "assumption": e.assumption,
                "data": scenario_to_dict(replace(item, events=(e,)))["events"][0],
                "applied": e.id in result.applied,
                "conflict": conflicts.get(e.id),
            }
        )
    return {
        "organisation": org,
        "scenario": summary(item, version)
        | {"sources": [c.to_dict() for c in item.citations], "assumption": item.assumption},
        "at": day.isoformat(),
        "branch_day": item.branch_day.isoformat(),
        "days": [d.isoformat() for d in _days_of(item)],
        "events": events,
        "changes": [
            {"kind": sd.kind, "text": sd.text(), "segments": sd.segments, "units": sd.units} for sd in reading.changes
        ],
        "marks": reading.marks,
        "gone": reading.gone,
        "units": rows,
        "baseline": base.headline | {"at": day.isoformat()},
        "totals": reorg.headline(after).to_dict(),
        "conflicts": list(conflicts.values()),
        "displaced": displaced,
        "stale": staleness(store, item, digest),
        "fingerprint": digest,
    }


def _entry(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type.value,
        "status": "proposed",
        "date": e.date.text,
        "effective": e.date.effective.isoformat(),
        "data": event_to_dict(e),
        "units": e.subjects(),
    }


_BADGES = {StaffingKind.VACANCY: "vacancy", StaffingKind.EXTERNAL_HIRE: "external_hire"}  # kinds with a badge


def unit_rows(snapshot: Snapshot) -> list[dict[str, Any]]:
    """The units as the chart draws them (the rows of ``register.show``), with their staffing badges."""
    fte: dict[str, list[float]] = {}
    staffing: dict[str, dict[str, float]] = {}
    for p in snapshot.posts.values():
        f = fte.get(p.unit)
        if f is None:
            f = fte[p.unit] = [0.0, 0.0, 0.0]
            st = staffing[p.unit] = {"vacancy": 0.0, "external_hire": 0.0, "unknown": 0.0, "open": 0.0}
        else:
            st = staffing[p.unit]
        filled = p.filled_fte  # once per post: the row and the open badge add the same figure
        f[0] += p.fte
        f[1] += filled
        f[2] += 1
        for line in p.staffing:
            badge = _BADGES.get(line.kind)
            if badge is not None:
                st[badge] += line.fte
        if not p.staffing:
            st["unknown"] += p.fte
        else:
            st["open"] += max(0.0, p.fte - filled)
    out = []
    for unit, depth in register._tree_order(snapshot.units):  # the one tree order of the register's answers
        f = fte.get(unit.id, [0.0, 0.0, 0.0])
        st = staffing.get(unit.id, {})
        out.append(
            {
                "id": unit.id,
                "name": unit.name,
                "kind": unit.kind,
                "parent": unit.parent,
                "depth": depth,
                "abbreviation": unit.abbreviation,
                "temporary": unit.temporary,
                "expected_end": unit.expected_end,
                "task_fields": [{"code": t.code, "share": t.share} for t in unit.task_fields],
                "posts": int(f[2]),
                "fte": round(f[0], 4),
                "filled_fte": round(f[1], 4),
                "vacancy_fte": round(st.get("vacancy", 0.0), 4),
                "external_fte": round(st.get("external_hire", 0.0), 4),
                "unknown_fte": round(st.get("unknown", 0.0), 4),
                "open_fte": round(st.get("open", 0.0), 4),
            }
        )
    return out


@collector_paused
def posts_on(store: Store, organisation: str, scenario_id: str, at: date | None = None) -> list[dict[str, Any]]:
    """The posts of the scenario's organisation on a day (for the forms: move, remove, change a post)."""
    item, version = load(store, organisation, scenario_id)
    day = at or _default_day(item)
    snap = evaluation(store, item, [day], version)[0].at(day)
    return [
        {"id": p.id, "unit": p.unit, "title": p.title, "fte": p.fte, "scale": p.scale, "manager": p.manager}
        for p in sorted(snap.posts.values(), key=lambda p: (p.unit, p.title, p.id))
    ]


# --- writing ----------------------------------------------------------------------------------


def _write(
    store: Store,
    scenario: Scenario,
    who: str,
    reason: str,
    origin: str,
    version: int | None,
    dry_run: bool = False,
) -> dict[str, Any]:
    result = sec.write_items(
        store,
        NAME,
        [scenario],
        who,
        reason or f"scenario {scenario.id}",
        origin,
        dry_run,
        {(scenario.organisation, scenario.id): version},
    )
    return {"changeset": result.changeset, "changed": result.changed, "dry_run": dry_run}


def _check_status(scenario: Scenario, origin: str) -> None:
    if scenario.promoted is not None:
        raise InputErrors(
            [
                InputError(
                    origin,
                    None,
                    "status",
                    f"scenario {scenario.id!r} was promoted to plan (decision {scenario.promoted.decision}); "
                    "it is not changed any more: copy it to go on",
                )
            ]
        )


def new(
    store: Store,
    organisation: str,
    name: str,
    branch: Any,
    who: str,
    view: View = View.ACTUAL,
    after_branch: AfterBranch = AfterBranch.REGISTER,
    owner: str | None = None,
    description: str | None = None,
    decide_by: Any = None,
    effective_by: Any = None,
    scenario_id: str | None = None,
    reason: str = "",
    origin: str = "cli",
    events: list[Any] | None = None,
) -> dict[str, Any]:
    """A new scenario of an organisation, branched from a day on a view (concept)."""
    errors: list[InputError] = []
    if not name or not name.strip():
        errors.append(InputError(origin, None, "name", "expected the scenario's name"))
    day = None
    try:
        day = _day(branch, "from", origin) if branch not in (None, "") else None
        if day is None:
            errors.append(InputError(origin, None, "from", "expected the day the scenario branches from"))
    except InputErrors as exc:
        errors += exc.errors
    targets: dict[str, FuzzyDate | None] = {}
    for key, value in (("decide_by", decide_by), ("effective_by", effective_by)):
        try:
            targets[key] = _day(value, key, origin) if value not in (None, "") else None
        except InputErrors as exc:
            errors += exc.errors
    if errors or day is None:
        raise InputErrors(errors)
    org = _org_id(store, organisation)
    taken = [i.id for i, _ in _records(store, org)]
    sid = scenario_id.strip() if scenario_id else _unique(_slug(name), taken)
    if sid in taken:
        raise InputErrors([InputError(origin, None, "id", f"scenario {sid!r} already exists in {org}")])
    scenario = Scenario(
        id=sid,
        organisation=org,
        name=name.strip(),
        branch=day,
        view=view,
        after_branch=after_branch,
        owner=(owner or who).strip() or None,
        description=(description or "").strip() or None,
        decide_by=targets["decide_by"],
        effective_by=targets["effective_by"],
    )
    scenario = replace(
        scenario, based_on=Baseline(start_of(store, org, view, day.effective).fingerprint(scenario), _now())
    )
    if events:
        scenario = replace(scenario, events=tuple(_decode_new(store, scenario, events, origin)))
        _check_fits(store, scenario, scenario.event_ids(), origin)
    out = _write(store, scenario, who, reason or f"nieuw scenario {scenario.name}", origin, None)
    return out | {"scenario": summary(scenario, 1)}


def _event_taken(store: Store, scenario: Scenario) -> set[str]:
    """The event ids in use: the register's (kept until its next write of an event: every edit of a
    scenario asks, and the register has tens of thousands) and the scenario's own."""
    key = (scenario.organisation, _event_changeset(store, scenario.organisation))
    register_ids: frozenset[str] | None = _kept(store).event_ids.get(key)
    if register_ids is None:
        with store.session() as s:
            register_ids = frozenset(repo.current_keys(s, "event", scenario.organisation))
        _kept(store).event_ids.put(key, register_ids)
    return set(register_ids) | scenario.event_ids()


def _subject(raw: Mapping[str, Any]) -> str:
    for key in ("unit", "into", "post"):
        value = raw.get(key)
        if isinstance(value, dict) and value.get("id"):
            return str(value["id"])
        if isinstance(value, list) and value and isinstance(value[0], dict) and value[0].get("id"):
            return str(value[0]["id"])
        if isinstance(value, str) and value:
            return value
    return "-".join(str(u) for u in (raw.get("units") or [])[:3]) or str(raw.get("function") or "gebeurtenis")


def _ids_taken(store: Store, scenario: Scenario) -> tuple[set[str], set[str]]:
    """Every unit and post id the baseline and the scenario ever use: a new one is made unique against them."""
    start = start_of(store, scenario.organisation, scenario.view, scenario.branch_day)
    events = [*start.later, *scenario.events]
    units = set(start.snapshot.units) | {u for e in events for u in e.subjects()}
    posts = set(start.snapshot.posts)
    for e in events:
        if e.post is not None:
            posts.add(e.post.id)
        if e.post_id:
            posts.add(e.post_id)
    return units, posts


def _code(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", plain.strip()).strip("-").upper()[:80] or "X"


def _with_ids(raw: dict[str, Any], units: set[str], posts: set[str]) -> dict[str, Any]:
    """New units and posts without an id get one by the register's rule: a unit its abbreviation
    (``BSP``) or name, a post its unit and title; unique against every id ever used there."""
    raw = dict(raw)
    for key in ("unit", "into"):
        value = raw.get(key)
        items = value if isinstance(value, list) else [value]
        fixed = []
        for item in items:
            if isinstance(item, dict) and not item.get("id") and item.get("name"):
                abbr = str(item.get("abbreviation") or "").strip()
                item = dict(item, id=_unique(_code(abbr) if abbr else _slug(str(item["name"])), units))
            if isinstance(item, dict) and item.get("id"):
                units.add(str(item["id"]))
            fixed.append(item)
        raw[key] = fixed if isinstance(value, list) else fixed[0]
    post = raw.get("post")
    if isinstance(post, dict) and not post.get("id") and post.get("unit") and post.get("title"):
        post = dict(post, id=_unique(f"{post['unit']}-{_slug(str(post['title']))}", posts))
        raw["post"] = post
    if isinstance(post, dict) and post.get("id"):
        posts.add(str(post["id"]))
    return {k: v for k, v in raw.items() if v is not None or k == "parent"}


def _decode_new(store: Store, scenario: Scenario, raw_events: list[Any], origin: str) -> list[Event]:
    """The events an edit brings, decoded by the one decoder; ids made when not given."""
    taken = _event_taken(store, scenario)
    units, posts = _ids_taken(store, scenario)
    ctx = DecodeContext(scenario.organisation)
    out: list[Event] = []
    for j, raw in enumerate(raw_events):
        if isinstance(raw, dict):
            raw = _with_ids(raw, units, posts)
        if isinstance(raw, dict) and not raw.get("id") and raw.get("type") and raw.get("date"):
            word = EVENT_WORDS.get(str(raw["type"]), _slug(str(raw["type"])))
            raw = dict(raw, id=_unique(f"{_slug(_subject(raw))}-{word}-{_slug(str(raw['date']))}", taken))
        if isinstance(raw, dict) and raw.get("id"):
            taken.add(str(raw["id"]))
        if isinstance(raw, dict) and raw.get("type") not in (None, *EventType.values()):
            ctx.error(
                ("events", j, "type"), f"expected one of {', '.join(EventType.values())}, got {raw.get('type')!r}"
            )
            continue
        event = decode_scenario_event(raw, scenario.organisation, j, ("events", j), ctx)
        if event is not None:
            out.append(event)
    if ctx.errors:
        raise InputErrors([InputError(origin, None, path_text(p), m) for p, m in ctx.errors])
    return out


def _check_fits(store: Store, scenario: Scenario, new_ids: set[str], origin: str) -> None:
    """The scenario's own rules, and every new event must apply to the organisation as it then stands."""
    errors = [InputError(origin, None, path_text(p), m) for p, m in dom.problems(scenario)]
    if errors:
        raise InputErrors(errors)
    result = _evaluate_now(store, scenario)
    bad = [c for c in result.conflicts if c.event.id in new_ids]
    if bad:
        raise InputErrors([InputError(origin, None, _conflict(c, scenario, "en")["field"], c.message) for c in bad])


@collector_paused
def add_events(
    store: Store,
    organisation: str,
    scenario_id: str,
    raw_events: list[Any],
    who: str,
    reason: str = "",
    origin: str = "cli",
    version: int | None = None,
    dry_run: bool = False,
) -> dict[str, Any]:
    """Add proposed events to a scenario (an event with the id of one it holds replaces it, in its
    place). Every new event must fit; ``version``: the version the edit was made on (409 if newer)."""
    item, current = load(store, organisation, scenario_id)
    _check_status(item, origin)
    if not raw_events:
        raise InputErrors([InputError(origin, None, "events", "expected at least one event")])
    new_events = _decode_new(store, item, raw_events, origin)
    by_id = {e.id: e for e in new_events}
    kept = [by_id.pop(e.id, e) for e in item.events]
    events = [replace(e, seq=i) for i, e in enumerate(kept + [e for e in new_events if e.id in by_id])]
    updated = replace(item, events=tuple(events))
    _check_fits(store, updated, {e.id for e in new_events}, origin)
    out = _write(
        store,
        updated,
        who,
        reason or "scenario gewijzigd",
        origin,
        version if version is not None else current,
        dry_run,
    )
    return out | {
        "events": [e.id for e in new_events],
        "scenario": summary(updated, current + (0 if dry_run or not out["changed"] else 1)),
    }


def remove_event(
    store: Store,
    organisation: str,
    scenario_id: str,
    event_id: str,
    who: str,
    reason: str = "",
    origin: str = "cli",
    version: int | None = None,
) -> dict[str, Any]:
    """Take a proposed event out of a scenario (the earlier version of the scenario keeps it)."""
    item, current = load(store, organisation, scenario_id)
    _check_status(item, origin)
    if item.event(event_id) is None:
        raise NotFound(
            "event", event_id, f"in scenario {scenario_id}; events: {', '.join(e.id for e in item.events) or 'none'}"
        )
    updated = replace(item, events=tuple(e for e in item.events if e.id != event_id))
    later = _evaluate_now(store, updated).conflicts
    before = {c.event.id for c in _evaluate_now(store, item).conflicts}
    broken = [c for c in later if c.event.id not in before]
    if broken:
        raise InputErrors(
            [
                InputError(
                    origin,
                    None,
                    _conflict(c, updated, "en")["field"],
                    f"without {event_id}, event {c.event.id} would no longer fit: {c.message}",
                )
                for c in broken
            ]
        )
    out = _write(
        store, updated, who, reason or f"{event_id} uit scenario", origin, version if version is not None else current
    )
    return out | {"scenario": summary(updated, current + 1)}


def update(
    store: Store,
    organisation: str,
    scenario_id: str,
    who: str,
    reason: str = "",
    origin: str = "cli",
    version: int | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """Change a scenario's name, description, owner, target dates or status (not 'decided': promote)."""
    item, current = load(store, organisation, scenario_id)
    _check_status(item, origin)
    changes: dict[str, Any] = {}
    errors: list[InputError] = []
    for key in ("name", "description", "owner"):
        if fields.get(key) is not None:
            text = str(fields[key]).strip()
            if key == "name" and not text:
                errors.append(InputError(origin, None, "name", "expected the scenario's name"))
            changes[key] = text or None
    for key in ("decide_by", "effective_by"):
        if fields.get(key) is not None:
            try:
                changes[key] = _day(fields[key], key, origin) if str(fields[key]).strip() else None
            except InputErrors as exc:
                errors += exc.errors
    if fields.get("status") is not None:
        try:
            status = ScenarioStatus(fields["status"])
        except ValueError:
            errors.append(
                InputError(
                    origin,
                    None,
                    "status",
                    f"expected one of {', '.join(s.value for s in ScenarioStatus)}, got {fields['status']!r}",
                )
            )
        else:
            if status is ScenarioStatus.DECIDED:
                errors.append(
                    InputError(
                        origin, None, "status", "a scenario becomes decided by promoting it to plan, with its decision"
                    )
                )
            elif status is not item.status and status not in dom.NEXT_STATUS[item.status]:
                errors.append(
                    InputError(origin, None, "status", f"a {item.status.value} scenario cannot become {status.value}")
                )
            else:
                changes["status"] = status
    if errors:
        raise InputErrors(errors)
    updated = replace(item, **changes)
    errors = [InputError(origin, None, path_text(p), m) for p, m in dom.problems(updated)]
    if errors:
        raise InputErrors(errors)
    out = _write(
        store, updated, who, reason or "scenario bijgewerkt", origin, version if version is not None else current
    )
    return out | {"scenario": summary(updated, current + (1 if out["changed"] else 0))}


def copy(
    store: Store,
    organisation: str,
    scenario_id: str,
    who: str,
    name: str | None = None,
    reason: str = "",
    origin: str = "cli",
) -> dict[str, Any]:
    """A copy to go on from (concept, same branch day and baseline, same events; an event whose id
    is the register's — a promoted scenario's — gets an id of its own)."""
    item, _ = load(store, organisation, scenario_id)
    taken_scenarios = [i.id for i, _ in _records(store, item.organisation)]
    new_name = (name or "").strip() or f"{item.name} (kopie)"
    sid = _unique(_slug(new_name), taken_scenarios)
    with store.session() as s:
        register_ids = {r.key for r in repo.current_records(s, "event", item.organisation)}
    taken = register_ids | item.event_ids()
    events = []
    for e in item.events:
        if e.id in register_ids:
            fresh = _unique(f"{e.id}-{sid}"[:120], taken)
            taken.add(fresh)
            e = replace(e, id=fresh)
        events.append(replace(e, status=Status.PROPOSED, decision=None))
    copied = replace(
        item,
        id=sid,
        name=new_name,
        status=ScenarioStatus.DRAFT,
        events=tuple(events),
        owner=who or item.owner,
        copied_from=item.id,
        promoted=None,
    )
    out = _write(store, copied, who, reason or f"kopie van scenario {item.id}", origin, None)
    return out | {"scenario": summary(copied, 1)}


def rebase(
    store: Store, organisation: str, scenario_id: str, who: str, reason: str = "", origin: str = "cli"
) -> dict[str, Any]:
    """Take the organisation as it now stands on the branch day as the scenario's baseline (after
    looking at what changed it); the earlier version of the scenario keeps the old fingerprint."""
    item, current = load(store, organisation, scenario_id)
    _check_status(item, origin)
    digest = start_of(store, item.organisation, item.view, item.branch_day).fingerprint(item)
    updated = replace(item, based_on=Baseline(digest, _now()))
    out = _write(store, updated, who, reason or "uitgangssituatie bijgewerkt", origin, current)
    return out | {"scenario": summary(updated, current + 1)}


# --- promoting ---------------------------------------------------------------------------------


def promote(
    store: Store,
    organisation: str,
    scenario_id: str,
    who: str,
    reason: str = "",
    decision: Mapping[str, Any] | None = None,
    decision_id: str | None = None,
    origin: str = "cli",
    version: int | None = None,
    dry_run: bool = False,
) -> dict[str, Any]:
    """The scenario becomes decided events of the register, with their decision, in the planned view
    and the timeline; the scenario becomes 'decided' and names the decision and the events. One
    transaction: either all of it or nothing. Refused when the scenario is stale (rebase first, after
    looking), when an event id is already the register's, or when an event would not fit the plan."""
    item, current = load(store, organisation, scenario_id)
    _check_status(item, origin)
    errors: list[InputError] = []
    if item.status is ScenarioStatus.REJECTED:
        errors.append(
            InputError(origin, None, "status", f"scenario {item.id!r} was rejected; copy it or make it a concept again")
        )
    if not item.events:
        errors.append(InputError(origin, None, "events", "the scenario holds no events to promote"))
    digest = start_of(store, item.organisation, item.view, item.branch_day).fingerprint(item)
    if staleness(store, item, digest)["stale"]:
        errors.append(
            InputError(
                origin,
                None,
                "based_on",
                "the organisation on the branch day changed since the scenario was made; look at the changes "
                "and rebase the scenario before promoting it",
            )
        )
    if version is not None and version != current:
        errors.append(
            InputError(origin, None, "version", f"scenario {item.id!r} changed since version {version} (now {current})")
        )
    with store.session() as s:
        existing = {d["id"]: d for d in repo.current_data(s, "decision")}
    new_decision = None
    if decision_id:
        if decision_id not in existing:
            errors.append(InputError(origin, None, "decision", f"unknown decision {decision_id!r}"))
        did = decision_id
    else:
        raw = dict(decision or {})
        for key in ("body", "date", "title"):
            if not str(raw.get(key) or "").strip():
                errors.append(InputError(origin, None, f"decision.{key}", f"the decision needs its {key}"))
        did = str(raw.get("id") or "").strip()
        if not errors:
            if str(raw["date"]).strip() and re.match(r"^\d{1,2}-\d{1,2}-\d{4}$", str(raw["date"]).strip()):
                raw["date"] = _day(raw["date"], "decision.date", origin).text
            did = did or _unique(f"{_slug(str(raw['body']))}-{_slug(str(raw['date']))}", existing)
            raw |= {"id": did, "organisation": item.organisation}
            found: Errors = []
            new_decision = decode_decision(
                {k: v for k, v in raw.items() if v not in (None, "")}, ("decision",), found, item.organisation
            )
            errors += [InputError(origin, None, path_text(p), m) for p, m in found]
    if errors:
        raise InputErrors(errors)
    decided = [replace(e, status=Status.DECIDED, decision=did) for e in item.events]
    promoted = replace(
        item,
        status=ScenarioStatus.DECIDED,
        events=tuple(decided),
        promoted=Promotion(did, tuple(e.id for e in decided), _now()),
    )
    # Under the organisation's write lock (Store.write): the check of the plan and the write are one step.
    with store.write([item.organisation]) as s:
        if repo.current_version(s, "scenario", item.organisation, item.id, lock=True) != current:
            raise InputErrors(
                [InputError(origin, None, "version", f"scenario {item.id!r} changed meanwhile; look again")]
            )
        known = StoreKnown(s)
        stored = known[item.organisation]
        ids = {e.id for e in stored}
        clash = [(j, e.id) for j, e in enumerate(decided) if e.id in ids]
        if clash:
            raise InputErrors(
                [
                    InputError(origin, None, f"events[{j}].id", f"event id {i!r} is already an event of the register")
                    for j, i in clash
                ]
            )
        placed = place(decided, stored)
        history = build_history(stored + placed, item.organisation, View.PLANNED)
        before = {str(c) for c in build_history(stored, item.organisation, View.PLANNED).conflicts}
        mine = {e.id for e in placed}
        bad = [c for c in history.conflicts if c.event.id in mine]
        broken = [c for c in history.conflicts if c.event.id not in mine and str(c) not in before]
        if bad or broken:
            raise InputErrors(
                [InputError(origin, None, _conflict(c, promoted, "en")["field"], c.message) for c in bad]
                + [
                    InputError(
                        origin,
                        None,
                        "events",
                        f"register event {c.event.id!r} ({c.event.type.value}, {c.event.date.text}) would no longer fit the plan: {c.message}",
                    )
                    for c in broken
                ]
            )
        ds = Dataset(events=[replace(e, seq=i) for i, e in enumerate(decided)], sections={NAME: [promoted]})
        if new_decision is not None:
            ds.decisions.append(new_decision)
        for i, e in enumerate(decided):
            ds.origins[(e.organisation, e.id)] = ("events", i)
        problems: Errors = []
        check_dataset(ds, problems, known, known)
        if problems:
            raise InputErrors([InputError(origin, None, path_text(p), m) for p, m in problems])
        result = write_dataset(
            s, ds, origin, who, reason or f"scenario {item.name} bevorderd tot plan", dry_run, None, known
        )
    return {
        "scenario": summary(promoted, current + (0 if dry_run else 1)),
        "decision": did,
        "new_decision": new_decision is not None,
        "events": [e.id for e in decided],
        "changeset": result.changeset,
        "dry_run": dry_run,
        "planned_at": max(e.date.effective for e in decided).isoformat(),
    }


def realise(
    store: Store, organisation: str, scenario_id: str, event_id: str, who: str, reason: str = "", origin: str = "cli"
) -> dict[str, Any]:
    """Record that one promoted event happened: the register's status change of an event (a new
    version of it, status realised), checked like any event against the actual history."""
    item, _ = load(store, organisation, scenario_id)
    if item.promoted is None or event_id not in item.promoted.events:
        raise InputErrors(
            [InputError(origin, None, "event", f"{event_id!r} is not an event this scenario was promoted into")]
        )
    with store.session() as s:
        rows = {r.key: r.data for r in repo.current_records(s, "event", item.organisation)}
    if event_id not in rows:
        raise NotFound("event", event_id, f"in {item.organisation}")
    data = dict(rows[event_id], status="realised")
    result = register.add_events(store, item.organisation, [data], who, reason or f"{event_id} gerealiseerd", origin)
    return {"event": event_id, "status": "realised", "changeset": result.changeset}


# --- comparing --------------------------------------------------------------------------------


def _baseline_on(store: Store, org: str, view: View, day: date, starts: list[tuple[date, View, Snapshot]]) -> Snapshot:
    """The register's organisation on ``day``: a branch day's snapshot when nothing happened since."""
    with store.session() as s:
        last = repo.last_event_day(s, org, day)
    for branch, v, snap in starts:
        if v is view and branch <= day and (last is None or last <= branch):
            return Snapshot(org, day, view, snap.units, snap.posts)
    return register.snapshot(store, org, day, view)


def _assumed_posts(store: Store, org: str, view: View, day: date, event_cs: int) -> dict[str, str]:
    """The register's posts resting on an assumption on ``day`` (post id → why), kept until the next
    write of an event: reading them decodes every post event of the organisation."""
    key = (org, view.value, day, event_cs)
    found: dict[str, str] | None = _kept(store).assumed.get(key)
    if found is None:
        found = analysis.assumed_posts(store, org, day, view)
        _kept(store).assumed.put(key, found)
    return found


def _assumed(
    snapshot: Snapshot, baseline_assumed: Mapping[str, str], scenario: Scenario | None, day: date
) -> dict[str, str]:
    out = {k: v for k, v in baseline_assumed.items() if k in snapshot.posts}
    for e in scenario.events if scenario else ():
        if not e.assumption or e.date.effective > day:
            continue
        why = e.assumption if isinstance(e.assumption, str) else "aangenomen"
        for pid in [e.post.id if e.post else None, e.post_id, *e.posts]:
            if pid and pid in snapshot.posts:
                out[pid] = why
    return out


def _figures(
    store: Store, org: str, band: tuple[int, int], cost_args: dict[str, Any]
) -> tuple[Figures, tuple[Any, ...]]:
    """The figures of the organisation's comparisons with this band and these cost arguments (the
    same snapshots, of a repeated comparison or the baseline of another, find theirs made), and
    the key to keep them by (:func:`_keep_figures`)."""
    table = cost_args["table"]
    key = (org, band, table, *(cost_args[k] for k in sorted(cost_args) if k != "table"))
    found: Figures | None = _kept(store).figures.get(key)
    return (found if found is not None else Figures(band, cost_args)), key


def _keep_figures(store: Store, key: tuple[Any, ...], figures: Figures) -> None:
    """Kept for the next comparison, unless it holds many organisations (a comparison of many
    scenarios over many days, or many edits since): what is kept stays a few snapshots' worth."""
    if figures.full():
        _kept(store).figures.drop(key)
    else:
        _kept(store).figures.put(key, figures)


def _column(
    store: Store,
    key: str,
    snapshot: Snapshot,
    baseline: Snapshot | None,
    assumed: dict[str, str],
    figures: Figures,
    events: Iterable[Event],
    cache_key: tuple[Any, ...],
) -> dict[str, Any]:
    band = figures.band
    found = _kept(store).analyses.get(cache_key)
    if found is None:
        found = analysis.of_snapshot(
            store,
            snapshot.organisation,
            snapshot,
            assumed,
            band,
            figures.span(snapshot),
            figures.bosses(snapshot),
            figures.unit_figures,
        )
        _kept(store).analyses.put(cache_key, found)
    span = figures.span(snapshot)
    head = figures.head(snapshot)
    cost = figures.cost(snapshot)
    out: dict[str, Any] = {
        "key": key,
        "at": snapshot.at.isoformat(),
        "figures": head.to_dict()
        | {"assumption": "; ".join(dict.fromkeys(w.rstrip(". ") for w in assumed.values())) or None},
        "cost": cost.to_dict(),
        "cost_by_unit": {u: round(v, 2) for u, v in cost.by_unit.items()},
        "span": reorg.span_summary(span) | {"managers_detail": [m.to_dict() for m in span.managers]},
        "pyramid": [layer.to_dict() for layer in figures.pyramid(snapshot)],
        "span_reasons": [r.to_dict() for r in span.reasons],
        "formation": found["span"]["formation"],
        "vulnerability": [
            {
                "code": i["id"],
                "name": i["name"],
                "score": i["score"],
                "sufficient": i["sufficient"],
                "assumption": i.get("assumption"),
            }
            for i in found["vulnerability"]["task_fields"]
        ],
        "capacity": [
            {
                "code": t["code"],
                "name": t["name"],
                "staffed_fte": t["staffed_fte"],
                "budgeted_fte": t["budgeted_fte"],
                "demand_fte": t["demand_fte"],
                "gap": t["gap"],
                "challenges": t["challenges"],
                "assumption": t.get("assumption"),
            }
            for t in found["capacity"]["task_fields"]
        ],
        "units_list": sorted((u.name for u in snapshot.units.values()), key=str.lower),
    }
    if baseline is not None:
        changes = diff_units(baseline.units, snapshot.units, figures.fte(baseline), figures.fte(snapshot), events)
        out["unit_changes"] = [{"id": c.id, "change": c.change, "name": c.name, "related": c.related} for c in changes]
        out["cooperations_affected"] = [
            c.to_dict()
            for c in reorg.cooperations_affected(baseline, snapshot, changes, found["cooperations_in_force"])
        ]
        out["staff_changes"] = [c.to_dict() for c in figures.staff_changes(baseline, snapshot)]
    return out


DELTA_KEYS = (
    ("units", ("figures", "units")),
    ("posts", ("figures", "posts")),
    ("formatie_fte", ("figures", "formatie_fte")),
    ("bezetting_fte", ("figures", "bezetting_fte")),
    ("cost", ("cost", "total")),
    ("managers", ("span", "managers")),
    ("mean_span", ("span", "mean")),
    ("layers", ("span", "layers")),
)


def _get(column: Mapping[str, Any], path: tuple[str, str]) -> Any:
    return column[path[0]][path[1]]


def _over_time_days(items: list[tuple[Scenario, int]], until: date) -> list[date]:
    """The days of the comparison over time: every change day of the scenarios up to ``until``."""
    days = sorted({d for item, _ in items for d in dom.change_days(item) if d <= until} | {until})
    if len(days) > MAX_DAYS:  # the first, the last and evenly between: a table stays readable
        step = (len(days) - 1) / (MAX_DAYS - 1)
        days = sorted({days[round(i * step)] for i in range(MAX_DAYS)})
    return days


def _over_time(
    store: Store,
    org: str,
    view: View,
    items: list[tuple[Scenario, int]],
    until: date,
    starts: list[tuple[date, View, Snapshot]],
    figures: Figures,
) -> dict[str, Any]:
    days = _over_time_days(items, until)

    def point(snap: Snapshot) -> dict[str, Any]:
        head = figures.head(snap)
        span = figures.span(snap)
        c = figures.cost(snap)
        return head.to_dict() | {
            "cost": rounded(c.total),  # to_dict()'s total, without its sums per unit
            "cost_assumption": c.assumption,
            "managers": len(span.managers),
            "mean_span": span.mean,
        }

    rows = [
        {
            "key": "baseline",
            "values": [point(_baseline_on(store, org, view, d, starts)) | {"at": d.isoformat()} for d in days],
        }
    ]
    for item, version in items:
        wanted = [d for d in days if d >= item.branch_day]
        result = evaluation(store, item, wanted, version)[0]
        rows.append(
            {
                "key": item.id,
                "values": [
                    (point(result.at(d)) if d in result.snapshots else {})
                    | {"at": d.isoformat(), "before_branch": d < item.branch_day}
                    for d in days
                ],
            }
        )
    return {"days": [d.isoformat() for d in days], "rows": rows}


@collector_paused
def compare(
    store: Store,
    organisation: str,
    scenario_ids: list[str],
    at: date | None = None,
    view: View | None = None,
    band: tuple[int, int] = soc.DEFAULT_BAND,
    charges: float | None = None,
    step_rule: str = DEFAULT_STEP_RULE,
    table_id: str | None = None,
    over_time: bool = True,
    lang: str = "nl",
) -> dict[str, Any]:
    """The baseline (the register in ``view``) and one to four scenarios side by side on ``at``
    (default: after the last change of any of them), and over time: units, posts, formatie and
    bezetting, personnel cost, span of control and its pyramid, vulnerability and capacity per task
    field against demand, cooperations affected, staff who change unit or manager; deltas against
    the baseline. Every cost figure carries what it assumes."""
    origin = "(compare)"
    errors: list[InputError] = []
    ids = list(dict.fromkeys(i.strip() for i in scenario_ids if i and i.strip()))
    if not ids:
        errors.append(InputError(origin, None, "scenarios", "expected one to four scenarios to compare"))
    if len(ids) > MAX_COMPARED:
        errors.append(
            InputError(origin, None, "scenarios", f"expected at most {MAX_COMPARED} scenarios, got {len(ids)}")
        )
    if step_rule not in STEP_RULES:
        errors.append(
            InputError(origin, None, "step_rule", f"expected one of {', '.join(STEP_RULES)}, got {step_rule!r}")
        )
    if charges is not None and not 0 <= charges <= 200:
        errors.append(InputError(origin, None, "charges", f"expected a percentage between 0 and 200, got {charges:g}"))
    if errors:
        raise InputErrors(errors)
    with store.session() as s:
        org = register.organisation_summary(register.resolve_organisation(s, organisation))
    items = [load(store, org["id"], i) for i in ids]
    view = view or items[0][0].view
    day = at or max(_default_day(item) for item, _ in items)
    early = [item for item, _ in items if day < item.branch_day]
    if early:
        raise InputErrors(
            [
                InputError(
                    origin,
                    None,
                    "at",
                    f"scenario {item.id!r} branches on {item.branch_day.isoformat()}: compare on that day or later, not {day.isoformat()}",
                )
                for item in early
            ]
        )
    table, later = salary.table_for(store, day, table_id)
    pct = (
        charges if charges is not None else (table.charges if table and table.charges is not None else DEFAULT_CHARGES)
    )
    charges_note = None
    if (
        charges is None
        and table is not None
        and table.charges is not None
        and isinstance(table.charges_assumption, str)
    ):
        charges_note = table.charges_assumption
    cost_args = {
        "table": table,
        "charges": pct,
        "step_rule": step_rule,
        "charges_assumption": charges_note,
        "later_price_level": later,
    }
    starts: list[tuple[date, View, Snapshot]] = []
    evaluated: list[tuple[Scenario, int, Evaluation, str]] = []
    # Each scenario evaluated once on every day the comparison shows (the day compared among those
    # over time): the columns and the points over time are then of the same snapshots.
    shown_days = _over_time_days(items, day) if over_time else [day]
    for item, version in items:
        result, begun = evaluation(store, item, [d for d in shown_days if d >= item.branch_day], version)
        starts.append((item.branch_day, item.view, begun.snapshot))
        evaluated.append((item, version, result, begun.fingerprint(item)))
    baseline = _baseline_on(store, org["id"], view, day, starts)
    figures, figures_key = _figures(store, org["id"], band, cost_args)
    event_cs = _event_changeset(store, org["id"])
    base_assumed = _assumed_posts(store, org["id"], view, day, event_cs)
    base_key = (org["id"], view.value, day, event_cs, "", 0, band)
    columns = [
        _column(store, "baseline", baseline, None, base_assumed, figures, (), base_key)
        | {"kind": "baseline", "view": view.value}
    ]
    for item, version, result, digest in evaluated:
        snap = result.at(day)
        key = (org["id"], view.value, day, event_cs, item.id, version, band)
        col = _column(
            store, item.id, snap, baseline, _assumed(snap, base_assumed, item, day), figures, item.events, key
        )
        col |= {
            "kind": "scenario",
            "scenario": summary(item, version),
            "stale": staleness(store, item, digest),
            "conflicts": [_conflict(c, item, lang) for c in result.conflicts],
            "displaced": [_conflict(c, item, lang) for c in result.displaced],
            "delta": {name: reorg.delta(_get(columns[0], path), _get(col, path)) for name, path in DELTA_KEYS},
        }
        columns.append(col)
    fields: dict[str, dict[str, Any]] = {}
    for col in columns:
        for t in col["capacity"]:
            row = fields.setdefault(
                t["code"], {"code": t["code"], "name": t["name"], "demand_fte": t["demand_fte"], "columns": {}}
            )
            row["columns"][col["key"]] = {
                "staffed_fte": t["staffed_fte"],
                "gap": t["gap"],
                "assumption": t.get("assumption"),
            }
        for v in col["vulnerability"]:
            row = fields.setdefault(
                v["code"], {"code": v["code"], "name": v["name"], "demand_fte": None, "columns": {}}
            )
            row["columns"].setdefault(col["key"], {})["vulnerability"] = v["score"]
    assumptions = list({a["nl"]: a for col in columns for a in col["cost"]["assumptions"]}.values())
    table_info = None
    if table is not None:
        _, shipped = salary.tables(store)
        table_info = {
            "id": table.id,
            "name": table.name,
            "valid_from": table.valid_from.text,
            "sources": [c.to_dict() for c in table.citations],
            "assumption": table.assumption,
            "shipped": shipped,
            "publication": salary.shipped_source() if shipped else None,
            "later_price_level": later,
        }
    out = {
        "organisation": org,
        "at": day.isoformat(),
        "view": view.value,
        "band": list(band),
        "charges": pct,
        "step_rule": step_rule,
        "salary_table": table_info,
        "columns": columns,
        "task_fields": sorted(
            fields.values(), key=lambda r: [int(x) if x.isdigit() else 0 for x in re.split(r"\D+", r["code"]) if x]
        ),
        "assumptions": assumptions,
    }
    if over_time:
        out["over_time"] = _over_time(store, org["id"], view, items, day, starts, figures)
    _keep_figures(store, figures_key, figures)
    return out
