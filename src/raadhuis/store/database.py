"""Where the data lives: the SQLite file by default, PostgreSQL for many users.

The location is, in order: the ``--db`` option, ``RAADHUIS_DATABASE_URL``, or a SQLite
file in the user's data folder. The schema is kept by Alembic migrations; opening a
store brings it to the newest revision, so an upgraded install keeps its data.

Every write goes through :meth:`Store.write`: one transaction that first takes the write
lock of the organisations it changes, so a writer validates against, and writes onto, the
state the previous writer left (docs/schrijven.md). On SQLite that lock is the database's
own (``BEGIN IMMEDIATE``, one writer at a time); on PostgreSQL a transaction-scoped
advisory lock per organisation. A writer waits at most ``RAADHUIS_WRITE_TIMEOUT`` seconds,
then gets :class:`WriteBusy` and nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from raadhuis import limits

ENV_URL = "RAADHUIS_DATABASE_URL"
# The execution option that marks a connection's transaction as a write (BEGIN IMMEDIATE on SQLite).
_WRITE = "raadhuis_write"


def default_sqlite_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "raadhuis" / "raadhuis.sqlite"


def resolve_url(db: str | None = None) -> str:
    """A URL from ``--db`` (a URL or a file path), the environment, or the default file."""
    value = db or os.environ.get(ENV_URL)
    if not value:
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in value:
        path = Path(value).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if value.startswith("postgresql://") or value.startswith("postgres://"):
        # psycopg 3 is the driver we ship; SQLAlchemy's plain postgresql:// means psycopg2.
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def describe_url(url: str) -> str:
    """The URL without a password, for `raadhuis info`."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # WAL lets the web workbench read while an import writes; foreign keys are off by default.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Any write waits for another as long as Store.write does (the driver's default is 5 s),
    # also the few that do not go through it (sign-in sessions, accounts).
    cursor.execute(f"PRAGMA busy_timeout = {int(limits.write_timeout() * 1000)}")
    cursor.close()


def _sqlite_no_driver_begin(dbapi_connection: Any, _record: object) -> None:
    # The driver would begin a transaction only before its first change, too late to lock;
    # _sqlite_begin below says BEGIN itself (the recipe of SQLAlchemy's SQLite documentation).
    dbapi_connection.isolation_level = None


def _sqlite_begin(conn: Connection) -> None:
    if conn.get_execution_options().get(_WRITE):
        # Take the write lock now, before anything is read: a writer that read first and then
        # found another writer ahead of it would fail at once instead of waiting.
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(limits.write_timeout() * 1000)}")
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        prepare_engine(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def prepare_engine(engine: Engine) -> None:
    """What a SQLite engine needs for the store: WAL, foreign keys, and our own BEGIN."""
    if engine.dialect.name != "sqlite" or event.contains(engine, "begin", _sqlite_begin):
        return
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "connect", _sqlite_no_driver_begin)
    event.listen(engine, "begin", _sqlite_begin)


class WriteBusy(RuntimeError):
    """Another write held the lock longer than the write timeout; nothing was written."""

    def __init__(self, timeout: float) -> None:
        super().__init__(
            f"another change is being saved; try again shortly (a change waits at most {timeout:g} s; "
            f"{limits.SETTINGS['write_timeout'].env} sets how long)"
        )
        self.timeout = timeout


def lock_key(name: str) -> int:
    """A stable 64-bit key for a lock name: the same in every process and every release."""
    digest = hashlib.sha256(f"raadhuis:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def lock(session: Session, names: Iterable[str]) -> None:
    """Hold the write lock of each name until the transaction ends (commit or rollback).

    PostgreSQL: one advisory lock per name, taken in a fixed order so two writers never
    wait for each other crosswise (and if they ever do, PostgreSQL ends one of them, which
    becomes :class:`WriteBusy`). Taking a lock this transaction already holds does not wait.
    SQLite: the transaction already holds the only write lock there is (:meth:`Store.write`
    began it with BEGIN IMMEDIATE)."""
    conn = session.connection()
    if not conn.get_execution_options().get(_WRITE):
        raise RuntimeError("a write lock is taken inside Store.write only")
    if conn.dialect.name != "postgresql":
        return
    keys = sorted({lock_key(n) for n in names})
    if len(keys) == 1:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": keys[0]})
    elif keys:
        # One round trip for many (the shared records of a large dataset), still in key order.
        conn.execute(
            text(
                "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(CAST(:keys AS bigint[])) AS k ORDER BY k) s"
            ),
            {"keys": keys},
        )


def lock_organisations(session: Session, organisations: Iterable[str]) -> None:
    """The write lock of each organisation: taken by a write before it reads their events
    (also late, for the partners of a transfer found on the way)."""
    lock(session, [f"organisation:{o}" for o in organisations])


def in_write(session: Session) -> bool:
    """Whether ``session`` is the transaction of a :meth:`Store.write`."""
    return bool(session.connection().get_execution_options().get(_WRITE))


def lock_records(session: Session, kind: str, records: Iterable[tuple[str, str]]) -> None:
    """Before a write reads the current versions of some records (organisation, key): the lock
    of their organisation, or for a shared record (organisation "") the lock of the record
    itself, so two writers never both build version n+1 of the same record."""
    lock(session, {f"organisation:{org}" if org else f"record:{kind}:{key}" for org, key in records})


def is_busy(exc: OperationalError) -> bool:
    """Whether the database gave up waiting for another writer (or found two waiting crosswise)."""
    code = getattr(exc.orig, "sqlstate", None)
    if code is not None:
        return code in ("55P03", "40P01")  # lock_not_available, deadlock_detected
    return "database is locked" in str(exc.orig) or "database table is locked" in str(exc.orig)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@cache
def head_revision() -> str | None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return script.get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates it on an empty database). Under the
    write lock, and checked again inside it: twenty processes opening a new database at once
    must migrate it once."""
    if current_revision(engine) == head_revision():
        return
    cfg = alembic_config(str(engine.url))
    try:
        with engine.connect() as plain, plain.execution_options(**{_WRITE: True}).begin():
            conn = plain
            if conn.dialect.name == "postgresql":
                _wait_at_most(conn)
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key("schema")})
            if MigrationContext.configure(conn).get_current_revision() == head_revision():
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        if is_busy(exc):
            raise WriteBusy(limits.write_timeout()) from None
        raise


def _wait_at_most(conn: Connection) -> None:
    """PostgreSQL: give up on any lock of this transaction after the write timeout."""
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(limits.write_timeout() * 1000)}")


class Store:
    """An opened database: the engine and a session factory."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        # Names this opening of the database in keys of answers kept in memory: two stores may
        # share a URL (test schemas on one PostgreSQL database) and must not share answers.
        self.identity = uuid.uuid4().hex
        self.engine = engine or make_engine(url)
        prepare_engine(self.engine)
        migrate(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        """A session for reading. Writes use :meth:`write`."""
        return self.sessions()

    @contextmanager
    def write(self, organisations: Iterable[str] = (), also: Iterable[str] = ()) -> Iterator[Session]:
        """One write transaction that holds the write lock of ``organisations`` (ids) and of
        ``also`` (other things written as a whole, such as "municipalities") from before its
        first read until it commits or rolls back. Raises :class:`WriteBusy` when another
        writer keeps a lock longer than the write timeout; nothing is written then."""
        session = self.sessions()
        try:
            with session.begin():
                conn = session.connection(execution_options={_WRITE: True})
                if conn.dialect.name == "postgresql":
                    _wait_at_most(conn)
                lock(session, [f"organisation:{o}" for o in organisations] + [f"register:{a}" for a in also])
                yield session
        except OperationalError as exc:
            if is_busy(exc):
                raise WriteBusy(limits.write_timeout()) from None
            raise
        finally:
            session.close()

    def analyze(self) -> None:
        """Fresh planner statistics for the read models and the record log (PostgreSQL; SQLite's
        planner needs none here). Taken after a large import, outside its transaction."""
        if self.engine.dialect.name != "postgresql":
            return
        with self.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE unit_version, post_version, unit_fte, event_row, lineage_link, record")

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(db: str | None = None) -> Store:
    return Store(resolve_url(db))
