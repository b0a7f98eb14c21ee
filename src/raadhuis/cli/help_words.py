"""The words of a help screen in the reader's language: those Typer brings — the panel titles,
"Usage:", the help option's own line, "[default: …]", "[required]" — and the app's own, the
commands' and parameters' help texts, written in Dutch in cli/*.py, English in
``raadhuis.i18n.cli_help``.

Typer (0.29) carries its own copy of Click with these words written in English, and holds its
panel titles as module constants that it reads when it prints; there is no catalogue to give
them another language. :func:`use` sets them, once per run, in the language of that run (tests
run both languages in one process); ``tests/test_cli_errors.py`` checks that a Dutch help screen
has no English word of theirs left, so a Typer release that moves them is noticed. The help
texts are set on the command tree of the run, each object keeping its own Dutch on first sight;
``tests/test_cli_help.py`` checks that every one of them has its English."""

from __future__ import annotations

from typing import Any

from raadhuis.i18n.cli_help import help_text

_TYPER = {  # typer.rich_utils constant: (English, Dutch)
    "OPTIONS_PANEL_TITLE": ("Options", "Opties"),
    "ARGUMENTS_PANEL_TITLE": ("Arguments", "Argumenten"),
    "COMMANDS_PANEL_TITLE": ("Commands", "Commando's"),
    "DEFAULT_STRING": ("[default: {}]", "[standaard: {}]"),
    "REQUIRED_LONG_STRING": ("[required]", "[verplicht]"),
    "ENVVAR_STRING": ("[env var: {}]", "[omgevingsvariabele: {}]"),
    "DEPRECATED_STRING": ("(deprecated) ", "(verouderd) "),
}
_USAGE = {"nl": "Gebruik: ", "en": "Usage: "}
_PIECES = {"[OPTIONS]": "[OPTIES]", "COMMAND [ARGS]...": "COMMANDO [ARGUMENTEN]...", "[ARGS]...": "[ARGUMENTEN]..."}
_HELP = {"nl": "Deze hulp tonen en stoppen.", "en": "Show this message and exit."}
_LANG = {"now": "nl"}  # the language of this run, read when a help option or usage line is made
_TEXTS = ("help", "short_help")  # a command's and a parameter's help texts
_DUTCH = "_raadhuis_dutch"  # on each command and parameter: its own Dutch texts, kept on first sight


def use(lang: str, command: object = None) -> None:
    """The help screens of this run in ``lang`` (nl or en). ``command``: the app's group, whose
    commands' and parameters' help texts are set in ``lang``, and whose commands' help options
    (made once each, with their words) are made anew."""
    from typer import rich_utils

    _LANG["now"] = "nl" if lang == "nl" else "en"
    for name, (english, dutch) in _TYPER.items():
        setattr(rich_utils, name, dutch if lang == "nl" else english)
    _install()
    _forget_help_options(command)
    _set_help_texts(command, _LANG["now"])


def usage_line(usage: str, lang: str) -> str:
    """A usage line Typer made ("Usage: raadhuis show [OPTIONS] {org}") in ``lang``."""
    if lang != "nl":
        return usage
    for english, dutch in (("Usage: ", _USAGE["nl"]), *_PIECES.items()):
        usage = usage.replace(english, dutch)
    return usage


def _install() -> None:
    """Once: the usage line's prefix and the help option's line follow :data:`_LANG`."""
    from typer._click import decorators, formatting

    if getattr(formatting.HelpFormatter.write_usage, "raadhuis", False):
        return
    plain_usage = formatting.HelpFormatter.write_usage
    plain_help_option = decorators.help_option

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        lang = _LANG["now"]
        plain_usage(self, prog, usage_line(args, lang), _USAGE[lang] if prefix is None else prefix)

    def help_option(*args: Any, **kwargs: Any) -> Any:
        add = plain_help_option(*args, **kwargs)

        def added(command: Any) -> Any:
            made = add(command)
            command.params[-1].help = _HELP[_LANG["now"]]
            return made

        return added

    write_usage.raadhuis = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    decorators.help_option = help_option


def _forget_help_options(command: object) -> None:
    if command is None:
        return
    if hasattr(command, "_help_option"):
        command._help_option = None  # noqa: SLF001 - made again, in this run's words
    for sub in getattr(command, "commands", {}).values():
        _forget_help_options(sub)


def _set_help_texts(command: object, lang: str) -> None:
    """Every help text of ``command`` and of its parameters and sub-commands, in ``lang``."""
    if command is None:
        return
    for thing in (command, *getattr(command, "params", ())):
        dutch = getattr(thing, _DUTCH, None)
        if dutch is None:  # first sight: what it says now is the Dutch of cli/*.py
            dutch = {name: getattr(thing, name) for name in _TEXTS if isinstance(getattr(thing, name, None), str)}
            setattr(thing, _DUTCH, dutch)
        for name, text in dutch.items():
            setattr(thing, name, help_text(text, lang))
    for sub in getattr(command, "commands", {}).values():
        _set_help_texts(sub, lang)
