"""The section ``challenges`` (opgaven): codec and cross-reference checks.

One challenge is one record (kind ``challenge``, keyed by its id within its organisation). Checks:
the rules of :func:`raadhuis.domain.challenge.problems` (one of FTE or money per demand figure, no
negative demand, shares between 0 and 1), task-field codes on the BBV list, the organisation, and
the sources cited.
"""

from __future__ import annotations

from typing import Any

from raadhuis.canonical.evidence import amount, amount_out, organisation_of, proof, proof_out, when
from raadhuis.canonical.paths import Path
from raadhuis.canonical.programmes import check_sources
from raadhuis.canonical.sections import CheckContext, DecodeContext, Section, register
from raadhuis.domain import challenge as dom
from raadhuis.domain.challenge import Challenge, ChallengeDemand, ChallengeTaskField


def decode_challenge(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> Challenge | None:
    org = organisation_of(raw, path, ctx)
    if org is None:
        return None
    fields = []
    for j, t in enumerate(raw.get("task_fields", []) or []):
        if isinstance(t, str):
            fields.append(ChallengeTaskField(t))
        else:
            share = amount(t.get("share"), path + ("task_fields", j, "share"), ctx)
            fields.append(ChallengeTaskField(str(t["code"]), share, **proof(t)))
    demand = []
    for k, d in enumerate(raw.get("demand", []) or []):
        here = path + ("demand", k)
        demand.append(
            ChallengeDemand(
                fte=amount(d.get("fte"), here + ("fte",), ctx),
                amount=amount(d.get("amount"), here + ("amount",), ctx),
                currency=str(d.get("currency", "EUR")),
                task_field=d.get("task_field"),
                year=int(d["year"]) if d.get("year") is not None else None,
                **proof(d),
            )
        )
    return Challenge(
        id=str(raw["id"]),
        organisation=org,
        name=str(raw["name"]),
        task_fields=tuple(fields),
        start=when(raw, "from", path, ctx),
        end=when(raw, "to", path, ctx),
        demand=tuple(demand),
        description=raw.get("description"),
        **proof(raw),
    )


def challenge_to_dict(c: Challenge) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "organisation": c.organisation, "name": c.name}
    if c.description:
        out["description"] = c.description
    if c.task_fields:
        fields: list[Any] = []
        for t in c.task_fields:
            extra = proof_out(t) | ({"share": amount_out(t.share)} if t.share is not None else {})
            fields.append({"code": t.code} | extra if extra else t.code)
        out["task_fields"] = fields
    if c.start is not None:
        out["from"] = c.start.text
    if c.end is not None:
        out["to"] = c.end.text
    if c.demand:
        items = []
        for d in c.demand:
            item: dict[str, Any] = {}
            if d.fte is not None:
                item["fte"] = amount_out(d.fte)
            if d.amount is not None:
                item["amount"] = amount_out(d.amount)
                item["currency"] = d.currency
            if d.task_field:
                item["task_field"] = d.task_field
            if d.year is not None:
                item["year"] = d.year
            items.append(item | proof_out(d))
        out["demand"] = items
    return out | proof_out(c)


def _check(items: list[Challenge], ctx: CheckContext) -> None:
    from raadhuis.reference.taskfields import TASK_FIELDS

    known_codes = {t.code for t in TASK_FIELDS}
    orgs = ctx.organisation_ids()
    sources = ctx.source_ids()
    seen: dict[tuple[str, str], int] = {}
    for i, c in enumerate(items):
        path: Path = ("challenges", i)
        key = (c.organisation, c.id)
        if key in seen:
            ctx.error(path + ("id",), f"challenge {c.id!r} is given twice (also at challenges[{seen[key]}])")
        seen.setdefault(key, i)
        if c.organisation not in orgs:
            ctx.error(path + ("organisation",), f"unknown organisation {c.organisation!r}")
        for j, t in enumerate(c.task_fields):
            if t.code not in known_codes:
                ctx.error(
                    path + ("task_fields", j), f'unknown task field {t.code!r}; expected a BBV code such as "8.1"'
                )
        for where, message in dom.problems(c):
            ctx.error(path + where, message)
        check_sources(challenge_to_dict(c), path, sources, ctx)


CHALLENGES = register(
    Section(
        name="challenges",
        kind="challenge",
        decode=decode_challenge,
        encode=challenge_to_dict,
        key=lambda c: c.id,
        owner=lambda c: c.organisation,
        check=_check,
        description="Challenges (opgaven): demand that lands on task fields, with FTE or money where a source gives it.",
    )
)
