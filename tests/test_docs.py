"""The documentation is part of the product: its examples must work as written.

* Every fenced ``yaml`` block in docs/dataset-format.md that starts with ``format: raadhuis/1``
  loads with :func:`raadhuis.formats.dataset.load_dataset`; a block announced by
  ``<!-- error-example: NAME -->`` must fail instead, and ``raadhuis validate NAME`` must print
  exactly the ``text`` block that follows it.
* Every ``raadhuis …`` command line in docs/cli.md names a registered command and only
  options that command (or the app) has; every registered command is documented there.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer

from raadhuis.canonical.errors import InputErrors
from raadhuis.cli import app
from raadhuis.formats.dataset import load_dataset

DOCS = Path(__file__).resolve().parents[1] / "docs"
FENCE = re.compile(r"^```(\w*)\s*$")
ERROR_MARK = re.compile(r"^<!--\s*error-example:\s*(\S+)\s*-->\s*$")


@dataclass
class Block:
    lang: str
    text: str
    line: int  # 1-based line of the opening fence
    error_file: str | None = None  # set for an error example
    expected: str | None = None  # the text block shown after an error example
    page: str = "dataset-format.md"  # the docs page it is on


def blocks(path: Path) -> list[Block]:
    out: list[Block] = []
    lines = path.read_text("utf-8").splitlines()
    i = 0
    mark: str | None = None
    while i < len(lines):
        if m := ERROR_MARK.match(lines[i]):
            mark = m[1]
        elif m := FENCE.match(lines[i]):
            start = i
            i += 1
            body = []
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            out.append(Block(m[1], "\n".join(body) + "\n", start + 1, mark, page=path.name))
            mark = None
        i += 1
    # An error example's expected output is the next text block.
    for n, b in enumerate(out):
        if b.error_file:
            nxt = next((c for c in out[n + 1 :] if c.lang == "text"), None)
            b.expected = nxt.text if nxt else None
    return out


# The pages whose dataset examples are checked: the format itself, and the sections' own pages.
DATASET_PAGES = ("dataset-format.md", "onderzoeken.md")


def dataset_blocks(pages: tuple[str, ...] = DATASET_PAGES) -> list[Block]:
    return [
        b for page in pages for b in blocks(DOCS / page) if b.lang == "yaml" and b.text.startswith("format: raadhuis/1")
    ]


def _id(b: Block) -> str:
    return (
        ("" if b.page == "dataset-format.md" else b.page.removesuffix(".md") + "-")
        + f"line{b.line}"
        + (f"-{b.error_file}" if b.error_file else "")
    )


VALID = [b for b in dataset_blocks() if not b.error_file]
ERRORS = [b for b in dataset_blocks() if b.error_file]


def test_the_format_doc_has_examples_of_both_kinds() -> None:
    assert len(VALID) >= 17  # one per event type, and more
    assert len(ERRORS) >= 2


@pytest.mark.parametrize("block", VALID, ids=_id)
def test_dataset_example_loads(block: Block) -> None:
    try:
        load_dataset(block.text, f"docs/{block.page} (block at line {block.line})")
    except InputErrors as exc:
        pytest.fail(f"the example at docs/{block.page}:{block.line} does not load:\n{exc}")


def test_every_event_type_has_a_titled_example() -> None:
    from raadhuis.domain.events import EventType

    text = (DOCS / "dataset-format.md").read_text("utf-8")
    for etype in EventType.values():
        heading = f"### `{etype}`"
        assert heading in text, f"no example section {heading!r}"
        section = text.split(heading, 1)[1].split("\n### ", 1)[0]
        example = next(b for b in VALID if b.text in section)
        types = {e.type.value for e in load_dataset(example.text).events}
        assert etype in types, f"the example under {heading} has no {etype} event"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_COLOR="1", TERM="dumb", COLUMNS="200")
    return subprocess.run(
        [sys.executable, "-m", "raadhuis.cli", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("block", ERRORS, ids=_id)
def test_error_example_fails_as_shown(block: Block, tmp_path: Path) -> None:
    _fails_as_shown(block, tmp_path)


# Pages of their own for the sections (docs/samenwerking.md, …): their examples work as written too.
SECTION_PAGES = ("samenwerking.md", "scenarios.md", "programmas.md")
SECTION_BLOCKS = [
    (page, b)
    for page in SECTION_PAGES
    for b in blocks(DOCS / page)
    if b.lang == "yaml" and b.text.startswith("format: raadhuis/1")
]


@pytest.mark.parametrize("page,block", SECTION_BLOCKS, ids=lambda v: v if isinstance(v, str) else _id(v))
def test_section_page_example_works_as_shown(page: str, block: Block, tmp_path: Path) -> None:
    if block.error_file:
        _fails_as_shown(block, tmp_path)
        return
    try:
        load_dataset(block.text, f"docs/{page} (block at line {block.line})")
    except InputErrors as exc:
        pytest.fail(f"the example at docs/{page}:{block.line} does not load:\n{exc}")


def test_section_pages_have_a_valid_and_an_error_example() -> None:
    for page in SECTION_PAGES:
        kinds = {bool(b.error_file) for p, b in SECTION_BLOCKS if p == page}
        assert kinds == {True, False}, page


def _fails_as_shown(block: Block, tmp_path: Path) -> None:
    assert block.expected is not None, f"error example at line {block.line} has no ```text block with the output"
    name = str(block.error_file)
    with pytest.raises(InputErrors) as caught:
        load_dataset(block.text, name)
    shown = [line for line in block.expected.splitlines() if line.strip()]
    errors = caught.value.errors
    # The loader finds the same errors, at the same places, as the documented output shows.
    assert len(shown) == len(errors) + 1, f"doc shows {len(shown) - 1} errors, the loader finds {len(errors)}"
    for line, err in zip(shown, errors, strict=False):
        assert f" {err.location()}: {err.field}: " in line, f"{line!r} is not about {err.location()}: {err.field}"
    # And the command prints exactly what the doc shows.
    (tmp_path / name).write_text(block.text, "utf-8")
    result = _cli("--db", str(tmp_path / "docs.sqlite"), "--lang", "nl", "validate", name, cwd=tmp_path)
    assert result.returncode == 1
    printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert printed == [line.rstrip() for line in shown]


# --- docs/cli.md -------------------------------------------------------------------------


def _commands() -> dict[str, Any]:
    # Typer's group is click's Group in spirit; it need not be an instance of the installed click's class.
    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def _global_options() -> set[str]:
    group = typer.main.get_command(app)
    return {opt for p in group.params for opt in p.opts + p.secondary_opts}


def cli_lines() -> list[tuple[int, str]]:
    """Every `raadhuis …` command line in docs/cli.md: in code blocks and in inline code."""
    out: list[tuple[int, str]] = []
    in_block = False
    for n, line in enumerate((DOCS / "cli.md").read_text("utf-8").splitlines(), 1):
        if line.startswith("```"):
            in_block = not in_block
            continue
        if in_block:
            text = line.strip().removeprefix("$ ")
            if text.startswith("raadhuis "):
                out.append((n, text.split(" #")[0].split(" | ")[0].strip()))
        else:
            out.extend((n, m) for m in re.findall(r"`(raadhuis [^`]+)`", line))
    return out


def _parse(line: str) -> tuple[str | None, list[str]]:
    """The command name and the options used on one documented command line."""
    words = shlex.split(line.replace("…", "").replace("...", ""))[1:]
    globals_with_value = {"--db", "--lang"}
    i = 0
    while i < len(words) and words[i].startswith("-"):
        i += 2 if words[i] in globals_with_value else 1
    if i >= len(words):
        return None, []
    return words[i], [w.split("=")[0] for w in words[i + 1 :] if w.startswith("-")]


def test_cli_doc_has_command_lines() -> None:
    assert len(cli_lines()) >= 20


@pytest.mark.parametrize("lineno,line", cli_lines(), ids=lambda v: str(v)[:40])
def test_documented_command_exists(lineno: int, line: str) -> None:
    name, options = _parse(line)
    commands = _commands()
    if name is None:  # e.g. `raadhuis --help`, `raadhuis --version`
        return
    if name.isupper() or name in ("COMMAND", "OPDRACHT"):  # a placeholder such as `raadhuis OPDRACHT --help`
        return
    assert name in commands, f"docs/cli.md:{lineno}: {name!r} is not a raadhuis command ({', '.join(sorted(commands))})"
    command = commands[name]
    sub = getattr(command, "commands", None)
    if sub:  # a group (`raadhuis scenario new …`): the options are those of its subcommand
        words = [w for w in shlex.split(line.replace("…", ""))[1:] if not w.startswith("-")]
        following = words[words.index(name) + 1 :] if name in words else []
        if following and following[0] in sub:
            command = sub[following[0]]
        elif following:
            pytest.fail(f"docs/cli.md:{lineno}: {name} has no subcommand {following[0]!r} ({', '.join(sorted(sub))})")
    known = {o for p in command.params for o in p.opts + p.secondary_opts} | {"--help"} | _global_options()
    for opt in options:
        assert opt in known, f"docs/cli.md:{lineno}: {name} has no option {opt!r}"


def test_every_command_is_documented() -> None:
    # docs/cli.md covers the register; a feature with its own page (analyses.md) may keep its
    # commands there, as long as cli.md links to it.
    cli_md = (DOCS / "cli.md").read_text("utf-8")
    documented = {_parse(line)[0] for _, line in cli_lines()}
    for page in sorted(DOCS.glob("*.md")):
        if page.name != "cli.md" and f"({page.name}" in cli_md:
            documented.update(re.findall(r"raadhuis ([a-z][a-z-]+)", page.read_text("utf-8")))
    missing = sorted(set(_commands()) - documented)
    assert not missing, f"commands without an example in docs/cli.md (or a page it links to): {', '.join(missing)}"
