"""All checks in one command: ruff (lint and format), mypy, pytest.

Run from the project root with the project's virtual environment:
    .venv/bin/python scripts/check.py [pytest arguments]
Exits non-zero when any check fails; pytest's "no tests ran" also counts as a failure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(name: str, *args: str) -> int:
    print(f"== {name}: {' '.join(args)}", flush=True)
    return subprocess.call([str(BIN / args[0]), *args[1:]], cwd=ROOT)


def main() -> int:
    failures = []
    if run("ruff", "ruff", "check", "src", "tests", "bench", "scripts"):
        failures.append("ruff check")
    if run("ruff format", "ruff", "format", "--check", "src", "tests", "bench", "scripts"):
        failures.append("ruff format")
    if run("mypy", "mypy"):
        failures.append("mypy")
    code = run("pytest", "pytest", *sys.argv[1:])
    if code != 0:
        failures.append(f"pytest (exit {code})")
    if failures:
        print("FAILED: " + ", ".join(failures), flush=True)
        return 1
    print("all checks passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
