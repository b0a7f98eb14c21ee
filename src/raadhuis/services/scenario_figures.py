"""The figures of the snapshots of one comparison of scenarios, each made once per organisation shown.

A comparison shows the baseline and each scenario on the day compared and on the days over time.
Many of those snapshots are one organisation: the baseline on each day nothing happened on, and a
scenario before its first change (its branch day) is its baseline. Their span of control, headline
figures, chain of command and the posts' cost are made once, and only what names the day (the
``at`` of a span or a cost, a cost's price level) is made per snapshot.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from raadhuis.analysis import cost as costing
from raadhuis.analysis import reorganisation as reorg
from raadhuis.analysis import span_of_control as soc
from raadhuis.analysis import vulnerability as vul
from raadhuis.domain.model import Post, Snapshot


def _same_items(x: Mapping[str, Any], y: Mapping[str, Any]) -> bool:
    # Dict items compare by identity first: the snapshots of one comparison share their objects.
    return x is y or (len(x) == len(y) and list(x.items()) == list(y.items()))


def same_organisation(a: Snapshot, b: Snapshot) -> bool:
    """The same units and posts, in the same order (the order sums run in, so the figures are
    equal to the last digit); units first: a scenario's change almost always changes a unit."""
    return a.organisation == b.organisation and _same_items(a.units, b.units) and _same_items(a.posts, b.posts)


# Organisations a Figures may hold and still be kept for the next comparison: a comparison of two
# scenarios on one day holds three; each holds the span, chain of command and cost of a whole
# organisation (the post objects themselves are the snapshots', shared).
MAX_KINDS = 8


class Figures:
    """Span, headline figures, bosses, pyramid, FTE per unit, staff changes and cost of the snapshots
    of a comparison (see the module); kept for the next comparison with the same band and cost
    arguments, as everything in it is found by the snapshots' content."""

    def __init__(self, band: tuple[int, int], cost_args: dict[str, Any]) -> None:
        self.band = band
        self.cost_args = cost_args
        # One entry per distinct organisation: its first snapshot and what was made of it.
        self._kinds: list[tuple[Snapshot, dict[str, Any]]] = []
        # (id of units, id of posts) → the entry: the dicts are compared once. The snapshot is
        # kept with it, so the ids stay its own.
        self._by_dicts: dict[tuple[int, int], tuple[Snapshot, dict[str, Any]]] = {}
        # The cost of each post object met so far (the snapshots share most of theirs): cost_of_posts.
        self._post_costs: dict[int, tuple[Post, costing.PostCost]] = {}
        # The vulnerability figures of each unit's posts met so far, for analysis.of_snapshot.
        self.unit_figures = vul.UnitFiguresMade()
        # One entry per distinct set of posts (the same post objects in the same order), whatever
        # the units: a scenario that moves, renames or merges units keeps its baseline's posts, so
        # what the posts alone make (their cost, FTE per unit, headline sums) is made once for both.
        self._post_kinds: list[tuple[Mapping[str, Post], dict[str, Any]]] = []
        self._by_posts: dict[int, tuple[Mapping[str, Post], dict[str, Any]]] = {}

    def _made(self, snap: Snapshot) -> dict[str, Any]:
        key = (id(snap.units), id(snap.posts))
        found = self._by_dicts.get(key)
        if found is not None and found[0].units is snap.units and found[0].posts is snap.posts:
            return found[1]
        made = next((m for seen, m in self._kinds if same_organisation(seen, snap)), None)
        if made is None:
            made = {}
            self._kinds.append((snap, made))
        self._by_dicts[key] = (snap, made)
        return made

    def _posts_made(self, snap: Snapshot) -> dict[str, Any]:
        """What is made of the snapshot's posts alone (see ``_post_kinds``); the posts dict is kept
        with its entry, so its id stays its own."""
        posts = snap.posts
        found = self._by_posts.get(id(posts))
        if found is not None and found[0] is posts:
            return found[1]
        made = next((m for seen, m in self._post_kinds if _same_items(seen, posts)), None)
        if made is None:
            made = {}
            self._post_kinds.append((posts, made))
        self._by_posts[id(posts)] = (posts, made)
        return made

    def full(self) -> bool:
        """Whether it holds too many organisations to be kept (each edit of a scenario makes a new one)."""
        return len(self._kinds) >= MAX_KINDS

    def bosses(self, snap: Snapshot) -> dict[str, str | None]:
        made = self._made(snap)
        if "bosses" not in made:
            made["bosses"] = soc.bosses(snap)
        found: dict[str, str | None] = made["bosses"]
        return found

    def span(self, snap: Snapshot) -> soc.SpanOfControl:
        made = self._made(snap)
        if "span" not in made:
            # The first organisation with these posts lends its spans to the others (soc's ``like``).
            of_posts = self._posts_made(snap)
            chain = self.bosses(snap)
            made["span"] = soc.span_of_control(snap, self.band, chain, of_posts.get("span_like"))
            of_posts.setdefault("span_like", (made["span"], chain))
        span: soc.SpanOfControl = made["span"]
        at = snap.at.isoformat()
        return span if span.at == at else replace(span, at=at)  # the same organisation on another day

    def head(self, snap: Snapshot) -> reorg.Headline:
        made = self._made(snap)
        if "head" not in made:
            # Its sums are of the posts alone; only the number of units is the organisation's.
            of_posts = self._posts_made(snap)
            if "head" not in of_posts:
                of_posts["head"] = reorg.headline(snap)
            head: reorg.Headline = of_posts["head"]
            made["head"] = head if head.units == len(snap.units) else replace(head, units=len(snap.units))
        found: reorg.Headline = made["head"]
        return found

    def fte(self, snap: Snapshot) -> dict[str, float]:
        made = self._posts_made(snap)  # FTE per unit: of the posts alone
        if "fte" not in made:
            made["fte"] = reorg.per_unit_fte(snap)
        fte: dict[str, float] = made["fte"]
        return fte

    def pyramid(self, snap: Snapshot) -> list[reorg.Layer]:
        made = self._made(snap)
        if "pyramid" not in made:
            made["pyramid"] = reorg.pyramid(snap, self.span(snap), self.bosses(snap))
        layers: list[reorg.Layer] = made["pyramid"]
        return layers

    def staff_changes(self, before: Snapshot, after: Snapshot) -> list[reorg.StaffChange]:
        """The staff whose unit or manager differs from ``before`` in ``after`` (kept with ``after``'s figures)."""
        made, base = self._made(after), self._made(before)
        pairs: list[tuple[dict[str, Any], list[reorg.StaffChange]]] = made.setdefault("staff_changes", [])
        found = next((changes for other, changes in pairs if other is base), None)
        if found is None:
            found = reorg.staff_changes(before, after, self.bosses(before), self.bosses(after))
            pairs.append((base, found))
        return found

    def cost(self, snap: Snapshot) -> costing.Cost:
        args = self.cost_args
        if args["table"] is None:
            return costing.personnel_cost(snap, **args)
        made = self._posts_made(snap)  # the posts' cost: of the posts alone
        if "posts_cost" not in made:
            made["posts_cost"] = costing.cost_of_posts(
                snap.posts, args["table"], args["charges"], args["step_rule"], self._post_costs
            )
        return costing.personnel_cost(snap, **args, costed=made["posts_cost"])
