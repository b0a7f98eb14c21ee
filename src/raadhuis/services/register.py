"""Use cases of the register, shared by the CLI, the API and the web pages.

Each function opens one unit of work; what it returns is plain data (dicts and lists)
ready for JSON, a table or a template, so a figure is computed once for every door.
"""

from __future__ import annotations

import copy
import getpass
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from raadhuis.canonical.check import check_dataset
from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.decode import event_from_dict
from raadhuis.canonical.encode import event_to_dict, unit_to_dict
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.paths import path_text
from raadhuis.canonical.records import dataset_from_records, event_positions, record_dicts, restrict
from raadhuis.domain.compare import diff_units, lineage, unit_attributes
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.engine import EngineError, LineageLink, build_history, replay
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Post, Snapshot, Status, Unit, View
from raadhuis.domain.order import ordered
from raadhuis.domain.transfers import together, transfer_pairs
from raadhuis.formats.dataset import check_decoded, decode_text
from raadhuis.formats.text import read_text
from raadhuis.i18n import formatting as fmt
from raadhuis.i18n.errors import in_words, translate
from raadhuis.i18n.formatting import format_fuzzy
from raadhuis.services.collector import collector_paused
from raadhuis.services.concurrency import check_unchanged
from raadhuis.store import repository as repo
from raadhuis.store.database import Store, in_write, lock_organisations
from raadhuis.store.tables import OrganisationRow

Progress = Callable[[str, int, int], None]


class NotFound(LookupError):
    """``what`` (organisation, unit, event, ...) called ``ref`` is not there; ``suggestions``
    are the names closest to what was typed, ``scope`` the organisation looked in."""

    def __init__(
        self, what: str, ref: str, hint: str = "", suggestions: list[str] | None = None, scope: str | None = None
    ) -> None:
        super().__init__(f"{what} {ref!r} not found{': ' + hint if hint else ''}")
        self.what = what
        self.ref = ref
        self.hint = hint
        self.suggestions = suggestions or []
        self.scope = scope


def close_names(typed: str, names: dict[str, str], limit: int = 3) -> list[str]:
    """The entries of ``names`` (id -> name) closest to ``typed``, as 'Name (id)': a name or
    id that contains what was typed first, then the nearest by spelling."""
    import difflib

    norm = typed.strip().lower()
    if not norm:
        return []
    keys: dict[str, str] = {}
    for ident, name in names.items():
        keys.setdefault(ident.lower(), ident)
        keys.setdefault((name or "").lower(), ident)
    found = [ident for key, ident in keys.items() if len(norm) >= 3 and norm in key]
    found += [keys[k] for k in difflib.get_close_matches(norm, list(keys), n=limit * 2, cutoff=0.6)]
    out: list[str] = []
    for ident in found:
        label = f"{names[ident]} ({ident})" if names[ident] and names[ident] != ident else ident
        if label not in out:
            out.append(label)
    return out[:limit]


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers; record that honestly
        return "onbekend"


# --- organisations --------------------------------------------------------------------


def resolve_organisation(session: Session, ref: str) -> OrganisationRow:
    """An organisation by CBS code (GM0168, 0168, 168), id, slug or name."""
    ref_clean = ref.strip()
    norm = ref_clean.lower()
    code = None
    digits = norm[2:] if norm.startswith("gm") else norm
    if digits.isdigit():
        code = f"GM{int(digits):04d}"
    # Those that match by id, slug or code first, found by the database (a register of every
    # municipality has hundreds of organisations, and every question names one); by name, or
    # when the database's lower() folds differently, every organisation as before.
    for candidates in (repo.organisations_named(session, norm, code), None):
        for org in candidates if candidates is not None else repo.organisations(session):
            if org.id.lower() == norm or (org.slug or "").lower() == norm or (code and org.cbs_code == code):
                return org
    candidates = repo.organisations(session)
    for org in candidates:
        if org.name.lower() == norm:
            return org
    known = ", ".join(f"{o.id} ({o.name})" for o in candidates[:10]) or "none yet; import a dataset first"
    raise NotFound(
        "organisation",
        ref_clean,
        f"known organisations: {known}",
        close_names(ref_clean, {o.id: o.name for o in candidates}),
    )


def list_organisations(store: Store, search: str | None = None) -> list[dict[str, Any]]:
    with store.session() as s:
        out = []
        for org in repo.organisations(s):
            if search and search.lower() not in f"{org.id} {org.name} {org.slug or ''}".lower():
                continue
            first, last, count = repo.event_span(s, org.id)
            out.append(
                {
                    **organisation_summary(org),
                    "first_event": first.isoformat() if first else None,
                    "last_event": last.isoformat() if last else None,
                    "events": count,
                }
            )
        return out


# --- import ---------------------------------------------------------------------------


@dataclass
class ImportResult:
    file: str
    organisations: list[str]
    written: dict[str, dict[str, int]] = field(default_factory=dict)  # kind → added/changed/unchanged
    events: int = 0
    dry_run: bool = False
    conflicts: dict[str, list[str]] = field(default_factory=dict)  # planned events that no longer fit
    changeset: int | None = None
    changed: bool = True  # False: the data equals what is stored, nothing was (or would be) recorded
    # Dates typed another way than the dataset's form, and how they were read ("[0].date: ...").
    understood: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "organisations": self.organisations,
            "written": self.written,
            "events": self.events,
            "dry_run": self.dry_run,
            "conflicts": self.conflicts,
            "changeset": self.changeset,
            "changed": self.changed,
            "understood": self.understood,
        }


class StoreKnown(Mapping[str, list[Event]]):
    """What the store already holds, read only when a check asks: the events per organisation
    (a mapping, for the history check) and the rest (canonical.sections.Known, for sections)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[str, list[Event]] = {}
        self.writing = in_write(session)

    def __getitem__(self, org: str) -> list[Event]:
        if org not in self.cache:
            if self.writing:  # events a write checks against stay as read until it commits
                lock_organisations(self.session, [org])
            self.cache[org] = repo.events_of(self.session, org)
        return self.cache[org]

    def __iter__(self) -> Iterator[str]:
        return iter(self.cache)

    def __len__(self) -> int:
        return len(self.cache)

    def organisation_ids(self) -> set[str]:
        return {o.id for o in repo.organisations(self.session)}

    def unit_ids(self, organisation: str) -> set[str]:
        return {uid for e in self[organisation] for uid in e.subjects()}

    def post_ids(self, organisation: str) -> set[str]:
        out: set[str] = set()
        for e in self[organisation]:
            if e.post is not None:
                out.add(e.post.id)
            if e.post_id:
                out.add(e.post_id)
        return out

    def event_ids(self, organisation: str) -> set[str]:
        if organisation in self.cache:
            return {e.id for e in self.cache[organisation]}
        # The ids alone: the keys of the current event records (decoding 168,000 events to learn
        # their ids was most of a scenario edit's time at national scale).
        if self.writing:
            lock_organisations(self.session, [organisation])
        return repo.current_keys(self.session, "event", organisation)

    def events_among(self, organisation: str, ids: Iterable[str]) -> set[str]:
        wanted = set(ids)
        if organisation in self.cache:
            return {e.id for e in self.cache[organisation] if e.id in wanted}
        if self.writing:
            lock_organisations(self.session, [organisation])
        return repo.current_keys_among(self.session, "event", organisation, wanted)

    def record_keys(self, kind: str) -> set[tuple[str, str]]:
        return repo.record_keys(self.session, kind)

    def records(self, kind: str) -> list[dict[str, Any]]:
        return repo.current_data(self.session, kind)

    def transfers(self) -> set[tuple[str, str]]:
        return repo.transfer_pairs(self.session)


def organisations_touched(s: Session, organisations: Iterable[str], events: Iterable[Event] = ()) -> set[str]:
    """The organisations a write to ``organisations`` touches: they, and every organisation in the
    register connected to them by a transfer — stored, or among the ``events`` being written —
    whose history the write can change (domain/transfers.py). The one place that says which: a
    write rebuilds the read models of them all, and must hold the write lock of each."""
    orgs = set(organisations)
    return together(orgs, repo.transfer_pairs(s) | transfer_pairs(events), _members(s) | orgs)


def _members(s: Session) -> set[str]:
    """The organisations in the register: a transfer to any other makes the unit leave."""
    return {o.id for o in repo.organisations(s)}


def events_with_transfers(s: Session, organisation: str, known_at: datetime | None = None) -> list[Event]:
    """The events that shape one organisation's history: its own and those of the organisations it
    transfers units to or receives them from (as known at ``known_at``, when given)."""
    group = organisations_touched(s, [organisation])
    return [e for org in sorted(group) for e in repo.events_of(s, org, known_at)]


def import_dataset(
    store: Store,
    path: str | Path,
    who: str | None = None,
    reason: str = "",
    dry_run: bool = False,
    progress: Progress | None = None,
    text: str | None = None,
    authorise: Callable[[list[str]], None] | None = None,
) -> ImportResult:
    """Validate a dataset against the store and write it in one transaction.

    Records with an id already in the store get a new version (the old one stays in the
    log); events are checked together with the organisation's events already stored.
    Any error raises :class:`InputErrors` and nothing is written. ``authorise`` is called
    with the organisations the dataset writes, before anything is written; it raises to refuse.
    """
    name = str(path)
    kind = "json" if name.lower().endswith(".json") else "yaml"
    if text is None:
        text = read_text(path)
    if progress:
        progress("validate", 0, 1)
    # Reading the file needs nothing from the register and is done before waiting for another
    # writer; the checks against the register run inside the write lock, on the state the
    # previous writer left (so two imports valid alone but not together cannot both land).
    ds = decode_text(text, name, kind)
    with store.write(ds.organisation_ids()) as s:
        known = StoreKnown(s)
        check_decoded(ds, text, name, known, known)
        if progress:
            progress("validate", 1, 1)
        result = write_dataset(s, ds, name, who, reason, dry_run, progress, known, authorise)
    if result.changed and not result.dry_run and result.events >= ANALYZE_AFTER:
        store.analyze()
    return result


# An import of at least this many events is followed by fresh planner statistics (PostgreSQL): the
# planner has none for the read models of a register this size until autovacuum comes round.
ANALYZE_AFTER = 10_000


def write_dataset(
    s: Session,
    ds: Dataset,
    name: str,
    who: str | None,
    reason: str,
    dry_run: bool,
    progress: Progress | None,
    known: Mapping[str, list[Event]] | None = None,
    authorise: Callable[[list[str]], None] | None = None,
) -> ImportResult:
    """Write a checked dataset: only records whose data differs get a new version; when nothing
    differs no changeset is made at all (the answer says so), and no read model is rebuilt."""
    orgs = ds.organisation_ids()
    if authorise is not None:
        authorise(orgs)
    result = ImportResult(name, orgs, events=len(ds.events), dry_run=dry_run)
    _check_organisations_known(s, ds)
    records = record_dicts(ds)
    positions = event_positions(ds)
    plans = {kind: repo.plan_records(s, kind, items, positions) for kind, items in records.items()}
    for kind, plan in plans.items():
        c = plan.count
        result.written[kind] = {"added": c.added, "changed": c.changed, "unchanged": c.unchanged}
    if not any(plan.changes for plan in plans.values()):
        result.changed = False
        result.changeset = None
        return result
    cs = repo.new_changeset(s, who or current_user(), reason or f"import {Path(name).name}", name)
    result.changeset = cs.id
    for plan in plans.values():
        repo.write_plan(s, cs, plan)
    for org_data in plans["organisation"].inserts:
        repo.upsert_organisation(s, org_data["data"])
    touched = {row["organisation"] for row in plans["event"].inserts} | {
        row["key"] for row in plans["organisation"].inserts
    }
    touched = {org for org in orgs if org in touched}
    if touched:
        touched = organisations_touched(s, touched, ds.events)
        lock_organisations(s, sorted(touched))  # their read models are rebuilt below
    to_rebuild = [org for org in orgs if org in touched] + sorted(touched - set(orgs))
    members = _members(s)
    group_events = [e for org in sorted(touched) for e in _merged_events(s, ds, org, known)]
    for i, org in enumerate(to_rebuild):
        if progress:
            progress("rebuild", i, len(to_rebuild))
        if s.get(OrganisationRow, org) is None:
            continue
        event_data = {key: data for o, key, data in records["event"] if o == org}
        histories = repo.rebuild(s, org, group_events, ds.histories.get(org), event_data, members)
        conflicts = histories[View.PLANNED].conflicts
        if conflicts:
            result.conflicts[org] = [str(c) for c in conflicts]
    if progress:
        progress("rebuild", len(to_rebuild), len(to_rebuild))
    if dry_run:
        s.rollback()
        result.changeset = None
    return result


def _merged_events(s: Session, ds: Dataset, org: str, known: Mapping[str, list[Event]] | None) -> list[Event]:
    """The organisation's events after this write: those already stored that the dataset
    does not replace, and the dataset's own. Reuses what validation loaded."""
    if known is None:
        return repo.events_of(s, org)
    new = [e for e in ds.events if e.organisation == org]
    new_ids = {e.id for e in new}
    return [e for e in known[org] if e.id not in new_ids] + new


def _check_organisations_known(s: Session, ds: Dataset) -> None:
    declared = {o.id for o in ds.organisations}
    errors = []
    for org in ds.organisation_ids():
        if org not in declared and s.get(OrganisationRow, org) is None:
            errors.append(
                InputError(
                    "<dataset>",
                    None,
                    "organisation",
                    f"organisation {org!r} is used but not declared in 'organisations' nor in the store",
                )
            )
    if errors:
        raise InputErrors(errors)


def write_events(
    store: Store,
    organisation: str,
    events: list[Event],
    who: str | None,
    reason: str,
    origin: str,
    dry_run: bool = False,
    extra: Dataset | None = None,
    seen: int | None = None,
) -> ImportResult:
    """Add events made by a form or an Excel import, with the same checks as a dataset import.

    ``events`` come in the order the door gave them; their positions are given here, the
    same way for every door (domain/order.place, in the check). ``seen``: the version of
    the register the form showed; a newer change to the same units raises EditConflict."""
    with store.session() as s:
        org_id = resolve_organisation(s, organisation).id
    ds = extra or Dataset()
    ds.events = list(ds.events) + [replace(e, seq=i) for i, e in enumerate(events)]
    with store.write([org_id, *ds.organisation_ids()]) as s:
        org = resolve_organisation(s, org_id)
        check_unchanged(s, org.id, events, seen)
        known = StoreKnown(s)
        errors: list[tuple[tuple[str | int, ...], str]] = []
        for i, e in enumerate(events):
            ds.origins[(e.organisation, e.id)] = ("events", i)
        check_dataset(ds, errors, known, known)
        if errors:
            raise InputErrors([InputError(origin, None, path_text(p), m) for p, m in errors])
        return write_dataset(s, ds, origin, who, reason, dry_run, None, known) if org else ImportResult(origin, [])


def add_events(
    store: Store,
    organisation: str,
    raw_events: list[Any],
    who: str | None,
    reason: str,
    origin: str,
    dry_run: bool = False,
    name: str = "<request>",
    seen: int | None = None,
    lang: str = "nl",
) -> ImportResult:
    """Events in the dataset format (as the API receives them): decoded by the one decoder,
    then written as :func:`write_events` does. Every error names the event's place. A date a
    person typed (31-12-2011, "maart 2012") is read as the forms do, and said in ``understood``."""
    with store.session() as s:
        org_id = resolve_organisation(s, organisation).id
    events: list[Event] = []
    errors: list[InputError] = []
    notes: list[str] = []
    for i, raw in enumerate(raw_events):
        if not isinstance(raw, dict):
            errors.append(InputError(name, None, f"[{i}]", "expected an event in the dataset format (a mapping)"))
            continue
        if isinstance(raw.get("date"), str) and (read := fmt.typed_period(raw["date"])) != raw["date"]:
            notes.append(f"[{i}].date: {fmt.understood_period(raw['date'], read, lang)}")
            raw = dict(raw, date=read)
        try:
            events.append(event_from_dict(dict(raw, organisation=raw.get("organisation", org_id)), i))
        except InputErrors as exc:
            errors += [InputError(name, None, f"[{i}].{e.field}", e.message) for e in exc.errors]
        except (KeyError, ValueError, TypeError) as exc:
            errors.append(InputError(name, None, f"[{i}]", f"expected an event in the dataset format: {exc}"))
    if errors:
        raise InputErrors(errors)
    result = write_events(store, org_id, events, who, reason, origin, dry_run, seen=seen)
    result.understood = notes
    return result


def retract_event(
    store: Store, organisation: str, event_id: str, who: str | None, reason: str, seen: int | None = None
) -> None:
    """Withdraw an event (it stays in the log, marked retracted). The rest must still fit.
    ``seen`` as in :func:`write_events`: refused when its units changed since."""
    with store.session() as s:
        org_id = resolve_organisation(s, organisation).id
    with store.write([org_id]) as s:
        org = resolve_organisation(s, org_id)
        group = sorted(organisations_touched(s, [org.id]))
        lock_organisations(s, group)  # the partners of its transfers too, before their events are read
        stored = [e for o in group for e in repo.events_of(s, o)]
        events = [e for e in stored if not (e.organisation == org.id and e.id == event_id)]
        if len(events) == len(stored):
            raise NotFound("event", event_id)
        check_unchanged(s, org.id, [e for e in stored if e.organisation == org.id and e.id == event_id], seen)
        members = _members(s)
        for other in group:  # what depended on the event, here or across a transfer, must still fit
            try:
                build_history(events, other, View.ACTUAL, members)
            except EngineError as exc:
                raise InputErrors([InputError("<retract>", None, exc.field, f"without {event_id}: {exc}")]) from None
        cs = repo.new_changeset(s, who or current_user(), reason or f"retract {event_id}", "retract")
        repo.retract_record(s, cs, "event", org.id, event_id)
        for other in group:
            repo.rebuild(s, other, events, members=members)


# --- questions ------------------------------------------------------------------------


@collector_paused
def snapshot(
    store: Store, organisation: str, at: date, view: View = View.ACTUAL, known_at: datetime | None = None
) -> Snapshot:
    """The organisation as of ``at``. With ``known_at``: as the register knew it then,
    replayed from the record log (slower, but exact for any earlier moment)."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        if known_at is not None:
            return replay(events_with_transfers(s, org.id, known_at), org.id, at, view, _members(s))
        units = repo.units_as_of(s, org.id, at, view)
        posts = repo.posts_as_of(s, org.id, at, view)
        return Snapshot(org.id, at, view, units, posts)


def organisation_summary(org: OrganisationRow) -> dict[str, Any]:
    """An organisation as every answer names it (the ``organisation`` object of the JSON contracts)."""
    return {
        "id": org.id,
        "name": org.name,
        "kind": org.kind,
        "cbs_code": org.cbs_code,
        "slug": org.slug,
        "province": org.province,
    }


def _tree_order(units: dict[str, Unit]) -> list[tuple[Unit, int]]:
    """Units depth-first in name order, with their depth; orphans (parent outside) at top."""
    children: dict[str | None, list[Unit]] = {}
    for u in units.values():
        parent = u.parent if u.parent in units else None
        children.setdefault(parent, []).append(u)
    for group in children.values():
        group.sort(key=lambda u: u.name.lower())
    out: list[tuple[Unit, int]] = []
    stack: list[tuple[Unit, int]] = [(u, 0) for u in reversed(children.get(None, []))]
    while stack:
        unit, depth = stack.pop()
        out.append((unit, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(unit.id, [])))
    return out


@collector_paused
def show(
    store: Store, organisation: str, at: date, view: View = View.ACTUAL, known_at: datetime | None = None
) -> dict[str, Any]:
    """The organisation on a day: its units (tree order) with FTE per unit.

    The answer is the same for every day between two event dates, until the next write; it
    is kept (see :class:`_AsOfCache`) so stepping through a period or serving many readers
    does not rebuild 10,000 rows each time. Treat the returned rows as read-only."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        key = None
        if known_at is None:
            key = (store.identity, org.id, org.revision, view.value, repo.last_event_day(s, org.id, at))
            cached = _AS_OF.get(key)
            if cached is not None:
                # The uncertain dates depend on the day itself, not only on the last event before it.
                return dict(
                    cached,
                    at=at.isoformat(),
                    units=list(cached["units"]),
                    uncertain=_uncertain_kept(s, store, org, at, view),
                )
        snap_events: list[Event] | None = None
        if known_at is None:
            # The stored canonical dicts straight into rows: no Unit objects in between.
            raw = repo.unit_data_as_of(s, org.id, at, view)
            fte = repo.fte_by_unit(s, org.id, at, view)
        else:
            snap_events = events_with_transfers(s, org.id, known_at)
            snap = replay(snap_events, org.id, at, view, _members(s))
            raw = [unit_to_dict(u) for u in snap.units.values()]
            fte = _fte_of(snap.posts.values())
        rows = _unit_rows(raw, fte)
        posts_total = sum(int(r["posts"]) for r in rows)
        result = {
            "organisation": organisation_summary(org),
            "at": at.isoformat(),
            "view": view.value,
            "known_at": known_at.isoformat() if known_at else None,
            "units": rows,
            "totals": {
                "units": len(rows),
                "posts": posts_total,
                "fte": round(sum(float(r["fte"]) for r in rows), 4),
                "filled_fte": round(sum(float(r["filled_fte"]) for r in rows), 4),
            },
        }
        if key is not None:
            _AS_OF.put(key, result)
            return dict(result, units=list(rows), uncertain=_uncertain_kept(s, store, org, at, view))
        return dict(result, units=list(rows), uncertain=uncertain_on(s, org.id, at, view, snap_events))


def _uncertain_kept(s: Session, store: Store, org: OrganisationRow, at: date, view: View) -> list[dict[str, Any]]:
    """:func:`uncertain_on` from the register's timeline, kept like :func:`show`'s answers until the
    organisation's next write (its revision): a copy, so a caller may change it."""
    key = (store.identity, "uncertain", org.id, org.revision, view.value, at)
    kept = _UNCERTAIN.get(key)
    if kept is None:
        kept = {"value": uncertain_on(s, org.id, at, view)}
        _UNCERTAIN.put(key, kept)
    return copy.deepcopy(kept["value"]) if kept["value"] else []


def _unit_rows(raw: list[dict[str, Any]], fte: dict[str, tuple[float, float, int]]) -> list[dict[str, Any]]:
    """The rows of :func:`show` from the units' canonical dicts (``unit_to_dict``), depth-first
    in name order as :func:`_tree_order` orders units, with their FTE."""
    by_id = {u["id"]: u for u in raw}
    children: dict[str | None, list[tuple[str, str]]] = {}
    for u in raw:
        parent = u.get("parent")
        children.setdefault(parent if parent in by_id else None, []).append((u["name"].lower(), u["id"]))
    for group in children.values():
        group.sort(key=_first)  # by name only, as _tree_order: ties keep the order read
    rows: list[dict[str, Any]] = []
    nothing = (0.0, 0.0, 0)
    stack: list[tuple[str, int]] = [(uid, 0) for _, uid in reversed(children.get(None, []))]
    while stack:
        uid, depth = stack.pop()
        u = by_id[uid]
        f, filled, n = fte.get(uid, nothing)
        expected_end = u.get("expected_end")
        rows.append(
            {
                "id": uid,
                "name": u["name"],
                "kind": u.get("kind", "afdeling"),
                "parent": u.get("parent"),
                "depth": depth,
                "abbreviation": u.get("abbreviation"),
                "temporary": bool(u.get("temporary", False)),
                "expected_end": str(expected_end) if expected_end is not None else None,
                "task_fields": [
                    {"code": t, "share": 1.0}
                    if isinstance(t, str)
                    else {"code": t["code"], "share": float(t.get("share", 1.0))}
                    for t in u.get("task_fields", ()) or ()
                ],
                "posts": n,
                "fte": round(f, 4),
                "filled_fte": round(filled, 4),
            }
        )
        kids = children.get(uid)
        if kids:
            stack.extend((cid, depth + 1) for _, cid in reversed(kids))
    return rows


def _first(pair: tuple[str, str]) -> str:
    return pair[0]


def uncertain_on(
    s: Session, organisation: str, day: date, view: View, events: list[Event] | None = None
) -> list[dict[str, Any]]:
    """The events whose imprecise date leaves it open on ``day`` whether they have happened yet
    (``FuzzyDate.uncertain_on``; docs/dataset-format.md, "Onzekere datums"), with their window and
    the units and posts they touch: the answer on that day takes them as happened on the window's
    first day. ``events``: the events as known at an earlier moment (``--known-at``), else the
    register's timeline is read."""
    found: list[tuple[str, str, FuzzyDate, list[str], list[str]]] = []
    if events is not None:
        for e in ordered(events):
            if not e.date.uncertain_on(day) or not view.admits(e.status):
                continue
            if e.organisation == organisation:
                found.append((e.id, e.type.value, e.date, e.subjects(), _posts_named(event_to_dict(e))))
            elif e.type is EventType.TRANSFER_OUT and e.other_organisation == organisation and e.unit:
                arrived = e.other_unit or e.unit  # the unit arriving here (engine._arrive)
                found.append((f"{e.organisation}:{e.id}", EventType.TRANSFER_IN.value, e.date, [arrived], []))
    else:
        for event_id, etype, status, text, subjects, conflict, data in repo.imprecise_events(s, organisation, day):
            when = FuzzyDate.parse(text)
            if not when.uncertain_on(day) or not view.admits(Status(status)):
                continue
            if conflict is not None and view is View.PLANNED:  # passed over in the plan: it changed nothing
                continue
            found.append((event_id, etype, when, subjects.split(), _posts_named(data)))
    if not found:
        return []
    on_day: dict[str, Post] | None = None
    out = []
    for event_id, etype, when, units, post_ids in found:
        touched = list(units)
        if post_ids:  # the units the posts are in just before the window and on the day
            before = repo.posts_as_of(s, organisation, when.start - timedelta(days=1), view)
            on_day = on_day if on_day is not None else repo.posts_as_of(s, organisation, day, view)
            touched += [where[p].unit for p in post_ids for where in (before, on_day) if p in where]
        out.append(
            {
                "event": event_id,
                "type": etype,
                "date": when.text,
                "precision": when.precision.value,
                "window": {"from": when.start.isoformat(), "to": when.end.isoformat()},
                "units": list(dict.fromkeys(touched)),
                "posts": post_ids,
            }
        )
    return out


def _posts_named(data: dict[str, Any]) -> list[str]:
    """The posts an event (its canonical dict) names: the one it is about, or those it moves."""
    post = data.get("post")
    named = [post if isinstance(post, str) else post["id"]] if post else []
    named += [p for p in data.get("posts", []) or [] if isinstance(p, str)]
    for part in data.get("into", []) if isinstance(data.get("into"), list) else []:
        named += part.get("posts", [])
    return list(dict.fromkeys(named))


class _AsOfCache:
    """The last few as-of answers, keyed by organisation, its revision, view and the last
    event day on or before the asked day: every write of the organisation raises its revision
    (under its write lock, so in commit order, in this process or another; the key is read
    from the database), so nothing stale is served."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self.items: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> dict[str, Any] | None:
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key: tuple[Any, ...], value: dict[str, Any]) -> None:
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_AS_OF = _AsOfCache()
_UNITS = _AsOfCache()
_UNCERTAIN = _AsOfCache(256)


def _reused(s: Session, store: Store, what: str, org: str, day: date, view: View, read: Callable[[], Any]) -> Any:
    """A read model answer on a day, reused like :func:`show`'s until the next write."""
    key = (store.identity, what, org, repo.revision(s, org), view.value, repo.last_event_day(s, org, day))
    cached = _UNITS.get(key)
    if cached is None:
        cached = {"value": read()}
        _UNITS.put(key, cached)
    return cached["value"]


def units_on(s: Session, store: Store, org: str, day: date, view: View) -> dict[str, Unit]:
    """The units of an organisation on a day (reused until the next write)."""
    return dict(_reused(s, store, "units", org, day, view, lambda: repo.units_as_of(s, org, day, view)))


_units_as_of = units_on


def _fte_as_of(s: Session, store: Store, org: str, day: date, view: View) -> dict[str, tuple[float, float, int]]:
    return dict(_reused(s, store, "fte", org, day, view, lambda: repo.fte_by_unit(s, org, day, view)))


def _fte_of(posts: Iterable[Post]) -> dict[str, tuple[float, float, int]]:
    out: dict[str, tuple[float, float, int]] = {}
    for p in posts:
        f, b, n = out.get(p.unit, (0.0, 0.0, 0))
        out[p.unit] = (f + p.fte, b + p.filled_fte, n + 1)
    return out


_STRUCTURAL = tuple(
    t.value
    for t in (
        EventType.MERGE,
        EventType.ABSORB,
        EventType.SPLIT,
        EventType.CONVERT,
        EventType.TRANSFER_OUT,
        EventType.TRANSFER_IN,
    )
)


@collector_paused
def diff(store: Store, organisation: str, start: date, end: date, view: View = View.ACTUAL) -> dict[str, Any]:
    """What changed between two days: added, removed, renamed, moved, merged, split, FTE.

    Only the units whose version or FTE row begins or ends between the two days can differ, so
    only they are read (``repo.units_changed_between``); of the events between the days only the
    merges, absorptions, splits, conversions and transfers are decoded whole (what went where),
    for the rest the units they touch, kept in a column, is all the diff reads."""
    if end < start:
        start, end = end, start
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        if repo.has_unit_fte(s, org.id):
            before, after, fte_a3, fte_b3 = repo.units_changed_between(s, org.id, start, end, view)
        else:  # a register from before the unit_fte read model: the two whole days
            before = _units_as_of(s, store, org.id, start, view)
            after = _units_as_of(s, store, org.id, end, view)
            fte_a3 = _fte_as_of(s, store, org.id, start, view)
            fte_b3 = _fte_as_of(s, store, org.id, end, view)
        fte_a = {k: v[0] for k, v in fte_a3.items()}
        fte_b = {k: v[0] for k, v in fte_b3.items()}
        # Events strictly after the first day up to and including the second shape the difference.
        full = repo.event_data_of_types(s, org.id, start, end, _STRUCTURAL)
        admitted = {st.value for st in Status if view.admits(st)}
        structural: list[Event] = []
        event_ids: dict[str, list[str]] = {}
        ids: list[str] = []
        for seq, (event_id, etype, status, units_text, conflict) in enumerate(
            repo.event_touches(s, org.id, start, end)
        ):
            if conflict is not None or status not in admitted:
                continue
            ids.append(event_id)
            if etype in _STRUCTURAL:
                event = event_from_dict(full[event_id], seq)
                structural.append(event)
                subjects: Iterable[str] = event.subjects()
            else:
                subjects = units_text.split()
            for uid in subjects:
                event_ids.setdefault(uid, []).append(event_id)
        changes = diff_units(before, after, fte_a, fte_b, structural, event_ids)
        counts: dict[str, int] = {}
        for ch in changes:
            counts[ch.change] = counts.get(ch.change, 0) + 1
        return {
            "organisation": organisation_summary(org),
            "from": start.isoformat(),
            "to": end.isoformat(),
            "view": view.value,
            "counts": counts,
            "changes": [c.to_dict() for c in changes],
            "events": ids,
        }


def _status(value: str) -> Status:
    return Status(value)


def lineage_of(store: Store, organisation: str, unit: str, view: View = View.ACTUAL) -> dict[str, Any]:
    """Where a unit came from and what became of it, across merges, splits, conversions and
    transfers — also through the lineage of the other organisations in the register that a
    transfer leads to."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        # The unit's own versions first (by its index); every unit's name only when the question
        # names it by name or names none that exists.
        versions = repo.unit_versions(s, org.id, unit, view)
        links: list[LineageLink] | None = None
        if not versions:
            names = repo.unit_names(s, org.id, view)
            match = [uid for uid, n in names.items() if n.lower() == unit.lower()]
            if not match:
                # A unit merged or split away on the day it was made has no day of its own, so no
                # version; the lineage of the units around it names it, and so does its own.
                links = _linked_lineage(s, org.id, view)
                own = f"{org.id}:{unit}"
                if any(own in (link.source, link.target) for link in links):
                    match = [unit]
            if not match:
                raise NotFound(
                    "unit",
                    unit,
                    f"in {org.id}; known units: {', '.join(sorted(names)[:20])}",
                    close_names(unit, names),
                    org.id,
                )
            unit = match[0]
            versions = repo.unit_versions(s, org.id, unit, view)
        if links is None:
            links = _linked_lineage(s, org.id, view)
        preds, succs = lineage(links, f"{org.id}:{unit}")
        # The latest names of the units the answer names, read by unit, per organisation.
        wanted: dict[str, set[str]] = {}
        for step in (*preds, *succs):
            other_org, uid = step.id.split(":", 1)
            wanted.setdefault(other_org, set()).add(uid)
        members = _members(s) if set(wanted) - {org.id} else {org.id}
        names_of = {
            other: repo.latest_names(s, other, view, uids) if other == org.id or other in members else {}
            for other, uids in wanted.items()
        }

        def name_in(other_org: str, uid: str, until: date | None) -> str:
            if until is not None:  # the unit's earlier form: its name then
                earlier = [v for v in repo.unit_versions(s, other_org, uid, view) if v.valid_from < until]
                if earlier:
                    return earlier[-1].name
            return names_of.get(other_org, {}).get(uid, uid)

        def item(step: Any) -> dict[str, Any]:
            other_org, uid = step.id.split(":", 1)
            return {
                "id": uid,
                "name": name_in(other_org, uid, step.until),
                "organisation": other_org,
                "date": step.date.isoformat(),
                "event": step.event,
                "type": step.type,
                "depth": step.depth,
                "until": step.until.isoformat() if step.until else None,
            }

        return {
            "organisation": organisation_summary(org),
            "view": view.value,
            "unit": {
                "id": unit,
                "name": versions[-1].name if versions else _name_made(s, org.id, unit),
                "from": versions[0].valid_from.isoformat() if versions else None,
                "to": _open_end(versions[-1].valid_to) if versions else None,
            },
            "versions": [
                {
                    "from": v.valid_from.isoformat(),
                    "to": _open_end(v.valid_to),
                    "name": v.name,
                    "kind": v.kind,
                    "parent": v.parent_id,
                }
                for v in versions
            ],
            "predecessors": [item(p) for p in preds],
            "successors": [item(p) for p in succs],
        }


def _name_made(s: Session, organisation: str, unit: str) -> str:
    """The name a unit without a version of its own was given by the event that made it."""
    for row in repo.event_rows(s, organisation, unit=unit):
        into = row.data.get("into")  # a merge's new unit, a split's new units (the dataset's form)
        for new in into if isinstance(into, list) else [into]:
            if isinstance(new, dict) and new.get("id") == unit and new.get("name"):
                return str(new["name"])
    return unit


def _linked_lineage(s: Session, organisation: str, view: View) -> list[LineageLink]:
    """The lineage links of an organisation and of every organisation in the register its links
    lead to (transfers), each unit written "ORG:unit"; a link both sides keep counts once, as the
    organisation asked about (or the first one reached) keeps it."""
    members = _members(s)
    out: dict[tuple[str, str, date, str], LineageLink] = {}
    todo, done = [organisation], set()
    while todo:
        org = todo.pop(0)
        if org in done:
            continue
        done.add(org)
        for r in repo.lineage_links(s, org, view):
            source = r.source if ":" in r.source else f"{org}:{r.source}"
            target = r.target if ":" in r.target else f"{org}:{r.target}"
            out.setdefault(
                (source, target, r.day, r.event_id), LineageLink(source, target, r.day, r.event_id, EventType(r.type))
            )
            for other in (source.split(":", 1)[0], target.split(":", 1)[0]):
                if other not in done and other in members:
                    todo.append(other)
    return list(out.values())


def unit_names(store: Store, organisation: str, view: View = View.ACTUAL) -> dict[str, str]:
    """Every unit id that ever existed in the organisation (in the view), with its latest name."""
    with store.session() as s:
        return repo.unit_names(s, resolve_organisation(s, organisation).id, view)


def organisation_names(store: Store) -> dict[str, str]:
    """Every organisation id with its name (a code on a screen is shown as the name it stands for)."""
    with store.session() as s:
        return {o.id: o.name for o in repo.organisations(s)}


def _open_end(d: date) -> str | None:
    return None if d.year == 9999 else d.isoformat()


def timeline(
    store: Store,
    organisation: str,
    start: date | None = None,
    end: date | None = None,
    statuses: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    unit: str | None = None,
    lang: str = "nl",
) -> dict[str, Any]:
    """The events of an organisation in order, each with its decision and sources."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        sources = {d["id"]: d for d in repo.current_data(s, "source")}
        decisions = {d["id"]: d for d in repo.current_data(s, "decision")}
        rows = repo.event_rows(s, org.id, start, end, statuses, types, unit)
        # The units by name (a unit of a plan not carried out may exist in the planned view only).
        names = {**repo.unit_names(s, org.id, View.PLANNED), **repo.unit_names(s, org.id, View.ACTUAL)}
        events = []
        for r in rows:
            data = r.data
            fd = FuzzyDate.parse(r.date_text)
            events.append(
                {
                    "id": r.event_id,
                    "type": r.type,
                    "status": r.status,
                    "date": r.date_text,
                    "date_label": format_fuzzy(fd, lang),  # '1 januari 2012', '2e kwartaal 2018'
                    "precision": r.precision,
                    "effective": r.effective.isoformat(),
                    "title": data.get("title"),
                    "description": data.get("description"),
                    "units": r.units.split(),
                    "unit_names": {uid: names.get(uid, uid) for uid in r.units.split()},
                    "decision": decisions.get(r.decision) if r.decision else None,
                    "sources": _cited(data.get("sources", []), sources),
                    "assumption": bool(data.get("assumption")),
                    "realised_by": data.get("realised_by"),
                    "conflict": in_words(translate(r.conflict, lang), lang, names) if r.conflict else None,
                    "data": data,
                }
            )
    # The trajectories' milestones are added above (services.timeline), for the pages that show them.
    return {"organisation": organisation_summary(org), "events": events}


def _cited(raw: Any, sources: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for c in raw or []:
        item = {"source": c} if isinstance(c, str) else dict(c)
        item["title"] = sources.get(item["source"], {}).get("title")
        out.append(item)
    return out


def not_realised(store: Store, organisation: str) -> dict[str, Any]:
    """Events that were decided or proposed but did not happen, with what says so."""
    return timeline(store, organisation, statuses=["not_realised"])


def export_dataset(store: Store, organisation: str | None = None, known_at: datetime | None = None) -> Dataset:
    """The canonical dataset of one organisation (with the shared records it cites), or all.

    One organisation's export holds its own extension sections only — a section of no
    organisation (a trajectory of several) is in the whole register's export, not in each."""
    with store.session() as s:
        org = resolve_organisation(s, organisation).id if organisation else None
        kinds = [k for k in repo.record_kinds(s) if k != "extension"]
        records = {kind: repo.current_records(s, kind, None, known_at) for kind in kinds}
        records["extension"] = repo.current_records(s, "extension", org, known_at)
        ds = dataset_from_records(records)
        return restrict(ds, org) if org else ds


def as_of_state(store: Store, organisation: str, at: date, view: View = View.ACTUAL) -> tuple[Any, ...]:
    """What the answer of :func:`show` on ``at`` depends on, read from the database: the
    organisation, its revision (every write of it raises it), the newest changeset among its
    records (the version a form sends back), the view, the day and the last event day on or before
    it. Equal states give equal answers, in any process (web/answers.py makes the ETag of it)."""
    from raadhuis.services.concurrency import org_version as version

    # One round trip when the question names the organisation by id, slug or code (as
    # resolve_organisation finds it first), on a driver connection (no ORM session: this is read on
    # every request for the as-of tree); else the organisation found, then its state.
    norm = organisation.strip().lower()
    digits = norm[2:] if norm.startswith("gm") else norm
    code = f"GM{int(digits):04d}" if digits.isdigit() else None
    for org_id, slug, cbs_code, revision, changeset, last in repo.organisations_named_with_state(
        store.engine, norm, code, at
    ):
        if org_id.lower() == norm or (slug or "").lower() == norm or (code and cbs_code == code):
            return (org_id, revision, int(changeset or 0), view.value, at.isoformat(), last)
    with store.session() as s:
        found = resolve_organisation(s, organisation)
        return (
            found.id,
            found.revision,
            version(s, found.id),
            view.value,
            at.isoformat(),
            repo.last_event_day(s, found.id, at),
        )


def org_version(store: Store, organisation: str) -> int:
    """The version of an organisation's register a form shows (see services.concurrency)."""
    from raadhuis.services.concurrency import org_version as version

    with store.session() as s:
        return version(s, resolve_organisation(s, organisation).id)


def history_of_event(store: Store, organisation: str, event_id: str) -> list[dict[str, Any]]:
    """Every recorded version of an event: who entered or changed it, when and why."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        out = repo.record_history(s, "event", org.id, event_id)
        if not out:
            raise NotFound("event", event_id)
        return out


def unit_attributes_at(
    store: Store, organisation: str, unit: str, at: date, view: View = View.ACTUAL
) -> dict[str, Any]:
    snap = snapshot(store, organisation, at, view)
    if unit not in snap.units:
        names = {uid: u.name for uid, u in snap.units.items()}
        raise NotFound("unit", unit, f"on {at.isoformat()}", close_names(unit, names), snap.organisation)
    return unit_attributes(snap.units[unit])
