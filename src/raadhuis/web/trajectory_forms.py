"""Form fields → items in the dataset format (an option, a milestone, an assessment), so that a
form passes the same checks as an import; and the checks' paths back → form field names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from raadhuis.canonical.errors import InputError

ORIGIN = "web"

OPTION_FIELDS = ("task", "id", "kind", "name", "legal_form", "centre", "description", "pool_key")
MILESTONE_FIELDS = ("id", "title", "date", "status", "phase", "decision_moment", "body", "decision", "description")
EVIDENCE_FIELDS = ("source", "quote", "assumption")


def text(form: Mapping[str, Any], key: str) -> str:
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


def _evidence(form: Mapping[str, Any], out: dict[str, Any], errors: list[InputError], required: bool) -> None:
    source, quote, assumption = text(form, "source"), text(form, "quote"), text(form, "assumption")
    if source:
        out["sources"] = [{"source": source, "quote": quote} if quote else source]
    elif quote:
        errors.append(InputError(ORIGIN, None, "source", "a quote needs the source it comes from"))
    if assumption:
        out["assumption"] = assumption
    if required and not source and not assumption:
        errors.append(
            InputError(ORIGIN, None, "source", "expected a source or an assumption (what is assumed and why)")
        )


def option_from_form(form: Mapping[str, Any], errors: list[InputError]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("id", "task", "kind", "name"):
        value = text(form, key)
        if not value:
            errors.append(InputError(ORIGIN, None, key, f"'{key}' is required"))
        out[key] = value
    for key in ("legal_form", "centre", "description"):
        if text(form, key):
            out[key] = text(form, key)
    if out.get("kind") == "pool":
        out["pool"] = {"key": text(form, "pool_key")} if text(form, "pool_key") else {}
    _evidence(form, out, errors, required=True)
    return out


def milestone_from_form(form: Mapping[str, Any], errors: list[InputError]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("id", "title", "date"):
        value = text(form, key)
        if not value:
            errors.append(InputError(ORIGIN, None, key, f"'{key}' is required"))
        out[key] = value
    out["status"] = text(form, "status") or "planned"
    for key in ("phase", "body", "decision", "description"):
        if text(form, key):
            out[key] = text(form, key)
    if form.get("decision_moment"):
        out["decision_moment"] = True
    _evidence(form, out, errors, required=True)
    return out


def assessment_from_form(
    form: Mapping[str, Any], trajectory: str, criteria: list[str], errors: list[InputError]
) -> dict[str, Any]:
    """One assessor's scores: a field ``score-<criterion>`` and ``reasoning-<criterion>`` per criterion."""
    out: dict[str, Any] = {"trajectory": trajectory, "option": text(form, "option"), "by": text(form, "by")}
    if not out["option"]:
        errors.append(InputError(ORIGIN, None, "option", "'option' is required"))
    if not out["by"]:
        errors.append(InputError(ORIGIN, None, "by", "a score needs who scored (by)"))
    if text(form, "date"):
        out["date"] = text(form, "date")
    scores = []
    for c in criteria:
        raw, reasoning = text(form, f"score-{c}"), text(form, f"reasoning-{c}")
        if not raw and not reasoning:
            continue
        entry: dict[str, Any] = {"criterion": c}
        if raw:
            try:
                entry["score"] = float(raw.replace(",", "."))
            except ValueError:
                errors.append(InputError(ORIGIN, None, f"score-{c}", f"expected a number, got {raw!r}"))
        if reasoning:
            entry["reasoning"] = reasoning
        elif raw:
            errors.append(InputError(ORIGIN, None, f"reasoning-{c}", "a score needs its reasoning"))
        if text(form, "figures_at") and c == "kwetsbaarheid":
            entry["figures_at"] = text(form, "figures_at")
        scores.append(entry)
    if not scores:
        errors.append(InputError(ORIGIN, None, f"score-{criteria[0]}", "expected at least one score or judgement"))
    out["scores"] = scores
    _evidence(form, out, errors, required=False)
    return out


_PATH = re.compile(r"^(?:trajectories|assessments)\[0\]\.?(.*)$")


def form_field(path: str, item: Mapping[str, Any] | None = None, kind: str = "") -> str:
    """The form field an error path is about: ``trajectories[0].options[3].kind`` → ``kind``,
    ``assessments[0].scores[1].score`` → ``score-<criterion of score 1>``."""
    m = _PATH.match(path)
    rest = m[1] if m else path
    if kind in ("option", "milestone"):
        rest = re.sub(r"^(options|milestones)\[\d+\]\.?", "", rest)
    if rest.startswith("scores[") and item is not None:
        idx = int(rest[7 : rest.index("]")])
        field = rest[rest.index("]") + 2 :] or "score"
        scores = item.get("scores", [])
        if idx < len(scores):
            name = "reasoning" if field == "reasoning" else "score"
            return f"{name}-{scores[idx]['criterion']}"
    head = rest.split(".")[0].split("[")[0]
    if head == "sources":
        return "source"
    return head or "(form)"
