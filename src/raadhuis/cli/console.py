"""Where the commands write: the answer to standard output, errors to standard error (Rich consoles).

Apart from base.py so that the error handling (errors.py), which base.py installs, can write too."""

from __future__ import annotations

from typing import Any

from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def _esc(value: Any) -> str:
    """A value printed as itself, not read as Rich markup ('[aanname]' stays on the screen)."""
    from rich.markup import escape

    return escape(str(value))
