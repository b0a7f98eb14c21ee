"""The section ``scenarios``: codec and cross-reference checks; and the baseline's fingerprint.

One scenario is **one record** (kind ``scenario``, keyed by its id within its organisation), its
proposed events inside it as canonical event dicts (decoded by the one decoder,
``canonical.decode.decode_event``). Why one record and not one per event: every edit — a form, a
drag on the chart, the API — changes the scenario as a whole (its events interact: a move needs
the unit an earlier merge made), so the version check is on the whole scenario and two people
editing one scenario at once are told so; a scenario holds tens of events, so a new version of the
whole is small; and copying, exporting, rebasing or promoting a scenario is one record.

Checks: the rules of :func:`raadhuis.domain.scenario.problems`, the organisation, the decision a
promoted scenario names, the sources cited, and that a proposal's id is not already an event of
the register (a promoted scenario's events *are* the register's events it made).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from raadhuis.canonical.decode import decode_event
from raadhuis.canonical.digest_text import post_text
from raadhuis.canonical.encode import event_to_dict, unit_to_dict
from raadhuis.canonical.evidence import choice, organisation_of, proof, proof_out, when
from raadhuis.canonical.paths import Path
from raadhuis.canonical.programmes import check_sources
from raadhuis.canonical.sections import CheckContext, DecodeContext, Section, register
from raadhuis.domain import scenario as dom
from raadhuis.domain.events import Event
from raadhuis.domain.model import Snapshot, View
from raadhuis.domain.scenario import AfterBranch, Baseline, Promotion, Scenario, ScenarioStatus

NAME = "scenarios"
KIND = "scenario"


def decode_scenario_event(raw: Any, org: str, seq: int, path: Path, ctx: DecodeContext) -> Event | None:
    """One proposed event of a scenario: an event dict whose status is 'proposed' unless it says."""
    if not isinstance(raw, dict):
        ctx.error(path, "expected an event in the dataset format (a mapping with id, type and date)")
        return None
    data = dict(raw)
    data.setdefault("status", "proposed")
    missing = [k for k in ("id", "type", "date") if data.get(k) in (None, "")]
    if missing:
        for key in missing:
            ctx.error(path + (key,), f"an event needs '{key}'")
        return None
    try:
        return decode_event(data, str(data.get("organisation") or org), seq, path, ctx.errors)
    except (KeyError, TypeError, ValueError) as exc:
        ctx.error(path, f"expected an event in the dataset format: {exc}")
        return None


def decode_scenario(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> Scenario | None:
    org = organisation_of(raw, path, ctx)
    if org is None:
        return None
    branch = when(raw, "from", path, ctx)
    if branch is None:
        if raw.get("from") is None:
            ctx.error(path + ("from",), "expected the day the scenario branches from ('from')")
        return None
    events = []
    for j, e in enumerate(raw.get("events", []) or []):
        ev = decode_scenario_event(e, org, j, path + ("events", j), ctx)
        if ev is not None:
            events.append(ev)
    based = raw.get("based_on")
    promoted = raw.get("promoted")
    return Scenario(
        id=str(raw["id"]),
        organisation=org,
        name=str(raw["name"]),
        branch=branch,
        view=choice(View, raw.get("view"), path + ("view",), ctx, View.ACTUAL),
        after_branch=choice(AfterBranch, raw.get("after_branch"), path + ("after_branch",), ctx, AfterBranch.REGISTER),
        status=choice(ScenarioStatus, raw.get("status"), path + ("status",), ctx, ScenarioStatus.DRAFT),
        events=tuple(events),
        owner=raw.get("owner"),
        description=raw.get("description"),
        decide_by=when(raw, "decide_by", path, ctx),
        effective_by=when(raw, "effective_by", path, ctx),
        based_on=Baseline(str(based["digest"]), based.get("noted_at")) if isinstance(based, dict) else None,
        copied_from=raw.get("copied_from"),
        promoted=(
            Promotion(
                str(promoted["decision"]), tuple(str(i) for i in promoted.get("events", []) or ()), promoted.get("at")
            )
            if isinstance(promoted, dict)
            else None
        ),
        **proof(raw),
    )


def scenario_event_to_dict(event: Event, organisation: str) -> dict[str, Any]:
    """An event as a scenario holds it: without the scenario's organisation, 'proposed' left out."""
    out = event_to_dict(event)
    if out.get("organisation") == organisation:
        del out["organisation"]
    if out.get("status") == "proposed":
        del out["status"]
    return out


def scenario_to_dict(s: Scenario) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "organisation": s.organisation, "name": s.name, "from": s.branch.text}
    if s.view is not View.ACTUAL:
        out["view"] = s.view.value
    if s.after_branch is not AfterBranch.REGISTER:
        out["after_branch"] = s.after_branch.value
    out["status"] = s.status.value
    for key in ("owner", "description", "copied_from"):
        if getattr(s, key):
            out[key] = getattr(s, key)
    if s.decide_by is not None:
        out["decide_by"] = s.decide_by.text
    if s.effective_by is not None:
        out["effective_by"] = s.effective_by.text
    if s.based_on is not None:
        out["based_on"] = {"digest": s.based_on.digest} | (
            {"noted_at": s.based_on.noted_at} if s.based_on.noted_at else {}
        )
    out["events"] = [scenario_event_to_dict(e, s.organisation) for e in s.events]
    if s.promoted is not None:
        out["promoted"] = {"decision": s.promoted.decision, "events": list(s.promoted.events)} | (
            {"at": s.promoted.at} if s.promoted.at else {}
        )
    return out | proof_out(s)


def _check(items: list[Scenario], ctx: CheckContext) -> None:
    orgs = ctx.organisation_ids()
    sources = ctx.source_ids()
    decisions = ctx.decision_ids()
    seen: dict[tuple[str, str], int] = {}
    for i, s in enumerate(items):
        path: Path = (NAME, i)
        key = (s.organisation, s.id)
        if key in seen:
            ctx.error(path + ("id",), f"scenario {s.id!r} is given twice (also at scenarios[{seen[key]}])")
        seen.setdefault(key, i)
        if s.organisation not in orgs:
            ctx.error(path + ("organisation",), f"unknown organisation {s.organisation!r}")
            continue
        for where, message in dom.problems(s):
            ctx.error(path + where, message)
        if s.promoted is not None and s.promoted.decision not in decisions:
            ctx.error(path + ("promoted", "decision"), f"unknown decision {s.promoted.decision!r}")
        if s.promoted is None:
            # Only the scenario's ids asked: the register's events are tens of thousands.
            register_ids = ctx.events_among(s.organisation, (e.id for e in s.events))
            for j, e in enumerate(s.events):
                if e.id in register_ids:
                    ctx.error(
                        path + ("events", j, "id"),
                        f"event id {e.id!r} is already an event of {s.organisation} in the register; "
                        "a proposal needs an id of its own",
                    )
        check_sources(scenario_to_dict(s), path, sources, ctx)


def snapshot_digest(snapshot: Snapshot) -> str:
    """The organisation on a day as a short fingerprint: its units and posts in the canonical form."""
    # One text hashed at once: the same bytes as one update per unit and post.
    units, posts = snapshot.units, snapshot.posts
    parts = [_UNIT_TEXT(unit_to_dict(units[uid])) for uid in sorted(units)]
    parts.append("|")
    parts += [post_text(posts[pid]) for pid in sorted(posts)]
    return hashlib.sha256("".join(parts).encode()).hexdigest()[:32]


# json.dumps(…, sort_keys=True, default=str) without making an encoder per unit.
_UNIT_TEXT = json.JSONEncoder(sort_keys=True, default=str).encode


def fingerprint(day_digest: str, later: Iterable[Event] = ()) -> str:
    """A scenario's baseline as a short fingerprint: the organisation on the branch day
    (:func:`snapshot_digest`) and the baseline's later events (their canonical dicts).

    Two registers that hold the same baseline give the same fingerprint, whatever their record ids
    or the order events were entered in."""
    texts = sorted(json.dumps(event_to_dict(e), sort_keys=True, default=str) for e in later)
    if not texts:
        return day_digest
    digest = hashlib.sha256(day_digest.encode())
    for text in texts:
        digest.update(text.encode())
    return digest.hexdigest()[:32]


SCENARIOS = register(
    Section(
        name=NAME,
        kind=KIND,
        decode=decode_scenario,
        encode=scenario_to_dict,
        key=lambda s: s.id,
        owner=lambda s: s.organisation,
        check=_check,
        description="Scenarios: a branch of one organisation from a day with proposed events, to compare and promote.",
    )
)
