"""No English and no traceback for an ordinary mistake on the command line.

:class:`DutchGroup` is the app's command group: it runs a command and answers a usage error
(a missing argument, an unknown option or command, a value of the wrong kind) in the reader's
language with the command's usage and where to find help; an operating-system error (a file
that is not there, a folder where a file was expected, no permission) names the file and what
went wrong; anything else is said in one sentence, with the technical details only when
``RAADHUIS_DEBUG`` is set. The exit code is never 0 after an error (2 for usage, 1 otherwise).
"""

from __future__ import annotations

import errno
import os
import re
import sys
import traceback
from collections.abc import Sequence
from typing import Any

from typer.core import TyperGroup

from raadhuis.cli import help_words
from raadhuis.cli.console import _esc, err_console
from raadhuis.i18n import detect, t


def _click_exceptions() -> Any:
    # Typer carries its own copy of click; its exceptions are the ones a command raises.
    try:
        from typer._click import exceptions
    except ImportError:  # an older Typer on the plain click
        from click import exceptions  # type: ignore[no-redef]
    return exceptions


def _abort() -> type[BaseException]:
    try:
        from typer.exceptions import Abort
    except ImportError:  # an older Typer on the plain click
        from click.exceptions import Abort  # type: ignore[assignment]
    return Abort


# The messages of the command-line parser (click), in Dutch. Groups are re-used by number.
_USAGE_PATTERNS: list[tuple[str, str]] = [
    (r"Missing command\.", "er ontbreekt een commando."),
    (r"Missing argument '(.+?)'\.?", r"het argument \1 ontbreekt."),
    (r"Missing option '(.+?)'\.?(?: .*)?", r"de optie \1 ontbreekt."),
    (r"Missing parameter: (.+)", r"de waarde \1 ontbreekt."),
    (r"No such option: (\S+?)\s+Did you mean (\S+?)\?", r"onbekende optie: \1 (bedoelt u \2?)"),
    (r"No such option: (\S+?)\s+\(Possible options: (.+)\)", r"onbekende optie: \1 (mogelijk: \2)"),
    (r"No such option: (\S+)", r"onbekende optie: \1"),
    (r"No such command '(.+?)'\.\s*Did you mean '(.+?)'\?", r"onbekend commando '\1' (bedoelt u '\2'?)."),
    (r"No such command '(.+?)'\.", r"onbekend commando '\1'."),
    (r"Got unexpected extra arguments? \((.+)\)", r"onverwacht extra argument: \1"),
    (r"Option '(.+?)' requires an argument\.", r"de optie \1 verwacht een waarde."),
    (r"Option '(.+?)' requires (\d+) arguments\.", r"de optie \1 verwacht \2 waarden."),
    (r"Option '(.+?)' does not take a value\.", r"de optie \1 neemt geen waarde."),
    (r"Invalid value for '(.+?)': (.+)", r"ongeldige waarde voor \1: \2"),
    (r"Invalid value for (.+?): (.+)", r"ongeldige waarde voor \1: \2"),
    (r"Invalid value: (.+)", r"ongeldige waarde: \1"),
    (r"'(.+?)' is not one of (.+)\.", r"'\1' is geen van: \2."),
    (r"'(.+?)' is not a valid integer( range)?\.", r"'\1' is geen geheel getal."),
    (r"'(.+?)' is not a valid float( range)?\.", r"'\1' is geen getal."),
    (r"'(.+?)' is not a valid boolean\.", r"'\1' is geen ja/nee-waarde."),
    (r"(.+?) is not in the range (.+)\.", r"\1 ligt niet in het bereik \2."),
    (r"(.+?) is smaller than the minimum valid value (.+)\.", r"\1 is kleiner dan het minimum \2."),
    (r"(.+?) is larger than the maximum valid value (.+)\.", r"\1 is groter dan het maximum \2."),
    (r"File '(.+?)' does not exist\.", r"het bestand '\1' bestaat niet."),
    (r"Directory '(.+?)' does not exist\.", r"de map '\1' bestaat niet."),
    (r"Path '(.+?)' does not exist\.", r"'\1' bestaat niet."),
    (r"File '(.+?)' is a directory\.", r"'\1' is een map, geen bestand."),
]
_USAGE_COMPILED = [(re.compile(f"^{p}$", re.DOTALL), d) for p, d in _USAGE_PATTERNS]


def usage_message(message: str, lang: str) -> str:
    """A parser message in ``lang`` (the inner part of 'invalid value' in turn: a date error
    is already in the reader's language)."""
    if lang != "nl":
        return message
    text = message.strip()
    if text.startswith("Value error, "):  # a value the type refused, as Pydantic says it
        text = text[len("Value error, ") :]
    for pattern, dutch in _USAGE_COMPILED:
        if m := pattern.match(text):
            if dutch.endswith(r": \2") or dutch == r"ongeldige waarde: \1":  # the reason, in turn
                *head, reason = m.groups()
                return m.expand(dutch).removesuffix(reason) + usage_message(reason, lang)
            return m.expand(dutch)
    return text


def os_error_message(exc: OSError, lang: str) -> str:
    """An operating-system error in words, naming the file (never the system's English)."""
    name = exc.filename if exc.filename is not None else ""
    code = exc.errno
    if isinstance(exc, FileNotFoundError) or code == errno.ENOENT:
        key = "os.missing"
    elif isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        key = "os.folder"
    elif isinstance(exc, NotADirectoryError) or code == errno.ENOTDIR:
        key = "os.not_folder"
    elif isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        key = "os.permission"
    elif code == errno.ENOSPC:
        key = "os.disk_full"
    elif code == errno.EADDRINUSE:
        key = "os.address_in_use"
    else:
        key = "os.other"
    return t(key, lang, file=name)


def _lang_of(args: Sequence[str]) -> str:
    """The language asked for on the command line, before the app's options are parsed."""
    given = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    return detect(given)


def _say(text: str) -> None:
    err_console.print(text if text.startswith("[") else _esc(text), highlight=False, soft_wrap=True)


class DutchGroup(TyperGroup):
    """The app's group: the answers to usage errors and stray errors in the reader's language."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        help_words.use(_lang_of(argv), self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        exceptions = _click_exceptions()
        try:
            code = super().main(argv, prog_name, complete_var, False, **extra)
        except exceptions.NoArgsIsHelpError as exc:  # no command given: the help, as asked for
            exc.show()
            sys.exit(exc.exit_code)
        except exceptions.UsageError as exc:
            lang = _lang_of(argv)
            _say(f"[red]{t('error', lang)}[/red] {_esc(usage_message(exc.format_message(), lang))}")
            if exc.ctx is not None:
                _say(help_words.usage_line(exc.ctx.get_usage(), lang))
                _say(t("cli.usage_help", lang, command=exc.ctx.command_path))
            sys.exit(exc.exit_code)
        except exceptions.ClickException as exc:
            lang = _lang_of(argv)
            _say(f"[red]{t('error', lang)}[/red] {_esc(usage_message(exc.format_message(), lang))}")
            sys.exit(exc.exit_code)
        except _abort():
            _say(t("cli.aborted", _lang_of(argv)))
            sys.exit(1)
        except KeyboardInterrupt:
            _say(t("cli.aborted", _lang_of(argv)))
            sys.exit(130)
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader closed the pipe (| head): nothing to say
                sys.exit(1)
            self._unexpected(argv, os_error_message(exc, _lang_of(argv)))
        except Exception as exc:  # noqa: BLE001 - the last word: never a traceback for the user
            self._unexpected(argv, t("cli.unexpected", _lang_of(argv), error=type(exc).__name__))
        sys.exit(code if isinstance(code, int) else 0)

    @staticmethod
    def _unexpected(argv: list[str], message: str) -> None:
        lang = _lang_of(argv)
        _say(f"[red]{t('error', lang)}[/red] {_esc(message)}")
        if os.environ.get("RAADHUIS_DEBUG"):
            traceback.print_exc()
        else:
            _say(t("cli.debug_hint", lang))
        sys.exit(1)
