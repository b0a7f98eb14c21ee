"""The help screens of the command line: Dutch by default, complete in English with --lang en.

Every help text of the app (a command's help and short help, a sub-app's help, a parameter's
help) is Dutch in cli/*.py and has its English in raadhuis.i18n.cli_help, keyed by the Dutch:
a new or edited Dutch text without English fails here, naming it and the command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from raadhuis.cli import app
from raadhuis.i18n.cli_help import CLI_HELP

runner = CliRunner()
# Dutch words that no English help text has (they would be a help text left in Dutch).
DUTCH_WORDS = {"een", "het", "van", "op", "de", "alleen", "niet", "naar", "standaard", "organisatie", "gebeurtenis"}


def help_texts(command: Any, path: str = "raadhuis") -> Iterator[tuple[str, str]]:
    """(where, Dutch text) for every help text of ``command`` and its sub-commands."""
    for name in ("help", "short_help"):
        if text := getattr(command, name, None):
            yield f"{path} ({name})", text
    for param in command.params:
        if text := getattr(param, "help", None):
            yield f"{path} {param.name}", text
    for name, sub in getattr(command, "commands", {}).items():
        yield from help_texts(sub, f"{path} {name}")


def own_texts(command: Any) -> list[str]:
    """The help texts one help screen of ``command`` shows: its own, its parameters', its commands'."""
    texts = [t for name in ("help", "short_help") if (t := getattr(command, name, None))]
    texts += [p.help for p in command.params if getattr(p, "help", None)]
    texts += [s.short_help or s.help for s in getattr(command, "commands", {}).values() if s.short_help or s.help]
    return texts


def test_every_help_text_has_its_english() -> None:
    found = list(help_texts(typer.main.get_command(app)))
    missing = [f"{where}: {text!r}" for where, text in found if not CLI_HELP.get(text, "").strip()]
    assert not missing, "Dutch help text without English in i18n/cli_help.py:\n" + "\n".join(missing)
    used = {text for _, text in found}
    stale = [dutch for dutch in CLI_HELP if dutch not in used]
    assert not stale, f"English for a Dutch help text that no command has any more: {stale}"


def test_every_parameter_says_what_it_is() -> None:
    """No option or argument without a help text: a bare ``--from`` tells a reader nothing."""
    bare: list[str] = []

    def walk(command: Any, path: str) -> None:
        bare.extend(f"{path} {p.name}" for p in command.params if not getattr(p, "help", None))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(app), "raadhuis")
    assert not bare, "parameters without a help text: " + ", ".join(bare)


def test_the_english_is_english() -> None:
    for dutch, english in CLI_HELP.items():
        words = set(english.lower().replace(",", " ").replace(".", " ").replace(":", " ").split())
        assert not words & DUTCH_WORDS, (dutch, english)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("LANG", "LC_ALL", "LC_MESSAGES", "RAADHUIS_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "400")  # a help text on one line, not wrapped in its cell
    return tmp_path / "r.sqlite"


def screen(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def command_of(path: list[str]) -> Any:
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


@pytest.mark.parametrize(
    "command", [[], ["show"], ["import"], ["serve"], ["scenario"], ["scenario", "compare"], ["study"], ["user"]]
)
def test_a_help_screen_in_english_has_no_dutch_and_back(db: Path, command: list[str]) -> None:
    texts = own_texts(command_of(command))
    assert texts
    for _ in range(2):  # both ways, more than once: the texts are set per run
        out = screen(db, "--lang", "en", *command, "--help")
        for dutch in texts:
            assert CLI_HELP[dutch] in out, (CLI_HELP[dutch], out)
            if CLI_HELP[dutch] != dutch:
                assert dutch not in out, (dutch, out)
        out = screen(db, *command, "--help")
        for dutch in texts:
            assert dutch in out, (dutch, out)
            if CLI_HELP[dutch] != dutch:
                assert CLI_HELP[dutch] not in out, (CLI_HELP[dutch], out)


def test_english_help_by_the_environment(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAADHUIS_LANG", "en")
    out = screen(db, "show", "--help")
    assert "The organisation on a date (actual or planned)." in out and "Usage:" in out
    assert "Peildatum" not in out and "Organisatie" not in out
    assert "De organisatie op een datum" in screen(db, "--lang", "nl", "show", "--help")
