"""Checks for the dataset's ``extensions`` sections (figures per year, demand, programmes …).

Each known section has a checker that returns (path, message) pairs; unknown sections are
kept as given. Called by the dataset loader, so an import fails whole on a bad section.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from raadhuis.canonical.paths import Path
from raadhuis.formats.figures import check_demand, check_figures

Checker = Callable[[Any, Path], list[tuple[Path, str]]]

CHECKERS: dict[str, Checker] = {"figures": check_figures, "demand": check_demand}


def check(extensions: dict[str, Any]) -> list[tuple[Path, str]]:
    errors: list[tuple[Path, str]] = []
    for name, value in extensions.items():
        checker = CHECKERS.get(name)
        if checker is not None:
            errors.extend(checker(value, ("extensions", name)))
    return errors
