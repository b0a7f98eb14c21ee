"""Users, roles and API tokens: ``raadhuis user add|list|role|disable|password`` and
``raadhuis token add|list|revoke``. The first beheerder is made here — there is no
default password anywhere."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, time
from typing import Annotated, Any

import typer

from raadhuis.cli.base import CTX, Fmt, _esc, _json, app, console, err_console
from raadhuis.i18n import t
from raadhuis.i18n.access_messages import message
from raadhuis.i18n.formatting import read_day

user_app = typer.Typer(help="Gebruikers en hun rollen per organisatie.", no_args_is_help=True)
token_app = typer.Typer(help="Persoonlijke toegangstokens voor de API.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")

_ALL = ("*", "all", "alle")


def _actor() -> str:
    from raadhuis.services.register import current_user

    return f"{current_user()} (cli)"


def _org(value: str) -> str:
    return "*" if value.strip().lower() in _ALL else value


def _call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    from raadhuis.services.accounts import AccountError

    try:
        return fn(*args, **kwargs)
    except AccountError as exc:
        err_console.print(
            f"[red]{t('error', CTX.lang)}[/red] {_esc(message(exc.key, CTX.lang, **exc.values))}", highlight=False
        )
        raise typer.Exit(1) from None


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = typer.prompt(message("cli.password", CTX.lang), hide_input=True)
    again = typer.prompt(message("cli.password_again", CTX.lang), hide_input=True)
    if first != again:
        err_console.print(f"[red]{t('error', CTX.lang)}[/red] {message('cli.password_mismatch', CTX.lang)}")
        raise typer.Exit(1)
    return str(first)


def _print_user(user: dict[str, Any]) -> None:
    roles = ", ".join(
        f"{r['role']} ({message('auth.all_orgs', CTX.lang) if r['organisation'] == '*' else r['organisation']})"
        for r in user["roles"]
    )
    state = f" [red]{message('cli.disabled', CTX.lang)}[/red]" if user["disabled"] else ""
    console.print(
        f"[bold]{_esc(user['name'])}[/bold] {_esc(user['display_name'])}{state} — "
        f"{_esc(roles) or message('auth.no_roles', CTX.lang)}",
        highlight=False,
    )


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Gebruikersnaam (kleine letters, cijfers, . _ - @).")],
    role: Annotated[str | None, typer.Option("--role", help="lezer, redacteur, onderzoeker of beheerder.")] = None,
    org: Annotated[
        str | None, typer.Option("--org", help="Organisatie (CBS-code, id of naam), of 'alle' voor alle.")
    ] = None,
    display_name: Annotated[str, typer.Option("--display-name", help="Naam zoals getoond.")] = "",
    email: Annotated[str | None, typer.Option("--email", help="E-mailadres (voor eenmalige aanmelding).")] = None,
    no_password: Annotated[
        bool, typer.Option("--no-password", help="Alleen eenmalige aanmelding (OpenID Connect).")
    ] = False,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Wachtwoord van standaardinvoer.")] = False,
    reason: Annotated[str, typer.Option("--reason", "-m", help="Waarom.")] = "",
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Een gebruiker toevoegen, met wachtwoord (gevraagd, nooit een standaard) en een rol."""
    from raadhuis.services import accounts

    if (role is None) != (org is None):
        err_console.print(f"[red]{t('error', CTX.lang)}[/red] {message('cli.role_needs_org', CTX.lang)}")
        raise typer.Exit(2)
    password = None if no_password else _password(password_stdin)
    grants = [(_org(org), role)] if role is not None and org is not None else []
    user = _call(
        accounts.add_user,
        CTX.open(),
        name,
        _actor(),
        password=password,
        display_name=display_name,
        email=email,
        grants=grants,
        reason=reason,
    )
    if fmt is Fmt.json:
        _json(user)
        return
    console.print(message("cli.user_added", CTX.lang, name=user["name"]))
    _print_user(user)


@user_app.command("list")
def user_list(fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text) -> None:
    """De gebruikers met hun rollen."""
    from raadhuis.services import accounts

    users = accounts.list_users(CTX.open())
    if fmt is Fmt.json:
        _json(users)
        return
    if not users:
        console.print(message("cli.no_users", CTX.lang))
    for user in users:
        _print_user(user)


@user_app.command("role")
def user_role(
    name: Annotated[str, typer.Argument(help="Gebruikersnaam.")],
    role: Annotated[str, typer.Argument(help="lezer, redacteur, onderzoeker, beheerder, of 'geen' om af te nemen.")],
    org: Annotated[str, typer.Option("--org", help="Organisatie, of 'alle' voor alle.")],
    reason: Annotated[str, typer.Option("--reason", "-m", help="Waarom.")] = "",
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Een rol geven op een organisatie (of afnemen met 'geen')."""
    from raadhuis.services import accounts

    value = None if role.strip().lower() in ("geen", "none", "-") else role
    user = _call(accounts.set_role, CTX.open(), name, _org(org), value, _actor(), reason)
    if fmt is Fmt.json:
        _json(user)
        return
    _print_user(user)


@user_app.command("disable")
def user_disable(
    name: Annotated[str, typer.Argument(help="Gebruikersnaam.")],
    enable: Annotated[bool, typer.Option("--enable", help="Weer inschakelen.")] = False,
    reason: Annotated[str, typer.Option("--reason", "-m", help="Waarom.")] = "",
) -> None:
    """Een gebruiker uitschakelen (sessies en tokens werken niet meer), of weer inschakelen."""
    from raadhuis.services import accounts

    _print_user(_call(accounts.set_disabled, CTX.open(), name, not enable, _actor(), reason))


@user_app.command("password")
def user_password(
    name: Annotated[str, typer.Argument(help="Gebruikersnaam.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Het wachtwoord van de standaardinvoer lezen (voor scripts).")
    ] = False,
) -> None:
    """Een nieuw wachtwoord instellen."""
    from raadhuis.services import accounts

    _call(accounts.set_password, CTX.open(), name, _password(password_stdin), _actor())
    console.print(message("cli.password_set", CTX.lang, name=name))


@user_app.command("log")
def user_log(
    limit: Annotated[int, typer.Option("--limit", min=1, help="Hoeveel, nieuwste eerst.")] = 50,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Wie wanneer welke gebruiker, rol of token wijzigde, en waarom (ook aan- en afmelden)."""
    from raadhuis.services import accounts

    events = accounts.access_events(CTX.open(), limit)
    if fmt is Fmt.json:
        _json(events)
        return
    for e in events:
        where = f" ({'*' if e['organisation'] == '*' else e['organisation']})" if e["organisation"] else ""
        detail = ", ".join(f"{k}={v}" for k, v in e["detail"].items() if v not in (None, "", False))
        reason = f" — {e['reason']}" if e["reason"] else ""
        line = f"{e['at'][:19].replace('T', ' ')}  {e['actor']}: {e['action']} {e['user']}{where}"
        line += (f" [{detail}]" if detail else "") + reason
        console.print(_esc(line), highlight=False)


@token_app.command("add")
def token_add(
    name: Annotated[str, typer.Argument(help="De gebruiker van wie het token is.")],
    scope: Annotated[list[str], typer.Option("--scope", help="read, write:ORG of study:ORG (herhaalbaar).")],
    label: Annotated[str, typer.Option("--label", help="Omschrijving.")] = "",
    expires: Annotated[str | None, typer.Option("--expires", help="Verloopt na deze dag (JJJJ-MM-DD).")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """Een token maken; het wordt één keer getoond."""
    from raadhuis.services import accounts

    until = None
    if expires:
        try:
            until = datetime.combine(read_day(expires, CTX.lang), time.max, UTC)  # 31-12-2026 as well
        except ValueError:
            raise typer.BadParameter(message("auth.bad_expiry", CTX.lang, value=expires)) from None
    made = _call(accounts.add_token, CTX.open(), name, list(scope), _actor(), label, until)
    if fmt is Fmt.json:
        _json(made)
        return
    err_console.print(message("auth.token_shown_once", CTX.lang))
    sys.stdout.write(made["token"] + "\n")


@token_app.command("list")
def token_list(
    name: Annotated[str | None, typer.Argument(help="Gebruikersnaam; leeg: alle gebruikers.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="text of json")] = Fmt.text,
) -> None:
    """De tokens (zonder het geheim): nummer, gebruiker, bereik, verloop, ingetrokken."""
    from raadhuis.services import accounts

    tokens = accounts.list_tokens(CTX.open(), name)
    if fmt is Fmt.json:
        _json(tokens)
        return
    for tok in tokens:
        state = message("auth.revoked", CTX.lang) if tok["revoked_at"] else ""
        console.print(
            f"{tok['id']:>4}  {_esc(tok['user'])}  {tok['prefix']}…  {' '.join(tok['scopes'])}  "
            f"{(tok['expires_at'] or '')[:10]}  {_esc(tok['label'])}  {state}",
            highlight=False,
        )


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[int, typer.Argument(help="Nummer van het token (zie: raadhuis token list).")],
) -> None:
    """Een token intrekken (voorgoed)."""
    from raadhuis.services import accounts

    tok = _call(accounts.revoke_token, CTX.open(), token_id, _actor())
    console.print(message("cli.token_revoked", CTX.lang, id=tok["id"], user=tok["user"]))
