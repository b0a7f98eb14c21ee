"""The import tree (issue 8, "done when"): no circle between modules, and the layers point down.

The graph is read from the source with ``ast``, not by importing: a module-level import is an
arrow that runs when the module loads; an import inside a function is an arrow too (it is a
dependency), but only module-level arrows can form a circle that bites at import time.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "raadhuis"

# Which packages a layer may import (besides itself and the small top-level modules). From the
# bottom: the domain, the words (i18n knows only the domain), then the canonical form that store
# and formats both stand on (docs/architecture.md, "Lagen").
MAY_IMPORT: dict[str, set[str]] = {
    "domain": set(),
    "i18n": {"domain"},
    "reference": {"domain"},
    "canonical": {"domain", "reference", "i18n"},
    "store": {"domain", "reference", "canonical", "i18n"},
    "formats": {"domain", "reference", "canonical", "i18n"},
}


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str) -> tuple[set[str], set[str]]:
    """(module-level arrows, all arrows) from ``module`` to other raadhuis modules."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text("utf-8"))
    top_level: set[int] = set()

    def mark(body: list[ast.stmt]) -> None:
        for stmt in body:
            if _is_type_checking(stmt):
                continue
            top_level.add(id(stmt))
            if isinstance(stmt, ast.If | ast.Try):
                for block in (stmt.body, getattr(stmt, "orelse", []), getattr(stmt, "finalbody", [])):
                    mark(block)
                for handler in getattr(stmt, "handlers", []):
                    mark(handler.body)

    mark(tree.body)
    top: set[str] = set()
    every: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES]
            targets = subs + ([base] if len(subs) < len(node.names) else [])
        for target in targets:
            resolved = _resolve(target) if target.startswith("raadhuis") else None
            if resolved and resolved != module:
                every.add(resolved)
                if id(node) in top_level:
                    top.add(resolved)
    return top, every


GRAPH = {m: _imports(m) for m in MODULES}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle in ``graph`` as a path (first node repeated at the end), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else None


def test_the_graph_is_read() -> None:
    # A sanity check on the reader itself: known arrows are found.
    assert "raadhuis.canonical.decode" in MODULES
    assert "raadhuis.domain.engine" in GRAPH["raadhuis.formats.w3c_org"][0]
    assert any(m.startswith("raadhuis.canonical") for m in GRAPH["raadhuis.store.repository"][1])


def test_no_circle_between_modules() -> None:
    circle = _cycle({m: top for m, (top, _) in GRAPH.items()})
    assert circle is None, "import circle: " + " → ".join(circle or [])


def test_no_circle_between_packages() -> None:
    packages: dict[str, set[str]] = {}
    for module, (_, every) in GRAPH.items():
        a = _layer(module)
        for target in every:
            b = _layer(target)
            if a and b and a != b:
                packages.setdefault(a, set()).add(b)
    circle = _cycle(packages)
    assert circle is None, "circle between packages: " + " → ".join(circle or [])


def test_the_layers_point_down() -> None:
    """No arrow from store/ to formats/ (nor anything above); the domain imports no other layer."""
    wrong = []
    for module, (_, every) in sorted(GRAPH.items()):
        layer = _layer(module)
        if layer not in MAY_IMPORT:
            continue
        for target in sorted(every):
            other = _layer(target)
            if other is not None and other != layer and other not in MAY_IMPORT[layer]:
                wrong.append(f"{module} → {target}")
    assert not wrong, "imports that point up: " + "; ".join(wrong)
