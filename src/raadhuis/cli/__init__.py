"""The command line: thin, every command calls a service and prints its answer.

Dutch by default; ``--lang en`` (or an English locale) for English. Each question
command has ``--format json`` whose shape is documented in docs/cli.md and kept stable.
The commands live in one module per subject; importing them registers them on ``app``.
"""

from __future__ import annotations

from raadhuis.cli import (  # noqa: F401 - registers the commands
    exchange,
    programmes,
    reference,
    register,
    scenarios,
    serve,
    sources,
    studies,
    templates,
    trajectories,
    users,
)
from raadhuis.cli.analysis import register_commands
from raadhuis.cli.base import app

register_commands(app)

__all__ = ["app", "main"]


def main() -> None:
    app()
