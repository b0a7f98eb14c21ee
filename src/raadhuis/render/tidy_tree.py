"""Tidy-tree layout for org charts: Buchheim, Jünger & Leipert's linear-time Walker.

The algorithm is the one of

    Christoph Buchheim, Michael Jünger and Sebastian Leipert, "Improving Walker's
    algorithm to run in linear time", in: Graph Drawing (GD 2002), LNCS 2528,
    Springer 2002, pp. 344-353, doi:10.1007/3-540-36151-0_32,

which fixes the quadratic parts of J. Q. Walker II, "A node-positioning algorithm for
general trees" (Software: Practice and Experience 20(7), 1990). It draws trees of any
arity in the Reingold-Tilford style: nodes of a level never overlap, a parent is centred
over its first and last child, subtrees are packed as close as their contours allow and
smaller subtrees between two big ones are spaced evenly. Node widths may differ: the
separation between two neighbours on a level is half of each width plus a gap.

Both walks are iterative (a post-order list and an explicit stack), so a chain of 100,000
units does not hit Python's recursion limit; 10,000 nodes take a few tens of milliseconds.

A forest (several roots) is laid out under a virtual root, so the trees stand side by side
with ``tree_gap`` between their contours.

Compact mode (``stack_threshold``): as in printed org charts, when a parent has more than
``stack_threshold`` small children (leaves, or with ``stack_depth`` = 2 also children whose
own children are leaves), those children are stacked in an indented vertical list under the
parent instead of spread out side by side. The list takes part in the tidy layout as one
pseudo node, with an invisible chain of spacers below it so that neighbouring subtrees keep
clear of its full height.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Box", "TreeLayout", "tidy_layout"]


@dataclass(frozen=True)
class Box:
    """Where one node goes: ``x``/``y`` are the top-left corner; ``depth`` counts from its root (0).

    A node in a vertical list has ``stacked`` set and ``bus_x``: the x of the vertical
    connector line on its left, which runs down from its parent.
    """

    key: str
    x: float
    y: float
    w: float
    h: float
    depth: int
    stacked: bool = False
    bus_x: float | None = None

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass(frozen=True)
class TreeLayout:
    boxes: dict[str, Box]
    width: float
    height: float
    level_pitch: float  # distance between the tops of two levels


_REAL, _STACK, _SPACER, _ROOT = 0, 1, 2, 3


def tidy_layout(
    roots: Sequence[str],
    children: Mapping[str, Sequence[str]],
    sizes: Mapping[str, tuple[float, float]],
    *,
    sibling_gap: float = 16.0,
    subtree_gap: float = 32.0,
    tree_gap: float = 48.0,
    level_gap: float = 40.0,
    stack_threshold: int | None = None,
    stack_depth: int = 1,
    stack_indent: float = 20.0,
    stack_gap: float = 8.0,
    stack_rows: int | None = None,
) -> TreeLayout:
    """Lay out the trees under ``roots``; ``children[k]`` in drawing order, ``sizes[k]`` = (width, height).

    Levels are ``level_pitch`` apart: the tallest node height plus ``level_gap``. Coordinates
    start at 0 (left edge of the leftmost node, top of the roots). With ``stack_rows`` a vertical
    list longer than that many boxes is cut into columns side by side (never inside one member's
    own sub-list), so a long list does not make the chart a tall thin strip.
    """
    if stack_depth < 1:
        raise ValueError(f"stack_depth must be at least 1, got {stack_depth}")
    if not roots:
        return TreeLayout({}, 0.0, 0.0, 0.0)

    # Reachable nodes in pre-order, with a check for cycles and shared children.
    seen: set[str] = set()
    pre: list[str] = []
    parent_of: dict[str, str | None] = {}
    todo: list[tuple[str, str | None]] = [(r, None) for r in reversed(roots)]
    while todo:
        key, par = todo.pop()
        if key in seen:
            raise ValueError(f"node {key!r} is reached twice (a cycle, or two parents)")
        if key not in sizes:
            raise KeyError(f"node {key!r} has no size")
        seen.add(key)
        pre.append(key)
        parent_of[key] = par
        todo.extend((c, key) for c in reversed(children.get(key, ())))

    # Subtree height (a leaf is 0) and size, children before parents.
    sub_h: dict[str, int] = {}
    sub_n: dict[str, int] = {}
    for key in reversed(pre):
        kids = children.get(key, ())
        sub_h[key] = 1 + max(sub_h[c] for c in kids) if kids else 0
        sub_n[key] = 1 + sum(sub_n[c] for c in kids)

    row_h = max(sizes[k][1] for k in pre)
    pitch = row_h + level_gap

    # Build the internal tree: real nodes, vertical-list (stack) pseudo nodes and their spacers.
    kind: list[int] = [_ROOT]
    width: list[float] = [0.0]
    kids_of: list[list[int]] = [[]]
    par_of: list[int] = [-1]
    real_index: dict[str, int] = {}
    stacks: dict[int, list[tuple[str, int]]] = {}  # stack node -> members (key, indent level) in pre-order

    def new_node(k: int, w: float, parent: int) -> int:
        kind.append(k)
        width.append(w)
        kids_of.append([])
        par_of.append(parent)
        kids_of[parent].append(len(kind) - 1)
        return len(kind) - 1

    # Each node's children (real and pseudo) are created together so that their order is kept.
    build: list[str] = []
    for r in roots:
        real_index[r] = new_node(_REAL, sizes[r][0], 0)
        build.append(r)
    while build:
        key = build.pop()
        me = real_index[key]
        kids = children.get(key, ())
        folded: set[str] = set()
        if stack_threshold is not None and kids:
            small = [c for c in kids if sub_h[c] <= stack_depth - 1]
            if sum(sub_n[c] for c in small) > stack_threshold:
                folded = set(small)
        stacked = False
        for c in kids:
            if c not in folded:
                real_index[c] = new_node(_REAL, sizes[c][0], me)
                build.append(c)
            elif not stacked:
                # The list stands where its first member would have stood.
                stacked = True
                members: list[tuple[str, int]] = []
                walk: list[tuple[str, int]] = [(m, 0) for m in reversed(kids) if m in folded]
                while walk:
                    m, level = walk.pop()
                    members.append((m, level))
                    walk.extend((g, level + 1) for g in reversed(children.get(m, ())))
                for column in _columns(members, stack_rows):
                    stack_w = max(stack_indent * (lvl + 1) + sizes[m][0] for m, lvl in column)
                    stack_h = sum(sizes[m][1] for m, _ in column) + stack_gap * (len(column) - 1)
                    s = new_node(_STACK, stack_w, me)
                    stacks[s] = column
                    last = s
                    for _ in range(max(0, math.ceil((stack_h + level_gap) / pitch) - 1)):
                        last = new_node(_SPACER, stack_w, last)

    x = _buchheim(kids_of, width, par_of, kind, sibling_gap, subtree_gap, tree_gap)

    depth = [0] * len(kind)
    order = [0]
    depth[0] = -1
    for i in order:
        for j in kids_of[i]:
            depth[j] = depth[i] + 1
            order.append(j)

    boxes: dict[str, Box] = {}
    for key, v in real_index.items():
        w, h = sizes[key]
        boxes[key] = Box(key, x[v] - w / 2, depth[v] * pitch, w, h, depth[v])
    for s, members in stacks.items():
        left = x[s] - width[s] / 2
        top = depth[s] * pitch
        for m, level in members:
            w, h = sizes[m]
            boxes[m] = Box(
                m,
                left + stack_indent * (level + 1),
                top,
                w,
                h,
                depth[s] + level,
                True,
                left + stack_indent * (level + 0.5),
            )
            top += h + stack_gap

    min_x = min(b.x for b in boxes.values())
    if min_x != 0.0:
        boxes = {k: _shift(b, -min_x) for k, b in boxes.items()}
    return TreeLayout(boxes, max(b.right for b in boxes.values()), max(b.bottom for b in boxes.values()), pitch)


def _columns(members: list[tuple[str, int]], rows: int | None) -> list[list[tuple[str, int]]]:
    """A vertical list cut into columns of about ``rows`` boxes, evenly, each starting at a top member."""
    if rows is None or len(members) <= rows:
        return [members]
    groups: list[list[tuple[str, int]]] = []
    for m in members:
        if m[1] == 0 or not groups:
            groups.append([])
        groups[-1].append(m)
    count = math.ceil(len(members) / rows)
    target = len(members) / count
    columns: list[list[tuple[str, int]]] = [[]]
    for g in groups:
        if columns[-1] and len(columns[-1]) + len(g) / 2 > target and len(columns) < count:
            columns.append([])
        columns[-1].extend(g)
    return columns


def _shift(b: Box, dx: float) -> Box:
    return Box(b.key, b.x + dx, b.y, b.w, b.h, b.depth, b.stacked, None if b.bus_x is None else b.bus_x + dx)


def _buchheim(
    kids: list[list[int]],
    width: list[float],
    parent: list[int],
    kind: list[int],
    sibling_gap: float,
    subtree_gap: float,
    tree_gap: float,
) -> list[float]:
    """Centre x of every node of the tree rooted at 0 (Buchheim et al. 2002, figures 2-3)."""
    n = len(kids)
    prelim = [0.0] * n
    mod = [0.0] * n
    shift = [0.0] * n
    change = [0.0] * n
    thread = [-1] * n
    ancestor = list(range(n))
    number = [0] * n
    default_ancestor = [-1] * n
    for v in range(n):
        for i, c in enumerate(kids[v]):
            number[c] = i

    def sep(a: int, b: int) -> float:
        if parent[a] == parent[b]:
            gap = tree_gap if kind[parent[a]] == _ROOT else sibling_gap
        else:
            gap = subtree_gap
        return (width[a] + width[b]) / 2 + gap

    def next_left(v: int) -> int:
        k = kids[v]
        return k[0] if k else thread[v]

    def next_right(v: int) -> int:
        k = kids[v]
        return k[-1] if k else thread[v]

    def move_subtree(wm: int, wp: int, s: float) -> None:
        subtrees = number[wp] - number[wm]
        change[wp] -= s / subtrees
        shift[wp] += s
        change[wm] += s / subtrees
        prelim[wp] += s
        mod[wp] += s

    def apportion(v: int, da: int) -> int:
        p = parent[v]
        if number[v] == 0:
            return da
        vip = vop = v
        vim = kids[p][number[v] - 1]
        vom = kids[p][0]
        sip, sop, sim, som = mod[vip], mod[vop], mod[vim], mod[vom]
        while True:
            nr = next_right(vim)
            nl = next_left(vip)
            if nr < 0 or nl < 0:
                break
            vim, vip = nr, nl
            vom = next_left(vom)
            vop = next_right(vop)
            ancestor[vop] = v
            s = (prelim[vim] + sim) - (prelim[vip] + sip) + sep(vim, vip)
            if s > 0:
                a = ancestor[vim] if parent[ancestor[vim]] == p else da
                move_subtree(a, v, s)
                sip += s
                sop += s
            sim += mod[vim]
            sip += mod[vip]
            som += mod[vom]
            sop += mod[vop]
        if next_right(vim) >= 0 and next_right(vop) < 0:
            thread[vop] = next_right(vim)
            mod[vop] += sim - sop
        if next_left(vip) >= 0 and next_left(vom) < 0:
            thread[vom] = next_left(vip)
            mod[vom] += sip - som
            da = v
        return da

    # First walk in post-order: a node is finished after its children and its left siblings.
    pre: list[int] = []
    todo = [0]
    while todo:
        v = todo.pop()
        pre.append(v)
        todo.extend(kids[v])
    for v in reversed(pre):
        p = parent[v]
        left = kids[p][number[v] - 1] if p >= 0 and number[v] > 0 else -1
        ks = kids[v]
        if ks:
            sh = ch = 0.0
            for w in reversed(ks):
                prelim[w] += sh
                mod[w] += sh
                ch += change[w]
                sh += shift[w] + ch
            mid = (prelim[ks[0]] + prelim[ks[-1]]) / 2
            if left >= 0:
                prelim[v] = prelim[left] + sep(left, v)
                mod[v] = prelim[v] - mid
            else:
                prelim[v] = mid
        else:
            prelim[v] = prelim[left] + sep(left, v) if left >= 0 else 0.0
        if p >= 0:
            if number[v] == 0:
                default_ancestor[p] = v
            default_ancestor[p] = apportion(v, default_ancestor[p])

    # Second walk: sum the modifiers down each path.
    x = [0.0] * n
    walk: list[tuple[int, float]] = [(0, 0.0)]
    while walk:
        v, m = walk.pop()
        x[v] = prelim[v] + m
        m2 = m + mod[v]
        walk.extend((c, m2) for c in kids[v])
    return x
