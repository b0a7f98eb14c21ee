"""Cooperations: a table (form, partners, task fields, contribution, period) and a network."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.reference.legal_forms import legal_form
from raadhuis.services import register, web_queries
from raadhuis.web import chart
from raadhuis.web.access import READ, WRITE, can, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import lang_of, render, tr

router = APIRouter()


@router.get("/cooperations", dependencies=[require(READ, org=None)], response_class=HTMLResponse)
def all_cooperations(request: Request) -> Response:
    return _page(request, None)


@router.get("/o/{org}/cooperations", dependencies=[require(READ)], response_class=HTMLResponse)
def cooperations_of(request: Request, org: str) -> Response:
    return _page(request, org)


def _legal_form_label(key: Any, lang: str) -> str | None:
    """The glossary name of a legal form ('Openbaar lichaam'); a text that is no known form as recorded."""
    if not key:
        return None
    try:
        return legal_form(str(key)).label(lang)
    except KeyError:
        return str(key)


def _role_word(role: Any, lang: str) -> str:
    """A participant's role as recorded ('deelnemer', 'afnemer'), in English when asked and known."""
    word = tr(f"coop.role.{role}", lang)
    return str(role) if word == f"coop.role.{role}" else word


def _page(request: Request, org: str | None) -> Response:
    lang = lang_of(request)
    data = web_queries.cooperations(request.app.state.store, org)
    for c in data["cooperations"]:
        c["legal_form_label"] = _legal_form_label(c.get("legal_form"), lang)
    title = tr("web.network", lang)
    svg = chart.network_svg(data["nodes"], data["edges"], lang, data["organisation"], title) if data["nodes"] else ""
    from raadhuis.services import studies, trajectories

    return render(
        request,
        "cooperations.html",
        title=tr("web.cooperations", lang),
        data=data,
        outcomes=trajectories.outcomes(request.app.state.store, lang),
        findings=studies.findings_by_cooperation(request.app.state.store, lang),
        explorations=trajectories.trajectories(request.app.state.store, data["organisation"], lang=lang)[
            "trajectories"
        ],
        svg=trusted(svg),
        org={"id": data["organisation"]} if data["organisation"] else None,
        # The organisation by its name in the title, never its code (issue 13).
        org_name=register.organisation_names(request.app.state.store).get(data["organisation"], data["organisation"])
        if data["organisation"]
        else None,
        may_add=bool(data["organisation"]) and can(request, WRITE, data["organisation"]),
        org_names=register.organisation_names(request.app.state.store),
        role_word=lambda role: _role_word(role, lang),
    )
