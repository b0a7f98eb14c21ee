"""Span of control (span of control / leidinggevende spanwijdte): direct reports per manager.

Rules (also in docs/definities.md):

- A *manager post* is a post with the role ``manager``. The *line manager* of a unit is its
  manager post with the lowest id; further manager posts in the same unit (a deputy) report to
  that line manager.
- A *report* is a working staffing line: kind employee, external hire or loan in, with FTE > 0.
  Vacancies and secondments out are nobody's report. Headcount counts lines (two people sharing a
  post are two reports); FTE sums their FTE.
- Who a post reports to: its ``reports_to`` post when that is a manager post; otherwise a
  non-manager post reports to the line manager of its own unit, and a unit's line manager reports
  to the line manager of the nearest ancestor unit. A unit without a manager post therefore
  passes its staff (and its child units' managers) up to the nearest ancestor with a manager.
- The top manager reports to nobody inside the organisation (``top``); staff with no manager
  anywhere above them are ``unmanaged``. Every working line lands in exactly one of: a
  manager's span, ``top`` or ``unmanaged``.
- Layers: the largest number of managed units on one path from a root to a unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from raadhuis.analysis.common import WORKING_KINDS, Reason, ancestors, median, rounded, working_lines
from raadhuis.domain.model import Post, Snapshot

DEFAULT_BAND = (1, 15)
BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0", 0, 0),
    ("1-5", 1, 5),
    ("6-10", 6, 10),
    ("11-15", 11, 15),
    ("16-20", 16, 20),
    (">20", 21, None),
)


@dataclass
class ManagerSpan:
    post: str
    unit: str
    title: str
    headcount: int = 0
    fte: float = 0.0
    report_posts: list[str] = field(default_factory=list)
    vacant: bool = False
    staffing_unknown: bool = False  # the manager post's own staffing is not recorded
    unrecorded_reports: int = 0  # posts reporting here whose staffing is not recorded
    posts_reporting: int = 0  # every post reporting here, filled, vacant or not recorded

    @property
    def known(self) -> bool:
        """Whether the headcount is known: every post reporting here has its staffing recorded."""
        return self.unrecorded_reports == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "post": self.post,
            "unit": self.unit,
            "title": self.title,
            "headcount": self.headcount if self.known else None,
            "fte": rounded(self.fte),
            "report_posts": sorted(set(self.report_posts)),
            "vacant": self.vacant,
            "staffing_unknown": self.staffing_unknown,
            "unrecorded_reports": self.unrecorded_reports,
        }


@dataclass
class SpanOfControl:
    organisation: str
    at: str
    band: tuple[int, int]
    managers: list[ManagerSpan]
    layers: int
    units_without_manager: list[str]
    top_headcount: int
    unmanaged_headcount: int
    total_headcount: int
    distribution: dict[str, int]
    mean: float | None
    median: float | None
    minimum: int | None
    maximum: int | None
    outside_band: list[str]  # manager post ids
    reasons: list[Reason]
    unrecorded_posts: int = 0  # posts without any staffing recorded: their heads are unknown

    def to_dict(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation,
            "at": self.at,
            "band": list(self.band),
            "managers": [m.to_dict() for m in self.managers],
            "layers": self.layers,
            "units_without_manager": self.units_without_manager,
            "top_headcount": self.top_headcount,
            "unmanaged_headcount": self.unmanaged_headcount,
            "total_headcount": self.total_headcount,
            "distribution": self.distribution,
            "mean": rounded(self.mean),
            "median": rounded(self.median),
            "minimum": self.minimum,
            "maximum": self.maximum,
            "outside_band": self.outside_band,
            "unrecorded_posts": self.unrecorded_posts,
            "reasons": [r.to_dict() for r in self.reasons],
        }


def line_managers(snapshot: Snapshot) -> dict[str, str]:
    """unit id → its line manager post id (lowest id among its manager posts)."""
    out: dict[str, str] = {}
    for post in sorted((p for p in snapshot.posts.values() if "manager" in p.roles), key=_BY_ID):
        out.setdefault(post.unit, post.id)
    return out


_BY_ID = attrgetter("id")
_UNIT = attrgetter("unit")


class _Chains:
    """The ancestor chain of each unit, walked once per unit however many posts or questions ask for it."""

    def __init__(self, snapshot: Snapshot, line: dict[str, str]) -> None:
        self.snapshot = snapshot
        self.line = line
        self._chains: dict[str, list[str]] = {}
        self._own: dict[str, str | None] = {}
        self._above: dict[str, str | None] = {}

    def chain(self, unit_id: str) -> list[str]:
        found = self._chains.get(unit_id)
        if found is None:
            found = self._chains[unit_id] = ancestors(self.snapshot, unit_id)
        return found

    def own(self, unit_id: str) -> str | None:
        """The line manager of the unit or, lacking one, of its nearest ancestor: whom its staff report to."""
        if unit_id not in self._own:
            line = self.line
            self._own[unit_id] = next((line[u] for u in self.chain(unit_id) if u in line), None)
        return self._own[unit_id]

    def above(self, unit_id: str) -> str | None:
        """The line manager of the nearest ancestor unit that has one: whom the unit's line manager reports to."""
        if unit_id not in self._above:
            line = self.line
            self._above[unit_id] = next((line[u] for u in self.chain(unit_id)[1:] if u in line), None)
        return self._above[unit_id]

    def bosses(self, posts: list[Post]) -> list[str | None]:
        """Whom each of ``posts`` reports to, in their order.

        Most posts simply report to their unit's answer; only posts with a ``reports_to`` or a
        manager role can differ, so those alone are looked at one by one."""
        units = list(map(_UNIT, posts))
        own = {unit: self.own(unit) for unit in set(units)}
        out = list(map(own.__getitem__, units))
        by_id, line = self.snapshot.posts, self.line
        for i in [i for i, post in enumerate(posts) if post.reports_to or "manager" in post.roles]:
            post = posts[i]
            if post.reports_to:
                target = by_id.get(post.reports_to)
                if target is not None and "manager" in target.roles and target.id != post.id:
                    out[i] = target.id
                    continue
            if "manager" in post.roles and line.get(post.unit) == post.id:
                out[i] = self.above(post.unit)  # the line manager answers to the unit above
        return out


def boss(snapshot: Snapshot, post: Post, line: dict[str, str] | None = None) -> str | None:
    """The manager post that ``post`` reports to, or None (the top manager, or unmanaged staff).

    For one post; to ask it for many, use :func:`bosses`, which walks each unit's chain once."""
    return _Chains(snapshot, line_managers(snapshot) if line is None else line).bosses([post])[0]


def bosses(snapshot: Snapshot, line: dict[str, str] | None = None) -> dict[str, str | None]:
    """post id → the manager post it reports to (None: nobody), for every post in the snapshot's order."""
    chains = _Chains(snapshot, line_managers(snapshot) if line is None else line)
    posts = list(snapshot.posts.values())
    return dict(zip(map(_BY_ID, posts), chains.bosses(posts), strict=True))


def _layers(snapshot: Snapshot, chains: _Chains) -> int:
    line = chains.line
    deepest = 0
    for unit_id in snapshot.units:
        deepest = max(deepest, sum(1 for u in chains.chain(unit_id) if u in line))
    return deepest


def _bucket(headcount: int) -> str:
    for name, low, high in BUCKETS:
        if headcount >= low and (high is None or headcount <= high):
            return name
    return BUCKETS[-1][0]  # pragma: no cover


def span_of_control(
    snapshot: Snapshot,
    band: tuple[int, int] = DEFAULT_BAND,
    chain: Mapping[str, str | None] | None = None,
    like: tuple[SpanOfControl, Mapping[str, str | None]] | None = None,
) -> SpanOfControl:
    """``chain``: :func:`bosses` of the snapshot, when the caller made it already (a comparison
    of scenarios needs it for the pyramid and staff changes too): each post's boss is then looked
    up, not found again by walking its unit's ancestors.

    ``like``: the span of control and :func:`bosses` of another snapshot with the very same posts
    (the same objects, in the same order), as of a scenario that moves or renames units: a
    manager whose reports are the same posts as there keeps that span (the same object: read it,
    do not change it), and only the posts reporting to another manager than there are gone over."""
    low, high = band
    if low < 0 or high < low:
        raise ValueError(f"band moet 0 <= ondergrens <= bovengrens zijn, kreeg {band}")
    line = line_managers(snapshot)
    chains = _Chains(snapshot, line)
    ordered = sorted(snapshot.posts.values(), key=_BY_ID)
    found = chains.bosses(ordered) if chain is None else list(map(chain.__getitem__, map(_BY_ID, ordered)))
    # The spans kept from ``like``: of the managers no post reports to, or stops reporting to, here.
    # A post whose manager is among them reports to it there too, and every post reporting to it
    # there does here: the same posts in the same order, so its counts and sums are the same.
    kept: dict[str, ManagerSpan] = {}
    if like is not None:
        before, before_chain = like
        moved: set[str | None] = set()
        for post, boss in zip(ordered, found, strict=True):
            was = before_chain[post.id]
            if was != boss:
                moved.update((was, boss))
        kept = {m.post: m for m in before.managers if m.post not in moved}
    spans: dict[str, ManagerSpan] = {}
    for post in ordered:
        if "manager" in post.roles:
            spans[post.id] = kept.get(post.id) or ManagerSpan(
                post.id,
                post.unit,
                post.title,
                vacant=bool(post.staffing) and not working_lines(post),
                staffing_unknown=not post.staffing,
            )
    reasons: list[Reason] = []
    top = unmanaged = total = unrecorded = 0
    working = WORKING_KINDS
    get_span = spans.get
    for post, boss in zip(ordered, found, strict=True):
        if kept and boss in kept:
            continue  # its part is in the span kept (None, nobody, is never kept)
        target = get_span(boss) if boss is not None and boss != post.id else None
        if target is not None:
            target.posts_reporting += 1
        staffing = post.staffing
        if not staffing:
            # Nobody recorded is not nobody there: the heads in this post are unknown.
            unrecorded += 1
            if target is not None:
                target.unrecorded_reports += 1
            continue
        if len(staffing) == 1:  # most posts: one line, its FTE is the sum (0 + x is x)
            only = staffing[0]
            if only.kind not in working or not only.fte > 0:
                continue  # counts nowhere
            heads, fte = 1, only.fte
        else:
            # The FTE of each working line (the lines themselves are not needed: their count and sum).
            lines = [s.fte for s in staffing if s.kind in working and s.fte > 0]
            if not lines:
                continue  # counts nowhere
            heads, fte = len(lines), sum(lines)  # a list: the same additions, without a generator per post
        total += heads
        if boss is None:
            if "manager" in post.roles:
                top += heads
            else:
                unmanaged += heads
                reasons.append(
                    Reason(
                        "span.unmanaged",
                        f"{post.title} ({post.id}) heeft geen leidinggevende in de eenheid of erboven.",
                        f"{post.title} ({post.id}) has no manager in its unit or above.",
                        subject=post.id,
                    )
                )
            continue
        span = spans[boss] if target is None else target
        span.headcount += heads
        span.fte += fte
        span.report_posts.append(post.id)
    if like is not None:  # what the posts alone make, counted there over every post
        total, unrecorded = like[0].total_headcount, like[0].unrecorded_posts

    without = sorted(u for u in snapshot.units if u not in line)
    for unit_id in without:
        carrier = chains.above(unit_id)
        name = snapshot.units[unit_id].name
        if carrier is not None:
            reasons.append(
                Reason(
                    "span.unit_without_manager",
                    f"{name} heeft geen leidinggevende; de medewerkers tellen mee bij {carrier}.",
                    f"{name} has no manager; its staff count towards {carrier}.",
                    subject=unit_id,
                    params={"carrier": carrier},
                )
            )

    outside: list[str] = []
    if unrecorded:
        word_nl = "formatieplaats" if unrecorded == 1 else "formatieplaatsen"
        word_en = "post" if unrecorded == 1 else "posts"
        reasons.append(
            Reason(
                "span.staffing_unrecorded",
                f"Van {unrecorded} {word_nl} is de bezetting niet vastgelegd; wie daar werkt en dus hoeveel "
                "directe medewerkers een leidinggevende heeft, is daar onbekend.",
                f"For {unrecorded} {word_en} the staffing is not recorded; who works there, and so how many "
                "direct reports a manager has, is unknown there.",
                params={"posts": unrecorded},
            )
        )
    for span in spans.values():
        if span.staffing_unknown:
            reasons.append(
                Reason(
                    "span.manager_unrecorded",
                    f"Van de leidinggevende functie {span.title} ({span.post}) is de bezetting niet vastgelegd.",
                    f"The staffing of the manager post {span.title} ({span.post}) is not recorded.",
                    subject=span.post,
                )
            )
        if span.posts_reporting == 0:
            reasons.append(
                Reason(
                    "span.no_posts_reporting",
                    f"Onder de leidinggevende functie {span.title} ({span.post}) zijn geen formatieplaatsen "
                    "vastgelegd: 0 directe medewerkers volgens het register.",
                    f"No posts are recorded under the manager post {span.title} ({span.post}): 0 direct reports "
                    "according to the register.",
                    subject=span.post,
                )
            )
        if not span.known:
            continue  # its headcount is unknown or a lower bound: not judged against the band
        if span.vacant:
            reasons.append(
                Reason(
                    "span.manager_vacant",
                    f"De leidinggevende functie {span.title} ({span.post}) is niet bezet.",
                    f"The manager post {span.title} ({span.post}) is vacant.",
                    subject=span.post,
                )
            )
        if span.headcount < low:
            outside.append(span.post)
            reasons.append(
                Reason(
                    "span.below_band",
                    f"{span.title} ({span.post}) heeft {span.headcount} directe medewerkers, minder dan {low}.",
                    f"{span.title} ({span.post}) has {span.headcount} direct reports, fewer than {low}.",
                    subject=span.post,
                    params={"headcount": span.headcount, "low": low},
                )
            )
        elif span.headcount > high:
            outside.append(span.post)
            reasons.append(
                Reason(
                    "span.above_band",
                    f"{span.title} ({span.post}) heeft {span.headcount} directe medewerkers, meer dan {high}.",
                    f"{span.title} ({span.post}) has {span.headcount} direct reports, more than {high}.",
                    subject=span.post,
                    params={"headcount": span.headcount, "high": high},
                )
            )

    counts = [s.headcount for s in spans.values() if s.known]
    distribution = {name: 0 for name, _, _ in BUCKETS}
    for c in counts:
        distribution[_bucket(c)] += 1
    if not spans:
        reasons.append(
            Reason(
                "span.no_managers",
                "Er zijn geen leidinggevende functies (rol 'manager'); de spanwijdte is niet te bepalen.",
                "There are no manager posts (role 'manager'); span of control cannot be determined.",
            )
        )
    return SpanOfControl(
        organisation=snapshot.organisation,
        at=snapshot.at.isoformat(),
        band=(low, high),
        managers=list(spans.values()),
        layers=_layers(snapshot, chains),
        units_without_manager=without,
        top_headcount=top,
        unmanaged_headcount=unmanaged,
        total_headcount=total,
        distribution=distribution,
        mean=sum(counts) / len(counts) if counts else None,
        median=median(counts),
        minimum=min(counts) if counts else None,
        maximum=max(counts) if counts else None,
        outside_band=outside,
        reasons=reasons,
        unrecorded_posts=unrecorded,
    )


@dataclass
class SpanComparison:
    before: SpanOfControl
    after: SpanOfControl
    reasons: list[Reason]

    def to_dict(self) -> dict[str, Any]:
        keys = ("managers", "mean", "median", "maximum", "layers", "outside_band")
        summary = {k: {"before": _summary(self.before)[k], "after": _summary(self.after)[k]} for k in keys}
        return {
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "summary": summary,
            "reasons": [r.to_dict() for r in self.reasons],
        }


def _summary(s: SpanOfControl) -> dict[str, Any]:
    return {
        "managers": len(s.managers),
        "mean": rounded(s.mean),
        "median": rounded(s.median),
        "maximum": s.maximum,
        "layers": s.layers,
        "outside_band": len(s.outside_band),
    }


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def compare(before: Snapshot, after: Snapshot, band: tuple[int, int] = DEFAULT_BAND) -> SpanComparison:
    """Span of control before and after a change, e.g. three domains becoming five departments."""
    a, b = span_of_control(before, band), span_of_control(after, band)
    reasons = [
        Reason(
            "span.compare.managers",
            f"Aantal leidinggevenden: {len(a.managers)} → {len(b.managers)}.",
            f"Number of managers: {len(a.managers)} → {len(b.managers)}.",
            params={"before": len(a.managers), "after": len(b.managers)},
        ),
        Reason(
            "span.compare.mean",
            f"Gemiddeld aantal directe medewerkers per leidinggevende: {_fmt(a.mean)} → {_fmt(b.mean)}.",
            f"Mean direct reports per manager: {_fmt(a.mean)} → {_fmt(b.mean)}.",
            params={"before": rounded(a.mean), "after": rounded(b.mean)},
        ),
        Reason(
            "span.compare.layers",
            f"Aantal lagen: {a.layers} → {b.layers}.",
            f"Number of layers: {a.layers} → {b.layers}.",
            params={"before": a.layers, "after": b.layers},
        ),
    ]
    if a.mean is not None and b.mean is not None and b.mean < a.mean:
        reasons.append(
            Reason(
                "span.compare.fewer_per_manager",
                "Na de wijziging heeft een leidinggevende gemiddeld minder directe medewerkers.",
                "After the change a manager has fewer direct reports on average.",
            )
        )
    return SpanComparison(a, b, reasons)
