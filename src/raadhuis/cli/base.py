"""What every command shares: the Typer app, the options, reading dates, printing answers and errors."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any

import typer
from rich.console import Console

from raadhuis import __version__, limits
from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.dates import DateError
from raadhuis.domain.model import View
from raadhuis.i18n import detect, t
from raadhuis.i18n.formatting import read_day, understood
from raadhuis.services import register
from raadhuis.store.database import Store, WriteBusy, resolve_url

app = typer.Typer(
    help="Raadhuis — register van de ambtelijke organisatie.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)


class Fmt(str, Enum):
    text = "text"
    json = "json"


class _Ctx:
    db: str | None = None
    lang: str = "nl"
    store: Store | None = None

    def open(self) -> Store:
        if self.store is None:
            self.store = _run(Store, resolve_url(self.db))  # opening may migrate, and wait for a writer
        return self.store


CTX = _Ctx()


def _show_version(value: bool) -> None:
    # Eager: answered before any command is required, so `raadhuis --version` alone works.
    if value:
        console.print(f"raadhuis {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    db: Annotated[
        str | None, typer.Option("--db", help="Database: SQLite file path or URL (postgresql://...).")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Taal / language: nl of en.")] = None,
    version: Annotated[
        bool, typer.Option("--version", help="Versie tonen.", is_eager=True, callback=_show_version)
    ] = False,
) -> None:
    CTX.db = db
    CTX.lang = detect(lang)
    CTX.store = None
    try:
        limits.check_all()
    except limits.BadLimit as exc:
        _fail(str(exc))


def _day(value: str | None, default: date | None = None) -> date:
    """A day as typed: 31-12-2011 as well as 2011-12-31 (one rule: ``i18n.formatting.read_day``);
    a day not typed the ISO way is echoed as read, so nobody wonders which day was meant."""
    if value is None:
        return default or date.today()
    try:
        day = read_day(value, CTX.lang)
    except DateError as exc:
        raise typer.BadParameter(str(exc)) from None
    note = understood(value, day, CTX.lang)
    if note:
        err_console.print(note, highlight=False)
    return day


def _moment(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date or date-time (ISO 8601), got {value!r}") from None
    if moment.tzinfo is None:
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
        if len(value) == 10:  # a bare day means: by the end of that day
            moment = moment.replace(hour=23, minute=59, second=59)
    return moment


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _fail_input(exc: InputErrors) -> None:
    for e in exc.errors:
        err_console.print(
            f"[red]{t('error', CTX.lang)}[/red] {_esc(e.text(CTX.lang))}", highlight=False, soft_wrap=True
        )
    err_console.print(t("errors.count", CTX.lang, n=len(exc.errors)))
    raise typer.Exit(1)


def _fail(message: str) -> None:
    from raadhuis.i18n.errors import translate

    err_console.print(
        f"[red]{t('error', CTX.lang)}[/red] {_esc(translate(message, CTX.lang))}", highlight=False, soft_wrap=True
    )
    raise typer.Exit(1)


def _run(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except InputErrors as exc:
        _fail_input(exc)
    except register.NotFound as exc:
        _fail(str(exc))
    except WriteBusy as exc:  # another change is being saved: say so, nothing was written
        _fail(str(exc))


def _view(planned: bool) -> View:
    return View.PLANNED if planned else View.ACTUAL


def _esc(value: Any) -> str:
    from rich.markup import escape

    return escape(str(value))
