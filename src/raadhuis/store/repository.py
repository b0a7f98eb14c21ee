"""Reading and writing the record log and the read models.

All functions take an open :class:`~sqlalchemy.orm.Session`; the caller's transaction
(one ``with store.write(organisations)`` per use case in :mod:`raadhuis.services`, see
:meth:`raadhuis.store.database.Store.write`) decides when it commits, so an import lands whole
or not at all, and holds the write lock of what it changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import chain, islice
from json.scanner import make_scanner
from typing import Any

from sqlalchemy import (
    ARRAY,
    JSON,
    Date,
    DateTime,
    String,
    Text,
    and_,
    any_,
    bindparam,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from raadhuis.canonical.decode import event_from_dict
from raadhuis.canonical.encode import event_to_dict, post_to_dict, unit_to_dict
from raadhuis.canonical.facts import decode_post, decode_unit
from raadhuis.canonical.records import Stored
from raadhuis.domain.engine import History, Version, build_history
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Post, Status, Unit, View
from raadhuis.domain.order import order_key
from raadhuis.store.database import lock_records
from raadhuis.store.tables import (
    Changeset,
    EventRow,
    LineageLinkRow,
    OrganisationRow,
    PostVersion,
    Record,
    UnitFte,
    UnitVersion,
)


def now() -> datetime:
    return datetime.now(UTC)


def new_changeset(session: Session, who: str, reason: str = "", origin: str = "") -> Changeset:
    cs = Changeset(recorded_at=now(), recorded_by=who, reason=reason, origin=origin)
    session.add(cs)
    session.flush()
    return cs


# --- the record log ---------------------------------------------------------------------


def _current(kind: str, organisation: str | None = None) -> Any:
    cond = [Record.kind == kind, Record.superseded_at.is_(None), Record.retracted.is_(False)]
    if organisation is not None:
        cond.append(Record.organisation == organisation)
    return and_(*cond)


def _known_at(kind: str, at: datetime, organisation: str | None = None) -> Any:
    cond = [
        Record.kind == kind,
        Record.recorded_at <= at,
        or_(Record.superseded_at.is_(None), Record.superseded_at > at),
        Record.retracted.is_(False),
    ]
    if organisation is not None:
        cond.append(Record.organisation == organisation)
    return and_(*cond)


def current_data(
    session: Session, kind: str, organisation: str | None = None, known_at: datetime | None = None
) -> list[dict[str, Any]]:
    """The data of every current record of ``kind`` (or as known at an earlier moment)."""
    cond = _current(kind, organisation) if known_at is None else _known_at(kind, known_at, organisation)
    rows = session.execute(select(Record.key, Record.data).where(cond).order_by(Record.id)).all()
    return [dict(data) for _key, data in rows]


def current_records(
    session: Session, kind: str, organisation: str | None = None, known_at: datetime | None = None
) -> list[Stored]:
    """Every current record of ``kind`` (or as known at an earlier moment), with key and position."""
    cond = _current(kind, organisation) if known_at is None else _known_at(kind, known_at, organisation)
    rows = session.execute(
        select(Record.organisation, Record.key, Record.data, Record.position).where(cond).order_by(Record.id)
    ).all()
    return [Stored(org, key, dict(data), position) for org, key, data, position in rows]


def current_keys(session: Session, kind: str, organisation: str) -> set[str]:
    """The keys of the current records of ``kind`` of one organisation, without their data (the
    ids of its events: a check that an id is free need not decode every event)."""
    return set(session.execute(select(Record.key).where(_current(kind, organisation))).scalars())


def current_keys_among(session: Session, kind: str, organisation: str, keys: Iterable[str]) -> set[str]:
    """Those of ``keys`` that are keys of current records of ``kind`` of one organisation: whether a
    few ids are free, without reading every key (an organisation has tens of thousands of events)."""
    wanted = sorted(set(keys))
    found: set[str] = set()
    for i in range(0, len(wanted), 500):  # a bounded IN list per query
        chunk = wanted[i : i + 500]
        found.update(
            session.execute(select(Record.key).where(_current(kind, organisation), Record.key.in_(chunk))).scalars()
        )
    return found


def record_kinds(session: Session) -> list[str]:
    """Every kind of record the log holds a current version of."""
    return sorted(session.execute(select(Record.kind).where(Record.superseded_at.is_(None)).distinct()).scalars())


def record_keys(session: Session, kind: str) -> set[tuple[str, str]]:
    """(organisation, key) of every current record of ``kind``."""
    return {(o, k) for o, k in session.execute(select(Record.organisation, Record.key).where(_current(kind))).all()}


# Records written before positions had a column of their own carry it as "_seq" in their data;
# it is not part of the record, so a comparison leaves it out.
_LEGACY = "_seq"


def _same(old: dict[str, Any], new: dict[str, Any]) -> bool:
    if _LEGACY in old:
        old = {k: v for k, v in old.items() if k != _LEGACY}
    return old == new


# Shared records that a later dataset may name in part (an organisation by id and name only):
# the fields it leaves out keep their recorded values instead of being cleared.
MERGED_KINDS = frozenset({"organisation", "source"})


@dataclass
class WriteCount:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    retracted: int = 0


@dataclass
class RecordPlan:
    """What writing some records of one kind would do: versions to add and versions to close."""

    kind: str
    inserts: list[dict[str, Any]]
    close: list[int]
    count: WriteCount

    @property
    def changes(self) -> bool:
        return bool(self.inserts)


def plan_records(
    session: Session,
    kind: str,
    items: Sequence[tuple[str, str, dict[str, Any]]],
    positions: dict[tuple[str, str], int] | None = None,
) -> RecordPlan:
    """Compare ``items`` with the current records: only those whose data differs get a new
    version (equal data — as after importing an export — records nothing)."""
    count = WriteCount()
    plan = RecordPlan(kind, [], [], count)
    if not items:
        return plan
    # Locked before they are read: the new version is built on the current one.
    lock_records(session, kind, ((org, key) for org, key, _ in items))
    orgs = {org for org, _, _ in items}
    existing: dict[tuple[str, str], tuple[int, int, dict[str, Any], int]] = {}
    for org in orgs:
        rows = session.execute(
            select(Record.id, Record.organisation, Record.key, Record.version, Record.data, Record.position).where(
                _current(kind, org)
            )
        ).all()
        for rid, rorg, key, version, data, position in rows:
            existing[(rorg, key)] = (rid, version, data, position)
    for org, key, data in items:
        old = existing.get((org, key))
        if old is not None and kind in MERGED_KINDS:
            data = {**{k: v for k, v in old[2].items() if k != _LEGACY}, **data}
            if kind == "source" and old[2].get("organisation"):
                data["organisation"] = old[2]["organisation"]  # the organisation it was first recorded for
        if old is not None and _same(old[2], data):
            count.unchanged += 1
            continue
        if old is not None:
            plan.close.append(old[0])
            count.changed += 1
        else:
            count.added += 1
        position = (positions or {}).get((org, key), old[3] if old else 0)
        plan.inserts.append(
            {
                "kind": kind,
                "organisation": org,
                "key": key,
                "version": (old[1] + 1) if old else 1,
                "data": data,
                "position": position,
                "superseded_at": None,
                "retracted": False,
            }
        )
    return plan


def write_plan(session: Session, cs: Changeset, plan: RecordPlan) -> WriteCount:
    """Carry out a plan in changeset ``cs``: close the old versions (never overwrite), add the new."""
    _close(session, plan.close, cs.recorded_at)
    if plan.inserts:
        for row in plan.inserts:
            row["changeset_id"] = cs.id
            row["recorded_at"] = cs.recorded_at
        _bulk(session, Record, plan.inserts)
    return plan.count


def put_records(
    session: Session,
    cs: Changeset,
    kind: str,
    items: Sequence[tuple[str, str, dict[str, Any]]],
    positions: dict[tuple[str, str], int] | None = None,
) -> WriteCount:
    """Plan and write at once, for a caller that already has its changeset."""
    return write_plan(session, cs, plan_records(session, kind, items, positions))


def _close(session: Session, ids: list[int], at: datetime) -> None:
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        session.query(Record).filter(Record.id.in_(chunk)).update({"superseded_at": at}, synchronize_session=False)


def retract_record(session: Session, cs: Changeset, kind: str, organisation: str, key: str) -> bool:
    """Withdraw a record: its last version is closed and a retraction version added."""
    row = session.execute(select(Record).where(_current(kind, organisation), Record.key == key)).scalar_one_or_none()
    if row is None:
        return False
    row.superseded_at = cs.recorded_at
    session.add(
        Record(
            kind=kind,
            organisation=organisation,
            key=key,
            version=row.version + 1,
            data=row.data,
            changeset_id=cs.id,
            recorded_at=cs.recorded_at,
            retracted=True,
            position=row.position,
        )
    )
    return True


def current_version(session: Session, kind: str, organisation: str, key: str, lock: bool = False) -> int | None:
    """The version number of a record's current version (None: no such record). With ``lock``
    the row is locked for the rest of the transaction (PostgreSQL), so a check of the version
    and the write that follows cannot interleave with another writer's."""
    query = select(Record.version).where(_current(kind, organisation), Record.key == key)
    if lock:
        query = query.with_for_update()
    return session.execute(query).scalar_one_or_none()


def record_history(session: Session, kind: str, organisation: str, key: str) -> list[dict[str, Any]]:
    """Every version of one record, with who recorded it, when and why."""
    rows = session.execute(
        select(Record, Changeset)
        .join(Changeset, Record.changeset_id == Changeset.id)
        .where(Record.kind == kind, Record.organisation == organisation, Record.key == key)
        .order_by(Record.id)
    ).all()
    return [
        {
            "version": r.version,
            "recorded_at": r.recorded_at.isoformat(),
            "recorded_by": c.recorded_by,
            "reason": c.reason,
            "origin": c.origin,
            "superseded_at": r.superseded_at.isoformat() if r.superseded_at else None,
            "retracted": r.retracted,
            "data": r.data,
        }
        for r, c in rows
    ]


def current_records_recorded(
    session: Session, kind: str, known_at: datetime | None = None
) -> list[tuple[Stored, dict[str, Any]]]:
    """Every current record of ``kind`` (or as known at ``known_at``) with who recorded that
    version, when and why: for answers that show the record time beside the valid time."""
    cond = _current(kind) if known_at is None else _known_at(kind, known_at)
    rows = session.execute(
        select(Record.organisation, Record.key, Record.data, Record.position, Record.version, Changeset)
        .join(Changeset, Record.changeset_id == Changeset.id)
        .where(cond)
        .order_by(Record.id)
    ).all()
    return [
        (
            Stored(org, key, dict(data), position),
            {
                "version": version,
                "recorded_at": c.recorded_at.isoformat(),
                "recorded_by": c.recorded_by,
                "reason": c.reason,
                "origin": c.origin,
            },
        )
        for org, key, data, position, version, c in rows
    ]


def events_of(session: Session, organisation: str, known_at: datetime | None = None) -> list[Event]:
    return [event_from_dict(r.data, r.position) for r in current_records(session, "event", organisation, known_at)]


def changesets(session: Session, limit: int = 50) -> list[Changeset]:
    return list(session.execute(select(Changeset).order_by(Changeset.id.desc()).limit(limit)).scalars())


# --- read models ----------------------------------------------------------------------


def upsert_organisation(session: Session, data: dict[str, Any]) -> None:
    row = session.get(OrganisationRow, data["id"])
    values = {
        "name": data["name"],
        "kind": data.get("kind", "gemeente"),
        "slug": data.get("slug"),
        "cbs_code": data.get("cbs_code"),
        "province": data.get("province"),
    }
    if row is None:
        session.add(OrganisationRow(id=data["id"], revision=1, **values))
    else:
        for k, v in values.items():
            setattr(row, k, v)
        row.revision = (row.revision or 0) + 1


def rebuild(
    session: Session,
    organisation: str,
    events: Sequence[Event],
    actual: History | None = None,
    event_data: dict[str, dict[str, Any]] | None = None,
    members: Iterable[str] | None = None,
) -> dict[View, History]:
    """Recompute the read models of one organisation from its events (both views).

    ``events`` may hold other organisations' events too: those of the organisations it transfers
    units to or receives them from (domain/transfers.py), which the engine replays with it;
    ``members`` are the organisations in the register (a transfer to any other makes the unit
    leave). A unit that arrives is in this organisation's timeline as a transfer in, derived from
    the sender's event. ``actual`` is the actual history when the caller has just computed it for
    the same events; ``event_data`` the events' canonical dicts, when already made."""
    for table in (UnitVersion, PostVersion, UnitFte, EventRow, LineageLinkRow):
        session.execute(delete(table).where(table.organisation == organisation))
    histories: dict[View, History] = {}
    members = set(members) if members is not None else None
    # One history for both views only when no event that shapes it can differ between them.
    same = all(e.status is Status.REALISED for e in events)
    org_row = session.get(OrganisationRow, organisation)
    if org_row is not None:
        org_row.planned_same = same
        # One more for every write of its read models, counted under its write lock: the
        # as-of answers kept in memory are keyed on it (services/register.py).
        org_row.revision = (org_row.revision or 0) + 1
    for view in View:
        if view is View.PLANNED and same:
            histories[view] = histories[View.ACTUAL]
            continue
        history = (
            actual
            if (view is View.ACTUAL and actual is not None)
            else build_history(events, organisation, view, members)
        )
        histories[view] = history
        _bulk(
            session,
            UnitVersion,
            (
                {
                    "organisation": organisation,
                    "view": view.value,
                    "unit_id": v.id,
                    "valid_from": v.valid_from,
                    "valid_to": v.valid_to,
                    "name": v.value.name,
                    "kind": v.value.kind,
                    "parent_id": v.value.parent,
                    "temporary": v.value.temporary,
                    "data": unit_to_dict(v.value),
                }
                for v in history.units
            ),
        )
        _bulk(
            session,
            PostVersion,
            (
                {
                    "organisation": organisation,
                    "view": view.value,
                    "post_id": v.id,
                    "unit_id": v.value.unit,
                    "valid_from": v.valid_from,
                    "valid_to": v.valid_to,
                    "title": v.value.title,
                    "fte": v.value.fte,
                    "filled_fte": v.value.filled_fte,
                    "manager": v.value.manager,
                    "data": post_to_dict(v.value),
                }
                for v in history.posts
            ),
        )
        _bulk(session, UnitFte, unit_fte_rows(organisation, view, history.posts))
        _bulk(
            session,
            LineageLinkRow,
            (
                {
                    "organisation": organisation,
                    "view": view.value,
                    "source": link.source,
                    "target": link.target,
                    "day": link.date,
                    "event_id": link.event,
                    "type": link.type.value,
                }
                for link in history.links
            ),
        )
    conflicts = {c.event.id: c.message for c in histories[View.PLANNED].conflicts}
    # Units that arrive from another organisation: in either view (a planned transfer arrives in the
    # planned view only; the row's status says so, as for the organisation's own events).
    arrivals = {e.id: e for view in (View.PLANNED, View.ACTUAL) for e in histories[view].arrivals}
    # The timeline's order is the domain's (domain/order.py): stored as a rank, so SQL sorts by it.
    mine = sorted([e for e in events if e.organisation == organisation] + list(arrivals.values()), key=order_key)
    _bulk(
        session,
        EventRow,
        (
            {
                "organisation": organisation,
                "event_id": e.id,
                "type": e.type._value_,
                "status": e.status._value_,
                "effective": e.date.effective,
                "date_text": e.date.text,
                "precision": e.date.precision._value_,
                "seq": rank,
                "decision": e.decision,
                "units": " " + " ".join(e.subjects()) + " ",
                "conflict": conflicts.get(e.id),
                "data": event_data[e.id] if event_data and e.id in event_data else event_to_dict(e),
            }
            for rank, e in enumerate(mine)
        ),
    )
    session.info.pop("_json_memo", None)
    return histories


def _bulk(session: Session, table: type, rows: Iterable[dict[str, Any]], chunk: int = 20000) -> None:
    # Core executemany on the session's connection: the ORM's bulk path costs several
    # times more per row and the read models need none of its bookkeeping. ``rows`` may be a
    # generator: it is consumed a chunk at a time, so the rows of a read model are never all in
    # memory at once (the post versions of the synthetic import were 165 MB as one list).
    parts = _chunks(rows, chunk)
    first = next(parts, None)
    if not first:
        return
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        _bulk_sqlite(session, table, first, parts)
        return
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        _bulk_copy(session, table, first, parts)
        return
    statement = insert(table.__table__)  # type: ignore[attr-defined]
    for part in chain([first], parts):
        conn.execute(statement, part)


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while part := list(islice(it, size)):
        yield part


_dumps = json.JSONEncoder(separators=(",", ":")).encode


def _bulk_sqlite(
    session: Session, table: type, first: list[dict[str, Any]], rest: Iterator[list[dict[str, Any]]]
) -> None:
    """The same insert straight to the driver: SQLAlchemy's per-row parameter processing
    was most of an import's write time. Values are stored exactly as SQLAlchemy stores
    them on SQLite (ISO dates, JSON text, 0/1), so reading back goes through the ORM as usual."""
    conn = session.connection()
    dialect = conn.dialect
    columns = table.__table__.columns  # type: ignore[attr-defined]
    # The compiled statement lists its columns in the table's order, whatever the rows' key order.
    names = [c.name for c in columns if c.name in first[0]]
    converters: list[Any] = []
    # The JSON of an event's data is written twice (record and event_row): encode it once.
    memo: dict[int, tuple[Any, str]] = session.info.setdefault("_json_memo", {})
    shared = table in (Record, EventRow)

    def encode(value: Any) -> str:
        if not shared:
            return _dumps(value)
        hit = memo.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        text = _dumps(value)
        memo[id(value)] = (value, text)
        return text

    for name in names:
        kind = columns[name].type
        if isinstance(kind, JSON):
            converters.append(encode)
        elif isinstance(kind, Date) and not isinstance(kind, DateTime):
            converters.append(_iso)
        else:
            converters.append(kind.bind_processor(dialect))
    sql = str(insert(table.__table__).compile(dialect=dialect, column_keys=names))  # type: ignore[attr-defined]
    for part in chain([first], rest):
        # Column by column, then zipped into the rows' tuples: a third of the time of building
        # each row's list and converting its values in place.
        columns_of_part = []
        for name, convert in zip(names, converters, strict=True):
            values = [row[name] for row in part]
            if convert is not None:
                values = [None if v is None else convert(v) for v in values]
            columns_of_part.append(values)
        conn.exec_driver_sql(sql, list(zip(*columns_of_part, strict=True)))


def _bulk_copy(
    session: Session, table: type, first: list[dict[str, Any]], rest: Iterator[list[dict[str, Any]]]
) -> None:
    """The same insert through PostgreSQL's COPY (issue 16: a bulk path for big imports), on the
    session's own connection and transaction. JSON is encoded as SQLAlchemy encodes it
    (``json.dumps``), once for an event's data written to both ``record`` and ``event_row``;
    the other values go as psycopg writes them (dates, timestamps with their zone, booleans)."""
    columns = table.__table__.columns  # type: ignore[attr-defined]
    names = [c.name for c in columns if c.name in first[0]]
    is_json = [isinstance(columns[n].type, JSON) for n in names]
    memo: dict[int, tuple[Any, str]] = session.info.setdefault("_json_memo", {})
    shared = table in (Record, EventRow)

    def encode(value: Any) -> Any:
        if value is None:
            return None
        if not shared:
            return json.dumps(value)
        hit = memo.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        text = json.dumps(value)
        memo[id(value)] = (value, text)
        return text

    dbapi: Any = session.connection().connection.dbapi_connection  # a psycopg connection
    quoted = ", ".join(f'"{n}"' for n in names)
    statement = f'COPY "{table.__table__.name}" ({quoted}) FROM STDIN'  # type: ignore[attr-defined]
    with dbapi.cursor() as cursor, cursor.copy(statement) as copy:
        for row in chain.from_iterable(chain([first], rest)):
            copy.write_row([encode(row[n]) if j else row[n] for n, j in zip(names, is_json, strict=True)])


def _iso(value: date) -> str:
    return value.isoformat()


def stored_view(session: Session, organisation: str, view: View) -> str:
    """The view under which the read-model rows of ``view`` are stored."""
    if view is View.PLANNED:
        row = session.get(OrganisationRow, organisation)
        if row is not None and row.planned_same:
            return View.ACTUAL.value
    return view.value


# Read-model rows hold the canonical dict of a unit or post version: decoded by the one decoder.
unit_from_row = decode_unit
post_from_row = decode_post


def units_as_of(session: Session, organisation: str, day: date, view: View) -> dict[str, Unit]:
    # Core, not the ORM: these return plain columns and the ORM's row handling was half the time.
    rows = (
        session.connection()
        .execute(
            select(UnitVersion.data).where(
                UnitVersion.organisation == organisation,
                UnitVersion.view == stored_view(session, organisation, view),
                UnitVersion.valid_from <= day,
                UnitVersion.valid_to > day,
            )
        )
        .scalars()
        .all()
    )
    return {u.id: u for u in map(unit_from_row, rows)}


_decoder = json.JSONDecoder()
_loads = _decoder.decode
# The decoder's scanner called directly: ``decode`` wraps it in two whitespace matches and a
# check for trailing text, a third of the time of decoding one stored post. The text is the
# JSON the store wrote itself (``json.dumps``: nothing before or after the value); anything else
# goes through ``decode``, which says what is wrong.
_scan: Callable[[str, int], tuple[Any, int]] = make_scanner(_decoder)  # type: ignore[arg-type]  # typeshed types the class


def _stored_json(text: str) -> Any:
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        return _loads(text)
    return value if end == len(text) else _loads(text)


def json_text(column: Any) -> Any:
    """A JSON column read as its text: SQLite stores it as text; PostgreSQL sends a ``json``
    column as text when cast, so psycopg does not decode each row with its own loader (a fifth
    of a twenty-year diff's time there) and :func:`raw_dict` decodes it with the C decoder."""
    return cast(column, Text)


def raw_dict(value: Any) -> dict[str, Any]:
    """A stored JSON column read without SQLAlchemy's processing: text on SQLite (decoded here,
    one C call), already a dict from psycopg on PostgreSQL."""
    return value if isinstance(value, dict) else _stored_json(value)


def unit_data_as_of(session: Session, organisation: str, day: date, view: View) -> list[dict[str, Any]]:
    """The canonical dicts (as ``unit_to_dict`` wrote them) of the units on a day, without making
    ``Unit`` objects: what :func:`raadhuis.services.register.show` needs, at half the cost of
    :func:`units_as_of` for a large organisation."""
    rows = session.connection().execute(
        select(json_text(UnitVersion.data)).where(
            UnitVersion.organisation == organisation,
            UnitVersion.view == stored_view(session, organisation, view),
            UnitVersion.valid_from <= day,
            UnitVersion.valid_to > day,
        )
    )
    return [raw_dict(v) for (v,) in rows.all()]


def _between(column: Any, after: date, until: date) -> Any:
    return and_(column > after, column <= until)


def units_changed_between(
    session: Session, organisation: str, after: date, until: date, view: View
) -> tuple[dict[str, Unit], dict[str, Unit], dict[str, tuple[float, float, int]], dict[str, tuple[float, float, int]]]:
    """The units whose version or FTE row begins or ends in ``after < day <= until``, on both days:
    (units on ``after``, units on ``until``, FTE on ``after``, FTE on ``until``), each holding only
    those units. Every other unit has one version and one FTE row (or none) over both days, so it
    is the same on both: a diff needs these and no more (services/register.diff).

    A unit with a version that begins or ends between the days has its versions on both days
    among those rows (the one on the first day ends between them, the one on the second begins
    there); only a unit whose FTE changed but not its version needs its version spanning both
    days looked up, and the other way round for the FTE rows."""
    stored = stored_view(session, organisation, view)
    conn = session.connection()
    before: dict[str, Unit] = {}
    later: dict[str, Unit] = {}
    fte_before: dict[str, tuple[float, float, int]] = {}
    fte_after: dict[str, tuple[float, float, int]] = {}

    def touching(table: Any) -> Any:
        # On the first day and ending before the second, or beginning after the first and still
        # there on the second; a row that begins and ends between the two days is on neither.
        return (
            table.organisation == organisation,
            table.view == stored,
            or_(
                and_(table.valid_from <= after, _between(table.valid_to, after, until)),
                and_(_between(table.valid_from, after, until), table.valid_to > until),
            ),
        )

    # SQLite has no statistics to choose by (no ANALYZE; its stat1 does not see date ranges) and
    # took an index on the start or end day for these rows by unit, reading every row begun or
    # still open (3.5 ms a chunk against 1.3 by unit): a unary plus keeps a column off the
    # indexes (SQLite's documented way). PostgreSQL chooses by its statistics, and has no unary
    # plus for dates.
    sqlite = session.get_bind().dialect.name == "sqlite"

    def day_column(table: Any, name: str) -> Any:
        return literal_column(f"+{table.__tablename__}.{name}", Date) if sqlite else getattr(table, name)

    def spanning(table: Any, chunk: list[str]) -> Any:
        return (
            table.organisation == organisation,
            table.view == stored,
            _one_of(table.unit_id, chunk, sqlite),
            day_column(table, "valid_from") <= after,
            day_column(table, "valid_to") > until,
        )

    def put_unit(start: date, end: date, data: Any) -> str:
        unit = unit_from_row(raw_dict(data))
        if start <= after < end:
            before[unit.id] = unit
        if start <= until < end:
            later[unit.id] = unit
        return unit.id

    def put_fte(uid: str, start: date, end: date, f: float, b: float, n: int) -> None:
        value = (float(f), float(b), int(n))
        if start <= after < end:
            fte_before[uid] = value
        if start <= until < end:
            fte_after[uid] = value

    version_cols = (UnitVersion.valid_from, UnitVersion.valid_to, json_text(UnitVersion.data))
    fte_cols = (UnitFte.unit_id, UnitFte.valid_from, UnitFte.valid_to, UnitFte.fte, UnitFte.filled_fte, UnitFte.posts)
    by_version = {put_unit(*row) for row in conn.execute(select(*version_cols).where(*touching(UnitVersion))).all()}
    by_fte: set[str] = set()
    for row in conn.execute(select(*fte_cols).where(*touching(UnitFte))).all():
        put_fte(*row)
        by_fte.add(row[0])
    for part in _batches(sorted(by_fte - by_version), sqlite):
        for start, end, data in conn.execute(select(*version_cols).where(*spanning(UnitVersion, part))).all():
            put_unit(start, end, data)
    for part in _batches(sorted(by_version - by_fte), sqlite):
        for row in conn.execute(select(*fte_cols).where(*spanning(UnitFte, part))).all():
            put_fte(*row)
    return before, later, fte_before, fte_after


def _batches(values: list[str], sqlite: bool) -> list[list[str]]:
    """The values for :func:`_one_of`: 900 a statement on SQLite, all in one on PostgreSQL."""
    if not sqlite:
        return [values] if values else []
    return [values[i : i + 900] for i in range(0, len(values), 900)]


def _one_of(column: Any, values: list[str], sqlite: bool) -> Any:
    """``column IN (values)``: on SQLite as bound values (at most 999 a statement, so callers send
    900 at a time); on PostgreSQL as one array, ``= ANY(...)``, in one statement whatever the
    number — psycopg parses a statement of thousands of parameters anew each time."""
    if sqlite:
        return column.in_(values)
    return column == any_(literal(values, ARRAY(String)))


def _posts_on(session: Session, organisation: str, day: date, view: View) -> list[Any]:
    """The condition of the post versions in force on a day (one rule for every post read)."""
    return [
        PostVersion.organisation == organisation,
        PostVersion.view == stored_view(session, organisation, view),
        PostVersion.valid_from <= day,
        PostVersion.valid_to > day,
    ]


def _post_dicts_on(session: Session, cond: list[Any]) -> Iterator[dict[str, Any]]:
    # The JSON as text, decoded by the C decoder: SQLAlchemy's JSON type wraps each of 100,000
    # rows in Python calls of its own (a third of this read for the 10,000-unit organisation).
    rows = session.connection().execute(select(json_text(PostVersion.data)).where(*cond)).scalars()
    return (raw_dict(text) for text in rows)


def posts_as_of(session: Session, organisation: str, day: date, view: View, unit: str | None = None) -> dict[str, Post]:
    cond = _posts_on(session, organisation, day, view)
    if unit is not None:
        cond.append(PostVersion.unit_id == unit)
    return {p.id: p for p in map(post_from_row, _post_dicts_on(session, cond))}


def post_staffing_as_of(
    session: Session, organisation: str, day: date, view: View
) -> list[tuple[float, list[tuple[str, float]]]]:
    """(FTE, staffing as (kind, FTE)) of every post on a day, in the order of
    :func:`posts_as_of`: for the sums of formatie and bezetting, which need no ``Post`` objects
    (making 100,000 of them was most of the second day's read of the indicators)."""
    return [
        (float(data["fte"]), [(str(s["kind"]), float(s["fte"])) for s in data.get("staffing", ()) or ()])
        for data in _post_dicts_on(session, _posts_on(session, organisation, day, view))
    ]


def post_rows_as_of(
    session: Session, organisation: str, day: date, view: View
) -> list[tuple[str, float, float, dict[str, Any]]]:
    """(unit id, budgeted FTE, filled FTE, canonical dict) of every post on a day: for sums that
    need no Post objects (building them costs more than the sums, for a large organisation)."""
    rows = session.execute(
        select(PostVersion.unit_id, PostVersion.fte, PostVersion.filled_fte, PostVersion.data).where(
            *_posts_on(session, organisation, day, view)
        )
    ).all()
    return [(u, float(f), float(b), dict(d)) for u, f, b, d in rows]


def unit_fte_rows(organisation: str, view: View, posts: Sequence[Version]) -> list[dict[str, Any]]:
    """Per unit, the intervals over which its summed FTE and post count stay the same:
    a sweep over the days its posts' versions begin and end."""
    changes: dict[str, dict[date, list[float]]] = {}
    for v in posts:
        post = v.value
        per_day = changes.setdefault(post.unit, {})
        for day, sign in ((v.valid_from, 1.0), (v.valid_to, -1.0)):
            delta = per_day.setdefault(day, [0.0, 0.0, 0.0])
            delta[0] += sign * post.fte
            delta[1] += sign * post.filled_fte
            delta[2] += sign
    rows: list[dict[str, Any]] = []
    for unit, per_day in changes.items():
        fte = filled = count = 0.0
        days = sorted(per_day)
        for day, nxt in zip(days, days[1:], strict=False):
            d = per_day[day]
            fte, filled, count = fte + d[0], filled + d[1], count + d[2]
            if round(count) > 0:
                rows.append(
                    {
                        "organisation": organisation,
                        "view": view.value,
                        "unit_id": unit,
                        "valid_from": day,
                        "valid_to": nxt,
                        "fte": round(fte, 6),
                        "filled_fte": round(filled, 6),
                        "posts": round(count),
                    }
                )
    return rows


def fte_by_unit(session: Session, organisation: str, day: date, view: View) -> dict[str, tuple[float, float, int]]:
    """Per unit on a day: (budgeted FTE, filled FTE, number of posts), from the unit_fte read model."""
    stored = stored_view(session, organisation, view)
    rows = (
        session.connection()
        .execute(
            select(UnitFte.unit_id, UnitFte.fte, UnitFte.filled_fte, UnitFte.posts).where(
                UnitFte.organisation == organisation,
                UnitFte.view == stored,
                UnitFte.valid_from <= day,
                UnitFte.valid_to > day,
            )
        )
        .all()
    )
    if rows:
        return {uid: (float(f), float(b), int(n)) for uid, f, b, n in rows}
    # Nothing there: no posts that day, or a register from before the unit_fte table (rebuilt on
    # its next import) — sum the posts themselves.
    return _fte_by_unit_from_posts(session, organisation, day, view)


def _fte_by_unit_from_posts(
    session: Session, organisation: str, day: date, view: View
) -> dict[str, tuple[float, float, int]]:
    rows = (
        session.connection()
        .execute(
            select(PostVersion.unit_id, func.sum(PostVersion.fte), func.sum(PostVersion.filled_fte), func.count())
            .where(
                PostVersion.organisation == organisation,
                PostVersion.view == stored_view(session, organisation, view),
                PostVersion.valid_from <= day,
                PostVersion.valid_to > day,
            )
            .group_by(PostVersion.unit_id)
        )
        .all()
    )
    return {uid: (float(f or 0), float(b or 0), int(n)) for uid, f, b, n in rows}


def event_rows(
    session: Session,
    organisation: str,
    start: date | None = None,
    end: date | None = None,
    statuses: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    unit: str | None = None,
) -> list[EventRow]:
    cond = [EventRow.organisation == organisation]
    if start is not None:
        cond.append(EventRow.effective >= start)
    if end is not None:
        cond.append(EventRow.effective <= end)
    if statuses:
        cond.append(EventRow.status.in_(list(statuses)))
    if types:
        cond.append(EventRow.type.in_(list(types)))
    if unit:
        cond.append(EventRow.units.contains(f" {unit} "))
    return list(session.execute(select(EventRow).where(*cond).order_by(EventRow.effective, EventRow.seq)).scalars())


def event_digest(
    session: Session, organisation: str, after: date, until: date
) -> list[tuple[str, str, str, date, int, str, str | None]]:
    """Events with ``after < effective <= until`` in order, without their data:
    (event id, type, status, effective, seq, units, conflict). A diff needs no more."""
    return [
        tuple(r)  # type: ignore[misc]
        for r in session.execute(
            select(
                EventRow.event_id,
                EventRow.type,
                EventRow.status,
                EventRow.effective,
                EventRow.seq,
                EventRow.units,
                EventRow.conflict,
            )
            .where(EventRow.organisation == organisation, EventRow.effective > after, EventRow.effective <= until)
            .order_by(EventRow.effective, EventRow.seq)
        ).all()
    ]


def event_touches(
    session: Session, organisation: str, after: date, until: date
) -> list[tuple[str, str, str, str, str | None]]:
    """Events with ``after < effective <= until`` in order, as little as a diff needs of most of
    them: (event id, type, status, units, conflict)."""
    return [
        tuple(r)  # type: ignore[misc]
        for r in session.connection()
        .execute(
            select(EventRow.event_id, EventRow.type, EventRow.status, EventRow.units, EventRow.conflict)
            .where(EventRow.organisation == organisation, EventRow.effective > after, EventRow.effective <= until)
            .order_by(EventRow.effective, EventRow.seq)
        )
        .all()
    ]


def has_unit_fte(session: Session, organisation: str) -> bool:
    """Whether the organisation's unit_fte read model is filled (a register from before it is
    not until its next write), or it has no posts at all."""
    conn = session.connection()
    if conn.execute(select(UnitFte.id).where(UnitFte.organisation == organisation).limit(1)).first() is not None:
        return True
    return conn.execute(select(PostVersion.id).where(PostVersion.organisation == organisation).limit(1)).first() is None


def event_data_of_types(
    session: Session, organisation: str, after: date, until: date, types: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """The stored data of the events of some types with ``after < effective <= until``, by id."""
    rows = session.execute(
        select(EventRow.event_id, EventRow.data).where(
            EventRow.organisation == organisation,
            EventRow.effective > after,
            EventRow.effective <= until,
            EventRow.type.in_(list(types)),
        )
    ).all()
    return {eid: data for eid, data in rows}


def lineage_links(session: Session, organisation: str, view: View) -> list[Any]:
    """The organisation's lineage links as rows (source, target, day, event_id, type): plain
    columns, no ORM objects (a quarter of a lineage question's time before)."""
    return list(
        session.connection()
        .execute(
            select(
                LineageLinkRow.source,
                LineageLinkRow.target,
                LineageLinkRow.day,
                LineageLinkRow.event_id,
                LineageLinkRow.type,
            ).where(
                LineageLinkRow.organisation == organisation,
                LineageLinkRow.view == stored_view(session, organisation, view),
            )
        )
        .all()
    )


def imprecise_events(
    session: Session, organisation: str, day: date
) -> list[tuple[str, str, str, str, str, str | None, dict[str, Any]]]:
    """Events of the organisation with a date coarser than a day that took effect on or before
    ``day`` within the last year (no window is longer): (event id, type, status, date text, units,
    conflict, data), in order. The caller keeps those whose window holds the day."""
    rows = session.execute(
        select(
            EventRow.event_id,
            EventRow.type,
            EventRow.status,
            EventRow.date_text,
            EventRow.units,
            EventRow.conflict,
            EventRow.data,
        )
        .where(
            EventRow.organisation == organisation,
            EventRow.effective <= day,
            EventRow.effective > day - timedelta(days=370),
            EventRow.precision != "day",
        )
        .order_by(EventRow.effective, EventRow.seq)
    ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def transfer_pairs(session: Session) -> set[tuple[str, str]]:
    """(sender, receiver) of every transfer out to another organisation in the register's timelines."""
    rows = session.execute(
        select(EventRow.organisation, EventRow.data).where(EventRow.type == EventType.TRANSFER_OUT.value)
    ).all()
    return {(org, str(data["to"])) for org, data in rows if data.get("to") and data["to"] != org}


def links_into(session: Session, qualified: str) -> list[LineageLinkRow]:
    """Links of other organisations that point at "ORG:unit" (transfers between organisations)."""
    return list(
        session.execute(
            select(LineageLinkRow).where(or_(LineageLinkRow.source == qualified, LineageLinkRow.target == qualified))
        ).scalars()
    )


def unit_versions(session: Session, organisation: str, unit: str, view: View) -> list[UnitVersion]:
    return list(
        session.execute(
            select(UnitVersion)
            .where(
                UnitVersion.organisation == organisation,
                UnitVersion.view == stored_view(session, organisation, view),
                UnitVersion.unit_id == unit,
            )
            .order_by(UnitVersion.valid_from)
        ).scalars()
    )


def latest_names(session: Session, organisation: str, view: View, units: Iterable[str]) -> dict[str, str]:
    """Some units' latest names (as :func:`unit_names` gives them), read by unit."""
    ids = sorted(set(units))
    out: dict[str, str] = {}
    stored = stored_view(session, organisation, view)
    for i in range(0, len(ids), 900):
        rows = session.connection().execute(
            select(UnitVersion.unit_id, UnitVersion.name)
            .where(
                UnitVersion.organisation == organisation,
                UnitVersion.view == stored,
                UnitVersion.unit_id.in_(ids[i : i + 900]),
            )
            .order_by(UnitVersion.valid_from)
        )
        out.update(rows.all())
    return out


def unit_names(session: Session, organisation: str, view: View) -> dict[str, str]:
    """Every unit id that ever existed in the view, with its latest name."""
    rows = session.execute(
        select(UnitVersion.unit_id, UnitVersion.name)
        .where(UnitVersion.organisation == organisation, UnitVersion.view == stored_view(session, organisation, view))
        .order_by(UnitVersion.valid_from)
    ).all()
    return {uid: name for uid, name in rows}


def organisations_named(session: Session, norm: str, code: str | None) -> list[OrganisationRow]:
    """The organisations whose id or slug is ``norm`` (lower case) or whose CBS code is ``code``,
    by name (the order :func:`organisations` gives)."""
    cond = [func.lower(OrganisationRow.id) == norm, func.lower(OrganisationRow.slug) == norm]
    if code:
        cond.append(OrganisationRow.cbs_code == code)
    return list(session.execute(select(OrganisationRow).where(or_(*cond)).order_by(OrganisationRow.name)).scalars())


def _named_with_state() -> Any:
    version = select(func.max(Record.changeset_id)).where(Record.organisation == OrganisationRow.id).scalar_subquery()
    last = (
        select(func.max(EventRow.effective))
        .where(EventRow.organisation == OrganisationRow.id, EventRow.effective <= bindparam("day", type_=Date))
        .scalar_subquery()
    )
    norm = bindparam("norm", type_=Text)
    return (
        select(
            OrganisationRow.id, OrganisationRow.slug, OrganisationRow.cbs_code, OrganisationRow.revision, version, last
        )
        # A code of None matches no row (``= NULL`` is never true): the condition of organisations_named.
        .where(
            or_(
                func.lower(OrganisationRow.id) == norm,
                func.lower(OrganisationRow.slug) == norm,
                OrganisationRow.cbs_code == bindparam("code", type_=Text),
            )
        )
        .order_by(OrganisationRow.name)
    )


# Built once: the state is read on every request for the as-of tree (web/answers.py), and building
# the statement cost several times its execution.
_NAMED_WITH_STATE = _named_with_state()


_COMPILED_STATE: dict[str, tuple[str, tuple[str, ...] | None, Any]] = {}


def _state_statement(engine: Engine) -> tuple[str, tuple[str, ...] | None, Any]:
    """The statement's SQL for the engine's dialect, the order of its parameters (None: by name)
    and the driver's form of a day: compiled once per dialect."""
    found = _COMPILED_STATE.get(engine.dialect.name)
    if found is None:
        compiled = _NAMED_WITH_STATE.compile(dialect=engine.dialect)
        order = tuple(compiled.positiontup or ()) if compiled.positional else None
        found = (compiled.string, order, Date().dialect_impl(engine.dialect).bind_processor(engine.dialect))
        _COMPILED_STATE[engine.dialect.name] = found
    return found


def organisations_named_with_state(
    engine: Engine, norm: str, code: str | None, day: date
) -> list[tuple[str, str | None, str | None, int, int | None, date | None]]:
    """The organisations :func:`organisations_named` finds, in its order, as (id, slug, CBS code,
    revision, the newest changeset among its records (its version, services.concurrency.org_version),
    its last event day on or before ``day``): one query, on a driver connection of the engine's
    pool (read on every request for the as-of tree; SQLAlchemy's execution of it cost five times
    the query). A read alone: nothing is written, and the pool ends the transaction."""
    sql, order, day_of = _state_statement(engine)
    values: dict[str, Any] = {"norm": norm, "code": code or None, "day": day_of(day) if day_of else day}
    conn = engine.raw_connection()
    try:
        cursor = conn.cursor()
        cursor.execute(sql, [values[name] for name in order] if order is not None else values)
        rows = cursor.fetchall()
        cursor.close()
    finally:
        conn.close()  # back to the pool, which rolls back
    out = []
    for org_id, slug, cbs_code, revision, changeset, when in rows:
        if isinstance(when, str):  # SQLite may hand a subquery's date back as text
            when = date.fromisoformat(when)
        out.append((org_id, slug, cbs_code, revision, changeset, when))
    return out


def organisations(session: Session) -> list[OrganisationRow]:
    return list(session.execute(select(OrganisationRow).order_by(OrganisationRow.name)).scalars())


def event_dates(session: Session, organisation: str) -> list[date]:
    return sorted(
        set(session.execute(select(EventRow.effective).where(EventRow.organisation == organisation)).scalars())
    )


def count_events(session: Session, organisation: str) -> int:
    return int(
        session.scalar(select(func.count()).select_from(EventRow).where(EventRow.organisation == organisation)) or 0
    )


def last_event_day(session: Session, organisation: str, day: date) -> date | None:
    """The latest day on or before ``day`` on which an event of the organisation takes effect."""
    return session.scalar(
        select(func.max(EventRow.effective)).where(EventRow.organisation == organisation, EventRow.effective <= day)
    )


def revision(session: Session, organisation: str) -> int:
    """How many writes the organisation's row and read models have had (see OrganisationRow.revision)."""
    row = session.get(OrganisationRow, organisation)
    return int(row.revision or 0) if row is not None else 0


def last_changeset(session: Session) -> int | None:
    """The newest changeset: every write makes one, so it tells whether anything changed."""
    return session.scalar(select(func.max(Changeset.id)))


def last_event_changeset(session: Session, organisation: str) -> int:
    """The newest changeset that wrote an event of the organisation (0: none): what a scenario's
    baseline depends on. Writes of other kinds (a scenario, a source) leave it as it is."""
    value = session.scalar(
        select(func.max(Record.changeset_id)).where(Record.kind == "event", Record.organisation == organisation)
    )
    return int(value or 0)


def event_changesets_since(session: Session, organisation: str, moment: datetime) -> list[dict[str, Any]]:
    """Changesets after ``moment`` that wrote events of the organisation: who, when, why, how many events."""
    rows = session.execute(
        select(Changeset.id, Changeset.recorded_by, Changeset.recorded_at, Changeset.reason, func.count(Record.id))
        .join(Record, Record.changeset_id == Changeset.id)
        .where(Record.kind == "event", Record.organisation == organisation, Changeset.recorded_at > moment)
        .group_by(Changeset.id, Changeset.recorded_by, Changeset.recorded_at, Changeset.reason)
        .order_by(Changeset.id)
    ).all()
    out = []
    for cs, who, at, reason, n in rows:
        moment_at = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
        out.append(
            {"changeset": cs, "recorded_by": who, "recorded_at": moment_at.isoformat(), "reason": reason, "events": n}
        )
    return out


def event_span(session: Session, organisation: str) -> tuple[date | None, date | None, int]:
    """The first and last day an event of the organisation takes effect, and how many events."""
    first, last, count = session.execute(
        select(func.min(EventRow.effective), func.max(EventRow.effective), func.count()).where(
            EventRow.organisation == organisation
        )
    ).one()
    return first, last, int(count or 0)
