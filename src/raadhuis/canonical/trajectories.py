"""Three sections for cooperation trajectories (see domain/trajectory.py and docs/samenwerking.md).

* ``trajectories`` — one record per trajectory; no single owner: it goes into the export of
  each of its participants (``concerns``) and of no other organisation;
* ``assessments`` — one record per trajectory, option and assessor (a consultant's form writes
  one record; scoring again makes a new version); it goes where its trajectory goes;
* ``cooperation_outcomes`` — one record per cooperation: where it came from (trajectory, task,
  option, decision) and the effects it was expected to bring and brought. A section of its own
  rather than fields of the cooperation: effects are judged later and by others (a rekenkamer
  in 2017 about a cooperation of 2012), each with its own source, and recording one must not
  make a new version of the cooperation itself. It goes where its cooperation goes.

The schema (formats/schema/sections/*.schema.json) checks the shape first; decoding then reads
dates as written (domain/written_dates.py) and ``check`` compares with the dataset and the
register: a participant not in the register, an option for a task that is not in the
trajectory, a score off the declared scale … each error at its path, nothing written.
"""

from __future__ import annotations

from typing import Any

from raadhuis.canonical.paths import Path
from raadhuis.canonical.records import cited_sources
from raadhuis.canonical.sections import CheckContext, DecodeContext, Section, register
from raadhuis.canonical.values import assumption, citations, citations_out, member
from raadhuis.domain.dates import DateError, parse_day
from raadhuis.domain.model import Citation
from raadhuis.domain.trajectory import (
    Amount,
    Assessment,
    Body,
    Bound,
    CooperationOutcome,
    Criterion,
    CriterionKind,
    Direction,
    Effect,
    EffectKind,
    Figure,
    Member,
    Milestone,
    MilestoneStatus,
    Option,
    OptionKind,
    Origin,
    OutcomeOrigin,
    Phase,
    Pool,
    PoolInput,
    PoolKey,
    Question,
    Scale,
    Score,
    Specialist,
    Task,
    TaskUnit,
    Trajectory,
    TrajectoryParticipant,
    TrajectoryStatus,
)
from raadhuis.domain.written_dates import WrittenDate, parse_written
from raadhuis.reference.legal_forms import KEYS as LEGAL_FORMS
from raadhuis.reference.taskfields import TASK_FIELDS

TASK_FIELD_CODES = frozenset(t.code for t in TASK_FIELDS)


# --- small values --------------------------------------------------------------------------


def _written(raw: dict[str, Any], key: str, path: Path, ctx: DecodeContext) -> WrittenDate | None:
    value = raw.get(key)
    if value is None:
        return None
    try:
        return parse_written(value)
    except DateError as exc:
        ctx.error(path + (key,), str(exc))
        return None


def _evidence(raw: dict[str, Any]) -> dict[str, Any]:
    return {"citations": citations(raw), "assumption": assumption(raw)}


def _evidence_out(out: dict[str, Any], cites: tuple[Citation, ...], mark: bool | str) -> dict[str, Any]:
    if cites:
        out["sources"] = citations_out(cites)
    if mark:
        out["assumption"] = mark
    return out


def _put(out: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Add the values that are set (not None, not empty, not False)."""
    for k, v in values.items():
        if v is not None and v != () and v != [] and v is not False:
            out[k] = v
    return out


def _amount(raw: dict[str, Any] | None) -> Amount | None:
    if raw is None:
        return None
    return Amount(
        float(raw["value"]),
        raw.get("per", "year"),
        raw.get("currency", "EUR"),
        member(Bound, raw.get("bound", "exact")),
        **_evidence(raw),
    )


def _amount_out(a: Amount | None) -> dict[str, Any] | None:
    if a is None:
        return None
    out: dict[str, Any] = {"value": _plain_number(a.value), "per": a.per, "currency": a.currency}
    if a.bound is not Bound.EXACT:
        out["bound"] = a.bound.value
    return _evidence_out(out, a.citations, a.assumption)


def _figure(raw: dict[str, Any] | None) -> Figure | None:
    if raw is None:
        return None
    return Figure(float(raw["value"]), raw.get("year"), **_evidence(raw))


def _figure_out(f: Figure | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return _evidence_out(_put({"value": _plain_number(f.value)}, year=f.year), f.citations, f.assumption)


# --- trajectories ----------------------------------------------------------------------------


def decode_trajectory(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> Trajectory | None:
    start_errors = len(ctx.errors)
    origin = None
    if raw.get("origin") is not None:
        o = raw["origin"]
        origin = Origin(
            o.get("text"),
            _written(o, "date", path + ("origin",), ctx),
            tuple(o.get("decisions", []) or []),
            **_evidence(o),
        )
    phases = []
    for i, p in enumerate(raw.get("phases", []) or []):
        where = path + ("phases", i)
        phases.append(
            Phase(
                p["id"],
                p["name"],
                _written(p, "start", where, ctx),
                _written(p, "end", where, ctx),
                member(MilestoneStatus, p.get("status", "planned")),
                p.get("description"),
                **_evidence(p),
            )
        )
    milestones = []
    for i, m in enumerate(raw.get("milestones", []) or []):
        when = _written(m, "date", path + ("milestones", i), ctx)
        if when is None:
            continue
        milestones.append(
            Milestone(
                m["id"],
                m["title"],
                when,
                member(MilestoneStatus, m.get("status", "planned")),
                m.get("phase"),
                bool(m.get("decision_moment", False)),
                m.get("body"),
                m.get("decision"),
                m.get("description"),
                **_evidence(m),
            )
        )
    scale_raw = raw.get("scale") or {}
    scale = Scale(
        float(scale_raw.get("min", -2)),
        float(scale_raw.get("max", 2)),
        float(scale_raw.get("step", 1)),
        tuple((float(lab["value"]), str(lab["label"])) for lab in scale_raw.get("labels", []) or []),
    )
    if len(ctx.errors) > start_errors:
        return None
    return Trajectory(
        id=raw["id"],
        name=raw["name"],
        participants=tuple(
            TrajectoryParticipant(p["organisation"], p.get("role", "deelnemer"), **_evidence(p))
            for p in raw.get("participants", []) or []
        ),
        status=member(TrajectoryStatus, raw.get("status", "exploring")),
        origin=origin,
        questions=tuple(Question(q["text"], citations(q)) for q in raw.get("questions", []) or []),
        criteria=tuple(
            Criterion(c["id"], member(CriterionKind, c["kind"]), c["name"], c.get("text"), **_evidence(c))
            for c in raw.get("criteria", []) or []
        ),
        governance=tuple(
            Body(
                b["id"],
                b["name"],
                b.get("role"),
                tuple(Member(m["post"], m.get("organisation"), m.get("post_id")) for m in b.get("members", []) or []),
                **_evidence(b),
            )
            for b in raw.get("governance", []) or []
        ),
        phases=tuple(phases),
        milestones=tuple(milestones),
        tasks=tuple(
            Task(
                t["id"],
                t["name"],
                t.get("task_field"),
                bool(t.get("pro_memorie", False)),
                t.get("written"),
                tuple(TaskUnit(u["organisation"], u["unit"]) for u in t.get("units", []) or []),
                t.get("description"),
                **_evidence(t),
            )
            for t in raw.get("tasks", []) or []
        ),
        options=tuple(_option(o) for o in raw.get("options", []) or []),
        scale=scale,
        description=raw.get("description"),
        **_evidence(raw),
    )


def _option(raw: dict[str, Any]) -> Option:
    pool = None
    if raw.get("pool") is not None:
        p = raw["pool"]
        pool = Pool(
            tuple(Specialist(s["role"], s.get("fte")) for s in p.get("specialists", []) or []),
            _amount(p.get("cost")),
            member(PoolKey, p["key"]) if p.get("key") else None,
            tuple(
                PoolInput(i["organisation"], _figure(i.get("inhabitants")), _figure(i.get("expected_use")))
                for i in p.get("inputs", []) or []
            ),
        )
    return Option(
        raw["id"],
        raw["task"],
        member(OptionKind, raw["kind"]),
        raw["name"],
        raw.get("legal_form"),
        raw.get("centre"),
        raw.get("description"),
        pool,
        **_evidence(raw),
    )


def option_to_dict(o: Option) -> dict[str, Any]:
    out = _put(
        {"id": o.id, "task": o.task, "kind": o.kind.value, "name": o.name},
        legal_form=o.legal_form,
        centre=o.centre,
        description=o.description,
    )
    if o.pool is not None:
        p = o.pool
        pool: dict[str, Any] = _put({}, key=p.key.value if p.key else None)
        if p.specialists:
            pool["specialists"] = [_put({"role": s.role}, fte=s.fte) for s in p.specialists]
        _put(pool, cost=_amount_out(p.cost))
        if p.inputs:
            pool["inputs"] = [
                _put(
                    {"organisation": i.organisation},
                    inhabitants=_figure_out(i.inhabitants),
                    expected_use=_figure_out(i.expected_use),
                )
                for i in p.inputs
            ]
        out["pool"] = pool
    return _evidence_out(out, o.citations, o.assumption)


def milestone_to_dict(m: Milestone) -> dict[str, Any]:
    out = _put(
        {"id": m.id, "title": m.title, "date": m.date.text, "status": m.status.value},
        phase=m.phase,
        decision_moment=m.decision_moment,
        body=m.body,
        decision=m.decision,
        description=m.description,
    )
    return _evidence_out(out, m.citations, m.assumption)


def encode_trajectory(t: Trajectory) -> dict[str, Any]:
    out: dict[str, Any] = {"id": t.id, "name": t.name, "status": t.status.value}
    _put(out, description=t.description)
    out["participants"] = [
        _evidence_out(_put({"organisation": p.organisation}, role=p.role), p.citations, p.assumption)
        for p in t.participants
    ]
    if t.origin is not None:
        o = t.origin
        out["origin"] = _evidence_out(
            _put({}, text=o.text, date=o.date.text if o.date else None, decisions=list(o.decisions)),
            o.citations,
            o.assumption,
        )
    if t.questions:
        out["questions"] = [_evidence_out({"text": q.text}, q.citations, False) for q in t.questions]
    if t.criteria:
        out["criteria"] = [
            _evidence_out(
                _put({"id": c.id, "kind": c.kind.value, "name": c.name}, text=c.text), c.citations, c.assumption
            )
            for c in t.criteria
        ]
    if t.governance:
        out["governance"] = [
            _evidence_out(
                _put(
                    {"id": b.id, "name": b.name},
                    role=b.role,
                    members=[_put({"post": m.post}, organisation=m.organisation, post_id=m.post_id) for m in b.members],
                ),
                b.citations,
                b.assumption,
            )
            for b in t.governance
        ]
    if t.phases:
        out["phases"] = [
            _evidence_out(
                _put(
                    {"id": p.id, "name": p.name, "status": p.status.value},
                    start=p.start.text if p.start else None,
                    end=p.end.text if p.end else None,
                    description=p.description,
                ),
                p.citations,
                p.assumption,
            )
            for p in t.phases
        ]
    if t.milestones:
        out["milestones"] = [milestone_to_dict(m) for m in t.milestones]
    if t.tasks:
        out["tasks"] = [
            _evidence_out(
                _put(
                    {"id": k.id, "name": k.name, "task_field": k.task_field, "pro_memorie": k.pro_memorie},
                    written=k.written,
                    units=[{"organisation": u.organisation, "unit": u.unit} for u in k.units],
                    description=k.description,
                ),
                k.citations,
                k.assumption,
            )
            for k in t.tasks
        ]
    if t.options:
        out["options"] = [option_to_dict(o) for o in t.options]
    if t.scale != Scale():
        s = t.scale
        scale: dict[str, Any] = {"min": s.minimum, "max": s.maximum}
        if s.step != 1:
            scale["step"] = s.step
        if s.labels:
            scale["labels"] = [{"value": v, "label": label} for v, label in s.labels]
        out["scale"] = scale
    return _evidence_out(out, t.citations, t.assumption)


def _prefixed(problems: list[tuple[tuple[str | int, ...], str]], path: Path, ctx: CheckContext) -> None:
    for where, message in problems:
        ctx.error(path + where, message)


def _check_sources(data: dict[str, Any], path: Path, ctx: CheckContext, known: set[str]) -> None:
    for sid in sorted(cited_sources(data) - known):
        ctx.error(path + ("sources",), f"unknown source {sid!r}; expected one of the sources listed")


def check_trajectories(items: list[Trajectory], ctx: CheckContext) -> None:
    orgs = ctx.organisation_ids()
    decisions = ctx.decision_ids()
    sources = ctx.source_ids()
    seen: set[str] = set()
    for i, t in enumerate(items):
        path: Path = ("trajectories", i)
        if t.id in seen:
            ctx.error(path + ("id",), f"trajectory {t.id!r} is listed twice")
        seen.add(t.id)
        _prefixed(t.problems(), path, ctx)
        if len(t.participants) < 1:
            ctx.error(path + ("participants",), "a trajectory needs at least one participant")
        for j, p in enumerate(t.participants):
            if p.organisation not in orgs:
                ctx.error(
                    path + ("participants", j, "organisation"),
                    f"organisation {p.organisation!r} is not in the register; declare it in 'organisations' "
                    "or import it first (raadhuis import-cbs)",
                )
        for j, d in enumerate(t.origin.decisions if t.origin else ()):
            if d not in decisions:
                ctx.error(
                    path + ("origin", "decisions", j), f"unknown decision {d!r}; expected one of the decisions listed"
                )
        for j, m in enumerate(t.milestones):
            if m.decision is not None and m.decision not in decisions:
                ctx.error(
                    path + ("milestones", j, "decision"),
                    f"unknown decision {m.decision!r}; expected one of the decisions listed",
                )
        for j, k in enumerate(t.tasks):
            if k.task_field is not None and k.task_field not in TASK_FIELD_CODES:
                ctx.error(
                    path + ("tasks", j, "task_field"),
                    f"task field {k.task_field!r} is not on the BBV list of task fields",
                )
            for n, u in enumerate(k.units):
                if u.organisation in orgs and u.unit not in ctx.unit_ids(u.organisation):
                    ctx.error(
                        path + ("tasks", j, "units", n, "unit"), f"unit {u.unit!r} does not exist on {u.organisation}"
                    )
        for j, b in enumerate(t.governance):
            for n, mem in enumerate(b.members):
                if mem.post_id and mem.organisation and mem.post_id not in ctx.post_ids(mem.organisation):
                    ctx.error(
                        path + ("governance", j, "members", n, "post_id"),
                        f"post {mem.post_id!r} does not exist on {mem.organisation}",
                    )
        for j, o in enumerate(t.options):
            if o.legal_form is not None and o.legal_form not in LEGAL_FORMS:
                ctx.error(
                    path + ("options", j, "legal_form"),
                    f"expected one of {', '.join(LEGAL_FORMS)}, got {o.legal_form!r}",
                )
        _check_sources(encode_trajectory(t), path, ctx, sources)


def _participants(t: Trajectory) -> list[str]:
    return t.participant_ids()


TRAJECTORIES: Section[Trajectory] = Section(
    name="trajectories",
    kind="trajectory",
    decode=decode_trajectory,
    encode=encode_trajectory,
    key=lambda t: t.id,
    owner=lambda t: None,
    concerns=_participants,
    check=check_trajectories,
    description="Samenwerkingstrajecten: deelnemers, criteria, sturing, mijlpalen, taken en opties",
)


# --- assessments -----------------------------------------------------------------------------


def decode_assessment(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> Assessment | None:
    start_errors = len(ctx.errors)
    scores = []
    for i, s in enumerate(raw.get("scores", []) or []):
        figures_at = None
        if s.get("figures_at") is not None:
            try:
                figures_at = parse_day(s["figures_at"])
            except DateError as exc:
                ctx.error(path + ("scores", i, "figures_at"), str(exc))
        value = s.get("score")
        scores.append(
            Score(
                s["criterion"],
                float(value) if value is not None else None,
                s.get("reasoning"),
                figures_at,
                **_evidence(s),
            )
        )
    when = _written(raw, "date", path, ctx)
    if len(ctx.errors) > start_errors:
        return None
    return Assessment(raw["trajectory"], raw["option"], raw["by"], tuple(scores), when, **_evidence(raw))


def encode_assessment(a: Assessment) -> dict[str, Any]:
    out = _put({"trajectory": a.trajectory, "option": a.option, "by": a.by}, date=a.date.text if a.date else None)
    out["scores"] = [
        _evidence_out(
            _put(
                {"criterion": s.criterion, "score": _plain_number(s.score)},
                reasoning=s.reasoning,
                figures_at=s.figures_at.isoformat() if s.figures_at else None,
            ),
            s.citations,
            s.assumption,
        )
        for s in a.scores
    ]
    return _evidence_out(out, a.citations, a.assumption)


def _plain_number(value: float | None) -> float | int | None:
    """A whole score as an integer (2, not 2.0), so an exported file reads as it was written."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def check_assessments(items: list[Assessment], ctx: CheckContext) -> None:
    trajectories = {t.id: t for t in ctx.section_items("trajectories")}
    sources = ctx.source_ids()
    seen: set[str] = set()
    for i, a in enumerate(items):
        path: Path = ("assessments", i)
        if a.key in seen:
            ctx.error(path + ("by",), f"option {a.option!r} of {a.trajectory!r} is assessed twice by {a.by!r}")
        seen.add(a.key)
        t = trajectories.get(a.trajectory)
        if t is None:
            ctx.error(
                path + ("trajectory",),
                f"unknown trajectory {a.trajectory!r}; expected one in the dataset or the register",
            )
            continue
        _prefixed(a.problems(t), path, ctx)
        _check_sources(encode_assessment(a), path, ctx, sources)


ASSESSMENTS: Section[Assessment] = Section(
    name="assessments",
    kind="assessment",
    decode=decode_assessment,
    encode=encode_assessment,
    key=lambda a: a.key,
    owner=lambda a: None,
    check=check_assessments,
    description="Beoordelingen van opties op de 3K's en de eigen criteria van een traject",
    parent=("trajectories", lambda a: a.trajectory),
)


# --- cooperation outcomes -------------------------------------------------------------------


def decode_outcome(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> CooperationOutcome | None:
    start_errors = len(ctx.errors)
    effects = []
    for i, e in enumerate(raw.get("effects", []) or []):
        effects.append(
            Effect(
                member(EffectKind, e["kind"]),
                tuple(e.get("criteria", []) or []),
                e["text"],
                member(Direction, e["direction"]) if e.get("direction") else None,
                e.get("organisation"),
                _amount(e.get("amount")),
                _written(e, "as_of", path + ("effects", i), ctx),
                **_evidence(e),
            )
        )
    origin = None
    if raw.get("origin") is not None:
        o = raw["origin"]
        origin = OutcomeOrigin(
            o.get("trajectory"), o.get("task"), o.get("option"), o.get("decision"), o.get("text"), **_evidence(o)
        )
    if len(ctx.errors) > start_errors:
        return None
    return CooperationOutcome(raw["cooperation"], tuple(effects), origin, raw.get("rationale"), **_evidence(raw))


def encode_outcome(c: CooperationOutcome) -> dict[str, Any]:
    out: dict[str, Any] = {"cooperation": c.cooperation}
    if c.origin is not None:
        o = c.origin
        out["origin"] = _evidence_out(
            _put({}, trajectory=o.trajectory, task=o.task, option=o.option, decision=o.decision, text=o.text),
            o.citations,
            o.assumption,
        )
    _put(out, rationale=c.rationale)
    if c.effects:
        out["effects"] = [
            _evidence_out(
                _put(
                    {"kind": e.kind.value, "criteria": list(e.criteria), "text": e.text},
                    direction=e.direction.value if e.direction else None,
                    organisation=e.organisation,
                    amount=_amount_out(e.amount),
                    as_of=e.as_of.text if e.as_of else None,
                ),
                e.citations,
                e.assumption,
            )
            for e in c.effects
        ]
    return _evidence_out(out, c.citations, c.assumption)


def _cooperation_participants(ctx: CheckContext) -> dict[str, set[str]]:
    out = {
        c["id"]: {p.get("organisation") for p in c.get("participants", []) or []}
        for c in ctx.known.records("cooperation")
    }
    out |= {c.id: {p.organisation for p in c.participants} for c in ctx.dataset.cooperations}
    return {k: {x for x in v if isinstance(x, str)} for k, v in out.items()}


def check_outcomes(items: list[CooperationOutcome], ctx: CheckContext) -> None:
    coops = _cooperation_participants(ctx)
    trajectories = {t.id: t for t in ctx.section_items("trajectories")}
    decisions = ctx.decision_ids()
    sources = ctx.source_ids()
    seen: set[str] = set()
    for i, c in enumerate(items):
        path: Path = ("cooperation_outcomes", i)
        if c.cooperation in seen:
            ctx.error(path + ("cooperation",), f"cooperation {c.cooperation!r} has two outcome records")
        seen.add(c.cooperation)
        if c.cooperation not in coops:
            ctx.error(
                path + ("cooperation",),
                f"unknown cooperation {c.cooperation!r}; expected one in the dataset or the register",
            )
        traj = trajectories.get(c.origin.trajectory) if c.origin and c.origin.trajectory else None
        _prefixed(c.problems(traj), path, ctx)
        if c.origin and c.origin.decision and c.origin.decision not in decisions:
            ctx.error(
                path + ("origin", "decision"),
                f"unknown decision {c.origin.decision!r}; expected one of the decisions listed",
            )
        for j, e in enumerate(c.effects):
            if e.organisation and c.cooperation in coops and e.organisation not in coops[c.cooperation]:
                ctx.error(
                    path + ("effects", j, "organisation"),
                    f"organisation {e.organisation!r} does not take part in cooperation {c.cooperation!r}",
                )
        _check_sources(encode_outcome(c), path, ctx, sources)


OUTCOMES: Section[CooperationOutcome] = Section(
    name="cooperation_outcomes",
    kind="cooperation_outcome",
    decode=decode_outcome,
    encode=encode_outcome,
    key=lambda c: c.cooperation,
    owner=lambda c: None,
    check=check_outcomes,
    description="Herkomst en effecten van een samenwerking: verwacht en bereikt, elk met bron",
    parent=("cooperations", lambda c: c.cooperation),
)

for _section in (TRAJECTORIES, ASSESSMENTS, OUTCOMES):
    register(_section)
