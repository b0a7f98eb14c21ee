"""Read YAML or JSON text into plain data, and find the line of any path in it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import yaml

from raadhuis.canonical.paths import Path

try:  # libyaml is much faster on large datasets; PyYAML's pure loader is the fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """Safe loading that keeps dates as text: a malformed date such as 2009-13-01 must
    reach the dataset checks (with its line) instead of failing inside the YAML parser."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _plain(value: Any) -> Any:
    """YAML turns 2011-09-13 into a date; the dataset keeps dates as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class TextError(ValueError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse(text: str, kind: str) -> Any:
    """Parse ``text`` as ``kind`` ("yaml" or "json")."""
    if kind == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise TextError(exc.lineno, f"not valid JSON: {exc.msg}") from None
    try:
        return _plain(yaml.load(text, Loader=_Loader))  # noqa: S506 - CSafeLoader is the safe loader
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise TextError(line, f"not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise TextError(None, f"not valid YAML: {exc}") from None


def line_finder(text: str) -> Callable[[Path], int | None]:
    """A function from a data path to its 1-based line. Built only when an error needs it,
    because composing node marks costs as much as parsing again."""
    try:
        root = yaml.compose(text, Loader=_Loader)  # noqa: S506
    except yaml.YAMLError:
        return lambda path: None

    def find(path: Path) -> int | None:
        node = root
        line = node.start_mark.line + 1 if node is not None else None
        for step in path:
            if node is None:
                break
            nxt = None
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == str(step):
                        nxt = value
                        line = key.start_mark.line + 1
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                nxt = node.value[step]
                line = nxt.start_mark.line + 1
            if nxt is None:
                break
            node = nxt
        return line

    return find


def read_text(path: str | object) -> str:
    """A user's file as UTF-8 text, or an InputErrors naming the file and what went wrong."""
    from pathlib import Path as FsPath

    from raadhuis.canonical.errors import InputError, InputErrors

    try:
        return FsPath(str(path)).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputErrors(
            [InputError(str(path), None, "(file)", f"cannot read the file as UTF-8 text: {exc}")]
        ) from None
