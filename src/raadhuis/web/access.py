"""The rule next to every route: who may call it.

Every route of the app carries exactly one rule, given as a dependency in its decorator::

    from raadhuis.web.access import READ, STUDY, WRITE, public, require, signed_in

    @router.get("/o/{org}/timeline", dependencies=[require(READ)])        # read that organisation
    @router.post("/o/{org}/edit", dependencies=[require(WRITE)])          # change its register
    @router.post("/o/{org}/studies", dependencies=[require(STUDY)])       # studies and follow-up
    @router.get("/", dependencies=[require(READ, org=None)])              # read some organisation
    @router.post("/upload", dependencies=[require(WRITE, org=None)])      # org known from the body:
    #     ... then check_org(request, WRITE, org) for each organisation the body names
    @router.get("/organisations/new", dependencies=[require_every(WRITE)])  # on every organisation
    @router.get("/signin", dependencies=[public()])                       # anyone, also signed out
    @router.get("/account", dependencies=[signed_in()])                   # any signed-in user

``require(permission, org="org")`` names the permission (see :mod:`raadhuis.services.access`
for the roles that give it) and the path parameter holding the organisation (a CBS code,
id, slug or name; resolved before the check). A router can carry a rule for all its
routes with ``APIRouter(dependencies=[require(READ)])``.

``tests/test_access_matrix.py`` walks the app's route table and calls every route as every
role, anonymously and with a token of each scope: a route without a rule fails it.

The author of a write is :func:`author` (the signed-in user, or in the single-user
workbench the operating-system user), never a name typed into a form.

Refusals: the API answers 401 (not signed in, bad token) or 403 (no permission) as JSON
with the message in Dutch and English; pages send a signed-out browser to the sign-in
page and show 403 otherwise. In a public read-only register every non-read route is 404.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.params import Depends as DependsParam
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from raadhuis.services import accounts
from raadhuis.services.access import ALL, ANONYMOUS, PUBLIC, Permission, Principal, local_user
from raadhuis.services.register import current_user
from raadhuis.store.tables import OrganisationRow
from raadhuis.web.settings import Mode

READ, WRITE, STUDY, ADMIN = Permission.READ, Permission.WRITE, Permission.STUDY, Permission.ADMIN


class AccessRefused(Exception):
    """401 (who are you?), 403 (not allowed) or 404 (not reachable in this mode)."""

    def __init__(self, status: int, key: str, **values: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Rule:
    """Who may call a route. ``kind`` is ``public``, ``signed_in`` or ``permission``."""

    kind: str
    permission: Permission | None = None
    org_param: str | None = None
    every: bool = False  # the permission on every organisation (adding a new one)

    async def __call__(self, request: Request) -> None:
        # On the event loop when the check reads nothing from the database (the single user, a
        # public register's reader, a principal known already, allowed on every organisation):
        # a hop to a worker thread cost more than the check. Else in a worker thread, as FastAPI
        # runs a plain function.
        if self._needs_database(request):
            await run_in_threadpool(self.check, request)
        else:
            self.check(request)

    def _needs_database(self, request: Request) -> bool:
        if self.kind == "public":
            return False
        if request.app.state.settings.mode is Mode.ACCOUNTS and getattr(request.state, "principal", None) is None:
            return True  # a token or a session to look up
        who = principal(request)  # known without the database now
        return self.permission is not None and self.org_param is not None and not who.can(self.permission, ALL)

    def check(self, request: Request) -> None:
        """Refuse (AccessRefused) unless whoever makes ``request`` may call the route."""
        who = principal(request)
        mode = request.app.state.settings.mode
        if self.kind == "public":
            return
        if mode is Mode.PUBLIC and self.permission is not Permission.READ:
            raise AccessRefused(404, "auth.read_only")
        if who.anonymous:
            raise AccessRefused(401, "auth.sign_in")
        if self.kind == "signed_in":
            if who.via in ("public",):
                raise AccessRefused(404, "auth.read_only")
            return
        assert self.permission is not None  # noqa: S101 - built by require()
        org = ALL if self.every else None
        if self.org_param is not None and who.can(self.permission, ALL):
            # Allowed on every organisation (the single user, a public register's reader, a
            # grant on all): the answer is the same for any organisation the path names, so it
            # is not looked up here (an unknown one: the route answers 404, as below).
            return
        if self.org_param is not None:
            ref = request.path_params.get(self.org_param)
            org = organisation_id(request, str(ref)) if ref is not None else None
            if org is None:
                return  # an unknown organisation: the route answers 404
        if not who.can(self.permission, org):
            if who.scopes is not None and replace(who, scopes=None).can(self.permission, org):
                # The user may, the token may not: say that the token's scope is the limit.
                scopes = " ".join(sorted(str(x) for x in who.scopes))
                need = f"{self.permission.value}:{org}" if org and self.permission is not Permission.READ else "read"
                raise AccessRefused(403, "auth.token_scope", org=org or "", scopes=scopes, need=need)
            raise AccessRefused(403, "auth.forbidden_org" if org and org != ALL else "auth.forbidden", org=org or "")

    def describe(self) -> str:
        if self.kind != "permission":
            return self.kind
        if self.every:
            return f"{self.permission} on every organisation"
        return f"{self.permission}" + (f" on {{{self.org_param}}}" if self.org_param else " on some organisation")


def allowed_everywhere(request: Request, permission: Permission) -> bool:
    """Does :func:`require` (``permission`` on the path's organisation) let this request through
    for any organisation, decided without the database? False: ask the rule itself (it may
    refuse, or need the database to decide)."""
    rule = Rule("permission", permission, "org")
    if rule._needs_database(request):
        return False
    try:
        rule.check(request)  # reads nothing here: passes or refuses
    except AccessRefused:
        return False
    return True


def require(permission: Permission, org: str | None = "org") -> DependsParam:
    """The rule: ``permission`` on the organisation in path parameter ``org`` (None: on any)."""
    return Depends(Rule("permission", permission, org))  # type: ignore[no-any-return]


def require_every(permission: Permission) -> DependsParam:
    """The rule: ``permission`` on every organisation (a grant on all of them), as adding a new
    organisation needs (docs/multi-user.md)."""
    return Depends(Rule("permission", permission, None, every=True))  # type: ignore[no-any-return]


def public() -> DependsParam:
    """The rule for routes anyone may call, signed in or not (sign-in page, API docs)."""
    return Depends(Rule("public"))  # type: ignore[no-any-return]


def signed_in() -> DependsParam:
    """The rule for a signed-in user's own things (account page, own tokens, sign-out)."""
    return Depends(Rule("signed_in"))  # type: ignore[no-any-return]


def rule_of(route: object) -> list[Rule]:
    """The rules a route carries (for the matrix test: exactly one)."""
    dependant = getattr(route, "dependant", None)
    found: list[Rule] = []

    def walk(dep: object) -> None:
        call = getattr(dep, "call", None)
        if isinstance(call, Rule):
            found.append(call)
        for sub in getattr(dep, "dependencies", []):
            walk(sub)

    if dependant is not None:
        walk(dependant)
    return found


def organisation_id(request: Request, ref: str) -> str | None:
    """The id of the organisation a path names, or None when there is none."""
    from raadhuis.services.register import NotFound, resolve_organisation

    with request.app.state.store.session() as s:
        row = s.get(OrganisationRow, ref)
        if row is not None:
            return str(row.id)
        try:
            return str(resolve_organisation(s, ref).id)
        except NotFound:
            return None


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


@cache
def _os_user() -> str:
    # Who runs the single-user workbench: the same for the whole process, and looking it up
    # (getpass, the password database) cost a fifth of a millisecond on every request.
    return current_user()


def principal(request: Request) -> Principal:
    """Whoever makes this request (looked up once per request)."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    settings = request.app.state.settings
    store = request.app.state.store
    who: Principal
    if settings.mode is Mode.SINGLE:
        who = local_user(settings.author or _os_user())
    elif settings.mode is Mode.PUBLIC:
        who = PUBLIC
    else:
        who = ANONYMOUS
        token = _bearer(request)
        if token is not None:
            found = accounts.token_principal(store, token)
            if found is None:
                raise AccessRefused(401, "auth.bad_token")
            who = found
        else:
            from raadhuis.web.csrf import browser_cookie

            session = browser_cookie(request).session
            if session is not None:
                who = accounts.session_principal(store, session) or ANONYMOUS
    request.state.principal = who
    return who


def safe_principal(request: Request) -> Principal:
    """The principal, or anonymous when the request's credentials are bad (for rendering
    an error page about exactly that)."""
    try:
        return principal(request)
    except AccessRefused:
        return ANONYMOUS


def check_org(request: Request, permission: Permission, org: str) -> None:
    """For routes whose organisation comes from the body: refuse unless allowed on ``org``."""
    if not principal(request).can(permission, org):
        raise AccessRefused(403, "auth.forbidden_org", org=org)


def may_write(request: Request) -> Callable[[list[str]], None]:
    """The ``authorise`` check for a dataset import: its author may change every
    organisation the dataset writes (called inside the write, before anything is stored)."""

    def check(orgs: list[str]) -> None:
        for org in orgs:
            check_org(request, WRITE, org)

    return check


def author(request: Request) -> str:
    """The name a write made by this request records as its author. Without accounts (single
    user) a write through the API may name its author with ``?who=``, as the CLI's ``--who``
    does; with accounts the author is always the signed-in user or the token's, never a name
    the request gives."""
    if request.app.state.settings.mode is Mode.SINGLE:
        named = (request.query_params.get("who") or "").strip()
        if named:
            return named[:200]
    return principal(request).name


def can(request: Request, permission: Permission, org: str | None) -> bool:
    """For pages: show a link or button only to whoever may use it."""
    settings = request.app.state.settings
    if settings.mode is Mode.PUBLIC and permission is not Permission.READ:
        return False
    return safe_principal(request).can(permission, org)


def refusal_body(request: Request, exc: AccessRefused) -> dict[str, object]:
    from raadhuis.i18n.access_messages import message

    lang = getattr(request.state, "lang", "nl")
    values = exc.values
    return {
        "errors": [
            {
                "field": None,
                "line": None,
                "code": exc.key.split(".", 1)[1],
                "message": message(exc.key, lang, **values),
                "message_nl": message(exc.key, "nl", **values),
                "message_en": message(exc.key, "en", **values),
            }
        ]
    }


def install(app: FastAPI, page: Callable[..., Response]) -> None:
    """The answer to a refusal, and the security schemes in the OpenAPI description. ``page``
    is the error page (web.errors.page), given by the app: errors render through common,
    which reads the principal from here."""
    from urllib.parse import quote

    @app.exception_handler(AccessRefused)
    async def refused(request: Request, exc: AccessRefused) -> Response:
        if request.url.path.startswith("/api/"):
            headers = {"WWW-Authenticate": 'Bearer realm="raadhuis"'} if exc.status == 401 else None
            return JSONResponse(refusal_body(request, exc), status_code=exc.status, headers=headers)
        if exc.status == 401:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/signin?next={quote(target, safe='')}", status_code=303)
        from raadhuis.i18n.access_messages import message

        lang = getattr(request.state, "lang", "nl")
        return page(request, exc.status, message(exc.key, lang, **exc.values))

    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = plain_openapi()
        components = schema.setdefault("components", {})
        components["securitySchemes"] = {
            "token": {
                "type": "http",
                "scheme": "bearer",
                "description": (
                    "Persoonlijk toegangstoken (raadhuis token add, of Mijn account) met bereik read, "
                    "write:ORG of study:ORG / personal access token with scope read, write:ORG or study:ORG"
                ),
            },
            "session": {"type": "apiKey", "in": "cookie", "name": "raadhuis", "description": "browser session"},
        }
        schema["security"] = [{"token": []}, {"session": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


@dataclass(frozen=True)
class RouteEntry:
    path: str
    methods: tuple[str, ...]
    rules: tuple[Rule, ...]
    kind: str  # "api" (a FastAPI route, must carry one rule) or "other" (a mount or plain route)


def route_table(app: FastAPI) -> list[RouteEntry]:
    """Every route of ``app`` with its rules (as the matrix test and the docs read them)."""
    from fastapi import routing
    from fastapi.routing import APIRoute

    iterate = getattr(routing, "iter_route_contexts", None)
    if iterate is not None:  # FastAPI ≥ 0.16x keeps included routers as contexts
        items = [(rc.path, rc.methods, rc._effective_route, rc.route) for rc in iterate(app.routes)]
    else:  # pragma: no cover - older FastAPI flattens included routers itself
        items = [(r.path, getattr(r, "methods", None), r, r) for r in app.routes]  # type: ignore[attr-defined]
    out = []
    for path, methods, effective, original in items:
        kind = "api" if isinstance(original, APIRoute) else "other"
        out.append(RouteEntry(str(path), tuple(sorted(methods or ())), tuple(rule_of(effective)), kind))
    return out


def unruled(app: FastAPI) -> list[str]:
    """Routes without exactly one rule (and other routes not declared public): must be empty."""
    public_paths: set[str] = getattr(app.state, "public_paths", set())
    bad = []
    for entry in route_table(app):
        if entry.kind == "api" and len(entry.rules) != 1:
            bad.append(f"{','.join(entry.methods)} {entry.path}: {len(entry.rules)} rules")
        elif entry.kind == "other" and entry.path not in public_paths:
            bad.append(f"{entry.path}: not an API route and not in app.state.public_paths")
    return bad
