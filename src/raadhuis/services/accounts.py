"""Accounts: users, roles per organisation, sessions, API tokens, sign-in throttling.

The CLI (``raadhuis user …``, ``raadhuis token …``) and the web (sign-in, tokens page)
call these functions. Passwords are stored as Argon2id hashes (argon2-cffi); session ids
and tokens are random and only their SHA-256 is stored, so a copy of the database signs
no one in. Every change to an account is written to ``access_event`` with who, when, why.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from raadhuis.services.access import ALL, Principal, Role, Scope, parse_scope
from raadhuis.services.register import resolve_organisation
from raadhuis.store.database import Store
from raadhuis.store.tables import (
    AccessEvent,
    ApiToken,
    AppSetting,
    AppUser,
    RoleGrant,
    SigninAttempt,
    UserSession,
)

MIN_PASSWORD = 10
TOKEN_PREFIX = "rh_"  # noqa: S105 - marks a Raadhuis token, not a secret
# Argon2id with the RFC 9106 low-memory parameters (argon2-cffi's default: 64 MiB, 3 passes).
_hasher = PasswordHasher()
_dummy: list[str] = []


def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name takes as long as a wrong password."""
    if not _dummy:
        _dummy.append(_hasher.hash(secrets.token_urlsafe(16)))
    return _dummy[0]


class AccountError(ValueError):
    """A refused account change or sign-in; ``key`` names the message in the catalogue."""

    def __init__(self, key: str, message: str, **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


class Throttled(AccountError):
    def __init__(self, minutes: int) -> None:
        super().__init__("auth.throttled", f"too many failed sign-ins; try again in {minutes} minutes", minutes=minutes)
        self.minutes = minutes


@dataclass(frozen=True)
class Throttle:
    """Failed sign-ins allowed per name and per client within ``window`` before a pause."""

    per_name: int = 5
    per_client: int = 20
    window: timedelta = timedelta(minutes=15)


def now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes for timezone columns; they were written in UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _clean_name(name: str) -> str:
    clean = name.strip().lower()
    if not clean or len(clean) > 100 or not all(ch.isalnum() or ch in "._-@" for ch in clean):
        raise AccountError(
            "auth.bad_name",
            f"expected a user name of letters, digits and . _ - @ (at most 100), got {name!r}",
            name=name,
        )
    return clean


def _log(
    s: Session, actor: str, action: str, user: str, org: str | None = None, reason: str = "", **detail: Any
) -> None:
    s.add(
        AccessEvent(
            at=now(), actor=actor, action=action, user_name=user, organisation=org, detail=detail, reason=reason
        )
    )


def _user(s: Session, name: str) -> AppUser:
    user = s.execute(select(AppUser).where(AppUser.name == name.strip().lower())).scalar_one_or_none()
    if user is None:
        raise AccountError("auth.no_user", f"no user {name!r}", name=name)
    return user


def _org(s: Session, org: str) -> str:
    if org.strip() == ALL:
        return ALL
    try:
        return resolve_organisation(s, org).id
    except LookupError:
        raise AccountError("auth.no_org", f"organisation {org!r} is not in the register", org=org) from None


def _role(role: str) -> Role:
    try:
        return Role(role.strip().lower())
    except ValueError:
        raise AccountError(
            "auth.bad_role", f"expected a role {', '.join(r.value for r in Role)}, got {role!r}", role=role
        ) from None


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(
            "auth.short_password", f"a password needs at least {MIN_PASSWORD} characters", minimum=MIN_PASSWORD
        )
    return _hasher.hash(password)


# --- users and roles --------------------------------------------------------------------


def add_user(
    store: Store,
    name: str,
    actor: str,
    password: str | None = None,
    display_name: str = "",
    email: str | None = None,
    grants: list[tuple[str, str]] | None = None,
    reason: str = "",
) -> dict[str, Any]:
    """A new user, with a password (or none: single sign-on only) and roles ``(org, role)``."""
    clean = _clean_name(name)
    hashed = hash_password(password) if password is not None else None
    with store.session() as s, s.begin():
        if s.execute(select(AppUser.id).where(AppUser.name == clean)).first():
            raise AccountError("auth.user_exists", f"user {clean!r} exists already", name=clean)
        user = AppUser(
            name=clean,
            display_name=display_name.strip() or clean,
            email=(email or "").strip().lower() or None,
            password_hash=hashed,
            created_at=now(),
        )
        s.add(user)
        s.flush()
        _log(s, actor, "user_add", clean, reason=reason, password=hashed is not None, email=user.email)
        for org, role in grants or []:
            _grant(s, user, org, role, actor, reason)
        return _user_dict(s, user)


def _grant(s: Session, user: AppUser, org: str, role: str | None, actor: str, reason: str) -> None:
    org_id = _org(s, org)
    row = s.execute(
        select(RoleGrant).where(RoleGrant.user_id == user.id, RoleGrant.organisation == org_id)
    ).scalar_one_or_none()
    before = row.role if row else None
    if role is None:
        if row is not None:
            s.delete(row)
    else:
        value = _role(role).value
        if row is None:
            s.add(RoleGrant(user_id=user.id, organisation=org_id, role=value, granted_at=now(), granted_by=actor))
        else:
            row.role, row.granted_at, row.granted_by = value, now(), actor
    _log(s, actor, "role", user.name, org_id, reason, before=before, after=role and _role(role).value)


def set_role(store: Store, name: str, org: str, role: str | None, actor: str, reason: str = "") -> dict[str, Any]:
    """Give ``name`` the role on ``org`` (``*``: every organisation); ``None`` takes it away."""
    with store.session() as s, s.begin():
        user = _user(s, name)
        _grant(s, user, org, role, actor, reason)
        s.flush()
        return _user_dict(s, user)


def set_disabled(store: Store, name: str, disabled: bool, actor: str, reason: str = "") -> dict[str, Any]:
    """Disable (or enable again) a user: a disabled user's sessions and tokens stop working."""
    with store.session() as s, s.begin():
        user = _user(s, name)
        user.disabled = disabled
        if disabled:
            s.execute(
                update(UserSession)
                .where(UserSession.user_id == user.id, UserSession.revoked_at.is_(None))
                .values(revoked_at=now())
            )
        _log(s, actor, "disable" if disabled else "enable", user.name, reason=reason)
        return _user_dict(s, user)


def set_password(store: Store, name: str, password: str, actor: str) -> None:
    hashed = hash_password(password)
    with store.session() as s, s.begin():
        user = _user(s, name)
        user.password_hash = hashed
        _log(s, actor, "password", user.name)


def _user_dict(s: Session, user: AppUser) -> dict[str, Any]:
    grants = s.execute(
        select(RoleGrant.organisation, RoleGrant.role)
        .where(RoleGrant.user_id == user.id)
        .order_by(RoleGrant.organisation)
    ).all()
    return {
        "name": user.name,
        "display_name": user.display_name,
        "email": user.email,
        "password": user.password_hash is not None,
        "single_sign_on": user.oidc_subject is not None,
        "disabled": user.disabled,
        "roles": [{"organisation": org, "role": role} for org, role in grants],
        "created_at": _aware(user.created_at).isoformat(),  # type: ignore[union-attr]
    }


def list_users(store: Store) -> list[dict[str, Any]]:
    with store.session() as s:
        return [_user_dict(s, u) for u in s.execute(select(AppUser).order_by(AppUser.name)).scalars()]


def count_users(store: Store) -> int:
    with store.session() as s:
        return int(s.execute(select(func.count(AppUser.id))).scalar_one())


def access_events(store: Store, limit: int = 200) -> list[dict[str, Any]]:
    with store.session() as s:
        rows = s.execute(select(AccessEvent).order_by(AccessEvent.id.desc()).limit(limit)).scalars()
        return [
            {
                "at": _aware(r.at).isoformat(),  # type: ignore[union-attr]
                "actor": r.actor,
                "action": r.action,
                "user": r.user_name,
                "organisation": r.organisation,
                "detail": r.detail,
                "reason": r.reason,
            }
            for r in rows
        ]


def _principal(s: Session, user: AppUser, via: str, **extra: Any) -> Principal:
    grants: dict[str, set[Role]] = {}
    for org, role in s.execute(
        select(RoleGrant.organisation, RoleGrant.role).where(RoleGrant.user_id == user.id)
    ).all():
        grants.setdefault(org, set()).add(Role(role))
    return Principal(
        name=user.name,
        display=user.display_name or user.name,
        grants={k: frozenset(v) for k, v in grants.items()},
        via=via,
        user_id=user.id,
        **extra,
    )


# --- signing in -------------------------------------------------------------------------


def _throttled(s: Session, name: str, client: str, throttle: Throttle) -> int | None:
    """Minutes to wait when too many sign-ins failed recently, else None."""
    since = now() - throttle.window
    for column, value, limit in (
        (SigninAttempt.name, name, throttle.per_name),
        (SigninAttempt.client, client, throttle.per_client),
    ):
        failures = (
            s.execute(
                select(SigninAttempt.at)
                .where(column == value, SigninAttempt.at >= since, SigninAttempt.ok.is_(False))
                .order_by(SigninAttempt.at)
            )
            .scalars()
            .all()
        )
        if len(failures) >= limit:
            oldest = _aware(failures[-limit])
            wait = oldest + throttle.window - now()  # type: ignore[operator]
            return max(1, int(wait.total_seconds() // 60) + 1)
    return None


def authenticate(store: Store, name: str, password: str, client: str, throttle: Throttle | None = None) -> int:
    """The user id for a right name and password; raises :class:`Throttled` after too
    many failures, :class:`AccountError` otherwise (the same message for a wrong name
    and a wrong password)."""
    throttle = throttle or Throttle()
    clean = name.strip().lower()[:200]
    with store.session() as s, s.begin():
        wait = _throttled(s, clean, client, throttle)
        if wait is not None:
            raise Throttled(wait)
        user = s.execute(select(AppUser).where(AppUser.name == clean)).scalar_one_or_none()
        stored = user.password_hash if user is not None and user.password_hash else _dummy_hash()
        try:
            ok = _hasher.verify(stored, password) and user is not None and user.password_hash is not None
        except (VerificationError, InvalidHashError):
            ok = False
        ok = ok and user is not None and not user.disabled
        s.add(SigninAttempt(name=clean, client=client[:100], at=now(), ok=ok))
        # Keep the table small: attempts older than a day say nothing any more.
        s.execute(delete(SigninAttempt).where(SigninAttempt.at < now() - timedelta(days=1)))
        user_id = user.id if ok and user is not None else None
        if user_id is not None and _hasher.check_needs_rehash(user.password_hash):  # type: ignore[union-attr,arg-type]
            user.password_hash = _hasher.hash(password)  # type: ignore[union-attr]
    # The failed attempt is committed above: it must count, even though we refuse.
    if user_id is None:
        raise AccountError("auth.bad_credentials", "wrong user name or password")
    return user_id


def open_session(store: Store, user_id: int, via: str, lifetime: timedelta) -> str:
    """A new session for the user; the raw id goes (signed) into the cookie."""
    raw = secrets.token_urlsafe(32)
    with store.session() as s, s.begin():
        s.add(UserSession(id=_digest(raw), user_id=user_id, via=via, created_at=now(), expires_at=now() + lifetime))
        user = s.get(AppUser, user_id)
        _log(s, user.name if user else "?", "signin", user.name if user else "?", via=via)
    return raw


def session_principal(store: Store, raw: str) -> Principal | None:
    """The signed-in user of a session, or None when it ended, expired or the user is disabled."""
    with store.session() as s:
        row = s.get(UserSession, _digest(raw))
        if row is None or row.revoked_at is not None or _aware(row.expires_at) <= now():  # type: ignore[operator]
            return None
        user = s.get(AppUser, row.user_id)
        if user is None or user.disabled:
            return None
        return _principal(s, user, "session", session_id=row.id)


def close_session(store: Store, session_id: str) -> None:
    with store.session() as s, s.begin():
        row = s.get(UserSession, session_id)
        if row is not None and row.revoked_at is None:
            row.revoked_at = now()
            user = s.get(AppUser, row.user_id)
            _log(s, user.name if user else "?", "signout", user.name if user else "?")


def oidc_user(store: Store, issuer: str, subject: str, email: str | None, username: str | None) -> int:
    """The account a single sign-on identity belongs to. The first time, it is matched on
    the verified e-mail address or the user name the beheerder gave the account; after
    that on (issuer, subject). Nobody gets an account just by having an identity."""
    with store.session() as s, s.begin():
        user = s.execute(
            select(AppUser).where(AppUser.oidc_issuer == issuer, AppUser.oidc_subject == subject)
        ).scalar_one_or_none()
        if user is None:
            candidates = []
            if email:
                candidates += list(s.execute(select(AppUser).where(AppUser.email == email.lower())).scalars())
            if username and not candidates:
                candidates += list(s.execute(select(AppUser).where(AppUser.name == username.lower())).scalars())
            user = next((u for u in candidates if u.oidc_subject is None), None)
            if user is None:
                raise AccountError("auth.sso_unknown", "no account for this identity; ask a beheerder to add you")
            user.oidc_issuer, user.oidc_subject = issuer, subject
            _log(s, user.name, "sso_link", user.name, issuer=issuer)
        if user.disabled:
            raise AccountError("auth.disabled", "this account is disabled")
        return user.id


# --- API tokens -------------------------------------------------------------------------


def add_token(
    store: Store,
    name: str,
    scopes: list[str],
    actor: str,
    label: str = "",
    expires: datetime | None = None,
) -> dict[str, Any]:
    """A new personal access token for ``name``. The token itself is in the answer once
    and never again; the register keeps only its hash."""
    if not scopes:
        raise AccountError("auth.no_scope", "give at least one scope: read, write:ORG or study:ORG")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(30)
    with store.session() as s, s.begin():
        user = _user(s, name)
        parsed: list[Scope] = []
        for text in scopes:
            try:
                scope = parse_scope(text)
            except ValueError as exc:
                raise AccountError("auth.bad_scope", str(exc), scope=text) from None
            if scope.organisation is not None:
                scope = Scope(scope.permission, _org(s, scope.organisation))
            parsed.append(scope)
        row = ApiToken(
            user_id=user.id,
            name=label.strip(),
            token_hash=_digest(raw),
            prefix=raw[:10],
            scopes=" ".join(sorted({str(p) for p in parsed})),
            created_at=now(),
            expires_at=expires,
        )
        s.add(row)
        s.flush()
        _log(s, actor, "token_add", user.name, token=row.id, scopes=row.scopes, label=row.name)
        return dict(_token_dict(row, user.name), token=raw)


def _token_dict(row: ApiToken, user: str) -> dict[str, Any]:
    def iso(moment: datetime | None) -> str | None:
        moment = _aware(moment)
        return moment.isoformat() if moment else None

    return {
        "id": row.id,
        "user": user,
        "label": row.name,
        "prefix": row.prefix,
        "scopes": row.scopes.split(),
        "created_at": iso(row.created_at),
        "expires_at": iso(row.expires_at),
        "revoked_at": iso(row.revoked_at),
        "last_used_at": iso(row.last_used_at),
    }


def list_tokens(store: Store, name: str | None = None) -> list[dict[str, Any]]:
    with store.session() as s:
        query = select(ApiToken, AppUser.name).join(AppUser, ApiToken.user_id == AppUser.id).order_by(ApiToken.id)
        if name is not None:
            query = query.where(AppUser.name == name.strip().lower())
        return [_token_dict(t, u) for t, u in s.execute(query).all()]


def revoke_token(store: Store, token_id: int, actor: str, owner: str | None = None) -> dict[str, Any]:
    """Revoke a token (for good). With ``owner``, only that user's own token."""
    with store.session() as s, s.begin():
        row = s.get(ApiToken, token_id)
        user = s.get(AppUser, row.user_id) if row else None
        if row is None or user is None or (owner is not None and user.name != owner):
            raise AccountError("auth.no_token", f"no token {token_id}", token=token_id)
        if row.revoked_at is None:
            row.revoked_at = now()
            _log(s, actor, "token_revoke", user.name, token=row.id)
        return _token_dict(row, user.name)


def token_principal(store: Store, raw: str) -> Principal | None:
    """The principal of a valid token (its user's roles, narrowed to its scopes)."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    with store.session() as s, s.begin():
        row = s.execute(select(ApiToken).where(ApiToken.token_hash == _digest(raw))).scalar_one_or_none()
        if row is None or row.revoked_at is not None:
            return None
        if row.expires_at is not None and _aware(row.expires_at) <= now():  # type: ignore[operator]
            return None
        user = s.get(AppUser, row.user_id)
        if user is None or user.disabled:
            return None
        last = _aware(row.last_used_at)
        if last is None or now() - last > timedelta(minutes=1):  # not a write per request
            row.last_used_at = now()
        scopes = frozenset(parse_scope(x) for x in row.scopes.split())
        return _principal(s, user, "token", scopes=scopes)


# --- the signing key --------------------------------------------------------------------


def secret_key(store: Store) -> str:
    """The key that signs session cookies and CSRF tokens, made once and kept in the
    database so that every worker of one register signs alike."""
    with store.session() as s:
        row = s.get(AppSetting, "secret_key")
        if row is not None:
            return row.value
    try:
        with store.session() as s, s.begin():
            s.add(AppSetting(key="secret_key", value=secrets.token_urlsafe(48)))
    except IntegrityError:
        pass  # another worker made it first: use theirs
    with store.session() as s:
        return s.get(AppSetting, "secret_key").value  # type: ignore[union-attr]
