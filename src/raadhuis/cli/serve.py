"""The serve command: the web workbench."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from raadhuis import limits
from raadhuis.cli.base import CTX, _esc, _fail, _run, app, err_console
from raadhuis.i18n import t


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Adres; standaard alleen deze computer.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Poort; een andere als deze bezet is.")] = 8000,
    no_examples: Annotated[
        bool, typer.Option("--no-examples", help="Geen voorbeelden laden bij een lege database.")
    ] = False,
    multi_user: Annotated[
        bool, typer.Option("--multi-user", help="Met accounts en rollen, ook op deze computer.")
    ] = False,
    public: Annotated[
        bool, typer.Option("--public", help="Openbaar register: iedereen leest, niemand wijzigt.")
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option("--allowed-host", help="Host-naam waarop de server antwoordt (herhaalbaar); standaard loopback."),
    ] = None,
    tls: Annotated[
        bool, typer.Option("--tls", help="Achter TLS (een reverse proxy met https): Secure-cookies en HSTS.")
    ] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Aantal processen (alleen PostgreSQL).")] = 1,
    max_body_mb: Annotated[
        float | None, typer.Option("--max-body-mb", help="Grootste verzoek in MB (RAADHUIS_MAX_BODY_MB).")
    ] = None,
    max_dataset_mb: Annotated[
        float | None, typer.Option("--max-dataset-mb", help="Grootste dataset in MB (RAADHUIS_MAX_DATASET_MB).")
    ] = None,
    write_timeout: Annotated[
        float | None,
        typer.Option("--write-timeout", help="Seconden wachten op een andere wijziging (RAADHUIS_WRITE_TIMEOUT)."),
    ] = None,
) -> None:
    """Start de webwerkbank (standaard op http://127.0.0.1:8000, één gebruiker, zonder accounts)."""
    from raadhuis.i18n.access_messages import message
    from raadhuis.services import accounts
    from raadhuis.services.register import current_user
    from raadhuis.web.server import run
    from raadhuis.web.settings import Mode, for_serving

    if host in ("0.0.0.0", "::") and not allowed_host:  # noqa: S104 - refused below unless named
        err_console.print(f"[red]{t('error', CTX.lang)}[/red] {message('cli.serve_needs_hosts', CTX.lang, host=host)}")
        raise typer.Exit(2)
    # The options set the variables the limits are read from (docs/schrijven.md).
    for name, given in (
        ("max_body_mb", max_body_mb),
        ("max_dataset_mb", max_dataset_mb),
        ("write_timeout", write_timeout),
    ):
        if given is not None:
            os.environ[limits.SETTINGS[name].env] = str(given)
    try:
        limits.check_all()
    except limits.BadLimit as exc:
        _fail(str(exc))
    _check_port(host, port)  # before the database is opened or an example loaded
    store = CTX.open()
    if workers > 1 and store.url.startswith("sqlite"):
        err_console.print(f"[red]{t('error', CTX.lang)}[/red] {message('cli.serve_workers_sqlite', CTX.lang)}")
        raise typer.Exit(2)
    settings = for_serving(host, multi_user=multi_user, public=public, allowed_hosts=allowed_host, tls=tls)
    if not no_examples:
        from raadhuis.services.examples import load_examples_if_empty

        for file in _run(load_examples_if_empty, store):
            err_console.print(t("examples.ok", CTX.lang, file=file.name))
    hosts = ", ".join(settings.allowed_hosts)
    if settings.mode is Mode.SINGLE:
        err_console.print(message("cli.serve_single", CTX.lang, name=current_user()))
    elif settings.mode is Mode.PUBLIC:
        err_console.print(message("cli.serve_public", CTX.lang, hosts=hosts))
    else:
        users = accounts.count_users(store)
        err_console.print(message("cli.serve_accounts", CTX.lang, users=users, hosts=hosts))
        if users == 0:
            err_console.print(message("cli.no_users", CTX.lang))
    run(store, host=host, port=port, lang=CTX.lang, settings=settings, workers=workers)


def _check_port(host: str, port: int) -> None:
    """Stop with a sentence when the server could not listen on ``host:port``: the port in use
    (by which address, and how to choose another), a port this user may not open, an address
    that is not this computer's."""
    import errno
    import socket

    lang = CTX.lang
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        _serve_fail(t("serve.bad_host", lang, host=host))
        return
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            sock.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                _serve_fail(t("serve.port_in_use", lang, host=host, port=port, free=_free_port(host, port, family)))
            elif exc.errno in (errno.EACCES, errno.EPERM):
                _serve_fail(t("serve.port_denied", lang, port=port))
            elif exc.errno == errno.EADDRNOTAVAIL:
                _serve_fail(t("serve.bad_host", lang, host=host))
            else:
                _serve_fail(t("serve.cannot_listen", lang, host=host, port=port))


def _free_port(host: str, port: int, family: int) -> int:
    """The first port after ``port`` that is free now (a suggestion, not a promise)."""
    import socket

    for candidate in range(port + 1, min(port + 50, 65536)):
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((host, candidate))
            except OSError:
                continue
            return candidate
    return port + 1


def _serve_fail(message: str) -> None:
    err_console.print(f"[red]{t('error', CTX.lang)}[/red] {_esc(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)
