"""Read YAML or JSON text into plain data, and find the line of any path in it.

Parsing refuses what would hurt the register or the server, each with the line (and the
path) where it is: a text larger than the dataset limit, nesting deeper than the depth limit,
YAML aliases that stand for more repeated nodes than the alias limit (a few hundred bytes
can otherwise mean a billion), a key given twice in one mapping (both lines named), and
numbers that are not finite (NaN, Infinity). The limits are :mod:`raadhuis.limits`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from typing import Any

import yaml

from raadhuis import limits
from raadhuis.canonical.paths import Path

try:  # libyaml is much faster on large datasets; PyYAML's pure loader is the fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class TextError(ValueError):
    """Text that cannot be read as data: the line (1-based) and, when known, the path in it."""

    def __init__(self, line: int | None, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path


class _Loader(_BaseLoader):
    """Safe loading that keeps dates as text: a malformed date such as 2009-13-01 must
    reach the dataset checks (with its line) instead of failing inside the YAML parser.
    A key given twice in one mapping is refused instead of the last one silently winning."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_keys(node)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_MERGE = "tag:yaml.org,2002:merge"


def _refuse_duplicate_keys(node: yaml.MappingNode) -> None:
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == _MERGE:
            continue  # "<<" merges are meant to be overridden by the mapping's own keys
        line = key.start_mark.line + 1
        first = seen.setdefault(key.value, line)
        if first != line:
            raise TextError(
                line, f"key {key.value!r} is given twice in one mapping: on line {first} and on line {line}"
            )


class _Refused(Exception):
    """Raised deep inside a value; each level adds its step to ``path`` on the way out."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.path: list[str | int] = []


def _too_deep(limit: int) -> _Refused:
    return _Refused(f"nested deeper than {limit} levels (the limit is {limits.SETTINGS['max_depth'].env}={limit})")


def _not_finite(value: float) -> _Refused:
    spelled = "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    return _Refused(f"expected a finite number, got {spelled}")


def _plain(value: Any, depth: int, limit: int) -> Any:
    """YAML turns 2011-09-13 into a date; the dataset keeps dates as text. Refuses a value
    nested deeper than ``limit`` and a number that is not finite (.nan, .inf)."""
    if isinstance(value, dict):
        if depth >= limit:
            raise _too_deep(limit)
        out = {}
        for k, v in value.items():
            try:
                out[str(k)] = _plain(v, depth + 1, limit)
            except _Refused as exc:
                exc.path.append(str(k))
                raise
        return out
    if isinstance(value, list):
        if depth >= limit:
            raise _too_deep(limit)
        items = []
        for i, v in enumerate(value):
            try:
                items.append(_plain(v, depth + 1, limit))
            except _Refused as exc:
                exc.path.append(i)
                raise
        return items
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if type(value) is float and not math.isfinite(value):
        raise _not_finite(value)
    return value


def _check_json(value: Any, depth: int, limit: int, finite: bool) -> None:
    """The JSON counterpart of :func:`_plain`: nothing to convert, only the checks. Numbers
    are looked at only when the text spelled NaN or Infinity (``finite``)."""
    if depth >= limit:
        raise _too_deep(limit)
    steps = value.items() if type(value) is dict else enumerate(value)
    for k, v in steps:
        try:
            if type(v) is dict or type(v) is list:
                _check_json(v, depth + 1, limit, finite)
            elif finite and type(v) is float and not math.isfinite(v):
                raise _not_finite(v)
        except _Refused as exc:
            exc.path.append(k)
            raise


def _refused(exc: _Refused, text: str) -> TextError:
    path = tuple(reversed(exc.path))
    return TextError(line_finder(text)(path), exc.message, path)


def parse(text: str, kind: str) -> Any:
    """Parse ``text`` as ``kind`` ("yaml" or "json"), within the limits of :mod:`raadhuis.limits`."""
    check_size(len(text))
    if kind == "json":
        return _parse_json(text)
    return _parse_yaml(text)


def check_size(size: int) -> None:
    """Refuse a dataset of ``size`` bytes when it is larger than the dataset limit."""
    largest = limits.max_dataset_bytes()
    if size > largest:
        raise TextError(
            None,
            f"the dataset is {limits.megabytes(size)}; the largest that is read is {limits.megabytes(largest)} "
            f"({limits.SETTINGS['max_dataset_mb'].env})",
        )


class _NonFinite(Exception):
    pass


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_constants(name: str) -> Any:
    raise _NonFinite(name)


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return out


def _parse_json(text: str) -> Any:
    limit = limits.max_depth()
    finite = True
    try:
        data = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_unique_pairs)
        finite = False
    except json.JSONDecodeError as exc:
        raise TextError(exc.lineno, f"not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise TextError(None, _too_deep(limit).message) from None
    except _Duplicate as exc:
        raise _json_duplicate(text, exc.key) from None
    except _NonFinite:
        # Rare: read it again as Python does, then find where (the check below names the path).
        data = json.loads(text, object_pairs_hook=_unique_pairs)
    if type(data) is dict or type(data) is list:
        try:
            _check_json(data, 0, limit, finite)
        except _Refused as exc:
            raise _refused(exc, text) from None
    return data


def _json_duplicate(text: str, key: str) -> TextError:
    """Both lines of a key given twice, found by reading the JSON as YAML (which it nearly
    always is); otherwise the key alone."""
    try:
        _parse_yaml(text)
    except TextError as exc:
        if "given twice" in exc.message:
            return exc
    return TextError(None, f"key {key!r} is given twice in one mapping")


# An anchor (&name) where a node may begin. Without one there can be no alias, and the
# alias check (a walk over every node) is skipped; a false match ("R &D") only costs time.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]")


def _parse_yaml(text: str) -> Any:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and _ANCHOR.search(text):
            _check_aliases(node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise TextError(line, f"not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise TextError(None, f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    try:
        return _plain(data, 0, limits.max_depth())
    except _Refused as exc:
        raise _refused(exc, text) from None


def _check_aliases(root: yaml.Node) -> None:
    """Count, without expanding them, the nodes that aliases repeat; refuse an alias inside
    the node it names (a loop) and a depth over the limit reached through aliases."""
    depth_limit, alias_limit = limits.max_depth(), limits.max_alias_nodes()
    size: dict[int, int] = {}  # id(node) → nodes it stands for, aliases expanded
    height: dict[int, int] = {}
    open_nodes: set[int] = set()
    repeated = 0

    def visit(node: yaml.Node, depth: int) -> None:
        nonlocal repeated
        key = id(node)
        line = node.start_mark.line + 1
        if key in open_nodes:
            raise TextError(line, f"an alias repeats the node on line {line} inside itself")
        if key in size:  # seen before: this is an alias of it
            repeated += size[key]
            if repeated > alias_limit:
                raise TextError(
                    line,
                    f"aliases repeat more than {alias_limit} nodes (here the node on line {line}; "
                    f"the limit is {limits.SETTINGS['max_alias_nodes'].env}={alias_limit})",
                )
            if depth + height[key] > depth_limit:
                raise TextError(line, _too_deep(depth_limit).message)
            return
        if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            size[key], height[key] = 1, 0
            return
        if depth >= depth_limit:
            raise TextError(line, _too_deep(depth_limit).message)
        children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else node.value
        open_nodes.add(key)
        total, tallest = 1, 0
        for child in children:
            visit(child, depth + 1)
            total += size[id(child)]
            tallest = max(tallest, height[id(child)])
        open_nodes.discard(key)
        # height: how many levels of containers this node holds, itself included
        size[key], height[key] = total, tallest + 1

    visit(root, 0)


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
    """A user's file as UTF-8 text, or an InputErrors naming the file and what went wrong
    (a file larger than the dataset limit is refused before it is read)."""
    from pathlib import Path as FsPath

    from raadhuis.canonical.errors import InputError, InputErrors

    file = FsPath(str(path))
    try:
        check_size(file.stat().st_size)
        return file.read_text("utf-8")
    except TextError as exc:
        raise InputErrors([InputError(str(path), None, "(file)", exc.message)]) from None
    except OSError as exc:
        from raadhuis.formats.kinds import os_problem

        raise InputErrors([InputError(str(path), None, "(file)", f"cannot read the file: {os_problem(exc)}")]) from None
    except UnicodeDecodeError as exc:
        raise InputErrors(
            [InputError(str(path), None, "(file)", f"expected UTF-8 text (a character at byte {exc.start} is not)")]
        ) from None
