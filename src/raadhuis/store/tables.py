"""The database tables.

Two layers:

* the **record log** (``changeset`` + ``record``) is the truth and is append-only: a
  change adds a new version of a record and closes the old one's transaction time
  (``superseded_at``); nothing is updated in place or deleted, so what was known on any
  earlier moment stays answerable;
* the **read models** (``organisation``, ``unit_version``, ``post_version``,
  ``event_row``, ``lineage_link``) are derived from the log by the temporal engine and
  rebuilt per organisation after each change; they make "as of" a range query.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Changeset(Base):
    """One write: who, when, why, from where. Every record version points to one."""

    __tablename__ = "changeset"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(500), default="")  # file name, "web", "cli", ...


class Record(Base):
    """One version of one record (organisation, source, decision, cooperation, event, ...)."""

    __tablename__ = "record"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    organisation: Mapped[str] = mapped_column(String(200), default="")  # "" for shared records
    key: Mapped[str] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, default=1)
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    changeset_id: Mapped[int] = mapped_column(ForeignKey("changeset.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    retracted: Mapped[bool] = mapped_column(Boolean, default=False)  # this version withdraws the record
    # An event's position among the events given with it: the last tie-break of the same-day
    # order (domain/order.py). Beside the data, not in it, so equal data compares equal.
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (
        Index("ix_record_current", "kind", "organisation", "superseded_at"),
        Index("ix_record_key", "kind", "organisation", "key"),
        # The newest changeset of an organisation's records (its version, read by every as-of
        # answer of the API and every form) as one index seek instead of a scan.
        Index("ix_record_org_changeset", "organisation", "changeset_id"),
    )


class OrganisationRow(Base):
    __tablename__ = "organisation"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(60))
    slug: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    cbs_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    province: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # When every event is realised the planned view is the actual one: its read-model rows
    # are then stored once, under "actual" (half the rows at national scale).
    planned_same: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Goes up by one with every write of this organisation's row or read models (under its write
    # lock, so in the order the writes commit): what an as-of answer kept in memory is keyed on.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class UnitVersion(Base):
    __tablename__ = "unit_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    view: Mapped[str] = mapped_column(String(10))
    unit_id: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(60))
    parent_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    temporary: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, object]] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_unit_version_asof", "organisation", "view", "valid_from", "valid_to"),
        Index("ix_unit_version_ends", "organisation", "view", "valid_to"),  # a diff's rows ending between two days
        Index("ix_unit_version_unit", "organisation", "view", "unit_id"),
    )


class PostVersion(Base):
    __tablename__ = "post_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    view: Mapped[str] = mapped_column(String(10))
    post_id: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300))
    fte: Mapped[float] = mapped_column(Float)
    filled_fte: Mapped[float] = mapped_column(Float)
    manager: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, object]] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_post_version_asof", "organisation", "view", "valid_from", "valid_to"),
        Index("ix_post_version_unit", "organisation", "view", "unit_id"),
    )


_FTE_FIGURES = ("unit_id", "fte", "filled_fte", "posts")


class UnitFte(Base):
    """Budgeted and filled FTE and the number of posts of a unit over [valid_from, valid_to):
    the per-unit sums "as of" needs, kept so it reads one row per unit, not every post."""

    __tablename__ = "unit_fte"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    view: Mapped[str] = mapped_column(String(10))
    unit_id: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    fte: Mapped[float] = mapped_column(Float)
    filled_fte: Mapped[float] = mapped_column(Float)
    posts: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        # Both hold the figures, so that an as-of read and a diff never visit the table (0007).
        Index("ix_unit_fte_asof", "organisation", "view", "valid_from", "valid_to", *_FTE_FIGURES),
        Index("ix_unit_fte_ends", "organisation", "view", "valid_to", "valid_from", *_FTE_FIGURES),
        Index("ix_unit_fte_unit", "organisation", "view", "unit_id"),
    )


class EventRow(Base):
    __tablename__ = "event_row"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    event_id: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    effective: Mapped[date] = mapped_column(Date)
    date_text: Mapped[str] = mapped_column(String(30))
    precision: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str | None] = mapped_column(String(300), nullable=True)
    units: Mapped[str] = mapped_column(Text, default="")  # " id1 id2 " for unit filters
    conflict: Mapped[str | None] = mapped_column(Text, nullable=True)  # planned event that no longer fits
    data: Mapped[dict[str, object]] = mapped_column(JSON)

    __table_args__ = (Index("ix_event_row_org", "organisation", "effective", "seq"),)


class LineageLinkRow(Base):
    __tablename__ = "lineage_link"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    view: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(400))
    target: Mapped[str] = mapped_column(String(400))
    day: Mapped[date] = mapped_column(Date)
    event_id: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(30))

    __table_args__ = (Index("ix_lineage_org", "organisation", "view"),)


class MunicipalityRow(Base):
    """A period of a municipality in the CBS classification: [begin, end)."""

    __tablename__ = "municipality"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(6), index=True)  # GM0168
    name: Mapped[str] = mapped_column(String(200))
    province_code: Mapped[str] = mapped_column(String(10))
    province_name: Mapped[str] = mapped_column(String(100))
    begin: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date, nullable=True)
    changeset_id: Mapped[int] = mapped_column(ForeignKey("changeset.id"))
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    __table_args__ = (Index("ix_municipality_period", "begin", "end"),)


# --- accounts and access (issue 15): who may sign in, with which role where -------------
# The register's own log stays the truth about the organisation; these tables say who
# the people are. Role changes, disabling and tokens are never silently overwritten:
# each change is also written to ``access_event`` (who did it, when, why).


class AppUser(Base):
    """A person who may sign in: with a password (Argon2 hash), single sign-on, or both."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)  # sign-in name, lower case
    display_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(300), nullable=True)
    password_hash: Mapped[str | None] = mapped_column(Text, nullable=True)  # None: single sign-on only
    oidc_issuer: Mapped[str | None] = mapped_column(String(500), nullable=True)
    oidc_subject: Mapped[str | None] = mapped_column(String(300), nullable=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_app_user_oidc"),)


class RoleGrant(Base):
    """One role of one user on one organisation ("*" for every organisation)."""

    __tablename__ = "role_grant"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    organisation: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    granted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    granted_by: Mapped[str] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("user_id", "organisation", name="uq_role_grant_user_org"),)


class ApiToken(Base):
    """A personal access token for the API; only its SHA-256 is kept."""

    __tablename__ = "api_token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    name: Mapped[str] = mapped_column(String(200), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # the first characters, to recognise a token
    scopes: Mapped[str] = mapped_column(Text)  # space separated: read, write:GM0168, ...
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class UserSession(Base):
    """A signed-in browser. The cookie carries a signed random id; only its SHA-256 is kept."""

    __tablename__ = "user_session"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    via: Mapped[str] = mapped_column(String(20))  # password, oidc
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SigninAttempt(Base):
    """A sign-in try, kept for throttling (failures per name and per client in a window)."""

    __tablename__ = "signin_attempt"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    client: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ok: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (Index("ix_signin_attempt_at", "at"),)


class AccessEvent(Base):
    """A change to accounts, roles or tokens: who did what to whom, when and why."""

    __tablename__ = "access_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    user_name: Mapped[str] = mapped_column(String(100))
    organisation: Mapped[str | None] = mapped_column(String(200), nullable=True)
    detail: Mapped[dict[str, object]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")


class AppSetting(Base):
    """Settings the server keeps in the database so that every worker shares them (the
    signing key of the session cookies)."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
