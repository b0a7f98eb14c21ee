"""Who may see or change a trajectory: it belongs to several organisations, so its routes carry
the rule "on some organisation" (web/access.py) and then need the permission on at least one of
its participants. One check for the pages and the API alike."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from raadhuis.services import trajectories as svc
from raadhuis.services.access import Permission
from raadhuis.web.access import READ, AccessRefused, can


def participants_may(request: Request, permission: Permission, participants: list[str]) -> None:
    """Refuse (403) unless the user has ``permission`` on at least one participant."""
    if not any(can(request, permission, org) for org in participants):
        raise AccessRefused(403, "auth.forbidden_org", org=", ".join(participants))


def allowed(request: Request, trajectory: str, permission: Permission = READ) -> None:
    participants_may(request, permission, svc.participants(request.app.state.store, trajectory))


def readable(request: Request, listing: dict[str, Any]) -> dict[str, Any]:
    """A list of trajectories with only those the user may read."""
    listing["trajectories"] = [
        t for t in listing["trajectories"] if any(can(request, READ, p["id"]) for p in t["participants"])
    ]
    return listing
