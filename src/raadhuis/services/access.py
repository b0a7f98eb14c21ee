"""Who may do what: roles per organisation, the permissions they give, token scopes.

A **principal** is whoever makes a request: the one user of a single-user workbench, a
signed-in person, a personal access token, or an anonymous reader of a public register.
It holds **grants** (organisation id, or ``*`` for every organisation → roles) and, for a
token, its **scopes**. ``principal.can(permission, org)`` is the one rule every door asks.

Roles (the glossary's words) and what they allow:

================  ====================================================================
``lezer``         read (a council member, an auditor)
``redacteur``     read, write: change that organisation's register
``onderzoeker``   read, study: studies and follow-up of that organisation
``beheerder``     read, write, study, admin: also users and roles
================  ====================================================================

Token scopes: ``read`` (read wherever the user may read), ``write:ORG`` (change ORG's
register, and read it), ``study:ORG`` (studies of ORG, and read it). A token never gives
more than its user's roles, and never ``admin``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

ALL = "*"  # a grant on every organisation


class Role(StrEnum):
    LEZER = "lezer"
    REDACTEUR = "redacteur"
    ONDERZOEKER = "onderzoeker"
    BEHEERDER = "beheerder"


class Permission(StrEnum):
    READ = "read"
    WRITE = "write"  # change the register (events, imports, retractions)
    STUDY = "study"  # studies and follow-up
    ADMIN = "admin"  # users, roles


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.LEZER: frozenset({Permission.READ}),
    Role.REDACTEUR: frozenset({Permission.READ, Permission.WRITE}),
    Role.ONDERZOEKER: frozenset({Permission.READ, Permission.STUDY}),
    Role.BEHEERDER: frozenset(Permission),
}

# The scopes a token can carry besides plain "read": these need an organisation.
SCOPED = (Permission.WRITE, Permission.STUDY)


class ScopeError(ValueError):
    pass


@dataclass(frozen=True)
class Scope:
    permission: Permission
    organisation: str | None = None  # None only for read: wherever the user may read

    def __str__(self) -> str:
        return self.permission.value if self.organisation is None else f"{self.permission.value}:{self.organisation}"

    def allows(self, permission: Permission, org: str | None) -> bool:
        if self.permission is Permission.READ:
            return permission is Permission.READ
        if permission not in (Permission.READ, self.permission):
            return False
        return org is None or self.organisation in (org, ALL)


def parse_scope(text: str) -> Scope:
    """``read``, ``write:GM0168`` or ``study:GM0168``; the organisation as given (resolve it first)."""
    word, _, org = text.strip().partition(":")
    try:
        permission = Permission(word.strip().lower())
    except ValueError:
        raise ScopeError(f"expected a scope read, write:ORG or study:ORG, got {text!r}") from None
    if permission is Permission.READ and not org:
        return Scope(permission)
    if permission in SCOPED and org.strip():
        return Scope(permission, org.strip())
    raise ScopeError(f"expected a scope read, write:ORG or study:ORG, got {text!r}")


@dataclass(frozen=True)
class Principal:
    """Whoever makes a request. ``name`` is what a write records as its author."""

    name: str
    display: str = ""
    grants: Mapping[str, frozenset[Role]] = field(default_factory=dict)
    via: str = "local"  # local (single user), session, token, public, anonymous
    scopes: frozenset[Scope] | None = None  # a token's scopes; None when not a token
    user_id: int | None = None
    session_id: str | None = None  # the hashed session, for signing out

    @property
    def anonymous(self) -> bool:
        return self.via == "anonymous"

    def roles_on(self, org: str | None) -> frozenset[Role]:
        """The roles on ``org``; with ``None`` every role held anywhere."""
        if org is None:
            return frozenset().union(*self.grants.values()) if self.grants else frozenset()
        return self.grants.get(org, frozenset()) | self.grants.get(ALL, frozenset())

    def can(self, permission: Permission, org: str | None) -> bool:
        """May this principal do ``permission`` on ``org`` (``None``: on some organisation)?"""
        if org is None:
            orgs: Iterable[str | None] = list(self.grants) or [None]
        else:
            orgs = [org]
        for o in orgs:
            roles = self.roles_on(o)
            if not any(permission in ROLE_PERMISSIONS[r] for r in roles):
                continue
            if self.scopes is None:
                return True
            target = None if o in (None, ALL) and org is None else o
            if any(s.allows(permission, target) for s in self.scopes):
                return True
        return False

    def readable(self, org: str) -> bool:
        return self.can(Permission.READ, org)


def local_user(name: str) -> Principal:
    """The single-user workbench on this computer: its user may do everything."""
    return Principal(name=name, display=name, grants={ALL: frozenset({Role.BEHEERDER})}, via="local")


PUBLIC = Principal(name="", display="", grants={ALL: frozenset({Role.LEZER})}, via="public")
ANONYMOUS = Principal(name="", display="", grants={}, via="anonymous")
