"""Capacity per task field (demand vs staffed FTE) and strategic capacity.

Per task field:

- staffed FTE = Σ over units carrying the task field of (unit staffed FTE × the unit's share),
  where unit staffed FTE is the working staffing (employee, external hire, loan in) of the
  unit's own posts;
- budgeted FTE likewise from post FTE;
- demand FTE = the entered FTE, or else norm FTE per 1,000 inhabitants × inhabitants / 1,000, plus
  the FTE of the challenges that land on the task field (analysis/demand.py); a challenge without
  a figure is listed on its task fields and counts nothing;
- gap = staffed − demand (negative: a shortage).

Strategic capacity: staffed FTE by role of the post. A post counts as *strategic/policy* when it
has the role ``strategic`` or ``policy``, else *management* for ``manager``, else *execution* for
``execution``, else *unclassified*. The strategic share is strategic/policy FTE ÷ classified FTE
(everything but unclassified). An "organisatie van doeners" (an organisation of doers) is one
whose execution share of the classified FTE reaches the threshold (default 0.8).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from raadhuis.analysis.common import WORKING_KINDS, Reason, rounded
from raadhuis.analysis.demand import ChallengeLine, Demand, DemandPart, demand_per_task_field
from raadhuis.analysis.vulnerability import UnitFiguresMade, figures_of
from raadhuis.domain.challenge import Challenge
from raadhuis.domain.model import Post, Snapshot
from raadhuis.i18n.formatting import format_fte as _f
from raadhuis.i18n.formatting import format_percent as _pct
from raadhuis.reference.taskfields import sort_key

DOERS_THRESHOLD = 0.8

__all__ = ["Demand", "capacity", "strategic_capacity"]  # Demand lives in analysis/demand.py


@dataclass
class TaskFieldCapacity:
    code: str
    name: str
    staffed_fte: float = 0.0
    budgeted_fte: float = 0.0
    demand_fte: float | None = None
    units: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    demand_parts: list[DemandPart] = field(default_factory=list)
    unrecorded_fte: float = 0.0  # budgeted FTE of posts without any staffing recorded

    @property
    def gap(self) -> float | None:
        """Staffed minus demand; unknown while part of the staffing is not recorded (the staffed
        FTE would only be a lower bound, and a shortage would be a guess)."""
        if self.demand_fte is None or self.unrecorded_fte > 0:
            return None
        return self.staffed_fte - self.demand_fte

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "staffed_fte": rounded(self.staffed_fte),
            "budgeted_fte": rounded(self.budgeted_fte),
            "demand_fte": rounded(self.demand_fte),
            "gap": rounded(self.gap),
            "unrecorded_fte": rounded(self.unrecorded_fte),
            "units": self.units,
            "challenges": list(dict.fromkeys(p.challenge for p in self.demand_parts if p.challenge)),
            "demand_parts": [p.to_dict() for p in self.demand_parts],
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass
class StrategicCapacity:
    strategic_policy_fte: float
    management_fte: float
    execution_fte: float
    unclassified_fte: float
    threshold: float
    reasons: list[Reason]

    @property
    def classified_fte(self) -> float:
        return self.strategic_policy_fte + self.management_fte + self.execution_fte

    @property
    def strategic_share(self) -> float | None:
        return self.strategic_policy_fte / self.classified_fte if self.classified_fte > 0 else None

    @property
    def execution_share(self) -> float | None:
        return self.execution_fte / self.classified_fte if self.classified_fte > 0 else None

    @property
    def organisation_of_doers(self) -> bool | None:
        """Yes or no; None ("niet te bepalen") when no staffing with a role is recorded."""
        share = self.execution_share
        return None if share is None else share >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "strategic_policy_fte": rounded(self.strategic_policy_fte),
            "management_fte": rounded(self.management_fte),
            "execution_fte": rounded(self.execution_fte),
            "unclassified_fte": rounded(self.unclassified_fte),
            "strategic_share": rounded(self.strategic_share, 3),
            "execution_share": rounded(self.execution_share, 3),
            "threshold": self.threshold,
            "organisation_of_doers": self.organisation_of_doers,
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass
class Capacity:
    organisation: str
    at: str
    inhabitants: int | None
    task_fields: list[TaskFieldCapacity]
    unassigned_fte: float  # staffed FTE of units without (all of) their capacity on task fields
    strategic: StrategicCapacity | None  # None: not asked for (``capacity(with_strategic=False)``)
    reasons: list[Reason]
    challenges: list[ChallengeLine] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation,
            "at": self.at,
            "inhabitants": self.inhabitants,
            "task_fields": [t.to_dict() for t in self.task_fields],
            "challenges": [c.to_dict() for c in self.challenges],
            "unassigned_fte": rounded(self.unassigned_fte),
            "strategic": self.strategic.to_dict() if self.strategic is not None else None,
            "reasons": [r.to_dict() for r in self.reasons],
        }


def _role_class(post: Post) -> str:
    if "strategic" in post.roles or "policy" in post.roles:
        return "strategic_policy"
    if "manager" in post.roles:
        return "management"
    if "execution" in post.roles:
        return "execution"
    return "unclassified"


def strategic_capacity(snapshot: Snapshot, threshold: float = DOERS_THRESHOLD) -> StrategicCapacity:
    totals = {"strategic_policy": 0.0, "management": 0.0, "execution": 0.0, "unclassified": 0.0}
    working = WORKING_KINDS
    for post in snapshot.posts.values():
        staffing = post.staffing
        if staffing:  # a post without staffing adds nothing (0 to a sum of positive FTE leaves it as it is)
            roles = post.roles  # _role_class written out: this runs for every post
            role = (
                "strategic_policy"
                if "strategic" in roles or "policy" in roles
                else "management"
                if "manager" in roles
                else "execution"
                if "execution" in roles
                else "unclassified"
            )
            if len(staffing) == 1:  # most posts: one line (its sum is 0 + its FTE, as ``sum`` adds)
                line = staffing[0]
                totals[role] += 0 + line.fte if line.kind in working and line.fte > 0 else 0
            else:
                totals[role] += sum([s.fte for s in staffing if s.kind in working and s.fte > 0])
    result = StrategicCapacity(
        totals["strategic_policy"], totals["management"], totals["execution"], totals["unclassified"], threshold, []
    )
    if result.classified_fte <= 0:
        result.reasons.append(
            Reason(
                "capacity.no_roles",
                "Geen bezette functies met een rol (strategisch, beleid, leiding, uitvoering); strategische capaciteit is niet te bepalen.",
                "No staffed posts with a role (strategic, policy, manager, execution); strategic capacity cannot be determined.",
            )
        )
        return result
    share = result.execution_share or 0.0
    if result.organisation_of_doers:
        result.reasons.append(
            Reason(
                "capacity.doers",
                f"{_pct(share)} van de bezetting met een rol werkt in de uitvoering: een organisatie van doeners "
                f"(drempel {_pct(threshold)}).",
                f"{share:.0%} of the staffing with a role works in execution: an organisation of doers "
                f"(threshold {threshold:.0%}).",
                params={"execution_share": rounded(share, 3), "threshold": threshold},
            )
        )
    if result.unclassified_fte > 0:
        result.reasons.append(
            Reason(
                "capacity.unclassified",
                f"{_f(result.unclassified_fte)} fte zit in functies zonder rol en telt niet mee in de verhouding.",
                f"{result.unclassified_fte:.2f} FTE is in posts without a role and is left out of the ratio.",
                params={"fte": rounded(result.unclassified_fte)},
            )
        )
    return result


def capacity(
    snapshot: Snapshot,
    demand: Mapping[str, Demand] | None = None,
    inhabitants: int | None = None,
    task_field_names: Mapping[str, str] | None = None,
    doers_threshold: float = DOERS_THRESHOLD,
    challenges: Iterable[Challenge] = (),
    made: UnitFiguresMade | None = None,
    with_strategic: bool = True,
) -> Capacity:
    """``made``: the figures of units' posts that :func:`raadhuis.analysis.vulnerability.vulnerability`
    made (or makes here, for it): a unit's staffed, budgeted and unrecorded FTE are the sums of
    those lists, the same additions in the same order. ``with_strategic``: False leaves out the
    strategic capacity (``strategic`` is None), for a caller that does not show it."""
    demand = demand or {}
    names = task_field_names or {}
    fields: dict[str, TaskFieldCapacity] = {}
    reasons: list[Reason] = []
    unassigned = 0.0
    by_unit = snapshot.posts_by_unit()
    for unit in sorted(snapshot.units.values(), key=lambda u: u.id):
        posts = by_unit.get(unit.id, [])
        if made is not None:
            figures = figures_of(posts, made)
            staffed, budgeted, unrecorded = sum(figures.staffed), sum(figures.fte), sum(figures.unrecorded)
        else:
            # staffed_fte(posts) written out: this runs for every unit, and the calls cost more than the sums
            staffed = sum([s.fte for p in posts for s in p.staffing if s.kind in WORKING_KINDS and s.fte > 0])
            budgeted = sum([p.fte for p in posts])  # lists, not generators: the same additions, for every unit
            unrecorded = sum([p.fte for p in posts if not p.staffing])
        total_share = sum(max(0.0, s.share) for s in unit.task_fields)
        if total_share > 1.0 + 1e-9:
            reasons.append(
                Reason(
                    "capacity.shares_above_one",
                    f"De taakveldaandelen van {unit.name} tellen op tot {_f(total_share)} (meer dan 1).",
                    f"The task-field shares of {unit.name} add up to {total_share:.2f} (more than 1).",
                    subject=unit.id,
                )
            )
        unassigned += staffed * max(0.0, 1.0 - total_share)
        for share in unit.task_fields:
            item = fields.setdefault(share.code, TaskFieldCapacity(share.code, names.get(share.code, share.code)))
            item.staffed_fte += staffed * share.share
            item.budgeted_fte += budgeted * share.share
            item.unrecorded_fte += unrecorded * share.share
            item.units.append(unit.id)
    wanted = demand_per_task_field(demand, challenges, snapshot.at, inhabitants)
    for code, d in wanted.task_fields.items():
        item = fields.setdefault(code, TaskFieldCapacity(code, names.get(code, code)))
        item.demand_fte = d.fte
        item.demand_parts = d.parts
        item.reasons.extend(d.reasons)
        gap = item.gap
        if item.demand_fte is not None and item.unrecorded_fte > 0:
            item.reasons.append(
                Reason(
                    "capacity.staffing_unrecorded",
                    f"Taakveld {code}: van {_f(item.unrecorded_fte)} fte formatie is de bezetting niet vastgelegd; "
                    "of er een tekort is, is niet te zeggen.",
                    f"Task field {code}: for {item.unrecorded_fte:.2f} FTE of the establishment the staffing is not "
                    "recorded; whether there is a shortage cannot be said.",
                    subject=code,
                    params={"unrecorded_fte": rounded(item.unrecorded_fte)},
                )
            )
        if gap is not None and gap < 0:
            item.reasons.append(
                Reason(
                    "capacity.shortage",
                    f"Taakveld {code}: {_f(item.staffed_fte)} fte bezet tegenover een vraag van "
                    f"{_f(item.demand_fte)} fte, een tekort van {_f(-gap)} fte.",
                    f"Task field {code}: {item.staffed_fte:.2f} FTE staffed against a demand of "
                    f"{item.demand_fte:.2f} FTE, a shortage of {-gap:.2f} FTE.",
                    subject=code,
                    params={"gap": rounded(gap)},
                )
            )
        elif gap is not None and gap > 0:
            item.reasons.append(
                Reason(
                    "capacity.surplus",
                    f"Taakveld {code}: {_f(gap)} fte meer bezet dan gevraagd.",
                    f"Task field {code}: {gap:.2f} FTE more staffed than demanded.",
                    subject=code,
                    params={"gap": rounded(gap)},
                )
            )
    ordered = sorted(fields.values(), key=lambda t: sort_key(t.code))
    return Capacity(
        organisation=snapshot.organisation,
        at=snapshot.at.isoformat(),
        inhabitants=inhabitants,
        task_fields=ordered,
        unassigned_fte=unassigned,
        strategic=strategic_capacity(snapshot, doers_threshold) if with_strategic else None,
        reasons=reasons,
        challenges=wanted.challenges,
    )
