"""Personnel cost of the formation (personeelslasten van de formatie) on one day.

Rules (also in docs/scenarios.md):

- cost per post per year = monthly amount for its scale and step × 12 × the post's budgeted FTE
  × (1 + employer's charges ÷ 100);
- the monthly amount comes from the salary table valid on the day; when no table is valid yet the
  earliest is used and the figure says it is at that table's price level;
- a post's step: the one its scale names (``"11/7"``), else the step rule (``salary.STEP_RULES``;
  default the scale's maximum) — an assumption, said in the figure;
- a post without a scale, or with a scale the table does not have, has an unknown cost: the total
  is then unknown (``None``) and the known part is given apart with what is missing — never a
  total that silently leaves posts out.

Every figure carries ``assumptions``: the step rule, the charges percentage (unless the table
cites it), an illustrative table, a price level other than the day's. A figure from assumptions
is marked as such on screen, in JSON, Excel and PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from raadhuis.analysis.common import Reason, rounded
from raadhuis.domain.model import Post, Snapshot
from raadhuis.domain.salary import DEFAULT_STEP_RULE, STEP_RULES, SalaryTable, parse_scale, rule_step
from raadhuis.i18n.formatting import format_date, format_money, format_number

MONTHS = 12


@dataclass(frozen=True)
class PostCost:
    post: str
    unit: str
    title: str
    fte: float
    scale: str | None
    step: int | None
    monthly: float | None
    yearly: float | None  # None: unknown
    step_assumed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "post": self.post,
            "unit": self.unit,
            "title": self.title,
            "fte": rounded(self.fte),
            "scale": self.scale,
            "step": self.step,
            "monthly": self.monthly,
            "yearly": rounded(self.yearly),
            "step_assumed": self.step_assumed,
        }


@dataclass
class Cost:
    at: str
    table: str | None
    charges: float
    step_rule: str
    total: float | None  # None when a post's cost is unknown
    known: float  # the sum over posts whose cost is known
    posts: list[PostCost] = field(default_factory=list)
    by_unit: dict[str, float] = field(default_factory=dict)
    unknown_posts: list[str] = field(default_factory=list)
    assumptions: list[Reason] = field(default_factory=list)  # what the figure rests on (Dutch and English)
    reasons: list[Reason] = field(default_factory=list)

    @property
    def assumption(self) -> str | None:
        """The assumptions in one Dutch text (the ``assumption`` mark every figure carries), or None."""
        return "; ".join(a.nl for a in self.assumptions) or None

    def to_dict(self, with_posts: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "at": self.at,
            "table": self.table,
            "charges": self.charges,
            "step_rule": self.step_rule,
            "total": rounded(self.total),
            "known": rounded(self.known),
            "by_unit": {k: rounded(v) for k, v in sorted(self.by_unit.items())},
            "unknown_posts": self.unknown_posts,
            "assumption": self.assumption,
            "assumptions": [a.to_dict() for a in self.assumptions],
            "reasons": [r.to_dict() for r in self.reasons],
        }
        if with_posts:
            out["posts"] = [p.to_dict() for p in self.posts]
        return out


@dataclass(frozen=True)
class PostsCost:
    """The part of a cost that depends on the posts alone (not on the day): what two days of one
    organisation, or a scenario and its baseline before the scenario changes anything, share."""

    posts: tuple[PostCost, ...]
    known: float
    by_unit: tuple[tuple[str, float], ...]
    unknown_posts: tuple[str, ...]
    assumed_step: bool  # a step came from the step rule


def _post_cost(
    post: Post,
    table: SalaryTable,
    amounts: Mapping[tuple[str, int], float],
    steps: dict[str, list[int]],
    factor: float,
    step_rule: str,
    scales: dict[str, tuple[str, int | None] | None] | None = None,
) -> PostCost:
    text = post.scale
    if scales is not None and isinstance(text, str) and text in scales:
        parsed = scales[text]  # posts share a few scale texts: each is read once per costing
    else:
        parsed = parse_scale(text)
        if scales is not None and isinstance(text, str):
            scales[text] = parsed
    if parsed is None:
        return PostCost(post.id, post.unit, post.title, post.fte, post.scale, None, None, None)
    scale, step = parsed
    guessed = step is None
    if step is None:
        found = steps.get(scale)
        if found is None:
            found = steps[scale] = table.steps(scale)
        step = rule_step(found, step_rule) if found else None
    monthly = amounts.get((scale, step)) if step is not None else None
    if monthly is None:
        return PostCost(post.id, post.unit, post.title, post.fte, scale, step, None, None, guessed)
    return PostCost(
        post.id, post.unit, post.title, post.fte, scale, step, monthly, monthly * factor * post.fte, guessed
    )


def cost_of_posts(
    posts: Mapping[str, Post],
    table: SalaryTable,
    charges: float,
    step_rule: str,
    known: dict[int, tuple[Post, PostCost]] | None = None,
) -> PostsCost:
    """Each post's yearly cost and their sums (see the module's rules), in the order of the posts' ids.

    ``known``: the costs of posts made before with the same table, charges and step rule, by the
    ``id`` of the post object (kept with it, so the id stays its own); the new ones are added. The
    snapshots of one comparison share most of their post objects."""
    amounts = table.amounts()
    steps: dict[str, list[int]] = {}
    scales: dict[str, tuple[str, int | None] | None] = {}
    factor = MONTHS * (1 + charges / 100)
    assumed_step = False
    total = 0.0
    by_unit: dict[str, float] = {}
    unknown: list[str] = []
    out: list[PostCost] = []
    for post in sorted(posts.values(), key=lambda p: p.id):
        hit = known.get(id(post)) if known is not None else None
        if hit is not None and hit[0] is post:
            made = hit[1]
        else:
            made = _post_cost(post, table, amounts, steps, factor, step_rule, scales)
            if known is not None:
                known[id(post)] = (post, made)
        out.append(made)
        if made.yearly is None:
            unknown.append(post.id)
            continue
        assumed_step = assumed_step or made.step_assumed
        total += made.yearly
        by_unit[post.unit] = by_unit.get(post.unit, 0.0) + made.yearly
    return PostsCost(tuple(out), total, tuple(by_unit.items()), tuple(unknown), assumed_step)


def personnel_cost(
    snapshot: Snapshot,
    table: SalaryTable | None,
    charges: float,
    step_rule: str = DEFAULT_STEP_RULE,
    charges_assumption: str | None = None,
    later_price_level: bool = False,
    costed: PostsCost | None = None,
) -> Cost:
    """The formation's personnel cost on the snapshot's day (see the module's rules). ``costed``:
    :func:`cost_of_posts` of these very posts with the same table, charges and step rule, made before."""
    if step_rule not in STEP_RULES:
        raise ValueError(f"expected a step rule among {', '.join(STEP_RULES)}, got {step_rule!r}")
    at = snapshot.at
    cost = Cost(at.isoformat(), table.id if table else None, charges, step_rule, None, 0.0)
    if table is None:
        cost.unknown_posts = sorted(snapshot.posts)
        cost.reasons.append(
            Reason(
                "cost.no_table",
                "Er is geen salaristabel; de personeelslasten zijn onbekend.",
                "There is no salary table; the personnel cost is unknown.",
            )
        )
        return cost
    made = costed or cost_of_posts(snapshot.posts, table, charges, step_rule)
    cost.posts, cost.known, cost.by_unit = list(made.posts), made.known, dict(made.by_unit)
    cost.unknown_posts = list(made.unknown_posts)
    assumed_step = made.assumed_step
    if not cost.unknown_posts:
        cost.total = cost.known
    else:
        n = len(cost.unknown_posts)
        cost.reasons.append(
            Reason(
                "cost.unknown_posts",
                f"Van {n} {'formatieplaats' if n == 1 else 'formatieplaatsen'} is de schaal niet vastgelegd of niet "
                f"in de salaristabel: de totale lasten zijn onbekend (bekend deel: {format_money(cost.known)}).",
                f"For {n} {'post' if n == 1 else 'posts'} the scale is not recorded or not in the salary table: the "
                f"total cost is unknown (known part: {format_money(cost.known, 'en')}).",
                params={"posts": n},
            )
        )
    if not cost.posts or cost.known == 0:
        return cost  # nothing was costed: no figure rests on the rule, the charges or the table
    if assumed_step:
        nl, en = _RULE_TEXT[step_rule]
        cost.assumptions.append(Reason(f"cost.step_{step_rule}", nl, en))
    if charges_assumption:
        cost.assumptions.append(Reason("cost.charges", charges_assumption, charges_assumption))
    else:
        cost.assumptions.append(
            Reason(
                "cost.charges",
                f"opslag werkgeverslasten {format_number(charges)}% (aanname, instelbaar)",
                f"employer's charges {format_number(charges, 'en')}% (assumption, configurable)",
            )
        )
    if table.assumption:
        why = table.assumption if isinstance(table.assumption, str) else f"salaristabel {table.name} is illustratief"
        cost.assumptions.append(Reason("cost.illustrative_table", why, why))
    if later_price_level:
        cost.assumptions.append(
            Reason(
                "cost.price_level",
                f"prijspeil {format_date(table.valid_from.text)} ({table.name}): geen salaristabel geldig op "
                f"{format_date(at)}",
                f"price level of {format_date(table.valid_from.text, 'en')} ({table.name}): no salary table valid on "
                f"{format_date(at, 'en')}",
            )
        )
    return cost


_RULE_TEXT = {
    "maximum": ("trede: maximum van de schaal (geen trede vastgelegd)", "step: the scale's maximum (no step recorded)"),
    "middle": (
        "trede: midden van de schaal (geen trede vastgelegd)",
        "step: the middle of the scale (no step recorded)",
    ),
    "minimum": (
        "trede: begin van de schaal (geen trede vastgelegd)",
        "step: the start of the scale (no step recorded)",
    ),
}
