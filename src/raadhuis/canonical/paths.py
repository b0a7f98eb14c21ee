"""Where in a dataset something is: a path of keys and indexes, and how people read it."""

from __future__ import annotations

Path = tuple[str | int, ...]

# Problems found while decoding: where, and what was expected. The file formats add the file and
# the line (formats/dataset.py); the store adds "<store>".
Errors = list[tuple[Path, str]]


def path_text(path: Path) -> str:
    """``("events", 3, "date")`` → ``events[3].date``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(document)"
