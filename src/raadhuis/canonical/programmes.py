"""The sections ``programmes`` and ``progress_scales``: codec and cross-reference checks.

One programme is one record (kind ``programme``, keyed by its id within its organisation). A form
that records a reading, a milestone reached or a spend writes a new version of that record; the
record log keeps every earlier version with who, when and why (docs/programmas.md says why this
granularity). A progress scale declared for an organisation is a record of its own (kind
``progress_scale``); a scale used by one programme only may be declared in it (``scales``).

Checks (each error names its place, the file format adds file and line): the rules of
:func:`raadhuis.domain.programme.problems` (negative amounts, allocations above the total, a
milestone outside the period without saying so, a reading on an unknown scale or off its scale),
and the references to the register: organisation, owner, linked units and posts, change events,
challenges, the programme it is part of, and the sources cited.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from raadhuis.canonical.evidence import (
    amount,
    amount_out,
    choice,
    organisation_of,
    proof,
    proof_out,
    statement,
    statement_out,
    when,
)
from raadhuis.canonical.paths import Path
from raadhuis.canonical.sections import CheckContext, DecodeContext, Section, register
from raadhuis.domain import programme as dom
from raadhuis.domain.programme import (
    Allocation,
    BudgetYear,
    EventRelation,
    LinkedEvents,
    Milestone,
    MilestoneStatus,
    Owner,
    Period,
    Programme,
    ProgrammePost,
    ProgrammeStatus,
    ProgressReading,
    ProgressScale,
    Reading,
    ScaleLevel,
    Spend,
)

# --- progress scales ------------------------------------------------------------------------


def decode_scale(raw: dict[str, Any], path: Path, ctx: DecodeContext, organisation: str | None) -> ProgressScale:
    levels = []
    for j, lv in enumerate(raw.get("levels", []) or []):
        levels.append(
            ScaleLevel(
                value=str(lv["value"]),
                reading=choice(Reading, lv.get("reading"), path + ("levels", j, "reading"), ctx, Reading.AMBER),
                label=lv.get("label"),
                **proof(lv),
            )
        )
    return ProgressScale(
        id=str(raw["id"]),
        organisation=organisation,
        name=str(raw.get("name") or raw["id"]),
        levels=tuple(levels),
        description=raw.get("description"),
        **proof(raw),
    )


def scale_to_dict(s: ProgressScale, with_organisation: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id}
    if with_organisation and s.organisation:
        out["organisation"] = s.organisation
    out["name"] = s.name
    if s.description:
        out["description"] = s.description
    levels = []
    for lv in s.levels:
        item: dict[str, Any] = {"value": lv.value, "reading": lv.reading.value}
        if lv.label:
            item["label"] = lv.label
        levels.append(item | proof_out(lv))
    out["levels"] = levels
    return out | proof_out(s)


def _decode_scale_item(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> ProgressScale | None:
    org = organisation_of(raw, path, ctx)
    return decode_scale(raw, path, ctx, org) if org else None


def _check_scales(items: list[ProgressScale], ctx: CheckContext) -> None:
    orgs = ctx.organisation_ids()
    sources = ctx.source_ids()
    seen: dict[tuple[str | None, str], int] = {}
    for i, s in enumerate(items):
        path: Path = ("progress_scales", i)
        if s.organisation not in orgs:
            ctx.error(path + ("organisation",), f"unknown organisation {s.organisation!r}")
        key = (s.organisation, s.id)
        if key in seen:
            ctx.error(
                path + ("id",), f"progress scale {s.id!r} is declared twice (also at progress_scales[{seen[key]}])"
            )
        seen.setdefault(key, i)
        for where, message in dom.scale_problems(s):
            ctx.error(path + where, message)
        check_sources(scale_to_dict(s), path, sources, ctx)


SCALES = register(
    Section(
        name="progress_scales",
        kind="progress_scale",
        decode=_decode_scale_item,
        encode=scale_to_dict,
        key=lambda s: s.id,
        owner=lambda s: s.organisation,
        check=_check_scales,
        description="An organisation's scale for progress readings: each value as sources write it and its reading.",
    )
)


# --- programmes -----------------------------------------------------------------------------


def decode_programme(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> Programme | None:
    org = organisation_of(raw, path, ctx)
    if org is None:
        return None
    period_raw = raw.get("period") or {}
    period = Period(
        when(period_raw, "from", path + ("period",), ctx),
        when(period_raw, "to", path + ("period",), ctx),
        **proof(period_raw),
    )
    budget = []
    for i, b in enumerate(raw.get("budget", []) or []):
        here = path + ("budget", i)
        allocations = tuple(
            Allocation(
                str(a["purpose"]), amount(a["amount"], here + ("allocations", j, "amount"), ctx) or 0.0, **proof(a)
            )
            for j, a in enumerate(b.get("allocations", []) or [])
        )
        spending = tuple(
            Spend(
                amount(s["amount"], here + ("spending", j, "amount"), ctx) or 0.0,
                when(s, "date", here + ("spending", j), ctx),
                s.get("purpose"),
                **proof(s),
            )
            for j, s in enumerate(b.get("spending", []) or [])
        )
        budget.append(
            BudgetYear(
                year=int(b["year"]),
                total=amount(b.get("total"), here + ("total",), ctx),
                currency=str(b.get("currency", "EUR")),
                allocations=allocations,
                spending=spending,
                **proof(b),
            )
        )
    owner = None
    if raw.get("owner") is not None:
        o = raw["owner"]
        owner = Owner(o.get("unit"), o.get("post"), o.get("name"), **proof(o))
    posts = tuple(
        ProgrammePost(
            role=str(p["role"]),
            post=p.get("post"),
            unit=p.get("unit"),
            count=int(p["count"]) if p.get("count") is not None else None,
            created_for=bool(p.get("created_for", False)),
            leads=bool(p.get("leads", False)),
            **proof(p),
        )
        for p in raw.get("posts", []) or []
    )
    milestones = []
    for k, m in enumerate(raw.get("milestones", []) or []):
        here = path + ("milestones", k)
        outside = m.get("outside_period", False)
        milestones.append(
            Milestone(
                id=str(m["id"]),
                title=str(m["title"]),
                date=when(m, "date", here, ctx),
                status=choice(MilestoneStatus, m.get("status"), here + ("status",), ctx, MilestoneStatus.PLANNED),
                status_date=when(m, "status_date", here, ctx),
                outside_period=outside.strip() or False if isinstance(outside, str) else bool(outside),
                **proof(m),
            )
        )
    progress = []
    for k, r in enumerate(raw.get("progress", []) or []):
        day = when(r, "date", path + ("progress", k), ctx)
        if day is None:
            if r.get("date") is None:
                ctx.error(path + ("progress", k, "date"), "a reading needs 'date': when it was read")
            continue
        progress.append(ProgressReading(day, str(r["value"]), r.get("scale"), r.get("note"), **proof(r)))
    links = []
    for k, e in enumerate(raw.get("events", []) or []):
        links.append(
            LinkedEvents(
                events=tuple(str(x) for x in e.get("events", []) or []),
                relation=choice(
                    EventRelation, e.get("relation"), path + ("events", k, "relation"), ctx, EventRelation.PART
                ),
                title=e.get("title"),
                note=e.get("note"),
                **proof(e),
            )
        )
    scales = tuple(decode_scale(s, path + ("scales", j), ctx, org) for j, s in enumerate(raw.get("scales", []) or []))
    return Programme(
        id=str(raw["id"]),
        organisation=org,
        name=str(raw["name"]),
        kind=str(raw.get("kind", "programma")),
        goal=statement(raw.get("goal")),
        approach=statement(raw.get("approach")),
        principles=tuple(s for s in (statement(x) for x in raw.get("principles", []) or []) if s is not None),
        period=period,
        status=choice(ProgrammeStatus, raw.get("status"), path + ("status",), ctx),
        owner=owner,
        budget=tuple(budget),
        posts=posts,
        milestones=tuple(milestones),
        progress=tuple(progress),
        scale=raw.get("scale"),
        scales=scales,
        units=tuple(str(u) for u in raw.get("units", []) or []),
        task_fields=tuple(str(t) for t in raw.get("task_fields", []) or []),
        challenges=tuple(str(c) for c in raw.get("challenges", []) or []),
        events=tuple(links),
        part_of=raw.get("part_of"),
        description=raw.get("description"),
        **proof(raw),
    )


def programme_to_dict(p: Programme) -> dict[str, Any]:
    out: dict[str, Any] = {"id": p.id, "organisation": p.organisation, "name": p.name, "kind": p.kind}
    if p.part_of:
        out["part_of"] = p.part_of
    if p.description:
        out["description"] = p.description
    for key in ("goal", "approach"):
        value = getattr(p, key)
        if value is not None:
            out[key] = statement_out(value)
    if p.principles:
        out["principles"] = [statement_out(s) for s in p.principles]
    period: dict[str, Any] = {}
    if p.period.start is not None:
        period["from"] = p.period.start.text
    if p.period.end is not None:
        period["to"] = p.period.end.text
    period.update(proof_out(p.period))
    if period:
        out["period"] = period
    if p.status is not None:
        out["status"] = p.status.value
    if p.owner is not None:
        owner = {k: getattr(p.owner, k) for k in ("unit", "post", "name") if getattr(p.owner, k)}
        out["owner"] = owner | proof_out(p.owner)
    if p.budget:
        out["budget"] = [_budget_year_out(b) for b in p.budget]
    if p.posts:
        out["posts"] = [_post_out(x) for x in p.posts]
    if p.milestones:
        out["milestones"] = [_milestone_out(m) for m in p.milestones]
    if p.scale:
        out["scale"] = p.scale
    if p.scales:
        out["scales"] = [scale_to_dict(s, with_organisation=False) for s in p.scales]
    if p.progress:
        out["progress"] = [_reading_out(r) for r in p.progress]
    for key in ("units", "task_fields", "challenges"):
        if getattr(p, key):
            out[key] = list(getattr(p, key))
    if p.events:
        out["events"] = [_link_out(e) for e in p.events]
    return out | proof_out(p)


def _budget_year_out(b: BudgetYear) -> dict[str, Any]:
    out: dict[str, Any] = {"year": b.year}
    if b.total is not None:
        out["total"] = amount_out(b.total)
    out["currency"] = b.currency
    if b.allocations:
        out["allocations"] = [
            {"purpose": a.purpose, "amount": amount_out(a.amount)} | proof_out(a) for a in b.allocations
        ]
    if b.spending:
        spends = []
        for s in b.spending:
            item: dict[str, Any] = {"amount": amount_out(s.amount)}
            if s.date is not None:
                item["date"] = s.date.text
            if s.purpose:
                item["purpose"] = s.purpose
            spends.append(item | proof_out(s))
        out["spending"] = spends
    return out | proof_out(b)


def _post_out(p: ProgrammePost) -> dict[str, Any]:
    out: dict[str, Any] = {"role": p.role}
    for key in ("post", "unit", "count"):
        if getattr(p, key) is not None:
            out[key] = getattr(p, key)
    if p.created_for:
        out["created_for"] = True
    if p.leads:
        out["leads"] = True
    return out | proof_out(p)


def _milestone_out(m: Milestone) -> dict[str, Any]:
    out: dict[str, Any] = {"id": m.id, "title": m.title}
    if m.date is not None:
        out["date"] = m.date.text
    out["status"] = m.status.value
    if m.status_date is not None:
        out["status_date"] = m.status_date.text
    if m.outside_period:
        out["outside_period"] = m.outside_period
    return out | proof_out(m)


def _reading_out(r: ProgressReading) -> dict[str, Any]:
    out: dict[str, Any] = {"date": r.date.text, "value": r.value}
    if r.scale:
        out["scale"] = r.scale
    if r.note:
        out["note"] = r.note
    return out | proof_out(r)


def _link_out(e: LinkedEvents) -> dict[str, Any]:
    out: dict[str, Any] = {"events": list(e.events), "relation": e.relation.value}
    if e.title:
        out["title"] = e.title
    if e.note:
        out["note"] = e.note
    return out | proof_out(e)


def _check_programmes(items: list[Programme], ctx: CheckContext) -> None:
    orgs = ctx.organisation_ids()
    sources = ctx.source_ids()
    all_programmes = ctx.section_items("programmes")
    programme_keys = {(p.organisation, p.id) for p in all_programmes}
    challenge_keys = {(c.organisation, c.id) for c in ctx.section_items("challenges")}
    org_scales = ctx.section_items("progress_scales")
    from raadhuis.reference.taskfields import TASK_FIELDS

    known_codes = {t.code for t in TASK_FIELDS}
    seen: dict[tuple[str, str], int] = {}
    for i, p in enumerate(items):
        path: Path = ("programmes", i)
        key = (p.organisation, p.id)
        if key in seen:
            ctx.error(path + ("id",), f"programme {p.id!r} is given twice (also at programmes[{seen[key]}])")
        seen.setdefault(key, i)
        if p.organisation not in orgs:
            ctx.error(path + ("organisation",), f"unknown organisation {p.organisation!r}")
            continue
        for where, message in dom.problems(p, dom.scales_for(p, org_scales)):
            ctx.error(path + where, message)
        for j, own in enumerate(p.scales):
            for where, message in dom.scale_problems(own):
                ctx.error(path + ("scales", j) + where, message)
        units = ctx.unit_ids(p.organisation)
        posts = ctx.post_ids(p.organisation)
        events = ctx.event_ids(p.organisation)
        if p.owner is not None:
            _known(ctx, path + ("owner", "unit"), p.owner.unit, units, "unit", p.organisation)
            _known(ctx, path + ("owner", "post"), p.owner.post, posts, "post", p.organisation)
        for k, u in enumerate(p.units):
            _known(ctx, path + ("units", k), u, units, "unit", p.organisation)
        for k, x in enumerate(p.posts):
            _known(ctx, path + ("posts", k, "post"), x.post, posts, "post", p.organisation)
            _known(ctx, path + ("posts", k, "unit"), x.unit, units, "unit", p.organisation)
        for k, link in enumerate(p.events):
            if not link.events:
                ctx.error(path + ("events", k, "events"), "expected the ids of one or more change events")
            for m, ev in enumerate(link.events):
                _known(ctx, path + ("events", k, "events", m), ev, events, "event", p.organisation)
        for k, c in enumerate(p.challenges):
            if (p.organisation, c) not in challenge_keys:
                ctx.error(path + ("challenges", k), f"unknown challenge {c!r} of {p.organisation}")
        for k, code in enumerate(p.task_fields):
            if code not in known_codes:
                ctx.error(path + ("task_fields", k), f'unknown task field {code!r}; expected a BBV code such as "8.1"')
        if p.part_of is not None:
            if p.part_of == p.id:
                ctx.error(path + ("part_of",), "a programme cannot be a part of itself")
            elif (p.organisation, p.part_of) not in programme_keys:
                ctx.error(path + ("part_of",), f"unknown programme {p.part_of!r} of {p.organisation}")
        check_sources(programme_to_dict(p), path, sources, ctx)


def _known(ctx: CheckContext, path: Path, value: str | None, known: set[str], what: str, org: str) -> None:
    if value is not None and value not in known:
        ctx.error(path, f"unknown {what} {value!r} in {org}")


def check_sources(data: Any, path: Path, known: set[str], ctx: CheckContext) -> None:
    """Every citation in ``data`` (an item's canonical dict) must name a known source."""
    for where, sid in _citations(data, path):
        if sid not in known:
            ctx.error(where, f"unknown source {sid!r}; expected one of the sources listed")


def _citations(data: Any, path: Path) -> Iterable[tuple[Path, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                for j, c in enumerate(value):
                    if isinstance(c, str):
                        yield path + ("sources", j), c
                    elif isinstance(c, dict) and isinstance(c.get("source"), str):
                        yield path + ("sources", j, "source"), c["source"]
            else:
                yield from _citations(value, path + (key,))
    elif isinstance(data, list):
        for j, value in enumerate(data):
            yield from _citations(value, path + (j,))


PROGRAMMES = register(
    Section(
        name="programmes",
        kind="programme",
        decode=decode_programme,
        encode=programme_to_dict,
        key=lambda p: p.id,
        owner=lambda p: p.organisation,
        check=_check_programmes,
        description="Programmes and projects: budget, people, milestones, progress readings, and their sources.",
    )
)
