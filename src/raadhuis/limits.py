"""The limits that keep one input or one writer from stopping everyone else.

Each limit is read from an environment variable when it is needed, so a test, an operator
or ``raadhuis serve --…`` (which sets the same variables) changes it without a restart of
anything else. docs/schrijven.md describes them; the defaults are here and only here.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Setting:
    env: str
    default: float
    unit: str  # how the value is written: "MB", "s" or "" (a count)
    minimum: float
    maximum: float = float("inf")


SETTINGS = {
    # A dataset (file, upload or API body) larger than this is refused before it is parsed:
    # reading 100 MB of YAML takes some 2.4 GB of memory.
    "max_dataset_mb": Setting("RAADHUIS_MAX_DATASET_MB", 64, "MB", 0.001),
    # Any HTTP request body larger than this gets 413, before it is read.
    "max_body_mb": Setting("RAADHUIS_MAX_BODY_MB", 64, "MB", 0.001),
    # Containers inside containers (mappings, lists) in YAML and JSON; a dataset needs about 8.
    # (At most 200: the parsers and the schema check descend one call per level.)
    "max_depth": Setting("RAADHUIS_MAX_DEPTH", 50, "", 2, 200),
    # How many nodes YAML aliases (*name) may repeat in all: a few hundred bytes of aliases
    # can otherwise stand for a billion nodes.
    "max_alias_nodes": Setting("RAADHUIS_MAX_ALIAS_NODES", 100_000, "", 0),
    # How long a write waits for another write to the same organisation before giving up.
    "write_timeout": Setting("RAADHUIS_WRITE_TIMEOUT", 30, "s", 0),
    # After SIGTERM or Ctrl-C, how long `raadhuis serve` lets the requests in progress finish.
    "shutdown_grace": Setting("RAADHUIS_SHUTDOWN_GRACE", 5, "s", 0),
}


class BadLimit(ValueError):
    """An environment variable holds something that is not a number."""


def value(name: str) -> float:
    """The limit ``name`` now: the environment variable, else the default."""
    setting = SETTINGS[name]
    raw = os.environ.get(setting.env, "").strip()
    if not raw:
        return setting.default
    try:
        number = float(raw.replace(",", "."))
    except ValueError:
        raise BadLimit(f"{setting.env}: expected a number, got {raw!r}") from None
    if not setting.minimum <= number <= setting.maximum or number == float("inf"):
        upper = f" and at most {setting.maximum:g}" if setting.maximum != float("inf") else ""
        raise BadLimit(f"{setting.env}: expected a number of at least {setting.minimum:g}{upper}, got {raw!r}")
    return number


def max_dataset_bytes() -> int:
    return int(value("max_dataset_mb") * MB)


def max_body_bytes() -> int:
    return int(value("max_body_mb") * MB)


def max_depth() -> int:
    return int(value("max_depth"))


def max_alias_nodes() -> int:
    return int(value("max_alias_nodes"))


def write_timeout() -> float:
    return value("write_timeout")


def shutdown_grace() -> float:
    return value("shutdown_grace")


def check_all() -> None:
    """Raise :class:`BadLimit` for the first variable that does not hold a usable number."""
    for name in SETTINGS:
        value(name)


def megabytes(size: float) -> str:
    """A size for a message, in whole megabytes (rounded up, so a size just over a limit
    never reads as the limit itself), or in kilobytes below one megabyte."""
    if size >= MB:
        return f"{math.ceil(size / MB)} MB"
    return f"{math.ceil(size / 1024)} KB"
