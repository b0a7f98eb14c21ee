"""Decided, not carried out: every decision never carried out, across the organisations one may read,
each with its decision and sources (page and JSON)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.i18n.formatting import count
from raadhuis.services import follow_up, register
from raadhuis.web.access import READ, can, require
from raadhuis.web.common import lang_of, render, tr

router = APIRouter()


def _readable(request: Request) -> list[str]:
    return [o["id"] for o in register.list_organisations(request.app.state.store) if can(request, READ, o["id"])]


@router.get("/undone", dependencies=[require(READ, org=None)], response_class=HTMLResponse)
def undone_page(request: Request) -> Response:
    lang = lang_of(request)
    items = follow_up.not_carried_out(request.app.state.store, _readable(request), lang=lang)
    groups: dict[str, dict[str, Any]] = {}
    for item in items:
        group = groups.setdefault(item["organisation"]["id"], {"organisation": item["organisation"], "items": []})
        group["items"].append(item)
    ordered = sorted(groups.values(), key=lambda g: str(g["organisation"]["name"]).lower())
    return render(
        request,
        "undone.html",
        title=tr("wb.undone_title", lang),
        groups=ordered,
        total=tr(
            "wb.undone_count",
            lang,
            n=count(len(items), "decision", lang),
            orgs=count(len(ordered), "organisation", lang),
        ),
    )


@router.get(
    "/api/v1/decisions/not-carried-out",
    dependencies=[require(READ, org=None)],
    summary="Besloten, niet uitgevoerd / decided, not carried out",
    tags=["analyses"],
)
def undone_api(request: Request) -> dict[str, Any]:
    lang = lang_of(request)
    return {"items": follow_up.not_carried_out(request.app.state.store, _readable(request), lang=lang)}
