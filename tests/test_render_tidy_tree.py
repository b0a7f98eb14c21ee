"""The tidy-tree layout: Reingold-Tilford/Walker properties, forests, vertical lists, size and speed."""

from __future__ import annotations

import random
import time
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadhuis.render.tidy_tree import Box, tidy_layout

EPS = 1e-6


@st.composite
def forests(draw: st.DrawFn) -> tuple[list[str], dict[str, list[str]], dict[str, tuple[float, float]]]:
    n = draw(st.integers(1, 60))
    roots: list[str] = []
    children: dict[str, list[str]] = {}
    sizes: dict[str, tuple[float, float]] = {}
    for i in range(n):
        key = f"n{i}"
        parent = draw(st.integers(-1, i - 1)) if i else -1
        if parent < 0:
            roots.append(key)
        else:
            children.setdefault(f"n{parent}", []).append(key)
        sizes[key] = (draw(st.integers(20, 200)), draw(st.sampled_from([30, 40, 60])))
    return roots, children, sizes


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right - EPS and b.x < a.right - EPS and a.y < b.bottom - EPS and b.y < a.bottom - EPS


@settings(max_examples=150, deadline=None)
@given(forests())
def test_tidy_properties(forest: tuple[list[str], dict[str, list[str]], dict[str, tuple[float, float]]]) -> None:
    roots, children, sizes = forest
    layout = tidy_layout(roots, children, sizes, sibling_gap=10, subtree_gap=20, tree_gap=30)
    boxes = layout.boxes
    assert set(boxes) == set(sizes)
    # Nodes on one level keep at least the smallest gap between them.
    by_level: dict[float, list[Box]] = {}
    for b in boxes.values():
        by_level.setdefault(b.y, []).append(b)
    for level in by_level.values():
        level.sort(key=lambda b: b.x)
        for left, right in zip(level, level[1:], strict=False):
            assert left.right + 10 - EPS <= right.x, (left, right)
    for parent, kids in children.items():
        p = boxes[parent]
        cs = [boxes[c] for c in kids]
        # A parent is centred over the span of its first and last child, and stands above them.
        assert abs(p.cx - (cs[0].cx + cs[-1].cx) / 2) < EPS
        assert all(c.y >= p.bottom + 40 - EPS for c in cs)
        # Children keep their order.
        assert all(a.cx < b.cx for a, b in zip(cs, cs[1:], strict=False))
    for a, b in combinations(boxes.values(), 2):
        assert not _overlap(a, b), (a, b)
    assert min(b.x for b in boxes.values()) == pytest.approx(0)
    assert layout.width == pytest.approx(max(b.right for b in boxes.values()))
    # Deterministic: the same input gives the same drawing.
    assert tidy_layout(roots, children, sizes, sibling_gap=10, subtree_gap=20, tree_gap=30) == layout


@settings(max_examples=150, deadline=None)
@given(forests(), st.integers(0, 4), st.integers(1, 3), st.sampled_from([None, 1, 2, 5]))
def test_vertical_lists_never_overlap(
    forest: tuple[list[str], dict[str, list[str]], dict[str, tuple[float, float]]],
    threshold: int,
    depth: int,
    rows: int | None,
) -> None:
    roots, children, sizes = forest
    layout = tidy_layout(roots, children, sizes, stack_threshold=threshold, stack_depth=depth, stack_rows=rows)
    boxes = layout.boxes
    assert set(boxes) == set(sizes)
    for a, b in combinations(boxes.values(), 2):
        assert not _overlap(a, b), (a, b)
    for parent, kids in children.items():
        p = boxes[parent]
        for c in kids:
            cb = boxes[c]
            assert cb.y >= p.bottom - EPS
            if cb.stacked:
                # A listed child hangs right of its connector line, which runs below the parent.
                assert cb.bus_x is not None and cb.bus_x < cb.x
            else:
                assert not p.stacked


def test_a_long_list_is_cut_into_columns_of_whole_members() -> None:
    kids = [f"t{i}" for i in range(30)]
    children = {"r": ["a", "b"], "a": kids, "b": ["b1", "b2"]}
    sizes = {k: (100.0, 40.0) for k in ["r", "a", "b", "b1", "b2", *kids]}
    tall = tidy_layout(["r"], children, sizes, stack_threshold=3)
    cut = tidy_layout(["r"], children, sizes, stack_threshold=3, stack_rows=10)
    assert cut.height < tall.height / 2 and cut.width > tall.width
    columns = sorted({round(cut.boxes[k].x) for k in kids})
    assert len(columns) == 3
    # Read down each column, then on to the next: the order of the list is kept.
    order = sorted(kids, key=lambda k: (round(cut.boxes[k].x), cut.boxes[k].y))
    assert order == kids


def test_forest_roots_side_by_side() -> None:
    sizes = {k: (100.0, 40.0) for k in ("a", "a1", "a2", "b", "c", "c1")}
    layout = tidy_layout(["a", "b", "c"], {"a": ["a1", "a2"], "c": ["c1"]}, sizes, tree_gap=50)
    a, b, c = (layout.boxes[k] for k in "abc")
    assert a.y == b.y == c.y == 0
    assert a.right + 50 <= b.x + EPS and b.right + 50 <= c.x + EPS
    assert layout.boxes["a1"].depth == 1


def test_small_subtrees_between_big_ones_are_spread_evenly() -> None:
    # Walker's and Buchheim's point: the leaves between two wide subtrees share the space.
    children = {"r": ["a", "x", "y", "b"], "a": ["a1", "a2", "a3"], "b": ["b1", "b2", "b3"]}
    keys = ["r", "a", "x", "y", "b", "a1", "a2", "a3", "b1", "b2", "b3"]
    layout = tidy_layout(["r"], children, {k: (50.0, 20.0) for k in keys})
    xs = [layout.boxes[k].cx for k in ("a", "x", "y", "b")]
    gaps = [q - p for p, q in zip(xs, xs[1:], strict=False)]
    assert gaps[0] == pytest.approx(gaps[1]) and gaps[1] == pytest.approx(gaps[2])


def test_vertical_list_under_parent() -> None:
    kids = [f"t{i}" for i in range(8)]
    sizes = {k: (100.0, 40.0) for k in ["d", *kids]}
    wide = tidy_layout(["d"], {"d": kids}, sizes)
    compact = tidy_layout(["d"], {"d": kids}, sizes, stack_threshold=5, stack_indent=20, stack_gap=8)
    assert wide.width == pytest.approx(8 * 100 + 7 * 16)
    # The parent (100 wide) is centred over the list (20 indent + 100), whose connector is at x 0.
    assert compact.width == pytest.approx(110)
    ys = [compact.boxes[k].y for k in kids]
    assert ys == sorted(ys) and ys[1] - ys[0] == pytest.approx(48)
    assert {compact.boxes[k].x for k in kids} == {10.0}
    assert {compact.boxes[k].bus_x for k in kids} == {0.0}
    assert compact.boxes["d"].cx == pytest.approx(50)
    assert all(compact.boxes[k].stacked for k in kids)
    # At the threshold itself the children stay side by side.
    assert not tidy_layout(["d"], {"d": kids[:5]}, sizes, stack_threshold=5).boxes["t0"].stacked


def test_errors_name_the_node() -> None:
    with pytest.raises(KeyError, match="'b'"):
        tidy_layout(["a"], {"a": ["b"]}, {"a": (1.0, 1.0)})
    with pytest.raises(ValueError, match="reached twice"):
        tidy_layout(["a"], {"a": ["b", "b"]}, {"a": (1.0, 1.0), "b": (1.0, 1.0)})
    assert tidy_layout([], {}, {}).boxes == {}


def test_deep_chain_has_no_recursion_limit() -> None:
    n = 20_000
    children = {f"{i}": [f"{i + 1}"] for i in range(n - 1)}
    layout = tidy_layout(["0"], children, {f"{i}": (10.0, 10.0) for i in range(n)})
    assert layout.boxes[f"{n - 1}"].depth == n - 1
    assert layout.width == 10.0


@pytest.mark.parametrize("shape", ["random", "wide", "deep"])
def test_ten_thousand_nodes_timing(shape: str) -> None:
    rng = random.Random(7)
    n = 10_000
    children: dict[str, list[str]] = {}
    for i in range(1, n):
        if shape == "random":
            parent = rng.randrange(max(0, i - 30), i)
        elif shape == "wide":
            parent = 0 if i < 100 else rng.randrange(1, 100)
        else:
            parent = i - 1 if i % 50 else rng.randrange(0, i)
        children.setdefault(str(parent), []).append(str(i))
    sizes = {str(i): (float(60 + i % 5 * 20), 40.0) for i in range(n)}
    start = time.perf_counter()
    layout = tidy_layout(["0"], children, sizes)
    took = time.perf_counter() - start
    print(f"\ntidy_layout {shape} {n} nodes: {took * 1000:.0f} ms, {layout.width:.0f} x {layout.height:.0f}")
    assert len(layout.boxes) == n
