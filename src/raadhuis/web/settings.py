"""How the workbench is served: for one user on this computer, for many with accounts, or
as a public read-only register; which host names it answers to; cookies behind TLS.

``raadhuis serve`` builds these from its options (see docs/multi-user.md); the defaults
are the single-user workbench on 127.0.0.1.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from raadhuis.services.accounts import Throttle

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
_ANY = ("0.0.0.0", "::", "")  # noqa: S104 - names that mean "every address", never a Host header


class Mode(StrEnum):
    SINGLE = "single"  # one user, this computer, no accounts; the operating-system user is the author
    ACCOUNTS = "accounts"  # sign-in required; roles per organisation
    PUBLIC = "public"  # anyone reads, nothing can be changed


@dataclass(frozen=True)
class OidcSettings:
    issuer: str  # e.g. https://login.example.nl/realms/gemeente (its /.well-known/openid-configuration)
    client_id: str
    client_secret: str
    label: str = "Single sign-on"  # the button's text


@dataclass(frozen=True)
class WebSettings:
    mode: Mode = Mode.SINGLE
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    secure_cookies: bool = False  # behind TLS: Secure cookies, HSTS
    session_lifetime: timedelta = timedelta(hours=12)
    throttle: Throttle = field(default_factory=Throttle)
    oidc: OidcSettings | None = None
    author: str | None = None  # single-user mode: the author of changes (default: the OS user)


def is_loopback(host: str) -> bool:
    return host.strip("[]").lower() in LOOPBACK_HOSTS or host.startswith("127.")


def oidc_from_env() -> OidcSettings | None:
    issuer = os.environ.get("RAADHUIS_OIDC_ISSUER", "").strip()
    if not issuer:
        return None
    return OidcSettings(
        issuer=issuer,
        client_id=os.environ.get("RAADHUIS_OIDC_CLIENT_ID", "raadhuis"),
        client_secret=os.environ.get("RAADHUIS_OIDC_CLIENT_SECRET", ""),
        label=os.environ.get("RAADHUIS_OIDC_LABEL", "Single sign-on"),
    )


def for_serving(
    host: str = "127.0.0.1",
    multi_user: bool = False,
    public: bool = False,
    allowed_hosts: list[str] | None = None,
    tls: bool = False,
    oidc: OidcSettings | None = None,
) -> WebSettings:
    """The settings ``raadhuis serve`` runs with. Beyond loopback there are always accounts
    (or a public read-only register); the host names the server answers to are the ones
    given, else loopback (and the bound address itself when it is a specific one)."""
    if public:
        mode = Mode.PUBLIC
    elif multi_user or not is_loopback(host):
        mode = Mode.ACCOUNTS
    else:
        mode = Mode.SINGLE
    names = [h.strip().lower() for h in allowed_hosts or [] if h.strip()]
    if not names:
        names = list(LOOPBACK_HOSTS)
        if host not in _ANY and not is_loopback(host):
            names.append(host.lower())
    return WebSettings(mode=mode, allowed_hosts=tuple(names), secure_cookies=tls, oidc=oidc or oidc_from_env())


def host_allowed(header: str, allowed: tuple[str, ...]) -> bool:
    """Is a Host header (with or without port) one of ``allowed``? ``*.example.nl`` allows
    the subdomains of example.nl."""
    value = header.strip().lower()
    if value.startswith("["):  # [::1]:8000
        name = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:
        name = value.split(":", 1)[0]
    else:
        name = value
    for pattern in allowed:
        pattern = pattern.strip("[]")
        if name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:])):
            return True
    return False
