"""What every command shares: the Typer app, the options, reading dates, printing answers and errors."""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from raadhuis import __version__, limits
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.cli.console import _esc as _esc  # re-exported: the commands take these from base
from raadhuis.cli.console import console as console
from raadhuis.cli.console import err_console as err_console
from raadhuis.cli.errors import DutchGroup, os_error_message
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
    cls=DutchGroup,  # usage errors and stray errors in the reader's language, never a traceback
)


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
        str | None, typer.Option("--db", help="Database: een SQLite-bestand of een URL (postgresql://...).")
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
    """A moment of knowledge: a date-time (ISO 8601), or a day typed as any day is (31-12-2011),
    meaning the end of that day."""
    if value is None:
        return None
    from datetime import UTC

    try:
        moment = datetime.fromisoformat(value)
        bare_day = len(value.strip()) == 10
    except ValueError:
        try:
            moment, bare_day = datetime.combine(read_day(value, CTX.lang), datetime.min.time()), True
        except DateError:
            raise typer.BadParameter(t("cli.bad_moment", CTX.lang, value=value)) from None
        note = understood(value, moment.date(), CTX.lang)
        if note:
            err_console.print(note, highlight=False)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
        if bare_day:  # a bare day means: by the end of that day
            moment = moment.replace(hour=23, minute=59, second=59)
    return moment


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


_TYPED = ("cli", "(cli)")  # the services' name for what was typed on the command line


def _said(e: InputError) -> str:
    """An error in what was typed names the option as typed (``--decide-by``), not the service's
    origin and field (``cli: decide_by``); an error in a file names the file, line and field."""
    if e.file not in _TYPED:
        return e.text(CTX.lang)
    from raadhuis.i18n.errors import translate

    # A field that is an option's name becomes the option; a path into what an option held
    # (follow_up[0].date) stays the path.
    field = "--" + e.field.replace("_", "-") if re.fullmatch(r"[a-z][a-z_]*", e.field) else e.field
    return f"{field}: {translate(e.message, CTX.lang)}"


def _fail_input(exc: InputErrors) -> None:
    for e in exc.errors:
        err_console.print(f"[red]{t('error', CTX.lang)}[/red] {_esc(_said(e))}", highlight=False, soft_wrap=True)
    err_console.print(t("errors.count", CTX.lang, n=len(exc.errors)))
    raise typer.Exit(1)


def _fail(message: str) -> None:
    from raadhuis.i18n.errors import translate

    err_console.print(
        f"[red]{t('error', CTX.lang)}[/red] {_esc(translate(message, CTX.lang))}", highlight=False, soft_wrap=True
    )
    raise typer.Exit(1)


def _run(fn: Any, *args: Any, **kwargs: Any) -> Any:
    from raadhuis.services.exchange import FileKindError

    try:
        return fn(*args, **kwargs)
    except FileKindError as exc:
        _fail_kind(exc.file, exc.kind)
    except InputErrors as exc:
        _fail_input(exc)
    except register.NotFound as exc:
        _fail_not_found(exc)
    except WriteBusy as exc:  # another change is being saved: say so, nothing was written
        _fail(str(exc))
    except OSError as exc:  # a file the service opened itself: name it, in words
        err_console.print(
            f"[red]{t('error', CTX.lang)}[/red] {_esc(os_error_message(exc, CTX.lang))}",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None


def _fail_not_found(exc: register.NotFound) -> None:
    """Not found: an organisation or unit with the names closest to what was typed and where
    to see them all; anything else as its own (translated) message."""
    lang = CTX.lang
    if exc.what not in ("organisation", "unit"):
        from raadhuis.i18n.errors import translate

        text = translate(str(exc), lang)
        if exc.suggestions:  # a trajectory or task close to what was typed: name it after the message
            text += ". " + t("cli.did_you_mean", lang, names=", ".join(exc.suggestions))
        err_console.print(f"[red]{t('error', lang)}[/red] {_esc(text)}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    what = t(f"what.{exc.what}", lang)
    text = t("cli.not_found", lang, what=what, ref=exc.ref)
    if exc.suggestions:
        text += " " + t("cli.did_you_mean", lang, names=", ".join(exc.suggestions))
    err_console.print(f"[red]{t('error', lang)}[/red] {_esc(text)}", highlight=False, soft_wrap=True)
    see = "cli.see_orgs" if exc.what == "organisation" else "cli.see_units"
    err_console.print(t(see, lang, org=exc.scope or "ORG"), highlight=False, soft_wrap=True)
    raise typer.Exit(1)


# What each file-reading command expects, and which command reads the other kinds.
_KIND_HINTS = {
    "xlsx": "hint.import_excel",
    "csv": "hint.import_excel",
    "cbs-xml": "hint.import_cbs",
    "ods": "hint.save_as_xlsx",
    "old-office": "hint.save_as_xlsx",
}


def _fail_kind(file: str, kind: str) -> None:
    lang = CTX.lang
    err_console.print(
        f"[red]{t('error', lang)}[/red] "
        + _esc(
            t("file.wrong_kind", lang, file=file, kind=t(f"kind.{kind}", lang), expected=t("expected.dataset", lang))
        ),
        highlight=False,
        soft_wrap=True,
    )
    err_console.print(_esc(t(_KIND_HINTS.get(kind, "hint.template"), lang, file=file)), highlight=False, soft_wrap=True)
    err_console.print(t("errors.count", lang, n=1))
    raise typer.Exit(1)


def _input_file(path: Path, expected: str) -> Path:
    """``path`` when it is a file this user may read; otherwise say what is wrong with it, what
    was expected (``expected.*``) and stop, before anything is opened or written."""
    lang = CTX.lang
    wanted = t(f"expected.{expected}", lang)
    key: str | None = None
    folder = path.parent if str(path.parent) not in ("", ".") else Path.cwd()
    if path.is_dir():
        key = "file.is_folder"
    elif not path.exists():
        key = "file.missing" if folder.is_dir() else "file.no_folder"
    elif not os.access(path, os.R_OK):
        key = "file.no_permission"
    if key is None:
        return path
    err_console.print(
        f"[red]{t('error', lang)}[/red] " + _esc(t(key, lang, file=path, folder=folder, expected=wanted)),
        highlight=False,
        soft_wrap=True,
    )
    if key == "file.is_folder":
        found = sorted(p.name for p in path.iterdir() if p.suffix.lower() in _SUFFIXES.get(expected, ()))[:5]
        if found:
            err_console.print(_esc(t("file.in_folder", lang, names=", ".join(found))), highlight=False, soft_wrap=True)
    raise typer.Exit(1)


_SUFFIXES = {
    "dataset": (".yaml", ".yml", ".json", ".jsonld", ".ttl"),
    "excel": (".xlsx", ".csv"),
    "cbs": (".xml", ".xlsx", ".csv"),
    "mapping": (".json", ".yaml", ".yml"),
    "salary": (".csv", ".xlsx"),
    "peers": (".csv",),
    "figures": (".yaml", ".yml", ".json", ".csv", ".xlsx"),
}


def _view(planned: bool) -> View:
    return View.PLANNED if planned else View.ACTUAL
