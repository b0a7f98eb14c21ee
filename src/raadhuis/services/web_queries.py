"""Small questions the web pages ask that the register services do not answer yet.

Plain data out, like :mod:`raadhuis.services.register`, so the API can return the same.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from raadhuis.domain.model import StaffingKind, View
from raadhuis.services.register import NotFound, resolve_organisation, units_on
from raadhuis.store import repository as repo
from raadhuis.store.database import Store


def event_dates(store: Store, organisation: str) -> list[str]:
    """The days on which something happened (or was planned): steps for a date control."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        return [d.isoformat() for d in repo.event_dates(s, org.id)]


def staffing_by_unit(
    store: Store, organisation: str, at: date, view: View = View.ACTUAL
) -> dict[str, dict[str, float]]:
    """Per unit on a day: FTE per staffing kind, the open (unfilled) budget of posts whose staffing
    is recorded, and the budget of posts without any staffing recorded ("unknown": nobody said
    who fills them, which is not the same as saying nobody does)."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        # Straight from the stored rows: building Post objects costs more than the sums for a large organisation.
        rows = repo.post_rows_as_of(s, org.id, at, view)
        kinds = [k.value for k in StaffingKind]
        out: dict[str, dict[str, float]] = {}
        for unit_id, fte, filled, data in rows:
            row = out.get(unit_id)
            if row is None:
                row = out[unit_id] = dict.fromkeys(kinds, 0.0) | {"budget": 0.0, "open": 0.0, "unknown": 0.0}
            row["budget"] += fte
            lines: list[dict[str, Any]] = list(data.get("staffing") or ())
            for line in lines:
                row[line["kind"]] += float(line["fte"])
            if not lines:
                row["unknown"] += fte
            else:
                # Recorded staffing that leaves part of the budget unfilled: that part is open.
                row["open"] += max(0.0, fte - filled)
        return {uid: {k: round(v, 4) for k, v in row.items()} for uid, row in out.items()}


def unit_detail(store: Store, organisation: str, unit: str, at: date, view: View = View.ACTUAL) -> dict[str, Any]:
    """A unit on a day: its attributes, parent, children, posts with staffing, managers."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        units = units_on(s, store, org.id, at, view)
        versions = repo.unit_versions(s, org.id, unit, view)
        if not versions:
            raise NotFound("unit", unit, f"in {org.id}")
        current = units.get(unit)
        posts = sorted(repo.posts_as_of(s, org.id, at, view, unit).values(), key=lambda p: p.id) if current else []
        post_rows = [
            {
                "id": p.id,
                "title": p.title,
                "fte": p.fte,
                "scale": p.scale,
                "roles": list(p.roles),
                "manager": p.manager,
                "filled_fte": round(p.filled_fte, 4),
                "reports_to": p.reports_to,
                "staffing": [st.to_dict() for st in p.staffing],
            }
            for p in posts
        ]
        parent = units.get(current.parent) if current and current.parent else None
        return {
            "organisation": {"id": org.id, "name": org.name},
            "at": at.isoformat(),
            "view": view.value,
            "id": unit,
            "exists": current is not None,
            "name": current.name if current else versions[-1].name,
            "kind": current.kind if current else versions[-1].kind,
            "abbreviation": current.abbreviation if current else None,
            "temporary": current.temporary if current else False,
            "expected_end": current.expected_end if current else None,
            "parent": {"id": parent.id, "name": parent.name} if parent else None,
            "children": sorted(
                ({"id": u.id, "name": u.name} for u in units.values() if u.parent == unit),
                key=lambda c: c["name"].lower(),
            ),
            "task_fields": [{"code": t.code, "share": t.share} for t in current.task_fields] if current else [],
            "functional": list(current.functional) if current else [],
            "posts": post_rows,
            "managers": [p for p in post_rows if p["manager"]],
            "totals": {
                "posts": len(post_rows),
                "fte": round(sum(p.fte for p in posts), 4),
                "filled_fte": round(sum(p.filled_fte for p in posts), 4),
            },
            "first": versions[0].valid_from.isoformat(),
            "last": None if versions[-1].valid_to.year == 9999 else versions[-1].valid_to.isoformat(),
        }


def cooperations(store: Store, organisation: str | None = None) -> dict[str, Any]:
    """Cooperations (all, or those one organisation takes part in), with a network of partners."""
    with store.session() as s:
        names = {o.id: o.name for o in repo.organisations(s)}
        titles = {d["id"]: d.get("title") for d in repo.current_data(s, "source")}
        org_id = resolve_organisation(s, organisation).id if organisation else None
        items = []
        for c in repo.current_data(s, "cooperation"):
            parts = c.get("participants", []) or []
            if org_id and not any(p.get("organisation") == org_id for p in parts):
                continue
            cited = [x if isinstance(x, dict) else {"source": x} for x in c.get("sources", []) or []]
            items.append(
                dict(
                    c,
                    participants=[dict(p, name=names.get(p["organisation"], p["organisation"])) for p in parts],
                    sources=[dict(x, title=titles.get(x["source"])) for x in cited],
                )
            )
        nodes: dict[str, dict[str, Any]] = {}
        edges = []
        for c in items:
            nodes[c["id"]] = {"id": c["id"], "label": c["name"], "kind": "cooperation"}
            for p in c["participants"]:
                nodes.setdefault(
                    p["organisation"], {"id": p["organisation"], "label": p["name"], "kind": "organisation"}
                )
                edges.append(
                    {
                        "source": p["organisation"],
                        "target": c["id"],
                        "label": p.get("role") or "",
                        "share": p.get("share"),
                        "weight": p.get("share"),
                    }
                )
        return {"organisation": org_id, "cooperations": items, "nodes": list(nodes.values()), "edges": edges}
